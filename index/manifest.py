"""What a generation was built from: its source, and a content hash per raw document.

An incremental reindex compares the source as it reads now with the live generation's
manifest (document id -> hash) to find added, changed and deleted documents without
cleaning anything. The hash covers what cleaning and indexing read (the kind of input,
its text, the user's metadata, the file it came from), not the file's mtime, so touching
a file changes nothing. A JSONL record's line number is left out on purpose: deleting
one record near the top of a big crawl file would otherwise "change" every record below it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from index.ingest import RawDoc
from index.model import Skipped
from index.schema import SCHEMA_VERSION

FILE = "manifest.json"


def code_digest() -> str:
    """A digest of the code that decides what is indexed: cleaning, the schema, the stored features
    (and the sentence split the signatures are made over).

    Part of FORMAT, so after an upgrade that changes how articles are cleaned the next
    reindex rebuilds everything instead of mixing old and new cleaning in one index.
    """
    here = Path(__file__).parent
    h = hashlib.blake2b(digest_size=6)
    files = [*sorted((here / "ingest").glob("*.py")), *sorted((here / "ingest").glob("*.json")),
             here / "schema.py", here / "documents.py", here / "signatures.py", here / "snippets.py"]
    for path in files:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


# an incremental reindex over a generation of another format falls back to a full build
FORMAT = f"1.{SCHEMA_VERSION}.{code_digest()}"


@dataclass(slots=True)
class Entry:
    """One raw document: its content hash, and why cleaning skipped it ("" when indexed)."""

    hash: str
    skipped: str = ""
    where: str = ""  # a skipped document's source, to report it again while it stays unchanged


@dataclass(slots=True)
class Manifest:
    source: str  # source_key() of what the generation was built from
    docs: dict[str, Entry]  # unique raw id -> entry, in source order
    docids: list[str] = field(default_factory=list)  # Whoosh docnum -> id ("" for a deleted docnum)
    format: str = FORMAT


def source_key(source: Path) -> str:
    """The source as one stable string: the same folder reached by another path is the same source."""
    return str(Path(source).resolve())


def doc_hash(raw: RawDoc) -> str:
    """A digest of everything about a raw document that cleaning and indexing read."""
    h = hashlib.blake2b(digest_size=16)
    where = raw.source.split("#", 1)[0]  # the file, not the record's line in it
    meta = json.dumps(raw.meta, sort_keys=True, default=str, ensure_ascii=False)
    for part in (raw.kind, where, meta, raw.content):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


class Pending:
    """Pairs each cleaned item with the (id, hash) of the raw document it came from.

    clean_all yields exactly one item per input, in input order, so a queue filled as
    raw documents go in and emptied as items come out keeps them together (None for a
    file skipped while reading).
    """

    def __init__(self) -> None:
        self._queue: deque[tuple[str | None, str]] = deque()

    def track(self, raws: Iterable[RawDoc | Skipped]) -> Iterator[RawDoc | Skipped]:
        for raw in raws:
            self._queue.append((raw.id, doc_hash(raw)) if isinstance(raw, RawDoc) else (None, ""))
            yield raw

    def next(self) -> tuple[str | None, str]:
        return self._queue.popleft()


def save(folder: Path, m: Manifest) -> None:
    data = {"format": m.format, "source": m.source, "docids": m.docids,
            "docs": [[k, e.hash, e.skipped, e.where] if e.skipped else [k, e.hash] for k, e in m.docs.items()]}
    tmp = Path(folder) / f".{FILE}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, Path(folder) / FILE)


def load(folder: Path) -> Manifest | None:
    """The generation's manifest; None if it has none (built before manifests) or it is unreadable."""
    try:
        data = json.loads((Path(folder) / FILE).read_text(encoding="utf-8"))
        return Manifest(source=data["source"], format=data["format"], docids=list(data["docids"]),
                        docs={row[0]: Entry(*row[1:]) for row in data["docs"]})
    except (OSError, ValueError, KeyError, TypeError):
        return None
