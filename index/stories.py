"""Stories across the corpus: same-story coverage grouped at index time, copies folded in results.

save() runs once per build, on the features index.signatures stored: articles within a
week of each other that share enough key terms are one story (compared only inside
sliding date windows, so the work grows with the coverage of each week, not with n²),
and near-verbatim copies (MinHash LSH) or reworded ones (sentence alignment) form copy
groups led by their earliest version. Both are one int32 per document in the generation
folder, so listing stories for a search or folding copies is array lookups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy import sparse
from whoosh.searching import Searcher

from index import manifest
from index.model import Hit, SearchRequest, Story
from index.signatures import BANDS, EMPTY, ROWS, Features, band_keys
from index.store import memoised

STORY_FILE = "stories.npy"  # per document: the docnum that names its story
COPY_FILE = "copies.npy"  # per document: the earliest version of its copy group (itself if none)
STORY_EDGE = 0.4  # key-term overlap (shared / smaller set) that joins two articles into one story
STORY_DAYS = 7  # the two must be at most this far apart
STORY_SPAN = 14  # and a story never spans more than this, so a running topic does not chain into one
COPY_RESEMBLANCE = 0.5  # MinHash estimate of shared 4-word shingles: a candidate copy
COPY_DAYS = STORY_DAYS  # dated copies run within a week of each other; further apart they share a site's template
COPY_RELATIONS = ("duplicate", "rewrite")  # what sentence alignment must say of a candidate for it to be a copy
REWRITE_CHECK = 0.5  # key-term overlap from which a pair is aligned sentence by sentence (rewrite test)
UNDATED_NEIGHBOURS = 10  # key-term neighbours of an undated article tested as story links
BUCKET_CAP = 64  # an LSH bucket larger than this is boilerplate shared by a site, not a copy
LISTED_IDS = 5  # a listed story names its first few matching articles (each id is a stored-fields read);
#               its search_url (?story=) lists them all


class UnionFind:
    def __init__(self, n: int, days: np.ndarray):
        self.parent = np.arange(n)
        self.lo = np.where(days > 0, days, 0).astype(np.int64)
        self.hi = self.lo.copy()

    def find(self, i: int) -> int:
        p = self.parent
        while p[i] != i:
            p[i] = p[p[i]]
            i = p[i]
        return int(i)

    def union(self, a: int, b: int, span: int | None = None) -> None:
        """Join a and b; with span, only if the merged date range stays within it."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        lo = min(x for x in (self.lo[ra], self.lo[rb]) if x) if self.lo[ra] or self.lo[rb] else 0
        hi = max(self.hi[ra], self.hi[rb])
        if span is not None and lo and hi - lo > span:
            return
        self.parent[max(ra, rb)] = min(ra, rb)
        self.lo[min(ra, rb)], self.hi[min(ra, rb)] = lo, hi

    def labels(self) -> np.ndarray:
        return np.fromiter((self.find(i) for i in range(len(self.parent))), dtype=np.int32, count=len(self.parent))


