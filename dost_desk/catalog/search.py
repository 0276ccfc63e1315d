"""Ranked, accent-insensitive search over service passports.

The index is built from plain :class:`SearchEntry` values, so it does not depend on the
passport schema. All text goes through :func:`dost_desk.text.fold_for_search`, so a clerk
can type ``sigorta sehadetnamesi`` on a plain keyboard and find
``Sosial sığorta şəhadətnaməsinin verilməsi``.

How it stays fast: entries are numbered in display order (Azerbaijani collation of the
name, then ID), and every distinct folded word maps to one bitset (a Python ``int``) of
entry numbers per field. A query word expands to the words it is a prefix of through a
sorted vocabulary and :mod:`bisect`; OR and AND of the bitsets give each ranking tier, and
reading a tier's bits from the lowest up yields it already in tie-break order.

Ranking, best first (``SearchHit.score``):

=====  ================================================================  ================
score  tier                                                               ``matched``
=====  ================================================================  ================
100    the ID, typed with dashes, spaces or neither                      ``id``
90     an ID that starts with the query (``01-08`` → ``01-08-…``)         ``id``
80     the whole name                                                     ``name``
70     the beginning of the name                                          ``name``
60     every query word is a whole word of the name                       ``name``
55     every query word starts a word of the name                         ``name``
40     every word is found in the name or classification                  ``classification``
30     ... or also in the documents                                       ``document``
20     ... or also in the extra texts                                     ``extra``
15-10  the same four, letting words of ≥ 4 letters have one typo          as above
=====  ================================================================  ================

Typo tolerance only runs when the exact tiers found fewer than :data:`FUZZY_BELOW` hits.
Ties are broken by :func:`~dost_desk.text.az_sort_key` of the name, then by ID.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from dost_desk.text import az_sort_key, fold_for_search

__all__ = ["FUZZY_BELOW", "SearchEntry", "SearchHit", "SearchIndex"]

#: Typo-tolerant matching runs only when the exact tiers returned fewer hits than this.
FUZZY_BELOW = 5
_FUZZY_MIN_LEN = 4  # query words shorter than this never match with a typo
_FUZZY_MAX_LEN = 40  # nor do absurdly long ones (bounds the neighbourhood size)
_FUZZY_MAX_WORDS = 8  # nor do queries with more words than this
_FUZZY_ALPHABET = 48  # letters tried for substitutions/insertions (most frequent first)
_MAX_QUERY_WORDS = 32  # further words of a pasted paragraph are ignored

_WORD = re.compile(r"[^\W_]+")
_TOP = "\U0010ffff"

_FIELDS = ("name", "classification", "document", "extra")
_EXACT_SCORES = (60.0, 40.0, 30.0, 20.0)  # (60 is "whole words"; word prefixes get 55)
_FUZZY_SCORES = (15.0, 12.0, 11.0, 10.0)


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """The searchable text of one service passport."""

    id: str  # "01-08-02-00"
    name: str  # service name (Azerbaijani)
    classification: str  # category name(s), may be ""
    documents: tuple[str, ...]  # required document names
    extra: tuple[str, ...] = ()  # other searchable text (agency names, ...)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result; ``matched`` is the weakest field needed for the match."""

    id: str
    name: str
    score: float
    matched: str  # "id", "name", "classification", "document" or "extra"


def _words(text: str) -> list[str]:
    return _WORD.findall(fold_for_search(text))


def _bits(numbers: list[int]) -> int:
    """Bitset of ascending entry numbers."""
    if len(numbers) < 16:
        value = 0
        for n in numbers:
            value |= 1 << n
        return value
    buf = bytearray((numbers[-1] >> 3) + 1)
    for n in numbers:
        buf[n >> 3] |= 1 << (n & 7)
    return int.from_bytes(buf, "little")


def _iter_bits(bits: int) -> Iterator[int]:
    """Set bit positions of ``bits``, lowest first."""
    digits = bin(bits)  # "0b…", the lowest bit last
    last = len(digits) - 1
    pos = digits.rfind("1", 2)
    while pos >= 2:
        yield last - pos
        pos = digits.rfind("1", 2, pos)


def _prefix_range(keys: list[str], prefix: str) -> tuple[int, int]:
    lo = bisect_left(keys, prefix)
    return lo, bisect_left(keys, prefix + _TOP, lo)


def _split_range(keys: list[str], numbers: list[int], query: str) -> tuple[int, int]:
    """Bitsets of the keys equal to ``query`` and of those merely starting with it."""
    lo, hi = _prefix_range(keys, query)
    equal = lo
    while equal < hi and keys[equal] == query:  # equal keys sort first in the range
        equal += 1
    return _bits(sorted(numbers[lo:equal])), _bits(sorted(numbers[equal:hi]))


