"""Stances: negation, reversal, composition and hedging, on invented text with its own
issue catalogue (none of the seed's words)."""

import re

import pytest

from newsbook.book.tables import chapter_tables
from newsbook.pipeline import analyze
from newsbook.text.article import make_article
from tests.articles import invented_tables

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


def actor_stances(positions, *columns: str) -> set[tuple]:
    """(actor, [columns...,] stance) of every row."""
    keys = ["actor_id", *columns, "stance"]
    return set(positions[keys].itertuples(index=False, name=None))


def positions_of(text: str, resources):
    return invented_tables(INTRO + text, resources.with_issues(CATALOGUE))["positions"]


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
        # a hyphenated word the parser splits is the lexicon's word ("ill - conceived")
        ("Roth said the dam was ill-conceived.", "ana-roth", "dam", "oppose"),
        ("Okon called the dam short-sighted.", "lev-okon", "dam", "oppose"),
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
        (
            "Sudmark refuses to discuss changing the water charter so as to allow the dam.",
            "sudmark",
            "dam",
            "oppose",
        ),
        ("Norland rejects the test ban.", "norland", "ban", "oppose"),
        ("Roth wants to reduce the fishing fleet.", "ana-roth", "cut-fleet", "support"),
        ("Okon refuses to cut the fishing fleet.", "lev-okon", "cut-fleet", "oppose"),
        # explicitly undecided
        ("Okon said he had not taken a position on the dam.", "lev-okon", "dam", "neutral"),
        ("Roth is undecided about the dam.", "ana-roth", "dam", "neutral"),
        ("Okon has no view on the dam.", "lev-okon", "dam", "neutral"),
        ("Okon said he would neither support nor oppose the dam.", "lev-okon", "dam", "neutral"),
        ("Roth would not rule out supporting the dam.", "ana-roth", "dam", "neutral"),
        ("Roth said she had mixed feelings about the dam.", "ana-roth", "dam", "neutral"),
        ("Okon said Sudmark would remain neutral on the dam.", "sudmark", "dam", "neutral"),
        # neither side taken
        ("Okon said he would abstain in the vote on the dam.", "lev-okon", "dam", "neutral"),
        (
            "Roth will vote for or against the dam as the survey decides.",
            "ana-roth",
            "dam",
            "neutral",
        ),
        # not taken: a refusal to abstain, an abstention denied
        ("Okon said he would not abstain but vote against the dam.", "lev-okon", "dam", "oppose"),
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
    assert set(rows["actor_id"]) == {"lev-okon"}  # Sudmark's agreeing is only imagined


@pytest.mark.parametrize(
    "text",
    [
        "Okon predicted that Norland could accept the dam.",
        "Norland might back the dam.",
        "The council is expected to vote on the water charter in June.",
    ],
)
def test_a_prediction_or_possibility_is_no_stance(resources, text):
    # data/gold/README.md: predictions are not stances; "neutral" is explicitly undecided
    assert positions_of(text, resources).empty


@pytest.mark.parametrize(
    ("text", "actor_id", "issue_id", "stance"),
    [
        # a side on "the vote" is a side on what the vote decided, taken its way
        (
            "The council voted to postpone the water rate increase. Roth praised the vote.",
            "ana-roth",
            "water-rate-increase",
            "oppose",
        ),
        (
            "The council voted to approve the port levy. Okon criticised the vote.",
            "lev-okon",
            "port-levy",
            "oppose",
        ),
        # a ruling is what a court's verbs decide, not what a vote did before it
        (
            "The council voted to approve the port levy. The court overturned the port levy. "
            "Okon criticised the ruling.",
            "lev-okon",
            "port-levy",
            "support",
        ),
        # a vote still to be held decides nothing yet
        (
            "The council voted to approve the port levy. Okon called for a public vote.",
            "lev-okon",
            "public-vote",
            "support",
        ),
    ],
)
def test_a_side_on_a_decision_is_a_side_on_what_it_decided(
    resources, text, actor_id, issue_id, stance
):
    positions, _ = discovered_of(text, resources)
    rows = positions[positions["actor_id"] == actor_id]
    assert set(zip(rows["issue_id"], rows["stance"], strict=True)) == {(issue_id, stance)}, rows[
        ["actor_id", "issue_id", "stance", "cue"]
    ]


@pytest.mark.parametrize(
    ("text", "issue_id"),
    [
        ("Okon accepted the water accord with reluctance.", "water-accord"),
        ("Roth opposed the port levy on principle.", "port-levy"),
    ],
)
def test_how_an_act_was_done_is_no_issue(resources, text, issue_id):
    # after a verb's object, "with reluctance", "on principle" tell the circumstances
    positions, _ = discovered_of(text, resources)
    assert set(positions["issue_id"]) == {issue_id}, positions[["actor_id", "issue_id", "cue"]]


def test_no_stance_cue_no_position(resources):
    assert positions_of("Okon visited the new airport.", resources).empty


@pytest.mark.parametrize(
    "text",
    [
        # a warning takes a side only through its clause, and only on an issue named
        # before: not on whom it is given to, nor on what it first names
        "Okon warned Norland on Monday.",
        "Okon warned that interest rates would rise.",
    ],
)
def test_a_warning_alone_is_no_stance(resources, text):
    positions, _ = discovered_of(text, resources)
    assert positions.empty, positions[["actor_id", "issue_id", "stance", "cue"]]


def discovered_of(text: str, resources, **article):
    """Positions and issues with the project's catalogue only, as a new user gets them."""
    tables = invented_tables(INTRO + text, resources, **article)
    return tables["positions"], tables["issues"]


