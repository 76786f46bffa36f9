"""The sample's key-enterprise register and arrival times: deterministic, valid, realistic."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.coverage.compute import BEIJING, deadline_for
from etl.coverage.register import REGISTER_COLUMNS, validate_register
from etl.reference import reference_from_seeds
from etl.sample.generate import H, generate_enterprises, generate_reports
from etl.sample.register import (
    arrival_times,
    generate_register,
    register_spans,
    report_keys,
    sample_history,
)
from etl.settings import PROJECT_ROOT

N = 400
COL = {k: v[0] for k, v in REGISTER_COLUMNS.items()}


@pytest.fixture(scope="module")
def ref():
    return reference_from_seeds(PROJECT_ROOT / "seeds")


@pytest.fixture(scope="module")
def enterprises(ref):
    return generate_enterprises(n_enterprises=N, ref=ref)


@pytest.fixture(scope="module")
def register(enterprises, ref):
    return generate_register(enterprises, ref)


@pytest.fixture(scope="module")
def history(ref, enterprises):
    frame = generate_reports(start=202001, end=202112, n_enterprises=N, ref=ref)
    return frame, sample_history(frame, enterprises, ref)


def test_register_is_deterministic_and_loads_without_problems(register, enterprises, ref):
    """The same seed gives the same file, and the register validator finds nothing wrong."""
    pd.testing.assert_frame_equal(register, generate_register(enterprises, ref))
    assert list(register.columns) == [COL[k] for k in REGISTER_COLUMNS]
    check = validate_register(register.set_axis(range(2, len(register) + 2)), ref)
    assert check.problems == [] and len(check.rows) == len(register)
    assert set(register[COL["uscc"]]) <= set(enterprises["uscc"])


def test_register_holds_the_large_firms_and_some_small_ones(register, enterprises):
    """Most of each region's largest firms are members; a few members are small."""
    ents = enterprises.set_index("uscc")
    members = set(register[COL["uscc"]])
    pct = ents["scale"].groupby(ents["region_code"]).rank(pct=True, ascending=False)
    top = pct[pct <= 0.1].index
    assert sum(u in members for u in top) / len(top) > 0.8
    small = pct[pct > 0.5].index
    assert 0 < sum(u in members for u in small) < 0.15 * len(small)
    assert 0.15 * N < len(register) < 0.4 * N
    assert {"500000-LJ", "120116"} <= set(ents.loc[list(members), "region_code"])


def test_membership_changes_over_the_period(register):
    """Members join after the start (some mid-year) and some leave: history to show."""
    spans = register_spans(register)
    assert (spans["since"] == 201701).sum() > len(spans) / 2
    assert (spans["since"] > 201701).any() and (spans["since"] % 100 != 1).any()
    assert (spans["until"] < 999999).any()
    assert (spans["until"] >= spans["since"]).all()


def test_contacts_are_plainly_fictitious(register, enterprises):
    """A common surname with 先生/女士; 022-6620xxxx in Tianjin, 023-6620xxxx in 两江新区; unique."""
    assert register[COL["contact_person"]].str.fullmatch(r"[\u4e00-\u9fff](先生|女士)").all()
    phones = register[COL["contact_phone"]]
    assert phones.is_unique and phones.str.fullmatch(r"02[23]-6620\d{4}").all()
    region = register[COL["uscc"]].map(enterprises.set_index("uscc")["region_code"])
    assert (phones[region == "500000-LJ"].str[:3] == "023").all()
    assert (phones[region != "500000-LJ"].str[:3] == "022").all()


def test_most_reports_arrive_on_time_in_the_following_month(history):
    """Days 3–10 of M+1 for most, some after the deadline, Beijing office hours, reproducible."""
    frame, (kept, _register, received) = history
    keys = report_keys(kept)
    assert len(received) == len(keys)
    assert received == arrival_times(keys)
    times = pd.Series(received)
    late = [at > deadline_for(p) for (_u, p), at in received.items()]
    assert 0.05 < sum(late) / len(late) < 0.2
    in_window = [
        3 <= at.day <= 10 and deadline_for(p).month == at.month for (_u, p), at in received.items()
    ]
    assert sum(in_window) / len(in_window) > 0.7
    assert all(at.tzinfo is BEIJING and 8 <= at.hour < 18 for at in times)
    month_after = {p: deadline_for(p).replace(day=1, hour=0, minute=0) for _u, p in received}
    assert all(at > month_after[p] for (_u, p), at in received.items())  # never before M ended


def test_a_few_key_enterprises_never_sent_the_newest_month(history):
    """Only reports of the last two months are dropped, only of register members, and few."""
    frame, (kept, register, _received) = history
    before, after = (
        set(map(tuple, report_keys(frame).to_numpy())),
        set(map(tuple, report_keys(kept).to_numpy())),
    )
    dropped = before - after
    assert after <= before and dropped
    assert {p for _u, p in dropped} <= {202111, 202112}
    assert {u for u, _p in dropped} <= set(register[COL["uscc"]])
    assert len(dropped) < 0.1 * len(register)
    assert len(kept) == len(
        frame[
            ~(frame[H["uscc"]] + frame[H["period"]]).isin(
                {f"{u}{p // 100}-{p % 100:02d}" for u, p in dropped}
            )
        ]
    )
