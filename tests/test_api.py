"""The JSON contract other tools rely on, checked on the seeds and the fixture corpus."""

from __future__ import annotations

import csv
import io

import pytest

SEED_IDS = {"000_3295c4a0b66093ee", "001_b35e447825ba055f", "002_4f8e73a1f5888bf8", "003_076406ba0c431812",
            "004_4321d5233f3bb509"}


@pytest.fixture(scope="module")
def seeds_client(seeds_app):
    return seeds_app.test_client()


def test_putin_finds_all_five_seeds_with_contract_fields(seeds_client):
    body = seeds_client.get("/api/search?q=Putin").get_json()
    assert body["query"] == "Putin" and body["total"] == 5 and body["page"] == 1
    assert {r["id"] for r in body["results"]} == SEED_IDS
    for r in body["results"]:
        assert set(r) >= {"id", "title", "outlet", "date", "url", "snippet", "score"}
        assert "<mark>Putin</mark>" in r["snippet"] or "<mark>Putin</mark>" in r["title_html"]
    outlets = {f["value"]: f["count"] for f in body["facets"]["outlet"]}
    assert outlets == {"": 2, "Brighton Journal": 1, "Dlight News": 1, "The Manila Times": 1}


@pytest.mark.parametrize("aid,title,outlet,date", [
    ("000_3295c4a0b66093ee", "Kim Jong Un welcomes Putin to North Korea and pledges 'full support' for Ukraine war",
     None, None),
    ("001_b35e447825ba055f", "Kim Jong Un and Putin meet in North Korea and sign a strategic partnership",
     "Brighton Journal", "2024-07-13"),
    ("002_4f8e73a1f5888bf8", "Russia's Putin 'desperate' for ammunition reaches North Korea", None, None),
    ("003_076406ba0c431812", "Vladimir Putin receives lavish welcome in North Korea as Kim Jong Un vows closer ties",
     "Dlight News", "2024-07-20"),
    ("004_4321d5233f3bb509", "Kim vows ‘full support’ for Russia on Ukraine", "The Manila Times", None),
])
def test_seed_article_metadata(seeds_client, aid, title, outlet, date):
    a = seeds_client.get(f"/api/articles/{aid}").get_json()
    assert set(a) >= {"id", "title", "outlet", "date", "dateline", "url", "body", "source"}
    assert (a["id"], a["title"], a["outlet"], a["date"]) == (aid, title, outlet, date)
    assert a["source"] == f"{aid}.txt"


CHROME = ["Switch to the dark mode", "Source link", "What do you think?", "Written by ADMIN", "Leave a Reply",
          "GIPHY", "Forgot password", "Log In", "Hey Friend! Before You Go", "Rich UK family spent more",
          "Signal Foundation warns", "Your email address will not be published"]


def test_seed_bodies_have_no_chrome(seeds_client):
    for aid in SEED_IDS:
        body = seeds_client.get(f"/api/articles/{aid}").get_json()["body"]
        for line in CHROME:
            assert line.lower() not in body.lower(), (aid, line)


def test_seed_bodies_keep_reporting(seeds_client):
    body = seeds_client.get("/api/articles/000_3295c4a0b66093ee").get_json()["body"]
    assert body.startswith("SEOUL, South Korea — The streets of North Korea's capital")
    assert body.rstrip().endswith("allow him to normalize his atrocities.”")
    body2 = seeds_client.get("/api/articles/002_4f8e73a1f5888bf8").get_json()["body"]
    assert "Lyric Lee in Seoul contributed to this report." in body2 or body2.rstrip().endswith("Suffering")
    assert "“The world looks vastly different now" in body2


def test_bad_parameters_are_400_with_error_shape(client):
    for qs, field in [("page=0", "page"), ("sort=sideways", "sort"), ("from=yesterday", "from"),
                      ("per_page=5000", "per_page"), ("page=abc", "page"),
                      ("facet_size=0", "facet_size"), ("facet_size=all", "facet_size"),
                      ("from=2024-02-01&to=2024-01-01", "from")]:
        r = client.get(f"/api/search?q=putin&{qs}")
        assert r.status_code == 400, qs
        err = r.get_json()["error"]
        assert err["code"] == "bad_param" and err["field"] == field and err["message"]


def test_outlet_facet_links_to_its_whole_list_in_json_and_html(client):
    short = client.get("/api/search?q=putin&facet_size=2").get_json()
    meta = short["facets_meta"]["outlet"]
    assert len(short["facets"]["outlet"]) == 2 and meta["truncated"] and meta["available"] > 2
    assert "facet_size=2" in short["facets"]["outlet"][0]["toggle_url"]  # toggling keeps the list's size
    whole = client.get(meta["more_url"]).get_json()
    assert len(whole["facets"]["outlet"]) == meta["available"] and whole["facets_meta"]["outlet"]["more_url"] is None
    html = client.get("/?q=putin&facet_size=2").get_data(as_text=True)
    assert f'All {meta["available"]} outlets' in html and "facet_size=max" in html
    assert 'name="facet_size" value="2"' in html  # a new query in the form keeps the size asked for
    assert "facet_size" not in client.get("/api/search?q=putin").get_json()["html_url"]  # default left out


def test_unknown_article_is_404_json_and_html(client):
    assert client.get("/api/articles/nope").get_json()["error"]["code"] == "not_found"
    r = client.get("/articles/nope")
    assert r.status_code == 404 and b"Not found" in r.data and b"Traceback" not in r.data


def test_missing_index_is_a_clear_503(tmp_path):
    from app import create_app

    c = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "none")}).test_client()
    r = c.get("/api/search?q=x")
    assert r.status_code == 503 and "flask reindex" in r.get_json()["error"]["message"]
    assert c.get("/?q=x").status_code == 503


def test_csv_export_streams_all_rows(client):
    r = client.get("/api/search.csv?q=putin&per_page=1")
    rows = list(csv.DictReader(io.StringIO(r.data.decode())))
    total = client.get("/api/search?q=putin").get_json()["total"]
    assert len(rows) == total > 1
    assert {"id", "title", "outlet", "date"} <= set(rows[0])
    assert client.get("/api/search?q=putin&format=csv").data == r.data


def test_html_pages_link_their_json_twin(client):
    r = client.get("/?q=putin")
    assert '</api/search?q=putin>; rel="alternate"' in r.headers["Link"]
    r = client.get("/articles/eu-gas")
    assert "</api/articles/eu-gas>" in r.headers["Link"]
