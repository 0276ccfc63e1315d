"""Benchmark: how many signal emits of each shape the app's Qt/Python pair survives.

Runs ``scripts/signal_probe.py`` in a fresh process with 200,000 emits of every shape the app
declares (``Signal()``, ``(bool)``, ``(str)``, ``(object)``, ``(int, int)``, and ``(object)``
queued from a worker thread). The row reports the emits per shape survived (0 when the process
died) and the change in ``True``'s reference count; target ≥ 200,000 and no change.

Run alone: ``python bench/bench_signals.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).resolve().parent.parent / "scripts" / "signal_probe.py"
TARGET = 200_000


def run(quick: bool = False) -> list[dict]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(PROBE), str(TARGET)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    survived = 0
    leaked = None
    label = "signal emits survived per shape"
    if result.returncode == 0:
        report = json.loads(result.stdout)
        survived = report["emits_per_shape"]
        leaked = report["true_refcount_before"] - report["true_refcount_after"]
        label += f" (Python {report['python']}, PySide6 {report['pyside6']})"
    return [
        {
            "benchmark": label,
            "ours": survived,
            "baseline": None,
            "ratio": None,
            "unit": "emits",
            "target": f"≥ {TARGET:,}, True's refcount unchanged (lost: {leaked})",
            "ok": survived >= TARGET and leaked == 0,
        }
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
