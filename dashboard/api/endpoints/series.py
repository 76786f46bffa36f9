"""The /series endpoint: the trend chart's monthly amounts with 同比 per month."""

from __future__ import annotations

import pandas as pd

from dashboard import data
from dashboard.api.endpoints.request import (
    check_codes,
    filter_meta,
    handle,
    read_asked,
    release_meta,
    units,
)
from dashboard.api.endpoints.summary import SUMMARY_DIMENSIONS
from dashboard.api.respond import Answer
from etl.exchange import serialize
from etl.periods import add_months, format_period


@handle
def series():
    """Monthly amounts of the pages' filter (the trend chart), from a year before the first month
    shown, with 同比 per month."""
    asked = read_asked()
    state = asked.state
    with data.session() as s:
        check_codes(s, asked)
    v, frame, shown = data.monthly_trend(state, asked.partners)
    frame = frame.copy()
    table = pd.DataFrame(columns=["period", "amount", "previous", "growth"])
    time_periods = table["period"]
    if len(frame):
        frame = frame.sort_values("period")
        previous = dict(zip(frame["period"], frame["amount"]))
        frame["previous"] = [previous.get(add_months(p, -12)) for p in frame["period"]]
        # NA (a protected month, or none a year earlier) gives no growth, never a number
        frame["growth"] = [
            None if pd.isna(a) or pd.isna(b) or b == 0 else (a - b) / b
            for a, b in zip(frame["amount"], frame["previous"])
        ]
        frame = frame[frame["period"] >= (shown or 0)]
        # A circulated February holds January (1–2月 is one released figure): say so.
        periods = set(frame["period"])
        combined = [v.circulated and p % 100 == 2 and p - 1 not in periods for p in frame["period"]]
        frame["TIME_PERIOD"] = [
            serialize.time_period(p - 1, p) if c else format_period(p)
            for p, c in zip(frame["period"], combined)
        ]
        frame["period"] = [
            f"{format_period(p - 1)}/{format_period(p)}" if c else format_period(p)
            for p, c in zip(frame["period"], combined)
        ]
        keep = ["period", "amount", "previous", "growth"] + (
            ["status"] if "status" in frame else []
        )
        time_periods = frame["TIME_PERIOD"].reset_index(drop=True)
        table = frame[keep].reset_index(drop=True)
    with data.session() as s:
        release = release_meta(s, state.region, v.end)
    meta = {
        "endpoint": "series",
        **filter_meta(asked),
        "region": state.region,
        "window": {"from": format_period(v.start), "to": format_period(v.end)} if v.end else None,
        "units": units(state.currency, state.scope),
        "release": release,
        "unreleased_months": [format_period(p) for p in v.unreleased],
    }
    flow = "XM" if state.direction == "both" else state.direction
    obs = pd.DataFrame(
        {
            "FREQ": "M",
            "REF_AREA": state.region,
            "FLOW": flow,
            "SERVICE": ",".join(state.categories) or "_T",
            "MODE": ",".join(map(str, state.modes)) or "_T",
            "COUNTERPART_AREA": ",".join(asked.partners) or "W1",
            "SCOPE": state.scope.upper(),
            "TIME_PERIOD": time_periods.astype(str),
            "value": table["amount"],
            "status": table["status"] if "status" in table else None,
        }
    )
    answer = Answer(
        "DF_STM_SERIES",
        meta,
        table,
        ("amount", "previous"),
        ("growth",),
        obs,
        SUMMARY_DIMENSIONS,
        state.currency,
        release,
    )
    return answer, "series"
