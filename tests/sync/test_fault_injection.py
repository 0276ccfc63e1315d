"""Fault injection: a real TCP proxy on 127.0.0.1 between the desk and PostgreSQL breaks
the connection at random points of 100 syncs of 200 offline applications — while a query
goes up, while its answer comes back, and right after the server committed a batch but
before the desk heard it (the acknowledgement lost) — and the counter keeps working in
between. A clean sync afterwards leaves the central database equal to the desk, row for
row: nothing lost, nothing duplicated, no false conflict."""

from __future__ import annotations

import contextlib
import random
import threading
from collections import Counter
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sync_helpers import assert_central_equals_local, rows, unpushed
from tcp_proxy import TcpProxy

from dost_desk.models.sync_tables import OutboxEntry, OutboxPayload
from dost_desk.services.demo import create_demo_applications
from dost_desk.services.outcome import change_status
from dost_desk.services.sync import sync_status, sync_with_upstream
from dost_desk.storage.engine import StorageError

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ATTEMPTS = 100
BATCH_SIZE = 20
# The server's answer to COMMIT (CommandComplete "COMMIT"): the transaction is durable.
COMMITTED = b"C\x00\x00\x00\x0bCOMMIT\x00"
NEXT_STATUS = {"submitted": "ordered", "ordered": "ready", "ready": "handed_over"}
# Bytes on the wire for the passports copied in every push's first batch, the login and
# the pull, on top of the outbox payloads (measured: ~35 KB).
FIXED_BYTES = 40_000


def _sync(desk, url: str):
    return sync_with_upstream(desk, url, batch_size=BATCH_SIZE)


