"""Similar coverage: copies found first and labelled, one story recognised, no false kin."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from index import signatures, stories
from index.model import Hit, SearchRequest
from index.similar import CANDIDATES, candidates, features, similar_to
from index.store import IndexHandle, current_generation

SEEDS = ["000_3295c4a0b66093ee", "001_b35e447825ba055f", "002_4f8e73a1f5888bf8", "003_076406ba0c431812",
         "004_4321d5233f3bb509"]


@pytest.fixture(scope="module")
def seeds(seeds_index):
    h = IndexHandle(seeds_index)
    return lambda aid: similar_to(h.searcher(), aid, 10, h.cache())


@pytest.fixture(scope="module")
def fixtures(index_dir):
    h = IndexHandle(index_dir)
    return lambda aid: similar_to(h.searcher(), aid, 10, h.cache())


def test_reworded_copy_and_its_source_find_each_other_first(seeds):
    for a, b in ((SEEDS[0], SEEDS[1]), (SEEDS[1], SEEDS[0])):
        first = seeds(a)[0]
        assert (first.id, first.relation) == (b, "rewrite")
        assert first.reused >= 0.5 and first.shared_terms


def test_the_five_seeds_are_one_story(seeds):
    for aid in SEEDS:
        found = {s.id: s.relation for s in seeds(aid)}
        assert set(found) == set(SEEDS) - {aid}
        assert set(found.values()) <= {"rewrite", "same-story"}


def test_fixture_pairs_are_labelled_by_how_much_text_they_share(fixtures):
    assert [(s.id, s.relation) for s in fixtures("arrival-bbc")][:1] == [("arrival-copy", "duplicate")]
    assert [(s.id, s.relation) for s in fixtures("pact-guardian")][:1] == [("pact-reuters", "rewrite")]


def test_unrelated_article_has_no_similar_coverage(fixtures):
    assert [s for s in fixtures("park") if s.relation != "related"] == []


def test_evidence_is_given_with_each_label(fixtures):
    (dup, *_) = fixtures("arrival-copy")
    assert dup.reused == 1.0 and 0 < dup.term_overlap <= 1
    assert "airport" in [t.lower() for t in dup.shared_terms]


def test_similar_endpoints(client):
    body = client.get("/api/articles/pact-reuters/similar").get_json()
    assert body["similar"][0]["id"] == "pact-guardian" and body["similar"][0]["relation"] == "rewrite"
    assert body["similar"][0]["compare_url"] == "/api/compare/pact-reuters/pact-guardian"
    assert client.get("/api/articles/nope/similar").status_code == 404
    html = client.get("/articles/pact-reuters/similar", headers={"HX-Request": "true", "HX-Target": "similar"})
    assert b"rewrite" in html.data.lower() and b"<html" not in html.data


def test_same_topic_years_apart_is_only_related(fixtures):
    # the 2022 sanctions piece shares the topic with the 2024 EU sanctions story, not the event
    assert all(s.relation == "related" for s in fixtures("sanction-2022") if s.id == "eu-gas")


def handle(path):
    h = IndexHandle(path)
    return h.searcher(), h.cache()


def test_the_five_seeds_are_one_story_at_index_time(seeds_index):
    s, cache = handle(seeds_index)
    (story,) = stories.stories_for_search(s, SearchRequest(), cache)
    assert sorted(story.ids) == SEEDS and story.articles == 5 and story.matching == 5
    assert story.outlets == 4  # three outlets named, two pages without one
    first = (story.first_id, story.first_outlet, story.first_date)
    assert first == (SEEDS[1], "Brighton Journal", dt.date(2024, 7, 13))
    assert stories.story_of(s, SEEDS[0], cache).ids == story.ids


def test_fixture_stories_and_lone_articles(index_dir):
    s, cache = handle(index_dir)
    found = {tuple(sorted(st.ids)) for st in stories.stories_for_search(s, SearchRequest(), cache)}
    assert ("pact-guardian", "pact-reuters") in found and ("arrival-bbc", "arrival-copy") in found
    assert stories.story_of(s, "park", cache) is None
    assert stories.stories_for_search(s, SearchRequest(q="pyongyang"), cache, limit=1)[0].matching >= 2


def test_copies_fold_behind_the_earliest_version(index_dir):
    s, cache = handle(index_dir)
    hits = [make_hit(aid) for aid in ("arrival-copy", "park", "arrival-bbc", "pact-guardian", "pact-reuters")]
    folded = {h.id: h.copies for h in stories.collapse_hits(s, hits, cache)}
    assert folded == {"arrival-bbc": ["arrival-copy"], "park": [], "pact-reuters": ["pact-guardian"]}
    assert list(folded)[0] == "arrival-bbc"  # the group keeps the rank of its best-ranked member


def test_near_copies_come_from_lsh_and_candidates_are_bounded(index_dir):
    s, cache = handle(index_dir)
    feats = features(s, cache)
    doc = s.document_number(id="arrival-bbc")
    assert s.document_number(id="arrival-copy") in feats.near_copies(doc)
    assert len(candidates(feats, doc)) <= 2 * CANDIDATES


def test_signatures_recompute_for_changed_documents(writable_index):
    gen = current_generation(writable_index)
    before = signatures.Features(gen)
    key, sents = np.array(before.key), before.sentences(3)
    doc = writable_index_doc(gen, "park")
    after = signatures.update(gen, {doc: signatures.doc_features("Completely different words about harbour cranes "
                                                                   "and shipping containers today.", 0)})
    assert np.array_equal(after.sentences(3)[0], sents[0]) and after.n == before.n
    assert not np.array_equal(np.array(after.key)[doc], key[doc])
    assert after.surface(int(after.key_terms(doc)[0])) in {"harbour", "cranes", "shipping", "containers", "completely",
                                                            "different", "words", "today"}


def writable_index_doc(gen, aid):
    from whoosh import index as windex

    with windex.open_dir(str(gen)).searcher() as s:
        return s.document_number(id=aid)


def make_hit(aid: str) -> Hit:
    return Hit(id=aid, title=aid, title_html=aid, snippet="", score=1.0, outlet=None, date=None, dateline=None,
               url=None, word_count=0)


def test_sentences_recurring_for_months_are_furniture_but_wire_copies_are_not(tmp_path):
    promo = "Sign up for our daily newsletter to get the best stories delivered to your inbox every morning."
    wire = "The harbour authority said the new cranes would double the port's container capacity by next spring."
    day = dt.date(2024, 1, 10).toordinal()
    texts = [
        (f"Council votes on the budget after a long debate about school funding. {promo}", day),
        (f"Storm damage closes the coastal road for the second week running. {promo}", day + 60),
        (f"Local team wins the cup final in extra time before a record crowd. {promo}", day + 140),
        (f"{wire} Dock workers welcomed the plan at a meeting on Monday evening.", day + 200),
        (f"{wire} Shipping firms were more cautious in statements released later.", day + 201),
        (f"{wire} The regional paper asked readers what they thought of the plan.", day + 202),
    ]
    signatures.save(tmp_path, [signatures.doc_features(body, d) for body, d in texts])
    feats = signatures.Features(tmp_path)
    assert [len(feats.sentences(i)[1]) for i in range(6)] == [1, 1, 1, 2, 2, 2]  # the promo is not counted
    shared = set(feats.sentences(3)[0]) & set(feats.sentences(4)[0]) & set(feats.sentences(5)[0])
    assert shared >= set(signatures.doc_features(wire).tokens)  # a wire sentence three outlets ran within days stays


def test_key_terms_are_each_documents_top_tf_idf_with_ties_broken_by_hash():
    """Against a direct per-document ranking; a vocabulary missing a term is an error, not a wrong count."""
    from index.signatures import COMMON_SHARE, KEY_TERMS, key_terms

    rng = np.random.default_rng(5)
    n = 80
    rows = [np.unique(rng.integers(1, 400, size=rng.integers(0, 60))).astype(np.uint32) for _ in range(n)]
    rows = [r[rng.permutation(len(r))] for r in rows]  # a bag lists terms in first-seen order
    bag = np.concatenate(rows)
    tf = rng.integers(1, 4, size=bag.size).astype(np.int32)  # few values: many tied scores
    bag_off = np.concatenate(([0], np.cumsum([len(r) for r in rows])))
    df = {t: sum(t in set(r.tolist()) for r in rows) for t in set(bag.tolist())}
    vocab = np.array(sorted(df), dtype=np.uint32)
    key, weight = key_terms(bag_off, bag, tf, n, vocab)
    for d in range(n):
        seen = [(float(tf[i] * (np.log(n / (df[int(bag[i])] + 1.0)) + 1)), int(bag[i]))
                for i in range(bag_off[d], bag_off[d + 1]) if df[int(bag[i])] <= COMMON_SHARE * n]
        best = sorted((s for s in seen if s[0] > 0), key=lambda s: (-s[0], s[1]))[:KEY_TERMS]
        assert key[d, :len(best)].tolist() == [b for _, b in best]
        assert (key[d, len(best):] == 0).all()
        assert np.allclose(weight[d, :len(best)], [s for s, _ in best])
    with pytest.raises(ValueError, match="vocabulary"):
        key_terms(bag_off, bag, tf, n, vocab[1:])
