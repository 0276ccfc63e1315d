"""`dost-desk demo` with a huge N starts creating at once with little memory (it streams:
no plan of every visit in memory before the first application)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

RSS_LIMIT_KB = 400 * 1024  # the whole plan of 10,000,000 visits took about 2.3 GB


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _created(database: Path) -> int:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM applications").fetchone()[0]
    except sqlite3.Error:  # not migrated yet
        return 0


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
def test_a_huge_demo_creates_applications_promptly_with_little_memory(tmp_path: Path) -> None:
    database = tmp_path / "demo.sqlite3"
    env = {
        **os.environ,
        "DOST_DESK_DATABASE_URL": f"sqlite:///{database}",
        "DOST_DESK_CENTRE_CODE": "C321",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "dost_desk", "demo", "--applications", "10000000", "--seed", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak = created = 0
    try:
        deadline = time.monotonic() + 240  # a bound on waiting, not a timing assertion
        while time.monotonic() < deadline and process.poll() is None:
            peak = max(peak, _rss_kb(process.pid))
            assert peak < RSS_LIMIT_KB, f"RSS {peak // 1024} MB before 5 applications"
            created = _created(database)
            if created >= 5:
                break
            time.sleep(0.2)
        peak = max(peak, _rss_kb(process.pid))
    finally:
        process.kill()
        _, err = process.communicate(timeout=30)
    assert created >= 5, err.decode(errors="replace")
    assert peak < RSS_LIMIT_KB
