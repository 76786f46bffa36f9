#!/usr/bin/env bash
# Every benchmark with its defaults: build the city and national databases once (reused while
# they exist under $BENCH_DATA, default /tmp/bench-data), then load, clicks, page, snapshot,
# concurrency and memory. Tables go to bench/results/ (quick runs: $BENCH_DATA/results-quick).
#
#   bash bench/run_all.sh            # full run: about an hour on 2 cores (the national build ~30 min)
#   bash bench/run_all.sh --quick    # smoke run on a tiny scale, a few minutes
#
# PostgreSQL: set BENCH_PG to an admin URL (database 'app'), or leave it unset and a throwaway
# cluster is started for the load benchmark (scripts/pg_throwaway.sh) when PostgreSQL is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
export BENCH_DATA=${BENCH_DATA:-/tmp/bench-data}
mkdir -p "$BENCH_DATA"

pg=${BENCH_PG:-}
if [ -z "$pg" ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  pgdir=$(mktemp -d /tmp/stm-bench-pg-XXXXXX)
  trap 'bash scripts/pg_throwaway.sh stop "$pgdir"' EXIT
  pg=$(bash scripts/pg_throwaway.sh start "$pgdir")
fi
pgarg=(); [ -n "$pg" ] && pgarg=(--pg "$pg")

if [ "${1:-}" = "--quick" ]; then
  export BENCH_RESULTS="$BENCH_DATA/results-quick"
  $PY bench/build_db.py --scale tiny
  $PY bench/bench_load.py --lines 20000 --runs 1 "${pgarg[@]}"
  $PY bench/bench_clicks.py --scales tiny --reps 1 --baseline-states 1
  $PY bench/bench_page.py --scale tiny --runs 1
  $PY bench/bench_snapshot.py --scale tiny --runs 1
  $PY bench/bench_serve.py --scale tiny --users 5 --seconds 10
else
  $PY bench/build_db.py --scale city
  $PY bench/build_db.py --scale national
  $PY bench/bench_load.py --lines 1000000 --runs 3 "${pgarg[@]}"
  $PY bench/bench_clicks.py --scales city national --reps 3
  $PY bench/bench_page.py --scale national --runs 5
  $PY bench/bench_snapshot.py --scale national --runs 3
  $PY bench/bench_serve.py --scale national --users 50 --seconds 60
  $PY bench/bench_serve.py --scale national --users 50 --seconds 90 --think 10 30 --tag reading
fi
echo "results: ${BENCH_RESULTS:-bench/results}"
