"""A hostile article built into a book through the command line, then read in a browser.

The article (tests/fixtures/hostile/) is an ordinary news story whose text holds script
tags, event handlers, `javascript:` links, raw HTML, Markdown, MyST and Jinja syntax and
very long tokens. In the book all of it shows as text, in tables, tooltips and prose;
none of it runs or becomes an element; and no page grows wider than the screen.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

import pytest
from browser_support import (
    CHART_STATES,
    LAPTOP,
    PAGE_TIMEOUT_MS,
    load,
    page_id,
    screenshot,
    served,
    toc_pages,
    watch,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout

PAGES = toc_pages(part=0)  # a book of one article is Part I
TOOLTIP = "#vg-tooltip-element.visible"

# In the article each anchor is followed by markup. Wherever an anchor shows in the book,
# the markup must follow it as text: whole, or cut short by an ellipsis, the end of a
# table cell or a closing quotation mark (a quotation ends at the article's next
# quotation mark). Each must show whole at least once (tooltips carry long text).
FOLLOWS = {
    "Site Defaced With ": "<script> Tags",
    "The attackers left the line ": '<script>alert("pwned-script")</script>',
    "The footer held an image tag, ": '<img src=x onerror=alert("pwned-img")>',
    "We found a link reading ": "<a href=\"javascript:alert('pwned-link')\">click here</a>",
    "We will not let a few lines of ": "<b>bold</b> code or **Markdown** stop the shield",
    "Preserving the ABM Treaty is what ": "{{ secret_key }} and {% if admin %} tricks",
    "MyST syntax such as ": "{eval}`ARTICLE` and a directive, ```{raw} html <script>",
    "an unclosed comment, ": "<!-- followed by <script",
}
# Short pieces of the article and its sidecar that must show, as they are, somewhere.
LITERALS = ["\\frac{1}{0}$$", "Newswire <i>test</i> fixture"]
CUT = re.compile('\\.\\.\\.|…|[\t\n"”’]')

# Elements the article's text would have become had it been read as HTML or Markdown.
INJECTED = """() => {
  const found = [];
  const all = (selector) => [...document.querySelectorAll(selector)];
  const note = (what, nodes) => { if (nodes.length) found.push(`${what} (${nodes.length})`); };
  const article = '.bd-article';
  note('element with a pwned id', all('[id^="pwned"]'));
  note('img src=x', all('img').filter(img => img.getAttribute('src') === 'x'));
  note('javascript: link', all('a[href]').filter(
    a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')));
  note('script from the article', [...document.scripts].filter(
    s => s.src.includes('evil.example') || s.textContent.trim().startsWith('alert(')));
  note('emphasis from the article', all(`${article} b, ${article} strong, ${article} i`)
    .filter(e => ['bold', 'Markdown', 'test'].includes(e.textContent.trim())));
  note('heading from the article', all(`${article} :is(h1, h2, h3, h4, h5, h6)`)
    .filter(h => h.textContent.includes('Owned')));
  note('typeset math', all('mjx-container, .MathJax, .math, .katex'));
  return found;
}"""

# Data marks with their accessible label (vega writes the tooltip's fields there).
LABELLED_MARKS = """chart => [...chart.querySelectorAll('svg g.role-mark > [aria-label]')]
  .map(mark => [mark.getAttribute('aria-label'), mark.getBoundingClientRect()])
  .filter(([label, box]) => box.width > 0 && box.height > 0)
  .map(([label, box]) => [label, box.x + box.width / 2, box.y + box.height / 2])"""

TOOLTIP_ELEMENTS = """() => [...document.querySelectorAll('#vg-tooltip-element *')]
  .map(e => e.tagName.toLowerCase())
  .filter(tag => !['table', 'tbody', 'thead', 'tr', 'td', 'th', 'h2'].includes(tag))"""


@dataclass
class Visit:
    """What one page of the hostile book showed and did."""

    drawn: bool = False
    chart_states: list[str] = field(default_factory=list)
    problems: dict[str, list[str]] = field(default_factory=dict)
    injected: list[str] = field(default_factory=list)
    width: int = 0
    text: str = ""
    tooltips: list[str] = field(default_factory=list)
    tooltip_elements: list[str] = field(default_factory=list)


def read_tooltips(page, visit: Visit) -> None:
    """Hover, for each anchor, one mark whose data holds it with its markup; keep the
    tooltips' text."""
    wanted = {anchor + markup for anchor, markup in FOLLOWS.items()}
    for index in range(page.locator(".newsbook-chart").count()):
        chart = page.locator(".newsbook-chart").nth(index)
        chart.scroll_into_view_if_needed()
        for label, x, y in chart.evaluate(LABELLED_MARKS):
            holds = {text for text in wanted if text in label}
            if not holds:
                continue
            page.mouse.move(x, y)
            try:
                page.wait_for_selector(TOOLTIP, timeout=1_000)
            except PlaywrightTimeout:
                continue
            visit.tooltips.append(page.locator(TOOLTIP).inner_text())
            visit.tooltip_elements += page.evaluate(TOOLTIP_ELEMENTS)
            wanted -= holds
            page.mouse.move(0, 0)
            page.wait_for_selector(TOOLTIP, state="detached", timeout=2_000)


def visit_page(browser, url: str, shot: tuple[str, str], *, tooltips: bool, article: str) -> Visit:
    """One page, visited in a fresh browser profile: what it drew and showed, its
    screenshot, its tooltips (with `tooltips`), and what it did that it must not;
    `article` is the selector of the text where the article's markup would land."""
    context = browser.new_context(viewport=LAPTOP)
    seen = watch(context)
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    visit = Visit()
    try:
        visit.drawn = load(page, url)
        visit.chart_states = page.evaluate(CHART_STATES)
        visit.width = page.evaluate(
            "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        )
        visit.text = page.locator("main").inner_text()
        screenshot(page, *shot)
        if tooltips:
            read_tooltips(page, visit)
        visit.injected = page.evaluate(INJECTED.replace(".bd-article", article))  # after hovering
    finally:
        visit.problems = seen.problems()
        context.close()
    return visit


@pytest.fixture(scope="module")
def visits(browser, server, hostile_book) -> dict[str, Visit]:
    """Every page of the hostile book, visited once in a fresh browser profile."""
    return {
        path: visit_page(
            browser,
            served(server, hostile_book, path),
            ("hostile", page_id(path)),
            tooltips=True,
            article=".bd-article",
        )
        for path in PAGES
    }


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_no_script_of_the_article_runs(visits, path):
    visit = visits[path]
    assert not visit.problems, visit.problems
    assert not visit.injected, visit.injected


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_charts_draw_and_the_layout_holds(visits, path):
    visit = visits[path]
    assert visit.drawn, visit.chart_states
    assert visit.width <= LAPTOP["width"], f"{path} is {visit.width}px wide"


def test_markup_shows_as_text_in_tables_tooltips_and_prose(visits):
    shown = [v.text for v in visits.values()] + [t for v in visits.values() for t in v.tooltips]
    for anchor, markup in FOLLOWS.items():
        whole = 0
        for text in shown:
            for match in re.finditer(re.escape(anchor), text):
                after = text[match.end() : match.end() + len(markup)]
                kept = os.path.commonprefix([after, markup])
                assert kept and (kept == markup or CUT.match(after, len(kept))), (
                    f"after {anchor!r} the book shows {after!r}, not {markup!r}"
                )
                whole += kept == markup
        assert whole, f"{anchor + markup!r} is shown whole nowhere in the book"
    for literal in LITERALS:
        assert any(literal in text for text in shown), f"{literal!r} is shown nowhere"


def test_tooltips_show_markup_as_text(visits):
    tooltips = [t for v in visits.values() for t in v.tooltips]
    assert any("<script>" in t for t in tooltips), tooltips
    elements = sorted({e for v in visits.values() for e in v.tooltip_elements})
    assert not elements, f"tooltips hold elements: {elements}"


def test_the_checks_catch_an_article_read_as_html(browser):
    """The same checks on a page that does read the payloads as HTML: they must fail."""
    context = browser.new_context(viewport=LAPTOP)
    try:
        seen = watch(context)
        page = context.new_page()
        payloads = "".join(markup for markup in FOLLOWS.values() if markup.startswith("<"))
        page.set_content(f'<main class="bd-article"><p>{payloads}</p></main>')
        page.wait_for_function("document.readyState === 'complete'")
        assert seen.dialogs, "an alert() in the page went unseen"
        assert len(page.evaluate(INJECTED)) >= 3, page.evaluate(INJECTED)
    finally:
        context.close()


CORPUS_PAGES = toc_pages(part=1)  # a corpus book is Part II


@pytest.fixture(scope="module")
def corpus_visits(browser, server, hostile_corpus_book) -> dict[str, Visit]:
    """Every page of the hostile corpus book, and the hostile article's own page."""
    article = next((hostile_corpus_book / "corpus" / "articles").glob("*.html"))
    return {
        path: visit_page(
            browser,
            served(server, hostile_corpus_book, path),
            ("hostile-corpus", page_id(path)),
            tooltips=False,
            article="main",
        )
        for path in [*CORPUS_PAGES, article.relative_to(hostile_corpus_book).as_posix()]
    }


def test_no_script_of_the_article_runs_in_the_corpus_book(corpus_visits):
    for path, visit in corpus_visits.items():
        assert not visit.problems, (path, visit.problems)
        assert not visit.injected, (path, visit.injected)
        assert visit.drawn, (path, visit.chart_states)
        assert visit.width <= LAPTOP["width"], f"{path} is {visit.width}px wide"


def test_the_article_page_shows_the_markup_as_text(corpus_visits):
    article = corpus_visits[next(p for p in corpus_visits if "/articles/" in p)]
    for anchor, markup in FOLLOWS.items():
        assert anchor + markup in article.text, anchor
    assert "javascript:alert('pwned-url')" in article.text  # the sidecar's url, as text
