"""Run a service function off the GUI thread and get its result back as a Qt signal."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

# Jobs stay referenced here well after they end: a QRunnable (and its signals) collected
# while the pool still runs it crashes the process, e.g. when the widget that started it
# closes first. 256 newer jobs must start before one is released.
_KEPT: deque[Job] = deque(maxlen=256)


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


class _Relay(QObject):
    """Delivers a job's outcome to callbacks while its parent (the widget) still exists.

    It lives as long as that widget (deleting it earlier raced the widget's own deletion).
    """

    def __init__(self, parent: QObject, on_done, on_error) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error

    @Slot(object)
    def done(self, result: Any) -> None:
        self._on_done(result)

    @Slot(object)
    def failed(self, error: Exception) -> None:
        self._on_error(error)


def run_in_background(
    function: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    context: QObject | None = None,
) -> Job:
    """Start ``function(*args)`` on the global pool; the callbacks run on the GUI thread.

    With a ``context`` (the widget that shows the result) the callbacks are dropped when
    that widget is gone by the time the work ends (a closed window, a finished intake).
    """
    job = Job(function, *args)
    job.setAutoDelete(False)  # Python owns the job: see _KEPT
    _KEPT.append(job)
    if context is not None:
        relay = _Relay(context, on_done, on_error)
        job.signals.finished.connect(relay.done)
        job.signals.failed.connect(relay.failed)
    else:
        job.signals.finished.connect(on_done)
        job.signals.failed.connect(on_error)
    QThreadPool.globalInstance().start(job)
    return job
