"""The scorers, the error and score tables, and the gold-file runner of newsbook.evaluation."""

import math

import pandas as pd
import pytest

from newsbook import config
from newsbook.book.charts import article_scores_chart, errors_chart, peers_chart, stage_scores_chart
from newsbook.book.trust import book_trust, gold_format
from newsbook.errors import InputError
from newsbook.evaluation.gold import (
    GoldError,
    find_article,
    gold_cases,
    gold_files,
    load_gold,
    locate,
)
from newsbook.evaluation.runner import SYSTEMS, evaluate_gold, peer_comparison
from newsbook.evaluation.scoring import (
    GOLD_ERROR_COLUMNS,
    Score,
    errors_table,
    gold_entities_table,
    match_entities,
    measures,
    pooled_scores,
    score_entities,
    score_quotes,
    score_same_name_mentions,
    score_timex,
    system_scores_table,
)

TEXT = (
    "Talks\n\n"
    "Finance Minister Anna Berg met Olaf Berg in Oslo on Monday. "
    '"We agree," Anna Berg said. Berg left.'
)
GOLD = {
    "article_id": "talks",
    "published": "2001-05-29",
    "entities": [
        {"id": "anna-berg", "name": "Anna Berg", "type": "PERSON", "aliases": ["Berg"]},
        {"id": "olaf-berg", "name": "Olaf Berg", "type": "PERSON"},
        {"id": "oslo", "name": "Oslo", "type": "GPE"},
    ],
    "mentions": [{"text": "Berg", "occurrence": 4, "entity": "anna-berg"}],
    "quotes": [{"kind": "direct", "text": "We agree", "speaker": "anna-berg", "cue": "said"}],
    "positions": [],
    "timex": [{"text": "Monday", "value": "2001-05-28", "granularity": "day"}],
    "events": [],
}
SENTENCES = pd.DataFrame(
    {
        "sentence_id": [0, 1, 2, 3],
        "start": [0, 7, 67, 95],
        "end": [5, 66, 94, 105],
        "text": [TEXT[0:5], TEXT[7:66], TEXT[67:94], TEXT[95:105]],
    }
)


def span(text, snippet, n=1):
    return locate(text, snippet, n)


def entities_table(rows):
    return pd.DataFrame(rows, columns=["entity_id", "name", "type", "aliases"])


def mentions_table(rows):
    return pd.DataFrame(rows, columns=["start", "end", "entity_id"])


def perfect_entities():
    return entities_table(
        [
            ("e1", "Anna Berg", "PERSON", "Berg"),
            ("e2", "Olaf Berg", "PERSON", ""),
            ("e3", "Oslo", "GPE", ""),
        ]
    )


def test_sentences_fixture_fits_the_text():
    for _, row in SENTENCES.iterrows():
        assert TEXT[row["start"] : row["end"]] == row["text"]


def test_empty_output_scores_zero_on_every_scorer():
    no_entities = entities_table([])
    assert score_entities(GOLD, no_entities).correct == 0
    assert score_entities(GOLD, no_entities).recall == 0
    assert score_entities(GOLD, no_entities).precision == 0
    mentions = score_same_name_mentions(GOLD, TEXT, mentions_table([]), no_entities)
    assert mentions.correct == 0
    quotes = pd.DataFrame(columns=["start", "end", "kind", "speaker_id", "speaker", "text"])
    assert score_quotes(GOLD, TEXT, quotes, no_entities, kind="direct").f1 == 0
    timex = pd.DataFrame(columns=["start", "end", "value", "text", "timex_id"])
    assert score_timex(GOLD, TEXT, timex).f1 == 0


