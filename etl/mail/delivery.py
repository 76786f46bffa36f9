"""What a release runs after it commits: make the briefing, queue it for every subscriber, send.

Never raises into the release: every failure is logged and left in the outbox for `mail retry`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass

from sqlalchemy.orm import sessionmaker

from etl import models as m
from etl.mail.smtp import configured
from etl.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendResult:
    """What one round of sending did."""

    sent: int
    failed: int  # attempts that failed this round (retried later or given up)
    skipped: bool = False  # True: no SMTP host configured, nothing was tried


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def attachment_name(text: dict, kind: str) -> str:
    """服务贸易月度简报_天津市_2021年1–11月.docx"""
    return f"{text['title']}_{text['scope_name']}_{text['ytd']}.{kind}".replace(" ", "_")


def queue_briefing(factory: sessionmaker, settings: Settings, briefing_id: int) -> int:
    """One message per active subscriber with an address; returns how many were queued."""
    from etl.accounts import subscribers
    from etl.briefing.compose import beijing_date
    from etl.briefing.wording import word
    from etl.mail.outbox import enqueue

    with factory.begin() as session:
        row = session.get(m.Briefing, briefing_id)
        text = json.loads(row.text)
        released = session.get(m.Release, row.release_id).released_at
        queued = 0
        for user in subscribers(session):
            subject = word(
                "mail.subject", "zh", scope=text["scope_name"], ytd=text["ytd"], mark=text["mark"]
            )
            body = word(
                "mail.body",
                "zh",
                name=user["display_name"] or user["username"],
                scope=text["scope_name"],
                ytd=text["ytd"],
                date=beijing_date(released),
                mark=text["mark"],
                headline=text["headline"],
            )
            enqueue(session, briefing_id, user["email"], subject, body, user["username"])
            queued += 1
    return queued


def send_due(
    factory: sessionmaker, settings: Settings, now: dt.datetime | None = None
) -> SendResult:
    """Send every due message once; a failure is counted and retried later with backoff."""
    from etl.briefing.archive import briefing_file, list_briefings
    from etl.mail import outbox, smtp

    if not configured(settings):
        return SendResult(0, 0, skipped=True)
    now = now or _now()
    sent = failed = 0
    with factory() as session:
        ids = outbox.due_ids(session, now)
        entries = {e.id: e for e in list_briefings(session)}
    for message_id in ids:
        with factory.begin() as session:
            if not outbox.claim(session, message_id, now):
                continue
            row = session.get(m.MailOutbox, message_id)
            recipient, subject, body, bid = row.recipient, row.subject, row.body, row.briefing_id
            text = json.loads(session.get(m.Briefing, bid).text) if bid else {}
        try:
            files = []
            entry = entries.get(bid)
            for kind in ("docx", "pdf"):
                if entry is not None and kind in entry.files:
                    files.append(
                        (briefing_file(settings, entry, kind), attachment_name(text, kind))
                    )
            smtp.send(settings, smtp.build_message(settings, recipient, subject, body, files))
        except Exception as exc:  # noqa: BLE001 - any failure is an attempt, logged and retried
            log.warning("mail %s to %s failed: %s", message_id, recipient, exc)
            with factory.begin() as session:
                outbox.mark_failed(
                    session,
                    message_id,
                    f"{type(exc).__name__}: {exc}",
                    now,
                    settings.mail_max_attempts,
                    settings.mail_retry_seconds,
                )
            failed += 1
            continue
        with factory.begin() as session:
            outbox.mark_sent(session, message_id, _now())
        sent += 1
    return SendResult(sent, failed)


def _briefings(factory: sessionmaker, settings: Settings, release_id: int):
    """The release's zh and en briefings (the zh outcome; None when there is none to send)."""
    from etl.briefing.archive import make_briefing

    try:
        with factory() as session:
            release = session.get(m.Release, release_id)
            scope, period, current = release.scope_code, release.period, release.current
        if not current:
            return None  # superseded meanwhile: the newer release makes its own briefing
        if period % 100 == 1:
            log.info("release %s: January has no briefing of its own (1–2月)", release_id)
            return None
        made = make_briefing(factory, settings, scope, period, "zh", user="release")
    except Exception:  # noqa: BLE001 - the release must not fail because of its briefing
        log.exception("briefing of release %s not made", release_id)
        return None
    try:
        make_briefing(factory, settings, scope, period, "en", user="release")
    except Exception:  # noqa: BLE001
        log.exception("English briefing of release %s not made", release_id)
    return made


def on_release(factory: sessionmaker, settings: Settings, release_id: int) -> None:
    """After a release commits: its briefings (zh, en), queued to subscribers, sent. Logs, never
    raises: the release is done whatever happens here."""
    from etl.briefing.charts import one_browser

    with one_browser():  # both languages' charts in one Chromium
        made = _briefings(factory, settings, release_id)
    if made is None:
        return
    try:
        if not configured(settings):
            log.info("briefing %s made; STM_SMTP_HOST unset, nothing sent", made.briefing_id)
            return
        queue_briefing(factory, settings, made.briefing_id)
        result = send_due(factory, settings)
        log.info("briefing %s: %s sent, %s failed", made.briefing_id, result.sent, result.failed)
    except Exception:  # noqa: BLE001
        log.exception("briefing %s not delivered (left in the outbox)", made.briefing_id)


def release_hook(factory: sessionmaker, settings: Settings):
    """The callable release_month runs after its commit: on_release (the CLI's process, or the
    page's release worker after it has said the release is done). None when the settings turn
    the briefing off (STM_BRIEFING_ON_RELEASE=0)."""
    if not settings.briefing_on_release:
        return None

    def run(release_id: int) -> None:
        on_release(factory, settings, release_id)

    return run
