"""Snippets: the sentences around the matches, with matched words in <mark>.

Whoosh's highlighter re-analyses the whole stored body (and only its first 32K
characters by default). Here only sentences that can contain a query term are
analysed, so the whole body is highlightable at a cost proportional to the matches.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import nh3
from whoosh.support.charset import accent_map

from index.schema import text_analyzer

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9À-Ý])")
_MARK_GAP = re.compile(r"</mark>(\s+)<mark>")
MAX_FRAGMENTS = 3
MAX_SENTENCE_CHARS = 320
LEAD_CHARS = 240
_ANALYZER = text_analyzer()  # analysers are stateless once built; building one is the slow part


def fold(text: str) -> str:
    return text.lower().translate(accent_map)


def sanitise(fragment: str) -> str:
    """The last gate before HTML: whatever got here, only bare <mark> survives."""
    return nh3.clean(fragment, tags={"mark"}, attributes={}, strip_comments=True)


def mark(text: str, terms: set[str]) -> tuple[str, int, int]:
    """Escape `text`, wrap tokens whose analysed form is a query term; (html, distinct, total)."""
    out: list[str] = []
    pos = 0
    hits: set[str] = set()
    total = 0
    for tok in _ANALYZER(text, chars=True, removestops=False, mode="index"):
        if tok.text in terms:
            out.append(html.escape(text[pos:tok.startchar], quote=False))
            out.append("<mark>" + html.escape(text[tok.startchar:tok.endchar], quote=False) + "</mark>")
            pos = tok.endchar
            hits.add(tok.text)
            total += 1
    out.append(html.escape(text[pos:], quote=False))
    # adjacent matches (a phrase) read as one highlighted run
    return _MARK_GAP.sub(r"\1", "".join(out)), len(hits), total


def prefix_pattern(terms: Iterable[str]) -> re.Pattern | None:
    """Cheap pre-filter: a stem's first letters start any word it came from (happi -> happ)."""
    heads = sorted({(t[:-1] if t.endswith("i") and len(t) > 3 else t)[:6] for t in terms if t}, key=len, reverse=True)
    if not heads:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + ")", re.IGNORECASE)


def sentences(body: str) -> list[str]:
    out: list[str] = []
    for para in body.split("\n\n"):
        out.extend(s for s in SENTENCE_END.split(para.strip()) if s)
    return out


def trim(sentence: str) -> str:
    """Cut an over-long sentence near its first match-free edge so snippets stay short."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, MAX_SENTENCE_CHARS)
    return sentence[: cut if cut > 0 else MAX_SENTENCE_CHARS] + " …"


def snippet(body: str, terms: set[str]) -> str:
    """Up to three best sentences in reading order, or the lead when nothing matches.

    Sentences are ranked first by a regex over folded text (cheap), and only the best
    few are analysed to mark the exact matches, so long bodies cost little.
    """
    pattern = prefix_pattern(terms) if terms else None
    if pattern is not None:
        rough: list[tuple[int, int, int, str]] = []
        for i, sent in enumerate(sentences(body)):
            found = pattern.findall(fold(sent))
            if found:
                rough.append((len({f.lower() for f in found}), len(found), -i, sent))
        rough.sort(reverse=True)
        scored = []
        for _, _, neg_i, sent in rough[: MAX_FRAGMENTS + 1]:
            marked, distinct, total = mark(trim(sent), terms)
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
