"""Benchmark 2: the server side of every dashboard click, at city and national scale.

    python bench/bench_clicks.py [--scales city national] [--reps 3] [--baseline-states 2]

For each built scale (bench/build_db.py) and each filter state a user clicks to:
- every data call the page callbacks make (dashboard/data.py), timed in an app context;
- the same calls with etl.queries.figures' aggregate reads swapped for GROUP BY over the raw report lines
  (in the app's database, and in DuckDB over an in-memory copy of the lines) — the baselines;
- every filter-driven callback and every page layout as a real POST to /_dash-update-component
  (Flask test client; the app is built with sign-in off, the access checks still run).
Writes bench/results/clicks.md and bench/results/clicks_http.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict

from common import SCALES, percentile, scale_url, timed, write_table
from raw_baselines import duckdb_connection, duckdb_lines, patched, raw_sql

from dashboard import breakdowns as modes_sectors_data
from dashboard import create_app, data
from dashboard.filter_state import from_query
from dashboard.pages.overview import data as overview_data
from dashboard.pages.partners import data as partners_data
from dashboard.pages.regions import data as regions_data
from etl.data_version import forget
from etl.db import make_engine
from etl.settings import Settings

# What users click to: the default view, a district, one direction, a year, a category, a group,
# full scope, a pilot year, CNY, the other city.
STATES = (
    "",
    "?region=120116",
    "?dir=X",
    "?year=2020",
    "?cat=SC",
    "?cat=group:KIS",
    "?scope=full",
    "?from=2019-07&to=2020-06",
    "?unit=cny_100m",
    "?region=500000-LJ",
)


def _district(state):
    v = data.view(state)
    return data.district_report("120000", v.start, v.end)


DATA_CALLS = {
    "filter_options (every page)": lambda s: data.filter_options(),
    "overview: trade_kpis": overview_data.trade_kpis,
    "overview: monthly_trend": data.monthly_trend,
    "overview: group_share KIS": lambda s: overview_data.group_share(s, "KIS"),
    "overview: region_targets": overview_data.region_targets,
    "overview: coverage": data.coverage,
    "overview/regions: coverage_line": data.coverage_line,
    "modes: mode_series": modes_sectors_data.mode_series,
    "modes: mode_matrix": modes_sectors_data.mode_matrix,
    "sectors: sector_totals": modes_sectors_data.sector_totals,
    "sectors: sector_groups": modes_sectors_data.sector_groups,
    "regions: region_breakdown": regions_data.region_breakdown,
    "partners: partner_breakdown": partners_data.partner_breakdown,
    "targets: targets_overview": lambda s: data.targets_overview(),
    "targets: district_report": _district,
    "home: database_facts": lambda s: data.database_facts(),
}
REMEMBERED = "ALL calls, asked again with the data unchanged (answered from memory)"
PAGES = ("/overview", "/modes", "/sectors", "/regions", "/partners", "/targets", "/")
DATA_PAGES = ("overview-", "modes-", "sectors-", "regions-", "partners-")  # callback id prefixes


# Calls whose reads the baselines do not replace, or that send dozens of reads (targets: one
# per target and window) and would take minutes over the raw lines at national scale.
NOT_IN_BASELINES = (
    "filter_options (every page)",
    "overview: coverage",
    "overview/regions: coverage_line",
    "home: database_facts",
    "overview: region_targets",
    "targets: targets_overview",
)


def time_data_calls(
    app, states, reps: int, warm: bool = True, calls: dict | None = None, remembered: bool = False
) -> dict[str, list[float]]:
    """Seconds per call, by data call, over reps × states (after one warm-up round).

    Remembered answers (etl.data_version) are dropped before every call, so each is computed;
    remembered=True times the call again right after, answered from memory.
    """
    out: dict[str, list[float]] = defaultdict(list)
    calls = calls or DATA_CALLS
    with app.server.app_context():
        for rep in range(0 if warm else 1, reps + 1):
            for search in states:
                state = from_query(search)
                for name, fn in calls.items():
                    forget()
                    seconds, _ = timed(lambda: fn(state))
                    if remembered:
                        seconds, _ = timed(lambda: fn(state))
                    if rep:  # round 0 warms caches (SQLite pages, compiled statements)
                        out[name].append(seconds)
    return out


def _outputs(output: str) -> list[dict]:
    """Dash's output string ('..a.b...c.d..' or 'a.b') as the outputs list of a request."""
    parts = output.strip(".").split("...") if output.startswith("..") else [output]
    out = []
    for part in parts:
        cid, prop = part.rsplit(".", 1)
        out.append(
            {"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop.split("@")[0]}
        )
    return out


def request_bodies(deps: list[dict]) -> dict[str, callable]:
    """From /_dash-dependencies: a request-body builder (search -> JSON) for every callback
    driven by the filter URL alone ('callback <first output id>'), and for every page layout
    ('layout <path>'), as the browser sends them."""
    builders = {}
    for dep in deps:
        inputs = [(i["id"], i["property"]) for i in dep["inputs"]]
        outputs = _outputs(dep["output"])
        out = outputs if dep["output"].startswith("..") else outputs[0]
        states = [{"id": i["id"], "property": i["property"], "value": None} for i in dep["state"]]
        name = outputs[0]["id"] if isinstance(outputs[0]["id"], str) else dep["output"]
        if (
            inputs == [("filter-url", "search")]
            and len(states) <= 1
            and name.startswith(DATA_PAGES)
        ):
            builders[f"callback {name}"] = lambda search, o=dep["output"], oo=out, st=states: {
                "output": o,
                "outputs": oo,
                "changedPropIds": ["filter-url.search"],
                "state": st,
                "inputs": [{"id": "filter-url", "property": "search", "value": search}],
            }
        elif inputs == [("_pages_location", "pathname"), ("_pages_location", "search")]:
            for page in PAGES:
                builders[f"layout {page}"] = lambda search, o=dep["output"], oo=out, p=page: {
                    "output": o,
                    "outputs": oo,
                    "state": [],
                    "changedPropIds": ["_pages_location.pathname"],
                    "inputs": [
                        {"id": "_pages_location", "property": "pathname", "value": p},
                        {"id": "_pages_location", "property": "search", "value": search},
                    ],
                }
    return builders


def time_http(app, states, reps: int) -> dict[str, list[float]]:
    """Seconds per POST /_dash-update-component, by callback, over reps × states."""
    client = app.server.test_client()
    out: dict[str, list[float]] = defaultdict(list)
    builders = request_bodies(client.get("/_dash-dependencies").get_json())
    for rep in range(reps + 1):
        for search in states:
            for name, body in builders.items():
                forget()  # computed, not answered from memory
                seconds, response = timed(
                    lambda: client.post("/_dash-update-component", json=body(search))
                )
                assert response.status_code in (200, 204), (
                    name,
                    response.status_code,
                    response.get_data(as_text=True)[:300],
                )
                if rep:
                    out[name].append(seconds)
    return out


def ms(x: float) -> str:
    return f"{x * 1000:.0f}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", nargs="+", default=["city", "national"])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument(
        "--baseline-states", type=int, default=1, help="filter states the (slow) baselines run on"
    )
    parser.add_argument("--pg", help="admin URL: use the scales' PostgreSQL builds")
    args = parser.parse_args()
    ours: dict[str, dict] = {}
    http: dict[str, dict] = {}
    raw: dict[str, dict] = {}
    duck: dict[str, dict] = {}
    base_states = STATES[: args.baseline_states]
    for name in args.scales:
        url = scale_url(SCALES[name], args.pg)
        app = create_app(Settings(auth_required=False, database_url=url))
        print(f"{name}: data calls", flush=True)
        ours[name] = time_data_calls(app, STATES, args.reps)
        again = time_data_calls(app, STATES, 1, remembered=True)
        ours[name][REMEMBERED] = [x for v in again.values() for x in v]
        print(f"{name}: HTTP", flush=True)
        http[name] = time_http(app, STATES, args.reps)
        print(f"{name}: raw GROUP BY baseline", flush=True)
        baseline_calls = {k: v for k, v in DATA_CALLS.items() if k not in NOT_IN_BASELINES}
        with patched(raw_sql()):
            raw[name] = time_data_calls(app, base_states, 1, warm=False, calls=baseline_calls)
        print(f"{name}: DuckDB baseline (copying the lines)", flush=True)
        engine = make_engine(url)
        con = duckdb_connection(engine)
        engine.dispose()
        with patched(duckdb_lines(con)):
            duck[name] = time_data_calls(app, base_states, args.reps, calls=baseline_calls)
        con.close()
    report(args, ours, http, raw, duck, base_states)
    return 0