class SearchIndex:
    """An immutable search index over :class:`SearchEntry` values."""

    def __init__(self, entries: Iterable[SearchEntry]) -> None:
        items = list(entries)
        order = sorted(
            range(len(items)), key=lambda i: (az_sort_key(items[i].name), items[i].id, i)
        )
        self._entries: list[SearchEntry] = [items[i] for i in order]

        postings: dict[str, tuple[list[int], ...]] = {}
        name_keys: list[tuple[str, int]] = []
        id_keys: list[tuple[str, int]] = []
        cache: dict[str, list[str]] = {}  # document and agency names repeat a lot

        def words_of(text: str) -> list[str]:
            found = cache.get(text)
            if found is None:
                found = cache[text] = _words(text)
            return found

        for number, entry in enumerate(self._entries):
            fields = (
                (entry.name,),
                (entry.classification,),
                entry.documents,
                entry.extra,
            )
            for field, texts in enumerate(fields):
                words: dict[str, None] = {}
                for text in texts:
                    words.update(dict.fromkeys(words_of(text)))
                if field == 0:
                    name_keys.append((" ".join(words_of(entry.name)), number))
                for word in words:
                    postings.setdefault(word, ([], [], [], []))[field].append(number)
            id_key = "".join(words_of(entry.id))
            if id_key:
                id_keys.append((id_key, number))

        self._vocab: list[str] = sorted(postings)
        self._bitsets: list[tuple[int, ...]] = [
            tuple(_bits(numbers) for numbers in postings[word]) for word in self._vocab
        ]
        self._position = {word: i for i, word in enumerate(self._vocab)}
        name_keys.sort()
        self._name_keys = [key for key, _ in name_keys]
        self._name_numbers = [number for _, number in name_keys]
        id_keys.sort()
        self._id_keys = [key for key, _ in id_keys]
        self._id_numbers = [number for _, number in id_keys]
        letters = Counter(ch for word in self._vocab for ch in word)
        ranked = sorted(letters.items(), key=lambda item: (-item[1], item[0]))
        self._alphabet = [ch for ch, _ in ranked[:_FUZZY_ALPHABET]]
        self._longest = max(map(len, self._vocab), default=0)

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, limit: int | None = 50) -> list[SearchHit]:
        """Return the entries matching ``query``, best first, at most ``limit`` of them.

        An empty or blank query (or one without letters or digits) returns ``[]``.
        ``limit=None`` returns every match. Never raises for any string.
        """
        if limit is not None and limit <= 0:
            return []
        words = _words(query)[:_MAX_QUERY_WORDS] if isinstance(query, str) else []
        if not words:
            return []
        hits: list[SearchHit] = []
        taken = 0

        def emit(bits: int, score: float, matched: str) -> bool:
            """Append a tier's new entries; True once ``limit`` is reached."""
            nonlocal taken
            bits &= ~taken
            if not bits:
                return False
            taken |= bits
            for number in _iter_bits(bits):
                entry = self._entries[number]
                hits.append(SearchHit(entry.id, entry.name, score, matched))
                if limit is not None and len(hits) >= limit:
                    return True
            return False

        # Identifier: the query's letters and digits, separators ignored.
        id_key = "".join(words)
        exact, prefix = _split_range(self._id_keys, self._id_numbers, id_key)
        if emit(exact, 100.0, "id") or emit(prefix, 90.0, "id"):
            return hits

        # The name as a whole, punctuation ignored.
        name_key = " ".join(words)
        exact, prefix = _split_range(self._name_keys, self._name_numbers, name_key)
        if emit(exact, 80.0, "name") or emit(prefix, 70.0, "name"):
            return hits

        # Every word somewhere: whole name words, then word prefixes field by field.
        unique = list(dict.fromkeys(words))
        whole = -1
        for word in unique:
            position = self._position.get(word)
            whole &= self._bitsets[position][0] if position is not None else 0
        expansions: list[Sequence[int]] = [
            range(*_prefix_range(self._vocab, word)) for word in unique
        ]
        if emit(whole, _EXACT_SCORES[0], "name"):
            return hits
        scores = (55.0, *_EXACT_SCORES[1:])
        if self._emit_fields(expansions, scores, emit):
            return hits

        if len(hits) < FUZZY_BELOW and len(unique) <= _FUZZY_MAX_WORDS:
            fuzzy = [self._fuzzy(word) for word in unique]
            if any(fuzzy):
                widened = [
                    sorted(set(exp).union(extra)) if extra else exp
                    for exp, extra in zip(expansions, fuzzy, strict=True)
                ]
                self._emit_fields(widened, _FUZZY_SCORES, emit)
        return hits

    def _emit_fields(
        self,
        expansions: list[Sequence[int]],
        scores: Sequence[float],
        emit: Callable[[int, float, str], bool],
    ) -> bool:
        """Emit the field tiers for words expanded to vocabulary positions."""
        per_word = []
        for positions in expansions:
            fields = [0, 0, 0, 0]
            for position in positions:
                name, classification, document, extra = self._bitsets[position]
                fields[0] |= name
                fields[1] |= classification
                fields[2] |= document
                fields[3] |= extra
            # Cumulative: a word found in a stronger field also satisfies a weaker tier.
            for f in range(1, 4):
                fields[f] |= fields[f - 1]
            per_word.append(fields)
        for f, field in enumerate(_FIELDS):
            bits = -1
            for fields in per_word:
                bits &= fields[f]
                if not bits:
                    break
            if bits and emit(bits, scores[f], field):
                return True
        return False

    def _fuzzy(self, word: str) -> set[int]:
        """Vocabulary positions of words starting within one edit of ``word``."""
        size = len(word)
        if size < _FUZZY_MIN_LEN or size > min(_FUZZY_MAX_LEN, self._longest + 1):
            return set()
        variants: set[str] = set()
        for i in range(size):
            head, tail = word[:i], word[i + 1 :]
            variants.add(head + tail)  # deletion
            if tail:
                variants.add(head + tail[0] + word[i] + tail[1:])  # transposition
            for ch in self._alphabet:
                variants.add(head + ch + tail)  # substitution
                variants.add(head + ch + word[i:])  # insertion
        variants.discard(word)
        vocab = self._vocab
        found: set[int] = set()
        for variant in variants:
            lo = bisect_left(vocab, variant)
            if lo < len(vocab) and vocab[lo].startswith(variant):
                found.update(range(lo, bisect_left(vocab, variant + _TOP, lo)))
        return found
