"""api tokens and external published totals

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-05 06:14:10.417243

api_token holds the SHA-256 of each bearer token of the read-only API (/api/v1), its user, expiry,
revocation, last use and the rate window; external_batch and external_figure hold published totals
(SAFE BOP, MOFCOM, the statistics bureau) that direct reports are reconciled with (对比监测).
"""

from alembic import op
import sqlalchemy as sa
import etl.models


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('external_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('loaded_by', sa.String(length=64), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_external_batch')),
    sa.UniqueConstraint('sha256', name=op.f('uq_external_batch_sha256'))
    )
    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('prefix', sa.String(length=16), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_by', sa.String(length=64), nullable=True),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('rate_window', sa.BigInteger(), nullable=False),
    sa.Column('rate_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_api_token_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_token_token_hash'))
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_token_user_id'), ['user_id'], unique=False)

    op.create_table('external_figure',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('area_code', sa.String(length=20), nullable=False),
    sa.Column('area_name', sa.String(length=100), nullable=False),
    sa.Column('period_from', sa.Integer(), nullable=False),
    sa.Column('period_to', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=4), nullable=False),
    sa.Column('direction', sa.String(length=2), nullable=False),
    sa.Column('category_code', sa.String(length=8), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('amount_text', sa.String(length=40), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('amount_minor', sa.BigInteger(), nullable=False),
    sa.Column('growth_text', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['external_batch.id'], name=op.f('fk_external_figure_batch_id_external_batch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_external_figure')),
    sa.UniqueConstraint('source', 'area_code', 'period_from', 'period_to', 'scope', 'direction', 'category_code', name='uq_external_figure_key')
    )
    with op.batch_alter_table('external_figure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_external_figure_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index('ix_external_figure_window', ['period_to', 'area_code'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('external_figure', schema=None) as batch_op:
        batch_op.drop_index('ix_external_figure_window')
        batch_op.drop_index(batch_op.f('ix_external_figure_batch_id'))

    op.drop_table('external_figure')
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_token_user_id'))

    op.drop_table('api_token')
    op.drop_table('external_batch')
