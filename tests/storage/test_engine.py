"""The SQLite engine set-up, URL checks, error wording, and migrations on SQLite."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from dost_desk.models.base import Base
from dost_desk.models.tables import AppMeta, HolidayOverride, Passport
from dost_desk.storage import engine as engine_module
from dost_desk.storage import migrate
from dost_desk.storage.engine import (
    InvalidDatabaseUrl,
    StorageError,
    StorageUnavailable,
    check_connection,
    create_engine_for,
)
from dost_desk.storage.migrate import (
    MigrationError,
    SchemaTooNew,
    current_revision,
    head_revision,
    run_upgrade,
    schema_differences,
    upgrade_database,
)

TABLES = set(Base.metadata.tables)  # every table of the models, migrated


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def table_names(url: str) -> set[str]:
    engine = create_engine_for(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def read_pragmas(connection: sa.Connection) -> tuple[object, ...]:
    return tuple(
        connection.exec_driver_sql(f"PRAGMA {name}").scalar()
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    )


# --- engine -------------------------------------------------------------------------


def test_sqlite_pragmas_are_set_on_every_new_connection(tmp_path: Path) -> None:
    engine = create_engine_for(sqlite_url(tmp_path / "desk.sqlite3"))
    try:
        with engine.connect() as first, engine.connect() as second:
            assert first.connection.dbapi_connection is not second.connection.dbapi_connection
            assert read_pragmas(first) == ("wal", 2, 1, 5000)
            assert read_pragmas(second) == ("wal", 2, 1, 5000)
    finally:
        engine.dispose()
    # A brand-new engine (new DBAPI connections) gets them again.
    engine = create_engine_for(sqlite_url(tmp_path / "desk.sqlite3"))
    try:
        with engine.connect() as third:
            assert read_pragmas(third) == ("wal", 2, 1, 5000)
    finally:
        engine.dispose()


def test_sqlite_parent_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "desk.sqlite3"
    engine = create_engine_for(sqlite_url(path))
    check_connection(engine)
    engine.dispose()
    assert path.is_file()


def test_sqlite_ddl_is_transactional(tmp_path: Path) -> None:
    engine = create_engine_for(sqlite_url(tmp_path / "desk.sqlite3"))
    with pytest.raises(RuntimeError), engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("boom")
    assert "half_done" not in sa.inspect(engine).get_table_names()
    engine.dispose()


def test_a_directory_where_the_sqlite_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "desk.sqlite3").mkdir()
    with pytest.raises(StorageUnavailable, match="is a directory"):
        create_engine_for(sqlite_url(tmp_path / "desk.sqlite3"))


def test_a_file_where_the_sqlite_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("not a folder")
    with pytest.raises(StorageUnavailable, match="cannot create the folder"):
        create_engine_for(sqlite_url(tmp_path / "blocker" / "desk.sqlite3"))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "malformed database URL"),
        ("postgresql+psycopg://u:s3cret@host:notaport/db", "malformed database URL"),
        ("mysql://u:s3cret@host/db", "unsupported database 'mysql'"),
    ],
)
def test_bad_urls_are_rejected_without_the_password(url: str, message: str) -> None:
    with pytest.raises(InvalidDatabaseUrl, match=message) as caught:
        create_engine_for(url)
    assert "s3cret" not in str(caught.value)


def test_postgresql_engine_options(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}

    def fake_create_engine(url, **kw):
        seen.update(url=url, **kw)
        return sa.create_engine("sqlite://")

    monkeypatch.setattr(engine_module, "create_engine", fake_create_engine)
    create_engine_for("postgresql://desk@db.example:5433/dost", echo=True)
    assert seen["url"].drivername == "postgresql+psycopg"
    assert seen["pool_pre_ping"] is True
    assert seen["connect_args"]["connect_timeout"] == 5
    assert seen["echo"] is True


def test_unreachable_postgresql_names_host_and_port_but_not_the_password() -> None:
    url = "postgresql+psycopg://desk:s3cret@127.0.0.1:1/dost"
    engine = create_engine_for(url)
    with pytest.raises(StorageUnavailable) as caught:
        check_connection(engine, url)
    message = str(caught.value)
    assert "127.0.0.1:1" in message
    assert "s3cret" not in message
    assert "\n" not in message


# --- models -------------------------------------------------------------------------


def test_models_round_trip_with_aware_utc_timestamps(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    upgrade_database(url)
    engine = create_engine_for(url)
    baku = timezone(timedelta(hours=4))
    with Session(engine) as session, session.begin():
        session.add(
            Passport(
                id="01-08-02-00",
                name="Əlillik dərəcəsinin müəyyən edilməsi",
                version_hash="a" * 64,
                body={"steps": ["ərizə", "sənəd"], "fee": 0},
                source_file="01-08-02-00.yaml",
                loaded_at=datetime(2026, 3, 1, 12, 0, tzinfo=baku),
            )
        )
        session.add(HolidayOverride(day=date(2026, 3, 20), kind="day_off"))
        session.add(AppMeta(key="centre_code", value="C123"))
    with Session(engine) as session:
        passport = session.get(Passport, "01-08-02-00")
        assert passport is not None
        assert passport.body == {"steps": ["ərizə", "sənəd"], "fee": 0}
        assert passport.loaded_at == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
        assert passport.loaded_at.tzinfo is UTC
        holiday = session.scalars(sa.select(HolidayOverride)).one()
        assert holiday.note == ""
        assert holiday.created_at.tzinfo is UTC
    engine.dispose()


def test_holiday_kind_is_checked_and_day_unique(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    upgrade_database(url)
    engine = create_engine_for(url)
    with pytest.raises(sa.exc.IntegrityError), Session(engine) as session, session.begin():
        session.add(HolidayOverride(day=date(2026, 1, 2), kind="holiday"))
    with Session(engine) as session, session.begin():
        session.add(HolidayOverride(day=date(2026, 1, 2), kind="working_day"))
    with pytest.raises(sa.exc.IntegrityError), Session(engine) as session, session.begin():
        session.add(HolidayOverride(day=date(2026, 1, 2), kind="day_off"))
    engine.dispose()


def test_naive_datetimes_are_refused(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    upgrade_database(url)
    engine = create_engine_for(url)
    naive = datetime.now()
    with (
        pytest.raises(sa.exc.StatementError, match="naive datetime"),
        Session(engine) as session,
        session.begin(),
    ):
        session.add(HolidayOverride(day=date(2026, 1, 3), kind="day_off", created_at=naive))
    engine.dispose()


# --- migrations on SQLite -----------------------------------------------------------


def test_upgrade_creates_the_tables_and_is_idempotent(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    assert current_revision(url) is None
    first = run_upgrade(url)
    assert first.from_revision is None
    assert first.to_revision == head_revision()
    assert table_names(url) >= TABLES
    second = run_upgrade(url)
    assert second.from_revision == second.to_revision == head_revision()
    assert upgrade_database(url) == head_revision()
    assert current_revision(url) == head_revision()


def test_current_revision_does_not_create_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "desk.sqlite3"
    assert current_revision(sqlite_url(path)) is None
    assert not path.exists()
    assert not path.parent.exists()


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    upgrade_database(url)
    engine = create_engine_for(url)
    with engine.connect() as connection:
        assert schema_differences(connection, compare_server_default=False) == []
    engine.dispose()


def stamp(url: str, revision: str) -> None:
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    with connection:
        connection.execute("CREATE TABLE IF NOT EXISTS alembic_version (version_num TEXT)")
        connection.execute("DELETE FROM alembic_version")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.close()


def test_a_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    stamp(url, "9999_from_the_future")
    with pytest.raises(SchemaTooNew, match="9999_from_the_future") as caught:
        upgrade_database(url)
    assert "newer DOST Desk" in str(caught.value)
    assert table_names(url) == {"alembic_version"}
    assert current_revision(url) == "9999_from_the_future"


FAILING_MIGRATION = """
import sqlalchemy as sa
from alembic import op

