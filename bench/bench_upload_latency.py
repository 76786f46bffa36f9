"""Other users' response times while a maximum-size upload is checked (goal: p95 < 300 ms).

    python bench/bench_upload_latency.py --url DATABASE_URL [--users 10] [--lines 300000]
                                         [--format xlsx] [--before 20] [--tag sqlite]

gunicorn -w 4 serves the real app. `--users` signed-in statisticians browse (page, layout and
data callbacks, 0.5–2 s apart) for `--before` seconds; then one more user drops a file at the
web row limit (STM_MAX_UPLOAD_ROWS, default 300,000 rows; the xlsx is the slowest to parse)
through the upload callback, as the browser does, and the others keep browsing until its check
has finished. Reported: the others' p50/p95/max before and during the check, the check's
duration and its worker's peak RSS. Writes bench/results/upload_latency_<tag>.md.
"""

from __future__ import annotations

import argparse
import base64
import json
import threading
import time

import psutil
from bench_clicks import _outputs, request_bodies
from bench_serve import page_plan
from common import DATA, percentile, write_table
from http_users import Recorder, browse, ensure_accounts, sign_in
from serving import gunicorn
from upload_files import csv_file, xlsx_file

UPLOADER = "bench_upload"


def drop_body(deps: list[dict], path) -> dict:
    """The request the browser sends when a file is dropped on the upload page."""
    dep = next(
        d
        for d in deps
        if any(i["id"] == "upload-drop" and i["property"] == "contents" for i in d["inputs"])
    )
    content = "data:;base64," + base64.b64encode(path.read_bytes()).decode()
    values = {
        ("upload-drop", "contents"): [content],
        ("upload-drop", "filename"): [path.name],
        ("upload-context", "data"): {"lang": "zh"},
    }
    return {
        "output": dep["output"],
        "outputs": _outputs(dep["output"]),
        "inputs": [{**i, "value": values.get((i["id"], i["property"]))} for i in dep["inputs"]],
        "state": [{**s, "value": values.get((s["id"], s["property"]))} for s in dep["state"]],
        "changedPropIds": ["upload-drop.contents"],
    }


def follow_job(job_id: str) -> dict:
    """Wait for the job to end; its last state, duration and the worker's peak RSS (MB)."""
    path = DATA / "instance" / "uploads" / job_id / "job.json"
    started, peak = time.time(), 0.0
    while True:
        job = json.loads(path.read_text(encoding="utf-8"))
        if job.get("worker"):
            try:
                peak = max(peak, psutil.Process(job["pid"]).memory_info().rss / 2**20)
            except psutil.Error:
                pass
        if job["state"] not in ("staged", "validating"):
            return {"job": job, "seconds": time.time() - started, "peak_mb": peak}
        time.sleep(0.2)


def summary(samples, since: float, until: float) -> list:
    chosen = [s for s in samples if since <= s[0] < until]
    seconds = [s[2] for s in chosen]
    if not seconds:
        return [0, "", "", "", 0]
    return [
        len(chosen),
        f"{percentile(seconds, 50) * 1000:.0f}",
        f"{percentile(seconds, 95) * 1000:.0f}",
        f"{max(seconds) * 1000:.0f}",
        sum(not s[3] for s in chosen),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--lines", type=int, default=300_000)
    parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    parser.add_argument("--before", type=float, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--tag", default="")
    args = parser.parse_args()
    path = (xlsx_file if args.format == "xlsx" else csv_file)(args.lines)
    names = [f"reader{i:02d}" for i in range(1, args.users + 1)]
    ensure_accounts(args.url, [*names, UPLOADER])
    with gunicorn(args.url, workers=args.workers) as (base, _master):
        sessions = [sign_in(base, n) for n in names]
        deps = sessions[0].get(base + "/_dash-dependencies", timeout=60).json()
        bodies = request_bodies(deps)
        plan = page_plan(bodies)
        recorder = Recorder()
        stop = {"at": float("inf")}
        threads = [
            threading.Thread(
                target=browse, args=(base, s, bodies, plan, stop, (0.5, 2.0), i, recorder)
            )
            for i, s in enumerate(sessions)
        ]
        for t in threads:
            t.start()
        time.sleep(args.before)
        uploader = sign_in(base, UPLOADER)
        dropped = time.time()
        response = uploader.post(
            base + "/_dash-update-component", json=drop_body(deps, path), timeout=600
        )
        staged = time.time()
        job_id = response.json()["response"]["upload-job"]["data"]
        outcome = follow_job(job_id)
        done = time.time()
        time.sleep(5)
        stop["at"] = time.time()
        for t in threads:
            t.join(timeout=300)
    job = outcome["job"]
    rows = [
        ["before the upload", *summary(recorder.samples, 0, dropped)],
        ["while the file is sent and staged", *summary(recorder.samples, dropped, staged)],
        ["while it is checked (worker)", *summary(recorder.samples, staged, done)],
        ["whole upload (sent → checked)", *summary(recorder.samples, dropped, done)],
    ]
    db = "PostgreSQL" if args.url.startswith("postgresql") else "SQLite"
    preview = (job.get("preview") or [{}])[0]
    write_table(
        f"upload_latency_{args.tag or db.lower()}",
        f"Other users while a maximum-size upload is checked: {args.users} signed-in users "
        f"browsing (0.5–2 s apart) on gunicorn -w {args.workers} ({db}); one more drops "
        f"{path.name} ({path.stat().st_size / 1e6:.1f} MB, {args.lines:,} rows).",
        ["others' requests", "count", "p50 ms", "p95 ms", "max ms", "errors"],
        rows,
        [
            f"upload request (send + stage + start the worker): {staged - dropped:.1f} s; "
            f"check in the worker: {outcome['seconds']:.0f} s, ended {job['state']}"
            f" ({preview.get('status', job.get('error', ''))}, {preview.get('rows', 0):,} rows); "
            f"worker peak RSS {outcome['peak_mb']:.0f} MB",
            "goal: others' p95 under 300 ms while the upload is checked",
        ],
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
