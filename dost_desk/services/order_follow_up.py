"""After a sync: follow up the back-office orders closed centrally (Qt-free).

Driven by what the local database holds, never by what one pull brought, so a sync
killed anywhere (after the pull committed, halfway through here) is completed by the
next one: orders done whose application still waits make it ready; orders cancelled
centrally, and orders done for an application cancelled or refused here, are put on
the supervisor's list once.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from dost_desk.models.followup_tables import BackOfficeOrder, SupervisorItem
from dost_desk.models.lifecycle import ApplicationStatus, IllegalTransition
from dost_desk.models.sync_tables import SyncConflict
from dost_desk.models.tables import Application
from dost_desk.services.desk import Desk
from dost_desk.services.intake_dto import IntakeRuleBroken
from dost_desk.storage.unit_of_work import UnitOfWork

#: Application statuses an order done by the back office moves on to "ready".
_WAITING_FOR_THE_BACK_OFFICE = (ApplicationStatus.SUBMITTED.value, ApplicationStatus.ORDERED.value)
_CLOSED_HERE = (ApplicationStatus.CANCELLED.value, ApplicationStatus.REFUSED.value)
_DONE_CENTRALLY = "order done centrally"


def follow_up_closed_orders(desk: Desk) -> tuple[str, ...]:
    """Follow up the orders the back office closed: the application becomes ready, or the
    supervisor is told of the cancellation (as if done at this desk).

    Driven by what the database holds, not by what this pull brought: a sync killed
    after the pull committed (or halfway through here) is completed by the next one.
    Applications held for the supervisor (an open conflict) are left alone.
    """
    from dost_desk.services import outcome

    done, cancelled, closed_here = _orders_to_follow_up(desk)
    ready = []
    for application_id, office, reference in done:
        note = f"back office {office} order done" + (f": {reference}" if reference else "")
        try:
            outcome.change_status(desk, application_id, "ready", note)
        except (IntakeRuleBroken, IllegalTransition) as error:  # changed meanwhile
            _tell_supervisor(desk, application_id, "sync_conflict", f"{_DONE_CENTRALLY}: {error}")
            continue
        ready.append(application_id)
    for application_id, office in cancelled:
        _tell_supervisor(
            desk,
            application_id,
            "order_cancelled",
            f"back office {office} cancelled the order (central database)",
        )
    for application_id, status in closed_here:
        _tell_supervisor(
            desk,
            application_id,
            "sync_conflict",
            f"{_DONE_CENTRALLY}, but the application is {status} at this centre",
        )
    return tuple(ready)


def _orders_to_follow_up(desk: Desk) -> tuple[list[Any], list[Any], list[Any]]:
    """(orders done whose application still waits for them, orders cancelled the
    supervisor has not been told of, orders done of an application cancelled or refused
    here the supervisor has not been told of), of applications not held by a conflict."""
    held = select(SyncConflict.application_id).where(SyncConflict.resolved_at.is_(None))
    told = select(SupervisorItem.application_id).where(SupervisorItem.reason == "order_cancelled")
    told_done = select(SupervisorItem.application_id).where(
        SupervisorItem.reason == "sync_conflict",
        SupervisorItem.detail.contains(_DONE_CENTRALLY, autoescape=True),
    )
    with UnitOfWork(desk.engine, write=False) as uow:
        done = uow.session.execute(
            select(
                BackOfficeOrder.application_id,
                BackOfficeOrder.back_office,
                BackOfficeOrder.reference,
            )
            .join(Application, Application.id == BackOfficeOrder.application_id)
            .where(
                BackOfficeOrder.status == "done",
                Application.status.in_(_WAITING_FOR_THE_BACK_OFFICE),
                Application.id.not_in(held),
            )
            .order_by(Application.registration_number)
        ).all()
        cancelled = uow.session.execute(
            select(BackOfficeOrder.application_id, BackOfficeOrder.back_office)
            .where(
                BackOfficeOrder.status == "cancelled",
                BackOfficeOrder.application_id.not_in(told),
                BackOfficeOrder.application_id.not_in(held),
            )
            .order_by(BackOfficeOrder.application_id)
        ).all()
        closed_here = uow.session.execute(
            select(Application.id, Application.status)
            .join(BackOfficeOrder, BackOfficeOrder.application_id == Application.id)
            .where(
                BackOfficeOrder.status == "done",
                Application.status.in_(_CLOSED_HERE),
                Application.id.not_in(told_done),
                Application.id.not_in(held),
            )
            .order_by(Application.id)
        ).all()
    return list(done), list(cancelled), list(closed_here)


def _tell_supervisor(desk: Desk, application_id: str, reason: str, detail: str) -> None:
    with UnitOfWork(desk.engine) as uow:
        app = uow.session.get(Application, application_id)
        number = app.registration_number if app else application_id
        uow.session.add(
            SupervisorItem(
                application_id=application_id,
                reason=reason,
                detail=f"{number}: {detail}",
                created_at=desk.now(),
            )
        )
        uow.commit()
