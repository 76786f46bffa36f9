"""The synthetic sample is labelled as such: the shell's notice follows what is loaded."""

import datetime as dt

from etl.intake.load import load_file
from etl.intake.retract import retract_batch
from etl.queries.facts import sample_data_loaded
from tests.db.helpers import line, write_report


def test_notice_follows_the_sample_batches(session_factory, tmp_path):
    """Only batches loaded as the sample turn the notice on; retracting them turns it off."""
    today = dt.date(2022, 1, 1)
    real = write_report(tmp_path / "real.csv", [line(1, "2019-06", "出口", "SC", 1, "US", "1")])
    load_file(session_factory, real, user="clerk1", today=today)
    with session_factory() as s:
        assert sample_data_loaded(s) is False
    sample = write_report(
        tmp_path / "synthetic.csv", [line(2, "2019-06", "出口", "SC", 1, "US", "1")]
    )
    batch = load_file(session_factory, sample, user="sample", today=today).batch_id
    with session_factory() as s:
        assert sample_data_loaded(s) is True
    retract_batch(session_factory, batch, "admin", "real data arrived")
    with session_factory() as s:
        assert sample_data_loaded(s) is False
