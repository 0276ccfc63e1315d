"""A passport whose durations give no deadline never leaves a half-made application behind.

The schema bounds durations (tests/catalog/test_passport_limits.py); these tests build a
passport past them without validation, as an older database could still hold one.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from test_intake_flow import ƏLİ

from dost_desk.catalog.catalog import Catalog
from dost_desk.models.followup_tables import BackOfficeOrder
from dost_desk.models.passport import Duration
from dost_desk.models.tables import Application
from dost_desk.models.vocabulary import DurationUnit
from dost_desk.services.applicants import set_applicant
from dost_desk.services.intake import record_document, save_draft, start_application
from dost_desk.services.intake_dto import IntakeRuleBroken
from dost_desk.services.outcome import submit_application
from dost_desk.storage.unit_of_work import UnitOfWork

CERTIFICATE = "01-08-02-00"
ID_CARD = "Şəxsiyyət vəsiqəsi."


def _replace_certificate(desk, total_days: int) -> Catalog:
    """The desk's catalog with the certificate's total duration set, unvalidated."""
    good = desk.catalog
    passport = good.get(CERTIFICATE)
    total = Duration.model_construct(value=total_days, unit=DurationUnit.DAY)
    durations = passport.durations.model_copy(update={"total": total})
    broken = passport.model_copy(update={"durations": durations})
    others = tuple(p for p in good.passports if p.id != CERTIFICATE)
    desk.catalog = Catalog(good.reference, (*others, broken), good.sources)
    return good


def _start(desk):
    return start_application(desk, CERTIFICATE, {"action": "issue"}, "in_person", "in_person")


def _count(desk, table) -> int:
    with UnitOfWork(desk.engine, write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(table))


def test_a_service_whose_deadline_cannot_be_computed_starts_no_application(desk):
    _replace_certificate(desk, 999_999_999)
    with pytest.raises(IntakeRuleBroken) as raised:
        _start(desk)
    assert raised.value.code == "passport.durations"
    assert _count(desk, Application) == 0


def test_a_submission_that_fails_leaves_the_draft_exactly_as_it_was(desk):
    app = _start(desk)
    set_applicant(desk, app.id, ƏLİ)
    record_document(desk, app.id, ID_CARD, "original")
    save_draft(desk, app.id, {"note": "typed before the submission"})
    good = _replace_certificate(desk, 999_999_999)

    with pytest.raises(IntakeRuleBroken) as raised:
        submit_application(desk, app.id)

    assert raised.value.code == "passport.durations"
    with UnitOfWork(desk.engine, write=False) as uow:
        row = uow.session.get(Application, app.id)
        assert (row.status, row.registration_number, row.submitted_at) == ("draft", None, None)
        assert row.draft == {"note": "typed before the submission"}
        assert [h.to_status for h in row.history] == ["draft"]
    assert _count(desk, BackOfficeOrder) == 0
    desk.catalog = good  # the passport corrected: the same draft is accepted, number 1
    assert submit_application(desk, app.id).registration_number == "C123-2026-000001"
