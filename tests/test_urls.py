"""URL building takes shortcuts (cached quoting, routes built once a request); they must give
exactly what urlencode and url_for give, for any id or query a user or a source can bring."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import url_for
from hypothesis import given, settings
from hypothesis import strategies as st

from app import create_app
from app.urls import outlet_toggles, path_url, query_string, search_url
from index.model import SearchRequest

APP = create_app({"INDEX_DIR": "/nonexistent", "TESTING": True})
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(text, text), max_size=6))
def test_query_string_is_urlencode(pairs):
    assert query_string(pairs) == urlencode(pairs)


@settings(max_examples=300, deadline=None)
@given(text.filter(bool))
def test_path_url_is_url_for(aid):
    with APP.test_request_context("/"):
        for endpoint in ("views.article", "api.article", "api.similar", "views.similar"):
            assert path_url(endpoint, aid) == url_for(endpoint, aid=aid)


@settings(max_examples=100, deadline=None)
@given(q=text, chosen=st.lists(text, max_size=3, unique=True), listed=st.lists(text, max_size=5, unique=True))
def test_outlet_toggles_are_the_search_urls_of_those_requests(q, chosen, listed):
    req = SearchRequest(q=q, outlets=tuple(chosen), page=3)
    with APP.test_request_context("/"):
        got = outlet_toggles(req, listed + chosen, "views.search")
        want = [search_url(req.but(outlets=tuple(o for o in chosen if o != v) if v in chosen else (*chosen, v)))
                for v in listed + chosen]
    assert got == want
