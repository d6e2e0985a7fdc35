"""What one first-time htmx search fragment costs in-process, and how it splits (issue 5).

create_app on the 33k index, Flask test client, seeded queries from titles (bench/perf_query.py),
each asked once with HX-Request/HX-Target: results. Wall per request, and inside it the time in
the core search (index.search.search; of it, the stories preview), in page_json (URLs and JSON
shapes) and in rendering, by wrapping the names app/views.py and index/search.py call.
--profile adds a cProfile table of the app side.

    .venv/bin/python bench/fragment_cost.py [--index bench/out/ix33k] [--queries 200] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import time
import urllib.parse
from pathlib import Path

from common import OUT, ROOT, news_records, timed, wait_for_warm_up
from perf_query import HX, make_queries, pct

import app.views as views
import index.stories as stories
from app import create_app


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, default=OUT / "ix33k")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--records", type=int, default=33_000, help="records the titles are drawn from")
    ap.add_argument("--profile", action="store_true", help="cProfile the measured pass, app-side rows")
    args = ap.parse_args()

    recs = list(news_records(args.records))
    queries = make_queries(recs, args.queries, args.seed)
    warm = make_queries(recs, 20, args.seed + 1000)
    app = create_app({"INDEX_DIR": str(args.index)})
    client = app.test_client()

    acc: dict[str, float] = {}
    timed(views, "run_search", acc, "core")
    timed(views, "page_json", acc, "page_json")
    timed(views, "page", acc, "render")
    timed(stories, "listing", acc, "stories")  # inside core: the "Top stories" preview

    def path(q) -> str:
        return "/?" + urllib.parse.urlencode(q.params())

    for q in warm:  # open the searcher, load columns and story groups
        assert client.get(path(q), headers=HX).status_code == 200
    wait_for_warm_up()  # the postings warm-up thread would hold the GIL beside the measured requests

    seen: set[str] = set()
    walls: list[float] = []
    split: dict[str, list[float]] = {"core": [], "stories": [], "page_json": [], "render": []}
    prof = cProfile.Profile() if args.profile else None
    for q in queries:
        p = path(q)
        if p in seen:
            continue
        seen.add(p)
        acc.clear()
        if prof:
            prof.enable()
        t = time.perf_counter()
        r = client.get(p, headers=HX)
        walls.append(time.perf_counter() - t)
        if prof:
            prof.disable()
        assert r.status_code == 200, (p, r.status_code)
        for k in split:
            split[k].append(acc.get(k, 0.0))

    n = len(walls)
    total = sum(walls)
    where = args.index.relative_to(ROOT) if args.index.is_relative_to(ROOT) else args.index
    print(f"{n} first-time fragment requests on {where}")
    print(f"wall  p50 {pct(walls, 50):6.1f} ms  p95 {pct(walls, 95):6.1f} ms  mean {total / n * 1000:6.1f} ms")
    for k, v in split.items():
        name = "  stories" if k == "stories" else k
        print(f"{name:9s} p50 {pct(v, 50):6.1f} ms  p95 {pct(v, 95):6.1f} ms  mean {sum(v) / n * 1000:6.1f} ms"
              f"  ({sum(v) / total:4.0%} of wall)")
    rest = [w - sum(split[k][i] for k in split if k != "stories") for i, w in enumerate(walls)]
    print(f"{'other':9s} p50 {pct(rest, 50):6.1f} ms  p95 {pct(rest, 95):6.1f} ms  mean {sum(rest) / n * 1000:6.1f} ms"
          f"  ({sum(rest) / total:4.0%} of wall: Flask, parse_search, test client)")
    if prof:
        out = io.StringIO()
        st = pstats.Stats(prof, stream=out).sort_stats(os.environ.get("SORT", "cumulative"))
        st.print_stats(r"(app/|templates/|jinja2|urllib|index/stories)", 30)
        print(out.getvalue())


if __name__ == "__main__":
    main()
