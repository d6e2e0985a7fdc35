"""HTML pages: parse, call index/, render the page or the block htmx asked for."""

from __future__ import annotations

import datetime as dt
from html import escape

from flask import Blueprint, Response, current_app, make_response, render_template, request, url_for
from markupsafe import Markup

from app import state
from app.params import ParamError, parse_search
from app.render import page
from app.serialize import page_json, story_json
from app.urls import search_url
from index.articles import get_article, highlighted_paragraphs
from index.compare import compare as compare_articles
from index.model import SearchRequest
from index.search import search as run_search
from index.similar import similar_to
from index.stories import story_of

bp = Blueprint("views", __name__)

BAR_STEPS = 20  # histogram bar heights are classes h0..h20 in lede.css (the CSP forbids style=)


@bp.get("/")
def search() -> Response:
    req = parse_search(request.args, current_app.config)
    result = run_search(state.searcher(), req, state.cache())
    data = page_json(result, endpoint="views.search")
    return page("search.html", result=result, data=data, req=req, links=filter_links(req),
                alternate=search_url(req, "api.search"), push_url=search_url(req))


@bp.get("/articles/<path:aid>")
def article(aid: str) -> Response:
    s = state.searcher()
    a = get_article(s, aid)
    try:  # the search this article was opened from rides along in its URL
        came_from = parse_search(request.args, current_app.config)
    except ParamError:
        came_from = SearchRequest()
    q = came_from.q
    st = story_of(s, a.id, state.cache(), max_ids=0)
    return page("article.html", article=a, paragraphs=highlighted_paragraphs(s, a, q), q=q,
                story=story_json(st, SearchRequest(), "views.search") if st else None,
                back_url=search_url(came_from),
                alternate=url_for("api.article", aid=a.id))


@bp.get("/articles/<path:aid>/similar")
def similar(aid: str) -> Response:
    s = state.searcher()
    a = get_article(s, aid)  # an unknown id is a clean 404, not an empty panel
    items = similar_to(s, aid, current_app.config["SIMILAR_LIMIT"], state.cache())
    return page("similar.html", article=a, items=items, alternate=url_for("api.similar", aid=aid))


@bp.get("/compare/<path:aid>/<path:bid>")
def compare(aid: str, bid: str) -> Response:
    c = compare_articles(state.searcher(), aid, bid, state.cache())
    return page("compare.html", c=c, alternate=url_for("api.compare", aid=aid, bid=bid))


@bp.get("/opensearch.xml")
def opensearch() -> Response:
    resp = make_response(render_template("opensearch.xml"))
    resp.mimetype = "application/opensearchdescription+xml"
    return resp


def filter_links(req: SearchRequest) -> dict[str, str]:
    """URLs the filter chips need beyond the facets' own toggles: drop the dates, drop everything."""
    return {
        "json": search_url(req, "api.search"),
        "csv": search_url(req, "api.search_csv"),
        "clear_dates": search_url(req.but(date_from=None, date_to=None)),
        "clear_story": search_url(req.but(story="")),
        "clear_all": search_url(SearchRequest(q=req.q, sort=req.sort, per_page=req.per_page, view=req.view)),
    }


@bp.app_template_filter("bar")
def bar(count: int, peak: int) -> int:
    """Bar height step for a histogram count: 1..BAR_STEPS, so a non-zero count is never invisible."""
    return max(1, -(-count * BAR_STEPS // peak)) if count and peak else 0


@bp.app_template_filter("outlet_items")
def outlet_items(values: list[dict]) -> Markup:
    """The outlet facet's checkbox rows (facet values as page_json gives them), every value
    escaped. Built here rather than in a Jinja loop: a facet lists up to 200 outlets, and
    their ~800 escapes and lookups in Jinja were a third of a results fragment's render."""
    return Markup("".join([
        f'<li><label><input type="checkbox" name="outlet" value="{escape(v["value"])}" form="search-form"'
        f'{" checked" if v["selected"] else ""}> {escape(v["label"])} <span class="count">{int(v["count"])}</span>'
        f'</label></li>' for v in values]))


@bp.app_template_filter("day")
def day(value: dt.date | str | None) -> str:
    """12 Jun 2024: readable, unambiguous across locales, and the same on page and fragment."""
    if not value:
        return ""
    d = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{d.day} {d:%b %Y}"


@bp.app_template_filter("span")
def span(first: dt.date | str | None, last: dt.date | str | None) -> str:
    """A date range as short as it reads unambiguously: 18–21 Jun 2024, 28 Jun – 2 Jul 2024."""
    if not first:
        return ""
    a = dt.date.fromisoformat(first) if isinstance(first, str) else first
    b = (dt.date.fromisoformat(last) if isinstance(last, str) else last) or a
    if a == b:
        return day(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%b %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%b} – {b.day} {b:%b %Y}"
    return f"{day(a)} – {day(b)}"
