"""Writer speed-ups must not change the index: the same posting bytes as Whoosh's own path,
and the same side files as reading those postings back."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import segments as segments_mod
from index.build import build_index
from index.postfile import path_for
from index.store import current_generation, open_generation
from tests.fixtures import write_corpus

FIELDS = ("title", "body", "outlet", "dateline", "id", "outlet_key")


def postings(index_dir: Path) -> dict:
    """Every term's raw posting list (block headers hold the min/max lengths) and term info."""
    out = {}
    with open_generation(current_generation(index_dir)).reader() as r:
        for leaf, _ in r.leaf_readers():
            for field in FIELDS:
                for tbytes, info in leaf.iter_field(field):
                    if info.is_inlined():
                        body = info.inlined_postings()
                    else:
                        offset, length = info.extent()
                        body = leaf._terms._postfile.get(offset, length[0] if isinstance(length, tuple) else length)
                    out[(field, tbytes)] = (body, info.min_length(), info.max_length(), info.weight())
    return out


def side_files(index_dir: Path) -> list[bytes]:
    """Each segment's postings side file, in the index's segment order (segment ids are random)."""
    gen = current_generation(index_dir)
    with open_generation(gen).reader() as r:
        return [path_for(gen, leaf.segment().segment_id()).read_bytes() for leaf, _ in r.leaf_readers()]


@pytest.mark.parametrize("workers", [1, 2])
def test_fast_writer_writes_the_same_postings_and_side_files(tmp_path, monkeypatch, force_parallel, workers):
    src = write_corpus(tmp_path / "src")
    build_index(src, tmp_path / "fast", workers=workers)
    monkeypatch.setattr(segments_mod, "fast_writer", lambda writer: writer)  # Whoosh's own pool and reads
    build_index(src, tmp_path / "plain", workers=workers)
    fast, plain = postings(tmp_path / "fast"), postings(tmp_path / "plain")
    assert len(fast) > 100 and fast == plain
    fast_side, plain_side = side_files(tmp_path / "fast"), side_files(tmp_path / "plain")
    assert len(fast_side) == workers and fast_side == plain_side


def test_term_pool_refuses_postings_out_of_document_order():
    from index.fastwrite import TermPool

    pool = TermPool()
    pool.add(("body", b"otter", 5, 1.0, None))
    with pytest.raises(ValueError, match="document order"):
        pool.add(("body", b"heron", 3, 1.0, None))  # what merging an older segment in would do