@pytest.mark.parametrize(
    ("text", "actor_id", "issue_id", "stance"),
    [
        # a stance cue's target no catalogue names is an issue of its own
        ("Okon backs the new airport.", "lev-okon", "airport", "support"),
        # role nouns of a side, and concerns a named holder voices
        ("Okon is a vocal critic of the casino project.", "lev-okon", "casino-project", "oppose"),
        (
            "Roth is a strong supporter of the casino project.",
            "ana-roth",
            "casino-project",
            "support",
        ),
        ("Okon voiced concerns about the mining permit.", "lev-okon", "mining-permit", "oppose"),
        # an issue noun alone, before any issue is named, is the issue
        ("Okon voted against the budget.", "lev-okon", "budget", "oppose"),
        # idioms of judgement
        ("Okon said the new stadium was a waste of money.", "lev-okon", "stadium", "oppose"),
        ("Roth said the curfew would do more harm than good.", "ana-roth", "curfew", "oppose"),
        # a word of judgement inside a name judges nothing
        (
            "The Fair Trade Commission rejected the merger.",
            "fair-trade-commission",
            "merger",
            "oppose",
        ),
        ("Okon praised the Fair Housing Alliance.", "lev-okon", "fair-housing-alliance", "support"),
        # the preposition a phrasal cue ends in leads to its target
        (
            "Norland said it would abide by the fishing accord.",
            "norland",
            "fishing-accord",
            "support",
        ),
        # weighing something up is being explicitly undecided on it, not its options
        (
            "Norland said it was studying the fishing accord.",
            "norland",
            "fishing-accord",
            "neutral",
        ),
        # what the time has come for is called for (not what took time)
        ("Okon said it was time to drop the port levy.", "lev-okon", "port-levy", "oppose"),
        # a ban is a measure, an issue, though "ban" is a word of opposition too
        ("Okon opposes the smoking ban.", "lev-okon", "smoking-ban", "oppose"),
        # a phrasal verb whose particle the parser hangs the object on, or its object
        # splits off
        ("Okon urged the council to vote down the rental ban.", "lev-okon", "rental-ban", "oppose"),
        (
            "Okon opposes the rental ban. He urged the council to vote it down.",
            "lev-okon",
            "rental-ban",
            "oppose",
        ),
        # verbs of condemnation, praise and fear
        ("Okon slammed the fishing quota.", "lev-okon", "fishing-quota", "oppose"),
        ("Roth hailed the water accord.", "ana-roth", "water-accord", "support"),
        (
            "Okon fears that the fishing quota will ruin the coast.",
            "lev-okon",
            "fishing-quota",
            "oppose",
        ),
        ("Roth warned that the port levy would hurt farmers.", "ana-roth", "port-levy", "oppose"),
        # evaluative nouns and adjectives on the target
        ("Roth said the port levy is a reckless scheme.", "ana-roth", "port-levy", "oppose"),
        ("Okon called the water accord a breakthrough.", "lev-okon", "water-accord", "support"),
        ("Roth said the dangerous port levy must go.", "ana-roth", "port-levy", "oppose"),
        # a judging subject judges what it is said to be
        ("Roth said the biggest mistake was the port levy.", "ana-roth", "port-levy", "oppose"),
        # metaphors of direction
        ("Roth said the port levy is a step backwards.", "ana-roth", "port-levy", "oppose"),
        (
            "Okon said the water accord puts the river on the right track.",
            "lev-okon",
            "water-accord",
            "support",
        ),
        # phrasal verbs of attitude
        ("Sudmark moved ahead with the port levy.", "sudmark", "port-levy", "support"),
        # idioms whose own words are no target and no second cue, whatever noun or
        # preposition the parser hangs their preposition on
        ("Okon took aim at the port levy.", "lev-okon", "port-levy", "oppose"),
        ("Roth hit out at the fishing quota.", "ana-roth", "fishing-quota", "oppose"),
        ("Okon cast doubt on the port levy.", "lev-okon", "port-levy", "oppose"),
        ("Roth poured cold water on the water accord.", "ana-roth", "water-accord", "oppose"),
        ("Okon signed off on the port levy.", "lev-okon", "port-levy", "support"),
        ("Okon came out against the port levy.", "lev-okon", "port-levy", "oppose"),
        ("Roth spoke out against the fishing quota.", "ana-roth", "fishing-quota", "oppose"),
        # adjectives of attitude with their preposition, and a passive participle of
        # one, whose subject holds it
        ("Okon is wary of the port levy.", "lev-okon", "port-levy", "oppose"),
        ("Roth is sceptical about the fishing quota.", "ana-roth", "fishing-quota", "oppose"),
        ("Okon said he was pleased with the water accord.", "lev-okon", "water-accord", "support"),
        (
            "Roth said she was disappointed with the water accord.",
            "ana-roth",
            "water-accord",
            "oppose",
        ),
        ("Okon is disappointed with the port levy.", "lev-okon", "port-levy", "oppose"),
        ("Roth threw her weight behind the port levy.", "ana-roth", "port-levy", "support"),
        # a noun of attitude the lexicon lists as it stands, though its verb is a cue
        # only as a verb ("backing", of "back")
        ("Okon's backing of the port levy surprised Roth.", "lev-okon", "port-levy", "support"),
        # a verb that gives a noun of attitude, and the preposition toward what
        ("Okon lent his support to the port levy.", "lev-okon", "port-levy", "support"),
        ("Roth voiced her opposition to the fishing quota.", "ana-roth", "fishing-quota", "oppose"),
        ("Okon gave no support to the port levy.", "lev-okon", "port-levy", "oppose"),
        # verbs of undoing a measure
        ("Roth said the port levy should be repealed.", "ana-roth", "port-levy", "oppose"),
        ("Okon voted to rescind the fishing quota.", "lev-okon", "fishing-quota", "oppose"),
        # verbs of wrecking a measure, and of leading one
        ("Roth tried to torpedo the port levy.", "ana-roth", "port-levy", "oppose"),
        ("Okon spearheaded the fishing quota.", "lev-okon", "fishing-quota", "support"),
        ("Roth said the port levy was a recipe for disaster.", "ana-roth", "port-levy", "oppose"),
        # judging phrases ("makes sense", "bad news"), negated or not
        ("Roth said the water accord made sense.", "ana-roth", "water-accord", "support"),
        ("Okon said the port levy made no sense.", "lev-okon", "port-levy", "oppose"),
        ("Roth said the port levy was bad news for farmers.", "ana-roth", "port-levy", "oppose"),
        # a good taken away or brought, also an amount of one
        ("Okon said the port levy would cost jobs.", "lev-okon", "port-levy", "oppose"),
        (
            "Roth said the fishing quota would cost thousands of jobs.",
            "ana-roth",
            "fishing-quota",
            "oppose",
        ),
        ("Okon said the water accord would save lives.", "lev-okon", "water-accord", "support"),
        # putting off and disagreeing with
        ("Okon voted to postpone the port levy.", "lev-okon", "port-levy", "oppose"),
        ("Roth led the push to delay the port levy.", "ana-roth", "port-levy", "oppose"),
        ("Okon disagreed with the port levy.", "lev-okon", "port-levy", "oppose"),
        # an attitude through its preposition, as written ("committed to", not "commit
        # troops to"), also through "by", which the parser reads as an agent
        ("Okon is committed to the port levy.", "lev-okon", "port-levy", "support"),
        (
            "Roth said she was disappointed by the fishing quota.",
            "ana-roth",
            "fishing-quota",
            "oppose",
        ),
        # a phrase with a negation of its own is one cue, not a negated one
        ("Roth had no problem with the port levy.", "ana-roth", "port-levy", "support"),
        # a verb of naming in a phrase with a side ("called off X", not "called X a folly")
        ("Okon called off the water accord.", "lev-okon", "water-accord", "oppose"),
        ("Roth questioned the wisdom of the port levy.", "ana-roth", "port-levy", "oppose"),
        # a warning of what an issue named before will bring is against it
        (
            "Roth backs a port levy. Okon warned that the port levy would drive shippers away.",
            "lev-okon",
            "port-levy",
            "oppose",
        ),
        # a relative clause on a mention is a stance on it, also where the issue is known
        ("Roth backs a levy. The levy, which Okon rejected, is new.", "lev-okon", "levy", "oppose"),
        # and so is one with no relative pronoun ("the levy Okon rejected")
        ("Roth backs a levy. The levy Okon rejected is new.", "lev-okon", "levy", "oppose"),
        ("Okon said the fishing quota he wants is modest.", "lev-okon", "fishing-quota", "support"),
        # a participle with its agent on a mention is the agent's stance on it
        ("The fishing quota, vetoed by Okon, is back.", "lev-okon", "fishing-quota", "oppose"),
        ("Roth backs a levy. The levy, proposed by Okon, is new.", "lev-okon", "levy", "support"),
        # a code names a plan ("a 50/50 plan"), a count does not
        ("Okon supports a 50/50 plan.", "lev-okon", "50-50-plan", "support"),
        # a bare gerund is the thing done
        ("Okon testified in favor of rezoning.", "lev-okon", "rezoning", "support"),
        # words of intent and commitment name what they commit to
        ("Okon proposed a port levy.", "lev-okon", "port-levy", "support"),
        ("Roth promised a fishing quota.", "ana-roth", "fishing-quota", "support"),
        # what is needed is wanted
        ("Okon said the port levy was needed.", "lev-okon", "port-levy", "support"),
        # a possessive pronoun on a word for an issue points back like "the"
        ("Roth backs a port levy. Okon rejected her proposal.", "lev-okon", "port-levy", "oppose"),
        # "it" is the issue last named
        ("Roth backs a port levy. Okon said it is a mistake.", "lev-okon", "port-levy", "oppose"),
        # coordinated and appositive subjects each hold the stance
        ("Roth and Okon slammed the fishing quota.", "ana-roth", "fishing-quota", "oppose"),
        ("Roth and Okon slammed the fishing quota.", "lev-okon", "fishing-quota", "oppose"),
        (
            "Two ministers, Roth and Okon, rejected the port levy.",
            "lev-okon",
            "port-levy",
            "oppose",
        ),
    ],
)
def test_discovered_stance_forms(resources, text, actor_id, issue_id, stance):
    positions, _ = discovered_of(text, resources)
    rows = positions[(positions["actor_id"] == actor_id) & (positions["issue_id"] == issue_id)]
    assert len(rows), positions[["actor_id", "issue_id", "stance", "cue"]]
    assert set(rows["stance"]) == {stance}
    assert set(rows["issue_source"]) == {"discovered"}


def test_discovered_issues_merge_by_head_and_words(resources):
    positions, issues = discovered_of(
        "Roth backs the sales tax. Okon opposes the tax. Norland rejected the new sales tax.",
        resources,
    )
    assert set(positions["issue_id"]) == {"sales-tax"}
    assert list(issues["issue_id"]) == ["sales-tax"]
    row = issues.iloc[0]
    assert row["issue_source"] == "discovered" and row["n_actors"] == 3
    assert re.search(row["pattern"], "a sales tax", re.IGNORECASE)
    assert "tax" in row["terms"].split(" | ")


