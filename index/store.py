"""Where indexes live on disk and how readers find the live one.

An index folder holds generations (`gen-*`, each a complete Whoosh index) and a
`CURRENT` file naming the live one. A reindex builds a new generation beside it and
switches `CURRENT` with one atomic rename, so searches never see a half-built index
and a crash leaves the old generation serving.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.searching import Searcher

from index.model import IndexMissing

CURRENT = "CURRENT"
GEN_PREFIX = "gen-"
BUILD_PREFIX = ".building-"
LOCK_NAME = "reindex.lock"


def current_generation(index_dir: Path) -> Path:
    """The live generation's folder; IndexMissing if no build has finished yet."""
    pointer = Path(index_dir) / CURRENT
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise IndexMissing(f"no index in {index_dir}: run `flask reindex` to build one") from None
    gen = Path(index_dir) / name
    if not name or not windex.exists_in(str(gen)):
        raise IndexMissing(f"index pointer {pointer} names a missing index {name!r}: run `flask reindex`")
    return gen


def switch_to(index_dir: Path, gen: Path) -> None:
    """Make `gen` live: write the pointer aside, fsync, then rename over the old one."""
    tmp = Path(index_dir) / f".{CURRENT}.{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(gen.name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, Path(index_dir) / CURRENT)
    fsync_dir(Path(index_dir))


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def open_index(index_dir: Path) -> windex.FileIndex:
    return windex.open_dir(str(current_generation(index_dir)))


MAX_IDLE_LEASES = 16


@dataclass(slots=True)
class Lease:
    """A searcher and the caches warmed on it (columns, postings, pages), lent to one request."""

    searcher: Searcher
    cache: dict[str, Any]
    gen: str


class IndexHandle:
    """Owns the live index for a long-running process.

    Web requests borrow a Lease (acquire/release): a pool of searchers, each with its
    warm caches, so a server that runs each request on a fresh thread (the development
    server does) still reuses them. Scripts use searcher()/cache(), kept per thread.

    Whoosh readers hold file cursors, so each thread keeps its own searcher, checked at
    the start of each request and reopened when the index changed: a new generation in
    `CURRENT`, or a new commit to this one. (Searcher.refresh() fails on an empty index's
    reader in whoosh 2.7, and generations are rebuilt whole, so reopening costs nothing extra.)
    """

    def __init__(self, index_dir: Path | str):
        self.index_dir = Path(index_dir)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._ix: dict[str, windex.FileIndex] = {}
        self._idle: list[Lease] = []

    def acquire(self) -> Lease:
        """A searcher on the newest generation, with its caches, for one request."""
        gen = current_generation(self.index_dir)
        stale: list[Lease] = []
        lease = None
        with self._lock:
            while self._idle:
                candidate = self._idle.pop()
                if candidate.gen == gen.name and candidate.searcher.up_to_date():
                    lease = candidate
                    break
                stale.append(candidate)
        for old in stale:  # a reindex switched generations: their readers are done with
            old.searcher.close()
        return lease or Lease(self._index(gen).searcher(), {}, gen.name)

    def release(self, lease: Lease) -> None:
        with self._lock:
            if len(self._idle) < MAX_IDLE_LEASES:
                self._idle.append(lease)
                return
        lease.searcher.close()

    def _index(self, gen: Path) -> windex.FileIndex:
        with self._lock:
            ix = self._ix.get(gen.name)
            if ix is None:
                self._ix = {gen.name: windex.open_dir(str(gen))}  # drop handles to old generations
                ix = self._ix[gen.name]
            return ix

    def searcher(self) -> Searcher:
        """The calling thread's searcher on the newest generation."""
        gen = current_generation(self.index_dir)
        local = self._local
        s: Searcher | None = getattr(local, "searcher", None)
        if s is not None and getattr(local, "gen", None) == gen.name and s.up_to_date():
            return s
        if s is not None:
            s.close()
        local.searcher = self._index(gen).searcher()
        local.gen = gen.name
        local.cache = {}
        return local.searcher

    def cache(self) -> dict[str, Any]:
        """Per-thread memo that lives as long as the current searcher (columns, responses)."""
        return getattr(self._local, "cache", {})

    def generation(self) -> str:
        return f"{getattr(self._local, 'gen', '')}:{id(getattr(self._local, 'searcher', None))}"

    def close(self) -> None:
        s = getattr(self._local, "searcher", None)
        if s is not None:
            s.close()
            self._local.searcher = None
