"""The service passport (xidmət pasportu) schema: one model for both published forms.

Every value keeps the seed's own words (``text``); closed vocabularies add a stable
``kind`` key next to it. ``None`` means the passport does not state the field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from dost_desk.models.vocabulary import (
    ApplicationForm,
    AutomationLevel,
    CentreCategory,
    DurationUnit,
    ElectronicLevel,
    FeeKind,
    ResponseForm,
    SourceFormat,
    StepKind,
    SubmissionForm,
    UserGroup,
    UserType,
)

PASSPORT_ID_PATTERN = re.compile(r"^\d{2}-\d{2}-\d{2}-\d{2}$")
KEY_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def _not_blank(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, AfterValidator(_nfc), AfterValidator(_not_blank)]
Key = Annotated[str, Field(pattern=KEY_PATTERN)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class SourceInfo(_Model):
    """Where the passport comes from and the words around its numbered fields."""

    format: SourceFormat
    title: Text
    header: Text | None = None
    footer: Text | None = None


class Approval(_Model):
    """The decision that approved the passport (e.g. the collegium decision of 2019-12-16)."""

    text: Text
    body: Text
    date: dt.date
    number: Text | None = None


class Section(_Model):
    """One numbered field of the source document, in source order, mapped to a schema field."""

    number: int = Field(ge=1)
    heading: Text
    fields: tuple[Text, ...] = Field(min_length=1)


class ClassificationRef(_Model):
    code: str = Field(pattern=r"^\d{2}$")
    inferred_from_id: bool = False


class ApplicationFormEntry(_Model):
    text: Text
    kinds: tuple[ApplicationForm, ...] = Field(min_length=1)
    authority_document_note: Text | None = None


class ResponseFormEntry(_Model):
    text: Text
    kind: ResponseForm
    authority_document_note: Text | None = None


class RefusalGround(_Model):
    key: Key
    text: Text


class EligibleUser(_Model):
    text: Text
    kind: UserType
    group: UserGroup | None = None


class Place(_Model):
    """Where the service is offered; ``centre_categories`` drive what a centre shows."""

    text: Text
    centre_categories: tuple[CentreCategory, ...] = ()
    online: bool = False


class BackOfficeRef(_Model):
    code: str = Field(pattern=r"^\d{2}$")


class Duration(_Model):
    value: int = Field(ge=0)
    unit: DurationUnit


class Durations(_Model):
    total: Duration | None = None
    front_office: Duration | None = None
    back_office: Duration | None = None
    note: Text | None = None


class Fee(_Model):
    """The fee; ``kind`` is None when the passport lists the choices without marking one."""

    kind: FeeKind | None = None
    amount_azn: float | None = Field(default=None, ge=0)
    payment_methods: tuple[Text, ...] = ()
    note: Text | None = None


class VariantOption(_Model):
    key: Key
    label: Text


class VariantDimension(_Model):
    """One axis a document requirement can depend on (action; insured category; insured event)."""

    key: Key
    label: Text
    options: tuple[VariantOption, ...] = Field(min_length=1)


class DocumentRequirement(_Model):
    """One required document; ``when`` limits it to some options of some dimensions.

    ``allowed_forms`` None means the passport does not state the forms.
    """

    name: Text
    allowed_forms: tuple[SubmissionForm, ...] | None = None
    when: dict[Key, tuple[Key, ...]] = Field(default_factory=dict)
    electronic_sources: tuple[Text, ...] = ()
    note: Text | None = None


class DocumentGroup(_Model):
    """Documents listed under one heading of the source (e.g. "hərbi qulluqçulara münasibətdə")."""

    heading: Text | None = None
    when: dict[Key, tuple[Key, ...]] = Field(default_factory=dict)
    documents: tuple[DocumentRequirement, ...] = Field(min_length=1)


class CheckOutcomeRule(_Model):
    """What one result of a check means for the application.

    ``require_variant`` limits the variant when the check gives ``when_result``
    (e.g. an existing certificate → the action must be replace or duplicate); a rule
    without it only explains the result (``meaning``).
    """

    when_result: Literal["confirmed", "not_confirmed"]
    require_variant: dict[Key, tuple[Key, ...]] = Field(default_factory=dict)
    meaning: Text | None = None


class CheckSpec(_Model):
    """A check in an information system that a step asks for (seed 000 steps 4 and 5).

    ``subject`` is the yes/no question in the passport's words: "confirmed" answers yes.
    ``systems`` are MEİS subsystem keys, any one of which may answer (empty: the step's
    ``subsystems``). No ``outcome_rules``: the result is informational. ``deferrable``:
    the application may be accepted while the check waits for its system.
    """

    systems: tuple[Key, ...] = ()
    subject: Text
    outcome_rules: tuple[CheckOutcomeRule, ...] = ()
    deferrable: bool = True

    @property
    def informational(self) -> bool:
        return not any(rule.require_variant for rule in self.outcome_rules)


class Step(_Model):
    number: int = Field(ge=1)
    text: Text
    kind: StepKind = StepKind.OTHER
    subsystems: tuple[Key, ...] = ()
    check: CheckSpec | None = None

    @property
    def check_systems(self) -> tuple[str, ...]:
        """The systems the step's check asks, in order (empty when it is not a check)."""
        if self.check is None:
            return ()
        return self.check.systems or self.subsystems


