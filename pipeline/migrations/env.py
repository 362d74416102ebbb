"""Alembic environment: migrations run on the connection the case store hands over (see pipeline/store.py)."""
from alembic import context

from pipeline.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` from the command line, with sqlalchemy.url set
    from sqlalchemy import create_engine

    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
