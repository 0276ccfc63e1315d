"""E-sosial notices (seed 000 step 8): an outbox of notices due one working day before
each deadline, the "due today / overdue" list, and posting them (by hand or over HTTP).
Qt-free, one function per action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from dost_desk.checks.notice_sender import NoticeRequest
from dost_desk.checks.registry import notice_sender_for
from dost_desk.models.followup_tables import Notice
from dost_desk.models.identity import FieldProblem, check_free_text
from dost_desk.models.tables import Applicant, Application
from dost_desk.services.applications import applicant_view
from dost_desk.services.desk import BAKU, Desk
from dost_desk.services.intake_dto import IntakeRuleBroken, InvalidInput, NotFound
from dost_desk.storage.unit_of_work import UnitOfWork

DUE_FILTERS = ("today", "overdue")
E_SOSIAL = "e_sosial"
#: Applications whose notice no longer needs posting.
_SETTLED = ("refused", "cancelled", "handed_over")
_CHANNEL = re.compile(r"[a-z][a-z0-9_]{0,15}")


@dataclass(frozen=True, slots=True)
class NoticeView:
    id: str
    application_id: str
    registration_number: str | None
    application_status: str
    passport_id: str
    applicant_name: str
    fin: str | None
    voen: str | None
    kind: str
    due: date
    deadline: datetime | None
    status: str  # pending or posted
    posted_at: datetime | None
    posted_by: str | None
    channel: str | None
    response: dict[str, Any] | None
    message: str  # what to post in the applicant's cabinet (Azerbaijani)
    due_today: bool
    overdue: bool


@dataclass(frozen=True, slots=True)
class SendResult:
    notice: NoticeView
    posted: bool
    summary: str


def notice_message(desk: Desk, app: Application) -> str:
    """The Azerbaijani text for the applicant's E-sosial cabinet."""
    passport = desk.catalog.get(app.passport_id)
    number = app.registration_number or app.id
    text = f"{number} nömrəli müraciətiniz ({passport.name})"
    if app.deadline_total is not None:
        deadline = app.deadline_total.astimezone(BAKU)
        text += f" üzrə xidmətin göstərilmə müddəti {deadline:%d.%m.%Y} tarixində başa çatır."
    else:
        text += " qeydə alınıb."
    if app.status == "ready":
        text += " Nəticə hazırdır."
    return text


def create_notice_for(desk: Desk, session: Session, row: Application) -> Notice | None:
    """The E-sosial notice of an accepted application, in the caller's session, due on
    ``row.notice_due`` (idempotent). None when the passport gives no deadline."""
    if row.notice_due is None:
        return None
    existing = session.scalar(
        select(Notice).where(Notice.application_id == row.id, Notice.kind == E_SOSIAL)
    )
    if existing is not None:
        return existing
    notice = Notice(
        application_id=row.id,
        kind=E_SOSIAL,
        due=row.notice_due,
        status="pending",
        created_at=desk.now(),
    )
    session.add(notice)
    return notice


def _view(desk: Desk, notice: Notice, app: Application, person: Applicant | None) -> NoticeView:
    today = desk.local_now().date()
    pending = notice.status == "pending"
    return NoticeView(
        id=notice.id,
        application_id=app.id,
        registration_number=app.registration_number,
        application_status=app.status,
        passport_id=app.passport_id,
        applicant_name=applicant_view(person).display_name if person else "",
        fin=person.fin if person else None,
        voen=person.voen if person else None,
        kind=notice.kind,
        due=notice.due,
        deadline=app.deadline_total,
        status=notice.status,
        posted_at=notice.posted_at,
        posted_by=notice.posted_by,
        channel=notice.channel,
        response=dict(notice.response) if notice.response else None,
        message=notice_message(desk, app),
        due_today=pending and notice.due == today,
        overdue=pending and notice.due < today,
    )


def _statement(desk: Desk) -> Select[tuple[Notice, Application, Applicant]]:
    return (
        select(Notice, Application, Applicant)
        .join(Application, Application.id == Notice.application_id)
        .outerjoin(Applicant, Applicant.id == Application.applicant_id)
        .where(Application.centre_code == desk.centre_code)
    )


