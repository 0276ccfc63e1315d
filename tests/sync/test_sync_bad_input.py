"""More bad input for the sync, beyond test_sync_refusals.py: the refusals through
``dost-desk sync`` (exit code 1, one line on stderr, no password), the login and database
messages with a password in the URL, a disk that fills up while the central changes come
in, a wrong clock while both sides change, and two desks numbering with one centre code.
Nothing is lost, and after a fixable mistake the next good sync brings both sides level."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pg_login_refuser import LoginRefuser
from sqlalchemy import event, select, text
from sqlalchemy.engine import make_url
from sync_helpers import assert_central_equals_local, rows, unpushed

from dost_desk.cli import main
from dost_desk.models.followup_tables import BackOfficeOrder
from dost_desk.models.tables import Application
from dost_desk.services.calendar import add_calendar_override
from dost_desk.services.catalog import store_catalog_in_database
from dost_desk.services.demo import create_demo_applications
from dost_desk.services.orders import complete_order
from dost_desk.services.outcome import change_status
from dost_desk.services.sync import sync_status, sync_with_upstream
from dost_desk.storage.engine import StorageError, StorageUnavailable, create_engine_for
from dost_desk.storage.migrate import run_upgrade

pytestmark = pytest.mark.postgres

PASSWORD = "Zx9-secret"


def with_password(url: str, **changes: str) -> str:
    return make_url(url).set(password=PASSWORD, **changes).render_as_string(hide_password=False)


def status_of(desk, key: str) -> str:
    with desk.engine.connect() as connection:
        return connection.scalar(select(Application.status).where(Application.id == key))


def any_with_status(desk, status: str) -> str:
    with desk.engine.connect() as connection:
        return connection.scalar(
            select(Application.id).where(Application.status == status).order_by(Application.id)
        )


def with_open_order(desk) -> tuple[str, str]:
    """An application waiting for its back-office order: its ID and registration number."""
    with desk.engine.connect() as connection:
        return tuple(
            connection.execute(
                select(Application.id, Application.registration_number)
                .join(BackOfficeOrder, BackOfficeOrder.application_id == Application.id)
                .where(BackOfficeOrder.status == "open", Application.status == "ordered")
                .order_by(Application.id)
            ).first()
        )


def migrated_sqlite(path: Path) -> str:
    """A local desk database made the way a centre's desk makes it."""
    url = f"sqlite:///{path}"
    run_upgrade(url)
    engine = create_engine_for(url)
    store_catalog_in_database(engine)
    engine.dispose()
    return url


