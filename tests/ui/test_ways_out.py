"""Every way out of the real process (`python -m dost_desk`): the surname typed a moment
before is stored, and the process ends by itself with code 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

pytestmark = pytest.mark.slow  # real processes; CI runs it, the fast set does not

EXIT_WAIT_S = 20  # generous on a loaded machine; a hang is what this catches


def start(tmp_path, way: str, **env) -> subprocess.Popen:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DOST_DESK_EXIT_PROBE": way,
        "DOST_DESK_CONFIG": str(tmp_path / "config.toml"),
        "DOST_DESK_DATA_DIR": str(tmp_path / "data"),
        **env,
    }
    environment.pop("DOST_DESK_DATABASE_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "dost_desk"],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def typed_application(process: subprocess.Popen) -> str:
    line = process.stdout.readline()  # the process prints it within its start-up
    assert line.startswith("typed "), (line, process.stderr.read() if process.poll() else "")
    return line.split()[1]


def ended(process: subprocess.Popen) -> int:
    try:
        process.wait(timeout=EXIT_WAIT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)
        pytest.fail("the process was still running after its way out")
    return process.returncode


def stored_surname(tmp_path, application_id: str) -> str:
    engine = create_engine(f"sqlite:///{tmp_path / 'data' / 'dost_desk.sqlite3'}")
    with engine.connect() as connection:
        draft = connection.execute(
            text("SELECT draft FROM applications WHERE id = :id"), {"id": application_id}
        ).scalar_one()
    engine.dispose()
    import json

    draft = json.loads(draft) if isinstance(draft, str) else draft
    return (draft or {}).get("applicant", {}).get("surname", "")


@pytest.mark.parametrize("way", ["close", "quit", "app-quit"])
def test_each_way_out_stores_the_typing_and_ends(tmp_path, way):
    process = start(tmp_path, way)
    application_id = typed_application(process)
    assert ended(process) == 0, process.stderr.read()
    assert stored_surname(tmp_path, application_id) == "Quliyeva"


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signal")
def test_sigterm_stores_the_typing_and_ends(tmp_path):
    process = start(tmp_path, "sigterm")
    application_id = typed_application(process)
    process.send_signal(signal.SIGTERM)
    assert ended(process) == 0, process.stderr.read()
    assert stored_surname(tmp_path, application_id) == "Quliyeva"


@pytest.mark.postgres
def test_quit_during_a_sync_on_a_silent_link_ends_the_process(tmp_path, pg_empty_url):
    """The defect: the window went, the process stayed (the thread pool waited, without
    bound, for a sync blocked on a link that went silent), the database open."""
    from tcp_proxy import TcpProxy

    from dost_desk.storage.migrate import run_upgrade

    run_upgrade(pg_empty_url)
    with TcpProxy() as proxy:
        proxy.stall_after(1800)  # connected, then silence: the sync waits for an answer
        process = start(
            tmp_path,
            "quit",
            DOST_DESK_UPSTREAM_URL=proxy.url(pg_empty_url),
            DOST_DESK_FIRST_SYNC_MS="0",
        )
        application_id = typed_application(process)
        assert ended(process) == 0, process.stderr.read()
        assert proxy.connections >= 1  # the sync was under way when Quit came
    assert stored_surname(tmp_path, application_id) == "Quliyeva"


@pytest.mark.postgres
@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_kill_9_during_shutdown_then_the_next_start_converges(tmp_path, pg_empty_url):
    import time

    from tcp_proxy import TcpProxy

    from dost_desk.storage.migrate import run_upgrade

    run_upgrade(pg_empty_url)
    with TcpProxy() as proxy:
        proxy.stall_after(1800)  # the shutdown waits for the stalled sync: time to kill it
        process = start(
            tmp_path,
            "sigterm",
            DOST_DESK_UPSTREAM_URL=proxy.url(pg_empty_url),
            DOST_DESK_FIRST_SYNC_MS="0",
        )
        application_id = typed_application(process)
        time.sleep(0.5)  # the first sync starts and stalls
        process.send_signal(signal.SIGTERM)
        time.sleep(0.5)  # within the shutdown's wait for the sync
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)

    again = start(tmp_path, "none", DOST_DESK_STARTUP_PROBE="1")
    try:
        out, err = again.communicate(timeout=120)
    finally:
        again.kill()
    assert again.returncode == 0, err
    assert "workspace-loaded" in out
    assert stored_surname(tmp_path, application_id) in ("", "Quliyeva")  # whole or not yet
    engine = create_engine(f"sqlite:///{tmp_path / 'data' / 'dost_desk.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    engine.dispose()
