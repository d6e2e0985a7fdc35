"""An HTML page as a plain-text scrape sees it: one line per block element, chrome included.

The text cleaner's line model was built for such scrapes. Rendering a parsed page the same
way lets html.py ask it for a second opinion on the body, independent of trafilatura's
choice of container. Comment threads are left out: on a scrape they read as prose.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import html as lxml_html

_BLOCK = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption"
    " figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table"
    " tbody thead tfoot tr td th ul caption option select label button".split()
)
_SKIP = frozenset("script style noscript template svg head iframe object embed canvas math".split())
# a container whose id or class names a comment thread (WordPress, Disqus, most CMSs):
# readers' posts, not the article ("hljs-comment" spans and comment counts are not containers)
_THREAD_TAGS = frozenset("div section aside ol ul footer".split())
_COMMENTS = re.compile(r"^(?:[a-z0-9]+[_-])*comments(?:[_-][a-z0-9-]+)?$|^comment-(?:list|respond|form)$"
                       r"|^(?:commentlist|respond|disqus_thread)$", re.IGNORECASE)


def block_lines(tree: lxml_html.HtmlElement) -> list[str]:
    """The page's visible text, one whitespace-normalised line per block."""
    lines: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            text = " ".join("".join(run).split())
            if text:
                lines.append(text)
            run.clear()

    # an explicit stack, not recursion: scraped pages nest deeper than Python's recursion limit
    stack: list[tuple[Any, bool]] = [(tree, False)]
    while stack:
        el, closing = stack.pop()
        if closing:  # after el's children: end its block, then its tail runs on
            if el.tag in _BLOCK:
                flush()
            if el.tail:
                run.append(el.tail)
            continue
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag in _SKIP or _is_comments(el):
            if el.tail:
                run.append(el.tail)
            continue
        if tag in _BLOCK:
            flush()
        if el.text:
            run.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    flush()
    return lines


def _is_comments(el: lxml_html.HtmlElement) -> bool:
    if el.tag not in _THREAD_TAGS:
        return False
    marks = f"{el.get('id') or ''} {el.get('class') or ''}".split()
    return any(_COMMENTS.match(mark) for mark in marks)
