"""Turn a template and a document's content into ReportLab platypus flowables.

Everything typed by people is escaped (it is never Paragraph markup) and passed through
:func:`dost_desk.print.fonts.printable`. Long words split, tables split by row and repeat
their header row on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from dost_desk.print.flowables import RULE, Beside, KeyValueRow
from dost_desk.print.fonts import BOLD, REGULAR, printable
from dost_desk.print.profiles import MM, PrinterProfile
from dost_desk.print.qr import QrFlowable
from dost_desk.print.templates import Block, DocumentTemplate, Row, empty
from dost_desk.print.texts import PrintTexts, fill

GRID = colors.HexColor("#8A8F98")
HEADER_FILL = colors.HexColor("#E8EAED")
MUTED = colors.HexColor("#44484F")
MARK = colors.HexColor("#B00020")
_TABLE_START = 35 * MM  # room a titled table needs to start on a page: heading + ~3 rows


@dataclass(frozen=True, slots=True)
class Extras:
    """What a document shows besides its content: the QR text and the DUBLİKAT mark."""

    qr_text: str
    verification_code: str
    duplicate_of: str | None = None
    copy_number: int | None = None


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    bold: ParagraphStyle
    centre: ParagraphStyle
    centre_bold: ParagraphStyle
    centre_small: ParagraphStyle
    note: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    heading_loose: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_header: ParagraphStyle
    item: ParagraphStyle
    mark: ParagraphStyle
    mark_note: ParagraphStyle

    def named(self, name: str) -> ParagraphStyle:
        return getattr(self, name)


@lru_cache(maxsize=8)
def styles_for(profile: PrinterProfile) -> Styles:
    sizes, ratio = profile.type, profile.leading_ratio

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", REGULAR)
        kw.setdefault("bulletFontName", REGULAR)
        kw.setdefault("bulletFontSize", size)
        return ParagraphStyle(f"{profile.key}-{name}", fontSize=size, leading=size * ratio, **kw)

    body = sizes.body
    gap = body * 0.45
    return Styles(
        body=style("body", body, spaceAfter=gap),
        small=style("small", sizes.small, spaceAfter=gap),
        bold=style("bold", body, fontName=BOLD, spaceAfter=gap),
        centre=style("centre", body, alignment=TA_CENTER, spaceAfter=gap),
        centre_bold=style("centre_bold", body, fontName=BOLD, alignment=TA_CENTER),
        centre_small=style("centre_small", sizes.small, alignment=TA_CENTER, spaceAfter=gap),
        note=style("note", sizes.small, textColor=MUTED, spaceAfter=gap),
        title=style("title", sizes.title, fontName=BOLD, alignment=TA_CENTER, spaceBefore=gap * 2),
        heading=style(
            "heading",
            sizes.heading,
            fontName=BOLD,
            spaceBefore=gap * 2,
            spaceAfter=gap,
            keepWithNext=1,
        ),
        heading_loose=style(
            "heading_loose", sizes.heading, fontName=BOLD, spaceBefore=gap * 2, spaceAfter=gap
        ),
        label=style("label", sizes.small, textColor=MUTED),
        cell=style("cell", sizes.small if profile.continuous else body),
        cell_header=style("cell_header", sizes.small, fontName=BOLD),
        item=style("item", body, leftIndent=body * 1.9, bulletIndent=0, spaceAfter=gap * 0.6),
        mark=style("mark", sizes.title * 1.3, fontName=BOLD, alignment=TA_CENTER, textColor=MARK),
        mark_note=style("mark_note", sizes.small, alignment=TA_CENTER, textColor=MARK),
    )


def _cell_font() -> list[tuple[Any, ...]]:
    """Tables draw plain-string cells (even empty ones) in their own font: Helvetica
    unless told otherwise, which would add an unembedded font to the PDF."""
    return [("FONT", (0, 0), (-1, -1), REGULAR)]


def markup(text: str) -> str:
    """Plain text as Paragraph markup: escaped, unprintable characters replaced."""
    return escape(printable(text)).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle, **kw: Any) -> Paragraph:
    return Paragraph(markup(text), style, **kw)


def label(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of a template's own words (labels, headings, titles): the same few
    strings on every page, so their parsed form is kept instead of parsed each time."""
    return Paragraph(markup(text), style, frags=_parsed(text, style))


