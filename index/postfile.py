"""Posting lists as plain arrays, one side file per Whoosh segment, written at index time.

Whoosh stores a posting list as blocks of 128 postings, each a zlib'd pickle of ids,
weights and position lists; decoding them costs ~1.5 us a posting, and a common word is
10-20k postings, so a search's first use of a word spent most of its time there (15.9
ms of a 30 ms request on the 33k corpus). The side file holds the same postings decoded
(int32 docnums, float32 frequencies, int32 position counts, then every position as a
uint32), so a term is one pread and no Python per posting, and phrases and proximity
read positions as arrays (Whoosh keeps each posting's positions as a small pickle: 184
MB of them at 33k against 87 MB as plain arrays).

A side file is named after its segment (`<segment id>.lpost`), so it lives and dies
with the segment: Whoosh's own clean-up removes it when a merge drops the segment, and
incremental reindex hard-links it with the segment's other files. Terms are found by a
64-bit hash of field and term; the few that collide are left out and read from Whoosh.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import struct
import zlib
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import formats
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

from index.store import open_generation

SUFFIX = ".lpost"
MAGIC = b"LEDEPOST2"  # 1 kept Whoosh's encoded position lists: read as absent, rewritten by write_missing
_TRAILER = struct.Struct("<9sQQQ")  # magic, table offset, number of terms, header length
_BLOCK_PARTS = 3  # ids int32, frequencies float32, position counts int32 (then the positions)
_INT = struct.Struct("!i")  # whoosh.system's int: block lengths in the postings file
_HEADER = b"W3Bl"  # whoosh.codec.whoosh3's tag at the start of every posting list
_I4, _F4, _U4, _U8, _I8 = (np.dtype(t) for t in ("<i4", "<f4", "<u4", "<u8", "<i8"))  # little-endian, any host
RawPostings = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # ids, frequencies, position counts, positions


def term_key(field: str, text: str) -> int:
    return int.from_bytes(hashlib.blake2b(f"{field}\0{text}".encode(), digest_size=8).digest(), "little")


def path_for(folder: Path | str, segment_id: str) -> Path:
    return Path(folder) / f"{segment_id}{SUFFIX}"


def write(path: Path, fields: list[str], terms: Iterable[tuple[str, str, RawPostings]]) -> int:
    """Write one segment's postings; `terms` yields (field, text, postings as decoded() gives them).

    Written to a temporary name and renamed, so a reader never sees half a file. Returns
    the number of terms written.
    """
    keys: list[int] = []
    starts: list[int] = []
    counts: list[int] = []
    blob_lens: list[int] = []
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        at = 0
        for field, text, (ids, tfs, npos, positions) in terms:
            n = len(ids)
            for arr, dtype in ((ids, _I4), (tfs, _F4), (npos, _I4), (positions, _U4)):
                fh.write(np.ascontiguousarray(arr, dtype=dtype).tobytes())
            keys.append(term_key(field, text))
            starts.append(at)
            counts.append(n)
            blob_lens.append(4 * len(positions))
            at += _BLOCK_PARTS * 4 * n + 4 * len(positions)
        k = np.array(keys, dtype=_U8)
        order = np.argsort(k, kind="stable")
        k = k[order]
        dup = np.zeros(len(k), dtype=bool)
        if len(k) > 1:
            same = k[1:] == k[:-1]
            dup[1:] |= same
            dup[:-1] |= same
        table = [k[~dup], np.array(starts, dtype=_I8)[order][~dup],
                 np.array(counts, dtype=_I8)[order][~dup], np.array(blob_lens, dtype=_I8)[order][~dup]]
        header = json.dumps({"fields": fields, "collided": np.unique(k[dup]).tolist()}).encode()
        for arr in table:
            fh.write(arr.tobytes())
        fh.write(header)
        fh.write(_TRAILER.pack(MAGIC, at, len(table[0]), len(header)))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return len(keys)


MISSING = object()  # the file cannot answer for this term: read it from Whoosh


class SegmentPostings:
    """One segment's side file, read with pread so threads can share it."""

    def __init__(self, path: Path):
        self._fh = open(path, "rb")  # noqa: SIM115 - held for the generation's lifetime
        fd = self._fh.fileno()
        size = os.fstat(fd).st_size
        magic, table_at, nterms, header_len = _TRAILER.unpack(os.pread(fd, _TRAILER.size, size - _TRAILER.size))
        if magic != MAGIC:
            raise ValueError(f"{path} is not a Lede postings file of this version")
        raw = os.pread(fd, nterms * 32 + header_len, table_at)
        if len(raw) != nterms * 32 + header_len:
            raise ValueError(f"{path} is truncated")
        self.keys = np.frombuffer(raw, dtype=_U8, count=nterms)
        self.starts = np.frombuffer(raw, dtype=_I8, count=nterms, offset=nterms * 8)
        self.counts = np.frombuffer(raw, dtype=_I8, count=nterms, offset=nterms * 16)
        self.blob_lens = np.frombuffer(raw, dtype=_I8, count=nterms, offset=nterms * 24)
        header = json.loads(raw[nterms * 32:])
        self.fields = frozenset(header["fields"])
        self.collided = frozenset(header["collided"])

    def close(self) -> None:
        self._fh.close()

    def get(self, field: str, text: str) -> RawPostings | None | object:
        """(ids, frequencies, position counts, positions); None if the segment lacks the
        term; MISSING if this file cannot say."""
        if field not in self.fields:
            return MISSING
        key = term_key(field, text)
        i = int(np.searchsorted(self.keys, np.uint64(key)))
        if i >= len(self.keys) or int(self.keys[i]) != key:
            return MISSING if key in self.collided else None
        n, blen, at = int(self.counts[i]), int(self.blob_lens[i]), int(self.starts[i])
        fd = self._fh.fileno()
        raw = os.pread(fd, 12 * n + blen, at)
        if len(raw) != 12 * n + blen:  # cut short on disk: Whoosh's copy still answers
            return MISSING
        ids = np.frombuffer(raw, dtype=_I4, count=n)
        tfs = np.frombuffer(raw, dtype=_F4, count=n, offset=4 * n)
        npos = np.frombuffer(raw, dtype=_I4, count=n, offset=8 * n)
        positions = np.frombuffer(raw, dtype=_U4, count=blen // 4, offset=12 * n)
        return ids, tfs, npos, positions


def write_missing(folder: Path | str) -> int:
    """Write the side file of every segment of the Whoosh index in `folder` that lacks one.

    A full build's workers write their own segments' files; this catches the rest (a
    serial build, an incremental one's new segments, an index from an older Lede).
    Returns the number of files written.
    """
    written = 0
    ix = open_generation(Path(folder))
    with ix.reader() as reader:
        fields = scorable_fields(reader.schema)
        for leaf, _ in reader.leaf_readers():
            segment = leaf.segment()
            if segment is None:
                continue
            path = path_for(folder, segment.segment_id())
            if not current(path):
                write(path, fields, segment_terms(leaf, fields))
                written += 1
    return written


def write_segment(folder: Path, schema: Any, segment: Any, pooled: Iterable[tuple]) -> None:
    """Write the side file of one segment just flushed, before any table of contents lists
    it, from its writer's TermPool.sorted_terms(): the same lists without reading back and
    decoding the blocks Whoosh just wrote."""
    fields = scorable_fields(schema)
    write(path_for(folder, segment.segment_id()), fields, pool_terms(schema, fields, pooled))


def pool_terms(schema: Any, fields: list[str], pooled: Iterable[tuple]) -> Iterator[tuple[str, str, RawPostings]]:
    """(field, text, postings) as segment_terms gives them, from (field, term bytes, docnums,
    weights, encoded values) in term order."""
    wanted = set(fields)
    for field, tbytes, docs, weights, values in pooled:
        if field not in wanted:
            continue
        yield field, tbytes.decode("utf-8"), raw_postings(schema[field].format, docs, weights, values)


def scorable_fields(schema: Any) -> list[str]:
    return [name for name in schema.names() if schema[name].scorable]


def current(path: Path) -> bool:
    """Is there a side file at `path` in this version's format?"""
    try:
        with open(path, "rb") as fh:
            fh.seek(-_TRAILER.size, os.SEEK_END)
            return _TRAILER.unpack(fh.read(_TRAILER.size))[0] == MAGIC
    except (OSError, struct.error):
        return False


def segment_terms(leaf, fields: list[str]) -> Iterator[tuple[str, str, RawPostings]]:
    """Every term of `fields` in one segment with its postings, deleted documents included
    (as in Whoosh's own posting lists; searches filter them with the live-document mask)."""
    for field in fields:
        for tbytes, info in leaf.iter_field(field):
            text = tbytes.decode("utf-8") if isinstance(tbytes, bytes) else tbytes
            yield field, text, decoded(leaf, field, tbytes, info)


def decoded(leaf, field: str, tbytes: bytes, info=None) -> RawPostings:
    """One term's postings in one segment reader, straight from the codec (no matcher
    objects, deleted documents kept), in the shape SegmentPostings.get returns.
    Raises whoosh.reading.TermNotFound when the segment lacks the term."""
    info = info if info is not None else leaf._terms.term_info(field, tbytes)
    if info.is_inlined():  # Whoosh keeps a single-posting term inside its term info
        ids, tfs, values = info.inlined_postings()
        values = list(values) if values and isinstance(values[0], bytes) else None
    else:
        offset, length = info.extent()
        parts = list(read_blocks(leaf._terms._postfile, offset, length))
        ids = np.concatenate([p[0] for p in parts]) if parts else np.empty(0, _I4)
        tfs = np.concatenate([p[1] for p in parts]) if parts else np.empty(0, _F4)
        has_values = bool(parts) and all(isinstance(p[2], (list, tuple)) for p in parts)
        values = [v for p in parts for v in p[2]] if has_values else None
    return raw_postings(leaf.schema[field].format, ids, tfs, values)


def raw_postings(fmt: formats.Format, ids, tfs, values: list[bytes] | None) -> RawPostings:
    """Postings in the side file's shape from docnums, frequencies and Whoosh's encoded
    values (None or empty: a format without positions)."""
    ids, tfs = np.asarray(ids, dtype=_I4), np.asarray(tfs, dtype=_F4)
    if not values:
        return ids, tfs, np.zeros(len(ids), dtype=_I4), np.empty(0, _U4)
    return (ids, tfs, *positions_of(fmt, values))


def positions_of(fmt: formats.Format, values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(count per posting, every position in posting order) from Whoosh's encoded values."""
    if type(fmt).decode_positions is formats.Positions.decode_positions:
        lists = _delta_lists(values)
        counts = np.fromiter(map(len, lists), dtype=_I4, count=len(lists))
        flat = np.cumsum(np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum())))
        before = np.concatenate(([0], flat))[np.cumsum(counts) - counts]  # the sum up to each posting
        return counts, (flat - np.repeat(before, counts)).astype(_U4)
    lists = [list(fmt.decode_as("positions", v)) for v in values]
    counts = np.fromiter(map(len, lists), dtype=_I4, count=len(lists))
    return counts, np.fromiter(chain.from_iterable(lists), dtype=_U4, count=int(counts.sum()))


