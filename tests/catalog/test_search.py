"""Tests for dost_desk.catalog.search: ranking, folding, ID lookup, typos, robustness."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dost_desk.catalog.search import SearchEntry, SearchHit, SearchIndex

CERTIFICATE = SearchEntry(
    id="01-08-02-00",
    name="Sosial sığorta şəhadətnaməsinin verilməsi",
    classification="Sosial müdafiə",
    documents=("Şəxsiyyət vəsiqəsi", "Ərizə"),
    extra=("Dövlət Sosial Müdafiə Fondu",),
)
PENSION = SearchEntry(
    id="01-08-01-00",
    name="Əmək pensiyasının təyin edilməsi",
    classification="Pensiya təminatı",
    documents=("Şəxsiyyət vəsiqəsi", "Əmək kitabçası"),
    extra=("Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi",),
)
SURVIVOR = SearchEntry(
    id="01-09-01-00",
    name="Ailə başçısını itirməyə görə pensiyanın təyin edilməsi",
    classification="Pensiya təminatı",
    documents=("Ölüm haqqında şəhadətnamə", "Doğum haqqında şəhadətnamə"),
)
INSURANCE = SearchEntry(
    id="02-01-01-00",
    name="Sığorta stajı haqqında arayışın verilməsi",
    classification="Sosial müdafiə",
    documents=("Ərizə",),
)
MONITORING = SearchEntry(
    id="03-01-01-00",
    name="“Monitoring” AS-in qeydiyyatı",
    classification="",
    documents=(),
    extra=("İqtisadiyyat Nazirliyi",),
)
DISABILITY = SearchEntry(
    id="01-10-01-00",
    name="Əlilliyin müəyyən edilməsi",
    classification="Əlillik",
    documents=("Tibbi arayış", "Ərizə"),
)
ALL = (CERTIFICATE, PENSION, SURVIVOR, INSURANCE, MONITORING, DISABILITY)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(ALL)


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.id for hit in hits]


def test_len(index: SearchIndex) -> None:
    assert len(index) == len(ALL)
    assert len(SearchIndex([])) == 0


@pytest.mark.parametrize("query", ["01-08-02-00", "01 08 02 00", "01080200", " 01-08-02-00 "])
def test_exact_id_comes_first(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    assert hits[0] == SearchHit(CERTIFICATE.id, CERTIFICATE.name, hits[0].score, "id")
    assert ids(hits) == ["01-08-02-00"]


def test_exact_id_outranks_id_prefixes(index: SearchIndex) -> None:
    entries = [*ALL, SearchEntry("01-08-02-001", "Aaa", "", ())]
    hits = SearchIndex(entries).search("01-08-02-00")
    assert ids(hits) == ["01-08-02-00", "01-08-02-001"]
    assert hits[0].score > hits[1].score


@pytest.mark.parametrize("query", ["01-08", "01 08", "0108"])
def test_id_prefix_lists_every_id_that_starts_with_it(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    assert sorted(ids(hits)) == ["01-08-01-00", "01-08-02-00"]
    assert {hit.matched for hit in hits} == {"id"}
    # Equal scores: ordered by the Azerbaijani collation of the name (Ə before S).
    assert ids(hits) == ["01-08-01-00", "01-08-02-00"]


def test_id_prefix_of_a_whole_group(index: SearchIndex) -> None:
    assert set(ids(index.search("01"))) == {
        "01-08-01-00",
        "01-08-02-00",
        "01-09-01-00",
        "01-10-01-00",
    }


def test_ascii_typing_finds_the_certificate(index: SearchIndex) -> None:
    hits = index.search("sigorta sehadetnamesi")
    assert ids(hits) == [CERTIFICATE.id]
    assert hits[0].matched == "name"


@pytest.mark.parametrize(
    "query", ["SIĞORTA ŞƏHADƏTNAMƏSİ", "Sığorta şəhadətnamə", "sıgorta sehadet"]
)
def test_case_and_diacritics_do_not_matter(index: SearchIndex, query: str) -> None:
    assert ids(index.search(query)) == [CERTIFICATE.id]


def test_name_prefix_outranks_word_inside_name(index: SearchIndex) -> None:
    hits = index.search("sigorta")
    # "Sığorta stajı..." starts with it; the certificate only has it as its second word.
    assert ids(hits) == [INSURANCE.id, CERTIFICATE.id]
    assert hits[0].score > hits[1].score


def test_whole_word_outranks_word_prefix(index: SearchIndex) -> None:
    hits = index.search("pensiyanın")
    assert ids(hits)[0] == SURVIVOR.id  # whole word
    hits = index.search("pensiya")
    # Both names contain a word starting with "pensiya"; neither has it whole, so the tie
    # goes to the collation of the names: "Ailə ..." before "Əmək ...".
    assert ids(hits) == [SURVIVOR.id, PENSION.id]
    assert hits[0].score == hits[1].score


def test_whole_word_outranks_earlier_collating_word_prefix() -> None:
    prefix_only = SearchEntry("07-01-01-00", "Bank arayışlarının verilməsi", "", ())
    whole_word = SearchEntry("07-01-02-00", "Tibbi arayış", "", ())
    hits = SearchIndex([prefix_only, whole_word]).search("arayış")
    assert ids(hits) == [whole_word.id, prefix_only.id]
    assert hits[0].score > hits[1].score


def test_name_match_outranks_classification_match(index: SearchIndex) -> None:
    hits = index.search("sosial")
    assert ids(hits)[0] == CERTIFICATE.id
    assert hits[0].matched == "name"
    rest = {hit.id: hit.matched for hit in hits[1:]}
    assert rest[INSURANCE.id] == "classification"
    assert rest[PENSION.id] == "extra"
    assert hits[1].score > hits[-1].score


@pytest.mark.parametrize("query", ["ölüm haqqında şəhadətnamə", "olum haqqinda", "OLUM"])
def test_document_names_are_searchable(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    assert ids(hits) == [SURVIVOR.id]
    assert hits[0].matched == "document"


def test_words_may_come_from_different_fields(index: SearchIndex) -> None:
    hits = index.search("pensiya kitabcasi")
    assert ids(hits) == [PENSION.id]
    assert hits[0].matched == "document"


def test_every_query_word_must_match(index: SearchIndex) -> None:
    assert index.search("sigorta pensiya") == []


def test_extra_texts_are_searchable(index: SearchIndex) -> None:
    hits = index.search("iqtisadiyyat")
    assert ids(hits) == [MONITORING.id]
    assert hits[0].matched == "extra"


def test_typographic_quotes_do_not_hide_words(index: SearchIndex) -> None:
    assert ids(index.search("monitoring")) == [MONITORING.id]
    assert ids(index.search('"monitoring" as')) == [MONITORING.id]


@pytest.mark.parametrize("query", ["sehadetnme", "sehadetanme", "sigotra sehadet", "eliliyin"])
def test_one_typo_in_a_long_word_still_matches(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    assert hits, query
    assert hits[0].score < index.search("sosial")[-1].score  # below every exact match


def test_typo_match_finds_the_intended_entry(index: SearchIndex) -> None:
    assert ids(index.search("sigotra sehadetnamesi")) == [CERTIFICATE.id]
    assert ids(index.search("eliliyin")) == [DISABILITY.id]


def test_short_words_get_no_typo_tolerance(index: SearchIndex) -> None:
    assert index.search("sox") == []  # "sos" is one edit away, but too short to guess


def test_typo_tolerance_is_skipped_when_exact_matches_suffice() -> None:
    entries = [SearchEntry(f"01-01-{n:02d}-00", f"Arayış {n}", "", ()) for n in range(10)]
    entries.append(SearchEntry("09-09-09-00", "Arayiş", "", ()))  # exact fold: "arayis"
    entries.append(SearchEntry("09-09-09-01", "Arayuş", "", ()))  # one edit away
    hits = SearchIndex(entries).search("arayis", limit=None)
    assert "09-09-09-01" not in ids(hits)
    assert len(hits) == 11


@pytest.mark.parametrize("query", ["", " ", "\t\n", "!!!", "“”", "-"])
def test_blank_or_punctuation_only_query_returns_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []


def test_limit(index: SearchIndex) -> None:
    everything = index.search("01", limit=None)
    assert len(everything) == 4
    assert index.search("01", limit=2) == everything[:2]
    assert index.search("01", limit=0) == []
    assert index.search("01", limit=-1) == []


def test_results_are_sorted_by_score(index: SearchIndex) -> None:
    for query in ["s", "e", "sosial", "sehadetname", "sigotra", "01", "a"]:
        scores = [hit.score for hit in index.search(query, limit=None)]
        assert scores == sorted(scores, reverse=True), query


def test_ties_are_broken_by_collation_then_id() -> None:
    entries = [
        SearchEntry("05-00-00-02", "Zəmanət arayışı", "", ()),
        SearchEntry("05-00-00-03", "Çıxarış arayışı", "", ()),
        SearchEntry("05-00-00-01", "Zəmanət arayışı", "", ()),
        SearchEntry("05-00-00-04", "Cədvəl arayışı", "", ()),
        SearchEntry("05-00-00-05", "İcazə arayışı", "", ()),
        SearchEntry("05-00-00-06", "Ixtisas arayışı", "", ()),
    ]
    expected = ["05-00-00-04", "05-00-00-03", "05-00-00-06", "05-00-00-05"]
    expected += ["05-00-00-01", "05-00-00-02"]
    assert ids(SearchIndex(entries).search("arayis")) == expected


def test_ranking_does_not_depend_on_input_order() -> None:
    entries = list(ALL) + [
        SearchEntry(f"04-{n // 10:02d}-{n % 10:02d}-00", f"Sosial {w} arayışı", "Sosial", ())
        for n, w in enumerate(["yardım", "müavinət", "təqaüd", "kart", "ödəniş"] * 3)
    ]
    queries = ["sosial", "arayis", "04", "s", "sehadetnme", "pensiya"]
    expected = {q: SearchIndex(entries).search(q, limit=None) for q in queries}
    for seed in range(5):
        shuffled = entries[:]
        random.Random(seed).shuffle(shuffled)
        shuffled_index = SearchIndex(shuffled)
        for query in queries:
            assert shuffled_index.search(query, limit=None) == expected[query], (seed, query)


def test_index_accepts_any_iterable() -> None:
    index = SearchIndex(entry for entry in ALL)
    assert ids(index.search("01-08-02-00")) == [CERTIFICATE.id]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_search_never_raises(query: str) -> None:
    index = SearchIndex(ALL)
    hits = index.search(query)
    assert len(hits) <= 50
    assert {hit.id for hit in hits} <= {entry.id for entry in ALL}
    assert len({hit.id for hit in hits}) == len(hits)


entry_texts = st.text(max_size=30)
entries_strategy = st.lists(
    st.builds(
        SearchEntry,
        id=entry_texts,
        name=entry_texts,
        classification=entry_texts,
        documents=st.lists(entry_texts, max_size=3).map(tuple),
        extra=st.lists(entry_texts, max_size=2).map(tuple),
    ),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(entries_strategy, st.text(max_size=30), st.one_of(st.none(), st.integers(-2, 10)))
def test_search_over_arbitrary_entries_never_raises(
    entries: list[SearchEntry], query: str, limit: int | None
) -> None:
    hits = SearchIndex(entries).search(query, limit=limit)
    if limit is not None:
        assert len(hits) <= max(limit, 0)
    assert len(hits) <= len(entries)