def test_empty_output_on_empty_gold_earns_no_marks_in_the_tables():
    assert all(math.isnan(v) for v in measures(0, 0, 0).values())
    assert measures(0, 3, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert measures(0, 0, 2)["precision"] == 0.0  # output where the gold has nothing


def test_perfect_output_scores_full_and_wrong_output_does_not():
    entities = perfect_entities()
    assert score_entities(GOLD, entities).f1 == 1.0
    start, end = span(TEXT, "We agree")
    right = pd.DataFrame(
        [
            {
                "start": start - 1,
                "end": end + 2,
                "kind": "direct",
                "speaker_id": "e1",
                "speaker": "Anna Berg",
                "text": "x",
            }
        ]
    )
    assert score_quotes(GOLD, TEXT, right, entities, kind="direct").f1 == 1.0
    wrong = right.assign(speaker_id="e2", speaker="Olaf Berg")
    score = score_quotes(GOLD, TEXT, wrong, entities, kind="direct")
    assert score.correct == 0 and score.errors[0]["what"] == "wrong speaker"


def test_errors_carry_offsets_and_the_sentence():
    entities = entities_table([("e1", "Anna Berg", "PERSON", "Berg"), ("x", "Talks", "ORG", "")])
    mentions = mentions_table([(0, 5, "x")])
    scores = {"entities": score_entities(GOLD, entities, text=TEXT, mentions=mentions)}
    table = errors_table("newsbook", "talks", scores, TEXT, SENTENCES)
    missed = table[table["error"] == "missed entity"].set_index("expected")
    start, end = span(TEXT, "Olaf Berg")
    assert (missed.loc["Olaf Berg", "start"], missed.loc["Olaf Berg", "end"]) == (start, end)
    assert missed.loc["Olaf Berg", "sentence_id"] == 1
    assert missed.loc["Olaf Berg", "sentence"] == TEXT[7:66]
    spurious = table[table["error"] == "spurious ORG"].iloc[0]
    assert (spurious["found"], spurious["start"], spurious["sentence_id"]) == ("Talks", 0, 0)


def test_error_outside_every_sentence_shows_its_line():
    timex = pd.DataFrame(
        [{"start": 0, "end": 5, "value": "2001", "text": "Talks", "timex_id": "t"}]
    )
    scores = {"timex values": score_timex(GOLD, TEXT, timex)}
    table = errors_table("x", "talks", scores, TEXT, SENTENCES.iloc[1:])
    spurious = table[table["error"] == "spurious timex"].iloc[0]
    assert (spurious["sentence_id"], spurious["sentence"]) == (-1, "Talks")
    missed = table[table["error"] == "not found"].iloc[0]
    assert missed["expected"] == "2001-05-28" and missed["sentence_id"] == 1


def test_same_name_mention_resolved_to_the_wrong_person_is_an_error():
    entities = perfect_entities()
    start, end = span(TEXT, "Berg", 4)
    right = score_same_name_mentions(GOLD, TEXT, mentions_table([(start, end, "e1")]), entities)
    wrong = score_same_name_mentions(GOLD, TEXT, mentions_table([(start, end, "e2")]), entities)
    assert (right.correct, wrong.correct) == (1, 0)
    assert wrong.errors[0]["expected"] == "Anna Berg" and wrong.errors[0]["found"] == "Olaf Berg"


def test_pooled_scores_sum_counts_before_dividing():
    scores = pd.concat(
        [
            system_scores_table("s", "a", {"entities": Score(1, 1, 1, [])}),
            system_scores_table("s", "b", {"entities": Score(0, 3, 1, [])}),
        ]
    )
    pooled = pooled_scores(scores).iloc[0]
    assert (pooled["correct"], pooled["expected"], pooled["produced"]) == (1, 4, 2)
    assert pooled["recall"] == 0.25 and pooled["precision"] == 0.5


def test_peer_comparison_pairs_each_peer_with_newsbook_on_its_stages():
    rows = []
    for system in SYSTEMS:
        stages = ["entities", "direct quotes", "timex values", "positions"]
        scores = {stage: Score(1, 2, 2, []) for stage in stages}
        rows.append(system_scores_table(system, "a", scores))
    table = peer_comparison(pd.concat(rows))
    pairs = set(zip(table["system"], table["stage"], strict=True))
    assert ("textacy", "direct quotes") in pairs and ("newsbook", "direct quotes") in pairs
    assert ("textacy", "entities") not in pairs and "positions" not in set(table["stage"])


def test_gold_entities_map_onto_themselves():
    assert match_entities(GOLD, gold_entities_table(GOLD)) == {
        g["id"]: g["id"] for g in GOLD["entities"]
    }


def test_a_typo_in_the_gold_is_a_clear_input_error():
    with pytest.raises(GoldError):
        locate(TEXT, "Anna Bergg")
    assert issubclass(GoldError, InputError)


# ------------------------------------------------------------ gold files and articles


def write_gold(folder, name, body):
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_gold_files_of_a_folder_and_clear_errors(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        gold_files(tmp_path / "nope")
    with pytest.raises(InputError, match="no .yml"):
        gold_files(tmp_path)
    b = write_gold(tmp_path, "b.yml", "article_id: b\n")
    a = write_gold(tmp_path, "a.yaml", "article_id: a\n")
    (tmp_path / "README.md").write_text("not gold")
    assert gold_files(tmp_path) == [a, b]
    assert gold_files(b) == [b]


def test_bad_gold_yaml_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not valid YAML"):
        load_gold(write_gold(tmp_path, "x.yml", "entities: [unclosed\n"))
    with pytest.raises(InputError, match="mapping"):
        load_gold(write_gold(tmp_path, "y.yml", "- a list\n"))


def test_article_found_by_key_then_book_article_then_beside_then_raw(tmp_path):
    gold_dir, elsewhere = tmp_path / "gold", tmp_path / "elsewhere"
    gold_dir.mkdir()
    elsewhere.mkdir()
    gold_path = gold_dir / "story.yml"
    beside = gold_dir / "story.txt"
    book_article = elsewhere / "story.txt"
    keyed = elsewhere / "other-name.txt"
    for path in (beside, book_article, keyed):
        path.write_text(TEXT)
    assert find_article(gold_path, {"article": "../elsewhere/other-name.txt"}) == keyed
    assert find_article(gold_path, {}, book_article=book_article) == book_article
    assert find_article(gold_path, {"article_id": "story"}) == beside
    raw = find_article(tmp_path / "reuters-8072.yml", {})
    assert raw == config.RAW_DIR / "reuters-8072.txt"


def test_missing_article_is_a_clear_input_error(tmp_path):
    gold_path = write_gold(tmp_path, "lost.yml", "article_id: lost-story\n")
    with pytest.raises(InputError, match="no article text for gold file lost.yml"):
        gold_cases(gold_path)
    with pytest.raises(InputError, match="does not exist"):
        find_article(gold_path, {"article": "missing.txt"})


def test_evaluate_gold_scores_newsbook_and_the_peers(tmp_path):
    write_gold(
        tmp_path,
        "talks.yml",
        "article_id: talks\npublished: 2001-05-29\n"
        "entities:\n  - {id: anna-berg, name: Anna Berg, type: PERSON, aliases: [Berg]}\n"
        "  - {id: oslo, name: Oslo, type: GPE}\n"
        "quotes:\n  - {kind: direct, text: We agree, speaker: anna-berg, cue: said}\n"
        "timex:\n  - {text: Monday, value: 2001-05-28, granularity: day}\n",
    )
    (tmp_path / "talks.txt").write_text(TEXT, encoding="utf-8")
    report = evaluate_gold(tmp_path)
    assert report.article_ids == ["talks"]
    assert set(report.scores["system"]) == set(SYSTEMS)
    newsbook = report.scores[report.scores["system"] == "newsbook"].set_index("stage")
    assert newsbook.loc["timex values", "recall"] == 1.0
    assert math.isnan(newsbook.loc["stances", "recall"])  # no gold: nothing measured
    assert list(report.errors.columns) == GOLD_ERROR_COLUMNS


def test_book_trust_says_plainly_when_the_article_has_no_gold(tmp_path):
    write_gold(tmp_path, "talks.yml", "article_id: talks\n")
    (tmp_path / "talks.txt").write_text(TEXT, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(TEXT, encoding="utf-8")
    trust = book_trust(str(other), "", str(tmp_path))
    assert not trust.has_gold
    assert "No gold was given for this article (other)" in trust.statement()
    assert "REFERENCE" in trust.statement()
    assert trust.scores_here().empty
    here = book_trust(str(tmp_path / "talks.txt"), "", str(tmp_path))
    assert here.has_gold and not here.scores_here().empty


def test_gold_snippet_missing_from_its_article_stops_before_any_work(tmp_path):
    write_gold(tmp_path, "talks.yml", "article_id: talks\ntimex:\n  - {text: Tuesday, value: ''}\n")
    (tmp_path / "talks.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(GoldError, match="gold file talks.yml: gold snippet 'Tuesday'"):
        gold_cases(tmp_path)
    write_gold(tmp_path, "talks.yml", "article_id: talks\nquotes:\n  - {kind: direct}\n")
    with pytest.raises(GoldError, match="lacks the key 'text'"):
        gold_cases(tmp_path)


def test_charts_of_scores_and_errors_draw_tables_and_say_when_empty():

    scores = system_scores_table("newsbook", "a", {"entities": Score(1, 2, 2, [])})
    errors = errors_table(
        "newsbook",
        "a",
        {"entities": score_entities(GOLD, perfect_entities().iloc[:1])},
        TEXT,
        SENTENCES,
    )
    comparison = peer_comparison(
        pd.concat([scores, scores.assign(system="spaCy NER")], ignore_index=True)
    )
    drawn = [
        stage_scores_chart(pooled_scores(scores)),
        article_scores_chart(scores),
        errors_chart(errors),
        peers_chart(comparison),
    ]
    for chart in drawn:
        assert "No gold" not in str(chart.to_dict())
    empty = stage_scores_chart(pooled_scores(scores.iloc[:0]))
    assert "No gold to measure against" in str(empty.to_dict())
    assert "No errors" in str(errors_chart(errors.iloc[:0]).to_dict())


def test_gold_format_for_the_chapter_keeps_code_and_demotes_headings(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Gold\n\nText.\n\n## Part\n\n```yaml\n# a comment\nkey: 1\n```\n")
    shown = gold_format(readme)
    assert "# Gold" not in shown and "### Part" in shown
    assert "\n# a comment\n" in shown and "key: 1" in shown


def test_one_quotation_over_two_gold_statements_is_not_a_bonus():
    """Precision counts gold statements found plus spurious rows: a row covering two
    gold quotations is two statements (both right here), and a stray row is one more."""
    text = 'Talks\n\n"We agree. We will sign," Anna Berg said. "Nothing," Olaf Berg said.'
    gold = {
        **GOLD,
        "quotes": [
            {"kind": "direct", "text": "We agree", "speaker": "anna-berg"},
            {"kind": "direct", "text": "We will sign", "speaker": "anna-berg"},
        ],
    }
    entities = pd.DataFrame(
        [
            {"entity_id": "e1", "name": "Anna Berg", "type": "PERSON", "aliases": "Berg"},
            {"entity_id": "e2", "name": "Olaf Berg", "type": "PERSON", "aliases": ""},
        ]
    )
    start, end = span(text, "We agree. We will sign,")
    stray_start, stray_end = span(text, "Nothing,")
    quotes = pd.DataFrame(
        [
            {"start": start, "end": end, "kind": "direct", "speaker_id": "e1", "speaker": "Anna Berg"},
            {"start": stray_start, "end": stray_end, "kind": "direct", "speaker_id": "e2",
             "speaker": "Olaf Berg"},
        ]
    )  # fmt: skip
    score = score_quotes(gold, text, quotes, entities, kind="direct")
    assert (score.correct, score.expected, score.produced) == (2, 2, 3)
    assert score.precision == 2 / 3
