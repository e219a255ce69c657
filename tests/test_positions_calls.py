"""Stances of wants, interest and calls: what an actor says it is interested in or is
believed to favour, and which way a call goes; on invented text with its own
issue catalogue (none of the gold's or the seed's words)."""

import pytest

from tests.articles import invented_tables

CATALOGUE = [
    {"id": "dam", "label": "The river dam", "patterns": [r"\bdam\b"]},
    {"id": "levy", "label": "A levy on coal", "patterns": [r"\blevy\b"]},
]
INTRO = "Prime Minister Ana Roth of Norland and President Lev Okon of Sudmark met on Monday.\n\n"


def stances_of(text: str, resources) -> set[tuple[str, str, str]]:
    """(actor, issue, stance) of every row the text's positions table has."""
    positions = invented_tables(INTRO + text, resources.with_issues(CATALOGUE))["positions"]
    return set(positions[["actor_id", "issue_id", "stance"]].itertuples(index=False, name=None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adjective of attitude takes its side through its preposition
        ("Okon said Sudmark is still interested in the dam.", ("sudmark", "dam", "support")),
        ("Norland is interested in a levy.", ("norland", "levy", "support")),
        ("Okon said Sudmark is not interested in the dam.", ("sudmark", "dam", "oppose")),
        # a negated verb of attitude with its preposition takes the other side
        ("Okon did not call for the levy.", ("lev-okon", "levy", "oppose")),
        ("Roth never voted for the levy.", ("ana-roth", "levy", "oppose")),
    ],
)
def test_a_side_taken_through_a_preposition(resources, text, expected):
    assert expected in stances_of(text, resources)


def test_interest_in_something_else_is_no_stance_on_the_issue(resources):
    # "interested parties" names who, not what anyone wants
    assert stances_of("Interested parties met Okon on the river.", resources) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a harm done to others judges what does it; a call not to do it is for it
        ("Roth said the levy would punish farmers.", ("ana-roth", "levy", "oppose")),
        (
            "Roth said a levy meant to save the river should not punish farmers.",
            ("ana-roth", "levy", "support"),
        ),
    ],
)
def test_a_harm_verb_judges_its_subject_and_its_negation_turns_round(resources, text, expected):
    assert expected in stances_of(text, resources)
    opposite = {"support": "oppose", "oppose": "support"}[expected[2]]
    assert (*expected[:2], opposite) not in stances_of(text, resources)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Okon is believed to favour the dam.", ("lev-okon", "dam", "support")),
        ("Roth is said to oppose the levy.", ("ana-roth", "levy", "oppose")),
        ("Roth is said to be against the levy.", ("ana-roth", "levy", "oppose")),
        # a deal named by the party it is with
        (
            "Okon is believed to favour the merger with Halden Mining Corp.",
            ("lev-okon", "merger-of-halden-mining-corp", "support"),
        ),
    ],
)
def test_a_stance_heard_of_is_its_subject_s(resources, text, expected):
    assert expected in stances_of(text, resources)


def test_what_an_actor_is_urged_to_do_is_no_stance_of_theirs(resources):
    assert ("lev-okon", "dam", "support") not in stances_of(
        "Okon was urged to back the dam.", resources
    )


def test_a_fact_heard_of_is_no_stance(resources):
    # "against" a quota here compares; what Sudmark is said to be doing is no attitude
    text = "Sudmark is said to be selling 300 barrels a day, against its levy quota of 250."
    assert not any(actor == "sudmark" for actor, _, _ in stances_of(text, resources))


def test_a_deal_is_named_by_the_party_it_is_with(resources):
    rows = stances_of("Okon backs the merger with Halden Mining Corp.", resources)
    assert ("lev-okon", "merger-of-halden-mining-corp", "support") in rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a call on the speaker's own side is the speaker's stance
        ('"Let us finish the dam," Okon said.', ("lev-okon", "dam", "support")),
        ('"Let\'s not raise the levy," Roth said.', ("ana-roth", "levy", "oppose")),
    ],
)
def test_a_call_on_us_is_its_speaker_s_stance(resources, text, expected):
    assert expected in stances_of(text, resources)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a request is a want put to another: its maker's support
        ("Sudmark requested the dam.", ("sudmark", "dam", "support")),
        ("Okon said Sudmark had requested a levy.", ("sudmark", "levy", "support")),
        ("Norland has requested a delay to the dam.", ("norland", "dam", "oppose")),
    ],
)
def test_a_request_is_its_maker_s_stance(resources, text, expected):
    assert expected in stances_of(text, resources)
