"""A full disk while the window closes: the agent is told, nothing committed is lost, and
the next start converges. The data folder is a real, small tmpfs filled by the test."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox
from test_intake import open_applicant_page, type_text


@pytest.fixture
def small_disk(mount_tmpfs):
    """An 8 MiB tmpfs for the data folder, and a way to fill it and to free it again."""
    folder = mount_tmpfs("8m")
    filler = folder / "filler"

    def fill() -> None:
        for chunk in (65536, 1):  # then the last few bytes too
            with open(filler, "ab", buffering=0) as stream:
                try:
                    while True:
                        stream.write(b"\0" * chunk)
                except OSError:
                    pass

    def free() -> None:
        filler.unlink(missing_ok=True)

    return folder, fill, free


def _message_box(window) -> QMessageBox | None:
    box = window.findChild(QMessageBox, "unsavedOnClose")
    return box if box is not None and box.isVisible() else None


def _start_and_type(window, qtbot):
    intake = open_applicant_page(window)  # the draft is stored (committed) here
    form = intake.applicant_page.form
    form.edits["surname"].setFocus()
    type_text(qtbot, form.edits["surname"], "Hüseynova")
    return intake, intake.application.id


def _database(folder):
    return folder / "data" / "dost_desk.sqlite3"


def test_a_full_disk_at_close_asks_and_the_typing_is_kept_once_there_is_room(
    workspace_env, monkeypatch, small_disk, open_window, qtbot
):
    folder, fill, free = small_disk
    monkeypatch.setenv("DOST_DESK_DATA_DIR", str(folder / "data"))
    window = open_window()
    _intake, application_id = _start_and_type(window, qtbot)
    fill()

    assert window.close() is False  # the agent is asked, the window stays
    box = _message_box(window)
    assert box is not None
    assert "disk is full" in box.text() or "full" in box.text().lower(), box.text()
    stay = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    stay.click()
    assert window.isVisible()

    free()
    assert window.close() is True  # now the typing is stored on the way out
    # the desk was closed by the shutdown: read the file itself
    with sqlite3.connect(_database(folder)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        (draft,) = connection.execute(
            "SELECT draft FROM applications WHERE id = ?", (application_id,)
        ).fetchone()
    assert json.loads(draft)["applicant"]["surname"] == "Hüseynova"


def test_closing_without_the_typing_keeps_what_was_committed_and_the_next_start_converges(
    workspace_env, monkeypatch, small_disk, open_window, qtbot
):
    folder, fill, free = small_disk
    monkeypatch.setenv("DOST_DESK_DATA_DIR", str(folder / "data"))
    window = open_window()
    _intake, application_id = _start_and_type(window, qtbot)
    fill()
    window.close()
    box = _message_box(window)
    assert box is not None
    leave = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    leave.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)

    free()
    with sqlite3.connect(_database(folder)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        (status,) = connection.execute(
            "SELECT status FROM applications WHERE id = ?", (application_id,)
        ).fetchone()
    assert status == "draft"  # committed before the disk filled: kept
    reopened = open_window()  # the next start opens the draft again
    assert reopened.intake is not None and reopened.intake.application.id == application_id
    assert os.path.exists(_database(folder))