@lru_cache(maxsize=1024)
def _parsed(text: str, style: ParagraphStyle) -> list[Any]:
    return Paragraph(markup(text), style).frags


class Builder:
    """Builds the flowables of one document (see :func:`build_flowables`)."""

    def __init__(
        self,
        template: DocumentTemplate,
        content: dict[str, Any],
        profile: PrinterProfile,
        texts: PrintTexts,
        extras: Extras,
    ) -> None:
        self.template = template
        self.content = content
        self.profile = profile
        self.texts = texts
        self.extras = extras
        self.styles = styles_for(profile)
        self.width = profile.frame_width

    # -- values ----------------------------------------------------------------------
    def value(self, field: str | None) -> Any:
        return self.content.get(field, "") if field else ""

    def text(self, template: str | None) -> str:
        return fill(template, self.content) if template else ""

    def row_value(self, row: Row) -> str:
        value = self.value(row.field) if row.field else self.text(row.text)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        return str(value)

    # -- blocks ----------------------------------------------------------------------
    def build(self) -> list[Flowable]:
        flowables: list[Flowable] = []
        marked = False
        for block in self.template.blocks:
            if block.when and empty(self.value(block.when)):
                continue
            if block.unless and not empty(self.value(block.unless)):
                continue
            flowables.extend(self._block(block))
            if block.type == "title" and not marked:
                flowables.extend(self.duplicate_banner())
                marked = True
        if not marked:
            flowables[:0] = self.duplicate_banner()
        return flowables

    def _block(self, block: Block) -> list[Flowable]:
        handler: Callable[[Block], list[Flowable]] = getattr(self, f"_{block.type}")
        body = handler(block)
        if not (body and block.title):
            return body
        if block.type in ("table", "key_value") and not self.profile.continuous:
            # keepWithNext would move a whole page-long table to the next page: start
            # it on the next page only when less than a few rows' room is left.
            heading = label(self.text(block.title), self.styles.heading_loose)
            return [CondPageBreak(_TABLE_START), heading, *body]
        return [label(self.text(block.title), self.styles.heading), *body]

    def _title(self, block: Block) -> list[Flowable]:
        s = self.styles
        number = fill(self.texts.document_number, {"number": self.value("document_number")})
        line = number
        if self.value("issued_date"):
            line += " · " + fill(self.texts.issued, {"date": self.value("issued_date")})
        return [label(self.text(self.template.title), s.title), para(line, s.centre_small)]

    def _heading(self, block: Block) -> list[Flowable]:
        text = self.text(block.text) or str(self.value(block.field))
        return [para(text, self.styles.heading)] if text.strip() else []

    def _paragraph(self, block: Block) -> list[Flowable]:
        text = self.text(block.text) if block.text else self.row_value(Row(field=block.field))
        if not text.strip():
            text = self.text(block.empty)
        return [para(text, self.styles.named(block.style))] if text.strip() else []

    def _rows(self, block: Block) -> Iterator[tuple[str, str]]:
        for row in block.rows:
            if row.each:
                for item in self.value(row.each) or ():
                    yield str(item.get("label", "")), str(item.get("value", ""))
                continue
            value = self.row_value(row)
            if not value.strip():
                if row.empty is None:
                    continue
                value = self.text(row.empty)
            yield self.text(row.label), value

    def _key_value(self, block: Block) -> list[Flowable]:
        s = self.styles
        rows = list(self._rows(block))
        if not rows:
            return []
        if self.profile.stacked_key_values:
            out: list[Flowable] = []
            for name, value in rows:
                out += [label(name, s.label), para(value, s.body)]
            return out
        label_width = self.width * self.profile.label_column_ratio
        out = [
            KeyValueRow(label(name, s.label), para(value, s.cell), label_width)
            for name, value in rows
        ]
        return [*out, Spacer(1, s.body.fontSize * 0.6)]

    def _table(self, block: Block) -> list[Flowable]:
        s = self.styles
        items = self.value(block.field) or []
        if not items:
            text = self.text(block.empty)
            return [para(text, s.body)] if text else []
        total = sum(column.width for column in block.columns)
        widths = [self.width * column.width / total for column in block.columns]
        data: list[list[Any]] = [[label(c.header, s.cell_header) for c in block.columns]]
        data += [[para(str(item.get(c.key, "")), s.cell) for c in block.columns] for item in items]
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    *_cell_font(),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        return [table, Spacer(1, s.body.fontSize * 0.8)]

    def _list(self, block: Block) -> list[Flowable]:
        items = [str(item) for item in self.value(block.field) or () if str(item).strip()]
        if not items:
            text = self.text(block.empty)
            return [para(text, self.styles.body)] if text else []
        return [
            para(item, self.styles.item, bulletText=f"{number}.")
            for number, item in enumerate(items, start=1)
        ]

    def _signatures(self, block: Block) -> list[Flowable]:
        s = self.styles
        signers = [(self.text(row.label), self.row_value(row)) for row in block.rows]
        space = 11 * MM if not self.profile.continuous else 9 * MM
        commands: list[tuple[Any, ...]] = [
            *_cell_font(),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
        if self.profile.continuous:  # one signer under the other
            data: list[list[Any]] = []
            heights: list[float | None] = []
            for title, name in signers:
                commands.append(
                    ("LINEBELOW", (0, len(data) + 1), (0, len(data) + 1), 0.6, colors.black)
                )
                data += [[label(title, s.label)], [""], [para(name, s.small)]]
                heights += [None, space, None]
            table = Table(data, colWidths=[self.width], rowHeights=heights, hAlign="LEFT")
        else:  # side by side, a gap between the lines
            gap = 10 * MM
            column = (self.width - gap * (len(signers) - 1)) / len(signers)
            widths: list[float] = []
            labels: list[Any] = []
            names: list[Any] = []
            for index, (title, name) in enumerate(signers):
                if index:
                    widths.append(gap)
                    labels.append("")
                    names.append("")
                col = len(widths)
                widths.append(column)
                labels.append(label(title, s.label))
                names.append(para(name, s.small))
                commands.append(("LINEBELOW", (col, 1), (col, 1), 0.6, colors.black))
            table = Table(
                [labels, [""] * len(widths), names],
                colWidths=widths,
                rowHeights=[None, space, None],
                hAlign="LEFT",
            )
        table.setStyle(TableStyle(commands))
        # Labels, lines and names stay on one page.
        return [KeepTogether([Spacer(1, s.body.fontSize), table, Spacer(1, s.body.fontSize)])]

    def _qr(self, block: Block) -> list[Flowable]:
        s = self.styles
        size = self.profile.qr_size_mm * MM
        code = QrFlowable(self.extras.qr_text, size)
        caption = fill(self.texts.verification_code, {"code": self.extras.verification_code})
        number = fill(self.texts.document_number, {"number": self.value("document_number")})
        if self.profile.continuous:
            code.hAlign = "CENTER"
            return [code, para(caption, s.centre_small), para(number, s.centre_small)]
        text = [para(caption, s.small), para(number, s.small)]
        return [Spacer(1, 2 * MM), Beside(code, text, gap=4 * MM)]

    def _spacer(self, block: Block) -> list[Flowable]:
        return [Spacer(1, block.height_mm * MM)]

    def _rule(self, block: Block) -> list[Flowable]:
        return [HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=2, spaceAfter=4)]

    def duplicate_banner(self) -> list[Flowable]:
        """The visible DUBLİKAT mark with the original's number (empty for an original)."""
        if not self.extras.duplicate_of:
            return []
        s = self.styles
        values = {"original": self.extras.duplicate_of, "copy": self.extras.copy_number}
        note = (
            self.texts.duplicate_note
            if self.extras.copy_number
            else (self.texts.duplicate_note_no_copy)
        )
        banner = Table(
            [[para(self.texts.duplicate_mark, s.mark)], [para(fill(note, values), s.mark_note)]],
            colWidths=[self.width],
        )
        banner.setStyle(
            TableStyle(
                [
                    *_cell_font(),
                    ("BOX", (0, 0), (-1, -1), 1.2, MARK),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return [Spacer(1, 2 * MM), banner, Spacer(1, 2 * MM)]


def build_flowables(
    template: DocumentTemplate,
    content: dict[str, Any],
    profile: PrinterProfile,
    texts: PrintTexts,
    extras: Extras,
) -> list[Flowable]:
    """The flowables of one document, in template order (the DUBLİKAT mark after the title)."""
    return Builder(template, content, profile, texts, extras).build()
