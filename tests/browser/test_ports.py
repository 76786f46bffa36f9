"""The browser tests' ports: a port something listens on is stepped past, a free one is kept."""

from __future__ import annotations

import socket

from tests.browser import ports


def test_prt001_free_steps_past_a_listening_port():
    """free() returns the preferred port while it is free, and the next one once a server holds it."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        port = held.getsockname()[1]
        held.listen()
        assert ports.free(port) != port
        assert ports.free(port) > port
    assert ports.free(port) == port


def test_prt002_ports_lie_outside_the_ephemeral_range():
    """No port of ours lies where the kernel hands out ports for outgoing connections."""
    low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
    assert ports.DASH_DUO + 500 < low and ports.PAGES < low
