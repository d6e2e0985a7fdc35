"""Timed index builds for bench/perf.py, each in its own subprocess so its memory is its own.

Lede is built through `flask reindex` (the path users run); the baselines are a raw
single-process Whoosh writer on a plain schema and SQLite FTS5 (porter unicode61), both
fed the same records. Run as a script, this module is the baseline builder itself:

    .venv/bin/python bench/perf_build.py whoosh|fts5 SOURCE.jsonl.gz TARGET
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from common import ROOT, news_records, rss_mb

PY = str(ROOT / ".venv" / "bin" / "python")
FLASK = str(ROOT / ".venv" / "bin" / "flask")


@dataclass
class Build:
    system: str
    docs: int
    seconds: float | None = None
    peak_tree_mb: float | None = None  # sum of VmRSS over the process tree, sampled
    # largest single process: its VmHWM, sampled (wait4's ru_maxrss would count the parent's
    # footprint from before exec, since a forked child starts as a copy of it)
    max_proc_mb: float | None = None
    size_mb: float | None = None
    note: str = ""

    @property
    def rate(self) -> float | None:
        return self.docs / self.seconds if self.seconds else None


def write_slice(n: int, path: Path) -> int:
    """The first n records of the news corpus as a scratch jsonl.gz (reused when present)."""
    if path.exists():
        return n
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    count = 0
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=1) as fh:
        for rec in news_records(n):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
    tmp.rename(path)
    return count


def tree_pids(root: int) -> list[int]:
    """root and every descendant, from /proc/*/stat parent links."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(parents.get(pid, []))
    return out




def run_measured(cmd: list[str], timeout: float, every: float = 0.25) -> tuple[float, float, float, str]:
    """(wall s, peak tree RSS MB, max process RSS MB, output tail); raises on failure or timeout."""
    started = time.perf_counter()
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    peak = largest = 0.0
    try:
        while True:
            pid, status = os.waitpid(proc.pid, os.WNOHANG)
            if pid:
                break
            pids = tree_pids(proc.pid)
            peak = max(peak, sum(rss_mb(p) for p in pids))
            largest = max([largest] + [rss_mb(p, "VmHWM") for p in pids])
            if time.perf_counter() - started > timeout:
                raise TimeoutError(f"{cmd[:3]} exceeded {timeout:.0f} s")
            time.sleep(every)
    except BaseException:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        raise
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    log.seek(0)
    tail = log.read().decode("utf-8", "replace")[-2000:]
    log.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {tail}")
    return wall, peak, largest, tail


def dir_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def build_lede(source: Path, target: Path, docs: int, timeout: float) -> Build:
    shutil.rmtree(target, ignore_errors=True)
    wall, peak, maxp, tail = run_measured([FLASK, "reindex", "--source", str(source), "--index-dir", str(target),
                                           "--quiet"], timeout)
    last = tail.strip().splitlines()[-1] if tail.strip() else ""
    return Build("Lede `flask reindex`", docs, wall, peak, maxp, dir_mb(target), note=last[:120])


def build_baseline(kind: str, source: Path, target: Path, docs: int, timeout: float) -> Build:
    shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(missing_ok=True)
    wall, peak, maxp, _ = run_measured([PY, str(Path(__file__)), kind, str(source), str(target)], timeout)
    name = {"whoosh": "raw Whoosh, one writer", "fts5": "SQLite FTS5 porter unicode61"}[kind]
    return Build(name, docs, wall, peak, maxp, dir_mb(target))


def raw_schema():
    from whoosh import fields
    from whoosh.analysis import StemmingAnalyzer

    return fields.Schema(id=fields.ID(unique=True, stored=True),
                         title=fields.TEXT(stored=True, analyzer=StemmingAnalyzer()),
                         body=fields.TEXT(stored=True, analyzer=StemmingAnalyzer()),
                         outlet=fields.ID(stored=True, sortable=True),
                         date=fields.DATETIME(stored=True, sortable=True))


def read_jsonl(source: Path):
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def parse_day(value: str | None):
    import datetime as dt

    try:
        return dt.datetime.strptime((value or "")[:10], "%Y-%m-%d")
    except ValueError:
        return None


def whoosh_build(source: Path, target: Path) -> None:
    from whoosh import index

    target.mkdir(parents=True)
    ix = index.create_in(str(target), raw_schema())
    writer = ix.writer()
    for r in read_jsonl(source):
        doc = {"id": r["id"], "title": r.get("title") or "", "body": r.get("body") or "",
               "outlet": r.get("outlet") or "-"}
        day = parse_day(r.get("date"))
        if day:
            doc["date"] = day
        writer.add_document(**doc)
    writer.commit()


def fts5_build(source: Path, target: Path) -> None:
    import sqlite3

    db = sqlite3.connect(target)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, outlet UNINDEXED, date UNINDEXED, title, body, "
               "tokenize='porter unicode61')")
    db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
                   ((r["id"], r.get("outlet") or "", (r.get("date") or "")[:10], r.get("title") or "",
                     r.get("body") or "") for r in read_jsonl(source)))
    db.commit()
    db.close()


if __name__ == "__main__":
    kind, src, dst = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    {"whoosh": whoosh_build, "fts5": fts5_build}[kind](src, dst)
