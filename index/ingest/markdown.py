"""Markdown scrapes (reader services, crawlers' markdown output, web clippers) as plain text.

Many collectors save a page as Markdown rather than as the text a browser copy gives: links
carry their URLs, menus become link lists, images and headings have markup of their own. The
line model was trained on browser text, so the markup is taken off first (links keep their
words, images go, list and heading marks go) and what the markup states outright is kept as
hints: the page's H1 is its headline, and a reader service's header ("Title:", "URL Source:",
"Published Time:") or a clipper's front matter gives title, URL and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S+")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_TAG = re.compile(r"</?(?:br|span|div|p|em|strong|b|i|u|sup|sub|small)\b[^>]*>", re.IGNORECASE)
# a reader service's header: "Title: ...", "URL Source: ...", "Published Time: ...", "Markdown Content:"
_HEADER_FIELD = re.compile(r"^(Title|URL Source|Published Time|Markdown Content):\s*(.*)$")
_FRONT_FIELD = re.compile(r"^(title|source|url|published|date):\s*[\"']?(.*?)[\"']?\s*$", re.IGNORECASE)
MIN_MARKS = 3  # links, headings or images a page needs to be read as Markdown
EMPHASIS_MAX_CHARS = 5000  # longer lines keep their emphasis marks


@dataclass
class MarkdownHints:
    """What the markup states: the H1 headline, and a header's title, URL and date."""

    headline: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None


def looks_like_markdown(text: str) -> bool:
    """Markdown links or images (and ATX headings), not a stray bracket or hash in plain text:
    a page with headings alone may be plain text that numbers things with "#"."""
    head = text[:200_000]
    if "](" not in head:  # no link, no image: most pages stop here
        return False
    links = len(_LINK.findall(head)) + len(_IMAGE.findall(head))
    if not links:
        return False
    return links + sum(1 for line in head.splitlines() if _HEADING.match(line)) >= MIN_MARKS


def markdown_to_text(text: str) -> tuple[str, MarkdownHints]:
    """The page as a browser would copy it (one block per line), and the hints the markup gives."""
    lines = text.splitlines()
    hints = MarkdownHints()
    start = _read_header(lines, hints)
    out: list[str] = [""] * start  # line for line, so kept_lines still count the file's lines
    lines = lines[start:]
    in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(line)
            continue
        if _RULE.match(line) or _REF_DEF.match(line) or _TABLE_RULE.match(line):
            out.append("")
            continue
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(2)
            if heading.group(1) == "#" and hints.headline is None:
                hints.headline = _inline(line).strip() or None
        out.append(_inline(_LIST_ITEM.sub("", _QUOTE.sub("", line))))
    return "\n".join(out), hints


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub("", line)
    line = _TAG.sub(" ", line)
    if len(line) <= EMPHASIS_MAX_CHARS:  # the lazy emphasis patterns rescan a line per marker
        line = _STRONG.sub(r"\2", line)
        line = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line)
    return " ".join(line.split())


def _read_header(lines: list[str], hints: MarkdownHints) -> int:
    """Read a reader service's header or a clipper's front matter into hints; the number of
    lines they take at the top."""
    fields: dict[str, str] = {}
    start = 0
    if lines and lines[0].strip() == "---":  # YAML front matter
        end = next((i for i in range(1, min(len(lines), 60)) if lines[i].strip() == "---"), None)
        if end is not None:
            for line in lines[1:end]:
                m = _FRONT_FIELD.match(line.strip())
                if m and m.group(2):
                    fields.setdefault(m.group(1).lower(), m.group(2))
            start = end + 1
    else:
        i = 0
        while i < min(len(lines), 20):
            s = lines[i].strip()
            m = _HEADER_FIELD.match(s)
            if m:
                fields[m.group(1).lower()] = m.group(2).strip()
                start = i + 1
                if m.group(1) == "Markdown Content":
                    break
            elif s:
                break
            i += 1
    hints.title = fields.get("title") or None
    hints.url = fields.get("url source") or fields.get("source") or fields.get("url") or None
    hints.date = fields.get("published time") or fields.get("published") or fields.get("date") or None
    return start
