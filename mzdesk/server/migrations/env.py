"""Alembic environment of the server's own tables (``mzdesk.server.models``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from mzdesk.server.models import ServerBase

config = context.config


def run_migrations_online() -> None:
    engine: Engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=ServerBase.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
