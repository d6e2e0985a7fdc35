"""Publication date of an HTML page, from the evidence the page itself gives.

Pages state dates in several places that disagree: JSON-LD and meta tags declare a
published and a modified date, the byline shows one of them (often "Updated ..."), the
URL may hold the publication day, and lists of related articles, comments and footers
carry dates of other things. The rules here rank that evidence by what it claims to be:

- a declared publication date (JSON-LD datePublished, article:published_time and kin)
  beats everything, because bylines commonly show the last update instead;
- a date shown next to the headline counts next, unless its label says it is an update;
- a full year/month/day in the URL comes after that;
- a modification date only declared in markup is not a publication date, so a page whose
  only evidence is a "modified" stamp gets no date rather than an invented one; a page
  that prints only "Updated <day>" gets that day, the one its readers see;
- three or more different days printed under the headline are a list (an index page,
  an events listing), not a byline;
- dates before 1990 or after tomorrow are not publication dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import html as lxml_html

EARLIEST = dt.date(1990, 1, 1)
_NEAR_AFTER, _NEAR_BEFORE = 600, 160  # characters of text after / before the <h1>
_LIST_DAYS = 3  # different days printed under the headline that make it a list
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "button", "select", "option"}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:[a-z]{0,6})\.?"
_SHOWN = re.compile(
    rf"\b(?P<mon1>{_MON})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MON}),?\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)(?:\b|(?=T\d))"
    r"|\b(?P<sy>(?:19|20)\d\d)/(?P<sm>\d{1,2})/(?P<sd>\d{1,2})\b"
    rf"|\b(?P<y3>(?:19|20)\d\d)\s+(?P<mon3>{_MON})\s+(?P<d3>\d{{1,2}})\b"
    r"|\b(?P<n1>\d{1,2})(?P<sep>[./-])(?P<n2>\d{1,2})(?P=sep)(?P<ny>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# a label just before a shown date saying it is not the first publication
_UPDATE_LABEL = re.compile(
    r"(?:updated|modified|reviewed|edited|revised|refreshed|fact[- ]checked|last\s+\w+)\W{0,3}"
    r"(?:on|at|:)?\W{0,3}$",
    re.IGNORECASE,
)
_PUBLISH_LABEL = re.compile(r"(?:published|posted|released|written|created|date)\W{0,3}(?:on|at|:)?\W{0,3}$",
                            re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(r"(?:published|posted)\W{0,3}(?:on|at|:)?\W{0,3}"
                              r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\W{0,3})?$", re.IGNORECASE)
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$)")
_URL_NAMED = re.compile(rf"/((?:19|20)\d\d)/({_MON})/(\d{{1,2}})(?:/|[-_]|$)", re.IGNORECASE)
_URL_COMPACT = re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?:/|[-_.]|$)")
_ISO = re.compile(r"\s*((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})")
_ARTICLE_TYPES = re.compile(r"article|posting|report|review|blog|news|story", re.IGNORECASE)
_PAGE_TYPES = re.compile(r"webpage|creativework|howto|recipe|faqpage|aboutpage|medicalwebpage", re.IGNORECASE)
_PUBLISHED_META = re.compile(r"publish(?!er)|pub[-_]?date|issued|release_date|citation_date|citation_publication_date|"
                             r"sailthru\.date|original-source-date")
# generic names that usually, not always, hold the publication date
_DATE_META = re.compile(r"^(?:date|dc\.date|dcterms\.date|dc\.created|dcterms\.created|created|date_created)$")
_MODIFIED_META = re.compile(r"modif|updat|last|revis|changed|edited")
_PUBLISHED_CLASS = re.compile(r"publish|pubdate|posted|post-date|entry-date|date-pub|created", re.IGNORECASE)
_MODIFIED_CLASS = re.compile(r"updat|modif|revis|changed|edited", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Shown:
    day: dt.date
    offset: int  # characters from the <h1> (negative: before it)
    updated: bool  # labelled as an update/review rather than the publication


def find_date(
    tree: lxml_html.HtmlElement,
    *,
    url: str | None,
    metas: dict[str, str],
    jsonld: Sequence[dict[str, Any]],
    today: dt.date | None = None,
) -> dt.date | None:
    """The publication day a reader would give for this page, or None without evidence.

    ``metas`` maps lowercased meta names/properties to their first value and ``jsonld``
    holds the page's JSON-LD objects (both as html.py's _Meta reads them); ``today``
    is only there so tests can pin the "not in the future" bound.
    """
    latest = (today or dt.date.today()) + dt.timedelta(days=1)
    dayfirst = _day_first(tree)

    def ok(day: dt.date | None) -> dt.date | None:
        return day if day and EARLIEST <= day <= latest else None

    # a meta name repeated with several dates belongs to a list of other articles
    listed = _listed_meta_names(tree)
    metas = {key: value for key, value in metas.items() if key not in listed}
    declared = [d for d in (ok(x) for x in _declared_published(jsonld, metas, dayfirst)) if d]
    from_url = ok(_url_day(url))
    # a full date in the path is fixed when the article is first published; markup a
    # day off is the same moment in another time zone
    if from_url and (not declared or abs((declared[0] - from_url).days) <= 1):
        return from_url
    shown = [s for s in _shown_near_h1(tree, dayfirst) if ok(s.day)]
    if len({s.day for s in shown if s.offset >= 0}) >= _LIST_DAYS:  # a list's entries, not a byline
        shown = [s for s in shown if s.offset < 0]
    visible = [(day, upd) for day, upd in _time_elements(tree, dayfirst) if ok(day)]
    visible += [(s.day, s.updated) for s in shown if s.offset >= 0]
    published = [day for day, upd in visible if not upd]
    if declared:
        # markup often carries the date a page was moved to a new CMS; an earlier
        # date printed under the headline is the original publication (a day apart
        # is only a time zone)
        printed = [s.day for s in shown if s.offset >= 0 and not s.updated]
        earlier = [day for day in printed if day < declared[0] - dt.timedelta(days=1)]
        return earlier[0] if earlier else declared[0]
    if published:
        return published[0]
    if from_url:
        return from_url
    # a date printed just above the headline (kicker, breadcrumb line)
    above = [s.day for s in shown if s.offset < 0 and not s.updated]
    if above:
        return above[-1]
    # the page shows only when it was updated: that is still the date readers see
    if visible:
        return visible[0][0]
    # a page without a <h1> (an old table layout): a date labelled as the publication's
    on_page = _printed_days(tree, dayfirst)
    labelled = [day for day, published in on_page if published and ok(day)]
    if labelled:
        return labelled[0]
    # htmldate knows many more CMS patterns, but it also reads dates out of scripts,
    # image names and modification stamps: take its answer only when that day is
    # printed on the page and is not merely a modification or CMS page date
    guess = ok(_htmldate(tree, url, latest))
    if guess and guess not in _weak_dates(jsonld, metas, dayfirst) and any(day == guess for day, _ in on_page):
        return guess
    return None


def _printed_days(tree: lxml_html.HtmlElement, dayfirst: bool) -> list[tuple[dt.date, bool]]:
    """Every day written in the page's visible text, in order, and whether "Published:" or "Posted
    on" labels it ("Published: Thursday, 5 March 2026"): the text is rendered and scanned once."""
    text = " ".join(
        chunk
        for el in tree.iter()
        if isinstance(el.tag, str) and el.tag not in _SKIP_TAGS
        for chunk in (el.text, el.tail)
        if chunk and chunk.strip()
    )
    return [(day, _PUBLISHED_LABEL.search(text[max(0, m.start() - 40):m.start()]) is not None)
            for m in _SHOWN.finditer(text) if (day := _from_match(m, dayfirst))]


