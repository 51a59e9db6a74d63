"""Alembic, run from code: every database is brought to the newest schema when opened."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from mzdesk.store.backup.hooks import before_change

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Tables that models do not describe on purpose: the FTS5 index and its shadow tables."""
    return not (type_ == "table" and name is not None and name.startswith("resident_search"))


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    current = current_revision(engine)
    if current == head_revision():
        return
    if current is not None:  # an existing database whose schema changes now: back it up
        before_change(engine, "migration")
    command.upgrade(alembic_config(engine), "head")


@cache
def head_revision() -> str | None:
    """The newest schema this code knows (read once: the scripts do not change at run time)."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
