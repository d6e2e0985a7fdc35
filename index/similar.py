"""Similar coverage: who else covered this story, who copied whom, and how closely.

Candidates come from features stored at index time (index.signatures): the articles
sharing the most key terms (inverted lists of each article's top tf-idf stems) plus
MinHash LSH hits for near-verbatim copies, so a request never compares all pairs nor
re-reads texts. Each candidate is then aligned with the article sentence by sentence:
a copy shares sentences (word for word, or reworded with most words kept), independent
coverage of the same event shares key terms but few sentences. The numbers behind each
label are returned with it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from math import log
from pathlib import Path

import numpy as np
from whoosh.searching import Searcher

from index.articles import article_from_fields, docnum_of
from index.model import Article, IndexMissing, SimilarArticle
from index.signatures import KEY_TERMS, Features, incidence, keeps, words
from index.snippets import sentences
from index.store import LRU, memoised

__all__ = ["similar_to", "relate", "profile", "alignment", "shares", "words", "features"]

CANDIDATES = 15  # key-term candidates compared per request; copies rank at the very top
PROFILE_CACHE = 256  # profiles of recently compared articles (tens of KB each: sentences and word sets)
# thresholds, measured on the seeds, the fixture pairs and bench/similar_eval.py
SAME_SENTENCE = 0.5  # word-set Jaccard at which two sentences say the same thing
EXACT_SENTENCE = 0.9
DUPLICATE_EXACT = 0.8  # share of each text repeated word for word in the other
REWRITE_REUSED = 0.45  # share of the shorter text found, reworded or not
STORY_TERMS = 0.3  # key-term overlap of independent coverage of one event
STORY_REUSED = 0.15
RELATED_TERMS = 0.12
STORY_DAYS = 7  # independent coverage of one event appears within a week (copies may come later)
RANK = {"duplicate": 0, "rewrite": 1, "same-story": 2, "related": 3}


@dataclass(slots=True)
class Profile:
    """One article's sentences as word sets and its key terms, from its text (compare page)."""

    article: Article
    sentences: list[str]
    sets: list[frozenset[str]]
    weights: list[int]  # words per sentence, so long sentences count for more
    terms: dict[str, float]  # key term -> tf-idf
    surface: dict[str, str]  # stem -> the word as most often written


def features(searcher: Searcher, cache: dict | None) -> Features | None:
    """The generation's stored features, opened once per generation cache."""
    return memoised(cache, "features", lambda: Features.open(Path(searcher._ix.storage.folder)))


def profile(searcher: Searcher, article: Article, cache: dict | None = None) -> Profile:
    """An article's text profile, memoised per generation: the compare page reopens pairs."""
    profiles = memoised(cache, "profiles", lambda: LRU(PROFILE_CACHE)) if cache is not None else None
    prof = profiles.get(article.id) if profiles is not None else None
    if prof is None:
        prof = build_profile(searcher, article, cache.setdefault("df", {}) if cache is not None else {})
        if profiles is not None:
            profiles.put(article.id, prof)
    return prof


def build_profile(searcher: Searcher, article: Article, df: dict[str, int]) -> Profile:
    sents, sets, weights = [], [], []
    counts: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = {}
    for sent in sentences(article.body):
        ws = words(sent)
        for st, surface in ws:
            counts[st] += 1
            surfaces.setdefault(st, Counter())[surface.lower()] += 1
        if keeps(sent, len(ws)):
            sents.append(sent)
            sets.append(frozenset(s for s, _ in ws))
            weights.append(len(ws))
    n = searcher.doc_count_all() or 1
    common = 0.15 * n if n >= 50 else n + 1  # as index.signatures.key_terms
    scored = {}
    for t, tf in counts.items():
        if len(t) <= 2 or t.isdigit():
            continue
        f = df.get(t)
        if f is None:
            f = df[t] = searcher.doc_frequency("body", t)
        if f <= common:
            scored[t] = tf * (log(n / (f + 1)) + 1)
    top = dict(sorted(scored.items(), key=lambda kv: -kv[1])[:KEY_TERMS])
    surface = {t: surfaces[t].most_common(1)[0][0] for t in top}
    return Profile(article, sents, sets, weights, top, surface)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def alignment(a: Profile, b: Profile) -> list[tuple[int, float]]:
    """For each sentence of a: the index of its best match in b and their similarity."""
    index: dict[str, list[int]] = {}
    for j, s in enumerate(b.sets):
        for w in s:
            index.setdefault(w, []).append(j)
    out = []
    for s in a.sets:
        candidates = Counter(j for w in s for j in index.get(w, ()))
        best_j, best = -1, 0.0
        for j, _ in candidates.most_common(8):
            sim = jaccard(s, b.sets[j])
            if sim > best:
                best_j, best = j, sim
        out.append((best_j, best))
    return out


def shares(a: Profile, aligned: list[tuple[int, float]]) -> tuple[float, float]:
    """(reused, exact): share of a's words in sentences found in b, reworded or verbatim."""
    return weighted_shares(np.asarray(a.weights), np.asarray([sim for _, sim in aligned]))


def weighted_shares(weights: np.ndarray, best: np.ndarray) -> tuple[float, float]:
    total = float(weights.sum()) or 1.0
    return float(weights[best >= SAME_SENTENCE].sum()) / total, float(weights[best >= EXACT_SENTENCE].sum()) / total


def close_in_time(day_a: int, day_b: int) -> bool:
    """One event is covered within days; the same topic two years on is only related (0: undated)."""
    return not day_a or not day_b or abs(day_a - day_b) <= STORY_DAYS


