"""Verifying printouts: the QR text, the embedded content, tampering."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from dost_desk.print.documents import render_document
from dost_desk.print.templates import document_content, load_template
from dost_desk.print.verification import (
    INFO_CONTENT,
    INFO_QR,
    content_hash,
    parse_qr,
    qr_text,
    verify_pdf,
)
from dost_desk.services.printing import render_sample, sample_context

KINDS = ("receipt", "certificate", "refusal", "payment-decision")


def info_of(pdf: bytes) -> dict:
    return dict(PdfReader(io.BytesIO(pdf)).metadata)


def resaved(pdf: bytes, **changes: str) -> bytes:
    """The PDF re-saved by pypdf with some document-information entries replaced."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata(changes)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("profile", ["a4", "roll80"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_sample_verifies(kind, profile, tmp_path):
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(render_sample(kind, profile))
    result = verify_pdf(path)
    assert result.valid, result.reason
    assert result.kind == kind and result.profile == profile
    assert result.describe().startswith("valid: ")


def test_the_qr_text_carries_number_kind_and_16_hex_of_the_content_hash():
    pdf = render_sample("receipt")
    info = info_of(pdf)
    content = json.loads(info[INFO_CONTENT])
    digest = content_hash(content)
    assert info[INFO_QR] == f"DOST|C123-2026-000042|receipt|{digest[:16]}"
    parsed = parse_qr(info[INFO_QR])
    assert (parsed.number, parsed.kind, parsed.hash16) == (
        "C123-2026-000042",
        "receipt",
        digest[:16],
    )
    assert parse_qr("DOST|C123|receipt|xyz") is None and parse_qr("hello") is None


def test_the_hash_is_of_the_content_not_of_the_pdf_bytes():
    context = sample_context("receipt")
    a4 = info_of(render_document("receipt", context, "a4"))[INFO_QR]
    roll = info_of(render_document("receipt", context, "roll80"))[INFO_QR]
    copy = info_of(render_document("receipt", context, "a4", duplicate_of="X", copy_number=2))
    assert a4 == roll == copy[INFO_QR]
    content = document_content(load_template("receipt"), context)
    assert qr_text(content) == a4
    # A field the receipt does not print does not change its hash.
    assert qr_text(document_content(load_template("receipt"), {**context, "status": "ready"})) == a4


def test_the_verification_code_is_printed_on_the_page():
    pdf = render_sample("certificate", "roll80")
    code = info_of(pdf)[INFO_QR].rsplit("|", 1)[1]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert f"Yoxlama kodu: {code}" in text


def test_a_changed_context_value_is_detected():
    pdf = render_sample("receipt")
    content = json.loads(info_of(pdf)[INFO_CONTENT])
    content["applicant_name"] = "Başqa Şəxs"
    forged = resaved(pdf, **{INFO_CONTENT: json.dumps(content, ensure_ascii=False)})
    assert verify_pdf(resaved(pdf)).valid  # re-saving alone changes nothing that matters
    result = verify_pdf(forged)
    assert not result.valid
    assert "changed after printing" in result.reason
    assert result.describe().startswith("NOT valid: receipt C123-2026-000042/QB: ")


def test_a_forged_qr_text_with_a_matching_hash_is_caught_on_the_page():
    pdf = render_sample("receipt")
    content = json.loads(info_of(pdf)[INFO_CONTENT])
    content["fee_amount"] = "0.50 AZN"
    forged = resaved(
        pdf,
        **{
            INFO_CONTENT: json.dumps(content, ensure_ascii=False),
            INFO_QR: qr_text(content),
        },
    )
    result = verify_pdf(forged)
    assert not result.valid
    assert "printed verification code does not match" in result.reason


def test_a_pdf_not_from_dost_desk_and_garbage_are_not_valid(tmp_path):
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 100, "hello")
    canvas.save()
    assert "no DOST Desk content" in verify_pdf(buffer.getvalue()).reason
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"this is not a pdf")
    result = verify_pdf(junk)
    assert not result.valid and "not a readable PDF" in result.reason
    missing = verify_pdf(tmp_path / "nowhere.pdf")
    assert not missing.valid and "no such file" in missing.reason


def test_a_duplicate_verifies_with_the_originals_code():
    context = sample_context("refusal")
    original = verify_pdf(render_document("refusal", context, "a4"))
    copy = verify_pdf(render_document("refusal", context, "a4", duplicate_of="N/IQ", copy_number=2))
    assert original.valid and copy.valid
    assert copy.content_hash == original.content_hash
    assert copy.duplicate_of == "N/IQ" and "DUBLİKAT" in copy.describe()


@pytest.mark.parametrize(
    "text",
    [
        "DOST|C123-2026-000042|receipt|0123456789abcdef",
        "DOST|bfb2ca22-ceb2-5e82-a37b-60cb17800cee|payment-decision|8057937d95341041",
        "Ə" * 120,  # version 7+: the version information blocks too
    ],
)
def test_the_qr_modules_equal_reportlabs_for_every_mask(text):
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    from dost_desk.print.qr import qr_rows

    for level in ("L", "M", "Q", "H"):
        for mask in range(8):
            code = QRCode(None, getattr(QRErrorCorrectLevel, level))
            code.addData(text)
            code.version = code.calculate_version()
            code.makeImpl(False, mask)
            expected = tuple("".join("1" if m else "0" for m in row) for row in code.modules)
            assert qr_rows(text, level, mask=mask) == expected, (level, mask)
    chosen = qr_rows(text)
    assert chosen in {qr_rows(text, "M", mask=m) for m in range(8)}
