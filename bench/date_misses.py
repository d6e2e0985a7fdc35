"""Why extract_html's publication day misses WCXB's gold day, counted by kind (issue 8).

The same-day figure of bench/clean_eval.py stops well short of 100%, and the misses are of
different kinds: a gold day the page never states, a gold day that is the page's own
modification date, a gold month without a day. Counting them says which misses a rule
could fix and which only a different reading of the gold would.

    .venv/bin/python bench/date_misses.py [--data ../shared/data/extraction-bench/wcxb-articles]
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from pathlib import Path

from clean_eval import DEFAULT_DATA, _pool_map, load, same_day  # also puts the project on the path

from index.ingest import dates
from index.ingest.html import _Meta, _parse

_ROWS: list[dict] = []  # filled before the pool forks; workers only read it


def _classify(i: int) -> str | None:
    row = _ROWS[i]
    gold = row.get("gold_date")
    tree = _parse(row["html"])
    if tree is None:
        return "unparsable page" if gold else None
    meta = _Meta(tree)
    found = dates.find_date(tree, url=meta.canonical_url(row["url"]), metas=meta.metas, jsonld=meta.jsonld)
    if not gold:
        return "invented: a day where the gold has none" if found else None
    if same_day(found, gold):
        return None
    if len(gold) < 10:
        return "gold gives a month only"
    day = dt.date.fromisoformat(gold)
    dayfirst = dates._day_first(tree)
    written = {d for d in (dates._from_match(m, dayfirst) for m in dates._SHOWN.finditer(row["html"])) if d}
    if day not in written:
        return "gold day written nowhere in the page's HTML"
    if day in dates._weak_dates(meta.jsonld, meta.metas, dayfirst):
        return "gold is a modification date the page declares"
    if any(s.day == day and s.updated for s in dates._shown_near_h1(tree, dayfirst)):
        return 'gold is the "Updated" day printed under the headline'
    return "other" + (" (no day found)" if not found else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    global _ROWS
    _ROWS = load(args.data / "pages.jsonl.gz", None)
    kinds = Counter(k for k in _pool_map(_classify, len(_ROWS), 2) if k)
    dated = sum(1 for r in _ROWS if r.get("gold_date"))
    missed = sum(v for k, v in kinds.items() if not k.startswith("invented"))
    print(f"{len(_ROWS)} pages, {dated} with a gold date; same day {dated - missed}/{dated}")
    for kind, n in kinds.most_common():
        print(f"{n:5d}  {kind}")


if __name__ == "__main__":
    main()
