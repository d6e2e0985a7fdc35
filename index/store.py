"""Where indexes live on disk and how readers find the live one.

An index folder holds generations (`gen-*`, each a complete Whoosh index) and a
`CURRENT` file naming the live one. A reindex builds a new generation beside it and
switches `CURRENT` with one atomic rename, so searches never see a half-built index
and a crash leaves the old generation serving.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage
from whoosh.searching import Searcher

from index.model import IndexMissing

CURRENT = "CURRENT"
GEN_PREFIX = "gen-"
BUILD_PREFIX = ".building-"
LOCK_NAME = "reindex.lock"
PREFETCH_BYTES = 2 << 30  # of a generation read into the page cache at open (33k: 771 MB)


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
    return open_generation(current_generation(index_dir))


def open_generation(gen: Path) -> windex.FileIndex:
    """A generation opened for reading through plain file reads, not mmap.

    Whoosh reads a compound segment through mmap by wrapping each part in a BytesIO, which
    copies it: every searcher then held its own copy of the postings (~230 MB anonymous
    memory on the 33k index, plus the mapped pages counted again) and took 0.7 s to open.
    Seek-and-read through the page cache costs a syscall per block instead.
    """
    return FileStorage(str(gen), supports_mmap=False, readonly=True).open_index()


MAX_IDLE_LEASES = 16
_MISSING = object()


class LRU:
    """A bounded least-recently-used map that threads may share.

    Bounded by entries, or by a cost (bytes, say) when `cost` is given, so a long-running
    worker's memory stays flat however many distinct queries it sees.
    """

    def __init__(self, capacity: int, cost: Callable[[Any], int] | None = None):
        self.capacity = capacity
        self.cost = cost
        self.used = 0
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, default: Any = None) -> Any:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return default
            self._items.move_to_end(key)
            return item[0]

    def put(self, key: Hashable, value: Any) -> Any:
        size = self.cost(value) if self.cost else 1
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.used -= old[1]
            self._items[key] = (value, size)
            self.used += size
            while self.used > self.capacity and len(self._items) > 1:
                _, (_, freed) = self._items.popitem(last=False)
                self.used -= freed
        return value

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)


class GenerationCache(dict):
    """Everything read-only about one index generation, built once and shared by every
    lease and thread: columns, decoded postings, result pages, similarity features.

    Readers differ per thread (their file cursors), what they decode does not, so keeping
    this per searcher held a copy per pooled searcher. It is a dict; memo() (or memoised())
    builds an entry once even when threads race.
    """

    def __init__(self, key: str):
        super().__init__()
        self.key = key  # generation folder and commit: stale when either changes
        self._lock = threading.Lock()
        self._building: dict[Hashable, threading.Lock] = {}

    def memo(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """The entry under `key`, built by the first caller while the others wait for it."""
        value = self.get(key, _MISSING)
        if value is not _MISSING:
            return value
        with self._lock:
            lock = self._building.setdefault(key, threading.Lock())
        with lock:
            value = self.get(key, _MISSING)
            if value is _MISSING:
                value = self[key] = build()
        with self._lock:
            self._building.pop(key, None)
        return value


def memoised(cache: dict | None, key: Hashable, build: Callable[[], Any]) -> Any:
    """cache[key], built on first use: once across threads in a GenerationCache, per call
    without a cache (a script's one-off search)."""
    if cache is None:
        return build()
    if isinstance(cache, GenerationCache):
        return cache.memo(key, build)
    if key not in cache:
        cache[key] = build()
    return cache[key]


@dataclass(slots=True)
class Lease:
    """A searcher lent to one request, with its generation's shared cache."""

    searcher: Searcher
    cache: GenerationCache
    gen: str


class IndexHandle:
    """Owns the live index for a long-running process.

    Web requests borrow a Lease (acquire/release): a pool of searchers, so a server that
    runs each request on a fresh thread (the development server does) still reuses them.
    Scripts use searcher()/cache(), the searcher kept per thread.

    Whoosh readers hold file cursors, so a searcher serves one thread at a time; the
    arrays decoded from it (columns, postings, pages, features) are the same for every
    searcher of a generation, so they live in one GenerationCache per generation, owned
    here. A searcher is checked at the start of each request and reopened when the index
    changed: a new generation in `CURRENT`, or a new commit to this one. (Searcher.refresh()
    fails on an empty index's reader in whoosh 2.7, and generations are rebuilt whole, so
    reopening costs nothing extra.)
    """

    def __init__(self, index_dir: Path | str, warm: bool = True):
        self.index_dir = Path(index_dir)
        self.warm = warm
        self._local = threading.local()
        self._lock = threading.Lock()
        self._ix: dict[str, windex.FileIndex] = {}
        self._caches: dict[str, GenerationCache] = {}
        self._idle: list[Lease] = []
        self._pointer: tuple[tuple[int, int, int], Path] | None = None

    def live(self) -> Path:
        """The live generation, re-read only when the CURRENT pointer file changed.

        A switch renames a new pointer over the old (a new inode), so one stat per request
        tells; reading and checking the generation every time cost more than a cached search.
        """
        try:
            st = os.stat(self.index_dir / CURRENT)
        except FileNotFoundError:
            return current_generation(self.index_dir)  # raises IndexMissing with the reason
        stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
        known = self._pointer
        if known is not None and known[0] == stamp:
            return known[1]
        gen = current_generation(self.index_dir)
        self._pointer = (stamp, gen)
        return gen

    def acquire(self) -> Lease:
        """A searcher on the newest generation, with its shared cache, for one request."""
        gen = self.live()
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
        if lease is None:
            s = self._index(gen).searcher()
            lease = Lease(s, self._cache_for(gen.name, s), gen.name)
        return lease

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
                self._ix = {gen.name: open_generation(gen)}  # drop handles to old generations
                ix = self._ix[gen.name]
            return ix

    def _cache_for(self, gen: str, searcher: Searcher) -> GenerationCache:
        """The one cache of this generation and commit; older ones are dropped for the GC."""
        key = f"{gen}:{searcher.reader().generation()}"
        with self._lock:
            cache = self._caches.get(key)
            if cache is None:
                self._caches = {key: GenerationCache(key)}
                cache = self._caches[key]
                if self.warm:
                    threading.Thread(target=self._warm, args=(gen, cache), daemon=True,
                                     name=f"lede-warm-{gen}").start()
            return cache

    def _warm(self, gen: str, cache: GenerationCache) -> None:
        """Decode the generation's most common postings, then describe its stories, ahead of
        the searches that need them."""
        from index import postings, stories  # both build on this module's caches

        def stop() -> bool:
            return all(c is not cache for c in self._caches.values())

        try:
            prefetch(self.index_dir / gen, stop=stop)
            with self._index(self.index_dir / gen).searcher() as s:
                postings.warm(s, cache, stop=stop)
                stories.warm(s, cache, stop=stop)
        except Exception:  # a warm-up is an optimisation: a reindex racing it must not log a crash
            return

    def searcher(self) -> Searcher:
        """The calling thread's searcher on the newest generation."""
        gen = self.live()
        local = self._local
        s: Searcher | None = getattr(local, "searcher", None)
        if s is not None and getattr(local, "gen", None) == gen.name and s.up_to_date():
            return s
        if s is not None:
            s.close()
        local.searcher = self._index(gen).searcher()
        local.gen = gen.name
        local.cache = self._cache_for(gen.name, local.searcher)
        return local.searcher

    def cache(self) -> GenerationCache | dict:
        """The shared cache of the calling thread's searcher's generation (columns, responses)."""
        return getattr(self._local, "cache", {})

    def generation(self) -> str:
        return f"{getattr(self._local, 'gen', '')}:{id(getattr(self._local, 'searcher', None))}"

    def close(self) -> None:
        s = getattr(self._local, "searcher", None)
        if s is not None:
            s.close()
            self._local.searcher = None


def prefetch(folder: Path, budget: int = PREFETCH_BYTES, stop: Callable[[], bool] = lambda: False) -> int:
    """Read a generation's files once so the page cache holds them: postings side files
    first, then the rest, up to `budget` bytes. Returns the bytes read.

    A search reads postings and stored bodies with small preads all over these files; on a
    cold cache (a restart, a reboot, other big files read since) each is a disk read, and
    first-time searches on the 33k index took 17.8 ms p50 against 13.9 once the cache was
    warm. One sequential read (vmtouch's trick; posix_fadvise WILLNEED read only ~140 of
    771 MB here) costs about a second at 33k on the warm-up thread, with the GIL released
    during each 1 MB read, and page cache that the kernel reclaims first, not worker memory.
    """
    files = sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: (p.suffix != ".lpost", p.name))
    buf = memoryview(bytearray(1 << 20))
    done = 0
    for path in files:
        try:
            with open(path, "rb", buffering=0) as fh:
                while done < budget and not stop():
                    n = fh.readinto(buf[:budget - done])
                    if not n:
                        break
                    done += n
        except OSError:  # gone with a reindex: nothing to read ahead
            continue
    return done
