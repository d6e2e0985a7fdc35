"""Reindexing: atomic switch, old index keeps serving on failure, one reindex at a time."""

from __future__ import annotations

import json

import pytest

from index import segments as segments_mod
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

    monkeypatch.setattr(segments_mod, "document", boom)
    with pytest.raises(RuntimeError):
        build_index(corpus_dir, writable_index, workers=1)
    assert current_generation(writable_index) == before
    assert search(handle.searcher(), SearchRequest(q="pyongyang"), handle.cache()).total > 0
    assert not list(writable_index.glob(".building-*"))


def test_interrupted_build_leaves_no_lock_and_next_build_succeeds(writable_index, corpus_dir, monkeypatch):
    def interrupt(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(segments_mod, "document", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build_index(corpus_dir, writable_index, workers=1)
    monkeypatch.undo()
    report = build_index(corpus_dir, writable_index, workers=1)
    assert report.indexed == 11


def test_ctrl_c_during_a_parallel_build_stops_every_worker(writable_index, corpus_dir, monkeypatch, force_parallel):
    import multiprocessing

    before = current_generation(writable_index)

    def ctrl_c(done, item):
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_index(corpus_dir, writable_index, workers=2, progress=ctrl_c)
    assert multiprocessing.active_children() == []
    assert current_generation(writable_index) == before
    assert not list(writable_index.glob(".building-*"))
    assert build_index(corpus_dir, writable_index, workers=2).indexed == 11


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


def test_parallel_segments_give_the_same_index(tmp_path, corpus_dir, monkeypatch, force_parallel):
    from tests.test_incremental import assert_same, snapshot

    serial = build_index(corpus_dir, tmp_path / "serial", workers=1)
    parallel = build_index(corpus_dir, tmp_path / "parallel", workers=3)
    assert len(list((tmp_path / "parallel").glob("gen-*/*.seg"))) == 3  # one segment per worker
    assert (parallel.indexed, sorted(s.source for s in parallel.skipped)) == (
        serial.indexed, sorted(s.source for s in serial.skipped))
    assert_same(snapshot(tmp_path / "serial"), snapshot(tmp_path / "parallel"))
    again = build_index(corpus_dir, tmp_path / "again", workers=3)  # same segments, same document numbers
    h1, h2 = IndexHandle(tmp_path / "parallel").searcher(), IndexHandle(tmp_path / "again").searcher()
    assert [d["id"] for _, d in h1.reader().iter_docs()] == [d["id"] for _, d in h2.reader().iter_docs()]
    assert again.indexed == serial.indexed


def test_failing_segment_worker_is_reported_and_old_index_serves(writable_index, corpus_dir, monkeypatch,
                                                                 force_parallel):
    import multiprocessing

    from index.model import LedeError

    before = current_generation(writable_index)
    real = segments_mod.document

    def fails_on_one(article):
        if "kim" in article.body.lower():
            raise RuntimeError("disk on fire")
        return real(article)

    monkeypatch.setattr(segments_mod, "document", fails_on_one)  # forked workers inherit it
    with pytest.raises(LedeError, match="(?s)segment worker .* failed.*disk on fire"):
        build_index(corpus_dir, writable_index, workers=2)
    assert current_generation(writable_index) == before
    assert total(writable_index, "pyongyang") > 0
    assert not list(writable_index.glob(".building-*"))
    assert multiprocessing.active_children() == []


def test_dead_segment_worker_is_reported_not_awaited(writable_index, corpus_dir, monkeypatch, force_parallel):
    import os

    from index.model import LedeError

    before = current_generation(writable_index)
    monkeypatch.setattr(segments_mod, "document", lambda article: os._exit(3))  # as if killed
    with pytest.raises(LedeError, match="died"):
        build_index(corpus_dir, writable_index, workers=2)
    assert current_generation(writable_index) == before
    assert not list(writable_index.glob(".building-*"))


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
