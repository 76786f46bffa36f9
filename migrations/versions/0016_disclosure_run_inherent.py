"""disclosure_run.inherent: of the narrow cells left, those only earlier months give away

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 01:40:00

A primary cell the year's earlier released months bound within the protection level on their
own (1–M月 is never below a published 1–(M−1)月): narrow even with every figure of the month
hidden, so no repair of the month can help. NULL where the release-time audit did not run, and
for runs computed before this column existed.
"""

from alembic import op
import sqlalchemy as sa


revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("disclosure_run", sa.Column("inherent", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("disclosure_run") as batch:
        batch.drop_column("inherent")
