"""Every change of a synchronised row on a local desk is queued in the outbox, in the
transaction that made it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dost_desk.models.sync_tables import OutboxEntry
from dost_desk.models.tables import Applicant, Application, StatusChange
from dost_desk.services.applicants import set_applicant
from dost_desk.services.intake import record_document, start_application
from dost_desk.services.intake_dto import ApplicantInput, IntakeRuleBroken
from dost_desk.services.outcome import submit_application
from dost_desk.storage.unit_of_work import UnitOfWork

CERTIFICATE = "01-08-02-00"
ID_CARD = "Şəxsiyyət vəsiqəsi."
ƏLİ = ApplicantInput(
    fin="5zx8k2p",
    id_document_number="AA1234567",
    surname="məmmədov",
    name="əli",
    patronymic="Vaqif oğlu",
    birth_date="14.02.1985",
    phone="050 123 45 67",
)


def outbox(desk) -> list[OutboxEntry]:
    with UnitOfWork(desk.engine, write=False) as uow:
        return list(uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.id)))


def start(desk):
    return start_application(desk, CERTIFICATE, {"action": "issue"}, "in_person", "in_person")


def test_starting_an_application_queues_its_rows_parents_first(desk):
    app = start(desk)
    entries = outbox(desk)
    assert [(e.table, e.operation) for e in entries] == [
        ("applications", "upsert"),
        ("application_documents", "upsert"),
        ("status_history", "upsert"),
    ]
    payload = entries[0].payload
    assert entries[0].row_id == app.id == payload["id"]
    assert payload["status"] == "draft" and payload["version"] == 1
    assert payload["started_at"] == "2026-09-07T05:00:00+00:00"  # JSON-safe, UTC
    history = entries[2]
    assert "id" not in history.payload  # local order only; the uuid is the key
    assert history.row_id == history.payload["uuid"]
    assert all(e.pushed_at is None for e in entries)


def test_each_service_call_queues_the_rows_it_changed_with_their_new_values(desk):
    app = start(desk)
    before = len(outbox(desk))
    set_applicant(desk, app.id, ƏLİ)
    record_document(desk, app.id, ID_CARD, "original")
    submitted = submit_application(desk, app.id)
    entries = outbox(desk)[before:]
    tables = [e.table for e in entries]
    assert "applicants" in tables and tables.count("status_history") == 1
    last = [e for e in entries if e.table == "applications"][-1]
    assert last.payload["status"] == "submitted"
    assert last.payload["registration_number"] == submitted.registration_number
    with UnitOfWork(desk.engine, write=False) as uow:
        row = uow.session.get(Application, app.id)
        assert last.payload["version"] == row.version
        applicant_id = row.applicant_id
    assert any(e.table == "applicants" and e.row_id == applicant_id for e in entries)


def test_a_rolled_back_unit_of_work_leaves_no_outbox_entry(desk):
    app = start(desk)
    before = outbox(desk)
    with pytest.raises(IntakeRuleBroken):
        submit_application(desk, app.id)  # no applicant, no documents: refused after a flush
    with UnitOfWork(desk.engine) as uow:
        uow.session.add(Applicant(kind="person", fin="5ZX8K2P"))
        uow.session.flush()
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)) > len(before)
    assert [(e.id, e.payload) for e in outbox(desk)] == [(e.id, e.payload) for e in before]


def test_a_removed_document_is_queued_as_a_delete(desk):
    app = start(desk)
    with UnitOfWork(desk.engine) as uow:
        row = uow.session.get(Application, app.id)
        document = row.documents.pop()  # an orphan: deleted by the flush
        document_id = document.id
        uow.commit()
    last = outbox(desk)[-1]
    assert (last.table, last.row_id, last.operation) == (
        "application_documents",
        document_id,
        "delete",
    )


def test_rows_flushed_without_change_queue_nothing(desk):
    app = start(desk)
    before = len(outbox(desk))
    with UnitOfWork(desk.engine) as uow:
        row = uow.session.get(Application, app.id)
        row.status = row.status  # no net change
        uow.session.scalars(select(StatusChange)).all()
        uow.commit()
    assert len(outbox(desk)) == before


def test_an_outbox_of_an_earlier_version_keeps_its_payloads_after_the_upgrade(tmp_path):
    """0006 moves the payloads into outbox_payloads: a desk upgraded with changes waiting
    still pushes every one of them."""
    import sqlite3

    from dost_desk.storage.migrate import run_upgrade

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    run_upgrade(url, "0005")
    with sqlite3.connect(tmp_path / "old.sqlite3") as connection:
        connection.execute(
            'INSERT INTO outbox (id, "table", row_id, operation, payload, created_at) '
            "VALUES (7, 'applicants', 'a-1', 'upsert', '{\"id\": \"a-1\", \"fin\": \"5ZX8K2P\"}', "
            "'2026-09-07 05:00:00.000000')"
        )
    run_upgrade(url)
    from dost_desk.storage.engine import create_engine_for
    from dost_desk.storage.unit_of_work import UnitOfWork

    engine = create_engine_for(url)
    try:
        with UnitOfWork(engine, write=False) as uow:
            (entry,) = uow.session.scalars(select(OutboxEntry)).all()
        assert (entry.id, entry.row_id, entry.payload) == (
            7,
            "a-1",
            {"id": "a-1", "fin": "5ZX8K2P"},
        )
        assert entry.pushed_at is None and entry.application_id is None
    finally:
        engine.dispose()
