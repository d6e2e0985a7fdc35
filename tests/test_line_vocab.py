"""The learned vocabulary score: the shipped weights evaluate the terms they were fitted on."""

from __future__ import annotations

import math

import numpy as np

from index.ingest.line_vocab import VocabModel, tokenize
from index.ingest.lines import load_model

WORDS = ["court", "full", "read", "review", "ruled", "the", "über"]
W = dict(zip(WORDS, (1.0, -0.5, -2.0, -1.0, 1.5, 0.1, 0.3), strict=True))


def tiny() -> VocabModel:
    i = {w: k for k, w in enumerate(WORDS)}
    n = len(WORDS)
    first, last = [0.0] * n, [0.0] * n
    first[i["read"]] = -3.0
    last[i["review"]] = -0.25
    pairs = sorted([(i["read"] * n + i["review"], -0.75), (i["court"] * n + i["ruled"], 0.5)])
    return VocabModel({"words": WORDS, "w_word": [W[w] for w in WORDS], "w_first": first,
                       "w_last": last, "pairs": [k for k, _ in pairs],
                       "w_pair": [v for _, v in pairs], "bias": -0.2})


def test_terms_count_once_per_line_with_first_last_word_and_pairs() -> None:
    lines = ["Read review: read REVIEW", "The court ruled.", "", "unknown words only", "Über 9"]
    got = tiny().logit(tokenize(lines))
    want = [
        -0.2 + W["read"] + W["review"] - 3.0 - 0.25 - 0.75,  # "read review" twice: once
        -0.2 + W["the"] + W["court"] + W["ruled"] + 0.5,
        -0.2,
        -0.2,
        -0.2 + W["über"],  # digits are word breaks; non-ASCII letters stay in the word
    ]
    assert np.allclose(got, want)
    p = tiny().score(lines)
    assert math.isclose(p[1], 1 / (1 + math.exp(-want[1])))


def test_pairs_do_not_cross_line_ends() -> None:
    # "read" ends one line and "review" opens the next: not the pair "read review"
    got = tiny().logit(tokenize(["we read", "review"]))
    assert np.allclose(got, [-0.2 + W["read"], -0.2 + W["review"] - 0.25])


def test_shipped_vocabulary_tells_calls_to_action_from_reporting() -> None:
    model = load_model()
    assert model is not None and model["vocab"] is not None
    story = [
        "The committee chairman said the compromise was imperfect but necessary to keep "
        "agencies running through the end of September.",
        "Officials said the plan would include new money for disaster relief, aides said.",
    ]
    chrome = ["Read our full review", "Sign up for our newsletter", "Share on Facebook",
              "Price comparison from over 24,000 stores worldwide"]
    s = model["vocab"].score(story + chrome)
    assert s[: len(story)].min() > s[len(story):].max()
