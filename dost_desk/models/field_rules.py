"""What each typed field of the intake must be: one table for the services and the UI.

The services validate what is saved with :func:`check_field`; the intake's as-you-type
check calls the same function with the same :class:`FieldContext`, so a value the service
accepts never shows an error at the field, and the reverse. No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from dost_desk.models.id_documents import check_id_document
from dost_desk.models.identity import (
    Checked,
    FieldProblem,
    check_birth_date,
    check_document_date,
    check_email,
    check_fin,
    check_free_text,
    check_person_name,
    check_phone,
    check_voen,
    latin_upper,
)

__all__ = [
    "DEPENDS_ON",
    "FIELD_RULES",
    "FieldContext",
    "check_field",
    "check_ticket_number",
]

TICKET_MAX_LENGTH = 16
_TICKET = re.compile(r"[A-Z0-9][A-Z0-9-]{0,15}")


@dataclass(frozen=True, slots=True)
class FieldContext:
    """What a rule needs besides the typed value.

    ``today``: the desk's local date; ``id_document_kind`` the identity document chosen
    next to the number; ``id_patterns`` the desk's accepted number formats (the defaults
    when None); ``application_date`` the day the application started (an authority
    document may not be dated later), None before it exists.
    """

    today: date
    id_document_kind: str = "id_card"
    id_patterns: Mapping[str, Sequence[str]] | None = None
    application_date: date | None = None


def check_ticket_number(text: str) -> Checked[str]:
    """An optional queue ticket: up to 16 Latin capitals, digits and dashes, upper-cased
    (``a-017`` → ``A-017``). Code: ``ticket.format``."""
    ticket = latin_upper(text).strip()
    if not ticket:
        return Checked(None, None)
    if not _TICKET.fullmatch(ticket):
        return Checked(
            None,
            FieldProblem("ticket.format", "a ticket number is up to 16 letters, digits and dashes"),
        )
    return Checked(ticket, None)


Rule = Callable[[Any, FieldContext], Checked[Any]]

#: Field name (as the intake forms and the service inputs name it) → its rule.
FIELD_RULES: Mapping[str, Rule] = MappingProxyType(
    {
        "fin": lambda value, _c: check_fin(value),
        "id_document_number": lambda value, c: check_id_document(
            c.id_document_kind, value, c.id_patterns
        ),
        "surname": lambda value, _c: check_person_name(value),
        "name": lambda value, _c: check_person_name(value),
        "patronymic": lambda value, _c: check_person_name(value, required=False),
        "birth_date": lambda value, c: check_birth_date(value, c.today),
        "phone": lambda value, _c: check_phone(value),
        "email": lambda value, _c: check_email(value),
        "address": lambda value, _c: check_free_text(value, 500),
        "voen": lambda value, _c: check_voen(value),
        "organisation_name": lambda value, _c: check_free_text(value, 300, required=True),
        "authority_number": lambda value, _c: check_free_text(value, 64, required=True),
        "authority_date": lambda value, c: check_document_date(
            value, c.today, not_after=c.application_date
        ),
        "authority_issuer": lambda value, _c: check_free_text(value, 300, required=True),
        "ticket_number": lambda value, _c: check_ticket_number(value),
    }
)

#: A field whose rule reads another field's choice: the UI checks it again when that changes.
DEPENDS_ON: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"id_document_number": ("id_document_kind",)}
)


def check_field(name: str, value: Any, context: FieldContext) -> Checked[Any]:
    """Check one field by its rule in :data:`FIELD_RULES`; KeyError for an unknown name."""
    return FIELD_RULES[name](value, context)
