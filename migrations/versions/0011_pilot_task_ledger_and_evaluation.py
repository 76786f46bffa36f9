"""pilot task ledger and evaluation

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 03:51:16.931674

The 试点任务台账: organisation, pilot_task and pilot_task_unit (seeded from seeds/*.csv),
user_organisation (responsible-unit accounts), task_report and task_evidence (progress reports and
their files); the 绩效评价与考核: evaluation_indicator (seeded) and evaluation_entry (entered values).
"""

from alembic import op
import sqlalchemy as sa
import etl.models


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('evaluation_indicator',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=12), nullable=False),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('weight', etl.models.base.DecimalText(length=40), nullable=False),
    sa.Column('zero_at', etl.models.base.DecimalText(length=40), nullable=False),
    sa.Column('full_at', etl.models.base.DecimalText(length=40), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('name_zh', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('unit_zh', sa.String(length=20), nullable=False),
    sa.Column('unit_en', sa.String(length=40), nullable=False),
    sa.Column('method_zh', sa.Text(), nullable=False),
    sa.Column('method_en', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_evaluation_indicator'))
    )
    op.create_table('organisation',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('documents', sa.String(length=100), nullable=False),
    sa.Column('aliases', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_organisation'))
    )
    op.create_table('pilot_task',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('document', sa.String(length=30), nullable=False),
    sa.Column('area_no', sa.Integer(), nullable=True),
    sa.Column('area', sa.String(length=200), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('measures', sa.Text(), nullable=False),
    sa.Column('deadline_text', sa.String(length=100), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('deadline_kind', sa.String(length=10), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pilot_task')),
    sa.UniqueConstraint('document', 'number', name='uq_pilot_task_doc_number')
    )
    with op.batch_alter_table('pilot_task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pilot_task_document'), ['document'], unique=False)

    op.create_table('evaluation_entry',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('indicator', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=100), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('value', etl.models.base.DecimalText(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['indicator'], ['evaluation_indicator.code'], name=op.f('fk_evaluation_entry_indicator_evaluation_indicator')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_entry')),
    sa.UniqueConstraint('indicator', 'subject', 'period', name='uq_evaluation_entry_key')
    )
    op.create_table('pilot_task_unit',
    sa.Column('task_id', sa.String(length=40), nullable=False),
    sa.Column('organisation', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation'], ['organisation.name'], name=op.f('fk_pilot_task_unit_organisation_organisation')),
    sa.ForeignKeyConstraint(['task_id'], ['pilot_task.id'], name=op.f('fk_pilot_task_unit_task_id_pilot_task')),
    sa.PrimaryKeyConstraint('task_id', 'organisation', name=op.f('pk_pilot_task_unit'))
    )
    with op.batch_alter_table('pilot_task_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pilot_task_unit_organisation'), ['organisation'], unique=False)

    op.create_table('task_report',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('task_id', sa.String(length=40), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('progress', sa.Text(), nullable=False),
    sa.Column('figures', sa.Text(), nullable=False),
    sa.Column('organisation', sa.String(length=100), nullable=True),
    sa.Column('reported_by', sa.String(length=64), nullable=False),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('review_state', sa.String(length=12), nullable=False),
    sa.Column('reviewed_by', sa.String(length=64), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('review_comment', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['organisation'], ['organisation.name'], name=op.f('fk_task_report_organisation_organisation')),
    sa.ForeignKeyConstraint(['task_id'], ['pilot_task.id'], name=op.f('fk_task_report_task_id_pilot_task')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_report'))
    )
    with op.batch_alter_table('task_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_report_task_id'), ['task_id'], unique=False)

    op.create_table('user_organisation',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('organisation', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['organisation'], ['organisation.name'], name=op.f('fk_user_organisation_organisation_organisation')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_user_organisation_user_id_user_account')),
    sa.PrimaryKeyConstraint('user_id', 'organisation', name=op.f('pk_user_organisation'))
    )
    op.create_table('task_evidence',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('report_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('stored_name', sa.String(length=100), nullable=False),
    sa.Column('file_type', sa.String(length=8), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('uploaded_by', sa.String(length=64), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['task_report.id'], name=op.f('fk_task_evidence_report_id_task_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_evidence'))
    )
    with op.batch_alter_table('task_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_evidence_report_id'), ['report_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('task_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_evidence_report_id'))

    op.drop_table('task_evidence')
    op.drop_table('user_organisation')
    with op.batch_alter_table('task_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_report_task_id'))

    op.drop_table('task_report')
    with op.batch_alter_table('pilot_task_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pilot_task_unit_organisation'))

    op.drop_table('pilot_task_unit')
    op.drop_table('evaluation_entry')
    with op.batch_alter_table('pilot_task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pilot_task_document'))

    op.drop_table('pilot_task')
    op.drop_table('organisation')
    op.drop_table('evaluation_indicator')
