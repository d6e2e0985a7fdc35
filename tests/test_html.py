"""extract_html on small inline pages: no benchmark data needed, so these run anywhere."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from index.ingest.clean import drop_chrome
from index.ingest.html import extract_html

BODY = " ".join(
    f"Sentence {i} of the report explains what the council decided about the new harbour "
    f"bridge and why residents of the old town were worried about traffic and noise."
    for i in range(6)
)


def page(head: str = "", body: str = "", h1: str = "Council approves harbour bridge") -> str:
    paragraphs = "".join(f"<p>{BODY} Part {k}.</p>" for k in range(4))
    return (
        f"<html><head>{head}</head><body><header><nav><a href='/'>Home</a>"
        f"<a href='/news'>News</a></nav></header><main><article><h1>{h1}</h1>"
        f"{body}{paragraphs}</article></main><footer>Contact us</footer></body></html>"
    )


def body_without(body: str, *phrases: str) -> list[str]:
    """The paragraphs extracted from a page with `body` in its article, none holding a phrase."""
    paragraphs = extract_html(page(body=body)).paragraphs
    text = "\n".join(paragraphs)
    assert [p for p in phrases if p in text] == []
    return paragraphs


def test_title_suffix_stripped_and_h1_preferred():
    html = page("<title>Council approves harbour bridge | The Harbour Times</title>")
    assert extract_html(html).title == "Council approves harbour bridge"


@pytest.mark.parametrize("sep", [" | ", " - ", " — "])
def test_title_suffix_stripped_without_h1(sep):
    head = f"<title>Council approves harbour bridge{sep}Harbour Times</title>"
    html = page(head, h1="").replace("<h1></h1>", "")
    assert extract_html(html).title == "Council approves harbour bridge"


def test_outlet_from_og_site_name():
    html = page('<meta property="og:site_name" content="The Harbour Times">')
    assert extract_html(html, url="https://www.harbourtimes.example/a/1").outlet == "The Harbour Times"


def test_outlet_of_a_publication_on_a_platform_is_the_publication():
    head = ('<meta property="og:site_name" content="Medium">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council approves harbour bridge",'
            ' "publisher": {"@type": "Organization", "name": "Open Rails Review"}}</script>')
    assert extract_html(page(head), url="https://medium.example/open-rails/bridge").outlet == "Open Rails Review"
    # (a site's own og:site_name still wins over its publisher's company)
    head = head.replace('content="Medium"', 'content="The Harbour Times"')
    assert extract_html(page(head), url="https://harbourtimes.example/bridge").outlet == "The Harbour Times"


def test_outlet_falls_back_to_host():
    assert extract_html(page(), url="https://www.nytimes.com/2024/05/01/x.html").outlet == "nytimes.com"


@pytest.mark.parametrize(("head", "url", "outlet"), [
    # the <title>'s suffix spelling the host is the site's name as it writes it
    ("<title>Council approves harbour bridge | Meridian Wire</title>", "https://meridianwire.example/a/1",
     "Meridian Wire"),
    # a publication on a platform is named by its own label (its logo's words), not the platform's
    ("<title>Council approves harbour bridge</title></head><body><a class='logo'>Quillpost</a>"
     "<a class='logo'>Rust Belt Dispatch</a>", "https://rustbeltdispatch.quillpost.example/p/bridge",
     "Rust Belt Dispatch"),
    # a personal site's owner is a person, never the outlet
    ("<title>Council approves harbour bridge - Ben Nadel</title>", "https://www.bennadel.example/blog/1",
     "bennadel.example"),
])
def test_outlet_spelling_the_host_without_a_site_name(head, url, outlet):
    assert extract_html(page(head), url=url).outlet == outlet


def test_date_from_json_ld():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves harbour bridge",
          "datePublished": "2024-03-05T10:00:00Z"}
    html = page(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    assert extract_html(html).date == dt.date(2024, 3, 5)


def test_no_date_invented():
    assert extract_html(page("<title>Council approves harbour bridge</title>")).date is None


# --- publication date: one case per rule in index/ingest/dates.py --------------------


def ld(**fields: object) -> str:
    obj = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves harbour bridge"}
    return f'<script type="application/ld+json">{json.dumps({**obj, **fields})}</script>'


def test_date_json_ld_published_beats_modified_and_updated_byline():
    html = page(ld(datePublished="2021-03-05T09:00:00Z", dateModified="2024-01-10T12:00:00Z"),
                body="<p class='byline'>By Ann Lee. Updated January 10, 2024</p>")
    assert extract_html(html).date == dt.date(2021, 3, 5)


def test_date_meta_published_beats_time_elements_of_other_articles():
    head = '<meta property="article:published_time" content="2022-06-14T08:00:00+00:00">'
    related = "".join(f"<li><a href='/x{k}'>Other story</a> <time datetime='2023-0{k}-01'>x</time></li>"
                      for k in range(1, 5))
    html = page(head).replace("<footer>", f"<aside><ul>{related}</ul></aside><footer>")
    assert extract_html(html).date == dt.date(2022, 6, 14)


def test_date_itemprop_dates_of_a_related_list_are_ignored():
    cards = "".join(f"<div><span itemprop='datePublished' content='2023-0{k}-01'></span>Other story</div>"
                    for k in range(1, 5))
    html = page(body="<p class='byline'>By Ann Lee, May 5, 2024</p>")
    html = html.replace("<footer>", f"<aside>{cards}</aside><footer>")
    assert extract_html(html).date == dt.date(2024, 5, 5)
    assert extract_html(html.replace("<span itemprop", "<meta itemprop")).date == dt.date(2024, 5, 5)


def test_date_from_time_element_marked_published():
    body = "<div class='meta'><time class='entry-date published' datetime='2020-11-02T10:00:00'>2 Nov</time></div>"
    assert extract_html(page(body=body)).date == dt.date(2020, 11, 2)


def test_date_modified_only_is_not_a_publication_date():
    head = ('<meta property="article:modified_time" content="2024-02-01T10:00:00Z">'
            '<meta property="og:updated_time" content="2024-02-01T10:00:00Z">' + ld(dateModified="2024-02-01"))
    assert extract_html(page(head)).date is None


def test_date_webpage_schema_alone_is_not_a_publication_date():
    # SEO plugins stamp every page (services, contact pages) with a WebPage date
    webpage = {"@context": "https://schema.org", "@type": "WebPage", "datePublished": "2019-05-02T10:00:00Z"}
    html = page(f'<script type="application/ld+json">{json.dumps(webpage)}</script>')
    assert extract_html(html).date is None


def test_date_copyright_year_and_footer_dates_are_not_evidence():
    html = page().replace("Contact us", "Contact us. © 2023 Harbour Times. Today is March 3, 2024.")
    assert extract_html(html).date is None


def test_date_from_url_path():
    assert extract_html(page(), url="https://news.example/2023/04/17/bridge").date == dt.date(2023, 4, 17)
    assert extract_html(page(), url="https://news.example/2023/apr/17/bridge").date == dt.date(2023, 4, 17)


def test_date_url_day_beats_markup_a_time_zone_away():
    head = '<meta property="article:published_time" content="2023-04-18T01:30:00Z">'
    assert extract_html(page(head), url="https://news.example/2023/04/17/bridge").date == dt.date(2023, 4, 17)


@pytest.mark.parametrize("line", ["Published 3 March 2021", "By Ann Lee | March 3, 2021", "Posted on 3rd March, 2021"])
def test_date_from_byline_under_headline(line):
    assert extract_html(page(body=f"<p class='byline'>{line}</p>")).date == dt.date(2021, 3, 3)


def test_date_published_preferred_over_updated_in_byline():
    body = "<p class='byline'>Updated: June 9, 2024. Published: March 3, 2021</p>"
    assert extract_html(page(body=body)).date == dt.date(2021, 3, 3)


def test_date_updated_byline_is_used_when_it_is_the_only_date():
    assert extract_html(page(body="<p>Last updated June 9, 2024</p>")).date == dt.date(2024, 6, 9)


def test_date_a_list_of_dates_under_the_headline_is_not_a_byline():
    # an index page or an events listing: each entry carries its own date
    entries = "".join(f"<p><a href='/p{k}'>Post {k}</a> March {k + 3}, 2019</p>" for k in range(1, 4))
    assert extract_html(page(body=entries)).date is None
    assert extract_html(page(body="<p class='byline'>By Ann Lee, March 31, 2019</p>")).date == dt.date(2019, 3, 31)


def test_date_earlier_byline_beats_later_markup():
    # a page moved to a new CMS keeps its printed date; the markup says when it moved
    html = page(ld(datePublished="2024-06-01T00:00:00Z"), body="<p class='byline'>March 3, 2019</p>")
    assert extract_html(html).date == dt.date(2019, 3, 3)


@pytest.mark.parametrize("value", ["2150-01-01T00:00:00Z", "1970-01-01T00:00:00Z"])
def test_date_far_future_or_epoch_rejected(value):
    html = page(f'<meta property="article:published_time" content="{value}">')
    assert extract_html(html).date is None


@pytest.mark.parametrize(("lang", "expected"), [("en-GB", dt.date(2022, 4, 3)), ("en-US", dt.date(2022, 3, 4))])
def test_date_numeric_order_follows_page_language(lang, expected):
    html = page(body="<p class='byline'>Published 03/04/2022</p>").replace("<html>", f'<html lang="{lang}">')
    assert extract_html(html).date == expected


# --- outlet ---------------------------------------------------------------------------


def test_outlet_drops_site_name_tagline():
    html = page('<meta property="og:site_name" content="Harbour Times | Local news you can trust">')
    assert extract_html(html, url="https://harbourtimes.example/a/1").outlet == "Harbour Times"


@pytest.mark.parametrize(("site_name", "outlet"), [
    ("Harbour Review: Reviews for the Real World", "Harbour Review"),
    ("the Harbour Times", "The Harbour Times"),
    ("Health", "harbourtimes.example"),  # a section in og:site_name is not the outlet
])
def test_outlet_without_colon_tagline_or_section(site_name, outlet):
    html = page(f'<meta property="og:site_name" content="{site_name}">')
    assert extract_html(html, url="https://www.harbourtimes.example/a/1").outlet == outlet


def test_outlet_never_the_author():
    head = '<meta name="author" content="Ann Lee">' + ld(author={"@type": "Person", "name": "Ann Lee"})
    assert extract_html(page(head), url="https://www.harbourtimes.example/a/1").outlet == "harbourtimes.example"


def test_boilerplate_lines_removed():
    chrome = ("<p>Advertisement</p><p>Share this article</p><p>Read more: Other news today</p><p>Copy linkShare</p>"
              "<p>2:10 p.m.Joe Nakamura</p><h3>ABOUT THE AUTHOR</h3><p>(ATTN: UPDATES with reaction in para 9)</p>"
              "<p>Video Unavailable</p><p>Tap to play</p><p>The video will start in 8</p><p>Story Saved</p>"
              "<p>Article content</p><p>This advertisement has not loaded yet, but your article continues below.</p>"
              "<p>Buy Photo</p><p>Next Slide</p><p>This is a modal window.</p><p>Reuse this content</p>")
    tail = "<p>Sign up for our newsletter</p><p>Related Articles</p>"
    paragraphs = body_without(chrome + tail, "Advertisement", "Share this article", "Read more",
                              "Sign up for our newsletter", "Related Articles", "Copy linkShare", "Joe Nakamura",
                              "ABOUT THE AUTHOR", "ATTN", "Video Unavailable", "Tap to play", "will start in",
                              "Story Saved", "Article content", "has not loaded yet", "Buy Photo", "Next Slide",
                              "modal window", "Reuse this content")
    assert any("harbour bridge" in p for p in paragraphs)


def test_appeals_and_a_labelled_list_inside_the_article_removed():
    """An outlet's appeal and a "Most read" list trafilatura keeps inside the article go; a
    paragraph that only mentions a newsletter stays."""
    chrome = ("<p>Stories like this are made possible by listeners like you. Harbour Public Radio is a nonprofit "
              "newsroom. Give today to keep local journalism free.</p>"
              "<h3>Most read in news</h3><ul><li>Couple's dog swallows engagement ring hours after proposal</li>"
              "<li>Metal detectorist finds medieval ring in a field</li></ul>")
    mention = "<p>The council's newsletter announced the vote a week before the meeting, the clerk said.</p>"
    paragraphs = body_without(mention + chrome, "listeners like you", "Most read", "swallows engagement ring",
                              "Metal detectorist")
    assert any("newsletter announced the vote" in p for p in paragraphs)


def test_a_page_laid_out_in_a_table_gives_its_story_not_the_rows():
    """An old CMS puts menu, story and comments in the cells of one layout table; the story's
    paragraphs come out whole, not as table rows beside the menu, and the notice names the paper."""
    menu = "".join(f"<tr><td><a href='/{w}'>{w}</a></td></tr>" for w in ("Home", "News", "Sports", "Obituaries"))
    story = "".join(f"<p>{BODY} Part {k}.</p>" for k in range(4))
    html = (f"<html><head><title>Council approves harbour bridge</title></head><body><table><tr><td>"
            f"<table>{menu}</table></td><td><h1>Council approves harbour bridge</h1>{story}</td></tr>"
            "<tr><td colspan='2'>Copyright 2025 The Harbour Ledger. All rights reserved.</td></tr></table>"
            "</body></html>")
    cleaned = extract_html(html, url="https://harbourledger.example/news/bridge")
    assert not any(p.startswith("|") for p in cleaned.paragraphs)
    assert f"{BODY} Part 0." in cleaned.paragraphs
    assert cleaned.outlet == "The Harbour Ledger"


def test_chrome_filter_over_trafilaturas_lines():
    """trafilatura may find no body at all; the filter over its lines must not fail on none (it did,
    and the page's title, outlet and date were lost with it). A copyright notice ends the article."""
    assert drop_chrome([]) == []
    assert drop_chrome(["Most read in news", "- Couple's dog swallows ring"]) == []
    story = [f"{BODY} Part {k}." for k in range(3)]
    teasers = ["In a Sado Island brewery, a fifth generation bets on export sake",
               "The brewery now ships a third of its output to Singapore."]
    assert drop_chrome([*story, "Copyright The Harbour Ledger. All rights reserved.", *teasers]) == story
    assert drop_chrome([*story, "Join The Harbour Ledger WhatsApp Channel for breaking news. Click here to follow."]) \
        == story
    appeals = ["The Harbour Letter is reader-funded. Consider becoming a paid member for $6 a month.",
               "Follow Harbour News on Facebook, X and Instagram. Send your story ideas to news@harbour.example."]
    assert drop_chrome([*story, *appeals]) == story
    # (a sentence of the story using a prompt's words in passing stays)
    kept = "Until staffing improves, beaches keep a shorter swim day. You can check each beach's status before you go."
    assert drop_chrome([*story, kept]) == [*story, kept]


def test_dateline():
    lead = "<p>SEOUL, South Korea — The government said on Monday that the bridge plan would go ahead.</p>"
    cleaned = extract_html(page(body=lead))
    assert cleaned.paragraphs[0].startswith("SEOUL, South Korea")
    assert cleaned.dateline == "SEOUL, South Korea"


def test_no_dateline_in_ordinary_lead():
    assert extract_html(page()).dateline is None


@pytest.mark.parametrize(
    "html",
    ["", "   ", "<<<>>>", "<html></html>", "\x00\x01\x02", "<p>" * 5000, "<html><body>Hi</body>", None, b"<p>x</p>"],
)
def test_garbage_does_not_raise(html):
    cleaned = extract_html(html)  # type: ignore[arg-type]
    assert isinstance(cleaned.paragraphs, list)


def test_script_never_reaches_paragraphs():
    body = "<p>Before.</p><script>alert('x')</script><p><img src=x onerror=alert(1)>Council members voted.</p>"
    cleaned = extract_html(page(body=body))
    text = "\n".join(cleaned.paragraphs)
    assert "<script" not in text and "alert(" not in text and "onerror" not in text
    assert "<" not in text
    assert cleaned.paragraphs  # the real text is still there


def test_date_labelled_published_on_a_table_layout_without_a_headline_element():
    rows = "".join(f"<tr><td><font face='Arial'>{BODY} Part {k}.</font></td></tr>" for k in range(4))
    html = ("<html><head><title>Villages left stranded as bus service axed</title></head><body><table>"
            "<tr><td><font size='5'><b>Villages left stranded as bus service axed</b></font></td></tr>"
            "<tr><td><font size='1'>Published: Thursday, 5 March 2026 &nbsp;|&nbsp; By Ewan Drummond</font></td></tr>"
            f"{rows}<tr><td>Copyright 2026. Printed 12 March 2026.</td></tr></table></body></html>")
    assert extract_html(html).date == dt.date(2026, 3, 5)


def test_drop_chrome_takes_off_a_labelled_list_of_teasers_closing_the_body():
    story = [f"{BODY} Part {k}." for k in range(4)]
    teasers = ["More Cooperatives News", "Nebraska co-op posts record patronage payout",
               "Members will share $31 million in cash and equity for fiscal 2025.",
               "Oklahoma panhandle elevator to close after 70 years",
               "Declining volumes and a failed inspection led the board to shut the site.",
               "Young directors program graduates 18 producers",
               "The program trains farmers under 40 to serve on co-op boards."]
    assert drop_chrome(story + teasers) == story
    offer = ["Get High Plains Grain & Grower in print",
             "52 weekly issues plus the annual Wheat Outlook and Co-op Directory. Subscribe for $39 a year."]
    assert drop_chrome(story + offer) == story


def test_an_article_after_a_premature_close_of_the_page_is_read():
    # a plugin printed "</body></html>" early: browsers render what follows, and so must the extractor
    paragraphs = "".join(f"<p>{BODY} Part {k}.</p>" for k in range(4))
    html = ("<html><head><title>Council approves harbour bridge</title></head><body><header><nav>"
            "<a href='/'>Home</a><a href='/blog'>Blog</a></nav></header></body></html>"
            f"<div class='post'><h1>Council approves harbour bridge</h1>{paragraphs}</div>")
    out = extract_html(html)
    assert out.title == "Council approves harbour bridge"
    assert sum(len(p.split()) for p in out.paragraphs) >= 4 * len(BODY.split())