class InformationSystem(_Model):
    key: Key
    name: Text


class LevelEntry(_Model):
    text: Text


class ElectronicLevelEntry(LevelEntry):
    level: ElectronicLevel


class AutomationLevelEntry(LevelEntry):
    level: AutomationLevel


class Passport(_Model):
    """A service passport, lossless for both the DOST 27-field and the public 20-field forms."""

    id: str
    id_provisional: bool = False
    source: SourceInfo
    approval: Approval | None = None
    sections: tuple[Section, ...] = Field(min_length=1)
    name: Text
    content: Text | None = None
    classification: ClassificationRef | None = None
    performing: tuple[Text, ...] = ()
    participating: tuple[Text, ...] | None = None
    places: tuple[Place, ...] = ()
    legal_bases: tuple[Text, ...] = ()
    application_forms: tuple[ApplicationFormEntry, ...] = ()
    channels: tuple[Text, ...] | None = None
    response_forms: tuple[ResponseFormEntry, ...] | None = None
    result: Text | None = None
    refusal_grounds: tuple[RefusalGround, ...] = ()
    eligible_users: tuple[EligibleUser, ...] = ()
    back_offices: tuple[BackOfficeRef, ...] | None = None
    durations: Durations | None = None
    operator_standard_minutes: int | None = Field(default=None, ge=1)
    fee: Fee | None = None
    application_hours: Text | None = None
    variants: tuple[VariantDimension, ...] = ()
    document_groups: tuple[DocumentGroup, ...] = ()
    submission_forms: tuple[SubmissionForm, ...] | None = None
    electronic_documents_note: Text | None = None
    administrative_procedures: Text | None = None
    pre_court_dispute: Text | None = None
    steps: tuple[Step, ...] = ()
    information_systems: tuple[Text, ...] = ()
    meis_subsystems: tuple[InformationSystem, ...] = ()
    electronic_level: ElectronicLevelEntry | None = None
    automation_level: AutomationLevelEntry | None = None
    responsible_position: Text | None = None
    notes: tuple[Text, ...] = ()

    @field_validator("id")
    @classmethod
    def _id_structure(cls, value: str) -> str:
        if not PASSPORT_ID_PATTERN.match(value):
            raise ValueError("must look like 11-22-33-44 (four two-digit groups)")
        return value

    @property
    def back_office_group(self) -> str:
        """Group 1 of the ID: the back office code by the ID reading of DESIGN.md §2."""
        return self.id[:2]

    @property
    def classification_group(self) -> str:
        return self.id[3:5]

    @property
    def centre_categories(self) -> frozenset[CentreCategory]:
        """Every centre category at which the service is offered."""
        return frozenset(c for place in self.places for c in place.centre_categories)

    @property
    def is_online(self) -> bool:
        return any(place.online for place in self.places)

    def check_steps(self) -> tuple[Step, ...]:
        """The steps that name a check, in step order."""
        return tuple(step for step in self.steps if step.check is not None)

    def all_documents(self) -> tuple[DocumentRequirement, ...]:
        """Every document requirement with its group's condition folded into ``when``."""
        return tuple(
            doc.model_copy(update={"when": {**group.when, **doc.when}}) if group.when else doc
            for group in self.document_groups
            for doc in group.documents
        )
