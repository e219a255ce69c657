"""Stances of newspaper reports: constructions a report of a decision or a dispute uses,
on invented sentences (none of any gold article's words)."""

import re

import pytest

from newsbook.lexicons import Issue
from newsbook.stages.issues import IssueRef, adopt_short_names
from tests.articles import invented_tables

INTRO = "Mayor Ana Roth of Norland and Lev Okon of the Sudmark Ferry Company met on Monday.\n\n"


def rows_of(text: str, resources):
    """(actor, stance, issue) of every position row, with the project's catalogue only."""
    positions = invented_tables(INTRO + text, resources)["positions"]
    return set(zip(positions["actor_id"], positions["stance"], positions["issue_id"], strict=True))


@pytest.mark.parametrize(
    ("text", "actor_id", "issue_words"),
    [
        # a body that votes to do something supports doing it, whatever it does to its
        # object: the closing, the ban, the rise is the measure decided
        (
            "The Harbour Board voted 6-3 on Friday to close the old ferry pier.",
            "harbour-board",
            "close",
        ),
        (
            "The Harbour Board voted 5-2 to ban private launches from the inner basin.",
            "harbour-board",
            "ban",
        ),
        (
            "The Harbour Board voted 7-1 to raise mooring fees by 9 per cent.",
            "harbour-board",
            "raise",
        ),
        (
            "The Harbour Board voted to merge with the Sudmark Ferry Company.",
            "harbour-board",
            "merge",
        ),
    ],
)
def test_a_vote_to_act_supports_the_act(resources, text, actor_id, issue_words):
    rows = rows_of(text, resources)
    mine = {(stance, issue) for actor, stance, issue in rows if actor == actor_id}
    assert mine and all(stance == "support" for stance, _ in mine), rows
    assert any(issue_words in issue for _, issue in mine), rows


def test_a_vote_to_refuse_is_a_stance_on_what_is_refused(resources):
    # refusing, rejecting, postponing: what is voted on is the object, as without a vote
    rows = rows_of("The Harbour Board voted 6-3 to reject the new ferry terminal.", resources)
    assert ("harbour-board", "oppose", "ferry-terminal") in rows, rows


@pytest.mark.parametrize(
    "text",
    [
        "The board of the Sudmark Ferry Company voted 7-2 to close the old ferry pier.",
        "The board of directors of the Sudmark Ferry Company rejected the new ferry terminal.",
    ],
)
def test_the_board_of_an_organisation_holds_its_stance(resources, text):
    # a governing body named by the organisation it governs acts for that organisation
    rows = rows_of(text, resources)
    assert any(actor == "sudmark-ferry-company" for actor, _, _ in rows), rows


def sentence_stances(text: str, resources) -> set[tuple[str, int, str]]:
    positions = invented_tables(INTRO + text, resources)["positions"]
    return set(
        zip(positions["actor_id"], positions["sentence_id"], positions["stance"], strict=True)
    )


def test_a_speaker_s_own_judgement_argues_their_side(resources):
    # a quoted sentence naming no issue, whose judgement agrees with the one side its
    # speaker takes, argues that side
    rows = sentence_stances(
        "Lev Okon rejected the port levy on Monday. "
        "“Families will pay twice for the same road, and that is unfair,” Okon said.",
        resources,
    )
    assert ("lev-okon", 1, "oppose") in rows and ("lev-okon", 2, "oppose") in rows, rows


@pytest.mark.parametrize(
    "quote",
    [
        # a hedge, or a judgement of the other side (of something else), argues nothing
        "“Families may find that unfair,” Okon said.",
        "“Roth has always been fair with us,” Okon said.",
    ],
)
def test_a_speaker_s_hedged_or_other_judgement_is_no_stance(resources, quote):
    rows = sentence_stances("Lev Okon rejected the port levy on Monday. " + quote, resources)
    assert ("lev-okon", 1, "oppose") in rows and not any(s == 2 for _, s, _ in rows), rows


