"""disclosure_run.lp: the release-time audit's last intervals are the attacker's LP's

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 05:00:00

True when the release-time audit ended with the linear program over every primary cell of the
year (narrow then counts what the LP narrows); False when the year had more hidden cells than
STM_DISCLOSURE_LP_CELLS, or the time ran out first, and the shuttle's bounds alone were
audited. NULL where the release-time audit did not run, and for runs computed before this
column existed.
"""

from alembic import op
import sqlalchemy as sa


revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("disclosure_run", sa.Column("lp", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("disclosure_run") as batch:
        batch.drop_column("lp")
