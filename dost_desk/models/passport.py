"""The service passport (xidmət pasportu) schema: one model for both published forms.

Every value keeps the seed's own words (``text``); closed vocabularies add a stable
``kind`` key next to it. ``None`` means the passport does not state the field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

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

# Bounds: passports are published centrally and reach every desk, so a mistyped or hostile
# one must not slow a desk down or break its deadlines. Each is far above the seeds (whose
# longest text is ~400 characters and longest list the 27 numbered fields of seed 000).
MAX_TEXT = 4000  # ten times the longest seed paragraph (a legal basis, a note)
MAX_KEY = 64  # keys are short identifiers (variant options, MEİS subsystems)
MAX_ITEMS = 200  # per list: seven times the longest seed list (27 sections)
MAX_CONDITIONS = 20  # variant dimensions one condition names (the seeds use at most 2)
MAX_OPERATOR_MINUTES = 480  # the operator standard is minutes at the counter (seed: 10)
MAX_FEE_AZN = 100_000  # a state service fee; far above any real one, and never infinite
#: The longest duration a passport may state, per unit: two years. Real services take days
#: to weeks (seed 000: 30 working days), and with two years every deadline stays computable
#: (999999999 days overflowed the date type at every submission). Days are working days:
#: about 250 a year, so 520 covers two years with the margin of a year's holidays moved.
MAX_DURATION = {
    DurationUnit.MONTH: 24,
    DurationUnit.DAY: 520,
    DurationUnit.HOUR: 2 * 366 * 24,
    DurationUnit.MINUTE: 2 * 366 * 24 * 60,
}


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def _not_blank(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_nfc), AfterValidator(_not_blank)]
Key = Annotated[str, Field(pattern=KEY_PATTERN, max_length=MAX_KEY)]
T = TypeVar("T")
Many = Annotated[tuple[T, ...], Field(max_length=MAX_ITEMS)]
Conditions = Annotated[dict[Key, Many[Key]], Field(max_length=MAX_CONDITIONS)]


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

    number: int = Field(ge=1, le=MAX_ITEMS)
    heading: Text
    fields: Many[Text] = Field(min_length=1)


class ClassificationRef(_Model):
    code: str = Field(pattern=r"^\d{2}$")
    inferred_from_id: bool = False


class ApplicationFormEntry(_Model):
    text: Text
    kinds: Many[ApplicationForm] = Field(min_length=1)
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
    centre_categories: Many[CentreCategory] = ()
    online: bool = False


class BackOfficeRef(_Model):
    code: str = Field(pattern=r"^\d{2}$")


class Duration(_Model):
    value: int = Field(ge=0)
    unit: DurationUnit

    @model_validator(mode="after")
    def _at_most_two_years(self) -> Duration:
        limit = MAX_DURATION[self.unit]
        if self.value > limit:
            raise ValueError(f"a duration in {self.unit.value}s may be at most {limit} (two years)")
        return self


class Durations(_Model):
    total: Duration | None = None
    front_office: Duration | None = None
    back_office: Duration | None = None
    note: Text | None = None


class Fee(_Model):
    """The fee; ``kind`` is None when the passport lists the choices without marking one."""

    kind: FeeKind | None = None
    amount_azn: float | None = Field(default=None, ge=0, le=MAX_FEE_AZN, allow_inf_nan=False)
    payment_methods: Many[Text] = ()
    note: Text | None = None


class VariantOption(_Model):
    key: Key
    label: Text


class VariantDimension(_Model):
    """One axis a document requirement can depend on (action; insured category; insured event)."""

    key: Key
    label: Text
    options: Many[VariantOption] = Field(min_length=1)


class DocumentRequirement(_Model):
    """One required document; ``when`` limits it to some options of some dimensions.

    ``allowed_forms`` None means the passport does not state the forms.
    """

    name: Text
    allowed_forms: Many[SubmissionForm] | None = None
    when: Conditions = Field(default_factory=dict)
    electronic_sources: Many[Text] = ()
    note: Text | None = None


class DocumentGroup(_Model):
    """Documents listed under one heading of the source (e.g. "hərbi qulluqçulara münasibətdə")."""

    heading: Text | None = None
    when: Conditions = Field(default_factory=dict)
    documents: Many[DocumentRequirement] = Field(min_length=1)


class CheckOutcomeRule(_Model):
    """What one result of a check means for the application.

    ``require_variant`` limits the variant when the check gives ``when_result``
    (e.g. an existing certificate → the action must be replace or duplicate); a rule
    without it only explains the result (``meaning``).
    """

    when_result: Literal["confirmed", "not_confirmed"]
    require_variant: Conditions = Field(default_factory=dict)
    meaning: Text | None = None


class CheckSpec(_Model):
    """A check in an information system that a step asks for (seed 000 steps 4 and 5).

    ``subject`` is the yes/no question in the passport's words: "confirmed" answers yes.
    ``systems`` are MEİS subsystem keys, any one of which may answer (empty: the step's
    ``subsystems``). No ``outcome_rules``: the result is informational. ``deferrable``:
    the application may be accepted while the check waits for its system.
    """

    systems: Many[Key] = ()
    subject: Text
    outcome_rules: Many[CheckOutcomeRule] = ()
    deferrable: bool = True

    @property
    def informational(self) -> bool:
        return not any(rule.require_variant for rule in self.outcome_rules)


class Step(_Model):
    number: int = Field(ge=1, le=MAX_ITEMS)
    text: Text
    kind: StepKind = StepKind.OTHER
    subsystems: Many[Key] = ()
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
    sections: Many[Section] = Field(min_length=1)
    name: Text
    content: Text | None = None
    classification: ClassificationRef | None = None
    performing: Many[Text] = ()
    participating: Many[Text] | None = None
    places: Many[Place] = ()
    legal_bases: Many[Text] = ()
    application_forms: Many[ApplicationFormEntry] = ()
    channels: Many[Text] | None = None
    response_forms: Many[ResponseFormEntry] | None = None
    result: Text | None = None
    refusal_grounds: Many[RefusalGround] = ()
    eligible_users: Many[EligibleUser] = ()
    back_offices: Many[BackOfficeRef] | None = None
    durations: Durations | None = None
    operator_standard_minutes: int | None = Field(default=None, ge=1, le=MAX_OPERATOR_MINUTES)
    fee: Fee | None = None
    application_hours: Text | None = None
    variants: Many[VariantDimension] = ()
    document_groups: Many[DocumentGroup] = ()
    submission_forms: Many[SubmissionForm] | None = None
    electronic_documents_note: Text | None = None
    administrative_procedures: Text | None = None
    pre_court_dispute: Text | None = None
    steps: Many[Step] = ()
    information_systems: Many[Text] = ()
    meis_subsystems: Many[InformationSystem] = ()
    electronic_level: ElectronicLevelEntry | None = None
    automation_level: AutomationLevelEntry | None = None
    responsible_position: Text | None = None
    notes: Many[Text] = ()

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
