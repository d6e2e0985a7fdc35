"""Boolean word queries scored with numpy over cached posting arrays.

Whoosh matches and scores one document at a time in Python; for the queries people
type most (words, OR, NOT) that is most of a request's time once a word is common.
Here each term's postings are read once per index generation into arrays (from the
segment's side file, index.postfile, or decoded from Whoosh's blocks where a segment has
none), and a query is evaluated as vector operations over all documents, with the same BM25F
formula and parameters Whoosh uses, so scores and matches agree with Whoosh's.
Anything else (phrases, wildcards, fuzzy terms, ranges) returns None and the caller
uses Whoosh's own matchers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from math import log
from pathlib import Path

import numpy as np
from whoosh import query as wq
from whoosh.query.compound import DefaultOr
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from index import postfile
from index.postfile import MISSING, decoded, length_bytes
from index.store import LRU, memoised

K1, B = 1.2, 0.75  # whoosh.scoring.BM25F defaults
# Budgets of the generation's shared store, in bytes: a decoded posting costs 8 bytes
# (docnum, frequency) plus its encoded positions (~20); a 33k-article index holds ~16M
# body postings, so the budget keeps the commonly searched part of it, not all of it.
TERM_BYTES = 112 * 2**20  # with the rest, keeps a gunicorn worker under 500 MB at 33k (bench/load.py)
# read when a generation opens, most frequent title and body terms first: the ones most
# queries hold (on the 33k corpus the top 300 terms are 60% of what a query set reads);
# 1.1 s from side files at 33k, 7 s when decoded from Whoosh's blocks (1.5 us a posting)
WARM_BYTES = 80 * 2**20
MATCH_BYTES = 24 * 2**20  # whole match sets (a dense score array each: 9 bytes per document)
VECTOR_SLOP = 8  # phrases up to this slop are checked with arrays (one pass per allowed gap)
EXPANSION_CAP = 200  # words one wildcard, prefix or fuzzy term may stand for
EXPANSION_SCAN = 5000  # words looked at before keeping only the most common (ranking them costs a lookup each)
_LENGTH_OF_BYTE = np.array([byte_to_length(i) for i in range(256)], dtype=np.float32)


@dataclass(slots=True)
class TermPostings:
    """One term's postings as arrays, positions included, so phrases and proximity
    rescoring slice arrays instead of reading or decoding anything again."""

    ids: np.ndarray  # int32 docnums, ascending
    tfs: np.ndarray  # float32 term frequencies
    pos: np.ndarray  # uint32 word positions, posting after posting
    off: np.ndarray  # int64, len(ids) + 1: where each posting's positions start in pos

    @property
    def nbytes(self) -> int:
        shared = self.ids.base if isinstance(self.ids.base, bytes) and self.tfs.base is self.ids.base else None
        arrays = len(shared) if shared is not None else self.ids.nbytes + self.tfs.nbytes + self.pos.nbytes
        return arrays + self.off.nbytes + 200  # a side file's read: one buffer under ids, tfs and pos

    def locate(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(the given docnums, ascending, that hold the term; their posting indexes)."""
        if not len(self.ids):
            return docs[:0], np.empty(0, np.int64)
        idx = np.searchsorted(self.ids, docs)
        idx[idx >= len(self.ids)] = len(self.ids) - 1
        present = self.ids[idx] == docs
        return docs[present], idx[present]

    def of(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(doc, position) of every occurrence in the given docnums (ascending), as two arrays."""
        found, at = self.locate(docs)
        starts, counts = self.off[at], self.off[at + 1] - self.off[at]
        total = int(counts.sum())
        if not total:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        # positions of posting k are pos[starts[k]:starts[k] + counts[k]], gathered in one step
        shift = np.repeat(starts - (np.cumsum(counts) - counts), counts)
        return np.repeat(found.astype(np.int64), counts), self.pos[np.arange(total) + shift].astype(np.int64)


EMPTY_TERM = TermPostings(np.empty(0, np.int32), np.empty(0, np.float32), np.empty(0, np.uint32),
                          np.zeros(1, np.int64))


class PostingStore:
    """Decoded postings and field lengths of one generation, shared by every thread.

    It holds arrays only, no readers: Whoosh readers hold file cursors and serve one
    thread each, so each thread decodes what is missing through its own Postings view and
    files the result here for the others. Bounded LRUs keep a worker's memory flat.
    """

    def __init__(self) -> None:
        self.terms = LRU(TERM_BYTES, cost=lambda t: t.nbytes)
        self.matches = LRU(MATCH_BYTES, cost=lambda m: m[0].nbytes + m[1].nbytes + 200)
        self.lengths: dict[str, np.ndarray] = {}
        self._side: dict[str, postfile.SegmentPostings | None] = {}
        self._side_lock = threading.Lock()

    def side_file(self, searcher: Searcher, leaf) -> postfile.SegmentPostings | None:
        """The segment's side file (index.postfile), opened once; None for an index without."""
        segment = leaf.segment()
        if segment is None:
            return None
        sid = segment.segment_id()
        with self._side_lock:
            if sid not in self._side:
                folder = getattr(getattr(searcher._ix, "storage", None), "folder", None)
                path = postfile.path_for(folder, sid) if folder else None
                try:
                    self._side[sid] = postfile.SegmentPostings(path) if path and Path(path).exists() else None
                except (OSError, ValueError):  # unreadable: Whoosh's own blocks still answer
                    self._side[sid] = None
            return self._side[sid]


def store_for(cache: dict | None) -> PostingStore:
    """The generation's store, created once (GenerationCache.memo) or per call without a cache."""
    return memoised(cache, "postings", PostingStore)


class Postings:
    """One thread's view of the shared store: decodes what the store lacks with its reader."""

    def __init__(self, searcher: Searcher, store: PostingStore):
        self.searcher = searcher
        self.store = store
        self.reader = searcher.reader()
        self.n = self.reader.doc_count_all()
        self.leaves = list(self.reader.leaf_readers())
        self.notes: list[str] = []  # what the current evaluation had to leave out

    def scorable(self, field: str) -> bool:
        return field in self.searcher.schema and self.searcher.schema[field].scorable

    def lengths(self, field: str) -> np.ndarray:
        arr = self.store.lengths.get(field)
        if arr is None:
            parts = []
            for leaf, _ in self.leaves:
                n = leaf.doc_count_all()
                raw = length_bytes(leaf._perdoc, field, n) or bytes(n)
                parts.append(_LENGTH_OF_BYTE[np.frombuffer(raw, dtype=np.uint8)])
            arr = self.store.lengths[field] = np.concatenate(parts) if parts else np.empty(0, np.float32)
        return arr

    def term(self, field: str, text: str) -> TermPostings:
        """One term's postings: read from the segments' side files, else decoded from
        Whoosh's blocks; then shared through the store."""
        key = (field, text)
        hit = self.store.terms.get(key)
        if hit is not None:
            return hit
        ids: list[np.ndarray] = []
        tfs: list[np.ndarray] = []
        pos: list[np.ndarray] = []
        counts: list[np.ndarray] = []
        for leaf, base in self.leaves:
            side = self.store.side_file(self.searcher, leaf)
            got = side.get(field, text) if side is not None else MISSING
            if got is MISSING:
                try:
                    got = decoded(leaf, field, leaf._text_to_bytes(field, text))
                except TermNotFound:
                    got = None
            if got is None:  # the segment has no such word
                continue
            block_ids, block_tfs, block_counts, block_pos = got
            ids.append(block_ids + np.int32(base) if base else block_ids)
            tfs.append(block_tfs)
            counts.append(block_counts)
            pos.append(block_pos)
        if not ids:
            return self.store.terms.put(key, EMPTY_TERM)
        off = np.zeros(sum(len(x) for x in counts) + 1, dtype=np.int64)
        np.cumsum(np.concatenate(counts), out=off[1:])
        one = len(ids) == 1
        return self.store.terms.put(key, TermPostings(ids[0] if one else np.concatenate(ids),
                                                      tfs[0] if one else np.concatenate(tfs),
                                                      pos[0] if one else np.concatenate(pos), off))

    def positions(self, field: str, text: str, docnums: list[int]) -> dict[int, list[int]]:
        """Word positions of one term in the given documents (those holding it)."""
        t = self.term(field, text)
        if not len(t.ids) or not len(t.pos):
            return {}
        found, at = t.locate(np.asarray(sorted(docnums), dtype=np.int32))
        pos = t.pos.tolist() if len(t.pos) < 64 * len(at) else None  # one conversion when it is small
        spans = zip(found.tolist(), t.off[at].tolist(), t.off[at + 1].tolist(), strict=True)
        if pos is not None:
            return {d: pos[a:b] for d, a, b in spans}
        return {d: t.pos[a:b].tolist() for d, a, b in spans}

    def bm25(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        t = self.term(field, text)
        ids, tf = t.ids, t.tfs
        if not len(ids):
            return ids, tf
        idf = log(self.n / (len(ids) + 1)) + 1  # whoosh.scoring.WeightingModel.idf
        avgfl = (self.reader.field_length(field) / self.n) or 1.0
        fl = self.lengths(field)[ids]
        return ids, idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))


