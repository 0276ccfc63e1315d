"""Load and validate the service passport files.

Problems are reported as :class:`CatalogIssue` lines ``file:field: message`` — never a
traceback — so an editor of the data files sees exactly what to fix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ValidationError

from dost_desk.catalog.catalog import Catalog
from dost_desk.catalog.consistency import cross_check_passport
from dost_desk.models.passport import Passport
from dost_desk.models.reference import CatalogReference
from dost_desk.resources import resource_path

#: Passport files are a few KB (the bundled ones about 12 KB): anything past 1 MB is not a
#: passport, and refusing it before parsing bounds what a hostile file can cost.
MAX_FILE_BYTES = 1_000_000

#: A published passport's JSON (what a desk pulls): a file within MAX_FILE_BYTES gives less.
MAX_PUBLISHED_CHARS = 2 * MAX_FILE_BYTES

_NO_ALIASES = "anchors and aliases are not allowed in passport files"


class _AliasRefused(yaml.composer.ComposerError):
    """An anchor (&x) or alias (*x): a few KB of aliases can expand to millions of nodes."""


class _NoAliasComposer(yaml.composer.Composer):
    """Composes nodes like PyYAML's, but refuses every anchor and alias (a passport needs none)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _AliasRefused(None, None, _NO_ALIASES, event.start_mark)
        return super().compose_node(parent, index)


try:  # libyaml's parser is several times faster; the composer stays Python to see aliases

    class _SafeNoAliasLoader(  # type: ignore[misc]
        _NoAliasComposer,
        yaml.CParser,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        def __init__(self, stream: str) -> None:
            yaml.CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            _NoAliasComposer.__init__(self)

except AttributeError:  # pragma: no cover - PyYAML built without libyaml

    class _SafeNoAliasLoader(_NoAliasComposer, yaml.SafeLoader):  # type: ignore[no-redef]
        pass


Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class CatalogIssue:
    file: str
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.field}: {prefix}{self.message}"


class CatalogError(Exception):
    """The catalog cannot be loaded; ``issues`` says why, one line each."""

    def __init__(self, issues: list[CatalogIssue]) -> None:
        self.issues = issues
        errors = [i for i in issues if i.severity == "error"]
        super().__init__(str(errors[0]) if errors else "catalog is invalid")