def story_edges(feats: Features) -> list[tuple[float, int, int]]:
    """(overlap, a, b) for pairs sharing >= STORY_EDGE of their key terms, dated ones within STORY_DAYS."""
    key = np.asarray(feats.key)
    days = np.asarray(feats.days).astype(np.int64)
    nk = (key != 0).sum(axis=1)
    terms, col = np.unique(key, return_inverse=True)
    col = col.reshape(key.shape)
    rows = np.repeat(np.arange(feats.n), key.shape[1])
    live = key.ravel() != 0
    m = sparse.csr_matrix((np.ones(int(live.sum()), np.float32), (rows[live], col.ravel()[live])),
                          shape=(feats.n, len(terms)))
    dated = np.flatnonzero(days > 0)
    dated = dated[np.argsort(days[dated], kind="stable")]
    dd = days[dated]
    edges: list[tuple[float, int, int]] = []
    start = 0
    while start < len(dated):
        end = int(np.searchsorted(dd, dd[start] + STORY_DAYS, "left"))  # block: one week of articles
        reach = int(np.searchsorted(dd, dd[start] + 2 * STORY_DAYS, "right"))  # and the week after
        block, near = dated[start:end], dated[start:reach]
        shared = (m[block] @ m[near].T).tocoo()
        a, b = block[shared.row], near[shared.col]
        ov = shared.data / np.maximum(np.minimum(nk[a], nk[b]), 1)
        # a pair inside the block is seen twice (keep a < b); one reaching into the next week only
        # from this block, whatever the docnum order, or stories would depend on source order
        once = np.where(shared.col < len(block), a < b, a != b)
        ok = once & (ov >= STORY_EDGE) & (np.abs(days[a] - days[b]) <= STORY_DAYS)
        lo, hi = np.minimum(a, b)[ok], np.maximum(a, b)[ok]
        edges += zip(ov[ok].tolist(), lo.tolist(), hi.tolist(), strict=True)
        start = end
    for a in np.flatnonzero(days == 0).tolist():  # undated: no window to search, so its key-term neighbours
        for b in feats.by_key_terms(a, UNDATED_NEIGHBOURS):
            ov = np.intersect1d(key[a][key[a] != 0], key[b][key[b] != 0]).size / max(min(nk[a], nk[b]), 1)
            if ov >= STORY_EDGE and (days[b] > 0 or a < b):
                edges.append((float(ov), min(a, b), max(a, b)))
    return edges


