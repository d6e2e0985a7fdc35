"""Quick dev scorer for index.ingest.clean.clean_text on the WCXB naive-lines pages.

    .venv/bin/python bench/text_clean_dev.py [--limit N] [--worst K]

Prints pooled line P/R/F1 (kept_lines vs gold_body_line), mean per-page token F1 of the
kept text vs gold_body (word bag, as WCXB's README scores), and pages/s of clean_text.
These pages are the training set of the shipped model, so the line figures here are
optimistic. The figures that predict held-out pages are the domain-grouped CV ones:
`bench/train_line_model.py --cv-only` (defaults = the shipped model) scores
every page with fold models through the whole cleaner (refine and headline removal
included) and caches the out-of-fold scores; `--eval-oof 0.5` then re-runs only the page
pipeline on them, in seconds, for tuning refine() in index/ingest/clean.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from index.ingest.clean import clean_text  # noqa: E402

DATA = Path("/work/shared/data/extraction-bench/wcxb-articles")
WORD = re.compile(r"\w+")


def word_f1(pred: str, ref: str) -> float:
    p, r = Counter(WORD.findall(pred.lower())), Counter(WORD.findall(ref.lower()))
    if not r:
        return 1.0 if not p else 0.0
    if not p:
        return 0.0
    o = sum((p & r).values())
    if not o:
        return 0.0
    prec, rec = o / sum(p.values()), o / sum(r.values())
    return 2 * prec * rec / (prec + rec)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--worst", type=int, default=0)
    args = ap.parse_args()
    rows = [json.loads(x) for x in gzip.open(DATA / "naive-lines.jsonl.gz", "rt")]
    gold = {}
    for x in gzip.open(DATA / "pages.jsonl.gz", "rt"):
        d = json.loads(x)
        gold[d["id"]] = d["gold_body"] or ""
    if args.limit:
        rows = rows[: args.limit]
    texts = ["\n".join(r["lines"]) for r in rows]
    t = time.perf_counter()
    results = [clean_text(tx) for tx in texts]
    secs = time.perf_counter() - t
    tp = fp = fn = 0
    f1s = []
    for r, c in zip(rows, results, strict=True):
        kept = set(c.kept_lines or [])
        for i, g in enumerate(r["gold_body_line"]):
            k = i in kept
            tp += g and k
            fp += k and not g
            fn += g and not k
        f1s.append((word_f1("\n".join(c.paragraphs), gold[r["id"]]), r["id"]))
    p, rc = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"pages={len(rows)} line P={p:.3f} R={rc:.3f} F1={2 * p * rc / max(p + rc, 1e-9):.3f} "
          f"token F1={sum(f for f, _ in f1s) / len(f1s):.3f} speed={len(rows) / secs:.0f} pages/s")
    for f, i in sorted(f1s)[: args.worst]:
        print(f"  {i}: token F1 {f:.3f}")


if __name__ == "__main__":
    main()
