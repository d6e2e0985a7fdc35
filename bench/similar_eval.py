"""Does similar coverage find the copies aggregators make, and label them right?

Takes articles from the news corpus, makes copies the way content farms do (chrome
added, paragraphs reordered, trimmed, sentences reworded, headline changed), indexes
corpus and copies through the reindex path, then asks similar_to() for each copy and
each original: recall@1/@5 of the pair, precision of the duplicate/rewrite labels on the
synthetic pairs, request latency, and how many real-corpus pairs get those labels.

    .venv/bin/python bench/similar_eval.py [--limit 3000] [--copies 200] [--seed 3] [--write]

Without --limit the whole corpus (33,095 articles) is indexed. The build is timed through
build_index with the feature steps wrapped, so the cost of similar coverage at index
time (worker features, key terms, stories) is reported beside the whole build.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

import numpy as np
from common import OUT, news_records, timed, write_section

from index import build, signatures, stories
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
    """Synonym swaps, clauses swapped round a comma, dropped words: the cheap rewording of aggregator sites."""
    out = []
    for sent in re.split(r"(?<=[.!?])\s+", text):
        sent = WORD.sub(lambda m: SWAPS.get(m.group().lower(), m.group()) if rng.random() < 0.9 else m.group(), sent)
        head, comma, tail = sent.rstrip(".").partition(", ")
        if comma and len(head.split()) >= 3 and len(tail.split()) >= 3 and rng.random() < 0.4:
            sent = f"{tail[:1].upper()}{tail[1:]}, {head[:1].lower()}{head[1:]}."
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




def worker_cost(records: list[dict], n: int = 400) -> tuple[float, float]:
    """ms per article of the worker step (doc_features) and of the MinHash alone it replaced."""
    bodies = [r["body"] for r in records[:n]]
    for b in bodies[:50]:
        signatures.doc_features(b)
    t = time.perf_counter()
    for b in bodies:
        signatures.doc_features(b)
    t1 = time.perf_counter()
    for b in bodies:
        signatures.signature(b)
    return (t1 - t) / len(bodies) * 1000, (time.perf_counter() - t1) / len(bodies) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="articles from the news corpus (default: all)")
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--real", type=int, default=300, help="random real articles whose labels are counted")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--reuse-index", action="store_true",
                    help="measure the index a previous run built (same --seed/--copies/--limit) instead of rebuilding")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    records = [r for r in news_records(args.limit) if r.get("body")]
    targets = rng.sample([r for r in records if r["body"].count("\n") >= 5], args.copies)
    kinds = ["chrome", "reorder", "trim", "reword"]
    copies = [make_copy(rec, kinds[i % 4], rng) for i, rec in enumerate(targets)]
    src = OUT / "similar-eval"
    src.mkdir(parents=True, exist_ok=True)
    with open(src / "records.jsonl", "w") as fh:
        for r in records + copies:
            fh.write(json.dumps(r) + "\n")
    index_dir = OUT / "similar-eval-index"
    spent: dict[str, float] = {}
    timed(build.signatures, "save", spent, "features")
    timed(build.stories, "save", spent, "stories")
    t = time.perf_counter()
    reused = args.reuse_index and (index_dir / "CURRENT").exists()
    if not reused:
        build.build_index(src, index_dir)
    build_s = time.perf_counter() - t
    feat_ms, minhash_ms = worker_cost(records)
    h = IndexHandle(index_dir)
    s, cache = h.searcher(), h.cache()
    t = time.perf_counter()
    similar_to(s, records[0]["id"], 10, cache)
    cold_ms = (time.perf_counter() - t) * 1000
    r1 = r5 = 0
    right = wrong = 0
    times: list[float] = []
    misses: list[str] = []
    for rec, cp in zip(targets, copies, strict=True):
        kind = cp["id"].split("-")[1]
        for me, other in ((cp["id"], rec["id"]), (rec["id"], cp["id"])):
            t = time.perf_counter()
            found = similar_to(s, me, 10, cache)
            times.append(time.perf_counter() - t)
            ids = [x.id for x in found]
            r1 += ids[:1] == [other]
            r5 += other in ids[:5]
            pair = [x for x in found if x.id == other]
            if pair and pair[0].relation in ("duplicate", "rewrite"):
                right += pair[0].relation in EXPECTED[kind]
                wrong += pair[0].relation not in EXPECTED[kind]
            if not pair or pair[0].relation not in EXPECTED[kind]:
                misses.append(f"{kind} {me} -> {other}: " + (f"{pair[0].relation} reused {pair[0].reused}"
                                                             if pair else "not found"))
    n = 2 * len(copies)
    times.sort()
    real = sample_real_pairs(s, cache, [r["id"] for r in rng.sample(records, args.real)])
    corpus = corpus_groups(s, cache)
    mins = f"{build_s / 60:.1f} min"
    rows = [
        "| measure | value | target |", "|---|---|---|",
        f"| copies (chrome, reorder, trim, reword) | {len(copies)} in a corpus of {len(records):,} | |",
        f"| recall@1 of the pair (copy -> original and back) | {r1 / n:.3f} | >= 0.95 |",
        f"| recall@5 | {r5 / n:.3f} | >= 0.99 |",
        f"| label precision on the pairs (labelled duplicate/rewrite, as expected) | "
        f"{right / max(1, right + wrong):.3f} "
        f"({right}/{right + wrong}) | >= 0.95 |",
        f"| pairs labelled as expected (recall of the labels) | {(n - len(misses)) / n:.3f} | |",
        f"| similar request p50 / p95 / max, warm generation | {times[len(times) // 2] * 1000:.1f} / "
        f"{times[int(len(times) * .95)] * 1000:.1f} / {times[-1] * 1000:.1f} ms | p95 < 100 ms |",
        f"| first request on a new generation (loads features) | {cold_ms:.0f} ms | |",
        *([] if reused else [
            f"| index build, corpus + copies | {build_s:.0f} s ({mins}) | |",
            f"| of which, after the writer: key terms + feature files / stories + copy groups | "
            f"{spent.get('features', 0):.1f} s / {spent.get('stories', 0):.1f} s | |"]),
        f"| worker features per article / MinHash alone | {feat_ms:.2f} / {minhash_ms:.2f} ms | |",
        f"| real corpus: copy groups / articles in them (index time) | {corpus['groups']:,} / "
        f"{corpus['members']:,} | |",
        f"| real corpus: stories of 2+ articles / articles in them / largest | {corpus['stories']:,} / "
        f"{corpus['in_stories']:,} / {corpus['largest']} | |",
        f"| real pairs labelled duplicate / rewrite in the lists of {args.real} random articles | "
        f"{real['duplicate']} / {real['rewrite']} | check by eye |",
    ]
    table = "\n".join(rows)
    print(table)
    print("misses:", *misses[:20], sep="\n  ")
    for line in real["sample"]:
        print("  ", line)
    if args.write:
        sample = "\n".join(f"- {line}" for line in real["sample"][:12])
        body = (f"### Similar coverage: synthetic aggregator copies\n\n{table}\n\n"
                f"Sample of real-corpus labels:\n\n{sample}")
        limit = f" --limit {args.limit}" if args.limit else ""
        again = " --reuse-index" if reused else ""
        write_section("similar_eval", body, f".venv/bin/python bench/similar_eval.py{limit} "
                                            f"--copies {args.copies} --seed {args.seed}{again} --write")


def corpus_groups(s, cache) -> dict:
    """Index-time copy groups and stories among real articles (synthetic copies left out)."""
    story, head = stories.groups(s, cache)
    real = np.asarray([not s.stored_fields(d)["id"].startswith("copy-") for d in range(s.doc_count_all())])
    copied = real & (head != np.arange(len(head))) & real[head]
    leads = np.unique(head[copied])
    labels, sizes = np.unique(story[real], return_counts=True)
    return {"groups": len(leads), "members": int(copied.sum() + len(leads)), "stories": int((sizes > 1).sum()),
            "in_stories": int(sizes[sizes > 1].sum()), "largest": int(sizes.max(initial=0))}


def sample_real_pairs(s, cache, ids: list[str]) -> dict:
    out: dict = {"duplicate": 0, "rewrite": 0, "sample": []}
    for aid in ids:
        for x in similar_to(s, aid, 10, cache):
            if x.relation in ("duplicate", "rewrite") and not x.id.startswith("copy-"):
                out[x.relation] += 1
                me = s.document(id=aid)
                out["sample"].append(f"{x.relation} (reused {x.reused}, terms {x.term_overlap}): "
                                     f"{me['title'][:60]!r} ({me.get('outlet')}, {me.get('date'):%Y-%m-%d}) ~ "
                                     f"{x.title[:60]!r} ({x.outlet}, {x.date})")
    return out


if __name__ == "__main__":
    Path(OUT).mkdir(parents=True, exist_ok=True)
    main()