class CommitBreakingProxy(TcpProxy):
    """The test proxy, plus one more fault: :meth:`drop_at_commit` breaks a connection
    when the server's answer to its n-th COMMIT comes back, before the desk gets it.
    ``drops`` counts where the links broke."""

    def __init__(self) -> None:
        super().__init__()
        self.drops: Counter[str] = Counter()
        self._commit_to_break: int | None = None
        self._count_lock = threading.Lock()

    def drop_at_commit(self, nth: int) -> None:
        """Each new connection breaks at the answer to its ``nth`` COMMIT (no byte limit)."""
        self.drop_after(None)
        self._commit_to_break = nth

    def drop_after(self, budget: int | Callable[[], int | None] | None) -> None:
        self._commit_to_break = None
        super().drop_after(budget)

    def _note(self, kind: str) -> None:
        with self._count_lock:
            self.drops[kind] += 1

    def _pump(self, link, source, sink) -> None:
        # TcpProxy._pump, with the answer to COMMIT watched on the way back.
        answers = source is link.server
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if answers and COMMITTED in data and self._breaks_at_this_commit(link, data):
                    self._note("after the commit, before the desk heard it")
                    self._drop(link)
                    return
                if not link.spend(len(data)):
                    self._note("in an answer" if answers else "in a query")
                    with contextlib.suppress(OSError):
                        sink.sendall(data[: max(1, len(data) // 2)])
                    self._drop(link)
                    return
                sink.sendall(data)
        except OSError:
            pass
        self._forget(link)

    def _breaks_at_this_commit(self, link, data: bytes) -> bool:
        if self._commit_to_break is None:
            return False
        with self._count_lock:
            link.commits = getattr(link, "commits", 0) + data.count(COMMITTED)
            return link.commits >= self._commit_to_break


def _waiting_bytes(engine: Engine) -> int:
    """The size of the unpushed outbox payloads: about what a push still sends."""
    with engine.connect() as connection:
        return connection.scalar(
            select(func.coalesce(func.sum(func.length(OutboxPayload.payload)), 0))
            .join(OutboxEntry, OutboxEntry.id == OutboxPayload.entry_id)
            .where(OutboxEntry.pushed_at.is_(None))
        )


def _unacknowledged_but_central(desk, upstream: Engine) -> set[str]:
    """Applications whose newest version is central already while the desk still waits to
    push it: their batch was committed and its acknowledgement lost."""
    central = dict(rows(upstream, "applications", ("id", "version")))
    local = dict(rows(desk.engine, "applications", ("id", "version")))
    with desk.engine.connect() as connection:
        waiting = set(
            connection.scalars(
                select(OutboxEntry.row_id).where(
                    OutboxEntry.table == "applications", OutboxEntry.pushed_at.is_(None)
                )
            )
        )
    return {key for key, version in local.items() if key in waiting and central.get(key) == version}


def _advance_one(desk, upstream: Engine, chance: random.Random) -> bool:
    """Move one application on (submitted → ordered → ready → handed over), preferring one
    whose push was committed but not acknowledged; True if that kind was moved."""
    statuses = dict(rows(desk.engine, "applications", ("id", "status")))
    movable = [key for key, status in statuses.items() if status in NEXT_STATUS]
    lost = sorted(_unacknowledged_but_central(desk, upstream) & set(movable))
    key = chance.choice(lost or movable)
    change_status(desk, key, NEXT_STATUS[statuses[key]], "moved on between two syncs")
    return bool(lost)


def _plan_the_fault(proxy: CommitBreakingProxy, desk, chance: random.Random) -> None:
    """Where the next sync breaks: at a batch's COMMIT (a quarter of them), in its first
    few batches (most), or beyond what is left (a sync that gets through)."""
    waiting = unpushed(desk.engine)
    batches = -(-waiting // BATCH_SIZE)
    draw = chance.random()
    if draw < 0.25:
        # The first COMMIT is the schema check's; the later ones end batches.
        proxy.drop_at_commit(chance.randint(2, max(2, min(6, batches + 1))))
        return
    payloads = _waiting_bytes(desk.engine)
    if draw < 0.35:
        proxy.drop_after(2 * (FIXED_BYTES + payloads))
        return
    per_batch = payloads // max(1, batches)
    proxy.drop_after(chance.randint(100, FIXED_BYTES + 5 * per_batch))


def test_a_hundred_interrupted_syncs_then_a_clean_one_lose_and_duplicate_nothing(
    desk, upstream_url, upstream
):
    create_demo_applications(desk, 200, seed=71)
    chance = random.Random(2026)
    failures = successes = acknowledged = moved_after_lost_ack = 0
    with CommitBreakingProxy() as proxy:
        url = proxy.url(upstream_url)
        for attempt in range(ATTEMPTS):
            # The counter keeps working meanwhile: new applications, status changes.
            if attempt % 5 == 0:
                create_demo_applications(desk, 1, seed=1000 + attempt)
            elif attempt % 5 in (1, 3):
                moved_after_lost_ack += _advance_one(desk, upstream, chance)
            _plan_the_fault(proxy, desk, chance)
            before = unpushed(desk.engine)
            try:
                _sync(desk, url)
            except StorageError:  # any other exception fails the test
                failures += 1
            else:
                successes += 1
            acknowledged += before - unpushed(desk.engine)
        proxy.restore()

        summary = _sync(desk, url)

    assert failures + successes == ATTEMPTS and failures >= ATTEMPTS // 2
    # The faults landed everywhere, and the interrupted syncs got somewhere in between.
    assert proxy.drops["in a query"] >= 10 and proxy.drops["in an answer"] >= 1
    assert proxy.drops["after the commit, before the desk heard it"] >= 10
    assert moved_after_lost_ack >= 3
    assert acknowledged > 0

    assert summary.push.conflicts == () and summary.pull.conflicts == []
    assert unpushed(desk.engine) == 0
    assert sync_status(desk).conflicts == 0
    assert_central_equals_local(desk, upstream)
    again = sync_with_upstream(desk, upstream_url)
    assert again.push.pushed == 0 and again.pull.applications == 0
