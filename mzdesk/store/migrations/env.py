"""Alembic environment: the engine comes from mzdesk (``config.attributes["engine"]``)."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlalchemy import Connection, Engine, create_engine

from mzdesk.store.migrate import include_name
from mzdesk.store.models import Base, VocabType

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    # Migrations must not depend on application types that may change: a vocabulary column
    # is a plain string column in the schema.
    if type_ == "type" and isinstance(obj, VocabType):
        return "sa.String(length=32)"
    return False


def _run(connection: Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    raw = connection.connection.dbapi_connection if sqlite else None
    if raw is not None:
        # Batch migrations recreate tables; foreign keys must be off around them, and the
        # pragma only takes effect outside a transaction (mzdesk's SQLite connections are in
        # driver autocommit mode until SQLAlchemy begins one).
        raw.execute("PRAGMA foreign_keys=OFF")
    try:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=sqlite,
            compare_type=True,
            render_item=_render_item,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            connection.commit()
            if broken:
                raise RuntimeError(f"a migration left rows with broken foreign keys: {broken[:5]}")
    finally:
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=ON")


def run_migrations_online() -> None:
    engine: Engine | None = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError("no engine or sqlalchemy.url given to the mzdesk migrations")
        engine = create_engine(url)
    with engine.connect() as connection:
        _run(connection)


run_migrations_online()
