"""Registration numbers (per centre and year, unique under concurrent desks) and the
unit of work they are allocated in, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from dost_desk.models.tables import Application, AppMeta, Passport, RegistrationSequence
from dost_desk.storage import registration
from dost_desk.storage.engine import StorageError, StorageUnavailable, create_engine_for
from dost_desk.storage.migrate import upgrade_database
from dost_desk.storage.registration import (
    SequenceNotLocked,
    format_registration_number,
    next_registration_number,
)
from dost_desk.storage.unit_of_work import ReadOnlyDatabase, UnitOfWork

PASSPORT_ID = "01-08-02-00"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind, migrated to head, with one passport."""
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "desk.sqlite3")
    else:
        url = request.getfixturevalue("pg_empty_url")
    upgrade_database(url)
    engine = create_engine_for(url)
    with UnitOfWork(engine) as uow:
        uow.session.add(
            Passport(id=PASSPORT_ID, name="—", version_hash="a" * 64, body={}, source_file="")
        )
        uow.commit()
    engine.dispose()
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_engine_for(database_url)
    yield engine
    engine.dispose()


def allocate(engine: Engine, centre_code: str = "C123", year: int = 2026) -> str:
    """Allocate one number in its own committed unit of work."""
    with UnitOfWork(engine) as uow:
        number = next_registration_number(uow.session, centre_code, year)
        uow.commit()
    return number


def count_rows(engine: Engine, entity: type[object]) -> int:
    with UnitOfWork(engine, write=False) as uow:
        return uow.session.scalar(sa.select(sa.func.count()).select_from(entity)) or 0


# --- format -------------------------------------------------------------------------


def test_the_number_is_centre_year_and_a_six_digit_sequence() -> None:
    assert format_registration_number("C123", 2026, 42) == "C123-2026-000042"
    assert format_registration_number("C7", 2027, 1) == "C7-2027-000001"


def test_the_sequence_grows_past_six_digits_instead_of_wrapping() -> None:
    assert format_registration_number("C123", 2026, 1_000_000) == "C123-2026-1000000"


@pytest.mark.parametrize(("centre_code", "year"), [("", 2026), ("C12345678", 2026), ("C1", 0)])
def test_bad_centre_codes_and_years_are_refused(
    engine: Engine, centre_code: str, year: int
) -> None:
    with UnitOfWork(engine) as uow, pytest.raises(ValueError):
        next_registration_number(uow.session, centre_code, year)


# --- allocation ---------------------------------------------------------------------


def test_numbers_are_sequential_within_one_transaction(engine: Engine) -> None:
    with UnitOfWork(engine) as uow:
        numbers = [next_registration_number(uow.session, "C123", 2026) for _ in range(3)]
        uow.commit()
    assert numbers == ["C123-2026-000001", "C123-2026-000002", "C123-2026-000003"]
    assert allocate(engine) == "C123-2026-000004"


def test_each_centre_and_year_has_its_own_sequence(engine: Engine) -> None:
    assert allocate(engine, "C123", 2026) == "C123-2026-000001"
    assert allocate(engine, "C123", 2026) == "C123-2026-000002"
    assert allocate(engine, "C200", 2026) == "C200-2026-000001"
    assert allocate(engine, "C123", 2027) == "C123-2027-000001"
    assert allocate(engine, "C123", 2026) == "C123-2026-000003"
    assert count_rows(engine, RegistrationSequence) == 3


def test_a_rolled_back_transaction_leaves_no_trace(engine: Engine) -> None:
    assert allocate(engine) == "C123-2026-000001"
    with UnitOfWork(engine) as uow:
        assert next_registration_number(uow.session, "C123", 2026) == "C123-2026-000002"
        assert next_registration_number(uow.session, "C555", 2026) == "C555-2026-000001"
        # no commit: everything is rolled back
    with pytest.raises(RuntimeError), UnitOfWork(engine) as uow:
        next_registration_number(uow.session, "C123", 2026)
        raise RuntimeError("the application could not be saved")
    assert allocate(engine) == "C123-2026-000002"
    assert allocate(engine, "C555") == "C555-2026-000001"