def test_a_head_two_discovered_issues_share_names_only_the_first_alone(resources):
    """After "the toll bridge" and "the rail bridge", "the bridge" alone is the toll
    bridge, as the first reading took it; it is not read inside "the rail bridge" or in
    "anti-bridge"."""
    positions, _ = discovered_of(
        "Okon backs the toll bridge. Roth opposes the rail bridge. "
        "Roth praised the anti-bridge protesters. Okon said the bridge was a sound investment.",
        resources,
    )
    toll = positions[positions["issue_id"] == "toll-bridge"]
    assert list(zip(toll["actor_id"], toll["sentence_id"], toll["stance"], strict=True)) == [
        ("lev-okon", 1, "support"),
        ("lev-okon", 4, "support"),
    ], positions
    assert list(positions.loc[positions["sentence_id"] == 2, "issue_id"]) == ["rail-bridge"]


def test_a_wire_headline_with_ticker_symbols_names_its_company(resources):
    """ "KORVAL <KMC> REJECTS ...": the ticker is no word of the sentence, and the headline's
    "KORVAL" is the Korval Mining Corp the story names in full."""
    positions = invented_tables(
        "KORVAL <KMC> REJECTS NORLAND'S <NHI> OFFER\n\nKorval Mining Corp <KMC> said its "
        "board rejected the 40 dlr a share offer made by Norland Holdings Inc <NHI> on Monday.",
        resources,
    )["positions"]
    headline = positions[positions["sentence_id"] == 0]
    assert list(zip(headline["actor_id"], headline["stance"], strict=True)) == [
        ("korval-mining-corp", "oppose")
    ], positions


def test_the_catalogue_wins_where_it_matches(resources):
    positions, issues = discovered_of("Okon opposes the missile defense shield.", resources)
    assert list(positions["issue_id"]) == ["us-missile-defense"]
    assert list(issues["issue_source"]) == ["catalogue"]
    own = positions_of("Okon backs the dam.", resources)
    assert set(own.loc[own["issue_id"] == "dam", "issue_source"]) == {"analyst"}


def test_a_signed_column_is_its_writer_s(resources):
    text = "By Jane Marlow\n\nThe port levy is a dangerous folly. Okon backs the port levy."
    positions, _ = discovered_of(text, resources)
    levy = positions[positions["issue_id"] == "port-levy"]
    assert ("jane-marlow", "oppose") in set(zip(levy["actor_id"], levy["stance"], strict=True))
    assert ("lev-okon", "support") in set(zip(levy["actor_id"], levy["stance"], strict=True))


def test_a_signed_report_tells_others_stances_and_holds_none(resources):
    """A byline signs news reports as often as columns: a report that only tells what
    others did and said is no one's stance in its writer's name."""
    text = (
        "By Jane Marlow\n\nThe council voted on Tuesday to reject the port levy. "
        "Okon backs the port levy, and said he would bring it back next year. "
        "The harbour board rejected the levy last month."
    )
    positions, _ = discovered_of(text, resources)
    assert "jane-marlow" not in set(positions["actor_id"])
    assert ("lev-okon", "support") in set(
        zip(positions["actor_id"], positions["stance"], strict=True)
    )


COLUMN_AGAINST = (
    "By Jane Marlow\n\nThe port levy is a dangerous folly. The harbour board should scrap "
    "the port levy. Okon backs the port levy. The port levy is a costly mistake. "
)


@pytest.mark.parametrize(
    ("sentence", "argued"),
    [
        # a judgement in the writer's own voice argues the side the column takes
        ("That would be a reckless way to treat the fleet.", True),
        ("The whole affair is a sorry mess.", True),
        # not one judging the other way too, nor one the writer hedges
        ("It is a clumsy way to reach a fair result.", False),
        ("The whole affair may prove a sorry mess.", False),
        # nor another's words: a quotation is its speaker's
        ('"It is a costly mistake," Roth said.', False),
        # nor a sentence with no judgement
        ("The harbour board meets on Friday.", False),
    ],
)
def test_a_column_argues_its_side_in_its_own_judgements(resources, sentence, argued):
    tables = invented_tables(INTRO + COLUMN_AGAINST + sentence, resources)
    positions, last = tables["positions"], tables["sentences"]["sentence_id"].max()
    writer = positions[
        (positions["actor_id"] == "jane-marlow") & (positions["sentence_id"] == last)
    ]
    expected = {("port-levy", "oppose")} if argued else set()
    assert set(zip(writer["issue_id"], writer["stance"], strict=True)) == expected, positions


@pytest.mark.parametrize(
    "middle",
    [
        "",
        # sides carried to the writer's other mentions of the issue are not stated ones
        "The port levy would take effect in May. The port levy would apply to every boat. ",
    ],
)
def test_a_side_stated_once_is_no_case_argued(resources, middle):
    """An analysis that judges an issue once does not argue it in every judgement."""
    text = (
        "By Jane Marlow\n\nThe port levy is a dangerous folly. Okon backs the port levy. "
        + middle
        + "That would be a reckless way to treat the fleet."
    )
    tables = invented_tables(INTRO + text, resources)
    positions, last = tables["positions"], tables["sentences"]["sentence_id"].max()
    writer = positions[positions["actor_id"] == "jane-marlow"]
    assert len(writer) and last not in set(writer["sentence_id"]), positions


SIGNED_BODY = (
    "By Jane Marlow\n\nThe council wants to build a port levy into next year's budget. "
    "Okon backs the port levy. The port levy is a bad idea.\n\n"
)


@pytest.mark.parametrize(
    ("text", "hers"),
    [
        # a column telling, in its own voice, what should be done
        (
            "By Jane Marlow\n\nThe harbour board should drop the port levy. "
            "The levy would take a tenth of every catch, and the board must listen to the "
            "fishermen. Okon backs the port levy. The board should vote it down next month.",
            True,
        ),
        # a report of what others say should be done
        (
            "By Jane Marlow\n\nThe harbour board should drop the port levy, the mayor said. "
            "The union said members must vote on the port levy. Okon said the board ought to "
            "wait, and the board should vote next month.",
            False,
        ),
        # a column's closing line about its writer, and a reporter's
        (SIGNED_BODY + "Jane Marlow is a former harbour master and writes a weekly column.", True),
        (SIGNED_BODY + "Jane Marlow covers the harbour for the Ledger.", False),
    ],
)
def test_a_signed_piece_is_its_writer_s_only_as_opinion(resources, text, hers):
    positions, _ = discovered_of(text, resources)
    writer = positions[positions["actor_id"] == "jane-marlow"]
    assert ("oppose" in set(writer["stance"])) is hers, positions


COLUMN_BODY = (
    "The port levy is a reckless gamble. The levy is a costly mistake and a dangerous "
    "folly, and the harbour board should drop it.\n\n"
)


@pytest.mark.parametrize(
    ("text", "article"),
    [
        # named only in the closing line about the writer, on a page whose sidecar gives
        # the publication: the column is the writer's, not the paper's
        (
            COLUMN_BODY + "— Jane Marlow is a former harbour master and writes a weekly column.",
            {"source": "The Harbour Gazette"},
        ),
        # named only by the sidecar, nowhere in the text
        (COLUMN_BODY, {"author": "Jane Marlow"}),
    ],
)
def test_a_column_s_writer_is_found_where_no_byline_names_them(resources, text, article):
    tables = invented_tables(INTRO + text, resources, **article)
    writer = tables["entities"][tables["entities"]["entity_id"] == "jane-marlow"]
    assert list(writer["type"]) == ["PERSON"], tables["entities"]
    positions = tables["positions"]
    assert set(positions["actor_id"]) == {"jane-marlow"}, positions
    assert set(positions["stance"]) == {"oppose"}, positions


def test_a_body_signing_a_column_is_an_organisation(resources):
    tables = invented_tables(INTRO + COLUMN_BODY, resources, author="Editorial Board")
    board = tables["entities"][tables["entities"]["entity_id"] == "editorial-board"]
    assert list(board["type"]) == ["ORG"], tables["entities"]
    assert set(tables["positions"]["actor_id"]) == {"editorial-board"}


