"""Shared bits of the benchmarks: where the corpora are, machine facts, RESULTS.md sections."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
NEWS = SHARED / "news-corpus" / "allsides-article-bias" / "articles.jsonl.gz"
OUT = ROOT / "bench" / "out"  # git-ignored: built indexes and scratch files
RESULTS = ROOT / "bench" / "RESULTS.md"

sys.path.insert(0, str(ROOT))


def machine() -> str:
    mem = 0
    try:
        with open("/proc/meminfo") as fh:
            mem = int(fh.readline().split()[1]) // 1024 // 1024
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {mem} GiB RAM, Python {platform.python_version()}, {platform.machine()}"


def news_held_out(rec_id: str) -> bool:
    """The fifth of the news corpus the text cleaner's vocabulary is never fitted on
    (bench/train_line_model.py), kept for bench/news_recall.py."""
    return zlib.crc32(rec_id.encode()) % 10 < 2


def news_paragraph(p: str) -> bool:
    """A paragraph of reporting in a news-corpus body (8+ words ending a sentence), not a
    caption, a credit or the corpus's own chrome: what the line model learns from and what
    bench/news_recall.py counts."""
    return len(p.split()) >= 8 and p.endswith((".", '"', "”", "?", "!"))


def news_records(limit: int | None = None) -> Iterator[dict]:
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


def probe_batches(root: Path) -> dict[str, list[dict]]:
    """The labelled pages of each batch directory under root (bench/probes/, bench/probes_html/),
    by batch name, empty batches left out."""
    batches = {d.name: [json.loads(f.read_text(encoding="utf-8")) for f in sorted(d.glob("*.json"))]
               for d in sorted(root.iterdir()) if d.is_dir()}
    return {name: pages for name, pages in batches.items() if pages}


def report(section: str, body: list[str], command: str, write: bool) -> None:
    """Print a benchmark's table and, with --write, put it in its section of RESULTS.md."""
    print("\n".join(body))
    if write:
        write_section(section, "\n".join(body), command)


def write_section(name: str, body: str, command: str) -> None:
    """Replace this benchmark's section of RESULTS.md between its markers, leaving others."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    stamp = f"_{dt.date.today().isoformat()} · {machine()} · `{command}`_\n\n"
    block = f"{start}\n{stamp}{body.strip()}\n{end}"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    text = pattern.sub(lambda m: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """A /proc/<pid>/status memory field in MB (VmRSS now, VmHWM the peak, RssAnon the unshared part); 0 if gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def wait_for_warm_up(poll: float = 0.1) -> None:
    """Until the postings warm-up thread an IndexHandle starts at open has finished: it holds
    the GIL for a second or more, so a timing taken beside it measures the contention."""
    while any(t.name.startswith("lede-warm") for t in threading.enumerate()):
        time.sleep(poll)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_group(proc: subprocess.Popen, grace: float = 10) -> None:
    """End a server started with start_new_session=True and all its workers: TERM, then KILL."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def timed(module, name: str, spent: dict[str, float], label: str) -> None:
    """Wrap module.name in place so a benchmark can say how much of its time that step took."""
    inner = getattr(module, name)

    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.perf_counter() - t

    setattr(module, name, wrapper)
