"""Plain data that crosses Lede's layers: what ingest yields, what search returns.

Nothing here knows Whoosh or Flask, so the same objects serve templates, JSON, CSV and
the CLI, and a later OpenSearch backend can return them unchanged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

SORTS = ("relevance", "newest", "oldest")
DATE_INTERVALS = ("auto", "day", "month", "year")
VIEWS = ("articles", "stories")  # the search page lists matching articles, or the stories they belong to
UNKNOWN_OUTLET = ""  # stored value for "no outlet"; shown as UNKNOWN_LABEL
UNKNOWN_LABEL = "Unknown outlet"
FACET_SIZE = 30  # outlets a results page lists (Datasette's default); facet_size asks for more
MAX_FACET_SIZE = 500  # facet_size=max
UNDATED = "undated"  # date facet bucket for articles without a date


@dataclass(slots=True)
class Cleaned:
    """What a cleaner found in one page: the reporting and the metadata it could trust."""

    paragraphs: list[str]
    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    dateline: str | None = None
    url: str | None = None
    # text input only: indices into text.splitlines() of the lines kept as body, so
    # bench/clean_eval.py can score line decisions through the very path reindex uses
    kept_lines: list[int] | None = None


@dataclass(slots=True)
class Article:
    """One cleaned article, as indexed and as served by /api/articles/<id>."""

    id: str
    title: str
    body: str  # paragraphs separated by one blank line
    source: str  # file, or "file#record" for records inside a JSON(L) file
    outlet: str | None = None
    date: dt.date | None = None
    dateline: str | None = None
    url: str | None = None
    analyzed: dict | None = None  # terms computed ahead by a build worker (index.schema.Analyzed)
    signature: Any = None  # similar-coverage features (index.signatures.DocFeatures), set by clean_one

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]

    @property
    def word_count(self) -> int:
        return len(self.body.split())

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date.isoformat() if self.date else None,
            "dateline": self.dateline,
            "url": self.url,
            "body": self.body,
            "source": self.source,
            "word_count": self.word_count,
        }


@dataclass(frozen=True, slots=True)
class Skipped:
    """A source that was not indexed, and why: reindex reports these instead of stopping."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """One parsed search, shared by the page, the fragment, JSON, CSV and the CLI."""

    q: str = ""
    outlets: tuple[str, ...] = ()  # repeated ?outlet=: OR within the facet, AND with dates
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    date_interval: str = "auto"
    facets: bool = True  # CSV and the CLI switch facets off instead of taking another path
    snippets: bool = True
    collapse: bool = False  # fold copies (verbatim or reworded) behind their earliest version
    view: str = "articles"  # "stories": list the stories of the matches instead of the matches
    story: str = ""  # an article id: keep only the articles of the story it belongs to
    facet_size: int = FACET_SIZE  # outlets listed, most articles first (chosen ones always)

    def to_args(self) -> list[tuple[str, str]]:
        """The canonical query string: defaults left out, so URLs stay short and stable."""
        args: list[tuple[str, str]] = []
        if self.q:
            args.append(("q", self.q))
        args += [("outlet", o) for o in self.outlets]
        if self.date_from:
            args.append(("from", self.date_from.isoformat()))
        if self.date_to:
            args.append(("to", self.date_to.isoformat()))
        if self.sort != "relevance":
            args.append(("sort", self.sort))
        if self.date_interval != "auto":
            args.append(("date_interval", self.date_interval))
        if self.per_page != 10:
            args.append(("per_page", str(self.per_page)))
        if self.facet_size != FACET_SIZE:
            args.append(("facet_size", "max" if self.facet_size == MAX_FACET_SIZE else str(self.facet_size)))
        if self.collapse:
            args.append(("collapse", "1"))
        if self.story:
            args.append(("story", self.story))
        if self.view != "articles":
            args.append(("view", self.view))
        if self.page != 1:
            args.append(("page", str(self.page)))
        return args

    def but(self, **changes: Any) -> SearchRequest:
        """A copy with changes; any change other than the page goes back to page 1."""
        if "page" not in changes:
            changes["page"] = 1
        return replace(self, **changes)


@dataclass(slots=True)
class CopyRef:
    """A copy folded behind a hit: enough to tell the versions apart in the "+N copies" list."""

    id: str
    outlet: str | None
    date: dt.date | None


@dataclass(slots=True)
class Hit:
    id: str
    title: str
    title_html: str  # sanitised; only <mark> survives
    snippet: str  # sanitised; only <mark> survives
    score: float
    outlet: str | None
    date: dt.date | None
    dateline: str | None
    url: str | None
    word_count: int
    copy_refs: list[CopyRef] = field(default_factory=list)  # copies collapsed behind this hit, with outlet and date

    @property
    def copies(self) -> list[str]:
        """Ids of the copies collapsed behind this hit."""
        return [r.id for r in self.copy_refs]


@dataclass(slots=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    start: dt.date | None = None  # date buckets: the period the bucket covers
    end: dt.date | None = None


@dataclass(slots=True)
class Facet:
    name: str
    values: list[FacetValue]
    truncated: bool = False
    available: int = 0  # values there were to list (outlets with matches, and chosen ones)
    interval: str | None = None  # date facet: the bucket size actually used


@dataclass(slots=True)
class Story:
    """One story (same-story coverage grouped at index time): who covered it, and who had it first."""

    id: int  # docnum naming the story in this generation (stable only within it; link by first_id)
    headline: str  # title of the first published article
    articles: int  # articles in the story, in the whole corpus
    matching: int  # of those, how many the search matched
    outlets: int
    first_date: dt.date | None
    last_date: dt.date | None
    first_outlet: str | None  # who published first
    first_id: str  # the earliest article: also the story's key in URLs (?story=<first_id>)
    ids: list[str] = field(default_factory=list)  # the matching articles, earliest first


@dataclass(slots=True)
class SearchPage:
    """Everything a results page shows, so the JSON twin has it too."""

    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: dict[str, Facet]
    took_ms: float = 0.0
    suggestion: str | None = None
    ignored: list[str] = field(default_factory=list)  # parts of the query not understood
    folded: int = 0  # collapse: matching articles folded behind an earlier version (not in total)
    stories: list[Story] = field(default_factory=list)  # view=stories: this page of them; else a preview
    stories_total: int = 0  # stories among the matches (groups of 2+ articles)
    story: Story | None = None  # the story the `story` filter selected

    @property
    def pages(self) -> int:
        shown = self.stories_total if self.request.view == "stories" else self.total
        return max(1, -(-shown // self.request.per_page))

    @property
    def has_next(self) -> bool:
        return self.request.page < self.pages


@dataclass(slots=True)
class SimilarArticle:
    id: str
    title: str
    outlet: str | None
    date: dt.date | None
    score: float
    relation: str  # duplicate | rewrite | same-story | related
    reused: float = 0.0  # share of this article's text found in the other
    term_overlap: float = 0.0
    shared_terms: list[str] = field(default_factory=list)
    only_here: list[str] = field(default_factory=list)
    only_there: list[str] = field(default_factory=list)


class LedeError(Exception):
    """Base of the errors index/ raises; app/ maps each to an HTTP status."""


class IndexMissing(LedeError):
    pass


class ArticleNotFound(LedeError):
    pass


class ReindexBusy(LedeError):
    pass
