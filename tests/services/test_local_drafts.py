"""Drafts kept on this computer while the server is away, and their write-through."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import event

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


def test_a_temporary_file_left_by_a_crash_is_not_a_draft(desk):
    app = started(desk)
    keep_draft_locally(desk.settings, app.id, {"page": 1, "applicant": {"surname": "Həsənli"}})
    folder = desk.settings.data_dir / "pending-drafts"
    for left in (".draft-k1l2.tmp", ".draft-abcd.json"):  # now / before: both crash leftovers
        (folder / left).write_text('{"draft": {"pa', encoding="utf-8")

    assert pending_local_drafts(desk.settings) == [app.id]
    summary = write_through(desk)

    assert summary.written == (app.id,) and summary.set_aside == ()
    assert not (folder / ".draft-k1l2.tmp").exists()
    assert get_application(desk, app.id).draft["applicant"]["surname"] == "Həsənli"


def test_a_damaged_file_is_set_aside_and_the_others_still_go_up(desk):
    damaged, sound = started(desk), started(desk)
    folder = desk.settings.data_dir / "pending-drafts"
    folder.mkdir(parents=True)
    (folder / f"{damaged.id}.json").write_bytes(b'{"draft": {"page": 1, "appl')
    keep_draft_locally(desk.settings, sound.id, {"page": 1, "applicant": {"name": "Nigar"}})

    summary = write_through(desk)

    assert summary.written == (sound.id,)
    assert [p.name for p in summary.set_aside] == [f"{damaged.id}.json"]
    assert summary.set_aside[0].read_bytes() == b'{"draft": {"page": 1, "appl'  # kept as it was
    assert pending_local_drafts(desk.settings) == []
    assert get_application(desk, sound.id).draft["applicant"]["name"] == "Nigar"


def test_keeping_a_draft_over_a_damaged_file_keeps_both(desk):
    app = started(desk)
    folder = desk.settings.data_dir / "pending-drafts"
    folder.mkdir(parents=True)
    (folder / f"{app.id}.json").write_text('["not", "a", "draft"]', encoding="utf-8")

    keep_draft_locally(desk.settings, app.id, {"page": 1, "applicant": {"name": "Ülviyyə"}})

    assert load_local_draft(desk.settings, app.id)["draft"]["applicant"]["name"] == "Ülviyyə"
    aside = list((folder / "unreadable").iterdir())
    assert [p.read_text(encoding="utf-8") for p in aside] == ['["not", "a", "draft"]']


def test_a_draft_kept_again_while_it_goes_up_is_sent_again(desk):
    """The agent types while the write-through runs (another thread): the newer draft
    reaches the server too; the file is removed only when the server has what it holds."""
    app = started(desk)
    first = app.documents[0].name
    keep_draft_locally(desk.settings, app.id, {"page": 3, "applicant": {"surname": "Əli"}})
    typed_meanwhile = []

    @event.listens_for(desk.engine, "commit")
    def agent_keeps_typing(_connection):
        if not typed_meanwhile:
            typed_meanwhile.append(True)
            keep_draft_locally(
                desk.settings, app.id, {"page": 3, "applicant": {"surname": "Əlizadə"}}
            )
            keep_draft_locally(desk.settings, app.id, document=(first, "original", None))

    summary = write_through(desk)

    assert typed_meanwhile and summary.written == (app.id,)
    saved = get_application(desk, app.id)
    assert saved.draft["applicant"]["surname"] == "Əlizadə"
    assert saved.documents[0].submission == "original"
    assert load_local_draft(desk.settings, app.id) is None


def test_ticks_the_server_refuses_are_counted(desk):
    app = started(desk)
    keep_draft_locally(desk.settings, app.id, document=("No such document", "original", None))
    keep_draft_locally(desk.settings, app.id, {"page": 3})

    summary = write_through(desk)

    assert summary.written == (app.id,) and summary.dropped_ticks == 1
    assert get_application(desk, app.id).draft == {"page": 3}
