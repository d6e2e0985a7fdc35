"""When trafilatura keeps a fragment of an article, the text cleaner's reading of the page wins.

trafilatura's failure is layout-specific and hard to reproduce in a small page, so the tests
that need it stand it in by replacing its pass with a fragment of what it would find.
"""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html

from index.ingest import html as html_mod
from index.ingest.html import extract_html
from index.ingest.html_lines import block_lines

SECTIONS = {
    "Why the bridge was delayed": [
        "Engineers found cracks in two of the eight pylons during a routine inspection in February, "
        "and the contractor stopped pouring concrete until the cause was known.",
        "The city hired an independent laboratory, which traced the cracks to a batch of cement that "
        "had been stored in a flooded warehouse over the winter.",
        "Replacing the pylons added eleven weeks to the schedule, according to the transport "
        "department's report to the council on Tuesday.",
    ],
    "What it will cost": [
        "The original budget of 84 million pounds now stands at just under 97 million, most of the "
        "increase coming from the replacement work and from higher steel prices.",
        "Councillor Maria Okafor, who chairs the finance committee, said the contractor's insurance "
        "would cover roughly a third of the overrun.",
        "\"Nobody on this council is happy about the number, but the alternative was a bridge we could "
        "not trust,\" she told the meeting.",
    ],
    "How traffic will change": [
        "Once the bridge opens, buses on the harbour route will no longer need to cross the old town, "
        "which should cut the journey to the ferry terminal by about twelve minutes.",
        "Lorries above 18 tonnes will be barred from the old swing bridge, a restriction residents "
        "of Water Street have demanded for nearly a decade.",
        "The transport department expects the number of cars crossing the old town each morning to "
        "fall by a quarter within the first year.",
    ],
    "What residents said": [
        "At a packed public session, shop owners on the quay worried that diverting traffic would "
        "also divert the passing trade they depend on in the summer months.",
        "Others welcomed the quieter streets; a retired teacher described lying awake at four in "
        "the morning as delivery vans rattled over the cobbles below her window.",
        "A petition asking for a pedestrian-only Sunday on the old bridge has gathered more than "
        "three thousand signatures since it was launched in March.",
    ],
    "What happens next": [
        "The council will vote on the revised budget at its June meeting, and work on the approach "
        "roads is due to restart the week after the vote.",
        "If the schedule holds, the first cars will cross the new bridge in the spring of next "
        "year, two years later than the date promised when construction began.",
    ],
}
HEADLINE = "Harbour bridge opening slips to next spring as repair bill grows"


def article_page(extra: str = "") -> str:
    body = "".join(
        f"<section><h2>{head}</h2>{''.join(f'<p>{p}</p>' for p in paras)}</section>"
        for head, paras in SECTIONS.items()
    )
    nav = "".join(f"<li><a href='/{x.lower()}'>{x}</a></li>" for x in ("Home", "News", "Sport", "Weather"))
    return (
        f"<html><head><title>{HEADLINE} | Harbour Times</title></head><body>"
        f"<header><ul>{nav}</ul></header><main><article><h1>{HEADLINE}</h1>{body}</article>{extra}</main>"
        "<footer><p>© 2024 Harbour Times. All rights reserved.</p><p>Privacy policy</p></footer>"
        "</body></html>"
    )


ALL_PARAGRAPHS = [p for paras in SECTIONS.values() for p in paras]


def first_section_only(tree, url, *, favor_recall):
    """trafilatura's failure: both passes stop at the first of several sibling containers."""
    head, paras = next(iter(SECTIONS.items()))
    return [head, *paras]


def test_lost_sections_are_recovered(monkeypatch):
    monkeypatch.setattr(html_mod, "_pass", first_section_only)
    body = "\n".join(extract_html(article_page()).paragraphs)
    for paragraph in ALL_PARAGRAPHS:
        assert paragraph in body
    assert "All rights reserved" not in body and "Weather" not in body


def test_a_complete_extraction_is_kept():
    got = extract_html(article_page()).paragraphs
    assert all(p in got for p in ALL_PARAGRAPHS)


