"""Load and validate the service passport files.

Problems are reported as :class:`CatalogIssue` lines ``file:field: message`` — never a
traceback — so an editor of the data files sees exactly what to fix.
"""

from __future__ import annotations

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

try:  # the C loader is several times faster; fall back when libyaml is missing
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

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
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        issues.append(CatalogIssue(name, "file", f"not UTF-8 text ({error.reason})"))
        return None
    except OSError as error:
        issues.append(CatalogIssue(name, "file", f"cannot be read: {error.strerror or error}"))
        return None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "syntax"
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
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
