"""Offline sync scenarios against a real PostgreSQL: a 1,000-application round trip, a
desk killed (SIGKILL) in the middle of a push, and two offline centres syncing the same
period into one central database."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sync_helpers import assert_central_equals_local, rows, unpushed

from dost_desk.models.base import Base
from dost_desk.services.applicants import set_applicant
from dost_desk.services.catalog import store_catalog_in_database
from dost_desk.services.demo import create_demo_applications
from dost_desk.services.demo_people import CERTIFICATE, People
from dost_desk.services.intake import record_document, start_application
from dost_desk.services.outcome import submit_application
from dost_desk.storage.engine import create_engine_for
from dost_desk.storage.migrate import run_upgrade
from dost_desk.sync.push import PushSummary, push_outbox
from dost_desk.sync.review import find_cross_centre_duplicates

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

PUSH_SCRIPT = """
import sys
from dost_desk.storage.engine import create_engine_for
from dost_desk.sync.push import push_outbox

print(push_outbox(create_engine_for(sys.argv[1]), sys.argv[2], batch_size=5).line(), flush=True)
"""


def count(engine: Engine, name: str) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(Base.metadata.tables[name]))


def prepared_sqlite(path: Path) -> str:
    """A local SQLite database made the way a centre's desk makes it."""
    url = f"sqlite:///{path}"
    run_upgrade(url)
    engine = create_engine_for(url)
    store_catalog_in_database(engine)
    engine.dispose()
    return url


def test_a_thousand_offline_applications_round_trip(desk, upstream_url, upstream):
    summary = create_demo_applications(desk, 1000, seed=61)
    assert summary.created == 1000
    queued = unpushed(desk.engine)

    result = push_outbox(desk.engine, upstream_url, batch_size=500)

    assert result.pushed == queued and unpushed(desk.engine) == 0
    assert count(upstream, "applications") == 1000
    assert_central_equals_local(desk, upstream)
    assert push_outbox(desk.engine, upstream_url) == PushSummary(pushed=0, batches=0)
    assert_central_equals_local(desk, upstream)


def test_a_desk_killed_during_a_sync_is_completed_by_the_next_one(
    desk, desk_url, upstream_url, upstream, tmp_path
):
    create_demo_applications(desk, 150, seed=62)
    queued = unpushed(desk.engine)
    script = tmp_path / "push.py"
    script.write_text(PUSH_SCRIPT, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(script), desk_url, upstream_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while count(upstream, "applications") < 10:  # several batches committed
            assert process.poll() is None, process.communicate(timeout=60)
            assert time.monotonic() < deadline, "the push never reached upstream"
            time.sleep(0.005)
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    left = unpushed(desk.engine)
    assert 0 < left < queued  # killed in the middle of the push

    result = push_outbox(desk.engine, upstream_url, batch_size=50)

    assert result.pushed == left and unpushed(desk.engine) == 0
    assert_central_equals_local(desk, upstream)
    assert push_outbox(desk.engine, upstream_url) == PushSummary(pushed=0, batches=0)


def apply_in_person(desk, person) -> str:
    """The same applicant asks for the ID-card certificate; submitted, complete."""
    app = start_application(desk, CERTIFICATE, {"action": "issue"}, "in_person", "in_person")
    app = set_applicant(desk, app.id, person)
    for document in app.documents:
        app = record_document(desk, app.id, document.name, "electronic_source")
    return submit_application(desk, app.id).id


def test_two_offline_centres_sync_the_same_period(make_desk, upstream_url, upstream, tmp_path):
    north = make_desk(url=prepared_sqlite(tmp_path / "c101.sqlite3"), centre_code="C101")
    south = make_desk(url=prepared_sqlite(tmp_path / "c202.sqlite3"), centre_code="C202")
    create_demo_applications(north, 60, seed=63)
    create_demo_applications(south, 60, seed=64)
    person = People(random.Random(2026)).person(CERTIFICATE)
    north_id = apply_in_person(north, person)
    south_id = apply_in_person(south, person)

    push_outbox(north.engine, upstream_url)
    push_outbox(south.engine, upstream_url)

    applications = rows(upstream, "applications", ("id", "registration_number", "centre_code"))
    assert len(applications) == 122
    numbers = [number for _, number, _ in applications if number is not None]
    assert len(numbers) == len(set(numbers)) > 100
    for _, number, centre in applications:
        assert number is None or number.startswith(centre), (number, centre)
    assert {centre for _, _, centre in applications} == {"C101", "C202"}

    pairs = find_cross_centre_duplicates(upstream_url)

    assert len(pairs) == 1
    (pair,) = pairs
    assert pair.fin == person.fin and pair.passport_id == CERTIFICATE
    assert {pair.first_id, pair.second_id} == {north_id, south_id}
    assert {pair.first_centre_code, pair.second_centre_code} == {"C101", "C202"}
    assert {pair.first_registration_number, pair.second_registration_number} <= set(numbers)
