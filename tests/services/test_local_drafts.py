"""Drafts kept on this computer while the server is away, and their write-through."""

from __future__ import annotations

import json

import pytest

from dost_desk.services.applications import get_application
from dost_desk.services.desk import Desk
from dost_desk.services.intake import start_application
from dost_desk.services.local_drafts import (
    keep_draft_locally,
    load_local_draft,
    pending_local_drafts,
    write_through,
)
from dost_desk.storage.engine import StorageUnavailable, create_engine_for

CERTIFICATE = "01-08-02-00"


def started(desk):
    return start_application(desk, CERTIFICATE, {"action": "issue"}, "in_person", "in_person")


def test_the_draft_and_the_ticks_are_kept_and_merged(desk):
    app = started(desk)
    keep_draft_locally(desk.settings, app.id, {"page": 1, "applicant": {"surname": "Əliyeva"}})
    first = app.documents[0].name
    keep_draft_locally(desk.settings, app.id, document=(first, "original", None))
    keep_draft_locally(desk.settings, app.id, {"page": 1, "applicant": {"surname": "Əliyeva Ş."}})

    kept = load_local_draft(desk.settings, app.id)
    assert kept == {
        "draft": {"page": 1, "applicant": {"surname": "Əliyeva Ş."}},
        "documents": {first: ["original", None]},
    }
    assert pending_local_drafts(desk.settings) == [app.id]
    folder = desk.settings.data_dir / "pending-drafts"
    assert [p.name for p in folder.iterdir()] == [f"{app.id}.json"]  # no temporary left
    assert json.loads((folder / f"{app.id}.json").read_text(encoding="utf-8")) == kept


def test_write_through_saves_everything_then_forgets_the_file(desk):
    app = started(desk)
    first = app.documents[0].name
    keep_draft_locally(desk.settings, app.id, {"page": 1, "applicant": {"surname": "Quliyev"}})
    keep_draft_locally(desk.settings, app.id, document=(first, "notarised_copy", None))

    summary = write_through(desk)

    assert summary.written == (app.id,) and summary.dropped_ticks == 0
    saved = get_application(desk, app.id)
    assert saved.draft["applicant"]["surname"] == "Quliyev"
    assert saved.documents[0].submission == "notarised_copy"
    assert pending_local_drafts(desk.settings) == []
    assert write_through(desk).written == ()


def test_while_the_server_is_away_the_files_stay(desk, tmp_path):
    app = started(desk)
    keep_draft_locally(desk.settings, app.id, {"page": 1})
    away = Desk(
        create_engine_for("postgresql+psycopg://postgres@127.0.0.1:1/dost"),
        desk.settings,
        desk.catalog,
        desk.clock,
    )
    try:
        with pytest.raises(StorageUnavailable):
            write_through(away)
    finally:
        away.close()
    assert pending_local_drafts(desk.settings) == [app.id]


def test_a_strange_id_never_becomes_a_path(desk):
    with pytest.raises(ValueError):
        keep_draft_locally(desk.settings, "../../etc/passwd", {"page": 1})
