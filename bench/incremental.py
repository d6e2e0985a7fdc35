"""Incremental reindex at 33k documents: change 1% of the corpus, time `flask reindex` against a full one.

A copy of the 33k index (bench/out/ix33k, built from the AllSides .jsonl.gz) and a copy of
its source file go into bench/out/incremental/. The source is rewritten with a seeded 1%
of its records touched (a third changed, a third deleted from anywhere in the file, a
third new records appended), then the real command runs on it:

    flask reindex --source bench/out/incremental/src/articles.jsonl.gz --index-dir bench/out/incremental/ix

timed as a subprocess, followed by a second run that must find nothing to do. The result
is checked (deleted ids gone, changed ones updated, new ones searchable, document count).
The full-reindex time is the one bench/out/ix33k.log reports for the same corpus (or
bench/RESULTS.md's perf figure). An index built before manifests existed gets one first
(every record hashed, as a full build would have recorded it): timed, reported, not counted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import NEWS, OUT, ROOT, write_section

from index import manifest
from index.build import unique_raws
from index.incremental import live_ids
from index.ingest import RawDoc, read_source
from index.model import SearchRequest
from index.search import search
from index.store import IndexHandle, current_generation

FLASK = str(ROOT / ".venv" / "bin" / "flask")
PERF_ROW = re.compile(r"^\| 33,095 \| Lede `flask reindex` \| ([\d.]+) \|", re.MULTILINE)
MARKER = "zephyrquill"  # a word no article has, appended to every changed one


def full_seconds(log: Path) -> list[tuple[float, str]]:
    """Full 33k reindex times: bench/perf.py's in RESULTS.md, and the build log's of the index copied."""
    out = []
    try:
        perf = PERF_ROW.search((ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8"))
    except OSError:
        perf = None
    if perf:
        out.append((float(perf.group(1)), "bench/RESULTS.md perf section (33,095 docs, `bench/perf.py`)"))
    try:
        m = re.search(r"Indexed (\d+) articles.*? in ([\d.]+) s", log.read_text(encoding="utf-8"))
    except OSError:
        m = None
    if m:
        out.append((float(m.group(2)), f"`{rel(log)}`, the build of the index copied ({int(m.group(1)):,} articles, "
                                       "run while other benchmarks shared the machine)"))
    return out


def rel(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def copy_index(src: Path, dst: Path) -> None:
    """Hard-linked copy: every file of a generation is written once and never changed in place."""
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst, copy_function=os.link,
                    ignore=shutil.ignore_patterns(".building-*", "reindex.lock", "CURRENT", ".CURRENT*"))
    shutil.copy2(src / "CURRENT", dst / "CURRENT")


def adopt(gen: Path, source: Path) -> tuple[int, int]:
    """Write the manifest a full build of `source` would have written into `gen`; (indexed, skipped)."""
    ids = live_ids(gen)
    indexed = set(ids)
    docs: dict[str, manifest.Entry] = {}
    for raw in unique_raws(read_source(source), []):
        if isinstance(raw, RawDoc):
            h = manifest.doc_hash(raw)
            docs[raw.id] = (manifest.Entry(h) if raw.id in indexed
                            else manifest.Entry(h, "no article text found after cleaning", raw.source))
    missing = indexed - set(docs) - {""}
    if missing:
        raise SystemExit(f"{len(missing)} indexed ids not in {source} (e.g. {sorted(missing)[:3]}): not its source")
    manifest.save(gen, manifest.Manifest(manifest.source_key(source), docs, ids))
    return sum(1 for e in docs.values() if not e.skipped), sum(1 for e in docs.values() if e.skipped)


def modify(records: list[dict], share: float, seed: int) -> tuple[list[dict], dict[str, list[str]]]:
    """A third of `share` changed, a third deleted, a third added (new records at the end)."""
    rng = random.Random(seed)
    k = max(3, round(len(records) * share))
    picked = rng.sample(range(len(records)), 2 * (k // 3))
    changed, deleted = set(picked[: k // 3]), set(picked[k // 3:])
    out, what = [], {"changed": [], "deleted": [], "added": []}
    for i, rec in enumerate(records):
        if i in deleted:
            what["deleted"].append(rec["id"])
            continue
        if i in changed:
            rec = {**rec, "body": rec["body"] + f"\n\nUpdate: the {MARKER} committee responded on Tuesday."}
            what["changed"].append(rec["id"])
        out.append(rec)
    for j in range(k - 2 * (k // 3)):
        base = records[rng.randrange(len(records))]
        paras = [p for p in base["body"].split("\n\n") if p.strip()][::-1]
        rec = {**base, "id": f"bench-added-{j}", "title": f"Follow-up: {base.get('title', '')}",
               "body": "\n\n".join(paras) + f"\n\nA follow-up report, number {j}."}
        out.append(rec)
        what["added"].append(rec["id"])
    return out, what


def write_jsonl_gz(records: list[dict], path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=6) as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def reindex(source: Path, index_dir: Path, workers: int | None) -> tuple[float, float, str]:
    """(wall s, CPU s of the command and its cleaning workers, first line printed)."""
    cmd = [FLASK, "reindex", "--source", str(source), "--index-dir", str(index_dir), "--quiet"]
    cmd += ["--workers", str(workers)] if workers else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"reindex failed:\n{done.stdout}\n{done.stderr}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, done.stdout.strip().splitlines()[0]


def check(index_dir: Path, what: dict[str, list[str]], before: int) -> dict[str, int | bool]:
    h = IndexHandle(index_dir)
    s = h.searcher()
    found = search(s, SearchRequest(q=MARKER, per_page=10, facets=False), h.cache()).total
    updated = sum(1 for aid in what["changed"] if MARKER in s.stored_fields(s.document_number(id=aid))["body"])
    gone = sum(1 for aid in what["deleted"] if s.document_number(id=aid) is not None)
    added = sum(1 for aid in what["added"] if s.document_number(id=aid) is not None)
    return {"docs": s.doc_count(), "expected": before - len(what["deleted"]) + len(what["added"]),
            "ghosts": gone, "added_found": added, "changed_found": min(found, updated),
            "segments": len(s.reader().leaf_readers())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", type=Path, default=OUT / "ix33k", help="the full index to copy (built from --source)")
    ap.add_argument("--source", type=Path, default=NEWS, help="the .jsonl.gz the index was built from")
    ap.add_argument("--share", type=float, default=0.01, help="share of records touched (changed+deleted+added)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    live = current_generation(args.index)  # IndexMissing until the 33k build has finished
    work = OUT / ("incremental" if args.source == NEWS else "incremental-" + args.index.name)
    src = work / "src" / args.source.name  # same file name: record sources are "articles.jsonl.gz#L<n>"
    src.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.source, src)
    copy_index(args.index, work / "ix")
    gen = current_generation(work / "ix")
    adopt_s, adopted = None, None
    old = manifest.load(gen)
    if old is None or old.source != manifest.source_key(src):
        t = time.perf_counter()
        adopted = adopt(gen, src)
        adopt_s = time.perf_counter() - t
    before = IndexHandle(work / "ix").searcher().doc_count()
    with gzip.open(args.source, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    modified, what = modify(records, args.share, args.seed)
    write_jsonl_gz(modified, src)
    inc_s, inc_cpu, inc_line = reindex(src, work / "ix", args.workers)
    load = f"load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())} (1/5/15 min) on {os.cpu_count()} cores"
    again_s, again_cpu, again_line = reindex(src, work / "ix", args.workers)
    result = check(work / "ix", what, before)
    fulls = full_seconds(args.index.parent / f"{args.index.name}.log")
    fulls.sort()  # the faster full build first: the stricter yardstick
    ok = (result["docs"] == result["expected"] and not result["ghosts"]
          and result["added_found"] == len(what["added"]) and result["changed_found"] == len(what["changed"]))
    body = "\n".join([
        "## Incremental reindex (issue 6)",
        "",
        f"{len(records):,} records of `{args.source.name}` in one .jsonl.gz, {len(what['changed'])} changed, "
        f"{len(what['deleted'])} deleted (anywhere in the file), {len(what['added'])} added "
        f"({args.share:.0%} of records touched, seed {args.seed}); index copied from `{rel(args.index)}` "
        f"(generation `{live.name}`).",
        "",
        "| run | wall s | CPU s | share of each full reindex's wall time (target < 10%) |",
        "|---|---|---|---|",
    ] + [f"| full `flask reindex` of the corpus: {where} | {t:.1f} | | 100% |" for t, where in fulls] + [
        f"| incremental `flask reindex` after the change | {inc_s:.1f} | {inc_cpu:.1f} | "
        + ", ".join(f"{inc_s / t:.1%} of {t:.0f} s {'✓' if inc_s / t < 0.1 else '✗'}" for t, _ in fulls) + " |",
        f"| `flask reindex` again, nothing changed | {again_s:.1f} | {again_cpu:.1f} | "
        + ", ".join(f"{again_s / t:.1%} of {t:.0f} s" for t, _ in fulls) + " |",
        "",
        f"- incremental run printed: `{inc_line}`",
        f"- second run printed: `{again_line}`",
        f"- check: {result['docs']:,} documents (expected {result['expected']:,}), {result['ghosts']} deleted ids "
        f"still found, {result['added_found']}/{len(what['added'])} added found by id, "
        f"{result['changed_found']}/{len(what['changed'])} changed found by their new word "
        f"{'✓' if ok else '✗'}; Whoosh segments after the run: {result['segments']}",
        f"- machine load when the incremental run ended: {load}; wall time then mostly measures waiting for a core "
        "(CPU s: the command and its cleaning workers)",
    ] + ([f"- the copied index has no manifest for the copied source's path (or one from an older Lede): writing "
          f"one (every record hashed) took {adopt_s:.1f} s, "
          f"not counted ({adopted[0]:,} indexed, {adopted[1]} skipped when built)"] if adopt_s is not None else []))
    print(body)
    if args.write:
        cmd = ".venv/bin/python bench/incremental.py --write" + (f" --share {args.share}" if args.share != 0.01 else "")
        if args.source != NEWS:
            raise SystemExit("--write records the shared corpus only")
        write_section("incremental", body, cmd)
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
