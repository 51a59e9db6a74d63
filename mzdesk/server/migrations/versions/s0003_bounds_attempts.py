"""failed attempts with a secret, counted per window (throttling, issue 10)

Revision ID: s0003_bounds
Revises: s0002
Create Date: 2026-12-01 18:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "s0003_bounds"
down_revision: str | Sequence[str] | None = "s0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attempts",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_attempts")),
    )
    op.create_index(op.f("ix_attempts_window_start"), "attempts", ["window_start"])


def downgrade() -> None:
    op.drop_index(op.f("ix_attempts_window_start"), table_name="attempts")
    op.drop_table("attempts")
