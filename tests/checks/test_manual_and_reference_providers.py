"""The manual provider, and offline reference tables: robust CSV reading and the answers."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from dost_desk.checks.base import CheckRequest, CheckResultKind, ManualEntry
from dost_desk.checks.csv_table import CsvFileError
from dost_desk.checks.manual import ManualProvider
from dost_desk.checks.reference import ReferenceMatch, ReferenceProvider, parse_reference_csv

NOW = datetime(2026, 9, 7, 5, 0, tzinfo=UTC)


def request(fin: str | None = "5ZX8K2P", manual: ManualEntry | None = None) -> CheckRequest:
    return CheckRequest(
        system="monitoring",
        step=5,
        subject="Şəhadətnamə varmı?",
        application_id="app-1",
        passport_id="01-08-02-00",
        fin=fin,
        manual=manual,
    )


# --- manual -------------------------------------------------------------------------------


def test_manual_entry_keeps_who_what_and_when():
    entry = ManualEntry(CheckResultKind.CONFIRMED, "Aygün Həsənova", "MON-42", "ekranda var")
    outcome = ManualProvider(lambda: NOW).run(request(manual=entry))
    assert outcome.result is CheckResultKind.CONFIRMED
    assert (outcome.actor, outcome.reference, outcome.note, outcome.at) == (
        "Aygün Həsənova",
        "MON-42",
        "ekranda var",
        NOW,
    )
    assert outcome.summary == "monitoring: confirmed by Aygün Həsənova (reference MON-42)"
    assert outcome.provider == "manual"


def test_manual_entry_is_an_answer_and_needs_the_agent():
    with pytest.raises(ValueError, match="confirmed or not_confirmed"):
        ManualEntry(CheckResultKind.DEFERRED, "Aygün")
    with pytest.raises(ValueError, match="needs the agent's entry"):
        ManualProvider().run(request())


# --- reading extracts ---------------------------------------------------------------------

MONITORING_ROWS = (
    "FİN;Şəhadətnamə;Verilib\n5ZX8K2P;AZ-123456;12.03.2019\n1AB2CD3;AZ-777;01.02.2020\n"
)


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig")],
)
def test_utf8_with_and_without_bom(tmp_path, encoding, expected):
    path = tmp_path / "monitoring.csv"
    path.write_text(MONITORING_ROWS, encoding=encoding)
    extract = parse_reference_csv(path)
    assert extract.encoding == expected and extract.delimiter == ";"
    assert extract.key_column == "fin"
    first, second = extract.entries
    assert (first.key, first.line, first.result) == ("5ZX8K2P", 2, None)
    assert first.value == {"Şəhadətnamə": "AZ-123456", "Verilib": "12.03.2019"}
    assert second.key == "1AB2CD3"


def test_cp1251_is_detected(tmp_path):
    path = tmp_path / "mesgulluq.csv"
    path.write_bytes("fin,employer\n5ZX8K2P,ООО Иванов и партнёры\n".encode("cp1251"))
    extract = parse_reference_csv(path)
    assert extract.encoding == "cp1251" and extract.delimiter == ","
    assert extract.entries[0].value == {"employer": "ООО Иванов и партнёры"}


def test_mixed_encodings_are_refused_with_the_line(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        b"fin,ad\n" + "5ZX8K2P,Məmmədov\n".encode() + "1AB2CD3,Иванов\n".encode("cp1251")
    )
    with pytest.raises(CsvFileError) as caught:
        parse_reference_csv(path)
    assert str(caught.value) == (
        "mixed.csv: line 3: mixed encodings: this line is not UTF-8 but line 2 is; "
        "save the whole file as UTF-8 (or all of it as cp1251)"
    )


def test_cp1251_after_a_utf8_bom_is_mixed(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbffin,ad\n" + "5ZX8K2P,Иванов\n".encode("cp1251"))
    with pytest.raises(CsvFileError, match=r"line 2: mixed encodings: .* but the BOM is"):
        parse_reference_csv(path)


def test_a_file_without_a_key_column_names_the_expected_columns(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("ad,soyad\nƏli,Məmmədov\n", encoding="utf-8")
    with pytest.raises(CsvFileError) as caught:
        parse_reference_csv(path)
    assert str(caught.value) == (
        "wrong.csv: line 1: no key column: expected fin, voen or key (the FİN or VÖEN), "
        "optionally result, then any others; found ad, soyad"
    )


def test_lines_with_the_wrong_number_of_fields_are_named(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("fin,certificate\n5ZX8K2P,AZ-1\n\n1AB2CD3,AZ-2,extra\n7XY8Z9A\n", "utf-8")
    with pytest.raises(CsvFileError) as caught:
        parse_reference_csv(path)
    assert caught.value.problems == [
        (4, "3 fields, but the header (line 1) has 2: fin, certificate"),
        (5, "1 fields, but the header (line 1) has 2: fin, certificate"),
    ]


def test_bad_keys_results_and_repeats_are_named_with_their_lines(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "FİN,result\n5ZX8K2P,bəli\nIOIOIOI,yes\n5zx8k2p,no\n1AB2CD3,maybe\n", encoding="utf-8"
    )
    with pytest.raises(CsvFileError) as caught:
        parse_reference_csv(path)
    lines = [line for line, _ in caught.value.problems]
    assert lines == [3, 4, 5]
    assert "'IOIOIOI' is not a valid FİN" in str(caught.value)
    assert "line 4: 5ZX8K2P is already on line 2" in str(caught.value)
    assert "line 5: result 'maybe' is not confirmed or not_confirmed" in str(caught.value)


def test_a_result_column_and_voen_keys(tmp_path):
    path = tmp_path / "firms.csv"
    path.write_text("voen\tresult\n1234567890\txeyr\n0987654321\tconfirmed\n", "utf-8")
    extract = parse_reference_csv(path)
    assert extract.delimiter == "\t" and extract.key_column == "voen"
    assert [(e.key, e.result) for e in extract.entries] == [
        ("1234567890", CheckResultKind.NOT_CONFIRMED),
        ("0987654321", CheckResultKind.CONFIRMED),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty.csv: the file is empty; expected the columns fin, voen or key"),
        (b"fin,ad\n", "empty.csv: the file has a header but no rows"),
        (b"fin,,ad\n5ZX8K2P,,x\n", "empty.csv: line 1: column 2 of the header has no name"),
        (b"fin,Ad,AD\n5ZX8K2P,x,y\n", "empty.csv: line 1: the header repeats AD, Ad"),
        (b'fin,ad\n5ZX8K2P,"open\n', "empty.csv: line 2: not valid CSV"),
    ],
)
def test_empty_and_broken_files(tmp_path, content, message):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(CsvFileError) as caught:
        parse_reference_csv(path)
    assert str(caught.value).startswith(message)


def test_a_missing_file(tmp_path):
    with pytest.raises(CsvFileError, match=r"none\.csv: cannot be read"):
        parse_reference_csv(tmp_path / "none.csv")


# --- answering from a table -----------------------------------------------------------------


class Tables:
    def __init__(self, as_of: date | None, rows: dict[str, ReferenceMatch]) -> None:
        self.as_of = as_of
        self.rows = rows

    def table_as_of(self, system: str) -> date | None:
        return self.as_of

    def find(self, system: str, key: str) -> ReferenceMatch | None:
        return self.rows.get(key)


def test_a_listed_person_is_confirmed_as_of_the_extract():
    row = ReferenceMatch(None, {"Şəhadətnamə": "AZ-1"}, date(2026, 9, 1))
    provider = ReferenceProvider(Tables(date(2026, 9, 1), {"5ZX8K2P": row}), lambda: NOW)
    outcome = provider.run(request())
    assert outcome.result is CheckResultKind.CONFIRMED and outcome.as_of == date(2026, 9, 1)
    assert outcome.summary == (
        "monitoring: 5ZX8K2P is in the reference table as of 01.09.2026 "
        "(confirmed; Şəhadətnamə: AZ-1)"
    )
    assert outcome.raw == {"table_as_of": "2026-09-01", "row": {"Şəhadətnamə": "AZ-1"}}


def test_a_person_not_listed_is_not_confirmed_as_of_the_extract():
    provider = ReferenceProvider(Tables(date(2026, 9, 1), {}), lambda: NOW)
    outcome = provider.run(request())
    assert outcome.result is CheckResultKind.NOT_CONFIRMED
    assert outcome.summary.endswith("is not in the reference table as of 01.09.2026")


def test_no_table_means_unavailable():
    outcome = ReferenceProvider(Tables(None, {}), lambda: NOW).run(request())
    assert outcome.result is CheckResultKind.UNAVAILABLE
    assert outcome.summary == (
        "monitoring: no reference table has been imported (dost-desk checks import)"
    )


def test_a_row_may_say_not_confirmed():
    row = ReferenceMatch(CheckResultKind.NOT_CONFIRMED, {}, date(2026, 9, 1))
    provider = ReferenceProvider(Tables(date(2026, 9, 1), {"5ZX8K2P": row}), lambda: NOW)
    assert provider.run(request()).result is CheckResultKind.NOT_CONFIRMED
