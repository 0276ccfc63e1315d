"""Background jobs: nothing left behind per job, no crash when the widget goes first."""

from __future__ import annotations

import gc
import threading

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool
from PySide6.QtWidgets import QWidget

from dost_desk import logs
from dost_desk.ui import workers

JOBS = 5000


def _square(number: int) -> int:
    return number * number


def _settle() -> None:
    """Let every job end and every queued delivery and deferred deletion run."""
    QThreadPool.globalInstance().waitForDone(60_000)
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _unexpected(error: Exception) -> None:
    raise AssertionError(f"no job should fail: {error!r}")


def test_5000_jobs_leave_no_children_and_nothing_kept(qtbot):
    widget = QWidget()
    children_before = len(widget.children())
    results: list[int] = []
    for number in range(JOBS):
        workers.run_in_background(
            _square, number, on_done=results.append, on_error=_unexpected, context=widget
        )
    qtbot.waitUntil(lambda: len(results) == JOBS, timeout=120_000)
    _settle()
    assert sorted(results) == [number * number for number in range(JOBS)]
    assert len(widget.children()) == children_before
    assert len(widget.findChildren(QObject)) == children_before
    assert workers.pending_jobs() == 0
    widget.deleteLater()


def test_context_deleted_halfway_drops_the_later_callbacks(qtbot):
    widget = QWidget()
    delivered: list[int] = []

    def done(number: int) -> None:
        delivered.append(number)
        if len(delivered) == JOBS // 2:
            shiboken6.delete(widget)  # the window is gone while half the jobs wait

    for number in range(JOBS):
        workers.run_in_background(
            _square, number, on_done=done, on_error=_unexpected, context=widget
        )
    qtbot.waitUntil(lambda: len(delivered) >= JOBS // 2, timeout=120_000)
    _settle()
    assert not shiboken6.isValid(widget)
    assert len(delivered) == JOBS // 2
    assert workers.pending_jobs() == 0


class _Panel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[object] = []

    def show_result(self, result: object) -> None:
        self.shown.append(result)


def test_widget_dropped_while_its_job_runs_does_not_crash(qtbot):
    release = threading.Event()
    started = threading.Event()

    def slow() -> str:
        started.set()
        release.wait(30)
        return "late"

    panel = _Panel()  # owned by Python only, like a closed dialog
    workers.run_in_background(slow, on_done=panel.show_result, on_error=_unexpected, context=panel)
    assert started.wait(30)
    del panel
    gc.collect()  # the job, not the collector, decides when the panel goes
    release.set()
    _settle()
    gc.collect()
    assert workers.pending_jobs() == 0


def test_widget_deleted_while_its_job_runs_gets_no_callback(qtbot):
    release = threading.Event()
    started = threading.Event()
    calls: list[object] = []

    def slow() -> str:
        started.set()
        release.wait(30)
        return "late"

    panel = _Panel()
    workers.run_in_background(slow, on_done=calls.append, on_error=calls.append, context=panel)
    assert started.wait(30)
    panel.close()
    panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(panel)
    release.set()
    _settle()
    assert calls == []
    assert workers.pending_jobs() == 0


def test_a_failed_job_reaches_the_log_and_the_callback(qtbot, tmp_path):
    setup = logs.setup_logging(tmp_path / "logs" / "dost-desk.log")
    assert setup.problem is None
    errors: list[Exception] = []

    def broken() -> None:
        raise ZeroDivisionError("division by zero in the test job")

    widget = QWidget()
    workers.run_in_background(broken, on_done=_unexpected, on_error=errors.append, context=widget)
    qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
    assert isinstance(errors[0], ZeroDivisionError)
    text = setup.path.read_text(encoding="utf-8")
    assert "background job" in text and "broken" in text
    assert "ZeroDivisionError: division by zero in the test job" in text
    assert 'raise ZeroDivisionError("division by zero in the test job")' in text  # the frame
    widget.deleteLater()
    logs.stop_logging()


def test_a_job_failing_the_same_way_again_is_logged_once_until_it_succeeds(qtbot, tmp_path):
    """The connection monitor retries every 5 s while offline: one entry, not 17,000."""
    setup = logs.setup_logging(tmp_path / "logs" / "dost-desk.log")
    answers = ["down"] * 20 + ["up"] + ["down"]
    outcomes: list[object] = []

    def try_server() -> str:
        if answers.pop(0) == "down":
            raise ConnectionRefusedError(111, "Connection refused")
        return "up"

    widget = QWidget()
    for _ in range(22):  # one after the other, as the monitor does
        count = len(outcomes)
        workers.run_in_background(
            try_server, on_done=outcomes.append, on_error=outcomes.append, context=widget
        )
        qtbot.waitUntil(lambda count=count: len(outcomes) == count + 1, timeout=30_000)
    text = setup.path.read_text(encoding="utf-8")
    assert text.count("background job") == 3  # failed, succeeded again, failed
    assert text.count("ConnectionRefusedError: [Errno 111] Connection refused") == 2
    widget.deleteLater()
    logs.stop_logging()


@pytest.mark.slow
def test_an_offline_connection_monitor_keeps_no_object_per_try(qtbot, monkeypatch):
    from dost_desk.services import local_drafts
    from dost_desk.storage.engine import StorageUnavailable
    from dost_desk.ui.connection import ConnectionMonitor

    def unreachable(_desk):
        raise StorageUnavailable("the server does not answer")

    monkeypatch.setattr(local_drafts, "write_through", unreachable)
    owner = QWidget()
    monitor = ConnectionMonitor(desk=None, parent=owner, retry_ms=60_000)
    reasons: list[str] = []
    monitor.still_offline.connect(reasons.append)
    children = len(monitor.findChildren(QObject))
    for tries in range(1, 501):
        monitor.try_now()
        qtbot.waitUntil(lambda tries=tries: len(reasons) == tries, timeout=30_000)
    _settle()
    assert len(monitor.findChildren(QObject)) == children
    assert workers.pending_jobs() == 0
    assert reasons[-1].startswith("The database cannot be reached.")
    owner.deleteLater()
