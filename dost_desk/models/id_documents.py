"""Identity document numbers: ID cards, residence permits and foreign passports.

The accepted number formats are data, not code: :data:`DEFAULT_ID_PATTERNS` holds the
defaults, and a centre's configuration may pass its own mapping (for example when a new
residence permit series appears) to :func:`check_id_document`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from dost_desk.models.identity import Checked, FieldProblem, latin_upper

__all__ = ["DEFAULT_ID_PATTERNS", "check_id_document"]

#: Document kind → regular expressions one of which the whole normalised number (series
#: letters and digits, no separators, Latin capitals) must match. Configurable data:
#: ``check_id_document`` takes a replacement mapping; these are only the defaults.
DEFAULT_ID_PATTERNS: Mapping[str, Sequence[str]] = MappingProxyType(
    {
        # Azerbaijani ID card: AZE + 8 digits (older cards), AA + 7 digits (newer cards).
        "id_card": (r"AZE\d{8}", r"AA\d{7}"),
        # Residence permits: permanent (MYI) and temporary (DYI) series.
        "residence_permit": (r"MYI\d{7}", r"DYI\d{7}"),
        # Any foreign passport: one or two letters and 6 to 8 digits.
        "passport": (r"[A-Z]{1,2}\d{6,8}",),
    }
)

# Spaces and dashes typed between the series and the number.
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—]+")


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    # ASCII: \d must not match Arabic-Indic or other non-Latin digits.
    return re.compile(pattern, re.ASCII)


def _problem(code: str, message: str, **params: str) -> Checked[str]:
    return Checked(None, FieldProblem(code, message, dict(params)))


def check_id_document(
    kind: str, number: str, patterns: Mapping[str, Sequence[str]] | None = None
) -> Checked[str]:
    """Check an identity document ``number`` of the given ``kind`` and normalise it.

    The number is upper-cased with :func:`~dost_desk.models.identity.latin_upper` (so a
    typed ``i`` or ``ı`` is the Latin ``I``) and spaces or dashes are removed:
    ``"aze 12345678"`` → ``"AZE12345678"``. It must then fully match one of the regular
    expressions listed for ``kind`` in ``patterns`` (default :data:`DEFAULT_ID_PATTERNS`).
    Patterns come from validated configuration; an invalid one raises ``re.error``.
    Codes: ``id_document.kind``, ``id_document.required``, ``id_document.format``.
    """
    table = DEFAULT_ID_PATTERNS if patterns is None else patterns
    kind_patterns = table.get(kind)
    if kind_patterns is None:
        return _problem("id_document.kind", "Unknown identity document kind", kind=kind)
    normalised = _SEPARATORS.sub("", latin_upper(number))
    if not normalised:
        return _problem("id_document.required", "Document number is required", kind=kind)
    if any(_compiled(pattern).fullmatch(normalised) for pattern in kind_patterns):
        return Checked(normalised, None)
    return _problem(
        "id_document.format",
        "Document number does not match any accepted format for this document kind",
        kind=kind,
    )
