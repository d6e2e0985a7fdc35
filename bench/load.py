"""Load test: the production server (`make serve-prod`'s gunicorn line) under many concurrent clients.

Issue 6 asks whether a team server holds up: N closed-loop clients (no think time) hit a real
gunicorn over loopback with the mix a browser and API users produce — searches whose words come
from the index's own titles, facet clicks (outlet, date) and page 2 as htmx fragments, JSON and
rare CSV exports, article, similar and compare pages, a few deliberately bad requests that must
be clean 4xx. Any other status, a connection error, a timeout or a malformed body is an error.
It reports req/s and p50/p95/p99 per kind and overall, and every worker's RSS after warm-up and
at the end (memory must stay flat). Standard library only, so the client costs little CPU.

    .venv/bin/python bench/load.py                        # 24 clients, 60 s on bench/out/ix33k
    .venv/bin/python bench/load.py --clients 24 --duration 60 --write   # figures into RESULTS.md

tests/test_load.py drives the same code for a few seconds against the small test index.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shlex
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]  # also when a test loads this file by path

from common import free_port, rss_mb, stop_group, write_section  # noqa: E402  (after the path tweak)

from index.store import open_index  # noqa: E402

DEFAULT_INDEX = ROOT / "bench" / "out" / "ix33k"
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
STOP = set("""a about after all also an and any are as at be been but by can could did do does for from had has have
he her his how i if in into is it its just more most my new no not now of on one or our out over said says she so
some than that the their them then there these they this to too up was we were what when where which who why will
with would you your""".split())
HX_RESULTS = {"HX-Request": "true", "HX-Target": "results"}
HX_SIMILAR = {"HX-Request": "true", "HX-Target": "similar"}


# ---------------------------------------------------------------------------------------------- server



def serve_prod_argv(port: int, workers: int, host: str = "127.0.0.1") -> list[str]:
    """The gunicorn command of the Makefile's serve-prod recipe (without its environment settings)."""
    return serve_prod_command(port, workers, host)[1]


def serve_prod_command(port: int, workers: int, host: str = "127.0.0.1") -> tuple[dict[str, str], list[str]]:
    """(environment settings, argv) of the Makefile's serve-prod gunicorn line, read from the Makefile itself.

    Reading it (rather than copying it) means the load test measures exactly what
    `make serve-prod` runs; only the make variables are filled in.
    """
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("serve-prod:"))
    for line in lines[start + 1:]:
        if not line.startswith("\t"):
            break
        if "gunicorn" in line:
            subst = {"$(BIN)/gunicorn": str(GUNICORN), "$(WORKERS)": str(workers),
                     "$(HOST)": host, "$(PORT)": str(port)}
            text = line.strip()
            for k, v in subst.items():
                text = text.replace(k, v)
            if "$(" in text:
                raise ValueError(f"unexpected make variable in serve-prod: {line.strip()!r}")
            words = shlex.split(text)
            env = {}
            while words and "=" in words[0] and not words[0].startswith("-"):  # VAR=value before the command
                name, value = words.pop(0).split("=", 1)
                env[name] = value
            return env, words
    raise ValueError("no gunicorn line in the Makefile's serve-prod recipe")


