"""Similar coverage: who else covered this story, who copied whom, and how closely.

Candidates come from Whoosh's more-like-this over the body's key terms (one query, no
all-pairs work). Each candidate is then compared with the article sentence by
sentence: a copy shares sentences (word for word, or reworded with most words kept),
independent coverage of the same event shares key terms but few sentences. The
numbers behind each label are returned with it.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from math import log

import numpy as np
from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem
from whoosh.searching import Searcher
from whoosh.support.charset import accent_map

from index.articles import article_from_fields, docnum_of
from index.ingest.boilerplate import is_boilerplate
from index.model import Article, SimilarArticle
from index.schema import WORD_PATTERN
from index.snippets import sentences

CANDIDATES = 15  # rewrites and copies rank near the top of more-like-this; each costs a comparison
PROFILE_CACHE = 2048
KEY_TERMS = 25
MIN_SENTENCE_WORDS = 4
# thresholds, measured on the seeds and the fixture pairs (see tests/test_similar.py)
SAME_SENTENCE = 0.5  # word-set Jaccard at which two sentences say the same thing
EXACT_SENTENCE = 0.9
DUPLICATE_EXACT = 0.8  # share of each text repeated word for word in the other
REWRITE_REUSED = 0.45  # share of the shorter text found, reworded or not
STORY_TERMS = 0.3  # key-term overlap of independent coverage of one event
STORY_REUSED = 0.15
RELATED_TERMS = 0.12
STORY_DAYS = 7  # independent coverage of one event appears within a week (copies may come later)
COMMON_SHARE = 0.15  # words in more than this share of articles are not key terms ("would", "said")
_WORD = re.compile(WORD_PATTERN)
# photo-gallery and video-player text scraped into bodies: shared by every page of a site,
# so it would make unrelated articles look like copies of each other
WIDGET = re.compile(r"(?i)\b(?:hide|show|expand) caption\b|\b\d+ of \d+\b.{0,40}\bphotos?\b|\bphotos?: photos?:"
                    r"|\breplay\b.{0,20}\bmore videos\b|\bjust watched\b|\bmust watch\b")


@dataclass(slots=True)
class Profile:
    """What comparing needs of one article: its sentences as word sets, its key terms."""

    article: Article
    sentences: list[str]
    sets: list[frozenset[str]]
    weights: list[int]  # words per sentence, so long sentences count for more
    terms: dict[str, float]  # key term -> tf-idf
    surface: dict[str, str]  # stem -> the word as most often written


@lru_cache(maxsize=200_000)
def stem_of(word: str) -> str | None:
    """The index's own stem of a lower-cased word (None for a stop word): same terms, no token objects."""
    if not word.isascii():
        word = word.translate(accent_map)
    if len(word) < 2 or word in STOP_WORDS:
        return None
    return stem(word)


def words(text: str) -> list[tuple[str, str]]:
    """(stem, surface word) for the content words of a text, as the body analyser would."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        st = stem_of(w.lower())
        if st is not None:
            out.append((st, w))
    return out


def profile(searcher: Searcher, article: Article, cache: dict | None = None) -> Profile:
    """An article's comparison profile, memoised per generation: candidates recur."""
    profiles = cache.setdefault("profiles", OrderedDict()) if cache is not None else None
    if profiles is not None and article.id in profiles:
        profiles.move_to_end(article.id)
        return profiles[article.id]
    prof = build_profile(searcher, article, cache.setdefault("df", {}) if cache is not None else {})
    if profiles is not None:
        profiles[article.id] = prof
        if len(profiles) > PROFILE_CACHE:
            profiles.popitem(last=False)
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
        if len(ws) >= MIN_SENTENCE_WORDS and not WIDGET.search(sent) and not is_boilerplate(sent):
            sents.append(sent)
            sets.append(frozenset(s for s, _ in ws))
            weights.append(len(ws))
    n = searcher.doc_count_all() or 1
    common = COMMON_SHARE * n if n >= 50 else n + 1  # on a tiny corpus every word looks common
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
    total = sum(a.weights) or 1
    reused = sum(w for w, (_, sim) in zip(a.weights, aligned, strict=True) if sim >= SAME_SENTENCE)
    exact = sum(w for w, (_, sim) in zip(a.weights, aligned, strict=True) if sim >= EXACT_SENTENCE)
    return reused / total, exact / total


