"""Alembic, run from code: every database is brought to the newest schema when opened.

Opening a database whose schema is current (every start of the app) does not load Alembic:
the stored revision is one SELECT, the newest one is read from the scripts' ``revision`` and
``down_revision`` lines; Alembic itself is imported only to migrate.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from mzdesk.store.backup.hooks import before_change

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^(down_revision|revision)\b[^=]*=\s*(.+)$", re.MULTILINE)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Tables that models do not describe on purpose: the FTS5 index and its shadow tables."""
    return not (type_ == "table" and name is not None and name.startswith("resident_search"))


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

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
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


@cache
def head_revision() -> str | None:
    """The newest schema this code knows (read once: the scripts do not change at run time):
    the one revision no script names as its ``down_revision``. Alembic's own answer when the
    scripts are not that simple (a merge, a branch, a line this reading does not follow)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = {
            name: value.strip() for name, value in _REVISION.findall(script.read_text("utf-8"))
        }
        revision = _quoted(found.get("revision", ""))
        parent = found.get("down_revision", "")
        parent_id = None if parent == "None" else _quoted(parent)
        if revision is None or (parent != "None" and parent_id is None):
            return _alembic_head()
        revisions.add(revision)
        if parent_id is not None:
            parents.add(parent_id)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else _alembic_head()


def _quoted(value: str) -> str | None:
    """``"0012"`` → ``0012``; anything but one quoted string literal → None."""
    match = re.fullmatch(r"([\"'])([\w-]+)\1", value)
    return match.group(2) if match else None


def _alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None: never migrated); one SELECT."""
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except (OperationalError, ProgrammingError):  # no such table: a new database
            return None
    if len(rows) > 1:  # several heads stored: Alembic's own answer (an error, as before)
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    return rows[0] if rows else None
