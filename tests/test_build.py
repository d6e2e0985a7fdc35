"""Reindexing: atomic switch, old index keeps serving on failure, one reindex at a time."""

from __future__ import annotations

import json

import pytest

from index import build as build_mod
from index.build import build_index, reindex_lock
from index.model import ReindexBusy, SearchRequest
from index.search import search
from index.store import IndexHandle, current_generation


def total(index_dir, q=""):
    h = IndexHandle(index_dir)
    return search(h.searcher(), SearchRequest(q=q), h.cache()).total


def test_build_reports_counts_and_skips(tmp_path, corpus_dir):
    report = build_index(corpus_dir, tmp_path / "ix", workers=1)
    assert report.indexed == 11
    assert sorted(s.source for s in report.skipped) == ["blob.txt", "empty.txt", "records.jsonl#L10"]
    assert report.size_bytes > 0


def test_failed_build_leaves_old_index_serving(writable_index, corpus_dir, monkeypatch):
    before = current_generation(writable_index)
    handle = IndexHandle(writable_index)
    assert search(handle.searcher(), SearchRequest(q="pyongyang"), handle.cache()).total > 0

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(build_mod, "document", boom)
    with pytest.raises(RuntimeError):
        build_index(corpus_dir, writable_index, workers=1)
    assert current_generation(writable_index) == before
    assert search(handle.searcher(), SearchRequest(q="pyongyang"), handle.cache()).total > 0
    assert not list(writable_index.glob(".building-*"))


def test_interrupted_build_leaves_no_lock_and_next_build_succeeds(writable_index, corpus_dir, monkeypatch):
    def interrupt(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_mod, "document", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build_index(corpus_dir, writable_index, workers=1)
    monkeypatch.undo()
    report = build_index(corpus_dir, writable_index, workers=1)
    assert report.indexed == 11


def test_second_reindex_is_refused_while_one_runs(writable_index, corpus_dir):
    with reindex_lock(writable_index):
        with pytest.raises(ReindexBusy, match="another reindex is running"):
            build_index(corpus_dir, writable_index, workers=1)


def test_open_handle_sees_new_generation_without_restart(writable_index, tmp_path):
    handle = IndexHandle(writable_index)
    assert search(handle.searcher(), SearchRequest(), handle.cache()).total == 11
    src = tmp_path / "one"
    src.mkdir()
    (src / "a.jsonl").write_text('{"id": "x", "title": "Only one", "body": "Lonely article about otters."}\n')
    build_index(src, writable_index, workers=1)
    page = search(handle.searcher(), SearchRequest(), handle.cache())
    assert page.total == 1 and page.hits[0].id == "x"


def test_parallel_cleaning_gives_same_articles(tmp_path, corpus_dir, monkeypatch):
    monkeypatch.setattr(build_mod, "PARALLEL_MIN_DOCS", 2)
    build_index(corpus_dir, tmp_path / "serial", workers=1)
    build_index(corpus_dir, tmp_path / "parallel", workers=2)
    assert total(tmp_path / "serial", "putin") == total(tmp_path / "parallel", "putin") > 0


def test_duplicate_ids_are_kept_apart(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / "src" / sub).mkdir(parents=True)
        (tmp_path / "src" / sub / "story.jsonl").write_text(
            json.dumps({"id": "same", "title": "T", "body": f"Body text number {sub} about herons."}) + "\n")
    report = build_index(tmp_path / "src", tmp_path / "ix", workers=1)
    assert report.indexed == 2 and report.renamed == [("same", "same~2")]


def test_source_without_articles_keeps_old_index(writable_index, tmp_path):
    from index.build import EmptySource

    before = current_generation(writable_index)
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "empty.txt").write_text("")
    with pytest.raises(EmptySource, match="no articles found"):
        build_index(tmp_path / "junk", writable_index, workers=1)
    assert current_generation(writable_index) == before


def test_requests_reuse_a_warm_searcher_until_a_reindex(writable_index, tmp_path):
    from app import create_app

    app = create_app({"TESTING": True, "INDEX_DIR": str(writable_index)})
    client = app.test_client()
    handle = app.extensions["lede"]
    client.get("/api/search?q=putin")
    (first,) = handle._idle
    client.get("/api/search?q=pact")
    assert handle._idle == [first] and "columns" in first.cache  # same searcher, caches kept warm
    src = tmp_path / "one"
    src.mkdir()
    (src / "a.jsonl").write_text(json.dumps({"id": "x", "title": "Otters", "body": "Otters hold hands."}) + "\n")
    build_index(src, writable_index, workers=1)
    assert client.get("/api/search?q=otters").get_json()["total"] == 1
    (second,) = handle._idle
    assert second is not first and second.gen != first.gen
