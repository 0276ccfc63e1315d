"""The log file: where it is, what goes in (no personal data), and a folder it cannot use."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from sqlalchemy import text

from dost_desk import logs
from dost_desk.services.applicants import set_applicant
from dost_desk.services.intake import start_application
from dost_desk.services.intake_dto import ApplicantInput, IntakeRuleBroken, InvalidInput
from dost_desk.storage.engine import StorageError

FIN = "5ZJ8K2P"
SURNAME = "Məmmədzadə"
NAME = "Gülnarə"
PHONE = "+994501234567"


@pytest.fixture(autouse=True)
def _no_log_left_open():
    yield
    logs.stop_logging()


def test_the_log_file_is_in_the_data_folder(isolated_config, tmp_path):
    assert logs.log_file_path() == tmp_path / "dost-data" / "logs" / "dost-desk.log"


def test_the_config_files_data_dir_is_used_without_the_variable(
    isolated_config, tmp_path, monkeypatch
):
    monkeypatch.delenv("DOST_DESK_DATA_DIR")
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text(f'data_dir = "{(tmp_path / "elsewhere").as_posix()}"\n')
    assert logs.log_file_path() == tmp_path / "elsewhere" / "logs" / "dost-desk.log"


def test_setup_writes_the_dost_desk_loggers_to_the_file(isolated_config):
    setup = logs.setup_logging()
    assert setup.problem is None
    logging.getLogger("dost_desk.test").info("registration C123-2026-000042 printed")
    logging.getLogger("sqlalchemy.engine").warning("a third-party line stays out")
    content = setup.path.read_text(encoding="utf-8")
    assert "registration C123-2026-000042 printed" in content
    assert "third-party" not in content
    assert logs.setup_logging() is setup  # once per path


def _intake_errors(desk) -> list[BaseException]:
    """Errors an intake can raise with what the agent typed in them, as they happen."""
    app = start_application(desk, "01-08-02-00", {"action": "issue"}, "in_person")
    typed = ApplicantInput(
        fin=FIN, surname=SURNAME, name=NAME, phone="12", id_document_number="AZE1234567"
    )
    errors: list[BaseException] = []
    try:
        set_applicant(desk, app.id, typed)
    except InvalidInput as error:
        errors.append(error)
    try:
        with desk.engine.connect() as connection:
            connection.execute(
                text("INSERT INTO no_such_table VALUES (:fin, :surname, :phone)"),
                {"fin": FIN, "surname": SURNAME, "phone": PHONE},
            )
    except Exception as database_error:
        try:
            try:
                raise KeyError(f"{FIN} {NAME}") from database_error
            except KeyError:
                raise StorageError(f"cannot store the applicant {SURNAME!r}") from database_error
        except StorageError as error:
            errors.append(error)
    try:
        raise IntakeRuleBroken("applicant", f"{FIN} is already the representative")
    except IntakeRuleBroken as error:
        errors.append(error)
    return errors


def test_a_logged_intake_error_holds_no_fin_or_name_that_was_typed(isolated_config, desk):
    setup = logs.setup_logging()
    errors = _intake_errors(desk)
    assert len(errors) == 3
    assert any(FIN in str(error) or SURNAME in repr(error.__cause__) for error in errors)
    log = logging.getLogger("dost_desk.intake")
    for error in errors:
        log.error("intake failed for %s", FIN, exc_info=error)
        logs.log_uncaught(error)
        logs.log_job_failure("set_applicant", error)
    content = setup.path.read_text(encoding="utf-8")
    # The traceback is there: frames and error types...
    for kind in ("InvalidInput", "StorageError", "OperationalError", "IntakeRuleBroken"):
        assert kind in content
    assert "in _intake_errors" in content
    # ...but nothing the agent typed.
    for typed in (FIN, FIN.lower(), SURNAME, NAME, PHONE, "501234567", "1234567"):
        assert typed not in content


def test_messages_keep_registration_numbers_and_mask_personal_data():
    line = logs.redact(
        "C123-2026-000042 for 5ZJ8K2P, +994 50 123 45 67, AA1234567, 1234567890, "
        "a.b@mail.az, 'Əliyev' 01-08-02-00 'fin.length'"
    )
    assert line.startswith("C123-2026-000042 for [FİN?], [number], AA[number], [number], ")
    assert "[e-mail] '…' 01-08-02-00 'fin.length'" in line


def test_an_unwritable_log_folder_is_reported_not_raised(isolated_config, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")  # even root cannot create a folder under a file
    setup = logs.setup_logging(blocker / "logs" / "dost-desk.log")
    assert setup.problem
    logging.getLogger("dost_desk.test").error("still fine")  # goes nowhere, no exception
    assert logs.current_setup() is setup


def test_the_hooks_log_uncaught_errors_of_both_threads(isolated_config, monkeypatch):
    setup = logs.setup_logging()
    seen: list[tuple[BaseException, str]] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logs.install_exception_hooks(lambda error, details: seen.append((error, details)))
    try:
        raise ZeroDivisionError("main thread")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())

    def fail() -> None:
        raise IndexError("worker thread")

    worker = threading.Thread(target=fail, name="test-worker")
    worker.start()
    worker.join(30)
    assert [type(error) for error, _ in seen] == [ZeroDivisionError, IndexError]
    assert "raise ZeroDivisionError" in seen[0][1]
    content = setup.path.read_text(encoding="utf-8")
    assert "ZeroDivisionError: main thread" in content
    assert "uncaught exception in test-worker" in content
    assert "IndexError: worker thread" in content
