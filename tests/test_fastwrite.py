"""Writer speed-ups must not change the index: the same posting bytes as Whoosh's own path."""

from __future__ import annotations

from pathlib import Path

from index import segments as segments_mod
from index.build import build_index
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


def test_cached_lengths_write_the_same_postings(tmp_path, monkeypatch):
    src = write_corpus(tmp_path / "src")
    build_index(src, tmp_path / "fast", workers=1)
    monkeypatch.setattr(segments_mod, "with_cached_lengths", lambda writer: writer)
    build_index(src, tmp_path / "plain", workers=1)
    fast, plain = postings(tmp_path / "fast"), postings(tmp_path / "plain")
    assert len(fast) > 100 and fast == plain
