"""Drafts kept on this computer while the central database cannot be reached (Qt-free).

A networked desk (A/B/D centres, PostgreSQL) saves each draft on the server. When the
connection drops mid-intake, the intake keeps the draft — the form as typed and the
document ticks made meanwhile — in a JSON file under ``data_dir/pending-drafts`` (written
atomically: temporary file, fsync, rename), and :func:`write_through` saves them on the
server once it answers again, through the same service functions, removing each file
only after the server committed it. A file left by a crash is written through at the
next start.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dost_desk.config import Settings
from dost_desk.services import intake
from dost_desk.services.desk import Desk
from dost_desk.services.intake_dto import IntakeRuleBroken, InvalidInput, NotFound
from dost_desk.storage.engine import check_connection

FOLDER = "pending-drafts"


@dataclass(frozen=True, slots=True)
class WriteThroughSummary:
    written: tuple[str, ...]  # application IDs now saved on the server
    dropped_ticks: int  # document ticks the server refused (e.g. the draft was decided)


def _folder(settings: Settings) -> Path:
    return settings.data_dir / FOLDER


def _path(settings: Settings, application_id: str) -> Path:
    if not application_id or any(c in application_id for c in "/\\.:"):
        raise ValueError(f"not an application ID: {application_id!r}")
    return _folder(settings) / f"{application_id}.json"


def load_local_draft(settings: Settings, application_id: str) -> dict[str, Any] | None:
    """The draft kept here for ``application_id`` (``{"draft": …, "documents": …}``)."""
    try:
        return json.loads(_path(settings, application_id).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def keep_draft_locally(
    settings: Settings,
    application_id: str,
    draft: Mapping[str, Any] | None = None,
    document: tuple[str, str, str | None] | None = None,
) -> Path:
    """Keep ``draft`` (the form as typed) and/or one document tick ``(name, submission,
    electronic source)`` for ``application_id``, atomically; return the file."""
    path = _path(settings, application_id)
    kept = load_local_draft(settings, application_id) or {"draft": None, "documents": {}}
    if draft is not None:
        kept["draft"] = dict(draft)
    if document is not None:
        name, submission, source = document
        kept["documents"][name] = [submission, source]
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".draft-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(kept, file, ensure_ascii=False)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path


def pending_local_drafts(settings: Settings) -> list[str]:
    """IDs of the applications with a draft kept here, oldest first."""
    folder = _folder(settings)
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime)
    return [path.stem for path in files]


def write_through(desk: Desk) -> WriteThroughSummary:
    """Save every draft kept here on the server; raise StorageError (files kept) while it
    cannot be reached."""
    pending = pending_local_drafts(desk.settings)
    check_connection(desk.engine)  # StorageUnavailable while the server is away
    written = []
    dropped = 0
    for application_id in pending:
        kept = load_local_draft(desk.settings, application_id)
        if kept is None:
            continue
        for name, (submission, source) in kept.get("documents", {}).items():
            try:
                intake.record_document(desk, application_id, name, submission, source)
            except (IntakeRuleBroken, InvalidInput, NotFound):
                dropped += 1  # decided or changed at another desk meanwhile
        if kept.get("draft") is not None:
            with contextlib.suppress(NotFound):  # deleted meanwhile: nothing to keep
                intake.save_draft(desk, application_id, kept["draft"])
        _path(desk.settings, application_id).unlink(missing_ok=True)
        written.append(application_id)
    return WriteThroughSummary(tuple(written), dropped)
