"""Untrusted text stays text, every response carries strict headers, no input causes a 500."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SYNTAX = list('"()[]{}:~*?^+-!\\/<>= ') + ["AND", "OR", "NOT", "TO", "date:", "title:", "outlet:", "\x00", "\u202e"]


def test_security_headers_on_pages_and_api(client):
    for url in ("/", "/?q=putin", "/api/search?q=x", "/articles/eu-gas", "/nope"):
        r = client.get(url)
        csp = r.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["X-Frame-Options"] == "DENY"
        assert r.headers["Referrer-Policy"]


class ActiveContent(HTMLParser):
    """Collects everything in parsed HTML that could run: inline scripts, handlers, js: URLs."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not attrs.get("src"):
            self.found.append("inline <script>")
        if tag in ("img", "svg", "math", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}=javascript:")


def active_content(html: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(html)
    return parser.found


def test_pages_have_no_active_content(client):
    for url in ("/?q=pyongyang", "/?q=crowds", "/articles/hostile", "/articles/hostile?q=crowds",
                "/articles/hostile/similar"):
        assert active_content(client.get(url).data.decode()) == [], url


def test_hostile_article_is_shown_as_text(client):
    html = client.get("/articles/hostile?q=pyongyang").data.decode()
    assert "&lt;script&gt;alert(" in html          # the reader still sees what the page said
    body = client.get("/api/articles/hostile").get_json()
    assert body["title"].startswith("<script>")    # JSON carries the text as it is; escaping is the page's job


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(q=st.one_of(st.text(max_size=300), st.lists(st.sampled_from(SYNTAX + ["putin", "pact", "2024"]),
                                                   max_size=20).map("".join)))
def test_any_query_is_answered_without_server_error(client, q):
    for url in ("/api/search", "/"):
        r = client.get(url, query_string={"q": q})
        assert r.status_code in (200, 400), (q, r.status_code)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(params=st.dictionaries(st.sampled_from(["page", "per_page", "sort", "from", "to", "outlet", "date_interval",
                                               "format"]), st.text(max_size=40), max_size=5))
def test_any_parameters_are_200_or_400(client, params):
    r = client.get("/api/search", query_string=params)
    assert r.status_code in (200, 400), (params, r.status_code)
    if r.status_code == 400:
        assert set(r.get_json()["error"]) >= {"code", "message"}


def test_huge_query_is_a_clear_400(client):
    r = client.get("/api/search", query_string={"q": "putin " * 1000})
    assert r.status_code == 400 and r.get_json()["error"]["field"] == "q"


HOSTILE_HTML = """<html><head><title>Hostile page &lt;script&gt;alert(1)&lt;/script&gt; | Evil Site</title>
<meta property="og:site_name" content="Evil&lt;img src=x onerror=alert(2)&gt;"></head>
<body><article><h1>Hostile page <script>alert(3)</script></h1>
<p>Reporters in Pyongyang met officials on Tuesday to discuss the summit, officials said in a statement.</p>
<p><img src=x onerror="alert(4)"> The talks in Pyongyang lasted two hours, according to state media reports.</p>
<p><svg onload="alert(5)"><a href="javascript:alert(6)">click</a></svg> More talks in Pyongyang are planned.</p>
<p><math><mtext><table><mglyph><style><img src=x onerror=alert(7)></style></mglyph></table></mtext></math></p>
</article></body></html>"""

HOSTILE_TXT = """Evil Gazette

Hostile text <script>alert(8)</script> from Pyongyang

PYONGYANG — Officials in Pyongyang said on Tuesday that <b onmouseover=alert(9)>talks</b> would continue next week.

The statement, read on state television, gave no further details about the talks in Pyongyang.

\u202eThis line is reversed by a control character\u202c and has a bell \x07 in it, officials in Pyongyang said.
"""


def test_hostile_corpus_in_every_format_renders_inert(tmp_path):
    import json

    from app import create_app
    from index.build import build_index

    src = tmp_path / "src"
    src.mkdir()
    (src / "page.html").write_text(HOSTILE_HTML)
    (src / "scrape.txt").write_text(HOSTILE_TXT)
    records = [
        {"id": "rec1", "title": "&lt;script&gt;alert(10)&lt;/script&gt; Pyongyang", "outlet": "<i>Evil</i>",
         "body": "Officials in Pyongyang &lt;img src=x onerror=alert(11)&gt; spoke.\n\n<a href='javascript:alert(12)'>x"
                 "</a> Pyongyang " + "long line " * 20000},
        {"id": "rec2\u202e", "title": "Pyongyang \x00\x1b[31m control", "body": "Pyongyang talks continue. " * 50},
    ]
    (src / "r.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    report = build_index(src, tmp_path / "ix", workers=1)
    assert report.indexed == 4, report.skipped
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "ix")}).test_client()
    ids = [h["id"] for h in client.get("/api/search?q=pyongyang&per_page=50").get_json()["results"]]
    assert len(ids) == 4
    pages = ["/?q=pyongyang", "/?q=talks+pyongyang", "/?q=pyongyang&sort=newest"]
    for aid in ids:
        pages += [f"/articles/{aid}?q=pyongyang", f"/articles/{aid}/similar"]
        pages += [f"/compare/{aid}/{other}" for other in ids if other != aid][:1]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        html = r.data.decode()
        assert active_content(html) == [], url
        assert "\u202e" not in html and "\x07" not in html and "\x1b" not in html, url


@settings(max_examples=300, deadline=None, database=None)
@given(text=st.lists(st.sampled_from(["<mark>", "</mark>", "<", ">", "<script>", "alert(1)", "</", "mark", "&", "x",
                                      "<b onclick=x>", "<!--", "-->", " "]), max_size=12).map("".join)
       | st.text(max_size=60))
def test_sanitised_html_holds_no_tag_but_balanced_mark(text):
    """The gate every snippet, title and paragraph passes: whatever comes in, nothing but
    balanced bare <mark> tags comes out (whether or not it takes the fast path)."""
    import re

    from index.snippets import sanitise

    out = sanitise(text)
    bare = re.sub(r"</?mark>", "", out)
    assert "<" not in bare and ">" not in bare, (text, out)
    assert out.count("<mark>") == out.count("</mark>"), (text, out)
