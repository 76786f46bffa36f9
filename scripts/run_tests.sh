#!/usr/bin/env bash
# Run the whole suite against SQLite and a throwaway PostgreSQL cluster, in headless Chromium.
# The cluster is stopped even when tests fail; pytest's exit 5 ("no tests ran") counts as failure.
set -uo pipefail
cd "$(dirname "$0")/.."
pgdir=$(mktemp -d /tmp/stm-pg-XXXXXX)
trap 'bash scripts/pg_throwaway.sh stop "$pgdir"' EXIT
url=$(bash scripts/pg_throwaway.sh start "$pgdir") || { echo "could not start PostgreSQL"; exit 1; }
echo "PostgreSQL: $("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/postgres" --version) at ${url%%/app}"
echo "Chromium: $(chromium --version 2>/dev/null | tail -1)"
# Two workers (TEST_WORKERS); browser tests serve on ports of their worker's own (tests/browser/conftest.py).
# worksteal: an idle worker takes tests queued for the other, so the two finish together
# (--dist load left one worker idle for minutes at the end: 647 s instead of about 710 s).
TEST_DATABASE_URL="$url" STM_REQUIRE_PG=1 .venv/bin/python -m pytest --browser --headless \
  -n "${TEST_WORKERS:-2}" --dist worksteal --durations=25 "$@"
rc=$?
if [ $rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi
exit $rc