def _htmldate(tree: lxml_html.HtmlElement, url: str | None, latest: dt.date) -> dt.date | None:
    from htmldate import find_date as htmldate_find

    found = htmldate_find(tree, url=url, original_date=True, extensive_search=False,
                          max_date=latest.isoformat())
    return _parse_value(found, False) if found else None


# --- declared in markup -----------------------------------------------------------


def _declared_published(jsonld: Sequence[dict[str, Any]], metas: dict[str, str], dayfirst: bool) -> list[dt.date]:
    """Publication dates the page declares, most trusted first."""
    articles: list[dt.date] = []
    pages: list[dt.date] = []
    for obj in jsonld:
        kind = obj.get("@type")
        kind = " ".join(k for k in kind if isinstance(k, str)) if isinstance(kind, list) else str(kind or "")
        value = obj.get("datePublished") or obj.get("dateCreated")
        day = _parse_value(value, dayfirst) if isinstance(value, str) else None
        if not day:
            continue
        if _ARTICLE_TYPES.search(kind):
            articles.append(day)
        elif _PAGE_TYPES.search(kind) or not kind:
            pages.append(day)
    from_meta: list[dt.date] = []
    generic: list[dt.date] = []
    for key, value in metas.items():
        if _MODIFIED_META.search(key):
            continue
        named = _PUBLISHED_META.search(key)
        if named or _DATE_META.match(key):
            day = _parse_value(value, dayfirst)
            if day:
                (from_meta if named else generic).append(day)
    # a WebPage's datePublished is when the CMS page was made (SEO plugins add it to
    # every page, services and product pages too): it confirms, it does not decide
    return articles + from_meta + generic + (pages if articles or from_meta or generic else [])


