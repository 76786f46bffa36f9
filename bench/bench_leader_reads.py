"""Benchmark: a leader's page reads against the statistician's, on a released database.

    python bench/bench_leader_reads.py [--url sqlite:///instance/services_trade.sqlite3] [--reps 5]

A leader (the circulated audience) reads the released copies through the stored disclosure
pattern (etl/queries/figures.py `_circulated`, etl/queries/windows.py); the statistician reads the
aggregates. Each data call is computed (uncached), median of --reps runs, for three filter states.
The default database is the one `make run` builds: 2,000 synthetic enterprises, every month released.
Writes bench/results/leader_reads.md.
"""

from __future__ import annotations

import argparse
import statistics

from common import timed, write_table

from dashboard import breakdowns, create_app
from dashboard import data as shared
from dashboard.filter_state import from_query
from dashboard.pages.overview import data as overview
from dashboard.pages.partners import data as partners
from dashboard.pages.regions import data as regions
from etl.settings import PROJECT_ROOT, Settings

STATES = (
    "?month=2021-12&region=120000&scope=full",
    "?year=2021&region=120116",
    "?from=2019-07&to=2021-06",
    "?month=2021-06&region=120000&cat=SJ,SC",  # a category filter: the KIS part read on its own
)
CALLS = {
    "overview: trade_kpis": overview.trade_kpis,
    "overview: group_share KIS": overview.group_share,
    "modes: mode_series": breakdowns.mode_series,
    "sectors: sector_totals": breakdowns.sector_totals,
    "sectors: sector_groups": breakdowns.sector_groups,
    "regions: region_breakdown": regions.region_breakdown,
    "partners: partner_breakdown": partners.partner_breakdown,
}


def measure(url: str, reps: int) -> list[list[str]]:
    """Median ms per call and audience over the states: [call, statistician, leader, ratio]."""
    app = create_app(Settings(auth_required=False, database_url=url))
    rows = []
    with app.server.test_request_context():
        for name, fn in CALLS.items():
            medians = []
            for leader in (False, True):
                shared.released_audience = lambda leader=leader: leader  # the door's own switch
                times = [
                    timed(lambda s=state: fn.uncached(from_query(s)))[0]
                    for state in STATES
                    for _ in range(reps)
                ]
                medians.append(statistics.median(times) * 1000)
            rows.append(
                [name, f"{medians[0]:.0f}", f"{medians[1]:.0f}", f"{medians[1] / medians[0]:.1f}"]
            )
        district = [
            timed(lambda: shared.district_report("120000", 201807, 202006, 202112))[0]
            for _ in range(reps)
        ]
        rows.append(
            [
                "targets: district_report (pilot window)",
                "",
                f"{statistics.median(district) * 1000:.0f}",
                "",
            ]
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = f"sqlite:///{PROJECT_ROOT / 'instance' / 'services_trade.sqlite3'}"
    parser.add_argument("--url", default=default)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    rows = measure(args.url, args.reps)
    print(
        write_table(
            "leader_reads",
            "Leader reads (circulated, through the stored pattern) against the statistician's",
            ["data call", "statistician median ms", "leader median ms", "leader / statistician"],
            rows,
            [
                f"{len(STATES)} filter states × {args.reps} runs, each computed (uncached)",
                "district_report runs as the audience of the last switch (the leader)",
            ],
        )
    )


if __name__ == "__main__":
    main()
