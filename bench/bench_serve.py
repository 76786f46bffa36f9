"""Benchmarks 5 and 6: concurrent users on gunicorn (4 workers), then each worker's peak memory.

    python bench/bench_serve.py [--scale national] [--users 50] [--seconds 60] [--think 1 3]

Every simulated user signs in (before the clock starts), then clicks through pages until the time
is up: a page visit is what the browser sends — the page HTML, the page layout callback and every
data callback of the page — with a filter state drawn at random, then a pause (think time).
Reports p50/p95/max per request kind and errors (non-2xx or exceptions), then the peak RSS of every
worker (VmHWM). Writes bench/results/concurrency.md and bench/results/memory.md.
"""

from __future__ import annotations

import argparse
import random
import threading
import time
from collections import defaultdict

from bench_clicks import PAGES, STATES, request_bodies
from common import SCALES, percentile, scale_url, write_table
from serving import ensure_user, gunicorn, peak_rss_mb, signed_in, worker_pids

VISITED = [p for p in PAGES if p not in ("/", "/targets")]  # pages with the shared filter bar


def page_plan(bodies: dict) -> dict[str, list[str]]:
    """For each page: its layout request, then its data callbacks (named by their output ids)."""
    plan = {}
    for page in VISITED:
        prefix = page.strip("/") + "-"
        plan[page] = [f"layout {page}"] + sorted(
            k for k in bodies if k.startswith("callback ") and k[9:].startswith(prefix)
        )
    return plan


def user(base, session, bodies, plan, deadline, think, seed, samples, errors, lock):
    rng = random.Random(seed)
    while time.time() < deadline:
        page, search = rng.choice(VISITED), rng.choice(STATES)
        steps = [("GET page", None)] + [(name, bodies[name](search)) for name in plan[page]]
        for name, body in steps:
            if time.time() >= deadline:
                break
            start = time.perf_counter()
            try:
                if body is None:
                    r = session.get(base + page + search, timeout=60)
                else:
                    r = session.post(base + "/_dash-update-component", json=body, timeout=60)
                ok = r.status_code < 300
            except Exception:  # noqa: BLE001 - every failure counts as an error
                ok = False
            elapsed = time.perf_counter() - start
            kind = "GET page" if body is None else name.split(" ")[0]
            with lock:
                samples[kind].append(elapsed)
                samples["ALL requests"].append(elapsed)
                if not ok:
                    errors[kind] += 1
        time.sleep(rng.uniform(*think))


def warm(base, sessions, bodies, plan) -> None:
    """Visit every page once from a few sessions at once (workers import and connect lazily)."""

    def visit_all(session):
        for page, names in plan.items():
            session.get(base + page, timeout=120)
            for name in names:
                session.post(base + "/_dash-update-component", json=bodies[name](""), timeout=120)

    threads = [threading.Thread(target=visit_all, args=(s,)) for s in sessions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="national")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0))
    parser.add_argument("--tag", default="", help="suffix of the result files (e.g. reading)")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--pg", help="admin URL: use the scale's PostgreSQL build")
    args = parser.parse_args()
    url = scale_url(SCALES[args.scale], args.pg)
    ensure_user(url)
    with gunicorn(url, workers=args.workers) as (base, master):
        sessions = [signed_in(base) for _ in range(args.users)]
        bodies = request_bodies(sessions[0].get(base + "/_dash-dependencies", timeout=30).json())
        plan = page_plan(bodies)
        warm(base, sessions[: 2 * args.workers], bodies, plan)
        samples, errors, lock = defaultdict(list), defaultdict(int), threading.Lock()
        start = time.time()
        deadline = start + args.seconds
        threads = [
            threading.Thread(
                target=user,
                args=(base, s, bodies, plan, deadline, args.think, i, samples, errors, lock),
            )
            for i, s in enumerate(sessions)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=args.seconds + 120)
        wall = time.time() - start
        rss = {pid: peak_rss_mb(pid) for pid in worker_pids(master)}
    rows = []
    for kind in ("GET page", "layout", "callback", "ALL requests"):
        values = samples.get(kind, [])
        if not values:
            continue
        rows.append(
            [
                kind,
                len(values),
                f"{percentile(values, 50) * 1000:.0f}",
                f"{percentile(values, 95) * 1000:.0f}",
                f"{max(values) * 1000:.0f}",
                sum(errors.values()) if kind == "ALL requests" else errors.get(kind, 0),
            ]
        )
    n = len(samples["ALL requests"])
    db = "PostgreSQL" if args.pg else "SQLite"
    suffix = f"_{args.tag}" if args.tag else ""
    write_table(
        f"concurrency{suffix}",
        f"Concurrency: {args.users} signed-in users for "
        f"{args.seconds:.0f} s "
        f"against gunicorn -w {args.workers} on loopback, scale **{args.scale}** ({db}).",
        ["request", "count", "p50 ms", "p95 ms", "max ms", "errors"],
        rows,
        [
            f"{n} requests in {wall:.0f} s = {n / wall:.1f} requests/s; think time "
            f"{args.think[0]:g}–{args.think[1]:g} s between page visits",
            "a page visit = GET the page + its layout callback + all its data callbacks, "
            "sent one after the other (a browser sends the callbacks in parallel)",
            f"pages: {', '.join(VISITED)}; filter states as in clicks.md",
        ],
    )
    write_table(
        f"memory{suffix}",
        f"Memory: peak RSS (VmHWM) of each gunicorn worker after the "
        f"concurrency run, scale **{args.scale}** ({db}).",
        ["worker", "peak RSS MB"],
        [[f"worker {i + 1}", f"{mb:.0f}"] for i, mb in enumerate(sorted(rss.values()))]
        + [["max", f"{max(rss.values()):.0f}"]],
        ["goal: < 400 MB per worker"],
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
