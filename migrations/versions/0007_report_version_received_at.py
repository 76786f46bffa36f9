"""report_version.received_at: when a report was received, for loads of historical data

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 10:00:00

A normal upload leaves it empty: the report was received when its batch was uploaded. A load of
reports received earlier (a migration from another system, the synthetic sample) records each
report's own time here, so coverage can tell on-time from late reports of the past.
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('report_version', schema=None) as batch_op:
        batch_op.add_column(sa.Column('received_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite ≥ 3.35): batch mode would copy report_version, which reports and
    # lines reference, and SQLite's foreign-key check refuses that once data is loaded.
    op.drop_column('report_version', 'received_at')
