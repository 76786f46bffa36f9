"""What a statistician sees before releasing a month: computed from the data, never typed in."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

import pandas as pd
from sqlalchemy.orm import Session

from etl.coverage.compute import coverage_by_region
from etl.filters import BOP_MODES
from etl.queries import release as queries_release
from etl.queries.closures import region_closure

MOVERS = 5  # the largest movers shown, by region and by main category


@dataclass(frozen=True)
class Checklist:
    """The month's coverage, open flags, loads since the last release and changes against it."""

    scope: str
    period: int
    coverage: dict  # etl.coverage.compute.SUMMARY_KEYS
    min_coverage: float
    open_flags: int
    events: list[dict]  # data events since the previous release: event_id, kind, file_name, …
    previous: dict | None  # the current release of the month: id, revision, released_at, by
    total_now: int  # BOP exports + imports, USD cents, as the data stands
    total_before: int | None  # the same in the current release (None: never released)
    movers: list[dict] = field(default_factory=list)  # kind, code, before, now, delta, pct
    differing_rows: int = 0  # aggregate rows that differ from the released copies
    has_data: bool = True

    @property
    def coverage_ok(self) -> bool:
        """Coverage at or above the setting (or nothing expected: no register for the month)."""
        share = self.coverage.get("reported_share")
        return share is None or share >= self.min_coverage

    @property
    def changed(self) -> bool:
        """Whether releasing would change what leaders see."""
        return self.previous is None or self.differing_rows > 0

    def as_dict(self) -> dict:
        """A JSON-safe copy (stored with the release: what was shown)."""
        out = asdict(self)
        out["coverage_ok"], out["changed"] = self.coverage_ok, self.changed
        return out


def _bop_total(cells: pd.DataFrame) -> int:
    return int(cells.loc[cells["mode"].isin(BOP_MODES), "amount"].sum())


def movers(now: pd.DataFrame, before: pd.DataFrame, by: str, n: int = MOVERS) -> list[dict]:
    """The n largest absolute changes of the BOP total (exports + imports) by a column."""
    a = now[now["mode"].isin(BOP_MODES)].groupby(by)["amount"].sum()
    b = before[before["mode"].isin(BOP_MODES)].groupby(by)["amount"].sum()
    both = pd.concat([b.rename("before"), a.rename("now")], axis=1).fillna(0).astype("int64")
    both["delta"] = both["now"] - both["before"]
    both = both[both["delta"] != 0]
    both = both.reindex(both["delta"].abs().sort_values(ascending=False, kind="stable").index).head(
        n
    )
    return [
        {
            "kind": by,
            "code": str(code),
            "before": int(row.before),
            "now": int(row.now),
            "delta": int(row.delta),
            "pct": (row.delta / row.before * 100) if row.before else None,
        }
        for code, row in both.iterrows()
    ]


def _plain_time(value) -> str | None:
    return value.isoformat() if isinstance(value, dt.datetime) else value


def checklist(
    session: Session, scope: str, period: int, min_coverage: float, deadline_day: int
) -> Checklist:
    """The checklist of a month of a scope, from the data as it stands."""
    regions = region_closure(session, (scope,)) or [scope]
    previous = queries_release.current_release(session, scope, period)
    cov = coverage_by_region(session, period, scope, deadline_day).total
    now = queries_release.month_cells(session, period, regions, released=False)
    before = queries_release.month_cells(session, period, regions, released=True)
    since = queries_release.events_since(session, previous.data_event_id if previous else None)
    events = [{k: _plain_time(v) for k, v in row.items()} for row in since.to_dict("records")]
    return Checklist(
        scope=scope,
        period=period,
        coverage=cov,
        min_coverage=min_coverage,
        open_flags=queries_release.open_flags(session, period, regions),
        events=events,
        previous=None
        if previous is None
        else {
            "id": previous.id,
            "revision": previous.revision,
            "released_at": _plain_time(previous.released_at),
            "released_by": previous.released_by,
        },
        total_now=_bop_total(now),
        total_before=None if previous is None else _bop_total(before),
        movers=movers(now, before, "region_code") + movers(now, before, "category_code"),
        differing_rows=queries_release.differing_rows(session, period, regions),
        has_data=not now.empty,
    )
