"""The check services on a real SQLite file, with a real HTTP server for the http provider."""

from __future__ import annotations

import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dost_desk.services.applicants import set_applicant
from dost_desk.services.applications import load_application
from dost_desk.services.checks import (
    check_blockers,
    checks_for_application,
    checks_summary,
    defer_check,
    import_reference_table,
    list_supervisor_items,
    record_manual_check,
    rerun_deferred_checks,
    run_checks,
)
from dost_desk.services.intake import record_document, start_application
from dost_desk.services.intake_dto import ApplicantInput, IntakeRuleBroken, InvalidInput
from dost_desk.services.orders import on_application_submitted
from dost_desk.services.outcome import submit_application
from dost_desk.storage.unit_of_work import UnitOfWork

CERTIFICATE = "01-08-02-00"
ID_CARD = "Şəxsiyyət vəsiqəsi."
TOKEN_ENV = "DOST_TEST_MEIS_TOKEN"
ƏLİ = ApplicantInput(
    fin="5zx8k2p",
    id_document_number="AA1234567",
    surname="Məmmədov",
    name="Əli",
    patronymic="Vaqif oğlu",
    birth_date="14.02.1985",
)


class Meis:
    """A real server on 127.0.0.1: ``status`` and ``body`` are what it answers now."""

    def __init__(self) -> None:
        self.status = 200
        self.body: object = {"result": "confirmed", "reference": "AZ-123456"}
        self.asked: list[str] = []

        meis = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["Content-Length"]))
                meis.asked.append(self.path)
                data = json.dumps(meis.body).encode()
                self.send_response(meis.status)
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
        return {"provider": "http", "base_url": url, "token_env": TOKEN_ENV, "timeout_seconds": 2}

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def meis(monkeypatch):
    monkeypatch.setenv(TOKEN_ENV, "token")
    server = Meis()
    yield server
    server.close()


@pytest.fixture
def online_desk(make_desk, meis):
    """Monitoring answered over HTTP; employment still checked by hand."""
    return make_desk(checks={"monitoring": meis.config})


def started(desk, action="issue"):
    app = start_application(desk, CERTIFICATE, {"action": action}, "in_person", "in_person")
    set_applicant(desk, app.id, ƏLİ)
    record_document(desk, app.id, ID_CARD, "original")
    return app


def accept(desk, app_id):
    """Submit, then what submit_application will call (the lead wires it)."""
    app = submit_application(desk, app_id)
    with UnitOfWork(desk.engine) as uow:
        on_application_submitted(desk, uow.session, load_application(uow.session, app_id))
        uow.commit()
    return app


def by_step(views):
    return {view.step: view for view in views}


def test_the_passport_checks_start_pending(desk):
    employment, certificate = checks_for_application(desk, started(desk).id)
    assert (employment.step, employment.status, employment.providers) == (
        4,
        "pending",
        ("manual", "manual"),
    )
    assert employment.system_names == ("“Əmək müqaviləsi bildirişi” AS", "“Məşğulluq” AS")
    assert certificate.systems == ("monitoring",) and not certificate.informational
    assert not certificate.automatic


def test_manual_systems_stay_pending_when_checks_run(desk):
    app = started(desk)
    assert [v.status for v in run_checks(desk, app.id)] == ["pending", "pending"]
    assert checks_summary(desk, app.id).pending == 2


def test_checks_need_the_applicant(desk):
    app = start_application(desk, CERTIFICATE, {"action": "issue"}, "in_person")
    with pytest.raises(IntakeRuleBroken, match="enter the applicant"):
        run_checks(desk, app.id)


def test_an_http_check_runs_and_its_answer_is_kept(online_desk, meis):
    app = started(online_desk, action="replace")
    views = by_step(run_checks(online_desk, app.id))
    assert views[4].status == "pending"  # employment: manual
    monitoring = views[5]
    assert (monitoring.status, monitoring.provider, monitoring.reference) == (
        "confirmed",
        "http",
        "AZ-123456",
    )
    assert monitoring.raw["status"] == 200 and monitoring.conflicts == ()
    assert meis.asked == ["/checks/monitoring"]
    assert by_step(checks_for_application(online_desk, app.id))[5].status == "confirmed"


