"""Compare two articles: aligned passages, shares of reuse, quotes matched across rewording."""

from __future__ import annotations

from index.compare import match_quotes, quotes


def test_rewrite_pair_aligns_reworded_passages(seeds_app):
    c = seeds_app.test_client()
    body = c.get("/api/compare/001_b35e447825ba055f/000_3295c4a0b66093ee").get_json()
    assert body["a_in_b"] >= 0.8 and body["b_in_a"] < body["a_in_b"]  # the copy is a trimmed rewrite
    kinds = {p["kind"] for p in body["passages"]}
    assert {"reworded", "only-b"} <= kinds
    assert all(p["a"] and p["b"] for p in body["passages"] if p["kind"] in ("same", "reworded"))
    matched = [q for q in body["quotes"]["a"] if q["match"]]
    assert any(q["speaker"] == "Putin" for q in matched)


def test_duplicate_pair_is_verbatim(client):
    body = client.get("/api/compare/arrival-bbc/arrival-copy").get_json()
    assert body["a_verbatim_in_b"] == 1.0 and body["b_verbatim_in_a"] == 1.0  # only chrome was added
    assert {p["kind"] for p in body["passages"]} == {"same"}
    assert not any("newsletter" in (p["b"] or "") for p in body["passages"])


def test_compare_page_and_errors(client):
    r = client.get("/compare/pact-reuters/pact-guardian")
    assert r.status_code == 200 and b"passage-reworded" in r.data
    assert '</api/compare/pact-reuters/pact-guardian>' in r.headers["Link"]
    assert client.get("/compare/pact-reuters/nope").status_code == 404
    assert client.get("/api/compare/nope/pact-reuters").get_json()["error"]["code"] == "not_found"


def test_quote_speakers():
    text = ('"We will respond firmly," a presidential official told reporters.\n\n'
            'Kim said relations were "entering a new era of high prosperity" for both.\n\n'
            '"The pact is a threat to the region." Analysts disagreed.')
    found = {q.text: q.speaker for q in quotes(text)}
    assert found["We will respond firmly"] is None or found["We will respond firmly"].endswith("official")
    assert found["entering a new era of high prosperity"] == "Kim"
    assert found["The pact is a threat to the region."] is None


def test_quotes_match_across_small_rewording():
    a = quotes('"We will never accept this pact, and we will respond firmly," Yoon said on Thursday.')
    b = quotes('The South Korean leader was defiant. "We will never accept the pact and will respond firmly," '
               'said Yoon Suk Yeol.\n\n"Nothing has changed," a spokesman added.')
    match_quotes(a, b)
    assert (a[0].speaker, b[0].speaker) == ("Yoon", "Yoon Suk Yeol")
    assert a[0].match == b[0].text and b[0].match == a[0].text and a[0].similarity >= 0.5
    assert b[1].match is None


def test_compare_json_shape(client):
    body = client.get("/api/compare/pact-reuters/pact-guardian").get_json()
    assert set(body) == {"a", "b", "a_in_b", "b_in_a", "a_verbatim_in_b", "b_verbatim_in_a", "passages", "quotes",
                         "html_url"}
    assert body["a"]["id"] == "pact-reuters" and body["html_url"] == "/compare/pact-reuters/pact-guardian"
    assert 0 < body["a_in_b"] <= 1 and 0 < body["b_in_a"] <= 1
