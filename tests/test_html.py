"""extract_html on small inline pages: no benchmark data needed, so these run anywhere."""

from __future__ import annotations

import datetime as dt
import json

import pytest

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


def test_outlet_falls_back_to_host():
    assert extract_html(page(), url="https://www.nytimes.com/2024/05/01/x.html").outlet == "nytimes.com"


def test_date_from_json_ld():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves harbour bridge",
          "datePublished": "2024-03-05T10:00:00Z"}
    html = page(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    assert extract_html(html).date == dt.date(2024, 3, 5)


def test_no_date_invented():
    assert extract_html(page("<title>Council approves harbour bridge</title>")).date is None


def test_boilerplate_lines_removed():
    chrome = "<p>Advertisement</p><p>Share this article</p><p>Read more: Other news today</p>"
    tail = "<p>Sign up for our newsletter</p><p>Related Articles</p>"
    cleaned = extract_html(page(body=chrome + tail))
    text = "\n".join(cleaned.paragraphs)
    for line in ("Advertisement", "Share this article", "Read more", "Sign up for our newsletter", "Related Articles"):
        assert line not in text
    assert any("harbour bridge" in p for p in cleaned.paragraphs)


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