def test_a_byline_the_tagger_mistypes_names_a_person(resources):
    """The tagger reads this byline's name as a nationality (NORP): as a byline's, it is
    the writer, a person, who holds the column's stances."""
    tables = invented_tables("By Marguerite Oyelaran\n\n" + COLUMN_BODY, resources)
    mentions, entities = tables["mentions"], tables["entities"]
    assert set(entities.loc[entities["entity_id"] == "marguerite-oyelaran", "type"]) == {"PERSON"}
    assert set(mentions.loc[mentions["entity_id"] == "marguerite-oyelaran", "type"]) == {"PERSON"}
    assert set(tables["positions"]["actor_id"]) == {"marguerite-oyelaran"}


def test_an_unsigned_editorial_is_its_publication_s(resources):
    text = (
        "The port levy is a reckless gamble. We have said so before, and we say it again: "
        "our harbour cannot carry it. The levy is a costly mistake and a dangerous folly. "
        "It would hurt the fishermen, and it is unfair to the families of the coast."
    )
    made = make_article(
        INTRO + text, article_id="t", published="2010-03-02", source="The Harbour Gazette"
    )
    tables = analyze(made, resources)
    gazette = tables["entities"][tables["entities"]["name"] == "The Harbour Gazette"]
    assert list(gazette["type"]) == ["ORG"]
    positions = tables["positions"]
    own = positions[positions["actor_id"] == gazette["entity_id"].iloc[0]]
    assert len(own) and set(own["stance"]) == {"oppose"}


def editorial_dam_rows(text: str, resources):
    """The dam rows after the opening of an unsigned editorial of The Harbour Beacon."""
    made = make_article(
        INTRO
        + "We have argued for years that our coast deserves better, and we say so again. "
        + text,
        article_id="t",
        published="2010-03-02",
        source="The Harbour Beacon",
    )
    positions = analyze(made, resources.with_issues(CATALOGUE))["positions"]
    return positions[(positions["issue_id"] == "dam") & (positions["sentence_id"] >= 2)]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # the publication called by the last word of its name, and "it" after that
        ("The Beacon supports the dam.", "support"),
        ("We have said so before. The Beacon does not want the dam. It opposes it.", "oppose"),
        # "this newspaper": the publication by the noun for what it is
        ("This newspaper opposes the dam.", "oppose"),
    ],
)
def test_an_editorial_naming_its_own_publication_speaks_in_its_voice(resources, text, stance):
    dam = editorial_dam_rows(text, resources)
    assert set(zip(dam["actor_id"], dam["stance"], strict=True)) == {("the-harbour-beacon", stance)}


@pytest.mark.parametrize(
    ("text", "stances"),
    [
        # a passive act with no agent is someone's left unnamed, told
        ("The dam was rejected in a referendum in 1972.", set()),
        ("The dam has been blocked twice.", set()),
        # a passive call or judgement is the editorial's own
        ("The dam must be rejected.", {"oppose"}),
        ("The dam is misguided.", {"oppose"}),
        # what "they", "everyone", "someone" do or want is theirs, told
        ("They want the dam.", set()),
        ("Not everyone agrees with the dam.", set()),
        ("Someone has proposed the dam.", set()),
        # what they should do is the editorial's call
        ("They should reject the dam.", {"oppose"}),
    ],
)
def test_an_editorial_tells_acts_of_ones_it_does_not_name_without_taking_them(
    resources, text, stances
):
    dam = editorial_dam_rows(text, resources)
    assert set(dam["stance"]) == stances, dam[["actor_id", "stance", "cue"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the judging word quoted, the issue in the frame: the quote's speaker's
        (
            'Maria Lind, director of the Harbour Trust, said the dam was "long overdue" but '
            "warned that it would fail without staff.",
            {("maria-lind", "support")},
        ),
        (
            'Roth, who chairs the Harbour Trust, said the dam was "a reckless gamble" but '
            "declined to say more.",
            {("ana-roth", "oppose")},
        ),
        # an idiom of judgement, quoted or not
        ('Okon has said the dam would "level the playing field."', {("lev-okon", "support")}),
        (
            "Okon said the dam would level the playing field for small firms.",
            {("lev-okon", "support")},
        ),
    ],
)
def test_a_quoted_judgement_on_an_issue_named_outside_the_quote(resources, text, expected):
    dam = positions_of(text, resources)
    dam = dam[dam["issue_id"] == "dam"]
    assert set(zip(dam["actor_id"], dam["stance"], strict=True)) == expected


def test_a_column_naming_a_paper_does_not_give_its_stance_to_the_writer(resources):
    made = make_article(
        "By Jane Morrow\n\n"
        + INTRO
        + "I have argued for years that my coast deserves better, and I say so again. "
        "The Beacon supports the dam, and I think it is wrong.",
        article_id="t",
        published="2010-03-02",
        source="The Harbour Beacon",
    )
    positions = analyze(made, resources.with_issues(CATALOGUE))["positions"]
    assert "the-harbour-beacon" not in set(positions["actor_id"])


def test_a_wire_report_has_no_voice_of_its_own(resources):
    made = make_article(
        INTRO + "Okon backs the port levy, officials said.",
        article_id="t",
        published="2010-03-02",
        source="Reuters",
    )
    tables = analyze(made, resources)
    assert "Reuters" not in set(tables["entities"]["name"])


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
    positions = chapter_tables(str(article), "2010-03-02", str(catalogue))["positions"]
    pairs = set(zip(positions["issue_id"], positions["issue_source"], strict=True))
    assert ("dam", "analyst") in pairs
    # without the catalogue the dam is still an issue, one found in the text
    positions = chapter_tables(str(article), "2010-03-02")["positions"]
    assert set(positions["issue_source"]) == {"discovered"}
    with pytest.raises(InputError):
        chapter_tables(str(article), "2010-03-02", str(tmp_path / "missing.yml"))


def test_a_stance_only_hoped_for_is_nobody_s(resources):
    positions = positions_of(
        "Okon hopes to secure Norland's support for the dam by offering a loan.", resources
    )
    dam = positions[positions["issue_id"] == "dam"]
    assert "lev-okon" in set(dam["actor_id"]) and "norland" not in set(dam["actor_id"])


def dam_rows(text: str, actor_id: str, resources):
    """The positions an actor holds on the dam in an invented text."""
    positions = positions_of(text, resources)
    return positions[(positions["actor_id"] == actor_id) & (positions["issue_id"] == "dam")]


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        # a relative clause describes what it hangs on: honouring a charter that bars
        # the dam is no stance on the dam
        ("Okon insisted that the water charter, which bars the dam, be honoured.", "lev-okon"),
        # what a condition imagines is nobody's stance
        (
            "Norland will back the water charter if Sudmark should offer to build the dam.",
            "sudmark",
        ),
        ("The question is whether Sudmark wants the dam.", "sudmark"),
        # "against" on a thing says what it is aimed at, not what anyone thinks
        ("Norland inspected the shield against the dam.", "norland"),
        # unnamed members of an organisation are no one the article names
        ("Sudmark officials seeking to block the dam met Roth.", "sudmark"),
        # an act of no one in particular is theirs, not its reporter's
        ("Norland said a large bank refused to finance the dam.", "norland"),
        ("Okon said some had grave doubts about the dam.", "lev-okon"),
        (
            "While some firms were blocking the dam, Okon called the water charter a folly.",
            "lev-okon",
        ),
        # who needs to or is wished to act is told what to do, it is not their stance
        ("Okon said Norland needs to scrap the dam.", "norland"),
        ("Okon said he would like to see Norland scrap the dam.", "norland"),
        # "the insurer of its branches" is described by whose branches it insures, it is
        # not the organisation named last
        (
            "Norvik Bank opened a branch on Monday. The insurer of its branches refused to "
            "cover the dam.",
            "norvik-bank",
        ),
    ],
)
def test_no_one_holds(resources, text, actor_id):
    rows = dam_rows(text, actor_id, resources)
    assert rows.empty, rows[["actor_id", "issue_id", "stance", "cue"]]


