"""rendered chunks: per-event output bytes shared by every instance

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rendered_chunks",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("digest"),
    )
    with op.batch_alter_table("rendered_chunks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rendered_chunks_created"), ["created"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rendered_chunks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rendered_chunks_created"))
    op.drop_table("rendered_chunks")
