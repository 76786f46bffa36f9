"""key enterprise register

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 13:16:13.051610
"""

from alembic import op
import sqlalchemy as sa
import etl.models


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('register_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_change'))
    )
    with op.batch_alter_table('register_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_register_change_uscc'), ['uscc'], unique=False)

    op.create_table('key_enterprise',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('region_code', sa.String(length=20), nullable=False),
    sa.Column('sector', sa.String(length=8), nullable=True),
    sa.Column('contact_person', sa.String(length=50), nullable=True),
    sa.Column('contact_phone', sa.String(length=30), nullable=True),
    sa.Column('since', sa.Integer(), nullable=False),
    sa.Column('until', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['region_code'], ['region.code'], name=op.f('fk_key_enterprise_region_code_region')),
    sa.ForeignKeyConstraint(['sector'], ['service_category.code'], name=op.f('fk_key_enterprise_sector_service_category')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_enterprise')),
    sa.UniqueConstraint('uscc', 'since', name=op.f('uq_key_enterprise_uscc'))
    )
    with op.batch_alter_table('key_enterprise', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_enterprise_region_code'), ['region_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_key_enterprise_uscc'), ['uscc'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('key_enterprise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_enterprise_uscc'))
        batch_op.drop_index(batch_op.f('ix_key_enterprise_region_code'))

    op.drop_table('key_enterprise')
    with op.batch_alter_table('register_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_register_change_uscc'))

    op.drop_table('register_change')
