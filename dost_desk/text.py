"""Azerbaijani text utilities: normalisation, case mapping, search folding and collation.

Pure standard library. Python's own ``str.lower``/``str.upper`` are wrong for Azerbaijani
(``"İ".lower()`` gives ``"i̇"`` with a combining dot, ``"I".lower()`` gives ``"i"``), so the
dotted/dotless i pair is mapped explicitly before delegating the rest to ``str``.
"""

from __future__ import annotations

import unicodedata

__all__ = ["AZ_ALPHABET", "az_lower", "az_sort_key", "az_upper", "fold_for_search", "nfc"]

#: The 32 letters of the Azerbaijani Latin alphabet, lower case, in alphabetical order.
AZ_ALPHABET = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"

_RANK = {ch: i for i, ch in enumerate(AZ_ALPHABET)}
_LOWER_I = str.maketrans({"İ": "i", "I": "ı"})
_UPPER_I = str.maketrans({"i": "İ", "ı": "I"})
_FOLD = str.maketrans(
    {
        "ə": "e",
        "ı": "i",
        "ş": "s",
        "ç": "c",
        "ğ": "g",
        "ö": "o",
        "ü": "u",
        # Typographic quotes become plain ASCII quotes (never word characters).
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "‹": "'",
        "›": "'",
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
    }
)
# Dropped when folding: nonspacing and enclosing marks, and invisible format characters
# (soft hyphen, zero-width joiners, bidi controls) that would otherwise split words.
_DROP = frozenset({"Mn", "Me", "Cf"})

# Sort weights: non-letters by code point, then the alphabet, then other letters.
_LETTERS = 0x110000
_OTHER_LETTERS = _LETTERS + len(AZ_ALPHABET)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normalisation form C (composed)."""
    return unicodedata.normalize("NFC", text)


def az_lower(text: str) -> str:
    """Lower-case ``text`` the Azerbaijani way: ``İ`` → ``i``, ``I`` → ``ı``.

    Every other character follows ``str.lower``. Input and output are NFC.

    >>> az_lower("İSTANBUL"), az_lower("ISTANBUL")
    ('istanbul', 'ıstanbul')
    """
    return nfc(nfc(text).translate(_LOWER_I).lower())


def az_upper(text: str) -> str:
    """Upper-case ``text`` the Azerbaijani way: ``i`` → ``İ``, ``ı`` → ``I``.

    Every other character follows ``str.upper``. Input and output are NFC.

    >>> az_upper("ığdır")
    'IĞDIR'
    """
    return nfc(nfc(text).translate(_UPPER_I).upper())


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) not in _DROP)


def fold_for_search(text: str) -> str:
    """Return a case-, diacritic- and spacing-insensitive key for matching ``text``.

    Azerbaijani letters fold to ASCII (``ə``→``e``, ``ı``/``İ``→``i``, ``ş``→``s``,
    ``ç``→``c``, ``ğ``→``g``, ``ö``→``o``, ``ü``→``u``) so that text typed on a plain
    keyboard matches; other marks are stripped after NFKD, typographic quotes become
    ``"`` or ``'``, and runs of whitespace become one space (no leading/trailing space).
    The result is idempotent: ``fold_for_search(fold_for_search(s)) == fold_for_search(s)``.

    >>> fold_for_search("Sığorta  ŞƏHADƏTNAMƏSİ") == fold_for_search("sigorta sehadetnamesi")
    True
    """
    folded = az_lower(text).casefold().translate(_FOLD)
    if not folded.isascii():  # plain Azerbaijani is ASCII by now: nothing left to strip
        folded = _strip_marks(folded)
        # Compatibility decomposition may expose new capitals or letters (e.g. "ᵊ" → "ə").
        folded = _strip_marks(folded.casefold().translate(_FOLD))
    return " ".join(folded.split())


def _weight(ch: str) -> int:
    rank = _RANK.get(ch)
    if rank is not None:
        return _LETTERS + rank
    if ch.isalpha():
        return _OTHER_LETTERS + ord(ch)
    return ord(ch)


def az_sort_key(text: str) -> tuple[tuple[int, ...], str]:
    """Return a key that sorts strings in Azerbaijani alphabetical order.

    Order: A B C Ç D E Ə F G Ğ H X I İ J K Q L M N O Ö P R S Ş T U Ü V Y Z, compared
    case-insensitively; characters that are not letters (digits, spaces, punctuation)
    sort before all letters, letters outside the alphabet (w, ä, Cyrillic, ...) after
    them, by code point. Ties (e.g. differing only in case) are broken by the NFC string
    itself, so the order is total and the same in every run: equal keys mean equal text.
    """
    composed = nfc(text)
    return tuple(_weight(ch) for ch in az_lower(composed)), composed
