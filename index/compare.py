"""Compare two articles passage by passage: what both say, what only one says, who is quoted.

Built on the sentence profiles of index.similar, so the compare page and the
similar-coverage labels measure reuse the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh.searching import Searcher

from index.articles import get_article
from index.model import Article
from index.similar import EXACT_SENTENCE, SAME_SENTENCE, Profile, alignment, jaccard, profile, shares, words

QUOTE = re.compile(r"[\"“]([^\"”]{12,600})[\"”]")
SAID_AFTER = re.compile(r"^[,.]?\s*(?:(?P<who1>(?:[A-Z][\w'’.-]+\s){0,3}[A-Z][\w'’.-]+|he|she|they)\s+"
                        r"(?:said|says|told|added|wrote)|(?:said|says|told|added|wrote)\s+"
                        r"(?P<who2>(?:[A-Z][\w'’.-]+\s?){1,4}))")
SAID_BEFORE = re.compile(r"(?P<who>(?:[A-Z][\w'’.-]+\s){0,3}[A-Z][\w'’.-]+)\s+(?:said|says|told|added|wrote)\b"
                         r"[^.!?\"“”]{0,60}$")


@dataclass(slots=True)
class Passage:
    a: str | None  # the sentence in the first article (None: only the second has it)
    b: str | None
    similarity: float
    kind: str  # "same" | "reworded" | "only-a" | "only-b"


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    match: str | None = None  # the matching quote in the other article
    similarity: float = 0.0


@dataclass(slots=True)
class Comparison:
    a: Article
    b: Article
    passages: list[Passage]
    a_in_b: float  # share of a's text that b contains (reworded or verbatim)
    b_in_a: float
    a_verbatim_in_b: float
    b_verbatim_in_a: float
    quotes_a: list[Quote] = field(default_factory=list)
    quotes_b: list[Quote] = field(default_factory=list)


def quotes(text: str) -> list[Quote]:
    """Quoted statements with the speaker when the sentence names one next to the quote."""
    out = []
    for m in QUOTE.finditer(text):
        # "...," Putin said: attribution follows only when the quote ends on a comma (or ?/!)
        follows = m.group(1).rstrip()[-1:] in ",?!" or text[m.end():m.end() + 1] == ","
        after = SAID_AFTER.match(text[m.end():m.end() + 80].split("\n")[0]) if follows else None
        before = SAID_BEFORE.search(text[max(0, m.start() - 80):m.start()].split("\n")[-1])
        who = None
        if after:
            who = after.group("who1") or after.group("who2")
        elif before:
            who = before.group("who")
        if who and who.lower() in ("he", "she", "they"):
            who = None
        out.append(Quote(text=m.group(1).strip().rstrip(","), speaker=speaker_name(who) if who else None))
    return out


def match_quotes(qa: list[Quote], qb: list[Quote]) -> None:
    """Pair each quote with its closest counterpart (word overlap), tolerating small rewording."""
    sets_b = [frozenset(s for s, _ in words(q.text)) for q in qb]
    for q in qa:
        mine = frozenset(s for s, _ in words(q.text))
        best, best_j = 0.0, -1
        for j, other in enumerate(sets_b):
            sim = jaccard(mine, other)
            if sim > best:
                best, best_j = sim, j
        if best >= SAME_SENTENCE:
            q.match, q.similarity = qb[best_j].text, round(best, 3)
            qb[best_j].match, qb[best_j].similarity = q.text, round(best, 3)


def passages(pa: Profile, pb: Profile) -> list[Passage]:
    """Sentences of a in order, each beside its match in b; b's unmatched sentences follow their neighbours."""
    aligned = alignment(pa, pb)
    used_b: dict[int, int] = {}  # b sentence -> index of its passage
    out: list[Passage] = []
    for sent, (j, sim) in zip(pa.sentences, aligned, strict=True):
        if sim >= SAME_SENTENCE and j not in used_b:
            used_b[j] = len(out)
            out.append(Passage(sent, pb.sentences[j], round(sim, 3), "same" if sim >= EXACT_SENTENCE else "reworded"))
        else:
            out.append(Passage(sent, None, round(sim, 3), "only-a"))
    # each sentence only b has goes right after the passage holding b's previous matched sentence
    inserts: dict[int, list[Passage]] = {}
    anchor = -1
    for j, sent in enumerate(pb.sentences):
        if j in used_b:
            anchor = max(anchor, used_b[j])
        else:
            inserts.setdefault(anchor, []).append(Passage(None, sent, 0.0, "only-b"))
    merged = inserts.get(-1, [])
    for k, passage in enumerate(out):
        merged.append(passage)
        merged.extend(inserts.get(k, []))
    return merged


def compare(searcher: Searcher, aid: str, bid: str, cache: dict | None = None) -> Comparison:
    """Side-by-side comparison of two articles (ArticleNotFound if either id is unknown)."""
    a, b = get_article(searcher, aid), get_article(searcher, bid)
    pa, pb = profile(searcher, a, cache), profile(searcher, b, cache)
    ra, ea = shares(pa, alignment(pa, pb))
    rb, eb = shares(pb, alignment(pb, pa))
    qa, qb = quotes(a.body), quotes(b.body)
    match_quotes(qa, qb)
    return Comparison(a=a, b=b, passages=passages(pa, pb), a_in_b=round(ra, 3), b_in_a=round(rb, 3),
                      a_verbatim_in_b=round(ea, 3), b_verbatim_in_a=round(eb, 3), quotes_a=qa, quotes_b=qb)


def speaker_name(who: str) -> str:
    """The name without the sentence's full stop ('said Yoon Suk Yeol.'), keeping 'Jr.' and initials."""
    return re.sub(r"(?<=[a-z]{2})[.,]$", "", who.strip())
