"""quality flags

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 14:35:22.486252
"""

from alembic import op
import sqlalchemy as sa
import etl.models


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('quality_flag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=20), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('cleared_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['upload_batch.id'], name=op.f('fk_quality_flag_batch_id_upload_batch')),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_quality_flag_report_id_report')),
    sa.ForeignKeyConstraint(['version_id'], ['report_version.id'], name=op.f('fk_quality_flag_version_id_report_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quality_flag')),
    sa.UniqueConstraint('report_id', 'rule', name=op.f('uq_quality_flag_report_id'))
    )
    with op.batch_alter_table('quality_flag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quality_flag_period'), ['period'], unique=False)
        batch_op.create_index(batch_op.f('ix_quality_flag_uscc'), ['uscc'], unique=False)

    op.create_table('quality_flag_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('flag_id', sa.Integer(), nullable=False),
    sa.Column('author', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['flag_id'], ['quality_flag.id'], name=op.f('fk_quality_flag_note_flag_id_quality_flag')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quality_flag_note'))
    )
    with op.batch_alter_table('quality_flag_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quality_flag_note_flag_id'), ['flag_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('quality_flag_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quality_flag_note_flag_id'))

    op.drop_table('quality_flag_note')
    with op.batch_alter_table('quality_flag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quality_flag_uscc'))
        batch_op.drop_index(batch_op.f('ix_quality_flag_period'))

    op.drop_table('quality_flag')
