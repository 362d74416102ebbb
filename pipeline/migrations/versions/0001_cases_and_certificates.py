"""The first case store: reviewed cases and the certificate numbers they used.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("case_id", sa.String(200), primary_key=True),
        sa.Column("submitted_at", sa.String(40)),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("queue", sa.String(40)),
        sa.Column("confidence", sa.Float),
        sa.Column("result_json", sa.Text, nullable=False),
        sa.Column("reviewed_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "certificates",
        sa.Column("certificate_number", sa.String(100), primary_key=True),
        sa.Column("case_id", sa.String(200), primary_key=True),
        sa.Column("submitted_at", sa.String(40)),
    )


def downgrade() -> None:
    op.drop_table("certificates")
    op.drop_table("cases")
