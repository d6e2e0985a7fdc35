"""Per-article comparison features computed at index time, so similar coverage never re-reads texts.

A cleaning worker turns each article into small integer arrays (doc_features): a MinHash
of its 4-word shingles for near-duplicates, each kept sentence as a set of hashed stems
for sentence alignment, and its bag of stems for key terms. save() writes them beside
the Whoosh files of the generation (swapped with it atomically) after choosing each
article's key terms with corpus-wide document frequencies. Numpy only: datasketch's
MinHash.update takes one shingle at a time in Python; here all shingles are mixed at once.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

from index.ingest.boilerplate import is_boilerplate
from index.schema import WORD_PATTERN, stem_of
from index.snippets import sentences

PERMUTATIONS = 64
SHINGLE = 4  # words per shingle: long enough that shared shingles mean shared text
BANDS, ROWS = 16, 4  # LSH: pairs with resemblance 0.5 share a band with p 0.65, 0.8 with p 1.0
FILE = "signatures.npy"  # the MinHash matrix; index.search folds copies with it
FEATURES = "similar-{}.npy"
KEY_TERMS = 25
MIN_SENTENCE_WORDS = 4
COMMON_SHARE = 0.15  # words in more than this share of articles are not key terms ("would", "said")
FURNITURE_DOCS = 3  # a sentence in this many articles or more,
FURNITURE_DAYS = 30  # published further apart than this, is site furniture, not shared reporting
_RNG = np.random.default_rng(20240619)  # fixed: signatures must agree across builds
# multiply-shift hashing (random odd 64-bit multiplier, keep the high 32 bits): each of the
# PERMUTATIONS orders the shingles independently. (a*h + b) mod 2^61-1 with a, b < 2^31 and
# h < 2^32 was nearly monotone in h, so one small-hash shingle won most permutations and
# unrelated texts sharing it looked like copies.
_A = _RNG.integers(0, np.iinfo(np.uint64).max, PERMUTATIONS, dtype=np.uint64, endpoint=True) | np.uint64(1)
_B = _RNG.integers(0, np.iinfo(np.uint64).max, PERMUTATIONS, dtype=np.uint64, endpoint=True)
EMPTY = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)
_WORD = re.compile(WORD_PATTERN)
# photo-gallery and video-player text scraped into bodies: shared by every page of a site,
# so it would make unrelated articles look like copies of each other
WIDGET = re.compile(r"(?i)\b(?:hide|show|expand) caption\b|\b\d+ of \d+\b.{0,40}\bphotos?\b|\bphotos?: photos?:"
                    r"|\breplay\b.{0,20}\bmore videos\b|\bjust watched\b|\bmust watch\b")


@lru_cache(maxsize=200_000)
def term_hash(st: str) -> int:
    """A stem as a nonzero uint32 (0 pads key-term rows)."""
    return zlib.crc32(st.encode("utf-8")) or 1


def words(text: str) -> list[tuple[str, str]]:
    """(stem, surface word) for the content words of a text, as the body analyser would."""
    out = []
    for w in _WORD.findall(text):
        st = stem_of(w.lower())
        if st is not None:
            out.append((st, w))
    return out


def keeps(sentence: str, n_words: int) -> bool:
    """Sentences worth aligning: long enough, and not gallery, player or page chrome."""
    return n_words >= MIN_SENTENCE_WORDS and not WIDGET.search(sentence) and not is_boilerplate(sentence)


@dataclass(slots=True)
class DocFeatures:
    """One article's features as a worker computes them (picklable, a few KB)."""

    minhash: np.ndarray  # PERMUTATIONS uint32
    tokens: np.ndarray  # uint32 stem hashes of the kept sentences, each sentence's unique stems sorted
    lens: np.ndarray  # int32 stems per kept sentence (unique)
    weights: np.ndarray  # int32 words per kept sentence, so long sentences count for more
    bag: np.ndarray  # uint32 hashes of candidate key terms (not digits, longer than 2)
    tf: np.ndarray  # int32 count of each
    surfaces: str  # "\n"-joined lower-cased surface of each bag term, for display
    day: int = 0  # proleptic ordinal of the date, 0 when undated


