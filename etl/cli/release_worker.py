"""A release job's worker process: `python -m etl.cli.release_worker <job folder>` (started by
etl.release.jobs; here, beside the CLI, because it also makes the month's briefing after the
release: etl.mail, which itself reads releases).

The database URL and the settings come in the environment (jobs.URL_ENV, jobs.SETTINGS_ENV).
Whatever ends the release, its state is in the job folder's job.json; a crash leaves the job
running, which the starting web process's watcher (or any reader) turns into failed.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Release the job in the folder given."""
    from etl.db import make_engine, make_session_factory
    from etl.mail.delivery import release_hook
    from etl.release import jobs
    from etl.settings import Settings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    folder = Path((argv or sys.argv[1:])[0])
    settings = Settings.from_json(os.environ[jobs.SETTINGS_ENV])
    engine = make_engine(os.environ[jobs.URL_ENV])
    try:
        factory = make_session_factory(engine)
        jobs.run(factory, settings, folder, briefing=release_hook(factory, settings))
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
