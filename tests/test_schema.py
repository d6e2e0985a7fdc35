"""The writer files the terms Whoosh's own analyser would: index_terms is held equal to it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.schema import index_terms, make_schema

SCHEMA = make_schema()
PIECES = ["The", "the", "a", "I", "U.S.", "e.g.", "café", "Ærø", "straße", "İstanbul", "ﬁnance", "x", "_", "2024",
          "sanctions", "Sanctioned", "of", "pic.twitter.com", "naïve", "Putin's", "—", "...", "\u00a0", "\n\n", " "]


@pytest.mark.parametrize("field", ["title", "body"])
@pytest.mark.parametrize("text", [
    "", "the of and", "The president said the U.S. would act", "a b c d e", "Café au lait: tête-à-tête in Zürich",
    "Putin's visit to Pyongyang. Kim Jong Un met him; the two signed a pact.\n\nSanctions follow.",
    "İstanbul ﬁnance ß straße", "x" * 300 + " word",
])
def test_index_terms_equal_whoosh_analysis(field, text):
    assert index_terms(text, SCHEMA[field].format) == list(SCHEMA[field].index(text))


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=30).map(" ".join))
def test_index_terms_equal_whoosh_analysis_on_any_text(text):
    assert index_terms(text, SCHEMA["body"].format) == list(SCHEMA["body"].index(text))
