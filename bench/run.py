"""Run the DOST Desk benchmarks and print one table: ``python bench/run.py [--quick]``.

Each benchmark module in ``bench/`` exposes ``run(quick: bool) -> list[dict]``; every dict is
one row with the keys ``benchmark``, ``ours``, ``baseline`` (seconds), ``ratio``, ``target``
(text) and ``ok``. The rows are printed as a table and written as JSON to
``bench/results/latest.json``. A row with ``ok`` false is reported, not an error: the exit
code is 1 only when a benchmark module fails to import or crashes (it then gets a row that
says so), otherwise 0. A module that does not exist yet is reported as skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import math
import platform
import sys
import time
import traceback
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
for _path in (str(BENCH_DIR), str(REPO_ROOT)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

RESULTS_FILE = BENCH_DIR / "results" / "latest.json"

# Benchmark modules in bench/, in the order they run.
MODULES = (
    "bench_startup",
    "bench_search",
    "bench_intake",
    "bench_print",
    "bench_sync_push",
    "bench_big_database",
    "bench_signals",
    "bench_bundle",
)

COLUMNS = ("benchmark", "ours", "baseline", "ratio", "target", "ok")


def format_seconds(value: float | None) -> str:
    """Seconds for people: µs below 1 ms, ms with one decimal, s from 10 s."""
    if value is None or not math.isfinite(value):
        return "—"
    if value < 0.001:
        return f"{value * 1e6:.1f} µs"
    if value < 10:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


def format_value(value: float | None, unit: str | None = None) -> str:
    """A measured value: seconds by default, else the number with the row's ``unit``."""
    if unit in (None, "seconds", "s"):
        return format_seconds(value)
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:g} {unit}" if float(value).is_integer() else f"{value:.2f} {unit}"


def format_ratio(value: float | None) -> str:
    if value is None:
        return "—"
    if not math.isfinite(value):
        return "∞"
    return f"{value:.2f}×"


def _failure_row(module: str, what: str, error: BaseException) -> dict:
    return {
        "benchmark": f"{module}: {what}",
        "ours": None,
        "baseline": None,
        "ratio": None,
        "target": "—",
        "ok": False,
        "error": f"{type(error).__name__}: {error}",
    }


def _skipped_row(module: str) -> dict:
    return {
        "benchmark": f"{module}: skipped (bench/{module}.py not present)",
        "ours": None,
        "baseline": None,
        "ratio": None,
        "target": "—",
        "ok": False,
        "skipped": True,
    }


def collect(quick: bool) -> tuple[list[dict], bool]:
    """Run every benchmark module; return the rows and whether any module failed."""
    rows: list[dict] = []
    failed = False
    for name in MODULES:
        if not (BENCH_DIR / f"{name}.py").exists():
            rows.append(_skipped_row(name))
            continue
        try:
            module = importlib.import_module(name)
        except Exception as error:  # reported as a row, never a crash of the runner
            traceback.print_exc()
            rows.append(_failure_row(name, "import failed", error))
            failed = True
            continue
        print(f"running {name}{' (quick)' if quick else ''}…", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            module_rows = list(module.run(quick))
        except Exception as error:
            traceback.print_exc()
            rows.append(_failure_row(name, "crashed", error))
            failed = True
            continue
        took = time.perf_counter() - started
        print(f"  {name} took {took:.1f} s", file=sys.stderr, flush=True)
        rows.extend(module_rows)
    return rows, failed


def format_table(rows: list[dict]) -> str:
    cells = [list(COLUMNS)]
    for row in rows:
        cells.append(
            [
                str(row.get("benchmark", "?")),
                format_value(row.get("ours"), row.get("unit")),
                format_value(row.get("baseline"), row.get("unit")),
                format_ratio(row.get("ratio")),
                str(row.get("target", "—")),
                "skipped" if row.get("skipped") else ("yes" if row.get("ok") else "NO"),
            ]
        )
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    right = {1, 2, 3}  # numbers are right-aligned

    def render(line: list[str]) -> str:
        return " | ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(line)
        ).rstrip()

    lines = [render(cells[0]), "-+-".join("-" * width for width in widths)]
    lines += [render(line) for line in cells[1:]]
    lines += [f"  {row['benchmark']}: {row['error']}" for row in rows if row.get("error")]
    return "\n".join(lines)


def _json_safe(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no infinity or NaN
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(item) for item in value]
    return value


def write_results(rows: list[dict], quick: bool, path: Path = RESULTS_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "units": "seconds",
        "rows": _json_safe(rows),
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the DOST Desk benchmarks.")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller data")
    args = parser.parse_args(argv)
    rows, failed = collect(args.quick)
    print(format_table(rows))
    write_results(rows, args.quick)
    print(f"\nwritten: {RESULTS_FILE.relative_to(REPO_ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