revision = "9001_fails"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.add_column("app_meta", sa.Column("extra", sa.Text))
    {failure}


def downgrade():
    pass
"""


@pytest.fixture
def failing_migrations(request, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled migrations plus one more that changes things and then fails."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9001_fails.py").write_text(
        FAILING_MIGRATION.format(failure=request.param, head=migrate.head_revision()),
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)


FAILURES = [
    pytest.param('raise RuntimeError("bug in migration")', id="python-error"),
    pytest.param('op.execute("INSERT INTO no_such_table VALUES (1)")', id="sql-error"),
]


@pytest.mark.parametrize("failing_migrations", FAILURES, indirect=True)
def test_a_failed_upgrade_changes_nothing(tmp_path: Path, failing_migrations: None) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    assert upgrade_database(url, "0001") == "0001"
    with pytest.raises(MigrationError, match="rolled back"):
        upgrade_database(url)
    assert "half_done" not in table_names(url)
    engine = create_engine_for(url)
    columns = {column["name"] for column in sa.inspect(engine).get_columns("app_meta")}
    engine.dispose()
    assert columns == {"key", "value"}
    assert current_revision(url) == "0001"


@pytest.mark.parametrize("failing_migrations", FAILURES[:1], indirect=True)
def test_a_failed_upgrade_of_a_new_file_leaves_no_file(
    tmp_path: Path, failing_migrations: None
) -> None:
    path = tmp_path / "desk.sqlite3"
    with pytest.raises(StorageError):
        upgrade_database(sqlite_url(path))
    assert not path.exists()
    assert not (tmp_path / "desk.sqlite3-wal").exists()
