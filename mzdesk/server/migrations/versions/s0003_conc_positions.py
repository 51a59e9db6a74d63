"""feed positions, the revision sequence, change ids per device

Records get ``pos`` (their place in the pull feed: revisions.py) and ``last_device``; rows
written before keep their revision as their position, so cursors already handed out stay
valid. On PostgreSQL revisions come from the sequence ``record_rev`` from now on, starting
after the counter. Change ids become unique per device, not across devices.

Revision ID: s0003_conc
Revises: s0003_ident
Create Date: 2026-12-01 18:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "s0003_conc"
down_revision: str | Sequence[str] | None = "s0003_ident"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POS_BASE = 1 << 40  # mzdesk.server.revisions.POS_BASE, as it was when this was written


def upgrade() -> None:
    bind = op.get_bind()
    last = bind.execute(sa.text("SELECT rev FROM counter WHERE id = 1")).scalar() or 0
    if last >= POS_BASE:
        raise RuntimeError("revisions have outgrown the feed positions' base; see revisions.py")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pos", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("last_device", sa.Uuid(), nullable=True))
    op.execute("UPDATE records SET pos = rev")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.alter_column("pos", existing_type=sa.BigInteger(), nullable=False)
        batch_op.drop_index("ix_records_institution_rev")
        batch_op.drop_index("ix_records_rev")
        batch_op.create_index("ix_records_institution_pos", ["institution_id", "pos"], unique=False)

    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_constraint("uq_changes_change_id", type_="unique")
        batch_op.create_unique_constraint("uq_changes_device_change", ["device_id", "change_id"])

    if bind.dialect.name == "postgresql":
        op.execute(f"CREATE SEQUENCE record_rev AS bigint START WITH {last + 1}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(
            "UPDATE counter SET rev = GREATEST(rev, (SELECT last_value FROM record_rev)) "
            "WHERE id = 1"
        )
        op.execute("DROP SEQUENCE record_rev")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_constraint("uq_changes_device_change", type_="unique")
        batch_op.create_unique_constraint("uq_changes_change_id", ["change_id"])
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index("ix_records_institution_pos")
        batch_op.create_index("ix_records_rev", ["rev"], unique=False)
        batch_op.create_index("ix_records_institution_rev", ["institution_id", "rev"], unique=False)
        batch_op.drop_column("last_device")
        batch_op.drop_column("pos")
