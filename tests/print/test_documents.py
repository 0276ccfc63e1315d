"""Rendering printed documents: Azerbaijani text, embedded fonts, determinism, layout."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from dost_desk.print.documents import render_document
from dost_desk.print.errors import PrintError, TemplateError
from dost_desk.print.profiles import MM, get_profile
from dost_desk.print.templates import template_kinds
from dost_desk.services.intake_dto import DocumentView
from dost_desk.services.printing import render_sample, sample_context, sample_view

KINDS = ("receipt", "certificate", "refusal", "payment-decision")
PROFILES = ("a4", "roll80")
LETTERS = ("ə", "ı", "İ", "ğ", "ş", "ç", "ö", "ü")
SURNAME = "Şıxəliyeva-Güləçöğlü"
NAME = "İlahə"


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def squashed(text: str) -> str:
    return "".join(text.split())


def fonts_of(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60
    )
    return [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]


def word_boxes(pdf: bytes, tmp_path: Path) -> list[tuple[int, float, float, str]]:
    """(page, xMin, xMax, word) of every word, from pdftotext -bbox."""
    path = tmp_path / "boxes.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    boxes, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        match = re.search(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)".*>(.*)</word>', line)
        if match:
            boxes.append((page, float(match[1]), float(match[2]), match[3]))
    return boxes


def az_context(kind: str) -> dict:
    view = sample_view(kind)
    view = replace(view, applicant=replace(view.applicant, surname=SURNAME, name=NAME))
    return sample_context(kind, view)


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("kind", KINDS)
def test_azerbaijani_letters_come_back_exactly_as_given(kind, profile):
    pdf = render_document(kind, az_context(kind), profile)
    text = "\n".join(text_of(pdf))
    assert unicodedata.is_normalized("NFC", text)
    for letter in LETTERS:
        assert letter in text, letter
    assert f"{SURNAME} {NAME}" in text


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("kind", KINDS)
def test_only_embedded_dejavu_fonts(kind, profile, tmp_path):
    fonts = fonts_of(render_sample(kind, profile), tmp_path)
    assert {row[0].split("+")[-1] for row in fonts} == {"DejaVuSans", "DejaVuSans-Bold"}
    for row in fonts:
        assert row[-5] == "yes", row  # emb
    assert not any("Helvetica" in row[0] for row in fonts)


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_sample_renders(kind, profile):
    pdf = render_sample(kind, profile)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1


def test_the_layouts_cover_the_four_kinds():
    assert set(KINDS) <= set(template_kinds())


@pytest.mark.parametrize("kind", KINDS)
def test_two_renders_of_the_same_data_are_byte_identical(kind):
    context = az_context(kind)
    assert render_document(kind, context, "a4") == render_document(kind, context, "a4")
    twice = render_document(kind, context, "roll80", duplicate_of="X/QB", copy_number=2)
    assert twice == render_document(kind, context, "roll80", duplicate_of="X/QB", copy_number=2)


def test_a_render_in_another_process_is_byte_identical(tmp_path):
    script = (
        "import sys; from dost_desk.services.printing import render_sample; "
        "sys.stdout.buffer.write(render_sample('receipt', 'roll80'))"
    )
    other = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        check=True,
        env={"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"},
        timeout=60,
    ).stdout
    assert other == render_sample("receipt", "roll80")


def test_the_creation_date_is_the_documents_own_date():
    info = PdfReader(io.BytesIO(render_sample("receipt"))).metadata
    assert info["/CreationDate"].startswith("D:20260907090730+04'00'")


def test_duplicate_mark_on_a_reprint_only():
    context = sample_context("receipt")
    original = "\n".join(text_of(render_document("receipt", context, "a4")))
    assert "DUBLİKAT" not in original
    copy = render_document(
        "receipt", context, "a4", duplicate_of="C123-2026-000042/QB", copy_number=2
    )
    text = "\n".join(text_of(copy))
    assert "DUBLİKAT" in text
    assert "Əslinin nömrəsi: C123-2026-000042/QB" in text and "Nüsxə № 2" in text
    roll = "\n".join(text_of(render_document("receipt", context, "roll80", duplicate_of="N/QB")))
    assert "DUBLİKAT" in roll and "N/QB" in roll


@pytest.mark.parametrize("kind", KINDS)
def test_the_fin_is_masked_except_the_last_two_characters(kind):
    text = "\n".join(text_of(render_sample(kind, "roll80")))
    fin = sample_view(kind).applicant.fin
    assert fin not in text
    assert "•••••" + fin[-2:] in text


def _long_receipt_context() -> tuple[dict, str]:
    view = sample_view("receipt")
    long_name = ("Əbdülrəhmanzadə-Şıxəliyev " * 8)[:200]
    documents = tuple(
        DocumentView(
            f"Sənəd № {n}: ölüm haqqında şəhadətnamənin notarial qaydada təsdiq edilmiş surəti",
            "notarised_copy" if n % 3 else "electronic_source",
            "Nazirliyin Mərkəzləşdirilmiş elektron informasiya sistemi" if n % 3 == 0 else None,
            ("original",),
            True,
        )
        for n in range(1, 41)
    )
    applicant = replace(view.applicant, surname=long_name, name="", patronymic="")
    view = replace(view, applicant=applicant, documents=documents)
    return sample_context("receipt", view), long_name


def test_a_long_name_and_forty_documents_wrap_and_repeat_the_header(tmp_path):
    context, long_name = _long_receipt_context()
    assert len(long_name) == 200
    pdf = render_document("receipt", context, "a4")
    pages = text_of(pdf)
    assert len(pages) > 1
    assert "Sənədin adı" in pages[1] and "Təqdim forması" in pages[1]
    assert squashed(long_name) in squashed("".join(pages))
    assert all(f"Sənəd № {n}:" in "".join(pages) for n in range(1, 41))
    right_edge = (210 - 18) * MM + 1
    boxes = word_boxes(pdf, tmp_path)
    assert len(boxes) > 100
    assert all(x_max <= right_edge for _, _, x_max, _ in boxes)


def test_an_unbroken_200_character_word_is_split_inside_the_page(tmp_path):
    view = sample_view("receipt")
    word = "Ə" * 200
    view = replace(view, applicant=replace(view.applicant, surname=word))
    for profile in PROFILES:
        paper = get_profile(profile)
        pdf = render_document("receipt", sample_context("receipt", view), profile)
        right_edge = (paper.page_width_mm - paper.margins_mm.right) * MM + 1
        boxes = word_boxes(pdf, tmp_path)
        assert len(boxes) > 50
        assert all(x_max <= right_edge for _, _, x_max, _ in boxes)
        assert word in squashed("".join(text_of(pdf)))


def test_the_roll_receipt_is_one_page_80_mm_wide_even_with_forty_documents():
    context, _ = _long_receipt_context()
    for pdf in (render_sample("receipt", "roll80"), render_document("receipt", context, "roll80")):
        pages = PdfReader(io.BytesIO(pdf)).pages
        assert len(pages) == 1
        assert float(pages[0].mediabox.width) == pytest.approx(80 * MM, abs=0.01)
    short = PdfReader(io.BytesIO(render_sample("receipt", "roll80"))).pages[0].mediabox.height
    long = PdfReader(io.BytesIO(render_document("receipt", context, "roll80"))).pages[0]
    assert float(long.mediabox.height) > float(short) + 40 * 10 * MM  # it grew with the list


@pytest.mark.parametrize("profile", PROFILES)
def test_emoji_and_arabic_in_the_refusal_reason_do_not_break_the_pdf(profile, tmp_path):
    view = sample_view("refusal")
    reason = "Sənəd 😀 saxtadır 👍🏽 — مرحبا بالعالم — şəkil\tyoxdur\x00"
    view = replace(view, refusal={**view.refusal, "reason": reason})
    pdf = render_document("refusal", sample_context("refusal", view), profile)
    text = "\n".join(text_of(pdf))
    assert "Sənəd" in text and "saxtadır" in text and "yoxdur" in text
    assert {row[0].split("+")[-1] for row in fonts_of(pdf, tmp_path)} <= {
        "DejaVuSans",
        "DejaVuSans-Bold",
    }


def test_missing_optional_fields_print_not_stated():
    view = sample_view("payment-decision")
    view = replace(
        view,
        applicant=replace(view.applicant, patronymic=None),
        response_form=None,
        deadline_total=None,
        notice_due=None,
    )
    for kind in ("receipt", "payment-decision"):
        text = "\n".join(text_of(render_document(kind, sample_context(kind, view), "a4")))
        assert "İsmayılova Gülşən" in text
    receipt = "\n".join(text_of(render_document("receipt", sample_context("receipt", view))))
    assert "Xidmət pasportunda göstərilməyib" in receipt
    assert "göstərilməyib" in receipt  # the response form


def test_a_missing_font_file_is_named(tmp_path, monkeypatch):
    from dost_desk import resources

    copy = tmp_path / "resources"
    shutil.copytree(resources.resources_dir(), copy)
    (copy / "fonts" / "DejaVuSans-Bold.ttf").unlink()
    monkeypatch.setattr(resources, "resources_dir", lambda: copy)
    with pytest.raises(PrintError, match=r"DejaVuSans-Bold\.ttf"):
        render_sample("receipt", "a4")
    monkeypatch.undo()
    assert render_sample("receipt", "a4").startswith(b"%PDF")


def test_unknown_kinds_and_profiles_are_named():
    with pytest.raises(TemplateError, match="unknown document kind 'invoice'"):
        render_sample("invoice")
    with pytest.raises(TemplateError, match="unknown printer profile 'a5'"):
        render_sample("receipt", "a5")
    with pytest.raises(TemplateError, match="unknown document kind"):
        render_sample("../profiles")
