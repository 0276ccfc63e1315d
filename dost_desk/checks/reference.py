"""The ``reference`` provider: offline reference tables imported from CSV extracts.

For C and E category centres without a link: a ministry extract of a system (e.g. who
holds a certificate in Monitoring) is imported with ``dost-desk checks import SYSTEM
FILE.csv --as-of DATE``, replacing the system's previous table. A person in the table is
"confirmed", a person not in it "not confirmed" — always "as of" the extract's date.

The CSV: a key column ``fin``, ``voen`` or ``key`` (FİN or VÖEN), optionally ``result``
(confirmed / not_confirmed; yes / no; bəli / xeyr; 1 / 0) when the extract lists both
answers; every other column is kept with the row and shown with the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from dost_desk.checks.base import (
    CheckOutcome,
    CheckRequest,
    CheckResultKind,
    Clock,
    unavailable,
    utc_now,
)
from dost_desk.checks.csv_table import CsvFileError, CsvTable, read_csv_table
from dost_desk.models.followup_tables import ReferenceRow
from dost_desk.models.identity import check_fin, check_voen
from dost_desk.text import fold_for_search

KEY_COLUMNS = ("fin", "voen", "key")
RESULT_COLUMN = "result"
EXPECTED_COLUMNS = "fin, voen or key (the FİN or VÖEN), optionally result, then any others"

_ANSWERS = {
    "confirmed": CheckResultKind.CONFIRMED,
    "yes": CheckResultKind.CONFIRMED,
    "beli": CheckResultKind.CONFIRMED,
    "he": CheckResultKind.CONFIRMED,
    "1": CheckResultKind.CONFIRMED,
    "true": CheckResultKind.CONFIRMED,
    "not_confirmed": CheckResultKind.NOT_CONFIRMED,
    "not confirmed": CheckResultKind.NOT_CONFIRMED,
    "no": CheckResultKind.NOT_CONFIRMED,
    "xeyr": CheckResultKind.NOT_CONFIRMED,
    "yox": CheckResultKind.NOT_CONFIRMED,
    "0": CheckResultKind.NOT_CONFIRMED,
    "false": CheckResultKind.NOT_CONFIRMED,
}


@dataclass(frozen=True, slots=True)
class ReferenceEntry:
    """One parsed line of an extract."""

    line: int
    key: str
    result: CheckResultKind | None  # None: being listed means confirmed
    value: dict[str, str]


@dataclass(frozen=True, slots=True)
class ReferenceExtract:
    """A whole extract, checked line by line, ready to store."""

    path: Path
    key_column: str
    entries: tuple[ReferenceEntry, ...]
    encoding: str
    delimiter: str


def _person_key(column: str, text: str) -> tuple[str | None, str | None]:
    """(normalised key, problem) for a FİN / VÖEN cell."""
    if column == "key":
        column = "voen" if "".join(text.split()).isdigit() and len(text.strip()) > 7 else "fin"
    checked = check_fin(text) if column == "fin" else check_voen(text)
    if checked.problem is not None:
        what = "FİN" if column == "fin" else "VÖEN"
        return None, f"{text!r} is not a valid {what}: {checked.problem.message}"
    return checked.value, None


def parse_reference_csv(path: Path) -> ReferenceExtract:
    """Read and check an extract; raises CsvFileError naming every bad line (up to a few)."""
    table = read_csv_table(path, EXPECTED_COLUMNS)
    key_column = _key_column(table)
    has_result = RESULT_COLUMN in table.keys
    problems: list[tuple[int | None, str]] = []
    entries: list[ReferenceEntry] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        key, problem = _person_key(key_column, row.values[key_column])
        result = None
        if has_result:
            answer = fold_for_search(row.values[RESULT_COLUMN])
            result = _ANSWERS.get(answer)
            if result is None:
                problem = problem or (
                    f"result {row.values[RESULT_COLUMN]!r} is not confirmed or not_confirmed"
                )
        if problem is None and key in seen:
            problem = f"{key} is already on line {seen[key]}"
        if problem is not None or key is None:
            problems.append((row.line, problem or "no key"))
            continue
        seen[key] = row.line
        value = {
            table.original_name(k): v
            for k, v in row.values.items()
            if k not in (key_column, RESULT_COLUMN)
        }
        entries.append(ReferenceEntry(row.line, key, result, value))
    if problems:
        raise CsvFileError(path, problems)
    if not entries:
        raise CsvFileError(path, [(None, "the file has a header but no rows")])
    return ReferenceExtract(path, key_column, tuple(entries), table.encoding, table.delimiter)


def _key_column(table: CsvTable) -> str:
    present = [key for key in KEY_COLUMNS if key in table.keys]
    if len(present) != 1:
        found = ", ".join(table.columns)
        problem = "no key column" if not present else f"more than one key column ({present})"
        raise CsvFileError(
            table.path, [(1, f"{problem}: expected {EXPECTED_COLUMNS}; found {found}")]
        )
    return present[0]


# --- looking people up ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReferenceMatch:
    result: CheckResultKind | None
    value: dict[str, Any]
    as_of: date


class ReferenceTables(Protocol):
    """Where the imported tables are kept (the database, or a dict in a test)."""

    def table_as_of(self, system: str) -> date | None:
        """The date of the system's imported extract, None when none was imported."""
        ...

    def find(self, system: str, key: str) -> ReferenceMatch | None: ...


