"""Stories across the corpus (issue 9): the Stories tab, the story filter, the article's story,
their JSON twins, and copies (verbatim or reworded) folded behind their earliest version."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import parse_qsl, urlsplit

import lxml.html
import pytest

from app import create_app
from app.views import span
from index.build import build_index
from index.model import SearchRequest
from index.search import search
from index.store import IndexHandle

SEEDS = ["000_3295c4a0b66093ee", "001_b35e447825ba055f", "002_4f8e73a1f5888bf8", "003_076406ba0c431812",
         "004_4321d5233f3bb509"]
FRAGMENT = {"HX-Request": "true", "HX-Target": "results", "HX-Current-URL": "http://localhost/"}


def parse(resp) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(resp.get_data(as_text=True))


@pytest.fixture(scope="module")
def seeds_client(seeds_app):
    return seeds_app.test_client()


# --- core ---------------------------------------------------------------------------------

def test_the_five_seeds_are_one_story_with_its_first_outlet(seeds_index):
    h = IndexHandle(seeds_index)
    page = search(h.searcher(), SearchRequest(view="stories"), h.cache())
    (story,) = page.stories
    assert page.stories_total == 1 and page.hits == []  # the Stories tab does not rank articles
    assert (story.articles, story.matching, story.outlets) == (5, 5, 4)
    assert (story.first_outlet, story.first_id, story.first_date) == ("Brighton Journal", SEEDS[1],
                                                                      dt.date(2024, 7, 13))


def test_story_filter_keeps_the_story_and_counts_facets_inside_it(index_dir):
    h = IndexHandle(index_dir)
    page = search(h.searcher(), SearchRequest(story="pact-guardian"), h.cache())  # any member names it
    assert sorted(x.id for x in page.hits) == ["pact-guardian", "pact-reuters"] and page.total == 2
    assert page.story.first_id == "pact-reuters" and page.story.articles == 2
    assert {v.value: v.count for v in page.facets["outlet"].values} == {"Reuters": 1, "The Guardian": 1}


def test_warm_up_describes_stories_as_a_search_would(index_dir):
    from index import stories

    warm = IndexHandle(index_dir, warm=False)
    cache = warm.cache()
    stories.warm(warm.searcher(), cache, stop=lambda: False)
    assert cache["story_heads"]  # every story of two or more, before any search
    cold = IndexHandle(index_dir, warm=False)
    for view in ("stories", "results"):
        req = SearchRequest(view=view)
        assert search(warm.searcher(), req, cache).stories == search(cold.searcher(), req, cold.cache()).stories
    stopped = IndexHandle(index_dir, warm=False)
    stories.warm(stopped.searcher(), stopped.cache(), stop=lambda: True)  # a newer generation opened
    assert not stopped.cache()["story_heads"]


# --- the Stories tab ------------------------------------------------------------------------

def test_seed_story_is_listed_with_four_outlets_and_who_was_first(seeds_client):
    doc = parse(seeds_client.get("/?view=stories"))
    (item,) = doc.xpath('//ol[@class="story-list"]/li')
    text = " ".join(item.text_content().split())
    assert "First: Brighton Journal, 13 Jul 2024" in text and "4 outlets" in text and "5 articles" in text
    assert item.xpath(".//h2/a/@href") == [f"/articles/{SEEDS[1]}"]
    assert doc.xpath('//nav[@class="tabs"]/a[@aria-current="page"]')[0].text.startswith("Stories")
    body = seeds_client.get("/api/search?view=stories").get_json()
    assert body["stories_total"] == 1 and body["stories"][0]["outlets"] == 4
    assert body["stories"][0]["first_outlet"] == "Brighton Journal" and body["stories"][0]["id"] == SEEDS[1]


def test_a_query_matching_two_stories_lists_both(client):
    body = client.get("/api/search?q=pyongyang&view=stories").get_json()
    assert body["view"] == "stories" and body["results"] == []
    assert {s["id"] for s in body["stories"]} == {"pact-reuters", "arrival-bbc"} and body["stories_total"] == 2
    pact = next(s for s in body["stories"] if s["id"] == "pact-reuters")
    assert (pact["first_outlet"], pact["first_date"], pact["last_date"]) == ("Reuters", "2024-06-19", "2024-06-20")
    assert sorted(pact["ids"]) == ["pact-guardian", "pact-reuters"] and pact["matching"] == pact["articles"] == 2
    # the article list names the same count on its tab and previews the stories beside the hits
    arts = client.get("/api/search?q=pyongyang").get_json()
    assert arts["stories_total"] == 2 and arts["results"] and arts["view_urls"]["stories"].endswith("view=stories")
    doc = parse(client.get("/?q=pyongyang"))
    assert doc.xpath('//section[@class="story-preview"]//li') and "Stories 2" in " ".join(
        doc.xpath('//nav[@class="tabs"]')[0].text_content().split())


def test_clicking_a_story_filters_to_its_articles_and_the_chip_removes_it(client):
    doc = parse(client.get("/?q=pyongyang&view=stories"))
    link = next(a for a in doc.xpath('//ol[@class="story-list"]//p[@class="story-counts"]/a')
                if "story=arrival-bbc" in a.get("href"))
    assert dict(parse_qsl(urlsplit(link.get("href")).query)) == {"q": "pyongyang", "story": "arrival-bbc"}
    assert link.get("hx-get") == link.get("href")  # htmx swaps #results; the URL reflects the state
    shown = client.get("/api/search?" + urlsplit(link.get("href")).query).get_json()
    assert sorted(r["id"] for r in shown["results"]) == ["arrival-bbc", "arrival-copy"]
    assert shown["filters"]["story"] == "arrival-bbc" and shown["story"]["headline"].startswith("Putin arrives")
    page = parse(client.get(link.get("href")))
    (chip,) = page.xpath('//ul[@class="chips"]//a[contains(@class, "chip-story")]')
    assert chip.get("aria-label") == "Remove filter: Story: Putin arrives in Pyongyang for rare visit"
    assert chip.get("href") == "/?q=pyongyang"
    assert page.xpath('//input[@type="hidden"][@name="story"][@value="arrival-bbc"][@form="search-form"]')
    frag = client.get(link.get("href"), headers=FRAGMENT)
    assert b"<html" not in frag.data and frag.headers["HX-Push-Url"] == "/?q=pyongyang&story=arrival-bbc"


def test_a_stale_story_link_says_so_and_a_bad_view_is_a_400(client):
    body = client.get("/api/search?q=putin&story=no-such-article").get_json()  # e.g. from before a reindex
    assert body["total"] == 0 and body["story"] is None and "no-such-article" in body["ignored"][0]
    doc = parse(client.get("/?q=putin&story=no-such-article"))
    (chip,) = doc.xpath('//a[contains(@class, "chip-story")]')
    assert chip.get("href") == "/?q=putin" and "reindexed" in doc.xpath('string(//p[@class="note"])')
    r = client.get("/api/search?view=timeline")
    assert r.status_code == 400 and r.get_json()["error"]["field"] == "view"
    r = client.get("/api/search?story=" + "x" * 501)
    assert r.status_code == 400 and r.get_json()["error"]["field"] == "story"


def test_lone_articles_make_no_story(client):
    body = client.get("/api/search?q=riverside&view=stories").get_json()
    assert body["total"] == 1 and body["stories"] == [] and body["stories_total"] == 0
    assert "stands alone" in client.get("/?q=riverside&view=stories").get_data(as_text=True)


# --- the article's story ------------------------------------------------------------------

def test_article_page_and_json_show_the_story(client):
    doc = parse(client.get("/articles/pact-guardian"))
    (box,) = doc.xpath('//section[@class="story-box"]')
    text = " ".join(box.text_content().split())
    assert "Putin and Kim sign mutual defence pact" in text and "2 articles · 2 outlets · 19–20 Jun 2024" in text
    assert "First: Reuters, 19 Jun 2024" in text
    assert "/?sort=oldest&story=pact-reuters" in box.xpath(".//a/@href")
    assert doc.xpath('//aside[@id="similar"]')  # beside the existing similar-coverage panel
    body = client.get("/api/articles/pact-guardian").get_json()
    assert body["story"]["id"] == "pact-reuters" and sorted(body["story"]["ids"]) == ["pact-guardian", "pact-reuters"]
    assert client.get("/api/articles/park").get_json()["story"] is None
    assert not parse(client.get("/articles/park")).xpath('//section[@class="story-box"]')


# --- copies folded ----------------------------------------------------------------------------

def test_collapse_folds_a_rewrite_behind_its_original(client):
    plain = client.get("/api/search?q=defence+pact").get_json()
    folded = client.get(plain["collapse_url"]).get_json()
    assert ("pact-reuters", ["pact-guardian"]) in [(r["id"], r["copies"]) for r in folded["results"]]
    assert folded["total"] == plain["total"] - folded["folded"] and folded["folded"] >= 1
    html = client.get("/?q=defence+pact&collapse=1").get_data(as_text=True)
    doc = lxml.html.fromstring(html)
    (copies,) = doc.xpath('//li[@class="hit"][.//a[starts-with(@href, "/articles/pact-reuters")]]//details')
    assert "+1 copy" in copies.text_content() and "The Guardian · 20 Jun 2024" in copies.text_content()
    assert copies.xpath(".//a/@href")[0].startswith("/articles/pact-guardian?q=defence+pact")
    (detail,) = next(r for r in folded["results"] if r["id"] == "pact-reuters")["copy_details"]
    assert (detail["outlet"], detail["date"]) == ("The Guardian", "2024-06-20")
    assert detail["compare_url"] == "/api/compare/pact-reuters/pact-guardian"
    assert copies.get("open") is None  # folded by default; the reader opens the toggle


def test_folded_pages_add_up(client):
    folded = client.get("/api/search?q=putin&collapse=1&per_page=2").get_json()
    seen: list[str] = []
    url = "/api/search?q=putin&collapse=1&per_page=2"
    while url:
        body = client.get(url).get_json()
        seen += [r["id"] for r in body["results"]] + [c for r in body["results"] for c in r["copies"]]
        url = body["next_url"]
    plain = client.get("/api/search?q=putin&per_page=100").get_json()
    assert sorted(seen) == sorted(r["id"] for r in plain["results"])  # every match once, none twice
    assert folded["pages"] == -(-folded["total"] // 2)


# --- escaping -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-story")
    body = ("Rebels seized the northern border crossing at dawn on Monday, officials said, after fighting "
            "that lasted through the night.\n\nThe army said it would retake the crossing within days.")
    records = [
        {"id": "h1", "outlet": "<i>Evil</i> Wire", "date": "2024-05-06",
         "title": "<script>alert('story')</script> Rebels seize border crossing", "body": body},
        {"id": "h2", "outlet": "Other Post", "date": "2024-05-07",
         "title": "Rebels seize border crossing <img src=x onerror=alert(1)>", "body": body + " More soon."},
    ]
    (root / "src").mkdir()
    (root / "src" / "r.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    build_index(root / "src", root / "ix", workers=1)
    return create_app({"TESTING": True, "INDEX_DIR": str(root / "ix")}).test_client()


def test_hostile_titles_are_escaped_in_the_stories_panel(hostile_client):
    for url in ("/?view=stories", "/?q=rebels", "/?story=h2", "/articles/h2"):
        html = hostile_client.get(url).get_data(as_text=True)
        assert "Rebels seize border crossing" in html, url
        assert "<script>alert" not in html and "<img src=x" not in html and "<i>Evil" not in html, url
    assert "&lt;script&gt;alert(&#39;story&#39;)&lt;/script&gt;" in hostile_client.get("/?view=stories").get_data(
        as_text=True)


def test_date_span_reads_short():
    assert span(dt.date(2024, 6, 18), dt.date(2024, 6, 21)) == "18–21 Jun 2024"
    assert span(dt.date(2024, 6, 28), dt.date(2024, 7, 2)) == "28 Jun – 2 Jul 2024"
    assert span(dt.date(2023, 12, 30), dt.date(2024, 1, 2)) == "30 Dec 2023 – 2 Jan 2024"
    assert span("2024-06-18", None) == "18 Jun 2024"


def test_copies_are_confirmed_and_close_in_time(tmp_path):
    """A reprint the next day is a copy; the same text again months later (a template) is not, nor one story."""
    dredging = ("The committee met on Tuesday to weigh the harbour dredging plan, which would deepen the channel "
                "for container ships.\n\nOpponents said the work would stir up decades of industrial silt.\n\n"
                "A vote is expected next month after a public consultation closes.")
    ferry = ("The island ferry timetable changes for the winter season, with fewer sailings on weekday "
             "evenings.\n\nPassengers are asked to check departure times before travelling to the pier.\n\n"
             "Season tickets bought before the change remain valid until they expire.")
    records = [{"id": "orig", "outlet": "Coast Times", "date": "2024-03-05", "title": "Harbour dredging weighed",
                "body": dredging},
               {"id": "reprint", "outlet": "Wire Digest", "date": "2024-03-06", "title": "Harbour dredging weighed",
                "body": dredging + "\n\nSubscribe for more."},
               {"id": "ferry-spring", "outlet": "Coast Times", "date": "2024-01-10", "title": "Ferry timetable",
                "body": ferry},
               {"id": "ferry-autumn", "outlet": "Coast Times", "date": "2024-09-20", "title": "Ferry timetable",
                "body": ferry}]
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "r.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    build_index(tmp_path / "src", tmp_path / "ix", workers=1)
    h = IndexHandle(tmp_path / "ix")
    page = search(h.searcher(), SearchRequest(q="dredging OR ferry", collapse=True), h.cache())
    assert sorted((x.id, tuple(x.copies)) for x in page.hits) == [
        ("ferry-autumn", ()), ("ferry-spring", ()), ("orig", ("reprint",))]
    assert page.total == 3 and page.folded == 1
    stories_ = search(h.searcher(), SearchRequest(view="stories"), h.cache()).stories
    assert [sorted(st.ids) for st in stories_] == [["orig", "reprint"]]
