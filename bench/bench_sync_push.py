"""Benchmark: pushing 10,000 offline applications to the central PostgreSQL.

``ours``: :func:`dost_desk.sync.push.push_outbox` of a local outbox holding 10,000
applications with their applicants, documents, status history, printouts, orders and
notices (every change the desk made, in batches of 5,000, with the conflict check), into a
fresh central database at 127.0.0.1:5432.

``baseline``, timed in the same run: the same final rows written by raw psycopg
``executemany`` (one INSERT per table, one transaction) into another fresh database with
the same schema — no outbox, no JSON decoding, no conflict check, no acknowledgement.

Target: the push reaches at least half the baseline's throughput (ratio ≤ 2×).

The outbox is made quickly: 100 applications are made by the demo generator (through the
real services), and their outbox entries are cloned with fresh UUIDs and registration
numbers to reach 10,000 (2,000 with ``--quick``).

Three interleaved rounds (one with ``--quick``), each into fresh databases; medians.

Run alone: ``python bench/bench_sync_push.py [--quick]``.
"""

from __future__ import annotations

import getpass
import re
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

TARGET_RATIO = 2.0  # push time ≤ 2× executemany time = ≥ 0.5× its throughput
TEMPLATE_APPLICATIONS = 100
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@contextmanager
def fresh_database() -> Iterator[str]:
    """A throwaway PostgreSQL database with DOST Desk's schema; dropped afterwards."""
    import psycopg
    from psycopg import sql

    from dost_desk.storage.migrate import run_upgrade

    user = "postgres"
    try:
        admin = psycopg.connect(host="127.0.0.1", user=user, dbname="postgres", autocommit=True)
    except psycopg.Error:
        user = getpass.getuser()
        admin = psycopg.connect(host="127.0.0.1", user=user, dbname="postgres", autocommit=True)
    name = f"dost_bench_{secrets.token_hex(5)}"
    with admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = f"postgresql+psycopg://{user}@127.0.0.1:5432/{name}"
    try:
        run_upgrade(url)
        yield url
    finally:
        with psycopg.connect(
            host="127.0.0.1", user=user, dbname="postgres", autocommit=True
        ) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _template_entries(temp: Path) -> list[dict[str, Any]]:
    """The outbox entries of TEMPLATE_APPLICATIONS demo applications, in order."""
    from sqlalchemy import select

    from dost_desk.config import load_settings
    from dost_desk.models.sync_tables import OutboxEntry, OutboxPayload
    from dost_desk.services.demo import create_demo_applications
    from dost_desk.services.desk import open_desk

    desk = open_desk(load_settings(), url=f"sqlite:///{temp / 'template.sqlite3'}")
    try:
        create_demo_applications(desk, TEMPLATE_APPLICATIONS, seed=2026)
        table, payloads = OutboxEntry.__table__, OutboxPayload.__table__
        with desk.engine.connect() as connection:
            rows = connection.execute(
                select(
                    table.c.table,
                    table.c.row_id,
                    table.c.application_id,
                    table.c.operation,
                    payloads.c.payload,
                )
                .join(payloads, payloads.c.entry_id == table.c.id)
                .order_by(table.c.id)
            )
            return [dict(row._mapping) for row in rows]
    finally:
        desk.close()


def _clone(value: Any, copy: int) -> Any:
    """``value`` with every UUID replaced by copy ``copy``'s own, and registration
    numbers made unique per copy."""
    if isinstance(value, dict):
        return {
            key: (f"{item}/{copy}" if key == "registration_number" and item else _clone(item, copy))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_clone(item, copy) for item in value]
    if isinstance(value, str) and _UUID.fullmatch(value):
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{value}/{copy}")) if copy else value
    return value


def _local_outbox(temp: Path, entries: list[dict[str, Any]], copies: int) -> str:
    """A local desk database whose outbox holds ``copies`` clones of ``entries``."""
    from sqlalchemy import insert

    from dost_desk.models.base import utc_now
    from dost_desk.models.sync_tables import OutboxEntry, OutboxPayload
    from dost_desk.services.catalog import store_catalog_in_database
    from dost_desk.storage.engine import create_engine_for
    from dost_desk.storage.migrate import run_upgrade

    url = f"sqlite:///{temp / 'desk.sqlite3'}"
    run_upgrade(url)
    engine = create_engine_for(url)
    store_catalog_in_database(engine)
    now = utc_now()
    with engine.begin() as connection:
        next_id = 1
        for copy in range(copies):
            clones = [_clone(entry, copy) for entry in entries]
            ids = range(next_id, next_id + len(clones))
            next_id += len(clones)
            connection.execute(
                insert(OutboxEntry.__table__),
                [
                    {key: value for key, value in clone.items() if key != "payload"}
                    | {"id": key, "created_at": now}
                    for key, clone in zip(ids, clones, strict=True)
                ],
            )
            connection.execute(
                insert(OutboxPayload.__table__),
                [
                    {"entry_id": key, "payload": clone["payload"]}
                    for key, clone in zip(ids, clones, strict=True)
                ],
            )
    engine.dispose()
    return url


