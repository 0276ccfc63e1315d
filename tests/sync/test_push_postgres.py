"""Pushing the outbox to a real PostgreSQL database: exactly once, idempotent, resumable."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select
from sync_helpers import assert_central_equals_local, rows, unpushed

from dost_desk.cli import main
from dost_desk.models.base import Base
from dost_desk.services.demo import create_demo_applications
from dost_desk.storage.engine import StorageError, StorageUnavailable
from dost_desk.sync import push
from dost_desk.sync.push import SyncError, push_outbox

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/dost"
APPLICATION_COLUMNS = (
    "id",
    "registration_number",
    "centre_code",
    "passport_id",
    "status",
    "applicant_id",
    "agent",
    "variant",
    "started_at",
    "submitted_at",
    "deadline_total",
    "notice_due",
    "fee",
    "refusal",
    "draft",
    "updated_at",
    "version",
)


def test_offline_applications_arrive_upstream_exactly_once_and_equal(desk, upstream_url, upstream):
    summary = create_demo_applications(desk, 200, seed=6)
    assert summary.created == 200
    queued = unpushed(desk.engine)

    result = push_outbox(desk.engine, upstream_url, batch_size=500)

    assert result.pushed == queued and result.batches == -(-queued // 500)
    assert unpushed(desk.engine) == 0
    local = rows(desk.engine, "applications", APPLICATION_COLUMNS)
    assert len(local) == 200
    assert rows(upstream, "applications", APPLICATION_COLUMNS) == local
    assert_central_equals_local(desk, upstream)
    assert push_outbox(desk.engine, upstream_url) == push.PushSummary(pushed=0, batches=0)
    assert_central_equals_local(desk, upstream)


def test_a_push_interrupted_after_the_upstream_commit_is_completed_without_duplicates(
    desk, upstream_url, upstream, monkeypatch
):
    create_demo_applications(desk, 30, seed=7)
    queued = unpushed(desk.engine)
    real_mark = push._acknowledge
    calls = []

    def dies_once(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:  # the second batch reached upstream, then the desk died
            raise RuntimeError("killed")
        real_mark(*args, **kwargs)

    monkeypatch.setattr(push, "_acknowledge", dies_once)
    with pytest.raises(RuntimeError, match="killed"):
        push_outbox(desk.engine, upstream_url, batch_size=50)
    assert unpushed(desk.engine) == queued - 50  # only the first batch was acknowledged

    result = push_outbox(desk.engine, upstream_url, batch_size=50)

    assert result.pushed == queued - 50 and unpushed(desk.engine) == 0
    assert_central_equals_local(desk, upstream)
    with upstream.connect() as connection:
        history = Base.metadata.tables["status_history"]
        total = connection.scalar(select(func.count()).select_from(history))
        distinct = connection.scalar(select(func.count(func.distinct(history.c.uuid))))
    assert total == distinct == len(rows(desk.engine, "status_history"))


def test_later_changes_of_pushed_rows_are_pushed_again(desk, upstream_url, upstream):
    from dost_desk.services.outcome import change_status

    summary = create_demo_applications(desk, 10, seed=8)
    push_outbox(desk.engine, upstream_url)
    submitted = [
        row[0]
        for row in rows(desk.engine, "applications", ("id", "status"))
        if row[1] == "submitted"
    ]
    assert submitted, summary
    change_status(desk, submitted[0], "ordered")
    result = push_outbox(desk.engine, upstream_url)
    assert result.pushed > 0 and result.batches == 1
    assert_central_equals_local(desk, upstream)


def test_an_unreachable_upstream_changes_nothing(desk):
    create_demo_applications(desk, 5, seed=9)
    queued = unpushed(desk.engine)
    with pytest.raises(StorageUnavailable, match=re.escape("127.0.0.1:1")):
        push_outbox(desk.engine, UNREACHABLE)
    assert unpushed(desk.engine) == queued > 0


def test_an_upstream_without_the_schema_is_refused(desk, pg_empty_url):
    create_demo_applications(desk, 3, seed=10)
    queued = unpushed(desk.engine)
    with pytest.raises(SyncError, match="dost-desk db upgrade"):
        push_outbox(desk.engine, pg_empty_url)
    assert unpushed(desk.engine) == queued


def test_the_sync_command_pushes_and_reports(desk, desk_url, upstream_url, capsys):
    create_demo_applications(desk, 5, seed=11)
    queued = unpushed(desk.engine)
    assert main(["sync", "--upstream", upstream_url, "--url", desk_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"pushed {queued} changes in 1 batches"
    # Its own applications come back in the pull and change nothing.
    assert (
        lines[1] == "pulled 0 passports, 0 calendar changes, 0 reference data changes, "
        "0 application changes, 0 closed orders"
    )
    assert lines[2].startswith("deferred checks asked again: ")
    assert main(["sync", "--upstream", upstream_url, "--url", desk_url]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "pushed 0 changes in 0 batches"


def test_the_sync_command_fails_in_one_line_when_upstream_is_unreachable(desk, desk_url, capsys):
    create_demo_applications(desk, 3, seed=12)
    queued = unpushed(desk.engine)
    assert main(["sync", "--upstream", UNREACHABLE, "--url", desk_url]) == 1
    error = capsys.readouterr().err
    assert error.startswith("dost-desk: error: ") and error.count("\n") == 1
    assert "127.0.0.1:1" in error
    assert unpushed(desk.engine) == queued
    assert issubclass(StorageUnavailable, StorageError)
