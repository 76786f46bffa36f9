"""Reads that change only when the data does, remembered per process until the next data event.

Every load and every retraction writes a data event, and every change of reference data (etl.seed)
an audit row, so (database, newest event id and time, newest reference change) names the data a
read saw. A remembered answer is served only while that is still the newest: each call asks the
database for it (two index lookups), so a load made by another process or worker is seen on the
very next call and no worker can disagree with the database.
"""

from __future__ import annotations

import copy
import functools
import threading
from collections import OrderedDict

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m

# Per process, over every remembered function: pages × filter states people actually use; answers
# are kilobytes to a few hundred kilobytes (peak worker RSS is measured in bench/bench_serve.py).
MAX_ENTRIES = 512
REFERENCE_CHANGED = "reference_data"  # the audit action of etl.seed changing a table
RELEASE_CHANGED = "data_release"  # the audit action of a release or a release marked final
RELEASED = "released"  # session.info key: this session reads released data only (etl.release)
# session.info key: this session's reads are protected as circulated (etl.disclosure): the session
# door sets it together with RELEASED for every role without enterprise-level rights.
PROTECTED = "protected"

_lock = threading.Lock()
_entries: OrderedDict[tuple, tuple[tuple, object]] = OrderedDict()


def data_version(session: Session) -> tuple:
    """The database, its newest data event (id, time) and newest reference-data change: changes
    with every load, retraction or seed edit."""
    newest = session.execute(
        sa.select(m.DataEvent.id, m.DataEvent.at).order_by(m.DataEvent.id.desc()).limit(1)
    ).first()
    reference = session.scalar(
        sa.select(sa.func.max(m.AuditEntry.id)).where(m.AuditEntry.action == REFERENCE_CHANGED)
    )
    # A release changes what leaders read without a data event (one more index lookup).
    release = session.scalar(
        sa.select(sa.func.max(m.AuditEntry.id)).where(m.AuditEntry.action == RELEASE_CHANGED)
    )
    return (
        session.get_bind().url.render_as_string(hide_password=True),
        *(newest or (None, None)),
        reference,
        release,
    )


def reads_released(session: Session) -> bool:
    """Whether this session reads the released copies (a role without enterprise-level rights)."""
    return bool(session.info.get(RELEASED))


def reads_protected(session: Session) -> bool:
    """Whether this session's figures are disclosure-protected (suppressed cells read NA)."""
    return bool(session.info.get(PROTECTED))


def remember(key: tuple, version: tuple, compute):
    """compute(), or what it returned for key while the data was at this version."""
    with _lock:
        hit = _entries.get(key)
        if hit is not None and hit[0] == version:
            _entries.move_to_end(key)
            return copy.deepcopy(hit[1])  # callers may change what they get
    value = compute()
    with _lock:
        _entries[key] = (version, copy.deepcopy(value))
        _entries.move_to_end(key)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value


def remembered_until_next_load(fn):
    """Decorate fn(session, *hashable args): its answer is kept until the data changes."""
    return _remembered(fn, data_version)


def register_version(session: Session) -> int | None:
    """The newest change of the key-enterprise register (etl.coverage.register logs every add,
    update and removal): the register changes without a data event."""
    return session.scalar(sa.select(sa.func.max(m.RegisterChange.id)))


def remembered_until_register_change(fn):
    """Decorate fn(session, *hashable args) that reads the register too: its answer is kept until
    the data or the register changes."""
    return _remembered(fn, lambda session: (*data_version(session), register_version(session)))


def _remembered(fn, version_of):
    """fn(session, *args) answered again while version_of(session) (the database first) holds."""

    @functools.wraps(fn)
    def wrapper(session: Session, *args):
        version = version_of(session)
        key = (fn.__module__, fn.__qualname__, version[0], reads_released(session), args)
        return remember(key, version, lambda: fn(session, *args))

    wrapper.uncached = fn
    return wrapper


def forget() -> None:
    """Drop every remembered answer (benchmarks measure the first call after a load this way)."""
    with _lock:
        _entries.clear()
