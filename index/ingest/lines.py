"""Line features and the small learned line classifier behind the text cleaner.

A plain-text scrape loses the markup that HTML extractors lean on, so every decision here
comes from what survives in text: a line's shape (length, sentence punctuation, capitals),
its vocabulary (chrome words such as "subscribe" or "cookie"), repetition within the page,
and above all its neighbourhood, because reporting comes as one dominant run of prose while
menus, teasers and footers come as runs of short or formulaic lines.

Two boosted-tree stages run over these features: stage 1 scores each line from its own and
its neighbours' features and a learned vocabulary score (line_vocab.py); stage 2 adds the
stage-1 scores around the line and the page's dominant block of reporting, which is what
catches prose-like teasers and captions that look like reporting on their own. The shipped
model is two such models, fitted on different pages, whose scores are averaged (load_model).
Weights live in line_model.json.gz (bench/train_line_model.py writes them); inference is numpy
only so scikit-learn never becomes a runtime dependency.
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.ingest.line_features import (  # noqa: F401  (re-exported for clean.py)
    BOILER_LINE_RE,
    BOILER_MAX,
    BYLINE_RE,
    DATE_RE,
    LEAD_RE,
    N_LINE,
    STRONG_CHROME_RE,
    TEASER_COL,
    base_features,
    max_run,
    stage1_features,
    stage2_features,
)
from index.ingest.line_vocab import VocabModel, tokenize

MODEL_PATH = Path(__file__).with_name("line_model.json.gz")  # gzipped: 1.2 MB, not 3.7


class TreeEnsemble:
    """Boosted trees flattened into padded node arrays, evaluated level by level in numpy."""

    def __init__(self, spec: dict) -> None:
        self.feature = np.asarray(spec["feature"], dtype=np.int64)
        self.threshold = np.asarray(spec["threshold"], dtype=np.float64)
        self.left = np.asarray(spec["left"], dtype=np.int64)
        self.right = np.asarray(spec["right"], dtype=np.int64)
        self.children = np.stack([self.left, self.right], axis=1).ravel()
        self.value = np.asarray(spec["value"], dtype=np.float64)
        self.roots = np.asarray(spec["roots"], dtype=np.int64)
        self.depth = int(spec["depth"])
        self.bias = float(spec["bias"])

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Probability of 'body' per row."""
        n = X.shape[0]
        if n == 0:
            return np.zeros(0)
        # row-major flat view: one np.take per level instead of 2-D fancy indexing, and the
        # two children side by side so the branch is an index offset, not a np.where
        flat = np.ascontiguousarray(X).ravel()
        rows = (np.arange(n) * X.shape[1])[:, None]
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        for _ in range(self.depth):
            right = flat.take(self.feature.take(node) + rows) > self.threshold.take(node)
            node = self.children.take(node * 2 + right)
        raw = self.value.take(node).sum(axis=1) + self.bias
        return 1.0 / (1.0 + np.exp(-raw))


class LineModel:
    """One member of the shipped ensemble: a vocabulary regression and two tree stages."""

    def __init__(self, spec: dict) -> None:
        self.stage1 = TreeEnsemble(spec["stage1"])
        self.stage2 = TreeEnsemble(spec["stage2"])
        self.vocab = VocabModel(spec["vocab"]) if "vocab" in spec else None

    def predict(self, tokens: list[list[bytes]], base: np.ndarray) -> np.ndarray:
        """Scores of a page's lines from their tokens (line_vocab.tokenize, done once for all
        members) and base_features rows."""
        x1 = stage1_features(base, self.vocab.prob(tokens) if self.vocab is not None else None)
        return self.stage2.predict(stage2_features(x1, self.stage1.predict(x1)))


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> dict | None:
    """The shipped weights (None when absent: the cleaner then falls back to rules).

    The file holds one model, or several under "members" whose scores are averaged: one
    fitted on WCXB's real pages alone, one on those and the labelled news pages of
    bench/probes. Each alone learns its data's habits (guides' bodies; the probes' shape);
    their mean is better on held-out pages of both kinds than either.
    """
    p = Path(path)
    if not p.exists():
        return None
    spec = json.loads(gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes())
    members = [LineModel(m) for m in spec.get("members", [spec])]
    return {
        "members": members,
        "vocab": members[0].vocab,  # the real pages' vocabulary: what an ordinary word is (text_meta)
        "threshold": float(spec.get("threshold", 0.5)),
    }


def rule_scores(base: np.ndarray) -> np.ndarray:
    """Hand rules used when no model file ships: sentence-shaped prose in the main block."""
    prose = (base[:, 0] > math.log1p(40)) & (base[:, 2] > 0)
    chrome = (base[:, 9] > 0) | (base[:, 10] > 0) | (base[:, 8] > 2.5)
    score = prose.astype(float) * 0.6 + base[:, N_LINE + 4] * 0.4 - chrome * 0.8
    return np.clip(score, 0, 1)


def score_from_base(lines: list[str], base: np.ndarray) -> np.ndarray:
    """Probability that each line is reporting, from its page's base_features rows."""
    model = load_model()
    if model is None:
        return rule_scores(base)
    members = model["members"]
    tokens = tokenize(lines)
    return sum(m.predict(tokens, base) for m in members) / len(members)


def score_lines(lines: list[str]) -> np.ndarray:
    """Probability that each (stripped, non-empty) line is reporting."""
    return score_from_base(lines, base_features(lines))
