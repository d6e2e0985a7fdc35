"""Every URL the pages and the JSON link to, built from SearchRequest.to_args so they round-trip."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import url_for

from index.model import SearchRequest


def search_url(req: SearchRequest, endpoint: str = "views.search") -> str:
    query = urlencode(req.to_args())
    return url_for(endpoint) + ("?" + query if query else "")


def outlet_toggle(req: SearchRequest, outlet: str, endpoint: str) -> str:
    return search_url(req.toggle_outlet(outlet), endpoint)


def date_toggle(req: SearchRequest, start, end, endpoint: str) -> str:
    """Clicking a selected period clears the date filter; any other sets it to that period."""
    if (req.date_from, req.date_to) == (start, end):
        return search_url(req.but(date_from=None, date_to=None), endpoint)
    return search_url(req.but(date_from=start, date_to=end), endpoint)


def article_url(aid: str, req: SearchRequest | None = None) -> str:
    """The article, carrying the search it was found in: terms to highlight, a way back."""
    query = urlencode(req.to_args()) if req else ""
    return url_for("views.article", aid=aid) + ("?" + query if query else "")
