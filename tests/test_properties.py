"""Properties of reading and analysing any input (hypothesis, derandomized so CI sees
the same examples every run): for arbitrary text and arbitrary HTML, reading either
succeeds or fails with one InputError, `analyze` never raises, every row's offsets are
exact, and the same input gives the same bytes."""

from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbook.errors import InputError
from newsbook.pipeline import analyze
from newsbook.schema import csv_ready
from newsbook.text.article import Article, read_article

SETTINGS = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
OFFSET_TABLES = ("blocks", "sentences", "mentions", "quotes", "timex", "claims")

WORDS = st.sampled_from(
    [
        "The",
        "minister",
        "said",
        "Monday",
        "that",
        "Paris",
        "would",
        "not",
        "sign",
        '"We',
        'agree,"',
        "GEORGE",
        "SMITH",
        "U.S.",
        "Reuters",
        "-",
        "—",
        "vs",
        "12",
        "cts",
        "1.5",
        "mln",
        "<p>",
        "&amp;",
        "March",
        "3",
        "2001",
        "(Reuters)",
        "By",
        "Anna",
        "Lee",
        "le",
        "der",
        "été",
        "»",
        "\t",
        "Shr",
        "Net",
        "NOTE:",
        ".",
        ",",
    ]
)
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\n     ", "\r\n", ". "])
TEXT = st.lists(st.tuples(WORDS, SEPARATORS), min_size=1, max_size=120).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)
TAGS = st.sampled_from(["p", "div", "td", "span", "b", "article", "h1", "li", "br", "script"])


@st.composite
def pages(draw) -> str:
    """An HTML page of nested elements holding words, sometimes malformed."""

    def element(depth: int) -> str:
        tag = draw(TAGS)
        if tag == "br":
            return "<br>"
        children = draw(st.integers(0, 3 if depth < 3 else 0))
        inner = draw(TEXT) if draw(st.booleans()) else ""
        inner += "".join(element(depth + 1) for _ in range(children))
        close = f"</{tag}>" if draw(st.integers(0, 9)) else ""  # now and then unclosed
        return f"<{tag}>{inner}{close}"

    head = draw(st.sampled_from(["<!DOCTYPE html><html><head><title>", "<html><title>", ""]))
    title = draw(TEXT) if head else ""
    body = "".join(element(0) for _ in range(draw(st.integers(1, 4))))
    return f"{head}{title}{'</title></head>' if head else ''}<body>{body}</body></html>"


def check_tables(article: Article, tables: dict[str, pd.DataFrame]) -> None:
    text = article.text
    for name in OFFSET_TABLES:
        table = tables[name]
        for start, end, value in zip(table["start"], table["end"], table["text"], strict=True):
            assert text[start:end] == value, (name, start, end, value)


def csv_bytes(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    return {
        name: csv_ready(t).to_csv(index=False, lineterminator="\n") for name, t in tables.items()
    }


def read_and_analyze(path: Path, resources) -> None:
    try:
        article = read_article(path, published="2001-05-29")
    except InputError as error:
        assert "\n" not in str(error)
        return
    tables = analyze(article, resources)
    check_tables(article, tables)
    again = analyze(read_article(path, published="2001-05-29"), resources)
    assert csv_bytes(tables) == csv_bytes(again)


@SETTINGS
@given(text=TEXT)
def test_any_text(tmp_path, resources, text):
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    read_and_analyze(path, resources)
    assert path.read_bytes() == text.encode("utf-8")  # input files are never modified


@SETTINGS
@given(page=pages())
def test_any_html(tmp_path, resources, page):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    read_and_analyze(path, resources)
