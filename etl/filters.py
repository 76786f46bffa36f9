"""The filter every read takes: periods, regions, categories, modes, directions, partners, currency."""

from __future__ import annotations

from dataclasses import dataclass

BOP_MODES = (
    1,
    2,
    4,
)  # 服务进出口总额 (docs/domain.md §1); mode 3 is FATS sales, a different measure
ALL_MODES = (1, 2, 3, 4)
GROUP_PREFIX = "group:"


@dataclass(frozen=True)
class ReportFilter:
    """What slice of the data a question is about. Empty tuples mean 'all'."""

    period_from: int
    period_to: int
    regions: tuple[str, ...] = ()  # a region includes every region below it
    categories: tuple[str, ...] = ()  # EBOPS codes (main or sub-item) or "group:KIS"
    modes: tuple[int, ...] = ()  # empty: the BOP modes, or all four with full_scope
    directions: tuple[str, ...] = ("X", "M")
    partners: tuple[str, ...] = ()  # ISO codes or "group:BRI65"
    currency: str = "USD"  # USD -> amounts in cents; CNY -> in fen
    full_scope: bool = False  # 全口径: mode 3 added to the BOP modes, labelled as such

    def effective_modes(self) -> tuple[int, ...]:
        """The modes this filter counts."""
        if self.modes:
            return tuple(sorted(self.modes))
        return ALL_MODES if self.full_scope else BOP_MODES

    def with_periods(self, period_from: int, period_to: int) -> "ReportFilter":
        """The same filter over another period range."""
        from dataclasses import replace

        return replace(self, period_from=period_from, period_to=period_to)
