"""Render a document kind to PDF bytes: deterministic, fonts embedded, verifiable.

``render_document("receipt", context, "roll80")`` builds the template's flowables
(:mod:`dost_desk.print.layout`) on the profile's paper and returns the PDF. The same
content, profile and DUBLİKAT mark always give byte-identical bytes: ReportLab runs in
invariant mode, the creation date is the document's own date (``issued_at``, e.g. the
outcome time) and the PDF's /ID is derived from the content hash. The printed content and
the QR text are embedded in the document information for :func:`verify_pdf`.
"""

from __future__ import annotations

import hashlib
import io
import threading
from datetime import datetime
from functools import partial
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    DummyDoc,
    PDFDate,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFString,
    PDFText,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from dost_desk import __version__
from dost_desk.models.local_time import BAKU
from dost_desk.print import verification as v
from dost_desk.print.errors import PrintError
from dost_desk.print.fonts import REGULAR, printable, register_fonts
from dost_desk.print.layout import MUTED, Extras, build_flowables, styles_for
from dost_desk.print.profiles import MM, PrinterProfile, get_profile
from dost_desk.print.templates import document_content, load_template
from dost_desk.print.texts import fill, load_texts

# ReportLab keeps font and document state in module globals: one render at a time.
_render_lock = threading.Lock()
_EPOCH = datetime(2000, 1, 1, tzinfo=BAKU)
_ROLL_SLACK = 2 * MM  # measuring by wrap() adds up spaces the frame would collapse


def render_document(
    kind: str,
    context: dict[str, Any],
    profile: str | PrinterProfile = "a4",
    *,
    duplicate_of: str | None = None,
    copy_number: int | None = None,
) -> bytes:
    """The PDF of one document.

    ``context`` is a full document context (:func:`dost_desk.print.context.build_context`)
    or an archived content; ``duplicate_of`` (the original's document number) prints the
    DUBLİKAT mark, with ``copy_number`` when given. Raises :class:`PrintError` subclasses
    (missing font, unknown kind or profile, a document too long for a roll).
    """
    register_fonts()
    template = load_template(kind)
    paper = get_profile(profile) if isinstance(profile, str) else profile
    texts = load_texts()
    content = document_content(template, context)
    digest = v.content_hash(content)
    qr = v.qr_text(content, digest)
    extras = Extras(qr, digest[: v.HASH_LENGTH], duplicate_of, copy_number)
    info = {
        v.INFO_CONTENT: v.canonical_json(content),
        v.INFO_QR: qr,
        v.INFO_PROFILE: paper.key,
        v.INFO_FORMAT: v.FORMAT_VERSION,
    }
    if duplicate_of:
        info[v.INFO_DUPLICATE_OF] = duplicate_of
        if copy_number:
            info[v.INFO_COPY] = str(copy_number)
    identity = v.canonical_json(
        {
            "content": digest,
            "profile": paper.key,
            "duplicate_of": duplicate_of or "",
            "copy": copy_number or 0,
        }
    )
    with _render_lock:
        flowables = build_flowables(template, content, paper, texts, extras)
        buffer = io.BytesIO()
        page_size = (paper.page_width_mm * MM, _page_height(paper, flowables))
        document = _document(buffer, paper, page_size, content, texts, duplicate_of)
        document.title = printable(fill(template.title, content))
        canvasmaker = partial(
            _DostCanvas,
            extra_info=info,
            issued=_issued(content),
            document_id=hashlib.sha256(identity.encode()).digest()[:16],
        )
        try:
            document.build(flowables, canvasmaker=canvasmaker)
        except LayoutError as error:
            raise PrintError(f"the {kind} does not fit on {paper.label}: {error}") from None
        return buffer.getvalue()


def _issued(content: dict[str, Any]) -> datetime:
    try:
        moment = datetime.fromisoformat(str(content.get("issued_at") or ""))
    except ValueError:
        return _EPOCH
    return moment if moment.tzinfo else moment.replace(tzinfo=BAKU)


def _page_height(paper: PrinterProfile, flowables: list[Flowable]) -> float:
    if paper.page_height_mm is not None:
        return paper.page_height_mm * MM
    height = _measure(flowables, paper.frame_width)
    total = height + _ROLL_SLACK + (paper.margins_mm.top + paper.margins_mm.bottom) * MM
    if total > paper.max_page_height_mm * MM:
        raise PrintError(
            f"the document is {total / MM:.0f} mm long, more than a {paper.label} page "
            f"allows ({paper.max_page_height_mm:g} mm): print it on A4"
        )
    return total


