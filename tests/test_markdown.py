"""Markdown scrapes (reader services, crawlers, web clippers) index like the page they render."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from index.ingest import ingest
from index.ingest.markdown import looks_like_markdown, markdown_to_text
from index.model import Article

FIXTURE = Path(__file__).parent / "fixtures" / "news_layouts" / "reader_service.md"


def test_markup_comes_off_line_for_line() -> None:
    md = "\n".join([
        "# The headline",
        "*   [World](https://example.org/world)",
        "![Image 1: a ship](https://example.org/ship.jpg)",
        "Said [the spokesman](https://example.org/p \"title\"), **very** _clearly_ and *firmly*.",
        "> A quoted line with a [ref link][1].",
        "---",
        "[1]: https://example.org/ref",
        "snake_case_word stays, and so does 2 * 3 * 4.",
    ])
    text, hints = markdown_to_text(md)
    assert text.split("\n") == ["The headline", "World", "",
                                "Said the spokesman, very clearly and firmly.",
                                "A quoted line with a ref link.", "", "",
                                "snake_case_word stays, and so does 2 * 3 * 4."]
    assert hints.headline == "The headline"


def test_plain_text_with_a_bracket_or_a_hash_is_not_markdown() -> None:
    text = "Lawmakers voted [on Tuesday] for the bill.\n#1 priority, the mayor said.\nThe vote was 52-48."
    assert not looks_like_markdown(text)


def test_a_reader_service_page_indexes_with_its_headline_url_and_date(tmp_path: Path) -> None:
    (tmp_path / "storm.md").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    # the same page saved with a .txt name is read the same way
    (tmp_path / "storm-copy.txt").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    arts = [a for a in ingest(tmp_path) if isinstance(a, Article)]
    assert len(arts) == 2
    for a in arts:
        assert a.title == "Ports reopen after storm as shipping firms count the cost"
        assert a.url == "https://wnn.example/2025/11/25/world/rotterdam-port-storm"
        assert a.date == dt.date(2025, 11, 25)
        paras = a.body.split("\n\n")
        assert paras[0].startswith("Dockworkers in Rotterdam returned to the quays")
        assert paras[-1] == "WNN’s Anna Kowal contributed to this report."
        assert "https://" not in a.body and "](" not in a.body and "**" not in a.body
        for chrome in ("World", "Sign in", "Most Read", "Terms of Use", "How a small town in Ohio"):
            assert not any(p.startswith(chrome) for p in paras)


def test_a_web_clipper_front_matter_gives_title_url_and_date(tmp_path: Path) -> None:
    body = FIXTURE.read_text(encoding="utf-8").split("Markdown Content:\n", 1)[1].replace(
        "# Ports reopen after storm as shipping firms count the cost\n", "")
    front = ('---\ntitle: "Ports reopen after storm"\nsource: "https://wnn.example/a"\n'
             'published: 2025-11-24\ntags:\n  - clippings\n---\n')
    (tmp_path / "clip.md").write_text(front + body, encoding="utf-8")
    (a,) = [a for a in ingest(tmp_path) if isinstance(a, Article)]
    assert (a.title, a.url, a.date) == ("Ports reopen after storm", "https://wnn.example/a", dt.date(2025, 11, 24))
    assert a.body.split("\n\n")[0].startswith("Dockworkers in Rotterdam returned to the quays")


def test_a_crawler_record_with_a_markdown_body_is_cleaned_as_a_page(tmp_path: Path) -> None:
    import json

    md = FIXTURE.read_text(encoding="utf-8").split("Markdown Content:\n", 1)[1]
    rec = {"id": "r1", "title": "Ports reopen", "url": "https://wnn.example/r1", "markdown": md}
    (tmp_path / "crawl.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (a,) = [a for a in ingest(tmp_path) if isinstance(a, Article)]
    assert a.title == "Ports reopen"  # the record's own field wins, as for every record
    assert a.body.split("\n\n")[0].startswith("Dockworkers in Rotterdam returned to the quays")
    assert "https://" not in a.body


def test_a_md_file_with_headings_and_no_links_still_loses_its_marks(tmp_path: Path) -> None:
    story = ("Lawmakers on Tuesday approved a sweeping budget deal after weeks of negotiations that had "
             "threatened to shut down parts of the federal government.")
    (tmp_path / "note.md").write_text(f"# Budget deal clears Congress\n\n{story}\n\n## What next\n\n"
                                      f"The president is expected to sign the bill this week, aides said.\n",
                                      encoding="utf-8")
    (a,) = [a for a in ingest(tmp_path) if isinstance(a, Article)]
    assert a.title == "Budget deal clears Congress"
    assert "#" not in a.body and a.body.startswith(story)
