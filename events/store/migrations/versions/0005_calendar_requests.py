"""calendar requests: which calendar variants subscribers ask for, warmed first after a change

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_requests",
        sa.Column("variant", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("query", sa.JSON(), nullable=False),
        sa.Column("renders", sa.Integer(), nullable=False),
        sa.Column("last_requested", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("variant"),
    )


def downgrade() -> None:
    op.drop_table("calendar_requests")
