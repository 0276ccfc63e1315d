"""Benchmark: start-up time of the desktop application.

``run(quick)`` launches ``python -m dost_desk`` with the start-up probe
(``DOST_DESK_STARTUP_PROBE``) and times, from just before the process is started until the
probe's line arrives on stdout:

* ``window-shown``: the main window is shown and the event loop runs (probe ``window``);
* ``workspace-loaded``: the catalog and the database are loaded (probe ``1``).

The baseline, timed in the same run, is a bare PySide6 script (written to a temporary file)
that builds a ``QMainWindow`` with a ``QSplitter``, ``QTreeView``, ``QLineEdit``,
``QTextBrowser`` and a status bar (all from ``QtWidgets``, the module the app uses), shows it
and prints ``window-shown`` from ``QTimer.singleShot(0)``. Both rows are compared with the same
baseline measurements.

Every process gets ``QT_QPA_PLATFORM=offscreen``, a temporary ``DOST_DESK_DATA_DIR``, a
``DOST_DESK_CONFIG`` naming a file that does not exist (so no real configuration is read) and
no other inherited ``DOST_DESK_*`` variable. One warm-up run of each command comes first (file
cache, byte-code, the local database and compiled translations); then the commands are run
interleaved, in a rotating order, ``N`` times each (7, or 3 with ``quick``), and each row
reports the medians.

Run alone: ``python bench/bench_startup.py [--quick]``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

WINDOW_TARGET_RATIO = 1.5
RUN_TIMEOUT_SECONDS = 120.0

WINDOW_LINE = "window-shown"
LOADED_LINE = "workspace-loaded"

BASELINE_SCRIPT = '''\
"""Bare PySide6 window with the same widgets module as DOST Desk (start-up baseline)."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("baseline")
window.resize(1200, 760)
left = QWidget()
layout = QVBoxLayout(left)
layout.addWidget(QLineEdit())
layout.addWidget(QTreeView(), 1)
splitter = QSplitter()
splitter.addWidget(left)
splitter.addWidget(QTextBrowser())
window.setCentralWidget(splitter)
window.statusBar().showMessage("ready")
window.show()
QTimer.singleShot(0, lambda: (print("window-shown", flush=True), app.quit()))
sys.exit(app.exec())
'''


class StartupError(RuntimeError):
    """A measured process did not print its line or did not exit cleanly."""


def _environment(temp_dir: Path, probe: str | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DOST_DESK_")}
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["DOST_DESK_DATA_DIR"] = str(temp_dir / "data")
    env["DOST_DESK_CONFIG"] = str(temp_dir / "no-config" / "config.toml")
    env["DOST_DESK_CENTRE_CODE"] = "C123"  # a desk without one asks at first start
    if probe is not None:
        env["DOST_DESK_STARTUP_PROBE"] = probe
    return env


def time_until_line(
    command: list[str],
    env: dict[str, str],
    line: str,
    cwd: Path,
    timeout: float = RUN_TIMEOUT_SECONDS,
) -> float:
    """Seconds from starting ``command`` until it prints ``line``; then wait for its exit."""
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        elapsed = None
        try:
            assert process.stdout is not None
            for output in process.stdout:
                if output.strip() == line:
                    elapsed = time.perf_counter() - start
                    break
            process.stdout.read()  # drain, so the process never blocks on a full pipe
            code = process.wait()
        finally:
            watchdog.cancel()
            if process.poll() is None:
                process.kill()
                process.wait()
        if elapsed is None or code != 0:
            stderr.seek(0)
            tail = stderr.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            what = f"exited with {code}" if elapsed is not None else f"never printed {line!r}"
            raise StartupError(f"{' '.join(command)} {what}: " + " / ".join(tail))
        return elapsed


def _row(benchmark: str, ours: float, base: float, target: str, ok: bool) -> dict:
    return {
        "benchmark": benchmark,
        "ours": ours,
        "baseline": base,
        "ratio": ours / base if base > 0 else float("inf"),
        "target": target,
        "ok": ok,
    }


def run(quick: bool = False) -> list[dict]:
    """Time the app's start-up against the bare PySide6 window; two result rows."""
    repeats = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="dost-bench-startup-") as temp:
        temp_dir = Path(temp)
        script = temp_dir / "bare_window.py"
        script.write_text(BASELINE_SCRIPT, encoding="utf-8")
        app_command = [sys.executable, "-m", "dost_desk"]
        commands = {
            "window": (app_command, _environment(temp_dir, "window"), WINDOW_LINE),
            "loaded": (app_command, _environment(temp_dir, "1"), LOADED_LINE),
            "baseline": ([sys.executable, str(script)], _environment(temp_dir, None), WINDOW_LINE),
        }
        order = list(commands)
        for command, env, line in commands.values():  # warm-up, not measured
            time_until_line(command, env, line, REPO_ROOT)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for i in range(repeats):
            # Rotate the order so that no command always runs first or last (drift, caches).
            for name in order[i % len(order) :] + order[: i % len(order)]:
                command, env, line = commands[name]
                times[name].append(time_until_line(command, env, line, REPO_ROOT))
    window = statistics.median(times["window"])
    loaded = statistics.median(times["loaded"])
    base = statistics.median(times["baseline"])
    return [
        _row(
            "cold start to main window",
            window,
            base,
            f"≤ {WINDOW_TARGET_RATIO}× baseline",
            window <= WINDOW_TARGET_RATIO * base,
        ),
        # Informational: loading the catalog and opening the database (SQLAlchemy, pydantic,
        # YAML, Alembic) happens after the window is shown and has no ratio target.
        _row("start to usable catalog (workspace loaded)", loaded, base, "report", True),
    ]


if __name__ == "__main__":
    for result in run("--quick" in sys.argv[1:]):
        print(result)
