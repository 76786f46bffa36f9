"""The 30-user soak: sign in, browse, sign out, again and again, on gunicorn -w 4; 0 errors wanted.

    python bench/bench_soak.py --url DATABASE_URL [--users 30] [--seconds 120] [--tag sqlite]

Every user has an account of their own (signing out ends all of an account's sessions) and
starts by signing in together with all the others (a burst); then each loops: 2–4 page visits
(page, layout and data callbacks, 0.5–2 s apart), sign out, sign in again. Any answer that is
not 2xx (302 for the forms) or any exception is an error, sign-ins included (issue #14: 67 of
187 sign-ins failed with HTTP 500 on SQLite before). Writes bench/results/soak_<tag>.md.
"""

from __future__ import annotations

import argparse
import random
import threading
import time

from bench_clicks import request_bodies
from bench_serve import page_plan
from common import percentile, write_table
from http_users import Recorder, ensure_accounts, sign_in, sign_out, visit
from serving import gunicorn


def soak_user(base, name, bodies, plan, start_at, deadline, seed, recorder) -> None:
    rng = random.Random(seed)
    while time.time() < start_at:
        time.sleep(0.005)
    while time.time() < deadline:
        box = {}

        def signing_in():
            box["s"] = sign_in(base, name)
            return True

        if not recorder.timed("sign-in", signing_in):
            time.sleep(1)
            continue
        for _ in range(rng.randint(2, 4)):
            if time.time() >= deadline:
                break
            visit(base, box["s"], bodies, plan, rng, recorder)
            time.sleep(rng.uniform(0.5, 2.0))
        recorder.timed("sign-out", lambda: sign_out(base, box["s"]) or True)


def table(samples) -> list[list]:
    """count, p50, p95, max (ms) and errors per kind, then all requests."""
    rows = []
    kinds = ("sign-in", "sign-out", "GET page", "layout", "callback")
    for kind in (*kinds, "ALL requests"):
        chosen = [s for s in samples if kind == "ALL requests" or s[1] == kind]
        if not chosen:
            continue
        seconds = [s[2] for s in chosen]
        rows.append(
            [
                kind,
                len(chosen),
                f"{percentile(seconds, 50) * 1000:.0f}",
                f"{percentile(seconds, 95) * 1000:.0f}",
                f"{max(seconds) * 1000:.0f}",
                sum(not s[3] for s in chosen),
            ]
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="database URL (SQLite file or PostgreSQL)")
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--tag", default="")
    args = parser.parse_args()
    names = [f"soak{i:02d}" for i in range(1, args.users + 1)]
    ensure_accounts(args.url, names)
    with gunicorn(args.url, workers=args.workers) as (base, _master):
        first = sign_in(base, names[0])
        bodies = request_bodies(first.get(base + "/_dash-dependencies", timeout=60).json())
        plan = page_plan(bodies)
        visit(base, first, bodies, plan, random.Random(0), Recorder())  # workers import lazily
        sign_out(base, first)
        recorder = Recorder()
        start_at = time.time() + 1
        deadline = start_at + args.seconds
        threads = [
            threading.Thread(
                target=soak_user,
                args=(base, name, bodies, plan, start_at, deadline, i, recorder),
            )
            for i, name in enumerate(names)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=args.seconds + 300)
        wall = time.time() - start_at
    db = "PostgreSQL" if args.url.startswith("postgresql") else "SQLite"
    n = len(recorder.samples)
    write_table(
        f"soak_{args.tag or db.lower()}",
        f"Soak: {args.users} users, each with their own account, signing in together, then "
        f"browsing and signing out and in again for {args.seconds:.0f} s, against gunicorn "
        f"-w {args.workers} on loopback ({db}).",
        ["request", "count", "p50 ms", "p95 ms", "max ms", "errors"],
        table(recorder.samples),
        [f"{n} requests in {wall:.0f} s = {n / wall:.1f} requests/s"],
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