def test_an_intent_denied_takes_the_act_s_other_side(resources):
    # "has no plans to close X": the closing is not wanted, X is kept
    rows = rows_of(
        "Roth backs the ferry pier. Okon said the company had no plans to close the ferry pier.",
        resources,
    )
    assert ("lev-okon", "support", "ferry-pier") in rows, rows
    assert ("lev-okon", "oppose", "ferry-pier") not in rows, rows


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # judgements a report quotes: what cannot be paid for, what had to be done
        ("Okon said the port levy was unaffordable.", "oppose"),
        ("Okon said the port levy was unavoidable.", "support"),
        ("Okon called the port levy the first honest budget in years.", "support"),
    ],
)
def test_judgements_of_cost_necessity_and_honesty(resources, text, stance):
    rows = rows_of(text, resources)
    assert ("lev-okon", stance, "port-levy") in rows, rows


def test_right_about_judges_a_view_not_the_issue(resources):
    # "the drivers are right about X": the speaker agrees with the drivers, whose side on
    # X the sentence does not tell
    rows = sentence_stances(
        "Roth backs the port levy. “The drivers are right about the port levy,” Okon said.",
        resources,
    )
    assert not any(actor == "lev-okon" for actor, _, _ in rows), rows


@pytest.mark.parametrize(
    "text",
    [
        # an act against something, named by its gerund, is the issue a stance is on
        "Okon said he would not support closing the maternity ward.",
        "Okon said closing the maternity ward is the wrong fix.",
    ],
)
def test_a_measure_named_by_its_gerund_is_the_issue(resources, text):
    rows = rows_of(text, resources)
    assert ("lev-okon", "oppose", "closing-maternity-ward") in rows, rows


def test_could_not_is_a_refusal_not_a_possibility(resources):
    # "could not accept X" says one will not; "may not accept X" only that one might not
    rows = rows_of(
        "Roth backs the port levy. Okon said he could not accept the port levy.", resources
    )
    assert ("lev-okon", "oppose", "port-levy") in rows, rows
    rows = rows_of(
        "Roth backs the port levy. Okon said he may not accept the port levy.", resources
    )
    assert not any(actor == "lev-okon" and stance != "neutral" for actor, stance, _ in rows), rows


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # idioms of judgement a report quotes: a measure out of all proportion, one that
        # finishes someone off, one that begins well, one done properly
        ("Okon called the port levy “a sledgehammer.”", "oppose"),
        ("Okon said the port levy was the end of the line for small traders.", "oppose"),
        ("Roth called the port levy a first step.", "support"),
    ],
)
def test_idioms_of_judgement(resources, text, stance):
    rows = rows_of(text, resources)
    assert (("lev-okon" if "Okon" in text else "ana-roth"), stance, "port-levy") in rows, rows


def test_a_speaker_s_quoted_idiom_argues_their_side(resources):
    rows = sentence_stances(
        "Ana Roth backs the port levy. “We have done everything by the book,” Roth said.",
        resources,
    )
    assert ("ana-roth", 2, "support") in rows, rows


def test_money_better_spent_elsewhere_is_opposed_where_it_goes(resources):
    # money "better spent" elsewhere is money its present use should not have
    rows = rows_of("Okon said the port levy money would be better spent on schools.", resources)
    assert any(
        actor == "lev-okon" and stance == "oppose" and issue.startswith("port-levy")
        for actor, stance, issue in rows
    ), rows


def test_counting_on_a_measure_is_wanting_it(resources):
    rows = rows_of(
        "Roth opposes the port levy. Okon said he was counting on the port levy.", resources
    )
    assert ("lev-okon", "support", "port-levy") in rows, rows


