"""Verifying a printout: the QR code and the content embedded in the PDF.

The QR code carries ``DOST|<registration number>|<kind>|<hash16>``: the first 16 hex
characters of the SHA-256 of the canonical JSON of the printed content (the fields the
template prints, see :func:`dost_desk.print.templates.document_content`) — not of the
PDF bytes, so an A4 page and a receipt roll of the same content carry the same code, and
a reprint (DUBLİKAT) carries the original's. The PDF embeds that canonical JSON and the
QR text in its document information (``/DostContent``, ``/DostQR``), so
:func:`verify_pdf` can recompute the hash from the file alone; the archive check (was this
content printed here?) is :func:`dost_desk.services.printing.verify_document`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QR_PREFIX = "DOST"
HASH_LENGTH = 16
FORMAT_VERSION = "1"
INFO_CONTENT = "/DostContent"
INFO_QR = "/DostQR"
INFO_PROFILE = "/DostProfile"
INFO_DUPLICATE_OF = "/DostDuplicateOf"
INFO_COPY = "/DostCopy"
INFO_FORMAT = "/DostFormat"
_QR = re.compile(r"^DOST\|([A-Za-z0-9-]{1,64})\|([a-z][a-z0-9-]{1,40})\|([0-9a-f]{16})$")


def canonical_json(content: dict[str, Any]) -> str:
    """The one serialisation of a content dict: sorted keys, no spaces, UTF-8 text."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of the printed content."""
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def qr_text(content: dict[str, Any], digest: str | None = None) -> str:
    """``DOST|C123-2026-000042|receipt|<16 hex>`` for a document's content."""
    digest = digest or content_hash(content)
    return f"{QR_PREFIX}|{content['number']}|{content['kind']}|{digest[:HASH_LENGTH]}"


@dataclass(frozen=True, slots=True)
class QrCodeText:
    number: str
    kind: str
    hash16: str


def parse_qr(text: str) -> QrCodeText | None:
    """The parts of a QR text, or None when it is not a DOST Desk code."""
    match = _QR.match(text.strip())
    return QrCodeText(*match.groups()) if match else None


@dataclass(frozen=True, slots=True)
class VerificationResult:
    """``valid`` with a one-line ``reason``; what the document says about itself."""

    valid: bool
    reason: str
    qr_text: str = ""
    number: str = ""
    kind: str = ""
    document_number: str = ""
    content_hash: str = ""
    duplicate_of: str = ""
    profile: str = ""
    content: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        """``valid …`` or ``NOT valid …: reason``, one line."""
        what = f"{self.kind} {self.document_number}".strip() or "document"
        if self.duplicate_of:
            what += " (DUBLİKAT)"
        if self.valid:
            return f"valid: {what}, hash {self.content_hash[:HASH_LENGTH]}; {self.reason}"
        return f"NOT valid: {what}: {self.reason}"


def _squash(text: str) -> str:
    return "".join(text.split())


def verify_pdf(source: str | Path | bytes) -> VerificationResult:
    """Check a printed PDF on its own: the embedded content hashes to the code in the QR
    text, and the page shows that code and the document number."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        if isinstance(source, bytes):
            reader = PdfReader(io.BytesIO(source))
        else:
            reader = PdfReader(str(source))
        info = reader.metadata or {}
        page_text = "".join(page.extract_text() or "" for page in reader.pages)
    except FileNotFoundError:
        return VerificationResult(False, f"{source}: no such file")
    except (PdfReadError, OSError, ValueError) as error:
        return VerificationResult(False, f"not a readable PDF ({type(error).__name__}: {error})")
    raw, stored_qr = info.get(INFO_CONTENT), info.get(INFO_QR)
    if not raw or not stored_qr:
        return VerificationResult(False, "no DOST Desk content embedded (not printed by DOST Desk)")
    try:
        content = json.loads(str(raw))
    except ValueError:
        return VerificationResult(False, "the embedded content is not valid JSON")
    if not isinstance(content, dict) or "number" not in content or "kind" not in content:
        return VerificationResult(False, "the embedded content is incomplete")
    digest = content_hash(content)
    result = VerificationResult(
        valid=False,
        reason="",
        qr_text=str(stored_qr),
        number=str(content.get("number", "")),
        kind=str(content.get("kind", "")),
        document_number=str(content.get("document_number", "")),
        content_hash=digest,
        duplicate_of=str(info.get(INFO_DUPLICATE_OF) or ""),
        profile=str(info.get(INFO_PROFILE) or ""),
        content=content,
    )
    expected = qr_text(content, digest)
    if str(stored_qr) != expected:
        parsed = parse_qr(str(stored_qr))
        said = parsed.hash16 if parsed else str(stored_qr)
        return _with(
            result,
            f"the content was changed after printing (its hash is "
            f"{digest[:HASH_LENGTH]}, the QR code says {said})",
        )
    squashed = _squash(page_text)
    if digest[:HASH_LENGTH] not in squashed:
        return _with(result, "the printed verification code does not match the content")
    if _squash(result.document_number) not in squashed:
        return _with(result, "the printed document number does not match the content")
    return _with(result, "the content matches its QR code", valid=True)


def _with(result: VerificationResult, reason: str, valid: bool = False) -> VerificationResult:
    from dataclasses import replace

    return replace(result, valid=valid, reason=reason)
