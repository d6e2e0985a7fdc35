"""Find source files and read them into raw documents, skipping bad input with a reason.

Reading is separate from cleaning so a reindex can read in one process and clean in
several, and so one unreadable file never stops the rest.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.model import Skipped

MAX_FILE_BYTES = 20 * 1024 * 1024  # a page over 20 MB is not an article
MAX_RECORD_CHARS = 10 * 1024 * 1024
TEXT_EXTS = (".txt", ".text", ".md", ".markdown")  # Markdown is read as text, its markup taken off
HTML_EXTS = (".html", ".htm", ".xhtml")
JSON_EXTS = (".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz")
SIDECAR = ".meta.json"  # NAME.meta.json beside NAME.txt / NAME.html: the user's metadata wins

# crawler field names, most specific first
TITLE_KEYS = ("title", "headline")
BODY_KEYS = ("body", "text", "maintext", "content", "article", "full_text", "markdown")
HTML_KEYS = ("html", "raw_html")
OUTLET_KEYS = ("outlet", "source", "source_domain", "site_name", "publisher", "media_name")
DATE_KEYS = ("date", "date_publish", "published", "published_at", "publish_date", "pubdate")
URL_KEYS = ("url", "link", "canonical_url")


@dataclass(slots=True)
class RawDoc:
    """One article before cleaning: `kind` says which cleaner reads `content`."""

    id: str
    kind: str  # "text" | "html" | "record"
    content: str
    source: str
    meta: dict[str, Any] = field(default_factory=dict)  # user-supplied: wins over guesses
    mtime: float = 0.0


def supported(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(SIDECAR):
        return False
    return name.endswith(TEXT_EXTS + HTML_EXTS + JSON_EXTS)


def iter_files(root: Path) -> Iterator[Path]:
    """Every supported file under root, in a stable order, hidden files and folders left out."""
    if root.is_file():
        yield root
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and supported(Path(name)):
                yield Path(dirpath) / name


def read_source(root: Path) -> Iterator[RawDoc | Skipped]:
    """Everything under `root` (a folder, one file or a JSON(L) file) as raw docs or skips."""
    if not root.exists():
        raise FileNotFoundError(f"source not found: {root}")
    base = root if root.is_dir() else root.parent
    for path in iter_files(root):
        rel = str(path.relative_to(base))
        try:
            yield from read_file(path, rel)
        except OSError as exc:
            yield Skipped(rel, f"unreadable: {exc.strerror or exc}")


def read_file(path: Path, rel: str) -> Iterator[RawDoc | Skipped]:
    name = path.name.lower()
    size = path.stat().st_size
    if name.endswith(JSON_EXTS):
        yield from read_json_file(path, rel)
        return
    if size == 0:
        yield Skipped(rel, "empty file")
        return
    if size > MAX_FILE_BYTES:
        yield Skipped(rel, f"too large ({size // 1024 // 1024} MB; limit {MAX_FILE_BYTES // 1024 // 1024} MB)")
        return
    data = path.read_bytes()
    text, problem = decode(data)
    if text is None:
        yield Skipped(rel, problem)
        return
    if not text.strip():
        yield Skipped(rel, "empty file (only whitespace)")
        return
    kind = "html" if name.endswith(HTML_EXTS) else "text"
    meta = read_sidecar(path)
    if isinstance(meta, Skipped):
        yield Skipped(rel, meta.reason)
        meta = {}
    yield RawDoc(id=stem(path), kind=kind, content=text, source=rel, meta=meta, mtime=path.stat().st_mtime)


def stem(path: Path) -> str:
    name = path.name
    for ext in sorted(TEXT_EXTS + HTML_EXTS, key=len, reverse=True):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return path.stem


def decode(data: bytes) -> tuple[str | None, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, then Windows-1252; binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError:
            return None, "not valid UTF-16 text"
    head = data[:8192]
    if b"\x00" in head:
        return None, "binary file (contains NUL bytes)"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
        return None, "binary file (mostly control bytes)"
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ""
    except UnicodeDecodeError:
        return None, "undecodable: neither UTF-8 nor Windows-1252 text"


def read_sidecar(path: Path) -> dict[str, Any] | Skipped:
    side = path.with_name(stem(path) + SIDECAR)
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Skipped(str(side), f"metadata sidecar ignored: {exc}")
    if not isinstance(meta, dict):
        return Skipped(str(side), "metadata sidecar ignored: not a JSON object")
    return record_meta(meta)


def open_text(path: Path) -> io.TextIOBase:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="strict")  # type: ignore[return-value]
    return open(path, encoding="utf-8-sig", errors="strict")


def read_json_file(path: Path, rel: str) -> Iterator[RawDoc | Skipped]:
    """A .json file holds one record or a list; .jsonl holds one record per line."""
    name = path.name.lower()
    try:
        with open_text(path) as fh:
            if ".jsonl" in name or ".ndjson" in name:
                found = False
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    found = True
                    yield record_or_skip(line, f"{rel}#L{n}", f"{stem_json(path)}-{n}", path)
                if not found:
                    yield Skipped(rel, "empty file")
                return
            raw = fh.read()
    except UnicodeDecodeError:
        yield Skipped(rel, "undecodable: JSON must be UTF-8")
        return
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Skipped(rel, f"unreadable: {exc}")
        return
    if not raw.strip():
        yield Skipped(rel, "empty file")
        return
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        yield Skipped(rel, f"invalid JSON: {exc.msg} at line {exc.lineno}")
        return
    items = data if isinstance(data, list) else [data]
    for n, item in enumerate(items, 1):
        src = rel if len(items) == 1 else f"{rel}#{n}"
        yield record(item, src, stem_json(path) if len(items) == 1 else f"{stem_json(path)}-{n}", path)


def stem_json(path: Path) -> str:
    name = path.name
    for ext in sorted(JSON_EXTS, key=len, reverse=True):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return path.stem


def record_or_skip(line: str, src: str, fallback_id: str, path: Path) -> RawDoc | Skipped:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return Skipped(src, f"invalid JSON line: {exc.msg}")
    return record(item, src, fallback_id, path)


def first(item: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = item.get(key)
        if value not in (None, "", []):
            return value
    return None


def record(item: Any, src: str, fallback_id: str, path: Path) -> RawDoc | Skipped:
    """A crawler record: its own fields are the user's metadata; the body is cleaned later."""
    if not isinstance(item, dict):
        return Skipped(src, "record is not a JSON object")
    body = first(item, BODY_KEYS)
    html = first(item, HTML_KEYS)
    if isinstance(body, list):
        body = "\n\n".join(str(p) for p in body)
    content, kind = (body, "record") if isinstance(body, str) and body.strip() else (html, "html")
    if not isinstance(content, str) or not content.strip():
        return Skipped(src, "record has no body text")
    if len(content) > MAX_RECORD_CHARS:
        return Skipped(src, f"record body too large ({len(content) // 1024 // 1024} MB)")
    rid = item.get("id")
    rid = str(rid).strip() if rid not in (None, "") else fallback_id
    return RawDoc(id=rid, kind=kind, content=content, source=src, meta=record_meta(item), mtime=path.stat().st_mtime)


