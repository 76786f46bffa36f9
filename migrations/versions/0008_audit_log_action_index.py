"""audit_log (action, id) index

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 19:25:00

etl.data_version reads the newest reference-data change (max id of one action) on every
remembered read, and the targets admin page lists one family of actions: without this index both
scan the whole log, which grows with every sign-in and download.
"""

from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_audit_log_action', 'audit_log', ['action', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_audit_log_action', table_name='audit_log')