@pytest.mark.parametrize(
    ("quote", "argued"),
    [
        # what the speaker says ought to be done, in their own words, is the case they
        # argue: an obligation is no forecast
        ("“The council has to act before the summer,” Okon said.", True),
        ("“We should stand firm and wait them out,” Okon said.", True),
        # and so is what they themselves wish for
        ("“We hope the council comes to its senses by June,” Okon said.", True),
        # a cost foretold: a consequence they argue
        ("“The small traders will pay for this,” Okon said.", True),
        ("“We will be paying for it for years,” Okon said.", True),
        # a judgement whose copula is negated is the judgement denied
        ("“That is not good for anybody in this town,” Okon said.", True),
        ("“It was never a solution,” Okon said.", True),
        # "cutting us to the bone": a cut judged too deep
        ("“They are cutting us to the bone,” Okon said.", True),
        # a necessity foretold, or an obligation in a relative clause, calls for nothing
        ("“The council will have to find the money somewhere,” Okon said.", False),
        ("“The firms that must file returns are the small ones,” Okon said.", False),
        # someone else's wish, or a wish denied, is not the speaker's call
        ("“The drivers hope to be home by June,” Okon said.", False),
        ("“We do not want to be home by June,” Okon said.", False),
        # a refusal, or a cost already paid, is no consequence foretold
        ("“We are not going to pay for it,” Okon said.", False),
        ("“The small traders paid for the old pier,” Okon said.", False),
    ],
)
def test_what_a_speaker_s_quoted_sentence_argues(resources, quote, argued):
    rows = sentence_stances("Lev Okon rejected the port levy on Monday. " + quote, resources)
    assert ("lev-okon", 1, "oppose") in rows, rows
    assert (("lev-okon", 2, "oppose") in rows) == argued, rows
    assert argued or not any(s == 2 for _, s, _ in rows), rows


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        # the support a clause's subject wins is its giver's, not the subject's
        (
            "Roth won the backing of Lev Okon for the port levy.",
            ("lev-okon", "support", "port-levy"),
            ("ana-roth", "support", "port-levy"),
        ),
        (
            "The ferry levy met opposition from Lev Okon.",
            ("lev-okon", "oppose", "ferry-levy"),
            ("ana-roth", "oppose", "ferry-levy"),
        ),
    ],
)
def test_an_attitude_from_an_actor_is_that_actor_s(resources, text, expected, not_expected):
    rows = rows_of(text, resources)
    assert expected in rows, rows
    assert not_expected not in rows, rows


@pytest.mark.parametrize(
    ("text", "issue_id"),
    [
        # a word of three letters names an issue as well as a longer one
        ("Okon opposed the plan to build a dam.", "dam"),
        ("Okon criticised the war.", "war"),
    ],
)
def test_a_short_word_names_an_issue(resources, text, issue_id):
    assert ("lev-okon", "oppose", issue_id) in rows_of(text, resources)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of attitude with someone for its subject is that one's attitude, though
        # the word as an adjective judges what it is said of ("the move is welcome")
        ("Okon welcomed the port levy.", ("lev-okon", "support", "port-levy")),
        ("He welcomed the port levy.", ("lev-okon", "support", "port-levy")),
        (
            "The company said in a statement it welcomed the port levy.",
            ("sudmark-ferry-company", "support", "port-levy"),
        ),
        (
            "The Sudmark Ferry Company welcomed the port levy.",
            ("sudmark-ferry-company", "support", "port-levy"),
        ),
        ("Okon welcomed the decision to build a dam.", ("lev-okon", "support", "dam")),
    ],
)
def test_who_welcomes_supports(resources, text, expected):
    assert expected in rows_of(text, resources)


def test_a_thing_that_undermines_is_judged_not_an_actor(resources):
    rows = rows_of("Okon said the port levy would undermine the ferry trade.", resources)
    assert ("lev-okon", "oppose", "port-levy") in rows, rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject the parser hangs on the auxiliary is still the verb's
        ("Okon is opposed to the port levy.", ("lev-okon", "oppose", "port-levy")),
        # adjectives of attitude take their side through their preposition
        ("Okon is happy with the port levy.", ("lev-okon", "support", "port-levy")),
        ("Okon is worried about the port levy.", ("lev-okon", "oppose", "port-levy")),
        # an end called for, or put to something, is against it
        ("Okon called for an end to the port levy.", ("lev-okon", "oppose", "port-levy")),
        ("Okon put an end to the port levy.", ("lev-okon", "oppose", "port-levy")),
        # a group of opponents holds its stance in the members it names
        (
            "Opponents of the port levy, including Okon, met on Tuesday.",
            ("lev-okon", "oppose", "port-levy"),
        ),
        ("Okon called the port levy a disgrace.", ("lev-okon", "oppose", "port-levy")),
    ],
)
def test_common_frames_of_a_stance(resources, text, expected):
    assert expected in rows_of(text, resources)


def test_who_calls_a_thing_reckless_is_not_judged(resources):
    rows = rows_of("The company's lawyer, Lev Okon, called the port levy reckless.", resources)
    assert rows == {("lev-okon", "oppose", "port-levy")}, rows