def record_meta(item: dict[str, Any]) -> dict[str, Any]:
    """Normalise user-supplied metadata to title/outlet/date/url/dateline; bad values dropped."""
    meta: dict[str, Any] = {}
    title = first(item, TITLE_KEYS)
    if isinstance(title, str) and title.strip():
        meta["title"] = " ".join(title.split())
    outlet = first(item, OUTLET_KEYS)
    if isinstance(outlet, dict):
        outlet = outlet.get("name")
    if isinstance(outlet, str) and outlet.strip():
        meta["outlet"] = " ".join(outlet.split())
    date = parse_date(first(item, DATE_KEYS))
    if date:
        meta["date"] = date
    url = first(item, URL_KEYS)
    if isinstance(url, str) and url.strip():
        meta["url"] = url.strip()
    dateline = item.get("dateline")
    if isinstance(dateline, str) and dateline.strip():
        meta["dateline"] = dateline.strip()
    return meta


def parse_date(value: Any) -> dt.date | None:
    """ISO dates and datetimes, epoch seconds, or common written forms; None if unsure."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return plausible(dt.datetime.fromtimestamp(value, dt.UTC).date())
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return plausible(dt.date.fromisoformat(text[:10]))
    except ValueError:
        pass
    try:
        from dateutil import parser as dateparser

        return plausible(dateparser.parse(text, fuzzy=False).date())
    except (ValueError, OverflowError, TypeError):
        return None


def plausible(day: dt.date) -> dt.date | None:
    if 1800 <= day.year <= dt.date.today().year + 1:
        return day
    return None
