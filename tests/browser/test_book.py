"""The default book in a real browser: every page of the table of contents, its charts,
a tooltip, the sidebar, the search page, file:// and the first page at phone width."""

from __future__ import annotations

import re

import pytest
from browser_support import (
    DEFAULT_HTML,
    LAPTOP,
    PAGE_TIMEOUT_MS,
    PHONE,
    load,
    open_page,
    page_id,
    screenshot,
    served,
    toc_pages,
    watch,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout

PAGES = toc_pages()
SIDEBAR_LINKS = "nav.bd-docs-nav a.reference.internal"
TOOLTIP = "#vg-tooltip-element.visible"

# The data marks of a chart (axes and legends are other roles), largest first: a large
# mark is easy to hover at its centre.
MARK_CENTRES = """chart => [...chart.querySelectorAll('svg g.role-mark > *')]
  .map(mark => mark.getBoundingClientRect())
  .filter(box => box.width >= 4 && box.height >= 4)
  .sort((a, b) => b.width * b.height - a.width * a.height)
  .map(box => [box.x + box.width / 2, box.y + box.height / 2])"""


def url(server: str, page: str) -> str:
    return served(server, DEFAULT_HTML, page)


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_loads_clean_and_draws_its_charts(page, seen, server, default_book, path):
    open_page(page, url(server, path), default_book / path)
    assert page.locator("main h1").count() >= 1
    seen.assert_clean()
    screenshot(page, "default", page_id(path))


def test_a_tooltip_shows_on_hover(page, seen, server, default_book):
    for path in PAGES:
        if not load(page, url(server, path)):
            continue  # the page's own test reports charts that are not drawn
        for index in range(page.locator(".newsbook-chart").count()):
            chart = page.locator(".newsbook-chart").nth(index)
            chart.scroll_into_view_if_needed()
            for x, y in chart.evaluate(MARK_CENTRES)[:3]:
                page.mouse.move(x, y)
                try:
                    page.wait_for_selector(TOOLTIP, timeout=1_000)
                except PlaywrightTimeout:  # a mark with no tooltip (a rule, say)
                    continue
                assert page.locator(f"{TOOLTIP} tr").count() >= 1
                assert page.locator(TOOLTIP).inner_text().strip()
                seen.assert_clean()
                return
    pytest.fail("no chart mark in the book shows a tooltip on hover")


def test_sidebar_lists_every_page_and_opens_it(page, seen, server, default_book):
    page.goto(url(server, "index.html"))
    page.wait_for_url(url(server, PAGES[0]))
    links = page.locator(SIDEBAR_LINKS)
    hrefs = [re.sub(r"#.*$", "", h) for h in links.evaluate_all("els => els.map(a => a.href)")]
    assert hrefs == [url(server, p) for p in PAGES]
    for index, path in enumerate(PAGES[1:], start=1):
        title = links.nth(index).inner_text().strip()
        links.nth(index).click()
        page.wait_for_url(url(server, path))
        assert page.locator(f"{SIDEBAR_LINKS}.current").inner_text().strip() == title
        assert page.locator("main h1").first.inner_text().strip().startswith(title[:20])
    seen.assert_clean()


def test_search_finds_a_chapter_by_a_word_of_its_text(page, seen, server, default_book):
    target = PAGES[-1]
    page.goto(url(server, target))
    prose = page.locator("main section > p").first.inner_text()
    word = max(re.findall(r"[A-Za-z]{6,}", prose), key=len)
    page.locator("button.search-button-field:visible").first.click()
    box = page.locator("#pst-search-dialog[open] input[name=q]")
    box.fill(word)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q="))
    page.wait_for_selector("#search-results ul.search li a")
    results = page.locator("#search-results ul.search li a").evaluate_all(
        "els => els.map(a => a.href)"
    )
    assert any(r.split("?")[0].split("#")[0] == url(server, target) for r in results), (
        word,
        results,
    )
    seen.assert_clean()


def test_index_opens_from_file_without_a_server(page, seen, default_book):
    page.goto((default_book / "index.html").as_uri())
    page.wait_for_url((default_book / PAGES[0]).as_uri())
    seen.assert_clean()


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_draws_its_charts_from_file(page, seen, default_book, path):
    open_page(page, (default_book / path).as_uri(), default_book / path)
    seen.assert_clean()


@pytest.mark.parametrize("device", ["laptop", "phone"])
def test_first_page_fits_the_screen(browser, server, default_book, device):
    viewport = LAPTOP if device == "laptop" else PHONE
    phone = device == "phone"
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    try:
        seen = watch(context)
        page = context.new_page()
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        page.goto(url(server, "index.html"))
        page.wait_for_url(url(server, PAGES[0]))
        load(page, page.url)  # whether its charts draw is the page's own test
        screenshot(page, f"first-page-{device}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"the first page is {width}px wide on a {device}"
        seen.assert_clean()
    finally:
        context.close()
