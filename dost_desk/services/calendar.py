"""The centre's working-day calendar: holiday overrides and "is this a working day?".

Azerbaijan's public holidays come from the ``holidays`` package; the Cabinet of
Ministers moves days off every year, so a centre records corrections in the
``holiday_overrides`` table: a day off on what would be a working day, or the reverse.
Deadlines computed after a change use it; deadlines already given are not recomputed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import select

from dost_desk.models.identity import FieldProblem, check_free_text, parse_date
from dost_desk.models.tables import HolidayOverride
from dost_desk.models.working_calendar import DayKind
from dost_desk.services.desk import Desk
from dost_desk.services.intake_dto import InvalidInput, NotFound
from dost_desk.storage.unit_of_work import UnitOfWork

# The holidays package and the deadlines only make sense for dates near the present.
FIRST_YEAR = 2000
LAST_YEAR = 2100
MAX_NOTE_LENGTH = 200
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class CalendarOverrideView:
    """One override: ``kind`` is ``day_off`` or ``working_day``."""

    day: date
    kind: str
    note: str


class WorkingDayInfo(NamedTuple):
    """Whether a day is worked, and the holiday (or day-off note) that names it."""

    is_working: bool
    holiday: str | None


@dataclass(frozen=True, slots=True)
class CalendarDayView:
    """A day with the reason it is, or is not, a working day (for ``calendar check``)."""

    day: date
    is_working: bool
    holiday: str | None
    weekend: bool
    override: CalendarOverrideView | None
    reason: str


def parse_calendar_day(day: date | str) -> date:
    """A date from a date, ``dd.mm.yyyy`` or ``yyyy-mm-dd``; InvalidInput on ``day`` otherwise."""
    checked = parse_date(day)
    if checked.value is None:
        problem = checked.problem or FieldProblem("date.required", "Date is required")
        raise InvalidInput({"day": problem})
    parsed = checked.value
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise InvalidInput(
            {
                "day": FieldProblem(
                    "calendar.year",
                    f"the calendar covers the years {FIRST_YEAR} to {LAST_YEAR}",
                    {"first": str(FIRST_YEAR), "last": str(LAST_YEAR)},
                )
            }
        )
    return parsed


def _kind(kind: str) -> DayKind:
    try:
        return DayKind(kind)
    except ValueError:
        raise InvalidInput(
            {
                "kind": FieldProblem(
                    "calendar.kind", f"the kind is day_off or working_day, not {kind!r}"
                )
            }
        ) from None


def _view(row: HolidayOverride) -> CalendarOverrideView:
    return CalendarOverrideView(day=row.day, kind=row.kind, note=row.note or "")


def list_calendar_overrides(desk: Desk) -> list[CalendarOverrideView]:
    """Every override of the calendar, by date."""
    with UnitOfWork(desk.engine, write=False) as uow:
        rows = uow.session.scalars(select(HolidayOverride).order_by(HolidayOverride.day))
        return [_view(row) for row in rows]


def add_calendar_override(
    desk: Desk, day: date | str, kind: str, note: str = ""
) -> CalendarOverrideView:
    """Make ``day`` a day off or a working day (replacing an earlier override of that day)."""
    parsed = parse_calendar_day(day)
    day_kind = _kind(kind)
    checked_note = check_free_text(note, max_length=MAX_NOTE_LENGTH)
    if checked_note.problem:
        raise InvalidInput({"note": checked_note.problem})
    with UnitOfWork(desk.engine) as uow:
        row = uow.session.scalar(select(HolidayOverride).where(HolidayOverride.day == parsed))
        if row is None:
            row = HolidayOverride(day=parsed, created_at=desk.now())
            uow.session.add(row)
        row.kind = day_kind.value
        row.note = checked_note.value or ""
        uow.commit()
        return _view(row)


def remove_calendar_override(desk: Desk, day: date | str) -> CalendarOverrideView:
    """Remove the override of ``day`` (the built-in calendar applies again); NotFound if none."""
    parsed = parse_calendar_day(day)
    with UnitOfWork(desk.engine) as uow:
        row = uow.session.scalar(select(HolidayOverride).where(HolidayOverride.day == parsed))
        if row is None:
            raise NotFound(f"no calendar override on {parsed.isoformat()}")
        removed = _view(row)
        uow.session.delete(row)
        uow.commit()
        return removed


def check_calendar_day(desk: Desk, day: date | str) -> CalendarDayView:
    """Whether ``day`` is a working day at this centre, and why."""
    parsed = parse_calendar_day(day)
    with UnitOfWork(desk.engine, write=False) as uow:
        calendar = desk.calendar(uow.session)
        row = uow.session.scalar(select(HolidayOverride).where(HolidayOverride.day == parsed))
        override = _view(row) if row is not None else None
    is_working = calendar.is_working_day(parsed)
    holiday = calendar.holiday_name(parsed)
    weekend = parsed.weekday() >= 5
    weekday = _WEEKDAY_NAMES[parsed.weekday()]
    if override is not None:
        what = "a day off" if override.kind == DayKind.DAY_OFF else "a working day"
        reason = f"the centre's calendar makes this {weekday} {what}"
        if override.note:
            reason += f" ({override.note})"
    elif holiday:
        reason = f"public holiday: {holiday}"
    elif weekend:
        reason = f"{weekday}: weekend"
    else:
        reason = f"{weekday}: an ordinary working day"
    return CalendarDayView(parsed, is_working, holiday, weekend, override, reason)


def working_day_info(desk: Desk, day: date | str) -> WorkingDayInfo:
    """``(is_working, holiday name or None)`` for ``day`` with this centre's overrides."""
    checked = check_calendar_day(desk, day)
    return WorkingDayInfo(checked.is_working, checked.holiday)