def warm(searcher: Searcher, cache: dict, budget: int = WARM_BYTES,
         stop: Callable[[], bool] = lambda: False) -> int:
    """Decode the most frequent title and body terms into the generation's store.

    Run on a thread of its own with its own searcher when a generation opens, so the
    first searches for common words find them decoded; `stop` ends it early (the
    generation was replaced). Returns the bytes decoded.
    """
    ranked = sorted(((df, field, text) for (field, text), df in frequencies(searcher).items()), reverse=True)
    p = Postings(searcher, store_for(cache))
    for field in ("title", "body"):  # every word query scores with these (~0.3 s at 33k, paid once)
        if field in searcher.schema:
            p.lengths(field)
    used = 0
    for df, field, text in ranked:
        if stop() or used + 33 * df > budget:  # ~33 bytes a posting with its positions
            break
        used += p.term(field, text.decode("utf-8") if isinstance(text, bytes) else text).nbytes
    return used


def frequencies(searcher: Searcher) -> dict[tuple[str, bytes], int]:
    """Document frequency of every title and body term, summed over the segments.

    Each segment's term table is read in order on its own: a MultiReader's iter_field merges
    them by looking every term up in each segment (~14 s at 33k in two segments; this ~1 s).
    """
    df: dict[tuple[str, bytes], int] = {}
    for leaf, _ in searcher.reader().leaf_readers():
        for field in ("title", "body"):
            if field not in searcher.schema:
                continue
            for text, info in leaf.iter_field(field):
                key = (field, text)
                df[key] = df.get(key, 0) + info.doc_frequency()
    return df


