"""Reading the CSV files people bring from other systems: reference extracts, order statuses.

Such files come from Excel and old systems, so the reader is forgiving where it can be
and precise where it cannot: UTF-8, UTF-8 with a BOM and cp1251 are detected; a file
that mixes encodings, has a field too many on a line, or lacks a column is rejected with
the line number and what was expected — never a traceback, never half a file.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dost_desk.text import fold_for_search, nfc

_MAX_REPORTED = 5
_DELIMITERS = (";", ",", "\t")


class CsvFileError(ValueError):
    """A CSV file cannot be used; ``problems`` are (line, message) pairs, line None for
    the file as a whole. ``str()`` is one line: the file, the first problems."""

    def __init__(self, path: Path, problems: list[tuple[int | None, str]]) -> None:
        self.path = path
        self.problems = problems
        shown = [f"line {line}: {text}" if line else text for line, text in problems]
        message = "; ".join(shown[:_MAX_REPORTED])
        if len(shown) > _MAX_REPORTED:
            message += f"; and {len(shown) - _MAX_REPORTED} more"
        super().__init__(f"{path.name}: {message}")


@dataclass(frozen=True, slots=True)
class CsvRow:
    line: int  # where the row starts in the file (1 = the header line)
    values: dict[str, str]  # by normalised column name


@dataclass(frozen=True, slots=True)
class CsvTable:
    path: Path
    columns: tuple[str, ...]  # as written in the header
    keys: tuple[str, ...]  # normalised: "FİN" → "fin", "Due date" → "due_date"
    rows: tuple[CsvRow, ...]
    encoding: str  # utf-8, utf-8-sig or cp1251
    delimiter: str

    def original_name(self, key: str) -> str:
        return self.columns[self.keys.index(key)]


def column_key(name: str) -> str:
    """The key of a column name: folded (``FİN`` → ``fin``, ``VÖEN`` → ``voen``), words
    joined by ``_``."""
    folded = fold_for_search(name).replace("-", " ").replace(".", " ")
    return "_".join(folded.split())


def decode_csv_bytes(path: Path, data: bytes) -> tuple[str, str]:
    """The text of ``data`` and its encoding; raises CsvFileError for mixed encodings.

    Each line is classified on its own, so a file where some lines are UTF-8 and some
    are not (two exports pasted together) is caught instead of half-garbled.
    """
    has_bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if has_bom else data
    utf8_line = other_line = None
    for number, raw in enumerate(body.splitlines(), start=1):
        if raw.isascii():
            continue
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            other_line = other_line or number
        else:
            utf8_line = utf8_line or number
        if other_line and (utf8_line or has_bom):
            break
    if other_line is None:
        return body.decode("utf-8"), "utf-8-sig" if has_bom else "utf-8"
    if utf8_line or has_bom:
        utf8_where = f"line {utf8_line}" if utf8_line else "the BOM"
        raise CsvFileError(
            path,
            [
                (
                    other_line,
                    f"mixed encodings: this line is not UTF-8 but {utf8_where} is; "
                    "save the whole file as UTF-8 (or all of it as cp1251)",
                )
            ],
        )
    try:
        return body.decode("cp1251"), "cp1251"
    except UnicodeDecodeError:
        raise CsvFileError(
            path, [(other_line, "the text is neither UTF-8 nor cp1251; save it as UTF-8")]
        ) from None


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_table(path: Path, expected: str) -> CsvTable:
    """Read a CSV file with a header line; ``expected`` describes the columns wanted
    (it is named in the errors). Blank lines are skipped; values are NFC and stripped.

    Raises CsvFileError (unreadable, empty, mixed encodings, bad header, a line whose
    number of fields differs from the header's).
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CsvFileError(path, [(None, f"cannot be read: {error.strerror or error}")]) from None
    text, encoding = decode_csv_bytes(path, data)
    if not text.strip():
        raise CsvFileError(path, [(None, f"the file is empty; expected the columns {expected}")])
    delimiter = _delimiter(text.lstrip().splitlines()[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return _table(path, reader, encoding, delimiter, expected)
    except csv.Error as error:
        raise CsvFileError(path, [(reader.line_num, f"not valid CSV: {error}")]) from None


def _table(path: Path, reader: Any, encoding: str, delimiter: str, expected: str) -> CsvTable:
    """The header and the rows; ``reader`` is a csv.reader (it knows its line number)."""
    header_line = 0
    columns: list[str] = []
    keys: list[str] = []
    rows: list[CsvRow] = []
    problems: list[tuple[int | None, str]] = []
    start = 1
    for fields in reader:
        line = start
        start = reader.line_num + 1
        values = [nfc(value).strip() for value in fields]
        if not any(values):
            continue
        if not columns:
            header_line = line
            columns = values
            _check_header(path, header_line, columns, expected)
            keys = [column_key(name) for name in columns]
            continue
        if len(values) != len(columns):
            problems.append(
                (
                    line,
                    f"{len(values)} fields, but the header (line {header_line}) has "
                    f"{len(columns)}: {', '.join(columns)}",
                )
            )
            continue
        rows.append(CsvRow(line, dict(zip(keys, values, strict=True))))
    if problems:
        raise CsvFileError(path, problems)
    return CsvTable(path, tuple(columns), tuple(keys), tuple(rows), encoding, delimiter)


def _check_header(path: Path, line: int, columns: list[str], expected: str) -> None:
    keys = [column_key(name) for name in columns]
    for position, key in enumerate(keys, start=1):
        if not key:
            raise CsvFileError(
                path, [(line, f"column {position} of the header has no name; expected {expected}")]
            )
    repeated = sorted(
        {name for name, key in zip(columns, keys, strict=True) if keys.count(key) > 1}
    )
    if repeated:
        raise CsvFileError(path, [(line, f"the header repeats {', '.join(repeated)}")])
