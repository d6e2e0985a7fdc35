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
    docs, scores = fast
    assert set(docs.tolist()) == set(s.docs_for_query(q))
    if "Phrase" not in repr(q):  # a phrase scores as its words' sum here; Whoosh's span scoring differs
        for hit in s.search(q, limit=None):
            assert scores[hit.docnum] == pytest.approx(hit.score, rel=1e-4)


def test_other_queries_fall_back_to_whoosh(index_dir):
    s = IndexHandle(index_dir).searcher()
    for text in ("pyong*", "putn~"):
        q = parse_query(text, s.schema).query
        assert fast_match(s, q, {}) is None
