"""data release (数据发布) and the released copies of the aggregate rows

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 03:51:09

data_release records who released which month of which scope, when, with what note and checklist;
pub_cell, pub_category, pub_partner and pub_partner_category hold the released agg_* rows that
roles without enterprise-level rights read (etl.queries.figures swaps the tables for them).
"""

from alembic import op
import sqlalchemy as sa
import etl.models


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('data_release',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope_code', sa.String(length=20), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('released_by', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('final_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('final_by', sa.String(length=64), nullable=True),
    sa.Column('data_event_id', sa.Integer(), nullable=True),
    sa.Column('total_usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('coverage_share', sa.String(length=20), nullable=True),
    sa.Column('coverage_overridden', sa.Boolean(), nullable=False),
    sa.Column('checklist', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['data_event_id'], ['data_event.id'], name=op.f('fk_data_release_data_event_id_data_event')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_release'))
    )
    with op.batch_alter_table('data_release', schema=None) as batch_op:
        batch_op.create_index('ix_data_release_scope_period', ['scope_code', 'period', 'id'], unique=False)

    op.create_table('pub_category',
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('category_code', sa.String(length=8), nullable=False),
    sa.Column('region_code', sa.String(length=20), nullable=False),
    sa.Column('mode', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('direction', sa.String(length=1), nullable=False),
    sa.Column('usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('cny_fen', sa.BigInteger(), nullable=False),
    sa.Column('n_enterprises', sa.Integer(), nullable=False),
    sa.Column('top1_usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('top2_usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('release_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['release_id'], ['data_release.id'], name=op.f('fk_pub_category_release_id_data_release')),
    sa.PrimaryKeyConstraint('period', 'category_code', 'region_code', 'mode', 'direction', name=op.f('pk_pub_category')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('pub_category', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pub_category_release_id'), ['release_id'], unique=False)

    op.create_table('pub_cell',
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('region_code', sa.String(length=20), nullable=False),
    sa.Column('category_code', sa.String(length=8), nullable=False),
    sa.Column('mode', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('direction', sa.String(length=1), nullable=False),
    sa.Column('usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('cny_fen', sa.BigInteger(), nullable=False),
    sa.Column('n_enterprises', sa.Integer(), nullable=False),
    sa.Column('top1_usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('top2_usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('release_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['release_id'], ['data_release.id'], name=op.f('fk_pub_cell_release_id_data_release')),
    sa.PrimaryKeyConstraint('period', 'region_code', 'category_code', 'mode', 'direction', name=op.f('pk_pub_cell')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('pub_cell', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pub_cell_release_id'), ['release_id'], unique=False)

    op.create_table('pub_partner',
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('partner_code', sa.String(length=2), nullable=False),
    sa.Column('region_code', sa.String(length=20), nullable=False),
    sa.Column('mode', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('direction', sa.String(length=1), nullable=False),
    sa.Column('usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('cny_fen', sa.BigInteger(), nullable=False),
    sa.Column('n_enterprises', sa.Integer(), nullable=False),
    sa.Column('top1_usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('top2_usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('release_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['release_id'], ['data_release.id'], name=op.f('fk_pub_partner_release_id_data_release')),
    sa.PrimaryKeyConstraint('period', 'partner_code', 'region_code', 'mode', 'direction', name=op.f('pk_pub_partner')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('pub_partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pub_partner_release_id'), ['release_id'], unique=False)

    op.create_table('pub_partner_category',
    sa.Column('category_code', sa.String(length=8), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('region_code', sa.String(length=20), nullable=False),
    sa.Column('partner_code', sa.String(length=2), nullable=False),
    sa.Column('mode', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('direction', sa.String(length=1), nullable=False),
    sa.Column('usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('cny_fen', sa.BigInteger(), nullable=False),
    sa.Column('release_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['release_id'], ['data_release.id'], name=op.f('fk_pub_partner_category_release_id_data_release')),
    sa.PrimaryKeyConstraint('category_code', 'period', 'region_code', 'partner_code', 'mode', 'direction', name=op.f('pk_pub_partner_category')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('pub_partner_category', schema=None) as batch_op:
        batch_op.create_index('ix_pub_partner_category_partner', ['partner_code', 'period'], unique=False)
        batch_op.create_index(batch_op.f('ix_pub_partner_category_release_id'), ['release_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('pub_partner_category', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pub_partner_category_release_id'))
        batch_op.drop_index('ix_pub_partner_category_partner')

    op.drop_table('pub_partner_category')
    with op.batch_alter_table('pub_partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pub_partner_release_id'))

    op.drop_table('pub_partner')
    with op.batch_alter_table('pub_cell', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pub_cell_release_id'))

    op.drop_table('pub_cell')
    with op.batch_alter_table('pub_category', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pub_category_release_id'))

    op.drop_table('pub_category')
    with op.batch_alter_table('data_release', schema=None) as batch_op:
        batch_op.drop_index('ix_data_release_scope_period')

    op.drop_table('data_release')
