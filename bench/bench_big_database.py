"""Benchmark: the first usable window on a local database of 200,000 applications.

``ours``: ``python -m dost_desk`` with the start-up probe, from the process start until the
workspace is loaded into the window (catalog tree, applications list, status bar: what the
agent can use), on a SQLite database holding 200,000 applications of this centre — about
three years of a busy C centre.

``baseline``, timed in the same run: the same on an empty database (freshly migrated,
passports stored). The ratio is what the years of data cost at start-up.

The big database is made quickly: 500 applications by the demo generator (through the
real services: applicants, documents, status history, printouts, orders, checks), then
their application rows are copied with new IDs and registration numbers (SQL) up to
200,000 (20,000 with ``--quick``), and the indexes are rebuilt by ``ANALYZE``.

Run alone: ``python bench/bench_big_database.py [--quick]``.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
for _path in (str(BENCH_DIR), str(REPO_ROOT)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from bench_startup import LOADED_LINE, _environment, time_until_line  # noqa: E402

TARGET_RATIO = 3.0
DEMO_APPLICATIONS = 500


def make_database(path: Path, applications: int) -> None:
    """A local desk database with ``applications`` applications (see module docstring)."""
    from dost_desk.config import load_settings
    from dost_desk.services.demo import create_demo_applications
    from dost_desk.services.desk import open_desk

    desk = open_desk(load_settings(centre_code="C000"), url=f"sqlite:///{path}")
    try:
        create_demo_applications(desk, min(DEMO_APPLICATIONS, applications), seed=2026)
    finally:
        desk.close()
    connection = sqlite3.connect(path)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(applications)")]

        def copied(column: str, copy: int) -> str:
            if column == "id":
                return f"substr(id, 1, 27) || printf('%09d', {copy})"
            if column == "registration_number":
                return f"registration_number || '/{copy}'"
            return column

        made = connection.execute("SELECT max(rowid) FROM applications").fetchone()[0]
        copies = applications // DEMO_APPLICATIONS
        originals = f"SELECT * FROM applications WHERE rowid <= {made}"
        for copy in range(1, copies):
            connection.execute(
                f"INSERT INTO applications ({', '.join(columns)}) "
                f"SELECT {', '.join(copied(c, copy) for c in columns)} FROM ({originals})"
            )
        connection.execute("ANALYZE")
        connection.commit()
    finally:
        connection.close()


def _count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM applications").fetchone()[0]


def run(quick: bool = False) -> list[dict]:
    from dost_desk.services.catalog import store_catalog_in_database
    from dost_desk.storage.engine import create_engine_for
    from dost_desk.storage.migrate import run_upgrade

    applications = 20_000 if quick else 200_000
    repeats = 3 if quick else 5
    with tempfile.TemporaryDirectory(prefix="dost-bench-big-") as temp:
        temp_dir = Path(temp)
        big = temp_dir / "big.sqlite3"
        make_database(big, applications)
        empty = temp_dir / "empty.sqlite3"
        run_upgrade(f"sqlite:///{empty}")
        engine = create_engine_for(f"sqlite:///{empty}")
        store_catalog_in_database(engine)
        engine.dispose()
        command = [sys.executable, "-m", "dost_desk"]
        envs = {}
        for name, path in (("big", big), ("empty", empty)):
            env = _environment(temp_dir / name, "1")
            env["DOST_DESK_DATABASE_URL"] = f"sqlite:///{path}"
            env["DOST_DESK_FIRST_SYNC_MS"] = "3600000"
            envs[name] = env
        for env in envs.values():  # warm-up: file cache, byte-code
            time_until_line(command, env, LOADED_LINE, REPO_ROOT)
        times: dict[str, list[float]] = {name: [] for name in envs}
        for i in range(repeats):
            for name in ["big", "empty"] if i % 2 == 0 else ["empty", "big"]:
                times[name].append(time_until_line(command, envs[name], LOADED_LINE, REPO_ROOT))
        held = _count(big)
    ours, base = statistics.median(times["big"]), statistics.median(times["empty"])
    ratio = ours / base
    return [
        {
            "benchmark": f"first usable window, {held:,} applications vs empty database",
            "ours": ours,
            "baseline": base,
            "ratio": ratio,
            "target": f"≤ {TARGET_RATIO:g}× (report)",
            "ok": ratio <= TARGET_RATIO,
        }
    ]


if __name__ == "__main__":
    for row in run("--quick" in sys.argv[1:]):
        print(row)
