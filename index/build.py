"""Build an index from a source folder or file, atomically, with progress and skip reasons.

Only `flask reindex` (and benchmarks) write. The new generation is built beside the
live one and made live by one rename, so searches keep working during a rebuild and a
crash or Ctrl-C leaves the old index serving. An OS file lock (released by the kernel
when the process dies, so it can never go stale) keeps two reindexes apart.

Every generation records its source and a manifest (index.manifest), so a later reindex
of the same source can be incremental (index.incremental): same lock, same stale-build
cleanup, same switch; only the writing of the new generation differs.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from whoosh import index as windex

from index import manifest, postfile, segments, signatures, stories
from index.documents import clean_one
from index.ingest import RawDoc, read_source, tidy
from index.model import Article, LedeError, ReindexBusy, Skipped
from index.schema import make_schema
from index.store import BUILD_PREFIX, GEN_PREFIX, LOCK_NAME, current_generation, fsync_dir, switch_to

# an item done: its article, why it was skipped, the id it was filed under, or None (reused unchanged)
Progress = Callable[[int, "Article | Skipped | str | None"], None]
PARALLEL_MIN_DOCS = 64  # below this, starting worker processes costs more than it saves


class EmptySource(LedeError):
    """Switching to an empty index is almost always a wrong --source: refuse and keep the old one."""


@dataclass(slots=True)
class BuildReport:
    indexed: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # duplicate ids made unique
    seconds: float = 0.0
    generation: str = ""
    size_bytes: int = 0
    mode: str = "full"  # "full", "incremental", or "unchanged" (nothing to do: no new generation)
    why_full: str = ""  # why an incremental reindex was not possible
    added: int = 0  # incremental only: documents new in the source,
    changed: int = 0  # whose content or metadata changed,
    deleted: int = 0  # gone from the source (or now unreadable/empty),
    unchanged: int = 0  # and reused as they were


@contextmanager
def reindex_lock(index_dir: Path) -> Iterator[None]:
    """Refuse, with a clear message, to run beside another reindex of the same folder."""
    index_dir.mkdir(parents=True, exist_ok=True)
    fh = open(index_dir / LOCK_NAME, "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ReindexBusy(f"another reindex is running on {index_dir}; try again when it finishes") from None
        yield
    finally:
        fh.close()


def estimate_total(source: Path) -> int | None:
    """How many documents a source holds, cheaply, so progress bars have a length."""
    from index.ingest.readers import JSON_EXTS, iter_files

    total = 0
    for path in iter_files(source):
        if path.name.lower().endswith(JSON_EXTS) and ".jsonl" in path.name.lower():
            from index.ingest.readers import open_text

            try:
                with open_text(path) as fh:
                    total += sum(1 for line in fh if line.strip())
            except (OSError, UnicodeDecodeError, EOFError):
                total += 1
        else:
            total += 1
    return total


def build_index(
    source: Path | str,
    index_dir: Path | str,
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    incremental: bool = False,
) -> BuildReport:
    """Build the index in `index_dir` from `source`; the old one serves until the switch.

    With incremental=True (what `flask reindex` does unless --full), a source the live
    generation was built from is diffed against its manifest and only new and changed
    documents are cleaned; anything else (no index yet, another source, an older format)
    falls back to a full build, and the report says why.
    """
    source, index_dir = Path(source), Path(index_dir)
    if not source.exists():
        raise FileNotFoundError(f"source not found: {source}")
    started = time.perf_counter()
    with reindex_lock(index_dir):
        remove_stale_builds(index_dir)
        plan, why_full = None, "--full"
        if incremental:
            from index import incremental as inc

            plan, why_full = inc.plan(source, index_dir, progress)
            if plan is not None and not plan.has_changes():
                postfile.write_missing(plan.live)  # an index from an older Lede: side files in this format
                report = plan.report("unchanged")
                report.generation = plan.live.name
                report.size_bytes = dir_bytes(plan.live)
                report.seconds = time.perf_counter() - started
                return report
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
        building = index_dir / f"{BUILD_PREFIX}{stamp}"
        building.mkdir()
        try:
            if plan is not None:
                report = inc.write_incremental(plan, building, progress=progress, workers=workers)
            else:
                report = write_generation(source, building, progress=progress, workers=workers)
                report.why_full = why_full
            if report.indexed == 0:
                reasons = "; ".join(f"{s.source}: {s.reason}" for s in report.skipped[:5])
                raise EmptySource(f"no articles found in {source} ({len(report.skipped)} skipped"
                                  f"{': ' + reasons if reasons else ''}); the previous index is still serving")
            postfile.write_missing(building)  # after Whoosh's last commit, which may merge segments
            gen = publish(index_dir, building, stamp)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
    report.generation = gen.name
    report.size_bytes = dir_bytes(gen)
    report.seconds = time.perf_counter() - started
    return report


def refresh_side_files(index_dir: Path | str) -> int:
    """Write the live generation's postings side files that are missing or in an older
    format (an index built by an earlier Lede), under the reindex lock; each file appears
    whole, so searches carry on meanwhile. Returns the number written."""
    index_dir = Path(index_dir)
    with reindex_lock(index_dir):
        return postfile.write_missing(current_generation(index_dir))


def publish(index_dir: Path, building: Path, stamp: str) -> Path:
    """Rename the finished build into a generation, switch to it, keep the previous one."""
    gen = index_dir / f"{GEN_PREFIX}{stamp}"
    os.rename(building, gen)
    fsync_dir(index_dir)
    previous = live_name(index_dir)
    switch_to(index_dir, gen)
    remove_old_generations(index_dir, keep={gen.name, previous})
    return gen


def dir_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.iterdir())


def write_generation(source: Path, target: Path, *, progress: Progress | None, workers: int | None) -> BuildReport:
    report = BuildReport()
    ix = windex.create_in(str(target), make_schema())
    filed = segments.Filed()
    entries: dict[str, manifest.Entry] = {}
    pending = manifest.Pending()
    workers, raws = worth_workers(pending.track(unique_raws(read_source(source), report.renamed)), workers)
    if workers > 1:
        outcomes = segments.write_parallel(ix, target, raws, workers, filed)
    else:
        outcomes = segments.write_serial(ix, raws, filed)
    with closing(outcomes):  # on an error here (Ctrl-C) its workers stop before the build is removed
        for done, outcome in enumerate(outcomes, 1):
            key, digest = pending.next()
            if isinstance(outcome, Skipped):
                report.skipped.append(outcome)
                if key is not None:  # read fine, but cleaning found no article: remember why
                    entries[key] = manifest.Entry(digest, outcome.reason, outcome.source)
            else:
                entries[outcome] = manifest.Entry(digest)  # the raw document's unique id
                report.indexed += 1
            if progress:
                progress(done, outcome)
    signatures.save(target, filed.features)
    stories.save(target, signatures.Features(target))
    manifest.save(target, manifest.Manifest(manifest.source_key(source), entries, filed.ids))
    return report


def unique_raws(raws: Iterable[RawDoc | Skipped], renamed: list[tuple[str, str]]) -> Iterator[RawDoc | Skipped]:
    """Give every raw document its final, unique id before cleaning, in source order.

    The id is decided on the raw document (not the cleaned article) so a full and an
    incremental reindex of the same source agree on it without cleaning anything.
    """
    seen: dict[str, int] = {}
    for raw in raws:
        if isinstance(raw, RawDoc):
            aid = tidy(tidy(raw.id) or raw.source) or raw.source  # what to_article would call it
            unique = unique_id(aid, seen)
            if unique != aid:
                renamed.append((aid, unique))
            raw.id = unique
        yield raw


def unique_id(aid: str, seen: dict[str, int]) -> str:
    """Two files may share a name in different folders; neither is lost, the later gets ~N."""
    n = seen.get(aid, 0)
    seen[aid] = n + 1
    return aid if n == 0 else f"{aid}~{n + 1}"


def clean_all(raws: Iterable[RawDoc | Skipped], workers: int | None) -> Iterator[Article | Skipped]:
    """Clean in worker processes while this one writes (an incremental reindex's new documents)."""
    workers, raws = worth_workers(raws, workers)
    if workers <= 1:
        yield from map(clean_one, raws)
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        yield from pool.imap(clean_one, raws, chunksize=8)


def worth_workers(raws: Iterable[RawDoc | Skipped], workers: int | None) -> tuple[int, Iterator[RawDoc | Skipped]]:
    """How many worker processes a source is worth (default one per core; 1: this process
    alone, for fewer than PARALLEL_MIN_DOCS documents), and the same documents to go on with."""
    it = iter(raws)
    first = list(islice(it, PARALLEL_MIN_DOCS))
    workers = workers if workers is not None else (os.cpu_count() or 1)
    return (workers if len(first) >= PARALLEL_MIN_DOCS else 1), chain(first, it)


def live_name(index_dir: Path) -> str | None:
    try:
        return current_generation(index_dir).name
    except Exception:
        return None


def remove_stale_builds(index_dir: Path) -> None:
    """Builds a killed reindex left behind; safe to delete because we hold the lock."""
    for path in index_dir.glob(f"{BUILD_PREFIX}*"):
        shutil.rmtree(path, ignore_errors=True)


def remove_old_generations(index_dir: Path, keep: set[str | None]) -> None:
    """Keep the live and the previous generation: a reader may still be finishing on it."""
    for path in index_dir.glob(f"{GEN_PREFIX}*"):
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
