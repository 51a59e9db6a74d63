"""files of a child's private record: a file reference is private while every attachment of
the institution naming it belongs to one (an intake document), so a bureau's device, which
sees the institution only through its region, may not fetch it

Revision ID: s0005_private_files
Revises: s0004_files
Create Date: 2026-12-02 13:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "s0005_private_files"
down_revision: str | Sequence[str] | None = "s0004_files"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# core/children.py PRIVATE_FIELDS as of this revision (a migration does not follow later edits)
PRIVATE_OWNERS = ("child_intakes", "family_notices", "child_placements", "placement_visits")


def upgrade() -> None:
    with op.batch_alter_table("file_refs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("private", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    records = sa.table(
        "records",
        sa.column("table_name", sa.String()),
        sa.column("institution_id", sa.Uuid()),
        sa.column("data", sa.JSON()),
    )
    refs = sa.table(
        "file_refs",
        sa.column("sha256", sa.String()),
        sa.column("institution_id", sa.Uuid()),
        sa.column("private", sa.Boolean()),
    )
    bind = op.get_bind()
    owners: dict[tuple[str, object], bool] = {}  # (file, institution) → every owner private
    for institution_id, data in bind.execute(
        sa.select(records.c.institution_id, records.c.data).where(
            records.c.table_name == "attachments"
        )
    ):
        sha256 = (data or {}).get("sha256")
        if isinstance(sha256, str) and len(sha256) == 64:
            key = (sha256, institution_id)
            private = (data or {}).get("owner_table") in PRIVATE_OWNERS
            owners[key] = owners.get(key, True) and private
    for (sha256, institution_id), private in owners.items():
        if private:
            bind.execute(
                sa.update(refs)
                .where(refs.c.sha256 == sha256, refs.c.institution_id == institution_id)
                .values(private=True)
            )


def downgrade() -> None:
    with op.batch_alter_table("file_refs", schema=None) as batch_op:
        batch_op.drop_column("private")
