"""Snippets: the sentences around the matches, with matched words in <mark>.

Whoosh's highlighter re-analyses the whole stored body (and only its first 32K
characters by default). Here only sentences that can contain a query term are
analysed, so the whole body is highlightable at a cost proportional to the matches.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from functools import lru_cache

import nh3
from whoosh.support.charset import accent_map

from index.schema import WORD_PATTERN, stem_of

# the abbreviations a full stop ends inside a sentence: "SEOUL, Sept. 2 --", "Mr. Kim", "St. Louis"
_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                  "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Capt", "Sgt",
                  "Rev", "Hon", "St", "Mt", "Ft", "No", "Nos", "Vol", "Ave", "Jr", "Sr")
# a sentence boundary, led by its punctuation (a literal class the regex engine scans for fast),
# not the full stop of an abbreviation
_SENTENCE_CUT = re.compile("".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS)
                           + r"[.!?…](?P<close>[\"”’')\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9À-Ý])")
# the non-ASCII letters folding turns into ASCII ones (curly quotes and dashes are left be:
# they are most of a news text's non-ASCII characters and never start a word)
_FOLDABLE_CHARS = frozenset(chr(c) for c, v in accent_map.items()
                            if c > 127 and chr(c).isalnum() and str(v)[:1].isascii() and str(v)[:1].isalnum())
_FOLDABLE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_FOLDABLE_CHARS)) + "]")
_WORD = re.compile(WORD_PATTERN)  # the analyser's tokenizer (RegexTokenizer compiles it the same way)
_MARK_GAP = re.compile(r"</mark>(\s+)<mark>")
_MARK_TAGS = re.compile(r"</?mark>")
MAX_FRAGMENTS = 3
MAX_SENTENCE_CHARS = 320
LEAD_CHARS = 240


def sanitise(fragment: str) -> str:
    """The last gate before HTML: whatever got here, only bare <mark> survives.

    A fragment whose only angle brackets are those of balanced bare <mark> tags is inert as
    it is (no other tag, attribute or comment can exist without one), so it skips the
    parse (40 us, a millisecond a results page); anything else goes through nh3.
    """
    bare = _MARK_TAGS.sub("", fragment)
    if "<" not in bare and ">" not in bare and fragment.count("<mark>") == fragment.count("</mark>"):
        return fragment
    return nh3.clean(fragment, tags={"mark"}, attributes={}, strip_comments=True)


def mark(text: str, terms: set[str], heads: list[int] | None = None) -> tuple[str, int, int]:
    """Escape `text`, wrap tokens whose analysed form is a query term; (html, distinct, total).

    Only the words find_heads() points at (those starting like a query term's stem) are
    analysed: a sentence of fifty words usually holds two or three such words. `heads`:
    those offsets in `text`, ascending, when the caller has found them already.
    """
    out: list[str] = []
    pos = 0
    hits: set[str] = set()
    total = 0
    if heads is None:
        heads = [at for at, _ in find_heads(text, terms)] if terms else []
    for at in heads:
        if at < pos:
            continue
        m = _token_at(text, at)
        if m is None:
            continue
        stem = analysed(m.group())
        if stem in terms:
            out.append(html.escape(text[pos:m.start()], quote=False))
            out.append("<mark>" + html.escape(m.group(), quote=False) + "</mark>")
            pos = m.end()
            hits.add(stem)
            total += 1
    out.append(html.escape(text[pos:], quote=False))
    # adjacent matches (a phrase) read as one highlighted run
    return _MARK_GAP.sub(r"\1", "".join(out)), len(hits), total


def _token_at(text: str, at: int) -> re.Match | None:
    """The analyser's token starting at `at`, or None if `at` is inside one ("U.S": the S)."""
    if at >= 2 and text[at - 1] == "." and _is_word_char(text[at - 2]):
        start = at - 1
        while start > 0 and (_is_word_char(text[start - 1]) or text[start - 1] == "."):
            start -= 1
        for m in _WORD.finditer(text, start):
            if m.end() > at or m.start() >= at:
                return m if m.start() == at else None
        return None
    return _WORD.match(text, at)


def analysed(word: str) -> str:
    """A word as the index holds it (folded, stemmed), "" for a stop word (never a query
    term): stem_of() applies the analyser's filters to one token without its generator
    chain, 8 us a new word instead of 28 (tests/test_search.py checks they agree)."""
    return stem_of(word.lower()) or ""


@lru_cache(maxsize=1024)
def heads_of(terms: frozenset[str]) -> list[str]:
    """The first letters every word analysing to one of the terms starts with, longest first."""
    return sorted({head(t) for t in terms if t}, key=len, reverse=True)


def head(stem: str) -> str:
    """What a word that stems to `stem` starts with: the stem, less the letters stemming
    may have put at its end (day -> dai, voting -> vote, capability -> capabl). Checked over
    the 61k distinct words of 6,000 news articles: every one starts with its stem's head."""
    if len(stem) >= 2 and stem[-1] in "ie":
        stem = stem[:-1]
    if stem.endswith("bl"):
        stem = stem[:-1]
    return stem[:6]


@lru_cache(maxsize=1024)
def _prefix_pattern(terms: frozenset[str]) -> re.Pattern | None:
    """Any word start a query word may analyse from, case-blind: a stem's first letters
    start any word it came from (happi -> happ)."""
    heads = heads_of(terms)
    if not heads:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + ")", re.IGNORECASE)


