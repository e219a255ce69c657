"""The built book references nothing on the network: no remote script, stylesheet,
font or image in any page (run after `python -m newsbook book --no-execute`)."""

import re
from pathlib import Path

import pytest

HTML = Path(__file__).resolve().parent.parent / "_build" / "html"
REMOTE = re.compile(
    r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)
CSS_REMOTE = re.compile(r"""(?:@import|url\()\s*["']?(?:https?:)?//""", re.IGNORECASE)


def pages() -> list[Path]:
    return sorted(HTML.rglob("*.html"))


def test_book_was_built():
    assert (HTML / "index.html").exists(), (
        "build the book first: python -m newsbook book --no-execute"
    )
    assert len(pages()) >= 6


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(HTML)))
def test_page_loads_nothing_remote(page: Path):
    text = page.read_text(encoding="utf-8")
    assert not REMOTE.findall(text), REMOTE.findall(text)[:3]


def test_stylesheets_load_nothing_remote():
    for css in HTML.rglob("*.css"):
        assert not CSS_REMOTE.search(css.read_text(encoding="utf-8", errors="replace")), css


def test_charts_have_their_bundle():
    chapters = [p for p in pages() if "chapters" in p.parts]
    assert any("newsbook-chart" in p.read_text(encoding="utf-8") for p in chapters)
    assert (HTML / "_static" / "vega-bundle.js").stat().st_size > 100_000