def evaluate(node: wq.Query, p: Postings) -> tuple[np.ndarray, np.ndarray] | None:
    """(matched, score) as dense arrays over all documents, or None if not a word query."""
    if isinstance(node, wq.Term):
        if not p.scorable(node.fieldname):  # id: and other unscored fields have no lengths to read
            return None
        text = node.text.decode("utf-8") if isinstance(node.text, bytes) else node.text
        ids, scores = p.bm25(node.fieldname, text)
        matched = np.zeros(p.n, dtype=bool)
        score = np.zeros(p.n, dtype=np.float64)
        matched[ids] = True
        score[ids] = scores * node.boost
        return matched, score
    if type(node) is wq.Phrase:
        return phrase(node, p)
    if isinstance(node, wq.MultiTerm):
        return expansion(node, p)
    if type(node) in (wq.And, wq.Or):
        positives = [c for c in node.children() if not isinstance(c, wq.Not)]
        negatives = [c.query for c in node.children() if isinstance(c, wq.Not)]
        if not positives or (negatives and type(node) is wq.Or):
            return None
        parts = [evaluate(c, p) for c in positives]
        if any(part is None for part in parts):
            return None
        combine = np.logical_and if type(node) is wq.And else np.logical_or
        matched = parts[0][0].copy()
        score = parts[0][1].copy()
        for m, s in parts[1:]:
            matched = combine(matched, m)
            score += s
        for neg in negatives:
            part = evaluate(neg, p)
            if part is None:
                return None
            matched &= ~part[0]
            score += 1.0  # Whoosh's inverse matcher scores 1 for each document it lets through
        score *= node.boost
        score[~matched] = 0
        return matched, score
    return None


def expansion(node: wq.MultiTerm, p: Postings) -> tuple[np.ndarray, np.ndarray]:
    """Wildcards, prefixes and fuzzy terms as an OR of the words they expand to.

    A short pattern can expand to tens of thousands of words (Whoosh then ORs them all,
    for minutes); only the EXPANSION_CAP most frequent are kept, and the page says so.
    Scores are constant (the query's boost), as Whoosh's constantscore expansions give.
    """
    texts = expanded_words(node, p.reader, p.notes)
    field = node.fieldname
    matched = np.zeros(p.n, dtype=bool)
    for text in texts:
        matched[p.term(field, text).ids] = True
    score = np.where(matched, float(node.boost), 0.0)
    return matched, score


def expanded_words(node: wq.MultiTerm, reader, notes: list[str]) -> list[str]:
    """The words a wildcard, prefix or fuzzy term stands for: at most EXPANSION_CAP, the most
    common of the first EXPANSION_SCAN found, with a note in `notes` when some were left out."""
    texts = []
    for i, btext in enumerate(node._btexts(reader)):
        texts.append(btext.decode("utf-8") if isinstance(btext, bytes) else btext)
        if i >= EXPANSION_SCAN:
            break
    if len(texts) > EXPANSION_CAP:
        notes.append(f"'{_written(node)}' matches more than {EXPANSION_CAP} words; the {EXPANSION_CAP} most "
                     f"common were searched")
        texts = sorted(texts, key=lambda t: -reader.doc_frequency(node.fieldname, t))[:EXPANSION_CAP]
    return texts


def _written(node: wq.MultiTerm) -> str:
    """The expansion as the user typed it: a pattern's text, or a range's two ends."""
    text = getattr(node, "text", None)
    if text is not None:
        return text
    ends = (getattr(node, "start", None) or "", "TO", getattr(node, "end", None) or "")
    return "[" + " ".join(e for e in ends if e) + "]"


