"""The demo data generator: real service functions, valid people, a repeatable mix."""

from __future__ import annotations

import re
from datetime import date, time

import pytest

from dost_desk.models.identity import check_fin, check_phone
from dost_desk.models.working_calendar import WorkingCalendar
from dost_desk.services.applications import get_application, list_applications
from dost_desk.services.catalog import store_catalog_in_database
from dost_desk.services.demo import CERTIFICATE, PAYMENTS, create_demo_applications
from dost_desk.services.desk import BAKU
from dost_desk.services.intake_dto import InvalidInput
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import run_upgrade

pytestmark = pytest.mark.slow  # real processes; CI runs it, the fast set does not

ACCEPTED = {"submitted", "ordered", "ready", "handed_over"}
PHONE = re.compile(r"\+994(50|51|55|70|77)\d{7}")


def fresh_url(tmp_path, name: str) -> str:
    url = f"sqlite:///{tmp_path / name}"
    run_upgrade(url)
    engine = create_engine_for(url)
    store_catalog_in_database(engine)
    engine.dispose()
    return url


def fingerprint(desk) -> list[tuple]:
    return [
        (a.registration_number, a.status, a.passport_id, a.applicant_name, a.fin, a.started_at)
        for a in list_applications(desk, limit=None)
    ]


@pytest.fixture(scope="module")
def demo_views(tmp_path_factory):
    """200 demo applications at C123, made once on the fixed Monday 7 September 2026."""
    from datetime import UTC, datetime

    from dost_desk.config import load_settings
    from dost_desk.services.catalog import open_catalog
    from dost_desk.services.desk import Desk

    tmp = tmp_path_factory.mktemp("demo")
    config = load_settings(config_file=tmp / "none.toml", centre_code="C123", centre_category="C")
    now = datetime(2026, 9, 7, 5, 0, tzinfo=UTC)
    desk = Desk(
        create_engine_for(fresh_url(tmp, "demo.sqlite3")), config, open_catalog(), lambda: now
    )
    try:
        summary = create_demo_applications(desk, 200, seed=1)
        views = [get_application(desk, key) for key in summary.application_ids]
    finally:
        desk.close()
    return summary, views


def test_demo_creates_exactly_n_with_the_planned_mix(demo_views):
    summary, views = demo_views
    assert summary.created == len(views) == 200
    statuses = [v.status for v in views]
    assert statuses.count("draft") == 10 and statuses.count("refused") == 20
    assert sum(s in ACCEPTED for s in statuses) == summary.accepted == 170
    assert {"ordered", "ready", "handed_over"} <= set(statuses)  # some moved on
    assert summary.line().startswith("created 200 applications: 170 submitted (")
    assert "20 refused, 10 drafts" in summary.line()


def test_both_services_and_their_variants_are_used(demo_views):
    _, views = demo_views
    certificates = [v for v in views if v.passport_id == CERTIFICATE]
    payments = [v for v in views if v.passport_id == PAYMENTS]
    assert len(certificates) > 100 and len(payments) > 40
    assert {v.variant["action"] for v in certificates} == {"issue", "replace", "duplicate"}
    assert len({(v.variant["category"], v.variant["event"]) for v in payments}) >= 10
    forms = {d.submission for v in certificates for d in v.documents}
    assert {"original", "copy", "electronic_source"} <= forms
    electronic = [d for v in payments for d in v.documents if d.submission == "electronic_source"]
    paper = [d for v in payments for d in v.documents if d.submission in ("original", "copy")]
    assert len(electronic) > len(paper) > 0
    assert all(d.electronic_source for d in electronic)


