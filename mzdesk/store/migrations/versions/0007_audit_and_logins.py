"""audit trail, login counters, the author of each outbox entry

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 15:30:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("user_name", sa.String(length=50), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=True),
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_row", "audit_log", ["row_id", "seq"])
    op.create_index("ix_audit_log_user", "audit_log", ["user_id", "seq"])
    op.create_table(
        "login_attempts",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_login_attempts")),
    )
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("author_id", sa.Uuid(), nullable=True))
    op.create_index("ix_users_institution_username", "users", ["institution_id", "username"])


def downgrade() -> None:
    op.drop_index("ix_users_institution_username", table_name="users")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("author_id")
    op.drop_table("login_attempts")
    op.drop_index("ix_audit_log_user", table_name="audit_log")
    op.drop_index("ix_audit_log_row", table_name="audit_log")
    op.drop_table("audit_log")
