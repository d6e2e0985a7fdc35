"""The commands: wiring tested through the click runner."""

from __future__ import annotations

import json


def test_reindex_prints_summary_and_skips(app, tmp_path, corpus_dir):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["reindex", "--source", str(corpus_dir), "--index-dir", str(tmp_path / "ix"),
                                 "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "Indexed 11 articles, skipped 3" in result.output
    assert "skipped blob.txt: binary file" in result.output
    again = runner.invoke(args=["reindex", "--if-missing", "--index-dir", str(tmp_path / "ix")])
    assert "not rebuilding" in again.output


def test_reindex_missing_source_is_a_clean_error(runner, tmp_path):
    result = runner.invoke(args=["reindex", "--source", str(tmp_path / "nope"), "--index-dir", str(tmp_path / "i")])
    assert result.exit_code != 0 and "source not found" in result.output


def test_search_prints_hits_and_json_matches_api(runner, client):
    result = runner.invoke(args=["search", "pact"])
    assert result.exit_code == 0
    assert "Putin and Kim sign mutual defence pact" in result.output and "Reuters · 2024-06-19" in result.output
    as_json = json.loads(runner.invoke(args=["search", "pact", "--json"]).output)
    api = client.get("/api/search?q=pact").get_json()
    as_json.pop("took_ms"), api.pop("took_ms")
    assert as_json == api


def test_search_bad_option_is_a_clean_error(runner):
    result = runner.invoke(args=["search", "x", "--sort", "sideways"])
    assert result.exit_code != 0 and "sort must be one of" in result.output
