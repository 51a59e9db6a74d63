"""resident search: search_terms column and the resident_search FTS5 index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

The FTS5 table uses residents as external content (rowid = residents.rowid), kept current by
triggers. A later batch migration that recreates the residents table changes rowids: it must
end with ``INSERT INTO resident_search(resident_search) VALUES ('rebuild')``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mzdesk.core.search import resident_terms

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGGERS = {
    "residents_search_insert": """
        CREATE TRIGGER residents_search_insert AFTER INSERT ON residents BEGIN
            INSERT INTO resident_search(rowid, search_terms) VALUES (new.rowid, new.search_terms);
        END""",
    "residents_search_delete": """
        CREATE TRIGGER residents_search_delete AFTER DELETE ON residents BEGIN
            INSERT INTO resident_search(resident_search, rowid, search_terms)
            VALUES ('delete', old.rowid, old.search_terms);
        END""",
    "residents_search_update": """
        CREATE TRIGGER residents_search_update AFTER UPDATE OF search_terms ON residents BEGIN
            INSERT INTO resident_search(resident_search, rowid, search_terms)
            VALUES ('delete', old.rowid, old.search_terms);
            INSERT INTO resident_search(rowid, search_terms) VALUES (new.rowid, new.search_terms);
        END""",
}


def upgrade() -> None:
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_terms", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, name, name_initials, id_number FROM residents")
    ).all()
    if rows:
        connection.execute(
            sa.text("UPDATE residents SET search_terms = :terms WHERE id = :id"),
            [
                {"id": r.id, "terms": resident_terms(r.name, r.name_initials or "", r.id_number)}
                for r in rows
            ],
        )
    op.execute(
        "CREATE VIRTUAL TABLE resident_search USING fts5("
        "search_terms, content='residents', content_rowid='rowid', prefix='1 2 3 4', tokenize='unicode61')"
    )
    for sql in TRIGGERS.values():
        op.execute(sql)
    op.execute("INSERT INTO resident_search(resident_search) VALUES ('rebuild')")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS resident_search")
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.drop_column("search_terms")
