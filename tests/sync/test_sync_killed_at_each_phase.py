"""A sync killed (SIGKILL, a real process) at each of its phases — while pushing, while
pulling, between the pull's commit and its follow-up, in the middle of the follow-up — is
completed by the next clean sync: every application whose order the back office closed is
ready, nothing lost or duplicated, and the central database equals the desk.

The child process stops itself with ``os.kill(os.getpid(), SIGKILL)`` at the named point
(``killed_sync.py`` wraps one function of the sync there), so each phase is hit exactly."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sync_helpers import assert_central_equals_local, unpushed

from dost_desk.models.followup_tables import BackOfficeOrder
from dost_desk.models.tables import Application, StatusChange
from dost_desk.services.demo import create_demo_applications
from dost_desk.services.orders import complete_order
from dost_desk.services.sync import sync_with_upstream
from dost_desk.storage.unit_of_work import UnitOfWork

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

KILLED_SYNC = Path(__file__).with_name("killed_sync.py")


PHASES = ("push", "pull", "after-pull", "follow-up")


def _psql(upstream_url: str) -> dict:
    url = make_url(upstream_url)
    return {"host": url.host, "port": url.port, "user": url.username, "dbname": url.database}


def _ordered_with_open_order(desk) -> list[str]:
    with UnitOfWork(desk.engine, write=False) as uow:
        return list(
            uow.session.scalars(
                select(Application.id)
                .join(BackOfficeOrder, BackOfficeOrder.application_id == Application.id)
                .where(BackOfficeOrder.status == "open", Application.status == "ordered")
                .order_by(Application.registration_number)
            )
        )


def _stuck(desk) -> list[str]:
    """Applications whose order is done but which are not ready (the defect)."""
    with UnitOfWork(desk.engine, write=False) as uow:
        return list(
            uow.session.scalars(
                select(Application.id)
                .join(BackOfficeOrder, BackOfficeOrder.application_id == Application.id)
                .where(
                    BackOfficeOrder.status == "done",
                    Application.status.in_(("submitted", "ordered")),
                )
            )
        )


def _ready_entries(desk, ids: list[str]) -> dict[str, int]:
    with UnitOfWork(desk.engine, write=False) as uow:
        found = uow.session.execute(
            select(StatusChange.application_id, func.count())
            .where(StatusChange.application_id.in_(ids), StatusChange.to_status == "ready")
            .group_by(StatusChange.application_id)
        ).all()
    return dict(found)


@pytest.mark.parametrize("phase", PHASES)
def test_a_sync_killed_in_each_phase_is_completed_by_the_next_one(
    phase, make_desk, desk_url, upstream_url, tmp_path: Path
):
    desk = make_desk()
    central = make_desk(upstream_url)
    create_demo_applications(desk, 60, seed=81)
    sync_with_upstream(desk, upstream_url)
    waiting = _ordered_with_open_order(desk)
    assert len(waiting) >= 8
    # The back office closes orders centrally: some through a networked desk (the
    # application moves too), most by setting only the order row (an import, SQL).
    by_desk, by_row = waiting[:2], waiting[2:]
    for app_id in by_desk:
        complete_order(central, app_id, reference="DSMF-1")
    with psycopg.connect(**_psql(upstream_url)) as connection:
        connection.execute(
            "UPDATE back_office_orders SET status = 'done', done_at = now(), "
            "reference = 'DSMF-2' WHERE application_id = ANY(%s)",
            (by_row,),
        )
    # Offline work meanwhile, so that the push has batches to send.
    create_demo_applications(desk, 30, seed=82)
    assert unpushed(desk.engine) > 10

    process = subprocess.run(
        [sys.executable, str(KILLED_SYNC), desk_url, upstream_url, phase, desk.centre_code],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == -signal.SIGKILL, process.stdout + process.stderr

    sync_with_upstream(desk, upstream_url)
    again = sync_with_upstream(desk, upstream_url)

    assert _stuck(desk) == []
    with UnitOfWork(desk.engine, write=False) as uow:
        statuses = dict(
            uow.session.execute(
                select(Application.id, Application.status).where(Application.id.in_(waiting))
            ).all()
        )
    assert set(statuses.values()) == {"ready"}
    assert _ready_entries(desk, waiting) == dict.fromkeys(waiting, 1)  # never twice
    assert again.push.conflicts == () and again.pull.conflicts == []
    assert unpushed(desk.engine) == 0
    assert_central_equals_local(desk, central.engine)