def _measure(flowables: list[Flowable], width: float) -> float:
    """The height ``flowables`` take stacked in a frame ``width`` wide (an upper bound:
    the frame collapses adjacent spaces)."""
    total = 0.0
    for flowable in flowables:
        inner = getattr(flowable, "_content", None)  # KeepTogether wraps a list
        if isinstance(inner, list):
            total += _measure(inner, width)
            continue
        height = flowable.wrap(width, 1e6)[1]
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _document(
    buffer: io.BytesIO,
    paper: PrinterProfile,
    page_size: tuple[float, float],
    content: dict[str, Any],
    texts: Any,
    duplicate_of: str | None,
) -> BaseDocTemplate:
    margins = paper.margins_mm
    width, height = page_size
    frame = Frame(
        margins.left * MM,
        margins.bottom * MM,
        width - (margins.left + margins.right) * MM,
        height - (margins.top + margins.bottom) * MM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    decorate = partial(
        _decorate_page, paper=paper, content=content, texts=texts, duplicate=bool(duplicate_of)
    )
    document = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        invariant=1,
        initialFontName=REGULAR,
        author=printable(str(content.get("centre_name") or "DOST")),
        subject=printable(str(content.get("document_number") or "")),
        creator=f"DOST Desk {__version__}",
        keywords="DOST",
        leftMargin=margins.left * MM,
        rightMargin=margins.right * MM,
        topMargin=margins.top * MM,
        bottomMargin=margins.bottom * MM,
    )
    document.addPageTemplates([PageTemplate("page", frames=[frame], onPage=decorate)])
    return document


def _decorate_page(
    canvas: Canvas,
    document: BaseDocTemplate,
    *,
    paper: PrinterProfile,
    content: dict[str, Any],
    texts: Any,
    duplicate: bool,
) -> None:
    """The page footer (document number, page) and, on a copy, DUBLİKAT on every page."""
    if not paper.page_footer:
        return
    styles = styles_for(paper)
    size = styles.small.fontSize
    width = paper.page_width_mm * MM
    canvas.saveState()
    canvas.setFont(REGULAR, size)
    canvas.setFillColor(MUTED)
    footer = fill(texts.page, {"number": content.get("document_number", ""), "page": document.page})
    canvas.drawCentredString(width / 2, paper.margins_mm.bottom * MM / 2, printable(footer))
    if duplicate:
        from dost_desk.print.layout import MARK

        canvas.setFillColor(MARK)
        canvas.setFont(styles.mark.fontName, styles.heading.fontSize)
        top = paper.page_height_mm * MM if paper.page_height_mm else 0
        canvas.drawRightString(
            width - paper.margins_mm.right * MM,
            top - paper.margins_mm.top * MM / 2 - size / 2,
            printable(texts.duplicate_mark),
        )
    canvas.restoreState()


class _Stamp:
    """What ReportLab's TimeStamp provides, for a chosen moment (the creation date)."""

    def __init__(self, moment: datetime) -> None:
        offset = moment.utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset else 0
        self.t = moment.timestamp()
        self.lt = moment.timetuple()
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh, self.dmm = divmod(minutes, 60)
        self.tzname = moment.tzname() or "UTC"


class _Info(PDFInfo):
    """The document information dictionary with DOST Desk's own keys added."""

    def __init__(self, extra: dict[str, str]) -> None:
        super().__init__()
        self.extra = extra

    def format(self, document: Any) -> bytes:
        entries = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "CreationDate": PDFDate(ts=document._timeStamp),
            "ModDate": PDFDate(ts=document._timeStamp),
            "Trapped": PDFName(self.trapped),
        }
        entries.update((key.lstrip("/"), PDFString(value)) for key, value in self.extra.items())
        return PDFDictionary(entries).format(document)


class _DostCanvas(Canvas):
    """A canvas whose PDF carries a fixed creation date, a fixed /ID and our keys."""

    def __init__(
        self,
        *args: Any,
        extra_info: dict[str, str],
        issued: datetime,
        document_id: bytes,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        pdf = self._doc
        pdf.info = _Info(extra_info)
        pdf._timeStamp = _Stamp(issued)
        ident = PDFText(document_id, enc="raw").format(DummyDoc())
        pdf._ID = b"\n[" + ident + ident + b"]\n% DOST Desk document\n"