def test_against_on_a_noun_of_attitude_is_a_view_held(resources):
    """ "its stance against the dam" is opposition; "the shield against the dam" (in
    test_no_one_holds) only says what a thing is aimed at."""
    positions = positions_of(
        "Okon said Sudmark would not soften its stance against the dam.", resources
    )
    dam = positions[positions["issue_id"] == "dam"]
    assert ("lev-okon", "oppose") in set(zip(dam["actor_id"], dam["stance"], strict=True)), dam


def test_an_unnamed_one_s_act_does_not_argue_its_reporter_s_side(resources):
    text = "Okon backs the dam. Okon said a large bank refused to finance the dam."
    rows = dam_rows(text, "lev-okon", resources)
    assert list(rows["stance"]) == ["support"], rows[["sentence_id", "stance", "cue"]]


def test_a_paper_reporting_a_state_s_stance_does_not_take_it(resources):
    positions = positions_of(
        "A report in The Harbour Gazette said that Sudmark backs the dam.", resources
    )
    dam = positions[positions["issue_id"] == "dam"]
    assert "sudmark" in set(dam["actor_id"])
    assert not any("gazette" in a for a in dam["actor_id"])


@pytest.mark.parametrize(
    ("text", "actor_id", "stance"),
    [
        # a spokesman speaks for the organisation that the phrase naming him names
        ("The dam is a reckless gamble, a Sudmark spokeswoman said.", "sudmark", "oppose"),
        # a group of speakers is each of the actors its phrase names as a whole
        (
            "Roth backs the dam. Its sponsors, Senators Maria Lopez and John Carter, say it is "
            "a lifeline.",
            "john-carter",
            "support",
        ),
        # "the prime minister": the one person with that role
        ("Roth backs the dam. The prime minister has also praised the dam.", "ana-roth", "support"),
        # a warning that something could do harm is the warner's own stance
        ("Sudmark warned that the dam could ruin the coast.", "sudmark", "oppose"),
        ("Okon warned that the dam would invite lawsuits.", "lev-okon", "oppose"),
        # what someone ought to do is the speaker's judgement
        ("Norland should not fund the dam, Okon said.", "lev-okon", "oppose"),
        # the subject pronoun of a reported clause is its reporter, not the one told
        ("Roth told Okon he backed the dam.", "ana-roth", "support"),
        # what one needs, or would like, done is one's support for it
        ("Okon said Norland needs to scrap the dam.", "lev-okon", "oppose"),
        ("Okon said he would like to see Norland scrap the dam.", "lev-okon", "oppose"),
        ('Okon said: "I would like to see the dam finished."', "lev-okon", "support"),
        ('Okon said: "We need to build the dam."', "lev-okon", "support"),
        # a "for" gerund's doer is whom the verb above it acts on or seeks from, and what
        # that verb seeks is not the act it gives as the reason
        ("Okon sought damages from Roth for calling off the dam.", "ana-roth", "oppose"),
        ("Okon sought damages from Roth for calling off the dam.", "lev-okon", None),
    ],
)
def test_who_holds_a_stance(resources, text, actor_id, stance):
    rows = dam_rows(text, actor_id, resources)
    expected = {stance} if stance else set()
    assert set(rows["stance"]) == expected, rows[["actor_id", "issue_id", "stance", "cue"]]


def test_an_ought_is_not_its_subject_s_stance(resources):
    positions = positions_of("Norland should not fund the dam, Okon said.", resources)
    assert "norland" not in set(positions["actor_id"])
    # also where the cue is the verb's preposition
    positions = positions_of("Okon said Norland should guard against the dam.", resources)
    assert actor_stances(positions) == {("lev-okon", "oppose")}


def test_a_writer_judging_another_s_stance_takes_the_other_side(resources):
    text = "By Jane Marlow\n\nOkon's rejection of the water charter is deeply troubling."
    positions, _ = discovered_of(text, resources)
    sides = set(zip(positions["actor_id"], positions["stance"], strict=True))
    assert ("lev-okon", "oppose") in sides and ("jane-marlow", "support") in sides


@pytest.mark.parametrize(
    ("text", "actor_id", "stance"),
    [
        # an actor's own proposal is one they support; where another judges it, only the
        # owner named by the act of putting it forward (see the test below)
        ("Norland delivered its final offer to the union on Monday.", "norland", "support"),
        ("Okon rejected Norland's offer.", "lev-okon", "oppose"),
        ("Roth welcomed a Sudmark offer announced by Okon.", "lev-okon", "support"),
        ("Roth said Okon's proposal was disappointing.", "ana-roth", "oppose"),
        # a weak cue with the preposition of its stance, negated or prescribed, takes a side
        ("Okon pushed hard for a harbour tunnel.", "lev-okon", "support"),
        ("Okon said Norland should freeze the port fees.", "lev-okon", "oppose"),
        ("Sudmark is not changing its fishing quota, Okon said.", "lev-okon", "support"),
        # verbs of advocacy and direction are stances of their own
        ("Okon defends the harbour tunnel.", "lev-okon", "support"),
        ("Roth ordered a customs review.", "ana-roth", "support"),
        # "it is a mistake to ...": the judgement is on doing what the clause says
        ("Okon said it would be a mistake to raise the port levy.", "lev-okon", "oppose"),
        ("It is premature to cut the fishing quota, Roth said.", "ana-roth", "support"),
        # an apposition says who holds the stance
        ("Okon, one of two votes against the port levy, left the chamber.", "lev-okon", "oppose"),
        ("Okon, a fierce opponent of the port levy, left the chamber.", "lev-okon", "oppose"),
        # an evaluative adjective or noun predicated of the issue, or on its word
        ('Okon said "the harbour levy was a strangely deceptive scheme."', "lev-okon", "oppose"),
        ("Okon said the harbour levy was unfortunate.", "lev-okon", "oppose"),
        ('Okon said "the harbour tunnel is quite safe."', "lev-okon", "support"),
        ('Roth backs a port levy. Okon said "it was a misleading budget."', "lev-okon", "oppose"),
        # a noun of judgement on the noun predicated ("a bribes budget")
        ("Okon said the harbour levy was a bribes budget.", "lev-okon", "oppose"),
        # what the issue is called or described as is its caller's judgement
        ('Okon called the harbour levy "a reckless scheme."', "lev-okon", "oppose"),
        ('Roth backs the harbour levy. Okon called it "a bribes budget."', "lev-okon", "oppose"),
        ("Okon described the harbour levy as reckless.", "lev-okon", "oppose"),
        ("Okon described the harbour levy as illegal.", "lev-okon", "oppose"),
        ('Okon called the harbour levy "a blow to the fishing fleet."', "lev-okon", "oppose"),
        ("Okon hailed the harbour tunnel as a victory for the town.", "lev-okon", "support"),
        # a group the article names no one by holds its stance in the members it names
        ("Some members, including Norland, praised the port levy.", "norland", "support"),
        ("Several groups, such as Sudmark and Norland, oppose the port levy.", "sudmark", "oppose"),
        ("Several groups, such as Sudmark and Norland, oppose the port levy.", "norland", "oppose"),
        # the victim's passive judges the one who did it
        ('Okon said "we were misled by the harbour board."', "lev-okon", "oppose"),
        # a stance on doing something to a thing is on the thing
        ('"I am against building a second harbour authority," Okon said.', "lev-okon", "oppose"),
        ("Okon spoke against closing the river school.", "lev-okon", "support"),
        # a copula naming a side is its subject's, even a pronoun's
        (
            "Norland Shipping sails. It is a strong opponent of the harbour levy.",
            "norland-shipping",
            "oppose",
        ),
        # a place's spokesmen speak for it
        ("Soviet spokesmen oppose the harbour levy.", "soviet", "oppose"),
        # who sponsors a measure backs it
        ("The harbour levy, sponsored by Okon, passed on Monday.", "lev-okon", "support"),
        ("Okon sponsored the harbour levy.", "lev-okon", "support"),
    ],
)
def test_the_side_an_actor_takes(resources, text, actor_id, stance):
    positions, _ = discovered_of(text, resources)
    rows = positions[positions["actor_id"] == actor_id]
    assert set(rows["stance"]) == {stance}, positions[["actor_id", "issue_id", "stance", "cue"]]


