"""The intake tables (migration 0002) on SQLite and PostgreSQL: schema equals the models,
an application graph round-trips, and the constraints hold."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from dost_desk.models.tables import (
    Applicant,
    Application,
    ApplicationDocument,
    Passport,
    Representative,
    StatusChange,
)
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import (
    alembic_config,
    head_revision,
    migration_connection,
    schema_differences,
    upgrade_database,
)

NEW_TABLES = {
    "applicants",
    "applications",
    "representatives",
    "application_documents",
    "status_history",
    "registration_sequences",
}
BAKU = timezone(timedelta(hours=4))
PASSPORT_ID = "01-08-02-00"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind, migrated to head."""
    if request.param == "sqlite":
        url = f"sqlite:///{(tmp_path / 'desk.sqlite3').as_posix()}"
    else:
        url = request.getfixturevalue("pg_empty_url")
    upgrade_database(url)
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_engine_for(database_url)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        session.add(
            Passport(
                id=PASSPORT_ID,
                name="Əlillik dərəcəsinin müəyyən edilməsi",
                version_hash="a" * 64,
                body={},
                source_file="01-08-02-00.yaml",
            )
        )
    yield engine
    engine.dispose()


def make_application(**overrides: object) -> Application:
    values: dict[str, object] = {
        "centre_code": "C123",
        "passport_id": PASSPORT_ID,
        "passport_hash": "a" * 64,
        "application_form": "in_person",
        "agent": "agent1",
    }
    values.update(overrides)
    return Application(**values)


def make_representative(**overrides: object) -> Representative:
    values: dict[str, object] = {
        "fin": "5ZK8P2M",
        "surname": "Əliyeva",
        "name": "Gülnarə",
        "patronymic": "Rəşid qızı",
        "birth_date": date(1980, 5, 17),
        "id_document_kind": "id_card",
        "id_document_number": "AA1234567",
        "phone": "+994501234567",
        "authority_kind": "power_of_attorney",
        "authority_number": "ETB-2026/118",
        "authority_date": date(2026, 1, 10),
        "authority_issuer": "Bakı şəhəri 3 saylı notariat ofisi",
    }
    values.update(overrides)
    return Representative(**values)


def count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


# --- migration ----------------------------------------------------------------------


def test_migrated_schema_matches_the_models(engine: Engine) -> None:
    is_postgresql = engine.dialect.name == "postgresql"
    with engine.connect() as connection:
        assert set(sa.inspect(connection).get_table_names()) >= NEW_TABLES
        assert schema_differences(connection, compare_server_default=is_postgresql) == []


def test_downgrade_to_0001_removes_the_tables_and_upgrade_restores_them(
    database_url: str,
) -> None:
    with migration_connection(database_url) as connection:
        command.downgrade(alembic_config(connection), "0001")
    engine = create_engine_for(database_url)
    try:
        assert not set(sa.inspect(engine).get_table_names()) & NEW_TABLES
        engine.dispose()
        assert upgrade_database(database_url) == head_revision()
        assert set(sa.inspect(engine).get_table_names()) >= NEW_TABLES
    finally:
        engine.dispose()


# --- the application graph ----------------------------------------------------------


