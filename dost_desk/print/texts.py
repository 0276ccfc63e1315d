"""The shared words of every printed document (``resources/print/common.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from dost_desk.print._yaml import read_yaml, validated
from dost_desk.resources import resource_path

_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class PrintTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    not_stated: str
    not_submitted: str
    electronic_source: str
    electronic_source_is_system: str
    electronic_source_unnamed: str
    come_back: str
    how_to_check: str
    weekdays: tuple[str, ...] = Field(min_length=7, max_length=7)
    statuses: dict[str, str]
    check_results: dict[str, str] = Field(default_factory=dict)
    authority_kinds: dict[str, str]
    identifiers: dict[str, str]
    document_number: str
    issued: str
    duplicate_mark: str
    duplicate_note: str
    duplicate_note_no_copy: str
    verification_code: str
    page: str


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template`` with each ``{name}`` replaced by ``values[name]`` (empty when absent).

    Only plain names are understood: no attribute access or format specs, so a template
    file cannot reach into Python objects.
    """
    return _PLACEHOLDER.sub(lambda match: _text(values.get(match.group(1))), template)


def placeholders(template: str) -> list[str]:
    return _PLACEHOLDER.findall(template)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_text(item) for item in value)
    return str(value)


@lru_cache(maxsize=4)
def _load(path: Path) -> PrintTexts:
    return validated(PrintTexts, read_yaml(path), path)


def load_texts() -> PrintTexts:
    return _load(resource_path("print", "common.yaml"))