def sentences(body: str) -> list[str]:
    """The body's sentences (signatures and similar align on these: the split must not change)."""
    out: list[str] = []
    for para in body.split("\n\n"):
        para = para.strip()
        cut = 0
        for m in _SENTENCE_CUT.finditer(para):  # a split at each boundary, closing quotes kept
            if m.start("close") > cut:
                out.append(para[cut:m.start("close")])
            cut = m.end()
        if len(para) > cut:
            out.append(para[cut:])
    return out


def trim(sentence: str) -> str:
    """Cut an over-long sentence near its first match-free edge so snippets stay short."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, MAX_SENTENCE_CHARS)
    return sentence[: cut if cut > 0 else MAX_SENTENCE_CHARS] + " …"


def sentence_spans(body: str, near: list[int] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `body`, split as sentences() splits, with any closing
    quote kept on its sentence; offsets let one scan of the body serve every sentence.

    With `near` (ascending offsets of words), only the paragraphs holding one are split,
    found around each offset rather than by walking every paragraph of the body.
    """
    if near is None:
        paragraphs: list[tuple[int, int]] = []
        pos = 0
        for para in body.split("\n\n"):
            paragraphs.append((pos, pos + len(para)))
            pos += len(para) + 2
    else:
        paragraphs = []
        for at in near:  # a word is never in a separator, so its paragraph is what lies between two
            if paragraphs and at < paragraphs[-1][1]:
                continue
            start = body.rfind("\n\n", 0, at)
            end = body.find("\n\n", at)
            paragraphs.append((0 if start < 0 else start + 2, len(body) if end < 0 else end))
    spans: list[tuple[int, int]] = []
    for start, end in paragraphs:
        para = body[start:end]
        s0 = start + len(para) - len(para.lstrip())
        s1 = start + len(para.rstrip())
        if s0 >= s1:
            continue
        cut = s0
        for m in _SENTENCE_CUT.finditer(body, s0, s1):
            if m.end("close") > cut:
                spans.append((cut, m.end("close")))
            cut = m.end()
        if s1 > cut:
            spans.append((cut, s1))
    return spans


def fold_in_place(text: str) -> str:
    """Accent folding that keeps every character where it was (ü -> u, æ -> a), so offsets
    found in the folded text hold in the original; only non-ASCII characters are looked at."""
    return text if text.isascii() else _FOLDABLE.sub(_fold_char, text)


def _fold_char(m: re.Match) -> str:
    folded = m.group().translate(accent_map)
    return folded[0] if folded else m.group()


