"""category_group.region_code: the region whose policy names a group

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 20:00:00

天津传统支柱领域 and 天津加快发展领域 come from Tianjin's plan: the pages follow them for 天津市
and its districts, not for 两江新区. NULL (知识密集型服务) applies to every region. The seed
files fill the column (`python -m etl init-db` writes the reference rows after upgrading).
"""

from alembic import op
import sqlalchemy as sa


revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("category_group") as batch:
        batch.add_column(sa.Column("region_code", sa.String(length=20), nullable=True))
        batch.create_foreign_key(
            "fk_category_group_region_code_region", "region", ["region_code"], ["code"]
        )


def downgrade() -> None:
    with op.batch_alter_table("category_group") as batch:
        batch.drop_constraint("fk_category_group_region_code_region", type_="foreignkey")
        batch.drop_column("region_code")
