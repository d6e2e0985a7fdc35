"""Shared fixtures: a fixture corpus built once into a temp index, and an app over it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import create_app
from index.build import build_index
from tests.fixtures import write_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


def build_fixture_index(path: Path) -> Path:
    build_index(write_corpus(path / "corpus"), path / "index", workers=1)
    return path / "index"


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory, corpus_dir) -> Path:
    path = tmp_path_factory.mktemp("index")
    build_index(corpus_dir, path, workers=1)  # once per session: the slow part
    return path


@pytest.fixture(scope="session")
def seeds_index(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seeds-index")
    build_index(SEEDS, path, workers=1)
    return path


@pytest.fixture
def writable_index(tmp_path, index_dir) -> Path:
    """A copy for tests that reindex or break things."""
    target = tmp_path / "index"
    shutil.copytree(index_dir, target)
    return target


@pytest.fixture(scope="session")
def app(index_dir):
    return create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def seeds_app(seeds_index):
    return create_app({"TESTING": True, "INDEX_DIR": str(seeds_index)})


@pytest.fixture
def force_parallel(monkeypatch):
    """Fixture corpora (a dozen files) take the multi-process paths, two documents a chunk,
    so every worker gets some."""
    from index import build, segments

    monkeypatch.setattr(build, "PARALLEL_MIN_DOCS", 2)
    monkeypatch.setattr(segments, "CHUNK", 2)
