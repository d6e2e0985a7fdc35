"""Files in, cleaned articles out: the one path every reindex and every benchmark takes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from index.ingest.readers import RawDoc, read_source
from index.model import Article, Cleaned, Skipped

__all__ = ["RawDoc", "ingest", "read_source", "to_article", "tidy"]

# C0/C1 controls and bidi overrides: invisible in a browser, able to disguise text
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
MAX_TITLE_CHARS = 300
MARKDOWN_EXTS = (".md", ".markdown")
RECORD_CHROME_CHARS = 300  # longer paragraphs of a crawler record are not checked for chrome (speed)


def tidy(text: str) -> str:
    """One line of display text: controls and bidi tricks removed, runs of spaces folded."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def ingest(source: Path) -> Iterator[Article | Skipped]:
    """Read and clean everything under `source`, in order, in this process."""
    for raw in read_source(source):
        yield raw if isinstance(raw, Skipped) else to_article(raw)


def to_article(raw: RawDoc) -> Article | Skipped:
    """Clean one raw document; metadata the user supplied wins over what the cleaner guesses."""
    try:
        cleaned = clean_raw(raw)
    except Exception as exc:  # a cleaner bug on one odd page must not stop a reindex
        return Skipped(raw.source, f"cleaning failed: {type(exc).__name__}: {exc}")
    paragraphs = [p for p in (tidy(p) for p in cleaned.paragraphs) if p]
    if not paragraphs:
        return Skipped(raw.source, "no article text found after cleaning")
    meta = raw.meta
    title = tidy(meta.get("title") or cleaned.title or "") or fallback_title(paragraphs)
    return Article(
        id=tidy(raw.id) or raw.source,
        title=title[:MAX_TITLE_CHARS],
        body="\n\n".join(paragraphs),
        source=raw.source,
        outlet=tidy(meta.get("outlet") or cleaned.outlet or "") or None,
        date=meta.get("date") or cleaned.date,
        dateline=tidy(meta.get("dateline") or cleaned.dateline or "") or None,
        url=meta.get("url") or cleaned.url,
    )


def clean_raw(raw: RawDoc) -> Cleaned:
    if raw.kind == "html":
        from index.ingest.html import extract_html

        return extract_html(raw.content, url=raw.meta.get("url"))
    from index.ingest.markdown import looks_like_markdown

    if raw.source.endswith(MARKDOWN_EXTS) or looks_like_markdown(raw.content):
        return clean_markdown(raw)  # a Markdown page, saved as a file or a record's body
    if raw.kind == "text":
        from index.ingest.clean import clean_text

        return clean_text(raw.content, name=raw.source)
    return clean_record(raw.content)


def clean_record(body: str) -> Cleaned:
    """A crawler record's body is already separated from the page: keep its paragraphs, less
    the chrome crawlers leave between them ("Advertisement", "READ MORE:", a copyright line);
    only whole-line patterns, so no sentence of reporting is touched."""
    from index.ingest.boilerplate import is_boilerplate
    from index.ingest.text_meta import lead_dateline

    sep = "\n\n" if "\n\n" in body.strip() else "\n"
    paragraphs = [p for p in body.split(sep)
                  if p.strip() and not (len(p) <= RECORD_CHROME_CHARS and is_boilerplate(p))]
    return Cleaned(paragraphs=paragraphs, dateline=lead_dateline(paragraphs))


def clean_markdown(raw: RawDoc) -> Cleaned:
    """A Markdown scrape: cleaned as the text it renders to; what its markup states outright
    (the H1, a reader service's title, URL and date) beats what the cleaner guesses."""
    from index.ingest.clean import clean_text
    from index.ingest.markdown import markdown_to_text
    from index.ingest.readers import parse_date
    from index.ingest.text_meta import split_title

    text, hints = markdown_to_text(raw.content)
    cleaned = clean_text(text, name=raw.source)
    page_title, site = split_title(hints.title) if hints.title else (None, None)
    title = hints.headline or page_title or cleaned.title
    return replace(
        cleaned,
        paragraphs=[p for p in cleaned.paragraphs if p not in (title, hints.headline)],
        title=title,
        outlet=cleaned.outlet or site,
        date=parse_date(hints.date) or cleaned.date,
        url=hints.url or cleaned.url,
    )


def fallback_title(paragraphs: list[str]) -> str:
    """An untitled record still needs a clickable headline: its opening words."""
    words = paragraphs[0].split()
    head = " ".join(words[:14])
    return head + ("…" if len(words) > 14 else "")
