"""Printing service functions (Qt-free): one per user action, bytes and DTOs out.

Every function here is safe to call off the GUI thread: it opens its own unit of work,
renders in memory and returns the PDF bytes (the preview and the printer take them from
there). Rendering is serialised inside :mod:`dost_desk.print.documents`.

Which document applies is data (``statuses``/``services`` of each layout in
``resources/print``): a receipt for any accepted application, the certificate result for
01-08-02-00, a refusal decision for a refused application, the payment decision for
01-00-01-00. The archive (:class:`~dost_desk.models.tables.PrintedDocument`) keeps every
printout's content: printing a content already printed is a reprint, marked DUBLİKAT
with the original's number; a changed content (e.g. the certificate once handed over) is
a new original.

A printout is archived only once it exists: :func:`save_application_document` (and any
``deliver`` callback, e.g. the printer) runs inside the transaction that allocates the
copy number, and the archive row is committed only after the file was renamed into
place or the job reached the printer. A failure or a kill -9 before that leaves no row,
so the next print is still the original. A print lock per application
(:mod:`~dost_desk.services.print_lock`) makes two desks take copy numbers one at a time
without holding the database's write lock while a printer works.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dost_desk.models.tables import PrintedDocument, new_id
from dost_desk.print.context import Centre, CheckLine, build_context
from dost_desk.print.documents import render_document
from dost_desk.print.errors import DocumentNotApplicable, NotArchived
from dost_desk.print.faults import fault_point
from dost_desk.print.output import check_output_path
from dost_desk.print.output import save_pdf as save_pdf  # the Save-as-PDF action
from dost_desk.print.profiles import get_profile
from dost_desk.print.templates import DocumentTemplate, document_content, load_template
from dost_desk.print.verification import (
    HASH_LENGTH,
    VerificationResult,
    content_hash,
    parse_qr,
    verify_pdf,
)
from dost_desk.services.applications import application_view, load_application
from dost_desk.services.checks import CheckView, summarise_checks
from dost_desk.services.desk import BAKU, Desk
from dost_desk.services.intake_dto import ApplicationView, NotFound
from dost_desk.services.print_lock import print_lock
from dost_desk.services.print_samples import render_sample as render_sample
from dost_desk.services.print_samples import sample_context as sample_context
from dost_desk.services.print_samples import sample_view as sample_view
from dost_desk.storage.engine import StorageError
from dost_desk.storage.unit_of_work import UnitOfWork

# Delivers a rendered PDF (writes the file, sends it to the printer); raises if it could not.
Deliver = Callable[[bytes], object]


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """A rendered and archived printout."""

    pdf: bytes
    kind: str
    registration_number: str | None
    copy_number: int
    duplicate: bool
    sha256: str  # of ``pdf``
    printed_id: str = ""
    profile: str = "a4"
    document_number: str = ""
    content_hash: str = ""
    duplicate_of: str | None = None  # the original's document number, for a reprint


@dataclass(frozen=True, slots=True)
class PrintedDocumentSummary:
    """One archived printout (for the reprint list)."""

    id: str
    application_id: str
    kind: str
    profile: str
    document_number: str
    copy_number: int
    duplicate: bool
    sha256: str
    content_hash: str
    printed_by: str
    printed_at: datetime


def _centre(desk: Desk, view: ApplicationView) -> Centre:
    name = desk.settings.centre_name if view.centre_code == desk.centre_code else ""
    return Centre(view.centre_code, name or f"DOST mərkəzi {view.centre_code}")


def _check_applies(template: DocumentTemplate, view: ApplicationView) -> None:
    if view.passport_id not in template.services and template.services:
        raise DocumentNotApplicable(
            "print.other_service",
            f"a {template.kind} is printed only for {', '.join(template.services)}, "
            f"not for {view.passport_id}",
        )
    if view.status not in template.statuses:
        number = view.registration_number or view.id
        raise DocumentNotApplicable(
            "print.status",
            f"a {template.kind} is printed for applications that are "
            f"{' or '.join(template.statuses)}; {number} is {view.status}",
        )


def applicable_kinds(desk: Desk, key: str) -> list[str]:
    """The document kinds that can be printed for an application now (for the buttons)."""
    from dost_desk.print.templates import template_kinds

    with UnitOfWork(desk.engine, write=False) as uow:
        view = application_view(desk, load_application(uow.session, key))
    kinds = []
    for kind in template_kinds():
        if load_template(kind).applies_to(view.status, view.passport_id):
            kinds.append(kind)
    return kinds


def _same_content(session: Session, application_id: str, kind: str, digest: str):
    statement = (
        select(PrintedDocument)
        .where(PrintedDocument.application_id == application_id)
        .where(PrintedDocument.kind == kind)
        .where(PrintedDocument.content_hash == digest)
        .order_by(PrintedDocument.copy_number)
    )
    return list(session.scalars(statement))


def _archive_and_render(
    desk: Desk,
    application_id: str,
    kind: str,
    content: dict[str, Any],
    profile: str,
    archive: bool = True,
    deliver: Deliver | None = None,
) -> RenderedDocument:
    """Render ``content`` as the next copy of its kind, ``deliver`` it, then archive it,
    all under the application's print lock (so two desks cannot take the same copy
    number); a failed delivery archives nothing. ``archive=False`` renders what the
    next print would be and stores nothing."""
    if not archive:
        return _render_next(desk, application_id, kind, content, profile)[0]
    with print_lock(desk.engine, application_id):
        rendered, row = _render_next(desk, application_id, kind, content, profile)
        fault_point("rendered")
        if deliver is not None:
            deliver(rendered.pdf)
            fault_point("delivered")
        row.printed_at = desk.now()  # when it was delivered, not when rendering began
        with UnitOfWork(desk.engine) as uow:  # the write lock only for the insert
            uow.session.add(row)
            _commit_delivered(uow, kind, row.copy_number, delivered=deliver is not None)
        fault_point("archived")
    return replace(rendered, printed_id=row.id)


def _render_next(
    desk: Desk, application_id: str, kind: str, content: dict[str, Any], profile: str
) -> tuple[RenderedDocument, PrintedDocument]:
    """The next copy of ``content`` (the archived original's content for a reprint) and
    the archive row it would get."""
    digest = content_hash(content)
    with UnitOfWork(desk.engine, write=False) as uow:
        earlier = _same_content(uow.session, application_id, kind, digest)
        copy = (earlier[-1].copy_number + 1) if earlier else 1
        original = earlier[0].context.get("document_number") if earlier else None
        if earlier:
            content = dict(earlier[0].context)  # the archived original, byte for byte
    pdf = render_document(
        kind, content, profile, duplicate_of=original, copy_number=copy if earlier else None
    )
    sha = hashlib.sha256(pdf).hexdigest()
    row = PrintedDocument(
        id=new_id(),
        application_id=application_id,
        kind=kind,
        profile=profile,
        copy_number=copy,
        duplicate=bool(earlier),
        sha256=sha,
        content_hash=digest,
        context=content,
        printed_by=desk.agent,
    )
    rendered = RenderedDocument(
        pdf=pdf,
        kind=kind,
        registration_number=content.get("registration_number") or None,
        copy_number=copy,
        duplicate=bool(earlier),
        sha256=sha,
        profile=profile,
        document_number=str(content.get("document_number", "")),
        content_hash=digest,
        duplicate_of=original,
    )
    return rendered, row


def _commit_delivered(uow: UnitOfWork, kind: str, copy: int, delivered: bool) -> None:
    """Commit the archive row; a failure after the document went out says so plainly."""
    try:
        uow.commit()
    except StorageError as error:
        if not delivered:
            raise
        raise NotArchived(
            f"the {kind} (copy {copy}) was delivered but may not have been archived "
            f"({error}); run `dost-desk print list` before printing it again"
        ) from error


def _content_of(desk: Desk, key: str, kind: str, profile: str) -> tuple[str, dict[str, Any]]:
    template = load_template(kind)
    get_profile(profile)
    with UnitOfWork(desk.engine, write=False) as uow:
        row = load_application(uow.session, key)
        view = application_view(desk, row)
        checks = [
            CheckLine(c.step, c.subject, c.status, _check_detail(c))
            for c in summarise_checks(desk, uow.session, row)
        ]
    _check_applies(template, view)
    passport = desk.catalog.get(view.passport_id)
    centre = _centre(desk, view)
    context = build_context(view, passport, desk.catalog.reference, centre, checks=checks)
    return view.id, document_content(template, context)


def _check_detail(check: CheckView) -> str:
    """The system, its reference and the date of an offline extract, for the printout."""
    parts = [check.summary or ""]
    if check.reference:
        parts.append(check.reference)
    if check.as_of:
        parts.append(f"{check.as_of:%d.%m.%Y} tarixinə")
    return " · ".join(part for part in parts if part)


def render_application_document(
    desk: Desk, key: str, kind: str, profile: str = "a4", deliver: Deliver | None = None
) -> RenderedDocument:
    """Render, ``deliver`` and archive the ``kind`` document of the application with this
    registration number or ID. A content printed before comes out as a DUBLİKAT copy.
    ``deliver(pdf)`` (write the file, print it) runs before the archive row is committed:
    if it raises, nothing is archived and the error passes through.

    Raises NotFound, :class:`DocumentNotApplicable` (the kind does not apply to this
    application now), TemplateError (unknown kind or profile), other PrintErrors.
    """
    application_id, content = _content_of(desk, key, kind, profile)
    return _archive_and_render(desk, application_id, kind, content, profile, deliver=deliver)


def save_application_document(
    desk: Desk, key: str, kind: str, path: str | Path, profile: str = "a4"
) -> tuple[RenderedDocument, Path]:
    """Write the ``kind`` document to ``path`` (a regular file, replaced atomically, or a
    new file in an existing folder) and archive it once the file is in place; returns
    the printout and the file. Files inside the data folder are private (0600).

    Raises what :func:`render_application_document` raises and OutputNotWritable (the
    path is a link, device, folder…, or the write failed: nothing archived)."""
    target = check_output_path(path)  # a clear refusal before anything is rendered
    mode = 0o600 if _inside(target, desk.settings.data_dir) else None
    written: list[Path] = []

    def write(pdf: bytes) -> None:
        written.append(save_pdf(pdf, target, mode=mode))

    printed = render_application_document(desk, key, kind, profile, deliver=write)
    return printed, written[0]


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(Path(folder).expanduser().resolve())
    except OSError:
        return False


def preview_application_document(
    desk: Desk, key: str, kind: str, profile: str = "a4"
) -> RenderedDocument:
    """What :func:`render_application_document` would print now, archiving nothing
    (``printed_id`` is empty): byte for byte the same PDF unless another desk prints
    the same document in between."""
    application_id, content = _content_of(desk, key, kind, profile)
    return _archive_and_render(desk, application_id, kind, content, profile, archive=False)


def reprint_document(
    desk: Desk, printed_id: str, profile: str | None = None, deliver: Deliver | None = None
) -> RenderedDocument:
    """Print an archived document again from its archived content (DUBLİKAT, next copy
    number), on its own profile or on ``profile``; ``deliver`` as for
    :func:`render_application_document`."""
    with UnitOfWork(desk.engine, write=False) as uow:
        row = uow.session.get(PrintedDocument, printed_id.strip())
        if row is None:
            raise NotFound(f"no printed document {printed_id!r}")
        application_id, kind, content = row.application_id, row.kind, dict(row.context)
        profile = profile or row.profile
    get_profile(profile)
    return _archive_and_render(desk, application_id, kind, content, profile, deliver=deliver)


def list_printed_documents(desk: Desk, key: str) -> list[PrintedDocumentSummary]:
    """Every printout of one application, oldest first."""
    with UnitOfWork(desk.engine, write=False) as uow:
        application = load_application(uow.session, key)
        statement = (
            select(PrintedDocument)
            .where(PrintedDocument.application_id == application.id)
            .order_by(PrintedDocument.printed_at, PrintedDocument.kind, PrintedDocument.copy_number)
        )
        return [_summary(row) for row in uow.session.scalars(statement)]


def _summary(row: PrintedDocument) -> PrintedDocumentSummary:
    return PrintedDocumentSummary(
        id=row.id,
        application_id=row.application_id,
        kind=row.kind,
        profile=row.profile,
        document_number=str(row.context.get("document_number", "")),
        copy_number=row.copy_number,
        duplicate=row.duplicate,
        sha256=row.sha256,
        content_hash=row.content_hash,
        printed_by=row.printed_by,
        printed_at=row.printed_at,
    )


# --- verification against the archive ------------------------------------------------


def verify_document(
    desk: Desk, *, pdf: str | Path | bytes | None = None, qr: str | None = None
) -> VerificationResult:
    """Check a printed PDF (its embedded content, then this database's archive) or the
    text of a QR code (against the archive only)."""
    if (pdf is None) == (qr is None):
        raise ValueError("give either pdf or qr")
    if qr is not None:
        return _verify_qr(desk, qr)
    assert pdf is not None
    result = verify_pdf(pdf)
    if not result.valid:
        return result
    with UnitOfWork(desk.engine, write=False) as uow:
        try:
            application = load_application(uow.session, result.number)
        except NotFound:
            return _note(result, "not in this database's archive (printed at another centre?)")
        rows = _same_content(uow.session, application.id, result.kind, result.content_hash)
    if not rows:
        return _note(result, "this content was never printed for the application here", valid=False)
    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    exact = next((row for row in rows if row.sha256 == sha), None)
    note = _archived(rows)
    if exact is not None:
        note += f"; the file is copy {exact.copy_number} as archived"
    return _note(result, note)


def _verify_qr(desk: Desk, text: str) -> VerificationResult:
    parsed = parse_qr(text)
    if parsed is None:
        return VerificationResult(False, "not a DOST Desk QR code", qr_text=text.strip())
    base = VerificationResult(
        False, "", qr_text=text.strip(), number=parsed.number, kind=parsed.kind
    )
    with UnitOfWork(desk.engine, write=False) as uow:
        try:
            application = load_application(uow.session, parsed.number)
        except NotFound:
            return _note(base, f"no application {parsed.number} in this database", valid=False)
        statement = (
            select(PrintedDocument)
            .where(PrintedDocument.application_id == application.id)
            .where(PrintedDocument.kind == parsed.kind)
            .order_by(PrintedDocument.copy_number)
        )
        rows = [
            r
            for r in uow.session.scalars(statement)
            if r.content_hash[:HASH_LENGTH] == parsed.hash16
        ]
    if not rows:
        return _note(
            base,
            f"no {parsed.kind} with code {parsed.hash16} was printed for {parsed.number}",
            valid=False,
        )
    first = rows[0]
    found = replace(
        base,
        content_hash=first.content_hash,
        document_number=str(first.context.get("document_number", "")),
        content=dict(first.context),
    )
    return _note(found, _archived(rows), valid=True)


def _archived(rows: list[PrintedDocument]) -> str:
    first = rows[0]
    when = first.printed_at.astimezone(BAKU)
    return (
        f"matches the archive: printed {len(rows)} time(s), first on "
        f"{when:%d.%m.%Y %H:%M} by {first.printed_by}"
    )


def _note(result: VerificationResult, note: str, valid: bool | None = None) -> VerificationResult:
    reason = f"{result.reason}; {note}" if result.reason else note
    return replace(result, reason=reason, valid=result.valid if valid is None else valid)
