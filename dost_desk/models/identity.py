"""Validation and normalisation of what an agent types about a person (DESIGN.md §4).

Every ``check_*`` function takes raw text (any Unicode, possibly empty or very long) and
returns a :class:`Checked` result; none of them raises on bad input. A result holds either
the normalised value or a :class:`FieldProblem`, never both; an optional field left empty
holds neither (``value is None`` and ``ok`` is true). Problem codes are stable keys that
the UI translates; the English message is for logs and the CLI.

Identity document numbers live in :mod:`dost_desk.models.id_documents`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from dost_desk.text import az_lower, az_upper, nfc

__all__ = [
    "FIN_LENGTH",
    "MAX_AGE_YEARS",
    "Checked",
    "FieldProblem",
    "check_birth_date",
    "check_document_date",
    "check_email",
    "check_fin",
    "check_free_text",
    "check_person_name",
    "check_phone",
    "check_voen",
    "latin_upper",
    "normalise_fin_as_typed",
]

T = TypeVar("T")

FIN_LENGTH = 7
MAX_AGE_YEARS = 130
MAX_EMAIL_LENGTH = 254

_FIN_RE = re.compile(r"[0-9A-HJ-NP-Z]{7}")
_VOEN_RE = re.compile(r"[0-9]{10}")
_DOTTED_DATE_RE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_ISO_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# Every dotted or dotless i is the Latin I on documents, whatever the keyboard layout.
_LATIN_I = str.maketrans({"i": "I", "ı": "I", "İ": "I"})
_PHONE_SEPARATORS = str.maketrans("", "", "-.()")
_NAME_PART_SEPARATORS = frozenset(" -")
_NAME_PUNCTUATION = frozenset(" -'’")


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """Why a field was rejected: a stable ``code``, an English ``message`` and its ``params``."""

    code: str
    message: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Checked(Generic[T]):
    """The outcome of a check: the normalised ``value`` or a ``problem`` (never both)."""

    value: T | None
    problem: FieldProblem | None

    @property
    def ok(self) -> bool:
        """True when there is no problem (the value may still be None for an empty optional)."""
        return self.problem is None


def _valid(value: T | None) -> Checked[T]:
    return Checked(value, None)


def _invalid(code: str, message: str, **params: str) -> Checked[Any]:
    return Checked(None, FieldProblem(code, message, dict(params)))


def latin_upper(text: str) -> str:
    """Upper-case ``text`` for Latin-only codes (FİN, document series): NFC, then ``i``,
    ``ı`` and ``İ`` all become ``I`` and ASCII ``a``–``z`` become capitals; every other
    character is left as it is so the validator can reject it."""
    mapped = nfc(text).translate(_LATIN_I)
    return "".join(ch.upper() if "a" <= ch <= "z" else ch for ch in mapped)


# --- FİN and VÖEN --------------------------------------------------------------------------


def normalise_fin_as_typed(text: str) -> str:
    """Return what the FİN field should show while typing: Latin capitals, no whitespace,
    at most 7 characters. Invalid characters are kept for :func:`check_fin` to report."""
    # Spaces go first: NFC after removing them could reorder marks the space separated.
    return latin_upper("".join(text.split()))[:FIN_LENGTH]


def check_fin(text: str) -> Checked[str]:
    """Check a FİN (personal ID number): 7 digits or Latin capitals other than I and O.

    The text is stripped and upper-cased with :func:`latin_upper` first, so ``"5zx8k2p"``
    gives ``"5ZX8K2P"``. Codes: ``fin.required``, ``fin.length``, ``fin.characters``.
    """
    fin = latin_upper(text).strip()
    if not fin:
        return _invalid("fin.required", "FİN is required")
    if len(fin) != FIN_LENGTH:
        return _invalid("fin.length", "FİN must be 7 characters", length=str(FIN_LENGTH))
    if not _FIN_RE.fullmatch(fin):
        return _invalid(
            "fin.characters",
            "FİN may contain only digits and Latin capital letters; I and O are not used",
        )
    return _valid(fin)


def check_voen(text: str) -> Checked[str]:
    """Check a VÖEN (taxpayer number): exactly 10 digits; whitespace is removed.

    Codes: ``voen.required``, ``voen.format``.
    """
    voen = "".join(nfc(text).split())
    if not voen:
        return _invalid("voen.required", "VÖEN is required")
    if not _VOEN_RE.fullmatch(voen):
        return _invalid("voen.format", "VÖEN must be exactly 10 digits")
    return _valid(voen)


# --- contacts ------------------------------------------------------------------------------


def _national_phone_digits(compact: str) -> str | None:
    """Return the 9-digit national number inside ``compact`` (separators already removed)."""
    plus = compact.startswith("+")
    digits = compact[1:] if plus else compact
    if not digits.isascii() or not digits.isdigit():
        return None
    if plus:
        prefixes: tuple[str, ...] = ("9940", "994")
    else:
        # Longest first: "00994", then "9940" (a trunk 0 kept after the country code).
        prefixes = ("00994", "9940", "994", "0", "")
    for prefix in prefixes:
        rest = digits[len(prefix) :]
        if digits.startswith(prefix) and len(rest) == 9:
            return rest if rest[0] != "0" else None
    return None


def check_phone(text: str, required: bool = False) -> Checked[str]:
    """Check an Azerbaijani phone number and normalise it to ``+994`` and 9 digits.

    Accepts ``+994 50 123 45 67``, ``994501234567``, ``00994…``, ``0501234567``,
    ``050-123-45-67``, ``(050) 123 45 67`` and the bare 9 digits ``501234567``; spaces,
    dashes, dots and parentheses are separators. The 9 national digits must not start
    with 0. Empty text is fine unless ``required``. Codes: ``phone.required``,
    ``phone.format``.
    """
    compact = "".join(nfc(text).split()).translate(_PHONE_SEPARATORS)
    if not compact:
        return _invalid("phone.required", "Phone number is required") if required else _valid(None)
    national = _national_phone_digits(compact)
    if national is None:
        return _invalid("phone.format", "Phone number must be +994 followed by 9 digits")
    return _valid("+994" + national)


def check_email(text: str, required: bool = False) -> Checked[str]:
    """Check an e-mail address sanely (one ``@``, a dot inside the domain, no whitespace,
    at most 254 characters) and lower-case its domain. Empty text is fine unless
    ``required``. Codes: ``email.required``, ``email.too_long``, ``email.format``.
    """
    email = nfc(text).strip()
    if not email:
        return _invalid("email.required", "E-mail is required") if required else _valid(None)
    local, _, domain = email.partition("@")
    labels = domain.split(".")
    if (
        any(ch.isspace() for ch in email)
        or email.count("@") != 1
        or not local
        or len(labels) < 2
        or not all(labels)
    ):
        return _invalid("email.format", "E-mail must look like name@example.az")
    # Domains follow DNS rules, not Azerbaijani ones, hence plain str.lower.
    email = f"{local}@{nfc(domain.lower())}"
    if len(email) > MAX_EMAIL_LENGTH:
        return _invalid(
            "email.too_long",
            f"E-mail must be at most {MAX_EMAIL_LENGTH} characters",
            max=str(MAX_EMAIL_LENGTH),
        )
    return _valid(email)


# --- names and free text -------------------------------------------------------------------


def _name_char_allowed(ch: str) -> bool:
    return ch in _NAME_PUNCTUATION or unicodedata.category(ch)[0] in "LM"


# Patronymic suffixes stay lower-case: "Vaqif oğlu", "Zaur qızı".
_LOWER_CASE_PARTS = frozenset({"oğlu", "qızı", "oglu", "qizi"})


def _capitalise_first(part: str) -> str:
    if az_lower(part) in _LOWER_CASE_PARTS:
        return az_lower(part)
    upper = az_upper(part[:1])
    return upper + part[1:] if len(upper) == 1 else part


def check_person_name(text: str, required: bool = True, max_length: int = 100) -> Checked[str]:
    """Check a surname, first name or patronymic and tidy it.

    NFC, runs of whitespace become one space, and the first letter of each space- or
    hyphen-separated part is upper-cased the Azerbaijani way (``ilham`` → ``İlham``,
    ``ıqbal`` → ``Iqbal``), except the patronymic suffixes ``oğlu``/``qızı``, which are
    lower-case; the rest is left as typed (``McDonald``, ``ƏLİ``). Letters of
    any script, spaces, hyphens and apostrophes (``'`` ``’``) are allowed, and there must
    be a letter. Codes: ``name.required``, ``name.too_long``, ``name.characters``.
    """
    name = " ".join(nfc(text).split())
    if not name:
        return _invalid("name.required", "Name is required") if required else _valid(None)
    if len(name) > max_length:
        return _invalid(
            "name.too_long", f"Name must be at most {max_length} characters", max=str(max_length)
        )
    if not all(map(_name_char_allowed, name)) or not any(ch.isalpha() for ch in name):
        return _invalid(
            "name.characters", "Name may contain only letters, spaces, hyphens and apostrophes"
        )
    pieces = re.split(r"([ -])", name)
    tidy = "".join(p if p in _NAME_PART_SEPARATORS else _capitalise_first(p) for p in pieces)
    return _valid(nfc(tidy))


def check_free_text(text: str, max_length: int = 2000, required: bool = False) -> Checked[str]:
    """Check a free-text field: NFC and stripped, at most ``max_length`` characters.

    Codes: ``text.required``, ``text.too_long``.
    """
    value = nfc(text).strip()
    if not value:
        return _invalid("text.required", "This field is required") if required else _valid(None)
    if len(value) > max_length:
        return _invalid(
            "text.too_long", f"Text must be at most {max_length} characters", max=str(max_length)
        )
    return _valid(value)


# --- dates ---------------------------------------------------------------------------------


def parse_date(value: str | date) -> Checked[date]:
    """Turn a date, ``dd.mm.yyyy`` or ISO ``yyyy-mm-dd`` into a date.

    Codes: ``date.required``, ``date.format``, ``date.invalid``.
    """
    if isinstance(value, datetime):
        return _valid(value.date())
    if isinstance(value, date):
        return _valid(value)
    text = nfc(value).strip()
    if not text:
        return _invalid("date.required", "Date is required")
    if match := _DOTTED_DATE_RE.fullmatch(text):
        day, month, year = map(int, match.groups())
    elif match := _ISO_DATE_RE.fullmatch(text):
        year, month, day = map(int, match.groups())
    else:
        return _invalid("date.format", "Date must be written as dd.mm.yyyy")
    try:
        return _valid(date(year, month, day))
    except ValueError:
        return _invalid("date.invalid", "This date does not exist")


def _years_before(day: date, years: int) -> date | None:
    """``day`` moved back ``years`` years (29 February → 28), or None before year 1."""
    if day.year - years < 1:
        return None
    if day.month == 2 and day.day == 29:
        day = day.replace(day=28)
    return day.replace(year=day.year - years)


def check_birth_date(value: str | date, today: date) -> Checked[date]:
    """Check a birth date given as a date, ``dd.mm.yyyy`` or ``yyyy-mm-dd``.

    It may be today but not later, and at most 130 years before ``today``. Codes:
    ``date.required``, ``date.format``, ``date.invalid``, ``date.future``, ``date.too_old``.
    """
    parsed = parse_date(value)
    born = parsed.value
    if born is None:
        return parsed
    if born > today:
        return _invalid("date.future", "Birth date cannot be in the future")
    oldest = _years_before(today, MAX_AGE_YEARS)
    if oldest is not None and born < oldest:
        return _invalid(
            "date.too_old",
            f"Birth date cannot be more than {MAX_AGE_YEARS} years ago",
            max_years=str(MAX_AGE_YEARS),
        )
    return parsed


def check_document_date(
    value: str | date, today: date, not_after: date | None = None
) -> Checked[date]:
    """Check the issue date of an authority document (power of attorney, guardianship).

    It may not be after ``today`` nor after ``not_after`` (the application date). Codes:
    ``date.required``, ``date.format``, ``date.invalid``, ``date.future``,
    ``date.after_application``.
    """
    parsed = parse_date(value)
    issued = parsed.value
    if issued is None:
        return parsed
    if issued > today:
        return _invalid("date.future", "Document date cannot be in the future")
    if not_after is not None and issued > not_after:
        return _invalid(
            "date.after_application",
            "Document date cannot be after the application date",
            application_date=not_after.isoformat(),
        )
    return parsed
