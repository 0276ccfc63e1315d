"""Azerbaijan working days and service deadlines (DESIGN.md §4, seed 000 fields 12–17, 23).

A day is a working day when it is Monday to Friday and not a public holiday of the
``holidays`` package (which includes the days off moved to the next working day and the
substitute days off decreed so far); the centre's override table then has the last word,
because the Cabinet of Ministers moves days off every year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache

import holidays

from dost_desk.models.vocabulary import DurationUnit

__all__ = [
    "END_OF_WORKING_DAY",
    "CalendarOverride",
    "DayKind",
    "Deadlines",
    "Duration",
    "WorkingCalendar",
    "compute_deadline",
    "compute_deadlines",
]

#: The time of day at which a deadline counted in days or months falls due.
END_OF_WORKING_DAY = time(18, 0)

_ONE_DAY = timedelta(days=1)

#: A passport duration: a number and its unit, e.g. ``(30, DurationUnit.DAY)``.
Duration = tuple[int, DurationUnit]


class DayKind(StrEnum):
    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"


@dataclass(frozen=True)
class CalendarOverride:
    """One row of the centre's override table: ``day`` is a day off or a working day."""

    day: date
    kind: DayKind
    note: str = ""


@lru_cache(maxsize=8)
def _language(country: str) -> str | None:
    probe = holidays.country_holidays(country)
    return "az" if "az" in probe.supported_languages else None


@lru_cache(maxsize=64)
def _public_holidays(country: str, year: int, language: str | None) -> dict[date, str]:
    """One year of public holidays, loaded once per process (calendars are built often)."""
    found = holidays.country_holidays(country, years=year, language=language)
    return dict(found.items())


class WorkingCalendar:
    """Working days of one country (Azerbaijan by default) with the centre's overrides.

    Holidays are loaded from the ``holidays`` package one year at a time, on first use,
    with Azerbaijani names when the package has them for the country. When several
    overrides name the same day, the last one wins.
    """

    def __init__(self, overrides: Iterable[CalendarOverride] = (), country: str = "AZ") -> None:
        self._country = country
        self._language = _language(country)  # raises NotImplementedError if unknown
        self._overrides = {override.day: override for override in overrides}

    def _holidays(self, year: int) -> dict[date, str]:
        return _public_holidays(self._country, year, self._language)

    def is_working_day(self, day: date) -> bool:
        """True for Monday–Friday that is not a public holiday, unless an override says
        otherwise (an override makes any day a day off or a working day)."""
        override = self._overrides.get(day)
        if override is not None:
            return override.kind is DayKind.WORKING_DAY
        return day.weekday() < 5 and day not in self._holidays(day.year)

    def holiday_name(self, day: date) -> str | None:
        """The name of the public holiday on ``day`` (names joined by ``"; "`` when two
        fall together), or None. A ``DAY_OFF`` override with a note gives its note; a
        ``WORKING_DAY`` override gives None, as the day is worked."""
        override = self._overrides.get(day)
        if override is not None:
            if override.kind is DayKind.WORKING_DAY:
                return None
            if override.note:
                return override.note
        return self._holidays(day.year).get(day)

    def next_working_day(self, day: date) -> date:
        """``day`` itself when it is a working day, otherwise the first working day after it."""
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself is not counted);
        for ``n == 0``, ``start`` if it is a working day, else the next working day.
        Raises ValueError for a negative ``n``."""
        if n < 0:
            raise ValueError(f"n must not be negative, got {n}")
        day = start
        for _ in range(n):
            day = self.next_working_day(day + _ONE_DAY)
        return self.next_working_day(day)

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before ``day``."""
        day -= _ONE_DAY
        while not self.is_working_day(day):
            day -= _ONE_DAY
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """The number of working days after ``start`` up to and including ``end``, so that
        ``working_days_between(d, add_working_days(d, n)) == n`` for ``n >= 1``; negative
        when ``end`` is before ``start``."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += _ONE_DAY
            count += self.is_working_day(day)
        return count


def _add_months(day: date, months: int) -> date:
    """The same calendar day ``months`` later, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    next_month = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date(year, month, min(day.day, (next_month - _ONE_DAY).day))


def compute_deadline(
    start: datetime, value: int, unit: DurationUnit, calendar: WorkingCalendar
) -> datetime:
    """The deadline of a duration of ``value`` ``unit`` starting at ``start``.

    * ``DAY``: working days. Assumption: Azerbaijani administrative practice counts the
      passports' "gün" as working days. The deadline is the end (18:00) of the
      ``value``-th working day after the start date; the start day is not counted.
    * ``MONTH``: the same calendar day ``value`` months later (31 January + 1 month →
      28/29 February), moved to the next working day if it is not one, at 18:00.
    * ``HOUR`` / ``MINUTE``: ``start`` plus the time on the wall clock, days off included.

    The result is naive or carries ``start``'s tzinfo. Raises ValueError if ``value`` is
    negative or ``unit`` is not a DurationUnit value.
    """
    if value < 0:
        raise ValueError(f"a duration must not be negative, got {value}")
    match DurationUnit(unit):
        case DurationUnit.HOUR:
            return start + timedelta(hours=value)
        case DurationUnit.MINUTE:
            return start + timedelta(minutes=value)
        case DurationUnit.DAY:
            due = calendar.add_working_days(start.date(), value)
        case DurationUnit.MONTH:
            due = calendar.next_working_day(_add_months(start.date(), value))
    return datetime.combine(due, END_OF_WORKING_DAY, tzinfo=start.tzinfo)


@dataclass(frozen=True)
class Deadlines:
    """The deadlines of one application; None where the passport gives no duration."""

    front_office: datetime | None
    back_office: datetime | None
    total: datetime | None
    notice_due: date | None


def compute_deadlines(
    start: datetime,
    total: Duration | None,
    front_office: Duration | None,
    back_office: Duration | None,
    calendar: WorkingCalendar,
) -> Deadlines:
    """The deadlines of an application started at ``start`` (passport fields 12–17).

    The front office and the total count from ``start``. The back office counts from the
    front-office deadline when both are given (seed 000: 2 + 28 working days, the back
    office's 28 start after the front office's 2), otherwise from ``start``. The
    E-sosial notice is due on the last working day before the total deadline's date
    (seed 000 step 8: "at least one working day before"); None without a total.
    """

    def deadline(origin: datetime, duration: Duration | None) -> datetime | None:
        return None if duration is None else compute_deadline(origin, *duration, calendar)

    front = deadline(start, front_office)
    back = deadline(front or start, back_office)
    overall = deadline(start, total)
    notice = None if overall is None else calendar.previous_working_day(overall.date())
    return Deadlines(front_office=front, back_office=back, total=overall, notice_due=notice)
