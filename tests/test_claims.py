"""Contested claims from the text's own markers of contrast, and proposed issues."""

from newsbook.pipeline import analyze
from newsbook.stages.positions import agreement_network
from newsbook.text.article import make_article

INTRO = "Energy Minister Tomas Varga spoke in Oslo on Monday.\n\n"


def tables_of(text: str, resources):
    return analyze(make_article(INTRO + text, article_id="t", published="2010-03-02"), resources)


def test_remarks_set_against_a_document(resources):
    text = (
        '"The plant is safe and has never leaked," Varga said.\n\n'
        "Varga's remarks contrast with an inspection report. The report lists three leaks."
    )
    claims = tables_of(text, resources)["claims"]
    assert len(claims) == 1
    claim = claims.iloc[0]
    assert claim["speaker_id"] == "tomas-varga" and "never leaked" in claim["text"]
    assert "three leaks" in claim["counter_text"]


def test_but_after_another_speaker_contests_the_statement(resources):
    text = (
        "Varga said the plant had never leaked.\n\n"
        "But inspectors found three leaks last year, a report said."
    )
    claims = tables_of(text, resources)["claims"]
    assert list(claims["speaker_id"]) == ["tomas-varga"]


def test_same_speaker_going_on_contests_nothing(resources):
    text = "Varga said the plant was safe. But, he said, costs would rise."
    assert tables_of(text, resources)["claims"].empty


def test_offsets_point_into_the_text(resources):
    text = '"The plant is safe," Varga said.\n\nVarga\'s remarks contrast with a report.'
    tables = tables_of(text, resources)
    article = INTRO + text
    for row in tables["claims"].itertuples():
        assert article[row.start : row.end] == row.text
        assert article[row.counter_start : row.counter_end] == row.counter_text


def test_issue_candidates_are_what_stance_cues_point_at(resources):
    text = "Varga opposes the new pipeline. Farmers oppose the new pipeline too."
    candidates = tables_of(text, resources)["issue_candidates"]
    top = candidates.iloc[0]
    assert top["candidate"] == "new pipeline" and top["n_cues"] == 2


def test_agreement_network_counts_same_and_opposite_sides():
    import pandas as pd

    positions = pd.DataFrame(
        {
            "actor": ["A", "B", "C", "A"],
            "issue": ["dam", "dam", "dam", "tax"],
            "stance": ["support", "support", "oppose", "neutral"],
        }
    )
    network = agreement_network(positions).set_index(["a", "b"])
    assert network.loc[("A", "B"), "score"] == 1
    assert network.loc[("A", "C"), "conflicts"] == 1
    assert network.loc[("B", "C"), "score"] == -1
    assert len(network) == 3
