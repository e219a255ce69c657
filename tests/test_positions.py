"""Stances: negation, reversal, composition and hedging, on invented text with its own
issue catalogue (none of the seed's words)."""

import pytest

from newsbook.book.tables import chapter_tables
from newsbook.pipeline import analyze
from newsbook.text.article import make_article

CATALOGUE = [
    {"id": "dam", "label": "The river dam", "patterns": [r"\bdam\b"]},
    {"id": "charter", "label": "The water charter", "patterns": [r"\bwater charter\b"]},
    {"id": "talks", "label": "Formal talks", "patterns": [r"\bformal talks\b"]},
    {"id": "ban", "label": "A nuclear test ban", "patterns": [r"\btest ban\b"]},
    {"id": "cut-fleet", "label": "Cutting the fishing fleet", "patterns": [r"\bfishing fleet\b"]},
    {
        "id": "link-loan-dam",
        "label": "Linking the loan to the dam",
        "patterns": [
            r"\b(?:link|linked|tie|tied)\b.*\bloan\b",
            r"\bloan\b.*\b(?:link|linked|tie|tied)\b",
        ],
    },
]
INTRO = "Prime Minister Ana Roth of Norland and President Lev Okon of Sudmark met on Monday.\n\n"


def positions_of(text: str, resources):
    article = make_article(INTRO + text, article_id="t", published="2010-03-02")
    return analyze(article, resources.with_issues(CATALOGUE))["positions"]


@pytest.mark.parametrize(
    ("text", "actor_id", "issue_id", "stance"),
    [
        ("Norland will not back down from its opposition to the dam.", "norland", "dam", "oppose"),
        (
            "Roth said the loan and the dam should not be linked.",
            "ana-roth",
            "link-loan-dam",
            "oppose",
        ),
        ("Okon insisted that the water charter be honoured.", "lev-okon", "charter", "support"),
        ("Sudmark refuses to hold formal talks on the river.", "sudmark", "talks", "oppose"),
        ("Okon backs the dam.", "lev-okon", "dam", "support"),
        ("Roth does not support the dam.", "ana-roth", "dam", "oppose"),
        ("Roth said the dam is an absurd and dangerous idea.", "ana-roth", "dam", "oppose"),
        ("Okon predicted that Norland could accept the dam.", "lev-okon", "dam", "neutral"),
        ("President Okon warned Norland against building the dam.", "lev-okon", "dam", "oppose"),
        ("Roth called for a water charter.", "ana-roth", "charter", "support"),
        ("Roth congratulated Okon for backing the dam.", "lev-okon", "dam", "support"),
        ("Roth and Okon both oppose the dam.", "lev-okon", "dam", "oppose"),
        ("Okon supports a test ban.", "lev-okon", "ban", "support"),
        (
            "Sudmark refuses to discuss changing the water charter to allow the dam.",
            "sudmark",
            "dam",
            "oppose",
        ),
        (
            "Sudmark refuses to discuss changing the water charter to allow the dam.",
            "sudmark",
            "charter",
            "support",
        ),
        ("Norland rejects the test ban.", "norland", "ban", "oppose"),
        ("Roth wants to reduce the fishing fleet.", "ana-roth", "cut-fleet", "support"),
        ("Okon refuses to cut the fishing fleet.", "lev-okon", "cut-fleet", "oppose"),
    ],
)
def test_stance_forms(resources, text, actor_id, issue_id, stance):
    positions = positions_of(text, resources)
    rows = positions[(positions["actor_id"] == actor_id) & (positions["issue_id"] == issue_id)]
    assert len(rows), positions[["actor_id", "issue_id", "stance", "cue"]]
    assert rows.iloc[0]["stance"] == stance


def test_prediction_is_flagged_hedged(resources):
    positions = positions_of(
        "One option could see Sudmark agreeing to the dam, Okon said.", resources
    )
    rows = positions[positions["issue_id"] == "dam"]
    assert len(rows) and set(rows["stance"]) == {"neutral"} and rows["hedged"].all()