def test_an_application_graph_round_trips(engine: Engine) -> None:
    started = datetime(2026, 3, 2, 9, 15, tzinfo=BAKU)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        applicant = Applicant(
            kind="person",
            fin="7AB2C9D",
            surname="Məmmədov",
            name="İlqar",
            patronymic="Şahin oğlu",
            birth_date=date(1975, 12, 31),
            id_document_kind="id_card",
            id_document_number="AZE12345678",
            user_type="citizen",
            phone="+994551112233",
            email="ilqar@example.az",
            address="Bakı, Nizami küç. 10",
            search_key="memmedov ilqar sahin oglu 7ab2c9d",
        )
        application = make_application(
            id="3f0b8f0e-2f6c-4b53-9d51-3c1d3b0b6c11",
            registration_number="C123-2026-000001",
            ticket_number="A-017",
            variant={"purpose": "issue", "category": "first"},
            response_form="paper",
            applicant=applicant,
            status="submitted",
            started_at=started,
            submitted_at=started + timedelta(minutes=12),
            service_seconds=720,
            deadline_total=datetime(2026, 3, 20, 14, 0, tzinfo=UTC),
            notice_due=date(2026, 3, 19),
            fee={"amount": "0.00", "method": "none", "reference": None},
            draft={"step": "documents", "fields": {"fin": "7AB2C9D"}},
        )
        application.representative = make_representative()
        application.documents = [
            ApplicationDocument(position=2, name="Tibbi arayış", submission="original"),
            ApplicationDocument(
                position=1,
                name="Şəxsiyyət vəsiqəsi",
                submission="electronic_source",
                electronic_source="Vahid Dövlət Reyestri",
                note="Art. 30.5",
            ),
        ]
        application.history = [
            StatusChange(from_status=None, to_status="draft", actor="agent1", at=started),
            StatusChange(
                from_status="draft",
                to_status="submitted",
                actor="agent1",
                at=started + timedelta(minutes=12),
            ),
        ]
        session.add(application)

    with Session(engine, expire_on_commit=False) as session:
        stored = session.get(Application, "3f0b8f0e-2f6c-4b53-9d51-3c1d3b0b6c11")
        assert stored is not None
        assert stored.version == 1
        assert stored.variant == {"purpose": "issue", "category": "first"}
        assert stored.fee == {"amount": "0.00", "method": "none", "reference": None}
        assert stored.refusal is None
        assert stored.draft == {"step": "documents", "fields": {"fin": "7AB2C9D"}}
        assert stored.started_at == started
        assert stored.started_at.tzinfo is UTC
        assert stored.deadline_total == datetime(2026, 3, 20, 14, 0, tzinfo=UTC)
        assert stored.notice_due == date(2026, 3, 19)
        assert stored.applicant is not None
        assert stored.applicant.name == "İlqar"
        assert stored.applicant.birth_date == date(1975, 12, 31)
        assert len(stored.applicant.id) == 36
        representative = stored.representative
        assert representative is not None
        assert (representative.surname, representative.patronymic) == ("Əliyeva", "Rəşid qızı")
        assert representative.authority_date == date(2026, 1, 10)
        assert [(d.position, d.name, d.submission) for d in stored.documents] == [
            (1, "Şəxsiyyət vəsiqəsi", "electronic_source"),
            (2, "Tibbi arayış", "original"),
        ]
        assert stored.documents[0].electronic_source == "Vahid Dövlət Reyestri"
        assert [(h.from_status, h.to_status) for h in stored.history] == [
            (None, "draft"),
            ("draft", "submitted"),
        ]
        assert len({h.uuid for h in stored.history}) == 2


