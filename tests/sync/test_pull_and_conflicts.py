"""Pulling central changes and keeping conflicts, against the real PostgreSQL.

The "central side" is a networked desk on the upstream database (what a back office or a
ministry operator runs); the local desk syncs with :func:`sync_with_upstream`.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import psycopg
import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sync_helpers import rows, unpushed

from dost_desk.cli import main
from dost_desk.models.followup_tables import BackOfficeOrder, SupervisorItem
from dost_desk.models.tables import Application, HolidayOverride, StatusChange
from dost_desk.resources import resource_path
from dost_desk.services.calendar import add_calendar_override, remove_calendar_override
from dost_desk.services.desk import open_desk
from dost_desk.services.orders import complete_order
from dost_desk.services.outcome import change_status
from dost_desk.services.sync import (
    application_sync_states,
    list_sync_conflicts,
    resolve_sync_conflict,
    sync_status,
    sync_with_upstream,
)
from dost_desk.storage.unit_of_work import UnitOfWork

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def central(make_desk, upstream_url):
    return make_desk(upstream_url)


def open_orders(desk) -> list[tuple[str, str]]:
    with UnitOfWork(desk.engine, write=False) as uow:
        found = uow.session.execute(
            select(Application.id, Application.registration_number)
            .join(BackOfficeOrder, BackOfficeOrder.application_id == Application.id)
            .where(
                BackOfficeOrder.status == "open",
                Application.status.in_(("submitted", "ordered")),
            )
            .order_by(Application.registration_number)
        ).all()
    return [tuple(row) for row in found]


def app_row(desk, key: str) -> Application:
    with UnitOfWork(desk.engine, write=False) as uow:
        return uow.session.get(Application, key)


def test_an_order_done_centrally_makes_the_local_application_ready(synced, central, upstream_url):
    (app_id, number), *_ = open_orders(synced)
    complete_order(central, number, reference="DSMF-77")

    summary = sync_with_upstream(synced, upstream_url)

    local = app_row(synced, app_id)
    assert local.status == "ready"
    assert app_row(central, app_id).status == "ready"
    assert summary.push.conflicts == () and summary.pull.conflicts == []
    with UnitOfWork(synced.engine, write=False) as uow:
        order = uow.session.scalar(
            select(BackOfficeOrder).where(BackOfficeOrder.application_id == app_id)
        )
        history = uow.session.scalars(
            select(StatusChange.to_status).where(StatusChange.application_id == app_id)
        ).all()
    assert (order.status, order.reference) == ("done", "DSMF-77")
    assert history.count("ready") == 1  # the central history row, not a second local one
    # Nothing of it is a local change to push back; both sides are equal.
    assert unpushed(synced.engine) == 0
    assert rows(synced.engine, "applications") == rows(central.engine, "applications")
    assert application_sync_states(synced, [app_id]) == {app_id: "synced"}


def test_an_order_closed_only_in_the_orders_table_still_moves_the_application(synced, upstream_url):
    """A back office that just sets the order row (SQL, an import) is followed up here."""
    (app_id, _number), *_ = open_orders(synced)
    url = make_url(upstream_url)
    with psycopg.connect(host=url.host, port=url.port, user=url.username, dbname=url.database) as c:
        c.execute(
            "UPDATE back_office_orders SET status = 'done', done_at = now(), reference = 'X-1' "
            "WHERE application_id = %s",
            (app_id,),
        )

    summary = sync_with_upstream(synced, upstream_url)

    assert summary.ready == (app_id,)
    assert app_row(synced, app_id).status == "ready"
    # The local move to "ready" was pushed by the next sync.
    sync_with_upstream(synced, upstream_url)
    with psycopg.connect(host=url.host, port=url.port, user=url.username, dbname=url.database) as c:
        assert c.execute("SELECT status FROM applications WHERE id = %s", (app_id,)).fetchone() == (
            "ready",
        )


def test_the_cursor_never_skips_a_change_committed_after_a_later_one(synced, upstream_url):
    """Transaction A changes order 1 first but commits last; B changes order 2 and commits
    at once. A pull between them sees order 2; the next one must still see order 1."""
    (first, _), (second, _), *_ = open_orders(synced)
    url = make_url(upstream_url)
    params = {"host": url.host, "port": url.port, "user": url.username, "dbname": url.database}
    update = (
        "UPDATE back_office_orders SET status = 'done', done_at = now() WHERE application_id = %s"
    )
    with psycopg.connect(**params) as slow, psycopg.connect(**params, autocommit=True) as quick:
        slow.execute(update, (first,))  # its transaction is open, not committed
        quick.execute(update, (second,))
        between = sync_with_upstream(synced, upstream_url)
        slow.commit()
    after = sync_with_upstream(synced, upstream_url)

    assert [order.application_id for order in between.pull.orders] == [second]
    assert [order.application_id for order in after.pull.orders] == [first]
    assert app_row(synced, first).status == app_row(synced, second).status == "ready"


def test_an_application_changed_on_both_sides_keeps_both_versions(synced, central, upstream_url):
    (app_id, number), (other_id, _), *_ = open_orders(synced)
    change_status(central, app_id, "cancelled", "the citizen withdrew (phone call)")
    change_status(synced, app_id, "ready", "done here")
    central_before = app_row(central, app_id)

    summary = sync_with_upstream(synced, upstream_url)

    # Neither side was overwritten.
    assert app_row(central, app_id).status == "cancelled"
    assert app_row(central, app_id).version == central_before.version
    assert app_row(synced, app_id).status == "ready"
    assert app_id in summary.pull.conflicts or app_id in summary.push.conflicts
    [conflict] = list_sync_conflicts(synced)
    assert (conflict.application_id, conflict.registration_number) == (app_id, number)
    assert (conflict.local_status, conflict.central_status) == ("ready", "cancelled")
    assert "status" in conflict.differences
    with UnitOfWork(synced.engine, write=False) as uow:
        items = uow.session.scalars(
            select(SupervisorItem.reason).where(SupervisorItem.application_id == app_id)
        ).all()
    assert items == ["sync_conflict"]
    assert application_sync_states(synced, [app_id, other_id]) == {
        app_id: "conflict",
        other_id: "synced",
    }
    status = sync_status(synced)
    assert status.conflicts == 1 and status.waiting > 0  # held, not lost

    # Syncing again changes nothing and keeps one conflict.
    sync_with_upstream(synced, upstream_url)
    assert len(list_sync_conflicts(synced)) == 1
    assert app_row(central, app_id).status == "cancelled"

    # The supervisor keeps this centre's version: the next sync writes it centrally.
    resolve_sync_conflict(synced, conflict.id, "local")
    sync_with_upstream(synced, upstream_url)
    assert app_row(central, app_id).status == "ready"
    assert list_sync_conflicts(synced) == []
    assert application_sync_states(synced, [app_id]) == {app_id: "synced"}
    assert rows(synced.engine, "applications") == rows(central.engine, "applications")


def test_keeping_the_central_version_replaces_the_local_one(synced, central, upstream_url):
    (app_id, _), *_ = open_orders(synced)
    change_status(central, app_id, "cancelled", "withdrawn")
    change_status(synced, app_id, "ready", "done here")
    sync_with_upstream(synced, upstream_url)
    [conflict] = list_sync_conflicts(synced)

    resolve_sync_conflict(synced, conflict.id, "central")
    sync_with_upstream(synced, upstream_url)

    assert app_row(synced, app_id).status == "cancelled"
    assert app_row(central, app_id).status == "cancelled"
    assert list_sync_conflicts(synced) == []
    [kept] = list_sync_conflicts(synced, include_resolved=True)
    assert kept.local["status"] == "ready"  # the dropped version is still on record
    assert application_sync_states(synced, [app_id]) == {app_id: "synced"}


def test_a_central_change_without_a_local_one_is_applied_not_pushed_back(
    synced, central, upstream_url
):
    (app_id, _), *_ = open_orders(synced)
    change_status(central, app_id, "cancelled", "wrong service")

    summary = sync_with_upstream(synced, upstream_url)

    assert summary.pull.applications == 1 and summary.pull.conflicts == []
    assert app_row(synced, app_id).status == "cancelled"
    assert unpushed(synced.engine) == 0
    again = sync_with_upstream(synced, upstream_url)
    assert again.push.pushed == 0 and again.pull.applications == 0


def test_the_calendar_comes_from_the_central_database(synced, central, upstream_url):
    add_calendar_override(central, "2026-12-30", "day_off", "Cabinet decision 512")
    sync_with_upstream(synced, upstream_url)
    with UnitOfWork(synced.engine, write=False) as uow:
        days = [
            (row.day.isoformat(), row.kind, row.note)
            for row in uow.session.scalars(select(HolidayOverride))
        ]
    assert days == [("2026-12-30", "day_off", "Cabinet decision 512")]

    remove_calendar_override(central, "2026-12-30")
    summary = sync_with_upstream(synced, upstream_url)
    assert summary.pull.holidays == 1
    with UnitOfWork(synced.engine, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(HolidayOverride)) == 0


def test_a_published_passport_reaches_the_desk_and_survives_a_restart(
    synced, upstream_url, desk_url, tmp_path: Path, capsys
):
    folder = tmp_path / "passports"
    shutil.copytree(resource_path("passports"), folder)
    first = sorted(folder.glob("*.yaml"))[0]
    data = yaml.safe_load(first.read_text(encoding="utf-8"))
    renamed = data["name"] + " (yeni redaksiya)"
    data["name"] = renamed
    first.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    assert main(["catalog", "publish", str(folder), "--url", upstream_url]) == 0
    assert capsys.readouterr().out.startswith("published 1 changed passports: ")

    summary = sync_with_upstream(synced, upstream_url)
    assert len(summary.pull.passports) == 1
    for _ in range(2):  # the published passport wins over the bundled one, also after a restart
        restarted = open_desk(url=desk_url)
        try:
            names = {passport.name for passport in restarted.catalog.passports}
        finally:
            restarted.close()
        assert renamed in names


def test_sync_commands(synced, central, desk_url, upstream_url, capsys):
    (app_id, _), *_ = open_orders(synced)
    change_status(central, app_id, "cancelled", "withdrawn")
    change_status(synced, app_id, "ready", "done here")
    assert main(["sync", "--upstream", upstream_url, "--url", desk_url]) == 0
    capsys.readouterr()

    assert main(["sync", "status", "--url", desk_url]) == 0
    assert "conflicts for the supervisor: 1" in capsys.readouterr().out
    assert main(["sync", "conflicts", "--url", desk_url]) == 0
    listing = capsys.readouterr().out
    assert "here: ready  central: cancelled" in listing
    conflict_id = listing.split()[0]
    assert main(["sync", "resolve", conflict_id, "--keep", "local", "--url", desk_url]) == 0
    assert "kept the local version" in capsys.readouterr().out
    assert main(["sync", "resolve", conflict_id, "--keep", "local", "--url", desk_url]) == 1
    assert "resolved" in capsys.readouterr().err


def test_identity_document_formats_set_centrally_reach_the_desk(
    synced, upstream_url, desk_url, tmp_path: Path, capsys
):
    """The ministry adds a new ID-card series (AB + 7 digits) on the central database."""
    from dataclasses import replace

    from dost_desk.services.applicants import set_applicant
    from dost_desk.services.demo_people import CERTIFICATE, People
    from dost_desk.services.intake import start_application
    from dost_desk.services.intake_dto import InvalidInput

    formats = tmp_path / "formats.json"
    formats.write_text('{"id_card": ["AZE\\\\d{8}", "AA\\\\d{7}", "AB\\\\d{7}"]}', encoding="utf-8")
    person = replace(
        People(random.Random(5)).person(CERTIFICATE),
        id_document_kind="id_card",
        id_document_number="AB1234567",
    )
    app = start_application(synced, CERTIFICATE, {"action": "issue"}, "in_person", "in_person")
    with pytest.raises(InvalidInput) as refused:
        set_applicant(synced, app.id, person)
    assert "id_document_number" in refused.value.problems

    assert main(["reference", "id-patterns", "--set", str(formats), "--url", upstream_url]) == 0
    assert "id_card: AZE\\d{8}  AA\\d{7}  AB\\d{7}" in capsys.readouterr().out
    summary = sync_with_upstream(synced, upstream_url)

    assert summary.pull.reference == 1
    assert set_applicant(synced, app.id, person).applicant.id_document_number == "AB1234567"
    assert main(["reference", "id-patterns", "--url", desk_url]) == 0
    assert "AB\\d{7}" in capsys.readouterr().out


def test_a_broken_formats_file_is_refused_with_the_reason(desk_url, tmp_path: Path, capsys):
    broken = tmp_path / "formats.json"
    broken.write_text('{"id_card": ["AZE(\\\\d{8}"]}', encoding="utf-8")
    assert main(["reference", "id-patterns", "--set", str(broken), "--url", desk_url]) == 1
    error = capsys.readouterr().err
    assert "id_card" in error and "is not valid" in error
