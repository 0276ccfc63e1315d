"""Closed vocabularies of the service passports.

The enum values are stable English keys used in data files and the database; the
Azerbaijani labels live in data (`resources/catalog/reference.yaml`), not here.
"""

from __future__ import annotations

from enum import StrEnum


class SubmissionForm(StrEnum):
    """The form in which a document is submitted (seed 000 field 22)."""

    ORIGINAL = "original"
    COPY = "copy"
    NOTARISED_COPY = "notarised_copy"
    ELECTRONIC_COPY = "electronic_copy"


class DurationUnit(StrEnum):
    MONTH = "month"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"


class CentreCategory(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


class ApplicationForm(StrEnum):
    """How an application reaches the service (seed 000 field 6, seed 001 field 7)."""

    IN_PERSON = "in_person"
    REPRESENTATIVE = "representative"
    CALL_CENTRE = "call_centre"
    SELF_SERVICE = "self_service"
    POST = "post"


class ResponseForm(StrEnum):
    """How the applicant is answered (seed 000 field 8)."""

    IN_PERSON = "in_person"
    REPRESENTATIVE = "representative"
    CALL_CENTRE = "call_centre"
    PROACTIVE = "proactive"
    SELF_SERVICE = "self_service"


class FeeKind(StrEnum):
    PAID = "paid"
    FREE = "free"


class ElectronicLevel(StrEnum):
    FULL = "full"
    PARTIAL = "partial"
    NOT_ELECTRONIC = "not_electronic"
    CANNOT_BE_ELECTRONIC = "cannot_be_electronic"


class AutomationLevel(StrEnum):
    FULL = "full"
    PARTIAL = "partial"
    NOT_AUTOMATED = "not_automated"


class UserGroup(StrEnum):
    """Population (əhali) or non-population (qeyri-əhali) users (seed 000 field 10)."""

    POPULATION = "population"
    NON_POPULATION = "non_population"


class UserType(StrEnum):
    CITIZEN = "citizen"
    FOREIGNER_PERMANENT_RESIDENT = "foreigner_permanent_resident"
    STATELESS_PERMANENT_RESIDENT = "stateless_permanent_resident"
    INDIVIDUAL_ENTREPRENEUR = "individual_entrepreneur"
    LEGAL_ENTITY = "legal_entity"
    FAMILY_FARM = "family_farm"


class StepKind(StrEnum):
    """What a step of the DOST model (seed 000 field 23) asks of the agent."""

    QUEUE = "queue"
    DESK = "desk"
    DOCUMENTS = "documents"
    CHECK = "check"
    ORDER = "order"
    HANDOVER = "handover"
    NOTICE = "notice"
    OTHER = "other"


class SourceFormat(StrEnum):
    """The form a passport was published in."""

    DOST_27 = "dost-27"
    PUBLIC_20 = "public-20"


VOCABULARIES: dict[str, type[StrEnum]] = {
    "submission_form": SubmissionForm,
    "duration_unit": DurationUnit,
    "centre_category": CentreCategory,
    "application_form": ApplicationForm,
    "response_form": ResponseForm,
    "fee_kind": FeeKind,
    "electronic_level": ElectronicLevel,
    "automation_level": AutomationLevel,
    "user_group": UserGroup,
    "user_type": UserType,
    "step_kind": StepKind,
}
