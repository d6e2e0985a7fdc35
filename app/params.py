"""Request arguments -> SearchRequest: the only reader of request.args for search.

Every front end (page, fragment, JSON, CSV) goes through `parse_search`, so a bad
parameter is one clear 400 everywhere and URLs built by `to_args` round-trip exactly.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from werkzeug.datastructures import MultiDict

from index.model import DATE_INTERVALS, FACET_SIZE, MAX_FACET_SIZE, SORTS, VIEWS, SearchRequest

MAX_ID_CHARS = 500  # article ids are file names or record ids; anything longer is not one


class ParamError(ValueError):
    """A request parameter that cannot be used: becomes a 400 naming the field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def parse_int(args: MultiDict, name: str, default: int, lo: int, hi: int) -> int:
    raw = args.get(name, "").strip()
    if not raw:
        return default
    if not re.fullmatch(r"[+]?\d{1,9}", raw):
        raise ParamError(name, f"{name} must be a whole number, got {raw[:40]!r}")
    value = int(raw)
    if not lo <= value <= hi:
        raise ParamError(name, f"{name} must be between {lo} and {hi}, got {value}")
    return value


def parse_day(args: MultiDict, name: str, end: bool) -> dt.date | None:
    """YYYY-MM-DD, or YYYY-MM / YYYY meaning the first (from) or last (to) day of it."""
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        if re.fullmatch(r"\d{4}", raw):
            return dt.date(int(raw), 12 if end else 1, 31 if end else 1)
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", raw):
            y, mo = int(m.group(1)), int(m.group(2))
            return dt.date(y, mo, calendar.monthrange(y, mo)[1] if end else 1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    raise ParamError(name, f"{name} must be a date as YYYY-MM-DD (or YYYY-MM, YYYY), got {raw[:40]!r}")


def parse_choice(args: MultiDict, name: str, choices: tuple[str, ...], default: str) -> str:
    raw = args.get(name, "").strip() or default
    if raw not in choices:
        raise ParamError(name, f"{name} must be one of {', '.join(choices)}, got {raw[:40]!r}")
    return raw


def parse_search(args: Mapping[str, Any] | MultiDict, config: Mapping[str, Any]) -> SearchRequest:
    """Validate and normalise search arguments; ParamError on anything unusable."""
    if not isinstance(args, MultiDict):
        args = MultiDict(args)
    q = args.get("q", "")
    if len(q) > config["MAX_QUERY_CHARS"]:
        raise ParamError("q", f"q is too long ({len(q)} characters; at most {config['MAX_QUERY_CHARS']})")
    outlets = tuple(dict.fromkeys(o.strip() for o in args.getlist("outlet")))
    date_from = parse_day(args, "from", end=False)
    date_to = parse_day(args, "to", end=True)
    if date_from and date_to and date_from > date_to:
        raise ParamError("from", f"from ({date_from}) is after to ({date_to})")
    story = args.get("story", "").strip()
    if len(story) > MAX_ID_CHARS:
        raise ParamError("story", f"story must be an article id, got {len(story)} characters")
    return SearchRequest(
        q=" ".join(q.split()),
        outlets=outlets,
        date_from=date_from,
        date_to=date_to,
        sort=parse_choice(args, "sort", SORTS, "relevance"),
        page=parse_int(args, "page", 1, 1, 100_000),
        per_page=parse_int(args, "per_page", 10, 1, config["MAX_PER_PAGE"]),
        date_interval=parse_choice(args, "date_interval", DATE_INTERVALS, "auto"),
        collapse=parse_choice(args, "collapse", ("0", "1"), "0") == "1",
        view=parse_choice(args, "view", VIEWS, "articles"),
        story=story,
        facet_size=MAX_FACET_SIZE if args.get("facet_size", "").strip() == "max"
        else parse_int(args, "facet_size", FACET_SIZE, 1, MAX_FACET_SIZE),
    )
