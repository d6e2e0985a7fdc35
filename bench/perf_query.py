"""Query side of bench/perf.py: the seeded query set, a waitress server over loopback, timers.

Every timer returns a list of seconds per request; a pass stops early (and says so in the
count) when it exceeds its time budget, so a pathological query cannot hang the run.
"""

from __future__ import annotations

import http.client
import os
import random
import re
import subprocess
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from common import ROOT, free_port, rss_mb, stop_group
from perf_build import PY, parse_day

WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
STOP = set("""a about after all also an and any are as at be been but by can could did do does for from had has have
he her his how i if in into is it its just more most my new no not now of on one or our out over said says she so
some than that the their them then there these they this to too up was we were what when where which who why will
with would you your""".split())
HX = {"HX-Request": "true", "HX-Target": "results"}


@dataclass
class Query:
    kind: str
    q: str
    outlets: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    words: list[str] = field(default_factory=list)

    def params(self) -> list[tuple[str, str]]:
        out = [("q", self.q)] + [("outlet", o) for o in self.outlets]
        out += [(k, v) for k, v in (("from", self.date_from), ("to", self.date_to)) if v]
        return out


def title_words(title: str) -> list[str]:
    return [w.strip("'-") for w in WORD.findall(title) if w.lower().strip("'-") not in STOP and len(w) > 2]


# kind, share of the set: words (AND), quoted title bigram, OR, a date window, two outlets
MIX = (("1 word", 0.25), ("2 words", 0.25), ("3 words", 0.18), ("phrase", 0.10), ("OR", 0.08),
       ("date from/to", 0.07), ("2 outlets", 0.07))


def make_queries(records: list[dict], n: int, seed: int) -> list[Query]:
    rng = random.Random(seed)
    pool = [r for r in records if len(title_words(r.get("title") or "")) >= 3]
    outlets = sorted({r.get("outlet") for r in records if r.get("outlet")})
    common = sorted(outlets, key=lambda o: -sum(1 for r in records[:3000] if r.get("outlet") == o))[:12]
    out: list[Query] = []
    for kind, share in MIX:
        for _ in range(max(1, round(n * share))):
            rec = rng.choice(pool)
            tw = title_words(rec["title"])
            if kind == "phrase":
                raw = [w for w in WORD.findall(rec["title"]) if len(w) > 1]
                i = rng.randrange(0, max(1, len(raw) - 1))
                words = raw[i:i + 2]
                out.append(Query(kind, '"' + " ".join(words) + '"', words=words))
                continue
            k = {"1 word": 1, "2 words": 2, "3 words": 3}.get(kind, 2 if kind == "OR" else 1)
            words = [tw[i] for i in sorted(rng.sample(range(len(tw)), k))]
            if kind == "OR":
                out.append(Query(kind, f"{words[0]} OR {words[1]}", words=words))
            elif kind == "date from/to":
                day = parse_day(rec.get("date"))
                y = day.year if day else 2012
                out.append(Query(kind, words[0], date_from=f"{y - 1}-01-01", date_to=f"{y}-12-31", words=words))
            elif kind == "2 outlets":
                pair = tuple(rng.sample(common, 2)) if len(common) >= 2 else tuple(common)
                out.append(Query(kind, words[0], outlets=pair, words=words))
            else:
                out.append(Query(kind, " ".join(words), words=words))
    rng.shuffle(out)
    return out


def pct(times: list[float], p: float) -> float:
    s = sorted(times)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] * 1000 if s else float("nan")




