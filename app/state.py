"""Per-request access to the index: the handle's searcher for this thread, fetched once."""

from __future__ import annotations

from flask import current_app, g
from whoosh.searching import Searcher

from index.store import IndexHandle


def handle() -> IndexHandle:
    return current_app.extensions["lede"]


def searcher() -> Searcher:
    """Refreshed once per request, so a finished reindex shows up without a restart."""
    if "searcher" not in g:
        g.searcher = handle().searcher()
    return g.searcher


def cache() -> dict:
    searcher()
    return handle().cache()
