"""Near-duplicate signatures: MinHash over word shingles, computed at index time.

Stored per generation (signatures.npy beside the Whoosh files, swapped with them), so
finding copies among search results is a vectorised comparison of small integer rows,
never a re-reading of article texts. Numpy only: datasketch's MinHash.update takes one
shingle at a time in Python; here all of an article's shingles are mixed in one step.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np

from index.similar import words

PERMUTATIONS = 64
SHINGLE = 4  # words per shingle: long enough that shared shingles mean shared text
FILE = "signatures.npy"
_PRIME = np.uint64((1 << 61) - 1)
_RNG = np.random.default_rng(20240619)  # fixed: signatures must agree across builds
_A = _RNG.integers(1, 1 << 31, PERMUTATIONS, dtype=np.uint64)
_B = _RNG.integers(0, 1 << 31, PERMUTATIONS, dtype=np.uint64)
EMPTY = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)


def signature(body: str) -> np.ndarray:
    """MinHash of the body's 4-word shingles (stems, stop words dropped): 64 uint32."""
    stems = [s for s, _ in words(body)]
    if len(stems) < SHINGLE:
        return EMPTY.copy()
    hashes = np.fromiter((zlib.crc32(" ".join(stems[i:i + SHINGLE]).encode()) for i in range(len(stems) - SHINGLE + 1)),
                         dtype=np.uint64)
    hashes = np.unique(hashes)
    mixed = (np.outer(_A, hashes) + _B[:, None]) % _PRIME
    return (mixed.min(axis=1) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def save(folder: Path, rows: list[np.ndarray]) -> None:
    matrix = np.stack(rows) if rows else np.empty((0, PERMUTATIONS), dtype=np.uint32)
    np.save(Path(folder) / FILE, matrix)


def load(folder: Path) -> np.ndarray | None:
    path = Path(folder) / FILE
    return np.load(path) if path.exists() else None


def resemblance(rows: np.ndarray) -> np.ndarray:
    """Pairwise estimated Jaccard of shingle sets (k x k) for a handful of documents."""
    same = (rows[:, None, :] == rows[None, :, :]).mean(axis=2)
    empty = (rows == EMPTY).all(axis=1)
    same[empty, :] = 0
    same[:, empty] = 0
    return same