class Server:
    """Lede under waitress (4 threads) in a subprocess on 127.0.0.1; killed on exit."""

    def __init__(self, index_dir: Path, timeout: float = 120):
        self.port = free_port()
        code = ("import sys, waitress; sys.path.insert(0, '.'); from app import create_app; "
                f"waitress.serve(create_app({{'INDEX_DIR': {str(index_dir)!r}}}), host='127.0.0.1', "
                f"port={self.port}, threads=4, _quiet=True)")
        self.proc = subprocess.Popen([PY, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        self.conn: http.client.HTTPConnection | None = None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}")
            try:
                self.get("/api/openapi.json")
                return
            except OSError:
                time.sleep(0.2)
        self.close()
        raise TimeoutError("server did not start")

    def get(self, path: str, headers: dict | None = None) -> tuple[int, bytes]:
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                self.conn.request("GET", path, headers=headers or {})
                resp = self.conn.getresponse()
                return resp.status, resp.read()
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        raise AssertionError

    def rss_mb(self) -> float:
        return rss_mb(self.proc.pid)

    def memory(self) -> dict[str, float]:
        return memory_mb(self.proc.pid)

    def cpu_seconds(self) -> float:
        """User + system CPU the server process has used so far (all its threads)."""
        with open(f"/proc/{self.proc.pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_idle(self, quiet: float = 1.0, timeout: float = 120) -> float:
        """Wait until the server stops using CPU (its index warm-up is done); seconds waited."""
        started = time.monotonic()
        last = self.cpu_seconds()
        while time.monotonic() - started < timeout:
            time.sleep(quiet)
            now = self.cpu_seconds()
            if now - last < 0.05 * quiet:
                break
            last = now
        return time.monotonic() - started

    def close(self) -> None:
        if self.conn:
            self.conn.close()
        stop_group(self.proc, 10)


def timed(items, fn, budget: float) -> list[float]:
    """Seconds per call of fn(item), sequentially, stopping when the pass exceeds its budget."""
    times: list[float] = []
    started = time.perf_counter()
    for item in items:
        t = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - t)
        if time.perf_counter() - started > budget:
            break
    return times


def http_pass(server: Server, paths: list[str], headers: dict | None, budget: float,
              sizes: list[int] | None = None) -> list[float]:
    def one(path: str) -> None:
        status, body = server.get(path, headers)
        if status != 200:
            raise RuntimeError(f"GET {path} -> {status}: {body[:200]!r}")
        if sizes is not None:
            sizes.append(len(body))

    return timed(paths, one, budget)


def concurrent_pass(server: Server, paths: list[str], headers: dict | None, clients: int,
                    budget: float) -> list[float]:
    """The same requests from `clients` keep-alive connections at once: several searchers
    busy together, as under real use (a sequential pass keeps reusing one)."""
    import threading

    times: list[float] = []
    lock = threading.Lock()
    started = time.perf_counter()

    def client(mine: list[str]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        try:
            for path in mine:
                t = time.perf_counter()
                conn.request("GET", path, headers=headers or {})
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    raise RuntimeError(f"GET {path} -> {resp.status}")
                with lock:
                    times.append(time.perf_counter() - t)
                if time.perf_counter() - started > budget:
                    return
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(paths[i::clients],)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times


def memory_mb(pid: int) -> dict[str, float]:
    """VmRSS and its anonymous / file-backed parts (mapped index files count in VmRSS)."""
    return {field: rss_mb(pid, field) for field in ("VmRSS", "RssAnon", "RssFile")}


def search_path(prefix: str, q: Query) -> str:
    return prefix + "?" + urllib.parse.urlencode(q.params())


class RawWhoosh:
    """The plain-schema Whoosh index, queried the way the Whoosh docs show."""

    def __init__(self, path: Path):
        from whoosh import index
        from whoosh.qparser import MultifieldParser

        self.ix = index.open_dir(str(path))
        self.s = self.ix.searcher()
        self.parser = MultifieldParser(["title", "body"], self.ix.schema)

    def parse(self, q: Query):
        from whoosh import query as wq

        parsed = self.parser.parse(q.q)
        if q.date_from:
            parsed = wq.And([parsed, wq.DateRange("date", parse_day(q.date_from), parse_day(q.date_to))])
        flt = wq.Or([wq.Term("outlet", o) for o in q.outlets]) if q.outlets else None
        return parsed, flt

    def top10(self, q: Query):
        parsed, flt = self.parse(q)
        return [h["id"] for h in self.s.search(parsed, limit=10, filter=flt)]

    def facet(self, q: Query):
        from whoosh import sorting

        parsed, flt = self.parse(q)
        r = self.s.search(parsed, limit=10, filter=flt, groupedby=sorting.FieldFacet("outlet"),
                          maptype=sorting.Count)
        return [h["id"] for h in r[:10]], r.groups("outlet")  # grouped results score every match

    def highlights(self, q: Query):
        parsed, flt = self.parse(q)
        return [h.highlights("body") for h in self.s.search(parsed, limit=10, filter=flt)]

    def all_three(self, q: Query):
        from whoosh import sorting

        parsed, flt = self.parse(q)
        r = self.s.search(parsed, limit=10, filter=flt, groupedby=sorting.FieldFacet("outlet"),
                          maptype=sorting.Count)
        return r.groups("outlet"), [h.highlights("body") for h in r[:10]]

    def more_like(self, aid: str):
        docnum = self.s.document_number(id=aid)
        return [h["id"] for h in self.s.more_like(docnum, "body", top=10)]

    def close(self) -> None:
        self.s.close()


class Fts5:
    def __init__(self, path: Path):
        import sqlite3

        self.db = sqlite3.connect(path, check_same_thread=False)

    @staticmethod
    def where(q: Query) -> tuple[str, list]:
        quote = lambda w: '"' + w.replace('"', "") + '"'  # noqa: E731
        if q.kind == "phrase":
            match = quote(" ".join(q.words))
        elif q.kind == "OR":
            match = " OR ".join(quote(w) for w in q.words)
        else:
            match = " ".join(quote(w) for w in q.q.split())
        sql, args = "docs MATCH ?", [match]
        if q.date_from:
            sql += " AND date BETWEEN ? AND ?"
            args += [q.date_from, q.date_to]
        if q.outlets:
            sql += f" AND outlet IN ({','.join('?' * len(q.outlets))})"
            args += list(q.outlets)
        return sql, args

    def top10(self, q: Query):
        w, a = self.where(q)
        return self.db.execute(f"SELECT id FROM docs WHERE {w} ORDER BY bm25(docs) LIMIT 10", a).fetchall()

    def facet(self, q: Query):
        w, a = self.where(q)
        return (self.top10(q),
                self.db.execute(f"SELECT outlet, count(*) FROM docs WHERE {w} GROUP BY outlet", a).fetchall())

    def snippets(self, q: Query):
        w, a = self.where(q)
        return self.db.execute(f"SELECT id, snippet(docs, 4, '<mark>', '</mark>', '…', 24) FROM docs WHERE {w} "
                               "ORDER BY bm25(docs) LIMIT 10", a).fetchall()

    def close(self) -> None:
        self.db.close()