def close_in_time(a: Article, b: Article) -> bool:
    """One event is covered within days; the same topic two years on is only related."""
    return a.date is None or b.date is None or abs((a.date - b.date).days) <= STORY_DAYS


def relate(a: Profile, b: Profile) -> tuple[str, float, float, float]:
    """(relation, score, reused share of the shorter text, key-term overlap)."""
    ra, ea = shares(a, alignment(a, b))
    rb, eb = shares(b, alignment(b, a))
    shorter_reused = ra if sum(a.weights) <= sum(b.weights) else rb
    reused = max(ra, rb, shorter_reused)
    ka, kb = set(a.terms), set(b.terms)
    overlap = len(ka & kb) / min(len(ka), len(kb)) if ka and kb else 0.0
    if min(ea, eb) >= DUPLICATE_EXACT:  # both texts repeated word for word: only the chrome differs
        relation = "duplicate"
    elif reused >= REWRITE_REUSED:
        relation = "rewrite"
    elif (overlap >= STORY_TERMS or reused >= STORY_REUSED) and close_in_time(a.article, b.article):
        relation = "same-story"
    else:
        relation = "related"
    score = round(0.6 * reused + 0.4 * overlap, 3)
    return relation, score, round(reused, 3), round(overlap, 3)


def candidates(searcher: Searcher, me: Profile, docnum: int, cache: dict | None) -> list[int]:
    """More-like-this: the articles that best match this one's key terms, weighted by them.

    Scored with the numpy posting store (index.postings) when the caller has a
    generation cache, otherwise with Whoosh's own more_like().
    """
    if cache is None:
        return [hit.docnum for hit in searcher.more_like(docnum, "body", top=CANDIDATES, numterms=30)]
    from index.postings import Postings

    p = cache.get("postings")
    if p is None:
        p = cache["postings"] = Postings(searcher)
    score = np.zeros(p.n, dtype=np.float64)
    top = max(me.terms.values(), default=1.0)
    for term, weight in me.terms.items():
        ids, bm = p.bm25("body", term)
        score[ids] += bm * (weight / top)
    score[docnum] = 0
    best = np.argpartition(-score, min(CANDIDATES, p.n - 1))[:CANDIDATES]
    return [int(d) for d in best[np.argsort(-score[best])] if score[d] > 0]


def similar_to(searcher: Searcher, aid: str, limit: int = 10, cache: dict | None = None) -> list[SimilarArticle]:
    """Other coverage of this article's story, copies first, each with its evidence."""
    docnum = docnum_of(searcher, aid)
    me = profile(searcher, article_from_fields(searcher.stored_fields(docnum)), cache)
    out: list[SimilarArticle] = []
    for cand in candidates(searcher, me, docnum, cache):
        other = profile(searcher, article_from_fields(searcher.stored_fields(cand)), cache)
        relation, score, reused, overlap = relate(me, other)
        if relation == "related" and overlap < RELATED_TERMS:
            continue
        shared = [t for t in me.terms if t in other.terms]
        out.append(SimilarArticle(
            id=other.article.id, title=other.article.title, outlet=other.article.outlet,
            date=other.article.date, score=score, relation=relation, reused=reused, term_overlap=overlap,
            shared_terms=[me.surface[t] for t in shared[:8]],
            only_here=[me.surface[t] for t in me.terms if t not in other.terms][:5],
            only_there=[other.surface[t] for t in other.terms if t not in me.terms][:5],
        ))
    rank = {"duplicate": 0, "rewrite": 1, "same-story": 2, "related": 3}
    out.sort(key=lambda s: (rank[s.relation], -s.score))
    return out[:limit]
