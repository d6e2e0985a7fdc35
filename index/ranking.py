"""Second-stage ranking: reward query words that stand close together, in body or title.

BM25F alone ranks a document with one rare headline word above the article that holds
all five remembered words of a passage in one sentence. Running a sloppy phrase over
every match is slow in Whoosh, so only the first-stage top candidates are rescored,
from the positions already stored in the postings.
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh import query as wq
from whoosh.searching import Searcher

from index.postings import Postings

CANDIDATES = 100  # first-stage hits rescored (200 gained 0.002 passage MRR for twice the time)
BM25_WEIGHT = 0.5  # weights tuned with bench/relevance.py on seeds 1 and 2 (see bench/RESULTS.md)
BODY_WEIGHT = 2.0
TITLE_WEIGHT = 4.0
OUT_OF_ORDER = 0.7  # a tight run of the words in another order than typed is weaker evidence of a passage
TITLE_SHARE = 0.5  # part of the headline bonus that grows with the share of the title the query words make up
# (OUT_OF_ORDER, TITLE_SHARE: checked on relevance.py seeds 1-4, each flat within 0.002 MRR over 0.33-0.75, 0.5-1.0)


def positive_words(q: wq.Query) -> list[str]:
    """Plain words the user asked for (not negated, not phrases), in query order."""
    words: list[str] = []

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.Term) and node.fieldname in ("body", "title"):
            text = node.text.decode("utf-8") if isinstance(node.text, bytes) else node.text
            if text not in words:
                words.append(text)
            return
        if isinstance(node, (wq.And, wq.Or, wq.AndMaybe, wq.Require)) or hasattr(node, "subqueries"):
            for sub in node.children():
                walk(sub)

    walk(q)
    return words


def positions(searcher: Searcher, field: str, words: list[str], docnums: list[int],
              cache: dict | None = None) -> dict[int, dict[str, list[int]]]:
    """Positions of each word in each candidate, read from the postings in one pass per word."""
    out: dict[int, dict[str, list[int]]] = {d: {} for d in docnums}
    store = cache.get("postings") if cache is not None else None
    if store is not None:  # block-indexed reads through the shared posting store (index.postings)
        p = Postings(searcher, store)
        for word in words:
            for d, ps in p.positions(field, word, docnums).items():
                out[d][word] = ps
        return out
    reader = searcher.reader()
    ordered = sorted(docnums)
    for word in words:
        try:
            m = reader.postings(field, word)
        except Exception:  # the word does not occur in this field at all
            continue
        for d in ordered:
            if not m.is_active():
                break
            if m.id() < d:
                m.skip_to(d)
                if not m.is_active():
                    break
            if m.id() == d:
                out[d][word] = list(m.value_as("positions"))
    return out


def min_span(found: dict[str, list[int]]) -> int:
    """Length of the shortest stretch of text holding every word found (classic sliding window)."""
    events = sorted((p, w) for w, ps in found.items() for p in ps)
    need = len(found)
    counts: dict[str, int] = {}
    have = 0
    best = 10**9
    left = 0
    for pos, word in events:
        counts[word] = counts.get(word, 0) + 1
        if counts[word] == 1:
            have += 1
        while have == need:
            best = min(best, pos - events[left][0] + 1)
            lw = events[left][1]
            counts[lw] -= 1
            if counts[lw] == 0:
                have -= 1
            left += 1
    return best


def in_order(found: dict[str, list[int]], words: list[str]) -> bool:
    """Do the words present appear in the order the user typed them?"""
    pos = -1
    for w in words:
        ps = found.get(w)
        if not ps:
            continue
        nxt = next((p for p in ps if p > pos), None)
        if nxt is None:
            return False
        pos = nxt
    return True


def features(found: dict[str, list[int]], words: list[str]) -> tuple[float, float, bool]:
    """(coverage, tightness, in order) of the query words in one field of one document."""
    if not found:
        return 0.0, 0.0, False
    coverage = len(found) / len(words)
    if len(found) == 1:
        return coverage, 0.0, True
    # a run of n content words spans about 1.5n positions once stop words are counted
    tight = min(1.0, (1.5 * len(found)) / min_span(found))
    return coverage, tight, in_order(found, words)


def title_share(found: dict[str, list[int]], title_length: float) -> float:
    """Fraction of the title's indexed words that are query words (1.0: the query is the whole title)."""
    if not found:
        return 0.0
    return len(found) / max(title_length, len(found))


def bonus(body: tuple[float, float, bool], title: tuple[float, float, bool], share: float = 1.0) -> float:
    """Evidence that this is the article the words came from.

    Body: all the words in one tight run (a remembered passage), more so in the typed
    order (a sentence remembered is retyped in its order). Title: all the words
    (a partial match says little: coverage is raised to a high power), more so when they
    stand close together and in the typed order (a remembered headline), and more so when
    they make up more of the title (`share`): three words remembered from a headline are
    a larger part of a short one, while a long title holds many word sets by chance.
    """
    b_cov, b_tight, b_order = body
    t_cov, t_tight, t_order = title
    passage = b_cov ** 4 * b_tight * (1.0 if b_order else OUT_OF_ORDER)
    headline = t_cov ** 16 * (0.6 + 0.4 * t_tight) * (1.0 + 1.5 * t_order)
    headline *= (1.0 - TITLE_SHARE) + TITLE_SHARE * share
    return BODY_WEIGHT * passage + TITLE_WEIGHT * headline


def title_lengths(searcher: Searcher, docnums: list[int], cache: dict | None = None) -> dict[int, float]:
    """Indexed length of each candidate's title (stop words left out), as BM25F stores it."""
    store = cache.get("postings") if cache is not None else None
    if store is not None:
        lengths = Postings(searcher, store).lengths("title")
        return {d: float(lengths[d]) for d in docnums}
    reader = searcher.reader()
    return {d: float(reader.doc_field_length(d, "title", 0)) for d in docnums}


def rescore(searcher: Searcher, q: wq.Query, scored: Iterable[tuple[int, float]],
            cache: dict | None = None) -> list[tuple[int, float]]:
    """Re-order first-stage hits by BM25 (normalised to the best hit) plus proximity evidence."""
    scored = list(scored)
    words = positive_words(q)
    if len(words) < 2 or len(scored) < 2:
        return scored
    docnums = [d for d, _ in scored]
    top = max(s for _, s in scored) or 1.0
    body = positions(searcher, "body", words, docnums, cache)
    title = positions(searcher, "title", words, docnums, cache)
    tlen = title_lengths(searcher, docnums, cache)
    out = [(d, BM25_WEIGHT * s / top + bonus(features(body[d], words), features(title[d], words),
                                             title_share(title[d], tlen[d])))
           for d, s in scored]
    out.sort(key=lambda x: (-x[1], x[0]))
    return out
