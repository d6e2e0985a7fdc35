"""Does the text cleaner keep real news reporting? Recall on held-out news articles (issue 8).

WCXB's article pages are mostly guides and reviews, and the line model learns from them, so
this checks the genre Lede is for: real articles of the news corpus (the 20% whose id CRC
ends in 0-1, which bench/train_line_model.py never trains on), each printed inside a page
frame of the usual chrome (menus, a byline and date, share buttons, a newsletter prompt, a
list of other headlines, with or without blurbs), then cleaned by clean_text, the function
`flask reindex` calls. The frame is synthetic, so the chrome figure only says that the usual
chrome still goes; the recall figure is the point: sentence-shaped paragraphs of reporting
(8+ words, ending in sentence punctuation) that the cleaner kept. The corpus bodies carry a
little chrome of their own (copyright and "follow us" lines), so recall short of 1 is partly
right.

    .venv/bin/python bench/news_recall.py [--articles 1000] [--write]
"""

from __future__ import annotations

import argparse
import random
import time

from common import NEWS, news_held_out, news_paragraph, news_records, write_section

from index.ingest.clean import clean_text

MENU = ["Skip to content", "Menu", "Home", "World", "U.S.", "Politics", "Business", "Opinion",
        "Sports", "Subscribe", "Sign in"]
SHARE = ["Share this article", "Facebook", "Twitter", "Email", "Print"]
FOOTER = ["Sign up for our morning newsletter", "Get the day's top stories in your inbox.",
          "© 2024 The Daily Record. All rights reserved.", "Privacy Policy", "Terms of Use",
          "Contact us"]
OTHER = [("Markets slide as investors weigh rate outlook",
          "Stocks fell for a third day as traders priced in higher borrowing costs."),
         ("Mayor unveils plan for new transit line",
          "The proposal would link the airport to downtown by 2030."),
         ("Storm knocks out power to thousands across the region",
          "Crews worked through the night to restore service.")]


def frame(title: str, paras: list[str], k: int) -> list[str]:
    """The article inside one of three page frames (k picks which)."""
    head = MENU + [title, "By Staff Reporter", "March 3, 2021 at 9:41 a.m."]
    if k == 0:  # headlines only under a label
        tail = SHARE + ["More from our newsroom"] + [h for h, _ in OTHER] + FOOTER
    elif k == 1:  # headline + blurb teasers
        tail = ["Related stories"] + [x for pair in OTHER for x in pair] + FOOTER
    else:  # share row, then footer only
        tail = SHARE + FOOTER
    return head + paras + tail


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    rows = [r for r in news_records()
            if news_held_out(r["id"]) and sum(map(news_paragraph, r["body"].split("\n"))) >= 3]
    random.Random(args.seed).shuffle(rows)
    rows = rows[: args.articles]
    kept = total = whole = chrome_kept = chrome_total = titled = 0
    start = time.perf_counter()
    for k, r in enumerate(rows):
        paras = [p.strip() for p in r["body"].split("\n") if p.strip()]
        lines = frame(r["title"], paras, k % 3)
        c = clean_text("\n\n".join(lines))
        got = set(c.paragraphs)
        reporting = [p for p in paras if news_paragraph(p)]
        hit = sum(p in got for p in reporting)
        kept += hit
        total += len(reporting)
        whole += hit == len(reporting)
        chrome = set(lines) - set(paras) - {r["title"]}
        chrome_kept += len(chrome & got)
        chrome_total += len(chrome)
        titled += (c.title or "").strip() == r["title"].strip()
    wall = time.perf_counter() - start
    n = len(rows)
    command = f".venv/bin/python bench/news_recall.py --articles {args.articles} --write"
    body = "\n".join([
        "### News reporting kept by the text cleaner", "",
        "| articles | paragraphs of reporting kept | articles kept whole | headline found "
        "| frame chrome kept | pages/s |",
        "|---|---|---|---|---|---|",
        f"| {n} | {kept / total:.3f} ({kept}/{total}) | {whole / n:.3f} | {titled / n:.3f} "
        f"| {chrome_kept / chrome_total:.3f} | {n / wall:.0f} |", "",
        f"Data: {NEWS.parent.name} articles held out from training (id CRC32 % 10 < 2), in three "
        "synthetic page frames; reporting = paragraphs of 8+ words ending a sentence. The "
        "corpus bodies carry some chrome of their own (\"Copyright © 2019 The Washington Times, "
        "LLC. Click here for reprint permission.\"), so part of what is not kept is right to go.",
    ])
    print(body)
    if args.write:
        write_section("news-recall", body, command)


if __name__ == "__main__":
    main()
