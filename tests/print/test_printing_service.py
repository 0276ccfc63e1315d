"""The printing service functions on a real temporary SQLite database: which documents
apply, the archive, originals and DUBLİKAT reprints, verification, saving files."""

from __future__ import annotations

import hashlib
import io
import os

import pytest
from pypdf import PdfReader

from dost_desk.print.documents import render_document
from dost_desk.print.errors import DocumentNotApplicable, OutputNotWritable, TemplateError
from dost_desk.services.applicants import set_applicant
from dost_desk.services.intake import record_document, start_application
from dost_desk.services.intake_dto import ApplicantInput, NotFound
from dost_desk.services.outcome import change_status, refuse_application, submit_application
from dost_desk.services.printing import (
    applicable_kinds,
    list_printed_documents,
    preview_application_document,
    render_application_document,
    render_sample,
    reprint_document,
    save_pdf,
    verify_document,
)

CERTIFICATE = "01-08-02-00"
PAYMENTS = "01-00-01-00"
ƏLİ = ApplicantInput(
    fin="5zx8k2p",
    id_document_number="AA1234567",
    surname="məmmədov",
    name="əli",
    patronymic="Vaqif oğlu",
    birth_date="14.02.1985",
)


@pytest.fixture
def desk(make_desk):
    return make_desk(centre_name="Xətai rayon DOST mərkəzi")


def accepted_certificate(desk, clock, action="issue"):
    app = start_application(desk, CERTIFICATE, {"action": action}, "in_person", "in_person")
    set_applicant(desk, app.id, ƏLİ)
    record_document(desk, app.id, "Şəxsiyyət vəsiqəsi.", "original")
    clock.advance(minutes=7)
    return submit_application(desk, app.id)


def squashed(text: str) -> str:
    return "".join(text.split())


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_first_print_is_the_original_and_the_next_a_duplicate(desk, clock):
    app = accepted_certificate(desk, clock)
    first = render_application_document(desk, app.registration_number, "receipt")
    assert (first.copy_number, first.duplicate, first.duplicate_of) == (1, False, None)
    assert first.registration_number == "C123-2026-000001"
    assert first.document_number == "C123-2026-000001/QB"
    assert first.sha256 == hashlib.sha256(first.pdf).hexdigest()
    text = text_of(first.pdf)
    assert "DUBLİKAT" not in text and "Xətai rayon DOST mərkəzi" in text
    assert "•••••2P" in text and "5ZX8K2P" not in text

    clock.advance(hours=2)
    again = render_application_document(desk, app.id, "receipt", profile="roll80")
    assert (again.copy_number, again.duplicate) == (2, True)
    assert again.duplicate_of == "C123-2026-000001/QB"
    assert again.content_hash == first.content_hash and again.sha256 != first.sha256
    copy_text = text_of(again.pdf)
    assert "DUBLİKAT" in copy_text and "Əslinin nömrəsi: C123-2026-000001/QB" in copy_text

    third = reprint_document(desk, first.printed_id)
    assert (third.copy_number, third.duplicate, third.profile) == (3, True, "a4")
    archive = list_printed_documents(desk, app.registration_number)
    assert [(d.kind, d.copy_number, d.duplicate) for d in archive] == [
        ("receipt", 1, False),
        ("receipt", 2, True),
        ("receipt", 3, True),
    ]
    assert archive[0].printed_by == "Aygün Həsənova"
    assert archive[1].profile == "roll80"


def test_a_preview_is_what_the_next_print_will_be_and_archives_nothing(desk, clock):
    app = accepted_certificate(desk, clock)
    preview = preview_application_document(desk, app.id, "receipt")
    assert preview.printed_id == "" and list_printed_documents(desk, app.id) == []
    printed = render_application_document(desk, app.id, "receipt")
    assert printed.pdf == preview.pdf and printed.printed_id
    next_copy = preview_application_document(desk, app.id, "receipt", profile="roll80")
    assert (next_copy.copy_number, next_copy.duplicate) == (2, True)
    assert len(list_printed_documents(desk, app.id)) == 1