@pytest.mark.parametrize(
    ("text", "judge"),
    [
        ("Okon rejected Norland's offer.", "lev-okon"),
        ("Roth said Okon's proposal was disappointing.", "ana-roth"),
        ("Okon urged the council to vote down Norland's plan.", "lev-okon"),
    ],
)
def test_an_owner_holds_no_stance_where_another_judges_its_proposal(resources, text, judge):
    # the gold convention (data/gold/README.md): the sentence is the judge's stance; the
    # owner named only on the noun is not coded there
    positions, _ = discovered_of(text, resources)
    assert set(positions["actor_id"]) == {judge}, positions[["actor_id", "stance", "cue"]]


@pytest.mark.parametrize(
    ("text", "owned"),
    [
        # named in passing: a proposal others react to, one a sale is part of
        ("Ministers gave mixed reactions to Norland's harbour proposals.", False),
        ("The sale is part of Norland's harbour plan.", False),
        ("Norland Shipping sails. Ministers gave mixed reactions to its harbour proposals.", False),
        # what its clause is about, or its owner's own act on it
        ("Norland's harbour plan would double the levy.", True),
        ("Norland raised its harbour offer on Monday.", True),
    ],
)
def test_an_owner_holds_a_proposal_it_speaks_of_or_acts_on(resources, text, owned):
    # (the owned cases held before the rule too: guards that it keeps them)
    positions, _ = discovered_of(text, resources)
    assert ("norland" in set(positions["actor_id"])) is owned, positions[
        ["actor_id", "issue_id", "stance", "cue"]
    ]


@pytest.mark.parametrize(
    "text",
    [
        # judged or acted on by no one the article names: still not the owner's stance
        "Analysts said Norland's harbour plan would be a costly mistake.",
        "The Norland harbour plan would hurt the fishing fleet, analysts said.",
    ],
)
def test_an_owner_holds_no_stance_where_anyone_judges_its_proposal(resources, text):
    positions, _ = discovered_of(text, resources)
    assert "norland" not in set(positions["actor_id"]), positions[["actor_id", "stance", "cue"]]


@pytest.mark.parametrize(
    ("text", "issue_id", "names"),
    [
        (
            "The two councillors who voted against the layoffs, Tom Reddy and Ann Cole, "
            "argued that the town should first draw on its $2 million fund.",
            "layoff",
            {"tom-reddy", "ann-cole"},
        ),
        (
            "The two board members who voted against the levy, Pavel Orlov and Greta Lind, "
            "argued that the town should first draw on its $2 million fund.",
            "levy",
            {"pavel-orlov", "greta-lind"},
        ),
    ],
)
def test_names_beside_a_relative_clause_s_subject_hold_its_stance(resources, text, issue_id, names):
    """The parser may hang the names in apposition to "the two councillors who ..." on
    the clause's last noun; they still say who voted."""
    positions, _ = discovered_of(text, resources)
    rows = positions[positions["issue_id"] == issue_id]
    assert set(zip(rows["actor_id"], rows["stance"], strict=True)) == {
        (name, "oppose") for name in names
    }, rows[["actor_id", "issue_id", "stance", "cue"]]


@pytest.mark.parametrize(
    ("text", "holders"),
    [
        # a body's members bare, or its word alone, are the one body named with the word
        (
            "Plans for a harbour tunnel were rejected by Harlow Town Council on Monday. "
            "Councillors voted 6 to 3 to refuse planning permission to Norvik Ports.",
            {"harlow-town-council"},
        ),
        (
            "The Harlow Library Board of Trustees met on Monday. Trustees voted 5 to 2 to "
            "reject the harbour tunnel.",
            {"harlow-library-board-of-trustees"},
        ),
        # some of its members are not the body; nor is a word two bodies are named with
        (
            "Harlow Town Council met on Monday. Two councillors voted against the harbour tunnel.",
            set(),
        ),
        (
            "Harlow Town Council and Norvik County Council met on Monday. Councillors voted "
            "6 to 3 to reject the harbour tunnel.",
            set(),
        ),
    ],
)
def test_a_body_s_members_stand_for_the_body(resources, text, holders):
    tables = invented_tables(text, resources)
    positions, last = tables["positions"], tables["sentences"]["sentence_id"].max()
    rows = positions[positions["sentence_id"] == last]  # the members' sentence
    assert set(rows["actor_id"]) == holders, rows[["actor_id", "issue_id", "stance", "cue"]]


@pytest.mark.parametrize(
    "text",
    [
        "The plan reached the union on Monday.",  # nobody's plan
        "Wages would rise by a tenth under the Norland plan.",  # a circumstance
        # a contrast sets apart, it takes no side
        "Okon said the money went to the harbour levy as opposed to the port tax.",
        "Okon will build a harbour tunnel.",  # a weak cue alone names no issue
        "Fans who will never buy a season ticket pay.",  # a relative clause describes
        "It is premature to cut the fishing quota.",  # the "it" is the clause, no one
        # some of a place's bodies or people are not the place
        "French banks oppose the harbour levy.",
        "The Latin American and Caribbean nations oppose the harbour levy.",
        "France's largest bank opposes the harbour levy.",
        # a thing is what "it" is here: the organisation named last holds nothing
        "Norland Shipping sails. Delay is a risk, but it is an argument for a harbour levy.",
        'Okon said "Norland will have to raise the harbour levy."',  # foretold
        'Okon said "this should do the harbour trick."',  # a verb too general
        "Okon said firms that must raise harbour fees will pay.",  # a relative clause
        # a word that judges only what it is said of describes as a modifier
        "Okon said the harbour board counted its illegal wealth by the effective date.",
    ],
)
def test_no_one_s_stance(resources, text):
    positions, _ = discovered_of(text, resources)
    assert positions.empty, positions[["actor_id", "issue_id", "stance", "cue"]]


def test_the_company_a_clause_is_about_is_not_the_one_it_is_told_to(resources):
    text = (
        "Korval Tool Co makes pumps. Its spokesman told the Harbour Gazette that the "
        "company opposes the port levy."
    )
    positions, _ = discovered_of(text, resources)
    assert set(zip(positions["actor_id"], positions["stance"], strict=True)) == {
        ("korval-tool-co", "oppose")
    }, positions[["actor_id", "issue_id", "stance", "cue"]]


def test_their_in_a_reported_clause_is_the_organisations_its_reporters_speak_for(resources):
    text = (
        "Officials from the Norland Farmers Union and the Sudmark Fishers Guild said "
        "their groups oppose the port levy."
    )
    positions, _ = discovered_of(text, resources)
    assert {"norland-farmers-union", "sudmark-fishers-guild"} <= set(positions["actor_id"]), (
        positions[["actor_id", "issue_id", "stance", "cue"]]
    )
    assert set(positions["stance"]) == {"oppose"}


@pytest.mark.parametrize(
    ("text", "issues"),
    [("Okon said he opposes any 50/92.", {"50-92"}), ("Okon opposes 40 of them.", set())],
)
def test_a_code_alone_names_a_plan_a_count_does_not(resources, text, issues):
    positions, _ = discovered_of(text, resources)
    assert set(positions["issue_id"]) == issues, positions[["actor_id", "issue_id", "stance"]]


def test_a_negated_opinion_verb_negates_the_clause_it_governs(resources):
    text = "Okon said he did not think Sudmark needed the port levy."
    positions, _ = discovered_of(text, resources)
    assert positions[["actor_id", "stance"]].values.tolist() == [["lev-okon", "oppose"]], positions


def test_the_stance_lexicon_reads_every_word_as_a_word():
    # YAML 1.1 reads a bare no, yes, on or off as a boolean: "no" was lost from the
    # negations and "on" from the target prepositions
    import yaml

    from newsbook import config

    data = yaml.safe_load((config.LEXICON_DIR / "stance.yml").read_text(encoding="utf-8"))

    def words(node):
        if isinstance(node, dict):
            return [w for value in node.values() for w in words(value)]
        return [w for value in node for w in words(value)] if isinstance(node, list) else [node]

    assert not [w for w in words(data) if isinstance(w, bool)]


def test_no_before_a_cue_turns_it_round(resources):
    rows = positions_of("Okon voiced no support for the dam.", resources)
    assert set(rows[rows["actor_id"] == "lev-okon"]["stance"]) == {"oppose"}, rows


