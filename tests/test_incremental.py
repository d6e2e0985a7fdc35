"""Incremental reindex: after adding, changing and deleting documents, the index equals a full rebuild."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from index import documents as documents_mod
from index import incremental, manifest, signatures
from index.build import build_index
from index.model import SearchRequest
from index.search import search
from index.similar import similar_to
from index.store import IndexHandle, current_generation
from index.stories import groups, story_of
from tests.fixtures import RECORDS, write_corpus

QUERIES = ["", "putin", "pact", "sanctions", "otters", "pyongyang visit", "outlet:reuters", "date:2024-06"]

OTTERS_TXT = """Otters return to the Thames

The Riverside Courier

June 22, 2024

LONDON — Otters have returned to the river Thames after decades away, scientists said on Saturday.

The animals were seen near the old mill by volunteers counting birds along the bank.

Ecologists credited cleaner water and new reed beds planted over the last ten years.
"""

EXTRA_TXT = """Harbour cranes idle as strike enters second week

The Port Gazette

June 15, 2024

ROTTERDAM — Cranes at the city's container harbour stood idle for a second week as dock workers
extended their strike over pay.

Shipping lines said they were diverting vessels to Antwerp and Hamburg while talks continue.
"""

EXTRA_JSON = {"id": "budget", "outlet": "Reuters", "date": "2024-06-14", "title": "Ministry unveils budget",
              "body": "The finance ministry unveiled a budget on Friday that raises spending on rivers and ports.\n\n"
                      "Officials said the plan would be debated next week."}


def source(tmp_path: Path) -> Path:
    src = write_corpus(tmp_path / "src")
    (src / "harbour.txt").write_text(EXTRA_TXT, encoding="utf-8")
    (src / "sub").mkdir()
    (src / "sub" / "budget.json").write_text(json.dumps(EXTRA_JSON), encoding="utf-8")
    return src


def edit(src: Path) -> None:
    """Every kind of change: text, html, json and jsonl records added, changed and deleted."""
    recs = [dict(r) for r in RECORDS]
    recs[0]["title"] = "EU agrees first sanctions on Russian LNG"  # metadata change
    recs[2]["body"] += "\n\nOtters were not mentioned in the pact."  # body change
    del recs[6]  # the park record: a deletion from the middle of the file
    recs.append({"id": "otters-wire", "outlet": "NewsWire Daily", "date": "2024-06-23",
                 "title": "Otters are back in London", "body": OTTERS_TXT.split("\n\n", 3)[3]})
    with open(src / "records.jsonl", "w", encoding="utf-8") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (src / "otters.txt").write_text(OTTERS_TXT, encoding="utf-8")  # new text file
    html = (src / "herald.html").read_text(encoding="utf-8")
    (src / "herald.html").write_text(html.replace("summoned the Russian ambassador", "summoned Russia's envoy"),
                                     encoding="utf-8")
    (src / "harbour.txt").write_text("")  # now empty: its article must go
    (src / "planet-summit.txt").unlink()  # deleted
    (src / "sub" / "budget.json").write_text(json.dumps({**EXTRA_JSON, "date": "2024-06-13"}), encoding="utf-8")
    (src / "sub" / "new.json").write_text(json.dumps({"id": "ports", "title": "Ports reopen",
                                                      "body": "Ports reopened on Monday after the strike ended."}))


def snapshot(index_dir: Path) -> dict:
    """Everything a user can see of an index, by article id rather than internal document numbers."""
    h = IndexHandle(index_dir)
    s = h.searcher()
    docs = {}
    for _, stored in s.reader().iter_docs():
        f = dict(stored)
        # a JSONL record's line number is not part of its identity (see index.manifest)
        f["source"] = f["source"].split("#L")[0]
        docs[f["id"]] = f
    out: dict = {"docs": docs}
    for q in QUERIES:
        for collapse in (False, True):
            page = search(s, SearchRequest(q=q, per_page=50, collapse=collapse), None)
            # folded: which copy leads an equally dated group, and where that group sits among
            # same-day hits, follow document order in any build; the groups themselves must agree
            hits = sorted(sorted([h.id, *h.copies]) for h in page.hits) if collapse else ranking(page.hits, not q)
            out[("search", q, collapse)] = (
                page.total, hits,
                {name: [(v.value, v.count) for v in facet.values] for name, facet in page.facets.items()})
            # BM25 statistics (document count, lengths, term frequencies) count a deleted document
            # until Whoosh merges its segment away, so scores drift after an incremental run:
            # kept for a look, not compared
            out[("scores", q, collapse)] = [hit.score for hit in page.hits]
    for aid in docs:
        # shared terms by stem: the word shown for a stem is the last document's spelling in any build
        similar = [(x.id, x.relation, round(x.score, 6), [signatures.stem_of(w.lower()) for w in x.shared_terms])
                   for x in similar_to(s, aid)]
        out[("similar", aid)] = tied(similar, key=lambda x: x[2])
        story = story_of(s, aid)
        # (the headline is the earliest member's: among equally dated ones, document order decides)
        out[("story", aid)] = None if story is None else (story.first_date, story.articles, sorted(story.ids))
    gen = current_generation(index_dir)
    rows = signatures.stored_rows(gen)
    key = np.load(gen / signatures.FEATURES.format("key"))  # (surface words left out: "last one wins" in any build)
    for d, aid in enumerate(manifest.load(gen).docids):
        if aid:
            r = rows[d]
            out[("features", aid)] = (r.minhash.tolist(), r.tokens.tolist(), r.lens.tolist(), r.weights.tolist(),
                                      r.bag.tolist(), r.tf.tolist(), r.day, sorted(key[d].tolist()))
    g = groups(s, None)
    ids = [s.stored_fields(d)["id"] if not s.reader().is_deleted(d) else "" for d in range(s.doc_count_all())]
    heads = {ids[d]: ids[int(g[1][d])] for d in range(len(ids)) if ids[d]}
    out["copies"] = sorted(sorted(a for a in heads if heads[a] == h) for h in set(heads.values()))
    return out


def tied(items: list, key) -> list[list]:
    """Items in rank order, runs of equal key as one sorted group: a full build breaks ties by
    source order, an incremental one puts re-added documents last, and neither is wrong."""
    out: list[list] = []
    last: object = tied
    for item in items:
        if key(item) != last:
            out.append([])
            last = key(item)
        out[-1].append(item)
    return [sorted(group) for group in out]


def ranking(hits: list, by_date: bool) -> list[list[tuple[str, list[str]]]]:
    """Hits in rank order, ties (same score; same date for an empty query) grouped."""
    rows = [(h.id, sorted(h.copies), h.date if by_date else round(h.score, 6)) for h in hits]
    return [[r[:2] for r in group] for group in tied(rows, key=lambda r: r[2])]


def assert_same(a: dict, b: dict) -> None:
    """Equal in everything a user sees (BM25 scores aside, see snapshot())."""
    assert a["docs"].keys() == b["docs"].keys()
    for key in a:
        if key[0] != "scores":
            assert a[key] == b[key], key


@pytest.fixture
def src(tmp_path) -> Path:
    return source(tmp_path)


def test_incremental_equals_full_rebuild(tmp_path, src):
    ix = tmp_path / "ix"
    first = build_index(src, ix, workers=1, incremental=True)
    assert first.mode == "full" and first.why_full == "no index yet"
    edit(src)
    report = build_index(src, ix, workers=1, incremental=True)
    assert report.mode == "incremental"
    # added: otters-wire record, otters.txt, new.json; changed: eu-gas, pact-guardian, herald, budget;
    # deleted: park record, planet-summit.txt, harbour.txt (now empty)
    assert (report.added, report.changed, report.deleted) == (3, 4, 3)
    assert report.unchanged == 6 and report.indexed == 13  # the 6 untouched records
    build_index(src, tmp_path / "full", workers=1)
    inc, full = snapshot(ix), snapshot(tmp_path / "full")
    assert "park" not in inc["docs"] and "planet-summit" not in inc["docs"] and "harbour" not in inc["docs"]
    assert inc["docs"]["eu-gas"]["title"] == "EU agrees first sanctions on Russian LNG"
    assert "Russia's envoy" in inc["docs"]["herald"]["body"]
    assert_same(inc, full)
    page = search(IndexHandle(ix).searcher(), SearchRequest(q="otters", per_page=50), None)
    assert sorted(h.id for h in page.hits) == ["otters", "otters-wire", "pact-guardian"]  # no ghosts, no twins


def test_repeated_incremental_runs_stay_equal_to_full(tmp_path, src):
    """Several rounds, so deletions pile up in old segments and Whoosh merges some of them."""
    ix = tmp_path / "ix"
    build_index(src, ix, workers=1)
    for n in range(6):  # 6 rounds: Whoosh merges segments on the 5th, the docnum map is then read back
        (src / f"round{n}.txt").write_text(OTTERS_TXT.replace("Otters", f"Otters {n}"), encoding="utf-8")
        lines = (src / "records.jsonl").read_text(encoding="utf-8").splitlines()
        rec = json.loads(lines[n])
        rec["body"] = rec["body"] + f"\n\nUpdate {n}: officials added a statement."
        lines[n] = json.dumps(rec, ensure_ascii=False)
        (src / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        if n == 2:
            (src / "round0.txt").unlink()
        report = build_index(src, ix, workers=1, incremental=True)
        assert report.mode == "incremental" and report.changed == 1
        gen = current_generation(ix)  # the docnum -> id map derived from segments is the stored truth
        assert manifest.load(gen).docids == incremental.live_ids(gen)
    shutil.rmtree(tmp_path / "full", ignore_errors=True)
    build_index(src, tmp_path / "full", workers=1)
    assert_same(snapshot(ix), snapshot(tmp_path / "full"))


def test_stories_do_not_depend_on_source_order(tmp_path):
    """An incremental reindex adds re-indexed documents last, so stories must not depend on docnum order."""
    records = [dict(r) for r in RECORDS]
    records[3]["body"] += "\n\nUpdate 3: officials added a statement."  # arrival-bbc: a rewrite, not a copy
    for name, recs in (("forward", records), ("reversed", records[::-1])):
        (tmp_path / name).mkdir()
        with open(tmp_path / name / "records.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
        build_index(tmp_path / name, tmp_path / f"ix-{name}", workers=1)
    forward, backward = snapshot(tmp_path / "ix-forward"), snapshot(tmp_path / "ix-reversed")
    assert forward["copies"] == backward["copies"]


def test_feature_rows_line_up_with_document_numbers(tmp_path, src):
    ix = tmp_path / "ix"
    build_index(src, ix, workers=1)
    edit(src)
    build_index(src, ix, workers=1, incremental=True)
    gen = current_generation(ix)
    s = IndexHandle(ix).searcher()
    n = s.doc_count_all()
    assert n > s.doc_count()  # deleted docnums still there until Whoosh merges them
    for name in ("signatures.npy", "stories.npy", "copies.npy", "similar-days.npy"):
        assert len(np.load(gen / name)) == n, name
    days = np.load(gen / "similar-days.npy")
    for d in range(n):
        if s.reader().is_deleted(d):
            assert days[d] == 0
        else:
            date = s.stored_fields(d).get("date")
            assert days[d] == (date.date().toordinal() if date else 0)


def test_unchanged_source_makes_no_new_generation(tmp_path, src):
    ix = tmp_path / "ix"
    build_index(src, ix, workers=1)
    gen = current_generation(ix)
    (src / "herald.html").touch()  # a newer mtime alone is no change
    report = build_index(src, ix, workers=1, incremental=True)
    assert report.mode == "unchanged" and report.generation == gen.name
    assert (report.added, report.changed, report.deleted, report.unchanged) == (0, 0, 0, 13)
    assert sorted(s.source for s in report.skipped) == ["blob.txt", "empty.txt", "records.jsonl#L10"]
    assert current_generation(ix) == gen and len(list(ix.glob("gen-*"))) == 1


def test_duplicate_ids_follow_the_full_build(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / "src" / sub).mkdir(parents=True)
        text = f"Herons {sub}\n\nHerons nest by the {sub} lake this spring.\n"
        (tmp_path / "src" / sub / "story.txt").write_text(text)
    ix = tmp_path / "ix"
    assert build_index(tmp_path / "src", ix, workers=1).renamed == [("story", "story~2")]
    shutil.rmtree(tmp_path / "src" / "a")  # b's story is now the only "story"
    report = build_index(tmp_path / "src", ix, workers=1, incremental=True)
    assert (report.added, report.changed, report.deleted) == (0, 1, 1)
    build_index(tmp_path / "src", tmp_path / "full", workers=1)
    assert_same(snapshot(ix), snapshot(tmp_path / "full"))
    assert snapshot(ix)["docs"]["story"]["source"] == "b/story.txt"


def test_source_switch_does_a_full_build(tmp_path, src):
    ix = tmp_path / "ix"
    build_index(src, ix, workers=1)
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.jsonl").write_text(json.dumps({"id": "x", "title": "Otters", "body": "Otters hold hands."}) + "\n")
    report = build_index(other, ix, workers=1, incremental=True)
    assert report.mode == "full" and "another source" in report.why_full
    assert list(snapshot(ix)["docs"]) == ["x"]


def test_index_from_other_cleaning_code_is_rebuilt_in_full(tmp_path, src, monkeypatch):
    ix = tmp_path / "ix"
    build_index(src, ix, workers=1)
    monkeypatch.setattr(manifest, "FORMAT", manifest.FORMAT + "-upgraded")  # as after an upgrade of the cleaner
    report = build_index(src, ix, workers=1, incremental=True)
    assert report.mode == "full" and "another version" in report.why_full


def test_failed_incremental_leaves_old_generation_serving(tmp_path, src, monkeypatch):
    ix = tmp_path / "ix"
    build_index(src, ix, workers=1)
    before = current_generation(ix)
    edit(src)

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(incremental, "document", boom)
    with pytest.raises(RuntimeError):
        build_index(src, ix, workers=1, incremental=True)
    assert current_generation(ix) == before and not list(ix.glob(".building-*"))
    assert "park" in snapshot(ix)["docs"]  # old generation untouched by the hard-linked build
    monkeypatch.undo()
    assert build_index(src, ix, workers=1, incremental=True).mode == "incremental"


def test_searcher_opened_before_keeps_working_after_the_switch(tmp_path, src):
    ix = tmp_path / "ix"
    build_index(src, ix, workers=1)
    handle = IndexHandle(ix)
    old = handle.searcher()
    assert search(old, SearchRequest(q="park"), None).total == 1
    edit(src)
    build_index(src, ix, workers=1, incremental=True)
    assert search(old, SearchRequest(q="park"), None).total == 1  # still reading the previous generation
    assert old.stored_fields(old.document_number(id="park"))["title"] == "Council approves new riverside park"
    assert search(handle.searcher(), SearchRequest(q="park"), None).total == 0
    assert search(handle.searcher(), SearchRequest(q="otters"), None).total == 3


def test_parallel_incremental_cleaning(tmp_path, src, monkeypatch, force_parallel):
    ix = tmp_path / "ix"
    build_index(src, ix, workers=1)
    edit(src)
    assert build_index(src, ix, workers=2, incremental=True).mode == "incremental"
    build_index(src, tmp_path / "full", workers=1)
    assert_same(snapshot(ix), snapshot(tmp_path / "full"))


def test_cli_is_incremental_and_full_on_request(app, tmp_path, src):
    runner = app.test_cli_runner()
    args = ["reindex", "--source", str(src), "--index-dir", str(tmp_path / "ix"), "--quiet", "--workers", "1"]
    first = runner.invoke(args=args).output
    assert "Indexed 13 articles" in first and "full rebuild: no index yet" in first
    same = runner.invoke(args=args)
    assert same.exit_code == 0 and "Nothing changed" in same.output and "13 unchanged" in same.output
    (src / "otters.txt").write_text(OTTERS_TXT, encoding="utf-8")
    out = runner.invoke(args=args).output
    assert "Incremental reindex: 1 added, 0 changed, 0 deleted, 13 unchanged; 14 articles indexed" in out
    assert "skipped blob.txt: binary file" in out
    gen = current_generation(tmp_path / "ix")
    full = runner.invoke(args=[*args, "--full"])
    assert full.exit_code == 0 and "Indexed 14 articles" in full.output and "full rebuild: --full" in full.output
    assert current_generation(tmp_path / "ix") != gen


def test_page_without_article_text_is_remembered_not_recleaned(tmp_path, src, monkeypatch):
    (src / "chrome.txt").write_text("Log In\n\nSubscribe\n\nLeave a Reply\n", encoding="utf-8")
    ix = tmp_path / "ix"
    build_index(src, ix, workers=1)
    cleaned: list[str] = []
    real = documents_mod.to_article
    monkeypatch.setattr(documents_mod, "to_article", lambda raw: cleaned.append(raw.id) or real(raw))
    (src / "otters.txt").write_text(OTTERS_TXT, encoding="utf-8")
    report = build_index(src, ix, workers=1, incremental=True)
    assert cleaned == ["otters"]  # the chrome-only page was not cleaned again
    assert ("chrome.txt", "no article text found after cleaning") in [(s.source, s.reason) for s in report.skipped]
    (src / "chrome.txt").write_text(OTTERS_TXT.replace("Otters", "Beavers"), encoding="utf-8")  # now an article
    report = build_index(src, ix, workers=1, incremental=True)
    assert (report.added, report.changed, report.deleted) == (0, 1, 0) and cleaned == ["otters", "chrome"]
    assert search(IndexHandle(ix).searcher(), SearchRequest(q="beavers"), None).total == 1