def test_sqlite_without_returning_uses_update_then_select(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    upgrade_database(url)
    engine = create_engine_for(url)
    monkeypatch.setattr(engine.dialect, "update_returning", False)  # SQLite < 3.35
    assert [allocate(engine) for _ in range(3)][-1] == "C123-2026-000003"
    engine.dispose()


def test_sqlite_retries_the_update_when_another_desk_created_the_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    upgrade_database(url)
    engine = create_engine_for(url)
    assert allocate(engine) == "C123-2026-000001"
    increment = registration._increment
    calls: list[int | None] = []

    def first_finds_no_row(*args: object) -> int | None:
        # As if the row was inserted between our UPDATE and our INSERT.
        value = None if not calls else increment(*args)
        calls.append(value)
        return value

    monkeypatch.setattr(registration, "_increment", first_finds_no_row)
    assert allocate(engine) == "C123-2026-000002"
    assert calls == [None, 2]
    engine.dispose()


def test_sqlite_needs_a_transaction_that_holds_the_write_lock(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    upgrade_database(url)
    engine = create_engine_for(url)
    with UnitOfWork(engine, write=False) as uow, pytest.raises(SequenceNotLocked, match="IMME"):
        next_registration_number(uow.session, "C123", 2026)
    engine.dispose()


# --- concurrency: separate processes, as separate desks -----------------------------

WORKER = """
import sys

from dost_desk.models.tables import Application, Passport
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.registration import next_registration_number
from dost_desk.storage.unit_of_work import UnitOfWork

url, count = sys.argv[1], int(sys.argv[2])
engine = create_engine_for(url)
print("ready", flush=True)
sys.stdin.readline()  # every worker starts at once
for _ in range(count):
    with UnitOfWork(engine) as uow:
        # Read first, as a service does: a DEFERRED transaction could then not upgrade.
        passport = uow.session.get(Passport, "01-08-02-00")
        number = next_registration_number(uow.session, "C123", 2026)
        uow.session.add(
            Application(
                registration_number=number,
                centre_code="C123",
                passport_id=passport.id,
                passport_hash=passport.version_hash,
                application_form="in_person",
                status="submitted",
                agent="worker",
            )
        )
        uow.commit()
    print(number, flush=True)
engine.dispose()
"""
WORKERS = 4
PER_WORKER = 50


@pytest.mark.slow
def test_concurrent_desks_get_distinct_consecutive_numbers(engine: Engine) -> None:
    url = engine.url.render_as_string(hide_password=False)
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, str(PER_WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(WORKERS)
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None
            assert worker.stdout.readline().strip() == "ready", worker.stderr
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        outputs = [worker.communicate(timeout=60) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait(timeout=120)
    for worker, (_, errors) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, errors
    numbers = [line for out, _ in outputs for line in out.split()]
    assert len(numbers) == len(set(numbers)) == WORKERS * PER_WORKER
    expected = {f"C123-2026-{value:06d}" for value in range(1, WORKERS * PER_WORKER + 1)}
    assert set(numbers) == expected
    with UnitOfWork(engine, write=False) as uow:
        stored = uow.session.scalars(sa.select(Application.registration_number)).all()
        sequence = uow.session.get(RegistrationSequence, ("C123", 2026))
    assert set(stored) == expected
    assert len(stored) == WORKERS * PER_WORKER
    assert sequence is not None and sequence.last_value == WORKERS * PER_WORKER


# --- the unit of work ---------------------------------------------------------------


def test_a_committed_unit_of_work_is_saved_and_stays_readable(engine: Engine) -> None:
    with UnitOfWork(engine) as uow:
        meta = AppMeta(key="centre_code", value="C123")
        uow.session.add(meta)
        uow.commit()
    assert meta.value == "C123"  # not expired by the commit, readable after the block
    with UnitOfWork(engine, write=False) as uow:
        assert uow.session.get(AppMeta, "centre_code") is not None


def test_without_commit_nothing_is_saved(engine: Engine) -> None:
    with UnitOfWork(engine) as uow:
        uow.session.add(AppMeta(key="centre_code", value="C123"))
        uow.session.flush()
    assert count_rows(engine, AppMeta) == 0


def test_work_after_the_commit_is_rolled_back(engine: Engine) -> None:
    with UnitOfWork(engine) as uow:
        uow.session.add(AppMeta(key="first", value="1"))
        uow.commit()
        uow.session.add(AppMeta(key="second", value="2"))
        uow.session.flush()
    with UnitOfWork(engine, write=False) as uow:
        assert uow.session.scalars(sa.select(AppMeta.key)).all() == ["first"]


def test_an_exception_rolls_back_and_is_re_raised_unchanged(engine: Engine) -> None:
    failure = RuntimeError("printer on fire")
    with pytest.raises(RuntimeError) as caught, UnitOfWork(engine) as uow:
        uow.session.add(AppMeta(key="centre_code", value="C123"))
        uow.session.flush()
        raise failure
    assert caught.value is failure
    assert count_rows(engine, AppMeta) == 0


def test_a_driver_error_becomes_a_storage_error(engine: Engine) -> None:
    with UnitOfWork(engine) as uow:
        uow.session.add(AppMeta(key="centre_code", value="C123"))
        uow.commit()
    with pytest.raises(StorageError) as caught, UnitOfWork(engine) as uow:
        uow.session.add(AppMeta(key="centre_code", value="C999"))
        uow.commit()
    assert isinstance(caught.value.__cause__, sa.exc.IntegrityError)
    assert "\n" not in str(caught.value)
    with UnitOfWork(engine, write=False) as uow:
        stored = uow.session.get(AppMeta, "centre_code")
        assert stored is not None and stored.value == "C123"


def test_an_unreachable_server_is_storage_unavailable() -> None:
    engine = create_engine_for("postgresql+psycopg://desk:s3cret@127.0.0.1:1/dost")
    with pytest.raises(StorageUnavailable) as caught, UnitOfWork(engine, write=False) as uow:
        uow.session.execute(sa.text("SELECT 1"))
    assert "127.0.0.1:1" in str(caught.value)
    assert "s3cret" not in str(caught.value)
    engine.dispose()


def test_a_read_only_sqlite_database_says_it_cannot_be_written(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    url = sqlite_url(path)
    upgrade_database(url)
    writer = create_engine_for(url)
    with UnitOfWork(writer) as uow:
        uow.session.add(AppMeta(key="centre_code", value="C123"))
        uow.commit()
    writer.dispose()
    # chmod cannot stop root (the tests' user): open the file read-only instead.
    read_only = create_engine_for(f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true")

    with pytest.raises(ReadOnlyDatabase) as caught, UnitOfWork(read_only) as uow:
        uow.session.add(AppMeta(key="language", value="az"))
        next_registration_number(uow.session, "C123", 2026)
        uow.commit()

    message = str(caught.value)
    assert isinstance(caught.value, StorageError)
    assert "read-only" in message and "cannot write" in message
    assert str(path) in message
    assert "\n" not in message
    # Reading still works and nothing that was there is lost.
    with UnitOfWork(read_only, write=False) as uow:
        assert uow.session.scalars(sa.select(AppMeta.key)).all() == ["centre_code"]
    read_only.dispose()