def _delta_lists(values: list[bytes]) -> list[list[int]]:
    """Each posting's position deltas from Positions.encode values (a 4-byte count, then the
    pickled list, with or without the pickle's protocol header and STOP byte, by Whoosh
    version), unpickled in one call: the lists' opcodes joined between a MARK and a LIST
    build the list of lists in C, ~5x faster than a loads() per posting at reindex."""
    bodies = [v[4:] for v in values]
    parts = []
    for b in bodies:
        if b[:1] == b"\x80":  # PROTO 2 header
            b = b[2:]
        if b[-1:] == b".":  # STOP: a list pickle otherwise ends on APPEND(S) or a memo put, never '.'
            b = b[:-1]
        parts.append(b)
    try:
        lists = pickle.loads(b"\x80\x02(" + b"".join(parts) + b"l.")
    except Exception:  # an encoding this does not expect: one loads() each, below
        lists = None
    if not isinstance(lists, list) or len(lists) != len(values):
        lists = [pickle.loads(b + b".") for b in bodies]
    return lists


def read_blocks(postfile, offset: int, length: int | tuple[int]) -> Iterator[tuple[np.ndarray, np.ndarray, object]]:
    """(docnums, frequencies, values) of each block of one posting list in a W3 postings file.

    The bytes Whoosh's matcher reads (a header tag, then per block: a length, a pickled
    info tuple, the zlib'd pickle of ids, weights and values), but the whole list in one
    read at the term info's extent, without building a matcher (which decodes the first
    block on creation), and the delta-coded ids summed by numpy, not a generator.
    """
    total = length[0] if isinstance(length, tuple) else length  # whoosh 2.7 unpacks it as a 1-tuple
    buf = postfile.get(offset, total)
    if buf[:4] != _HEADER:
        raise ValueError(f"no Whoosh 3 posting list at offset {offset}")
    f = io.BytesIO(buf)
    pos = 4
    while pos + 4 <= len(buf):
        (length,) = _INT.unpack_from(buf, pos)
        last = length < 0
        end = pos + 4 + abs(length)
        f.seek(pos + 4)
        info = pickle.load(f)  # (count, max id, max weight, compression, min length, max length)
        data = buf[f.tell():end]
        if info[3]:
            data = zlib.decompress(data)
        raw_ids, weights, values = pickle.loads(data)
        ids = np.cumsum(np.asarray(raw_ids, dtype=np.int64)).astype(np.int32)  # whoosh delta_decode
        if weights is None:
            tfs = np.ones(len(ids), dtype=np.float32)
        elif isinstance(weights, float):
            tfs = np.full(len(ids), weights, dtype=np.float32)
        else:
            tfs = np.asarray(weights, dtype=np.float32)
        yield ids, tfs, values
        if last:
            return
        pos = end


def length_bytes(perdoc, field: str, doc_count: int) -> bytes | None:
    """A segment's per-document length bytes of `field` (Whoosh's byte_to_length codes, 0 for
    an empty field) from its per-document reader in one pass; None if it has no such column."""
    lenfield = _lenfield(field)
    if not perdoc.has_column(lenfield):
        return None
    col = perdoc.column_reader(lenfield, LENGTHS_COLUMN)
    return bytes(col[i] for i in range(doc_count))