@dataclass
class ValidationReport:
    """Everything the validator found, plus the catalog when it is usable."""

    issues: list[CatalogIssue] = field(default_factory=list)
    catalog: Catalog | None = None

    @property
    def errors(self) -> list[CatalogIssue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[CatalogIssue]:
        return [i for i in self.issues if i.severity == "warning"]


def default_passports_dir() -> Path:
    return resource_path("passports")


def default_reference_file() -> Path:
    return resource_path("catalog", "reference.yaml")


def _read_yaml(path: Path, issues: list[CatalogIssue]) -> Any:
    name = path.name
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if len(raw) > MAX_FILE_BYTES:  # cut inside a character: report the size instead
            issues.append(CatalogIssue(name, "file", f"larger than {MAX_FILE_BYTES} bytes"))
        else:
            issues.append(CatalogIssue(name, "file", f"not UTF-8 text ({error.reason})"))
        return None
    except OSError as error:
        issues.append(CatalogIssue(name, "file", f"cannot be read: {error.strerror or error}"))
        return None
    if len(raw) > MAX_FILE_BYTES:
        issues.append(CatalogIssue(name, "file", f"larger than {MAX_FILE_BYTES} bytes"))
        return None
    try:
        data = yaml.load(text, Loader=_SafeNoAliasLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "syntax"
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        if isinstance(error, _AliasRefused):
            issues.append(CatalogIssue(name, where, problem))
        else:
            issues.append(CatalogIssue(name, where, f"YAML syntax error: {problem}"))
        return None
    if not isinstance(data, dict):
        issues.append(CatalogIssue(name, "file", "must hold a mapping of passport fields"))
        return None
    return data


def _pydantic_issues(name: str, error: ValidationError) -> list[CatalogIssue]:
    items = error.errors(include_url=False)
    locations = [tuple(item["loc"]) for item in items]
    issues = []
    for item, loc in zip(items, locations, strict=True):
        # A list whose item failed also reports "too short": the item's error says it all.
        if item["type"] == "too_short" and any(
            other[: len(loc)] == loc and len(other) > len(loc) for other in locations
        ):
            continue
        issues.append(
            CatalogIssue(name, ".".join(str(part) for part in loc) or "file", item["msg"])
        )
    return issues


def load_reference(path: Path | None = None) -> CatalogReference:
    """Load the classification tree and vocabulary labels; raise CatalogError when broken."""
    path = path or default_reference_file()
    issues: list[CatalogIssue] = []
    data = _read_yaml(path, issues)
    if data is None:
        raise CatalogError(issues)
    try:
        return CatalogReference.model_validate(data)
    except ValidationError as error:
        raise CatalogError(_pydantic_issues(path.name, error)) from None


def _passport_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def validate_catalog(
    path: Path | None = None, reference_file: Path | None = None
) -> ValidationReport:
    """Validate passport files (a folder or one file) against the schema and each other."""
    report = ValidationReport()
    path = path or default_passports_dir()
    if not path.exists():
        report.issues.append(CatalogIssue(str(path), "path", "no such file or folder"))
        return report
    try:
        reference = load_reference(reference_file)
    except CatalogError as error:
        report.issues.extend(error.issues)
        return report
    files = _passport_files(path)
    if not files:
        report.issues.append(CatalogIssue(str(path), "path", "holds no passport files (*.yaml)"))
        return report
    passports: list[Passport] = []
    sources: dict[str, str] = {}
    for file in files:
        data = _read_yaml(file, report.issues)
        if data is None:
            continue
        try:
            passport = Passport.model_validate(data)
        except ValidationError as error:
            report.issues.extend(_pydantic_issues(file.name, error))
            continue
        if passport.id in sources:
            report.issues.append(
                CatalogIssue(
                    file.name, "id", f"duplicate ID {passport.id} (also in {sources[passport.id]})"
                )
            )
            continue
        sources[passport.id] = file.name
        for field_name, message, severity in cross_check_passport(passport, reference):
            report.issues.append(CatalogIssue(file.name, field_name, message, severity))
        if file.stem != passport.id:
            report.issues.append(
                CatalogIssue(
                    file.name, "id", f"file name differs from the ID {passport.id}", "warning"
                )
            )
        passports.append(passport)
    if not report.errors:
        report.catalog = Catalog(reference, tuple(passports), sources)
    return report


def load_catalog(path: Path | None = None, reference_file: Path | None = None) -> Catalog:
    """Load the catalog; raise :class:`CatalogError` when any file has an error."""
    report = validate_catalog(path, reference_file)
    if report.catalog is None:
        raise CatalogError(report.issues)
    return report.catalog


def check_published_passport(
    passport_id: str, body: object, reference: CatalogReference | None = None
) -> tuple[Passport | None, list[CatalogIssue]]:
    """Check a passport published centrally as ``catalog validate`` checks a file.

    A desk must not trust the central database blindly: a passport published by an older
    version, or written there by hand, may break the counter. Returns the passport (None
    when it has an error) and the issues, each named ``<passport ID>:field: message``.
    """
    if body is None:  # the pull leaves a body past the bound unread
        return None, [
            CatalogIssue(passport_id, "body", f"missing, or larger than {MAX_PUBLISHED_CHARS}")
        ]
    try:
        size = len(json.dumps(body, ensure_ascii=False))
    except (TypeError, ValueError):
        return None, [CatalogIssue(passport_id, "body", "is not a JSON document")]
    if size > MAX_PUBLISHED_CHARS:
        return None, [CatalogIssue(passport_id, "body", f"larger than {MAX_PUBLISHED_CHARS}")]
    try:
        passport = Passport.model_validate(body)
    except ValidationError as error:
        return None, _pydantic_issues(passport_id, error)
    issues = []
    if passport.id != passport_id:
        issues.append(CatalogIssue(passport_id, "id", f"holds passport {passport.id}"))
    reference = reference or load_reference()
    for field_name, message, severity in cross_check_passport(passport, reference):
        issues.append(CatalogIssue(passport_id, field_name, message, severity))
    if any(issue.severity == "error" for issue in issues):
        return None, issues
    return passport, issues