@contextmanager
def disk_full(desk) -> Iterator[None]:
    """SQLite's own "database or disk is full": the file may not grow by a page."""
    with desk.engine.connect() as connection:
        pages = connection.execute(text("PRAGMA page_count")).scalar()

    def full(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(desk.engine, "connect", full)
    desk.engine.dispose()  # new connections get the limit
    try:
        yield
    finally:
        event.remove(desk.engine, "connect", full)
        desk.engine.dispose()


def test_the_sync_command_refuses_bad_settings_in_one_line_then_syncs(
    desk, desk_url, upstream_url, upstream, capsys
):
    create_demo_applications(desk, 10, seed=91)
    queued = unpushed(desk.engine)
    with LoginRefuser() as refuser:
        bad = {
            "malformed database URL": "postgresql+psycopg://centre:Zx9-secret@127.0.0.1:x/dost",
            "unsupported database 'mysql'": "mysql://centre:Zx9-secret@127.0.0.1/dost",
            "must be PostgreSQL": "sqlite:///central.sqlite3",
            "check the user name and the password": refuser.url().replace("wrong", PASSWORD),
            'role "nobody_here" does not exist': with_password(
                upstream_url, username="nobody_here"
            ),
            "create the database, then run `dost-desk db upgrade": with_password(
                upstream_url, database="no_such_central"
            ),
        }
        for expected, url in bad.items():
            assert main(["sync", "--upstream", url, "--url", desk_url]) == 1, expected
            captured = capsys.readouterr()
            assert captured.out == ""
            assert captured.err.startswith("dost-desk: error: ") and captured.err.count("\n") == 1
            assert expected in captured.err and PASSWORD not in captured.err
            assert unpushed(desk.engine) == queued

    assert main(["sync", "--upstream", upstream_url, "--url", desk_url]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"pushed {queued} changes in 1 batches"
    assert_central_equals_local(desk, upstream)


def test_login_and_database_refusals_keep_the_password_out_of_the_status(
    desk, upstream_url, upstream
):
    create_demo_applications(desk, 5, seed=93)
    queued = unpushed(desk.engine)
    for url, expected in (
        (with_password(upstream_url, username="nobody_here"), "check the user name"),
        (with_password(upstream_url, database="no_such_central"), "does not exist"),
    ):
        with pytest.raises(StorageUnavailable) as failure:
            sync_with_upstream(desk, url)
        message = str(failure.value)
        assert "\n" not in message and PASSWORD not in message and expected in message
        last_error = sync_status(desk).last_error
        assert expected in last_error and PASSWORD not in last_error
        assert unpushed(desk.engine) == queued

    sync_with_upstream(desk, upstream_url)
    assert unpushed(desk.engine) == 0 and sync_status(desk).last_error is None
    assert_central_equals_local(desk, upstream)


def test_a_disk_full_while_central_changes_come_in_loses_none_of_them(
    desk, make_desk, upstream_url, upstream
):
    """The pull reads the central changes, then cannot write them here: the desk's pull
    cursor must not move past them, so the next sync brings them."""
    create_demo_applications(desk, 30, seed=32)
    sync_with_upstream(desk, upstream_url)
    central = make_desk(upstream_url)
    ordered, number = with_open_order(desk)
    complete_order(central, number, reference="DSMF-5")
    add_calendar_override(central, "2026-12-30", "day_off", "Cabinet decision 512")

    with disk_full(desk), pytest.raises(StorageError, match="database or disk is full"):
        sync_with_upstream(desk, upstream_url)
    assert status_of(desk, ordered) == "ordered"

    summary = sync_with_upstream(desk, upstream_url)
    assert summary.pull.applications >= 1 and summary.pull.holidays == 1
    assert status_of(desk, ordered) == "ready"
    assert unpushed(desk.engine) == 0
    assert_central_equals_local(desk, upstream)
    assert_central_equals_local(desk, central.engine)


@pytest.mark.parametrize("skew", [timedelta(days=3), -timedelta(days=3)])
def test_a_wrong_clock_while_both_sides_change(
    desk, make_desk, clock, upstream_url, upstream, skew
):
    clock.current = datetime.now(UTC) + skew
    create_demo_applications(desk, 20, seed=95)
    sync_with_upstream(desk, upstream_url)
    central = make_desk(upstream_url)
    ordered, number = with_open_order(desk)
    complete_order(central, number, reference="DSMF-9")
    submitted = any_with_status(desk, "submitted")
    change_status(desk, submitted, "ordered", "changed here meanwhile")
    clock.advance(hours=1)

    summary = sync_with_upstream(desk, upstream_url)

    assert summary.clock_skew_warning and "3 days" in summary.clock_skew_warning
    assert summary.push.conflicts == () and summary.pull.conflicts == []
    assert (status_of(desk, ordered), status_of(desk, submitted)) == ("ready", "ordered")
    assert unpushed(desk.engine) == 0 and sync_status(desk).conflicts == 0
    assert_central_equals_local(desk, upstream)


def test_a_second_desk_with_the_same_centre_code_is_told_which_number_clashes(
    make_desk, tmp_path, upstream_url, upstream
):
    """A counter PC reinstalled with a fresh database (or a second one set up with the same
    centre code) numbers from 000001 again: its sync is no longer refused forever; the
    clashing applications are renumbered and the sync says which, in one line each;
    neither desk's work is lost or overwritten (more in test_one_centre_code_two_desks)."""
    first = make_desk(url=migrated_sqlite(tmp_path / "first.sqlite3"), centre_code="C101")
    second = make_desk(url=migrated_sqlite(tmp_path / "second.sqlite3"), centre_code="C101")
    create_demo_applications(first, 5, seed=97)
    create_demo_applications(second, 5, seed=98)
    sync_with_upstream(first, upstream_url)
    before = rows(first.engine, "applications")

    summary = sync_with_upstream(second, upstream_url)

    assert "C101-2026-000001" in summary.renumbered
    assert "C101-2026-000001" in summary.lines()[0] and "\n" not in summary.lines()[0]
    assert unpushed(second.engine) == 0
    assert rows(first.engine, "applications") == before
    central = {key for (key,) in rows(upstream, "applications", ("id",))}
    assert central == {key for (key,) in rows(first.engine, "applications", ("id",))} | {
        key for (key,) in rows(second.engine, "applications", ("id",))
    }
