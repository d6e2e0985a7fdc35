"""Article extraction from HTML: trafilatura for the body, our own rules for the rest.

trafilatura finds the main container well, but its title keeps site suffixes, its date
search happily reads a date off any page (footers, "today"), and its body keeps share
bars and prompts. We reuse its parsed tree and fix those parts with generic rules; the
publication date has its own module (index/ingest/dates.py).
"""

from __future__ import annotations

import copy
import html as html_lib
import json
import re
from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

from index.ingest.boilerplate import is_boilerplate
from index.ingest.clean import clean_text, drop_chrome
from index.ingest.dates import find_date
from index.ingest.html_lines import block_lines
from index.ingest.text_meta import (
    FOOTER_SPAN,
    common_word,
    find_copyright_holder,
    is_section_name,
    lead_dateline,
    looks_like_person,
)
from index.model import Cleaned

_MAX_HTML_CHARS = 5_000_000  # larger pages are almost always dumps, not articles
_MIN_LONE_H1_WORDS = 3  # an <h1> disagreeing with every meta title must look like a headline
_RECALL_GAIN = 0.85  # take the recall pass when the default one has <85% of its words
_LAYOUT_SHARE, _LAYOUT_CELL_WORDS = 0.5, 40  # table rows holding most words, one cell a paragraph: a layout
_RESCUE_SHARE = 0.4  # the text cleaner's body replaces trafilatura's when this is <40% of it...
_RESCUE_OVERLAP = 0.8  # ...and >=80% of trafilatura's words are in it
_WORD = re.compile(r"\w+")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/|:)\s+|\s*⋆\s*$")
_SITE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|•|·|::)\s+")
# blogging and newsletter platforms whose name a publication's pages give as og:site_name
_PLATFORMS = frozenset("medium substack blogger wordpress wordpress.com tumblr ghost beehiiv".split())
_SPELLED_MIN, _SPELLED_CHARS, _SPELLED_WORDS = 6, 60, 5  # a site's name spelling its host: letters, length
_GENERIC_LABELS = {"www", "blog", "blogs", "news", "com", "org", "net", "edu", "gov", "co", "ac"}

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
    paragraphs = _body(meta, canonical, [title or "", *meta.title_candidates()])
    dateline = lead_dateline(paragraphs)
    return Cleaned(
        paragraphs=paragraphs,
        title=title,
        outlet=outlet,
        date=find_date(tree, url=canonical, metas=meta.metas, jsonld=meta.jsonld),
        dateline=dateline,
        url=canonical,
    )


_CLOSE_RE = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def _parse(html: str) -> lxml_html.HtmlElement | None:
    """Parse leniently; trafilatura's loader copes with encodings and broken markup."""
    from trafilatura.utils import load_html

    # (a page closed early, "</body></html>" with the article after it, as browsers render it: the
    # parser would drop everything after the close)
    tree = load_html(_CLOSE_RE.sub("", html) if isinstance(html, str) else html)
    return tree if tree is not None and len(tree) else None


# --- body -------------------------------------------------------------------------


def _body(meta: _Meta, url: str | None, titles: list[str]) -> list[str]:
    """Body paragraphs: the fuller of a default and a recall-favouring trafilatura pass.

    trafilatura's default pass often stops at the first container and loses sections
    (key points, later chapters); its recall pass keeps them but sometimes adds chrome.
    Taking the recall pass only when it is clearly longer recovers the lost text while
    the boilerplate rules below take off most of what recall adds.
    """
    default = _pass(meta.tree, url, favor_recall=False)
    recall = _pass(meta.tree, url, favor_recall=True)
    chosen = recall if _words(default) < _RECALL_GAIN * _words(recall) else default
    if _layout_table(chosen):
        chosen = _scrape_body(meta.rendered) or chosen
    else:
        chosen = _rescued(chosen, meta.rendered)
    paragraphs = drop_chrome([line for line in chosen if not is_boilerplate(line)])
    # the headline repeated above the body belongs to the title, not the text
    heads = {_norm(t) for t in titles if t}
    while paragraphs and _norm(paragraphs[0]) in heads:
        paragraphs = paragraphs[1:]
    return paragraphs