def test_the_archive_rebuilds_a_printout_byte_for_byte(desk, clock):
    from sqlalchemy.orm import Session

    from dost_desk.models.tables import PrintedDocument

    app = accepted_certificate(desk, clock)
    render_application_document(desk, app.id, "receipt")
    copy = render_application_document(desk, app.id, "receipt")
    with Session(desk.engine) as session:
        row = session.get(PrintedDocument, copy.printed_id)
        rebuilt = render_document(
            row.kind,
            row.context,
            row.profile,
            duplicate_of=copy.duplicate_of,
            copy_number=row.copy_number,
        )
    assert hashlib.sha256(rebuilt).hexdigest() == row.sha256 == copy.sha256


def test_which_documents_apply(desk, clock):
    draft = start_application(desk, CERTIFICATE, {"action": "issue"}, "in_person")
    assert applicable_kinds(desk, draft.id) == []
    with pytest.raises(DocumentNotApplicable, match="draft") as caught:
        render_application_document(desk, draft.id, "receipt")
    assert caught.value.code == "print.status"

    app = accepted_certificate(desk, clock, action="replace")
    assert applicable_kinds(desk, app.id) == ["certificate", "receipt"]
    with pytest.raises(DocumentNotApplicable, match="refused"):
        render_application_document(desk, app.id, "refusal")
    with pytest.raises(DocumentNotApplicable, match="01-00-01-00") as caught:
        render_application_document(desk, app.id, "payment-decision")
    assert caught.value.code == "print.other_service"
    with pytest.raises(TemplateError, match="unknown document kind"):
        render_application_document(desk, app.id, "invoice")
    with pytest.raises(TemplateError, match="unknown printer profile"):
        render_application_document(desk, app.id, "receipt", profile="a3")
    with pytest.raises(NotFound):
        render_application_document(desk, "C123-2026-999999", "receipt")

    refused = start_application(desk, CERTIFICATE, {"action": "issue"}, "in_person")
    refused = refuse_application(desk, refused.id, ["incomplete_documents"], "Vəsiqə yoxdur")
    assert applicable_kinds(desk, refused.id) == ["refusal"]
    decision = render_application_document(desk, refused.id, "refusal")
    text = text_of(decision.pdf)
    assert "Sənədlərin natamamlığı" in text and "Vəsiqə yoxdur" in text
    assert "göstərilməyib" in text  # seed 000 states no pre-court dispute procedure
    assert decision.registration_number is None
    assert decision.document_number == f"{refused.id}/IQ"


def test_payment_decision_for_seed_001(desk, clock):
    app = start_application(
        desk, PAYMENTS, {"category": "judicial", "event": "disability"}, "in_person"
    )
    set_applicant(desk, app.id, ƏLİ)
    for document in app.documents:
        record_document(desk, app.id, document.name, "copy")
    record_document(desk, app.id, app.documents[0].name, "electronic_source", "“e-sosial” portalı")
    app = submit_application(desk, app.id)
    assert applicable_kinds(desk, app.id) == ["payment-decision", "receipt"]
    decision = render_application_document(desk, app.id, "payment-decision")
    text = text_of(decision.pdf)
    assert "Məhkəmə və hüquq mühafizə orqanlarının işçiləri" in text
    assert "Əlillik" in text
    assert squashed("“e-sosial” portalı sistemindən elektron əldə edilib") in squashed(text)
    assert "705-IQ" in text  # the passport's legal bases
    receipt = text_of(render_application_document(desk, app.id, "receipt").pdf)
    assert "Xidmət pasportunda göstərilməyib" in receipt  # seed 001 states no duration


