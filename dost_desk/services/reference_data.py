"""Reference data set centrally and pulled by every desk (Qt-free): today the accepted
identity-document number formats (``id_patterns``).

The ministry sets them on the central database (``dost-desk reference id-patterns --set
FILE.json --url …``); local desks get them with their next sync; networked desks read
them directly. The built-in defaults (:data:`~dost_desk.models.id_documents.DEFAULT_ID_PATTERNS`)
apply to every kind not set.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from dost_desk.models.id_documents import DEFAULT_ID_PATTERNS
from dost_desk.models.identity import FieldProblem
from dost_desk.models.tables import ReferenceValue
from dost_desk.services.desk import Desk
from dost_desk.services.intake_dto import InvalidInput
from dost_desk.storage.engine import storage_errors
from dost_desk.storage.unit_of_work import UnitOfWork

ID_PATTERNS = "id_patterns"
_KIND = re.compile(r"[a-z][a-z0-9_]{0,31}")


def id_patterns(engine: Engine) -> Mapping[str, Sequence[str]]:
    """The defaults with the kinds stored under ``id_patterns`` replaced."""
    with storage_errors(engine.url.render_as_string(hide_password=True)), Session(engine) as s:
        stored = s.scalar(select(ReferenceValue.value).where(ReferenceValue.key == ID_PATTERNS))
    if not stored:
        return DEFAULT_ID_PATTERNS
    try:
        merged = dict(DEFAULT_ID_PATTERNS) | validate_id_patterns(stored)
    except InvalidInput:
        return DEFAULT_ID_PATTERNS  # a broken central value never blocks the counter
    return MappingProxyType(merged)


def validate_id_patterns(value: object) -> dict[str, tuple[str, ...]]:
    """``{"kind": ["regex", …], …}`` checked: known shape, kinds as identifiers, every
    expression compiles. Raises InvalidInput naming the culprit."""
    if not isinstance(value, dict) or not value:
        raise InvalidInput(
            {"id_patterns": FieldProblem("id_patterns.shape", "expected {kind: [patterns]}")}
        )
    checked: dict[str, tuple[str, ...]] = {}
    for kind, patterns in value.items():
        if not isinstance(kind, str) or not _KIND.fullmatch(kind):
            raise InvalidInput(
                {"id_patterns": FieldProblem("id_patterns.kind", f"bad kind {kind!r}")}
            )
        if (
            not isinstance(patterns, list)
            or not patterns
            or not all(isinstance(p, str) and p for p in patterns)
        ):
            raise InvalidInput(
                {
                    "id_patterns": FieldProblem(
                        "id_patterns.list", f"{kind}: expected a list of regular expressions"
                    )
                }
            )
        for pattern in patterns:
            try:
                re.compile(pattern, re.ASCII)
            except re.error as error:
                raise InvalidInput(
                    {
                        "id_patterns": FieldProblem(
                            "id_patterns.regex", f"{kind}: {pattern!r} is not valid: {error}"
                        )
                    }
                ) from None
        checked[kind] = tuple(patterns)
    return checked


def show_id_patterns(desk: Desk) -> dict[str, list[str]]:
    """The effective formats of this desk."""
    return {kind: list(patterns) for kind, patterns in desk.id_patterns().items()}


def set_id_patterns(desk: Desk, path: Path) -> dict[str, list[str]]:
    """Store the formats of the JSON file ``path`` (on the central database they reach
    every desk at its next sync); returns the effective formats."""
    try:
        value = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInput(
            {"id_patterns": FieldProblem("id_patterns.file", f"{path}: {error}")}
        ) from None
    checked = validate_id_patterns(value)
    with UnitOfWork(desk.engine) as uow:
        row = uow.session.get(ReferenceValue, ID_PATTERNS)
        if row is None:
            row = ReferenceValue(key=ID_PATTERNS)
            uow.session.add(row)
        row.value = {kind: list(patterns) for kind, patterns in checked.items()}
        row.updated_at = desk.now()
        uow.commit()
    return show_id_patterns(desk)
