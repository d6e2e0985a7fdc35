"""The HTML pages through the Flask test client: page vs fragment, links that round-trip,
a form that works without JS, escaping of hostile text, and friendly errors."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import lxml.html
import pytest

ROOT = Path(__file__).resolve().parent.parent
FRAGMENT = {"HX-Request": "true", "HX-Target": "results", "HX-Current-URL": "http://localhost/"}


def parse(resp) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(resp.get_data(as_text=True))


def form_args(doc) -> list[tuple[str, str]]:
    """What a browser submits for #search-form, controls joined by form= included."""
    controls = doc.xpath('//form[@id="search-form"]//*[@name] | //*[@form="search-form"][@name]')
    args = []
    for el in controls:
        if el.tag == "button" or el.get("disabled") is not None:
            continue
        if el.tag == "select":
            chosen = el.xpath("option[@selected]") or el.xpath("option")
            args.append((el.get("name"), chosen[0].get("value")))
        elif el.get("type") == "checkbox":
            if el.get("checked") is not None:
                args.append((el.get("name"), el.get("value")))
        else:
            args.append((el.get("name"), el.get("value") or ""))
    return args


def state(client, url: str) -> dict:
    """The JSON twin of a page URL: what the page shows, in comparable form."""
    body = client.get("/api/search?" + (urlsplit(url).query)).get_json()
    body["filters"]["outlet"].sort()  # outlets are OR'ed: their order is not state
    return {k: body[k] for k in ("query", "total", "page", "sort", "filters")} | {
        "ids": [r["id"] for r in body["results"]]}


# --- page or fragment -------------------------------------------------------------------

def test_full_page_has_layout_and_form(client):
    r = client.get("/?q=putin")
    assert r.status_code == 200 and r.mimetype == "text/html"
    doc = parse(r)
    assert doc.xpath("//html/head/title")[0].text.startswith("putin")
    assert doc.xpath('//form[@id="search-form"][@role="search"]')
    assert doc.xpath('//main[@id="main"]//div[@id="results"]//h1[@aria-live or @data-announce]')
    assert doc.xpath('//*[@id="live"][@aria-live="polite"]')
    assert "HX-Request" in r.headers["Vary"] and "HX-Target" in r.headers["Vary"]


def test_fragment_is_only_the_results_block(client):
    r = client.get("/?q=putin&outlet=Reuters", headers=FRAGMENT)
    body = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "<html" not in body and "<head" not in body and 'id="search-form"' not in body
    assert 'id="results"' not in body  # the block is the element's content, swapped innerHTML
    assert 'id="results-heading"' in body and "<mark>Putin</mark>" in body
    assert r.headers["HX-Push-Url"] == "/?q=putin&outlet=Reuters"  # canonical, not the form's raw query
    full = client.get("/?q=putin&outlet=Reuters").get_data(as_text=True)
    assert body.strip() in full  # one template, the same markup
    assert len(r.data) < 16_000


@pytest.mark.parametrize("headers", [
    {"HX-Request": "true", "HX-Target": "results", "HX-Boosted": "true"},
    {"HX-Request": "true", "HX-Target": "results", "HX-History-Restore-Request": "true"},
    {"HX-Request": "true"},
    {"HX-Request": "true", "HX-Target": "main"},
])
def test_boosted_history_and_untargeted_requests_get_the_full_page(client, headers):
    r = client.get("/?q=putin", headers=headers)
    assert "<html" in r.get_data(as_text=True) and "HX-Push-Url" not in r.headers


def test_similar_fragment_and_no_js_page(client):
    r = client.get("/articles/pact-reuters/similar", headers={"HX-Request": "true", "HX-Target": "similar"})
    body = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in body and "Similar coverage" in body
    assert "/articles/pact-guardian" in body
    doc = parse(client.get("/articles/pact-reuters/similar"))
    assert doc.xpath('//a[@href="/articles/pact-reuters"]')  # back to the article without JS
    assert doc.xpath('//aside[@id="similar"]//ol/li')


# --- links and form round-trip ----------------------------------------------------------

def test_facet_links_round_trip(client):
    start = "/?q=putin"
    doc = parse(client.get(start))
    for a in doc.xpath('//*[@id="results"]//a[@hx-get]'):
        assert a.get("href") == a.get("hx-get")  # the same link with and without JS
    bar = doc.xpath('//ol[contains(@class,"histogram")]//a')[0]
    filtered = bar.get("href")
    on = parse(client.get(filtered))
    assert on.xpath('//ol[contains(@class,"histogram")]//a[@aria-current]/@href') == [start]  # click again: off
    chip = on.xpath('//ul[@class="chips"]//a[@class="chip"]/@href')
    assert chip == [start]
    assert on.xpath('//a[@class="clear-all"]/@href') == [start]
    frm = on.xpath('//input[@name="from"]/@value')[0]
    assert filtered.startswith(f"/?q=putin&from={frm}&to=")


