"""The load test's short form: `make serve-prod`'s gunicorn under 20 clients for a few seconds.

The full run (24 clients, 60 s, the 33k-article index) is `bench/load.py`; this drives the
same code against the small test index, so a regression that only shows under concurrency
(a shared searcher, a worker crash, a 5xx on one kind of page) fails CI. No time assertions.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def load():
    spec = importlib.util.spec_from_file_location("lede_bench_load", ROOT / "bench" / "load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_server_is_started_the_way_make_serve_prod_starts_it(load):
    argv = load.serve_prod_argv(port=5123, workers=3)
    assert argv[0].endswith("/gunicorn")
    assert argv[argv.index("--workers") + 1] == "3"
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:5123"  # loopback unless HOST says otherwise
    assert argv[-1] == "app:create_app()"
    assert load.serve_prod_command(port=5123, workers=3)[0] == {"MALLOC_ARENA_MAX": "2"}  # flat worker memory


def test_twenty_clients_on_two_workers_get_no_errors(load, index_dir, tmp_path):
    report = load.load_test(index_dir, clients=20, seconds=4, workers=2, warmup=1,
                            log_path=tmp_path / "gunicorn.log")
    errors = [f"{s.kind}: {s.error}" for s in report.errors]
    assert errors == []
    assert report.tracebacks == 0
    sent = {s.kind for s in report.samples}
    assert sent == set(load.Workload.WEIGHTS)  # search, facets, htmx, JSON, CSV, article, similar, compare, 4xx
    statuses = {s.status for s in report.samples if s.kind == "bad request"}
    assert statuses <= {400, 404} and statuses
    assert report.pairs > 0  # compare requests used real similar pairs
    assert len(report.rss_start) == 2 and set(report.rss_end) == set(report.rss_start)
    assert all(mb > 0 for mb in [*report.rss_start.values(), *report.rss_end.values()])
    assert "req/s" in report.markdown()


def test_csv_stream_keeps_its_searcher_until_the_response_closes(app, monkeypatch):
    """Found by the load test: the export's stream ran after the request's searcher went back
    to the pool, so the next request read through the same searcher at the same time (zlib
    errors, 500s). Every row must now be read before that searcher is given back."""
    import app.api as api

    handle = app.extensions["lede"]
    events: list[str] = []
    real_release, real_iter = handle.release, api.iter_all

    def release(lease):
        events.append("release")
        real_release(lease)

    def rows(*args, **kwargs):
        for hit in real_iter(*args, **kwargs):
            events.append("row")
            yield hit

    monkeypatch.setattr(handle, "release", release)
    monkeypatch.setattr(api, "iter_all", rows)
    resp = app.test_client().get("/api/search.csv?q=", buffered=False)
    body = b"".join(resp.response)
    resp.close()
    assert body.startswith(b"id,title,") and events.count("row") >= 5
    assert "release" in events and "row" not in events[events.index("release"):]
