"""Tests for dost_desk.models.working_calendar: AZ working days and deadlines.

Dates were checked by hand against the 2026 Azerbaijani calendar (holidays package 0.109):
New Year 1–2 Jan; Women's Day 8 Mar (Sunday) observed Mon 9 Mar; Novruz 20–24 Mar and
Ramazan 20–21 Mar, observed Wed 25, Thu 26, Fri 27 and Mon 30 Mar.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dost_desk.models import working_calendar
from dost_desk.models.vocabulary import DurationUnit
from dost_desk.models.working_calendar import (
    CalendarOverride,
    DayKind,
    Deadlines,
    WorkingCalendar,
    compute_deadline,
    compute_deadlines,
)

DAY = DurationUnit.DAY
MONTH = DurationUnit.MONTH
# Hypothesis tests cannot take function-scoped fixtures; the calendar is read-only anyway.
_SHARED = WorkingCalendar()


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


# --- working days --------------------------------------------------------------------------


@pytest.mark.parametrize("day", [date(2026, 1, 1), date(2026, 1, 2)])
def test_new_year_is_off(calendar: WorkingCalendar, day: date) -> None:
    assert not calendar.is_working_day(day)
    assert calendar.holiday_name(day) == "Yeni il bayramı"  # Azerbaijani names


@pytest.mark.parametrize("day", [date(2026, 3, 20) + timedelta(days=i) for i in range(8)])
def test_novruz_and_ramazan_with_observed_days_are_off(
    calendar: WorkingCalendar, day: date
) -> None:
    assert not calendar.is_working_day(day)


def test_days_around_novruz(calendar: WorkingCalendar) -> None:
    assert calendar.is_working_day(date(2026, 3, 19))  # Thursday before
    assert not calendar.is_working_day(date(2026, 3, 30))  # Monday: Ramazan observed
    assert calendar.is_working_day(date(2026, 3, 31))
    assert "Novruz" in (calendar.holiday_name(date(2026, 3, 20)) or "")
    assert "Ramazan" in (calendar.holiday_name(date(2026, 3, 20)) or "")


def test_observed_day_is_off(calendar: WorkingCalendar) -> None:
    monday = date(2026, 3, 9)  # Women's Day fell on Sunday 8 March
    assert not calendar.is_working_day(monday)
    assert "müşahidə" in (calendar.holiday_name(monday) or "")


def test_plain_weekend_is_off_and_plain_weekdays_work(calendar: WorkingCalendar) -> None:
    assert not calendar.is_working_day(date(2026, 2, 7))  # Saturday
    assert not calendar.is_working_day(date(2026, 2, 8))  # Sunday
    assert all(calendar.is_working_day(date(2026, 2, d)) for d in range(2, 7))  # Mon–Fri
    assert calendar.holiday_name(date(2026, 2, 7)) is None
    assert calendar.holiday_name(date(2026, 2, 4)) is None


def test_day_off_override_on_a_wednesday() -> None:
    wednesday = date(2026, 2, 4)
    overridden = WorkingCalendar([CalendarOverride(wednesday, DayKind.DAY_OFF, "Seçki günü")])
    assert not overridden.is_working_day(wednesday)
    assert overridden.holiday_name(wednesday) == "Seçki günü"
    assert overridden.is_working_day(date(2026, 2, 5))


def test_day_off_override_without_note_keeps_the_holiday_name() -> None:
    overridden = WorkingCalendar([CalendarOverride(date(2026, 1, 1), DayKind.DAY_OFF)])
    assert overridden.holiday_name(date(2026, 1, 1)) == "Yeni il bayramı"
    plain = WorkingCalendar([CalendarOverride(date(2026, 2, 4), DayKind.DAY_OFF)])
    assert plain.holiday_name(date(2026, 2, 4)) is None


def test_working_day_override_on_a_saturday_and_on_a_holiday() -> None:
    saturday, novruz = date(2026, 2, 7), date(2026, 3, 20)
    overridden = WorkingCalendar(
        [
            CalendarOverride(saturday, DayKind.WORKING_DAY, "moved by the Cabinet"),
            CalendarOverride(novruz, DayKind.WORKING_DAY),
        ]
    )
    assert overridden.is_working_day(saturday)
    assert overridden.is_working_day(novruz)
    assert overridden.holiday_name(novruz) is None
    assert not overridden.is_working_day(date(2026, 2, 8))  # the Sunday is untouched


def test_the_last_override_for_a_day_wins() -> None:
    day = date(2026, 2, 4)
    overridden = WorkingCalendar(
        [CalendarOverride(day, DayKind.DAY_OFF), CalendarOverride(day, DayKind.WORKING_DAY)]
    )
    assert overridden.is_working_day(day)


def test_holidays_are_loaded_once_per_year_per_process_on_demand(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loaded_years: list[object] = []
    real = holidays.country_holidays

    def counting(country: str, **kwargs: object) -> holidays.HolidayBase:
        if kwargs.get("years") is not None:
            loaded_years.append(kwargs["years"])
        return real(country, **kwargs)

    monkeypatch.setattr(holidays, "country_holidays", counting)
    working_calendar._public_holidays.cache_clear()
    fresh = WorkingCalendar()
    assert loaded_years == []
    for day in range(1, 29):
        fresh.is_working_day(date(2026, 2, day))
    fresh.holiday_name(date(2027, 1, 1))
    WorkingCalendar().is_working_day(date(2026, 3, 20))  # a new calendar reuses the year
    assert loaded_years == [2026, 2027]


def test_unknown_country_is_rejected() -> None:
    with pytest.raises(NotImplementedError):
        WorkingCalendar(country="XX")


def test_other_countries_use_their_default_language() -> None:
    assert WorkingCalendar(country="US").holiday_name(date(2026, 7, 4)) == "Independence Day"


# --- counting working days -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 2, 6), 1, date(2026, 2, 9)),  # Friday + 1 → Monday
        (date(2026, 2, 5), 3, date(2026, 2, 10)),  # Thu + 3: Fri, Mon, Tue
        (date(2026, 2, 7), 1, date(2026, 2, 9)),  # from a Saturday
        (date(2026, 3, 19), 1, date(2026, 3, 31)),  # across Novruz: 20–30 March are off
        (date(2026, 3, 19), 2, date(2026, 4, 1)),
        (date(2025, 12, 30), 1, date(2026, 1, 5)),  # 31 Dec, 1–2 Jan off, then a weekend
        (date(2026, 2, 4), 0, date(2026, 2, 4)),  # n = 0 on a working day: itself
        (date(2026, 2, 7), 0, date(2026, 2, 9)),  # n = 0 on a Saturday: next working day
        (date(2026, 3, 20), 0, date(2026, 3, 31)),
    ],
)
def test_add_working_days(calendar: WorkingCalendar, start: date, n: int, expected: date) -> None:
    assert calendar.add_working_days(start, n) == expected


def test_add_working_days_rejects_negative_n(calendar: WorkingCalendar) -> None:
    with pytest.raises(ValueError):
        calendar.add_working_days(date(2026, 2, 4), -1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 2, 10), date(2026, 2, 9)),  # Tuesday → Monday
        (date(2026, 2, 9), date(2026, 2, 6)),  # Monday → Friday
        (date(2026, 2, 8), date(2026, 2, 6)),  # Sunday → Friday
        (date(2026, 3, 31), date(2026, 3, 19)),  # back over Novruz
        (date(2026, 1, 5), date(2025, 12, 30)),  # 31 Dec is Solidarity Day, 1–2 Jan New Year
    ],
)
def test_previous_working_day(calendar: WorkingCalendar, day: date, expected: date) -> None:
    assert calendar.previous_working_day(day) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 2, 4), date(2026, 2, 4), 0),
        (date(2026, 2, 6), date(2026, 2, 9), 1),
        (date(2026, 2, 6), date(2026, 2, 8), 0),
        (date(2026, 3, 19), date(2026, 3, 31), 1),
        (date(2026, 2, 2), date(2026, 3, 2), 20),  # February 2026: 20 weekdays, no holiday
        (date(2026, 2, 9), date(2026, 2, 6), -1),
    ],
)
def test_working_days_between(
    calendar: WorkingCalendar, start: date, end: date, expected: int
) -> None:
    assert calendar.working_days_between(start, end) == expected


@given(st.dates(date(2020, 1, 1), date(2030, 12, 31)), st.integers(1, 60))
def test_counting_undoes_adding(start: date, n: int) -> None:
    calendar = _SHARED
    end = calendar.add_working_days(start, n)
    assert calendar.is_working_day(end)
    assert calendar.working_days_between(start, end) == n
    assert calendar.working_days_between(start, calendar.previous_working_day(end)) == n - 1


# --- deadlines -----------------------------------------------------------------------------


def test_seed_000_deadlines(calendar: WorkingCalendar) -> None:
    # Seed 000: total 30, front office 2, back office 28, all in "gün" (working days).
    # Start Wednesday 4 March 2026. Working days after it: Thu 5 (1), Fri 6 (2) → front
    # office due Fri 6 March. Then Mon 9 is off (Women's Day observed): Tue 10 – Fri 13
    # (3–6), Mon 16 – Thu 19 (7–10); 20–30 March are off (Novruz, Ramazan, observed days,
    # the weekends); Tue 31 (11), 1–3 April (12–14), 6–10 (15–19), 13–17 (20–24),
    # 20–24 (25–29), Mon 27 April (30) → total due 27 April. The back office's 28 days
    # start after Fri 6 March: days 3–30 above, also Mon 27 April. The E-sosial notice is
    # due the working day before Monday 27 April: Friday 24 April (the weekend skipped).
    deadlines = compute_deadlines(
        datetime(2026, 3, 4, 9, 30), (30, DAY), (2, DAY), (28, DAY), calendar
    )
    assert deadlines == Deadlines(
        front_office=datetime(2026, 3, 6, 18, 0),
        back_office=datetime(2026, 4, 27, 18, 0),
        total=datetime(2026, 4, 27, 18, 0),
        notice_due=date(2026, 4, 24),
    )


def test_back_office_counts_from_the_front_office_deadline(calendar: WorkingCalendar) -> None:
    start = datetime(2026, 2, 2, 10, 0)  # Monday; February 2026 has no holidays
    with_front = compute_deadlines(start, None, (2, DAY), (3, DAY), calendar)
    assert with_front.front_office == datetime(2026, 2, 4, 18, 0)  # Wednesday
    assert with_front.back_office == datetime(2026, 2, 9, 18, 0)  # Thu, Fri, Mon
    without_front = compute_deadlines(start, None, None, (3, DAY), calendar)
    assert without_front.back_office == datetime(2026, 2, 5, 18, 0)  # Tue, Wed, Thu
    assert without_front.front_office is None
    assert without_front.total is None and without_front.notice_due is None


def test_notice_is_due_the_working_day_before_the_total(calendar: WorkingCalendar) -> None:
    # Total 1 working day from Thursday 19 March: Tuesday 31 March (Novruz in between),
    # so the notice is due Thursday 19 March itself.
    deadlines = compute_deadlines(datetime(2026, 3, 19, 9, 0), (1, DAY), None, None, calendar)
    assert deadlines.total == datetime(2026, 3, 31, 18, 0)
    assert deadlines.notice_due == date(2026, 3, 19)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime(2026, 1, 31, 10), 1, datetime(2026, 3, 2, 18)),  # 28 Feb is a Saturday
        (datetime(2025, 1, 31, 10), 1, datetime(2025, 2, 28, 18)),  # a Friday: kept
        (datetime(2024, 1, 31, 10), 1, datetime(2024, 2, 29, 18)),  # leap year
        (datetime(2025, 11, 30, 10), 3, datetime(2026, 3, 2, 18)),  # across the year end
        (datetime(2026, 2, 20, 10), 1, datetime(2026, 3, 31, 18)),  # 20 March is Novruz
        (datetime(2026, 2, 4, 10), 12, datetime(2027, 2, 4, 18)),
        (datetime(2026, 2, 4, 10), 0, datetime(2026, 2, 4, 18)),
    ],
)
def test_month_deadlines(
    calendar: WorkingCalendar, start: datetime, months: int, expected: datetime
) -> None:
    assert compute_deadline(start, months, MONTH, calendar) == expected


def test_hours_and_minutes_are_wall_clock(calendar: WorkingCalendar) -> None:
    friday_evening = datetime(2026, 2, 6, 17, 0)
    assert compute_deadline(friday_evening, 3, DurationUnit.HOUR, calendar) == datetime(
        2026, 2, 6, 20, 0
    )
    assert compute_deadline(friday_evening, 48, DurationUnit.HOUR, calendar) == datetime(
        2026, 2, 8, 17, 0
    )
    assert compute_deadline(friday_evening, 90, DurationUnit.MINUTE, calendar) == datetime(
        2026, 2, 6, 18, 30
    )


def test_day_deadline_ends_at_18_00_and_keeps_the_time_zone(calendar: WorkingCalendar) -> None:
    baku = timezone(timedelta(hours=4))
    due = compute_deadline(datetime(2026, 2, 6, 9, 0, tzinfo=baku), 1, DAY, calendar)
    assert due == datetime(2026, 2, 9, 18, 0, tzinfo=baku)
    assert due.tzinfo is baku
    assert compute_deadline(datetime(2026, 2, 4, 9, 0), 0, DAY, calendar) == datetime(
        2026, 2, 4, 18, 0
    )


def test_unit_may_be_given_as_its_string_value(calendar: WorkingCalendar) -> None:
    start = datetime(2026, 2, 6, 9, 0)
    assert compute_deadline(start, 1, "day", calendar) == datetime(2026, 2, 9, 18, 0)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        compute_deadline(start, 1, "week", calendar)  # type: ignore[arg-type]


def test_negative_duration_is_rejected(calendar: WorkingCalendar) -> None:
    with pytest.raises(ValueError):
        compute_deadline(datetime(2026, 2, 6, 9, 0), -1, DAY, calendar)