def test_outlet_checkbox_matches_its_toggle_url(client):
    start = "/?q=putin"
    doc = parse(client.get(start))
    facet = client.get("/api/search?q=putin").get_json()["facets"]["outlet"]
    reuters = next(v for v in facet if v["value"] == "Reuters")
    box = doc.xpath('//input[@type="checkbox"][@name="outlet"][@value="Reuters"]')[0]
    box.set("checked", "checked")  # what a click does before the form is sent
    submitted = "/?" + urlencode(form_args(doc))
    assert state(client, submitted) == state(client, reuters["toggle_url"])
    chip = parse(client.get(submitted)).xpath('//a[@class="chip"]/@href')
    assert chip == [start]


def test_no_js_form_resubmits_the_same_state(client):
    url = "/?q=putin&outlet=Reuters&outlet=BBC&from=2024-06-01&to=2024-06-30&sort=newest&per_page=5"
    doc = parse(client.get(url))
    form = doc.xpath('//form[@id="search-form"]')[0]
    assert form.get("action") == "/" and form.get("method") == "get"
    assert form.xpath('.//button[@type="submit"]') and form.xpath('.//label[@for="q"]')
    args = form_args(doc)
    assert ("q", "putin") in args and ("sort", "newest") in args and ("per_page", "5") in args
    assert sorted(v for k, v in args if k == "outlet") == ["BBC", "Reuters"]
    assert ("from", "2024-06-01") in args and ("to", "2024-06-30") in args
    assert state(client, "/?" + urlencode(args)) == state(client, url)
    # every filter has a submit button for browsers without JS
    assert doc.xpath('//button[@form="search-form"][contains(., "Apply")]')
    assert doc.xpath('//button[@form="search-form"][contains(., "Sort")]')


def test_pagination_keeps_query_and_filters(client):
    doc = parse(client.get("/?q=putin&sort=oldest&per_page=2"))
    nxt = doc.xpath('//nav[@class="pager"]//a[@rel="next"]/@href')[0]
    assert dict(parse_qsl(urlsplit(nxt).query)) == {"q": "putin", "sort": "oldest", "per_page": "2", "page": "2"}
    prev = parse(client.get(nxt)).xpath('//a[@rel="prev"]/@href')[0]
    assert prev == "/?q=putin&sort=oldest&per_page=2"


def test_json_and_csv_twins_are_linked(client):
    doc = parse(client.get("/?q=putin&outlet=Reuters"))
    assert doc.xpath('//a[text()="JSON"]/@href') == ["/api/search?q=putin&outlet=Reuters"]
    assert doc.xpath('//a[text()="CSV"]/@href') == ["/api/search.csv?q=putin&outlet=Reuters"]


def test_hits_show_headline_meta_and_snippet(client):
    doc = parse(client.get("/?q=defence"))
    hit = doc.xpath('//li[@class="hit"][.//a[@href="/articles/pact-reuters?q=defence"]]')[0]
    meta = hit.xpath('.//p[@class="meta"]')[0].text_content()
    assert "Reuters" in meta and "19 Jun 2024" in meta and "PYONGYANG" in meta and "words" in meta
    assert hit.xpath('.//p[@class="snippet"]/mark')
    assert re.search(r"\d+ ms", doc.xpath('//p[@class="took"]')[0].text_content())


def test_suggestion_ignored_note_and_empty_state(client):
    doc = parse(client.get("/?q=putn"))
    assert doc.xpath('//p[@class="suggestion"]/a[@href="/?q=putin"]')
    doc = parse(client.get("/?q=zzzqqqxx&outlet=Reuters"))
    empty = doc.xpath('//div[@class="empty"]')[0].text_content()
    assert "Nothing matched" in empty and "removing the filters" in empty
    doc = parse(client.get("/?q=foo:bar putin"))
    assert "ignored" in doc.xpath('//p[@class="note"]')[0].text_content()


def test_article_page(client):
    doc = parse(client.get("/articles/pact-reuters?q=defence"))
    assert doc.xpath("//h1")[0].text == "Putin and Kim sign mutual defence pact"
    assert doc.xpath('//div[@class="body"]//mark')
    assert doc.xpath('//p[@class="back"]/a/@href') == ["/?q=defence"]
    panel = doc.xpath('//aside[@id="similar"]')[0]
    assert panel.get("hx-get") == "/articles/pact-reuters/similar" and panel.get("hx-trigger") == "load"
    assert panel.xpath('.//a[@href="/articles/pact-reuters/similar"]')  # the no-JS way in
    assert "records.jsonl" in doc.xpath('//footer[@class="source"]')[0].text_content()
    # the header form is plain there: no #results to swap into
    assert doc.xpath('//form[@id="search-form"]')[0].get("hx-get") is None


# --- safety -----------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/?q=pyongyang", "/?q=evil", "/articles/hostile?q=pyongyang",
                                 "/articles/hostile/similar", "/articles/pact-reuters"])
