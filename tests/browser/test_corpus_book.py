"""Part II of the default book in a real browser: every corpus chapter loads clean and
draws its charts, every link to the rows behind a number resolves (an anchor of the
page, or an article's page and the row's id in it), following a statement's link marks
its evidence in the article's text, and a chart's mark opens the rows it rests on."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browser_support import (
    DEFAULT_HTML,
    LAPTOP,
    PHONE,
    open_page,
    page_id,
    screenshot,
    served,
    toc_pages,
    watch,
)

PAGES = toc_pages(part=1)
# The hrefs in a page's links and in its charts' data (vega-lite `href` channels).
LINK_HREFS = "() => [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href'))"
CHART_HREF = re.compile(r'"href": ?"((?:[^"\\]|\\.)*)"')
TARGETS = "() => [...document.querySelectorAll('.target')].map(e => e.textContent).join('')"


def url(server: str, page: str) -> str:
    return served(server, DEFAULT_HTML, page)


def ids_of(page: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))


def chart_hrefs(page: Path) -> set[str]:
    found = set()
    for raw in CHART_HREF.findall(html.unescape(page.read_text(encoding="utf-8"))):
        found.add(json.loads(f'"{raw}"'))
    return found


def broken_links(page: Path, hrefs: set[str]) -> list[str]:
    """Links of `page` (relative hrefs) whose file or fragment is not in the book."""
    broken = []
    for href in sorted(hrefs):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            broken.append(f"{href} (leaves the book)")
            continue
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        if not target.is_file():
            broken.append(f"{href} (no file)")
        elif parts.fragment and unquote(parts.fragment) not in ids_of(target):
            broken.append(f"{href} (no element with that id)")
    return broken


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_corpus_chapter_draws_its_charts_and_fits(page, seen, server, default_book, path):
    count = open_page(page, url(server, path), default_book / path)
    assert count >= 1, f"{path} has no chart"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= LAPTOP["width"], f"{path} is {width}px wide"
    screenshot(page, "corpus", page_id(path))
    seen.assert_clean()


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_every_link_to_evidence_resolves(page, server, default_book, path):
    page.goto(url(server, path))
    hrefs = set(page.evaluate(LINK_HREFS)) | chart_hrefs(default_book / path)
    evidence = {h for h in hrefs if "corpus/" in h or h.startswith("#")}
    assert evidence, f"{path} links to no rows"
    assert not broken_links(default_book / path, evidence)


@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("chapters/corpus/13-speakers.html", "main a[href*='#quote-']"),
        ("chapters/corpus/14-positions.html", "main a[href*='#position-']"),
        ("chapters/corpus/11-corpus.html", "main td a[href*='corpus/articles/']"),
    ],
)
def test_a_row_link_opens_its_article_with_the_evidence_marked(
    page, seen, server, default_book, path, selector
):
    page.goto(url(server, path))
    link = page.locator(selector).first
    shown = " ".join(link.inner_text().split())
    link.click()
    page.wait_for_url(re.compile(r"/corpus/articles/"))
    if "#" in page.url:  # a row: its text (or the start of it, cut with "…") is marked
        marked = " ".join(page.evaluate(TARGETS).split())
        assert marked == shown or (shown.endswith("…") and marked.startswith(shown[:-1])), (
            marked,
            shown,
        )
        assert page.locator(".target").first.is_visible()
    else:  # an article: its headline
        assert page.locator("h1").inner_text().strip() == shown
    screenshot(page, "corpus", "article-" + page_id(path))
    seen.assert_clean()


def test_a_matrix_cell_opens_its_statements(page, seen, server, default_book):
    page.goto(url(server, "chapters/corpus/14-positions.html"))
    open_page(page, page.url, default_book / "chapters/corpus/14-positions.html")
    chart = page.locator(".newsbook-chart").first
    chart.scroll_into_view_if_needed()
    box = chart.locator("svg g.role-mark path").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"#cell-"))
    fragment = unquote(urlsplit(page.url).fragment)
    row = page.locator(f"[id='{fragment}']")
    assert row.count() == 1 and row.is_visible()
    seen.assert_clean()


def test_the_network_normalisation_can_be_chosen(page, seen, server, default_book):
    page.goto(url(server, "chapters/corpus/14-positions.html"))
    open_page(page, page.url, default_book / "chapters/corpus/14-positions.html")
    menu = page.locator("select[name='normalisation']")
    assert menu.count() == 1
    widths = {}
    for choice in ("raw", "jaccard", "cosine"):
        menu.select_option(choice)
        page.wait_for_timeout(200)
        widths[choice] = page.evaluate(
            "() => [...document.querySelectorAll('.newsbook-chart')].map(c => "
            "[...c.querySelectorAll('svg g.role-mark line, svg g.role-mark path')]"
            ".map(m => m.getAttribute('stroke-width')).join()).join('|')"
        )
    assert len(set(widths.values())) >= 2, "the menu changes no edge"
    seen.assert_clean()


def test_an_article_page_fits_a_phone(browser, server, default_book):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        seen = watch(context)
        page = context.new_page()
        article = sorted((default_book / "corpus" / "articles").glob("*.html"))[0]
        page.goto(url(server, article.relative_to(default_book).as_posix()))
        assert page.locator(".text").inner_text().strip()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{article.name} is {width}px wide on a phone"
        screenshot(page, "corpus", "article-phone")
        seen.assert_clean()
    finally:
        context.close()
