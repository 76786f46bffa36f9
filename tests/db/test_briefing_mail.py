"""Delivery of the briefing by e-mail against a local SMTP server (aiosmtpd) started here:
the message arrives with docx and PDF and a Chinese subject; failures are retried with backoff
and never fail the release; nothing is sent while no SMTP host is set."""

from __future__ import annotations

import datetime as dt
import email
import socket
from dataclasses import replace
from email import policy

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller

from etl import accounts
from etl import models as m
from etl.cli.main import EXIT_OK, main
from etl.mail.delivery import release_hook, send_due
from etl.release.store import release_month
from tests.conftest import SQLITE_ONLY
from tests.db.helpers import no_lp, release_months
from tests.db.snapshot_data import load_two_years

MONTH, SCOPE = 201906, "120000"
# Delivery is Python over the outbox rows; the release and briefing SQL it reaches is tested on
# both backends (test_release, test_briefing).
pytestmark = SQLITE_ONLY


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def subscribed(session_factory, tmp_path):
    """Data of two years, May released; a subscribed leader and an unsubscribed one."""
    load_two_years(session_factory, tmp_path)
    release_months(session_factory, months=[201905])
    with session_factory.begin() as s:
        accounts.add_user(s, "lingdao", "leader", "王局长", (), "Lingdao-Pass-2026!")
        accounts.set_email(s, "lingdao", "wang@example.gov.cn", "admin")
        accounts.set_subscribed(s, "lingdao", True, "admin")
        accounts.add_user(s, "other", "leader", "李处长", (), "Other-Pass-2026!")
        accounts.set_email(s, "other", "li@example.gov.cn", "admin")
    return session_factory


def _release(factory, settings):
    with factory.begin() as s:
        release, _ = release_month(
            s,
            SCOPE,
            MONTH,
            "stat",
            "六月初步",
            min_coverage=0.9,
            deadline_day=10,
            override_coverage=True,
            safeguards=no_lp(),
            after_commit=release_hook(factory, replace(settings, briefing_on_release=True)),
        )
        return release.id


def _outbox(factory):
    with factory() as s:
        return s.scalars(sa.select(m.MailOutbox).order_by(m.MailOutbox.id)).all()


def test_release_mails_the_briefing_with_both_attachments(subscribed, settings, smtp_server):
    """On release, the subscriber receives one message: Chinese subject and body, the docx and
    the PDF attached; the unsubscribed account receives nothing."""
    controller, inbox = smtp_server
    mail = replace(
        settings,
        smtp_host="127.0.0.1",
        smtp_port=controller.port,
        smtp_tls="none",
        smtp_from="stm@example.gov.cn",
    )
    rid = _release(subscribed, mail)
    assert len(inbox.messages) == 1
    msg = inbox.messages[0]
    assert msg["To"] == "wang@example.gov.cn"
    assert (
        msg["Subject"] == "【服务贸易月度简报】天津市 2019年1–6月（最终）"
    )  # 2019: long past 3 months, final
    body = msg.get_body(("plain",)).get_content()
    assert body.startswith("王局长：") and "2019年1–6月，全市服务进出口" in body
    names = sorted(part.get_filename() for part in msg.iter_attachments())
    assert names == [
        "服务贸易月度简报_天津市_2019年1–6月.docx",
        "服务贸易月度简报_天津市_2019年1–6月.pdf",
    ]
    sizes = [len(part.get_content()) for part in msg.iter_attachments()]
    assert all(size > 1000 for size in sizes)
    rows = _outbox(subscribed)
    assert [(r.recipient, r.status, r.attempts) for r in rows] == [
        ("wang@example.gov.cn", "sent", 1)
    ]
    with subscribed() as s:
        assert {b.lang for b in s.scalars(sa.select(m.Briefing))} == {"zh", "en"}
        assert s.get(m.Release, rid).current


def test_failure_is_retried_with_backoff_and_the_release_stands(subscribed, settings, smtp_server):
    """No server listening: the release is made, the message waits with the error and a later
    attempt time; when it is due and the server is up, `mail retry` sends it."""
    controller, inbox = smtp_server
    dead = replace(settings, smtp_host="127.0.0.1", smtp_port=_free_port(), smtp_tls="none")
    dead = replace(dead, mail_retry_seconds=60)
    rid = _release(subscribed, dead)
    with subscribed() as s:
        assert s.get(m.Release, rid).current
    [row] = _outbox(subscribed)
    assert row.status == "pending" and row.attempts == 1 and row.last_error
    wait = row.next_attempt_at.replace(tzinfo=dt.timezone.utc) - dt.datetime.now(dt.timezone.utc)
    assert dt.timedelta(seconds=50) < wait <= dt.timedelta(seconds=60)
    live = replace(dead, smtp_port=controller.port)
    assert send_due(subscribed, live).sent == 0  # not due yet
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=61)
    assert send_due(subscribed, dead, now=later).failed == 1  # fails again: 2 attempts
    [row] = _outbox(subscribed)
    wait = row.next_attempt_at.replace(tzinfo=dt.timezone.utc) - later
    assert row.attempts == 2 and wait == dt.timedelta(seconds=120)  # doubled
    with subscribed.begin() as s:
        s.execute(sa.update(m.MailOutbox).values(next_attempt_at=dt.datetime(2000, 1, 1)))
    assert main(["mail", "retry"], live) == EXIT_OK
    [row] = _outbox(subscribed)
    assert row.status == "sent" and len(inbox.messages) == 1


def test_attempts_run_out(subscribed, settings):
    """After mail_max_attempts failures the message is marked failed (mail retry --failed)."""
    dead = replace(
        settings,
        smtp_host="127.0.0.1",
        smtp_port=_free_port(),
        smtp_tls="none",
        mail_max_attempts=2,
        mail_retry_seconds=0,
    )
    _release(subscribed, dead)
    send_due(subscribed, dead)
    [row] = _outbox(subscribed)
    assert (row.status, row.attempts) == ("failed", 2)


def test_nothing_is_sent_without_an_smtp_host(subscribed, settings):
    """No STM_SMTP_HOST: the briefing is archived, no message is queued, the release stands."""
    assert settings.smtp_host == ""
    _release(subscribed, settings)
    assert _outbox(subscribed) == []
    with subscribed() as s:
        assert s.scalar(sa.select(sa.func.count(m.Briefing.id))) == 2


def test_cli_users_email_and_subscription(subscribed, settings, capsys):
    """python -m etl users email / subscribe / unsubscribe; subscribing needs an address."""
    assert main(["users", "email", "other", "li2@example.gov.cn"], settings) == EXIT_OK
    assert main(["users", "subscribe", "other"], settings) == EXIT_OK
    with subscribed() as s:
        assert sorted(u["email"] for u in accounts.subscribers(s)) == [
            "li2@example.gov.cn",
            "wang@example.gov.cn",
        ]
    assert main(["users", "email", "other", "not-an-address"], settings) != EXIT_OK
    assert main(["user", "email", "other", ""], settings) == EXIT_OK  # cleared: unsubscribed
    assert main(["user", "subscribe", "other"], settings) != EXIT_OK
    main(["user", "list"], settings)
    assert "wang@example.gov.cn (subscribed)" in capsys.readouterr().out
