"""A paid service records its fee before acceptance; any typed text gives only field problems."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dost_desk.catalog.catalog import Catalog
from dost_desk.models.passport import Fee
from dost_desk.models.vocabulary import FeeKind
from dost_desk.services.applicants import set_applicant
from dost_desk.services.applications import get_application
from dost_desk.services.intake import record_document, record_fee, start_application
from dost_desk.services.intake_dto import ApplicantInput, IntakeRuleBroken, InvalidInput
from dost_desk.services.outcome import submit_application

PERSON = ApplicantInput(
    fin="5ZX8K2P",
    id_document_number="AA1234567",
    surname="Məmmədov",
    name="Əli",
    birth_date="14.02.1985",
)


@pytest.fixture
def paid_desk(desk):
    """The same desk, but seed 000 costs 5 AZN (no seed is paid; the rule must still hold)."""
    passport = desk.catalog.get("01-08-02-00")
    paid = passport.model_copy(update={"fee": Fee(kind=FeeKind.PAID, amount_azn=5.0)})
    others = tuple(p for p in desk.catalog.passports if p.id != paid.id)
    desk.catalog = Catalog(desk.catalog.reference, (paid, *others), desk.catalog.sources)
    return desk


def test_a_paid_service_needs_its_fee_before_acceptance(paid_desk):
    app = start_application(paid_desk, "01-08-02-00", {"action": "issue"}, "in_person")
    set_applicant(paid_desk, app.id, PERSON)
    record_document(paid_desk, app.id, "Şəxsiyyət vəsiqəsi.", "original")
    with pytest.raises(IntakeRuleBroken, match="fee payment is not recorded"):
        submit_application(paid_desk, app.id)
    with pytest.raises(InvalidInput) as caught:
        record_fee(paid_desk, app.id, "beş", "", "")
    assert set(caught.value.problems) == {"fee.amount", "fee.method", "fee.reference"}
    record_fee(paid_desk, app.id, "5,00", "Kart", "POS-000123")
    done = submit_application(paid_desk, app.id)
    assert done.fee == {"amount": "5.00", "method": "Kart", "reference": "POS-000123"}


def test_a_free_service_records_no_fee(desk):
    app = start_application(desk, "01-08-02-00", {"action": "issue"}, "in_person")
    with pytest.raises(IntakeRuleBroken, match="free"):
        record_fee(desk, app.id, "5", "Kart", "1")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    fin=st.text(max_size=12),
    number=st.text(max_size=14),
    surname=st.text(max_size=30),
    birth=st.text(max_size=12),
    phone=st.text(max_size=16),
    email=st.text(max_size=20),
)
def test_any_typed_applicant_gives_a_result_or_field_problems(
    desk, fin, number, surname, birth, phone, email
):
    app = start_application(desk, "01-08-02-00", {"action": "issue"}, "in_person")
    data = ApplicantInput(
        fin=fin,
        id_document_number=number,
        surname=surname,
        name="Əli",
        birth_date=birth,
        phone=phone,
        email=email,
    )
    try:
        view = set_applicant(desk, app.id, data)
    except InvalidInput as error:
        assert error.problems
        assert get_application(desk, app.id).applicant is None
    else:
        assert view.applicant is not None