def list_notices(desk: Desk, due: str | None = None) -> list[NoticeView]:
    """This centre's notices, soonest due first. ``due="today"``: pending notices due
    today; ``"overdue"``: pending ones whose day has passed (applications refused,
    cancelled or handed over are left out of both); None: every notice."""
    if due is not None and due not in DUE_FILTERS:
        raise InvalidInput(
            {"due": FieldProblem("notice.due", f"due is {' or '.join(DUE_FILTERS)}")}
        )
    today = desk.local_now().date()
    statement = _statement(desk)
    if due is not None:
        statement = statement.where(
            Notice.status == "pending",
            Application.status.not_in(_SETTLED),
            Notice.due == today if due == "today" else Notice.due < today,
        )
    statement = statement.order_by(Notice.due, Application.registration_number)
    with UnitOfWork(desk.engine, write=False) as uow:
        return [_view(desk, *found) for found in uow.session.execute(statement)]


def _find(desk: Desk, session: Session, key: str) -> tuple[Notice, Application, Applicant | None]:
    """The notice by its ID, or the E-sosial notice of an application (ID or number)."""
    key = key.strip()
    found = session.execute(
        _statement(desk).where(
            (Notice.id == key)
            | ((Notice.kind == E_SOSIAL) & (Application.id == key))
            | ((Notice.kind == E_SOSIAL) & (Application.registration_number == key))
        )
    ).first()
    if found is None:
        raise NotFound(f"no notice {key!r}")
    return found[0], found[1], found[2]


def _record_posted(
    desk: Desk, notice: Notice, channel: str, response: dict[str, Any] | None
) -> None:
    notice.status = "posted"
    notice.posted_at = desk.now()
    notice.posted_by = desk.agent
    notice.channel = channel
    notice.response = response


def _already_posted(app: Application, notice: Notice) -> str:
    when = f" on {notice.posted_at.astimezone(BAKU):%d.%m.%Y %H:%M}" if notice.posted_at else ""
    return f"the notice of {app.registration_number or app.id} was posted already{when}"


def mark_notice_posted(
    desk: Desk,
    notice_id: str,
    channel: str = "manual",
    response: dict[str, Any] | str | None = None,
) -> NoticeView:
    """Record that the notice (ID, or the application's number) was posted: who, when,
    through which channel, and what E-sosial answered (text or data)."""
    if not _CHANNEL.fullmatch(channel):
        raise InvalidInput(
            {"channel": FieldProblem("notice.channel", "a channel is a short lower-case word")}
        )
    if isinstance(response, str):
        checked = check_free_text(response, max_length=2000)
        if checked.problem:
            raise InvalidInput({"response": checked.problem})
        response = {"text": checked.value} if checked.value else None
    with UnitOfWork(desk.engine) as uow:
        notice, app, person = _find(desk, uow.session, notice_id)
        if notice.status == "posted":
            raise IntakeRuleBroken("notice.posted", _already_posted(app, notice))
        _record_posted(desk, notice, channel, response)
        uow.commit()
        return _view(desk, notice, app, person)


def send_notice(desk: Desk, notice_id: str) -> SendResult:
    """Post a pending notice through the configured sender (``[notices] provider =
    "http"``). A failed post leaves the notice pending (retry later) and says why."""
    sender = notice_sender_for(desk.settings.notices, desk.now)
    if not sender.automatic:
        raise IntakeRuleBroken(
            "notice.manual",
            "notices are posted by hand in E-sosial here: mark the notice as posted",
        )
    with UnitOfWork(desk.engine, write=False) as uow:
        notice, app, person = _find(desk, uow.session, notice_id)
        if notice.status == "posted":
            raise IntakeRuleBroken("notice.posted", _already_posted(app, notice))
        request = NoticeRequest(
            notice_id=notice.id,
            kind=notice.kind,
            registration_number=app.registration_number,
            passport_id=app.passport_id,
            fin=person.fin if person else None,
            voen=person.voen if person else None,
            due=notice.due,
            deadline=app.deadline_total,
            message=notice_message(desk, app),
        )
        view = _view(desk, notice, app, person)
    outcome = sender.post_notice(request)  # outside any transaction: it may be slow
    if not outcome.posted:
        return SendResult(view, False, outcome.summary)
    with UnitOfWork(desk.engine) as uow:
        notice, app, person = _find(desk, uow.session, request.notice_id)
        if notice.status != "posted":
            _record_posted(desk, notice, outcome.channel, outcome.response)
            uow.commit()
        return SendResult(_view(desk, notice, app, person), True, outcome.summary)


def send_due_notices(desk: Desk) -> list[SendResult]:
    """Post every notice due today or overdue through the configured http sender (after
    a sync or reconnect); nothing is sent when notices are posted by hand."""
    if not notice_sender_for(desk.settings.notices, desk.now).automatic:
        return []
    due = list_notices(desk, "overdue") + list_notices(desk, "today")
    return [send_notice(desk, notice.id) for notice in due]
