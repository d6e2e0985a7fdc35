"""One search function for every front end: page, fragment, JSON, CSV and CLI.

It parses the query leniently (a malformed query is searched as words, and the page
says what was ignored), matches once, then derives total, facets and the page of hits
from that one match set, so counts and results can never disagree.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import numpy as np
from whoosh import query as wq
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

from index import stories
from index.facets import Columns, date_facet, outlet_facet
from index.model import CopyRef, Facet, Hit, SearchPage, SearchRequest
from index.postings import bounded, fast_match, top_candidates
from index.query import ParsedQuery, parse_query, parser_for, query_terms
from index.ranking import CANDIDATES, rescore
from index.snippets import highlight_title, snippet
from index.store import LRU, memoised

PAGE_CACHE = 128  # recent distinct requests per worker (back-navigation, facet toggles); ~0.2 MB each at 33k
STORY_PREVIEW = 3  # stories shown beside the article list (the Stories tab lists them all)
SUGGEST_BELOW = 3  # offer "did you mean" when a query finds fewer results than this
FALLBACK_SECONDS = 2.0  # budget of a query on Whoosh's own matchers before it returns what it found


def columns_for(searcher: Searcher, cache: dict | None) -> Columns:
    """Columns are per reader generation; callers pass a cache that lives as long as it."""
    return memoised(cache, "columns", lambda: Columns.load(searcher))


def matching_docs(searcher: Searcher, q: wq.Query | None, cols: Columns) -> np.ndarray:
    if q is None:
        return np.flatnonzero(cols.live).astype(np.int32)
    return np.fromiter(searcher.docs_for_query(q), dtype=np.int32)


def whoosh_match(searcher: Searcher, q: wq.Query,
                 deadline: float) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Matches and scores from Whoosh's own matchers, for queries the fast path does not take.

    Whoosh walks one document at a time in Python, and some queries (a negated wildcard
    in an OR, say) walk a very long way; past `deadline` the walk stops and what was found
    is ranked, with a note, rather than holding the request (and a worker) for minutes.
    """
    n = searcher.doc_count_all()
    score = np.zeros(n, dtype=np.float64)
    found: list[int] = []
    notes: list[str] = []
    q = bounded(q, searcher.reader(), notes)
    context = searcher.context()
    late = False
    for sub, offset in searcher.leaf_searchers():
        if late or time.perf_counter() > deadline:
            late = True
            break
        try:
            m = q.matcher(sub, context)
        except TermNotFound:
            continue
        while m.is_active():
            d = m.id() + offset
            found.append(d)
            score[d] = m.score()
            if time.perf_counter() > deadline:
                late = True
                break
            m.next()
    docs = np.asarray(sorted(set(found)), dtype=np.int32)
    if late:
        notes.append(f"the query took longer than {FALLBACK_SECONDS:g} s; results found until then are shown "
                     f"(a simpler query searches the whole index)")
    return docs, score, notes


def search(searcher: Searcher, req: SearchRequest, cache: dict | None = None) -> SearchPage:
    """Answer one request for every front end, so page, JSON, CSV and CLI never disagree.

    `cache` lives as long as the searcher's generation (IndexHandle.cache()): facet
    clicks and back-navigation repeat requests, so whole pages are memoised in it.
    """
    pages = page_memo(cache)
    page = pages.get(req) if pages is not None else None
    if page is None:
        page = compute(searcher, req, cache)
        if pages is not None:
            pages.put(req, page)
    return page


def page_memo(cache: dict | None) -> LRU | None:
    """Whole result pages of this generation, keyed by the normalised request."""
    return None if cache is None else memoised(cache, "pages", lambda: LRU(PAGE_CACHE))


