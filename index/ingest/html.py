"""Article extraction from HTML: trafilatura for the body, our own rules for the rest.

trafilatura finds the main container well, but its title keeps site suffixes, its date
search happily reads a date off any page (footers, "today"), and its body keeps share
bars and prompts. We reuse its parsed tree and fix those parts with generic rules.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

from index.ingest.boilerplate import is_boilerplate
from index.model import Cleaned

_MAX_HTML_CHARS = 5_000_000  # larger pages are almost always dumps, not articles
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/|:)\s+|\s*⋆\s*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3}"  # SEOUL / NEW YORK / ST. LOUIS
    r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,3})?)"  # , South Korea / , Calif.
    r"(?:\s*\([^)]{1,40}\))?"  # (AP) / (Reuters)
    r"\s*(?:—|–|--|-)\s+"
)


def extract_html(html: str, *, url: str | None = None) -> Cleaned:
    """Extract one article; garbage in gives empty paragraphs so reindex can skip it."""
    try:
        return _extract(html, url)
    except Exception:  # noqa: BLE001 - one broken page must never stop a reindex
        return Cleaned(paragraphs=[], url=url)


def _extract(html: str, url: str | None) -> Cleaned:
    if not isinstance(html, str) or not html.strip():
        return Cleaned(paragraphs=[], url=url)
    tree = _parse(html[:_MAX_HTML_CHARS])
    if tree is None:
        return Cleaned(paragraphs=[], url=url)
    meta = _Meta(tree)
    canonical = meta.canonical_url(url)
    outlet = meta.outlet(canonical)
    title = meta.title(outlet)
    paragraphs = _body(tree, canonical, title)
    dateline = _dateline(paragraphs[0]) if paragraphs else None
    return Cleaned(
        paragraphs=paragraphs,
        title=title,
        outlet=outlet,
        date=_date(tree, meta, canonical),
        dateline=dateline,
        url=canonical,
    )


def _parse(html: str) -> lxml_html.HtmlElement | None:
    """Parse leniently; trafilatura's loader copes with encodings and broken markup."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    return tree if tree is not None and len(tree) else None


# --- body -------------------------------------------------------------------------


def _body(tree: lxml_html.HtmlElement, url: str | None, title: str | None) -> list[str]:
    """Body paragraphs: trafilatura's text, minus boilerplate lines and a repeated title."""
    from trafilatura import bare_extraction

    doc = bare_extraction(
        copy.deepcopy(tree),
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
        deduplicate=False,
    )
    text = getattr(doc, "text", None) or ""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [line for line in lines if line and not is_boilerplate(line)]
    if paragraphs and title and _norm(paragraphs[0]) == _norm(title):
        paragraphs = paragraphs[1:]
    return paragraphs


def _dateline(first: str) -> str | None:
    """The place a wire story was filed from, when the lead paragraph opens with it."""
    match = _DATELINE.match(first)
    if not match:
        return None
    place = match.group("place").strip()
    # a single capitalised common word ("BREAKING -") is not a place
    return place if any(c.isalpha() for c in place) and len(place) >= 3 else None


# --- metadata ---------------------------------------------------------------------


class _Meta:
    """The page's own claims about itself: meta tags, JSON-LD, <title>, <h1>."""

    def __init__(self, tree: lxml_html.HtmlElement) -> None:
        self.tree = tree
        self.metas: dict[str, str] = {}
        for el in tree.iter("meta"):
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
            value = " ".join((el.get("content") or "").split())
            if key and value and key not in self.metas:
                self.metas[key] = value
        self.jsonld = list(_jsonld_objects(tree))

    def canonical_url(self, given: str | None) -> str | None:
        for el in self.tree.xpath('//link[@rel="canonical"][@href]'):
            href = el.get("href", "").strip()
            if href.startswith(("http://", "https://")):
                return href
        og = self.metas.get("og:url", "")
        if og.startswith(("http://", "https://")):
            return og
        return given

    def outlet(self, url: str | None) -> str | None:
        """Site name from the page; else the bare host, never an author or section."""
        for name in (self.metas.get("og:site_name"), self._publisher(), self.metas.get("application-name")):
            if name and 1 < len(name) <= 80 and not name.startswith(("http://", "https://")):
                return name.lstrip("@")
        return _host(url)

    def _publisher(self) -> str | None:
        for obj in self.jsonld:
            pub = obj.get("publisher")
            if isinstance(pub, list) and pub:
                pub = pub[0]
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                return " ".join(pub["name"].split())
        return None

    def title(self, outlet: str | None) -> str | None:
        """The headline: an <h1> or og:title that agrees with <title>, suffix stripped."""
        page_title = _text(self.tree.find(".//title"))
        og = self.metas.get("og:title") or self.metas.get("twitter:title")
        headline = next(
            (" ".join(o["headline"].split()) for o in self.jsonld if isinstance(o.get("headline"), str)),
            None,
        )
        h1s = [t for t in (_text(h) for h in self.tree.iter("h1")) if 2 <= len(t) <= 300][:3]
        anchors = [t for t in (page_title, og, headline) if t]
        for h1 in h1s:
            if any(_agrees(h1, a) for a in anchors):
                return h1
        for cand in (headline, og, page_title):
            if cand:
                stripped = _strip_site(cand, outlet)
                if stripped:
                    return stripped
        return h1s[0] if h1s else None


def _agrees(candidate: str, anchor: str) -> bool:
    a, b = _norm(candidate), _norm(anchor)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    ta, tb = set(a.split()), set(b.split())
    return len(ta & tb) / max(1, min(len(ta), len(tb))) >= 0.8


def _strip_site(title: str, outlet: str | None) -> str:
    """Drop " | Site" style parts; keep the longest remaining part as the headline."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p and p.strip()]
    if len(parts) <= 1:
        return title.strip(" ⋆")
    site = _norm(outlet or "")
    kept = [p for p in parts if not site or _norm(p) not in site and site not in _norm(p)]
    kept = kept or parts
    if len(kept) > 1:
        kept = kept[:-1] if len(kept[-1]) < len(kept[0]) else kept
    # a separator inside the headline ("Tax 101: basics") must survive, so rejoin
    # from the original when the kept parts are contiguous from the start
    start = title.find(kept[0])
    end = title.find(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else kept[0]


# --- date -------------------------------------------------------------------------


def _date(tree: lxml_html.HtmlElement, meta: _Meta, url: str | None) -> dt.date | None:
    """Original publication date from structured data first, then htmldate's markup search."""
    for obj in meta.jsonld:
        for key in ("datePublished", "dateCreated", "uploadDate"):
            value = obj.get(key)
            if isinstance(value, str):
                parsed = _parse_date(value)
                if parsed:
                    return parsed
    for key in ("article:published_time", "og:published_time", "datepublished", "pubdate",
                "publish-date", "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date"):
        parsed = _parse_date(meta.metas.get(key, ""))
        if parsed:
            return parsed
    from htmldate import find_date

    found = find_date(
        tree,
        url=url,
        original_date=True,
        extensive_search=False,
        max_date=dt.date.today().isoformat(),
    )
    return _parse_date(found) if found else None


def _parse_date(value: str) -> dt.date | None:
    match = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value or "")
    if not match:
        return None
    try:
        day = dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None
    return day if dt.date(1995, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=1) else None


# --- helpers ----------------------------------------------------------------------


def _jsonld_objects(tree: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph flattened; broken blocks are skipped."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _text(el: lxml_html.HtmlElement | None) -> str:
    return " ".join(el.text_content().split()) if el is not None else ""


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = re.sub(r"^(?:www\d*|m|amp)\.", "", host)
    return host or None
