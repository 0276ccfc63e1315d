"""E-sosial notices: due today / overdue, marked posted, or posted over HTTP."""

from __future__ import annotations

import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dost_desk.services.applicants import set_applicant
from dost_desk.services.applications import load_application
from dost_desk.services.intake import record_document, start_application
from dost_desk.services.intake_dto import (
    ApplicantInput,
    IntakeRuleBroken,
    InvalidInput,
    NotFound,
)
from dost_desk.services.notices import (
    list_notices,
    mark_notice_posted,
    send_due_notices,
    send_notice,
)
from dost_desk.services.orders import on_application_submitted
from dost_desk.services.outcome import change_status, submit_application
from dost_desk.storage.unit_of_work import UnitOfWork

TOKEN_ENV = "DOST_TEST_ESOSIAL_TOKEN"
ƏLİ = ApplicantInput(
    fin="5zx8k2p",
    id_document_number="AA1234567",
    surname="Məmmədov",
    name="Əli",
    patronymic="Vaqif oğlu",
    birth_date="14.02.1985",
)


def accepted(desk):
    app = start_application(desk, "01-08-02-00", {"action": "issue"}, "in_person", "in_person")
    set_applicant(desk, app.id, ƏLİ)
    record_document(desk, app.id, "Şəxsiyyət vəsiqəsi.", "original")
    app = submit_application(desk, app.id)
    with UnitOfWork(desk.engine) as uow:  # what submit_application will call
        on_application_submitted(desk, uow.session, load_application(uow.session, app.id))
        uow.commit()
    return app


def days_until(clock, day: date) -> None:
    """Move the clock to 09:00 Baku time on ``day``."""
    while clock().date() < day:
        clock.advance(days=1)


def test_a_notice_is_due_one_working_day_before_the_deadline(desk, clock):
    app = accepted(desk)
    (notice,) = list_notices(desk)
    assert notice.due == date(2026, 10, 16)  # Friday before Monday 19 October
    assert notice.deadline == app.deadline_total
    assert notice.message == (
        "C123-2026-000001 nömrəli müraciətiniz (Sosial sığorta şəhadətnaməsinin verilməsi, "
        "dəyişdirilməsi və ya dublikatının verilməsi) üzrə xidmətin göstərilmə müddəti "
        "19.10.2026 tarixində başa çatır."
    )
    assert list_notices(desk, "today") == [] and list_notices(desk, "overdue") == []
    days_until(clock, date(2026, 10, 16))
    (today,) = list_notices(desk, "today")
    assert today.due_today and not today.overdue
    clock.advance(days=1)
    (late,) = list_notices(desk, "overdue")
    assert late.overdue and list_notices(desk, "today") == []
    with pytest.raises(InvalidInput):
        list_notices(desk, "tomorrow")


def test_marking_a_notice_posted_records_who_when_and_how(desk, clock):
    app = accepted(desk)
    days_until(clock, date(2026, 10, 16))
    notice = mark_notice_posted(desk, app.registration_number, response="Kabinetə yerləşdirildi")
    assert (notice.status, notice.posted_by, notice.channel) == (
        "posted",
        "Aygün Həsənova",
        "manual",
    )
    assert notice.posted_at == clock() and notice.response == {"text": "Kabinetə yerləşdirildi"}
    assert list_notices(desk, "today") == []
    with pytest.raises(IntakeRuleBroken, match=r"was posted already on 16\.10\.2026"):
        mark_notice_posted(desk, notice.id)
    with pytest.raises(NotFound):
        mark_notice_posted(desk, "no-such-notice")
    with pytest.raises(InvalidInput):
        mark_notice_posted(desk, notice.id, channel="Post Office!")


def test_a_cancelled_application_needs_no_notice(desk, clock):
    app = accepted(desk)
    change_status(desk, app.id, "cancelled", "the applicant withdrew")
    days_until(clock, date(2026, 10, 20))
    assert list_notices(desk, "overdue") == []
    assert len(list_notices(desk)) == 1  # still on record


def test_the_manual_sender_sends_nothing(desk):
    app = accepted(desk)
    with pytest.raises(IntakeRuleBroken, match="posted by hand"):
        send_notice(desk, app.registration_number)
    assert send_due_notices(desk) == []


class Esosial:
    def __init__(self) -> None:
        self.status = 200
        self.body: dict[str, object] = {"status": "posted", "reference": "ES-1"}
        self.asked: list[dict[str, object]] = []
        esosial = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                esosial.asked.append(
                    json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                )
                data = json.dumps(esosial.body).encode()
                self.send_response(esosial.status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,))
        self.thread.start()

    @property
    def config(self) -> dict[str, object]:
        url = f"http://127.0.0.1:{self.server.server_address[1]}"
        return {"provider": "http", "base_url": url, "token_env": TOKEN_ENV}


@pytest.fixture
def esosial(monkeypatch):
    monkeypatch.setenv(TOKEN_ENV, "token")
    server = Esosial()
    yield server
    server.server.shutdown()
    server.server.server_close()
    server.thread.join()


def test_the_http_sender_posts_and_a_failure_keeps_the_notice_pending(make_desk, esosial, clock):
    desk = make_desk(notices=esosial.config)
    app = accepted(desk)
    days_until(clock, date(2026, 10, 16))
    esosial.status = 500
    failed = send_notice(desk, app.registration_number)
    assert not failed.posted and failed.summary == "E-sosial: the server failed (HTTP 500)"
    assert list_notices(desk, "today")[0].status == "pending"
    esosial.status = 200
    (sent,) = send_due_notices(desk)
    assert sent.posted and sent.summary == "E-sosial: posted (reference ES-1)"
    assert (sent.notice.status, sent.notice.channel) == ("posted", "http")
    assert sent.notice.response["body"] == {"status": "posted", "reference": "ES-1"}
    assert esosial.asked[-1]["request_id"] == sent.notice.id
    assert esosial.asked[-1]["recipient"] == {"fin": "5ZX8K2P", "voen": None}
    assert send_due_notices(desk) == []
