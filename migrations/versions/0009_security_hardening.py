"""security hardening: enterprise before-images, session versions, sign-in throttle

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 04:00:00

enterprise_prior keeps an enterprise's master data as it was before a batch changed it, so
retracting the batch restores it. user_account.session_version is raised on logout and password
change and invalidates copied cookies. login_throttle counts failed sign-ins per account and
client address (an atomic upsert) for a growing delay instead of a lock anyone could trigger.
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'enterprise_prior',
        sa.Column('batch_id', sa.Integer(), nullable=False),
        sa.Column('uscc', sa.String(length=18), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('region_code', sa.String(length=20), nullable=False),
        sa.Column('first_period', sa.Integer(), nullable=True),
        sa.Column('last_period', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['batch_id'], ['upload_batch.id'], name=op.f('fk_enterprise_prior_batch_id_upload_batch')),
        sa.PrimaryKeyConstraint('batch_id', 'uscc', name=op.f('pk_enterprise_prior')),
    )
    op.create_table(
        'login_throttle',
        sa.Column('username', sa.String(length=64), nullable=False),
        sa.Column('remote_addr', sa.String(length=64), nullable=False),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('last_failed_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('username', 'remote_addr', name=op.f('pk_login_throttle')),
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('session_version', sa.Integer(), server_default='0', nullable=False)
        )


def downgrade() -> None:
    op.drop_column('user_account', 'session_version')
    op.drop_table('login_throttle')
    op.drop_table('enterprise_prior')