def _rescued(chosen: list[str], rendered: list[str]) -> list[str]:
    """The text cleaner's body when trafilatura kept only a fragment of it.

    On some layouts (sections in sibling containers, lists of cards) both trafilatura passes
    stop at one container and lose most of the article. The line model, run over the page
    rendered as a text scrape, finds the whole run of reporting; its answer replaces
    trafilatura's only when it is far longer and holds what trafilatura found, so the two
    agree on where the article is and differ only in how much of it there is. Lines the page
    repeats (carousels of testimonials, teasers shown twice) do not count towards "longer".
    """
    have = _words(chosen)
    if have >= _RESCUE_SHARE * _words(rendered):
        return chosen  # the whole page is not long enough to hold a far longer body
    rescue = _scrape_body(rendered)
    if not rescue:
        return chosen
    seen = Counter(rendered)
    found = set(chosen)
    once = [line for line in rescue if seen[line] == 1 or line in found]
    if have >= _RESCUE_SHARE * _words(once):
        return chosen
    mine, theirs = _bag(chosen), _bag(rescue)
    inside = sum((mine & theirs).values()) / max(1, sum(mine.values()))
    return rescue if inside >= _RESCUE_OVERLAP else chosen


def _layout_table(lines: list[str]) -> bool:
    """An old CMS lays the whole page out in a table: trafilatura then returns its rows ("| menu
    | ... |", "| | WAVERLY — Pike County commissioners on Monday ... |"), paragraphs of the story
    as cells beside the site's chrome. A data table's cells are short; a layout's hold paragraphs."""
    rows = [line for line in lines if line.startswith("|")]
    in_rows = _words(rows)
    return in_rows > _LAYOUT_SHARE * max(1, _words(lines)) and any(
        len(cell.split()) >= _LAYOUT_CELL_WORDS for row in rows for cell in row.split(" | "))


def _scrape_body(rendered: list[str]) -> list[str]:
    """The text cleaner's body over the page rendered one block (one table cell) per line: a
    second opinion, whose failure must not lose the first (empty then)."""
    try:
        return clean_text("\n".join(rendered)).paragraphs
    except Exception:  # noqa: BLE001
        return []


def _bag(lines: list[str]) -> Counter[str]:
    return Counter(word for line in lines for word in _WORD.findall(line.lower()))


