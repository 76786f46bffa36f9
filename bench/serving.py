"""gunicorn on loopback for the page, concurrency and memory benchmarks, with a signed-in user.

The app is the real one (`app:server`, sign-in on), pointed at a built scale's database through
DATABASE_URL, exactly as `make serve` runs it.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import requests
from common import DATA, PYTHON, ROOT

from etl import accounts
from etl.db import make_engine, make_session_factory

USER, PASSWORD = "bench", "Bench-2026-longer-password!"


def ensure_user(url: str, role: str = "statistician") -> None:
    """A statistician account 'bench' with a fixed password (created once per database)."""
    engine = make_engine(url)
    with make_session_factory(engine).begin() as s:
        try:
            accounts.get_user(s, USER)
        except accounts.AccountError:
            accounts.add_user(s, USER, role, password=PASSWORD)
        accounts.set_password(s, USER, PASSWORD, "bench", one_time=False)
    engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(url: str, workers: int = 4, threads: int = 1):
    """Serve app:server with gunicorn on a free loopback port; yields (base URL, master Popen)."""
    port = free_port()
    env = dict(os.environ, DATABASE_URL=url, STM_INSTANCE_PATH=str(DATA / "instance"))
    gunicorn_bin = str(Path(PYTHON).parent / "gunicorn")
    log = open(DATA / f"gunicorn-{port}.log", "w")
    proc = subprocess.Popen(
        [
            gunicorn_bin,
            "-w",
            str(workers),
            "--threads",
            str(threads),
            "-b",
            f"127.0.0.1:{port}",
            "--no-control-socket",
            "--timeout",
            "120",
            "app:server",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 300  # a loaded shared machine imports slowly
        while True:
            try:
                if requests.get(base + "/login", timeout=30).status_code == 200:
                    break
            except (requests.ConnectionError, requests.Timeout):
                pass
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError(f"gunicorn did not start (see {log.name})")
            time.sleep(0.3)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def worker_pids(master: subprocess.Popen) -> list[int]:
    """The gunicorn workers of a master process."""
    out = subprocess.run(["pgrep", "-P", str(master.pid)], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def peak_rss_mb(pid: int) -> float:
    """Peak resident set size (VmHWM) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def signed_in(base: str) -> requests.Session:
    """A requests session signed in as the bench user."""
    s = requests.Session()
    page = s.get(base + "/login", timeout=30).text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    r = s.post(
        base + "/login",
        data={"csrf": token, "username": USER, "password": PASSWORD},
        timeout=60,
        allow_redirects=False,
    )
    if r.status_code != 302:
        raise RuntimeError(f"sign-in failed: {r.status_code}")
    return s
