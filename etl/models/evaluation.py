"""绩效评价与考核: indicators, weights and scoring rules as data, and values entered per period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.base import Base, BigId, DecimalText, utcnow


class EvaluationIndicator(Base):
    """One indicator of the scorecard: where its value comes from, its weight, how it scores."""

    __tablename__ = "evaluation_indicator"
    code: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    subject: Mapped[str] = mapped_column(sa.String(12))  # district | unit
    source: Mapped[str] = mapped_column(sa.String(12))  # measured | entered
    weight: Mapped[Decimal] = mapped_column(DecimalText)  # points at full score
    zero_at: Mapped[Decimal] = mapped_column(DecimalText)  # value scoring 0
    full_at: Mapped[Decimal] = mapped_column(DecimalText)  # value scoring the full weight
    sort_order: Mapped[int]
    name_zh: Mapped[str] = mapped_column(sa.String(100))
    name_en: Mapped[str] = mapped_column(sa.String(200))
    unit_zh: Mapped[str] = mapped_column(sa.String(20), default="")
    unit_en: Mapped[str] = mapped_column(sa.String(40), default="")
    method_zh: Mapped[str] = mapped_column(sa.Text, default="")
    method_en: Mapped[str] = mapped_column(sa.Text, default="")


class EvaluationEntry(Base):
    """A value entered for an indicator with no data in the product (招商引资, 项目落地 …)."""

    __tablename__ = "evaluation_entry"
    __table_args__ = (
        sa.UniqueConstraint("indicator", "subject", "period", name="uq_evaluation_entry_key"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    indicator: Mapped[str] = mapped_column(sa.ForeignKey("evaluation_indicator.code"))
    subject: Mapped[str] = mapped_column(sa.String(100))  # region code or organisation name
    period: Mapped[int]  # YYYY (a year) — the evaluation period
    value: Mapped[Decimal] = mapped_column(DecimalText)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    entered_by: Mapped[str] = mapped_column(sa.String(64))
    entered_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