def _listed_meta_names(tree: lxml_html.HtmlElement) -> set[str]:
    values: dict[str, set[str]] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key:
            values.setdefault(key, set()).add((el.get("content") or "")[:10])
    return {key for key, seen in values.items() if len(seen) > 2}


def _weak_dates(jsonld: Sequence[dict[str, Any]], metas: dict[str, str], dayfirst: bool) -> set[dt.date]:
    """Modification dates and CMS page dates: never a publication date on their own."""
    values = [obj.get("dateModified") for obj in jsonld]
    values += [obj.get("datePublished") for obj in jsonld if not _ARTICLE_TYPES.search(str(obj.get("@type")))]
    values += [value for key, value in metas.items() if _MODIFIED_META.search(key)]
    return {day for day in (_parse_value(v, dayfirst) for v in values if isinstance(v, str)) if day}


# --- shown on the page ------------------------------------------------------------


def _time_elements(tree: lxml_html.HtmlElement, dayfirst: bool) -> list[tuple[dt.date | None, bool]]:
    """<time> elements and itemprop dates that describe this article, not a list of others.

    Several <time> elements with different days are a list (related posts, comments),
    so only the first one counts, and only when it is marked as the publication or
    stands in the article's header.
    """
    marked = [
        _parse_value(el.get("datetime") or el.get("content") or el.text_content() or "", dayfirst)
        for el in tree.xpath('//*[@itemprop="datePublished" or @itemprop="dateCreated"]')
    ]
    if marked and len(set(marked)) <= 2:
        return [(day, False) for day in marked[:1]]
    found: list[tuple[dt.date | None, bool]] = []
    times = list(tree.iter("time"))
    if not times:
        return []
    days = {(t.get("datetime") or "")[:10] for t in times if t.get("datetime")}
    if len(days) > 2:
        return []
    for el in times[:3]:
        value = el.get("datetime") or el.text_content()
        day = _parse_value(value or "", dayfirst)
        if not day:
            continue
        marks = " ".join(filter(None, [el.get("class"), el.get("itemprop"), _parent_class(el)]))
        label = " ".join(el.text_content().split())[:40]
        updated = bool(_MODIFIED_CLASS.search(marks) and not _PUBLISHED_CLASS.search(marks)) or bool(
            re.match(r"\W*(?:last\s+)?(?:updated|modified)", label, re.IGNORECASE)
        )
        found.append((day, updated))
    return found


