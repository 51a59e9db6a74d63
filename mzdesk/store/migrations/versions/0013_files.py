"""files on their way to and from the server; 双随机 draws

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 00:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0013"
down_revision: Union[str, Sequence[str], None] = "0012"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "file_transfers",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("on_server_at", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_file_transfers")),
    )
    op.create_table(
        "sample_draws",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("made_by", sa.Uuid(), nullable=True),
        sa.Column("draw_date", sa.Date(), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column("algorithm", sa.String(length=40), nullable=False),
        sa.Column("seed", sa.String(length=40), nullable=False),
        sa.Column("institutions_wanted", sa.Integer(), nullable=False),
        sa.Column("inspectors_per_home", sa.Integer(), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.Column("inspectors", sa.JSON(), nullable=False),
        sa.Column("drawn", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sample_draws")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("sample_draws")
    op.drop_table("file_transfers")
