"""Tests for dost_desk.text: Azerbaijani case mapping, search folding and collation."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dost_desk.text import AZ_ALPHABET, az_lower, az_sort_key, az_upper, fold_for_search, nfc

AZ_LETTERS = AZ_ALPHABET + az_upper(AZ_ALPHABET)
az_text = st.text(alphabet=AZ_LETTERS + " -.,0123456789", max_size=40)
az_or_ascii = st.text(
    alphabet=st.sampled_from(AZ_LETTERS + "".join(chr(c) for c in range(32, 127))), max_size=40
)


# --- nfc -----------------------------------------------------------------------------------


def test_nfc_composes_decomposed_letters() -> None:
    decomposed = "s\u0327" + "I\u0307"  # s + cedilla, I + dot above
    assert nfc(decomposed) == "şİ"
    assert len(nfc(decomposed)) == 2


@given(st.text())
def test_nfc_is_idempotent(text: str) -> None:
    assert nfc(nfc(text)) == nfc(text)


# --- case mapping --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lower"),
    [
        ("İstanbul", "istanbul"),
        ("İSTANBUL", "istanbul"),
        ("ISTANBUL", "ıstanbul"),
        ("İŞ", "iş"),
        ("IĞDIR", "ığdır"),
        ("ŞƏHADƏTNAMƏ", "şəhadətnamə"),
        ("ÇÖÜĞ", "çöüğ"),
        ("I\u0307ŞIQ", "işıq"),  # a decomposed İ is still a dotted capital I
    ],
)
def test_az_lower(text: str, lower: str) -> None:
    assert az_lower(text) == lower
    assert "\u0307" not in az_lower(text)


@pytest.mark.parametrize(
    ("text", "upper"),
    [
        ("ığdır", "IĞDIR"),
        ("istanbul", "İSTANBUL"),
        ("iş", "İŞ"),
        ("şəki", "ŞƏKİ"),
        ("gəncə", "GƏNCƏ"),
    ],
)
def test_az_upper(text: str, upper: str) -> None:
    assert az_upper(text) == upper


def test_python_builtins_are_wrong_for_azerbaijani() -> None:
    # Documents why the module exists; if Python ever changes, revisit az_lower.
    assert "İ".lower() != az_lower("İ")
    assert "I".lower() != az_lower("I")


@given(st.text())
def test_az_lower_is_idempotent(text: str) -> None:
    once = az_lower(text)
    assert az_lower(once) == once


@given(st.text())
def test_az_upper_is_idempotent(text: str) -> None:
    once = az_upper(text)
    assert az_upper(once) == once


@given(st.text())
def test_case_mapping_returns_nfc(text: str) -> None:
    assert unicodedata.is_normalized("NFC", az_lower(text))
    assert unicodedata.is_normalized("NFC", az_upper(text))


@given(az_text)
def test_az_lower_of_az_upper_is_az_lower(text: str) -> None:
    assert az_lower(az_upper(text)) == az_lower(text)
    assert az_upper(az_lower(text)) == az_upper(text)


# --- search folding ------------------------------------------------------------------------


def test_fold_matches_ascii_typing() -> None:
    assert fold_for_search("Sığorta ŞƏHADƏTNAMƏSİ") == fold_for_search("sigorta sehadetnamesi")
    assert fold_for_search("Sığorta ŞƏHADƏTNAMƏSİ") == "sigorta sehadetnamesi"
    assert fold_for_search("Çörəkçi Ağa Üzümçü Işıq") == "corekci aga uzumcu isiq"


def test_fold_strips_other_marks_and_collapses_whitespace() -> None:
    assert fold_for_search("  Café\u00a0 naïve\t\n Ångström ") == "cafe naive angstrom"
    assert fold_for_search("şəhadət\u00adnamə") == "sehadetname"  # soft hyphen dropped


def test_fold_normalises_typographic_quotes() -> None:
    folded = fold_for_search("“Monitoring” AS")
    assert "monitoring" in folded
    assert fold_for_search("«Monitoring» AS") == folded == fold_for_search('"Monitoring" AS')
    assert fold_for_search("Azərbaycan’ın") == fold_for_search("Azərbaycan'ın")


def test_fold_differs_for_different_words() -> None:
    assert fold_for_search("ölüm") != fold_for_search("alım")


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    once = fold_for_search(text)
    assert fold_for_search(once) == once


@given(st.text())
def test_fold_ignores_case(text: str) -> None:
    assert fold_for_search(az_upper(text)) == fold_for_search(text)
    assert fold_for_search(az_lower(text)) == fold_for_search(text)


@given(az_or_ascii)
def test_fold_of_azerbaijani_and_ascii_is_ascii(text: str) -> None:
    folded = fold_for_search(text)
    assert folded.isascii()
    assert folded == folded.strip()
    assert "  " not in folded


# --- collation -----------------------------------------------------------------------------


def test_sort_follows_the_azerbaijani_alphabet() -> None:
    names = ["Zəfər", "Çay", "Ceyran", "Xalq", "Həyat", "İlham", "Ilıq", "Əli", "Elmar"]
    names += ["Qala", "Kərim"]
    expected = ["Ceyran", "Çay", "Elmar", "Əli", "Həyat", "Xalq", "Ilıq", "İlham", "Kərim"]
    expected += ["Qala", "Zəfər"]
    assert sorted(names, key=az_sort_key) == expected


def test_sort_of_the_whole_alphabet() -> None:
    shuffled = sorted(AZ_ALPHABET)  # code point order: ç ğ ö ü ı ş ə come last
    assert sorted(shuffled, key=az_sort_key) == list(AZ_ALPHABET)
    upper = az_upper(AZ_ALPHABET)
    assert sorted(upper, key=az_sort_key) == list(upper)


def test_sort_is_case_insensitive_first() -> None:
    assert sorted(["şəki", "Səbail", "ŞAMAXI", "sabirabad"], key=az_sort_key) == [
        "sabirabad",
        "Səbail",
        "ŞAMAXI",
        "şəki",
    ]


def test_sort_puts_non_letters_first_and_foreign_letters_last() -> None:
    words = ["Zaqatala", "wifi", "Ärzə", "Баку", "123", "(a)", "Abşeron"]
    assert sorted(words, key=az_sort_key) == [
        "(a)",
        "123",
        "Abşeron",
        "Zaqatala",
        "wifi",
        "Ärzə",
        "Баку",
    ]


def test_sort_breaks_case_ties_deterministically() -> None:
    assert az_sort_key("Bakı") != az_sort_key("BAKI")
    assert az_sort_key("Bakı")[0] == az_sort_key("BAKI")[0]
    assert sorted(["bakı", "BAKI", "Bakı"], key=az_sort_key) == ["BAKI", "Bakı", "bakı"]


@given(st.lists(st.text(), max_size=20))
def test_sort_is_a_consistent_total_order(texts: list[str]) -> None:
    once = sorted(texts, key=az_sort_key)
    # Whatever the input order, the sorted result is the same (up to NFC spelling).
    assert [nfc(t) for t in sorted(reversed(once), key=az_sort_key)] == [nfc(t) for t in once]
    assert [nfc(t) for t in sorted(texts[::-1], key=az_sort_key)] == [nfc(t) for t in once]


@given(st.text(), st.text())
def test_equal_sort_keys_mean_equal_text(a: str, b: str) -> None:
    assert (az_sort_key(a) == az_sort_key(b)) == (nfc(a) == nfc(b))


@given(st.text(alphabet=AZ_LETTERS, max_size=12), st.text(alphabet=AZ_LETTERS, max_size=12))
def test_sort_primary_order_ignores_case(a: str, b: str) -> None:
    same = az_sort_key(az_lower(a))[0] < az_sort_key(az_lower(b))[0]
    assert (az_sort_key(az_upper(a))[0] < az_sort_key(b)[0]) == same
