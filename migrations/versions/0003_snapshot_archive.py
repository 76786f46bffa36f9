"""snapshot archive

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 12:42:43.746505
"""

from alembic import op
import sqlalchemy as sa
import etl.models


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('region_code', sa.String(length=20), nullable=False),
    sa.Column('vintage_event_id', sa.Integer(), nullable=False),
    sa.Column('internal', sa.Boolean(), nullable=False),
    sa.Column('revised_from_id', sa.Integer(), nullable=True),
    sa.Column('changed_cells', sa.Integer(), nullable=True),
    sa.Column('min_contributors', sa.Integer(), nullable=False),
    sa.Column('dominance_k', etl.models.DecimalText(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('xlsx_path', sa.String(length=500), nullable=False),
    sa.Column('xlsx_sha256', sa.String(length=64), nullable=False),
    sa.Column('html_path', sa.String(length=500), nullable=False),
    sa.Column('html_sha256', sa.String(length=64), nullable=False),
    sa.Column('pdf_path', sa.String(length=500), nullable=True),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=True),
    sa.Column('cells_path', sa.String(length=500), nullable=False),
    sa.Column('cells_sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['region_code'], ['region.code'], name=op.f('fk_snapshot_region_code_region')),
    sa.ForeignKeyConstraint(['revised_from_id'], ['snapshot.id'], name=op.f('fk_snapshot_revised_from_id_snapshot')),
    sa.ForeignKeyConstraint(['vintage_event_id'], ['data_event.id'], name=op.f('fk_snapshot_vintage_event_id_data_event')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_snapshot'))
    )
    with op.batch_alter_table('snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_snapshot_month'), ['month'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_snapshot_month'))

    op.drop_table('snapshot')