def test_no_issue_no_position(resources):
    assert positions_of("Okon backs the new airport.", resources).empty


def test_analyst_override_keeps_what_the_machine_said(resources, tmp_path):
    import dataclasses

    from newsbook.stages.positions import disagreements

    text = "Okon backs the dam."
    machine = positions_of(text, resources)
    row = machine[machine["actor_id"] == "lev-okon"].iloc[0]
    (tmp_path / "t.yml").write_text(
        "positions:\n"
        f"  - {{actor_id: lev-okon, issue_id: dam, stance: oppose, sentence_id: {row.sentence_id}}}\n",
        encoding="utf-8",
    )
    own = dataclasses.replace(resources, annotations_dir=tmp_path)
    coded = positions_of(text, own)
    okon = coded[coded["actor_id"] == "lev-okon"]
    assert list(okon["source"]) == ["manual"] and list(okon["machine_stance"]) == ["support"]
    assert list(disagreements(coded)["stance"]) == ["oppose"]


def test_a_numbered_group_is_its_named_members(resources):
    text = (
        "Norland will not back the dam, two ministers said.\n\n"
        "Finance Minister Maria Lopez and Trade Minister John Carter spoke after the meeting."
    )
    positions = positions_of(text, resources)
    dam = positions[positions["issue_id"] == "dam"]
    assert {"maria-lopez", "john-carter"} <= set(dam["actor_id"])
    assert set(dam["stance"]) == {"oppose"}


def test_evidence_is_exactly_the_text_at_its_offsets(resources):
    text = "Okon said on Monday that his government\nbacks the dam without reserve."
    article = INTRO + text
    positions = positions_of(text, resources)
    assert len(positions)
    for row in positions.itertuples():
        assert article[row.start : row.end] == row.evidence


def test_cli_takes_an_issue_catalogue(tmp_path, capsys):
    from newsbook.cli import main

    article = tmp_path / "a.txt"
    article.write_text(INTRO + "Okon backs the dam.", encoding="utf-8")
    catalogue = tmp_path / "issues.yml"
    catalogue.write_text("issues:\n  - {id: dam, label: The dam, patterns: ['\\bdam\\b']}\n")
    assert (
        main(["analyze", str(article), "--issues", str(catalogue), "--out", str(tmp_path / "o")])
        == 0
    )
    assert "dam" in (tmp_path / "o" / "positions.csv").read_text(encoding="utf-8")
    catalogue.write_text("issues:\n  - {id: dam, patterns: ['(unclosed']}\n")
    assert main(["analyze", str(article), "--issues", str(catalogue)]) == 2
    assert "invalid" in capsys.readouterr().err


def test_chapters_take_an_issue_catalogue(tmp_path):
    from newsbook.errors import InputError

    article = tmp_path / "a.txt"
    article.write_text(INTRO + "Okon backs the dam.", encoding="utf-8")
    catalogue = tmp_path / "issues.yml"
    catalogue.write_text("issues:\n  - {id: dam, label: The dam, patterns: ['\\bdam\\b']}\n")
    tables = chapter_tables(str(article), "2010-03-02", str(catalogue))
    assert "dam" in set(tables["positions"]["issue_id"])
    assert "dam" not in set(chapter_tables(str(article), "2010-03-02")["positions"]["issue_id"])
    with pytest.raises(InputError):
        chapter_tables(str(article), "2010-03-02", str(tmp_path / "missing.yml"))


def test_a_stance_only_hoped_for_is_nobody_s(resources):
    positions = positions_of(
        "Okon hopes to secure Norland's support for the dam by offering a loan.", resources
    )
    dam = positions[positions["issue_id"] == "dam"]
    assert "lev-okon" in set(dam["actor_id"]) and "norland" not in set(dam["actor_id"])
