"""Alembic environment: the engine comes from the caller (events.store.db.upgrade)."""

from alembic import context

from events.store.tables import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