def minhash(stems: list[str]) -> np.ndarray:
    """MinHash of the 4-stem shingles (stop words dropped): 64 uint32."""
    if len(stems) < SHINGLE:
        return EMPTY.copy()
    hashes = np.fromiter((zlib.crc32(" ".join(stems[i:i + SHINGLE]).encode()) for i in range(len(stems) - SHINGLE + 1)),
                         dtype=np.uint64)
    hashes = np.unique(hashes)
    with np.errstate(over="ignore"):  # arithmetic modulo 2^64 is the point
        mixed = (np.outer(_A, hashes) + _B[:, None]) >> np.uint64(32)
    return mixed.min(axis=1).astype(np.uint32)


def signature(body: str) -> np.ndarray:
    return minhash([s for s, _ in words(body)])


def doc_features(body: str, day: int = 0) -> DocFeatures:
    """Everything similar coverage needs of one body, in one pass over its words."""
    stems: list[str] = []
    toks: list[int] = []
    lens, weights = [], []
    counts: dict[str, int] = {}
    surface: dict[str, str] = {}
    for sent in sentences(body):
        ws = words(sent)
        for st, w in ws:
            stems.append(st)
            if st in counts:
                counts[st] += 1
            else:
                counts[st] = 1
                surface[st] = w.lower()
        if keeps(sent, len(ws)):
            uniq = sorted({term_hash(s) for s, _ in ws})  # a set per sentence: np.unique costs more on so few
            toks.extend(uniq)
            lens.append(len(uniq))
            weights.append(len(ws))
    bag = [t for t in counts if len(t) > 2 and not t.isdigit()]
    return DocFeatures(
        minhash=minhash(stems),
        tokens=np.asarray(toks, dtype=np.uint32),
        lens=np.asarray(lens, np.int32), weights=np.asarray(weights, np.int32),
        bag=np.fromiter((term_hash(t) for t in bag), dtype=np.uint32, count=len(bag)),
        tf=np.fromiter((counts[t] for t in bag), dtype=np.int32, count=len(bag)),
        surfaces="\n".join(surface[t] for t in bag), day=day,
    )


def save(folder: Path, rows: list[DocFeatures], docs: int | None = None) -> None:
    """Write the generation's features; key terms need every document's bag, so they are chosen here.

    `docs` is the number of live documents when some rows stand for deleted ones (an
    incremental reindex), so term rarity is judged over the corpus a full build would see.
    """
    mh = np.stack([r.minhash for r in rows]) if rows else np.empty((0, PERMUTATIONS), dtype=np.uint32)
    vocab: dict[int, str] = {}
    for r in rows:
        if r.bag.size:
            vocab.update(zip(r.bag.tolist(), r.surfaces.split("\n"), strict=True))
    arrays = {
        "days": np.asarray([r.day for r in rows], np.int32),
        "sent_off": offsets([len(r.lens) for r in rows]),
        "tok_off": offsets([r.tokens.size for r in rows]),
        "tokens": concat([r.tokens for r in rows], np.uint32),
        "lens": concat([r.lens for r in rows], np.int32),
        "weights": concat([r.weights for r in rows], np.int32),
        "bag_off": offsets([r.bag.size for r in rows]),
        "bag": concat([r.bag for r in rows], np.uint32),
        "tf": concat([r.tf for r in rows], np.int32),
    }
    hashes = np.fromiter(vocab.keys(), dtype=np.uint32, count=len(vocab))
    order = np.argsort(hashes)
    surfaces = list(vocab.values())
    write(folder, mh, arrays, hashes[order], [surfaces[i] for i in order.tolist()], docs)


def write(folder: Path, mh: np.ndarray, arrays: dict[str, np.ndarray], vocab: np.ndarray, surfaces: list[str],
          docs: int | None = None) -> None:
    """Derive what spans documents (key terms, furniture) from the per-document arrays, and write all.

    Shared by save() and an incremental reindex, which gathers the arrays from the live
    generation's instead of re-reading rows; `vocab` is sorted, `surfaces` in its order.
    """
    folder = Path(folder)
    arrays = dict(arrays)
    n = len(arrays["days"])
    np.save(folder / FILE, mh)
    arrays["key"], arrays["key_w"] = key_terms(arrays["bag_off"], arrays["bag"], arrays["tf"], n, vocab, docs)
    arrays["vocab"] = vocab
    (folder / FEATURES.format("vocab.txt")).write_text("\n".join(surfaces), encoding="utf-8")
    arrays["furniture"] = furniture(arrays["tokens"], arrays["lens"], arrays["sent_off"], arrays["days"])
    for name, arr in arrays.items():
        np.save(folder / FEATURES.format(name), arr)