def copy_edges(feats: Features, story: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Pairs that are one text: LSH band hits with high resemblance, or story pairs that align as rewrites.

    Every pair is confirmed by sentence alignment (index.similar.relate), and dated ones must
    be at most COPY_DAYS apart: over the 33k AllSides articles, alignment confirmed 180 of
    1,736 MinHash pairs (the rest shared one rare shingle, which the current MinHash picks as
    its minimum under most permutations, or a site's template), and 56 of those 180 were
    pages of one site months apart; unchecked, "Fold copies" hid unrelated articles.
    """
    from index.similar import relate

    days = np.asarray(feats.days).astype(np.int64)
    mh = np.asarray(feats.minhash, dtype=np.uint64)
    empty = (np.asarray(feats.minhash) == EMPTY).all(axis=1)
    pairs: set[tuple[int, int]] = set()
    for b in range(BANDS):
        keys = band_keys(mh[:, b * ROWS:(b + 1) * ROWS])
        order = np.argsort(keys, kind="stable")
        k = keys[order]
        cuts = np.flatnonzero(np.diff(k)) + 1
        for grp in np.split(order, cuts):
            if 1 < len(grp) <= BUCKET_CAP:
                g = sorted(int(x) for x in grp if not empty[x])
                pairs.update((g[i], g[j]) for i in range(len(g)) for j in range(i + 1, len(g)))
    out = []
    for a, b in sorted(pairs):
        close = not (days[a] and days[b]) or abs(int(days[a]) - int(days[b])) <= COPY_DAYS
        if (close and (mh[a] == mh[b]).mean() >= COPY_RESEMBLANCE
                and relate(feats, a, b)[0] in COPY_RELATIONS):
            out.append((a, b))
    checked = set(out)
    for ov, a, b in story:
        if ov >= REWRITE_CHECK and (a, b) not in checked and relate(feats, a, b)[0] in COPY_RELATIONS:
            out.append((a, b))
    return out


def save(folder: Path, feats: Features) -> None:
    """Group the generation into stories and copy groups; called by the build before the switch."""
    days = np.asarray(feats.days).astype(np.int64)
    story = story_edges(feats)
    copies = copy_edges(feats, story)
    groups = UnionFind(feats.n, days)
    for a, b in copies:  # capped like stories, so a chain of copies cannot reach across months
        groups.union(a, b, span=STORY_SPAN)
    first = groups.labels()
    stories = UnionFind(feats.n, days)
    for a, b in copies:  # a copy belongs to its original's story, however late it ran
        stories.union(a, b)
    for _, a, b in sorted(story, reverse=True):  # strongest links first, so the span cap drops the weak ones
        stories.union(a, b, span=STORY_SPAN)
    np.save(Path(folder) / STORY_FILE, stories.labels())
    np.save(Path(folder) / COPY_FILE, earliest(first, days))


def earliest(labels: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Map each group label to its earliest dated member (undated last, then lowest docnum)."""
    key = np.where(days > 0, days, np.iinfo(np.int64).max)
    order = np.lexsort((np.arange(len(labels)), key, labels))
    lab = labels[order]
    heads = order[np.r_[True, lab[1:] != lab[:-1]]] if len(lab) else order
    head_of = dict(zip(labels[heads].tolist(), heads.tolist(), strict=True))
    return np.fromiter((head_of[x] for x in labels.tolist()), dtype=np.int32, count=len(labels))


def groups(searcher: Searcher, cache: dict | None) -> tuple[np.ndarray, np.ndarray] | None:
    """(story label, earliest copy) per document for the searcher's generation, loaded once."""
    def build() -> tuple[np.ndarray, np.ndarray] | None:
        folder = Path(searcher._ix.storage.folder)
        if not ((folder / STORY_FILE).exists() and (folder / COPY_FILE).exists()):
            return None
        out = (np.load(folder / STORY_FILE), np.load(folder / COPY_FILE))
        return out if len(out[0]) == searcher.doc_count_all() else None

    return memoised(cache, "stories", build)


def listing(searcher: Searcher, docs: np.ndarray, cache: dict | None, start: int, count: int,
            min_articles: int = 2) -> tuple[int, list[Story]]:
    """(how many stories the matches belong to, stories start..start+count of them in order).

    Most-matched first (ties: most recent). Pass the search's whole match set (not one page).
    Stories with fewer than min_articles articles in the corpus are single articles, left out.

    Vectorised over the match set (bincounts per story label), so listing the stories of
    the whole corpus costs about what a facet count does; only the listed ones are described.
    """
    g = groups(searcher, cache)
    docs = np.asarray(docs, dtype=np.int64)
    if g is None or not docs.size:
        return 0, []
    label, sizes = g[0], story_sizes(searcher, cache)
    days = story_days(searcher, cache)
    mine = label[docs]
    counts = np.bincount(mine, minlength=len(label))
    cand = np.flatnonzero((counts > 0) & (sizes >= min_articles))
    if not cand.size or count <= 0:
        return int(cand.size), []
    latest = np.zeros(len(label), dtype=np.int64)
    np.maximum.at(latest, mine, days[docs])
    order = cand[np.lexsort((cand, -latest[cand], -counts[cand]))][start:start + count]
    out = [story_with(searcher, head_of(searcher, sid, days, cache), sid, docs[mine == sid], days, cache, LISTED_IDS)
           for sid in order.tolist()]
    return int(cand.size), out


def warm(searcher: Searcher, cache: dict, stop: Callable[[], bool]) -> None:
    """Describe every story's head (headline, size, outlets, span) ahead of the searches that
    list it, biggest stories first: otherwise a results page's stories preview pays for its
    stories' first stored-fields reads, ~1 ms of a first-time search at 33k documents."""
    if groups(searcher, cache) is None:
        return
    sizes, days = story_sizes(searcher, cache), story_days(searcher, cache)
    doc_ids(searcher, cache)  # the manifest's ids, which name a listed story's articles
    cache.setdefault("story_heads", {})  # what head_of fills
    listed = np.flatnonzero(sizes >= 2)
    for sid in listed[np.argsort(-sizes[listed], kind="stable")].tolist():
        if stop():
            return
        head_of(searcher, sid, days, cache)


def head_of(searcher: Searcher, sid: int, days: np.ndarray, cache: dict | None) -> dict:
    """A story's own headline, size, outlets and span, the same for every search: described
    once per generation (cached) whether a search lists it first or the warm-up does."""
    heads = cache.setdefault("story_heads", {}) if cache is not None else {}
    head = heads.get(sid)
    if head is None:
        by_story, bounds = story_index(searcher, cache)
        head = heads[sid] = story_head(searcher, by_story[bounds[sid]:bounds[sid + 1]], days, cache)
    return head


def describe(searcher: Searcher, sid: int, members: np.ndarray, matched: np.ndarray, days: np.ndarray,
             cache: dict | None = None, max_ids: int | None = LISTED_IDS) -> Story:
    """Headline and first outlet from the earliest member; counts and span from the columns."""
    return story_with(searcher, story_head(searcher, members, days, cache), sid, matched, days, cache, max_ids)


def story_head(searcher: Searcher, members: np.ndarray, days: np.ndarray, cache: dict | None) -> dict:
    """What a story shows whatever matched in it: earliest member's title and outlet, size, outlets, span."""
    from index.search import columns_for

    key = np.where(days[members] > 0, days[members], np.iinfo(np.int64).max)
    members = members[np.lexsort((members, key))]
    first = doc_meta(searcher, int(members[0]), cache)
    dated = days[members][days[members] > 0]
    return {
        "headline": first["title"], "articles": len(members),
        "outlets": int(np.unique(columns_for(searcher, cache).outlet_ord[members]).size),
        "first_date": dt.date.fromordinal(int(dated.min())) if dated.size else None,
        "last_date": dt.date.fromordinal(int(dated.max())) if dated.size else None,
        "first_outlet": first["outlet"], "first_id": first["id"],
    }


def story_with(searcher: Searcher, head: dict, sid: int, matched: np.ndarray, days: np.ndarray,
               cache: dict | None, max_ids: int | None) -> Story:
    """The Story of one search: its head plus how many matched and the first matching ids."""
    mkey = np.where(days[matched] > 0, days[matched], np.iinfo(np.int64).max)
    listed = matched[np.lexsort((matched, mkey))][:max_ids]
    ids = doc_ids(searcher, cache)
    return Story(id=sid, matching=len(matched), **head,
                 ids=[ids[d] if ids else doc_meta(searcher, d, cache)["id"] for d in listed.tolist()])


def doc_ids(searcher: Searcher, cache: dict | None) -> list[str] | None:
    """Docnum -> article id from the generation's manifest (None without one): a listed
    story's ids then cost no stored-fields reads, each of which unpickles a whole body."""
    if cache is None:  # a one-off call: reading the manifest would cost more than it saves
        return None

    def build() -> list[str] | None:
        m = manifest.load(Path(searcher._ix.storage.folder))
        return m.docids if m is not None and len(m.docids) == searcher.doc_count_all() else None

    return memoised(cache, "docids", build)


def doc_meta(searcher: Searcher, docnum: int, cache: dict | None) -> dict:
    """Id, title and outlet by docnum, memoised per generation: a stored-fields read unpickles the body too."""
    memo = cache.setdefault("story_docs", {}) if cache is not None else {}
    meta = memo.get(docnum)
    if meta is None:
        f = searcher.stored_fields(docnum)
        meta = memo[docnum] = {"id": f["id"], "title": f.get("title", ""), "outlet": f.get("outlet") or None}
    return meta


def story_sizes(searcher: Searcher, cache: dict | None) -> np.ndarray:
    """Articles per story label (indexed by the naming docnum), counted once per generation."""
    def build() -> np.ndarray:
        g = groups(searcher, cache)
        return np.bincount(g[0], minlength=len(g[0])) if g is not None else np.zeros(0, dtype=np.int64)

    return memoised(cache, "story_sizes", build)


def members(searcher: Searcher, aid: str, cache: dict | None = None) -> np.ndarray:
    """Docnums of the story an article belongs to (the article alone if it has none; none if unknown).

    Any member's id names the story, so a `?story=` link made from the first article's id
    keeps working while that article stays in the same story after a reindex.
    """
    doc = searcher.document_number(id=aid)
    if doc is None:
        return np.zeros(0, dtype=np.int64)
    g = groups(searcher, cache)
    if g is None:
        return np.asarray([doc], dtype=np.int64)
    return np.flatnonzero(g[0] == g[0][doc])


def copy_heads(searcher: Searcher, cache: dict | None) -> np.ndarray | None:
    """Per document: the earliest version of its copy group (itself if none); None for an older index."""
    g = groups(searcher, cache)
    return g[1] if g is not None else None


def story_days(searcher: Searcher, cache: dict | None) -> np.ndarray:
    """Publication day ordinal per document (0 undated) as int64, converted once per generation."""
    from index.search import columns_for

    def build() -> np.ndarray:
        days = columns_for(searcher, cache).day.astype(np.int64)
        days.flags.writeable = False  # shared by every request of the generation
        return days

    return memoised(cache, "story_days", build)


def story_index(searcher: Searcher, cache: dict | None) -> tuple[np.ndarray, np.ndarray]:
    """(docnums ordered by story, ascending within one; offsets): story s is by_story[at[s]:at[s + 1]].

    Equal to np.flatnonzero(label == s) without a pass over every document per listed story.
    """
    def build() -> tuple[np.ndarray, np.ndarray]:
        label = groups(searcher, cache)[0]
        at = np.zeros(len(label) + 1, dtype=np.int64)
        np.cumsum(np.bincount(label, minlength=len(label)), out=at[1:])
        out = (np.argsort(label, kind="stable"), at)
        for a in out:
            a.flags.writeable = False
        return out

    return memoised(cache, "story_index", build)


def stories_for_search(searcher: Searcher, req: SearchRequest, cache: dict | None = None,
                       limit: int = 20) -> list[Story]:
    """Stories among everything a search matches, its filters applied: what the Stories tab lists."""
    from index.search import search

    return search(searcher, replace(req, view="stories", page=1, per_page=limit), cache).stories


def story_of(searcher: Searcher, aid: str, cache: dict | None = None,
             max_ids: int | None = None) -> Story | None:
    """The story one article belongs to, members listed earliest first (None if it stands alone)."""
    from index.articles import docnum_of

    g = groups(searcher, cache)
    if g is None:
        return None
    mine = np.flatnonzero(g[0] == g[0][docnum_of(searcher, aid)])
    if len(mine) < 2:
        return None
    return describe(searcher, int(g[0][mine[0]]), mine, mine, story_days(searcher, cache), cache, max_ids=max_ids)


def collapse(searcher: Searcher, docnums: Sequence[int], cache: dict | None = None) -> list[tuple[int, list[int]]]:
    """Fold ranked results by copy group: (docnum standing for its group, the others), in rank order.

    The group's earliest version in the list stands for it at the rank of its best-ranked
    member, so a reader sees the original once with "+N copies".
    """
    g = groups(searcher, cache)
    if g is None:
        return [(int(d), []) for d in docnums]
    head, days = g[1], story_days(searcher, cache)
    order: list[int] = []
    members: dict[int, list[int]] = {}
    for d in docnums:
        h = int(head[d])
        if h not in members:
            order.append(h)
            members[h] = []
        members[h].append(int(d))
    out = []
    for h in order:
        grp = members[h]
        lead = min(grp, key=lambda d: (days[d] if days[d] > 0 else 10**9, d))
        out.append((lead, [d for d in grp if d != lead]))
    return out


def collapse_hits(searcher: Searcher, hits: list[Hit], cache: dict | None = None) -> list[Hit]:
    """Hits with copies folded behind their earliest version, listed in Hit.copy_refs."""
    from index.search import copy_ref

    by_id = {h.id: h for h in hits}
    docs = [searcher.document_number(id=h.id) for h in hits]
    out = []
    for lead, others in collapse(searcher, [d for d in docs if d is not None], cache):
        hit = by_id[searcher.stored_fields(lead)["id"]]
        out.append(replace(hit, copy_refs=[copy_ref(searcher.stored_fields(d)) for d in others]))
    return out
