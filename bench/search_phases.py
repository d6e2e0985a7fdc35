"""Where a search() call spends its time, cold and warm postings, by step (issue 5).

The in-process core under the HTTP figures of bench/perf.py: the seeded query set of
bench/perf_query.py on a full index, asked once with the postings the generation decodes at
open (the warm-up thread is waited for) and once more at another page number, so the result
page memo misses but every posting is decoded. Each step index/search.py calls is timed by
wrapping its name, so the table says what a first-time search costs and what is left once
decoding is out of the way.

    .venv/bin/python bench/search_phases.py [--index bench/out/ix33k] [--queries 200]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import OUT, news_records, timed, wait_for_warm_up
from perf_query import make_queries, pct

import index.search as search_mod
import index.snippets as snippets
import index.stories as stories
from app.config import Defaults
from app.params import parse_search
from index.store import IndexHandle

# (module, name, label): the steps of compute() and, inside make_hit, of a snippet
STEPS = [
    (search_mod, "parse_query", "parse query"),
    (search_mod, "fast_match", "match + BM25F (numpy; reads postings)"),
    (search_mod, "outlet_facet", "outlet facet"),
    (search_mod, "date_facet", "date histogram"),
    (stories, "listing", "stories preview"),
    (search_mod, "rescore", "proximity rescoring (top 100)"),
    (search_mod, "make_hit", "10 hits: stored fields + highlighting"),
    (search_mod, "snippet", "  of which body snippets"),
    (search_mod, "highlight_title", "  of which title highlighting"),
    (snippets, "sanitise", "  of which nh3 sanitising"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, default=OUT / "ix33k")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    queries = make_queries(list(news_records()), args.queries, args.seed)
    handle = IndexHandle(args.index)
    handle.searcher()
    started = time.perf_counter()
    wait_for_warm_up()
    print(f"generation opened; warm-up read its common postings in {time.perf_counter() - started:.1f} s")

    spent: dict[str, float] = {}
    for module, name, label in STEPS:
        timed(module, name, spent, label)
    for page, title in ((1, "first time (postings the warm-up skipped are read)"),
                        (2, "again, page 2 (every posting read; page memo misses)")):
        spent.clear()
        walls = []
        for q in queries:
            req = parse_search(q.params() + [("page", str(page))], vars(Defaults))  # as the API parses it
            t = time.perf_counter()
            search_mod.compute(handle.searcher(), req, handle.cache())
            walls.append(time.perf_counter() - t)
        n = len(walls)
        print(f"\n{title}: {n} queries, search() p50 {pct(walls, 50):.1f} ms, p95 {pct(walls, 95):.1f} ms, "
              f"mean {sum(walls) / n * 1000:.1f} ms")
        for _, _, label in STEPS:
            print(f"  {label:40s} {spent.get(label, 0.0) / n * 1000:6.2f} ms a search")


if __name__ == "__main__":
    main()
