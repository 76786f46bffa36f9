"""Load the SYNTHETIC sample as a bureau would hold it: reports received over the years, and the
key-enterprise register (what `init-db --sample` and `make run` do on an empty database)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from etl.coverage.register import RegisterCheck, load_register
from etl.disclosure.store import Safeguards
from etl.intake.load import load_file
from etl.intake.outcome import LoadOutcome
from etl.quality.thresholds import QualityThresholds
from etl.reference import ReferenceCodes
from etl.release.store import release_all
from etl.sample.generate import generate_enterprises, generate_reports, write_reports
from etl.sample.register import sample_history

REGISTER_FILE = "register.csv"
SAMPLE_RELEASE_NOTE = "示例数据：装载时发布 (synthetic sample, released on load)"


def load_sample(
    factory: sessionmaker[Session],
    out_dir: Path,
    ref: ReferenceCodes,
    n_enterprises: int = 2000,
    start: int = 201501,
    end: int = 202112,
    quality: QualityThresholds | None = None,
    each_file: Callable[[list[Path]], object] = iter,
    on_loaded: Callable[[LoadOutcome], None] = lambda _o: None,
    each_release: Callable = iter,
    release: bool = True,
    min_coverage: float = 0.90,
    deadline_day: int = 10,
) -> tuple[list[LoadOutcome], RegisterCheck]:
    """Write the sample's yearly report files and register.csv to out_dir and load them: each
    report as received (etl.sample.register), then the register; then release every month
    (release=True) so leaders see figures (etl.release). each_file and each_release wrap the
    file list and the (scope, month) list (progress bars); on_loaded hears each file's outcome."""
    frame, register, received = sample_history(
        generate_reports(start=start, end=end, n_enterprises=n_enterprises, ref=ref),
        generate_enterprises(n_enterprises=n_enterprises, ref=ref),
        ref,
    )
    outcomes = []
    for path in each_file(write_reports(frame, out_dir)):
        outcome = load_file(factory, path, user="sample", quality=quality, received_at=received)
        on_loaded(outcome)
        outcomes.append(outcome)
    check = RegisterCheck()
    if not register.empty:  # empty: a range before the register was set up (2017)
        register_path = Path(out_dir) / REGISTER_FILE
        register.to_csv(register_path, index=False, encoding="utf-8", lineterminator="\n")
        check = load_register(factory, register_path, "sample")
    if release:
        release_all(
            factory,
            "sample",
            SAMPLE_RELEASE_NOTE,
            min_coverage=min_coverage,
            deadline_day=deadline_day,
            each_month=each_release,
            # synthetic figures, released without the release-time audit: it takes 10 s to
            # minutes a month at this scale, and the first `make run` would take hours
            # (docs/disclosure.md, Limits); a release from the page or the CLI runs it
            safeguards=Safeguards(audit=False),
        )
    return outcomes, check
