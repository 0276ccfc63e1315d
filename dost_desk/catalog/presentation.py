"""A passport laid out for reading: the source's numbered sections in order, as plain lines.

Shared by the GUI passport view and `dost-desk catalog show`; the caller renders
``not_stated`` in its own language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dost_desk.models.passport import Duration, Passport
from dost_desk.models.reference import CatalogReference


@dataclass(frozen=True, slots=True)
class PresentedItem:
    text: str
    level: int = 0  # 0 = a value, 1 = a sub-item (e.g. a document under its group heading)
    detail: str = ""  # e.g. the allowed submission forms, a condition


@dataclass(frozen=True, slots=True)
class PresentedSection:
    numbers: str  # "5", or "12–17" where several source fields hold one value
    heading: str
    items: tuple[PresentedItem, ...]

    @property
    def not_stated(self) -> bool:
        return not self.items


def _duration(reference: CatalogReference, label: str, duration: Duration | None) -> list[str]:
    if duration is None:
        return []
    return [f"{label}: {duration.value} {reference.label('duration_unit', duration.unit)}"]


def _present_field(
    passport: Passport, reference: CatalogReference, name: str
) -> list[PresentedItem]:
    label = reference.label
    p = passport
    texts: list[str] = []
    if name == "id":
        texts = [p.id + (" (müvəqqəti)" if p.id_provisional else "")]
    elif name == "classification":
        if p.classification:
            texts = [f"{p.classification.code} - {reference.category_name(p.classification.code)}"]
    elif name in (
        "name",
        "content",
        "result",
        "application_hours",
        "administrative_procedures",
        "pre_court_dispute",
        "responsible_position",
        "electronic_documents_note",
    ):
        value = getattr(p, name)
        texts = [value] if value else []
    elif name in ("performing", "participating", "legal_bases", "channels", "information_systems"):
        texts = list(getattr(p, name) or ())
    elif name in (
        "application_forms",
        "response_forms",
        "refusal_grounds",
        "eligible_users",
        "places",
    ):
        texts = [entry.text for entry in getattr(p, name) or ()]
    elif name == "back_offices":
        texts = [
            office.text if (office := reference.back_office(ref.code)) else ref.code
            for ref in p.back_offices or ()
        ]
    elif name == "durations" and p.durations:
        d = p.durations
        texts = (
            _duration(reference, "Ümumi müddət", d.total)
            + _duration(reference, "Ön ofis", d.front_office)
            + _duration(reference, "Arxa ofis", d.back_office)
        )
    elif name == "operator_standard_minutes" and p.operator_standard_minutes:
        texts = [f"{p.operator_standard_minutes} dəqiqə"]
    elif name == "fee" and p.fee and p.fee.kind:
        texts = [label("fee_kind", p.fee.kind)]
        if p.fee.amount_azn is not None:
            texts.append(f"{p.fee.amount_azn:.2f} AZN")
        texts += list(p.fee.payment_methods)
    elif name == "submission_forms":
        texts = [label("submission_form", form) for form in p.submission_forms or ()]
    elif name == "steps":
        texts = [f"{step.number}. {step.text}" for step in p.steps]
    elif name == "meis_subsystems":
        texts = [system.name for system in p.meis_subsystems]
    elif name in ("electronic_level", "automation_level"):
        entry = getattr(p, name)
        texts = [entry.text] if entry else []
    elif name == "document_groups":
        return _present_documents(passport, reference)
    return [PresentedItem(text) for text in texts]


def _present_documents(passport: Passport, reference: CatalogReference) -> list[PresentedItem]:
    option_labels = {(d.key, o.key): o.label for d in passport.variants for o in d.options}
    items: list[PresentedItem] = []
    for group in passport.document_groups:
        if group.heading:
            items.append(PresentedItem(group.heading))
        for number, doc in enumerate(group.documents, start=1):
            forms = ", ".join(
                reference.label("submission_form", f) for f in doc.allowed_forms or ()
            )
            conditions = "; ".join(
                ", ".join(option_labels[(key, option)] for option in options)
                for key, options in doc.when.items()
            )
            detail = " · ".join(part for part in (forms, conditions) if part)
            items.append(PresentedItem(f"{number}. {doc.name}", 1 if group.heading else 0, detail))
    return items


def present_passport(
    passport: Passport,
    reference: CatalogReference,
    field_filter: Callable[[str], bool] | None = None,
) -> tuple[PresentedSection, ...]:
    """Lay the passport out section by section, in the numbering of its source.

    Source fields that only repeat a value already shown (seed 000 fields 13–17 hold the
    durations of field 12) are folded into the first one's number range.
    """
    sections: list[PresentedSection] = []
    shown: set[str] = set()
    for section in passport.sections:
        if field_filter and not any(field_filter(f) for f in section.fields):
            continue
        if sections and shown.issuperset(section.fields):
            last = sections[-1]
            first = last.numbers.split("–")[0]
            sections[-1] = PresentedSection(f"{first}–{section.number}", last.heading, last.items)
            continue
        items: list[PresentedItem] = []
        for name in section.fields:
            items += _present_field(passport, reference, name)
        shown.update(section.fields)
        sections.append(PresentedSection(str(section.number), section.heading, tuple(items)))
    return tuple(sections)