def children(pid: int) -> list[int]:
    """The worker processes of a gunicorn master (its direct children)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return sorted(int(p) for p in fh.read().split())
    except OSError:
        pass
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    return sorted(out)




class ProdServer:
    """gunicorn as `make serve-prod` runs it, on a free loopback port, over a given index dir.

    Its access log and any traceback go to `log_path`; the whole process group is ended on close.
    """

    def __init__(self, index_dir: Path, workers: int, log_path: Path, timeout: float = 120):
        self.port = free_port()
        settings, self.argv = serve_prod_command(self.port, workers)
        self.log_path = log_path
        env = {**os.environ, **settings, "LEDE_INDEX_DIR": str(index_dir)}
        self._log = open(log_path, "wb")
        self.proc = subprocess.Popen(self.argv, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.close()
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}; see {log_path}")
            if len(self.workers()) >= workers and self._answers():
                return
            time.sleep(0.2)
        self.close()
        raise TimeoutError(f"gunicorn did not answer within {timeout:.0f} s; see {log_path}")

    def _answers(self) -> bool:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            conn.request("GET", "/api/openapi.json")
            ok = conn.getresponse().status == 200
            conn.close()
            return ok
        except OSError:
            return False

    def workers(self) -> list[int]:
        return children(self.proc.pid)

    def rss(self, field: str = "VmRSS") -> dict[int, float]:
        return {pid: rss_mb(pid, field) for pid in self.workers()}

    def tracebacks(self) -> int:
        self._log.flush()
        return self.log_path.read_bytes().count(b"Traceback")

    def close(self) -> None:
        stop_group(self.proc, 15)
        self._log.close()


# ---------------------------------------------------------------------------------------------- workload

@dataclass(frozen=True)
class Doc:
    id: str
    title: str
    outlet: str
    date: str  # YYYY-MM-DD or ""


def title_words(title: str) -> list[str]:
    return [w.strip("'-") for w in WORD.findall(title) if w.lower().strip("'-") not in STOP and len(w) > 2]


def sample_docs(index_dir: Path, n: int, seed: int) -> list[Doc]:
    """Up to n live documents whose titles give query words, read from the index itself."""
    rng = random.Random(seed)
    ix = open_index(index_dir)
    with ix.searcher() as s:
        nums = list(s.reader().all_doc_ids())
        rng.shuffle(nums)
        out = []
        for d in nums:
            f = s.stored_fields(d)
            title = f.get("title") or ""
            if len(title_words(title)) < 2:
                continue
            date = f.get("date")
            out.append(Doc(f["id"], title, f.get("outlet") or "", date.date().isoformat() if date else ""))
            if len(out) >= n:
                break
    ix.close()
    if not out:
        raise ValueError(f"no document with a usable title in {index_dir}")
    return out


@dataclass(frozen=True)
class Request:
    kind: str
    path: str
    headers: dict = field(default_factory=dict)
    expect: tuple[int, ...] = (200,)
    body: str = "html"  # html | fragment | json | csv | any: what a well-formed answer looks like


def q(path: str, params: list[tuple[str, str]]) -> str:
    return path + "?" + urllib.parse.urlencode(params)


def aid(doc_id: str) -> str:
    return urllib.parse.quote(doc_id, safe="")


class Workload:
    """Builds the next request of a kind from the sampled titles; weights say how often each comes."""

    # kind -> weight (per 100 requests, roughly): what a reading session produces
    WEIGHTS = {
        "search page": 10, "search htmx": 14, "facet outlet": 8, "facet date": 7, "page 2": 6,
        "api search": 10, "article": 12, "api article": 5, "similar panel": 8, "api similar": 4,
        "compare": 4, "api compare": 3, "csv export": 1, "static": 5, "bad request": 3,
    }

    def __init__(self, docs: list[Doc], pairs: list[tuple[str, str]]):
        self.docs = docs
        self.pairs = pairs or [(a.id, b.id) for a, b in zip(docs, docs[1:], strict=False)]
        self.kinds = list(self.WEIGHTS)
        self.weights = [self.WEIGHTS[k] for k in self.kinds]
        self.build: dict[str, Callable[[random.Random], Request]] = {
            k: getattr(self, "_" + k.replace(" ", "_")) for k in self.kinds}

    def next(self, rng: random.Random) -> Request:
        return self.build[rng.choices(self.kinds, self.weights)[0]](rng)

    def _words(self, rng: random.Random, doc: Doc, most: int = 3) -> str:
        words = title_words(doc.title)
        k = min(len(words), most, rng.choice((1, 2, 2, 3)))
        return " ".join(words[i] for i in sorted(rng.sample(range(len(words)), k)))

    def _search_params(self, rng: random.Random) -> tuple[Doc, list[tuple[str, str]]]:
        doc = rng.choice(self.docs)
        params = [("q", self._words(rng, doc))]
        if rng.random() < 0.15:
            params.append(("sort", "newest"))
        return doc, params

    def _search_page(self, rng):
        return Request("search page", q("/", self._search_params(rng)[1]))

    def _search_htmx(self, rng):
        return Request("search htmx", q("/", self._search_params(rng)[1]), HX_RESULTS, body="fragment")

    def _facet_outlet(self, rng):
        doc, params = self._search_params(rng)
        params.append(("outlet", doc.outlet))  # the outlet the matching title came from: never an empty facet
        return Request("facet outlet", q("/", params), HX_RESULTS, body="fragment")

    def _facet_date(self, rng):
        doc, params = self._search_params(rng)
        if doc.date:  # a click on the doc's month or year bar
            span = doc.date[:7] if rng.random() < 0.5 else doc.date[:4]
            params += [("from", span), ("to", span)]
        return Request("facet date", q("/", params), HX_RESULTS, body="fragment")

    def _page_2(self, rng):
        doc = rng.choice(self.docs)
        return Request("page 2", q("/", [("q", title_words(doc.title)[0]), ("page", "2")]), HX_RESULTS,
                       body="fragment")

    def _api_search(self, rng):
        params = self._search_params(rng)[1]
        if rng.random() < 0.3:
            params.append(("collapse", "1"))
        return Request("api search", q("/api/search", params), body="json")

    def _article(self, rng):
        doc = rng.choice(self.docs)
        return Request("article", q(f"/articles/{aid(doc.id)}", [("q", self._words(rng, doc))]))

    def _api_article(self, rng):
        return Request("api article", f"/api/articles/{aid(rng.choice(self.docs).id)}", body="json")

    def _similar_panel(self, rng):  # the article page's lazy panel: an htmx request for the similar block
        return Request("similar panel", f"/articles/{aid(rng.choice(self.docs).id)}/similar", HX_SIMILAR,
                       body="fragment")

    def _api_similar(self, rng):
        return Request("api similar", f"/api/articles/{aid(rng.choice(self.docs).id)}/similar", body="json")

    def _compare(self, rng):
        a, b = rng.choice(self.pairs)
        return Request("compare", f"/compare/{aid(a)}/{aid(b)}")

    def _api_compare(self, rng):
        a, b = rng.choice(self.pairs)
        return Request("api compare", f"/api/compare/{aid(a)}/{aid(b)}", body="json")

    def _csv_export(self, rng):  # rare, and of a narrow query: an export streams every matching row
        doc = rng.choice(self.docs)
        words = title_words(doc.title)
        return Request("csv export", q("/api/search.csv", [("q", " ".join(words[:3]))]), body="csv")

    def _static(self, rng):
        return Request("static", "/static/" + rng.choice(("lede.css", "lede.js", "htmx.min.js")), body="any")

    def _bad_request(self, rng):  # deliberate mistakes: each must be its clean 4xx, never a 5xx
        doc = rng.choice(self.docs)
        word = title_words(doc.title)[0]
        return rng.choice((
            Request("bad request", q("/api/search", [("q", word), ("from", "2024-13")]), expect=(400,), body="json"),
            Request("bad request", q("/", [("q", word), ("per_page", "0")]), HX_RESULTS, expect=(400,),
                    body="fragment"),
            Request("bad request", "/api/articles/no-such-article-" + str(rng.randrange(10**6)), expect=(404,),
                    body="json"),
        ))


def well_formed(req: Request, content_type: str, body: bytes) -> str | None:
    """Why a body with the expected status is still wrong, or None."""
    if req.body == "json":
        if "json" not in content_type:
            return f"content type {content_type}"
        try:
            json.loads(body)
        except ValueError:
            return "invalid JSON"
    elif req.body == "csv":
        if not body.startswith(b"id,title,"):
            return "CSV without its header"
    elif req.body == "fragment":
        if b"<html" in body[:500].lower():
            return "full page for an htmx request"
    elif req.body == "html":
        if b"<html" not in body[:500].lower():
            return "not an HTML page"
    return None


# ---------------------------------------------------------------------------------------------- clients

@dataclass
class Sample:
    kind: str
    seconds: float
    status: int  # 0: no response
    error: str | None


class Client(threading.Thread):
    """One closed-loop user on a keep-alive connection: request, read everything, next."""

    def __init__(self, port: int, workload: Workload, seed: int, stop_at: float, timeout: float, first: str):
        super().__init__(daemon=True)
        self.port, self.workload, self.stop_at, self.timeout = port, workload, stop_at, timeout
        self.rng = random.Random(seed)
        self.first = first  # clients start on different kinds, so even a short run sends every kind
        self.samples: list[Sample] = []
        self.conn: http.client.HTTPConnection | None = None

    def run(self) -> None:
        req = self.workload.build[self.first](self.rng)
        while time.monotonic() < self.stop_at:
            self.samples.append(self.one(req))
            req = self.workload.next(self.rng)
        if self.conn:
            self.conn.close()

    def one(self, req: Request) -> Sample:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        started = time.perf_counter()
        try:
            self.conn.request("GET", req.path, headers=req.headers)
            resp = self.conn.getresponse()
            body = resp.read()
        except (OSError, http.client.HTTPException) as exc:  # refused, reset, timed out, garbled
            self.conn.close()
            self.conn = None
            return Sample(req.kind, time.perf_counter() - started, 0, f"{type(exc).__name__} on {req.path}")
        took = time.perf_counter() - started
        if resp.status not in req.expect:
            return Sample(req.kind, took, resp.status, f"{resp.status} on {req.path}: {body[:120]!r}")
        problem = well_formed(req, resp.getheader("Content-Type", ""), body)
        if resp.will_close:
            self.conn.close()
            self.conn = None
        return Sample(req.kind, took, resp.status, f"{problem} on {req.path}" if problem else None)


def run_clients(port: int, workload: Workload, clients: int, seconds: float, seed: int,
                timeout: float = 30) -> tuple[list[Sample], float]:
    """All clients for `seconds`; (samples, wall seconds until the last client finished)."""
    started = time.monotonic()
    kinds = workload.kinds
    threads = [Client(port, workload, seed * 1000 + i, started + seconds, timeout, kinds[i % len(kinds)])
               for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [s for t in threads for s in t.samples], time.monotonic() - started


def compare_pairs(port: int, docs: list[Doc], want: int) -> list[tuple[str, str]]:
    """(article, its most similar article) pairs, as the similar panel's compare links offer them."""
    pairs: list[tuple[str, str]] = []
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for doc in docs[: want * 3]:
        conn.request("GET", f"/api/articles/{aid(doc.id)}/similar")
        resp = conn.getresponse()
        body = resp.read()
        if resp.status == 200:
            items = json.loads(body)["similar"]
            if items:
                pairs.append((doc.id, items[0]["id"]))
        if len(pairs) >= want:
            break
    conn.close()
    return pairs


