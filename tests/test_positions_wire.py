"""Stances of wire reports (officials, companies and analysts reported; bids, offers and
votes): constructions on invented text, with the project's catalogue only."""

import pytest

from tests.articles import invented_tables

INTRO = "Prime Minister Ana Roth of Norland and President Lev Okon of Sudmark met on Monday.\n\n"


def discovered_of(text: str, resources):
    """The positions table of an invented report, as a new user gets it."""
    return invented_tables(INTRO + text, resources)["positions"]


def sides(positions) -> set[tuple[str, str]]:
    return set(zip(positions["actor_id"], positions["stance"], strict=True))


@pytest.mark.parametrize(
    ("text", "actor_id", "stance"),
    [
        # a proposal its subject puts forward is the subject's own, as "Norland's offer" is
        ("Norland made a tender offer to acquire the steel mill.", "norland", "support"),
        ("Okon said Norland had made a final offer to the dockers.", "norland", "support"),
        ("Norland submitted a new wage proposal on Friday.", "norland", "support"),
        # a miscalculation is a judgement on what it is said of
        ("Okon said Roth's tax-cutting policy was a miscalculation.", "lev-okon", "oppose"),
        ("Okon said the port levy was a serious misjudgment.", "lev-okon", "oppose"),
        # a word of judgement a stance is on is the thing judged
        ("Okon has reaffirmed his opposition to protectionism.", "lev-okon", "oppose"),
        ("Roth vowed to fight against corruption.", "ana-roth", "oppose"),
        # "fight against" is one cue, not two oppositions that cancel
        ("Roth vowed to fight against the port levy.", "ana-roth", "oppose"),
        # what something is ("is how we keep it open") is no question
        ("Okon said the port levy is how we keep the harbour open.", "lev-okon", "support"),
        # "whether X ... is questionable" asks a question, it judges no side
        (
            'Okon backs the port levy. "Whether the port levy could take effect in time is '
            'questionable," Okon said.',
            "lev-okon",
            "support",
        ),
        # to reverse a measure is to undo it
        ("Roth proposed a port levy. Okon said Norland must reverse it.", "lev-okon", "oppose"),
        # a judgement in a clause after "too" is denied
        (
            "Okon said the two have too many common interests to make it worthwhile to back "
            "the port levy.",
            "lev-okon",
            "oppose",
        ),
        (
            "Okon said Norland has too much at stake to make it worthwhile to oppose the port levy.",
            "lev-okon",
            "support",
        ),
    ],
)
def test_a_wire_actor_s_stance(resources, text, actor_id, stance):
    positions = discovered_of(text, resources)
    rows = positions[positions["actor_id"] == actor_id]
    assert set(rows["stance"]) == {stance}, positions[["actor_id", "issue_id", "stance"]]


@pytest.mark.parametrize(
    "text",
    [
        # a proposal only possible, or not made, is no one's
        "Norland may make a tender offer for the steel mill.",
        "Norland did not make an offer for the steel mill.",
        # a price's move "against" another compares, it takes no side
        "Immediately after the vote, the Norland dollar weakened sharply against all major currencies.",
        "The Norland crown rose against all major currencies on Friday.",
        # an indirect question asks, it takes no side
        "The question remains of how the port levy will be financed, Norland said.",
        "Norland asked how the port levy would be financed.",
        # what is speculated is no one's stance
        "There has been speculation that Norland would reject the port levy.",
        "Traders speculated that Norland would back the port levy.",
    ],
)
def test_no_wire_stance(resources, text):
    positions = discovered_of(text, resources)
    assert "norland" not in set(positions["actor_id"]), positions[["actor_id", "stance"]]


@pytest.mark.parametrize(
    ("text", "cue", "target", "taken"),
    [
        # a passive subject with a that-clause is who holds the view, not what it is on
        (
            "The board was determined that the port levy was inadequate.",
            "determined",
            "board",
            False,
        ),
        ("The port levy was rejected by the board.", "rejected", "levy", True),
    ],
)
def test_what_a_passive_cue_is_about(resources, text, cue, target, taken):
    from newsbook.pipeline import language
    from newsbook.stages.positions import stance_targets

    doc = language(resources)(text)
    word = next(t for t in doc if t.text == cue)
    targets = {t.text for t in stance_targets(word, resources.stance)}
    assert (target in targets) == taken, targets


