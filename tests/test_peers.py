"""The peer systems, each returning newsbook's table shapes."""

import datetime as dt

import pandas as pd
import pytest
import spacy
from spacy.tokens import Span

from newsbook.evaluation.peers import (
    dateparser_timex,
    plain_nlp,
    readable_text,
    run_peers,
    spacy_entities,
    speaker_entity,
    textacy_quotes,
)
from newsbook.evaluation.runner import evaluate_peers
from newsbook.evaluation.scoring import gold_entities_table, system_scores_table
from newsbook.schema import columns

KNOWN = pd.DataFrame(
    [
        ("sergei-ivanov", "Sergei Ivanov", "Ivanov"),
        ("igor-ivanov", "Igor Ivanov", ""),
        ("anna-berg", "Anna Berg", "Berg"),
        ("olaf-berg", "Olaf Berg", "Berg"),
        ("russia", "Russia", "Moscow | the Kremlin"),
    ],
    columns=["entity_id", "name", "aliases"],
)


@pytest.fixture(scope="module")
def nlp():
    return plain_nlp()


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("Ivanov", "sergei-ivanov"),
        ("Defense Minister Ivanov", "sergei-ivanov"),
        ("Minister Igor Ivanov", "igor-ivanov"),  # the longest form decides
        ("Kremlin", "russia"),  # "the" is not part of a form
        ("Berg", ""),  # a name two entities share
        ("He", ""),
        ("catalog", ""),
        ("Ivanovich", ""),  # whole words only
    ],
)
def test_speaker_text_maps_to_one_known_entity_or_none(speaker, expected):
    assert speaker_entity(speaker, KNOWN) == expected


def test_readable_text_blanks_furniture_and_keeps_offsets():
    text = "Headline\n\nBody text.\n\nREUTER"
    blocks = pd.DataFrame(
        {"start": [0, 10, 22], "end": [8, 20, 28], "section": ["headline", "body", "furniture"]}
    )
    readable = readable_text(text, blocks)
    assert len(readable) == len(text)
    assert readable[:20] == text[:20] and readable[22:].strip() == ""


def test_spacy_entities_grouped_by_surface_text_with_nearest_labels():
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    doc = blank("Baker met Howard Baker. Baker signed the ABM Treaty.")
    doc.ents = [
        Span(doc, 0, 1, "PERSON"),
        Span(doc, 2, 4, "PERSON"),
        Span(doc, 5, 6, "ORG"),
        Span(doc, 7, 10, "LAW"),
    ]
    mentions, entities = spacy_entities(doc, article_id="a")
    assert list(entities.columns) == columns("entities")
    assert list(entities["name"]) == ["Baker", "Howard Baker", "the ABM Treaty"]
    baker = entities.set_index("name").loc["Baker"]
    assert baker["n_mentions"] == 2 and baker["type"] == "PERSON"  # first label on a tie
    assert entities.set_index("name").loc["the ABM Treaty", "type"] == "TREATY"
    assert list(mentions["sentence_id"]) == [0, 0, 1, 1]
    for _, row in mentions.iterrows():
        assert doc.text[row["start"] : row["end"]] == row["text"]


def test_textacy_quotes_with_mapped_speakers(nlp):
    doc = nlp('"We will never give up the treaty at all," Ivanov said on Monday.')
    quotes = textacy_quotes(doc, known_entities=KNOWN, article_id="a")
    assert list(quotes.columns) == columns("quotes")
    assert len(quotes) == 1
    row = quotes.iloc[0]
    assert (row["kind"], row["speaker"], row["speaker_id"]) == ("direct", "Ivanov", "sergei-ivanov")
    assert doc.text[row["start"] : row["end"]] == row["text"]


def test_textacy_gives_up_on_odd_quotes_and_run_peers_notes_it(nlp):
    text = '"We will never give up the treaty," Ivanov said. "And more'
    blocks = pd.DataFrame({"start": [0], "end": [len(text)], "section": ["body"]})
    with pytest.raises(ValueError):
        textacy_quotes(nlp(text), known_entities=KNOWN)
    result = run_peers(
        text, blocks, published=dt.date(2001, 5, 29), known_entities=KNOWN, article_id="a"
    )
    assert result["textacy"]["quotes"].empty
    assert list(result["notes"]["notes"]["peer"]) == ["textacy"]


def test_dateparser_values_at_its_own_period():
    text = "Talks on Monday followed the treaty signed in 1972. A visit came in March 1985."
    timex = dateparser_timex(text, published=dt.date(2001, 5, 29))
    assert list(timex.columns) == columns("timex")
    found = timex.set_index("text")
    monday = found.filter(like="Monday", axis=0).iloc[0]
    assert (monday["value"], monday["granularity"], monday["relative"]) == (
        "2001-05-28",
        "day",
        True,
    )
    year = found.filter(like="1972", axis=0).iloc[0]
    assert (year["value"], year["granularity"], year["relative"]) == ("1972", "year", False)
    month = found.filter(like="March 1985", axis=0).iloc[0]
    assert month["value"] == "1985-03"
    for _, row in timex.iterrows():
        assert text[row["start"] : row["end"]] == row["text"]


def test_dateparser_without_a_date_leaves_relative_values_empty():
    text = "Talks on Monday followed the treaty signed in 1972."
    timex = dateparser_timex(text, published=None).set_index("text")
    assert timex.filter(like="Monday", axis=0).iloc[0]["value"] == ""
    assert timex.filter(like="1972", axis=0).iloc[0]["value"] == "1972"
    assert dateparser_timex(text, published=None).equals(dateparser_timex(text, published=None))


def test_peers_scored_by_the_same_scorers(nlp):
    text = '"We will never give up the treaty at all," Sergei Ivanov said in Moscow on Monday.'
    gold = {
        "entities": [
            {
                "id": "sergei-ivanov",
                "name": "Sergei Ivanov",
                "type": "PERSON",
                "aliases": ["Ivanov"],
            },
            {"id": "moscow", "name": "Moscow", "type": "GPE"},
        ],
        "mentions": [],
        "quotes": [{"kind": "direct", "text": "We will never give up", "speaker": "sergei-ivanov"}],
        "positions": [],
        "timex": [{"text": "Monday", "value": "2001-05-28"}],
        "events": [],
    }
    blocks = pd.DataFrame({"start": [0], "end": [len(text)], "section": ["body"]})
    tables = run_peers(
        text,
        blocks,
        published=dt.date(2001, 5, 29),
        known_entities=gold_entities_table(gold),
    )
    scores = evaluate_peers(gold, text, tables)
    assert scores["textacy"]["direct quotes"].recall == 1.0
    assert scores["dateparser"]["timex values"].recall == 1.0
    assert scores["spaCy NER"]["entities"].correct >= 1
    empty = {
        "spaCy NER": {
            "mentions": pd.DataFrame(columns=columns("mentions")),
            "entities": pd.DataFrame(columns=columns("entities")),
        },
        "textacy": {"quotes": pd.DataFrame(columns=columns("quotes"))},
        "dateparser": {"timex": pd.DataFrame(columns=columns("timex"))},
    }
    for system, stages in evaluate_peers(gold, text, empty).items():
        table = system_scores_table(system, "a", stages)
        assert (table["correct"] == 0).all()
        assert not (table["f1"] > 0).any()  # zero where there is gold, blank where none
