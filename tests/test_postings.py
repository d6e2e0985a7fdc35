"""The numpy fast path must agree with Whoosh's own matchers: same documents, same scores."""

from __future__ import annotations

import numpy as np
import pytest

from index.postings import fast_match
from index.query import parse_query
from index.store import IndexHandle


@pytest.mark.parametrize("text", [
    "putin", "putin pyongyang", "pact OR gas", "putin -pact", "(pact OR visit) -guardian",
    '"defence pact"', '"mutual pact"~2', '"state media"', "title:putin", '"kim jong un" visit',
])
def test_fast_path_matches_and_scores_like_whoosh(index_dir, text):
    s = IndexHandle(index_dir).searcher()
    q = parse_query(text, s.schema).query
    fast = fast_match(s, q, {})
    assert fast is not None, "word and phrase queries take the fast path"
    docs, scores, _ = fast
    assert set(docs.tolist()) == set(s.docs_for_query(q))
    if "Phrase" not in repr(q):  # a phrase scores as its words' sum here; Whoosh's span scoring differs
        for hit in s.search(q, limit=None):
            assert scores[hit.docnum] == pytest.approx(hit.score, rel=1e-4)


@pytest.mark.parametrize("text", ["pyong*", "putn~", "p?ngyang", "*yang"])
def test_expansions_match_like_whoosh(index_dir, text):
    s = IndexHandle(index_dir).searcher()
    q = parse_query(text, s.schema).query
    docs, _, notes = fast_match(s, q, {})
    assert set(docs.tolist()) == set(s.docs_for_query(q)) and notes == []


def test_huge_expansion_is_capped_and_said(index_dir, monkeypatch):
    from index import postings

    monkeypatch.setattr(postings, "EXPANSION_CAP", 3)
    s = IndexHandle(index_dir).searcher()
    docs, _, notes = fast_match(s, parse_query("p*", s.schema).query, {})
    assert len(docs) > 0 and "most common were searched" in notes[0]


def test_leases_share_one_cache_per_generation(index_dir):
    """Every searcher of a generation reads the same decoded arrays (memory: one copy per worker)."""
    handle = IndexHandle(index_dir)
    a, b = handle.acquire(), handle.acquire()
    assert a.searcher is not b.searcher and a.cache is b.cache
    q = parse_query("putin pact", a.searcher.schema).query
    first = fast_match(a.searcher, q, a.cache)
    assert fast_match(b.searcher, q, b.cache) is first       # the match set is memoised once


def test_concurrent_first_requests_build_shared_state_once(index_dir):
    import threading

    from index.search import columns_for
    from index.store import GenerationCache

    cache = GenerationCache("test")
    handle = IndexHandle(index_dir)
    leases = [handle.acquire() for _ in range(4)]
    got = []
    threads = [threading.Thread(target=lambda lease=lease: got.append(columns_for(lease.searcher, cache)))
               for lease in leases]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 4 and all(c is got[0] for c in got)


def test_lru_keeps_its_budget():
    from index.store import LRU

    lru = LRU(100, cost=len)
    for i in range(50):
        lru.put(i, "x" * 30)
    assert lru.used <= 100 and len(lru) == 3 and lru.get(49) and lru.get(0) is None


def test_warm_up_decodes_common_terms_and_changes_no_result(index_dir):
    from index.postings import store_for, warm
    from index.store import GenerationCache

    s = IndexHandle(index_dir, warm=False).searcher()
    cache = GenerationCache("test")
    assert warm(s, cache) > 0 and ("body", "putin") in store_for(cache).terms
    assert set(store_for(cache).lengths) == {"title", "body"}  # the first search scores without reading them
    q = parse_query("putin pact", s.schema).query
    assert set(fast_match(s, q, cache)[0].tolist()) == set(s.docs_for_query(q))


@pytest.mark.parametrize("slop", [1, 2, 4])
def test_phrase_check_over_all_documents_agrees_with_the_loop(slop):
    import random

    from index.postings import in_sequence, in_sequence_all

    rng = random.Random(slop)
    docs = list(range(0, 400, 3))
    words = [{d: sorted(rng.sample(range(20), rng.randint(0, 8))) for d in docs} for _ in range(3)]
    expected = [d for d in docs if in_sequence([w.get(d, []) for w in words], slop)]
    occurrences = [(np.array([d for d in docs for _ in w[d]], dtype=np.int64),
                    np.array([q for d in docs for q in w[d]], dtype=np.int64)) for w in words]
    assert in_sequence_all(occurrences, slop).tolist() == expected and expected


def test_term_frequencies_are_summed_over_segments(tmp_path, corpus_dir, force_parallel):
    """The warm-up ranks terms by document frequency read segment by segment (a MultiReader
    looks each term up in every segment: 14 s at 33k); the sums must be the index's own."""
    from index.build import build_index
    from index.postings import frequencies

    build_index(corpus_dir, tmp_path / "ix", workers=2)
    s = IndexHandle(tmp_path / "ix", warm=False).searcher()
    assert len(list(s.reader().leaf_readers())) == 2
    df = frequencies(s)
    expected = {(f, t): info.doc_frequency() for f in ("title", "body") for t, info in s.reader().iter_field(f)}
    assert df == expected and df[("body", b"putin")] > 1


def test_prefetch_reads_a_generation_side_files_first_within_its_budget(index_dir):
    """At open the warm-up reads the generation's files once (a cold page cache made each
    first-time search's preads disk reads); postings side files first, and never past the budget."""
    from index.store import current_generation, prefetch

    gen = current_generation(index_dir)
    sizes = {p.name: p.stat().st_size for p in gen.iterdir() if p.is_file()}
    side = sum(v for k, v in sizes.items() if k.endswith(".lpost"))
    assert side > 0
    assert prefetch(gen) == sum(sizes.values())
    assert prefetch(gen, budget=side) == side          # the side files come first
    assert prefetch(gen, stop=lambda: True) == 0       # a newer generation opened: stop at once