@pytest.mark.parametrize(
    "text",
    [
        "Following the vote, panel member Dr. Lena Vask, a Boston dermatologist, said the "
        "port levy was a mistake.",
        "Lena Vask, British minister of Agriculture, opposes the port levy.",
    ],
)
def test_a_place_describing_a_named_holder_holds_nothing(resources, text):
    """ "X, a Boston dermatologist, said", "X, British minister of farming, opposes": the
    place or nation on the role describes the person, it holds no stance of its own."""
    positions = discovered_of(text, resources)
    assert set(positions["actor_id"]) == {"lena-vask"}, positions[["actor_id", "stance"]]


def test_an_amount_asked_for_is_no_issue(resources):
    # what the amount is for may be an issue; the amount itself never is
    text = "Norland has requested a total of 312 billion dlrs for the harbour in 1990."
    positions = discovered_of(text, resources)
    assert not {"total", "dlrs"} & set(positions["issue_id"]), positions[["issue_id", "cue"]]


def test_what_a_comparison_sets_beside_the_act_is_not_the_actor_s(resources):
    """ "approving less than he had proposed for X": X is his proposal, set beside what
    the committee approved; the committee takes no side on X by comparing."""
    positions = discovered_of(
        "The Harbour Committee slashed Okon's funding request for the sea wall, approving "
        "2 million dlrs less than he had proposed for the breakwater program.",
        resources,
    )
    program = positions[positions["target"].str.contains("breakwater")]
    assert sides(program) == {("lev-okon", "support")}, positions


@pytest.mark.parametrize(
    ("headline", "body", "actor_id", "stance"),
    [
        (
            "KESTRA <KST> REJECTS UNSOLICITED TAKEOVER BID",
            "Kestra Corp said its board urged shareholders to reject the bid from Lumo Inc.",
            "kestra-corp",
            "oppose",
        ),
        (
            "Harbour Board Backs Cuts Over Dockers' Protests",
            "The Vellmouth Harbour Board voted 5-2 on Monday for the cuts.",
            "vellmouth-harbour-board",
            "support",
        ),
        (
            "Appeals court voids permit for Tolliver lithium mine",
            "The Vellmouth Court of Appeals ruled that the permit was unlawful.",
            "vellmouth-court-of-appeals",
            "oppose",
        ),
    ],
)
def test_a_headline_s_stance(resources, headline, body, actor_id, stance):
    """Headlines in capitals past a ticker, in title case, in headlinese with its articles
    dropped: the stance their verb states is their subject's, the body named in the story
    ("the board", "Kestra" for "Kestra Corp")."""
    positions = invented_tables(f"{headline}\n\n{body}\n", resources)["positions"]
    first = positions[positions["sentence_id"] == 0]
    assert (actor_id, stance) in sides(first), positions[["actor_id", "stance", "sentence_id"]]


@pytest.mark.parametrize(
    ("text", "holders"),
    [
        ("Norland officials said they opposed the harbour levy.", {"norland"}),
        ("Norland government officials rejected the harbour levy.", {"norland"}),
        ("Former Norland officials said they opposed the harbour levy.", set()),
        ("Some Norland officials said they opposed the harbour levy.", set()),
        ("Norland opposition officials said they opposed the harbour levy.", set()),
        ("The Soviet side rejected the harbour levy.", {"soviet"}),
        ("The Soviet foreign ministry rejected the harbour levy.", {"soviet"}),
        ("A Soviet economist rejected the harbour levy.", set()),
    ],
)
def test_who_unnamed_officials_and_national_words_speak_for(resources, text, holders):
    """Officials of a named body speak for it, as its spokesman does; not officials set
    apart from it ("former", "some", "opposition" officials). A nationality on a body of
    the state ("the Soviet side", "ministry") is the state's; on a private person ("a
    Soviet economist"), where they are from."""
    positions = discovered_of(text, resources)
    found = set(positions[positions["sentence_id"] == 1]["actor_id"])
    assert found == holders, positions[["actor_id", "stance", "issue_id"]]
