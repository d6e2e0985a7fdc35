"""Does the article a researcher half remembers come first? MRR and recall, Lede vs baselines.

For seeded random targets from the news corpus it builds a passage query (five consecutive
content words of one paragraph) and a topic query (three content words of the headline, in
order), then ranks with Lede's own search() as the API calls it, raw Whoosh BM25F over
title and body on the same index, and SQLite FTS5 bm25 over the same records.

    .venv/bin/python bench/relevance.py [--targets 300] [--seed 1] [--write]
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import time
from pathlib import Path

from common import NEWS, OUT, news_records, write_section

from index.build import build_index
from index.model import SearchRequest
from index.search import search
from index.store import IndexHandle

STOP = set("""a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves s t said says also one two new""".split())
WORD = re.compile(r"\w+")


def content_words(text: str) -> list[str]:
    """Words as a person would retype them: letters required, stop words and single letters dropped."""
    return [w.lower() for w in WORD.findall(text)
            if w.lower() not in STOP and len(w) > 1 and any(c.isalpha() for c in w)]


def make_queries(records: list[dict], n: int, seed: int) -> list[tuple[str, str, str]]:
    """(kind, query, target id) for n targets: one passage and one topic query each."""
    rng = random.Random(seed)
    out: list[tuple[str, str, str]] = []
    pool = [r for r in records if len(content_words(r.get("title", ""))) >= 3 and len(r.get("body", "")) > 400]
    for rec in rng.sample(pool, n):
        paras = [p for p in rec["body"].split("\n") if len(content_words(p)) >= 8]
        if paras:
            words = content_words(rng.choice(paras))
            i = rng.randrange(0, len(words) - 4)
            out.append(("passage", " ".join(words[i:i + 5]), rec["id"]))
        tw = content_words(rec["title"])
        picks = sorted(rng.sample(range(len(tw)), 3))
        out.append(("topic", " ".join(tw[i] for i in picks), rec["id"]))
    return out


def lede_ranker(index_dir: Path):
    handle = IndexHandle(index_dir)

    def rank(q: str) -> list[str]:
        page = search(handle.searcher(), SearchRequest(q=q, per_page=100, facets=False, snippets=False),
                      handle.cache())
        return [h.id for h in page.hits]

    return rank


def whoosh_ranker(index_dir: Path):
    from whoosh.qparser import MultifieldParser

    handle = IndexHandle(index_dir)
    s = handle.searcher()
    parser = MultifieldParser(["title", "body"], s.schema)

    def rank(q: str) -> list[str]:
        return [hit["id"] for hit in s.search(parser.parse(q), limit=100)]

    return rank


def fts5_ranker(records: list[dict], path: Path):
    if path.exists():
        path.unlink()
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, "
               "tokenize='porter unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO docs VALUES (?, ?, ?)", ((r["id"], r.get("title", ""), r.get("body", ""))
                                                         for r in records))
    db.commit()

    def rank(q: str) -> list[str]:
        match = " ".join('"' + w.replace('"', "") + '"' for w in q.split())
        rows = db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 100", (match,))
        return [r[0] for r in rows]

    return rank


def score(ranker, queries) -> dict[str, dict[str, float]]:
    stats: dict[str, list[float]] = {}
    times: list[float] = []
    for kind, q, target in queries:
        t = time.perf_counter()
        ranked = ranker(q)
        times.append(time.perf_counter() - t)
        rank = ranked.index(target) + 1 if target in ranked else 0
        stats.setdefault(kind, []).append(rank)
    out = {}
    for kind, ranks in stats.items():
        n = len(ranks)
        out[kind] = {"mrr": sum(1 / r for r in ranks if r) / n, "r1": sum(r == 1 for r in ranks) / n,
                     "r10": sum(0 < r <= 10 for r in ranks) / n, "n": n}
    times.sort()
    out["_time"] = {"p50": times[len(times) // 2] * 1000, "p95": times[int(len(times) * 0.95)] * 1000}
    return out


def ensure_index(index_dir: Path) -> None:
    if not (index_dir / "CURRENT").exists():
        print(f"building the Lede index of {NEWS} in {index_dir} (the flask reindex path)…", file=sys.stderr)
        build_index(NEWS, index_dir)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--targets", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--index-dir", type=Path, default=OUT / "index-news")
    ap.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    ap.add_argument("--skip-baselines", action="store_true")
    args = ap.parse_args()
    ensure_index(args.index_dir)
    records = list(news_records())
    queries = make_queries(records, args.targets, args.seed)
    rankers = {"Lede": lede_ranker(args.index_dir)}
    if not args.skip_baselines:
        rankers["raw Whoosh BM25F"] = whoosh_ranker(args.index_dir)
        rankers["SQLite FTS5 bm25"] = fts5_ranker(records, OUT / "fts5-relevance.db")
    rows = ["| engine | passage MRR@100 | passage R@1 | passage R@10 | topic MRR@100 | topic R@1 | topic R@10 "
            "| p50 ms | p95 ms |", "|---|---|---|---|---|---|---|---|---|"]
    for name, ranker in rankers.items():
        s = score(ranker, queries)
        p, t = s["passage"], s["topic"]
        rows.append(f"| {name} | {p['mrr']:.3f} | {p['r1']:.3f} | {p['r10']:.3f} | {t['mrr']:.3f} | {t['r1']:.3f} "
                    f"| {t['r10']:.3f} | {s['_time']['p50']:.1f} | {s['_time']['p95']:.1f} |")
        print(rows[-1], flush=True)
    n_p = sum(k == "passage" for k, _, _ in queries)
    table = "\n".join(rows)
    print(table)
    if args.write:
        body = (f"### Ranking: seed {args.seed}, {args.targets} targets ({n_p} passage, "
                f"{len(queries) - n_p} topic queries, AND between words)\n\n{table}")
        write_section(f"relevance-seed{args.seed}", body,
                      f".venv/bin/python bench/relevance.py --targets {args.targets} --seed {args.seed} --write")


if __name__ == "__main__":
    main()
