"""Build an index from a source folder or file, atomically, with progress and skip reasons.

Only `flask reindex` (and benchmarks) write. The new generation is built beside the
live one and made live by one rename, so searches keep working during a rebuild and a
crash or Ctrl-C leaves the old index serving. An OS file lock (released by the kernel
when the process dies, so it can never go stale) keeps two reindexes apart.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from whoosh import index as windex

from index import signatures, stories
from index.ingest import RawDoc, read_source, to_article
from index.model import Article, LedeError, ReindexBusy, Skipped
from index.schema import UNKNOWN_KEY, Analyzed, make_schema
from index.store import BUILD_PREFIX, GEN_PREFIX, LOCK_NAME, current_generation, fsync_dir, switch_to

Progress = Callable[[int, "Article | Skipped"], None]
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
) -> BuildReport:
    """Rebuild the index in `index_dir` from `source`; the old one serves until the switch."""
    source, index_dir = Path(source), Path(index_dir)
    if not source.exists():
        raise FileNotFoundError(f"source not found: {source}")
    started = time.perf_counter()
    with reindex_lock(index_dir):
        remove_stale_builds(index_dir)
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
        building = index_dir / f"{BUILD_PREFIX}{stamp}"
        building.mkdir()
        try:
            report = write_generation(source, building, progress=progress, workers=workers)
            if report.indexed == 0:
                reasons = "; ".join(f"{s.source}: {s.reason}" for s in report.skipped[:5])
                raise EmptySource(f"no articles found in {source} ({len(report.skipped)} skipped"
                                  f"{': ' + reasons if reasons else ''}); the previous index is still serving")
            gen = index_dir / f"{GEN_PREFIX}{stamp}"
            os.rename(building, gen)
            fsync_dir(index_dir)
            previous = live_name(index_dir)
            switch_to(index_dir, gen)
            remove_old_generations(index_dir, keep={gen.name, previous})
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
    report.generation = gen.name
    report.size_bytes = sum(f.stat().st_size for f in gen.iterdir())
    report.seconds = time.perf_counter() - started
    return report


def write_generation(source: Path, target: Path, *, progress: Progress | None, workers: int | None) -> BuildReport:
    report = BuildReport()
    ix = windex.create_in(str(target), make_schema())
    writer = ix.writer(limitmb=256)
    seen: dict[str, int] = {}
    sigs: list = []  # one row per document, in document-number order
    done = 0
    try:
        for item in clean_all(read_source(source), workers):
            done += 1
            if isinstance(item, Skipped):
                report.skipped.append(item)
            else:
                unique = unique_id(item.id, seen)
                if unique != item.id:
                    report.renamed.append((item.id, unique))
                    item.id = unique
                writer.add_document(**document(item))
                sigs.append(item.signature if item.signature is not None else features_of(item))
                report.indexed += 1
            if progress:
                progress(done, item)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    signatures.save(target, sigs)
    stories.save(target, signatures.Features(target))
    return report


def unique_id(aid: str, seen: dict[str, int]) -> str:
    """Two files may share a name in different folders; neither is lost, the later gets ~N."""
    n = seen.get(aid, 0)
    seen[aid] = n + 1
    return aid if n == 0 else f"{aid}~{n + 1}"


def clean_all(raws: Iterable[RawDoc | Skipped], workers: int | None) -> Iterator[Article | Skipped]:
    """Clean in worker processes while this one writes: cleaning is the CPU-heavy half."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    buffered: list[RawDoc | Skipped] = []
    it = iter(raws)
    for raw in it:
        buffered.append(raw)
        if len(buffered) >= PARALLEL_MIN_DOCS:
            break
    if workers <= 1 or len(buffered) < PARALLEL_MIN_DOCS:
        for raw in (*buffered, *it):
            yield raw if isinstance(raw, Skipped) else to_article(raw)
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        yield from pool.imap(clean_one, chain(buffered, it), chunksize=8)


def chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


ANALYZED_FIELDS = ("title", "body")


@lru_cache(maxsize=1)
def worker_schema():
    return make_schema()


def clean_one(raw: RawDoc | Skipped) -> Article | Skipped:
    """In a worker: clean, then analyse title and body so the writer process only files terms."""
    if isinstance(raw, Skipped):
        return raw
    article = to_article(raw)
    if isinstance(article, Article):
        schema = worker_schema()
        article.analyzed = {f: Analyzed(list(schema[f].index(getattr(article, f)))) for f in ANALYZED_FIELDS}
        article.signature = features_of(article)
    return article


def features_of(a: Article) -> signatures.DocFeatures:
    """Similar-coverage features (index.signatures), computed where the text is already in hand."""
    return signatures.doc_features(a.body, a.date.toordinal() if a.date else 0)


def document(a: Article) -> dict:
    """The Whoosh fields of one article."""
    doc = {
        "id": a.id,
        "title": a.title,
        "body": a.body,
        "outlet": a.outlet or "",
        "outlet_key": a.outlet or UNKNOWN_KEY,
        "dateline": a.dateline or "",
        "url": a.url or "",
        "source": a.source,
        "content_hash": hashlib.sha1(a.body.encode("utf-8")).hexdigest(),
        "word_count": a.word_count,
    }
    for name, terms in (a.analyzed or {}).items():  # analysed in a worker: store the text, file the terms
        doc["_stored_" + name] = doc[name]
        doc[name] = terms
    if a.date:
        doc["date"] = dt.datetime(a.date.year, a.date.month, a.date.day)
        doc["day"] = a.date.toordinal()
    return doc


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
