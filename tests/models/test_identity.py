"""Tests for dost_desk.models.identity and dost_desk.models.id_documents."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dost_desk.models.id_documents import DEFAULT_ID_PATTERNS, check_id_document
from dost_desk.models.identity import (
    Checked,
    check_birth_date,
    check_document_date,
    check_email,
    check_fin,
    check_free_text,
    check_person_name,
    check_phone,
    check_voen,
    latin_upper,
    normalise_fin_as_typed,
)

TODAY = date(2026, 5, 15)


def code(result: Checked[object]) -> str | None:
    return None if result.problem is None else result.problem.code


def assert_well_formed(result: Checked[object], *, required: bool) -> None:
    """A value or a problem, never both; a required field always gives exactly one."""
    assert isinstance(result, Checked)
    assert not (result.value is not None and result.problem is not None)
    assert result.ok == (result.problem is None)
    if result.problem is not None:
        assert result.problem.code and result.problem.message
        assert all(isinstance(v, str) for v in result.problem.params.values())
    if required:
        assert (result.value is None) != (result.problem is None)


# --- Checked / FieldProblem ----------------------------------------------------------------


def test_checked_is_ok_only_without_a_problem() -> None:
    assert check_fin("5ZX8K2P").ok
    assert not check_fin("").ok
    assert check_phone("").ok and check_phone("").value is None


def test_problem_params_carry_the_limit() -> None:
    problem = check_person_name("a" * 11, max_length=10).problem
    assert problem is not None
    assert problem.params == {"max": "10"}


# --- FİN -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5zx8k2p", "5ZX8K2P"),
        ("  5ZX8K2P \t", "5ZX8K2P"),
        ("1234567", "1234567"),
        ("ABCDEFG", "ABCDEFG"),
    ],
)
def test_fin_is_upper_cased_and_trimmed(text: str, value: str) -> None:
    assert check_fin(text).value == value


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "fin.required"),
        ("   ", "fin.required"),
        ("5ZX8K2", "fin.length"),
        ("5ZX8K2PP", "fin.length"),
        ("1234I67", "fin.characters"),
        ("1234O67", "fin.characters"),
        ("1234i67", "fin.characters"),  # Azerbaijani i is still the letter I
        ("1234ı67", "fin.characters"),
        ("1234İ67", "fin.characters"),
        ("12345-7", "fin.characters"),
        ("123456Ə", "fin.characters"),
        ("12 4567", "fin.characters"),
    ],
)
def test_fin_problems(text: str, problem: str) -> None:
    assert code(check_fin(text)) == problem


def test_fin_characters_message_names_i_and_o() -> None:
    problem = check_fin("1234I67").problem
    assert problem is not None
    assert "I and O" in problem.message


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("5zx", "5ZX"),
        (" 5zx 8k2p", "5ZX8K2P"),
        ("5zx8k2p99", "5ZX8K2P"),
        ("abciı", "ABCII"),
        ("", ""),
    ],
)
def test_fin_as_typed(typed: str, shown: str) -> None:
    assert normalise_fin_as_typed(typed) == shown


def test_latin_upper_maps_every_i_to_latin_capital_i() -> None:
    assert latin_upper("iıİI aze ö") == "IIII AZE ö"


FIN_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjklmnpqrstuvwxyzIOioıİ əÖ-\t"
FIN_RE = re.compile(r"[0-9A-HJ-NP-Z]{7}")


def _expected_fin_normalisation(text: str) -> str:
    # Written independently of the module: map every i to I, ASCII upper, strip.
    mapped = text.replace("ı", "I").replace("İ", "I").replace("i", "I")
    return "".join(c.upper() if c.isascii() else c for c in mapped).strip()


@given(st.text(alphabet=FIN_ALPHABET, max_size=10))
def test_fin_accepts_exactly_what_the_regex_accepts(text: str) -> None:
    expected = _expected_fin_normalisation(text)
    result = check_fin(text)
    assert result.ok == bool(FIN_RE.fullmatch(expected))
    assert result.value == (expected if result.ok else None)


@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=7, max_size=7))
def test_every_valid_fin_is_accepted_unchanged(fin: str) -> None:
    assert check_fin(fin).value == fin
    assert check_fin(fin.lower()).value == fin


@given(st.text())
def test_fin_as_typed_is_short_and_idempotent(text: str) -> None:
    shown = normalise_fin_as_typed(text)
    assert len(shown) <= 7
    assert normalise_fin_as_typed(shown) == shown


# --- identity documents --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "number", "value"),
    [
        ("id_card", "aze 12345678", "AZE12345678"),
        ("id_card", "AZE-12345678", "AZE12345678"),
        ("id_card", "AA1234567", "AA1234567"),
        ("id_card", "aa 123 45 67", "AA1234567"),
        ("residence_permit", "myi 1234567", "MYI1234567"),  # Azerbaijani keyboard i
        ("residence_permit", "DYİ–1234567", "DYI1234567"),
        ("passport", "c1234567", "C1234567"),
        ("passport", "ab 123456", "AB123456"),
    ],
)
def test_id_document_is_normalised(kind: str, number: str, value: str) -> None:
    assert check_id_document(kind, number).value == value


@pytest.mark.parametrize(
    ("kind", "number", "problem"),
    [
        ("driving_licence", "AA1234567", "id_document.kind"),
        ("id_card", "", "id_document.required"),
        ("id_card", " - ", "id_document.required"),
        ("id_card", "AZE1234567", "id_document.format"),  # older cards have 8 digits
        ("id_card", "AA12345678", "id_document.format"),  # newer cards have 7
        ("id_card", "AB1234567", "id_document.format"),
        ("id_card", "AA١٢٣٤٥٦٧", "id_document.format"),  # Arabic-Indic digits
        ("residence_permit", "AA1234567", "id_document.format"),
        ("passport", "ABC123456", "id_document.format"),
        ("passport", "A12345", "id_document.format"),
    ],
)
def test_id_document_problems(kind: str, number: str, problem: str) -> None:
    assert code(check_id_document(kind, number)) == problem


def test_id_patterns_are_configurable() -> None:
    patterns = {**DEFAULT_ID_PATTERNS, "residence_permit": (r"XYZ\d{5}",)}
    assert check_id_document("residence_permit", "xyz 12345", patterns).value == "XYZ12345"
    assert code(check_id_document("residence_permit", "MYI1234567", patterns)) == (
        "id_document.format"
    )
    assert code(check_id_document("id_card", "AA1234567", {})) == "id_document.kind"


def test_default_patterns_cannot_be_changed_by_accident() -> None:
    with pytest.raises(TypeError):
        DEFAULT_ID_PATTERNS["passport"] = ()  # type: ignore[index]


@given(st.sampled_from([*DEFAULT_ID_PATTERNS, "other"]), st.text())
def test_id_document_never_raises(kind: str, number: str) -> None:
    assert_well_formed(check_id_document(kind, number), required=True)


# --- VÖEN ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("1234567890", "1234567890"),
        (" 1234 567 890 ", "1234567890"),
        ("", "voen.required"),
        ("123456789", "voen.format"),
        ("12345678901", "voen.format"),
        ("12345678AB", "voen.format"),
        ("١٢٣٤٥٦٧٨٩٠", "voen.format"),
    ],
)
def test_voen(text: str, result: str) -> None:
    checked = check_voen(text)
    assert (checked.value or code(checked)) == result


# --- phone ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "+994 50 123 45 67",
        "994501234567",
        "0501234567",
        "050-123-45-67",
        "(050) 123 45 67",
        "+994501234567",
        "00994 50 123 45 67",
        "+994 (0) 50 123 45 67",
        "50 123 45 67",
        " 050.123.45.67 ",
    ],
)
def test_phone_formats_all_normalise_to_e164(text: str) -> None:
    assert check_phone(text).value == "+994501234567"


@pytest.mark.parametrize(
    "text",
    [
        "050123456",  # one digit short
        "05012345678",  # one digit too many
        "+994 01 234 56 78",  # national number starts with 0
        "0012345678",
        "+7 912 345 67 89",
        "+99450123456a",
        "050 123 45 67 ext",
        "50+1234567",
        "+",
    ],
)
def test_phone_format_problem(text: str) -> None:
    assert code(check_phone(text)) == "phone.format"


def test_empty_phone_is_fine_unless_required() -> None:
    optional = check_phone("  ")
    assert optional.value is None and optional.problem is None
    assert code(check_phone("  ", required=True)) == "phone.required"


@given(st.text(), st.booleans())
def test_phone_never_raises(text: str, required: bool) -> None:
    assert_well_formed(check_phone(text, required=required), required=required)


@given(st.text(alphabet="0123456789 +-()", max_size=20))
def test_phone_normalisation_is_idempotent(text: str) -> None:
    value = check_phone(text).value
    if value is not None:
        assert re.fullmatch(r"\+994[1-9]\d{8}", value)
        assert check_phone(value).value == value


# --- e-mail --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "result"),
    [
        (" Aysel.Mammadova@Mail.AZ ", "Aysel.Mammadova@mail.az"),
        ("a@b.az", "a@b.az"),
        ("a@b", "email.format"),
        ("a@@b.az", "email.format"),
        ("a@b@c.az", "email.format"),
        ("@b.az", "email.format"),
        ("a b@c.az", "email.format"),
        ("a@b..az", "email.format"),
        ("a@.az", "email.format"),
        ("a@b.az.", "email.format"),
        ("a" * 250 + "@b.az", "email.too_long"),
    ],
)
def test_email(text: str, result: str) -> None:
    checked = check_email(text)
    assert (checked.value or code(checked)) == result


def test_empty_email_is_fine_unless_required() -> None:
    assert check_email("").ok and check_email("").value is None
    assert code(check_email("", required=True)) == "email.required"


@given(st.text(), st.booleans())
def test_email_never_raises(text: str, required: bool) -> None:
    assert_well_formed(check_email(text, required=required), required=required)


# --- person names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ilham", "İlham"),
        ("ıqbal", "Iqbal"),
        ("ƏLİ", "ƏLİ"),
        ("Məmmədova-Quliyeva", "Məmmədova-Quliyeva"),
        ("məmmədova-quliyeva", "Məmmədova-Quliyeva"),
        ("McDonald", "McDonald"),
        ("  əli   vəli  ", "Əli Vəli"),
        ("şəms ğ", "Şəms Ğ"),
        ("O'Brien", "O'Brien"),
        ("d’Artagnan", "D’Artagnan"),
        ("сергей", "Сергей"),
        ("e\u0301lise", "Élise"),  # decomposed input is composed (NFC)
    ],
)
def test_person_name_is_tidied(text: str, value: str) -> None:
    assert check_person_name(text).value == value


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "name.required"),
        (" \t ", "name.required"),
        ("Ali2", "name.characters"),
        ("Ali.", "name.characters"),
        ("Ali_Vəli", "name.characters"),
        ("-'", "name.characters"),
        ("a" * 101, "name.too_long"),
    ],
)
def test_person_name_problems(text: str, problem: str) -> None:
    assert code(check_person_name(text)) == problem


def test_person_name_length_counts_after_collapsing_spaces() -> None:
    assert check_person_name("a" * 50 + "     " + "b" * 49).ok  # 100 characters once collapsed
    assert code(check_person_name("abc d", max_length=4)) == "name.too_long"


def test_optional_person_name_may_be_empty() -> None:
    result = check_person_name("  ", required=False)
    assert result.ok and result.value is None


@given(st.text(), st.booleans())
def test_person_name_never_raises(text: str, required: bool) -> None:
    result = check_person_name(text, required=required)
    assert_well_formed(result, required=required)
    if result.value is not None:
        assert len(result.value) <= 100
        assert check_person_name(result.value).value == result.value


# --- free text -----------------------------------------------------------------------------


def test_free_text() -> None:
    assert check_free_text("  Qeyd  ").value == "Qeyd"
    assert check_free_text("").ok and check_free_text("").value is None
    assert code(check_free_text(" ", required=True)) == "text.required"
    assert code(check_free_text("x" * 2001)) == "text.too_long"
    assert check_free_text("x" * 2000).ok
    assert code(check_free_text("abcd", max_length=3)) == "text.too_long"


@given(st.text(), st.booleans())
def test_free_text_never_raises(text: str, required: bool) -> None:
    assert_well_formed(check_free_text(text, required=required), required=required)


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "born"),
    [
        ("05.03.1980", date(1980, 3, 5)),
        ("5.3.1980", date(1980, 3, 5)),
        (" 1980-03-05 ", date(1980, 3, 5)),
        (date(1980, 3, 5), date(1980, 3, 5)),
        (datetime(1980, 3, 5, 12, 0), date(1980, 3, 5)),
        ("15.05.2026", TODAY),  # born today
        ("15.05.1896", date(1896, 5, 15)),  # exactly 130 years old
        ("29.02.2024", date(2024, 2, 29)),
    ],
)
def test_birth_date_is_parsed(value: str | date, born: date) -> None:
    assert check_birth_date(value, TODAY).value == born


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", "date.required"),
        ("1980/03/05", "date.format"),
        ("05.03.80", "date.format"),
        ("yesterday", "date.format"),
        ("31.02.1980", "date.invalid"),
        ("29.02.2023", "date.invalid"),
        ("1980-13-01", "date.invalid"),
        ("00.01.1980", "date.invalid"),
        ("16.05.2026", "date.future"),
        (date(2030, 1, 1), "date.future"),
        ("14.05.1896", "date.too_old"),
    ],
)
def test_birth_date_problems(value: str | date, problem: str) -> None:
    assert code(check_birth_date(value, TODAY)) == problem


def test_too_old_from_a_leap_day() -> None:
    leap_day = date(2028, 2, 29)
    assert check_birth_date("28.02.1898", leap_day).ok
    assert code(check_birth_date("27.02.1898", leap_day)) == "date.too_old"


@given(st.dates(), st.dates())
def test_birth_date_from_a_date_never_raises(value: date, today: date) -> None:
    result = check_birth_date(value, today)
    assert_well_formed(result, required=True)
    age_in_days = (today - value).days
    if age_in_days < 0:
        assert code(result) == "date.future"
    elif age_in_days > 130 * 366:
        assert code(result) == "date.too_old"
    elif age_in_days < 130 * 365:
        assert result.value == value


@given(st.text(), st.dates())
def test_birth_date_from_text_never_raises(text: str, today: date) -> None:
    assert_well_formed(check_birth_date(text, today), required=True)


@given(st.dates(), st.dates())
def test_birth_date_round_trips_through_azerbaijani_text(value: date, today: date) -> None:
    as_text = value.strftime("%d.%m.") + f"{value.year:04d}"
    assert check_birth_date(as_text, today) == check_birth_date(value, today)


def test_document_date() -> None:
    applied = date(2026, 5, 10)
    assert check_document_date("01.04.2026", TODAY, not_after=applied).value == date(2026, 4, 1)
    assert check_document_date("10.05.2026", TODAY, not_after=applied).ok  # same day is fine
    assert check_document_date("15.05.2026", TODAY).ok  # no application date given
    after = check_document_date("11.05.2026", TODAY, not_after=applied)
    assert code(after) == "date.after_application"
    assert after.problem is not None
    assert after.problem.params == {"application_date": "2026-05-10"}
    assert code(check_document_date("16.05.2026", TODAY, not_after=applied)) == "date.future"
    assert code(check_document_date("30.02.2026", TODAY)) == "date.invalid"
    assert code(check_document_date("", TODAY)) == "date.required"


@given(st.one_of(st.text(), st.dates()), st.dates(), st.none() | st.dates())
def test_document_date_never_raises(value: str | date, today: date, not_after: date | None) -> None:
    result = check_document_date(value, today, not_after)
    assert_well_formed(result, required=True)
    if result.value is not None:
        assert result.value <= today
        assert not_after is None or result.value <= not_after


# --- never raises, for the remaining validators --------------------------------------------


@given(st.text())
def test_fin_and_voen_never_raise(text: str) -> None:
    assert_well_formed(check_fin(text), required=True)
    assert_well_formed(check_voen(text), required=True)


def test_patronymic_suffixes_stay_lower_case():
    from dost_desk.models.identity import check_person_name

    assert check_person_name("vaqif OĞLU").value == "Vaqif oğlu"
    assert check_person_name("zaur qızı").value == "Zaur qızı"
    assert check_person_name("oğuz").value == "Oğuz"
