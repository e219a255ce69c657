"""What the browser tests share: the book's pages, a watch on what a page does, and
waiting for charts. Fixtures are in conftest.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "_build"
DEFAULT_HTML = BUILD / "html"
HOSTILE_ARTICLE = ROOT / "tests" / "fixtures" / "hostile" / "hostile-article.txt"
HOSTILE_PUBLISHED = "2001-06-12"
HOSTILE_BOOK = BUILD / "books" / "hostile"
HOSTILE_CORPUS_BOOK = BUILD / "books" / "hostile-corpus"
SCREENSHOTS = BUILD / "screenshots"
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
PAGE_TIMEOUT_MS = 15_000
CHART_TIMEOUT_MS = 10_000
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LOCAL_SCHEMES = {"file", "data", "blob", "about"}

# Errors the book's theme logs on every page, whatever the article: an upstream bug, matched
# exactly so that anything else still fails. sphinx-thebe writes its inline config script
# twice. (pydata-sphinx-theme's empty colour mode is fixed by `default_mode` in _config.yml.)
THEME_NOISE = {
    "Identifier 'THEBE_JS_URL' has already been declared",
}

# True once every chart on the page is drawn where a reader sees it: an SVG with marks, or
# a canvas, of non-zero size (a chart sized to a container of no width draws nothing).
CHARTS_DRAWN = """() => [...document.querySelectorAll('.newsbook-chart')].every(chart => {
  const drawing = chart.querySelector('svg, canvas');
  if (!drawing) return false;
  const box = drawing.getBoundingClientRect();
  const marks = drawing.tagName === 'CANVAS' || drawing.querySelector('g.role-mark > *');
  return Boolean(marks) && box.width > 0 && box.height > 0;
})"""

CHART_STATES = """() => [...document.querySelectorAll('.newsbook-chart')].map(chart => {
  const drawing = chart.querySelector('svg, canvas');
  if (!drawing) return chart.textContent.trim().slice(0, 80) || 'nothing drawn';
  const box = drawing.getBoundingClientRect();
  return `${drawing.tagName} ${Math.round(box.width)}x${Math.round(box.height)}`;
})"""


def toc_pages(toc: Path = ROOT / "_toc.yml", *, part: int | None = None) -> list[str]:
    """The book's pages in reading order, as paths of their HTML files; with `part`,
    those of one part only (the book of an article is Part I and the root page, the
    book of a corpus Part II)."""
    data = yaml.safe_load(toc.read_text(encoding="utf-8"))
    if part is not None:
        entries = data["parts"][part]["chapters"]
        pages = [entries[0]["file"]] if part else [data["root"], entries[0]["file"]]
        data = {"chapters": entries[1:]}
    else:
        pages = [data["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            if "file" in entry:
                pages.append(entry["file"])
            for key in ("chapters", "sections", "parts"):
                walk(entry.get(key, []))

    walk([{key: data[key]} for key in ("chapters", "parts") if key in data])
    return [re.sub(r"\.(md|ipynb|rst)$", "", page) + ".html" for page in pages]


def page_id(page: str) -> str:
    return Path(page).stem


def served(server: str, html: Path, page: str) -> str:
    """The URL of a page of the book in `html` (a folder under `_build/`)."""
    return f"{server}{html.relative_to(BUILD).as_posix()}/{page}"


@dataclass
class Watch:
    """What a page did that a clean book page must not do."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        found = {
            "console errors and uncaught exceptions": [
                e for e in self.errors if e not in THEME_NOISE
            ],
            "dialogs": self.dialogs,
            "requests leaving localhost": self.outside,
            "failed requests": self.failed,
        }
        return {kind: items for kind, items in found.items() if items}

    def assert_clean(self) -> None:
        assert not self.problems(), self.problems()

    def clear(self) -> None:
        for items in (self.errors, self.dialogs, self.outside, self.failed):
            items.clear()


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


def watch(context) -> Watch:
    """Record every problem of every page of a browser context; block the network."""
    seen = Watch()

    def route(route) -> None:
        if _is_local(route.request.url):
            route.continue_()
        else:
            seen.outside.append(route.request.url)
            route.abort()

    def on_page(page) -> None:
        page.on("console", lambda m: m.type == "error" and seen.errors.append(m.text.strip()))
        page.on("pageerror", lambda e: seen.errors.append(str(e).strip()))
        page.on("dialog", lambda d: (seen.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
        page.on(
            "requestfailed",
            lambda r: _is_local(r.url) and seen.failed.append(f"{r.url} ({r.failure})"),
        )
        page.on("response", lambda r: r.status >= 400 and seen.failed.append(f"{r.url} {r.status}"))

    context.route("**/*", route)
    context.on("page", on_page)
    return seen


def load(page, url: str) -> bool:
    """Load a page and wait a while for its charts; True when they are all drawn."""
    page.goto(url, wait_until="load")
    try:
        page.wait_for_function(CHARTS_DRAWN, timeout=CHART_TIMEOUT_MS)
    except PlaywrightTimeout:
        return False
    return True


def open_page(page, url: str, source: Path) -> int:
    """Load a page, check that its charts are drawn, and return how many there are. Every
    chart of the HTML file `source` must be in the page (markup in a chart's data once
    made the parser swallow the rest of the page)."""
    assert load(page, url), f"charts not drawn in {url}: {page.evaluate(CHART_STATES)}"
    expected = source.read_text(encoding="utf-8").count('<div class="newsbook-chart">')
    found = page.locator(".newsbook-chart").count()
    assert found == expected, f"{found} of the {expected} charts of {source.name} are in the page"
    return found


def screenshot(page, *parts: str) -> Path:
    target = SCREENSHOTS.joinpath(*parts).with_suffix(".png")
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=True)
    return target