def test_a_writer_telling_what_is_due_does_not_argue(resources):
    text = (
        "By Jane Marlow\n\nThe port levy is a dangerous folly. "
        "The final vote on the port levy is due next month. "
        "The port levy would take a tenth of every catch."
    )
    positions, _ = discovered_of(text, resources)
    writer = positions[positions["actor_id"] == "jane-marlow"]
    assert list(writer["stance"]) == ["oppose", "oppose"]
    told = positions[positions["evidence"].str.startswith("The final vote")]
    assert told.empty


def test_who_is_urged_to_act_is_no_issue(resources):
    positions, _ = discovered_of("Okon urged the fishermen to reject the port levy.", resources)
    rows = actor_stances(positions, "issue_id")
    assert rows == {("lev-okon", "port-levy", "oppose")}


@pytest.mark.parametrize(
    "text",
    [
        "Roth will resign as soon as Norland approves the dam, Okon said.",
        "After Sudmark pushes through the water charter, Roth will have to resign, Okon said.",
    ],
)
def test_a_clause_of_time_dates_an_event_and_states_no_stance(resources, text):
    positions = positions_of(text, resources)
    assert positions[positions["issue_id"].isin({"dam", "charter"})].empty


def test_an_attitude_said_to_exist_is_not_its_reporter_s(resources):
    positions = positions_of("Okon acknowledged there was strong opposition to the dam.", resources)
    assert positions[positions["issue_id"] == "dam"].empty
    positions = positions_of("Okon acknowledged his strong opposition to the dam.", resources)
    assert actor_stances(positions) == {("lev-okon", "oppose")}


def test_a_noun_of_apprehension_is_no_issue(resources):
    text = "Okon plans to discuss concerns about the port levy with Roth."
    positions, issues = discovered_of(text, resources)
    assert "concern" not in set(issues["issue_id"]) | set(positions["issue_id"])


def test_a_participle_describing_an_issue_does_not_judge_it(resources):
    text = "Roth said the water charter is a privately financed project."
    positions = positions_of(text, resources)
    assert positions[positions["issue_id"] == "charter"].empty
    positions = positions_of("Roth said the water charter is a dangerous project.", resources)
    assert actor_stances(positions) == {("ana-roth", "oppose")}


def test_a_decision_reported_by_its_speaker_is_theirs_too(resources):
    text = "Okon said the Sudmark cabinet reached its decision to reject the dam."
    positions = positions_of(text, resources)
    assert ("lev-okon", "oppose") in actor_stances(positions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Okon rejected the dangerous fishing quota.", {("lev-okon", "oppose")}),
        ("Okon will not accept the unfair fishing quota.", {("lev-okon", "oppose")}),
        (
            "Roth said Okon backs the reckless fishing quota.",
            {("lev-okon", "support"), ("ana-roth", "oppose")},
        ),
    ],
)
def test_a_judgement_on_an_issue_is_no_stance_of_the_verb_above_it(resources, text, expected):
    # "rejected the dangerous quota": two stances on one quota, not a rejection of its danger
    positions, _ = discovered_of(text, resources)
    assert actor_stances(positions) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We must support the government," Okon said.', {("lev-okon", "support")}),
        ("Okon said Sudmark supports the Assembly.", {("sudmark", "support")}),
    ],
)
def test_an_actor_backed_or_opposed_is_an_issue(resources, text, expected):
    # "support the government": who is backed is what the stance is on
    positions, _ = discovered_of(text, resources)
    assert expected <= actor_stances(positions)


def test_an_actor_named_without_a_stance_verb_is_no_issue(resources):
    positions, _ = discovered_of("Okon said the government will meet Sudmark on Friday.", resources)
    assert positions.empty


def test_an_actor_judged_for_what_they_did_is_no_issue(resources):
    positions, _ = discovered_of(
        "Okon criticised Norland for keeping the fishing quota.", resources
    )
    assert "norland" not in set(positions["issue_id"])


@pytest.mark.parametrize(
    "text",
    [
        # a warning that X could bring a harm is no prediction: the warner opposes X
        "Okon warned that the fishing quota could prompt retaliation by Sudmark's partners.",
        "Okon said retaliation could be provoked by raising the harbour tariffs.",
        # a measure said to go too far, or not far enough
        "The harbour levy does not go far enough, Okon said.",
        "Okon said the harbour levy goes too far.",
    ],
)
def test_a_judgement_its_speaker_states_against_a_measure(resources, text):
    positions, _ = discovered_of(text, resources)
    assert actor_stances(positions) == {("lev-okon", "oppose")}


@pytest.mark.parametrize(
    ("text", "stance", "cue"),
    [
        # a good said to follow from X is a judgement on X, its speaker's: for it
        ("Okon said the harbour tunnel would create 2,000 jobs.", "support", "create"),
        ('Okon said "the harbour levy will reinforce business success."', "support", "reinforce"),
        # and one said not to follow is against it
        ("Okon said the harbour tunnel would not create any jobs.", "oppose", "create"),
        # a harm brought by a verb of causing of any kind
        ("Okon said the harbour levy would create chaos in the ports.", "oppose", "create"),
    ],
)
def test_a_good_or_harm_a_measure_brings_is_its_speaker_s_judgement(resources, text, stance, cue):
    positions, _ = discovered_of(text, resources)
    rows = set(zip(positions["actor_id"], positions["stance"], positions["cue"], strict=True))
    assert rows == {("lev-okon", stance, cue)}


def test_a_harm_said_to_follow_no_cause_is_no_stance(resources):
    positions, _ = discovered_of("Okon said retaliation could follow within weeks.", resources)
    assert positions.empty


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Okon said there should be a referendum on the harbour levy.", "support"),
        ('Okon said there should not be "a second harbour levy."', "oppose"),
        ("Okon said there must be no harbour levy.", "oppose"),
        # an act with no side of its own called for is support for what it is done to
        ('Okon said "Norland must raise the harbour levy."', "support"),
        ('Okon said "Norland has to raise the harbour levy."', "support"),
        ('Okon said "the harbour levy must be raised."', "support"),
        ('Okon said "Sudmark must hold to its water pact."', "support"),
        # and one that should not have been done is opposition to it
        ("Okon said Norland should not have raised the harbour levy.", "oppose"),
    ],
)
def test_what_ought_to_exist_is_its_speaker_s_stance(resources, text, stance):
    positions, _ = discovered_of(text, resources)
    assert actor_stances(positions) == {("lev-okon", stance)}


def test_what_exists_is_no_stance(resources):
    positions, _ = discovered_of("Okon said there is a referendum on the harbour levy.", resources)
    assert positions.empty


def test_a_judging_verb_judges_its_subject_not_what_its_preposition_names(resources):
    text = "Okon said the harbour levy does not go far enough in decoupling."
    positions, _ = discovered_of(text, resources)
    assert actor_stances(positions, "issue_id") == {("lev-okon", "harbour-levy", "oppose")}


def test_a_deal_over_an_actor_is_named_by_both(resources):
    # "the sale of X Corp": the company is no issue, the sale of it is
    text = "Okon urged the cabinet to block the sale of Sudmark Shipping Corp to Lanvia."
    positions, _ = discovered_of(text, resources)
    rows = actor_stances(positions, "issue_id")
    assert rows == {("lev-okon", "sale-of-sudmark-shipping-corp", "oppose")}


def test_a_word_for_an_issue_with_its_named_owner_is_an_issue(resources):
    # "Roth's budget" names an issue of its own; "the budget" names the issue last named,
    # and only where none was is it an issue of its own
    positions, _ = discovered_of("Okon has pledged to back Roth's budget.", resources)
    assert actor_stances(positions, "issue_id") == {("lev-okon", "roth-budget", "support")}
    positions, _ = discovered_of("Okon has pledged to back the budget.", resources)
    assert actor_stances(positions, "issue_id") == {("lev-okon", "budget", "support")}
    positions, _ = discovered_of(
        "Roth backs the port levy. Okon has pledged to back the budget.", resources
    )
    assert "budget" not in set(positions["issue_id"]), positions


def test_a_pledge_to_remove_an_issue_opposes_it(resources):
    positions = positions_of("Okon has pledged to remove the water charter.", resources)
    assert actor_stances(positions) == {("lev-okon", "oppose")}


def test_a_negated_act_asked_for_is_opposed(resources):
    # "urged insurers not to cover X": the act is what is not wanted
    positions, _ = discovered_of("Okon urged insurers not to cover the harbour levy.", resources)
    assert actor_stances(positions) == {("lev-okon", "oppose")}