def find_heads(body: str, terms: set[str]) -> list[tuple[int, str]]:
    """(offset, head) where a word that may analyse to a query term starts, in reading order.

    Each head is looked for with str.find over the folded, lowercased body (a C scan,
    far faster than a regex alternation tried at every offset), kept at word starts only.
    """
    heads = heads_of(frozenset(terms))
    needles: list[str] | list[bytes] | None = _byte_heads(frozenset(terms))
    lowered: str | bytes | None = _ascii_lowered(body) if needles is not None else None
    if lowered is not None:  # bytes, one per character: heads are looked for as bytes
        before = body
    else:
        folded = fold_in_place(body)
        lowered = folded.lower()
        if len(lowered) != len(folded):  # lower() moved offsets (rare): the regex on the folded text
            pattern = _prefix_pattern(frozenset(terms))
            return [(m.start(), m.group().lower()) for m in pattern.finditer(folded)] if pattern is not None else []
        needles, before = heads, lowered
    found: dict[int, str] = {}
    for head, needle in zip(heads, needles, strict=True):  # longest first: a longer head wins its offset
        i = lowered.find(needle)
        while i >= 0:
            if (i == 0 or not _is_word_char(before[i - 1])) and i not in found:
                found[i] = head
            i = lowered.find(needle, i + 1)
    return sorted(found.items())


@lru_cache(maxsize=1024)
def _byte_heads(terms: frozenset[str]) -> list[bytes] | None:
    """heads_of(terms) as ASCII bytes, or None if one is not ASCII (it is looked for in text)."""
    heads = heads_of(terms)
    return [h.encode("ascii") for h in heads] if all(h.isascii() for h in heads) else None


def _ascii_lowered(text: str) -> bytes | None:
    """`text` lowercased as ASCII bytes at the same offsets (each other character a '?'),
    or None if it holds a letter accent folding changes (é), which fold_in_place must see.

    Most news text is non-ASCII only for its quotes and dashes, and on such a string
    lower() and the folding scan each cost ~50 us a body; this is ~20.
    """
    raw = text.encode("ascii", "replace")
    if not text.isascii():
        i = raw.find(b"?")
        while i >= 0:
            if text[i] in _FOLDABLE_CHARS:
                return None
            i = raw.find(b"?", i + 1)
    return raw.lower()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def snippet(body: str, terms: set[str]) -> str:
    """Up to three best sentences in reading order, or the lead when nothing matches.

    One regex pass over the (folded) body finds where query words may start; sentences
    are ranked by those hits, and only the best few are analysed to mark the exact
    matches, so a long body costs one scan, not an analysis.
    """
    hits = find_heads(body, terms) if terms else []
    if hits:
        spans = sentence_spans(body, [at for at, _ in hits])
        starts = [a for a, _ in spans]
        per_sentence: dict[int, list[tuple[int, str]]] = {}
        for at, head in hits:
            i = bisect_right(starts, at) - 1
            if i >= 0 and at < spans[i][1]:
                per_sentence.setdefault(i, []).append((at, head))
        rough = sorted(((len({h for _, h in found}), len(found), -i) for i, found in per_sentence.items()),
                       reverse=True)
        scored = []
        for _, _, neg_i in rough[: MAX_FRAGMENTS + 1]:
            a, b = spans[-neg_i]
            text = trim(body[a:b])  # trim cuts at the end only: offsets from `a` hold
            heads = [at - a for at, _ in per_sentence[-neg_i] if at - a < len(text)]
            marked, distinct, total = mark(text, terms, heads)
            if distinct:
                scored.append((distinct, total, neg_i, marked))
        if scored:
            best = sorted(scored, reverse=True)[:MAX_FRAGMENTS]
            best.sort(key=lambda s: -s[2])
            return sanitise(" … ".join(s[3] for s in best))
    lead = body[:LEAD_CHARS]
    if len(body) > LEAD_CHARS:
        lead = lead[: lead.rfind(" ")] + " …" if " " in lead else lead
    return sanitise(html.escape(lead.replace("\n\n", " "), quote=False))


def highlight_title(title: str, terms: set[str]) -> str:
    return sanitise(mark(title, terms)[0] if terms else html.escape(title, quote=False))
