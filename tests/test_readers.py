"""Readers: every format becomes raw documents, and every bad input a skip with a reason."""

from __future__ import annotations

import datetime as dt
import gzip
import json

from index.ingest import ingest
from index.ingest.readers import RawDoc, parse_date, read_source
from index.model import Article, Skipped


def by_kind(items):
    docs = [i for i in items if isinstance(i, (RawDoc, Article))]
    skips = [i for i in items if isinstance(i, Skipped)]
    return docs, skips


def test_fixture_corpus_reads_every_format_and_skips_bad_files(corpus_dir):
    docs, skips = by_kind(list(read_source(corpus_dir)))
    kinds = {d.id: d.kind for d in docs}
    assert kinds["planet-summit"] == "text"
    assert kinds["herald"] == "html"
    assert kinds["eu-gas"] == "record"
    reasons = {s.source: s.reason for s in skips}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blob.txt"].startswith("binary file")
    assert "records.jsonl#L10" in reasons and "invalid JSON" in reasons["records.jsonl#L10"]


def test_record_fields_are_user_metadata(corpus_dir):
    arts = {a.id: a for a in ingest(corpus_dir) if isinstance(a, Article)}
    gas = arts["eu-gas"]
    assert (gas.outlet, gas.date, gas.url) == ("Reuters", dt.date(2024, 6, 12), "https://example.com/reuters/eu-gas")
    assert gas.source == "records.jsonl#L1"
    assert gas.body.split("\n\n")[0].startswith("BRUSSELS — European Union")
    assert arts["park"].outlet is None and arts["park"].date is None


def test_crawler_field_names_and_gzip(tmp_path):
    rec = {"id": 7, "headline": "A headline", "maintext": "Para one.\nPara two.", "source_domain": "example.org",
           "date_publish": "2021-05-04 10:00:00", "link": "https://example.org/a"}
    with gzip.open(tmp_path / "crawl.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(rec) + "\n")
    (a,) = list(ingest(tmp_path))
    assert (a.id, a.title, a.outlet, a.date, a.url) == ("7", "A headline", "example.org", dt.date(2021, 5, 4),
                                                       "https://example.org/a")
    assert a.paragraphs == ["Para one.", "Para two."]


def test_crawler_records_lose_the_chrome_left_between_their_paragraphs(tmp_path):
    body = ["WASHINGTON — Lawmakers approved the budget deal on Tuesday.", "Advertisement",
            "READ MORE:", "The measure passed by a wide margin in both chambers.",
            "More than 300 members voted for it, officials said.",
            "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission."]
    (tmp_path / "crawl.jsonl").write_text(json.dumps({"title": "Budget deal", "text": "\n".join(body)}) + "\n")
    (a,) = list(ingest(tmp_path))
    assert a.paragraphs == [body[0], body[3], body[4]]


def test_json_list_file_and_untitled_record(tmp_path):
    (tmp_path / "two.json").write_text(json.dumps([
        {"title": "First", "text": "Alpha body text."},
        {"text": "An untitled record still gets a headline from its opening words."},
    ]))
    arts = list(ingest(tmp_path))
    assert [a.id for a in arts] == ["two-1", "two-2"]
    assert arts[1].title.startswith("An untitled record")


def test_sidecar_metadata_wins_over_guesses(tmp_path):
    (tmp_path / "story.txt").write_text("Some Headline Here\n\nThe body of the story is here and it is long enough.\n")
    (tmp_path / "story.meta.json").write_text(json.dumps({"outlet": "Sidecar Times", "date": "2020-02-02",
                                                          "title": "Sidecar title"}))
    (a,) = list(ingest(tmp_path))
    assert (a.title, a.outlet, a.date) == ("Sidecar title", "Sidecar Times", dt.date(2020, 2, 2))


def test_undecodable_and_oversized_files_are_skipped(tmp_path, monkeypatch):
    from index.ingest import readers

    (tmp_path / "latin.txt").write_bytes("Caf\xe9 society returns to the city centre.".encode("cp1252"))
    (tmp_path / "big.txt").write_text("word " * 300)
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    docs, skips = by_kind(list(read_source(tmp_path)))
    assert [d.content for d in docs] == ["Café society returns to the city centre."]
    assert skips[0].source == "big.txt" and skips[0].reason.startswith("too large")


def test_dates_are_parsed_or_refused():
    assert parse_date("2024-06-19T10:00:00Z") == dt.date(2024, 6, 19)
    assert parse_date("June 19, 2024") == dt.date(2024, 6, 19)
    assert parse_date("not a date") is None
    assert parse_date("3024-01-01") is None
