"""Simulated users over HTTP for the soak and upload-latency benchmarks: accounts, sign-in, visits.

Each sample is (time, kind, seconds, ok): kind is "sign-in", "sign-out", "GET page", "layout" or
"callback"; ok means a 2xx answer (a 302 for the sign-in and sign-out forms), no exception.
"""

from __future__ import annotations

import random
import re
import threading
import time

import requests

from etl import accounts
from etl.db import make_engine, make_session_factory

PASSWORD = "Bench-2026-longer-password!"


def ensure_accounts(url: str, names: list[str], role: str = "statistician") -> None:
    """Accounts with a fixed password (created once per database), usable at once."""
    engine = make_engine(url)
    with make_session_factory(engine).begin() as s:
        for name in names:
            try:
                accounts.get_user(s, name)
            except accounts.AccountError:
                accounts.add_user(s, name, role, password=PASSWORD)
            accounts.set_password(s, name, PASSWORD, "bench", one_time=False)
    engine.dispose()


def _token(session: requests.Session, url: str) -> str:
    page = session.get(url, timeout=120).text
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def sign_in(base: str, name: str, session: requests.Session | None = None) -> requests.Session:
    """Sign in through the form; raises when the answer is not the redirect to the app."""
    session = session or requests.Session()
    r = session.post(
        base + "/login",
        data={"csrf": _token(session, base + "/login"), "username": name, "password": PASSWORD},
        timeout=120,
        allow_redirects=False,
    )
    if r.status_code != 302:
        raise RuntimeError(f"sign-in of {name}: HTTP {r.status_code}")
    return session


def sign_out(base: str, session: requests.Session) -> None:
    """Sign out as the navigation bar's form does (POST with the CSRF token)."""
    r = session.post(
        base + "/logout",
        data={"csrf": _token(session, base + "/logout")},
        timeout=120,
        allow_redirects=False,
    )
    if r.status_code not in (200, 302):
        raise RuntimeError(f"sign-out: HTTP {r.status_code}")


class Recorder:
    """Thread-safe list of samples."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, str, float, bool]] = []
        self._lock = threading.Lock()

    def timed(self, kind: str, fn) -> bool:
        start = time.perf_counter()
        try:
            ok = bool(fn())
        except Exception:  # noqa: BLE001 — every failure counts as an error
            ok = False
        with self._lock:
            self.samples.append((time.time(), kind, time.perf_counter() - start, ok))
        return ok


def visit(base, session, bodies, plan, rng, recorder: Recorder) -> None:
    """One page visit as the browser makes it: the page, its layout, its data callbacks."""
    from bench_clicks import STATES

    page, search = rng.choice(sorted(plan)), rng.choice(STATES)
    recorder.timed(
        "GET page", lambda: session.get(base + page + search, timeout=120).status_code < 300
    )
    for name in plan[page]:
        kind = name.split(" ")[0]
        body = bodies[name](search)
        recorder.timed(
            kind,
            lambda b=body: (
                session.post(base + "/_dash-update-component", json=b, timeout=120).status_code
                < 300
            ),
        )


def browse(base, session, bodies, plan, stop: dict, think, seed, recorder: Recorder) -> None:
    """Visit pages with a pause between them until the time in stop["at"] (it may change)."""
    rng = random.Random(seed)
    while time.time() < stop["at"]:
        visit(base, session, bodies, plan, rng, recorder)
        time.sleep(rng.uniform(*think))
