"""The centre's calendar overrides and how they move the deadlines of new applications."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dost_desk.services.applicants import set_applicant
from dost_desk.services.applications import get_application
from dost_desk.services.calendar import (
    CalendarOverrideView,
    add_calendar_override,
    check_calendar_day,
    list_calendar_overrides,
    remove_calendar_override,
    working_day_info,
)
from dost_desk.services.desk import BAKU
from dost_desk.services.intake import record_document, start_application
from dost_desk.services.intake_dto import ApplicantInput, InvalidInput, NotFound
from dost_desk.services.outcome import submit_application

ID_CARD = "Şəxsiyyət vəsiqəsi."
APPLICANT = ApplicantInput(
    fin="5ZX8K2P",
    id_document_number="AA1234567",
    surname="Məmmədov",
    name="Əli",
    patronymic="Vaqif oğlu",
    birth_date="14.02.1985",
)


def accept_certificate(desk):
    app = start_application(desk, "01-08-02-00", {"action": "issue"}, "in_person")
    set_applicant(desk, app.id, APPLICANT)
    record_document(desk, app.id, ID_CARD, "original")
    return submit_application(desk, app.id)


def test_add_list_replace_and_remove(desk):
    assert list_calendar_overrides(desk) == []
    add_calendar_override(desk, "29.12.2026", "day_off", "  Nazirlər Kabinetinin qərarı ")
    add_calendar_override(desk, date(2026, 11, 28), "working_day")
    assert list_calendar_overrides(desk) == [
        CalendarOverrideView(date(2026, 11, 28), "working_day", ""),
        CalendarOverrideView(date(2026, 12, 29), "day_off", "Nazirlər Kabinetinin qərarı"),
    ]
    replaced = add_calendar_override(desk, "2026-11-28", "day_off", "swap")
    assert replaced == CalendarOverrideView(date(2026, 11, 28), "day_off", "swap")
    assert len(list_calendar_overrides(desk)) == 2
    removed = remove_calendar_override(desk, "28.11.2026")
    assert removed.kind == "day_off"
    assert [o.day for o in list_calendar_overrides(desk)] == [date(2026, 12, 29)]
    with pytest.raises(NotFound, match="no calendar override on 2026-11-28"):
        remove_calendar_override(desk, "2026-11-28")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("31.02.2026", "date.invalid"),
        ("tomorrow", "date.format"),
        ("", "date.required"),
        ("01.01.1899", "calendar.year"),
    ],
)
def test_invalid_dates_are_refused(desk, text, code):
    with pytest.raises(InvalidInput) as caught:
        add_calendar_override(desk, text, "day_off")
    assert caught.value.problems["day"].code == code
    assert list_calendar_overrides(desk) == []


def test_invalid_kind_and_note_are_refused(desk):
    with pytest.raises(InvalidInput) as caught:
        add_calendar_override(desk, "2026-12-29", "holiday")
    assert caught.value.problems["kind"].code == "calendar.kind"
    with pytest.raises(InvalidInput) as caught:
        add_calendar_override(desk, "2026-12-29", "day_off", "x" * 201)
    assert "note" in caught.value.problems


def test_working_day_info_with_and_without_overrides(desk):
    assert working_day_info(desk, "2026-12-29") == (True, None)
    is_working, holiday = working_day_info(desk, "31.12.2026")
    assert not is_working and "həmrəyliyi" in holiday
    assert working_day_info(desk, "2026-11-28") == (False, None)  # a Saturday
    add_calendar_override(desk, "2026-11-28", "working_day")
    add_calendar_override(desk, "2026-12-29", "day_off", "Köçürülmüş istirahət günü")
    assert working_day_info(desk, "2026-11-28") == (True, None)
    assert working_day_info(desk, "2026-12-29") == (False, "Köçürülmüş istirahət günü")


def test_check_says_why(desk):
    assert check_calendar_day(desk, "2026-11-28").reason == "Saturday: weekend"
    assert check_calendar_day(desk, "2026-11-24").reason == "Tuesday: an ordinary working day"
    assert check_calendar_day(desk, "2026-12-31").reason.startswith("public holiday: ")
    add_calendar_override(desk, "2026-11-28", "working_day", "iş günü")
    day = check_calendar_day(desk, "28.11.2026")
    assert day.is_working and day.weekend and day.override is not None
    assert day.reason == "the centre's calendar makes this Saturday a working day (iş günü)"


def test_a_day_off_in_the_window_moves_the_deadline_by_one_working_day(desk):
    before = accept_certificate(desk)
    # Monday 7 September 2026: 30 working days end on Monday 19 October.
    assert before.deadline_total.astimezone(BAKU) == datetime(2026, 10, 19, 18, 0, tzinfo=BAKU)
    add_calendar_override(desk, "15.09.2026", "day_off", "Köçürülmüş istirahət günü")
    after = accept_certificate(desk)
    assert after.deadline_total.astimezone(BAKU) == datetime(2026, 10, 20, 18, 0, tzinfo=BAKU)
    assert after.notice_due == date(2026, 10, 19)
    # A worked Saturday in the window takes it back; earlier deadlines are not recomputed.
    add_calendar_override(desk, "2026-09-19", "working_day")
    again = accept_certificate(desk)
    assert again.deadline_total == before.deadline_total
    assert get_application(desk, after.id).deadline_total == after.deadline_total
