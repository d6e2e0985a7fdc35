"""HTML pages: parse, call index/, render the page or the block htmx asked for."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, make_response, render_template, request, url_for

from app import state
from app.params import parse_search
from app.render import page
from app.serialize import page_json
from app.urls import search_url
from index.articles import get_article, highlighted_paragraphs
from index.search import search as run_search
from index.similar import similar_to

bp = Blueprint("views", __name__)


@bp.get("/")
def search() -> Response:
    req = parse_search(request.args, current_app.config)
    result = run_search(state.searcher(), req, state.cache())
    data = page_json(result, endpoint="views.search")
    return page("search.html", result=result, data=data, req=req,
                alternate=search_url(req, "api.search"))


@bp.get("/articles/<path:aid>")
def article(aid: str) -> Response:
    s = state.searcher()
    a = get_article(s, aid)
    q = request.args.get("q", "")[: current_app.config["MAX_QUERY_CHARS"]]
    return page("article.html", article=a, paragraphs=highlighted_paragraphs(s, a, q), q=q,
                alternate=url_for("api.article", aid=a.id))


@bp.get("/articles/<path:aid>/similar")
def similar(aid: str) -> Response:
    items = similar_to(state.searcher(), aid, current_app.config["SIMILAR_LIMIT"])
    return page("similar.html", aid=aid, items=items, alternate=url_for("api.similar", aid=aid))


@bp.get("/opensearch.xml")
def opensearch() -> Response:
    resp = make_response(render_template("opensearch.xml"))
    resp.mimetype = "application/opensearchdescription+xml"
    return resp
