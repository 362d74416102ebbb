"""Everything a case is: documents (originals kept by content), fields with sources, check results, reviewers,
decisions, issued certificates, an append-only audit log, and cached readings; service clocks on cases.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NEW_CASE_COLUMNS = [
    sa.Column("submission_key", sa.String(64)), sa.Column("status", sa.String(20)),
    sa.Column("suggested_outcome", sa.String(20)), sa.Column("handling", sa.String(20)),
    sa.Column("received_at", sa.DateTime), sa.Column("deadline", sa.DateTime), sa.Column("kb_version", sa.String(80)),
    sa.Column("model_versions", sa.Text), sa.Column("direction", sa.String(10)), sa.Column("claimed_by", sa.String(120)),
]


def upgrade() -> None:
    with op.batch_alter_table("cases") as b:
        for col in NEW_CASE_COLUMNS:
            b.add_column(col)
    op.create_index("ix_cases_submission_key", "cases", ["submission_key"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(200), sa.ForeignKey("cases.case_id"), nullable=False, index=True),
        sa.Column("file", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("original", sa.String(500)), sa.Column("size", sa.Integer),
        sa.Column("doc_type", sa.String(40)), sa.Column("doc_type_confidence", sa.Float),
        sa.Column("pages", sa.Integer), sa.Column("text_source", sa.String(20)), sa.Column("ocr_confidence", sa.Float),
    )
    op.create_table(
        "fields",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False, index=True),
        sa.Column("name", sa.String(120), nullable=False), sa.Column("value_json", sa.Text),
        sa.Column("confidence", sa.Float), sa.Column("page", sa.Integer), sa.Column("box_json", sa.String(200)),
    )
    op.create_table(
        "check_results",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(200), sa.ForeignKey("cases.case_id"), nullable=False, index=True),
        sa.Column("check_id", sa.String(60), nullable=False), sa.Column("status", sa.String(10), nullable=False),
        sa.Column("blocking", sa.Boolean, nullable=False), sa.Column("message", sa.Text),
        sa.Column("document", sa.String(500)), sa.Column("field", sa.String(120)), sa.Column("item", sa.Integer),
    )
    op.create_table(
        "reviewers",
        sa.Column("reviewer_id", sa.String(120), primary_key=True), sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(40), nullable=False), sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(200), sa.ForeignKey("cases.case_id"), nullable=False, index=True),
        sa.Column("reviewer_id", sa.String(120), sa.ForeignKey("reviewers.reviewer_id"), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False), sa.Column("note", sa.Text),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(200), nullable=False, index=True),
        sa.Column("at", sa.DateTime, nullable=False), sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False), sa.Column("detail", sa.Text),
        sa.Column("kb_version", sa.String(80)), sa.Column("model_versions", sa.Text),
    )
    op.create_table(
        "issued_certificates",
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("case_id", sa.String(200), sa.ForeignKey("cases.case_id"), nullable=False, unique=True),
        sa.Column("certificate_number", sa.String(100)), sa.Column("issued_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "extractions",
        sa.Column("sha256", sa.String(64), primary_key=True), sa.Column("extractor", sa.String(40), primary_key=True),
        sa.Column("document", sa.LargeBinary, nullable=False), sa.Column("at", sa.DateTime, nullable=False),
    )
    # the audit log and reviewers' decisions are append-only, in the database itself, not only by convention
    dialect = op.get_bind().dialect.name
    for table in ("events", "decisions"):
        if dialect == "sqlite":
            for what in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{what.lower()} BEFORE {what} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
        elif dialect == "postgresql":
            op.execute("CREATE OR REPLACE FUNCTION append_only() RETURNS trigger AS $$ BEGIN "
                       "RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql")
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION append_only()")


def downgrade() -> None:
    for table in ("extractions", "issued_certificates", "events", "decisions", "reviewers", "check_results", "fields",
                  "documents"):
        op.drop_table(table)
    op.drop_index("ix_cases_submission_key", "cases")
    with op.batch_alter_table("cases") as b:
        for col in NEW_CASE_COLUMNS:
            b.drop_column(col.name)
