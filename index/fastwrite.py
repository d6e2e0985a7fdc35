"""Whoosh writer speed-ups that leave every byte of the index as Whoosh writes it.

When a segment's postings are written, Whoosh asks for the document's field length once
per posting (for each block's min/max length) through a column reader: a seek and a read
in the segment file each time, about a third of the writer's commit. Here the writer's
per-document reader answers from the length column read once per field into memory.
"""

from __future__ import annotations

from typing import Any

from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from index.postfile import length_bytes

_LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]


class CachedLengths:
    """A per-document reader whose doc_field_length reads from memory; all else is delegated."""

    def __init__(self, reader: Any):
        self._reader = reader
        self._bytes: dict[str, bytes | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        if fieldname not in self._bytes:
            self._bytes[fieldname] = length_bytes(self._reader, fieldname, self._reader.doc_count_all())
        lengths = self._bytes[fieldname]
        if lengths is None:
            return default
        lbyte = lengths[docnum]
        # as W3PerDocReader.doc_field_length: a zero byte gives None (no posting asks for it)
        return _LENGTH_OF_BYTE[lbyte] if lbyte else None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


def with_cached_lengths(writer: SegmentWriter) -> SegmentWriter:
    """`writer`, its segment flush reading document lengths from memory."""
    plain = writer.per_document_reader

    def per_document_reader() -> CachedLengths:
        return CachedLengths(plain())

    writer.per_document_reader = per_document_reader
    return writer