def label(ra: float, ea: float, rb: float, eb: float, overlap: float, close: bool) -> tuple[str, float, float]:
    """(relation, score, reused) from reuse shares both ways and key-term overlap."""
    reused = max(ra, rb)
    if min(ea, eb) >= DUPLICATE_EXACT:  # both texts repeated word for word: only the chrome differs
        relation = "duplicate"
    elif reused >= REWRITE_REUSED:
        relation = "rewrite"
    elif (overlap >= STORY_TERMS or reused >= STORY_REUSED) and close:
        relation = "same-story"
    else:
        relation = "related"
    return relation, round(0.6 * reused + 0.4 * overlap, 3), round(reused, 3)


def relate(feats: Features, a: int, b: int) -> tuple[str, float, float, float]:
    """(relation, score, reused share, key-term overlap) of two documents from stored features."""
    return relate_many(feats, a, [b])[0]


def relate_many(feats: Features, a: int, others: list[int]) -> list[tuple[str, float, float, float]]:
    """relate() of one document with several, aligned in one sparse product.

    a's sentences against every candidate's sentences at once, over a's own words only (a
    word a lacks adds nothing to an intersection): per pair, building two incidence
    matrices and intersecting vocabularies cost 4 ms, most of a similar request.
    """
    ta, la, wa = feats.sentences(a)
    rows = [feats.sentences(b) for b in others]
    lb_all = np.concatenate([r[1] for r in rows]) if rows else np.zeros(0, np.int32)
    vocab = np.unique(ta)
    if vocab.size and len(la) and lb_all.size:
        tb_all = np.concatenate([r[0] for r in rows])
        inter = (incidence(ta, la, vocab) @ incidence(tb_all, lb_all, vocab).T).toarray().astype(np.float32)
    else:
        inter = np.zeros((len(la), lb_all.size), np.float32)
    union = la[:, None].astype(np.float32) + lb_all[None, :] - inter
    jac = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    # best match of each sentence: a's per candidate (max over that candidate's columns), b's over a's rows
    sizes = np.asarray([len(r[1]) for r in rows], np.int64)
    nonempty = sizes > 0
    best_a = np.zeros((len(la), len(others)), np.float32)
    if jac.size and nonempty.any():
        starts = np.r_[0, np.cumsum(sizes)[:-1]][nonempty]
        best_a[:, nonempty] = np.maximum.reduceat(jac, starts, axis=1)
    best_b = jac.max(axis=0) if len(la) else np.zeros(lb_all.size, np.float32)
    wb_all = np.concatenate([r[2] for r in rows]).astype(np.float64) if rows else np.zeros(0)
    owner = np.repeat(np.arange(len(others)), sizes)
    total_b = np.bincount(owner, weights=wb_all, minlength=len(others))
    reused_b = np.bincount(owner, weights=wb_all * (best_b >= SAME_SENTENCE), minlength=len(others))
    exact_b = np.bincount(owner, weights=wb_all * (best_b >= EXACT_SENTENCE), minlength=len(others))
    wa = wa.astype(np.float64)
    total_a = float(wa.sum()) or 1.0
    reused_a = (wa @ (best_a >= SAME_SENTENCE)) / total_a
    exact_a = (wa @ (best_a >= EXACT_SENTENCE)) / total_a
    total_b = np.where(total_b > 0, total_b, 1.0)
    ka = feats.key_terms(a)
    out = []
    for i, b in enumerate(others):
        kb = feats.key_terms(b)
        overlap = np.intersect1d(ka, kb).size / min(ka.size, kb.size) if ka.size and kb.size else 0.0
        relation, score, reused = label(float(reused_a[i]), float(exact_a[i]), reused_b[i] / total_b[i],
                                        exact_b[i] / total_b[i], overlap,
                                        close_in_time(int(feats.days[a]), int(feats.days[b])))
        out.append((relation, score, reused, round(overlap, 3)))
    return out


def candidates(feats: Features, docnum: int) -> list[int]:
    """Key-term neighbours first, then LSH near-copies they missed: a bounded set to align."""
    found = feats.by_key_terms(docnum, CANDIDATES)
    seen = set(found)
    return found + [d for d in feats.near_copies(docnum)[:CANDIDATES] if d not in seen]


def similar_to(searcher: Searcher, aid: str, limit: int = 10, cache: dict | None = None) -> list[SimilarArticle]:
    """Other coverage of this article's story, copies first, each with its evidence."""
    docnum = docnum_of(searcher, aid)
    feats = features(searcher, cache)
    if feats is None or feats.n != searcher.doc_count_all():
        raise IndexMissing("this index was built without similar-coverage features: run `flask reindex`")
    mine = feats.key_terms(docnum)
    found = candidates(feats, docnum)
    kept = [(cand, rel) for cand, rel in zip(found, relate_many(feats, docnum, found), strict=True)
            if not (rel[0] == "related" and rel[3] < RELATED_TERMS)]
    kept.sort(key=lambda item: (RANK[item[1][0]], -item[1][1]))  # as listed; stable, so ties keep candidate order
    out: list[SimilarArticle] = []
    for cand, (relation, score, reused, overlap) in kept[:limit]:  # stored fields only for those shown
        other = article_from_fields(searcher.stored_fields(cand))
        theirs = feats.key_terms(cand)
        shared = np.isin(mine, theirs)
        out.append(SimilarArticle(
            id=other.id, title=other.title, outlet=other.outlet, date=other.date, score=score,
            relation=relation, reused=reused, term_overlap=overlap,
            shared_terms=[feats.surface(h) for h in mine[shared][:8].tolist()],
            only_here=[feats.surface(h) for h in mine[~shared][:5].tolist()],
            only_there=[feats.surface(h) for h in theirs[~np.isin(theirs, mine)][:5].tolist()],
        ))
    return out