def _p(samples: dict, scale: str, key: str, q: float) -> float | None:
    values = samples.get(scale, {}).get(key)
    return percentile(values, q) if values else None


def report(args, ours, http, raw, duck, base_states) -> None:
    scales = args.scales
    big, small = scales[-1], scales[0]
    header = ["data call"] + [f"{s} p50 / p95 ms" for s in scales]
    header += [
        f"p95 {big}/{small}",
        f"raw GROUP BY {big} p50 ms",
        f"DuckDB {big} p50 ms",
        "raw / ours",
        "DuckDB / ours",
    ]
    rows = []
    all_calls = {s: [x for k in DATA_CALLS for x in ours[s][k]] for s in scales}
    for key in list(DATA_CALLS) + ["ALL calls", REMEMBERED]:
        row = [key]
        pick = (lambda s: all_calls[s]) if key == "ALL calls" else (lambda s: ours[s][key])
        for s in scales:
            row.append(f"{ms(percentile(pick(s), 50))} / {ms(percentile(pick(s), 95))}")
        row.append(f"{percentile(pick(big), 95) / percentile(pick(small), 95):.2f}")
        # the baselines ran on the first states only: compare with ours on the same states
        n_states = len(base_states)
        keys = [k for k in DATA_CALLS if k not in NOT_IN_BASELINES] if key == "ALL calls" else [key]
        ours_same = [
            x for k in keys for i, x in enumerate(ours[big][k]) if i % len(STATES) < n_states
        ]
        for table in (raw, duck):
            values = (
                table[big].get(key)
                if key != "ALL calls"
                else [x for v in table[big].values() for x in v]
            )
            row.append(ms(statistics.median(values)) if values else "–")
        for table in (raw, duck):
            values = (
                table[big].get(key)
                if key != "ALL calls"
                else [x for v in table[big].values() for x in v]
            )
            row.append(
                f"{statistics.median(values) / statistics.median(ours_same):.1f}×"
                if values
                else "–"
            )
        rows.append(row)
    write_table(
        "clicks",
        f"Clicks: server-side time of every dashboard data call, {len(STATES)} "
        "filter states × "
        f"{args.reps} runs per scale (after a warm-up round).",
        header,
        rows,
        [
            f"filter states: {', '.join(repr(s) for s in STATES)}",
            f"baselines (same data calls, aggregate reads replaced by GROUP BY over the "
            f"current report lines) on the first {len(base_states)} state(s): raw GROUP BY "
            f"once (no warm-up), DuckDB {args.reps}×; ratios against ours on the same "
            f"states; not run for: {', '.join(NOT_IN_BASELINES)}",
            "DuckDB: in-memory table of the current lines, copied before timing (not timed)",
            "every call is computed: answers remembered until the next load "
            "(etl.data_version) are dropped before each call, so each row is what the "
            "first visitor after a load meets; the last row asks every call again at once "
            "with the data unchanged (what later visitors of the same view meet)",
            "database: " + ("PostgreSQL" if args.pg else "SQLite"),
        ],
    )
    keys = sorted(set().union(*[http[s].keys() for s in scales]))
    all_http = {s: [x for v in http[s].values() for x in v] for s in scales}
    rows = []
    for key in keys + ["ALL requests"]:
        pick = (lambda s: all_http[s]) if key == "ALL requests" else (lambda s: http[s][key])
        row = [key] + [
            f"{ms(percentile(pick(s), 50))} / {ms(percentile(pick(s), 95))}" for s in scales
        ]
        row.append(f"{percentile(pick(big), 95) / percentile(pick(small), 95):.2f}")
        rows.append(row)
    write_table(
        "clicks_http",
        "Clicks over HTTP: POST /_dash-update-component (Flask test "
        f"client, in process), {len(STATES)} filter states × {args.reps} runs.",
        ["callback"] + [f"{s} p50 / p95 ms" for s in scales] + [f"p95 {big}/{small}"],
        rows,
        [
            "includes Dash's JSON (de)serialisation and building the figures",
            "database: " + ("PostgreSQL" if args.pg else "SQLite"),
        ],
    )


if __name__ == "__main__":
    raise SystemExit(main())
