"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 11:53:46.455641
"""

from alembic import op
import sqlalchemy as sa
import etl.models


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def _is_sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _inline_current_version_fk() -> list:
    if not _is_sqlite():
        return []
    return [sa.ForeignKeyConstraint(
        ['current_version_id'], ['report_version.id'], name='fk_report_current_version'
    )]


def upgrade() -> None:
    op.create_table('agg_cell',
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
    sa.PrimaryKeyConstraint('period', 'region_code', 'category_code', 'mode', 'direction', name=op.f('pk_agg_cell'))
    )
    op.create_table('agg_enterprise_month',
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('region_code', sa.String(length=20), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=False),
    sa.Column('category_code', sa.String(length=8), nullable=False),
    sa.Column('mode', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('direction', sa.String(length=1), nullable=False),
    sa.Column('usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('cny_fen', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('period', 'region_code', 'uscc', 'category_code', 'mode', 'direction', name=op.f('pk_agg_enterprise_month'))
    )
    op.create_table('agg_partner',
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('region_code', sa.String(length=20), nullable=False),
    sa.Column('partner_code', sa.String(length=2), nullable=False),
    sa.Column('mode', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('direction', sa.String(length=1), nullable=False),
    sa.Column('usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('cny_fen', sa.BigInteger(), nullable=False),
    sa.Column('n_enterprises', sa.Integer(), nullable=False),
    sa.Column('top1_usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('top2_usd_cents', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('period', 'region_code', 'partner_code', 'mode', 'direction', name=op.f('pk_agg_partner'))
    )
    op.create_table('category_group',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name_zh', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=True),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_category_group'))
    )
    op.create_table('fx_rate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('cny_per_usd', etl.models.DecimalText(length=40), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fx_rate')),
    sa.UniqueConstraint('year', 'month', name=op.f('uq_fx_rate_year'))
    )
    op.create_table('load_lock',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('holder', sa.String(length=100), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_load_lock'))
    )
    op.create_table('partner',
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.Column('name_zh', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_partner'))
    )
    op.create_table('partner_group',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name_zh', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=True),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_partner_group'))
    )
    op.create_table('region',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('parent_code', sa.String(length=20), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('name_zh', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('uscc_area_codes', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['parent_code'], ['region.code'], name=op.f('fk_region_parent_code_region')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_region'))
    )
    op.create_table('service_category',
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('parent_code', sa.String(length=8), nullable=True),
    sa.Column('main_code', sa.String(length=8), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('bpm6_item', sa.Integer(), nullable=True),
    sa.Column('name_zh', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['parent_code'], ['service_category.code'], name=op.f('fk_service_category_parent_code_service_category')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_service_category'))
    )
    op.create_table('supply_mode',
    sa.Column('code', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('name_zh', sa.String(length=50), nullable=False),
    sa.Column('name_en', sa.String(length=100), nullable=False),
    sa.Column('short_zh', sa.String(length=20), nullable=False),
    sa.Column('short_en', sa.String(length=20), nullable=False),
    sa.Column('in_bop_total', sa.Boolean(), nullable=False),
    sa.Column('measure_zh', sa.String(length=100), nullable=False),
    sa.Column('measure_en', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_supply_mode'))
    )
    op.create_table('upload_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('dedupe_key', sa.String(length=64), nullable=True),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('uploaded_by', sa.String(length=100), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('error_count', sa.Integer(), nullable=False),
    sa.Column('warning_count', sa.Integer(), nullable=False),
    sa.Column('reports_new', sa.Integer(), nullable=False),
    sa.Column('reports_revised', sa.Integer(), nullable=False),
    sa.Column('reports_unchanged', sa.Integer(), nullable=False),
    sa.Column('total_usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('retracted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('retracted_by', sa.String(length=100), nullable=True),
    sa.Column('retract_reason', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_upload_batch')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_upload_batch_dedupe_key'))
    )
    with op.batch_alter_table('upload_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_upload_batch_sha256'), ['sha256'], unique=False)

    op.create_table('category_group_member',
    sa.Column('group_code', sa.String(length=20), nullable=False),
    sa.Column('category_code', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['category_code'], ['service_category.code'], name=op.f('fk_category_group_member_category_code_service_category')),
    sa.ForeignKeyConstraint(['group_code'], ['category_group.code'], name=op.f('fk_category_group_member_group_code_category_group')),
    sa.PrimaryKeyConstraint('group_code', 'category_code', name=op.f('pk_category_group_member'))
    )
    op.create_table('data_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['upload_batch.id'], name=op.f('fk_data_event_batch_id_upload_batch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_event'))
    )
    with op.batch_alter_table('data_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_data_event_batch_id'), ['batch_id'], unique=False)

    op.create_table('enterprise',
    sa.Column('uscc', sa.String(length=18), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('region_code', sa.String(length=20), nullable=False),
    sa.Column('is_key', sa.Boolean(), nullable=False),
    sa.Column('first_period', sa.Integer(), nullable=True),
    sa.Column('last_period', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['region_code'], ['region.code'], name=op.f('fk_enterprise_region_code_region')),
    sa.PrimaryKeyConstraint('uscc', name=op.f('pk_enterprise'))
    )
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enterprise_region_code'), ['region_code'], unique=False)

    op.create_table('partner_group_member',
    sa.Column('group_code', sa.String(length=20), nullable=False),
    sa.Column('partner_code', sa.String(length=2), nullable=False),
    sa.ForeignKeyConstraint(['group_code'], ['partner_group.code'], name=op.f('fk_partner_group_member_group_code_partner_group')),
    sa.ForeignKeyConstraint(['partner_code'], ['partner.code'], name=op.f('fk_partner_group_member_partner_code_partner')),
    sa.PrimaryKeyConstraint('group_code', 'partner_code', name=op.f('pk_partner_group_member'))
    )
    op.create_table('target',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('region_code', sa.String(length=20), nullable=False),
    sa.Column('measure', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('threshold', etl.models.DecimalText(length=40), nullable=False),
    sa.Column('window_start', sa.Integer(), nullable=False),
    sa.Column('window_end', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['region_code'], ['region.code'], name=op.f('fk_target_region_code_region')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_target'))
    )
    op.create_table('report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('current_version_id', sa.Integer(), nullable=True),
    # report <-> report_version is a cycle: SQLite takes the foreign key inline (it cannot ALTER one
    # in later); PostgreSQL gets it once report_version exists, below.
    *_inline_current_version_fk(),
    sa.ForeignKeyConstraint(['uscc'], ['enterprise.uscc'], name=op.f('fk_report_uscc_enterprise')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report')),
    sa.UniqueConstraint('uscc', 'period', name=op.f('uq_report_uscc'))
    )
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_period'), ['period'], unique=False)

    op.create_table('report_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('region_code', sa.String(length=20), nullable=False),
    sa.Column('enterprise_name', sa.String(length=200), nullable=False),
    sa.Column('line_count', sa.Integer(), nullable=False),
    sa.Column('total_usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['upload_batch.id'], name=op.f('fk_report_version_batch_id_upload_batch')),
    sa.ForeignKeyConstraint(['region_code'], ['region.code'], name=op.f('fk_report_version_region_code_region')),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_report_version_report_id_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_version')),
    sa.UniqueConstraint('report_id', 'version_no', name=op.f('uq_report_version_report_id'))
    )
    with op.batch_alter_table('report_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_version_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_version_report_id'), ['report_id'], unique=False)

    if not _is_sqlite():
        op.create_foreign_key(
            'fk_report_current_version', 'report', 'report_version', ['current_version_id'], ['id']
        )
    op.create_table('report_line',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=1), nullable=False),
    sa.Column('category_code', sa.String(length=8), nullable=False),
    sa.Column('mode', sa.Integer(), nullable=False),
    sa.Column('partner_code', sa.String(length=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('amount_reported', sa.String(length=40), nullable=False),
    sa.Column('amount_orig_minor', sa.BigInteger(), nullable=False),
    sa.Column('amount_usd_cents', sa.BigInteger(), nullable=False),
    sa.Column('amount_cny_fen', sa.BigInteger(), nullable=False),
    sa.Column('fx_rate', etl.models.DecimalText(length=40), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_code'], ['service_category.code'], name=op.f('fk_report_line_category_code_service_category')),
    sa.ForeignKeyConstraint(['mode'], ['supply_mode.code'], name=op.f('fk_report_line_mode_supply_mode')),
    sa.ForeignKeyConstraint(['partner_code'], ['partner.code'], name=op.f('fk_report_line_partner_code_partner')),
    sa.ForeignKeyConstraint(['version_id'], ['report_version.id'], name=op.f('fk_report_line_version_id_report_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_line'))
    )
    with op.batch_alter_table('report_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_line_version_id'), ['version_id'], unique=False)

    op.create_table('report_version_span',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('from_event_id', sa.Integer(), nullable=False),
    sa.Column('to_event_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['from_event_id'], ['data_event.id'], name=op.f('fk_report_version_span_from_event_id_data_event')),
    sa.ForeignKeyConstraint(['to_event_id'], ['data_event.id'], name=op.f('fk_report_version_span_to_event_id_data_event')),
    sa.ForeignKeyConstraint(['version_id'], ['report_version.id'], name=op.f('fk_report_version_span_version_id_report_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_version_span'))
    )
    with op.batch_alter_table('report_version_span', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_version_span_version_id'), ['version_id'], unique=False)
    # The single row every load locks first (see etl.models.LoadLock).
    op.execute(sa.text("INSERT INTO load_lock (id) VALUES (1)"))


def downgrade() -> None:
    if not _is_sqlite():
        op.drop_constraint('fk_report_current_version', 'report', type_='foreignkey')
    with op.batch_alter_table('report_version_span', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_version_span_version_id'))

    op.drop_table('report_version_span')
    with op.batch_alter_table('report_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_line_version_id'))

    op.drop_table('report_line')
    with op.batch_alter_table('report_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_version_report_id'))
        batch_op.drop_index(batch_op.f('ix_report_version_batch_id'))

    op.drop_table('report_version')
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_period'))

    op.drop_table('report')
    op.drop_table('target')
    op.drop_table('partner_group_member')
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enterprise_region_code'))

    op.drop_table('enterprise')
    with op.batch_alter_table('data_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_data_event_batch_id'))

    op.drop_table('data_event')
    op.drop_table('category_group_member')
    with op.batch_alter_table('upload_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_upload_batch_sha256'))

    op.drop_table('upload_batch')
    op.drop_table('supply_mode')
    op.drop_table('service_category')
    op.drop_table('region')
    op.drop_table('partner_group')
    op.drop_table('partner')
    op.drop_table('load_lock')
    op.drop_table('fx_rate')
    op.drop_table('category_group')
    op.drop_table('agg_partner')
    op.drop_table('agg_enterprise_month')
    op.drop_table('agg_cell')
