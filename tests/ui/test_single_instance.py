"""One running app per data folder: a second start brings the running window to the front
and exits 0; a lock left by a killed instance does not block the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # real processes; CI runs it, the fast set does not


def environment(tmp_path, **extra) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DOST_DESK_CONFIG": str(tmp_path / "config.toml"),
        "DOST_DESK_DATA_DIR": str(tmp_path / "data"),
        **extra,
    }
    env.pop("DOST_DESK_DATABASE_URL", None)
    return env


def start(tmp_path, **extra) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dost_desk"],
        env=environment(tmp_path, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_line(process: subprocess.Popen, expected: str) -> None:
    line = process.stdout.readline()  # printed within the start-up (or the process ended)
    assert line.strip() == expected, (line, process.stderr.read() if process.poll() else "")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)


def test_a_second_start_raises_the_first_window_and_exits(tmp_path):
    first = start(tmp_path, DOST_DESK_INSTANCE_PROBE="1")
    try:
        read_line(first, "workspace-loaded")
        second = start(tmp_path, DOST_DESK_INSTANCE_PROBE="1")
        try:
            assert second.wait(timeout=60) == 0, second.stderr.read()
            assert "workspace-loaded" not in second.stdout.read()  # no second window
        finally:
            stop(second)
        read_line(first, "raised")  # the running window came to the front
        assert first.poll() is None
    finally:
        stop(first)


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_the_lock_of_a_killed_instance_does_not_block_the_next(tmp_path):
    first = start(tmp_path, DOST_DESK_INSTANCE_PROBE="1")
    try:
        read_line(first, "workspace-loaded")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    again = start(tmp_path, DOST_DESK_STARTUP_PROBE="1")
    try:
        out, err = again.communicate(timeout=120)
    finally:
        stop(again)
    assert again.returncode == 0, err
    assert "workspace-loaded" in out
