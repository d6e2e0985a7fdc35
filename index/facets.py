"""Facet counts and the date histogram, computed over per-document columns with numpy.

Whoosh's `groupedby` walks every matching document through Python objects; reading the
outlet and day columns once per index generation into arrays makes each count one
vectorised step, however many documents match.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import numpy as np
from whoosh.searching import Searcher

from index.model import UNDATED, UNKNOWN_LABEL, UNKNOWN_OUTLET, Facet, FacetValue, SearchRequest
from index.schema import UNKNOWN_KEY

EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()  # numpy's datetime64 day 0


@dataclass(slots=True)
class Columns:
    """Per-document arrays for one reader generation: outlet ordinal and publication day."""

    outlets: list[str]  # ordinal -> outlet ("" for unknown)
    outlet_ord: np.ndarray  # int32 per docnum
    day: np.ndarray  # int32 per docnum: date.toordinal(), 0 when undated
    live: np.ndarray  # bool per docnum: False for deleted documents
    month: np.ndarray | None = None  # int32 per docnum: year * 12 + month - 1 (0 when undated)
    year: np.ndarray | None = None  # int32 per docnum (0 when undated)
    name_rank: np.ndarray | None = None  # per outlet ordinal: its place in case-blind name order

    def __post_init__(self) -> None:
        """Month and year of each day, once per generation: histograms then count with bincount."""
        if self.month is None or self.year is None:
            dated = self.day > 0
            d64 = (np.where(dated, self.day, EPOCH_ORDINAL).astype(np.int64) - EPOCH_ORDINAL).astype("datetime64[D]")
            months = d64.astype("datetime64[M]").astype(np.int64) + 1970 * 12  # months since year 0
            self.month = np.where(dated, months, 0).astype(np.int32)
            self.year = np.where(dated, months // 12, 0).astype(np.int32)
        if self.name_rank is None:
            by_name = sorted(range(len(self.outlets)), key=lambda i: self.outlets[i].lower())
            self.name_rank = np.empty(len(self.outlets), dtype=np.int64)
            self.name_rank[by_name] = np.arange(len(self.outlets))

    @classmethod
    def load(cls, searcher: Searcher) -> Columns:
        reader = searcher.reader()
        n = reader.doc_count_all()
        if n == 0:  # an empty index has no columns to read
            empty = np.empty(0, dtype=np.int32)
            return cls(outlets=[], outlet_ord=empty, day=empty, live=np.empty(0, dtype=bool))
        raw_outlets = list(reader.column_reader("outlet_key")) if n else []
        names: dict[str, int] = {}
        ords = np.empty(n, dtype=np.int32)
        for i, key in enumerate(raw_outlets):
            key = key.decode("utf-8") if isinstance(key, bytes) else (key or UNKNOWN_KEY)
            ords[i] = names.setdefault(UNKNOWN_OUTLET if key == UNKNOWN_KEY else key, len(names))
        day = np.fromiter(reader.column_reader("day"), dtype=np.int64, count=n).astype(np.int32)
        live = np.ones(n, dtype=bool)
        if reader.has_deletions():
            for docnum in range(n):
                live[docnum] = not reader.is_deleted(docnum)
        return cls(outlets=list(names), outlet_ord=ords, day=day, live=live)

    def outlet_mask(self, outlets: tuple[str, ...]) -> np.ndarray | None:
        if not outlets:
            return None
        wanted = [i for i, name in enumerate(self.outlets) if name in set(outlets)]
        return np.isin(self.outlet_ord, np.asarray(wanted, dtype=np.int32))

    def date_mask(self, start: dt.date | None, end: dt.date | None) -> np.ndarray | None:
        """A from/to filter keeps dated articles in range; undated ones cannot be placed."""
        if not start and not end:
            return None
        lo = start.toordinal() if start else 1
        hi = end.toordinal() if end else 10**7
        return (self.day >= lo) & (self.day <= hi)


def outlet_facet(cols: Columns, docs: np.ndarray, req: SearchRequest) -> Facet:
    """Counts ignore the outlet selection itself, so a user can see what widening would add."""
    counts = np.bincount(cols.outlet_ord[docs], minlength=len(cols.outlets))
    chosen = set(req.outlets)
    picked = [i for i, name in enumerate(cols.outlets) if name in chosen] if chosen else []
    shown = np.union1d(np.flatnonzero(counts), np.asarray(picked, dtype=np.int64))
    order = shown[np.lexsort((cols.name_rank[shown], -counts[shown]))]  # most first, then by name
    available = len(order)
    truncated = available > req.facet_size  # a page lists the top few; its JSON and a link offer the rest
    if truncated:
        order = np.concatenate([order[:req.facet_size], [i for i in order[req.facet_size:] if i in picked]])
    values = [
        FacetValue(value=cols.outlets[i], label=cols.outlets[i] or UNKNOWN_LABEL, count=int(counts[i]),
                   selected=cols.outlets[i] in chosen)
        for i in order.astype(np.int64).tolist()
    ]
    return Facet(name="outlet", values=values, truncated=truncated, available=available)


def pick_interval(days: np.ndarray, wanted: str) -> str:
    """Day buckets for a month or two of coverage, months up to a few years, else years."""
    if wanted != "auto":
        return wanted
    if not len(days):
        return "month"
    span = int(days.max()) - int(days.min())
    if span <= 62:
        return "day"
    if span <= 3 * 366:
        return "month"
    return "year"


def date_facet(cols: Columns, docs: np.ndarray, req: SearchRequest) -> Facet:
    """Histogram of the matches by period (date filter itself ignored), plus undated."""
    all_days = cols.day[docs] if len(docs) else np.empty(0, np.int32)
    dated = all_days > 0
    dated_docs = docs[dated] if len(docs) else docs
    undated = int(len(docs) - len(dated_docs))
    interval = pick_interval(all_days[dated], req.date_interval)
    values: list[FacetValue] = []
    if len(dated_docs):
        column = {"day": cols.day, "month": cols.month, "year": cols.year}[interval]
        keys, counts = np.unique(column[dated_docs], return_counts=True)  # a few buckets, not every day
        for key, count in zip(keys.tolist(), counts.tolist(), strict=True):
            start, end = bucket_of_key(key, interval)
            values.append(FacetValue(
                value=label(start, interval), label=label(start, interval), count=count,
                selected=(req.date_from, req.date_to) == (start, end), start=start, end=end,
            ))
    if undated:
        values.append(FacetValue(value=UNDATED, label="Undated", count=undated))
    return Facet(name="date", values=values, interval=interval)


def bucket_of_key(key: int, interval: str) -> tuple[dt.date, dt.date]:
    """First and last day of a bucket from its column value (day ordinal, month or year number)."""
    if interval == "day":
        return bucket(dt.date.fromordinal(key), interval)
    if interval == "month":
        return bucket(dt.date(key // 12, key % 12 + 1, 1), interval)
    return bucket(dt.date(key, 1, 1), interval)


def bucket(day: dt.date, interval: str) -> tuple[dt.date, dt.date]:
    if interval == "day":
        return day, day
    if interval == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def label(start: dt.date, interval: str) -> str:
    if interval == "day":
        return start.isoformat()
    if interval == "month":
        return start.strftime("%Y-%m")
    return str(start.year)
