"""Copy numbers are allocated under a lock: six desks printing one receipt at the same
moment archive exactly one original and copies 1..6, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from test_printing_service import accepted_certificate

from dost_desk.services.catalog import store_catalog_in_database
from dost_desk.services.printing import list_printed_documents, render_application_document
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import run_upgrade

PRINTS = 6


def _prepared(url: str) -> str:
    run_upgrade(url)
    engine = create_engine_for(url)
    try:
        store_catalog_in_database(engine)
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, desk_url):
    if request.param == "sqlite":
        return desk_url
    return _prepared(request.getfixturevalue("pg_empty_url"))


def test_six_parallel_prints_of_one_receipt_give_one_original(database_url, make_desk, clock):
    app = accepted_certificate(make_desk(database_url), clock)
    desks = [make_desk(database_url) for _ in range(PRINTS)]
    start = threading.Barrier(PRINTS)
    results, errors = [], []

    def print_one(desk) -> None:
        start.wait(timeout=60)
        try:
            results.append(render_application_document(desk, app.id, "receipt"))
        except Exception as error:  # reported below, with the others
            errors.append(error)

    threads = [threading.Thread(target=print_one, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert sorted(r.copy_number for r in results) == list(range(1, PRINTS + 1))
    assert [r.duplicate for r in results].count(False) == 1
    archived = list_printed_documents(desks[0], app.id)
    assert sorted((p.copy_number, p.duplicate) for p in archived) == [
        (n, n > 1) for n in range(1, PRINTS + 1)
    ]


@pytest.mark.postgres
def test_an_archive_failing_after_delivery_says_the_copy_may_not_be_archived(
    pg_empty_url, make_desk, clock, tmp_path
):
    import psycopg
    from sqlalchemy.engine import make_url

    from dost_desk.print.errors import PrintError
    from dost_desk.services.printing import save_application_document

    url = _prepared(pg_empty_url)
    desk = make_desk(url)
    app = accepted_certificate(desk, clock)
    target = tmp_path / "r.pdf"
    parts = make_url(url)

    def admin(statement: str) -> None:
        with psycopg.connect(
            host=parts.host,
            port=parts.port,
            user=parts.username,
            dbname=parts.database,
            autocommit=True,
            connect_timeout=3,
        ) as connection:
            connection.execute(statement)

    def deliver_then_break_the_archive(pdf: bytes) -> None:
        target.write_bytes(pdf)  # delivered
        admin("ALTER TABLE printed_documents RENAME TO printed_documents_away")

    try:
        with pytest.raises(PrintError, match="may not have been archived") as caught:
            render_application_document(
                desk, app.id, "receipt", deliver=deliver_then_break_the_archive
            )
    finally:
        admin("ALTER TABLE IF EXISTS printed_documents_away RENAME TO printed_documents")
    assert "\n" not in str(caught.value) and "print list" in str(caught.value)
    assert list_printed_documents(desk, app.id) == []
    rendered, _ = save_application_document(desk, app.id, "receipt", target)
    assert (rendered.copy_number, rendered.duplicate) == (1, False)


def test_a_print_in_progress_does_not_hold_the_database_write_lock(make_desk, clock):
    """A printer can take seconds: meanwhile other work (autosave, sync) keeps writing."""
    from dost_desk.services.intake import start_application

    desk = make_desk()
    app = accepted_certificate(desk, clock)
    other = make_desk()
    written = []

    def slow_printer(pdf: bytes) -> None:
        # another desk process starts an application while this print is on its way
        written.append(start_application(other, "01-08-02-00", {"action": "issue"}, "in_person"))

    rendered = render_application_document(desk, app.id, "receipt", deliver=slow_printer)
    assert rendered.copy_number == 1 and len(written) == 1
