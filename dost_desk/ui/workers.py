"""Run a service function off the GUI thread and get its result back on the GUI thread.

Ownership, and why: a job's objects must never be freed on a worker thread (a widget or a
``QObject`` collected there crashes the process, e.g. when the widget that started the job
closes while it runs). So no job creates a ``QObject``: the pool runs a plain callable,
``_PENDING`` holds the job from start until its outcome is delivered, one long-lived
dispatcher (on the GUI thread) carries every outcome back, and the delivery, on the GUI
thread, drops the job's callbacks and context before anything else can release the job.
A context widget deleted before delivery gets no callback.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot

from dost_desk import logs

# Jobs started and not yet delivered: each removes itself on the GUI thread once its
# callback has run (or was dropped), never while it still runs.
_PENDING: dict[int, Job] = {}
_ids = itertools.count(1)


class Job:
    """One call of ``function(*args)`` on the thread pool, its callbacks and their context."""

    def __init__(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
        context: QObject | None,
    ) -> None:
        self.id = next(_ids)
        self.name = getattr(function, "__qualname__", repr(function))
        self.function: Callable[..., Any] | None = function
        self.args = args
        self.on_done = on_done
        self.on_error = on_error
        self.context = context
        self.outcome: Any = None
        self.failed = False

    def run(self) -> None:
        """On a worker thread: call the function, log a failure, hand the outcome over."""
        try:
            self.outcome = self.function(*self.args)  # type: ignore[misc]
        except Exception as error:  # reported to the GUI and the log; never swallowed
            self.outcome, self.failed = error, True
            logs.log_job_failure(self.name, error)
        else:
            logs.log_job_success(self.name)
        _dispatcher().delivered.emit(self)

    def deliver(self) -> None:
        """On the GUI thread: run the callback unless the context is gone, then let go."""
        callback = self.on_error if self.failed else self.on_done
        context = self.context
        outcome, self.outcome = self.outcome, None
        # Arguments can be bound to widgets too (a signal's emit): all let go here.
        self.function, self.args = None, ()
        self.on_done = self.on_error = self.context = None
        _PENDING.pop(self.id, None)
        if callback is not None and (context is None or shiboken6.isValid(context)):
            callback(outcome)


class _Dispatcher(QObject):
    delivered = Signal(object)

    @Slot(object)
    def deliver(self, job: Job) -> None:
        job.deliver()


_instance: _Dispatcher | None = None


def _dispatcher() -> _Dispatcher:
    """The one dispatcher, created on (and living in) the GUI thread."""
    global _instance
    if _instance is None or not shiboken6.isValid(_instance):
        _instance = _Dispatcher()
        app = QCoreApplication.instance()
        if app is not None:
            _instance.moveToThread(app.thread())
        _instance.delivered.connect(_instance.deliver)
    return _instance


def pending_jobs() -> int:
    """How many jobs are started and not yet delivered."""
    return len(_PENDING)


def run_in_background(
    function: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    context: QObject | None = None,
) -> Job:
    """Start ``function(*args)`` on the global pool; the callbacks run on the GUI thread.

    A failure is logged (with its traceback) before ``on_error`` sees it. With a
    ``context`` (the widget that shows the result) the callbacks are dropped when that
    widget is deleted by the time the work ends (a closed window, a finished intake).
    """
    _dispatcher()  # created here, on the GUI thread, before any worker emits
    job = Job(function, args, on_done, on_error, context)
    _PENDING[job.id] = job
    QThreadPool.globalInstance().start(job.run)
    return job
