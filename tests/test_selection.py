"""FILTER rules and date ranges: which records a corpus book analyses (invented stories,
and the rule of the default corpus on its own file)."""

from pathlib import Path

import pytest

from newsbook import config
from newsbook.corpus.readers import read_records
from newsbook.corpus.records import Record
from newsbook.corpus.selection import Selection, dedupe_key, read_filter, select_records
from newsbook.errors import InputError

RULE = """
name: river-talks
pattern: 'water charter|(?-i:\\bWCA\\b)|dam talks'
flags: [IGNORECASE]
min_matches: 1
lead: {chars: 40, min_matches: 1}
exclude: {fields: [headline], pattern: '\\bcontracts?\\b', flags: [IGNORECASE]}
dedupe: normalized_text
"""


@pytest.fixture
def rule(tmp_path: Path):
    path = tmp_path / "rule.yml"
    path.write_text(RULE, encoding="utf-8")
    return read_filter(path)


def record(article_id: str, text: str, headline: str = "", published: str | None = None) -> Record:
    return Record(article_id, "row", text=text, headline=headline, published=published)


@pytest.mark.parametrize(
    ("headline", "text", "kept"),
    [
        ("DAM TALKS RESUME", "Ministers met in Norland.", True),  # the headline is in the lead
        ("", "The Water  Charter\nwas signed on Monday.", True),  # white space collapsed
        (
            "",
            "Ministers met on Monday for a long day of meetings. The water charter came up.",
            False,
        ),
        ("", "The WCA met.", True),  # a case-sensitive group
        ("", "The wca met.", False),
        ("FIRM WINS DAM TALKS CONTRACT", "Dam talks ended.", False),  # excluded headline
        ("DAM TALKS", "   ", False),  # no text
    ],
)
def test_a_rule_keeps_what_matches_in_the_lead_and_is_not_excluded(rule, headline, text, kept):
    assert rule.passes(headline, text) is kept


def test_re_sent_copies_are_dropped_and_counted(rule):
    records = [
        record("a", "Dam talks resume in Norland.\n REUTER\n"),
        record("b", "DAM TALKS   resume in Norland. Reuter"),
        record("c", "The water charter is signed."),
        record("d", "Nothing about rivers."),
    ]
    report = Selection()
    kept = list(select_records(records, rule=rule, report=report))
    assert [r.article_id for r in kept] == ["a", "c"]
    assert (report.read, report.kept, report.duplicates, report.filtered_out) == (4, 2, 1, 1)
    assert dedupe_key("Dam talks.\n Reuter") == dedupe_key("dam   TALKS.")


@pytest.mark.parametrize(
    ("date_from", "date_to", "kept", "undated", "outside"),
    [
        ("", "", ["a", "b", "c"], 0, 0),
        ("2010-03-02", "", ["b"], 1, 1),
        ("", "2010-03-01", ["a"], 1, 1),
        ("2010-03-01", "2010-03-05", ["a", "b"], 1, 0),
    ],
)
def test_a_date_range_keeps_its_days_and_leaves_out_undated_articles(
    date_from, date_to, kept, undated, outside
):
    records = [
        record("a", "One.", published="2010-03-01"),
        record("b", "Two.", published="2010-03-05"),
        record("c", "Three."),
    ]
    report = Selection()
    chosen = select_records(records, date_from=date_from, date_to=date_to, report=report)
    assert [r.article_id for r in chosen] == kept
    assert (report.undated, report.outside_dates) == (undated, outside)


def test_a_file_record_is_judged_on_its_text_and_sidecar(tmp_path, rule):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("DAM TALKS\n\nThe dam talks went on.", encoding="utf-8")
    (folder / "one.yml").write_text("published: 2010-03-05\n", encoding="utf-8")
    (folder / "two.txt").write_text("Nothing about rivers at all.", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    report = Selection()
    kept = select_records(read_records(folder), rule=rule, date_from="2010-03-01", report=report)
    # the unreadable file is passed on, for the analysis to report why
    assert [r.article_id for r in kept] == ["bad", "one"]
    assert (report.unreadable, report.undated) == (1, 1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("pattern: 'a'\nfeilds: [text]\n", "unknown key 'feilds'"),
        ("pattern: '(unclosed'\n", "not a valid regular expression"),
        ("pattern: 'a'\nflags: [LOUD]\n", "unknown regular-expression flag 'LOUD'"),
        ("pattern: 'a'\nfields: [body]\n", "may name headline, text"),
        ("pattern: 'a'\ndedupe: yes-please\n", "`dedupe` is 'normalized_text'"),
        ("min_matches: 2\n", "`pattern` must be a regular expression"),
        ("pattern: 'a'\nmin_matches: many\n", "not a whole number"),
        ("- a list\n", "must hold keys"),
    ],
)
def test_a_bad_rule_is_one_clear_error(tmp_path, content, message):
    path = tmp_path / "rule.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_filter(path)


def test_the_default_corpus_is_what_its_rule_keeps():
    corpus = config.DATA_DIR / "corpus" / "reuters-arms-control.csv"
    rule = read_filter(config.DATA_DIR / "corpus" / "filter.yml")
    records = list(read_records(corpus))
    assert len(records) == 30
    kept = [r.article_id for r in select_records(records, rule=rule)]
    assert kept == [r.article_id for r in records]
    # the other corpus is not arms control
    opec = list(read_records(config.DATA_DIR / "corpus" / "reuters-opec.csv"))
    assert not list(select_records(opec, rule=rule))