class DatabaseReferenceTables:
    """The ``reference_rows`` table, read in a short read-only session per lookup."""

    def __init__(self, session_factory: Callable[[], Session] | Engine) -> None:
        if isinstance(session_factory, Engine):
            engine = session_factory
            self._session: Callable[[], Session] = lambda: Session(engine)
        else:
            self._session = session_factory

    def table_as_of(self, system: str) -> date | None:
        with self._session() as session:
            statement = select(func.max(ReferenceRow.as_of)).where(ReferenceRow.system == system)
            return session.scalar(statement)

    def find(self, system: str, key: str) -> ReferenceMatch | None:
        with self._session() as session:
            row = session.scalar(
                select(ReferenceRow).where(ReferenceRow.system == system, ReferenceRow.key == key)
            )
            if row is None:
                return None
            value = dict(row.value or {})
            stored = value.pop(RESULT_COLUMN, None)
            result = CheckResultKind(stored) if stored else None
            return ReferenceMatch(result, value, row.as_of)


class ReferenceProvider:
    """Answers from the imported table: listed → confirmed (or the row's result)."""

    name = "reference"
    automatic = True

    def __init__(self, tables: ReferenceTables, clock: Clock = utc_now) -> None:
        self._tables = tables
        self._clock = clock

    def run(self, request: CheckRequest) -> CheckOutcome:
        now = self._clock()
        as_of = self._tables.table_as_of(request.system)
        if as_of is None:
            return unavailable(
                request,
                self.name,
                "no reference table has been imported (dost-desk checks import)",
                now,
            )
        key = request.person_key
        if not key:
            return unavailable(request, self.name, "the applicant has no FİN or VÖEN", now)
        match = self._tables.find(request.system, key)
        day = f"{as_of:%d.%m.%Y}"
        if match is None:
            result = CheckResultKind.NOT_CONFIRMED
            summary = f"{request.system}: {key} is not in the reference table as of {day}"
            raw: dict[str, Any] = {"table_as_of": as_of.isoformat(), "row": None}
        else:
            result = match.result or CheckResultKind.CONFIRMED
            listed = ", ".join(f"{k}: {v}" for k, v in match.value.items() if v)
            summary = f"{request.system}: {key} is in the reference table as of {day}"
            summary += f" ({result.value}{'; ' + listed if listed else ''})"
            raw = {"table_as_of": as_of.isoformat(), "row": match.value}
        return CheckOutcome(
            system=request.system,
            provider=self.name,
            result=result,
            summary=summary,
            at=now,
            raw=raw,
            as_of=as_of,
        )


def as_rows(
    extract: ReferenceExtract, system: str, as_of: date, imported_at: datetime
) -> list[dict[str, Any]]:
    """The extract as ``reference_rows`` values (the row's result, if any, kept in value)."""
    rows = []
    for entry in extract.entries:
        value: dict[str, Any] = dict(entry.value)
        if entry.result is not None:
            value[RESULT_COLUMN] = entry.result.value
        rows.append(
            {
                "system": system,
                "key": entry.key,
                "value": value,
                "as_of": as_of,
                "imported_at": imported_at,
            }
        )
    return rows