# ---------------------------------------------------------------------------------------------- report

def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] * 1000 if s else float("nan")


@dataclass
class Report:
    clients: int
    workers: int
    seconds: float
    samples: list[Sample]
    warmup_samples: list[Sample]
    rss_start: dict[int, float]
    rss_end: dict[int, float]
    anon_start: dict[int, float]
    anon_end: dict[int, float]
    rss_trace: list[tuple[float, dict[int, float]]]  # (seconds into the run, VmRSS per worker)
    tracebacks: int
    docs: int
    pairs: int
    load_avg: tuple[float, float]  # 1-minute load average when the measured run started and ended

    @property
    def errors(self) -> list[Sample]:
        return [s for s in self.warmup_samples + self.samples if s.error]

    def kinds(self) -> dict[str, list[Sample]]:
        by: dict[str, list[Sample]] = defaultdict(list)
        for s in self.samples:
            by[s.kind].append(s)
        return dict(sorted(by.items(), key=lambda kv: -len(kv[1])))

    def markdown(self) -> str:
        n = len(self.samples)
        statuses = Counter(s.status for s in self.samples)
        lines = [
            f"{self.clients} closed-loop clients (no think time) against gunicorn, {self.workers} workers x 4 threads, "
            f"on loopback, for {self.seconds:.0f} s after warm-up; queries from {self.docs} sampled titles, "
            f"compare pairs from {self.pairs} similar lists. Client and server share the machine's "
            f"{os.cpu_count()} cores with whatever else runs (1-min load average {self.load_avg[0]:.1f} at start, "
            f"{self.load_avg[1]:.1f} at end).",
            "",
            f"**{n} requests, {n / self.seconds:.1f} req/s, {len(self.errors)} errors** "
            f"(warm-up included; statuses {dict(sorted(statuses.items()))}, the 4xx all deliberate; "
            f"{self.tracebacks} tracebacks in the server log).",
            "",
            "| kind | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        rows = list(self.kinds().items()) + [("**all**", self.samples)]
        for kind, ss in rows:
            t = [s.seconds for s in ss]
            lines.append(f"| {kind} | {len(ss)} | {len(ss) / self.seconds:.1f} | {pct(t, 50):.0f} | "
                         f"{pct(t, 95):.0f} | {pct(t, 99):.0f} | {sum(1 for s in ss if s.error)} |")
        lines += ["", "| worker pid | VmRSS after warm-up MB | VmRSS at end MB | change | RssAnon start -> end MB "
                  "| VmRSS during the run MB (" + ", ".join(f"{t:.0f} s" for t, _ in self.rss_trace) + ") |",
                  "|---|---:|---:|---:|---:|---|"]
        for pid in sorted(set(self.rss_start) | set(self.rss_end)):
            a, b = self.rss_start.get(pid, 0.0), self.rss_end.get(pid, 0.0)
            trace = " · ".join(f"{mb.get(pid, 0):.0f}" for _, mb in self.rss_trace)
            lines.append(f"| {pid} | {a:.0f} | {b:.0f} | {b - a:+.0f} | "
                         f"{self.anon_start.get(pid, 0):.0f} -> {self.anon_end.get(pid, 0):.0f} | {trace} |")
        if self.errors:
            lines += ["", "First errors:", ""] + [f"- {s.kind}: {s.error}" for s in self.errors[:10]]
        return "\n".join(lines)


def load_test(index_dir: Path, clients: int = 24, seconds: float = 60, workers: int = 2, warmup: float = 10,
              sample: int = 2000, seed: int = 1, log_path: Path | None = None) -> Report:
    """Start gunicorn, warm it up, run the clients, read worker RSS, stop it: the whole test."""
    docs = sample_docs(index_dir, sample, seed)
    log_path = log_path or ROOT / "bench" / "out" / "load-gunicorn.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    server = ProdServer(index_dir, workers, log_path)
    try:
        pairs = compare_pairs(server.port, docs, want=40)
        workload = Workload(docs, pairs)
        warm, _ = run_clients(server.port, workload, clients, warmup, seed + 1)
        rss_start, anon_start, load_start = server.rss(), server.rss("RssAnon"), os.getloadavg()[0]
        trace: list[tuple[float, dict[int, float]]] = []
        done = threading.Event()
        began = time.monotonic()

        def watch() -> None:  # six RSS readings spread over the run: flat, or still growing?
            while not done.wait(max(1.0, seconds / 6)):
                trace.append((time.monotonic() - began, server.rss()))

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        samples, wall = run_clients(server.port, workload, clients, seconds, seed)
        done.set()
        watcher.join()
        rss_end, anon_end = server.rss(), server.rss("RssAnon")
        if set(rss_end) != set(rss_start):
            raise RuntimeError(f"workers changed during the run (restarted?): {sorted(rss_start)} -> {sorted(rss_end)}")
        return Report(clients, workers, wall, samples, warm, rss_start, rss_end, anon_start, anon_end, trace,
                      server.tracebacks(), len(docs), len(pairs), (load_start, os.getloadavg()[0]))
    finally:
        server.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index-dir", type=Path, default=DEFAULT_INDEX, help="a built Lede index (read only)")
    ap.add_argument("--clients", type=int, default=24)
    ap.add_argument("--duration", type=float, default=60, help="seconds of measured load")
    ap.add_argument("--warmup", type=float, default=10, help="seconds of load before the measured run")
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers (WORKERS of make serve-prod)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--write", action="store_true", help="write the figures into bench/RESULTS.md")
    args = ap.parse_args()
    report = load_test(args.index_dir, args.clients, args.duration, args.workers, args.warmup, seed=args.seed)
    text = report.markdown()
    print(text)
    if args.write:
        sys.path.insert(0, str(ROOT / "bench"))

        write_section("load", "## Load test (issue 6)\n\n" + text,
                      "python bench/load.py " + " ".join(shlex.quote(a) for a in sys.argv[1:]))
    sys.exit(1 if report.errors else 0)


if __name__ == "__main__":
    main()