def test_a_missing_fee_is_sql_null_not_json_null(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        session.add(make_application(fee=None))
    with engine.connect() as connection:
        nulls = connection.execute(
            sa.text("SELECT count(*) FROM applications WHERE fee IS NULL AND refusal IS NULL")
        ).scalar_one()
    assert nulls == 1


def test_defaults_of_a_new_draft(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        application = make_application()
        session.add(application)
    assert application.status == "draft"
    assert application.variant == {} and application.draft == {}
    assert application.registration_number is None
    assert application.started_at.tzinfo is UTC
    assert application.version == 1


# --- constraints --------------------------------------------------------------------


def test_a_bad_status_is_rejected(engine: Engine) -> None:
    with (
        pytest.raises(sa.exc.IntegrityError),
        Session(engine, expire_on_commit=False) as session,
        session.begin(),
    ):
        session.add(make_application(status="approved"))
    assert count(engine, "applications") == 0


def test_a_bad_applicant_kind_is_rejected(engine: Engine) -> None:
    with (
        pytest.raises(sa.exc.IntegrityError),
        Session(engine, expire_on_commit=False) as session,
        session.begin(),
    ):
        session.add(Applicant(kind="company", search_key=""))


def test_a_bad_submission_form_is_rejected(engine: Engine) -> None:
    with (
        pytest.raises(sa.exc.IntegrityError),
        Session(engine, expire_on_commit=False) as session,
        session.begin(),
    ):
        application = make_application()
        application.documents.append(
            ApplicationDocument(position=1, name="Ərizə", submission="faxed")
        )
        session.add(application)
    assert count(engine, "application_documents") == 0


def test_a_bad_authority_kind_is_rejected(engine: Engine) -> None:
    with (
        pytest.raises(sa.exc.IntegrityError),
        Session(engine, expire_on_commit=False) as session,
        session.begin(),
    ):
        application = make_application()
        application.representative = make_representative(authority_kind="verbal")
        session.add(application)
    assert count(engine, "representatives") == 0


def test_a_document_name_appears_once_per_application(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        first, second = make_application(), make_application()
        first.documents.append(ApplicationDocument(position=1, name="Ərizə", submission="copy"))
        # The same requirement on another application is fine.
        second.documents.append(ApplicationDocument(position=1, name="Ərizə", submission="copy"))
        session.add_all([first, second])
    with (
        pytest.raises(sa.exc.IntegrityError),
        Session(engine, expire_on_commit=False) as session,
        session.begin(),
    ):
        session.add(
            ApplicationDocument(
                application_id=first.id, position=2, name="Ərizə", submission="original"
            )
        )
    assert count(engine, "application_documents") == 2


def test_one_representative_per_application(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        application = make_application()
        application.representative = make_representative()
        session.add(application)
    with (
        pytest.raises(sa.exc.IntegrityError),
        Session(engine, expire_on_commit=False) as session,
        session.begin(),
    ):
        session.add(make_representative(application_id=application.id))


def test_registration_numbers_are_unique(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        session.add(make_application(registration_number="C123-2026-000001"))
    with (
        pytest.raises(sa.exc.IntegrityError),
        Session(engine, expire_on_commit=False) as session,
        session.begin(),
    ):
        session.add(make_application(registration_number="C123-2026-000001"))


def test_a_concurrent_edit_is_detected_by_the_version(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        application = make_application()
        session.add(application)
    with (
        Session(engine, expire_on_commit=False) as first,
        Session(engine, expire_on_commit=False) as second,
    ):
        mine = first.get(Application, application.id)
        theirs = second.get(Application, application.id)
        assert mine is not None and theirs is not None
        first.commit()  # the desk keeps the object while the other desk saves
        theirs.ticket_number = "B-002"
        second.commit()
        mine.ticket_number = "A-001"
        with pytest.raises(StaleDataError):
            first.commit()
    with Session(engine, expire_on_commit=False) as session:
        stored = session.get(Application, application.id)
        assert stored is not None
        assert (stored.ticket_number, stored.version) == ("B-002", 2)


# --- deleting -----------------------------------------------------------------------


def add_graph(engine: Engine) -> str:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        application = make_application()
        application.representative = make_representative()
        application.documents = [
            ApplicationDocument(position=1, name="Ərizə", submission="original"),
            ApplicationDocument(position=2, name="Arayış", submission="not_submitted"),
        ]
        application.history = [StatusChange(to_status="draft", actor="agent1")]
        session.add(application)
    return application.id


def assert_children_gone(engine: Engine) -> None:
    for table in ("representatives", "application_documents", "status_history"):
        assert count(engine, table) == 0, table


def test_deleting_an_application_through_the_orm_cascades(engine: Engine) -> None:
    application_id = add_graph(engine)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        application = session.get(Application, application_id)
        session.delete(application)
    assert count(engine, "applications") == 0
    assert_children_gone(engine)


def test_deleting_an_application_in_sql_cascades(engine: Engine) -> None:
    application_id = add_graph(engine)
    with engine.begin() as connection:
        connection.execute(
            sa.text("DELETE FROM applications WHERE id = :id"), {"id": application_id}
        )
    assert_children_gone(engine)


def test_a_document_removed_from_the_list_is_deleted(engine: Engine) -> None:
    application_id = add_graph(engine)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        application = session.get(Application, application_id)
        assert application is not None
        del application.documents[0]
        application.representative = None
    assert count(engine, "application_documents") == 1
    assert count(engine, "representatives") == 0
