"""Official cleaning benchmark: the exact functions `flask reindex` calls, on WCXB articles.

Why a script of its own: cleaning quality decides what the index holds, so every change to
index/ingest/html.py or clean.py is judged here, against baselines run in the same process
on the same pages (numbers from different machines or days are not comparable).

Scoring, defined once:
- tokens: lowercase ``\\w+`` words, compared as bags (multisets); P/R/F1 per page, then
  averaged over pages (macro). A page whose gold and output are both empty scores 1.
- title exact: equal after lowercasing and collapsing whitespace; lenient: exact, or the
  gold title contained in ours, or token F1 >= 0.8.
- date: same day as gold (gold given as YYYY-MM: same month); "invented": a date returned
  for a page whose gold has none.
- text lines: a line is kept when clean_text lists it in Cleaned.kept_lines; P/R/F1 are
  pooled over all lines of all pages.

Usage: .venv/bin/python bench/clean_eval.py [--data DIR] [--limit N] [--procs 2] [--write]
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import gzip
import json
import os
import platform
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.ingest.html import extract_html  # noqa: E402  (needs ROOT on the path)

DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "extraction-bench" / "wcxb-articles"
RESULTS = ROOT / "bench" / "RESULTS.md"
START, END = "<!-- clean_eval:start -->", "<!-- clean_eval:end -->"
_WORD = re.compile(r"\w+")

Row = dict[str, Any]
_ROWS: list[Row] = []  # filled before the pool forks; workers only read it


# --- scoring ----------------------------------------------------------------------


def tokens(text: str | None) -> Counter[str]:
    return Counter(_WORD.findall((text or "").lower()))


def prf(pred: str | None, gold: str | None) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall, F1 of one page (WCXB's word_f1 convention)."""
    p, g = tokens(pred), tokens(gold)
    if not g or not p:
        score = 1.0 if not g and not p else 0.0
        return score, score, score
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def _squash(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def title_scores(pred: str | None, gold: str) -> tuple[bool, bool]:
    p, g = _squash(pred), _squash(gold)
    exact = bool(p) and p == g
    return exact, exact or (bool(p) and g in p) or prf(p, g)[2] >= 0.8


def same_day(pred: dt.date | str | None, gold: str) -> bool:
    return bool(pred) and str(pred)[: len(gold)] == gold


# --- the systems ------------------------------------------------------------------


def _run_html(i: int) -> dict[str, Any]:
    """Ours and plain trafilatura on one page, each timed on its own."""
    import trafilatura

    row = _ROWS[i]
    out: dict[str, Any] = {}
    start = time.perf_counter()
    ours = extract_html(row["html"], url=row["url"])
    out["ours"] = ("\n\n".join(ours.paragraphs), ours.title, ours.date, time.perf_counter() - start)
    start = time.perf_counter()
    try:
        raw = trafilatura.extract(row["html"], url=row["url"], output_format="json", with_metadata=True)
        doc = json.loads(raw) if raw else {}
    except Exception:  # noqa: BLE001 - a baseline crash counts as an empty page
        doc = {}
    out["trafilatura"] = (doc.get("text") or "", doc.get("title"), doc.get("date"), time.perf_counter() - start)
    return out


def _line_owner(text: str, lines: list[str]) -> list[int]:
    """For each entry of text.splitlines(), the input line it came from.

    clean_text reports indices into text.splitlines(), which can differ from the input
    list when a line holds \\r, \\x0b or \\u2028; map through character offsets.
    """
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    owners, pos = [], 0
    for piece in text.splitlines(keepends=True):
        owners.append(bisect.bisect_right(starts, pos) - 1)
        pos += len(piece)
    return owners


def _run_text(i: int) -> dict[str, Any]:
    from index.ingest.clean import clean_text

    row = _ROWS[i]
    lines: list[str] = row["lines"]
    text = "\n".join(lines)
    start = time.perf_counter()
    cleaned = clean_text(text)
    took = time.perf_counter() - start
    owners = _line_owner(text, lines)
    kept = sorted({owners[k] for k in (cleaned.kept_lines or []) if 0 <= k < len(owners)})
    return {"kept": kept, "title": cleaned.title, "time": took}


# --- aggregation ------------------------------------------------------------------


def _pool_map(fn: Callable[[int], dict[str, Any]], n: int, procs: int) -> list[dict[str, Any]]:
    if procs <= 1:
        return [fn(i) for i in range(n)]
    with Pool(procs) as pool:
        return pool.map(fn, range(n), chunksize=4)


def html_table(rows: list[Row], results: list[dict[str, Any]], wall: float) -> list[str]:
    n = len(rows)
    dated = [r["gold_date"] for r in rows if r.get("gold_date")]
    table = [
        "| HTML input | body P | body R | body F1 | title exact | title lenient | date same day "
        "| invented dates | pages/s/core |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for system in ("ours", "trafilatura"):
        scores = [prf(res[system][0], row.get("gold_body")) for res, row in zip(results, rows, strict=True)]
        titles = [
            title_scores(res[system][1], row["gold_title"])
            for res, row in zip(results, rows, strict=True)
            if row.get("gold_title")
        ]
        days = [
            same_day(res[system][2], row["gold_date"])
            for res, row in zip(results, rows, strict=True)
            if row.get("gold_date")
        ]
        invented = sum(1 for res, row in zip(results, rows, strict=True) if not row.get("gold_date") and res[system][2])
        undated = n - len(dated)
        cpu = sum(res[system][3] for res in results) or 1e-9
        name = "extract_html (ours)" if system == "ours" else "trafilatura.extract (baseline)"
        table.append(
            f"| {name} | {_avg(s[0] for s in scores):.3f} | {_avg(s[1] for s in scores):.3f} "
            f"| {_avg(s[2] for s in scores):.3f} | {_pct(sum(t[0] for t in titles), len(titles))} "
            f"| {_pct(sum(t[1] for t in titles), len(titles))} | {_pct(sum(days), len(days))} "
            f"| {invented}/{undated} ({_pct(invented, undated)}) | {n / cpu:.1f} |"
        )
    table.append("")
    table.append(f"{n} pages, {len(dated)} with a gold date; wall time for both systems {wall:.0f}s.")
    return table


def text_table(rows: list[Row], results: list[dict[str, Any]]) -> list[str]:
    table = [
        "| Plain-text input | line P | line R | line F1 | token P | token R | token F1 | title exact "
        "| title lenient | pages/s/core |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    everything = [{"kept": list(range(len(r["lines"]))), "time": 0.0} for r in rows]
    for name, res_list in (("clean_text (ours)", results), ("keep every line (baseline)", everything)):
        tp = fp = fn = 0
        scores = []
        for res, row in zip(res_list, rows, strict=True):
            kept, gold = set(res["kept"]), row["gold_body_line"]
            tp += sum(1 for k in kept if gold[k])
            fp += sum(1 for k in kept if not gold[k])
            fn += sum(1 for k, g in enumerate(gold) if g and k not in kept)
            scores.append(prf("\n".join(row["lines"][k] for k in sorted(kept)), row.get("gold_body")))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        cpu = sum(x["time"] for x in res_list)
        speed = f"{len(rows) / cpu:.1f}" if cpu else "-"
        exact = lenient = "-"  # keeping every line names no headline
        if res_list is results:
            titles = [title_scores(res["title"], row["gold_title"])
                      for res, row in zip(res_list, rows, strict=True) if row.get("gold_title")]
            exact = _pct(sum(t[0] for t in titles), len(titles))
            lenient = _pct(sum(t[1] for t in titles), len(titles))
        table.append(
            f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {_avg(s[0] for s in scores):.3f} "
            f"| {_avg(s[1] for s in scores):.3f} | {_avg(s[2] for s in scores):.3f} | {exact} | {lenient} | {speed} |"
        )
    return table


def _avg(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0


def _pct(k: int, n: int) -> str:
    return f"{100 * k / n:.1f}%" if n else "-"


# --- I/O --------------------------------------------------------------------------


def load(path: Path, limit: int | None) -> list[Row]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def machine() -> str:
    mem = "?"
    try:
        kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
        mem = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, StopIteration, ValueError):
        pass
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())  # other jobs skew pages/s
    return f"{platform.machine()}, {os.cpu_count()} cores, {mem} RAM, load {load}, Python {platform.python_version()}"


def write_results(section: list[str]) -> None:
    """Replace only our marked section, so other benchmarks' sections stay untouched."""
    block = "\n".join([START, *section, END])
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Lede benchmark results\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="update the Cleaning section of bench/RESULTS.md")
    args = parser.parse_args(argv)

    pages = load(args.data / "pages.jsonl.gz", args.limit)
    out = ["## Cleaning", ""]

    global _ROWS
    try:
        import index.ingest.clean  # noqa: F401
    except ImportError as err:
        out += [f"Plain-text section skipped: index.ingest.clean is not importable ({err}).", ""]
    else:
        by_id = {p["id"]: p for p in pages}
        lines = [r for r in load(args.data / "naive-lines.jsonl.gz", None) if r["id"] in by_id]
        for r in lines:
            r["gold_body"] = by_id[r["id"]].get("gold_body")
            r["gold_title"] = by_id[r["id"]].get("gold_title")
        _ROWS = lines
        out += text_table(lines, _pool_map(_run_text, len(lines), args.procs)) + [""]

    _ROWS = pages
    start = time.perf_counter()
    results = _pool_map(_run_html, len(pages), args.procs)
    out += html_table(pages, results, time.perf_counter() - start)

    command = " ".join([".venv/bin/python", "bench/clean_eval.py", *(argv if argv is not None else sys.argv[1:])])
    out += [
        "",
        f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} on {machine()}; {args.procs} worker processes.",
        f"Command: `{command}`",
        "Data: WCXB dev articles (CC-BY-4.0, M. Foley 2026). Tokens: lowercase \\w+ words, bag overlap,",
        "P/R/F1 per page averaged over pages; text line P/R/F1 pooled over all lines.",
    ]
    print("\n".join(out))
    if args.write:
        write_results(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
