"""files that sync: stored photos and signatures, which institutions refer to them, and the
files a device's last USB bundle asked for

Revision ID: s0004_files
Revises: s0003_conc
Create Date: 2026-12-02 00:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "s0004_files"
down_revision: str | Sequence[str] | None = "s0003_conc"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stored_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=50), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_files")),
    )
    op.create_table(
        "file_refs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "institution_id", name=op.f("pk_file_refs")),
    )
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("files_wanted", sa.JSON(), nullable=True))
    # attachment rows already on the server name their files
    records = sa.table(
        "records",
        sa.column("table_name", sa.String()),
        sa.column("institution_id", sa.Uuid()),
        sa.column("data", sa.JSON()),
    )
    refs = sa.table(
        "file_refs", sa.column("sha256", sa.String()), sa.column("institution_id", sa.Uuid())
    )
    bind = op.get_bind()
    seen: set[tuple[str, object]] = set()
    for institution_id, data in bind.execute(
        sa.select(records.c.institution_id, records.c.data).where(
            records.c.table_name == "attachments"
        )
    ):
        sha256 = (data or {}).get("sha256")
        if isinstance(sha256, str) and len(sha256) == 64 and (sha256, institution_id) not in seen:
            seen.add((sha256, institution_id))
            bind.execute(sa.insert(refs).values(sha256=sha256, institution_id=institution_id))


def downgrade() -> None:
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_column("files_wanted")
    op.drop_table("file_refs")
    op.drop_table("stored_files")
