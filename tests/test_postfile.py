"""Postings side files: the same postings as Whoosh's blocks, kept in step with segments."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index import postfile
from index.build import build_index
from index.model import SearchRequest
from index.postfile import SegmentPostings, decoded
from index.search import search
from index.store import IndexHandle, current_generation, open_generation
from tests.test_incremental import edit, source

QUERIES = ["putin", "putin pact", "pact OR otters", '"defence pact"', "sanctions -gas", "title:otters", "ports"]


def whoosh_postings(leaf, field: str, tbytes: bytes) -> tuple[list[int], list[float], list[bytes]]:
    """One term's postings through Whoosh's own matcher (deleted documents included)."""
    m = leaf._terms.matcher(field, tbytes, leaf.schema[field].format)
    ids, weights, values = [], [], []
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        values.append(m.value())
        m.next()
    return ids, weights, values


def side_files(gen: Path) -> set[str]:
    return {f.name for f in gen.iterdir() if f.name.endswith(postfile.SUFFIX)}


def segment_ids(gen: Path) -> set[str]:
    return {seg.segment_id() for seg in open_generation(gen)._segments()}


def pages(index_dir: Path) -> list:
    s = IndexHandle(index_dir, warm=False).searcher()
    return [(p.total, [(h.id, round(h.score, 9)) for h in p.hits], {k: [(v.value, v.count) for v in f.values]
                                                                    for k, f in p.facets.items()})
            for p in (search(s, SearchRequest(q=q, per_page=50), None) for q in QUERIES)]


@pytest.fixture
def incremental_index(tmp_path) -> Path:
    """An index after a full build and an incremental run: two segments, deleted documents."""
    src = source(tmp_path)
    build_index(src, tmp_path / "ix", workers=1)
    edit(src)
    report = build_index(src, tmp_path / "ix", workers=1, incremental=True)
    assert report.mode == "incremental"
    return tmp_path / "ix"


def test_every_term_reads_back_as_whoosh_stores_it(incremental_index):
    gen = current_generation(incremental_index)
    with open_generation(gen).reader() as reader:
        checked = positional = 0
        for leaf, _ in reader.leaf_readers():
            side = SegmentPostings(postfile.path_for(gen, leaf.segment().segment_id()))
            for field in ("title", "body", "outlet"):
                for tbytes, _info in leaf.iter_field(field):
                    ids, tfs, values = whoosh_postings(leaf, field, tbytes)
                    fmt = leaf.schema[field].format
                    want = [list(fmt.decode_as("positions", v)) for v in values] if values[0] else [[]] * len(ids)
                    got_ids, got_tfs, counts, positions = side.get(field, tbytes.decode("utf-8"))
                    assert got_ids.tolist() == ids and got_tfs.tolist() == tfs
                    assert counts.tolist() == [len(w) for w in want]
                    assert positions.tolist() == [q for w in want for q in w]
                    assert [a.tolist() for a in decoded(leaf, field, tbytes)] == [
                        got_ids.tolist(), got_tfs.tolist(), counts.tolist(), positions.tolist()]
                    checked += 1
                    positional += field == "body" and bool(positions.size)
            assert side.get("body", "zzzznotaword") is None
    assert checked > 200 and positional > 100


def test_incremental_run_gives_each_segment_its_file_and_leaves_none_behind(incremental_index):
    gen = current_generation(incremental_index)
    assert len(segment_ids(gen)) >= 2, "the run under test keeps the old segment and adds one"
    assert side_files(gen) == {sid + postfile.SUFFIX for sid in segment_ids(gen)}


def test_results_are_the_same_read_from_side_files_or_from_whoosh(incremental_index, tmp_path, monkeypatch):
    from index import postings

    def whoosh_blocks(*args):
        raise AssertionError("a term was decoded from Whoosh's blocks although its segment has a side file")

    with monkeypatch.context() as m:
        m.setattr(postings, "decoded", whoosh_blocks)
        with_files = pages(incremental_index)
    plain = tmp_path / "plain"
    shutil.copytree(incremental_index, plain)
    for f in current_generation(plain).glob("*" + postfile.SUFFIX):
        f.unlink()
    assert pages(plain) == with_files
    assert any(total for total, _, _ in with_files)


def test_a_damaged_side_file_falls_back_to_whoosh(incremental_index):
    expected = pages(incremental_index)
    for f in current_generation(incremental_index).glob("*" + postfile.SUFFIX):
        f.write_bytes(f.read_bytes()[:100])  # truncated: no trailer
    assert pages(incremental_index) == expected


def test_an_index_with_deleted_documents_keeps_the_fast_path_without_side_files(incremental_index):
    from index.postings import fast_match
    from index.query import parse_query

    for f in current_generation(incremental_index).glob("*" + postfile.SUFFIX):
        f.unlink()
    s = IndexHandle(incremental_index, warm=False).searcher()
    assert s.reader().has_deletions()
    assert fast_match(s, parse_query("putin pact", s.schema).query, {}) is not None


def age(gen: Path) -> list[Path]:
    """Make the generation's side files look written by an older Lede (the previous format's magic)."""
    files = sorted(gen.glob("*" + postfile.SUFFIX))
    for f in files:
        raw = f.read_bytes()
        f.write_bytes(raw[:-postfile._TRAILER.size] + b"LEDEPOST1" + raw[-postfile._TRAILER.size + 9:])
    return files


def test_side_files_of_an_older_format_are_not_read_and_are_rewritten(incremental_index):
    from index.build import refresh_side_files

    expected = pages(incremental_index)
    gen = current_generation(incremental_index)
    files = age(gen)
    assert files and not any(postfile.current(f) for f in files)
    assert pages(incremental_index) == expected  # read from Whoosh's blocks meanwhile
    assert refresh_side_files(incremental_index) == len(files)
    assert all(postfile.current(f) for f in files) and refresh_side_files(incremental_index) == 0
    age(gen)  # an unchanged source: the incremental reindex that has nothing to do rewrites them too
    report = build_index(incremental_index.parent / "src", incremental_index, workers=1, incremental=True)
    assert report.mode == "unchanged" and all(postfile.current(f) for f in files)
    assert pages(incremental_index) == expected


def test_positions_of_many_documents_at_once_match_the_per_document_lists(incremental_index):
    import numpy as np

    from index.postings import Postings, store_for

    s = IndexHandle(incremental_index, warm=False).searcher()
    p = Postings(s, store_for({}))
    for word in ("putin", "pact", "sanctions", "the", "zzzznotaword"):
        t = p.term("body", word)
        docs = np.arange(0, s.doc_count_all(), 2, dtype=np.int32)
        got_docs, got_pos = t.of(docs)
        want = p.positions("body", word, docs.tolist())
        assert list(zip(got_docs.tolist(), got_pos.tolist(), strict=True)) == [
            (d, q) for d in sorted(want) for q in want[d]]
