"""Pure: which evidence files a progress report may carry (type by name and content, and size)."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

# A file is accepted when its name's extension and its first bytes agree: a renamed executable
# or a .docx that is no Office file is refused.
TYPES = ("pdf", "docx", "xlsx", "jpg", "png")
_ALIASES = {"jpeg": "jpg"}
_OFFICE_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


class EvidenceRejected(ValueError):
    """An evidence file that may not be stored; `reason` is a catalogue key's last part."""

    def __init__(self, filename: str, reason: str, **detail) -> None:
        super().__init__(f"{filename}: {reason}")
        self.filename, self.reason, self.detail = filename, reason, detail


def file_type(filename: str) -> str | None:
    """The evidence type a file name claims (pdf, docx, xlsx, jpg, png) or None."""
    ext = PurePath(filename or "").suffix.lower().lstrip(".")
    ext = _ALIASES.get(ext, ext)
    return ext if ext in TYPES else None


def _content_matches(kind: str, content: bytes) -> bool:
    if kind == "pdf":
        return content.startswith(b"%PDF-")
    if kind == "jpg":
        return content.startswith(b"\xff\xd8\xff")
    if kind == "png":
        return content.startswith(b"\x89PNG\r\n\x1a\n")
    if not content.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return _OFFICE_PART[kind] in archive.namelist()
    except zipfile.BadZipFile:
        return False


def check_evidence(filename: str, content: bytes, max_bytes: int) -> str:
    """The file's type when it may be stored; EvidenceRejected says why not."""
    kind = file_type(filename)
    if kind is None:
        raise EvidenceRejected(filename, "type", allowed=", ".join(TYPES))
    if not content:
        raise EvidenceRejected(filename, "empty")
    if len(content) > max_bytes:
        raise EvidenceRejected(filename, "size", size=len(content), limit=max_bytes)
    if not _content_matches(kind, content):
        raise EvidenceRejected(filename, "content", kind=kind)
    return kind
