"""monthly briefing (月度简报) archive, mail outbox, e-mail and subscription on accounts

Revision ID: 0014
Revises: 0011
Create Date: 2026-12-05 06:30:00

briefing keeps the files of a release's briefing per language; mail_outbox the messages that
deliver it to subscribers (retried with backoff); user_account gains email and subscribed.
"""

from alembic import op
import sqlalchemy as sa


revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (a constant default): a batch copy of user_account would trip the foreign
    # keys that point at it on SQLite.
    op.add_column("user_account", sa.Column("email", sa.String(length=254), nullable=True))
    op.add_column(
        "user_account",
        sa.Column("subscribed", sa.Boolean(), server_default="0", nullable=False),
    )
    op.create_table(
        "briefing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("scope_code", sa.String(length=20), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("docx_path", sa.String(length=500), nullable=False),
        sa.Column("docx_sha256", sa.String(length=64), nullable=False),
        sa.Column("html_path", sa.String(length=500), nullable=False),
        sa.Column("html_sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf_path", sa.String(length=500), nullable=True),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["data_release.id"],
            name=op.f("fk_briefing_release_id_data_release"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefing")),
        sa.UniqueConstraint("release_id", "lang", name=op.f("uq_briefing_release_id")),
    )
    with op.batch_alter_table("briefing", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_briefing_release_id"), ["release_id"], unique=False)
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("briefing_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["briefing_id"], ["briefing.id"], name=op.f("fk_mail_outbox_briefing_id_briefing")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_outbox")),
    )
    with op.batch_alter_table("mail_outbox", schema=None) as batch_op:
        batch_op.create_index("ix_mail_outbox_due", ["status", "next_attempt_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_mail_outbox_briefing_id"), ["briefing_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("mail_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mail_outbox_briefing_id"))
        batch_op.drop_index("ix_mail_outbox_due")
    op.drop_table("mail_outbox")
    with op.batch_alter_table("briefing", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_briefing_release_id"))
    op.drop_table("briefing")
    op.drop_column("user_account", "subscribed")
    op.drop_column("user_account", "email")
