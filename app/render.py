"""Full page or htmx fragment from one template, chosen by the element htmx targets."""

from __future__ import annotations

from typing import Any

from flask import Response, make_response, render_template
from flask_htmx import HTMX
from jinja2_fragments.flask import render_block

# element id == block name: these are the parts of a page htmx may ask for alone
FRAGMENTS = {"results", "similar"}
_htmx = HTMX()  # stateless: each property reads the current request's HX-* headers


def fragment_target() -> str | None:
    """The block to render alone, or None for a full page (boosted and history restores)."""
    if not _htmx or _htmx.history_restore_request or _htmx.boosted:
        return None
    return _htmx.target if _htmx.target in FRAGMENTS else None


def page(template: str, status: int = 200, alternate: str | None = None, push_url: str | None = None,
         **ctx: Any) -> Response:
    """Render the page or its targeted block.

    push_url is the canonical URL of the state shown: a form submit would otherwise push
    `?q=x&from=&to=&sort=relevance`, and HX-Push-Url replaces it with the short form.
    """
    block = fragment_target()
    body = render_block(template, block, **ctx) if block else render_template(template, **ctx)
    resp = make_response(body, status)
    if alternate:
        resp.headers["Link"] = f'<{alternate}>; rel="alternate"; type="application/json"'
    if block and push_url:
        resp.headers["HX-Push-Url"] = push_url
    return resp
