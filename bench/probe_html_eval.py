"""The HTML extractor on labelled news pages, beside plain trafilatura (issue 8's HTML targets on news).

WCXB's pages are mostly guides and reviews; bench/probes_html/ holds saved news article pages
(HTML as a site of that kind serves it: mega-menus, related boxes, ad slots, captions, comment
threads, JSON-LD or only og: tags or only a visible date), each with the headline, outlet,
publication date and the story's paragraphs. Helpers wrote them without seeing the extractor:
fictional outlets, people and events, in the styles of real sites.

Pages go through index.ingest.clean_raw, the function `flask reindex` calls for an .html file.
Scored as clean_eval.py scores WCXB: body tokens as bags (P/R/F1 per page, averaged), title
exact and lenient, date same day; plus the story's paragraphs found whole, and outlet.

    .venv/bin/python bench/probe_html_eval.py [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from clean_eval import prf, title_scores  # noqa: E402  (bench/ is the script's directory)
from common import probe_batches, report  # noqa: E402

from index.ingest import clean_raw  # noqa: E402
from index.ingest.readers import RawDoc  # noqa: E402

PROBES = Path(__file__).resolve().parent / "probes_html"


def _squash(s: str) -> str:
    return " ".join(s.split())


def score_page(page: dict, system: str) -> dict:
    """One page's figures for `system`: "ours" (clean_raw) or "trafilatura" (its extract)."""
    gold_body = "\n\n".join(page["body"])
    if system == "ours":
        c = clean_raw(RawDoc(id=page["name"], kind="html", content=page["html"], source=page["name"] + ".html",
                             meta={"url": page["url"]}))
        paragraphs, title, outlet, date = c.paragraphs, c.title, c.outlet, c.date
    else:
        import trafilatura

        raw = trafilatura.extract(page["html"], url=page["url"], output_format="json", with_metadata=True)
        doc = json.loads(raw) if raw else {}
        paragraphs = (doc.get("text") or "").split("\n")
        title, outlet, date = doc.get("title"), doc.get("source-hostname"), doc.get("date")  # (its site name)
    p, r, f = prf("\n\n".join(paragraphs), gold_body)
    found = {_squash(x) for x in paragraphs}
    exact, lenient = title_scores(title, page["title"])
    return {
        "P": p, "R": r, "F1": f,
        "whole": sum(_squash(x) in found for x in page["body"]) / max(len(page["body"]), 1),
        "title": exact, "title_lenient": lenient,
        "outlet": (outlet or "").lower() == (page["outlet"] or "").lower(),
        "date": (str(date)[:10] if date else None) == page["date"],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="put the table in bench/RESULTS.md")
    args = ap.parse_args()
    batches = probe_batches(PROBES)
    if not batches:
        print(f"no pages under {PROBES}")
        return
    systems = ("ours", "trafilatura")
    scores = {(name, system): [score_page(p, system) for p in pages]
              for name, pages in batches.items() for system in systems}
    # (each page extracted once per system: "all" pools the batches' rows)
    pooled = {("all", system): [row for (_, s), rows in scores.items() if s == system for row in rows]
              for system in systems}
    scores.update(pooled)
    body = ["### HTML extractor on news-page probes", "",
            "| batch | system | pages | body P | body R | body F1 | paragraphs whole | title exact | title lenient "
            "| outlet | date |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    for (name, system), rows in scores.items():
        n = len(rows)
        body.append(f"| {name} | {'extract_html (ours)' if system == 'ours' else 'trafilatura.extract'} | {n} "
                    f"| {mean(r['P'] for r in rows):.3f} | {mean(r['R'] for r in rows):.3f} "
                    f"| {mean(r['F1'] for r in rows):.3f} | {mean(r['whole'] for r in rows):.3f} "
                    f"| {sum(r['title'] for r in rows)}/{n} | {sum(r['title_lenient'] for r in rows)}/{n} "
                    f"| {sum(r['outlet'] for r in rows)}/{n} | {sum(r['date'] for r in rows)}/{n} |")
    body += ["", "Body tokens as bags, P/R/F1 per page averaged; paragraphs whole: share of the story's "
             "paragraphs returned as one paragraph each; title exact after case and whitespace, lenient as "
             "clean_eval.py; outlet case-insensitive; date same day. See bench/probes_html/README.md."]
    report("news-probes-html", body, ".venv/bin/python bench/probe_html_eval.py --write", args.write)


if __name__ == "__main__":
    main()
