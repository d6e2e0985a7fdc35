"""Per-request access to the index: a leased searcher with warm caches, returned at teardown."""

from __future__ import annotations

from flask import Flask, current_app, g
from whoosh.searching import Searcher

from index.store import IndexHandle, Lease


def handle() -> IndexHandle:
    return current_app.extensions["lede"]


def lease() -> Lease:
    """Borrowed once per request, so a finished reindex shows up without a restart."""
    if "lease" not in g:
        g.lease = handle().acquire()
    return g.lease


def searcher() -> Searcher:
    return lease().searcher


def cache() -> dict:
    return lease().cache


def init_app(app: Flask) -> None:
    @app.teardown_appcontext
    def give_back(exc: BaseException | None) -> None:
        borrowed = g.pop("lease", None)
        if borrowed is not None:
            app.extensions["lede"].release(borrowed)
