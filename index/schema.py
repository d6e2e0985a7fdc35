"""The Whoosh schema: which fields exist, how text is analysed, what is stored.

One analyser serves title, body and queries, so stemming (`sanction` finds `sanctions`)
and accent folding (`tete-a-tete` finds `tête-à-tête`) apply the same way on both sides.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh import fields, formats
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

SCHEMA_VERSION = 2
# words, keeping dotted acronyms (U.S., e.g.) whole but splitting hosts and handles
# (pic.twitter.com -> pic twitter com), as people type them back from memory
WORD_PATTERN = r"\w+(?:\.\w\b)*"


class FoldAccents(Filter):
    """Accent folding for the few tokens that need it (CharsetFilter translates every token)."""

    def __call__(self, tokens):
        for t in tokens:
            if not t.text.isascii():
                t.text = t.text.translate(accent_map)
            yield t


def text_analyzer():
    """Fold accents before stemming so the stemmer sees plain ASCII words."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | FoldAccents()
        | StopFilter()
        | StemFilter(cachesize=50000)
    )


_TOKEN = re.compile(WORD_PATTERN)  # as RegexTokenizer compiles it
_STOPS = StopFilter().stops


@lru_cache(maxsize=200_000)
def stem_of(word: str) -> str | None:
    """text_analyzer()'s term for one lower-cased word, None for a stop word or a single
    letter: the filters after lowercasing (fold accents, StopFilter, StemFilter's stemmer)."""
    if not word.isascii():
        word = word.translate(accent_map)
    if len(word) < 2 or word in _STOPS:
        return None
    return stem(word)


def index_terms(text: str, fmt: formats.Format) -> list[tuple[bytes, int, float, bytes]]:
    """What a TEXT field with text_analyzer() gives for `text` at index time (its
    format's word_values: term, frequency, weight, encoded positions), computed without
    Whoosh's chain of per-token generators, which was half of a cleaning worker's time.

    The same steps in the same order: tokenise, lowercase, fold accents, drop stop words
    and one-letter words (the first kept word keeps its position, later ones number on
    from it, as StopFilter's renumbering does), stem. tests/test_schema.py holds it
    equal to Whoosh's own analysis.
    """
    if type(fmt) is not formats.Positions:
        raise TypeError(f"index_terms writes Positions postings, not {type(fmt).__name__}")
    poses: dict[str, list[int]] = {}
    pos = -1
    for i, word in enumerate(_TOKEN.findall(text)):
        term = stem_of(word.lower())
        if term is None:
            continue
        pos = i if pos < 0 else pos + 1
        found = poses.get(term)
        if found is None:
            poses[term] = [pos]
        else:
            found.append(pos)
    boost = fmt.field_boost
    return [(term.encode("utf-8"), len(p), float(len(p)) * boost, fmt.encode(p)) for term, p in poses.items()]


def plain_analyzer():
    """Outlet and dateline words: folded but not stemmed, so `outlet:times` matches exactly."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | FoldAccents()


class Analyzed:
    """Terms of a field computed ahead (in a cleaning worker), so the writer only files them."""

    __slots__ = ("items",)

    def __init__(self, items: list):
        self.items = items


class PreAnalyzedText(fields.TEXT):
    """A TEXT field that also accepts Analyzed values: analysis moves off the single writer."""

    def index(self, value, **kwargs):
        if isinstance(value, Analyzed):
            return iter(value.items)
        return super().index(value, **kwargs)


def make_schema() -> fields.Schema:
    ana = text_analyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=PreAnalyzedText(analyzer=ana, stored=True, phrase=True),
        body=PreAnalyzedText(analyzer=ana, stored=True, phrase=True),
        outlet=fields.TEXT(analyzer=plain_analyzer(), stored=True),
        # exact outlet for facets and filters; "" (unknown) is stored as UNKNOWN_KEY
        outlet_key=fields.ID(stored=False, sortable=True),
        date=fields.DATETIME(stored=True),
        # proleptic ordinal of the publication day, 0 when undated: one int per document
        # that sorting, date filters and the histogram read as a column
        day=fields.NUMERIC(numtype=int, bits=32, signed=False, stored=False, sortable=True, default=0),
        dateline=fields.TEXT(analyzer=plain_analyzer(), stored=True),
        url=fields.STORED(),
        source=fields.STORED(),
        content_hash=fields.ID(stored=True),
        word_count=fields.NUMERIC(stored=True),
    )


UNKNOWN_KEY = "\u2205"  # Whoosh cannot index an empty ID, so "no outlet" gets a sentinel
