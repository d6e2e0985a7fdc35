"""Line features and the small learned line classifier behind the text cleaner.

A plain-text scrape loses the markup that HTML extractors lean on, so every decision here
comes from what survives in text: a line's shape (length, sentence punctuation, capitals),
its vocabulary (chrome words such as "subscribe" or "cookie"), repetition within the page,
and above all its neighbourhood, because reporting comes as one dominant run of prose while
menus, teasers and footers come as runs of short or formulaic lines.

Two boosted-tree stages run over these features: stage 1 scores each line from its own and
its neighbours' features; stage 2 adds the stage-1 scores around the line and the page's
dominant block of reporting, which is what catches prose-like teasers and captions that
look like reporting on their own. Weights live in line_model.json (bench/train_line_model.py
writes them); inference is numpy only so scikit-learn never becomes a runtime dependency.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).with_name("line_model.json")

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE_RE = re.compile(
    rf"(?i)\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\b"
)
# Words that make up site chrome. Strong ones are rare in reporting; weak ones are common
# in chrome but also occur in stories, so they only count as density.
STRONG_CHROME_RE = re.compile(
    r"(?i)\b(?:cookies?|subscri(?:be|ption)s?|newsletters?|sign(?:ed)? (?:in|up)|log ?(?:in|out)"
    r"|password|advertisements?|sponsored|read more|see also|related(?: articles| stories| posts)?"
    r"|more (?:stories|news|from)|follow us|copyright|rights reserved|click here|skip to"
    r"|terms of (?:use|service)|privacy policy|share (?:this|on)|comments?|leave a reply"
    r"|you may (?:also )?like|recommended|trending|most (?:read|popular)|popular posts"
    r"|inbox|unlock|free trial|download (?:the|our) app|all rights|tags?:|categor(?:y|ies)"
    r"|previous (?:post|article)|next (?:post|article)|back to top|load more|show more)\b"
)
# A whole line that is nothing but a widget label ("Advertisement", "Source link", "Share").
BOILER_LINE_RE = re.compile(
    r"(?i)^[\W_]*(?:advertisement|ad|sponsored(?: content)?|source link|share(?: this)?"
    r"|print|email|tweet|comments?|\d+ comments?|reply|close|menu|search|home|next|previous"
    r"|read more|continue reading|see more|load more|show more|related|related (?:articles|posts"
    r"|stories|news|content)|latest (?:news|articles|posts|stories)|more (?:stories|news)|tags?"
    r"|you (?:may|might) also like|recommended(?: for you)?|trending(?: now)?|popular|top stories"
    r"|what do you think\??|leave a (?:reply|comment)|back to top|log ?in|sign ?in|sign up"
    r"|subscribe(?: now)?|follow us|newsletter|skip to (?:main )?content|toggle navigation"
    r"|written by .{1,40}|posted by .{1,40}|photo|video|image|credit|getty images)[\W_]*$"
)
# The same vocabulary as word sets: counting hits by set intersection is ~20x faster than
# scanning with the alternations above, which matters at hundreds of lines per page.
STRONG_WORDS = frozenset(
    "cookie cookies subscribe subscribed subscribes subscription subscriptions newsletter "
    "newsletters password advertisement advertisements sponsored copyright comment comments "
    "recommended trending inbox unlock tags category categories login logout signup".split()
)
STRONG_BIGRAMS = frozenset(tuple(p.split()) for p in (
    "sign in", "sign up", "log in", "log out", "read more", "see also", "related articles",
    "related stories", "related posts", "more stories", "more news", "more from", "follow us",
    "rights reserved", "click here", "skip to", "terms of", "privacy policy", "share this",
    "share on", "leave a", "you may", "also like", "most read", "most popular",
    "popular posts", "free trial", "previous post", "next post", "previous article",
    "next article", "back to", "load more", "show more", "download the", "our app"))
WEAK_WORDS = frozenset(
    "home menu search share facebook twitter instagram linkedin whatsapp pinterest youtube "
    "tiktok telegram reddit email print photo photos image video watch listen podcast getty "
    "credit reuters afp shutterstock contact account register news opinion sports business "
    "entertainment lifestyle weather world politics latest more".split()
)
WORD_RE = re.compile(r"[a-z]+")
LEAD_RE = re.compile(r"(?i)^(?:see also|read more|related|read also|also read|more:|watch:"
                     r"|listen:|recommended:|click here|read:|more from|follow )")
BYLINE_RE = re.compile(r"(?i)^(?:by|written by|posted by|author|reporting by|words by)\b")
UPPER_RE = re.compile(r"\b[A-Z]")
DIGIT_RE = re.compile(r"\d")
SENT_RE = re.compile(r"[.!?][\"”’)]?\s+[A-Z“\"]")
URLISH_RE = re.compile(r"(?i)https?://|www\.|@\w|#\w|\.com\b")
_END_PUNCT = tuple('.!?…"”’)')
_QUOTES = ('"', "“", "”")

N_BASE = 24
# Features whose values at neighbouring lines feed stage 1 (indices into the base row).
NEIGH_COLS = (0, 2, 8, 9, 13)
OFFSETS = (-3, -2, -1, 1, 2, 3)


def _line_row(s: str) -> list[float]:
    """Shape and vocabulary of one stripped line; cheap C-level string ops only (speed)."""
    n = len(s)
    words = s.count(" ") + 1
    toks = WORD_RE.findall(s.lower())
    strong = len(STRONG_WORDS.intersection(toks))
    if n < 300:
        strong += len(STRONG_BIGRAMS.intersection(zip(toks, toks[1:], strict=False)))
    weak = len(WEAK_WORDS.intersection(toks))
    ends = s.endswith(_END_PUNCT)
    return [
        math.log1p(n),
        math.log1p(words),
        1.0 if ends else 0.0,
        1.0 if s.endswith(":") else 0.0,
        len(UPPER_RE.findall(s)) / words,
        len(DIGIT_RE.findall(s)) / n,
        s.count(",") / words,
        1.0 if any(q in s for q in _QUOTES) else 0.0,
        strong * 10.0 / words,
        1.0 if BOILER_LINE_RE.match(s) else 0.0,
        1.0 if LEAD_RE.match(s) else 0.0,
        1.0 if n < 60 and DATE_RE.search(s) else 0.0,
        1.0 if n < 80 and BYLINE_RE.match(s) else 0.0,
        weak * 10.0 / words,
        0.0,  # duplicate count, filled per page
        0.0,  # near-duplicate, filled per page
        0.0,  # relative position
        0.0,  # char position
        0.0,  # length relative to page max
        1.0 if s.isupper() else 0.0,
        (s.count("|") + s.count("»") + s.count("›") + s.count("/") + s.count("•")) / words,
        1.0 if s[0] in "-•*–—·>" or s[:2].rstrip(".)").isdigit() else 0.0,
        1.0 if s[0].islower() else 0.0,
        len(SENT_RE.findall(s)) + (1.0 if ends and words > 6 else 0.0),
    ]


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def base_features(lines: list[str]) -> np.ndarray:
    """Per-line rows plus the page facts (repetition, position) a single line cannot see."""
    n = len(lines)
    X = np.zeros((n, N_BASE + 6), dtype=np.float64)
    if n == 0:
        return X
    X[:, :N_BASE] = [_line_row(s) for s in lines]
    keys = [_norm(s) for s in lines]
    counts: dict[str, int] = {}
    heads: dict[str, int] = {}
    tails: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
        if len(k) > 50:
            heads[k[:40]] = heads.get(k[:40], 0) + 1
            tails[k[-40:]] = tails.get(k[-40:], 0) + 1
    lens = np.array([len(s) for s in lines], dtype=np.float64)
    X[:, 14] = [math.log(counts[k]) for k in keys]
    X[:, 15] = [
        1.0 if len(k) > 50 and (heads[k[:40]] > 1 or tails[k[-40:]] > 1) else 0.0 for k in keys
    ]
    X[:, 16] = np.arange(n) / max(n - 1, 1)
    cum = np.cumsum(lens)
    X[:, 17] = (cum - lens / 2) / cum[-1]
    X[:, 18] = lens / lens.max()
    # Prose runs: a sentence-shaped line and how much prose surrounds it; the page's main
    # block of reporting is the densest such run.
    prose = ((lens >= 70) & (X[:, 2] > 0)).astype(np.float64)
    X[:, N_BASE] = _window_mean(prose, 3)
    X[:, N_BASE + 1] = _window_mean(prose, 10)
    X[:, N_BASE + 2] = _window_mean(X[:, 8] + X[:, 9], 3)
    X[:, N_BASE + 3] = _window_mean(lens, 5) / lens.max()
    X[:, N_BASE + 4] = _main_block(prose * 2 - 1, lens)
    X[:, N_BASE + 5] = np.log1p(_distance_to(prose > 0))
    return X


def _window_mean(v: np.ndarray, w: int) -> np.ndarray:
    """Mean of v over [i-w, i+w], clipped at the page edges."""
    c = np.concatenate(([0.0], np.cumsum(v)))
    n = len(v)
    lo = np.clip(np.arange(n) - w, 0, n)
    hi = np.clip(np.arange(n) + w + 1, 0, n)
    return (c[hi] - c[lo]) / (hi - lo)


def _main_block(score: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """1 inside the maximum-sum run of (length-weighted) score, else signed distance decay."""
    weighted = score * np.sqrt(lens + 1)
    best, cur, start, bs, be = -1e18, 0.0, 0, 0, 0
    for i, v in enumerate(weighted.tolist()):
        if cur <= 0:
            cur, start = v, i
        else:
            cur += v
        if cur > best:
            best, bs, be = cur, start, i
    idx = np.arange(len(score))
    dist = np.where(idx < bs, bs - idx, np.where(idx > be, idx - be, 0))
    return 1.0 / (1.0 + dist)


def _distance_to(mask: np.ndarray) -> np.ndarray:
    """Lines to the nearest True in mask (len(mask) if none)."""
    n = len(mask)
    big = float(n)
    left = np.full(n, big)
    right = np.full(n, big)
    last = -1
    for i, m in enumerate(mask.tolist()):
        if m:
            last = i
        if last >= 0:
            left[i] = i - last
    last = -1
    for i in range(n - 1, -1, -1):
        if mask[i]:
            last = i
        if last >= 0:
            right[i] = last - i
    return np.minimum(left, right)


def shift(v: np.ndarray, k: int, fill: float = -1.0) -> np.ndarray:
    """v moved by k lines (value of line i+k at i), padded where the page ends."""
    out = np.full_like(v, fill)
    n = len(v)
    if abs(k) >= n:  # a page shorter than the window: every neighbour is off the page
        return out
    if k > 0:
        out[: n - k] = v[k:]
    elif k < 0:
        out[-k:] = v[: n + k]
    else:
        out[:] = v
    return out


def stage1_features(base: np.ndarray) -> np.ndarray:
    """Base rows plus the same few features at the three lines either side."""
    cols = [base]
    for c in NEIGH_COLS:
        for k in OFFSETS:
            cols.append(shift(base[:, c], k)[:, None])
    return np.hstack(cols)


def stage2_features(x1: np.ndarray, p1: np.ndarray) -> np.ndarray:
    """Stage-1 features plus stage-1 scores around the line and the block they form."""
    n = len(p1)
    lens = np.exp(x1[:, 0]) - 1
    extra = [p1, _window_mean(p1, 2), _window_mean(p1, 6), _window_mean(p1, 15)]
    extra += [shift(p1, k) for k in OFFSETS]
    extra.append(_main_block(p1 * 2 - 1, lens))
    extra.append(np.full(n, p1.mean() if n else 0.0))
    extra.append(p1 - (np.median(p1) if n else 0.0))
    extra.append(np.log1p(_distance_to(p1 > 0.5)))
    return np.hstack([x1, np.stack(extra, axis=1)])


class TreeEnsemble:
    """Boosted trees flattened into padded node arrays, evaluated level by level in numpy."""

    def __init__(self, spec: dict) -> None:
        self.feature = np.asarray(spec["feature"], dtype=np.int64)
        self.threshold = np.asarray(spec["threshold"], dtype=np.float64)
        self.left = np.asarray(spec["left"], dtype=np.int64)
        self.right = np.asarray(spec["right"], dtype=np.int64)
        self.value = np.asarray(spec["value"], dtype=np.float64)
        self.roots = np.asarray(spec["roots"], dtype=np.int64)
        self.depth = int(spec["depth"])
        self.bias = float(spec["bias"])

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Probability of 'body' per row."""
        n = X.shape[0]
        if n == 0:
            return np.zeros(0)
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        for _ in range(self.depth):
            go_left = X[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(go_left, self.left[node], self.right[node])
        raw = self.value[node].sum(axis=1) + self.bias
        return 1.0 / (1.0 + np.exp(-raw))


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> dict | None:
    """The shipped weights (None when absent: the cleaner then falls back to rules)."""
    p = Path(path)
    if not p.exists():
        return None
    spec = json.loads(p.read_text())
    return {
        "stage1": TreeEnsemble(spec["stage1"]),
        "stage2": TreeEnsemble(spec["stage2"]),
        "threshold": float(spec.get("threshold", 0.5)),
    }


def rule_scores(base: np.ndarray) -> np.ndarray:
    """Hand rules used when no model file ships: sentence-shaped prose in the main block."""
    prose = (base[:, 0] > math.log1p(40)) & (base[:, 2] > 0)
    chrome = (base[:, 9] > 0) | (base[:, 10] > 0) | (base[:, 8] > 2.5)
    score = prose.astype(float) * 0.6 + base[:, N_BASE + 4] * 0.4 - chrome * 0.8
    return np.clip(score, 0, 1)


def score_lines(lines: list[str]) -> np.ndarray:
    """Probability that each (stripped, non-empty) line is reporting."""
    base = base_features(lines)
    model = load_model()
    if model is None:
        return rule_scores(base)
    x1 = stage1_features(base)
    p1 = model["stage1"].predict(x1)
    return model["stage2"].predict(stage2_features(x1, p1))