def test_an_existing_certificate_blocks_issuing_a_new_one(online_desk):
    app = started(online_desk, action="issue")
    (conflict,) = by_step(run_checks(online_desk, app.id))[5].conflicts
    assert conflict.startswith("confirmed: action must be replace or duplicate, not issue")
    with UnitOfWork(online_desk.engine, write=False) as uow:
        problems = check_blockers(online_desk, load_application(uow.session, app.id))
    assert [p.code for p in problems] == ["accept.check_conflict"]
    assert checks_summary(online_desk, app.id).conflicts == (f"step 5: {conflict}",)


def test_an_unavailable_system_defers_the_check_and_keeps_the_response(online_desk, meis):
    meis.status, meis.body = 500, {"error": "down"}
    app = started(online_desk)
    monitoring = by_step(run_checks(online_desk, app.id))[5]
    assert monitoring.status == "deferred"
    assert monitoring.summary == "monitoring: the server failed (HTTP 500)"
    assert monitoring.raw["body"] == '{"error": "down"}'
    assert checks_summary(online_desk, app.id).deferred == 1


def test_a_system_down_later_does_not_erase_its_answer(online_desk, meis):
    app = started(online_desk, action="duplicate")
    run_checks(online_desk, app.id)
    meis.status = 503
    assert by_step(run_checks(online_desk, app.id))[5].status == "confirmed"


def test_the_agents_entry_is_kept_when_the_checks_run_again(online_desk, meis):
    app = started(online_desk, action="duplicate")
    view = record_manual_check(online_desk, app.id, 5, "not_confirmed", "MON-1", "ekranda yoxdur")
    assert (view.status, view.provider, view.actor) == ("not_confirmed", "manual", "Aygün Həsənova")
    run_checks(online_desk, app.id)
    assert meis.asked == []
    assert by_step(checks_for_application(online_desk, app.id))[5].reference == "MON-1"


def test_the_agent_records_the_other_system_of_a_check(desk):
    app = started(desk)
    view = record_manual_check(desk, app.id, 4, "confirmed", system="mesgulluq")
    assert (view.system, view.status, view.informational) == ("mesgulluq", "confirmed", True)


def test_a_manual_entry_is_checked(desk):
    app = started(desk)
    with pytest.raises(InvalidInput) as caught:
        record_manual_check(desk, app.id, 6, "maybe", "x" * 200, system="astrology")
    assert set(caught.value.problems) == {"result", "reference", "step"}
    assert caught.value.problems["step"].message == (
        "step 6 is not a check of 01-08-02-00 (checks: 4, 5)"
    )
    with pytest.raises(InvalidInput) as caught:
        record_manual_check(desk, app.id, 5, "confirmed", system="mesgulluq")
    assert caught.value.problems["system"].message == "check 5 asks monitoring, not mesgulluq"


def test_the_agent_may_defer_a_check(desk):
    app = started(desk)
    view = defer_check(desk, app.id, 5, "MEİS açılmır")
    assert (view.status, view.note, view.actor) == ("deferred", "MEİS açılmır", "Aygün Həsənova")


def test_acceptance_defers_every_unanswered_check(desk):
    app = started(desk)
    record_manual_check(desk, app.id, 4, "confirmed", "EM-7")
    accept(desk, app.id)
    views = by_step(checks_for_application(desk, app.id))
    assert views[4].status == "confirmed"
    assert views[5].status == "deferred"
    assert views[5].summary == "monitoring: not checked before acceptance"


def test_a_late_answer_contradicting_an_accepted_application_goes_to_the_supervisor(
    online_desk, meis
):
    meis.status = 500  # Monitoring is down while the applicant is at the desk
    app = started(online_desk, action="issue")
    assert by_step(run_checks(online_desk, app.id))[5].status == "deferred"
    accepted = accept(online_desk, app.id)
    meis.status = 200  # back after the sync: a certificate exists after all
    summary = rerun_deferred_checks(online_desk)
    assert (summary.tried, summary.answered, summary.still_deferred) == (1, 1, 0)
    assert summary.awaiting_manual_entry == 1  # step 4 is manual
    (detail,) = summary.supervisor_items
    assert detail.startswith(
        f"{accepted.registration_number}: check 5 (monitoring, http) says confirmed: "
        "action must be replace or duplicate, not issue"
    )
    assert detail.endswith("the application was accepted with action=issue")
    (item,) = list_supervisor_items(online_desk)
    assert (item.reason, item.registration_number) == ("check_contradiction", "C123-2026-000001")
    assert by_step(checks_for_application(online_desk, app.id))[5].status == "confirmed"
    again = rerun_deferred_checks(online_desk)
    assert (again.tried, again.supervisor_items) == (0, ())
    assert len(list_supervisor_items(online_desk)) == 1