def compute(searcher: Searcher, req: SearchRequest, cache: dict | None) -> SearchPage:
    started = time.perf_counter()
    parsed = parsed_query(req.q, searcher, cache)
    q, ignored = parsed.query, list(parsed.ignored)
    cols = columns_for(searcher, cache)
    fast = fast_match(searcher, q, cache) if q is not None else None
    if q is not None and fast is None:
        fast = whoosh_match(searcher, q, started + FALLBACK_SECONDS)
    scores = fast[1] if fast else None
    docs = fast[0] if fast else matching_docs(searcher, q, cols)
    if fast:
        ignored = ignored + [n for n in dict.fromkeys(fast[2]) if n not in ignored]  # title and body say it twice
    docs = docs[cols.live[docs]]
    qmask = cols.date_mask(parsed.date_from, parsed.date_to)  # date: clauses bind like words
    if qmask is not None:
        docs = docs[qmask[docs]]
    story = None
    if req.story:  # a story filter binds like words too: facets count within the story
        inside = stories.members(searcher, req.story, cache)
        docs = docs[np.isin(docs, inside)]
        if inside.size:
            story = stories.describe(searcher, int(inside[0]), inside, docs.astype(np.int64),
                                     stories.story_days(searcher, cache), cache, max_ids=0)
        else:  # a link from before a reindex: say so, like any other part of a search not understood
            ignored = ignored + [f"no article {req.story[:80]!r} names a story in this index (it may have "
                                 f"been reindexed); remove the story filter to search everything"]
    omask = cols.outlet_mask(req.outlets)
    dmask = cols.date_mask(req.date_from, req.date_to)
    in_outlets = docs if omask is None else docs[omask[docs]]
    in_dates = docs if dmask is None else docs[dmask[docs]]
    allowed = in_outlets if dmask is None else in_outlets[dmask[in_outlets]]
    facets: dict[str, Facet] = {}
    if req.facets:
        facets["outlet"] = outlet_facet(cols, in_dates, req)
        facets["date"] = date_facet(cols, in_outlets, req)
    filtered = omask is not None or dmask is not None or qmask is not None or bool(req.story)
    heads = stories.copy_heads(searcher, cache) if req.collapse else None
    total = int(len(allowed)) if heads is None else int(np.count_nonzero(np.bincount(heads[allowed])))
    hits = [] if req.view == "stories" else page_of_hits(searcher, q, req, cols, allowed, filtered=filtered,
                                                         scores=scores, cache=cache, heads=heads)
    page = SearchPage(request=req, total=total, hits=hits, facets=facets, ignored=ignored,
                      folded=int(len(allowed)) - total, story=story)
    if req.view == "stories":  # the Stories tab: a page of them
        page.stories_total, page.stories = stories.listing(
            searcher, allowed, cache, (req.page - 1) * req.per_page, req.per_page)
    elif req.facets:  # beside the articles: the biggest few, and how many there are
        page.stories_total, page.stories = stories.listing(searcher, allowed, cache, 0, STORY_PREVIEW)
    if q is not None and page.total < SUGGEST_BELOW and req.q.strip():
        page.suggestion = suggest(searcher, q, req.q, page.total, cache, started + FALLBACK_SECONDS)
    page.took_ms = round((time.perf_counter() - started) * 1000, 2)
    return page


def parsed_query(text: str, searcher: Searcher, cache: dict | None) -> ParsedQuery:
    """parse_query, memoised per generation: facet clicks, paging and tabs repeat the words
    typed, and Whoosh's parser costs ~0.5 ms a query. Callers must not change the result
    (Whoosh query objects are not changed by matching; `ignored` is copied by the caller)."""
    memo = memoised(cache, "parsed", lambda: LRU(4 * PAGE_CACHE))  # without a cache, one for this call
    parsed = memo.get(text)
    if parsed is None:
        parser = memoised(cache, "query_parser", lambda: parser_for(searcher.schema))
        parsed = memo.put(text, parse_query(text, searcher.schema, parser))
    return parsed


def page_of_hits(searcher: Searcher, q: wq.Query | None, req: SearchRequest, cols: Columns,
                 allowed: np.ndarray, filtered: bool, scores: np.ndarray | None = None,
                 cache: dict | None = None, heads: np.ndarray | None = None) -> list[Hit]:
    """One page of hits in request order; with `heads` (collapse), one hit per copy group."""
    start = (req.page - 1) * req.per_page
    wanted = start + req.per_page
    if start >= len(allowed):
        return []
    terms = terms_for(searcher, q, req)

    def ordered(k: int) -> list[tuple[int, float]]:
        """The first k of `allowed` in request order, with their scores."""
        if req.sort == "relevance" and q is not None:
            if scores is not None:  # numpy path: scores for every match are already known
                first = top_candidates(allowed, scores, max(k, CANDIDATES))
            else:
                flt = set(allowed.tolist()) if filtered else None
                results = searcher.search(q, limit=max(k, CANDIDATES), filter=flt)
                first = [(hit.docnum, hit.score) for hit in results]
            return rescore(searcher, q, first, cache)
        # date order from the day column: undated articles go last either way
        days = cols.day[allowed].astype(np.int64)
        key = np.where(days > 0, -days if req.sort != "oldest" else days, 10**8)
        order = np.lexsort((allowed, key))
        return [(int(d), 0.0) for d in allowed[order][:k]]

    if heads is None:
        return [make_hit(searcher, d, sc, terms, req.snippets) for d, sc in ordered(wanted)[start:wanted]]
    k = wanted
    while True:  # copies take places in the ranking: widen it until the page has its groups
        ranked = ordered(k)
        groups = list(dict.fromkeys(int(heads[d]) for d, _ in ranked))
        if len(groups) >= wanted or len(ranked) >= len(allowed):
            break
        k = min(len(allowed), max(k, len(ranked)) * 4)
    best = {}
    for d, sc in ranked:
        best.setdefault(int(heads[d]), sc)
    return [folded_hit(searcher, h, best[h], allowed, heads, cols, terms, req.snippets)
            for h in groups[start:wanted]]