def _final_rows(entries: list[dict[str, Any]], copies: int) -> dict[str, list[dict]]:
    """The rows the push leaves upstream: the newest payload of each row, per table."""
    from dost_desk.models.base import Base
    from dost_desk.sync.outbox import LOCAL_ONLY_COLUMNS, SYNCED_TABLES
    from dost_desk.sync.push import _decode

    newest: dict[tuple[str, str], dict] = {}
    for copy in range(copies):
        for entry in entries:
            clone = _clone(entry, copy)
            newest[(clone["table"], clone["row_id"])] = clone
    tables: dict[str, list[dict]] = {name: [] for name in SYNCED_TABLES}
    for (name, _), entry in newest.items():
        if entry["operation"] == "upsert":
            payload = {
                key: value
                for key, value in entry["payload"].items()
                if key not in LOCAL_ONLY_COLUMNS.get(name, ())
            }
            tables[name].append(_decode(Base.metadata.tables[name], payload))
    return tables


def _executemany(url: str, tables: dict[str, list[dict]]) -> float:
    """Write ``tables`` with psycopg executemany in one transaction; return seconds."""
    import psycopg
    from psycopg import sql
    from psycopg.types.json import Jsonb
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    start = time.perf_counter()
    with psycopg.connect(
        host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database
    ) as connection:
        with connection.cursor() as cursor:
            for name, rows in tables.items():
                if not rows:
                    continue
                columns = list(rows[0])
                statement = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                    sql.Identifier(name),
                    sql.SQL(", ").join(map(sql.Identifier, columns)),
                    sql.SQL(", ").join(sql.Placeholder() * len(columns)),
                )
                cursor.executemany(
                    statement,
                    [
                        [Jsonb(v) if isinstance(v, dict | list) else v for v in row.values()]
                        for row in rows
                    ],
                )
        connection.commit()
    return time.perf_counter() - start


def _copy_passports(local_url: str, central_url: str) -> None:
    """The baseline database gets the passports up front (the push copies them itself)."""
    from sqlalchemy import insert, select

    from dost_desk.models.tables import Passport
    from dost_desk.storage.engine import create_engine_for

    local, central = create_engine_for(local_url), create_engine_for(central_url)
    try:
        with local.connect() as source:
            rows = [dict(row._mapping) for row in source.execute(select(Passport.__table__))]
        with central.begin() as target:
            target.execute(insert(Passport.__table__), rows)
    finally:
        local.dispose()
        central.dispose()


def _unpush(local_url: str) -> None:
    """Make the local outbox unpushed again (for the next round)."""
    import sqlite3

    from sqlalchemy.engine import make_url

    with sqlite3.connect(make_url(local_url).database) as connection:
        connection.execute("UPDATE outbox SET pushed_at = NULL")
        connection.execute("DELETE FROM synced_versions")


def run(quick: bool = False) -> list[dict]:
    from dost_desk.storage.engine import create_engine_for
    from dost_desk.sync.push import push_outbox

    applications = 2_000 if quick else 10_000
    rounds = 1 if quick else 3
    copies = applications // TEMPLATE_APPLICATIONS
    ours_times: list[float] = []
    baseline_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="dost-bench-sync-") as temp:
        temp_dir = Path(temp)
        entries = _template_entries(temp_dir)
        local_url = _local_outbox(temp_dir, entries, copies)
        tables = _final_rows(entries, copies)
        for _ in range(rounds):  # interleaved; each into a fresh central database
            _unpush(local_url)
            local = create_engine_for(local_url)
            try:
                with fresh_database() as central_url:
                    start = time.perf_counter()
                    summary = push_outbox(local, central_url)
                    ours_times.append(time.perf_counter() - start)
            finally:
                local.dispose()
            with fresh_database() as baseline_url:
                _copy_passports(local_url, baseline_url)
                baseline_times.append(_executemany(baseline_url, tables))
    ours, baseline = statistics.median(ours_times), statistics.median(baseline_times)
    rows_written = sum(len(rows) for rows in tables.values())
    ratio = ours / baseline
    return [
        {
            "benchmark": f"sync push, {applications:,} applications "
            f"({summary.pushed:,} outbox entries, {rows_written:,} rows)",
            "ours": ours,
            "baseline": baseline,
            "ratio": ratio,
            "target": f"≤ {TARGET_RATIO:g}× (≥ 0.5× executemany throughput)",
            "ok": ratio <= TARGET_RATIO,
        }
    ]


if __name__ == "__main__":
    for row in run("--quick" in sys.argv[1:]):
        print(row)
