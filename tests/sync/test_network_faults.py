"""Fault injection: a real TCP proxy on 127.0.0.1 between the desk and PostgreSQL breaks
the connection at random points of 100 syncs; a clean sync afterwards leaves the central
database equal to the desk, row for row: nothing lost, nothing duplicated."""

from __future__ import annotations

import random

import pytest
from sync_helpers import assert_central_equals_local, unpushed
from tcp_proxy import TcpProxy

from dost_desk.services.applications import list_applications
from dost_desk.services.demo import create_demo_applications
from dost_desk.services.outcome import change_status
from dost_desk.services.sync import sync_status, sync_with_upstream
from dost_desk.storage.engine import StorageError

pytestmark = pytest.mark.postgres


def test_a_hundred_interrupted_syncs_then_a_clean_one_lose_and_duplicate_nothing(
    desk, upstream_url, upstream
):
    create_demo_applications(desk, 120, seed=71)
    movable = [a.id for a in list_applications(desk, status="ordered", limit=None)]
    chance = random.Random(2026)
    failures = successes = 0
    with TcpProxy() as proxy:
        url = proxy.url(upstream_url)
        # Each connection breaks after 100 B to 30 KB: in the login, in the middle of a
        # batch, between a batch's commit and its acknowledgement, in the pull.
        proxy.drop_after(lambda: chance.randint(100, 30_000))
        for attempt in range(100):
            # The counter keeps working meanwhile: new applications, status changes.
            if attempt % 4 == 0:
                create_demo_applications(desk, 1, seed=attempt)
            elif movable and attempt % 4 == 2:
                change_status(desk, movable.pop(), "ready", f"ready during attempt {attempt}")
            try:
                sync_with_upstream(desk, url, batch_size=25)
            except StorageError:
                failures += 1
            else:
                successes += 1
        assert proxy.dropped >= 90, "the proxy should have broken (nearly) every sync"
        proxy.restore()

        summary = sync_with_upstream(desk, url, batch_size=25)

    assert failures >= 90 and failures + successes == 100
    assert summary.push.conflicts == () and summary.pull.conflicts == []
    assert unpushed(desk.engine) == 0
    assert sync_status(desk).conflicts == 0
    assert_central_equals_local(desk, upstream)
    again = sync_with_upstream(desk, upstream_url)
    assert again.push.pushed == 0 and again.pull.applications == 0
