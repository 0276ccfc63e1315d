"""Back-office orders: made on acceptance, listed, exported, completed, statuses imported."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest

from dost_desk.services.applicants import set_applicant
from dost_desk.services.applications import get_application, load_application
from dost_desk.services.checks import list_supervisor_items
from dost_desk.services.desk import BAKU
from dost_desk.services.intake import record_document, start_application
from dost_desk.services.intake_dto import (
    ApplicantInput,
    IntakeRuleBroken,
    InvalidInput,
    NotFound,
)
from dost_desk.services.notices import list_notices
from dost_desk.services.orders import (
    EXPORT_COLUMNS,
    cancel_order,
    complete_order,
    export_orders,
    import_order_statuses,
    list_orders,
    on_application_submitted,
)
from dost_desk.services.outcome import change_status, submit_application
from dost_desk.storage.unit_of_work import UnitOfWork

CERTIFICATE = "01-08-02-00"
PAYMENTS = "01-00-01-00"
PEOPLE = [
    ApplicantInput(
        fin="5zx8k2p",
        id_document_number="AA1234567",
        surname="Məmmədov",
        name="Əli",
        patronymic="Vaqif oğlu",
        birth_date="14.02.1985",
    ),
    ApplicantInput(
        fin="1ab2cd3",
        id_document_number="AA7654321",
        surname="Əliyeva",
        name="Günay",
        patronymic="Rəşid qızı",
        birth_date="02.11.1990",
    ),
]


def hook(desk, app_id, **kw):
    """What submit_application will call (the lead wires it)."""
    with UnitOfWork(desk.engine) as uow:
        on_application_submitted(desk, uow.session, load_application(uow.session, app_id), **kw)
        uow.commit()


def accepted(desk, person=0, action="issue", **kw):
    app = start_application(desk, CERTIFICATE, {"action": action}, "in_person", "in_person")
    set_applicant(desk, app.id, PEOPLE[person])
    record_document(desk, app.id, "Şəxsiyyət vəsiqəsi.", "original")
    app = submit_application(desk, app.id)
    hook(desk, app.id, **kw)
    return app


def test_accepting_orders_the_certificate_from_dsmf(desk):
    app = accepted(desk)
    (order,) = list_orders(desk)
    assert (order.back_office, order.back_office_name, order.status) == ("01", "DSMF", "open")
    assert order.registration_number == app.registration_number == "C123-2026-000001"
    assert order.due_at == app.deadline_back
    assert order.due_at.astimezone(BAKU) == datetime(2026, 10, 19, 18, 0, tzinfo=BAKU)
    assert order.applicant_name == "Məmmədov Əli Vaqif oğlu" and order.fin == "5ZX8K2P"
    assert not order.overdue
    (notice,) = list_notices(desk)
    assert notice.due == app.notice_due and notice.status == "pending"
    assert get_application(desk, app.id).status == "submitted"


def test_the_hook_is_idempotent_and_may_mark_the_application_ordered(desk):
    app = accepted(desk, mark_ordered=True)
    hook(desk, app.id, mark_ordered=True)
    assert len(list_orders(desk)) == 1 and len(list_notices(desk)) == 1
    view = get_application(desk, app.id)
    assert view.status == "ordered"
    assert [h.to_status for h in view.history] == ["draft", "submitted", "ordered"]
    assert view.history[-1].note == "back office 01"


def test_a_passport_without_a_back_office_orders_nothing(desk):
    app = start_application(desk, PAYMENTS, {"category": "military", "event": "death"}, "in_person")
    set_applicant(desk, app.id, PEOPLE[0])
    for document in app.documents:
        record_document(desk, app.id, document.name, "electronic_source", "“e-sosial” portalı")
    submit_application(desk, app.id)
    hook(desk, app.id)
    assert list_orders(desk) == [] and list_notices(desk) == []


def test_orders_are_listed_per_back_office_and_status(desk, clock):
    first = accepted(desk, 0)
    clock.advance(days=1)
    accepted(desk, 1)
    complete_order(desk, first.registration_number, "SS-1")
    assert [o.status for o in list_orders(desk, office="01")] == ["done", "open"]
    assert [o.registration_number for o in list_orders(desk, status="open")] == ["C123-2026-000002"]
    assert list_orders(desk, office="02") == []
    with pytest.raises(InvalidInput, match="unknown back office '99'"):
        list_orders(desk, office="99")
    with pytest.raises(InvalidInput):
        list_orders(desk, status="lost")


def test_an_open_order_past_its_due_date_is_overdue(desk, clock):
    accepted(desk)
    clock.advance(days=60)
    (order,) = list_orders(desk)
    assert order.overdue


def test_export_csv_and_json(desk, clock):
    accepted(desk, 0)
    clock.advance(hours=1)
    accepted(desk, 1, action="duplicate")
    text = export_orders(desk, "01", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert [r["registration_number"] for r in rows] == ["C123-2026-000001", "C123-2026-000002"]
    assert rows[1]["variant"] == "action=duplicate" and rows[1]["applicant"] == (
        "Əliyeva Günay Rəşid qızı"
    )
    assert rows[0]["due_date"] == "2026-10-19" and rows[0]["fin"] == "5ZX8K2P"
    assert rows[0]["created_at"] == "2026-09-07T09:00:00+0400"
    document = json.loads(export_orders(desk, "01", "json"))
    assert (document["centre_code"], document["back_office"]) == ("C123", "01")
    assert [o["registration_number"] for o in document["orders"]] == [
        "C123-2026-000001",
        "C123-2026-000002",
    ]
    assert document["orders"][0]["service"].startswith("Sosial sığorta şəhadətnaməsinin")
    assert export_orders(desk, "02", "csv") == ",".join(EXPORT_COLUMNS) + "\n"
    with pytest.raises(InvalidInput, match="format"):
        export_orders(desk, "01", "xml")


def test_completing_an_order_makes_the_application_ready(desk):
    app = accepted(desk)
    order = complete_order(desk, app.registration_number, "SS-000123")
    assert (order.status, order.reference, order.application_status) == (
        "done",
        "SS-000123",
        "ready",
    )
    view = get_application(desk, app.id)
    assert view.status == "ready"
    assert view.history[-1].note == "back office 01 order done: SS-000123"
    with pytest.raises(IntakeRuleBroken, match="is done"):
        complete_order(desk, order.id, "again")
    with pytest.raises(NotFound):
        complete_order(desk, "C123-2026-999999", "x")


def test_an_order_of_a_cancelled_application_cannot_be_completed(desk):
    app = accepted(desk)
    change_status(desk, app.id, "cancelled", "the applicant withdrew")
    with pytest.raises(IntakeRuleBroken, match="cancelled cannot become ready"):
        complete_order(desk, app.registration_number, "SS-1")
    assert list_orders(desk)[0].status == "open"  # nothing half done


def test_a_cancelled_order_goes_to_the_supervisor(desk):
    app = accepted(desk)
    order = cancel_order(desk, app.registration_number, "DSMF: məlumat uyğunsuzluğu")
    assert order.status == "cancelled"
    (item,) = list_supervisor_items(desk)
    assert item.reason == "order_cancelled" and "məlumat uyğunsuzluğu" in item.detail


def write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "statuses.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_statuses_come_back_by_import(desk, tmp_path, clock):
    first = accepted(desk, 0)
    clock.advance(hours=1)
    second = accepted(desk, 1)
    path = write(
        tmp_path,
        "Registration number;Status;Reference\n"
        f"{first.registration_number};done;SS-1\n"
        f"{second.registration_number};cancelled;Sənəd natamamdır\n",
        "utf-8-sig",
    )
    summary = import_order_statuses(desk, path)
    assert (summary.done, summary.cancelled, summary.unchanged) == (1, 1, 0)
    assert get_application(desk, first.id).status == "ready"
    again = import_order_statuses(desk, path)
    assert (again.done, again.cancelled, again.unchanged) == (0, 0, 2)


def test_a_status_file_with_a_bad_line_applies_nothing(desk, tmp_path):
    app = accepted(desk)
    path = write(
        tmp_path,
        "registration_number,status,reference\n"
        f"{app.registration_number},done,SS-1\n"
        "C123-2026-000404,done,SS-2\n"
        f"{app.registration_number},lost,\n",
    )
    with pytest.raises(InvalidInput) as caught:
        import_order_statuses(desk, path)
    message = str(caught.value)
    assert "line 3: no back-office order for 'C123-2026-000404'" in message
    assert "line 4: status 'lost' is not done or cancelled" in message
    assert list_orders(desk)[0].status == "open"


def test_a_status_file_needs_its_columns(desk, tmp_path):
    path = write(tmp_path, "nomre,veziyyet\nC123-2026-000001,done\n")
    with pytest.raises(InvalidInput) as caught:
        import_order_statuses(desk, path)
    assert str(caught.value) == (
        "file: statuses.csv: line 1: expected the columns registration_number (or order_id), "
        "status (done or cancelled), reference; found nomre, veziyyet"
    )
