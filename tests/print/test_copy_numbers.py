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


@pytest.fixture(params=["sqlite", "postgresql"])
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


def test_a_lost_connection_after_delivery_says_the_copy_may_not_be_archived(
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

    def cut_the_connection(pdf: bytes) -> None:
        target.write_bytes(pdf)  # delivered
        with psycopg.connect(
            host=parts.host,
            port=parts.port,
            user=parts.username,
            dbname=parts.database,
            autocommit=True,
            connect_timeout=3,
        ) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                "AND pid <> pg_backend_pid() AND state = 'idle in transaction'",
                (parts.database,),
            )

    with pytest.raises(PrintError, match="may not have been archived") as caught:
        render_application_document(desk, app.id, "receipt", deliver=cut_the_connection)
    assert "\n" not in str(caught.value) and "print list" in str(caught.value)
    assert list_printed_documents(desk, app.id) == []
    rendered, _ = save_application_document(desk, app.id, "receipt", target)
    assert (rendered.copy_number, rendered.duplicate) == (1, False)
