"""The database schema: migrations are the source of truth and must match the models."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from mzdesk.store.engine import default_db_path, open_store
from mzdesk.store.migrate import current_revision, head_revision, include_name
from mzdesk.store.models import Base, Synced


def test_migrations_produce_exactly_the_models(tmp_path: Path):
    store = open_store(tmp_path / "m.db")
    with store.engine.connect() as conn:
        options = {"compare_type": True, "include_name": include_name}
        diff = compare_metadata(MigrationContext.configure(conn, opts=options), Base.metadata)
    assert diff == [], f"models and migrations differ; write a migration: {diff}"


def test_opening_applies_migrations_once_and_is_repeatable(tmp_path: Path):
    path = tmp_path / "again.db"
    open_store(path).close()
    store = open_store(path)
    assert current_revision(store.engine) == head_revision()


def test_sqlite_pragmas(tmp_path: Path):
    store = open_store(tmp_path / "p.db")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL


def test_every_synced_table_is_scoped_and_tombstoned(tmp_path: Path):
    store = open_store(tmp_path / "s.db")
    columns_of = inspect(store.engine).get_columns
    synced = [m.local_table.name for m in Base.registry.mappers if issubclass(m.class_, Synced)]
    assert len(synced) >= 17
    for table in synced:
        names = {c["name"] for c in columns_of(table)}
        assert {"id", "institution_id", "deleted_at", "server_rev", "updated_at"} <= names, table


def test_default_database_lives_in_the_user_data_folder(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "mzdesk" / "mzdesk.db"


def test_the_cheap_schema_check_agrees_with_alembic(tmp_path: Path):
    # opening a current database reads the head from the scripts and the stored revision with
    # one SELECT, without loading Alembic: both must give Alembic's answers
    from alembic.script import ScriptDirectory

    from mzdesk.store.migrate import alembic_config

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
    store = open_store(tmp_path / "c.db", migrate=False)
    assert current_revision(store.engine) is None  # never migrated: no alembic_version table
    upgrade_to = "0003"
    from alembic import command

    command.upgrade(alembic_config(store.engine), upgrade_to)
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == upgrade_to
    assert current_revision(store.engine) == upgrade_to
    store.close()
    store = open_store(tmp_path / "c.db")
    assert current_revision(store.engine) == head_revision()
    store.close()
