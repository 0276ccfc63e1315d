"""The bundled DejaVu Sans fonts, registered with ReportLab once per process.

Base-14 PDF fonts cannot print ə, so every document uses DejaVu Sans (regular and bold),
embedded as subsets. Text a font has no glyph for is replaced before drawing (see
:func:`printable`): ReportLab writes a broken ToUnicode map for characters outside the
Basic Multilingual Plane (emoji), and a missing glyph would print as an empty box anyway.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from dost_desk.print.errors import FontMissing, PrintError
from dost_desk.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
REPLACEMENT = "\ufffd"

_lock = threading.Lock()
_registered: tuple[Path, ...] | None = None
_coverage: frozenset[int] = frozenset()
_needs_care: re.Pattern[str] = re.compile(".")  # a character printable() must look at


def font_paths() -> dict[str, Path]:
    """The font files the documents use, by ReportLab font name."""
    return {name: resource_path("fonts", file) for name, file in FONT_FILES.items()}


def register_fonts() -> None:
    """Register DejaVu Sans and DejaVu Sans Bold (a family, so ``<b>`` works).

    Cheap after the first call. Raises :class:`FontMissing` naming the absent file, or
    :class:`PrintError` when a file cannot be read as a TrueType font.
    """
    global _registered, _coverage, _needs_care
    paths = font_paths()
    key = tuple(paths.values())
    if _registered == key:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    with _lock:
        if _registered == key:
            return
        for path in key:
            if not path.is_file():
                raise FontMissing(str(path))
        fonts = []
        for name, path in paths.items():
            try:
                fonts.append(TTFont(name, str(path)))
            except (TTFError, OSError) as error:
                raise PrintError(f"the font file {path} cannot be read: {error}") from None
        for font in fonts:
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )
        glyphs = [set(font.face.charToGlyph) for font in fonts]
        _coverage = frozenset(set.intersection(*glyphs))
        _needs_care = re.compile(f"[^\n{_ranges(_coverage)}]")
        _registered = key


def _ranges(codes: frozenset[int]) -> str:
    """A regex character-class body for the printable code points of ``codes``."""
    wanted = sorted(c for c in codes if 32 <= c <= 0xFFFF and not 0x7F <= c < 0xA0)
    parts, start, previous = [], None, None
    for code in wanted:
        if start is None:
            start = previous = code
        elif code == previous + 1:
            previous = code
        else:
            parts.append((start, previous))
            start = previous = code
    if start is not None:
        parts.append((start, previous))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in parts
    )


def printable(text: str) -> str:
    """``text`` with every character the fonts cannot draw replaced by U+FFFD, and
    control characters other than the line break dropped."""
    if not _needs_care.search(text):  # the usual case, checked in C
        return text
    out = []
    for char in text:
        code = ord(char)
        if char == "\n":
            out.append(char)
        elif char == "\t":
            out.append(" ")
        elif code < 32 or 0x7F <= code < 0xA0:
            continue
        elif code > 0xFFFF or code not in _coverage:
            out.append(REPLACEMENT)
        else:
            out.append(char)
    return "".join(out)
