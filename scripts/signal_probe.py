"""Emit every signal shape DOST Desk uses N times and report whether the process survives.

    python scripts/signal_probe.py [N]      (default 200,000)

Prints one JSON line: the Qt and Python versions, the emits per shape and the reference count
of ``True`` before and after. PySide6 6.12.0 on CPython 3.11 drops one reference to ``True``
per emit and aborts with ``Fatal Python error: bool_dealloc`` long before N; a pair that
survives exits 0. Used by ``tests/ui/test_signal_survival.py`` and ``bench/bench_signals.py``.
"""

from __future__ import annotations

import json
import platform
import sys
import threading

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal

SHAPES = ("none", "bool", "str", "object", "int_int", "queued_object")


class Emitter(QObject):
    """The shapes the app declares: Signal(), (bool), (str), (object), (int, int)."""

    none = Signal()
    bool_ = Signal(bool)
    str_ = Signal(str)
    object_ = Signal(object)
    int_int = Signal(int, int)


def _direct(emitter: Emitter, count: int) -> None:
    received = [0]

    def bump(*_args: object) -> None:
        received[0] += 1

    for signal in (emitter.none, emitter.bool_, emitter.str_, emitter.object_, emitter.int_int):
        signal.connect(bump)
    for index in range(count):
        emitter.none.emit()
        emitter.bool_.emit(index % 2 == 0)
        emitter.str_.emit("ə")
        emitter.object_.emit(index)
        emitter.int_int.emit(index, count)
    if received[0] != 5 * count:
        raise SystemExit(f"delivered {received[0]} of {5 * count}")


def _queued(app: QCoreApplication, count: int) -> None:
    """A worker thread emits, the main thread receives (as background jobs do)."""
    emitter = Emitter()
    received = [0]

    def bump(_value: object) -> None:
        received[0] += 1
        if received[0] == count:
            app.quit()

    emitter.object_.connect(bump, Qt.ConnectionType.QueuedConnection)
    thread = QThread()
    emitter.moveToThread(thread)
    thread.started.connect(lambda: [emitter.object_.emit(True) for _ in range(count)])
    thread.start()
    app.exec()
    thread.quit()
    thread.wait()
    if received[0] != count:
        raise SystemExit(f"delivered {received[0]} queued of {count}")


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 200_000
    app = QCoreApplication.instance() or QCoreApplication([])
    before = sys.getrefcount(True)
    _direct(Emitter(), count)
    _queued(app, count)
    after = sys.getrefcount(True)
    print(
        json.dumps(
            {
                "python": platform.python_version(),
                "pyside6": pyside_version,
                "emits_per_shape": count,
                "shapes": list(SHAPES),
                "true_refcount_before": before,
                "true_refcount_after": after,
                "threads": threading.active_count(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
