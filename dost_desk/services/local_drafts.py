"""Drafts kept on this computer while the central database cannot be reached (Qt-free).

A networked desk (A/B/D centres, PostgreSQL) saves each draft on the server. When the
connection drops mid-intake, the intake keeps the draft — the form as typed and the
document ticks made meanwhile — in a JSON file under ``data_dir/pending-drafts`` (written
atomically: temporary file, fsync, rename), and :func:`write_through` saves them on the
server once it answers again, through the same service functions, removing each file
only after the server committed it. A file left by a crash is written through at the
next start. A file that cannot be read is moved to ``pending-drafts/unreadable`` (kept
for a person to look at, never deleted) so that it does not hold up the others.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dost_desk.config import Settings
from dost_desk.services import intake
from dost_desk.services.desk import Desk
from dost_desk.services.intake_dto import IntakeRuleBroken, InvalidInput, NotFound
from dost_desk.storage.engine import check_connection
from dost_desk.storage.files import make_private_dir

FOLDER = "pending-drafts"
UNREADABLE = "unreadable"
# A draft kept again while it was being written through is sent again, this often at most
# (the GUI stops keeping drafts here as soon as it hears that the server is back).
_PASSES = 5
# The GUI thread keeps drafts while the reconnect monitor writes them through on a worker
# thread: reading, writing and removing the files take turns. Never held across a server
# call, so keeping a draft never waits for the network.
_FILES = threading.Lock()


@dataclass(frozen=True, slots=True)
class WriteThroughSummary:
    written: tuple[str, ...]  # application IDs now saved on the server
    dropped_ticks: int  # document ticks the server refused (e.g. the draft was decided)
    set_aside: tuple[Path, ...] = ()  # unreadable files moved to pending-drafts/unreadable


def _folder(settings: Settings) -> Path:
    return settings.data_dir / FOLDER


def _is_application_id(text: str) -> bool:
    return bool(text) and not any(c in text for c in "/\\.:")


def _path(settings: Settings, application_id: str) -> Path:
    if not _is_application_id(application_id):
        raise ValueError(f"not an application ID: {application_id!r}")
    return _folder(settings) / f"{application_id}.json"


def _empty() -> dict[str, Any]:
    return {"draft": None, "documents": {}}


def load_local_draft(settings: Settings, application_id: str) -> dict[str, Any] | None:
    """The draft kept here for ``application_id`` (``{"draft": …, "documents": …}``), None
    when there is none; ValueError when the file is not a kept draft (damaged)."""
    try:
        text = _path(settings, application_id).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    kept = json.loads(text)  # JSONDecodeError is a ValueError
    documents = kept.get("documents") if isinstance(kept, dict) else None
    if (
        not isinstance(documents, dict)
        or not isinstance(kept.get("draft"), dict | None)
        or not all(isinstance(v, list) and len(v) == 2 for v in documents.values())
    ):
        raise ValueError(f"{application_id}.json is not a kept draft")
    return kept


def keep_draft_locally(
    settings: Settings,
    application_id: str,
    draft: Mapping[str, Any] | None = None,
    document: tuple[str, str, str | None] | None = None,
) -> Path:
    """Keep ``draft`` (the form as typed) and/or one document tick ``(name, submission,
    electronic source)`` for ``application_id``, atomically; return the file. OSError
    when this computer cannot write it."""
    path = _path(settings, application_id)
    with _FILES:
        try:
            kept = load_local_draft(settings, application_id) or _empty()
        except ValueError:  # damaged: kept aside, and this draft starts a new file
            _set_aside(path)
            kept = _empty()
        if draft is not None:
            kept["draft"] = dict(draft)
        if document is not None:
            name, submission, source = document
            kept["documents"][name] = [submission, source]
        _write_atomically(path, kept)
    return path


def _write_atomically(path: Path, kept: Mapping[str, Any]) -> None:
    make_private_dir(path.parent)  # the draft holds FİN and phone: 0700 here, 0600 files
    # ".tmp", not ".json": a temporary file left by a crash is never taken for a draft.
    handle, temporary = tempfile.mkstemp(prefix=".draft-", suffix=".tmp", dir=path.parent)
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
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut (POSIX; Windows has no folder fsync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _set_aside(path: Path) -> Path:
    """Move a damaged file to ``unreadable/`` under a name not taken yet; return it."""
    aside = make_private_dir(path.parent / UNREADABLE)
    target = aside / path.name
    if target.exists():
        target = aside / f"{path.stem}-{time.time_ns()}{path.suffix}"
    os.replace(path, target)
    return target


def pending_local_drafts(settings: Settings) -> list[str]:
    """IDs of the applications with a draft kept here, oldest first."""
    folder = _folder(settings)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.json"):
        if not _is_application_id(path.stem):
            continue
        with contextlib.suppress(FileNotFoundError):  # written through just now
            found.append((path.stat().st_mtime, path.stem))
    return [application_id for _, application_id in sorted(found)]


def write_through(desk: Desk) -> WriteThroughSummary:
    """Save every draft kept here on the server; raise StorageError (files kept) while it
    cannot be reached."""
    pending = pending_local_drafts(desk.settings)
    check_connection(desk.engine)  # StorageUnavailable while the server is away
    _remove_stale_temporaries(desk.settings)
    written: list[str] = []
    set_aside: list[Path] = []
    dropped = 0
    for application_id in pending:
        done, ticks_dropped, aside = _write_one(desk, application_id)
        dropped += ticks_dropped
        if done:
            written.append(application_id)
        if aside is not None:
            set_aside.append(aside)
    return WriteThroughSummary(tuple(written), dropped, tuple(set_aside))


def _remove_stale_temporaries(settings: Settings) -> None:
    with _FILES:  # a temporary seen while no draft is being kept was left by a crash
        for stale in _folder(settings).glob(".draft-*.tmp"):
            stale.unlink(missing_ok=True)


def _write_one(desk: Desk, application_id: str) -> tuple[bool, int, Path | None]:
    """Send one kept draft; remove its file only once the server has exactly what it holds
    (kept again meanwhile: sent again). Returns (written, ticks dropped, set aside)."""
    path = _path(desk.settings, application_id)
    sent: dict[str, Any] | None = None
    dropped = 0
    for _ in range(_PASSES):
        with _FILES:
            try:
                kept = load_local_draft(desk.settings, application_id)
            except ValueError:
                return False, 0, _set_aside(path)
            if kept is None or kept == sent:
                path.unlink(missing_ok=True)
                return sent is not None, dropped, None
        dropped = _send(desk, application_id, kept)
        sent = kept
    return False, dropped, None  # still being kept: the next write-through takes it


def _send(desk: Desk, application_id: str, kept: Mapping[str, Any]) -> int:
    """The ticks, then the form as typed; returns the ticks the server refused."""
    dropped = 0
    for name, (submission, source) in kept["documents"].items():
        try:
            intake.record_document(desk, application_id, name, submission, source)
        except (IntakeRuleBroken, InvalidInput, NotFound):
            dropped += 1  # decided or changed at another desk meanwhile
    if kept["draft"] is not None:
        with contextlib.suppress(NotFound):  # deleted meanwhile: nothing to keep
            intake.save_draft(desk, application_id, kept["draft"])
    return dropped
