"""Hostile article text reaching the book's HTML: each test pins one fix (the browser
suite in tests/browser/ checks the built book as a whole)."""

import json
import re

from newsbook.book.charts import chart_html

HOSTILE = [
    'an unclosed comment, <!-- followed by <script src="https://evil.example.invalid/x.js">',
    '<script>alert("pwned")</script> and </script><img src=x onerror=alert(1)>',
    "Smith & Co said \"x < y\" and 'a > b' \\<!-- \\u003c",
]


def _script_body(chart: str) -> str:
    match = re.fullmatch(r'<div class="newsbook-chart"></div>\n<script>(.*)</script>', chart, re.S)
    assert match, chart[:200]
    return match.group(1)


def test_chart_script_holds_no_markup_from_the_data():
    # "<!--" then "<script" inside a <script> element makes the HTML parser ignore the
    # element's closing tag: the chart and the rest of the page vanish.
    spec = {"data": {"values": [{"text": text} for text in HOSTILE]}, "mark": "bar"}
    body = _script_body(chart_html(spec))
    assert not re.search(r"[<>&]", body), re.findall(r".{20}[<>&].{20}", body)[:3]


def test_chart_payload_decodes_to_the_same_text():
    spec = {"data": {"values": [{"text": text} for text in HOSTILE]}, "mark": "bar"}
    body = _script_body(chart_html(spec))
    payload = body[
        body.index("vegaEmbed(el, ") + len("vegaEmbed(el, ") : body.index(', {"actions"')
    ]
    assert json.loads(payload) == spec


def test_markup_links_and_monster_words_are_no_entities(resources):
    from newsbook.pipeline import analyze
    from newsbook.text.article import make_article

    text = (
        "Senator Paul Oduya spoke in Lisbon on Monday.\n\n"
        "The page showed $$\\frac{1}{0}$$ beside a link to https://example.invalid/"
        + "a1b2c3" * 20
        + " and the word "
        + "Supercalifragilistic" * 5
        + ".\n\nOduya said the site of the Lisbon Council was defaced."
    )
    entities = analyze(make_article(text, article_id="t", published="2020-01-07"), resources)[
        "entities"
    ]
    names = " ".join(entities["name"])
    assert "Paul Oduya" in names
    assert "frac" not in names and "example.invalid" not in names
    assert all(len(word) <= 30 for word in names.split())
