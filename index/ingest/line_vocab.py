"""A learned vocabulary score per line: how much its words read like reporting.

The shape features in line_features.py cannot tell "Read our full review" or "Price comparison
from 24,000 stores" from a short sentence of a story; the words can. A logistic regression
over a line's words, its first and last word and its word pairs (bench/train_line_model.py
fits it, keeping only terms seen on at least a handful of sites so that no site's own menu
is learnt) gives the boosted trees one more column. Scoring is a few numpy gathers over the
page's tokens, so it costs about as much as the chrome-word counts it sits beside.
"""

from __future__ import annotations

from itertools import chain, repeat

import numpy as np

from index.ingest.line_features import WORD_BREAKS


def tokenize(lines: list[str]) -> list[list[bytes]]:
    """The words of every line, lowercased, as bytes."""
    b = "\n".join(lines).lower().encode("utf-8", "surrogatepass").translate(WORD_BREAKS)
    return [s.split() for s in b.split(b"\n")]


class VocabModel:
    """Weights for words, first words, last words and word pairs (pairs keyed by the ids of
    their two words, so a pair is looked up without building a string)."""

    def __init__(self, spec: dict) -> None:
        words = spec["words"]
        self.index = {w.encode("utf-8", "surrogatepass"): i for i, w in enumerate(words)}
        self.n = len(words)
        self.w_word = np.asarray(spec["w_word"], dtype=np.float64)
        self.w_first = np.asarray(spec["w_first"], dtype=np.float64)
        self.w_last = np.asarray(spec["w_last"], dtype=np.float64)
        self.pairs = np.asarray(spec["pairs"], dtype=np.int64)  # sorted a * n + b
        self.w_pair = np.asarray(spec["w_pair"], dtype=np.float64)
        self.bias = float(spec["bias"])

    def knows(self, word: str) -> bool:
        """A word of the vocabulary: used on five sites or more of the training pages, so a
        common word rather than a brand's name."""
        return word.lower().encode("utf-8", "surrogatepass") in self.index

    def score(self, lines: list[str]) -> np.ndarray:
        """Probability that each line is reporting, from its words alone."""
        return self.prob(tokenize(lines))

    def prob(self, per_line: list[list[bytes]]) -> np.ndarray:
        """score() of lines already tokenized (training caches the tokens)."""
        return 1.0 / (1.0 + np.exp(-self.logit(per_line)))

    def logit(self, per_line: list[list[bytes]]) -> np.ndarray:
        n_lines = len(per_line)
        out = np.full(n_lines, self.bias)
        counts = np.fromiter(map(len, per_line), dtype=np.int64, count=n_lines)
        total = int(counts.sum())
        if not total:
            return out
        ids = np.fromiter(map(self.index.get, chain.from_iterable(per_line), repeat(-1)),
                          dtype=np.int64, count=total)
        line = np.repeat(np.arange(n_lines), counts)
        # each term counts once per line (the model was fitted on presence, not counts)
        known = ids >= 0
        key = np.unique(line[known] * self.n + ids[known])
        out += np.bincount(key // self.n, weights=self.w_word[key % self.n], minlength=n_lines)
        ends = np.cumsum(counts)
        has = counts > 0
        for pos, w in ((ends[has] - counts[has], self.w_first), (ends[has] - 1, self.w_last)):
            tid = ids[pos]
            ok = tid >= 0
            out[np.flatnonzero(has)[ok]] += w[tid[ok]]
        if len(self.pairs) and total > 1:
            same = (line[1:] == line[:-1]) & known[1:] & known[:-1]
            pk = ids[:-1][same] * self.n + ids[1:][same]
            at = np.minimum(np.searchsorted(self.pairs, pk), len(self.pairs) - 1)
            hit = self.pairs[at] == pk
            pl = line[1:][same][hit]
            u = np.unique(pl * len(self.pairs) + at[hit])
            out += np.bincount(u // len(self.pairs), weights=self.w_pair[u % len(self.pairs)],
                               minlength=n_lines)
        return out
