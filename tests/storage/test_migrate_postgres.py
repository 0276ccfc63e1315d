"""Migrations and models on a real PostgreSQL server (see ``pg_url`` in conftest.py)."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from dost_desk.models.base import Base
from dost_desk.models.tables import HolidayOverride, Passport
from dost_desk.storage import migrate
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import (
    CENTRAL_ONLY_TABLES,
    MigrationError,
    SchemaTooNew,
    current_revision,
    head_revision,
    run_upgrade,
    schema_differences,
    upgrade_database,
)

pytestmark = pytest.mark.postgres

# every table of the models, migrated, and the central database's change tracking
TABLES = set(Base.metadata.tables) | CENTRAL_ONLY_TABLES


def table_names(url: str) -> set[str]:
    engine = create_engine_for(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_creates_the_tables_and_is_idempotent(pg_empty_url: str) -> None:
    assert current_revision(pg_empty_url) is None
    first = run_upgrade(pg_empty_url)
    assert (first.from_revision, first.to_revision) == (None, head_revision())
    assert table_names(pg_empty_url) == TABLES | {"alembic_version"}
    second = run_upgrade(pg_empty_url)
    assert second.from_revision == second.to_revision == head_revision()
    assert current_revision(pg_empty_url) == head_revision()


def test_migrated_schema_matches_the_models(pg_empty_url: str) -> None:
    upgrade_database(pg_empty_url)
    engine = create_engine_for(pg_empty_url)
    with engine.connect() as connection:
        assert schema_differences(connection, compare_server_default=True) == []
    engine.dispose()


def test_models_round_trip(pg_empty_url: str) -> None:
    upgrade_database(pg_empty_url)
    engine = create_engine_for(pg_empty_url)
    baku = timezone(timedelta(hours=4))
    with Session(engine) as session, session.begin():
        session.add(
            Passport(
                id="01-08-02-00",
                name="Əlillik dərəcəsinin müəyyən edilməsi",
                version_hash="b" * 64,
                body={"steps": ["ərizə"], "nested": {"days": 10}},
                source_file="01-08-02-00.yaml",
                loaded_at=datetime(2026, 3, 1, 12, 0, tzinfo=baku),
            )
        )
    with Session(engine) as session:
        passport = session.get(Passport, "01-08-02-00")
        assert passport is not None
        assert passport.body == {"steps": ["ərizə"], "nested": {"days": 10}}
        assert passport.loaded_at == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
        assert passport.loaded_at.utcoffset() == timedelta(0)
    with pytest.raises(sa.exc.IntegrityError), Session(engine) as session, session.begin():
        session.add(HolidayOverride(day=date(2026, 1, 2), kind="holiday"))
    engine.dispose()


def test_a_newer_schema_is_refused_and_left_alone(pg_empty_url: str) -> None:
    upgrade_database(pg_empty_url)
    engine = create_engine_for(pg_empty_url)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    engine.dispose()

    with pytest.raises(SchemaTooNew, match="9999_future") as caught:
        upgrade_database(pg_empty_url)
    assert "newer DOST Desk" in str(caught.value)
    assert current_revision(pg_empty_url) == "9999_future"
    assert table_names(pg_empty_url) == TABLES | {"alembic_version"}


def test_a_newer_schema_on_an_otherwise_empty_database(pg_empty_url: str) -> None:
    engine = create_engine_for(pg_empty_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"
        )
        connection.exec_driver_sql("INSERT INTO alembic_version VALUES ('9999_future')")
    engine.dispose()
    with pytest.raises(SchemaTooNew):
        upgrade_database(pg_empty_url)
    assert table_names(pg_empty_url) == {"alembic_version"}


def test_a_failed_upgrade_is_rolled_back(
    pg_empty_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9001_fails.py").write_text(
        "import sqlalchemy as sa\n"
        "from alembic import op\n"
        'revision = "9001_fails"\n'
        f'down_revision = "{migrate.head_revision()}"\n'
        "branch_labels = None\n"
        "depends_on = None\n"
        "def upgrade():\n"
        '    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))\n'
        '    op.execute("INSERT INTO no_such_table VALUES (1)")\n'
        "def downgrade():\n"
        "    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)

    with pytest.raises(MigrationError, match="rolled back"):
        upgrade_database(pg_empty_url)
    # The whole run, 0001 included, was one transaction.
    assert table_names(pg_empty_url) == set()
    assert current_revision(pg_empty_url) is None
