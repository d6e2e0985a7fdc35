"""A full build written as one Whoosh segment per worker process, every core busy to the end.

With one writer process, cleaning ran in workers but all of Whoosh's work ran in the
parent: filing each document's postings and then, after the last document, sorting and
writing them and their side file while the workers sat idle. A py-spy profile of a 3k
build put 31% of that process's samples in the segment flush, 21% in the side file and
16% in add_document, with 1.37 of 2 cores busy over the run. Here each worker cleans,
analyses and files its share into a segment of its own, then flushes it and writes its
side file; the parent reads the source, keeps results in source order and lists the
segments in one table of contents. (Whoosh's MpWriter splits work the same way, but
hands its workers finished documents: cleaning would stay in one process.)

Documents go to workers in fixed chunks, round robin, so a source gives the same
segments and document numbers on every run.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.writing import SegmentWriter

from index import postfile, signatures
from index.documents import clean_one, document
from index.fastwrite import TermPool, fast_writer
from index.ingest import RawDoc
from index.model import Article, LedeError, Skipped

CHUNK = 16  # documents a message: enough to make queue traffic cheap, few enough to balance
QUEUED = 4  # chunks waiting per worker: bounds how far reading runs ahead of cleaning
Outcome = Skipped | str  # per input document: why it was skipped, or the id it was filed under


@dataclass(slots=True)
class Filed:
    """Documents filed, in document-number order: their ids and similar-coverage features."""

    ids: list[str] = field(default_factory=list)
    features: list[signatures.DocFeatures] = field(default_factory=list)

    def add(self, article: Article) -> None:
        self.ids.append(article.id)
        self.features.append(article.signature)  # clean_one computed it

    def extend(self, other: Filed) -> None:
        self.ids += other.ids
        self.features += other.features


def file_one(writer: SegmentWriter, raw: RawDoc | Skipped, filed: Filed) -> Outcome:
    """Clean one document and add it to `writer`; what became of it."""
    item = clean_one(raw)
    if isinstance(item, Skipped):
        return item
    writer.add_document(**document(item))
    filed.add(item)
    return item.id


def write_serial(ix: Any, raws: Iterable[RawDoc | Skipped], filed: Filed) -> Iterator[Outcome]:
    """One segment written by this process: small sources, or one worker asked for."""
    writer = fast_writer(ix.writer())
    try:
        for raw in raws:
            yield file_one(writer, raw, filed)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def write_parallel(ix: Any, target: Path, raws: Iterable[RawDoc | Skipped], workers: int,
                   filed: Filed) -> Iterator[Outcome]:
    """One segment per worker; outcomes come back in input order as chunks finish."""
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    jobs = [ctx.Queue(maxsize=QUEUED) for _ in range(workers)]
    procs = [ctx.Process(target=_work, args=(str(target), jobs[i], results, i), daemon=True)
             for i in range(workers)]
    for p in procs:
        p.start()
    crew = _Crew(procs, results)
    writer = None
    try:
        it = iter(raws)
        sent = 0
        while chunk := list(islice(it, CHUNK)):
            crew.put(jobs[sent % workers], (sent, chunk))
            sent += 1
            yield from crew.ready_in_order()
        for q in jobs:
            crew.put(q, None)
        while crew.next_seq < sent or len(crew.finished) < workers:
            crew.receive(block=True)
            yield from crew.ready_in_order()
        for p in procs:  # their memory is freed before this process loads what they filed
            p.join()
        segments = []
        for i in range(workers):  # worker order is document-number order
            segment, part = crew.finished[i]
            with open(part, "rb") as fh:
                filed.extend(pickle.load(fh))
            Path(part).unlink()
            if segment is not None:
                segments.append(segment)
        writer = ix.writer()  # Whoosh's lock and generation, to list the segments
        writer._close_segment()
        writer._commit_toc(segments)
        writer._finish()
    except BaseException:
        if writer is not None and not writer.is_closed:
            writer.cancel()
        raise
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
            p.join()


class _Crew:
    """The parent's view of its workers: sends with backpressure, results put back in order,
    and a clear error (not a hang) when a worker fails or dies."""

    def __init__(self, procs: list, results: Any):
        self.procs, self.results = procs, results
        self.ready: dict[int, list[Outcome]] = {}
        self.finished: dict[int, tuple[Any, str]] = {}  # segment (None if empty), file of its Filed
        self.next_seq = 0

    def put(self, q: Any, item: Any) -> None:
        while True:
            try:
                q.put(item, timeout=0.2)
                return
            except queue.Full:
                self.receive(block=False)

    def receive(self, block: bool) -> None:
        try:
            while True:
                kind, key, payload = self.results.get(block, timeout=0.2)
                if kind == "chunk":
                    self.ready[key] = payload
                elif kind == "done":
                    self.finished[key] = payload
                else:
                    raise LedeError(f"segment worker {key} failed:\n{payload}")
                block = False  # got one: take what else is there without waiting
        except queue.Empty:
            pass
        for i, p in enumerate(self.procs):
            if i not in self.finished and p.exitcode is not None and self.results.empty():
                raise LedeError(f"segment worker {i} died (exit code {p.exitcode}); nothing was switched")

    def ready_in_order(self) -> Iterator[Outcome]:
        self.receive(block=False)
        while self.next_seq in self.ready:
            yield from self.ready.pop(self.next_seq)
            self.next_seq += 1


def _work(target: str, jobs: Any, results: Any, me: int) -> None:
    """A worker: file every chunk it is sent into its own segment, then flush it and write
    its side file (in parallel with the other workers)."""
    try:
        ix = windex.open_dir(target)
        writer = fast_writer(SegmentWriter(ix, _lk=False))
        filed = Filed()
        while (job := jobs.get()) is not None:
            seq, raws = job
            results.put(("chunk", seq, [file_one(writer, raw, filed) for raw in raws]))
        segment = None
        if filed.ids:
            segment = writer._finalize_segment()
            if isinstance(writer.pool, TermPool):  # else (Whoosh's own pool) write_missing reads the blocks
                postfile.write_segment(Path(target), ix.schema, segment, writer.pool.sorted_terms())
            writer.pool = None
        else:
            writer._close_segment()  # its empty files go when the table of contents is written
        part = Path(target) / f".filed-{me}.pickle"  # through a file: the queue would hold two copies
        with open(part, "wb") as fh:
            pickle.dump(filed, fh, protocol=pickle.HIGHEST_PROTOCOL)
        results.put(("done", me, (segment, str(part))))
    except BaseException:
        results.put(("failed", me, traceback.format_exc()))
