"""kill -9 in the middle of an intake: the app reopens with the draft exactly as typed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

AGENT = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QEventLoop
    from PySide6.QtTest import QTest
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
    QTest.keyClicks(form.edits["fin"], "7ab3c4")
    QTest.keyClicks(form.edits["birth_date"], "01.05.19")
    deadline = time.monotonic() + 10
    while intake._autosave.isActive() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    print("typed", intake.application.id, flush=True)
    while True:  # an agent still at work when the power goes
        app.processEvents()
        time.sleep(0.05)
    """
)


def test_kill_9_mid_intake_loses_nothing_typed(open_window, workspace_env):
    script = workspace_env / "agent.py"
    script.write_text(AGENT, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, str(script)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("typed "), line
        application_id = line.split()[1]
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    window = open_window()
    intake = window.intake
    assert intake is not None, "the draft was not reopened"
    assert intake.application.id == application_id
    assert intake.application.ticket_number == "K-9"
    form = intake.applicant_page.form
    assert form.edits["surname"].text() == "Quliyeva"
    assert form.edits["fin"].text() == "7AB3C4"
    assert form.edits["birth_date"].text() == "01.05.19"
    assert intake.pages.currentWidget() is intake.applicant_page
