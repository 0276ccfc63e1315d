"""The Qt/Python pair the app runs on survives a working week of signal emits.

PySide6 6.12.0 on CPython 3.11 drops a reference to ``True`` per ``Signal.emit()`` and aborts
within ~1,000 emits (``bool_dealloc``); the app emits on every keystroke and background job.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).resolve().parents[2] / "scripts" / "signal_probe.py"


@pytest.mark.slow
def test_200000_emits_of_every_shape_the_app_uses_keep_the_process_alive() -> None:
    result = subprocess.run(
        [sys.executable, str(PROBE), "200000"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report["emits_per_shape"] == 200_000
    # No reference to True lost (on 3.11 a lost one would show; on 3.12+ True is immortal).
    assert report["true_refcount_after"] == report["true_refcount_before"]
