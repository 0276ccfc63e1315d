"""The documents checklist of one application, generated from the passport and its variant.

Each row is one required document with what the applicant actually gave: a paper or
electronic form the passport allows, "obtained electronically from <system>" (Art. 30.5 of
the Law on Administrative Proceedings), or nothing yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from dost_desk.models.passport import DocumentRequirement, Passport
from dost_desk.models.vocabulary import SubmissionForm


class Submission(StrEnum):
    """What happened to one required document at the counter."""

    ORIGINAL = "original"
    COPY = "copy"
    NOTARISED_COPY = "notarised_copy"
    ELECTRONIC_COPY = "electronic_copy"
    ELECTRONIC_SOURCE = "electronic_source"  # obtained from an information system
    NOT_SUBMITTED = "not_submitted"


# The keys 1–4 pick these forms in the GUI, in the passport's field-22 order.
FORM_ORDER: tuple[SubmissionForm, ...] = (
    SubmissionForm.ORIGINAL,
    SubmissionForm.COPY,
    SubmissionForm.NOTARISED_COPY,
    SubmissionForm.ELECTRONIC_COPY,
)


class ChecklistError(ValueError):
    """A submission the passport does not allow for that document."""


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    name: str
    allowed: tuple[SubmissionForm, ...]
    forms_stated: bool
    submission: Submission = Submission.NOT_SUBMITTED
    electronic_source: str | None = None

    @property
    def complete(self) -> bool:
        return self.submission is not Submission.NOT_SUBMITTED


@dataclass(frozen=True, slots=True)
class Checklist:
    rows: tuple[ChecklistRow, ...]
    electronic_sources: tuple[str, ...]  # information systems a document may come from

    @property
    def complete(self) -> bool:
        return all(row.complete for row in self.rows)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(row.name for row in self.rows if not row.complete)

    def row(self, name: str) -> ChecklistRow:
        for row in self.rows:
            if row.name == name:
                return row
        raise ChecklistError(f"the checklist has no document {name!r}")

    def record(
        self, name: str, submission: Submission, electronic_source: str | None = None
    ) -> Checklist:
        """A new checklist with one document's submission changed (validated)."""
        row = self.row(name)
        if submission is Submission.ELECTRONIC_SOURCE:
            if not self.electronic_sources:
                raise ChecklistError(f"{name!r} cannot be obtained electronically here")
            source = electronic_source or self.electronic_sources[0]
            if source not in self.electronic_sources:
                raise ChecklistError(f"{source!r} is not an information system of this service")
            updated = replace(row, submission=submission, electronic_source=source)
        else:
            if submission is not Submission.NOT_SUBMITTED and (
                SubmissionForm(submission.value) not in row.allowed
            ):
                raise ChecklistError(f"{name!r} cannot be submitted as {submission.value}")
            updated = replace(row, submission=submission, electronic_source=None)
        return replace(self, rows=tuple(updated if r.name == name else r for r in self.rows))


def _unique_by_name(documents: Iterable[DocumentRequirement]) -> list[DocumentRequirement]:
    seen: dict[str, DocumentRequirement] = {}
    for doc in documents:
        seen.setdefault(doc.name, doc)
    return list(seen.values())


def build_checklist(
    passport: Passport,
    documents: Sequence[DocumentRequirement],
    previous: Checklist | None = None,
) -> Checklist:
    """The checklist for ``documents`` (the passport's requirements for the chosen variant).

    Submissions of ``previous`` are kept for documents that still apply, so changing the
    variant does not lose what the agent already ticked. Where the passport states no
    forms (seed 001), every form is allowed; the passport's information systems are the
    electronic sources.
    """
    earlier = {row.name: row for row in previous.rows} if previous else {}
    general = passport.submission_forms
    rows = []
    for doc in _unique_by_name(documents):
        stated = doc.allowed_forms if doc.allowed_forms is not None else general
        allowed = tuple(f for f in FORM_ORDER if stated is None or f in stated)
        row = ChecklistRow(doc.name, allowed, stated is not None)
        kept = earlier.get(doc.name)
        if kept is not None:
            row = replace(row, submission=kept.submission, electronic_source=kept.electronic_source)
        rows.append(row)
    return Checklist(tuple(rows), tuple(passport.information_systems))


def checklist_from_records(
    passport: Passport,
    documents: Sequence[DocumentRequirement],
    records: Mapping[str, tuple[Submission, str | None]],
) -> Checklist:
    """Rebuild a stored checklist: ``records`` maps document name → (submission, source)."""
    checklist = build_checklist(passport, documents)
    for name, (submission, source) in records.items():
        if any(row.name == name for row in checklist.rows):
            try:
                checklist = checklist.record(name, submission, source)
            except ChecklistError:
                continue  # the passport changed since: the document is asked for again
    return checklist