def test_a_stance_only_recommended_is_not_its_subject_s(resources):
    positions, _ = discovered_of(
        "Okon recommended that Norland approve the harbour levy.", resources
    )
    assert actor_stances(positions) == {("lev-okon", "support")}


def test_what_is_unlikely_is_no_stance(resources):
    text = "Okon said Norland is unlikely to do more than reiterate its pledge to keep the levy."
    positions, _ = discovered_of(text, resources)
    assert positions.empty
    text = "Okon said Norland is unlikely to do anything more than reiterate its pledge to keep the levy."
    positions, _ = discovered_of(text, resources)
    assert positions.empty


def test_a_claim_rejected_as_that_is_no_issue(resources):
    text = "Okon backs the harbour levy. Critics say it will ruin the port. But Okon rejected that."
    positions, _ = discovered_of(text, resources)
    rejected = positions[positions["evidence"].str.startswith("But Okon")]
    assert rejected.empty, rejected


def test_a_word_for_an_issue_with_a_time_of_its_own_points_back(resources):
    # "its pact for the next six weeks": the time is no word of the issue's own name
    text = 'Roth backs the oil accord. Okon said "Sudmark must hold to its pact for the next six weeks."'
    positions, _ = discovered_of(text, resources)
    assert ("lev-okon", "oil-accord", "support") in actor_stances(positions, "issue_id")


@pytest.mark.parametrize(
    "figure",
    [
        "The dam's cost rose to 40 million crowns last year, Okon said.",
        "Okon said the dam, which cost 40 million crowns, was falling apart.",
        "Okon said the dam had taken up 12 pct of the budget.",
    ],
)
def test_a_figure_of_what_was_does_not_argue_its_speaker_s_side(resources, figure):
    rows = dam_rows(f"Okon said he opposes the dam. {figure}", "lev-okon", resources)
    assert list(rows["sentence_id"]) == [1], rows[["sentence_id", "stance", "cue"]]


@pytest.mark.parametrize(
    "done",
    [
        "Okon said the council has held hearings on the dam.",
        "Okon said that some engineers have begun to inspect the dam.",
    ],
)
def test_what_has_been_done_does_not_argue_its_speaker_s_side(resources, done):
    # the present perfect tells what has been done, not what should be: a report
    rows = dam_rows(f"Okon said he opposes the dam. {done}", "lev-okon", resources)
    assert list(rows["sentence_id"]) == [1], rows[["sentence_id", "stance", "cue"]]


def test_what_the_speaker_has_done_argues_their_side(resources):
    # their own case ("we have come to ..."), not a report of others' acts
    text = 'Okon said he opposes the dam. "We have come to talk about the dam," Okon said.'
    rows = dam_rows(text, "lev-okon", resources)
    assert list(rows["sentence_id"]) == [1, 2], rows[["sentence_id", "stance", "cue"]]


def test_a_figure_of_what_would_be_argues_its_speaker_s_side(resources):
    text = "Okon said he opposes the dam. The dam would cost 40 million crowns, Okon said."
    rows = dam_rows(text, "lev-okon", resources)
    assert list(rows["sentence_id"]) == [1, 2] and set(rows["stance"]) == {"oppose"}


def test_a_member_s_description_is_no_member(resources):
    text = "Many councillors, including Harlow Venn, a Wisconsin Democrat, favor the port levy."
    positions, _ = discovered_of(text, resources)
    assert set(positions["actor"]) == {"Harlow Venn"}, positions[["actor", "stance"]]


def test_a_reversal_called_for_opposes_what_it_drops(resources):
    rows = positions_of("Okon said the board should drop the port levy.", resources)
    assert set(rows[rows["actor_id"] == "lev-okon"]["stance"]) == {"oppose"}, rows
    rows = positions_of("Okon said the board should not abandon the port levy.", resources)
    assert set(rows[rows["actor_id"] == "lev-okon"]["stance"]) == {"support"}, rows


COLUMN_OPENING = (
    "By Jane Marlow\n\nI have fished this coast for thirty years, and I say the port levy is "
    "a reckless gamble. We cannot afford it, and our harbour cannot carry it.\n\n"
)


def _writer_rows(text: str, resources, words: str) -> set[str]:
    positions, _ = discovered_of(COLUMN_OPENING + text, resources)
    mine = positions[positions["actor_id"] == "jane-marlow"]
    return set(mine.loc[mine["evidence"].str.contains(words), "stance"])


def test_a_column_tells_others_acts_without_taking_them_as_its_own(resources):
    told = "The hotel trade has lobbied hard for the port levy."
    assert "support" not in _writer_rows(told, resources, "lobbied")


def test_a_column_reporting_another_s_words_does_not_argue_there(resources):
    text = 'Lev Okon said on Tuesday that the levy "will pay for itself within a year."'
    assert not _writer_rows(text, resources, "Okon said")
    text = 'The board\'s chairman, Lev Okon, said the ban "is the fastest way to fix it."'
    assert not _writer_rows(text, resources, "Okon, said")


def test_the_union_is_no_body_of_another_kind(resources):
    text = (
        "The Retail Federation backs the port levy. The Senate will hold a hearing on the "
        "port levy. The union opposes the port levy."
    )
    positions, _ = discovered_of(text, resources)
    held = set(zip(positions["actor"], positions["stance"], strict=True))
    assert ("Senate", "oppose") not in held and ("Retail Federation", "oppose") not in held


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a subject that is no one negates the cue it is the subject of, or the copula
        # the cue is the predicate of
        ("Okon said nobody on the council would accept the dam.", "oppose"),
        ('"No one here is against the dam," Okon said.', "support"),
        ('"Nothing will stop the dam," Okon said.', "support"),
        ('"Nobody here wants the dam," Okon said.', "oppose"),
        ('"None of us supports the dam," Okon said.', "oppose"),
    ],
)
def test_a_subject_that_is_no_one_turns_the_stance_round(resources, text, stance):
    rows = dam_rows(text, "lev-okon", resources)
    assert set(rows["stance"]) == {stance}, rows[["sentence_id", "stance", "cue"]]


def test_a_wish_no_one_had_is_reluctance_not_opposition(resources):
    # "nobody wanted to": told in the past, of what is being done
    rows = dam_rows('"Nobody here wanted to build the dam," Okon said.', "lev-okon", resources)
    assert "oppose" not in set(rows["stance"]), rows[["sentence_id", "stance", "cue"]]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Okon said Sudmark would accept the water charter rather than build the dam.", "oppose"),
        ("Okon backs the water charter rather than the dam.", "oppose"),
        ("Okon would scrap the water charter rather than abandon the dam.", "support"),
    ],
)
def test_the_alternative_after_rather_than_is_turned_down(resources, text, stance):
    rows = dam_rows(text, "lev-okon", resources)
    assert set(rows["stance"]) == {stance}, rows[["actor_id", "issue_id", "stance", "cue"]]


@pytest.mark.parametrize(
    "text",
    [
        "Roth said it is inconceivable the whole nation would vote for the dam.",
        "Roth said it was improbable that Norland would back the dam.",
    ],
)
def test_what_is_held_improbable_is_no_stance(resources, text):
    # a judgement of probability: a prediction that it will not happen, no one's stance
    assert positions_of(text, resources).empty


@pytest.mark.parametrize(
    "text",
    [
        'Okon said: "I am not against the dam."',
        "Okon is not opposed to the water charter.",
        "“I’m not against the dam,” Okon said.",
    ],
)
def test_an_opposition_disclaimed_is_no_stance(resources, text):
    # "I am not against X": a concession, neither side (data/gold: not coded); compare
    # "No one here is against X" (test_a_subject_that_is_no_one_turns_the_stance_round)
    assert positions_of(text, resources).empty


def test_idiom_words_are_no_issue(resources):
    """ "cast doubt on X", "poured cold water on X": the idiom's own noun is no issue."""
    positions, _ = discovered_of("Okon cast doubt on the port levy.", resources)
    assert set(positions["issue_id"]) == {"port-levy"}
    positions, _ = discovered_of("Roth poured cold water on the water accord.", resources)
    assert set(positions["issue_id"]) == {"water-accord"}
