"""disclosure control: each release's suppression pattern

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 07:30:00

pub_protected holds the suppressed ("C") cells of a release's pattern over the linked cells
leaders may ask for (etl.disclosure); disclosure_run records that a release's pattern was
computed (a release without one shows leaders nothing but "C").
"""

from alembic import op
import sqlalchemy as sa


revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "disclosure_run",
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cells", sa.Integer(), nullable=False),
        sa.Column("primary", sa.Integer(), nullable=False),
        sa.Column("secondary", sa.Integer(), nullable=False),
        sa.Column("audited", sa.Boolean(), nullable=True),
        sa.Column("atoms", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["release_id"], ["data_release.id"]),
        sa.PrimaryKeyConstraint("release_id"),
    )
    op.create_table(
        "pub_protected",
        sa.Column("release_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("window", sa.String(length=1), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=24), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("mode", sa.String(length=4), nullable=False),
        sa.Column("direction", sa.String(length=1), nullable=False),
        sa.Column("partner", sa.String(length=24), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["release_id"], ["data_release.id"]),
        sa.PrimaryKeyConstraint(
            "release_id", "window", "region", "category", "mode", "direction", "partner"
        ),
    )
    op.create_index(
        "ix_pub_protected_period", "pub_protected", ["period", "region", "window"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_pub_protected_period", table_name="pub_protected")
    op.drop_table("pub_protected")
    op.drop_table("disclosure_run")
