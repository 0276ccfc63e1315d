"""Document layouts as data: one YAML file per document kind in ``resources/print``.

A template names its title, the applications it applies to (statuses, and services:
none listed means every service, so a new passport gets a receipt and a refusal without
code) and an ordered list of blocks, each bound to fields of the document context by
name (see :data:`dost_desk.print.context.CONTEXT_FIELDS`):

* ``title`` — the template's title with the document number and date;
* ``heading`` / ``paragraph`` — literal ``text`` with ``{field}`` placeholders, or a ``field``;
* ``key_value`` — label/value rows (``each: variant`` expands a list of label/value pairs);
* ``table`` — a list field as a table whose header row repeats on every page;
* ``list`` — a list of strings, numbered;
* ``signatures`` — signature lines with the signer's name under each;
* ``qr`` — the verification QR code and its code in letters;
* ``spacer`` / ``rule``.

``when: field`` prints a block only when the field has a value, ``unless: field`` only when
it has none. :func:`document_content` keeps the fields a template uses: that projection
is the printed content, hashed for verification and archived to rebuild the document.
:mod:`dost_desk.print.layout` turns a template and its content into flowables.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dost_desk.print._yaml import read_yaml, validated
from dost_desk.print.context import TABLE_FIELDS, Context, is_context_field, nfc_all
from dost_desk.print.errors import TemplateError
from dost_desk.print.texts import placeholders
from dost_desk.resources import resource_path

KIND_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,40}$")
_NOT_TEMPLATES = frozenset({"profiles", "common", "samples"})
#: Fields every document carries besides those its blocks name.
ALWAYS = ("number", "registration_number")
#: Fields :func:`document_content` adds, which templates may print too.
DERIVED = frozenset({"kind", "document_number", "issued_at", "issued_date"})

BlockType = Literal[
    "title",
    "heading",
    "paragraph",
    "key_value",
    "table",
    "list",
    "signatures",
    "qr",
    "spacer",
    "rule",
]
Style = Literal["body", "small", "bold", "centre", "centre_bold", "centre_small", "note"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Row(_Model):
    """One key-value row or one signer: a label and a value (``field`` or ``text``)."""

    label: str = ""
    field: str | None = None
    text: str | None = None
    each: str | None = None  # a list of {label, value} printed as rows
    empty: str | None = None  # printed when the value is empty; None leaves the row out


class Column(_Model):
    header: str
    key: str
    width: float = Field(default=1.0, gt=0)  # relative to the other columns


class Block(_Model):
    type: BlockType
    title: str | None = None
    text: str | None = None
    field: str | None = None
    style: Style = "body"
    when: str | None = None
    unless: str | None = None
    empty: str | None = None
    rows: tuple[Row, ...] = ()
    columns: tuple[Column, ...] = ()
    height_mm: float = Field(default=4, ge=0, le=100)

    @model_validator(mode="after")
    def _has_what_it_needs(self) -> Block:
        needs = {
            "heading": self.text or self.field,
            "paragraph": self.text or self.field,
            "key_value": self.rows,
            "table": self.field and self.columns,
            "list": self.field,
            "signatures": self.rows,
        }
        if self.type in needs and not needs[self.type]:
            raise ValueError(f"a {self.type} block needs {_NEEDS[self.type]}")
        if self.type == "table" and self.field not in TABLE_FIELDS:
            raise ValueError(f"a table shows one of {', '.join(sorted(TABLE_FIELDS))}")
        if self.type == "table":
            known = TABLE_FIELDS[self.field or ""]
            for column in self.columns:
                if column.key not in known:
                    raise ValueError(f"{self.field} items have no {column.key!r}")
        return self


_NEEDS = {
    "heading": "text or field",
    "paragraph": "text or field",
    "key_value": "rows",
    "table": "field and columns",
    "list": "field",
    "signatures": "rows",
}


class DocumentTemplate(_Model):
    kind: str = Field(pattern=KIND_PATTERN.pattern)
    code: str = Field(pattern=r"^[A-Z]{1,4}$")  # ASCII: it is part of the document number
    title: str = Field(min_length=1)
    statuses: tuple[str, ...] = Field(min_length=1)
    services: tuple[str, ...] = ()  # passport IDs; empty: every service
    dated_by: tuple[str, ...] = ("outcome_at_iso",)
    blocks: tuple[Block, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _fields_exist(self) -> DocumentTemplate:
        for name in self.fields():
            if not (is_context_field(name) or name in DERIVED):
                raise ValueError(f"no context field {name!r}")
        if not any(block.type == "qr" for block in self.blocks):
            raise ValueError("a document needs a qr block (it carries the verification hash)")
        return self

    def fields(self) -> set[str]:
        """Every context field the template reads."""
        names: set[str] = set(self.dated_by)
        texts = [self.title]
        for block in self.blocks:
            names.update(n for n in (block.field, block.when, block.unless) if n)
            texts += [t for t in (block.title, block.text, block.empty) if t]
            for row in block.rows:
                names.update(n for n in (row.field, row.each) if n)
                texts += [t for t in (row.label, row.text, row.empty) if t]
        for text in texts:
            names.update(placeholders(text))
        return names

    def applies_to(self, status: str, service_id: str) -> bool:
        return status in self.statuses and (not self.services or service_id in self.services)


def template_file(kind: str) -> Path:
    return resource_path("print", f"{kind}.yaml")


@lru_cache(maxsize=16)
def _load(path: Path, kind: str) -> DocumentTemplate:
    template = validated(DocumentTemplate, read_yaml(path), path)
    if template.kind != kind:
        raise TemplateError(f"{path}: kind: is {template.kind!r}, the file name says {kind!r}")
    return template


def load_template(kind: str) -> DocumentTemplate:
    """The layout of one document kind; :class:`TemplateError` when unknown or invalid."""
    if not KIND_PATTERN.match(kind) or kind in _NOT_TEMPLATES or not template_file(kind).is_file():
        known = ", ".join(template_kinds())
        raise TemplateError(f"unknown document kind {kind!r} (known: {known})")
    return _load(template_file(kind), kind)


def template_kinds() -> tuple[str, ...]:
    """Every document kind with a layout file, sorted."""
    folder = resource_path("print")
    stems = (path.stem for path in folder.glob("*.yaml")) if folder.is_dir() else ()
    return tuple(sorted(s for s in stems if s not in _NOT_TEMPLATES and KIND_PATTERN.match(s)))


def document_content(template: DocumentTemplate, context: Context) -> Context:
    """The printed content of one document: the fields the template reads, the document
    number (``<number>/<code>``) and the date it carries (the first of ``dated_by``)."""
    content = {name: context.get(name, "") for name in sorted(template.fields() - DERIVED)}
    for name in ALWAYS:
        content[name] = context.get(name, "")
    content["kind"] = template.kind
    content["document_number"] = f"{content['number']}/{template.code}"
    issued = next((context[n] for n in template.dated_by if context.get(n)), "")
    content["issued_at"] = issued
    content["issued_date"] = _date_of(issued)
    return nfc_all(content)


def _date_of(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%d.%m.%Y") if iso else ""
    except ValueError:
        return ""


def empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict):
        return len(value) == 0
    return False