def test_it_names_a_decision_again(resources):
    rows = sentence_stances(
        "A court on Tuesday voided the ferry permit. Okon welcomed the ruling. "
        "The company's lawyer, Ana Roth, called it a win for the town.",
        resources,
    )
    # the ruling went against the permit: so do those who welcome it
    assert ("lev-okon", 2, "oppose") in rows, rows
    assert ("ana-roth", 3, "oppose") in rows, rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common judging word on a word of choice judges the subject
        ("Okon said the port levy was a good idea.", {("lev-okon", "support", "port-levy")}),
        ("Okon said the port levy was the wrong answer.", {("lev-okon", "oppose", "port-levy")}),
        ("Okon said it was a good year for the port.", set()),
        # what a reported clause foretells a thing will do is a judgement of it
        ("Okon said the port levy would hurt trade.", {("lev-okon", "oppose", "port-levy")}),
        # what a thing did is a fact, no judgement
        ("Okon said the storm hurt the ferry trade.", set()),
    ],
)
def test_common_judgements_said_of_a_thing(resources, text, expected):
    assert rows_of(text, resources) == expected


def test_a_phrase_ending_in_a_dative_takes_its_object(resources):
    rows = rows_of("Okon gave the green light to the port levy.", resources)
    assert rows == {("lev-okon", "support", "port-levy")}, rows


def test_who_is_blamed_for_an_act_did_it(resources):
    rows = rows_of("Roth was criticised for backing the port levy.", resources)
    assert ("ana-roth", "support", "port-levy") in rows, rows


def test_it_names_an_issue_named_earlier_in_the_sentence(resources):
    rows = rows_of("Okon backed the port levy, though Roth has said she would block it.", resources)
    assert ("ana-roth", "oppose", "port-levy") in rows, rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reversal of an attitude given takes the other side
        ("Okon dropped his objection to the port levy.", {("lev-okon", "support", "port-levy")}),
        ("Okon withdrew his support for the port levy.", {("lev-okon", "oppose", "port-levy")}),
        # brushing criticism aside is a side against the critics
        (
            "Okon brushed aside criticism of the port levy.",
            {("lev-okon", "support", "port-levy")},
        ),
        # a drop asked for is against what is dropped
        ("Okon urged the council to drop the port levy.", {("lev-okon", "oppose", "port-levy")}),
        # a verb of contest done to a measure, in either voice
        ("Okon attacked the port levy.", {("lev-okon", "oppose", "port-levy")}),
        ("The port levy has been attacked by Okon.", {("lev-okon", "oppose", "port-levy")}),
        ("Okon attacked the town.", set()),
        # a measure as the possessive of a word for its side
        (
            "Okon, one of the port levy's fiercest critics, walked out.",
            {("lev-okon", "oppose", "port-levy")},
        ),
        # neither of two holds the side
        (
            "Neither Okon nor Roth supports the port levy.",
            {("lev-okon", "oppose", "port-levy"), ("ana-roth", "oppose", "port-levy")},
        ),
        # "criticism of Roth": Roth is criticised, not the critic
        (
            "Okon voiced criticism of Roth over the port levy.",
            {("lev-okon", "oppose", "port-levy")},
        ),
        # and said of a measure, a judgement of the measure
        (
            "Okon said the Harbour Act would undermine the ferry trade.",
            {("lev-okon", "oppose", "harbour-act")},
        ),
    ],
)
def test_frames_swept_over_invented_sentences(resources, text, expected):
    assert rows_of(text, resources) == expected


def test_it_names_only_a_decision_already_made(resources):
    rows = sentence_stances(
        "A court on Tuesday voided the ferry permit. Roth demanded a new ruling on the port "
        "levy. Okon said it would be a disaster.",
        resources,
    )
    assert ("lev-okon", 3, "support") not in rows, rows


@pytest.mark.parametrize(
    "text",
    [
        'Okon said: "The port levy has my full support."',
        "Okon said the port levy had his full support.",
        "The port levy won Okon's support.",
    ],
)
def test_a_measure_that_has_someone_s_support(resources, text):
    assert rows_of(text, resources) == {("lev-okon", "support", "port-levy")}


