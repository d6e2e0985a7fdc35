"""The shipped line model file: one model, or members whose scores are averaged."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from index.ingest.line_features import base_features
from index.ingest.line_vocab import tokenize
from index.ingest.lines import load_model, score_from_base


def constant(logit: float) -> dict:
    """A tree stage that gives every line the same logit (one leaf)."""
    return {"feature": [0], "threshold": [1e300], "left": [0], "right": [0], "value": [logit],
            "roots": [0], "depth": 0, "bias": 0.0}


def member(logit: float) -> dict:
    return {"stage1": constant(0.0), "stage2": constant(logit)}


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


LINES = ["Budget deal clears Congress", "Lawmakers approved the deal on Tuesday, officials said."]


def test_a_single_model_file_scores_as_before(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"threshold": 0.4, **member(2.0)}))
    model = load_model(str(path))
    assert model is not None and model["threshold"] == 0.4 and len(model["members"]) == 1
    got = model["members"][0].predict(tokenize(LINES), base_features(LINES))
    assert np.allclose(got, sigmoid(2.0))


def test_members_scores_are_averaged(tmp_path: Path) -> None:
    path = tmp_path / "two.json"
    path.write_text(json.dumps({"threshold": 0.5, "members": [member(2.0), member(-1.0)]}))
    model = load_model(str(path))
    assert model is not None and len(model["members"]) == 2
    base = base_features(LINES)
    got = sum(m.predict(tokenize(LINES), base) for m in model["members"]) / 2
    assert np.allclose(got, (sigmoid(2.0) + sigmoid(-1.0)) / 2)


def test_the_shipped_model_is_an_ensemble_whose_mean_is_the_score() -> None:
    model = load_model()
    assert model is not None and len(model["members"]) == 2
    base = base_features(LINES)
    parts = [m.predict(tokenize(LINES), base) for m in model["members"]]
    assert np.allclose(score_from_base(LINES, base), np.mean(parts, axis=0))
    assert model["vocab"] is model["members"][0].vocab
