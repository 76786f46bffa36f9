"""Receiving uploaded files: what is refused (type, size, number of files, jobs already running)
and the folder of a new job (nothing is validated yet)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from etl.intake.jobs.state import _now, _write, jobs_root, running_jobs

SUFFIXES = (".xlsx", ".csv")


class UploadRefused(Exception):
    """A file that cannot be staged (too large, wrong type), with a message in both languages."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh, self.message_en = message_zh, message_en


@dataclass(frozen=True)
class StagedFile:
    """One uploaded file as received."""

    name: str
    content: bytes


def check_file(name: str, size: int, max_bytes: int) -> None:
    """Refuse a file the loader cannot take, before anything is written."""
    if not name.lower().endswith(SUFFIXES):
        raise UploadRefused(
            f"“{name}”不是 .xlsx 或 .csv 文件，请使用报送模板。",
            f"“{name}” is not an .xlsx or .csv file; please use the template.",
        )
    if size > max_bytes:
        limit = max_bytes / (1024 * 1024)
        raise UploadRefused(
            f"“{name}”超过 {limit:.0f} MB 的大小限制，请拆分为多个文件后上传。",
            f"“{name}” is larger than the {limit:.0f} MB limit; split it into several files.",
        )
    if size == 0:
        raise UploadRefused(f"“{name}”是空文件。", f"“{name}” is empty.")


def stage(
    instance_path: Path,
    user: str,
    regions: tuple[str, ...] | None,
    files: list[StagedFile],
    max_bytes: int,
    max_files: int = 20,
    max_jobs: int | None = None,
) -> str:
    """Write the files of a new job and return its id (nothing is validated yet)."""
    if max_jobs:
        check_capacity(instance_path, user, max_jobs)
    if not files:
        raise UploadRefused("没有收到文件。", "No file was received.")
    if len(files) > max_files:
        raise UploadRefused(
            f"一次最多上传 {max_files} 个文件，请分批上传。",
            f"At most {max_files} files at a time; upload them in several goes.",
        )
    for f in files:
        check_file(f.name, len(f.content), max_bytes)
    job_id = secrets.token_urlsafe(18)
    folder = jobs_root(instance_path) / job_id
    (folder / "files").mkdir(parents=True)
    names = []
    for i, f in enumerate(files):
        (folder / "files" / f"{i}{Path(f.name).suffix.lower()}").write_bytes(f.content)
        names.append({"name": Path(f.name).name, "size": len(f.content)})
    scope = None if regions is None else list(regions)
    _write(
        folder,
        {
            "id": job_id,
            "user": user,
            "regions": scope,
            "created": _now(),
            "state": "staged",
            "files": names,
            "progress": {"file": 0, "phase": "", "fraction": 0.0},
        },
    )
    return job_id


def check_capacity(
    instance_path: Path, user: str, max_jobs: int, exclude: str | None = None
) -> None:
    """Refuse a new check or load while the user already has max_jobs running."""
    if running_jobs(instance_path, user, exclude) >= max_jobs:
        raise UploadRefused(
            f"您已有 {max_jobs} 个上传任务正在校验或入库，请等待完成（或取消）后再开始新的任务。",
            f"You already have {max_jobs} uploads being checked or loaded; wait for them to "
            "finish (or cancel one) before starting another.",
        )