def test_a_verb_spelled_like_an_issue_s_noun_is_no_mention_of_it(resources):
    rows = sentence_stances(
        "The council voted to postpone the port levy. Okon welcomed the vote. "
        "Roth, who does not vote on port matters, said nothing.",
        resources,
    )
    assert not any(sentence == 3 for _, sentence, _ in rows), rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one who tells a listener is who "it" stands for, described or named
        ("The company told Reuters it opposed the port levy.", ("sudmark-ferry-company", "oppose")),
        # a body of an organisation described speaks for it
        ("The company's board rejected the port levy.", ("sudmark-ferry-company", "oppose")),
        # a legal action against something opposes it
        (
            "The company sought an injunction against the port levy.",
            ("sudmark-ferry-company", "oppose"),
        ),
        ("Okon filed a lawsuit against the port levy.", ("lev-okon", "oppose")),
    ],
)
def test_wire_frames_of_a_company_s_stance(resources, text, expected):
    assert (*expected, "port-levy") in rows_of(text, resources)


def test_it_that_would_undermine_something_is_a_thing_judged(resources):
    rows = rows_of(
        "Okon backed the port levy. Roth said it was a mistake and it would undermine trade.",
        resources,
    )
    assert ("sudmark-ferry-company", "oppose", "trade") not in rows, rows
    assert ("ana-roth", "oppose", "port-levy") in rows, rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act against something that a cue of its own calls for is against it, and
        # the act names no issue of its own
        ("Okon called for the abolition of the port levy.", {("lev-okon", "oppose", "port-levy")}),
        ("Okon demanded the removal of the port levy.", {("lev-okon", "oppose", "port-levy")}),
        ("Okon rejected a reduction of the port levy.", {("lev-okon", "support", "port-levy")}),
        (
            "The company said the port levy undervalued its shares.",
            {("sudmark-ferry-company", "oppose", "port-levy")},
        ),
    ],
)
def test_an_act_against_something_called_for(resources, text, expected):
    assert rows_of(text, resources) == expected


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Okon regards the port levy as essential.", "support"),
        ("Okon has never been a fan of the port levy.", "oppose"),
        # the copula's negation is on the noun it predicates
        ("Okon is not a supporter of the port levy.", "oppose"),
        ("Okon has soured on the port levy.", "oppose"),
        ("Okon got behind the port levy.", "support"),
        ("Okon declared war on the port levy.", "oppose"),
    ],
)
def test_idioms_and_verbs_of_regard(resources, text, stance):
    assert rows_of(text, resources) == {("lev-okon", stance, "port-levy")}


def test_a_catalogue_issue_called_by_the_start_of_its_name_is_that_issue(resources):
    """ "We Won't Scrap VTA" where the story names the "VTA Treaty", a catalogue issue:
    the short name is that issue, not one discovered beside it; a common word at the
    start of a catalogue issue's name ("the tax" of "tax increase") stays its own."""
    catalogue = [
        (
            Issue(
                "keep-vta-treaty",
                "Keeping the VTA Treaty",
                patterns=(re.compile(r"\bVTA Treaty\b"),),
            ),
            IssueRef(
                "keep-vta-treaty", "Keeping the VTA Treaty", "catalogue", (r"\bVTA Treaty\b",)
            ),
        ),
        (
            Issue("tax-increase", "A tax increase", patterns=(re.compile(r"\btax increase\b"),)),
            IssueRef("tax-increase", "A tax increase", "catalogue", (r"\btax increase\b",)),
        ),
    ]
    found = [
        (
            Issue("vta", "VTA", patterns=(re.compile(r"\bVTA\b"),)),
            IssueRef("vta", "VTA", "discovered", (r"\bVTA\b",)),
        ),
        (
            Issue("tax", "tax", patterns=(re.compile(r"\btax\b"),)),
            IssueRef("tax", "tax", "discovered", (r"\btax\b",)),
        ),
    ]
    text = (
        "Norland: We Won't Scrap VTA\n\nNorland backs the VTA Treaty and opposes the tax increase."
    )
    widened, kept = adopt_short_names(text, catalogue, found)
    assert [ref.id for _, ref in kept] == ["tax"]
    treaty = dict((issue.id, issue) for issue, _ in widened)["keep-vta-treaty"]
    assert any(p.search("We Won't Scrap VTA") for p in treaty.patterns)
    assert widened[1] == catalogue[1]
