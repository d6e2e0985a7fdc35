"""JSON and CSV twins of the pages: the same parse and the same index call, another renderer."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from flask import Blueprint, Response, current_app, jsonify, request

from app import state
from app.openapi import openapi_document
from app.params import parse_search
from app.serialize import article_json, compare_json, page_json, similar_json
from index.articles import get_article
from index.compare import compare as compare_articles
from index.search import iter_all
from index.search import search as run_search
from index.similar import similar_to
from index.stories import LISTED_IDS, story_of

bp = Blueprint("api", __name__, url_prefix="/api")

CSV_FIELDS = ("id", "title", "outlet", "date", "dateline", "url", "word_count", "score")


@bp.get("/search")
def search() -> Response:
    if request.args.get("format") == "csv":
        return search_csv()
    req = parse_search(request.args, current_app.config)
    return jsonify(page_json(run_search(state.searcher(), req, state.cache())))


@bp.get("/search.csv")
def search_csv() -> Response:
    """Every matching row, streamed, so an export of the whole corpus needs no memory.

    The stream outlives the view, and the request's lease goes back to the pool at teardown,
    before the first row: another request would then read through the same searcher (one
    thread at a time only). So the stream borrows a lease of its own until the response closes.
    """
    req = parse_search(request.args, current_app.config)
    handle, max_rows = state.handle(), current_app.config["CSV_MAX_ROWS"]
    lease = handle.acquire()

    def rows() -> Iterator[str]:
        buf = io.StringIO()
        out = csv.writer(buf)
        out.writerow(CSV_FIELDS)
        for n, hit in enumerate(iter_all(lease.searcher, req, lease.cache)):
            if n >= max_rows:
                break
            out.writerow([hit.id, hit.title, hit.outlet or "", hit.date.isoformat() if hit.date else "",
                          hit.dateline or "", hit.url or "", hit.word_count, hit.score])
            if buf.tell() > 16384:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()

    resp = Response(rows(), mimetype="text/csv")
    resp.call_on_close(lambda: handle.release(lease))
    resp.headers["Content-Disposition"] = 'attachment; filename="lede-search.csv"'
    return resp


@bp.get("/articles/<path:aid>")
def article(aid: str) -> Response:
    s = state.searcher()
    a = get_article(s, aid)
    return jsonify(article_json(a, story_of(s, a.id, state.cache(), LISTED_IDS)))


@bp.get("/articles/<path:aid>/similar")
def similar(aid: str) -> Response:
    items = similar_to(state.searcher(), aid, current_app.config["SIMILAR_LIMIT"], state.cache())
    return jsonify(similar_json(aid, items))


@bp.get("/compare/<path:aid>/<path:bid>")
def compare(aid: str, bid: str) -> Response:
    return jsonify(compare_json(compare_articles(state.searcher(), aid, bid, state.cache())))


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document())
