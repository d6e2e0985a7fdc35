"""Does similar coverage find the copies aggregators make, and label them right?

Takes articles from the news corpus, makes copies the way content farms do (chrome
added, paragraphs reordered, trimmed, sentences reworded, headline changed), indexes
corpus and copies through the reindex path, then asks similar_to() for each copy and
each original: recall@1/@5 of the pair, precision of the duplicate/rewrite labels on the
synthetic pairs, request latency, and how many real-corpus pairs get those labels.

    .venv/bin/python bench/similar_eval.py [--corpus 5000] [--copies 200] [--seed 3] [--write]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

from common import OUT, news_records, write_section

from index.build import build_index
from index.similar import similar_to
from index.store import IndexHandle

CHROME = ["Subscribe to our newsletter for the latest news.", "Share this article on Facebook and Twitter.",
          "Advertisement", "Read more: our coverage of this story", "Follow us for breaking news alerts."]
SWAPS = {"said": "stated", "says": "states", "government": "administration", "people": "residents",
         "president": "leader", "officials": "authorities", "new": "fresh", "big": "large", "help": "assist",
         "show": "reveal", "told": "informed", "week": "seven days", "also": "additionally", "but": "however",
         "before": "prior to", "after": "following", "many": "numerous", "important": "key", "country": "nation",
         "plan": "proposal", "would": "could", "about": "around", "more": "further", "because": "since"}
WORD = re.compile(r"\b\w+\b")


def reword(text: str, rng: random.Random) -> str:
    """Synonym swaps and dropped clauses: the cheap rewording of aggregator sites."""
    out = []
    for sent in re.split(r"(?<=[.!?])\s+", text):
        sent = WORD.sub(lambda m: SWAPS.get(m.group().lower(), m.group()) if rng.random() < 0.9 else m.group(), sent)
        words = sent.split()
        if len(words) > 12 and rng.random() < 0.5:  # drop a few words from a long sentence
            cut = rng.randrange(3, len(words) - 3)
            del words[cut:cut + 2]
        out.append(" ".join(words))
    return " ".join(out)


def make_copy(rec: dict, kind: str, rng: random.Random) -> dict:
    paras = [p for p in rec["body"].split("\n") if p.strip()]
    if kind == "chrome":
        paras = [rng.choice(CHROME)] + paras + rng.sample(CHROME, 2)
    elif kind == "reorder":
        head, rest = paras[:1], paras[1:]
        rng.shuffle(rest)
        paras = head + rest
    elif kind == "trim":
        keep = max(2, int(len(paras) * 0.6))
        paras = paras[:keep]
    elif kind == "reword":
        paras = [reword(p, rng) for p in paras if rng.random() < 0.85] or paras[:1]
    title = rec["title"] if kind in ("chrome", "reorder") else "Report: " + " ".join(rec["title"].split()[:8])
    return {"id": f"copy-{kind}-{rec['id']}", "title": title, "outlet": "Aggregator Daily",
            "date": rec.get("date"), "body": "\n\n".join(paras)}


EXPECTED = {"chrome": {"duplicate"}, "reorder": {"duplicate"}, "trim": {"rewrite"}, "reword": {"rewrite"}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=int, default=5000, help="articles from the news corpus")
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    records = [r for r in news_records(args.corpus) if r.get("body")]
    targets = rng.sample([r for r in records if r["body"].count("\n") >= 5], args.copies)
    kinds = ["chrome", "reorder", "trim", "reword"]
    copies = [make_copy(rec, kinds[i % 4], rng) for i, rec in enumerate(targets)]
    src = OUT / "similar-eval"
    src.mkdir(parents=True, exist_ok=True)
    with open(src / "records.jsonl", "w") as fh:
        for r in records + copies:
            fh.write(json.dumps(r) + "\n")
    index_dir = OUT / "similar-eval-index"
    t = time.perf_counter()
    build_index(src, index_dir)
    build_s = time.perf_counter() - t
    h = IndexHandle(index_dir)
    s, cache = h.searcher(), h.cache()
    r1 = r5 = 0
    labels: Counter[str] = Counter()
    right = wrong = 0
    times: list[float] = []
    for rec, cp in zip(targets, copies, strict=True):
        kind = cp["id"].split("-")[1]
        for me, other in ((cp["id"], rec["id"]), (rec["id"], cp["id"])):
            t = time.perf_counter()
            found = similar_to(s, me, 10, cache)
            times.append(time.perf_counter() - t)
            ids = [x.id for x in found]
            r1 += ids[:1] == [other]
            r5 += other in ids[:5]
            for x in found:
                if x.relation in ("duplicate", "rewrite"):
                    labels[x.relation] += 1
                    pair = x.id == other
                    # a label on the synthetic pair must be the expected one; others are real-corpus pairs
                    if pair:
                        right += x.relation in EXPECTED[kind]
                        wrong += x.relation not in EXPECTED[kind]
    n = 2 * len(copies)
    times.sort()
    real = sample_real_pairs(s, cache, [r["id"] for r in rng.sample(records, 300)])
    rows = [
        "| measure | value | target |", "|---|---|---|",
        f"| copies (chrome, reorder, trim, reword) | {len(copies)} in a corpus of {len(records)} | |",
        f"| recall@1 of the pair (copy -> original and back) | {r1 / n:.3f} | >= 0.95 |",
        f"| recall@5 | {r5 / n:.3f} | >= 0.99 |",
        f"| label precision on the pairs (duplicate/rewrite as expected) | {right / max(1, right + wrong):.3f} "
        f"({right}/{right + wrong}) | >= 0.95 |",
        f"| similar request p50 / p95 | {times[len(times) // 2] * 1000:.0f} / {times[int(len(times) * .95)] * 1000:.0f}"
        f" ms | p95 < 100 ms |",
        f"| index build (corpus + copies) | {build_s:.0f} s | |",
        f"| real-corpus pairs labelled duplicate / rewrite (from 300 random articles) | {real['duplicate']} / "
        f"{real['rewrite']} | check by eye |",
    ]
    table = "\n".join(rows)
    print(table)
    for line in real["sample"]:
        print("  ", line)
    if args.write:
        sample = "\n".join(f"- {line}" for line in real["sample"][:10])
        body = (f"### Similar coverage: synthetic aggregator copies\n\n{table}\n\n"
                f"Sample of real-corpus labels:\n\n{sample}")
        write_section("similar_eval", body, f".venv/bin/python bench/similar_eval.py --corpus {args.corpus} "
                                            f"--copies {args.copies} --seed {args.seed} --write")


def sample_real_pairs(s, cache, ids: list[str]) -> dict:
    out: dict = {"duplicate": 0, "rewrite": 0, "sample": []}
    for aid in ids:
        for x in similar_to(s, aid, 10, cache):
            if x.relation in ("duplicate", "rewrite") and not x.id.startswith("copy-"):
                out[x.relation] += 1
                me = s.document(id=aid)
                out["sample"].append(f"{x.relation} (reused {x.reused}): {me['title'][:60]!r} ({me.get('outlet')}) ~ "
                                     f"{x.title[:60]!r} ({x.outlet})")
    return out


if __name__ == "__main__":
    Path(OUT).mkdir(parents=True, exist_ok=True)
    main()
