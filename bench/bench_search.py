"""Benchmark: catalog search over synthetic service passports.

``run(quick)`` builds a :class:`~dost_desk.catalog.search.SearchIndex` over generated
Azerbaijani passports (10,000, or 2,000 with ``quick``) and times a fixed mix of queries
(IDs, ID prefixes, name prefixes, ASCII-typed words, several words, document names,
typos). The baseline, timed in the same run over the same queries, is a plain substring
scan: ``query.lower() in text`` over every entry's lower-cased name and documents (the
lower-casing is done once up front, which only flatters the baseline). Each query is
timed best-of-``repeats`` to damp noise on a shared machine; the row reports the median.

Run alone: ``python bench/bench_search.py [--quick]``.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __name__ == "__main__":  # run alone: make the project root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dost_desk.catalog.search import SearchEntry, SearchIndex
from dost_desk.text import fold_for_search

TARGET_SECONDS = 0.016
SEED = 20240611

_NOUNS = (
    "sığorta",
    "şəhadətnamə",
    "müavinət",
    "pensiya",
    "təqaüd",
    "arayış",
    "qeydiyyat",
    "əlillik",
    "ünvan",
    "doğum",
    "ölüm",
    "nikah",
    "boşanma",
    "vəsiqə",
    "kompensasiya",
    "yardım",
    "işsizlik",
    "məşğulluq",
    "təhsil",
    "sağlamlıq",
    "uşaq",
    "ailə",
    "gənclər",
    "veteran",
    "şəhid",
    "köçkün",
    "qaçqın",
    "mülkiyyət",
    "torpaq",
    "əmlak",
    "vergi",
    "gömrük",
    "sürücülük",
    "nəqliyyat",
    "bələdiyyə",
    "çıxarış",
    "sənəd",
    "müqavilə",
    "lisenziya",
    "icazə",
    "əmək",
    "kitabça",
    "ödəniş",
    "hesab",
    "qəyyumluq",
    "himayə",
    "övlad",
    "tibbi",
    "ekspertiza",
    "reabilitasiya",
    "protez",
    "sanatoriya",
    "yol-bilet",
    "mənzil",
    "kommunal",
    "subsidiya",
    "ünvanlı",
    "ərizə",
    "şikayət",
    "müraciət",
    "döyüşçü",
    "çernobıl",
    "məcburi",
    "köçürülmüş",
    "şəxs",
    "vətəndaşlıq",
    "pasport",
    "viza",
    "miqrasiya",
    "iş",
    "yeri",
    "staj",
    "sərəncam",
)
_SUFFIXES = ("", "", "", "in", "ın", "si", "sı", "nin", "nın", "lər", "ların", "lərin", "ə")
_ACTIONS = (
    "verilməsi",
    "bərpası",
    "dəyişdirilməsi",
    "uzadılması",
    "təyin edilməsi",
    "ləğv edilməsi",
    "qeydə alınması",
    "yenilənməsi",
    "ödənilməsi",
    "hesablanması",
    "rəsmiləşdirilməsi",
    "təsdiqlənməsi",
    "dublikatının verilməsi",
)
_CLASSES = (
    "Sosial müdafiə",
    "Əmək və məşğulluq",
    "Əlillik və reabilitasiya",
    "Ailə, qadın və uşaq",
    "Pensiya təminatı",
    "Ədliyyə",
    "Daxili işlər",
    "Səhiyyə",
    "Təhsil",
    "Vergi və gömrük",
    "Nəqliyyat",
    "Əmlak və torpaq",
)
_DOCUMENTS = (
    "Şəxsiyyət vəsiqəsi",
    "Doğum haqqında şəhadətnamə",
    "Ölüm haqqında şəhadətnamə",
    "Nikah haqqında şəhadətnamə",
    "Boşanma haqqında şəhadətnamə",
    "Əmək kitabçası",
    "Tibbi arayış (forma 086)",
    "Yaşayış yeri üzrə arayış",
    "Ərizə",
    "Fotoşəkil 3x4",
    "Bank hesabı haqqında məlumat",
    "Əlilliyin təyin edilməsi haqqında arayış",
    "Vergi ödəyicisinin eyniləşdirmə nömrəsi (VÖEN)",
    "Sosial sığorta şəhadətnaməsi",
    "Hərbi bilet",
    "Təhsil haqqında sənəd",
    "Ailə tərkibi haqqında arayış",
    "Məcburi köçkün vəsiqəsi",
    "Etibarnamə (nümayəndə müraciət etdikdə)",
)
_AGENCIES = (
    "Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi",
    "Dövlət Sosial Müdafiə Fondu",
    "Ədliyyə Nazirliyi",
    "Daxili İşlər Nazirliyi",
    "Səhiyyə Nazirliyi",
    "Elm və Təhsil Nazirliyi",
    "Dövlət Məşğulluq Agentliyi",
    "Tibbi-Sosial Ekspert Komissiyası",
    "Dövlət Miqrasiya Xidməti",
    "Dövlət Vergi Xidməti",
)


def _word(rng: random.Random) -> str:
    return rng.choice(_NOUNS) + rng.choice(_SUFFIXES)


def generate_entries(count: int, seed: int = SEED) -> list[SearchEntry]:
    """``count`` synthetic passports with unique ``NN-NN-NN-NN`` IDs, deterministic."""
    rng = random.Random(seed)
    groups = [f"{a:02d}-{b:02d}" for a in range(1, 21) for b in range(1, 26)]
    entries = []
    for n in range(count):
        service, variant = divmod(n // len(groups), 10)
        entry_id = f"{groups[n % len(groups)]}-{service + 1:02d}-{variant:02d}"
        words = [_word(rng) for _ in range(rng.randint(1, 3))]
        name = " ".join(words) + " " + rng.choice(_ACTIONS)
        if rng.random() < 0.3:
            name = rng.choice(_CLASSES).split(",")[0] + " " + name
        name = name[0].upper() + name[1:]
        documents = tuple(rng.sample(_DOCUMENTS, rng.randint(3, 7)))
        if rng.random() < 0.5:
            documents += (f"{_word(rng).capitalize()} haqqında arayış",)
        entries.append(
            SearchEntry(
                id=entry_id,
                name=name,
                classification=rng.choice(_CLASSES),
                documents=documents,
                extra=(rng.choice(_AGENCIES),),
            )
        )
    return entries


def _ascii(text: str) -> str:
    return fold_for_search(text)


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + "x" + word[i + 1 :]


def generate_queries(entries: list[SearchEntry], count: int, seed: int = SEED) -> list[str]:
    """A fixed mix of realistic queries drawn from ``entries``."""
    rng = random.Random(seed + 1)
    queries: list[str] = []
    while len(queries) < count:
        entry = rng.choice(entries)
        words = entry.name.split()
        kind = len(queries) % 10
        if kind == 0:  # exact ID as printed, with spaces, or bare digits
            queries.append(rng.choice((entry.id, entry.id.replace("-", " "), entry.id[:2])))
        elif kind == 1:  # ID prefix
            queries.append(entry.id[: rng.choice((2, 5, 8))])
        elif kind == 2:  # beginning of the name as typed
            queries.append(entry.name[: rng.randint(3, 14)].strip() or entry.name)
        elif kind in (3, 4):  # one word typed in ASCII, maybe cut short
            word = _ascii(rng.choice(words))
            queries.append(word[: rng.randint(min(4, len(word)), len(word))])
        elif kind in (5, 6):  # several words, Azerbaijani or ASCII
            picked = rng.sample(words, min(len(words), rng.randint(2, 3)))
            text = " ".join(picked)
            queries.append(_ascii(text) if rng.random() < 0.5 else text.lower())
        elif kind == 7:  # a document name
            doc = rng.choice(entry.documents)
            queries.append(_ascii(doc) if rng.random() < 0.5 else doc)
        elif kind == 8:  # classification or agency words
            queries.append(rng.choice((entry.classification, entry.extra[0])).split()[0])
        else:  # a typo in a long word
            long_words = [w for w in map(_ascii, words) if len(w) >= 6]
            queries.append(_typo(rng.choice(long_words), rng) if long_words else words[0])
    return queries


class _Baseline:
    """Substring scan over lower-cased name + documents (no folding, no ranking)."""

    def __init__(self, entries: list[SearchEntry]) -> None:
        self._rows = [
            (entry.id, "\n".join((entry.name, *entry.documents)).lower()) for entry in entries
        ]

    def search(self, query: str) -> list[str]:
        needle = query.lower()
        return [entry_id for entry_id, text in self._rows if needle in text]


def _median_time(func: Callable[[str], object], queries: list[str], repeats: int) -> float:
    for query in queries:  # warm-up
        func(query)
    best = [float("inf")] * len(queries)
    for _ in range(repeats):
        for i, query in enumerate(queries):
            start = time.perf_counter()
            func(query)
            best[i] = min(best[i], time.perf_counter() - start)
    return statistics.median(best)


def run(quick: bool = False) -> list[dict]:
    """Time the search index against the substring baseline; one result row."""
    count, n_queries, repeats = (2_000, 60, 2) if quick else (10_000, 200, 3)
    entries = generate_entries(count)
    queries = generate_queries(entries, n_queries)
    index = SearchIndex(entries)
    baseline = _Baseline(entries)
    ours = _median_time(index.search, queries, repeats)
    base = _median_time(baseline.search, queries, repeats)
    return [
        {
            "benchmark": f"catalog search, {count:,} passports (median per query)",
            "ours": ours,
            "baseline": base,
            "ratio": ours / base if base > 0 else float("inf"),
            "target": "≤ 16 ms median",
            "ok": ours <= TARGET_SECONDS,
        }
    ]


if __name__ == "__main__":
    quick_run = "--quick" in sys.argv[1:]
    for row in run(quick_run):
        print(row)
