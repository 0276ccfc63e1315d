"""Who applies: the applicant (person or organisation) and an optional representative."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import select

from dost_desk.models.field_rules import FieldContext, check_field
from dost_desk.models.identity import Checked, FieldProblem
from dost_desk.models.tables import Applicant, Representative
from dost_desk.models.vocabulary import ApplicationForm, UserType
from dost_desk.services.applications import application_view, load_application
from dost_desk.services.desk import BAKU, Desk
from dost_desk.services.intake import new_id, require_draft
from dost_desk.services.intake_dto import (
    ApplicantInput,
    ApplicationView,
    IntakeRuleBroken,
    InvalidInput,
    RepresentativeInput,
)
from dost_desk.storage.unit_of_work import UnitOfWork
from dost_desk.text import fold_for_search

PERSON_TYPES = {
    UserType.CITIZEN,
    UserType.FOREIGNER_PERMANENT_RESIDENT,
    UserType.STATELESS_PERMANENT_RESIDENT,
}
# The user type that each kind of organisation applicant must have.
ORGANISATION_TYPES = {
    "legal_entity": UserType.LEGAL_ENTITY,
    "individual_entrepreneur": UserType.INDIVIDUAL_ENTREPRENEUR,
    "family_farm": UserType.FAMILY_FARM,
}


class _Collector:
    """Runs validators and gathers their problems by field name."""

    def __init__(self) -> None:
        self.problems: dict[str, FieldProblem] = {}

    def take(self, name: str, checked: Checked):
        if checked.problem is not None:
            self.problems[name] = checked.problem
        return checked.value

    def fail_if_any(self) -> None:
        if self.problems:
            raise InvalidInput(self.problems)


def _validate_person(
    data: ApplicantInput | RepresentativeInput, c: _Collector, context: FieldContext
) -> dict:
    context = replace(context, id_document_kind=data.id_document_kind)
    names = ("fin", "id_document_number", "surname", "name", "patronymic", "birth_date", "phone")
    values = {name: c.take(name, check_field(name, getattr(data, name), context)) for name in names}
    return values | {"id_document_kind": data.id_document_kind}


def validate_applicant(
    data: ApplicantInput, today: date, id_patterns: Mapping[str, Sequence[str]] | None = None
) -> dict:
    """Normalised applicant fields, or InvalidInput naming every field to correct
    (identity documents against ``id_patterns``, the defaults when None)."""
    c = _Collector()
    context = FieldContext(today=today, id_patterns=id_patterns)
    if data.kind == "person":
        values = _validate_person(data, c, context)
        values |= {"voen": None, "organisation_name": None}
    elif data.kind in ORGANISATION_TYPES:
        values = {
            "voen": c.take("voen", check_field("voen", data.voen, context)),
            "organisation_name": c.take(
                "organisation_name",
                check_field("organisation_name", data.organisation_name, context),
            ),
            "fin": None,
            "surname": None,
            "name": None,
            "patronymic": None,
            "birth_date": None,
            "id_document_kind": None,
            "id_document_number": None,
            "phone": c.take("phone", check_field("phone", data.phone, context)),
        }
    else:
        c.problems["kind"] = FieldProblem("applicant.kind", f"unknown applicant kind {data.kind!r}")
        c.fail_if_any()
    values["email"] = c.take("email", check_field("email", data.email, context))
    values["address"] = c.take("address", check_field("address", data.address, context))
    values["kind"] = data.kind
    values["user_type"] = data.user_type
    c.fail_if_any()
    return values


def _check_user_type(desk: Desk, passport_id: str, kind: str, user_type: str) -> None:
    passport = desk.catalog.get(passport_id)
    allowed = {user.kind.value for user in passport.eligible_users}
    problem = None
    if user_type not in allowed:
        problem = FieldProblem(
            "user_type.not_eligible", "the passport does not serve this user type"
        )
    elif kind == "person" and UserType(user_type) not in PERSON_TYPES:
        problem = FieldProblem("user_type.kind", "this user type is not a natural person")
    elif kind != "person" and ORGANISATION_TYPES.get(kind) != UserType(user_type):
        problem = FieldProblem("user_type.kind", "the user type does not match the applicant kind")
    if problem:
        raise InvalidInput({"user_type": problem})


def _search_key(values: dict) -> str:
    parts = [values.get(k) or "" for k in ("surname", "name", "patronymic", "organisation_name")]
    parts += [values.get("fin") or "", values.get("voen") or ""]
    return fold_for_search(" ".join(p for p in parts if p))


def set_applicant(desk: Desk, application_id: str, data: ApplicantInput) -> ApplicationView:
    """Validate and attach the applicant; an earlier applicant with the FİN/VÖEN is reused."""
    values = validate_applicant(data, desk.local_now().date(), desk.id_patterns())
    with UnitOfWork(desk.engine) as uow:
        row = load_application(uow.session, application_id)
        require_draft(row)
        _check_user_type(desk, row.passport_id, values["kind"], values["user_type"])
        if row.representative and row.representative.fin == values.get("fin"):
            raise InvalidInput(
                {
                    "fin": FieldProblem(
                        "fin.same_as_representative", "the applicant is the representative"
                    )
                }
            )
        key_column = Applicant.fin if values["kind"] == "person" else Applicant.voen
        key = values["fin"] if values["kind"] == "person" else values["voen"]
        applicant = uow.session.scalar(select(Applicant).where(key_column == key))
        if applicant is None:
            applicant = Applicant(id=new_id())
            uow.session.add(applicant)
        for name, value in values.items():
            setattr(applicant, name, value)
        applicant.search_key = _search_key(values)
        row.applicant = applicant
        uow.commit()
        return application_view(desk, row)


def set_representative(
    desk: Desk, application_id: str, data: RepresentativeInput | None
) -> ApplicationView:
    """Attach (or with None, remove) the representative and their authority document."""
    with UnitOfWork(desk.engine) as uow:
        row = load_application(uow.session, application_id)
        require_draft(row)
        if data is None:
            row.representative = None
            uow.commit()
            return application_view(desk, row)
        if row.application_form != ApplicationForm.REPRESENTATIVE.value:
            raise IntakeRuleBroken(
                "representative.form", "only an application via a representative has one"
            )
        context = FieldContext(
            today=desk.local_now().date(),
            id_patterns=desk.id_patterns(),
            application_date=row.started_at.astimezone(BAKU).date(),
        )
        c = _Collector()
        values = _validate_person(data, c, context)
        if data.authority_kind not in ("power_of_attorney", "guardianship"):
            c.problems["authority_kind"] = FieldProblem(
                "authority.kind", "choose the document kind"
            )
        values["authority_kind"] = data.authority_kind
        for name in ("authority_number", "authority_date", "authority_issuer"):
            values[name] = c.take(name, check_field(name, getattr(data, name), context))
        if row.applicant and values["fin"] and row.applicant.fin == values["fin"]:
            c.problems["fin"] = FieldProblem(
                "fin.same_as_applicant", "the representative cannot be the applicant"
            )
        c.fail_if_any()
        representative = row.representative or Representative(id=new_id())
        for name, value in values.items():
            setattr(representative, name, value)
        row.representative = representative
        uow.commit()
        return application_view(desk, row)
