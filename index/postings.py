"""Boolean word queries scored with numpy over cached posting arrays.

Whoosh matches and scores one document at a time in Python; for the queries people
type most (words, OR, NOT) that is most of a request's time once a word is common.
Here each term's postings are decoded once per index generation into arrays, and a
query is evaluated as vector operations over all documents, with the same BM25F
formula and parameters Whoosh uses, so scores and matches agree with Whoosh's.
Anything else (phrases, wildcards, fuzzy terms, ranges) returns None and the caller
uses Whoosh's own matchers.
"""

from __future__ import annotations

from collections import OrderedDict
from math import log

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

K1, B = 1.2, 0.75  # whoosh.scoring.BM25F defaults
TERM_CACHE = 4096
MATCH_CACHE = 32  # whole match sets (a dense score array each: 8 bytes per document)
BLOCK_CACHE = 4096  # decoded posting blocks (raw position values) kept per generation
EXPANSION_CAP = 200  # words one wildcard, prefix or fuzzy term may stand for
EXPANSION_SCAN = 5000  # words looked at before keeping only the most common (ranking them costs a lookup each)
_LENGTH_OF_BYTE = np.array([byte_to_length(i) for i in range(256)], dtype=np.float32)


class Postings:
    """Per-generation store of decoded postings and field lengths; lives in the handle cache."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.n = self.reader.doc_count_all()
        self._terms: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._blocks: dict[tuple[str, str], list[tuple[object, int, int]]] = {}  # (matcher, offset, first index)
        self._lengths: dict[str, np.ndarray] = {}
        self._values: OrderedDict[tuple[str, str, int], list] = OrderedDict()
        self.matches: OrderedDict[str, tuple[np.ndarray, np.ndarray, list[str]]] = OrderedDict()
        self.notes: list[str] = []  # what the current evaluation had to leave out

    def lengths(self, field: str) -> np.ndarray:
        arr = self._lengths.get(field)
        if arr is None:
            parts = []
            for leaf, _ in self.reader.leaf_readers():
                col = leaf._perdoc.column_reader(_lenfield(field), LENGTHS_COLUMN)
                raw = np.frombuffer(bytes(col[i] for i in range(leaf.doc_count_all())), dtype=np.uint8)
                parts.append(_LENGTH_OF_BYTE[raw])
            arr = self._lengths[field] = np.concatenate(parts) if parts else np.empty(0, np.float32)
        return arr

    def term(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, term frequencies) of one term, decoded block by block."""
        key = (field, text)
        hit = self._terms.get(key)
        if hit is not None:
            self._terms.move_to_end(key)
            return hit
        ids: list[np.ndarray] = []
        tfs: list[np.ndarray] = []
        blocks: list[tuple[object, int, int]] = []
        count = 0
        for leaf, base in self.reader.leaf_readers():
            try:
                m = leaf.postings(field, text)
            except Exception:  # TermNotFound: the word is not in this segment
                continue
            offset = m._baseoffset
            while m.is_active():
                m._read_ids()
                m._read_weights()
                blocks.append((m, offset, count))
                ids.append(np.asarray(m._ids, dtype=np.int64) + base)
                tfs.append(np.asarray(m._weights, dtype=np.float32))
                count += len(ids[-1])
                offset = m._nextoffset
                m._next_block()
        result = ((np.concatenate(ids).astype(np.int32), np.concatenate(tfs)) if ids
                  else (np.empty(0, np.int32), np.empty(0, np.float32)))
        self._terms[key] = result
        self._blocks[key] = blocks
        if len(self._terms) > TERM_CACHE:
            old, _ = self._terms.popitem(last=False)
            self._blocks.pop(old, None)
        return result

    def positions(self, field: str, text: str, docnums: list[int]) -> dict[int, list[int]]:
        """Word positions of one term in the given documents, decoding only their blocks."""
        ids, _ = self.term(field, text)
        blocks = self._blocks.get((field, text), [])
        if not len(ids) or not blocks:
            return {}
        wanted = np.asarray(sorted(docnums), dtype=np.int32)
        idx = np.searchsorted(ids, wanted)
        idx[idx >= len(ids)] = len(ids) - 1
        present = ids[idx] == wanted
        starts = np.asarray([b[2] for b in blocks])
        out: dict[int, list[int]] = {}
        found = idx[present]
        block_of = np.searchsorted(starts, found, side="right") - 1
        decode = blocks[0][0].format.decode_as
        for d, i, b in zip(wanted[present].tolist(), found.tolist(), block_of.tolist(), strict=True):
            values = self._block_values(field, text, b)
            out[d] = list(decode("positions", values[i - blocks[b][2]]))
        return out

    def _block_values(self, field: str, text: str, b: int) -> list:
        """A block's raw posting values, kept in an LRU: users repeat and refine queries."""
        key = (field, text, b)
        values = self._values.get(key)
        if values is not None:
            self._values.move_to_end(key)
            return values
        m, offset, _ = self._blocks[(field, text)][b]
        m._goto(offset)
        m._read_values()
        values = self._values[key] = list(m._values)
        if len(self._values) > BLOCK_CACHE:
            self._values.popitem(last=False)
        return values

    def bm25(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        ids, tf = self.term(field, text)
        if not len(ids):
            return ids, tf
        idf = log(self.n / (len(ids) + 1)) + 1  # whoosh.scoring.WeightingModel.idf
        avgfl = (self.reader.field_length(field) / self.n) or 1.0
        fl = self.lengths(field)[ids]
        return ids, idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))


def evaluate(node: wq.Query, p: Postings) -> tuple[np.ndarray, np.ndarray] | None:
    """(matched, score) as dense arrays over all documents, or None if not a word query."""
    if isinstance(node, wq.Term):
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
    texts = []
    for i, btext in enumerate(node._btexts(p.reader)):
        texts.append(btext.decode("utf-8") if isinstance(btext, bytes) else btext)
        if i >= EXPANSION_SCAN:
            break
    field = node.fieldname
    if len(texts) > EXPANSION_CAP:
        p.notes.append(f"'{node.text}' matches more than {EXPANSION_CAP} words; the {EXPANSION_CAP} most "
                       f"common were searched")
        texts = sorted(texts, key=lambda t: -p.reader.doc_frequency(field, t))[:EXPANSION_CAP]
    matched = np.zeros(p.n, dtype=bool)
    for text in texts:
        matched[p.term(field, text)[0]] = True
    score = np.where(matched, float(node.boost), 0.0)
    return matched, score


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
        doc_list = docs.tolist()
        positions = [p.positions(node.fieldname, w, doc_list) for w in words]
        keep = [d for d in doc_list if in_sequence([pos.get(d, []) for pos in positions], node.slop)]
        matched[keep] = True
        for ids, scores in arrays:
            score[ids] += scores * node.boost
    score[~matched] = 0
    return matched, score


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
    p = cache.get("postings") if cache is not None else None
    if p is None:
        p = Postings(searcher)
        if cache is not None:
            cache["postings"] = p
    key = repr(q)
    memo = p.matches.get(key)
    if memo is not None:  # paging and facet clicks repeat the query with other filters
        p.matches.move_to_end(key)
        return memo
    p.notes = []
    try:
        result = evaluate(q, p)
    except (AttributeError, KeyError):  # a codec without the internals we read: use Whoosh
        return None
    if result is None:
        return None
    matched, score = result
    out = np.flatnonzero(matched).astype(np.int32), score, list(p.notes)
    p.matches[key] = out
    if len(p.matches) > MATCH_CACHE:
        p.matches.popitem(last=False)
    return out


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