def furniture(tokens: np.ndarray, lens: np.ndarray, sent_off: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Per stored sentence: True for site furniture, which alignment must not count as shared text.

    Newsletter prompts, reprint notices, author bios and photo-gallery captions recur word
    for word in articles months apart; wire copies and rewrites share sentences within days.
    So a sentence (its set of stems) found in FURNITURE_DOCS articles or more whose dates
    span more than FURNITURE_DAYS is furniture. On the 33k corpus this flags about 2% of
    sentences, nearly all of them chrome; two unrelated CNN pieces that carried the same
    gallery were otherwise labelled rewrites of each other.
    """
    n_sent = len(lens)
    if not n_sent:
        return np.zeros(0, bool)
    mixed = tokens.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    mixed ^= mixed >> np.uint64(29)
    starts = np.r_[0, np.cumsum(lens)[:-1]].astype(np.int64)
    fp = np.zeros(n_sent, np.uint64)
    full = lens > 0
    if tokens.size:
        fp[full] = np.add.reduceat(mixed, starts[full])
    fp ^= lens.astype(np.uint64) * np.uint64(0x100000001B3)
    doc = np.repeat(np.arange(len(sent_off) - 1), np.diff(sent_off))
    day = days[doc].astype(np.int64)
    order = np.lexsort((doc, fp))
    f, d, dy = fp[order], doc[order], day[order]
    new_fp = np.r_[True, f[1:] != f[:-1]]
    new_doc = new_fp | np.r_[True, d[1:] != d[:-1]]
    group = np.cumsum(new_fp) - 1
    n_docs = np.bincount(group, weights=new_doc)
    never = np.iinfo(np.int64).max
    first = np.full(len(n_docs), never)
    np.minimum.at(first, group, np.where(dy > 0, dy, never))
    last = np.zeros(len(n_docs), np.int64)
    np.maximum.at(last, group, dy)
    span = np.where(first < never, last - np.minimum(first, last), 0)
    out = np.empty(n_sent, bool)
    out[order] = ((n_docs >= FURNITURE_DOCS) & (span > FURNITURE_DAYS))[group]
    return out


def offsets(sizes: list[int]) -> np.ndarray:
    out = np.zeros(len(sizes) + 1, np.int64)
    np.cumsum(sizes, out=out[1:])
    return out


def concat(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.empty(0, dtype)


def key_terms(bag_off: np.ndarray, bag: np.ndarray, tf: np.ndarray, n: int, vocab: np.ndarray,
              docs: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Top KEY_TERMS stems of each document by tf-idf, all documents at once: (n x K hashes, weights).

    `vocab` holds the sorted distinct hashes of `bag` (write() has them), so document
    frequencies are a lookup, not a sort of every entry. `docs` (default n) is the corpus
    size for rarity, when some of the n rows are deleted documents.
    """
    corpus = n if docs is None else docs
    key = np.zeros((n, KEY_TERMS), np.uint32)
    weight = np.zeros((n, KEY_TERMS), np.float32)
    if not bag.size:
        return key, weight
    idx = np.searchsorted(vocab, bag)
    if idx.size and (idx.max() >= vocab.size or not np.array_equal(vocab[idx], bag)):
        raise ValueError("the vocabulary does not hold every term of the bags")
    f = np.bincount(idx, minlength=vocab.size)[idx]  # a bag lists its terms once: documents holding each
    doc = np.repeat(np.arange(n), np.diff(bag_off))
    score = tf * (np.log(max(corpus, 1) / (f + 1.0)) + 1)
    if corpus >= 50:  # on a tiny corpus every word looks common
        score = np.where(f <= COMMON_SHARE * corpus, score, -1.0)
    # by document, best first; hash breaks ties the same way every build. Only positive scores
    # can be chosen and they rank before the rest of their document, so only they are sorted,
    # each document's few hundred on their own (one sort of all of them took 4 s at 33k)
    pos = np.flatnonzero(score > 0)
    bounds = np.searchsorted(doc[pos], np.arange(n + 1))
    neg = -score
    for d in np.flatnonzero(np.diff(bounds)).tolist():
        seg = pos[bounds[d]:bounds[d + 1]]
        top = seg[np.lexsort((bag[seg], neg[seg]))[:KEY_TERMS]]
        key[d, :len(top)] = bag[top]
        weight[d, :len(top)] = score[top]
    return key, weight


def load(folder: Path) -> np.ndarray | None:
    """The MinHash matrix of a generation (None for an index built before signatures)."""
    path = Path(folder) / FILE
    return np.load(path) if path.exists() else None


def resemblance(rows: np.ndarray) -> np.ndarray:
    """Pairwise estimated Jaccard of shingle sets (k x k) for a handful of documents."""
    same = (rows[:, None, :] == rows[None, :, :]).mean(axis=2)
    empty = (rows == EMPTY).all(axis=1)
    same[empty, :] = 0
    same[:, empty] = 0
    return same


class Features:
    """A generation's stored features, memory-mapped, with the lookups similar coverage makes."""

    def __init__(self, folder: Path):
        folder = Path(folder)
        self.folder = folder
        self.minhash = np.load(folder / FILE, mmap_mode="r")
        a = {name: np.load(folder / FEATURES.format(name), mmap_mode="r")
             for name in ("days", "sent_off", "tok_off", "tokens", "lens", "weights", "key", "key_w", "vocab")}
        path = folder / FEATURES.format("furniture")
        self.furniture = np.load(path, mmap_mode="r") if path.exists() else None
        self.days, self.key, self.key_w, self.vocab = a["days"], a["key"], a["key_w"], a["vocab"]
        self.sent_off, self.tok_off, self.tokens = a["sent_off"], a["tok_off"], a["tokens"]
        self.lens, self.weights = a["lens"], a["weights"]
        self.n = len(self.days)
        self._surfaces: list[str] | None = None
        self._postings: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._bands: list[tuple[np.ndarray, np.ndarray]] | None = None

    @classmethod
    def open(cls, folder: Path) -> Features | None:
        """None for a generation built before features were stored (reindex to get them)."""
        return cls(folder) if (Path(folder) / FEATURES.format("key")).exists() else None

    def sentences(self, doc: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(concatenated sentence stem hashes, stems per sentence, words per sentence) of one document.

        Furniture sentences (see furniture()) are left out, so shares count reporting only.
        """
        s0, s1 = int(self.sent_off[doc]), int(self.sent_off[doc + 1])
        t0, t1 = int(self.tok_off[doc]), int(self.tok_off[doc + 1])
        toks, lens = np.asarray(self.tokens[t0:t1]), np.asarray(self.lens[s0:s1])
        weights = np.asarray(self.weights[s0:s1])
        if self.furniture is not None:
            keep = ~np.asarray(self.furniture[s0:s1])
            if not keep.all():
                toks, lens, weights = toks[np.repeat(keep, lens)], lens[keep], weights[keep]
        return toks, lens, weights

    def key_terms(self, doc: int) -> np.ndarray:
        row = np.asarray(self.key[doc])
        return row[row != 0]

    def surface(self, h: int) -> str:
        """The word as written for a stem hash (lower-cased), for shared and distinctive terms."""
        if self._surfaces is None:
            self._surfaces = (self.folder / FEATURES.format("vocab.txt")).read_text(encoding="utf-8").split("\n")
        # the key as the array's own dtype: a Python int made numpy cast all of vocab per call (0.6 ms)
        i = int(np.searchsorted(self.vocab, np.uint32(h)))
        return self._surfaces[i] if i < len(self.vocab) and self.vocab[i] == h else ""

    def by_key_terms(self, doc: int, top: int) -> list[int]:
        """Documents sharing the most key terms with doc, weighted by tf-idf on both sides.

        One inverted list per key term (built once per generation from the n x K matrix),
        so the cost is the length of 25 short lists, never a pass over the corpus's texts.
        """
        if self._postings is None:
            flat = np.asarray(self.key).ravel()
            order = np.argsort(flat, kind="stable")
            norm = np.asarray(self.key_w) / np.maximum(np.asarray(self.key_w).max(axis=1, keepdims=True), 1e-9)
            self._postings = (flat[order], (order // KEY_TERMS).astype(np.int32), norm.ravel()[order])
        terms, docs, w = self._postings
        mine, my_w = np.asarray(self.key[doc]), np.asarray(self.key_w[doc])
        top_w = max(float(my_w.max(initial=0.0)), 1e-9)
        lo, hi = np.searchsorted(terms, mine, "left"), np.searchsorted(terms, mine, "right")
        pick = [np.arange(a, b) for a, b, t in zip(lo.tolist(), hi.tolist(), mine.tolist(), strict=True) if t]
        if not pick:
            return []
        idx = np.concatenate(pick)
        scale = np.repeat(my_w[mine != 0] / top_w, hi[mine != 0] - lo[mine != 0])
        score = np.bincount(docs[idx], weights=w[idx] * scale, minlength=self.n)
        score[doc] = 0
        k = min(top, self.n - 1)
        if k <= 0:
            return []
        best = np.argpartition(-score, k - 1)[:k]
        return [int(d) for d in best[np.argsort(-score[best])] if score[d] > 0]

    def near_copies(self, doc: int) -> list[int]:
        """LSH over MinHash bands: documents sharing any band of ROWS values (likely copies)."""
        if self._bands is None:
            mh = np.asarray(self.minhash, dtype=np.uint64)
            self._bands = []
            for b in range(BANDS):
                key = band_keys(mh[:, b * ROWS:(b + 1) * ROWS])
                order = np.argsort(key, kind="stable")
                self._bands.append((key[order], order))
        me = np.asarray(self.minhash[doc], dtype=np.uint64)[None, :]
        if (me == EMPTY).all():
            return []
        found: set[int] = set()
        for b, (keys, order) in enumerate(self._bands):
            k = band_keys(me[:, b * ROWS:(b + 1) * ROWS])[0]
            lo, hi = np.searchsorted(keys, k, "left"), np.searchsorted(keys, k, "right")
            found.update(order[lo:hi].tolist())
        found.discard(doc)
        return sorted(found)


def band_keys(block: np.ndarray) -> np.ndarray:
    """One uint64 per row of a band, mixing its ROWS MinHash values."""
    key = np.zeros(block.shape[0], np.uint64)
    for j in range(block.shape[1]):
        key = key * np.uint64(0x100000001B3) ^ block[:, j]
    return key




def incidence(tokens: np.ndarray, lens: np.ndarray, common: np.ndarray) -> sparse.csr_matrix:
    """Sentences x common words, 1 where a sentence has the word."""
    pos = np.searchsorted(common, tokens)
    hit = (pos < common.size) & (common[np.minimum(pos, common.size - 1)] == tokens)
    # rows straight from the sentence lengths (a sentence's stems are unique): no COO step
    ends = np.cumsum(lens)
    indptr = np.r_[0, np.cumsum(hit)][np.r_[0, ends]].astype(np.int32)
    return sparse.csr_matrix((np.ones(int(indptr[-1]), np.float32), pos[hit].astype(np.int32), indptr),
                             shape=(len(lens), common.size))


def stored_rows(folder: Path) -> list[DocFeatures]:
    """A generation's features back as per-document rows, so some can be replaced and all re-saved."""
    folder = Path(folder)
    a = {name: np.load(folder / FEATURES.format(name))
         for name in ("days", "sent_off", "tok_off", "tokens", "lens", "weights", "bag_off", "bag", "tf", "vocab")}
    words_of = (folder / FEATURES.format("vocab.txt")).read_text(encoding="utf-8").split("\n")
    mh = np.load(folder / FILE)
    rows = []
    for d in range(len(a["days"])):
        s0, s1 = a["sent_off"][d], a["sent_off"][d + 1]
        t0, t1 = a["tok_off"][d], a["tok_off"][d + 1]
        b0, b1 = a["bag_off"][d], a["bag_off"][d + 1]
        bag = a["bag"][b0:b1]
        rows.append(DocFeatures(
            minhash=mh[d], tokens=a["tokens"][t0:t1], lens=a["lens"][s0:s1], weights=a["weights"][s0:s1],
            bag=bag, tf=a["tf"][b0:b1], day=int(a["days"][d]),
            surfaces="\n".join(words_of[i] for i in np.searchsorted(a["vocab"], bag).tolist())))
    return rows


def update(folder: Path, changed: dict[int, DocFeatures]) -> Features:
    """Replace the features of changed documents (by docnum, appending new ones) and re-save.

    Key terms depend on corpus-wide document frequencies, so they are chosen again for
    all documents from the stored bags; texts are not re-read. The caller (an incremental
    reindex) then runs index.stories.save on the result, as a full build does.
    """
    rows = stored_rows(folder)
    for d, feats in sorted(changed.items()):
        if d == len(rows):
            rows.append(feats)
        else:
            rows[d] = feats
    save(folder, rows)
    return Features(folder)
