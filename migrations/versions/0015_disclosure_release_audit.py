"""disclosure_run.pinned and .narrow: what the release-time audit still finds after its repair

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 18:30:00

Primary cells the year's published cells fix exactly (pinned) or bound within the protection
level (narrow). NULL for runs computed before the audit existed, and for January (no cells).
"""

from alembic import op
import sqlalchemy as sa


revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("disclosure_run", sa.Column("pinned", sa.Integer(), nullable=True))
    op.add_column("disclosure_run", sa.Column("narrow", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("disclosure_run") as batch:
        batch.drop_column("narrow")
        batch.drop_column("pinned")
