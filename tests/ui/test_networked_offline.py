"""A networked desk (PostgreSQL) that loses the server mid-intake: the form stays open, the
draft is kept on this computer, the status bar says so, and it is written to the server
when the server answers again, without a restart. The link is cut by a real TCP proxy."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from tcp_proxy import TcpProxy
from test_intake import Keys, applicant_by_keyboard, open_applicant_page, type_text

from dost_desk.services.applications import get_application
from dost_desk.services.local_drafts import (
    keep_draft_locally,
    load_local_draft,
    pending_local_drafts,
)
from dost_desk.storage.migrate import run_upgrade

pytestmark = pytest.mark.postgres

OFFLINE_AZ = "Oflayn — yerli saxlanılıb"


@pytest.fixture
def proxy(pg_empty_url, monkeypatch):
    run_upgrade(pg_empty_url)
    with TcpProxy() as running:
        monkeypatch.setenv("DOST_DESK_DATABASE_URL", running.url(pg_empty_url))
        yield running


def kept_applicant(window, application_id) -> dict:
    kept = load_local_draft(window.desk.settings, application_id)
    return kept["draft"]["applicant"] if kept else {}


def offline_window(open_window, language="az"):
    window = open_window(language)
    window.connection.timer.setInterval(200)  # retry fast: the test waits for it
    return window


def test_the_draft_is_kept_locally_and_written_through(open_window, qtbot, proxy, save_screenshot):
    window = offline_window(open_window)
    intake = open_applicant_page(window)
    form = intake.applicant_page.form
    keys = Keys(qtbot, window)
    applicant_by_keyboard(keys)  # FİN … phone, typed while the server is there
    intake.save_now()
    assert window.connection_label.text() == ""
    application_id = intake.application.id

    proxy.cut()
    keys.press(Qt.Key.Key_Tab)  # phone → e-mail
    keys.type("eli@example.az")
    keys.press(Qt.Key.Key_Tab)  # e-mail → address
    keys.type("Bakı, Şüvəlan qəs., Ağ göl küç. 7")

    qtbot.waitUntil(lambda: window.connection_label.text() != "", timeout=10_000)
    assert window.connection_label.text() == OFFLINE_AZ  # the app speaks Azerbaijani
    assert "kompüterdə saxlanılıb" in intake.message.text()
    qtbot.waitUntil(
        lambda: (
            kept_applicant(window, application_id).get("address")
            == "Bakı, Şüvəlan qəs., Ağ göl küç. 7"
        ),
        timeout=5_000,
    )
    kept = kept_applicant(window, application_id)
    assert (kept["fin"], kept["name"], kept["email"]) == ("5ZX8K2P", "Əli", "eli@example.az")
    assert intake.isVisible() and form.edits["address"].isEnabled()
    assert window.intake is intake  # the form stays open
    label, message = window.connection_label, intake.message
    qtbot.waitUntil(  # the status bar and the message laid out for their new texts
        lambda: (
            label.width() >= label.sizeHint().width()
            and message.height() >= message.heightForWidth(message.width())
        )
    )
    save_screenshot(window, "networked-offline-az")

    proxy.restore()

    qtbot.waitUntil(lambda: window.connection_label.text() == "", timeout=15_000)
    assert pending_local_drafts(window.desk.settings) == []
    saved = get_application(window.desk, application_id).draft["applicant"]
    assert (saved["surname"], saved["email"], saved["address"]) == (
        "Məmmədov",
        "eli@example.az",
        "Bakı, Şüvəlan qəs., Ağ göl küç. 7",
    )
    assert "Bağlantı bərpa olundu" in window.statusBar().currentMessage()
    assert "serverdə saxlanılıb" in intake.message.text()


def test_a_step_that_needs_the_server_waits_and_keeps_the_typing(open_window, qtbot, proxy):
    window = offline_window(open_window, "en")
    intake = open_applicant_page(window)
    applicant_by_keyboard(Keys(qtbot, window))
    intake.save_now()
    application_id = intake.application.id

    proxy.cut()
    type_text(qtbot, intake.applicant_page.form.edits["surname"], "ova")  # Məmmədovova
    intake.go_next()  # storing the applicant is a server step

    assert intake.pages.currentWidget() is intake.applicant_page
    assert "needs the server" in intake.message.text()
    assert window.connection_label.text() == "Offline — saved locally"
    assert kept_applicant(window, application_id)["surname"] == "Məmmədovova"
    intake.accept_application()  # Ctrl+Enter: acceptance gives the registration number
    assert "Accepting needs the server" in intake.message.text()
    assert window.intake is intake and intake.application.status == "draft"

    proxy.restore()

    qtbot.waitUntil(lambda: window.connection_label.text() == "", timeout=15_000)
    assert get_application(window.desk, application_id).status == "draft"
    intake.go_next()  # now the applicant is stored and the documents come
    assert intake.pages.currentWidget() is intake.documents_page, intake.message.text()
    assert get_application(window.desk, application_id).applicant.surname == "Məmmədovova"


def test_document_ticks_offline_are_shown_kept_and_replayed(open_window, qtbot, proxy):
    window = offline_window(open_window, "en")
    intake = open_applicant_page(window)
    applicant_by_keyboard(Keys(qtbot, window))
    intake.go_next()
    table = intake.documents_page.table
    assert table.hasFocus(), intake.message.text()
    application_id = intake.application.id

    proxy.cut()
    qtbot.keyClick(table, Qt.Key.Key_1)  # the identity card: original

    assert intake.application.documents[0].submission == "original"  # shown at once
    assert "All documents" in intake.documents_page.completeness.text()
    assert window.connection_label.text() == "Offline — saved locally"
    kept = load_local_draft(window.desk.settings, application_id)
    assert kept["documents"] == {"Şəxsiyyət vəsiqəsi.": ["original", None]}
    intake.accept_application()
    assert "Accepting needs the server" in intake.message.text()
    assert window.intake is intake and intake.application.status == "draft"

    proxy.restore()

    qtbot.waitUntil(lambda: window.connection_label.text() == "", timeout=15_000)
    stored = get_application(window.desk, application_id)
    assert [(d.name, d.submission) for d in stored.documents] == [
        ("Şəxsiyyət vəsiqəsi.", "original")
    ]
    intake.accept_application()  # the server is back: the registration number comes
    assert get_application(window.desk, application_id).status == "submitted"
    assert intake.application.registration_number


def test_closing_and_starting_while_offline_say_so_and_never_fail(open_window, qtbot, proxy):
    window = offline_window(open_window, "en")
    intake = open_applicant_page(window)
    type_text(qtbot, intake.applicant_page.form.edits["surname"], "Hüseynova")
    intake.save_now()
    application_id = intake.application.id

    proxy.cut()
    type_text(qtbot, intake.applicant_page.form.edits["name"], "Günay")
    window.close_intake()  # kept here; the list is not asked for meanwhile
    assert kept_applicant(window, application_id)["name"] == "Günay"
    assert window.connection_label.text() == "Offline — saved locally"

    window.start_intake()  # a new citizen at the counter
    fresh = window.intake
    qtbot.keyClicks(fresh.start_page.ticket, "C-3")
    fresh.go_next()
    assert fresh.application is None
    assert "Starting an application needs the server" in fresh.start_page.message.text()

    proxy.restore()

    qtbot.waitUntil(lambda: window.connection_label.text() == "", timeout=15_000)
    assert get_application(window.desk, application_id).draft["applicant"]["name"] == "Günay"
    fresh.go_next()
    assert fresh.application is not None and fresh.application.ticket_number == "C-3"


def test_drafts_left_by_an_earlier_run_are_written_through_at_start(
    open_window, qtbot, proxy, workspace_env
):
    window = open_window("en")
    intake = open_applicant_page(window)
    application_id = intake.application.id
    settings = window.desk.settings
    window.close_intake()
    # As if the app had been killed while offline, with this kept on disk:
    keep_draft_locally(settings, application_id, {"page": 1, "applicant": {"surname": "Kamalova"}})
    window.close()

    again = open_window("en")

    qtbot.waitUntil(lambda: load_local_draft(settings, application_id) is None, timeout=10_000)
    assert get_application(again.desk, application_id).draft["applicant"]["surname"] == "Kamalova"


AGENT = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QEventLoop
    from PySide6.QtTest import QTest
    from dost_desk.services.local_drafts import load_local_draft
    from dost_desk.ui.app import create_application, load_workspace_into
    from dost_desk.ui.main_window import MainWindow

    app = create_application([])
    window = MainWindow()
    window.show()
    loop = QEventLoop()
    window._job = load_workspace_into(window, lambda info: loop.quit())
    loop.exec()
    window.show_passport("01-08-02-00")
    window.start_intake()
    intake = window.intake
    QTest.keyClicks(intake.start_page.ticket, "K-9")
    intake.go_next()
    form = intake.applicant_page.form
    QTest.keyClicks(form.edits["surname"], "Quliyeva")
    intake.save_now()
    print("online", intake.application.id, flush=True)
    sys.stdin.readline()  # the test cuts the link
    QTest.keyClicks(form.edits["name"], "Leyla")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        app.processEvents()
        kept = load_local_draft(window.desk.settings, intake.application.id)
        if kept and kept["draft"]["applicant"]["name"] == "Leyla":
            break
        time.sleep(0.01)
    print("kept", flush=True)
    while True:  # the agent is still at work when the power goes
        app.processEvents()
        time.sleep(0.05)
    """
)


def test_kill_9_while_offline_then_the_next_start_writes_the_draft_through(
    open_window, proxy, workspace_env
):
    script = workspace_env / "agent.py"
    script.write_text(AGENT, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, str(script)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("online "), line
        application_id = line.split()[1]
        proxy.cut()
        process.stdin.write("go\n")
        process.stdin.flush()
        assert process.stdout.readline() == "kept\n"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    proxy.restore()

    window = open_window("en")

    assert pending_local_drafts(window.desk.settings) == []
    assert window.intake is not None and window.intake.application.id == application_id
    form = window.intake.applicant_page.form
    assert (form.edits["surname"].text(), form.edits["name"].text()) == ("Quliyeva", "Leyla")
    saved = get_application(window.desk, application_id).draft["applicant"]
    assert (saved["surname"], saved["name"]) == ("Quliyeva", "Leyla")
