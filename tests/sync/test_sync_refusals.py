"""Bad input for the sync: wrong URL, wrong password, a missing role or database, an
older central schema, a full local disk, a wrong clock. Each gives a clear one-line
message without the password, keeps the outbox, and the next good sync recovers."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from pg_login_refuser import LoginRefuser
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sync_helpers import assert_central_equals_local, unpushed

from dost_desk.cli import main
from dost_desk.services.demo import create_demo_applications
from dost_desk.services.sync import sync_status, sync_with_upstream
from dost_desk.storage.engine import InvalidDatabaseUrl, StorageError
from dost_desk.storage.migrate import run_upgrade
from dost_desk.sync.push import SyncError

pytestmark = pytest.mark.postgres


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def offline_work(desk):
    create_demo_applications(desk, 15, seed=81)
    return unpushed(desk.engine)


def recovers(desk, upstream_url, upstream, queued: int) -> None:
    """The outbox was intact; a good sync now sends all of it, exactly once."""
    assert unpushed(desk.engine) == queued
    summary = sync_with_upstream(desk, upstream_url)
    assert summary.push.pushed == queued and unpushed(desk.engine) == 0
    assert_central_equals_local(desk, upstream)


def one_line(error: Exception) -> str:
    message = str(error)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("url", "expected", "kind"),
    [
        (
            "postgresql+psycopg://centre:pw@127.0.0.1:notaport/dost",
            "malformed database URL",
            InvalidDatabaseUrl,
        ),
        ("mysql://centre:pw@127.0.0.1/dost", "unsupported database 'mysql'", InvalidDatabaseUrl),
        ("postgresql+psycopg://centre:pw@127.0.0.1:{port}/dost", "connection refused", None),
    ],
)
def test_a_wrong_url(desk, offline_work, upstream_url, upstream, url, expected, kind):
    url = url.replace("{port}", str(free_port()))
    with pytest.raises(kind or StorageError) as failure:
        sync_with_upstream(desk, url)
    message = one_line(failure.value)
    assert expected in message and ":pw@" not in message
    recovers(desk, upstream_url, upstream, offline_work)


def test_a_wrong_password(desk, offline_work, upstream_url, upstream):
    with LoginRefuser() as server:
        with pytest.raises(StorageError) as failure:
            sync_with_upstream(desk, server.url())
        assert server.attempts >= 1
    message = one_line(failure.value)
    assert "password authentication failed" in message and "check the user name" in message
    assert "wrong" not in message  # the password itself never appears
    assert "password authentication failed" in sync_status(desk).last_error
    recovers(desk, upstream_url, upstream, offline_work)


def test_a_role_or_database_that_does_not_exist(desk, offline_work, upstream_url, upstream):
    url = make_url(upstream_url)
    no_role = url.set(username="no_such_centre").render_as_string(hide_password=False)
    no_database = url.set(database="no_such_db").render_as_string(hide_password=False)
    with pytest.raises(StorageError, match='role "no_such_centre" does not exist'):
        sync_with_upstream(desk, no_role)
    with pytest.raises(StorageError, match="create the database, then run `dost-desk db upgrade"):
        sync_with_upstream(desk, no_database)
    recovers(desk, upstream_url, upstream, offline_work)


def test_a_central_database_of_an_older_schema(desk, desk_url, offline_work, pg_empty_url, capsys):
    run_upgrade(pg_empty_url, "0004")
    with pytest.raises(SyncError, match=r"schema revision 0004.*dost-desk db upgrade --url"):
        sync_with_upstream(desk, pg_empty_url)
    assert main(["sync", "--upstream", pg_empty_url, "--url", desk_url]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "db upgrade" in error
    assert unpushed(desk.engine) == offline_work

    run_upgrade(pg_empty_url)  # the ministry upgrades the central database
    from dost_desk.storage.engine import create_engine_for

    upstream = create_engine_for(pg_empty_url)
    try:
        recovers(desk, pg_empty_url, upstream, offline_work)
    finally:
        upstream.dispose()


def test_a_full_local_disk(desk, offline_work, upstream_url, upstream):
    """The central commit succeeds, then the desk cannot write its acknowledgement
    (SQLite: database or disk is full). The next sync sends the same rows again,
    changing nothing twice."""
    with desk.engine.connect() as connection:
        pages = connection.execute(text("PRAGMA page_count")).scalar()

    def full(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(desk.engine, "connect", full)
    desk.engine.dispose()  # new connections get the limit
    try:
        with pytest.raises(StorageError, match="full"):
            sync_with_upstream(desk, upstream_url)
    finally:
        event.remove(desk.engine, "connect", full)
        desk.engine.dispose()
    assert unpushed(desk.engine) == offline_work  # nothing acknowledged, nothing lost
    recovers(desk, upstream_url, upstream, offline_work)


@pytest.mark.parametrize("skew", [timedelta(days=3), -timedelta(days=3)])
def test_a_wrong_clock_is_reported_and_changes_nothing(
    desk, clock, offline_work, upstream_url, upstream, skew, capsys
):
    from datetime import UTC, datetime

    clock.current = datetime.now(UTC) + skew
    summary = sync_with_upstream(desk, upstream_url)
    assert summary.clock_skew_warning and "3 days" in summary.clock_skew_warning
    assert summary.push.pushed == offline_work
    assert_central_equals_local(desk, upstream)
