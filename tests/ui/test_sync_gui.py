"""Sync in the app: "Sync now" (F9) off the GUI thread, the status bar, the sync column of
the applications list, conflicts resolved in the sync dialog — against the real PostgreSQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dost_desk.services.catalog import store_catalog_in_database
from dost_desk.services.demo import create_demo_applications
from dost_desk.services.outcome import change_status
from dost_desk.services.sync import list_sync_conflicts, sync_status
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import run_upgrade

pytestmark = pytest.mark.postgres


@pytest.fixture
def upstream_url(pg_empty_url: str) -> str:
    run_upgrade(pg_empty_url)
    return pg_empty_url


@pytest.fixture
def sync_env(monkeypatch, upstream_url):
    monkeypatch.setenv("DOST_DESK_UPSTREAM_URL", upstream_url)
    monkeypatch.setenv("DOST_DESK_FIRST_SYNC_MS", "3600000")  # only F9 syncs in these tests
    return upstream_url


def states(window) -> list[str]:
    model = window.applications_panel.model
    return [model.sync_state(model.summary(row)) for row in range(model.rowCount())]


def sync_with_f9(window, qtbot) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.sync.running
    qtbot.waitUntil(lambda: not window.sync.running, timeout=30_000)


def test_sync_now_sends_everything_and_the_list_shows_it(open_window, qtbot, sync_env, make_desk):
    window = open_window("en")
    assert window.sync_action.isEnabled()
    assert window.sync_label.text() == "Not synced yet"
    create_demo_applications(window.desk, 12, seed=3)
    window._refresh_applications()
    assert set(states(window)) == {"local"}
    assert "changes waiting" in window.sync_label.text()
    progress = []
    window.sync.progress.connect(lambda done, total: progress.append((done, total)))

    sync_with_f9(window, qtbot)

    assert progress and progress[-1][0] == progress[-1][1] > 0

    assert window.sync_label.text().startswith("Synced ")
    assert "waiting" not in window.sync_label.text()
    assert set(states(window)) == {"synced"}
    central = make_desk(sync_env, centre_code="C000")
    from dost_desk.services.applications import list_applications

    assert len(list_applications(central, limit=None)) == 12


def test_a_conflict_is_shown_and_resolved_in_the_sync_dialog(
    open_window, qtbot, sync_env, make_desk, save_screenshot
):
    window = open_window("en")
    create_demo_applications(window.desk, 20, seed=4)
    sync_with_f9(window, qtbot)
    from dost_desk.services.applications import list_applications

    target = next(a for a in list_applications(window.desk, limit=None) if a.status == "ordered")
    central = make_desk(sync_env, centre_code="C000")
    change_status(central, target.id, "cancelled", "withdrawn by phone")
    change_status(window.desk, target.id, "ready", "the certificate came")
    window._refresh_applications()

    sync_with_f9(window, qtbot)

    assert "1 conflicts" in window.sync_label.text()
    model = window.applications_panel.model
    by_id = {
        model.summary(row).id: model.sync_state(model.summary(row))
        for row in range(model.rowCount())
    }
    assert by_id[target.id] == "conflict"
    assert list(by_id.values()).count("conflict") == 1

    dialog = window.open_sync_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.conflict_table.rowCount() == 1
    versions = {
        dialog.versions.item(row, 0).text(): (
            dialog.versions.item(row, 1).text(),
            dialog.versions.item(row, 2).text(),
        )
        for row in range(dialog.versions.rowCount())
    }
    assert versions["Status"] == ("Ready", "Cancelled")
    save_screenshot(dialog, "sync-conflict-dialog")
    qtbot.mouseClick(dialog.keep_local, Qt.MouseButton.LeftButton)
    assert dialog.conflict_table.rowCount() == 0
    assert "next sync" in dialog.message.text()
    dialog.reject()

    sync_with_f9(window, qtbot)
    assert list_sync_conflicts(window.desk) == []
    central_view = {a.id: a.status for a in list_applications(central, limit=None)}
    assert central_view[target.id] == "ready"
    assert set(states(window)) == {"synced"}


def test_a_failed_sync_says_so_and_keeps_the_changes(
    open_window, qtbot, monkeypatch, save_screenshot
):
    monkeypatch.setenv("DOST_DESK_UPSTREAM_URL", "postgresql+psycopg://postgres@127.0.0.1:1/dost")
    monkeypatch.setenv("DOST_DESK_FIRST_SYNC_MS", "3600000")
    window = open_window("az")
    create_demo_applications(window.desk, 5, seed=5)
    window._refresh_applications()
    waiting = sync_status(window.desk).waiting
    assert waiting > 0
    assert window.sync_label.text() == f"Hələ sinxronlaşdırılmayıb · {waiting} dəyişiklik gözləyir"

    sync_with_f9(window, qtbot)

    assert window.sync_label.text() == "Sinxronizasiya alınmadı — dəyişikliklər saxlanılıb"
    assert "127.0.0.1:1" in window.sync_label.toolTip()
    assert set(states(window)) == {"local"}
    model = window.applications_panel.model
    assert model.data(model.index(0, model.SYNC_COLUMN)) == "Yalnız burada"
    save_screenshot(window, "sync-failed-az")


def test_the_sync_column_is_hidden_on_a_networked_desk(open_window, monkeypatch, upstream_url):
    monkeypatch.setenv("DOST_DESK_DATABASE_URL", upstream_url)
    window = open_window("en")
    panel = window.applications_panel
    assert panel.table.isColumnHidden(panel.model.SYNC_COLUMN)
    assert not window.sync_action.isEnabled()
    assert window.sync_label.text() == ""
    engine = create_engine_for(upstream_url)
    engine.dispose()


def test_the_duplicate_review_list_asks_the_central_database(
    open_window, qtbot, sync_env, make_desk, clock, tmp_path
):
    """The same person applies for the ID-card certificate here (C000) and at C202."""
    import random
    from datetime import UTC, datetime

    from dost_desk.services.applicants import set_applicant
    from dost_desk.services.demo_people import CERTIFICATE, People
    from dost_desk.services.intake import record_document, start_application
    from dost_desk.services.outcome import submit_application
    from dost_desk.services.sync import sync_with_upstream

    window = open_window("en")
    other_url = f"sqlite:///{tmp_path / 'c202.sqlite3'}"
    run_upgrade(other_url)
    clock.current = datetime.now(UTC)  # the window's desk runs on the real clock
    other = make_desk(other_url, centre_code="C202")
    store_catalog_in_database(other.engine)
    person = People(random.Random(7)).person(CERTIFICATE)
    for desk in (window.desk, other):
        app = start_application(desk, CERTIFICATE, {"action": "issue"}, "in_person", "in_person")
        app = set_applicant(desk, app.id, person)
        for document in app.documents:
            app = record_document(desk, app.id, document.name, "electronic_source")
        submit_application(desk, app.id)
    sync_with_upstream(other, sync_env)
    sync_with_f9(window, qtbot)

    dialog = window.open_sync_dialog()
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.check_duplicates, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.check_duplicates.isEnabled(), timeout=15_000)
    assert dialog.duplicate_table.rowCount() == 1, dialog.message.text()
    assert dialog.duplicate_table.item(0, 0).text() == person.fin
    assert (
        "(C000)"
        in dialog.duplicate_table.item(0, 2).text() + dialog.duplicate_table.item(0, 3).text()
    )
    assert (
        "(C202)"
        in dialog.duplicate_table.item(0, 2).text() + dialog.duplicate_table.item(0, 3).text()
    )
    assert dialog.message.text() == "1 possible duplicate(s)."
    dialog.reject()


def test_closing_stops_a_sync_after_its_batch_and_the_next_sends_the_rest(
    open_window, qtbot, sync_env
):
    from dost_desk.services.sync import sync_with_upstream

    window = open_window("en")
    create_demo_applications(window.desk, 6, seed=5)
    waiting = sync_status(window.desk).waiting
    sync = window.sync
    sync.batch_size = 1
    failures = []
    sync.failed.connect(failures.append)
    # The app closes while the first batch is being sent (on the worker, at once).
    original = sync._batch_done
    sync._batch_done = lambda done, total: (setattr(sync, "stopping", True), original(done, total))

    assert sync.sync_now()
    qtbot.waitUntil(lambda: not sync.running, timeout=30_000)

    assert failures == []  # stopping is not a failure
    left = sync_status(window.desk).waiting
    assert 0 < left < waiting  # one batch went, the rest is kept
    summary = sync_with_upstream(window.desk)
    assert summary.push.pushed == left
    assert sync_status(window.desk).waiting == 0