def test_the_people_are_valid_and_unique(demo_views):
    _, views = demo_views
    people = [v.applicant for v in views if v.applicant and v.applicant.kind == "person"]
    assert len(people) > 150
    fins = [p.fin for p in people] + [v.representative.fin for v in views if v.representative]
    assert all(check_fin(fin).value == fin for fin in fins)
    assert len(set(fins)) == len(fins)
    for person in people:
        pattern = r"AA\d{7}" if person.id_document_kind == "id_card" else r"MYI\d{7}"
        assert re.fullmatch(pattern, person.id_document_number)
        assert date(1940, 1, 1) <= person.birth_date <= date(2006, 12, 31)
        assert person.phone is None or PHONE.fullmatch(person.phone)
        father, relation = person.patronymic.rsplit(" ", 1)
        male = relation.lower() == "oğlu"
        assert relation.lower() in ("oğlu", "qızı") and father
        if person.surname.endswith(("ov", "ev", "ova", "eva")):
            assert person.surname.endswith(("ov", "ev")) == male
    assert all(check_phone(p.phone).ok for p in people if p.phone)
    assert any(v.representative for v in views)


def test_visits_fall_on_working_hours_of_the_last_two_months(demo_views):
    _, views = demo_views
    calendar = WorkingCalendar()
    starts = [v.started_at.astimezone(BAKU) for v in views]
    assert all(calendar.is_working_day(s.date()) for s in starts)
    assert all(time(9, 0) <= s.time() <= time(18, 0) for s in starts)
    assert min(s.date() for s in starts) >= date(2026, 7, 9)
    assert max(s.date() for s in starts) <= date(2026, 9, 4)  # the Friday before "today"
    decided = [v for v in views if v.status != "draft"]
    assert all(240 <= v.service_seconds <= 840 for v in decided)
    assert len({v.service_seconds // 60 for v in decided}) >= 8
    tickets = [v.ticket_number for v in views]
    assert all(re.fullmatch(r"[AB]-\d{3}", t) for t in tickets)


def test_outcomes_are_complete_and_consistent(demo_views):
    _, views = demo_views
    for view in views:
        history = [h.at for h in view.history]
        assert history == sorted(history)
        assert view.history[0].to_status == "draft"
        assert view.centre_code == "C123"
        if view.status in ACCEPTED:
            assert view.complete and view.registration_number.startswith("C123-2026-")
            if view.passport_id == CERTIFICATE:
                assert view.deadline_total is not None and view.notice_due is not None
        elif view.status == "refused":
            assert view.registration_number is None and view.refusal["grounds"]
            if view.refusal["grounds"] == ["incomplete_documents"]:
                assert view.missing
        else:
            assert view.registration_number is None
    numbers = sorted(v.registration_number for v in views if v.registration_number)
    assert numbers == [f"C123-2026-{n:06d}" for n in range(1, 171)]


def test_the_same_seed_gives_the_same_data(make_desk, tmp_path):
    first = make_desk()
    second = make_desk(fresh_url(tmp_path, "again.sqlite3"))
    third = make_desk(fresh_url(tmp_path, "other.sqlite3"))
    create_demo_applications(first, 30, seed=5)
    create_demo_applications(second, 30, seed=5)
    create_demo_applications(third, 30, seed=6)
    assert fingerprint(first) == fingerprint(second)
    assert len(fingerprint(first)) == 30
    assert fingerprint(first) != fingerprint(third)


def test_zero_makes_nothing_and_a_negative_count_is_refused(desk):
    summary = create_demo_applications(desk, 0, seed=1)
    assert summary.created == 0 and summary.statuses == {}
    assert list_applications(desk) == []
    with pytest.raises(InvalidInput) as caught:
        create_demo_applications(desk, -1)
    assert caught.value.problems["count"].code == "demo.count"


def test_the_demo_uses_the_configured_centre(make_desk):
    desk = make_desk(centre_code="E7", centre_category="E")
    summary = create_demo_applications(desk, 5, seed=2)
    numbers = [get_application(desk, i).registration_number for i in summary.application_ids]
    assert all(n is None or n.startswith("E7-2026-") for n in numbers)
    assert {a.id for a in list_applications(desk)} == set(summary.application_ids)


def test_wildcards_find_no_applicant_but_a_name_does(desk):
    from dost_desk.services.applications import find_applicants, list_applications

    create_demo_applications(desk, 8, seed=4)
    assert find_applicants(desk, "%") == [] and find_applicants(desk, "_") == []
    assert list_applications(desk, query="%") == [] and list_applications(desk, query="_") == []
    someone = next(s for s in list_applications(desk) if s.fin)
    assert [a.fin for a in find_applicants(desk, someone.fin)] == [someone.fin]
