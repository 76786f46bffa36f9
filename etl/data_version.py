"""Reads that change only when the data does, remembered per process until the next data event.

Every load and every retraction writes a data event, so (database, newest event id, its time) names
the data a read saw. A remembered answer is served only while that is still the newest event: each
call still asks the database for it (one index lookup), so a load made by another process or
worker is seen on the very next call and no worker can disagree with the database.
"""

from __future__ import annotations

import copy
import functools
import threading
from collections import OrderedDict

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m

MAX_ENTRIES = 64  # per process, over every remembered function (answers are kilobytes to a few MB)

_lock = threading.Lock()
_entries: OrderedDict[tuple, tuple[tuple, object]] = OrderedDict()


def data_version(session: Session) -> tuple:
    """The database and its newest data event (id, time): changes with every load or retraction."""
    newest = session.execute(
        sa.select(m.DataEvent.id, m.DataEvent.at).order_by(m.DataEvent.id.desc()).limit(1)
    ).first()
    return (session.get_bind().url.render_as_string(hide_password=True), *(newest or (None, None)))


def remembered_until_next_load(fn):
    """Decorate fn(session, *hashable args): its answer is kept until the data changes."""

    @functools.wraps(fn)
    def wrapper(session: Session, *args):
        version = data_version(session)
        key = (fn.__qualname__, version[0], args)
        with _lock:
            hit = _entries.get(key)
            if hit is not None and hit[0] == version:
                _entries.move_to_end(key)
                return copy.deepcopy(hit[1])  # callers may change what they get
        value = fn(session, *args)
        with _lock:
            _entries[key] = (version, copy.deepcopy(value))
            _entries.move_to_end(key)
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
        return value

    wrapper.uncached = fn
    return wrapper


def forget() -> None:
    """Drop every remembered answer (benchmarks measure the first call after a load this way)."""
    with _lock:
        _entries.clear()
