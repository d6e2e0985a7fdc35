"""Turn what a user typed into a Whoosh query, leniently.

A researcher's half-typed query (an open quote, a stray bracket, a field that does not
exist, a date that does not parse) is never an error: the broken part is searched as
plain words or dropped, and `ignored` says what happened so the page can tell them.
Date clauses (`date:2024-06`, `date:>2024-06-15`, `date:[2024-06-01 to 2024-06-30]`)
become a day range applied like the from/to filter, so they use the same column.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, GtLtPlugin, MultifieldParser
from whoosh.searching import Searcher

from index.schema import stem_of

FIELDS = ("title", "body", "outlet", "dateline", "id")
TITLE_BOOST = 2.0
_DATE_CLAUSE = re.compile(
    r"(?<!\S)date:(?:\[\s*(?P<a>[^\]]*?)\s+to\s+(?P<b>[^\]]*?)\s*\]|(?P<op>[<>]=?)?(?P<v>\S+))",
    re.IGNORECASE,
)
_FIELD = re.compile(r"(?<![\w\\])([A-Za-z_][\w]*):(?=\S)")
_MINUS = re.compile(r"(?<!\S)-(?=[\w\"(])")
_ASCII_WORDS = re.compile(r"[A-Za-z0-9\s]*")  # plain words when _SYNTAX finds no operator among them
_ALNUM = re.compile(r"[A-Za-z0-9]+")
_SYNTAX = re.compile(r"[\"()\[\]{}^~*?:+\\<>=]|(?<!\S)-|\b(?:AND|OR|NOT|TO)\b")


@dataclass(slots=True)
class ParsedQuery:
    query: wq.Query | None  # None: no words, match everything the filters allow
    ignored: list[str] = field(default_factory=list)
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def parser_for(schema) -> MultifieldParser:
    """The query parser of a schema. Building one (plugins, their regexes) costs ~70 us and
    Whoosh's parser keeps no state between parse() calls, so callers with a per-generation
    cache keep one there for every thread (index.search.parsed_query)."""
    parser = MultifieldParser(["title", "body"], schema, fieldboosts={"title": TITLE_BOOST})
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(GtLtPlugin())
    return parser


def parse_query(text: str, schema, parser: MultifieldParser | None = None) -> ParsedQuery:
    """Lenient parse: returns a query (or None for "everything") and what it had to ignore.
    `parser`: parser_for(schema), when the caller keeps one."""
    result = ParsedQuery(query=None)
    text = extract_dates(text or "", result)
    text = fix_syntax(text, result.ignored)
    if not text.strip() or not re.search(r"[^\s*?]", text):  # nothing, or only "*": everything
        return result
    q = plain_query(text)
    if q is not None:  # plain words: Whoosh's parser would build exactly this, ~50x slower
        result.query = q
        return result
    parser = parser or parser_for(schema)
    try:
        q = parser.parse(text)
    except Exception:  # Whoosh raises on a few odd inputs (e.g. bad numeric ranges)
        q = wq.NullQuery
    if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
        words = plain_words(text)
        if words != text.strip() and words:
            result.ignored.append("query syntax not understood; searched as plain words")
            try:
                q = parser.parse(words)
            except Exception:
                q = wq.NullQuery
    if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
        result.ignored.append("no searchable words (only very common words or symbols)")
        result.query = wq.NullQuery  # matches nothing, but is not "everything"
        return result
    result.query = q.accept(lambda node: safe_fuzzy(node, result.ignored))
    return result


def plain_query(text: str) -> wq.Query | None:
    """The query parser_for() builds from plain ASCII words, built directly; None for anything
    else (syntax, punctuation, non-ASCII, only stop words), which goes through the parser.

    Most typed queries are a few plain words, and Whoosh's parser (plugins, tagging passes)
    spends ~0.7 ms on them, a twentieth of a search; tests/test_search.py checks the two agree.
    """
    if not _ASCII_WORDS.fullmatch(text) or _SYNTAX.search(text):
        return None
    spans: dict[str, tuple[int, int]] = {}  # term -> where its first word is (the spelling corrector edits there)
    for m in _ALNUM.finditer(text):
        t = stem_of(m.group().lower())
        if t is not None and t not in spans:
            spans[t] = m.span()
    if not spans:
        return None
    ors = [wq.Or([_term("title", t, span, TITLE_BOOST), _term("body", t, span)]) for t, span in spans.items()]
    return ors[0] if len(ors) == 1 else wq.And(ors)


def _term(field: str, text: str, span: tuple[int, int], boost: float = 1.0) -> wq.Term:
    term = wq.Term(field, text, boost=boost)
    term.startchar, term.endchar = span
    return term


MAX_FUZZY_DISTANCE = 2  # Lucene's cap too: past it the automaton explodes and nearly every word matches


def safe_fuzzy(node: wq.Query, ignored: list[str]) -> wq.Query:
    """A fuzzy term Whoosh can expand: its fixed prefix no longer than the word ("0~/2" raised
    IndexError inside Whoosh) and its edit distance at most MAX_FUZZY_DISTANCE."""
    if not isinstance(node, wq.FuzzyTerm):
        return node
    prefix = min(node.prefixlength, len(node.text))
    dist = min(node.maxdist, MAX_FUZZY_DISTANCE)
    note = f"fuzzy distance of '{node.text}~{node.maxdist}' lowered to {dist}"
    if dist < node.maxdist and note not in ignored:  # once, though each field has its own term
        ignored.append(note)
    if (prefix, dist) == (node.prefixlength, node.maxdist):
        return node
    return wq.FuzzyTerm(node.fieldname, node.text, boost=node.boost, maxdist=dist, prefixlength=prefix,
                        constantscore=node.constantscore)


def plain_words(text: str) -> str:
    return " ".join(_SYNTAX.sub(" ", text).split())


def fix_syntax(text: str, ignored: list[str]) -> str:
    """Repair what Whoosh would otherwise misread, noting each repair."""
    text = _MINUS.sub("NOT ", text)

    def unknown_field(m: re.Match) -> str:
        name = m.group(1)
        if name.lower() in FIELDS:
            return name.lower() + ":"
        ignored.append(f"unknown field '{name}:' ignored")
        return ""

    text = _FIELD.sub(unknown_field, text)
    if text.count('"') % 2:
        ignored.append("unmatched quote ignored")
        i = text.rfind('"')
        text = text[:i] + text[i + 1:]
    for open_, close in ("()", "[]", "{}"):
        if balance(text, open_, close):
            ignored.append(f"unbalanced '{open_}{close}' ignored")
            text = text.replace(open_, " ").replace(close, " ")
    return text


def balance(text: str, open_: str, close: str) -> bool:
    """True when brackets are unbalanced (outside quotes)."""
    depth = 0
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == open_:
            depth += 1
        elif not quoted and ch == close:
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


def extract_dates(text: str, result: ParsedQuery) -> str:
    def take(m: re.Match) -> str:
        try:
            if m.group("v") is not None:
                lo, hi = period(m.group("v"))
                op = m.group("op") or ""
                if op.startswith(">"):
                    lo, hi = (lo if op == ">=" else hi + dt.timedelta(days=1)), None
                elif op.startswith("<"):
                    lo, hi = None, (hi if op == "<=" else lo - dt.timedelta(days=1))
            else:
                a, b = m.group("a").strip(), m.group("b").strip()
                lo = period(a)[0] if a else None
                hi = period(b)[1] if b else None
        except ValueError:
            result.ignored.append(f"date clause '{m.group(0)}' not understood (use YYYY, YYYY-MM or YYYY-MM-DD)")
            return " "
        narrow(result, lo, hi)
        return " "

    return _DATE_CLAUSE.sub(take, text)


def narrow(result: ParsedQuery, lo: dt.date | None, hi: dt.date | None) -> None:
    if lo and (result.date_from is None or lo > result.date_from):
        result.date_from = lo
    if hi and (result.date_to is None or hi < result.date_to):
        result.date_to = hi


def period(value: str) -> tuple[dt.date, dt.date]:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first and last day it covers."""
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        y = int(value)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
        y, mo = int(m.group(1)), int(m.group(2))
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    day = dt.date.fromisoformat(value)
    return day, day


def query_terms(q: wq.Query, searcher: Searcher, limit: int = 2000) -> set[str]:
    """The analysed words to highlight, wildcards and fuzzy terms expanded to what exists.

    Walks the leaves rather than Query.existing_terms(), which drops terms of
    multi-field queries in whoosh 2.7.
    """
    reader = searcher.reader()
    out: set[str] = set()
    for leaf in q.leaves():
        if getattr(leaf, "fieldname", None) not in ("title", "body"):
            continue
        try:
            pairs = leaf.expanded_terms(reader)
        except Exception:  # an odd leaf must not cost the page its snippets
            continue
        for _, text in pairs:
            out.add(text.decode("utf-8") if isinstance(text, bytes) else str(text))
            if len(out) >= limit:
                return out
    return out
