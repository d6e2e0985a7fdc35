"""Every URL the pages and the JSON link to, built from SearchRequest.to_args so they round-trip.

A results page links to ~250 URLs (facet toggles, hits, stories, paging) that differ from
the request in one argument each, so the pieces are built once per request or cached:
each `key=value` pair quoted once, each endpoint's path routed once.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote, quote_plus

from flask import g, url_for

from index.model import SearchRequest

_PATH_SAFE = "!$&'()*+,/:;=@"  # werkzeug's PathConverter.to_url: what <path:aid> leaves unquoted


@lru_cache(maxsize=8192)
def _pair(key: str, value: str) -> str:
    """`key=value` quoted as urlencode quotes it; the same few pairs recur across every URL of a page."""
    return quote_plus(key) + "=" + quote_plus(value)


def query_string(pairs: list[tuple[str, str]]) -> str:
    """urlencode(pairs), from cached pairs."""
    return "&".join([_pair(k, v) for k, v in pairs])


def search_url(req: SearchRequest, endpoint: str = "views.search") -> str:
    query = query_string(req.to_args())
    return base_url(endpoint) + ("?" + query if query else "")


def base_url(endpoint: str) -> str:
    """url_for(endpoint) without arguments, once per request: a results page links to the
    same few endpoints dozens of times, and each url_for is a routing-map build."""
    memo = g.setdefault("_lede_base_urls", {})
    url = memo.get(endpoint)
    if url is None:
        url = memo[endpoint] = url_for(endpoint)
    return url


def path_url(endpoint: str, aid: str) -> str:
    """url_for(endpoint, aid=aid) for the one-<path:aid> routes, routed once per request:
    the path up to the id and after it, with the id quoted as werkzeug's path converter does."""
    memo = g.setdefault("_lede_path_urls", {})
    parts = memo.get(endpoint)
    if parts is None:
        probe = url_for(endpoint, aid="\x00")  # quoted as %00: nothing else in a route looks like it
        head, _, tail = probe.partition("%00")
        parts = memo[endpoint] = (head, tail)
    return parts[0] + quote(aid, safe=_PATH_SAFE) + parts[1]


_SLOT = "\x00outlets\x00"  # stands in for the outlet list while the rest of the query string is encoded once


def outlet_toggles(req: SearchRequest, outlets: list[str], endpoint: str) -> list[str]:
    """Each facet value's toggle URL: the search with that outlet removed if chosen, else added.

    The same strings search_url gives for those requests, at a string join each. A facet lists
    up to a few hundred outlets and each toggle differs from the request only in its outlet
    list, so the args before and after that list are encoded once (placed by to_args itself,
    via a sentinel) and each URL is those parts around its own outlets.
    """
    pairs = req.but(outlets=(_SLOT,)).to_args()
    i = pairs.index(("outlet", _SLOT))
    head, tail = query_string(pairs[:i]), query_string(pairs[i + 1:])
    base = base_url(endpoint)
    mine = [(o, _pair("outlet", o)) for o in req.outlets]
    chosen = [e for _, e in mine]

    def url(outlet: str) -> str:
        if outlet in req.outlets:
            parts = [e for o, e in mine if o != outlet]
        else:
            parts = [*chosen, _pair("outlet", outlet)]
        query = "&".join([p for p in (head, *parts, tail) if p])
        return base + ("?" + query if query else "")

    return [url(o) for o in outlets]


def date_toggle(req: SearchRequest, start, end, endpoint: str) -> str:
    """Clicking a selected period clears the date filter; any other sets it to that period."""
    if (req.date_from, req.date_to) == (start, end):
        return search_url(req.but(date_from=None, date_to=None), endpoint)
    return search_url(req.but(date_from=start, date_to=end), endpoint)


def article_url(aid: str, req: SearchRequest | None = None) -> str:
    """The article, carrying the search it was found in: terms to highlight, a way back."""
    query = query_string(req.to_args()) if req else ""
    return path_url("views.article", aid) + ("?" + query if query else "")