def test_the_handover_makes_a_new_certificate_original_with_the_act(desk, clock):
    app = accepted_certificate(desk, clock, action="duplicate")
    ordered = render_application_document(desk, app.id, "certificate")
    assert "Təhvil-təslim aktı" not in text_of(ordered.pdf)
    for status in ("ordered", "ready"):
        change_status(desk, app.id, status)
    same = render_application_document(desk, app.id, "certificate")
    assert same.duplicate and same.copy_number == 2  # the status is not printed
    clock.advance(days=20)
    change_status(desk, app.id, "handed_over")
    act = render_application_document(desk, app.id, "certificate")
    assert (act.copy_number, act.duplicate) == (1, False)
    assert act.content_hash != ordered.content_hash
    text = text_of(act.pdf)
    assert "Təhvil-təslim aktı" in text and "Dublikatının verilməsi" in text
    assert "27.09.2026" in text  # the handover day, also the document's date
    receipt = render_application_document(desk, app.id, "receipt")
    assert not receipt.duplicate  # the receipt's content did not change


def test_verify_against_the_archive(desk, clock, tmp_path):
    app = accepted_certificate(desk, clock)
    printed = render_application_document(desk, app.id, "receipt")
    path = save_pdf(printed.pdf, tmp_path / "qəbz.pdf")
    result = verify_document(desk, pdf=path)
    assert result.valid, result.reason
    assert "matches the archive" in result.reason and "copy 1 as archived" in result.reason

    qr = f"DOST|{app.registration_number}|receipt|{printed.content_hash[:16]}"
    assert verify_document(desk, qr=qr).valid
    wrong = verify_document(desk, qr=qr[:-4] + "0000")
    assert not wrong.valid and "no receipt with code" in wrong.reason
    assert not verify_document(desk, qr="DOST|C999-2026-000001|receipt|" + "0" * 16).valid
    assert not verify_document(desk, qr="not a code").valid

    # A sample was never printed here: the application is not in this database.
    sample = verify_document(desk, pdf=render_sample("receipt"))
    assert sample.valid and "not in this database's archive" in sample.reason


def test_save_pdf_is_atomic_and_reports_unwritable_paths(tmp_path):
    pdf = render_sample("receipt", "roll80")
    target = save_pdf(pdf, tmp_path / "qəbz.pdf")
    assert target.read_bytes() == pdf
    save_pdf(b"%PDF-new", target)
    assert target.read_bytes() == b"%PDF-new"
    assert sorted(os.listdir(tmp_path)) == ["qəbz.pdf"]  # no temporary file left

    regular = tmp_path / "somefile"
    regular.write_text("x")
    with pytest.raises(OutputNotWritable, match="is a file, not a folder"):
        save_pdf(pdf, regular / "out.pdf")
    with pytest.raises(OutputNotWritable, match="does not exist"):
        save_pdf(pdf, tmp_path / "missing" / "out.pdf")
    with pytest.raises(OutputNotWritable, match="is a folder"):
        save_pdf(pdf, tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["qəbz.pdf", "somefile"]


def test_the_receipt_lists_the_checks_and_their_results(desk, clock):
    from dost_desk.services.checks import record_manual_check
    from dost_desk.services.printing import render_application_document

    app = start_application(desk, CERTIFICATE, {"action": "replace"}, "in_person", "in_person")
    set_applicant(desk, app.id, ƏLİ)
    record_document(desk, app.id, "Şəxsiyyət vəsiqəsi.", "original")
    record_manual_check(desk, app.id, 5, "confirmed", "MON-2026-77", "köhnə şəhadətnamə var")
    submit_application(desk, app.id)
    text = squashed(text_of(render_application_document(desk, app.id, "receipt").pdf))
    assert squashed("İnformasiya sistemlərində yoxlamalar") in text
    assert squashed("Təsdiq edildi") in text and "MON-2026-77" in text
    assert squashed("Təxirə salınıb") in text  # step 4 had no answer: deferred at acceptance