def folded_hit(searcher: Searcher, head: int, score: float, allowed: np.ndarray, heads: np.ndarray,
               cols: Columns, terms: set[str], with_snippet: bool) -> Hit:
    """A copy group's hit: its earliest matching version, at the rank of its best-ranked one.

    The copies listed are every other match of the group (verbatim or reworded, as grouped
    at index time), earliest first, so none of them turns up again on a later page.
    """
    group = allowed[heads[allowed] == head].astype(np.int64)
    day = cols.day[group].astype(np.int64)
    group = group[np.lexsort((group, np.where(day > 0, day, 10**8)))]
    return make_hit(searcher, int(group[0]), score, terms, with_snippet, [int(d) for d in group[1:]])


def terms_for(searcher: Searcher, q: wq.Query | None, req: SearchRequest) -> set[str]:
    return query_terms(q, searcher) if (q is not None and req.snippets) else set()


def make_hit(searcher: Searcher, docnum: int, score: float, terms: set[str], with_snippet: bool,
             copies: list[int] | None = None) -> Hit:
    f = searcher.stored_fields(docnum)
    date = f.get("date")
    refs = [copy_ref(searcher.stored_fields(c)) for c in copies or []]
    return Hit(
        id=f["id"],
        title=f["title"],
        title_html=highlight_title(f["title"], terms),
        snippet=snippet(f["body"], terms) if with_snippet else "",
        score=round(float(score), 4),
        outlet=f.get("outlet") or None,
        date=date.date() if date else None,
        dateline=f.get("dateline") or None,
        url=f.get("url") or None,
        word_count=int(f.get("word_count") or 0),
        copy_refs=refs,
    )


def copy_ref(f: dict) -> CopyRef:
    date = f.get("date")
    return CopyRef(id=f["id"], outlet=f.get("outlet") or None, date=date.date() if date else None)


def suggest(searcher: Searcher, q: wq.Query, text: str, found: int, cache: dict | None = None,
            deadline: float | None = None) -> str | None:
    """A corrected query, offered only if it actually finds more than the original.

    The correction is counted like any search (fast path, else Whoosh's matchers with the
    expansions capped and the request's time limit): '*e* OR NOT zzz' corrected and
    counted with Whoosh's docs_for_query took 68 s on the 33k index.
    """
    if any(isinstance(leaf, wq.MultiTerm) for leaf in q.leaves()):  # a pattern asks for variants already
        return None
    try:
        corrected = searcher.correct_query(q, text, prefix=1, maxdist=2)
    except Exception:  # correction is a nicety; it must never break a search
        return None
    if corrected.string == text or corrected.query is None:
        return None
    counted = fast_match(searcher, corrected.query, cache)
    if counted is None:
        counted = whoosh_match(searcher, corrected.query, deadline or time.perf_counter() + FALLBACK_SECONDS)
        if counted[2]:  # capped or cut short: its count says too little to recommend it
            return None
    return corrected.string if len(counted[0]) > found else None


def iter_all(searcher: Searcher, req: SearchRequest, cache: dict | None = None, batch: int = 500) -> Iterator[Hit]:
    """Every matching hit in request order, page by page: CSV export streams from this."""
    page = 1
    lean = SearchRequest(**{**{f: getattr(req, f) for f in req.__dataclass_fields__},
                            "facets": False, "snippets": False, "per_page": batch, "page": 1,
                            "view": "articles"})
    while True:
        result = search(searcher, lean.but(page=page), cache)
        yield from result.hits
        if not result.has_next:
            return
        page += 1