def test_hostile_text_never_becomes_markup(client, url):
    r = client.get(url)
    doc = parse(r)
    assert [s.get("src") for s in doc.xpath("//script")] == ["/static/htmx.min.js", "/static/lede.js"]
    assert not doc.xpath("//img | //svg | //iframe | //style | //*[@style]")
    for el in doc.iter():
        assert not any(k.lower().startswith("on") for k in el.attrib), el.attrib
        assert not el.get("href", "").strip().lower().startswith("javascript:")
    body = r.get_data(as_text=True)
    assert "<script>alert" not in body and "<b>Outlet</b>" not in body


def test_hostile_fragment_is_escaped(client):
    body = client.get("/?q=pyongyang", headers=FRAGMENT).get_data(as_text=True)
    assert "&lt;script&gt;alert(" in body  # shown as text
    assert "Evil &lt;b&gt;Outlet&lt;/b&gt;" in body
    assert "<script" not in body


def test_only_index_html_is_marked_safe():
    """The one |safe is for HTML the core sanitised (snippets, titles, paragraphs)."""
    for path in (ROOT / "templates").glob("*.html"):
        for expr in re.findall(r"{{([^}]*)\|\s*safe", path.read_text()):
            assert expr.strip() in {"h.title_html", "h.snippet", "p"}, (path.name, expr)
    # and the one filter that writes markup itself (it escapes every value it is given)
    for path in (ROOT / "app").glob("*.py"):
        for name in re.findall(r"def (\w+)\([^)]*\) -> Markup", path.read_text()):
            assert name == "outlet_items", (path.name, name)


# --- errors -----------------------------------------------------------------------------

def test_bad_parameter_is_a_400_in_the_results_block(client):
    r = client.get("/?q=putin&page=abc")
    assert r.status_code == 400
    doc = parse(r)
    assert "page must be a whole number" in doc.xpath('//*[@id="results"]//section[@role="alert"]')[0].text_content()
    assert doc.xpath('//input[@id="q"]/@value') == ["putin"]  # the search box stays to fix it
    r = client.get("/?q=putin&from=2024-06-30&to=2024-06-01", headers=FRAGMENT)
    body = r.get_data(as_text=True)
    assert r.status_code == 400 and "<html" not in body and "is after" in body


def test_not_found_pages(client):
    r = client.get("/articles/nope")
    assert r.status_code == 404 and "Not found" in r.get_data(as_text=True)
    r = client.get("/articles/nope/similar", headers={"HX-Request": "true", "HX-Target": "similar"})
    body = r.get_data(as_text=True)
    assert r.status_code == 404 and "<html" not in body and 'role="alert"' in body
    assert client.get("/no/such/page").status_code == 404


def test_missing_index_is_a_friendly_503(tmp_path):
    from app import create_app

    c = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "none")}).test_client()
    r = c.get("/?q=x")
    body = r.get_data(as_text=True)
    assert r.status_code == 503 and "No index yet" in body and "flask reindex" in body
    assert "Traceback" not in body


def test_server_error_is_friendly(index_dir, monkeypatch):
    from app import create_app, views

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views, "run_search", boom)
    c = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)}).test_client()
    for headers in ({}, FRAGMENT):
        r = c.get("/?q=putin", headers=headers)
        body = r.get_data(as_text=True)
        assert r.status_code == 500 and "Something went wrong" in body
        assert "secret internals" not in body and "Traceback" not in body


def test_article_link_carries_the_search_and_back_link_restores_it(client):
    data = client.get("/api/search?q=pact&outlet=Reuters&sort=newest").get_json()
    link = data["results"][0]["article_url"]
    assert link.startswith("/articles/pact-reuters?") and "outlet=Reuters" in link and "sort=newest" in link
    html = client.get(link).data.decode()
    assert 'href="/?q=pact&amp;outlet=Reuters&amp;sort=newest"' in html
    assert "<mark>pact</mark>" in html


def test_fold_copies_toggle_round_trips(client):
    html = client.get("/?q=airport+greeted").data.decode()
    assert 'href="/?q=airport+greeted&amp;collapse=1"' in html and "Fold copies" in html
    folded = client.get("/?q=airport+greeted&collapse=1").data.decode()
    assert "+1 copy of this text" in folded and "Show every copy" in folded
    assert 'name="collapse" value="1"' in folded          # typing a new query keeps the setting


def test_outlet_rows_escape_names_in_text_and_attribute():
    from app.views import outlet_items

    name = '"><script>alert(1)</script><x y=\'z'
    html = str(outlet_items([{"value": name, "label": name, "count": 3, "selected": True}]))
    doc = lxml.html.fragment_fromstring(html)
    box = doc.xpath(".//input")[0]
    assert box.get("value") == name and box.get("checked") is not None
    assert sorted(box.attrib) == ["checked", "form", "name", "type", "value"]
    assert not doc.xpath(".//script | .//x") and name in doc.text_content()
