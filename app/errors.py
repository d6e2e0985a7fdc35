"""One place that maps errors to responses: JSON under /api, a friendly page elsewhere.

Views hold no try/except: index/ raises domain errors, params raises ParamError, and
these handlers give each its status. A stack trace never reaches a user.
"""

from __future__ import annotations

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from app.params import ParamError
from app.render import fragment_target, page
from index.model import ArticleNotFound, IndexMissing, SearchRequest


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path.endswith(".json")


def error_response(status: int, code: str, message: str, field: str | None = None) -> Response:
    if wants_json():
        err = {"code": code, "message": message}
        if field:
            err["field"] = field
        resp = jsonify({"error": err})
        resp.status_code = status
        return resp
    if fragment_target() == "similar":  # the lazy panel on an article page: say so inside the panel
        return page("similar.html", status=status, error=message, items=[])
    # the search page re-renders with the message where results go, so an htmx swap shows it
    return page("error.html", status=status, status_code=status, code=code, message=message,
                req=SearchRequest(q=request.args.get("q", "")[:200]))


def init_app(app: Flask) -> None:
    @app.errorhandler(ParamError)
    def bad_param(exc: ParamError) -> Response:
        return error_response(400, "bad_param", exc.message, exc.field)

    @app.errorhandler(ArticleNotFound)
    def not_found(exc: ArticleNotFound) -> Response:
        return error_response(404, "not_found", str(exc))

    @app.errorhandler(IndexMissing)
    def missing(exc: IndexMissing) -> Response:
        return error_response(503, "index_missing", str(exc))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        return error_response(exc.code or 500, exc.name.lower().replace(" ", "_"), exc.description or exc.name)

    @app.errorhandler(Exception)
    def server_error(exc: Exception) -> Response:
        app.logger.exception("unhandled error on %s", request.path)
        return error_response(500, "server_error", "Something went wrong on our side; the error was logged.")
