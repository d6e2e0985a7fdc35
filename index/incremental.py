"""Incremental reindex: a new generation from the live one plus what changed in the source.

plan() reads the source exactly as a full build does (same order, same unique ids) and
hashes every raw document; against the live generation's manifest that gives added,
changed, deleted and unchanged documents without cleaning anything. write_incremental()
then builds the NEW generation in the `.building-*` folder that index.build gives it:
the live generation's Whoosh segment files are hard-linked in (Whoosh never rewrites a
segment file: deletions live in the table of contents, merges write new files), a
writer deletes the gone and changed documents and adds the cleaned new versions, and
the per-document numpy files are rebuilt so row i matches the new docnum i (rows of
unchanged documents reused by id, deleted docnums given empty rows). Key terms, stories
and copy groups are recomputed for the whole generation from the stored features, as a
full build does. The live generation is only read, so searches keep running on it and a
failed or killed run leaves it serving.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from whoosh import index as windex

from index import manifest, signatures, stories
from index.build import BuildReport, Progress, clean_all, unique_raws
from index.documents import document
from index.fastwrite import with_cached_lengths
from index.ingest import RawDoc, read_source
from index.model import IndexMissing, Skipped
from index.store import current_generation

OUR_FILES = (manifest.FILE, signatures.FILE, stories.STORY_FILE, stories.COPY_FILE)


@dataclass(slots=True)
class Plan:
    """What differs between the source and the live generation, and the raw documents to clean."""

    source: Path
    live: Path
    old: manifest.Manifest
    todo: list[tuple[RawDoc, str]] = field(default_factory=list)  # (new or changed raw doc, hash)
    remove: list[str] = field(default_factory=list)  # ids whose indexed version goes (deleted or changed)
    docs: dict[str, manifest.Entry] = field(default_factory=dict)  # the new manifest, in source order
    read_skips: list[Skipped] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    added: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0

    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.deleted)

    def report(self, mode: str) -> BuildReport:
        """Counts and skips as they stand: every skip is listed on every run, reused or not."""
        skipped = self.read_skips + [Skipped(e.where or k, e.skipped) for k, e in self.docs.items() if e.skipped]
        return BuildReport(indexed=sum(1 for e in self.docs.values() if not e.skipped), skipped=skipped,
                           renamed=list(self.renamed), mode=mode, added=self.added, changed=self.changed,
                           deleted=self.deleted, unchanged=self.unchanged)


def plan(source: Path, index_dir: Path, progress: Progress | None = None) -> tuple[Plan | None, str]:
    """Diff the source against the live generation; (None, why) when only a full build will do."""
    try:
        live = current_generation(index_dir)
    except IndexMissing:
        return None, "no index yet"
    old = manifest.load(live)
    if old is None:
        return None, "the live index has no manifest (built before incremental reindex)"
    if old.format != manifest.FORMAT:
        return None, f"the live index was built by another version (format {old.format}, now {manifest.FORMAT})"
    if old.source != manifest.source_key(source):
        return None, f"the live index was built from another source ({old.source})"
    p = Plan(source=source, live=live, old=old)
    done = 0
    for raw in unique_raws(read_source(source), p.renamed):
        if isinstance(raw, Skipped):
            p.read_skips.append(raw)
            done += 1
            if progress:
                progress(done, raw)
            continue
        digest = manifest.doc_hash(raw)
        before = old.docs.get(raw.id)
        if before is not None and before.hash == digest:
            p.docs[raw.id] = before
            p.unchanged += 1
            done += 1
            if progress:
                progress(done, None)
            continue
        if before is None:
            p.added += 1
        else:
            p.changed += 1
            if not before.skipped:
                p.remove.append(raw.id)
        p.docs[raw.id] = manifest.Entry(digest)  # settled once cleaned
        p.todo.append((raw, digest))
    for key, entry in old.docs.items():
        if key not in p.docs:  # gone from the source, or its file is now unreadable or empty
            p.deleted += 1
            if not entry.skipped:
                p.remove.append(key)
    return p, ""


def write_incremental(p: Plan, target: Path, *, progress: Progress | None, workers: int | None) -> BuildReport:
    """Write the new generation into `target` (index.build renames and switches it)."""
    link_whoosh_files(p.live, target)
    ix = windex.open_dir(str(target))
    writer = with_cached_lengths(ix.writer(limitmb=256))
    fresh: dict[str, signatures.DocFeatures] = {}
    done = p.unchanged + len(p.read_skips)
    try:
        for key in p.remove:
            writer.delete_by_term("id", key)
        raws = [raw for raw, _ in p.todo]
        for (raw, digest), item in zip(p.todo, clean_all(raws, workers), strict=True):
            done += 1
            if isinstance(item, Skipped):
                p.docs[raw.id] = manifest.Entry(digest, item.reason, item.source)
            else:
                writer.add_document(**document(item))
                fresh[item.id] = item.signature  # clean_one computed it
            if progress:
                progress(done, item)
        writer.commit()  # Whoosh's own merge policy; deleted docnums may stay until a merge
    except BaseException:
        writer.cancel()
        raise
    docids = new_docids(p.live, target, p.old.docids, list(fresh))
    rebuild_features(p.live, target, p.old.docids, docids, fresh)
    stories.save(target, signatures.Features(target))
    manifest.save(target, manifest.Manifest(p.old.source, p.docs, docids))
    report = p.report("incremental")
    report.indexed = sum(1 for d in docids if d)
    return report


def link_whoosh_files(live: Path, target: Path) -> None:
    """The live generation's Whoosh files, hard-linked (copied where links are refused).

    Safe because Whoosh treats segment files as immutable: a commit writes a new table of
    contents and new segments, and unlinks (never rewrites) the ones a merge replaced.
    Lede's own per-generation files are rebuilt, never linked.
    """
    for f in live.iterdir():
        if not f.is_file() or f.name.startswith((".", *OUR_FILES, "similar-")) or f.name.endswith("WRITELOCK"):
            continue
        try:
            os.link(f, target / f.name)
        except OSError:
            shutil.copy2(f, target / f.name)


def live_ids(folder: Path) -> list[str]:
    """Docnum -> id of a generation ("" for a deleted docnum), read from the stored fields."""
    ix = windex.open_dir(str(folder))
    with ix.reader() as reader:
        ids = [""] * reader.doc_count_all()
        for docnum, stored in reader.iter_docs():
            ids[docnum] = stored["id"]
    return ids


def new_docids(live: Path, target: Path, old_ids: list[str], added: list[str]) -> list[str]:
    """Docnum -> id of the new generation, from its segment layout when Whoosh merged nothing.

    Segments kept from the live generation keep their document numbers (deletions only
    mark them), and the one new segment holds the added documents in the order they were
    added; so the map is the old one with deletions blanked, plus `added`. Reading every
    stored document back (live_ids) is the fallback when a merge rewrote old segments.
    """
    old: dict[str, list[str]] = {}
    offset = 0
    for seg in windex.open_dir(str(live))._segments():
        old[seg.segment_id()] = old_ids[offset:offset + seg.doc_count_all()]
        offset += seg.doc_count_all()
    segs = windex.open_dir(str(target))._segments()
    unknown = [seg for seg in segs if seg.segment_id() not in old]
    if offset != len(old_ids) or len(unknown) > 1 or (unknown and unknown[0].doc_count_all() != len(added)):
        return live_ids(target)
    ids: list[str] = []
    for seg in segs:
        part = list(old.get(seg.segment_id(), added))
        for d in seg.deleted_docs():
            part[d] = ""
        ids += part
    return ids


VARIABLE = {  # offsets array -> the per-document arrays it slices, with their dtypes
    "sent_off": {"lens": np.int32, "weights": np.int32},
    "tok_off": {"tokens": np.uint32},
    "bag_off": {"bag": np.uint32, "tf": np.int32},
}


def rebuild_features(live: Path, target: Path, old_ids: list[str], new_ids: list[str],
                     fresh: dict[str, signatures.DocFeatures]) -> None:
    """The new generation's feature arrays, row i for docnum i, gathered from the live ones.

    Rows form a pool: the live generation's rows, then the freshly cleaned documents',
    then one empty row for deleted docnums; each new docnum picks a pool row by id, and
    every array is gathered with one vectorised index, never a Python loop over documents.
    """
    names = ["days", "vocab", *VARIABLE, *(f for fields in VARIABLE.values() for f in fields)]
    old = {name: np.load(live / signatures.FEATURES.format(name)) for name in names}
    old_mh = np.load(live / signatures.FILE)
    if len(old["days"]) != len(old_ids) or len(old_mh) != len(old_ids):
        raise RuntimeError(f"{live} has {len(old['days'])} feature rows for {len(old_ids)} documents; "
                           "reindex with --full")
    rows_new = list(fresh.values())
    n_old = len(old_ids)
    pos = {aid: i for i, aid in enumerate(old_ids) if aid}
    pos.update({aid: n_old + j for j, aid in enumerate(fresh)})  # a changed document's fresh row wins
    empty = n_old + len(rows_new)
    pick = np.fromiter((pos[aid] if aid else empty for aid in new_ids), dtype=np.int64, count=len(new_ids))
    fresh_mh = [r.minhash for r in rows_new]
    mh = np.concatenate([old_mh, *(m[None, :] for m in fresh_mh), signatures.EMPTY[None, :]])[pick]
    arrays = {"days": np.concatenate([old["days"], np.asarray([r.day for r in rows_new] + [0])]).astype(np.int32)[pick]}
    for off_name, fields in VARIABLE.items():
        size_of = {"sent_off": lambda r: len(r.lens), "tok_off": lambda r: r.tokens.size,
                   "bag_off": lambda r: r.bag.size}[off_name]
        off = old[off_name]
        fresh_off = signatures.offsets([size_of(r) for r in rows_new])
        pool_off = np.concatenate([off, off[-1] + fresh_off[1:], off[-1:] + fresh_off[-1:]])
        arrays[off_name], idx = gather(pool_off, pick)
        for f, dtype in fields.items():
            pool = np.concatenate([old[f], *(getattr(r, f) for r in rows_new)]).astype(dtype, copy=False)
            arrays[f] = pool[idx]
    vocab, surfaces = merged_vocab(live, old["vocab"], arrays["bag"], rows_new)
    signatures.write(target, mh, arrays, vocab, surfaces, docs=sum(1 for d in new_ids if d))


def gather(off: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(offsets of the picked rows laid end to end, index of their elements in the pool arrays)."""
    starts = off[rows]
    sizes = off[rows + 1] - starts
    new_off = signatures.offsets(sizes)
    return new_off, np.repeat(starts - new_off[:-1], sizes) + np.arange(new_off[-1], dtype=np.int64)


def merged_vocab(live: Path, old_vocab: np.ndarray, bag: np.ndarray,
                 rows_new: list[signatures.DocFeatures]) -> tuple[np.ndarray, list[str]]:
    """Every stem hash still in some bag, sorted, with its surface word (a fresh document's wins)."""
    words = (live / signatures.FEATURES.format("vocab.txt")).read_text(encoding="utf-8").split("\n")
    latest: dict[int, str] = {}
    for r in rows_new:
        if r.bag.size:
            latest.update(zip(r.bag.tolist(), r.surfaces.split("\n"), strict=True))
    present = np.unique(bag).astype(np.uint32)
    at = np.minimum(np.searchsorted(old_vocab, present), max(len(old_vocab) - 1, 0)).tolist()
    surfaces = [latest.get(h) or words[i] for h, i in zip(present.tolist(), at, strict=True)]
    return present, surfaces
