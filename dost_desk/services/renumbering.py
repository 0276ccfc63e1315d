"""Registration numbers another desk with the same centre code used first.

Before each push (:func:`dost_desk.services.sync.sync_with_upstream`) the desk learns the
highest number of its centre centrally and continues after it, and every unpushed
application whose number the central database holds for another application gets the
next free number here: the renumbering is a step of the application's history (old and
new number), the supervisor is told (the citizen's receipt carries the old number:
reprint it), and the queued outbox rows carry the new number, so the push goes through.
"""

from __future__ import annotations

from sqlalchemy import func, select, update

from dost_desk.models.followup_tables import SupervisorItem
from dost_desk.models.sync_tables import OutboxEntry, OutboxPayload
from dost_desk.models.tables import Application
from dost_desk.services.desk import Desk
from dost_desk.services.intake import record_status
from dost_desk.storage.registration import (
    next_registration_number,
    parse_registration_number,
    raise_sequence,
)
from dost_desk.storage.unit_of_work import UnitOfWork
from dost_desk.sync.numbering import central_numbers

REASON = "registration_clash"


def _unpushed_numbers(desk: Desk) -> dict[str, str]:
    """This centre's applications not yet central: id → registration number."""
    waiting = select(OutboxEntry.row_id).where(
        OutboxEntry.table == "applications",
        OutboxEntry.operation == "upsert",
        OutboxEntry.pushed_at.is_(None),
    )
    with UnitOfWork(desk.engine, write=False) as uow:
        found = uow.session.execute(
            select(Application.id, Application.registration_number).where(
                Application.id.in_(waiting),
                Application.registration_number.is_not(None),
                Application.centre_code == desk.centre_code,
            )
        ).all()
    return dict(found)


def renumber_clashing_applications(desk: Desk, upstream_url: str) -> tuple[str, ...]:
    """Continue after the centre's highest central number; give new numbers to the
    unpushed applications whose numbers are taken centrally. Returns their old numbers.

    Raises :class:`~dost_desk.storage.engine.StorageError` when a database is unreachable.
    """
    mine = _unpushed_numbers(desk)
    central = central_numbers(upstream_url, desk.centre_code, mine)
    renumbered = []
    with UnitOfWork(desk.engine) as uow:
        for year, highest in central.highest.items():
            raise_sequence(uow.session, desk.centre_code, year, highest)
        for app_id, old in sorted(mine.items(), key=lambda item: item[1]):
            parsed = parse_registration_number(old)
            if old not in central.taken or parsed is None:
                continue
            app = uow.session.get(Application, app_id)
            new = next_registration_number(uow.session, desk.centre_code, parsed[1])
            app.registration_number = new
            note = (
                f"registration number {old} renumbered to {new}: another desk with centre "
                f"code {desk.centre_code} issued {old} first"
            )
            record_status(desk, app, app.status, note)
            uow.session.add(
                SupervisorItem(
                    application_id=app.id,
                    reason=REASON,
                    detail=f"{new}: was {old}, a number another desk with centre code "
                    f"{desk.centre_code} issued first (two PCs with one centre code); "
                    "reprint the receipt with the new number, and give each desk its own "
                    "centre code or keep only one of them offline",
                    created_at=desk.now(),
                )
            )
            _rewrite_queued_rows(uow, app.id, new)
            renumbered.append(old)
        uow.commit()
    return tuple(renumbered)


def _rewrite_queued_rows(uow: UnitOfWork, app_id: str, number: str) -> None:
    """The application's queued rows carry the new number: every prefix of the outbox
    must push (a row with the old number would fail centrally on every sync)."""
    queued = select(OutboxEntry.id).where(
        OutboxEntry.table == "applications",
        OutboxEntry.row_id == app_id,
        OutboxEntry.pushed_at.is_(None),
    )
    uow.session.execute(
        update(OutboxPayload)
        .where(OutboxPayload.entry_id.in_(queued))
        .values(payload=func.json_set(OutboxPayload.payload, "$.registration_number", number))
        .execution_options(synchronize_session=False)
    )
