"""Run a service function off the GUI thread and get its result back as a Qt signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """One call of ``function(*args)`` on the thread pool; ``signals`` report the outcome."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.function = function
        self.args = args
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.function(*self.args)
        except Exception as error:  # reported to the GUI, which shows it; never swallowed
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


def run_in_background(
    function: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> Job:
    """Start ``function(*args)`` on the global pool; the callbacks run on the GUI thread."""
    job = Job(function, *args)
    job.setAutoDelete(False)  # the caller keeps the job (and its signals) alive
    job.signals.finished.connect(on_done)
    job.signals.failed.connect(on_error)
    QThreadPool.globalInstance().start(job)
    return job
