"""Articles as users have them: web pages, wire records, wire layout, figures tables,
names in capitals, other languages (issue #14). The inputs are data/raw's own."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from newsbook import config
from newsbook.errors import InputError
from newsbook.pipeline import analyze
from newsbook.text.article import make_article, read_article
from newsbook.text.formats import detect_format
from newsbook.text.nlp import MAX_PARSE_CHARS, parse_pieces

RAW = config.RAW_DIR


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsbook", *args], capture_output=True, text=True)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("web-table-layout-2001.html", "html"),
        ("web-table-layout-2001-saved.txt", "html"),
        ("reuters-sgml-6716.sgm", "sgml"),
        ("reuters-sgml-6716-saved.txt", "sgml"),
        ("wire-layout-8188.txt", "text"),
        ("moscow-times-2001-05-29-we-wont-scrap-abm.txt", "text"),
    ],
)
def test_the_content_decides_the_format(name, expected):
    assert detect_format((RAW / name).read_text(encoding="utf-8")) == expected
    assert read_article(RAW / name).format == expected


def test_prose_that_mentions_a_tag_is_still_text():
    text = "The council's page used <p> tags badly.\n\nIt said <br> was everywhere."
    assert detect_format(text) == "text"


def test_web_page_story_and_metadata():
    article = read_article(RAW / "web-table-layout-2001.html")
    assert article.headline == "Water rate increase put on hold as drought deepens"
    assert article.text.startswith(article.headline + "\n\n")
    assert str(article.published) == "2001-05-29" and article.published_origin == "page"
    assert article.author == "Ellen Marsh" and article.source == "The Narrows Ledger"
    for furniture in ("Home | World", "Subscribe Today!", "Printer-friendly", "Copyright"):
        assert furniture not in article.text
    dropped = {p.text for p in article.pieces if not p.kept}
    kept = [p.text for p in article.pieces if p.kept]
    assert "Subscribe Today!" in dropped and "Tuesday, May 29, 2001" in dropped
    assert any(text.startswith("The Tacoma City Council voted Friday") for text in kept)


def test_modern_page_keeps_the_story_not_the_comments_or_pull_quote():
    article = read_article(RAW / "web-modern-2019.html")
    assert article.author == "Kristin Hale" and article.source == "Treasure Valley Courier"
    assert article.url.startswith("https://") and str(article.published) == "2019-08-14"
    assert "Get the Morning Briefing" not in article.text
    assert "Build the lanes and stop blaming the riders!" not in article.text
    assert article.text.count("We did not welcome them on the sidewalk") == 1  # no pull quote


def test_a_single_br_is_a_line_break_two_a_paragraph():
    article = read_article(RAW / "web-br-split.html")
    assert "if a U.S.\nforest industry lobby" in article.text
    assert "Zimmerman said.\n\n\"If we're an example" in article.text
    assert str(article.published) == "1987-06-01"  # a 1987 <meta name="date">


@pytest.mark.parametrize(("published", "origin"), [(None, "page"), ("2001-06-01", "option")])
def test_the_page_date_is_used_only_when_none_is_given(published, origin):
    article = read_article(RAW / "web-table-layout-2001.html", published=published)
    assert article.published_origin == origin
    assert str(article.published) == (published or "2001-05-29")


def test_one_wire_record_is_one_article():
    article = read_article(RAW / "reuters-sgml-6716.sgm")
    assert article.headline == "EC WARNS CONGRESS ON NEW TRADE BILL"
    assert article.author == "Robert Trautman"
    assert str(article.published) == "1987-03-18" and article.published_origin == "record"
    assert article.text.startswith("EC WARNS CONGRESS ON NEW TRADE BILL\n\nWASHINGTON, March 18 - ")
    assert "LEWISSPLIT" not in article.text and "BC-EC-WARNS" not in article.text


def test_a_file_of_several_records_says_use_corpus(tmp_path):
    record = (RAW / "reuters-sgml-6716.sgm").read_text(encoding="utf-8")
    several = tmp_path / "two.sgm"
    several.write_text(record + "\n" + record.split("\n", 1)[1], encoding="utf-8")
    with pytest.raises(InputError, match="corpus"):
        read_article(several)
    result = run_cli("analyze", str(several), "--out", str(tmp_path / "out"))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and "corpus" in lines[0]
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def wire(resources):
    return analyze(read_article(RAW / "wire-layout-8188.txt"), resources)


def test_wire_layout_timestamp_headline_dateline(wire):
    article = wire["article"].iloc[0]
    assert article["published"] == "1987-03-23" and article["published_origin"] == "timestamp"
    assert article["dateline"] == "LONDON" and article["warnings"] == ""
    assert article["headline"] == "IRAN SAYS IT INTENDS NO THREAT TO GULF SHIPPING"
    blocks = wire["blocks"]
    assert blocks["kind"].iloc[0] == "timestamp" and blocks["section"].iloc[0] == "furniture"
    body = wire["sentences"][wire["sentences"]["section"] == "body"]
    assert body["text"].iloc[0].startswith("Iran said reports")
    assert not wire["timex"]["text"].str.contains("1987").any()  # the timestamp is no date


def test_dateline_place_is_the_city_not_its_government(wire):
    entities = wire["entities"]
    london = entities[entities["name"] == "London"]
    assert len(london) == 1 and london["type"].iloc[0] == "GPE"


@pytest.mark.parametrize("name", ["earnings-table-569.txt", "earnings-table-5657.txt"])
def test_figures_tables_are_a_block_never_sentences_or_entities(resources, name):
    tables = analyze(read_article(RAW / name), resources)
    blocks = tables["blocks"]
    assert (blocks["section"] == "table").sum() == 1
    table = blocks[blocks["section"] == "table"].iloc[0]
    assert "Avg shrs" in table["text"] and "NOTE" in table["text"]
    for name_ in ("sentences", "mentions", "timex", "quotes"):
        rows = tables[name_]
        inside = (rows["start"] >= table["start"]) & (rows["end"] <= table["end"])
        assert not inside.any(), rows[inside]
    names = set(tables["entities"]["name"].str.lower())
    assert not names & {"cts", "avg", "dlrs", "avg shrs", "shr", "revs"}


def test_a_table_after_prose_leaves_the_prose(resources):
    tables = analyze(read_article(RAW / "earnings-table-12463.txt"), resources)
    body = tables["sentences"][tables["sentences"]["section"] == "body"]
    assert body["text"].str.contains("clear loss").any()
    assert not body["text"].str.contains("Operating profit").any()


def test_names_in_capitals_take_the_articles_case(resources):
    text = (
        "Budget talks stall\n\n"
        "GEORGE W. BUSH had a message for the NATO allies on Monday.\n\n"
        "Bush said the talks would go on. Council member HAROLD WEBB disagreed.\n\n"
        "Webb said he would vote no."
    )
    entities = analyze(make_article(text, article_id="t", published="2001-06-04"), resources)[
        "entities"
    ]
    names = set(entities["name"])
    assert {"George W. Bush", "Harold Webb"} <= names, names
    assert "NATO" in names
    bush = entities[entities["name"] == "George W. Bush"].iloc[0]
    assert "GEORGE W. BUSH" in bush["aliases"]


@pytest.mark.parametrize(
    ("name", "language"), [("not-english-fr.txt", "fr"), ("not-english-de.txt", "de")]
)
def test_not_english_is_one_warning_and_no_extraction(resources, name, language):
    tables = analyze(read_article(RAW / name), resources)
    article = tables["article"].iloc[0]
    assert article["language"] == language
    warnings = article["warnings"].split(" | ")
    assert sum("not English" in w for w in warnings) == 1
    assert len(tables["sentences"]) > 0
    extracted = ("entities", "mentions", "quotes", "timex", "events", "positions", "claims")
    assert {name: len(tables[name]) for name in extracted} == dict.fromkeys(extracted, 0)


def test_english_gets_no_language_warning(wire):
    assert wire["article"]["language"].iloc[0] == "en"


def test_cli_writes_the_text_beside_the_tables(tmp_path):
    page = RAW / "web-modern-2019.html"
    before = page.read_bytes()
    out = tmp_path / "out"
    result = run_cli("analyze", str(page), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert page.read_bytes() == before
    text = (out / "text.txt").read_bytes().decode("utf-8")
    for name in ("sentences", "mentions", "quotes", "timex"):
        table = pd.read_csv(out / f"{name}.csv", keep_default_na=False)
        for start, end, value in zip(table["start"], table["end"], table["text"], strict=True):
            assert text[start:end] == value
    assert pd.read_csv(out / "article.csv")["format"].iloc[0] == "html"


def test_a_long_block_is_parsed_in_pieces_with_exact_offsets(resources):
    sentence = "The minister said the plan would cost 40 million dollars. "
    text = "Long report\n\n" + sentence * (3 * MAX_PARSE_CHARS // len(sentence))
    pieces = list(parse_pieces(text, 13, len(text)))
    assert len(pieces) >= 3 and all(e - s <= MAX_PARSE_CHARS for s, e in pieces)
    assert all(text[e - 1] in ". " or text[e - 2 : e] == ". " for s, e in pieces[:-1])
    tables = analyze(make_article(text, article_id="long", published="2001-01-01"), resources)
    sentences = tables["sentences"]
    assert len(sentences) > 3 * MAX_PARSE_CHARS // len(sentence)
    for start, end, value in zip(
        sentences["start"], sentences["end"], sentences["text"], strict=True
    ):
        assert text[start:end] == value


def test_the_gold_of_web_pages_and_records_is_found(tmp_path):
    from newsbook.evaluation.gold import gold_cases

    cases = gold_cases(config.GOLD_DIR)
    paths = {c.article_id: Path(c.article_path).name for c in cases}
    assert paths["web-modern-2019"] == "web-modern-2019.html"
    assert paths["reuters-sgml-6716"] == "reuters-sgml-6716.sgm"


def test_units_in_prose_are_no_entities(resources):
    text = (
        "Acme Corp posts gain\n\n"
        "Acme Corp said it earned 1.5 mln U.S. dlrs, or 20 cts a share, in the quarter.\n\n"
        "Avg shrs rose to 7.1 mln, the company said."
    )
    entities = analyze(make_article(text, article_id="t", published="1987-03-02"), resources)[
        "entities"
    ]
    names = {n.lower() for n in entities["name"]}
    assert not names & {"cts", "dlrs", "u.s. dlrs", "avg", "avg shrs"}, names


MARKDOWN = Path(__file__).parent / "fixtures" / "formats" / "ferry-subsidy.md"


def test_markdown_is_read_for_its_words():
    article = read_article(MARKDOWN)
    assert article.format == "markdown"
    assert article.headline == "Harbour Council Backs Ferry Subsidy"
    assert str(article.published) == "2019-03-04" and article.published_origin == "page"
    assert article.author == "Jane Roe"
    assert "The Harbour Council voted" in article.text
    assert "the mayor, Tom Hale, called" in article.text
    assert '\n"We cannot leave' in article.text and "was a waste of money." in article.text
    assert "\nThe subsidy costs 2m pounds a year.\nIt was introduced in 2009." in article.text
    for markup in ("**", "](", "example.org", "title:", "> ", "![", "`", "---", "[1]", "#"):
        assert markup not in article.text, markup


def test_markdown_speakers_and_names_are_read_through_the_markup(resources):
    tables = analyze(read_article(MARKDOWN), resources)
    speakers = dict(zip(tables["quotes"]["text"], tables["quotes"]["speaker"], strict=True))
    assert speakers["a lifeline for the islands"] == "Tom Hale"
    names = set(tables["entities"]["name"])
    assert {"Harbour Council", "Tom Hale", "Ann Pike"} <= names


@pytest.mark.parametrize(
    "text",
    [
        "Shares rose 5 pct to *record* levels, the exchange said.\n\n# 1 on the list was oil.",
        "The union's site, [archived], said a strike was likely.\n\nMembers vote on Monday.",
        "---\nThe strike ended on Monday.\n---\nWorkers returned on Tuesday.",
    ],
)
def test_prose_with_a_stray_mark_is_still_text(text):
    assert detect_format(text) == "text"


def test_every_raw_article_keeps_its_format():
    for path in sorted(RAW.iterdir()):
        if path.suffix != ".yml":
            assert read_article(path).format != "markdown", path.name


def test_a_byline_with_a_date_gives_author_and_date(resources):
    text = (
        "Ferry Fares Rise Again\n\nBy Jane Roe | Staff writer | March 3, 2019\n\n"
        "Fares on the island ferries rose on Tuesday, the operator said."
    )
    tables = analyze(make_article(text, article_id="fares"), resources)
    article = tables["article"].iloc[0]
    assert article["author"] == "Jane Roe"
    assert article["published"] == "2019-03-03" and article["published_origin"] == "timestamp"


def test_a_byline_with_the_writer_s_post_after_a_comma_gives_the_author(resources):
    """ "By Lena Varga, Staff Reporter": the writer, then the dateline of the first
    paragraph is read as one; a sentence that opens "By ..." is no byline."""
    text = (
        "Border Pact Rejected\n\nBy Lena Varga, Staff Reporter\n\n"
        "VELNA - The foreign minister on Tuesday rejected the draft treaty."
    )
    article = analyze(make_article(text, article_id="pact"), resources)["article"].iloc[0]
    assert (article["author"], article["dateline"]) == ("Lena Varga", "VELNA")
    wrapped = "Fares Rise\n\nBy Friday, fares had risen.\n\nThe operator said so."
    article = analyze(make_article(wrapped, article_id="fares"), resources)["article"].iloc[0]
    assert article["author"] == ""


def test_a_date_line_under_the_headline_is_the_date_but_not_inside_wrapped_copy(resources):
    top = "Ferry Fares Rise Again\n\nUpdated: 4 March 2019 10:42\n\nFares rose on Tuesday."
    article = analyze(make_article(top, article_id="top"), resources)["article"].iloc[0]
    assert article["published"] == "2019-03-04"
    wrapped = (
        "Fares rose on Tuesday.\n\nThe suit covers shares bought between February 1, 1985 and\n"
        "April 2, 1987\n    The company said it had no comment."
    )
    tables = analyze(make_article(wrapped, article_id="wrapped"), resources)
    assert tables["article"]["published"].iloc[0] == ""
    assert tables["timex"]["text"].str.contains("April 2, 1987").any()


def test_a_markdown_front_matter_with_no_real_date_loses_nothing(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(
        "---\ntitle: Ferry Fares\ndate: 2019-02-30\nauthor: [Jane Roe, Tom Hale]\n---\n\n"
        "# Ferry Fares\n\nFares rose on Tuesday, the **operator** said.\n",
        encoding="utf-8",
    )
    article = read_article(post)
    assert article.format == "markdown" and article.published is None
    assert article.headline == "Ferry Fares"
    assert "Fares rose on Tuesday, the operator said." in article.text
    post.write_text(post.read_text().replace("2019-02-30", "2019-02-28"), encoding="utf-8")
    article = read_article(post)
    assert str(article.published) == "2019-02-28" and article.author == "Jane Roe | Tom Hale"


def test_a_dateline_with_its_dash_glued_to_the_story_and_no_agency_entity(resources):
    """Older agency copy writes "CHICAGO, Dec. 3 (AP)—The ...": the dateline still ends at
    the dash, and the agency in brackets is the wire that filed it, no entity."""
    text = (
        "Conference bars college\n\n"
        "CHICAGO, Dec. 3 (AP)—The Mid-Plains Athletic Conference today barred Westfield "
        "State University from postseason play for two years."
    )
    tables = analyze(make_article(text, article_id="t", published="1959-12-03"), resources)
    assert tables["article"].iloc[0]["dateline"] == "CHICAGO"
    names = set(tables["entities"]["name"])
    assert "Mid-Plains Athletic Conference" in names and "AP" not in names, names