def _pass(tree: lxml_html.HtmlElement, url: str | None, *, favor_recall: bool) -> list[str]:
    from trafilatura import bare_extraction

    doc = bare_extraction(
        copy.deepcopy(tree),  # trafilatura prunes the tree it is given
        url=url,
        favor_recall=favor_recall,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
        deduplicate=False,
    )
    text = getattr(doc, "text", None) or ""
    return [line for line in (" ".join(raw.split()) for raw in text.splitlines()) if line]


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


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

    @cached_property
    def rendered(self) -> list[str]:
        """The page as a text scrape sees it (html_lines), rendered once for the body's second
        opinion and the outlet's copyright notice."""
        return block_lines(self.tree)

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
        site, publisher = self.metas.get("og:site_name"), self._publisher()
        if site and publisher and site.lower() in _PLATFORMS:
            site = None  # a publication on a platform: "Open Rails Review", not "Medium"
        for name in (site, publisher, self.metas.get("application-name")):
            # "Blog" or "Home" is a section label some CMSs put in og:site_name
            if name and 1 < len(name) <= 80 and not name.startswith(("http://", "https://")) \
                    and not is_boilerplate(name) and not is_section_name(name):
                return _tidy_name(_without_tagline(html_lib.unescape(name.lstrip("@")), _host(url)))
        # (then the page's own name for itself: spelling its host, or in its copyright notice)
        return self._spelling_host(_host(url)) or find_copyright_holder(self.rendered[-FOOTER_SPAN:]) \
            or _host(url)

    def _spelling_host(self, host: str | None) -> str | None:
        """A short text of the page (a <title> part, the logo's words) spelling the host's
        first label: "Meridian Wire" on meridianwire.com, "Rust Belt Dispatch" on
        rustbeltdispatch.quillpost.com; the name as the site writes it, not its domain."""
        # the publication's own label: the first, unless generic ("blog."); a platform's name
        # further right ("substack") is not the publication's
        first = next((label for label in (host or "").split(".")[:-1] if label not in _GENERIC_LABELS), "")
        if len(first) < _SPELLED_MIN:
            return None
        title = html_lib.unescape(_text(self.tree.find(".//title")))
        texts = _TITLE_SEPARATORS.split(title) + [
            " ".join(t.split()) for el in self.tree.iter() if isinstance(el.tag, str)
            for t in (el.text,) if t and len(t) <= _SPELLED_CHARS]
        for text in texts:
            words = text.strip().split()
            if 1 <= len(words) <= _SPELLED_WORDS and re.sub(r"[^a-z0-9]", "", text.lower()) == first:
                name = " ".join(words)
                # (a personal site's owner, "Ben Nadel" on bennadel.com, is a person, not an outlet;
                # a lone ordinary word, "Connect" on connect.example.com, is a button)
                person = looks_like_person(name) or (len(words) == 1 and common_word(name.lower()))
                return None if person else _tidy_name(name)
        return None

    def _publisher(self) -> str | None:
        for obj in self.jsonld:
            pub = obj.get("publisher")
            if isinstance(pub, list) and pub:
                pub = pub[0]
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                return " ".join(pub["name"].split())
        return None

    def title_candidates(self) -> list[str]:
        """Every headline the page states, to spot it repeated at the top of the body."""
        found = [_text(self.tree.find(".//title")), *(_text(h) for h in self.tree.iter("h1"))]
        found += [self.metas.get("og:title", ""), self.metas.get("twitter:title", "")]
        return [t for t in found if t]

    def title(self, outlet: str | None) -> str | None:
        """The headline readers see: the page's <h1>, unless it is the masthead or chrome.

        An <h1> agreeing with <title>/og:title/JSON-LD wins outright; otherwise a
        plausible <h1> still beats the meta titles, which are often SEO rewrites.
        """
        page_title = html_lib.unescape(_text(self.tree.find(".//title")))
        og = self.metas.get("og:title") or self.metas.get("twitter:title")
        headline = next(
            (" ".join(o["headline"].split()) for o in self.jsonld if isinstance(o.get("headline"), str)),
            None,
        )
        site = {_norm(n) for n in (outlet, self.metas.get("og:site_name"), self._publisher()) if n}
        h1s = [t for t in (_text(h) for h in self.tree.iter("h1")) if _plausible_headline(t, site)][:3]
        anchors = [t for t in (page_title, og, headline) if t]
        for h1 in h1s:
            if any(_agrees(h1, a) for a in anchors):
                return h1
        if h1s and len(h1s[0].split()) >= _MIN_LONE_H1_WORDS:
            return h1s[0]
        for cand in (headline, og, page_title):
            if cand:
                stripped = _strip_site(html_lib.unescape(cand), outlet)
                if stripped and _norm(stripped) not in site:
                    return stripped
        return h1s[0] if h1s else None


def _plausible_headline(text: str, site: set[str]) -> bool:
    """Not the masthead, not a widget label ("Menu", "Related Articles")."""
    words = len(text.split())
    return 1 <= words <= 40 and len(text) <= 300 and _norm(text) not in site and not is_boilerplate(text)


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


def _without_tagline(name: str, host: str | None) -> str:
    """The site's name without the slogan some sites append: "Acme | Plumbing you trust",
    "Wirecutter: Reviews for the Real World".

    The part that spells a label of the host is the name; failing that, the first part.
    """
    head, colon, slogan = name.partition(": ")  # "Wirecutter: Reviews for the Real World"
    if colon and 1 <= len(head.split()) <= 3 and len(slogan.split()) >= 3:
        return head.strip()
    parts = [p.strip(" |-–—•·:\"“”") for p in _SITE_SEPARATORS.split(name)]
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return parts[0] if parts else name
    labels = [re.sub(r"[^a-z0-9]", "", label) for label in (host or "").split(".")[:-1]]
    labels = [label for label in labels if len(label) >= 3 and label not in _GENERIC_LABELS]
    for part in parts:
        squashed = re.sub(r"[^a-z0-9]", "", part.lower())
        if len(squashed) >= 3 and any(label in squashed or squashed in label for label in labels):
            return part
    return parts[0]


def _tidy_name(name: str) -> str:
    """"the Guardian" is The Guardian."""
    return "The" + name[3:] if name.startswith("the ") else name


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    # a canonical URL written with its path escaped ("site.org%2Fa%2Fb") has no clean host
    host = re.match(r"[a-z0-9.-]*", host).group()  # type: ignore[union-attr]
    host = re.sub(r"^(?:www\d*|m|amp)\.", "", host).strip(".")
    return host or None
