"""institution credit codes: 统一社会信用代码 in the institution index, one institution each

Revision ID: s0003_ident
Revises: s0003_bounds
Create Date: 2026-12-01 17:45:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "s0003_ident"
down_revision: str | Sequence[str] | None = "s0003_bounds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("institution_index", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uscc", sa.String(length=18), nullable=True))
    # Fill it from the institutions' records. Before this revision devices could write an
    # institution's credit code, so two may share one: the earliest keeps it in the index
    # (the records are untouched), and the administrator sorts out the rest.
    records = sa.table(
        "records",
        sa.column("id", sa.Uuid()),
        sa.column("table_name", sa.String()),
        sa.column("data", sa.JSON()),
        sa.column("rev", sa.BigInteger()),
    )
    index = sa.table(
        "institution_index", sa.column("id", sa.Uuid()), sa.column("uscc", sa.String())
    )
    bind = op.get_bind()
    taken: set[str] = set()
    rows = bind.execute(
        sa.select(records.c.id, records.c.data)
        .where(records.c.table_name == "institutions")
        .order_by(records.c.rev)
    ).all()
    for row_id, data in rows:
        code = (data or {}).get("uscc")
        if isinstance(code, str) and code and len(code) <= 18 and code not in taken:
            taken.add(code)
            bind.execute(sa.update(index).where(index.c.id == row_id).values(uscc=code))
    with op.batch_alter_table("institution_index", schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f("uq_institution_index_uscc"), ["uscc"])


def downgrade() -> None:
    with op.batch_alter_table("institution_index", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_institution_index_uscc"), type_="unique")
        batch_op.drop_column("uscc")
