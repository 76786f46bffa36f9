"""Build a message with attachments and hand it to the configured SMTP server."""

from __future__ import annotations

import mimetypes
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from etl.settings import Settings

TIMEOUT = 30  # seconds for connect and each command


def configured(settings: Settings) -> bool:
    """Whether mail can be sent at all (nothing is sent while the host is unset)."""
    return bool(settings.smtp_host.strip())


def sender(settings: Settings) -> str:
    """The From address: STM_SMTP_FROM, else the SMTP user."""
    return settings.smtp_from or settings.smtp_user or f"stm@{settings.smtp_host}"


def build_message(
    settings: Settings,
    recipient: str,
    subject: str,
    body: str,
    attachments: list[tuple[Path, str]],
) -> EmailMessage:
    """A UTF-8 message with the files attached under their (Chinese) names."""
    msg = EmailMessage()
    msg["From"] = sender(settings)
    msg["To"] = recipient
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=settings.smtp_host or "localhost")
    msg.set_content(body, charset="utf-8")
    for path, name in attachments:
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        main, sub = kind.split("/", 1)
        msg.add_attachment(Path(path).read_bytes(), maintype=main, subtype=sub, filename=name)
    return msg


def send(settings: Settings, msg: EmailMessage) -> None:
    """Deliver one message (raises smtplib / OS errors for the outbox to count)."""
    tls = settings.smtp_tls
    if tls == "ssl":
        server = smtplib.SMTP_SSL(
            settings.smtp_host,
            settings.smtp_port,
            timeout=TIMEOUT,
            context=ssl.create_default_context(),
        )
    else:
        server = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=TIMEOUT)
    with server:
        if tls == "starttls":
            server.starttls(context=ssl.create_default_context())
        if settings.smtp_user:
            server.login(settings.smtp_user, settings.smtp_password)
        server.send_message(msg)
