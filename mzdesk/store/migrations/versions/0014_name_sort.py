"""name lists sort by the surname's full pinyin: name_sort on residents and care workers,
and full-pinyin search terms

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

``name_sort`` (core.pinyin.sort_key) replaces ``name_initials`` in the resident list's name
index, so the list reads a page in that order without sorting. Existing rows are filled in,
and every resident's ``search_terms`` is derived again (now with full spellings: zeng,
zhangs); the FTS5 triggers keep resident_search current.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mzdesk.core.pinyin import sort_key
from mzdesk.core.search import resident_terms

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 2000


def _fill(table: str, *, terms: bool) -> None:
    bind = op.get_bind()
    columns = "id, name, name_initials, id_number" if terms else "id, name"
    rows = bind.execute(sa.text(f"SELECT {columns} FROM {table}")).all()
    sets = "name_sort = :sort" + (", search_terms = :terms" if terms else "")
    statement = sa.text(f"UPDATE {table} SET {sets} WHERE id = :id")
    for start in range(0, len(rows), _BATCH):
        values = []
        for row in rows[start : start + _BATCH]:
            value = {"id": row.id, "sort": sort_key(row.name or "")}
            if terms:
                value["terms"] = resident_terms(
                    row.name or "", row.name_initials or "", row.id_number
                )
            values.append(value)
        bind.execute(statement, values)


def upgrade() -> None:
    for table in ("residents", "care_workers"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column("name_sort", sa.Text(), nullable=False, server_default="")
            )
    _fill("residents", terms=True)
    _fill("care_workers", terms=False)
    op.drop_index("ix_residents_list_name", table_name="residents")
    op.create_index(
        "ix_residents_list_name", "residents", ["institution_id", "name_sort", "id"], unique=False
    )
    op.create_index(
        "ix_care_workers_list_name",
        "care_workers",
        ["institution_id", "name_sort", "id"],
        unique=False,
    )
    op.execute("INSERT INTO resident_search(resident_search) VALUES ('rebuild')")


def downgrade() -> None:
    op.drop_index("ix_care_workers_list_name", table_name="care_workers")
    op.drop_index("ix_residents_list_name", table_name="residents")
    op.create_index(
        "ix_residents_list_name",
        "residents",
        ["institution_id", "name_initials", "id"],
        unique=False,
    )
    for table in ("residents", "care_workers"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("name_sort")
