"""Reindex and search speed: Lede vs raw Whoosh vs SQLite FTS5, per corpus size, in one run.

For each size N (the first N records of the news corpus, as a scratch jsonl.gz under
bench/out/perf/) it times three builds in subprocesses (wall, docs/s, peak RSS, size on
disk), then a seeded query set from the titles: Lede over real HTTP (waitress, 4 threads,
loopback; the htmx fragment and the JSON API), Lede's search() in-process, raw Whoosh and
FTS5 in-process, plus similar coverage vs Whoosh more_like and the article page.

    .venv/bin/python bench/perf.py [--sizes 1000,10000,33095] [--queries 200] [--seed 7] [--write]
    .venv/bin/python bench/perf.py --quick        # smoke run: 1000 docs, 50 queries
    .venv/bin/python bench/perf.py --sizes 33095 --reuse-index bench/out/ix33k --lede-only --write
                                                  # requests only, on an existing full index

Lede memoises whole result pages per index generation, so each HTTP pass runs on a fresh
server, warmed with a *different* seeded query set: the figures are first-time queries.
The "again" row re-sends the last 64 of the measured set, newest first (back-navigation, facet
toggles undone): half of the 128 pages a worker memoises, so every one is a memo hit.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import sys
import time
import traceback
from pathlib import Path

from common import NEWS, OUT, RESULTS, news_records, wait_for_warm_up, write_section
from perf_build import Build, build_baseline, build_lede, dir_mb, write_slice
from perf_query import (
    HX,
    Fts5,
    Query,
    RawWhoosh,
    Server,
    concurrent_pass,
    http_pass,
    make_queries,
    pct,
    search_path,
    timed,
)

from index.search import PAGE_CACHE  # bench/common.py puts the project on sys.path

FULL = 33095
WORK = OUT / "perf"
# row key -> (label, p50 target ms, p95 target ms)
ROWS = {
    "frag": ("Lede `/?q=` htmx fragment (HTTP)", 15, 50),
    "frag_rep": ("Lede fragment, last 64 queries again, newest first (page memo)", None, None),
    "json": ("Lede `/api/search` JSON (HTTP)", 15, 50),
    "inproc": ("Lede search() in-process (no HTTP, no render)", None, None),
    "inproc_cpu": ("Lede search() in-process, CPU time of the thread", None, None),
    "w_top": ("raw Whoosh top-10", None, None),
    "w_facet": ("raw Whoosh top-10 + outlet facet", None, None),
    "w_hl": ("raw Whoosh top-10 + highlights", None, None),
    "w_all": ("raw Whoosh top-10 + facet + highlights", None, None),
    "f_top": ("FTS5 top-10 bm25", None, None),
    "f_group": ("FTS5 top-10 + GROUP BY outlet", None, None),
    "f_snip": ("FTS5 top-10 + snippet()", None, None),
    "json_conc": ("Lede `/api/search` JSON, 4 clients at once (HTTP)", None, None),
    "similar": ("Lede `/api/articles/<id>/similar` (HTTP)", None, 100),
    "w_mlt": ("raw Whoosh more_like(body, top=10)", None, None),
    "article": ("Lede `/articles/<id>` page (HTTP)", None, 20),
}
RATIOS = (("frag", "w_all"), ("json", "w_all"), ("json", "w_top"), ("inproc", "w_all"), ("frag", "f_snip"),
          ("json", "f_group"), ("similar", "w_mlt"))


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def lede_http(index_dir: Path, queries: list[Query], warm: list[Query], concurrent: list[Query], ids: list[str],
              budget: float, res: dict) -> None:
    """Two fresh servers: one for the fragment, one for JSON, similar and article pages."""
    server = Server(index_dir)
    try:
        http_pass(server, [search_path("/", q) for q in warm], HX, budget)
        res["idle_wait"] = server.wait_idle()
        sizes: list[int] = []
        cpu = server.cpu_seconds()
        res["frag"] = http_pass(server, [search_path("/", q) for q in queries], HX, budget, sizes)
        res["cpu_frag"] = (server.cpu_seconds() - cpu) / len(res["frag"]) * 1000
        res["frag_bytes"] = statistics.median(sizes)
        recent = queries[: len(res["frag"])][-(PAGE_CACHE // 2):][::-1]  # all still in the memo
        res["frag_rep"] = http_pass(server, [search_path("/", q) for q in recent], HX, budget)
        res["rss_frag"] = server.rss_mb()
        res["mem_frag"] = server.memory()
    finally:
        server.close()
    server = Server(index_dir)
    try:
        http_pass(server, [search_path("/api/search", q) for q in warm], None, budget)
        server.wait_idle()
        cpu = server.cpu_seconds()
        res["json"] = http_pass(server, [search_path("/api/search", q) for q in queries], None, budget)
        res["cpu_json"] = (server.cpu_seconds() - cpu) / len(res["json"]) * 1000
        http_pass(server, [f"/api/articles/{a}/similar" for a in ids[-3:]], None, budget)
        res["similar"] = http_pass(server, [f"/api/articles/{a}/similar" for a in ids], None, budget)
        res["article"] = http_pass(server, [f"/articles/{a}" for a in ids], None, budget)
        res["rss_json"] = server.rss_mb()
        res["mem_json"] = server.memory()
        # a third seeded set (first-time queries again) from 4 clients at once
        res["json_conc"] = concurrent_pass(server, [search_path("/api/search", q) for q in concurrent], None, 4,
                                           budget)
        res["rss_conc"] = server.rss_mb()
        res["mem_conc"] = server.memory()
    finally:
        server.close()


def lede_inproc(index_dir: Path, queries: list[Query], warm: list[Query], budget: float,
                res: dict) -> list[float]:
    from werkzeug.datastructures import MultiDict

    from app import create_app
    from app.params import parse_search
    from index.search import search
    from index.store import IndexHandle

    cfg = create_app({"INDEX_DIR": str(index_dir)}).config
    handle = IndexHandle(index_dir)
    cpu: list[float] = []

    def run(q: Query) -> None:
        started = time.thread_time()
        search(handle.searcher(), parse_search(MultiDict(q.params()), cfg), handle.cache())
        cpu.append(time.thread_time() - started)

    timed(warm, run, budget)
    time.sleep(1)
    wait_for_warm_up()  # as the servers: warmed first
    cpu.clear()
    times = timed(queries, run, budget)
    res["inproc_cpu"] = cpu
    handle.close()
    return times


def measure_size(n: int, records: list[dict], args, res: dict) -> None:
    src = WORK / f"news-{n}.jsonl.gz"
    n = write_slice(n, src) if n < FULL else n
    src = src if n < FULL else NEWS
    recs = records[:n]
    lede_dir, raw_dir, fts = WORK / f"lede-{n}", WORK / f"whoosh-{n}", WORK / f"fts5-{n}.db"
    builds: list[Build] = []
    if args.reuse_index and n >= FULL:
        lede_dir = args.reuse_index
        builds.append(Build("Lede `flask reindex`", n, size_mb=dir_mb(lede_dir),
                            note=f"not rebuilt: reused {lede_dir}"))
    else:
        print(f"[{n}] building Lede (load {load()})…", file=sys.stderr, flush=True)
        builds.append(build_lede(src, lede_dir, n, args.build_timeout))
    for kind, target in (() if args.lede_only else (("whoosh", raw_dir), ("fts5", fts))):
        print(f"[{n}] building {kind} (load {load()})…", file=sys.stderr, flush=True)
        builds.append(build_baseline(kind, src, target, n, args.build_timeout))
    res["builds"] = builds
    queries = make_queries(recs, args.queries, args.seed)
    warm = make_queries(recs, max(20, args.queries // 5), args.seed + 1000)
    res["queries"] = queries
    ids = [r["id"] for r in random.Random(args.seed).sample(recs, min(args.similar, len(recs)))]
    print(f"[{n}] Lede over HTTP (load {load()})…", file=sys.stderr, flush=True)
    concurrent = make_queries(recs, args.queries, args.seed + 2000)
    lede_http(lede_dir, queries, warm, concurrent, ids, args.budget, res)
    res["inproc"] = lede_inproc(lede_dir, queries, warm, args.budget, res)
    res["load"] = load()
    if args.lede_only:
        return
    print(f"[{n}] raw Whoosh and FTS5 (load {load()})…", file=sys.stderr, flush=True)
    raw = RawWhoosh(raw_dir)
    try:
        for key, fn in (("w_top", raw.top10), ("w_facet", raw.facet), ("w_hl", raw.highlights),
                        ("w_all", raw.all_three)):
            timed(warm, fn, args.budget)
            res[key] = timed(queries, fn, args.budget)
        timed(ids[-3:], raw.more_like, args.budget)
        res["w_mlt"] = timed(ids, raw.more_like, args.budget)
    finally:
        raw.close()
    db = Fts5(fts)
    try:
        for key, fn in (("f_top", db.top10), ("f_group", db.facet), ("f_snip", db.snippets)):
            timed(warm, fn, args.budget)
            res[key] = timed(queries, fn, args.budget)
    finally:
        db.close()
    res["load"] = load()


def fmt(x: float | None, spec: str = ".0f") -> str:
    return "–" if x is None else format(x, spec)


def cell(times: list[float] | None, want: int) -> str:
    if not times:
        return "–"
    s = f"{pct(times, 50):.1f} / {pct(times, 95):.1f} / {pct(times, 99):.1f}"
    return s + (f" (n={len(times)})" if len(times) < want else "")


def target(p50: float | None, p95: float | None) -> str:
    parts = [f"p50 ≤ {p50}" for _ in [0] if p50] + [f"p95 ≤ {p95}" for _ in [0] if p95]
    return ", ".join(parts)


def ok(times, p50, p95) -> str:
    if not times or (p50 is None and p95 is None):
        return ""
    good = (p50 is None or pct(times, 50) <= p50) and (p95 is None or pct(times, 95) <= p95)
    return " ✓" if good else " ✗"


def report(results: dict[int, dict], args) -> str:
    sizes = list(results)
    out = ["### Reindex", "", "| docs | system | wall s | docs/s | peak RSS, tree (MB) | largest process (MB) "
           "| index MB | Lede docs/s ÷ raw Whoosh (target ≥ 2×, RSS < 2 GB) |", "|---|---|---|---|---|---|---|---|"]
    for n in sizes:
        b = results[n]["builds"]
        if len(b) < 2:
            continue
        ratio = b[0].rate / b[1].rate if b[0].rate and b[1].rate else None
        for i, x in enumerate(b):
            r = ""
            if i == 0:
                good = ratio is not None and ratio >= 2 and (x.peak_tree_mb or 0) < 2048
                r = f"{fmt(ratio, '.2f')}×" + ("" if ratio is None else " ✓" if good else " ✗")
            out.append(f"| {n:,} | {x.system}{' (' + x.note + ')' if x.note.startswith('not') else ''} "
                       f"| {fmt(x.seconds, '.1f')} | {fmt(x.rate, '.0f')} | {fmt(x.peak_tree_mb)} "
                       f"| {fmt(x.max_proc_mb)} | {fmt(x.size_mb, '.1f')} | {r} |")
    heads = " | ".join(f"{n:,} docs: p50 / p95 / p99 ms" for n in sizes)
    out += ["", f"### Request latency ({args.queries} seeded title queries; similar/article: {args.similar} ids)",
            "", f"| request | {heads} | target ms |", "|---|" + "---|" * len(sizes) + "---|"]
    for key, (label, t50, t95) in ROWS.items():
        if not any(results[n].get(key) for n in sizes):  # e.g. baselines in a --lede-only run
            continue
        want = args.similar if key in ("similar", "w_mlt", "article") else len(results[sizes[0]]["queries"])
        cells = " | ".join(cell(results[n].get(key), want) + ok(results[n].get(key), t50, t95) for n in sizes)
        out.append(f"| {label} | {cells} | {target(t50, t95)} |")
    ratios = [(a, b) for a, b in RATIOS if any(results[n].get(a) and results[n].get(b) for n in sizes)]
    if ratios:
        out += ["", "### Ratios (p50 ÷ p50, p95 ÷ p95)", "", "| Lede ÷ baseline | " +
                " | ".join(f"{n:,} docs" for n in sizes) + " |", "|---|" + "---|" * len(sizes)]
    for a, b in ratios:
        cells = []
        for n in sizes:
            ta, tb = results[n].get(a), results[n].get(b)
            cells.append(f"{pct(ta, 50) / pct(tb, 50):.1f}× / {pct(ta, 95) / pct(tb, 95):.1f}×" if ta and tb else "–")
        out.append(f"| {ROWS[a][0]} ÷ {ROWS[b][0]} | {' | '.join(cells)} |")
    out += ["", "| other | " + " | ".join(f"{n:,} docs" for n in sizes) + " | target |",
            "|---|" + "---|" * len(sizes) + "---|"]
    rss = [max(results[n].get("rss_frag", 0), results[n].get("rss_json", 0), results[n].get("rss_conc", 0))
           for n in sizes]
    out.append("| server RSS after the run (VmRSS MB, largest of the two servers) | "
               + " | ".join(f"{r:.0f}{' ✓' if r < 500 else ' ✗'}" for r in rss) + " | < 500 MB |")
    for key, what in (("mem_frag", "fragment server after its passes"), ("mem_json", "JSON server after "
                      "search, similar and article passes"), ("mem_conc", "JSON server after 4 concurrent clients")):
        if any(key in results[n] for n in sizes):
            out.append(f"| {what}: VmRSS = RssAnon + RssFile (MB) | " + " | ".join(
                "{VmRSS:.0f} = {RssAnon:.0f} + {RssFile:.0f}".format(**results[n][key]) if key in results[n] else "–"
                for n in sizes) + " | |")
    for key, what in (("cpu_frag", "server CPU per fragment request, mean ms (user + system, all threads)"),
                      ("cpu_json", "server CPU per JSON request, mean ms")):
        if any(key in results[n] for n in sizes):
            out.append(f"| {what} | " + " | ".join(fmt(results[n].get(key), ".1f") for n in sizes) + " | |")
    out.append("| fragment size, median bytes | " + " | ".join(f"{results[n].get('frag_bytes', 0):,.0f}"
                                                           for n in sizes) + " | |")
    loads = " | ".join(results[n].get("load", "–") for n in sizes)
    out.append(f"| load average 1/5/15 min after the size | {loads} | |")
    big = sizes[-1]
    qs = results[big]["queries"]
    out += ["", f"### By query kind, {big:,} docs (p50 / p95 ms)", "", "| kind | n | Lede fragment | Lede JSON "
            "| Lede in-process | raw Whoosh facet + highlights | FTS5 + snippet() |", "|---|---|---|---|---|---|---|"]
    for kind in dict.fromkeys(q.kind for q in sorted(qs, key=lambda q: q.kind)):
        idx = [i for i, q in enumerate(qs) if q.kind == kind]
        row = [f"| {kind} | {len(idx)}"]
        for key in ("frag", "json", "inproc", "w_all", "f_snip"):
            if args.lede_only and key in ("w_all", "f_snip"):
                row.append("(not run)")
                continue
            t = results[big].get(key) or []
            sub = [t[i] for i in idx if i < len(t)]
            row.append(f"{pct(sub, 50):.1f} / {pct(sub, 95):.1f}" if sub else "–")
        out.append(" | ".join(row) + " |")
    out += ["", "Lede over HTTP: waitress, 4 threads, 127.0.0.1, keep-alive, sequential; each search pass on a "
            "fresh server warmed with a different seeded query set (Lede memoises result pages per index "
            "generation); the 4-client pass sends a third seeded set. "
            "Raw Whoosh: plain schema (StemmingAnalyzer), MultifieldParser(title, body), own index. FTS5: "
            "porter unicode61 over id, outlet, date, title, body. The raw Whoosh outlet facet counts within "
            "the outlet filter; Lede's is disjunctive. Peak RSS of a build: VmRSS summed over the process "
            "tree every 0.25 s (forked workers share pages, so this overstates); largest process: its "
            "VmHWM, sampled. Two cores shared with other work: see the load averages."]
    return "\n".join(out)


def publish(results: dict, args, load0: str, started: float, final: bool) -> None:
    """Print the table (and with --write, RESULTS.md) after every size, so a long run is never lost."""
    if not results:
        return
    table = report(results, args) + (f"\n\nLoad average at start {load0}; run took "
                                     f"{(time.perf_counter() - started) / 60:.1f} min"
                                     f"{'' if final else ' so far (run still going)'}.")
    print(table, flush=True)
    (WORK / "last-run.md").write_text(table, encoding="utf-8")
    if args.write:
        cmd = " ".join([".venv/bin/python bench/perf.py"] + sys.argv[1:])
        if args.lede_only:  # this run built nothing: keep the reindex table measured before
            table = kept_reindex_table() + table.split("### Request latency", 1)[0].split("### Reindex")[0] + \
                "### Request latency" + table.split("### Request latency", 1)[1]
        write_section("perf", "## Speed: reindex and requests (issue 5)\n\n" + table, cmd)


def kept_reindex_table() -> str:
    """The reindex table of the section already in RESULTS.md, with the run it came from."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    section = text.split("<!-- perf:start -->", 1)[-1].split("<!-- perf:end -->", 1)[0]
    stamp = re.search(r"^_(\d{4}-\d{2}-\d{2}) · [^`]*`([^`]*)`_", section, re.M)
    table = re.search(r"### Reindex[^\n]*\n.*?(?=\n### )", section, re.S)
    if not table:
        return ""
    if "not re-measured" in table.group(0).split("\n", 1)[0]:  # kept by an earlier --lede-only run
        return table.group(0).strip() + "\n\n"
    when = f"{stamp.group(1)}, `{stamp.group(2)}`" if stamp else "an earlier run"
    return (table.group(0).strip().replace("### Reindex", f"### Reindex (not re-measured: from {when})", 1)
            + "\n\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default=f"1000,10000,{FULL}")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--similar", type=int, default=30, help="article ids for similar/article/more_like")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="smoke run: 1000 docs, 50 queries, 10 ids")
    ap.add_argument("--reuse-index", type=Path, help=f"a Lede index of the full corpus: skip the {FULL} build")
    ap.add_argument("--lede-only", action="store_true",
                    help="requests to Lede only: no baseline builds or timings (with --write, the reindex "
                         "table already in RESULTS.md is kept)")
    ap.add_argument("--budget", type=float, default=300, help="seconds per timed pass before it stops early")
    ap.add_argument("--build-timeout", type=float, default=3600)
    ap.add_argument("--keep", action="store_true", help="keep the built indexes in bench/out/perf/")
    ap.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = ap.parse_args()
    if args.quick:
        args.sizes, args.queries, args.similar = "1000", 50, 10
    sizes = [int(s) for s in args.sizes.split(",")]
    WORK.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    load0 = load()
    print(f"load at start {load0}", file=sys.stderr)
    records = list(news_records(max(sizes)))
    results: dict[int, dict] = {}
    try:
        for n in sizes:
            results[n] = {}
            try:
                measure_size(n, records, args, results[n])
            except Exception:  # one size failing still leaves the others' figures
                traceback.print_exc()
                if "queries" not in results[n]:
                    del results[n]
                    continue
            print(f"[{n}] done at {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
            publish(results, args, load0, started, final=n == sizes[-1])
    finally:
        if not args.keep:
            for n in sizes:
                for p in (WORK / f"lede-{n}", WORK / f"whoosh-{n}", WORK / f"fts5-{n}.db"):
                    shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
