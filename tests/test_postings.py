"""The numpy fast path must agree with Whoosh's own matchers: same documents, same scores."""

from __future__ import annotations

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