def bounded(q: wq.Query, reader, notes: list[str]) -> wq.Query:
    """`q` with each expansion replaced by its capped words, so Whoosh's own matchers, too,
    never build a matcher per word of the lexicon ('*e*' alone took 37 s to set up)."""
    def cap(node: wq.Query) -> wq.Query:
        if not isinstance(node, wq.MultiTerm):
            return node
        words = expanded_words(node, reader, notes)
        if not words:
            return wq.NullQuery
        # a tree of union matchers, read as the walk goes (ConstantScoreQuery would first
        # read every posting of every word: 7 s for '*e*' at 33k); scores are then BM25's
        return DefaultOr([wq.Term(node.fieldname, w) for w in words], boost=node.boost)

    return q.accept(cap)


def phrase(node: wq.Phrase, p: Postings) -> tuple[np.ndarray, np.ndarray]:
    """Documents holding the words in order, each within `slop` positions of the last.

    Same rule as Whoosh's SpanNear2 (ordered, mindist 1); positions are renumbered
    after stop words, so "state of the union" is the adjacent pair "state union". The
    score is the sum of the words' BM25F, as Whoosh's span matcher gives.
    """
    words = [w.decode("utf-8") if isinstance(w, bytes) else w for w in node.words]
    matched = np.zeros(p.n, dtype=bool)
    score = np.zeros(p.n, dtype=np.float64)
    arrays = [p.bm25(node.fieldname, w) for w in words]
    if not words or any(not len(ids) for ids, _ in arrays):
        return matched, score
    docs = arrays[0][0]
    for ids, _ in arrays[1:]:
        docs = np.intersect1d(docs, ids, assume_unique=True)
    if len(docs):
        if node.slop <= VECTOR_SLOP:
            matched[in_sequence_all([p.term(node.fieldname, w).of(docs) for w in words], node.slop)] = True
        else:
            doc_list = docs.tolist()
            positions = [p.positions(node.fieldname, w, doc_list) for w in words]
            keep = [d for d in doc_list if in_sequence([pos.get(d, []) for pos in positions], node.slop)]
            matched[keep] = True
        for ids, scores in arrays:
            score[ids] += scores * node.boost
    score[~matched] = 0
    return matched, score


def in_sequence_all(occurrences: list[tuple[np.ndarray, np.ndarray]], slop: int) -> np.ndarray:
    """The docs where the words occur in order, each 1..slop positions after the last.

    in_sequence for every document at once: each word's occurrences, as TermPostings.of
    gives them, become one int64 key per (doc, position), and a key survives if the
    previous word survived 1..slop positions before it, so "Donald Trump" over 10k
    documents is a few array operations, not 10k loops.
    """
    alive = np.empty(0, dtype=np.int64)
    for i, (docs, pos) in enumerate(occurrences):
        keys = (docs << 32) | pos
        if i:
            before = np.unique(alive)  # sorted once; each allowed gap is then one searchsorted
            ok = np.zeros(len(keys), dtype=bool)
            for k in range(1, slop + 1):
                at = np.minimum(np.searchsorted(before, keys - k), len(before) - 1)
                ok |= before[at] == keys - k
            keys = keys[ok]
        alive = keys
        if not len(alive):
            break
    return np.unique(alive >> 32)


def in_sequence(positions: list[list[int]], slop: int) -> bool:
    spans = [(q, q) for q in positions[0]]
    for nxt in positions[1:]:
        spans = [(start, q) for start, end in spans for q in nxt if 1 <= q - end <= slop]
        if not spans:
            return False
    return True


def fast_match(searcher: Searcher, q: wq.Query,
               cache: dict | None) -> tuple[np.ndarray, np.ndarray, list[str]] | None:
    """Matching docnums, a dense score array and notes on what was left out; None: use Whoosh."""
    store = store_for(cache)
    key = repr(q)
    memo = store.matches.get(key)
    if memo is not None:  # paging and facet clicks repeat the query with other filters
        return memo
    p = Postings(searcher, store)
    try:
        result = evaluate(q, p)
    except (AttributeError, KeyError):  # a codec without the internals we read: use Whoosh
        return None
    if result is None:
        return None
    matched, score = result
    return store.matches.put(key, (np.flatnonzero(matched).astype(np.int32), score, list(p.notes)))


def top_candidates(docs: np.ndarray, score: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k best of `docs` by score, best first, ties broken by document order."""
    if not len(docs):
        return []
    s = score[docs]
    if len(docs) > k:
        part = np.argpartition(-s, k - 1)[:k]
        docs, s = docs[part], s[part]
    order = np.lexsort((docs, -s))
    return [(int(d), float(v)) for d, v in zip(docs[order], s[order], strict=True)]
