"""The intake's as-you-type check and the services' validation agree: one rules table
(dost_desk.models.field_rules), shown at the field with the service's own problem."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dost_desk.models.field_rules import FieldContext
from dost_desk.services.applicants import validate_applicant
from dost_desk.services.intake_dto import ApplicantInput, InvalidInput
from dost_desk.ui.intake.pages import ApplicantPage
from dost_desk.ui.problem_messages import problem_text

TODAY = date(2026, 9, 7)
KINDS = ("id_card", "residence_permit", "passport")
PERSON = ApplicantInput(
    fin="5ZX8K2P",
    id_document_number="AA1234567",
    surname="Məmmədov",
    name="Əli",
    birth_date="14.02.1985",
    phone="0501234567",
)
EXAMPLES = [
    ("id_card", "AA1234567"),
    ("id_card", "aze 12345678"),
    ("id_card", "MYI1234567"),
    ("residence_permit", "MYI1234567"),
    ("residence_permit", "dyı-1234567"),
    ("residence_permit", "AA1234567"),
    ("residence_permit", ""),
    ("passport", "C01234567"),
    ("passport", "AB123456"),
    ("passport", "MYI1234567"),
    ("passport", "AA١٢٣٤٥٦٧"),  # Arabic-Indic digits are not accepted anywhere
]


@pytest.fixture
def page(qtbot):
    page = ApplicantPage(lambda: FieldContext(today=TODAY))
    qtbot.addWidget(page)
    page.show_kind(True)
    return page


def service_says(field: str, value: str, kind: str) -> str | None:
    data = replace(PERSON, id_document_kind=kind, **{field: value})
    try:
        validate_applicant(data, TODAY)
    except InvalidInput as error:
        problem = error.problems.get(field)
        return None if problem is None else problem_text(problem)
    return None


def ui_says(page, field: str, value: str, kind: str) -> str | None:
    form = page.form
    combo = form.combos["id_document_kind"]
    combo.setCurrentIndex(combo.findData(kind))
    form.edits[field].setText(value)
    form.check(field)  # as when the agent leaves the field
    label = form.errors[field]
    return label.text() if label.isVisibleTo(form) else None


@pytest.mark.parametrize(("kind", "number"), EXAMPLES)
def test_the_id_document_number_examples_agree(page, kind, number):
    assert ui_says(page, "id_document_number", number, kind) == service_says(
        "id_document_number", number, kind
    )


_FORMATS = re.compile(r"AZE\d{8}|AA\d{7}|MYI\d{7}|DYI\d{7}|[A-Z]{1,2}\d{6,8}", re.ASCII)
_PERSON_FIELDS = ("fin", "surname", "name", "patronymic", "birth_date", "phone")


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(KINDS),
    number=st.one_of(st.from_regex(_FORMATS, fullmatch=True), st.text(max_size=14)),
)
def test_any_number_and_type_agree(page, kind, number):
    assert ui_says(page, "id_document_number", number, kind) == service_says(
        "id_document_number", number, kind
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(_PERSON_FIELDS), value=st.text(max_size=20))
def test_any_person_field_agrees(page, field, value):
    assert ui_says(page, field, value, "id_card") == service_says(field, value, "id_card")