def test_a_different_block_is_not_replaced(monkeypatch):
    """The cleaner's body must hold what trafilatura found: when trafilatura took a widget the
    cleaner leaves out, nothing says the two describe the same text, so trafilatura stands."""
    widget = ["Weekend tide tables for the estuary, with high and low water times for every pier.",
              "High water on Saturday is at 6.42 in the morning at the north pier, and at 7.10 on Sunday."]
    links = "".join(f"<li><a href='#'>{x}</a></li>" for x in
                    ("Tides", "Ferries", "Marina", "Fishing", "Events", "Jobs", "Contact us", "Advertise"))
    page = article_page().replace(
        "<footer>",
        f"<footer><ul>{links}</ul><div class='widget'><h3>Tides</h3>"
        + "".join(f"<p>{line}</p>" for line in widget) + f"</div><ul>{links}</ul>",
    )
    monkeypatch.setattr(html_mod, "_pass", lambda tree, url, *, favor_recall: widget)
    assert extract_html(page).paragraphs == widget


REVIEWS = [
    ("We moved to the harbour district two years ago and the walk along the quay has become the best "
     "part of my day, even in the rain when the ferries are late.", "Anna R."),
    ("The old swing bridge is charming, but anyone who has waited behind a delivery lorry at eight in "
     "the morning knows why the town needed something better.", "Tom B."),
    ("I run a small cafe on Water Street and most of my regulars arrive on foot, so I am glad the new "
     "crossing keeps the heavy traffic away from the cobbles.", "Priya K."),
    ("Our children cycle to school across the harbour now that the temporary path is open, and the "
     "crossing guards have been wonderful with them every single day.", "Dev M."),
]


def test_repeated_lines_do_not_make_the_body_longer(monkeypatch):
    """A carousel of readers' reviews, printed again and again, is prose the line model keeps; its
    repeats must not count as the "far longer" body that replaces a short, complete article."""
    head, paras = next(iter(SECTIONS.items()))
    short = [head, *paras]
    carousel = "".join(f"<blockquote><p>{text}</p><p>{name}</p></blockquote>" for text, name in REVIEWS * 3)
    page = (
        f"<html><body><main><h1>{HEADLINE}</h1><section><h2>{head}</h2>"
        f"{''.join(f'<p>{p}</p>' for p in paras)}</section><h2>What readers say</h2>"
        f"<div class='reviews'>{carousel}</div><div class='reviews'>{carousel}</div></main></body></html>"
    )
    monkeypatch.setattr(html_mod, "_pass", lambda tree, url, *, favor_recall: short)
    assert extract_html(page).paragraphs == short


# --- the page as a text scrape sees it -----------------------------------------------


def test_block_lines_one_line_per_block():
    tree = html_mod._parse(
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<p>First <b>bold</b> and <a href='#'>linked</a> words.</p><script>var x = 1;</script>"
        "<ul><li>One</li><li>Two</li></ul>Loose tail text<div>Last<br>line</div></body></html>"
    )
    assert block_lines(tree) == ["First bold and linked words.", "One", "Two", "Loose tail text", "Last", "line"]


@pytest.mark.parametrize("marks", ["id='comments'", "class='comments-area'", "id='disqus_thread'",
                                   "class='entry-comments clearfix'", "class='comment-list'"])
def test_block_lines_leave_out_comment_threads(marks):
    tree = html_mod._parse(f"<html><body><p>The article.</p><div {marks}><p>Great post!</p></div></body></html>")
    assert block_lines(tree) == ["The article."]


def test_block_lines_keep_code_comments_and_comment_counts():
    tree = html_mod._parse(
        "<html><body><pre><span class='hljs-comment'># keep this</span></pre>"
        "<p><span class='comments'>12 comments</span></p></body></html>"
    )
    assert block_lines(tree) == ["# keep this", "12 comments"]


def test_block_lines_survive_deep_nesting():
    """Deeper than Python's recursion limit (lxml's HTML parser caps depth, a built tree need not)."""
    tree = lxml_html.fromstring("<html><body></body></html>")
    node = tree.find("body")
    for _ in range(5000):
        node = etree.SubElement(node, "div")
    node.text = "deep text"
    assert block_lines(tree) == ["deep text"]


def test_a_failing_second_opinion_keeps_trafilaturas_body(monkeypatch):
    def broken(text):
        raise RuntimeError("line model file damaged")

    monkeypatch.setattr(html_mod, "_pass", first_section_only)
    monkeypatch.setattr(html_mod, "clean_text", broken)
    head, paras = next(iter(SECTIONS.items()))
    assert extract_html(article_page()).paragraphs == [head, *paras]
