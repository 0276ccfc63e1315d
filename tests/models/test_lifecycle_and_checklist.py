"""Domain rules: the application lifecycle and the documents checklist."""

from __future__ import annotations

from itertools import pairwise

import pytest

from dost_desk.catalog.loader import load_catalog
from dost_desk.models.documents_checklist import (
    ChecklistError,
    Submission,
    build_checklist,
    checklist_from_records,
)
from dost_desk.models.lifecycle import (
    ALLOWED_TRANSITIONS,
    FINAL_STATUSES,
    ApplicationStatus,
    IllegalTransition,
    check_transition,
)
from dost_desk.models.vocabulary import SubmissionForm

S = ApplicationStatus


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_the_happy_path_is_allowed():
    path = [S.DRAFT, S.SUBMITTED, S.ORDERED, S.READY, S.HANDED_OVER]
    for current, target in pairwise(path):
        check_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.SUBMITTED, S.SUBMITTED),  # a second submit
        (S.REFUSED, S.SUBMITTED),
        (S.HANDED_OVER, S.READY),
        (S.DRAFT, S.READY),
        (S.CANCELLED, S.DRAFT),
    ],
)
def test_illegal_transitions_are_rejected(current, target):
    with pytest.raises(IllegalTransition, match=f"{current.value} cannot become {target.value}"):
        check_transition(current, target)


def test_final_statuses_have_no_way_out():
    assert {S.HANDED_OVER, S.REFUSED, S.CANCELLED} == FINAL_STATUSES
    assert all(S.DRAFT not in targets for targets in ALLOWED_TRANSITIONS.values())


def _checklist(catalog, passport_id, **selection):
    passport = catalog.get(passport_id)
    return passport, build_checklist(passport, catalog.documents_for(passport, selection))


def test_seed_000_checklist_allows_the_four_forms(catalog):
    _, checklist = _checklist(catalog, "01-08-02-00", action="issue")
    (row,) = checklist.rows
    assert row.allowed == tuple(SubmissionForm)
    assert not checklist.complete and checklist.missing == ("Şəxsiyyət vəsiqəsi.",)
    done = checklist.record("Şəxsiyyət vəsiqəsi.", Submission.NOTARISED_COPY)
    assert done.complete and not checklist.complete  # records return a new checklist


def test_electronic_source_is_one_of_the_passports_systems(catalog):
    _, checklist = _checklist(catalog, "01-00-01-00", category="military", event="death")
    assert checklist.electronic_sources == (
        "“e-sosial” portalı",
        "Nazirliyin Mərkəzləşdirilmiş elektron informasiya sistemi",
    )
    name = checklist.rows[0].name
    row = checklist.record(name, Submission.ELECTRONIC_SOURCE).row(name)
    assert row.electronic_source == "“e-sosial” portalı" and row.complete
    with pytest.raises(ChecklistError):
        checklist.record(name, Submission.ELECTRONIC_SOURCE, "Google")


def test_forms_not_stated_allow_every_form_but_say_so(catalog):
    _, checklist = _checklist(catalog, "01-00-01-00", category="judicial", event="injury")
    assert [row.forms_stated for row in checklist.rows] == [False, False, False]
    assert all(row.allowed == tuple(SubmissionForm) for row in checklist.rows)


def test_changing_the_variant_keeps_what_still_applies(catalog):
    passport, death = _checklist(catalog, "01-00-01-00", category="military", event="death")
    death = death.record("Şəxsiyyət vəsiqəsi", Submission.ORIGINAL).record(
        death.rows[1].name, Submission.COPY
    )
    disability = catalog.documents_for(passport, {"category": "military", "event": "disability"})
    changed = build_checklist(passport, disability, previous=death)
    assert changed.row("Şəxsiyyət vəsiqəsi").submission is Submission.ORIGINAL
    assert [r.name for r in changed.rows][1:] == [
        "Hərbi-həkim komissiyasının qərarı (əlillik halında)",
        "Şəxsin əlilliyini təsdiq edən sənəd (əlillik halında)",
    ]
    assert changed.missing == tuple(r.name for r in changed.rows[1:])


def test_a_form_the_passport_does_not_allow_is_rejected(catalog):
    passport = catalog.get("01-08-02-00")
    only_originals = passport.model_copy(update={"submission_forms": (SubmissionForm.ORIGINAL,)})
    doc = passport.all_documents()[0].model_copy(
        update={"allowed_forms": (SubmissionForm.ORIGINAL,)}
    )
    checklist = build_checklist(only_originals, [doc])
    assert checklist.rows[0].allowed == (SubmissionForm.ORIGINAL,)
    with pytest.raises(ChecklistError, match="cannot be submitted as copy"):
        checklist.record(doc.name, Submission.COPY)


def test_stored_records_are_rebuilt_and_stale_ones_dropped(catalog):
    passport = catalog.get("01-08-02-00")
    documents = catalog.documents_for(passport, {"action": "duplicate"})
    records = {
        "Şəxsiyyət vəsiqəsi.": (Submission.COPY, None),
        "Köhnə sənəd": (Submission.ORIGINAL, None),
    }
    checklist = checklist_from_records(passport, documents, records)
    assert checklist.row("Şəxsiyyət vəsiqəsi.").submission is Submission.COPY
    assert len(checklist.rows) == 1
