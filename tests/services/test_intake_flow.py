"""The intake service functions end to end on a real SQLite file."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dost_desk.services.applicants import set_applicant, set_representative
from dost_desk.services.applications import find_applicants, get_application, list_applications
from dost_desk.services.desk import BAKU
from dost_desk.services.intake import (
    change_variant,
    open_drafts,
    record_document,
    save_draft,
    start_application,
)
from dost_desk.services.intake_dto import (
    ApplicantInput,
    IntakeRuleBroken,
    InvalidInput,
    RepresentativeInput,
)
from dost_desk.services.outcome import (
    change_status,
    proposed_refusal_grounds,
    refuse_application,
    submit_application,
)

CERTIFICATE = "01-08-02-00"
PAYMENTS = "01-00-01-00"
ID_CARD = "Şəxsiyyət vəsiqəsi."

ƏLİ = ApplicantInput(
    fin="5zx8k2p",
    id_document_number="AA1234567",
    surname="məmmədov",
    name="əli",
    patronymic="Vaqif oğlu",
    birth_date="14.02.1985",
    phone="050 123 45 67",
)


def start_certificate(desk, **kw):
    return start_application(
        desk,
        CERTIFICATE,
        {"action": kw.pop("action", "issue")},
        kw.pop("application_form", "in_person"),
        kw.pop("response_form", "in_person"),
        kw.pop("ticket_number", "a-017"),
    )


def test_full_seed_000_intake(desk, clock):
    app = start_certificate(desk)
    assert app.status == "draft" and app.ticket_number == "A-017"
    assert [d.name for d in app.documents] == [ID_CARD] and not app.complete
    app = set_applicant(desk, app.id, ƏLİ)
    assert app.applicant.fin == "5ZX8K2P" and app.applicant.surname == "Məmmədov"
    assert app.applicant.phone == "+994501234567"
    app = record_document(desk, app.id, ID_CARD, "original")
    assert app.complete
    clock.advance(minutes=7, seconds=30)
    app = submit_application(desk, app.id)
    assert app.status == "submitted"
    assert app.registration_number == "C123-2026-000001"
    assert app.service_seconds == 450 and app.operator_standard_minutes == 10
    # 2 + 28 = 30 working days after Monday 7 September 2026 (no holiday in between).
    assert app.deadline_front.astimezone(BAKU) == datetime(2026, 9, 9, 18, 0, tzinfo=BAKU)
    assert app.deadline_back.astimezone(BAKU) == datetime(2026, 10, 19, 18, 0, tzinfo=BAKU)
    assert app.deadline_total.astimezone(BAKU) == datetime(2026, 10, 19, 18, 0, tzinfo=BAKU)
    assert app.notice_due == date(2026, 10, 16)  # the Friday before
    assert [(h.from_status, h.to_status) for h in app.history] == [
        (None, "draft"),
        ("draft", "submitted"),
    ]
    assert get_application(desk, "C123-2026-000001").id == app.id


def test_registration_numbers_follow_each_other(desk):
    numbers = []
    for _ in range(3):
        app = start_certificate(desk)
        set_applicant(desk, app.id, ƏLİ)
        record_document(desk, app.id, ID_CARD, "copy")
        numbers.append(submit_application(desk, app.id).registration_number)
    assert numbers == ["C123-2026-000001", "C123-2026-000002", "C123-2026-000003"]


def test_an_incomplete_application_cannot_be_accepted(desk):
    app = start_certificate(desk)
    with pytest.raises(IntakeRuleBroken) as caught:
        submit_application(desk, app.id)
    assert "the applicant is not entered" in str(caught.value)
    assert "documents not submitted: Şəxsiyyət vəsiqəsi." in str(caught.value)
    assert get_application(desk, app.id).status == "draft"


def test_a_second_submit_is_refused_and_changes_nothing(desk):
    app = start_certificate(desk)
    set_applicant(desk, app.id, ƏLİ)
    record_document(desk, app.id, ID_CARD, "original")
    first = submit_application(desk, app.id)
    with pytest.raises(IntakeRuleBroken, match="submitted cannot become submitted"):
        submit_application(desk, app.id)
    assert get_application(desk, app.id).registration_number == first.registration_number


def test_refusal_needs_a_ground_and_proposes_incomplete_documents(desk):
    app = start_certificate(desk)
    assert proposed_refusal_grounds(desk, app.id) == ["incomplete_documents"]
    with pytest.raises(InvalidInput) as caught:
        refuse_application(desk, app.id, [], "")
    assert caught.value.problems["grounds"].code == "refusal.no_ground"
    with pytest.raises(InvalidInput):
        refuse_application(desk, app.id, ["astrology"])
    refused = refuse_application(
        desk, app.id, ["incomplete_documents"], "Şəxsiyyət vəsiqəsi təqdim edilmədi"
    )
    assert refused.status == "refused"
    assert refused.refusal["ground_texts"] == ["Sənədlərin natamamlığı"]


def test_lifecycle_after_acceptance_and_cancellation_reason(desk):
    app = start_certificate(desk)
    set_applicant(desk, app.id, ƏLİ)
    record_document(desk, app.id, ID_CARD, "original")
    submit_application(desk, app.id)
    assert change_status(desk, app.id, "ordered").status == "ordered"
    with pytest.raises(IntakeRuleBroken):
        change_status(desk, app.id, "handed_over")
    assert change_status(desk, app.id, "ready").status == "ready"
    done = change_status(desk, app.id, "handed_over")
    assert [h.to_status for h in done.history][-3:] == ["ordered", "ready", "handed_over"]
    other = start_certificate(desk)
    with pytest.raises(InvalidInput):
        change_status(desk, other.id, "cancelled", "  ")
    assert change_status(desk, other.id, "cancelled", "Vətəndaş imtina etdi").cancel_reason


def test_validation_problems_are_reported_per_field(desk):
    app = start_certificate(desk)
    bad = ApplicantInput(
        fin="12O4567",
        id_document_number="X1",
        surname="",
        name="Ali2",
        birth_date="01.01.2999",
        phone="12345",
    )
    with pytest.raises(InvalidInput) as caught:
        set_applicant(desk, app.id, bad)
    assert set(caught.value.problems) >= {
        "fin",
        "id_document_number",
        "surname",
        "name",
        "birth_date",
        "phone",
    }
    assert get_application(desk, app.id).applicant is None


def test_only_user_types_the_passport_allows(desk):
    app = start_application(desk, PAYMENTS, {"category": "military", "event": "death"}, "in_person")
    firm = ApplicantInput(
        kind="legal_entity",
        user_type="legal_entity",
        voen="1234567890",
        organisation_name="Kənd MMC",
    )
    with pytest.raises(InvalidInput) as caught:
        set_applicant(desk, app.id, firm)
    assert caught.value.problems["user_type"].code == "user_type.not_eligible"


def test_start_rejects_forms_and_variants_the_passport_does_not_list(desk):
    with pytest.raises(InvalidInput) as caught:
        start_application(desk, PAYMENTS, {"category": "military"}, "call_centre")
    assert set(caught.value.problems) == {"variant.event", "application_form"}
    with pytest.raises(InvalidInput) as caught:
        start_certificate(desk, response_form="post")
    assert set(caught.value.problems) == {"response_form"}


def test_representative_rules(desk, clock):
    app = start_certificate(desk, application_form="representative")
    set_applicant(desk, app.id, ƏLİ)
    record_document(desk, app.id, ID_CARD, "notarised_copy")
    with pytest.raises(IntakeRuleBroken, match="representative"):
        submit_application(desk, app.id)
    same_person = RepresentativeInput(
        fin="5ZX8K2P",
        id_document_number="AA7654321",
        surname="Məmmədov",
        name="Əli",
        birth_date="14.02.1985",
        authority_number="N-15",
        authority_date="01.09.2026",
        authority_issuer="Bakı 3 saylı notariat",
    )
    with pytest.raises(InvalidInput) as caught:
        set_representative(desk, app.id, same_person)
    assert caught.value.problems["fin"].code == "fin.same_as_applicant"
    future_document = RepresentativeInput(
        fin="7AB3C4D",
        id_document_number="AA7654321",
        surname="Quliyeva",
        name="Leyla",
        birth_date="1990-05-01",
        authority_number="N-15",
        authority_date="08.09.2026",
        authority_issuer="Bakı 3 saylı notariat",
    )
    with pytest.raises(InvalidInput) as caught:
        set_representative(desk, app.id, future_document)
    assert "authority_date" in caught.value.problems
    good = (
        RepresentativeInput(**{**future_document.__dict__, "authority_date": "01.09.2026"})
        if hasattr(future_document, "__dict__")
        else None
    )
    from dataclasses import replace

    good = replace(future_document, authority_date="01.09.2026")
    app = set_representative(desk, app.id, good)
    assert app.representative.authority_date == date(2026, 9, 1)
    assert submit_application(desk, app.id).status == "submitted"


def test_variant_change_keeps_applicable_documents(desk):
    app = start_application(desk, PAYMENTS, {"category": "military", "event": "death"}, "in_person")
    record_document(desk, app.id, "Şəxsiyyət vəsiqəsi", "electronic_source", "“e-sosial” portalı")
    app = change_variant(desk, app.id, {"category": "military", "event": "disability"})
    assert app.documents[0].submission == "electronic_source"
    assert app.documents[0].electronic_source == "“e-sosial” portalı"
    assert len(app.documents) == 3 and app.missing == tuple(d.name for d in app.documents[1:])


def test_drafts_survive_and_applicants_are_found_again(desk, make_desk):
    app = start_certificate(desk)
    save_draft(desk, app.id, {"surname": "Məmməd", "fin": "5ZX8"})
    set_applicant(desk, app.id, ƏLİ)
    reopened = make_desk()  # a new process on the same file
    assert open_drafts(reopened) == [app.id]
    assert get_application(reopened, app.id).draft == {"surname": "Məmməd", "fin": "5ZX8"}
    assert [a.fin for a in find_applicants(reopened, "memmedov")] == ["5ZX8K2P"]
    assert [a.fin for a in find_applicants(reopened, "5zx8")] == ["5ZX8K2P"]
    assert [s.id for s in list_applications(reopened, query="məmmədov")] == [app.id]
    assert list_applications(reopened, status="submitted") == []
