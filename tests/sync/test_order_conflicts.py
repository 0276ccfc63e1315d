"""An order closed one way centrally and another way at the desk (offline) is a conflict
kept with both versions for the supervisor, not silently overwritten — real PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sync_helpers import assert_central_equals_local, unpushed

from dost_desk.cli import main
from dost_desk.models.followup_tables import BackOfficeOrder, SupervisorItem
from dost_desk.models.tables import Application
from dost_desk.services.orders import cancel_order, complete_order
from dost_desk.services.sync import list_sync_conflicts, resolve_sync_conflict, sync_with_upstream
from dost_desk.storage.unit_of_work import UnitOfWork

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def central(make_desk, upstream_url):
    return make_desk(upstream_url, agent_name="Back office operator")


def _open_order(desk) -> str:
    with UnitOfWork(desk.engine, write=False) as uow:
        return uow.session.scalars(
            select(Application.registration_number)
            .join(BackOfficeOrder, BackOfficeOrder.application_id == Application.id)
            .where(BackOfficeOrder.status == "open", Application.status == "ordered")
            .order_by(Application.registration_number)
        ).first()


def _state(desk, number: str) -> tuple[str, str]:
    """(the order's status, the application's status)."""
    with UnitOfWork(desk.engine, write=False) as uow:
        return tuple(
            uow.session.execute(
                select(BackOfficeOrder.status, Application.status)
                .join(Application, Application.id == BackOfficeOrder.application_id)
                .where(Application.registration_number == number)
            ).one()
        )


def test_done_centrally_and_cancelled_here_is_a_conflict_not_an_overwrite(
    synced, central, upstream_url, desk_url, capsys
):
    number = _open_order(synced)
    complete_order(central, number, reference="DSMF-1")
    cancel_order(synced, number, "sent to the wrong back office")

    summary = sync_with_upstream(synced, upstream_url)

    assert _state(central, number) == ("done", "ready")  # not overwritten
    assert _state(synced, number)[0] == "cancelled"
    [conflict] = list_sync_conflicts(synced)
    assert conflict.registration_number == number
    assert conflict.application_id in summary.push.conflicts
    assert "back_office_order" in conflict.differences
    assert conflict.local["back_office_order"]["status"] == "cancelled"
    assert conflict.central["back_office_order"]["status"] == "done"
    with UnitOfWork(synced.engine, write=False) as uow:
        reasons = uow.session.scalars(
            select(SupervisorItem.reason).where(
                SupervisorItem.application_id == conflict.application_id
            )
        ).all()
    assert "sync_conflict" in reasons
    assert main(["sync", "conflicts", "--url", desk_url]) == 0
    assert "order here: cancelled  central: done" in capsys.readouterr().out
    # Held, not lost; a second sync changes nothing.
    assert unpushed(synced.engine) > 0
    sync_with_upstream(synced, upstream_url)
    assert _state(central, number) == ("done", "ready")
    assert len(list_sync_conflicts(synced)) == 1

    resolve_sync_conflict(synced, conflict.id, "central")
    sync_with_upstream(synced, upstream_url)

    assert _state(synced, number) == ("done", "ready")
    assert _state(central, number) == ("done", "ready")
    assert list_sync_conflicts(synced) == [] and unpushed(synced.engine) == 0
    assert_central_equals_local(synced, central.engine)


def test_cancelled_centrally_and_done_here_keeping_this_centres_version(
    synced, central, upstream_url
):
    number = _open_order(synced)
    cancel_order(central, number, "the back office cannot do it")
    complete_order(synced, number, reference="DSMF-2")

    sync_with_upstream(synced, upstream_url)

    assert _state(central, number) == ("cancelled", "ordered")
    [conflict] = list_sync_conflicts(synced)
    assert conflict.local["back_office_order"]["status"] == "done"
    assert conflict.central["back_office_order"]["status"] == "cancelled"

    resolve_sync_conflict(synced, conflict.id, "local")
    again = sync_with_upstream(synced, upstream_url)

    assert again.push.conflicts == () and again.pull.conflicts == []
    assert _state(central, number) == ("done", "ready")
    assert _state(synced, number) == ("done", "ready")
    assert list_sync_conflicts(synced) == [] and unpushed(synced.engine) == 0
    assert_central_equals_local(synced, central.engine)


def test_a_queued_change_of_an_open_order_never_reopens_one_closed_centrally(
    synced, central, upstream_url
):
    number = _open_order(synced)
    complete_order(central, number, reference="DSMF-3")
    with UnitOfWork(synced.engine) as uow:  # e.g. its due date corrected here, offline
        order = uow.session.scalar(
            select(BackOfficeOrder)
            .join(Application, Application.id == BackOfficeOrder.application_id)
            .where(Application.registration_number == number)
        )
        order.due_at = order.due_at + timedelta(days=1)
        uow.commit()
    assert unpushed(synced.engine) == 1

    summary = sync_with_upstream(synced, upstream_url)

    assert summary.push.conflicts == () and list_sync_conflicts(synced) == []
    assert _state(central, number) == ("done", "ready")
    assert _state(synced, number) == ("done", "ready")
    assert unpushed(synced.engine) == 0
    assert_central_equals_local(synced, central.engine)


def test_an_order_closed_here_then_closed_otherwise_centrally_is_a_conflict_at_the_pull(
    synced, central, upstream_url
):
    """The desk's cancel reached the central database; then the back office overrode it
    there (an import, SQL): the pull keeps both versions instead of ignoring the change."""
    number = _open_order(synced)
    cancel_order(synced, number, "the citizen withdrew")
    sync_with_upstream(synced, upstream_url)
    url = make_url(upstream_url)
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database
    ) as connection:
        connection.execute(
            "UPDATE back_office_orders SET status = 'done', reference = 'DSMF-4' "
            "WHERE application_id = (SELECT id FROM applications WHERE registration_number = %s)",
            (number,),
        )

    summary = sync_with_upstream(synced, upstream_url)

    [conflict] = list_sync_conflicts(synced)
    assert conflict.application_id in summary.pull.conflicts
    assert conflict.local["back_office_order"]["status"] == "cancelled"
    assert conflict.central["back_office_order"]["status"] == "done"
    assert _state(synced, number)[0] == "cancelled"

    resolve_sync_conflict(synced, conflict.id, "local")
    sync_with_upstream(synced, upstream_url)

    assert _state(central, number)[0] == "cancelled"
    assert list_sync_conflicts(synced) == [] and unpushed(synced.engine) == 0
    assert_central_equals_local(synced, central.engine)
