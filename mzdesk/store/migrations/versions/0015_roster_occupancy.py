"""bed_history.occupied: the occupancy a beds roster reported (状态 在住 without residents)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 06:40:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0015"
down_revision: Union[str, Sequence[str], None] = "0014"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # a plain ADD COLUMN: a batch copy of the table would drop its statistics triggers (0005)
    op.add_column("bed_history", sa.Column("occupied", sa.Boolean(), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("bed_history", "occupied")  # SQLite 3.35+: no table copy, triggers kept
