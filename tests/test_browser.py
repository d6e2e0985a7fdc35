"""The UI in a real headless Chromium: live search, facets, history, no-JS, keyboard, hostile text.

Drives Debian's /usr/bin/chromium through Playwright (no browser download). The app is
served over the session fixture index from a background thread on a free loopback port.
Every page is watched for console errors, page errors and dialogs; screenshots go to
test-artifacts/ for a human look.
"""

from __future__ import annotations

import re
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # the browser fixture skips with the reason
    expect = sync_playwright = None

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser():
    if sync_playwright is None:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.skip(f"Chromium not found at {CHROMIUM} (CI installs it: scripts/install-browser.sh)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def base_url(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


class Watch:
    """Console errors, uncaught page errors and dialogs seen by a page: all must stay empty."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self.dialog)

    def dialog(self, d) -> None:
        self.dialogs.append(d.message)
        d.dismiss()


def open_page(browser, base_url, **options):
    ctx = browser.new_context(base_url=base_url, viewport=options.pop("viewport", DESKTOP), **options)
    ctx.set_default_timeout(5000)
    page = ctx.new_page()
    return ctx, page, Watch(page)


@pytest.fixture
def ui(browser, base_url):
    """(page, watch) with JavaScript on; fails the test on any console error or dialog."""
    ctx, page, watch = open_page(browser, base_url)
    yield page, watch
    ctx.close()
    assert watch.errors == [] and watch.dialogs == []


def heading(page) -> str:
    return page.locator("#results-heading").inner_text()


def total(page) -> int:
    text = heading(page)
    return 0 if text.startswith("No ") else int(text.split()[0].replace(",", ""))


def test_typing_searches_in_place(ui):
    page, _ = ui
    page.goto("/")
    page.evaluate("window.__sameDocument = true")
    page.locator("#q").press_sequentially("pyongyang", delay=30)
    page.wait_for_url(re.compile(r"/\?q=pyongyang$"))
    expect(page.locator("#results-heading")).to_contain_text("pyongyang")
    assert page.evaluate("window.__sameDocument") is True  # no full reload
    assert total(page) >= 3
    assert page.locator(".hit-title mark").first.inner_text().lower() == "pyongyang"
    assert page.locator("#live").inner_text() == heading(page)  # announced to screen readers
    assert page.title().startswith("pyongyang ·")


def test_fast_typing_keeps_the_last_query(ui):
    page, _ = ui
    page.goto("/")
    page.locator("#q").press_sequentially("putin", delay=5)
    page.locator("#q").fill("sanctions")
    page.wait_for_url(re.compile(r"q=sanctions$"))
    page.wait_for_timeout(600)  # any stale answer would have landed by now
    assert "sanctions" in heading(page) and page.url.endswith("/?q=sanctions")


def test_outlet_facet_filters_and_chip_restores(ui):
    page, _ = ui
    page.goto("/?q=putin")
    before, histogram = total(page), page.locator(".histogram").inner_text()
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("checkbox", name="Reuters").check()
    page.wait_for_url(re.compile(r"outlet=Reuters"))
    expect(page.locator("#results-heading")).not_to_have_text(re.compile(f"^{before} "))
    assert total(page) == 1 < before
    assert page.locator(".histogram").inner_text() != histogram  # the date counts follow the filter
    assert page.get_by_role("checkbox", name="Reuters").is_checked()
    assert page.evaluate("document.activeElement.value") == "Reuters"  # focus survives the swap
    page.locator(".chip", has_text="Reuters").click()
    page.wait_for_url(re.compile(r"/\?q=putin$"))
    expect(page.locator("#results-heading")).to_have_text(re.compile(f"^{before} "))
    assert not page.get_by_role("checkbox", name="Reuters").is_checked()
    assert page.evaluate("window.__sameDocument") is True


def test_all_outlets_link_lists_the_rest_in_place(ui):
    page, _ = ui
    page.goto("/?q=putin&facet_size=2")
    boxes = page.locator(".facet-outlet input[type=checkbox]")
    assert boxes.count() == 2
    page.evaluate("window.__sameDocument = true")
    link = page.get_by_role("link", name=re.compile(r"^All \d+ outlets"))
    available = int(re.search(r"\d+", link.inner_text()).group())
    link.click()
    page.wait_for_url(re.compile(r"facet_size=max"))
    expect(boxes).to_have_count(available)
    assert page.evaluate("window.__sameDocument") is True  # swapped by htmx, not a page load
    page.get_by_role("checkbox", name="Reuters").check()  # a choice keeps the whole list
    page.wait_for_url(re.compile(r"outlet=Reuters.*facet_size=max|facet_size=max.*outlet=Reuters"))
    expect(boxes).to_have_count(available)


def test_histogram_bar_and_clear_all(ui):
    page, _ = ui
    page.goto("/")
    everything = total(page)
    page.locator(".histogram a", has_text="2024-06").click()
    page.wait_for_url(re.compile(r"from=2024-06-01&to=2024-06-30"))
    expect(page.locator("#results-heading")).not_to_have_text(re.compile(f"^{everything} "))
    assert page.locator('input[name="from"]').input_value() == "2024-06-01"
    assert page.locator(".histogram [aria-current]").count() == 1
    page.get_by_role("link", name="Clear all").click()
    page.wait_for_url(re.compile(r"/$"))
    expect(page.locator("#results-heading")).to_have_text(re.compile(f"^{everything} "))


def test_sort_and_pagination_keep_the_state(ui):
    page, _ = ui
    page.goto("/?q=putin&per_page=2")
    page.locator("#sort").select_option("newest")
    page.wait_for_url(re.compile(r"sort=newest"))
    dates = page.locator(".hit time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True)
    first = page.locator(".hit-title a").first.inner_text()
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert "q=putin" in page.url and "sort=newest" in page.url and "per_page=2" in page.url
    expect(page.locator("#results-heading")).to_contain_text("page 2")
    assert page.locator(".hit-title a").first.inner_text() != first
    assert page.locator("#sort").input_value() == "newest"
    page.get_by_role("link", name="← Previous").click()
    page.wait_for_url(re.compile(r"^[^#]*q=putin&sort=newest&per_page=2$"))


def test_back_and_forward_restore_state(ui):
    page, _ = ui
    page.goto("/?q=putin")
    before = heading(page)
    page.get_by_role("checkbox", name="Reuters").check()
    page.wait_for_url(re.compile(r"outlet=Reuters"))
    expect(page.locator("#results-heading")).to_have_text(re.compile(r"^1 "))
    page.locator("#q").fill("sanctions")
    page.wait_for_url(re.compile(r"q=sanctions"))
    page.go_back()
    page.wait_for_url(re.compile(r"q=putin&outlet=Reuters$"))
    assert page.locator("#q").input_value() == "putin"
    assert heading(page).startswith("1 ") and page.get_by_role("checkbox", name="Reuters").is_checked()
    page.go_back()
    page.wait_for_url(re.compile(r"/\?q=putin$"))
    assert heading(page) == before and not page.get_by_role("checkbox", name="Reuters").is_checked()
    page.go_forward()
    page.wait_for_url(re.compile(r"outlet=Reuters$"))
    assert heading(page).startswith("1 ")
    page.reload()  # a reload (and so a copied link) shows the same results
    assert heading(page).startswith("1 ") and page.locator("#q").input_value() == "putin"


def test_without_javascript(browser, base_url):
    ctx, page, watch = open_page(browser, base_url, java_script_enabled=False)
    try:
        page.goto("/")
        page.locator("#q").fill("putin")
        page.locator("#q").press("Enter")
        page.wait_for_url(re.compile(r"q=putin"))
        assert "for “putin”" in heading(page)
        page.get_by_role("checkbox", name="Reuters").check()
        page.get_by_role("button", name="Apply", exact=True).click()
        page.wait_for_url(re.compile(r"outlet=Reuters"))
        assert total(page) == 1
        page.locator("#sort").select_option("oldest")
        page.get_by_role("button", name="Sort").click()
        page.wait_for_url(re.compile(r"sort=oldest"))
        assert page.get_by_role("checkbox", name="Reuters").is_checked() and page.locator("#q").input_value() == "putin"
        page.locator(".hit-title a").first.click()
        page.get_by_role("link", name="Show articles covering the same story").click()
        assert page.locator(".similar-list li").count() >= 1
    finally:
        ctx.close()
    assert watch.errors == []


def test_article_page_and_similar_panel(ui):
    page, _ = ui
    page.goto("/?q=defence")
    page.locator(".hit-title a", has_text="Putin and Kim").click()
    page.wait_for_url(re.compile(r"/articles/pact-reuters\?q=defence"))
    assert page.locator("h1").inner_text() == "Putin and Kim sign mutual defence pact"
    assert page.locator(".body mark").first.inner_text().lower() == "defence"
    page.locator("#similar .similar-list li").first.wait_for()
    assert page.locator("#similar").get_by_text("Russia and North Korea agree defence pact").count() == 1
    assert "q=defence" in page.get_by_role("link", name=re.compile("Back to results")).get_attribute("href")
    page.locator("#similar .compare-link").first.click()
    page.wait_for_url(re.compile(r"/compare/pact-reuters/pact-guardian"))
    assert page.locator(".passage-reworded").count() >= 1


def test_keyboard_shortcuts(ui):
    page, _ = ui
    page.goto("/?q=putin")
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    links = page.locator(".hit-title a")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == links.nth(0).evaluate("a => a.href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == links.nth(1).evaluate("a => a.href")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.press("ArrowDown")
    target = links.nth(0).get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target.split("?")[0])))


def test_hostile_article_is_inert(ui):
    page, watch = ui
    page.goto("/?q=pyongyang")
    assert page.locator(".hit-title", has_text="<script>alert('title')</script>").count() == 1  # shown as text
    page.locator(".hit-title a", has_text="Breaking news").click()
    page.wait_for_url(re.compile(r"/articles/hostile"))
    page.locator("#similar h2").wait_for()
    page.wait_for_timeout(300)
    for p in (page,):
        srcs = p.locator("script").evaluate_all("els => els.map(e => e.getAttribute('src'))")
        assert srcs == ["/static/htmx.min.js", "/static/lede.js"]
        assert p.locator("img, svg, iframe, [onerror], [onload], a[href^='javascript']").count() == 0
    assert "<img src=x" in page.locator(".body").inner_text()
    assert watch.dialogs == []


def test_bad_date_range_answers_in_place(browser, base_url):
    ctx, page, _ = open_page(browser, base_url)  # the 400 is logged by Chromium as a failed load
    try:
        page.goto("/?q=putin")
        page.locator('input[name="from"]').fill("2024-06-30")
        page.locator('input[name="to"]').fill("2024-06-01")
        page.get_by_role("button", name="Apply dates").click()
        page.locator("#results .error").wait_for()
        assert "after" in page.locator("#results .error").inner_text()
        assert page.locator("header #q").input_value() == "putin"  # the page around it stays
    finally:
        ctx.close()


@pytest.mark.parametrize("name,viewport", [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots(browser, base_url, name, viewport):
    ARTIFACTS.mkdir(exist_ok=True)
    for scheme in ("light", "dark"):
        ctx, page, watch = open_page(browser, base_url, viewport=viewport, color_scheme=scheme)
        try:
            page.goto("/?q=putin")
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]  # no sideways scroll
            page.screenshot(path=ARTIFACTS / f"search-{name}-{scheme}.png", full_page=True)
            page.goto("/?q=putin&outlet=Reuters&outlet=BBC&from=2024-06-01&to=2024-06-30&sort=newest")
            page.screenshot(path=ARTIFACTS / f"search-filtered-{name}-{scheme}.png")
            page.goto("/?q=zzqqxx+putn")
            page.screenshot(path=ARTIFACTS / f"search-empty-{name}-{scheme}.png")
            page.goto("/articles/pact-reuters?q=putin")
            page.locator("#similar .similar-list li").first.wait_for()
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
            page.screenshot(path=ARTIFACTS / f"article-{name}-{scheme}.png", full_page=True)
            page.goto("/compare/pact-reuters/pact-guardian")
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
            page.screenshot(path=ARTIFACTS / f"compare-{name}-{scheme}.png", full_page=True)
        finally:
            ctx.close()
        assert watch.errors == [] and watch.dialogs == []


def test_stories_tab_lists_stories_and_filters_to_one(ui):
    page, _ = ui
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto("/?q=pyongyang")
    page.evaluate("window.__sameDocument = true")
    assert page.locator(".story-preview li").count() == 2  # the top stories beside the articles
    page.screenshot(path=ARTIFACTS / "stories-preview-desktop-light.png", full_page=True)
    page.locator("nav.tabs a", has_text="Stories").click()  # an htmx swap of #results
    page.locator(".story-list .story").first.wait_for()
    expect(page).to_have_url(re.compile(r"\?q=pyongyang&view=stories$"))
    assert page.locator(".story-list .story").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    page.screenshot(path=ARTIFACTS / "stories-desktop-light.png", full_page=True)
    page.locator(".story", has_text="Putin arrives").locator(".story-counts a").first.click()
    page.locator(".chip-story").wait_for()
    expect(page).to_have_url(re.compile(r"story=arrival-bbc"))
    assert sorted(page.locator(".hit-title a").evaluate_all("els => els.map(e => e.textContent)")) == [
        "Putin arrives in Pyongyang for rare visit"] * 2
    assert page.evaluate("window.__sameDocument") is True  # swapped in place, not reloaded
    page.screenshot(path=ARTIFACTS / "stories-filtered-desktop-light.png", full_page=True)
    page.locator(".chip-story").click()
    expect(page.locator(".chip-story")).to_have_count(0)
    page.goto("/articles/pact-guardian")
    page.locator(".story-box").wait_for()
    page.screenshot(path=ARTIFACTS / "article-story-desktop-light.png", full_page=True)
