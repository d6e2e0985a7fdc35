"""The index under change: killed, concurrent and failing reindexes never cost a search.

Short forms of the reliability checks: a reindex killed with SIGKILL at several points,
two reindexes at once, searches running through a reindex, and a read-only index folder.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from index.build import build_index
from index.model import SearchRequest
from index.search import search
from index.store import IndexHandle, current_generation

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("harbour strike cranes ministry budget election river storm vaccine court border talks summit "
         "tariff drought pipeline").split()


def make_corpus(path: Path, n: int, tag: str) -> Path:
    rng = random.Random(n)
    path.mkdir(parents=True, exist_ok=True)
    with open(path / "records.jsonl", "w") as fh:
        for i in range(n):
            body = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(40)) + "." for _ in range(6))
            fh.write(json.dumps({"id": f"{tag}-{i}", "title": f"{tag} story {i}", "body": f"{tag} {body}",
                                 "outlet": f"Outlet {i % 7}", "date": f"2024-0{1 + i % 9}-1{i % 9}"}) + "\n")
    return path


def reindex_cmd(source: Path, index_dir: Path) -> list[str]:
    return [sys.executable, "-m", "flask", "reindex", "--source", str(source), "--index-dir", str(index_dir),
            "--quiet", "--workers", "1"]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def count(index_dir: Path, q: str) -> int:
    h = IndexHandle(index_dir)
    return search(h.searcher(), SearchRequest(q=q), h.cache()).total


@pytest.fixture
def live(tmp_path) -> Path:
    index_dir = tmp_path / "index"
    build_index(make_corpus(tmp_path / "old", 40, "alpha"), index_dir, workers=1)
    return index_dir


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5])
def test_sigkill_mid_reindex_keeps_old_index_and_next_reindex_works(live, tmp_path, delay):
    new = make_corpus(tmp_path / "new", 1500, "beta")
    before = current_generation(live)
    proc = subprocess.Popen(reindex_cmd(new, live), cwd=ROOT, env=env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    if current_generation(live) == before:  # killed before the switch: the old index serves
        assert count(live, "alpha") == 40
    else:                                   # the switch happened first: the new one is whole
        assert count(live, "beta") == 1500
    done = subprocess.run(reindex_cmd(new, live), cwd=ROOT, env=env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert count(live, "beta") == 1500
    assert not list(live.glob(".building-*"))


def test_second_reindex_refuses_while_first_runs(live, tmp_path):
    new = make_corpus(tmp_path / "new", 1500, "beta")
    first = subprocess.Popen(reindex_cmd(new, live), cwd=ROOT, env=env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120  # a loaded machine can take seconds to import the app
        while not any(live.glob(".building-*")) and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # the build folder appears once the first holds the lock
        second = subprocess.run(reindex_cmd(new, live), cwd=ROOT, env=env(), capture_output=True, text=True,
                                timeout=120)
        if first.poll() is None:  # only meaningful while the first still holds the lock
            assert second.returncode != 0
            assert "another reindex is running" in second.stderr
    finally:
        first.wait(timeout=300)
    assert first.returncode == 0
    assert count(live, "beta") == 1500


def test_searches_never_fail_during_reindex(live, tmp_path):
    from app import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": str(live)}).test_client()
    new = make_corpus(tmp_path / "new", 800, "beta")
    failures: list[str] = []
    totals: set[int] = set()
    stop = threading.Event()

    def hammer():
        while not stop.is_set():
            r = client.get("/api/search?q=harbour")
            if r.status_code != 200:
                failures.append(f"{r.status_code} {r.data[:200]!r}")
            else:
                totals.add(r.get_json()["total"])

    threads = [threading.Thread(target=hammer) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        build_index(new, live, workers=1)
        time.sleep(0.3)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    assert failures == []
    assert totals <= {40, 800}           # the old answer or the new one, never a half-built index
    assert client.get("/api/search?q=harbour").get_json()["total"] == 800


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_index_folder_is_a_clear_error(live, tmp_path):
    os.chmod(live, 0o555)
    try:
        r = subprocess.run(reindex_cmd(make_corpus(tmp_path / "new", 10, "beta"), live), cwd=ROOT, env=env(),
                           capture_output=True, text=True, timeout=120)
    finally:
        os.chmod(live, 0o755)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert count(live, "alpha") == 40


def test_unwritable_index_folder_is_a_clear_error(live, tmp_path, monkeypatch):
    """Disk full or read-only while building: the error is reported, the old index serves."""
    from index import build as build_mod

    def disk_full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_mod, "write_generation", disk_full)
    with pytest.raises(OSError, match="No space left"):
        build_index(make_corpus(tmp_path / "new", 10, "beta"), live, workers=1)
    assert count(live, "alpha") == 40 and not list(live.glob(".building-*"))


def test_read_only_index_folder_through_the_cli(app, live, tmp_path, monkeypatch):
    """The same as the chmod test above, but it also runs as root (CI): the folder refuses writes."""
    real_mkdir = Path.mkdir

    def read_only(self, *a, **k):
        if self.name.startswith(".building-"):
            raise OSError(30, "Read-only file system", str(self))
        return real_mkdir(self, *a, **k)

    monkeypatch.setattr(Path, "mkdir", read_only)
    result = app.test_cli_runner().invoke(args=["reindex", "--full", "--source", str(make_corpus(tmp_path / "new", 10,
                                                "beta")), "--index-dir", str(live), "--workers", "1"])
    assert result.exit_code != 0 and "Read-only file system" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)  # a message, not a crash
    assert count(live, "alpha") == 40 and not list(live.glob(".building-*"))