def _parent_class(el: lxml_html.HtmlElement) -> str:
    parent = el.getparent()
    return (parent.get("class") or "") if parent is not None else ""


def _shown_near_h1(tree: lxml_html.HtmlElement, dayfirst: bool) -> list[_Shown]:
    """Dates printed in the text just after (or just before) the first <h1>."""
    heading = next(tree.iter("h1"), None)
    if heading is None:
        return []
    before: list[str] = []
    after: list[str] = []
    size, started = 0, False
    for el in tree.iter():
        if el is heading:
            started = True
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            continue
        chunks = (el.text, None if el is heading else el.tail)
        if not started:
            before.extend(c for c in chunks if c and c.strip())
            continue
        for chunk in chunks:
            if chunk and chunk.strip():
                after.append(chunk)
                size += len(chunk)
        if size > _NEAR_AFTER * 2:
            break
    head = " ".join(" ".join(before[-20:]).split())[-_NEAR_BEFORE:]
    tail = " ".join(" ".join(after).split())[:_NEAR_AFTER]
    shown = [_Shown(d, pos, upd) for d, pos, upd in _scan(tail, dayfirst)]
    shown += [_Shown(d, pos - len(head), upd) for d, pos, upd in _scan(head, dayfirst)]
    return shown


def _scan(text: str, dayfirst: bool) -> list[tuple[dt.date, int, bool]]:
    found = []
    for match in _SHOWN.finditer(text):
        day = _from_match(match, dayfirst)
        if day:
            label = text[max(0, match.start() - 40):match.start()]
            updated = bool(_UPDATE_LABEL.search(label)) and not _PUBLISH_LABEL.search(label)
            found.append((day, match.start(), updated))
    return found


# --- parsing ----------------------------------------------------------------------


def _url_day(url: str | None) -> dt.date | None:
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for pattern in (_URL_DAY, _URL_COMPACT):
        match = pattern.search(path)
        if match:
            return _safe_date(*(int(g) for g in match.groups()))
    match = _URL_NAMED.search(path)
    if match:
        month = _MONTHS.index(match.group(2)[:3].lower()) + 1
        return _safe_date(int(match.group(1)), month, int(match.group(3)))
    return None


def _parse_value(value: str, dayfirst: bool) -> dt.date | None:
    """A date from a markup value: ISO first, then the shapes pages print."""
    match = _ISO.match(value)
    if match:
        return _safe_date(*(int(g) for g in match.groups()))
    match = _SHOWN.search(value[:80])
    return _from_match(match, dayfirst) if match else None


def _from_match(match: re.Match[str], dayfirst: bool) -> dt.date | None:
    parts = match.groupdict()
    if parts["iso_y"]:
        return _safe_date(int(parts["iso_y"]), int(parts["iso_m"]), int(parts["iso_d"]))
    if parts["sy"]:
        return _safe_date(int(parts["sy"]), int(parts["sm"]), int(parts["sd"]))
    if parts["ny"]:
        a, b = int(parts["n1"]), int(parts["n2"])
        # dots mean day.month.year everywhere; slashes and dashes follow the page language
        first_is_day = parts["sep"] == "." or a > 12 or (dayfirst and b <= 12)
        day, month = (a, b) if first_is_day else (b, a)
        return _safe_date(int(parts["ny"]), month, day)
    month = _MONTHS.index((parts["mon1"] or parts["mon2"] or parts["mon3"])[:3].lower()) + 1
    year = parts["y1"] or parts["y2"] or parts["y3"]
    return _safe_date(int(year), month, int(parts["d1"] or parts["d2"] or parts["d3"]))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_first(tree: lxml_html.HtmlElement) -> bool:
    """Whether 03/04/2024 means 3 April: everywhere but in US English pages."""
    lang = (tree.get("lang") or tree.get("xml:lang") or "").lower()
    return bool(lang) and not (lang == "en" or lang.startswith("en-us"))
