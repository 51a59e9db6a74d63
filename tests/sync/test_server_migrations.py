"""The server's schema: its migrations build exactly what its models declare, and a database
made before files could be private learns which of them are (s0005: a bureau's device may not
fetch a child's intake document)."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from mzdesk.server.db import _alembic, make_engine
from mzdesk.server.models import ServerBase


def test_the_migrations_build_what_the_models_declare(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    command.upgrade(_alembic(engine), "head")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), ServerBase.metadata)
    assert diff == []


def test_files_of_intake_documents_become_private_when_the_server_is_upgraded(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    command.upgrade(_alembic(engine), "s0004_files")
    home, other = uuid.uuid4(), uuid.uuid4()
    document, photo, both = "a" * 64, "b" * 64, "c" * 64
    attachments = [  # (institution, file, owner table)
        (home, document, "child_intakes"),
        (home, photo, "residents"),
        (home, both, "child_intakes"),
        (home, both, "residents"),  # the same picture also as a photo: not private
        (other, document, "inspections"),  # another home's copy of the same bytes
    ]
    records = sa.table(
        "records",
        sa.column("id", sa.Uuid()),
        sa.column("table_name", sa.String()),
        sa.column("institution_id", sa.Uuid()),
        sa.column("data", sa.JSON()),
        sa.column("field_revs", sa.JSON()),
        sa.column("field_devices", sa.JSON()),
        sa.column("field_meta", sa.JSON()),
        sa.column("rev", sa.BigInteger()),
        sa.column("deleted", sa.Boolean()),
        sa.column("pos", sa.BigInteger()),
    )
    refs = sa.table(
        "file_refs", sa.column("sha256", sa.String()), sa.column("institution_id", sa.Uuid())
    )
    with engine.begin() as conn:
        for n, (institution, sha256, owner) in enumerate(attachments):
            conn.execute(
                sa.insert(records).values(
                    id=uuid.uuid4(),
                    table_name="attachments",
                    institution_id=institution,
                    data={"sha256": sha256, "owner_table": owner},
                    field_revs={},
                    field_devices={},
                    field_meta={},
                    rev=n + 1,
                    deleted=False,
                    pos=n + 1,
                )
            )
        for institution, sha256 in {(i, s) for i, s, _ in attachments}:
            conn.execute(sa.insert(refs).values(sha256=sha256, institution_id=institution))
    command.upgrade(_alembic(engine), "head")
    with engine.connect() as conn:
        private = {
            (row.institution_id, row.sha256): row.private
            for row in conn.execute(
                sa.text("select sha256, institution_id, private from file_refs")
            )
        }
    assert private == {
        (home.hex, document): True,
        (home.hex, photo): False,
        (home.hex, both): False,
        (other.hex, document): False,
    }
