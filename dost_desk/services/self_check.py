"""`dost-desk self-check`: prove that this installation (source or frozen) can work (Qt-free).

Steps, each reported as passed or failed with one line:

1. ``resources``: every bundled file the app needs is present (passports, the classification
   reference, the DejaVu fonts, the compiled Azerbaijani translation, the Alembic migrations);
   a missing one is named.
2. ``passports``: the passports load and validate against the schema and each other.
3. ``database``: a temporary SQLite database is created and migrated to the newest revision.
4. ``receipt-pdf``: a sample receipt renders (``dost_desk.services.printing.render_sample``)
   and every font in it is embedded (see :func:`pdf_fonts`).
5. ``log``: where the log file is, and that it can be written.

The Qt step (open the main window offscreen) lives in the command line module, which passes
it in as an extra step, because services never import the UI.
"""

from __future__ import annotations

import importlib
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dost_desk import resources
from dost_desk.resources import resource_path

REQUIRED_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
REQUIRED_TRANSLATIONS = ("dost_desk_az.qm",)


class SelfCheckFailure(Exception):
    """A step failed; ``str(error)`` is one line saying what is wrong."""


Step = Callable[[], str]  # returns the one-line detail of a passed step, or raises


@dataclass(frozen=True, slots=True)
class StepResult:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class SelfCheckReport:
    steps: tuple[StepResult, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return all(step.ok for step in self.steps)

    @property
    def failed(self) -> tuple[StepResult, ...]:
        return tuple(step for step in self.steps if not step.ok)


def is_frozen() -> bool:
    """True in the PyInstaller build."""
    return bool(getattr(sys, "frozen", False))


# -- 1. resources -----------------------------------------------------------------------------


def required_files() -> list[Path]:
    """The single files the app cannot work without (folders are checked separately)."""
    return [
        resource_path("catalog", "reference.yaml"),
        *(resource_path("fonts", name) for name in REQUIRED_FONTS),
        *(resource_path("i18n", name) for name in REQUIRED_TRANSLATIONS),
    ]


def _shown(path: Path) -> str:
    """``resources/fonts/X.ttf`` relative to the bundle or checkout, with the full path."""
    root = resources.resources_dir().parent
    try:
        return f"{path.relative_to(root).as_posix()} ({path})"
    except ValueError:
        return str(path)


def check_resources() -> str:
    """Every required resource is present; raise naming the first missing ones."""
    from dost_desk.storage import migrate

    missing = [_shown(path) for path in required_files() if not path.is_file()]
    passports = resource_path("passports")
    if not any(passports.glob("*.yaml")):
        missing.append(f"{_shown(passports)}/*.yaml (no passport files)")
    migrations = Path(migrate.MIGRATIONS_DIR)
    for name in ("env.py", "script.py.mako"):
        if not (migrations / name).is_file():
            missing.append(_shown(migrations / name))
    versions = sorted((migrations / "versions").glob("*.py"))
    if not versions:
        missing.append(f"{migrations / 'versions'}/*.py (no migration scripts)")
    if missing:
        raise SelfCheckFailure("missing " + "; missing ".join(missing))
    count = len(required_files()) + 2
    return f"{count} required files, passports and {len(versions)} migrations present"


# -- 2. passports -----------------------------------------------------------------------------


def check_passports() -> str:
    """The bundled passports load and validate."""
    from dost_desk.catalog.loader import validate_catalog

    report = validate_catalog()
    if report.errors or report.catalog is None:
        first = report.errors[:3] or report.issues[:3]
        shown = "; ".join(f"{issue.file}:{issue.field}: {issue.message}" for issue in first)
        raise SelfCheckFailure(f"{len(report.errors)} passport error(s): {shown}")
    warnings = f" ({len(report.warnings)} warnings)" if report.warnings else ""
    return f"{len(report.catalog)} passports valid{warnings}"


# -- 3. database ------------------------------------------------------------------------------


def check_database() -> str:
    """Create a temporary SQLite database and migrate it to the newest revision."""
    from dost_desk.storage.migrate import current_revision, head_revision, run_upgrade

    with tempfile.TemporaryDirectory(
        prefix="dost-desk-selfcheck-", ignore_cleanup_errors=True
    ) as folder:
        url = f"sqlite:///{(Path(folder) / 'self-check.sqlite3').as_posix()}"
        outcome = run_upgrade(url)
        head = head_revision()
        reached = current_revision(url)
    if outcome.to_revision != head or reached != head:
        raise SelfCheckFailure(f"the migration reached {reached}, not the newest {head}")
    return f"temporary SQLite database migrated to {head}"


# -- 4. receipt PDF ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PdfFont:
    name: str  # /BaseFont without a subset prefix (ABCDEF+DejaVuSans -> DejaVuSans)
    subtype: str
    embedded: bool


_OBJ_HEADER = re.compile(rb"(?<![0-9])(\d+)\s+(\d+)\s+obj\b")
_STREAM_START = re.compile(rb"\bstream\r?\n")
_TYPE_FONT = re.compile(rb"/Type\s*/Font(?![A-Za-z])")
_BASE_FONT = re.compile(rb"/BaseFont\s*/([^\s/<>\[\]()]+)")
_SUBTYPE = re.compile(rb"/Subtype\s*/([A-Za-z0-9]+)")
_DESCRIPTOR = re.compile(rb"/FontDescriptor\s+(\d+)\s+\d+\s+R")
_DESCENDANT = re.compile(rb"/DescendantFonts\s*\[\s*(\d+)\s+\d+\s+R")
_FONT_FILE = re.compile(rb"/FontFile[23]?\s+\d+\s+\d+\s+R")


def _pdf_dictionaries(data: bytes) -> dict[int, bytes]:
    """Object number -> the object's text before any stream data (last definition wins)."""
    objects: dict[int, bytes] = {}
    position = 0
    while match := _OBJ_HEADER.search(data, position):
        start = match.end()
        end = data.find(b"endobj", start)
        if end < 0:
            break
        stream = _STREAM_START.search(data, start, end)
        if stream is not None:
            # Skip the (binary) stream data so nothing inside it is taken for an object.
            end_stream = data.find(b"endstream", stream.end())
            end = data.find(b"endobj", end_stream) if end_stream >= 0 else end
            objects[int(match[1])] = data[start : stream.start()]
        else:
            objects[int(match[1])] = data[start:end]
        position = max(end, start)
    return objects


def pdf_fonts(data: bytes) -> list[PdfFont]:
    """The fonts of a PDF and whether each is embedded, without a PDF library.

    Reads PDFs as ReportLab writes them (plain objects, no object streams): a font is
    embedded when its descriptor (a Type0 font's: its descendant's) points at a font file
    (/FontFile, /FontFile2, /FontFile3); Type3 fonts draw their own glyphs. A font dictionary
    hidden in a compressed object stream is not seen, so "no fonts" must count as a failure.
    """
    objects = _pdf_dictionaries(data)
    fonts = []
    for body in objects.values():
        if not _TYPE_FONT.search(body):
            continue
        subtype_match = _SUBTYPE.search(body)
        subtype = subtype_match[1].decode("ascii") if subtype_match else "?"
        if subtype in ("CIDFontType0", "CIDFontType2"):
            continue  # reported through its Type0 parent
        base = _BASE_FONT.search(body)
        name = base[1].decode("latin-1") if base else "(unnamed)"
        name = re.sub(r"^[A-Z]{6}\+", "", name)
        holder = body
        descendant = _DESCENDANT.search(body)
        if subtype == "Type0" and descendant:
            holder = objects.get(int(descendant[1]), b"")
        descriptor = _DESCRIPTOR.search(holder)
        embedded = subtype == "Type3" or bool(
            descriptor and _FONT_FILE.search(objects.get(int(descriptor[1]), b""))
        )
        fonts.append(PdfFont(name, subtype, embedded))
    return fonts


def check_receipt_pdf() -> str:
    """Render the sample receipt (A4) and check that every font in it is embedded."""
    try:
        printing = importlib.import_module("dost_desk.services.printing")
        render_sample = printing.render_sample
    except (ImportError, AttributeError) as error:
        raise SelfCheckFailure(f"the printing module is not available: {error}") from None
    data = render_sample("receipt", "a4")
    if not isinstance(data, bytes | bytearray) or not bytes(data).startswith(b"%PDF-"):
        raise SelfCheckFailure("render_sample('receipt', 'a4') did not return PDF bytes")
    fonts = pdf_fonts(bytes(data))
    if not fonts:
        raise SelfCheckFailure("the receipt PDF names no fonts (or hides them in object streams)")
    loose = sorted({font.name for font in fonts if not font.embedded})
    if loose:
        raise SelfCheckFailure(f"fonts not embedded in the receipt PDF: {', '.join(loose)}")
    names = ", ".join(sorted({font.name for font in fonts}))
    return f"receipt PDF rendered ({len(data)} bytes), fonts embedded: {names}"


# -- 5. log file ----------------------------------------------------------------------------


def check_log() -> str:
    """Report where the log file is; fail when it cannot be written."""
    from dost_desk import logs

    setup = logs.current_setup() or logs.setup_logging()
    if setup.problem:
        raise SelfCheckFailure(f"cannot write the log file {setup.path}: {setup.problem}")
    return f"log file: {setup.path}"


# -- running ----------------------------------------------------------------------------------

STEPS: tuple[tuple[str, Step], ...] = (
    ("resources", check_resources),
    ("passports", check_passports),
    ("database", check_database),
    ("receipt-pdf", check_receipt_pdf),
    ("log", check_log),
)


def run_step(name: str, step: Step) -> StepResult:
    """Run one step; any exception is its failure, reported in one line."""
    try:
        return StepResult(name, True, step())
    except SelfCheckFailure as failure:
        return StepResult(name, False, str(failure))
    except Exception as error:  # a self-check reports every failure instead of crashing
        first = (str(error).strip().splitlines() or [""])[0]
        return StepResult(name, False, f"{type(error).__name__}: {first}".rstrip(": "))


def run_self_check(
    extra_steps: Sequence[tuple[str, Step]] = (),
    only: Iterable[str] | None = None,
    on_result: Callable[[StepResult], None] | None = None,
) -> SelfCheckReport:
    """Run every step (or those named in ``only``), then ``extra_steps``; never raises.

    ``on_result`` sees each result as soon as its step ends (for live output).
    """
    wanted = set(only) if only is not None else None
    results = []
    for name, step in (*STEPS, *extra_steps):
        if wanted is not None and name not in wanted:
            continue
        result = run_step(name, step)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return SelfCheckReport(tuple(results))