def test_a_late_answer_that_agrees_needs_nobody(online_desk, meis):
    meis.status = 500
    app = started(online_desk, action="duplicate")
    accept(online_desk, app.id)
    summary = rerun_deferred_checks(online_desk)
    assert (summary.tried, summary.answered, summary.still_deferred) == (1, 0, 1)
    meis.status = 200
    summary = rerun_deferred_checks(online_desk)
    assert (summary.answered, summary.supervisor_items) == (1, ())
    assert list_supervisor_items(online_desk) == []


# --- offline reference tables -------------------------------------------------------------


def write_extract(tmp_path, text, encoding="utf-8", name="monitoring.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_an_imported_extract_answers_as_of_its_date(make_desk, tmp_path):
    desk = make_desk(checks={"monitoring": {"provider": "reference"}})
    app = started(desk, action="duplicate")
    assert by_step(run_checks(desk, app.id))[5].status == "deferred"  # no table yet
    accept(desk, app.id)
    extract = write_extract(tmp_path, "FİN;Şəhadətnamə\r\n5ZX8K2P;AZ-1\r\n", "utf-8-sig")
    summary = import_reference_table(desk, "monitoring", extract, "01.09.2026")
    assert (summary.rows, summary.replaced, summary.encoding, summary.as_of) == (
        1,
        0,
        "utf-8-sig",
        date(2026, 9, 1),
    )
    assert summary.configured_provider == "reference"
    assert rerun_deferred_checks(desk).answered == 1
    monitoring = by_step(checks_for_application(desk, app.id))[5]
    assert (monitoring.status, monitoring.provider, monitoring.as_of) == (
        "confirmed",
        "reference",
        date(2026, 9, 1),
    )
    assert "as of 01.09.2026" in monitoring.summary
    newer = write_extract(tmp_path, "fin\n1AB2CD3\n7XY8Z9A\n")
    assert import_reference_table(desk, "monitoring", newer, "2026-09-05").replaced == 1


def test_checks_of_several_systems_run_side_by_side(make_desk, tmp_path, meis):
    desk = make_desk(
        checks={
            "emek_muqavilesi_bildirisi": {"provider": "reference"},
            "mesgulluq": meis.config,
            "monitoring": {"provider": "reference"},
        }
    )
    import_reference_table(
        desk, "monitoring", write_extract(tmp_path, "fin\n1AB2CD3\n"), "01.09.2026"
    )
    meis.body = {"result": "confirmed", "summary": "İşləyir"}
    app = started(desk)
    employment, certificate = run_checks(desk, app.id)
    # Employment: no table for the first system, so the second (over HTTP) answers.
    assert (employment.status, employment.system, employment.provider) == (
        "confirmed",
        "mesgulluq",
        "http",
    )
    assert employment.summary == "mesgulluq: İşləyir"
    assert (certificate.status, certificate.provider) == ("not_confirmed", "reference")
    assert meis.asked == ["/checks/mesgulluq"]


def test_a_bad_extract_stores_nothing_and_names_the_line(desk, tmp_path):
    good = write_extract(tmp_path, "fin\n5ZX8K2P\n", name="good.csv")
    import_reference_table(desk, "monitoring", good, "01.09.2026")
    bad = write_extract(tmp_path, "fin,certificate\n1AB2CD3,AZ-2\nIOIOIOI,AZ-3\n")
    with pytest.raises(InvalidInput) as caught:
        import_reference_table(desk, "monitoring", bad, "02.09.2026")
    assert str(caught.value).startswith(
        "file: monitoring.csv: line 3: 'IOIOIOI' is not a valid FİN"
    )
    # The earlier extract is still there, whole: the bad file changed nothing.
    assert import_reference_table(desk, "monitoring", good, "03.09.2026").replaced == 1


def test_import_checks_the_system_and_the_date(desk, tmp_path):
    extract = write_extract(tmp_path, "fin\n5ZX8K2P\n")
    with pytest.raises(InvalidInput) as caught:
        import_reference_table(desk, "astrology", extract, "31.12.2026")
    assert set(caught.value.problems) == {"system", "as_of"}
    assert "known: " in caught.value.problems["system"].message
    assert caught.value.problems["as_of"].message == "the extract date is in the future"


def test_a_service_without_checks_has_none(desk):
    app = start_application(
        desk, "01-00-01-00", {"category": "military", "event": "death"}, "in_person"
    )
    assert checks_for_application(desk, app.id) == []
    assert checks_summary(desk, app.id).complete
