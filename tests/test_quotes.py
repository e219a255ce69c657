"""Who said what: the forms of attribution news copy uses, one case each, on invented
text (names and places that appear in no gold article)."""

import re

import pytest

from newsbook.pipeline import analyze
from newsbook.stages.quotes.marks import pair_quotes
from newsbook.text.article import make_article


def quotes_of(text: str, resources, headline: str = ""):
    body = f"{headline}\n\n{text}" if headline else text
    return analyze(make_article(body, article_id="t", published="1999-03-02"), resources)["quotes"]


def statement(quotes, snippet: str, kind: str | None = None):
    rows = quotes[quotes["text"].str.contains(snippet, regex=False)]
    if kind:
        rows = rows[rows["kind"] == kind]
    assert len(rows), f"no statement contains {snippet!r}:\n{quotes[['text', 'speaker']]}"
    return rows.iloc[0]


INTRO = "Interior Minister Karla Vendt and Senator Paul Oduya met in Lisbon on Monday.\n\n"


@pytest.mark.parametrize(
    ("text", "snippet", "speaker_id", "kind"),
    [
        # a quotation split around its cue, both halves to the speaker
        (
            '"We will not yield," Vendt said, "and we will not wait."',
            "we will not wait",
            "karla-vendt",
            "direct",
        ),
        # cue and subject after the quotation, subject with a long apposition
        (
            '"The plan is dead," Oduya, chairman of the budget committee, said.',
            "The plan is dead",
            "paul-oduya",
            "direct",
        ),
        # a channel relays the words: the speaker is its object
        (
            '"Nothing has changed," the radio quoted Vendt as saying.',
            "Nothing has changed",
            "karla-vendt",
            "direct",
        ),
        # a pronoun in a clause someone else reports is that someone
        (
            'Vendt said the country felt "deep regret" at what she called "a hostile act".',
            "a hostile act",
            "karla-vendt",
            "direct",
        ),
        # parenthetical cue
        (
            "But, Vendt said, the border would stay open until the spring.",
            "border would stay open",
            "karla-vendt",
            "reported",
        ),
        # prepositional and infinitive cues
        (
            "Oduya warned the government against raising taxes before the election.",
            "raising taxes",
            "paul-oduya",
            "reported",
        ),
        (
            "Vendt vowed to close the camps within a year.",
            "close the camps",
            "karla-vendt",
            "reported",
        ),
        # naming verb with an agent in the passive
        (
            "The talks were described by Oduya as a waste of time.",
            "a waste of time",
            "paul-oduya",
            "reported",
        ),
        # a statement noun with its author
        (
            "The vote followed an announcement by Vendt that the camps would close.",
            "the camps would close",
            "karla-vendt",
            "reported",
        ),
        # "according to"
        (
            "The budget will be cut by a tenth, according to Oduya.",
            "The budget will be cut",
            "paul-oduya",
            "reported",
        ),
        # a role at an organisation: the name in apposition the parser hangs on the
        # organisation, or the one person named in that role there
        (
            "The chairman of the Federal Maritime Commission, Paul Dorsey Grant, said the "
            "rules would change.",
            "the rules would change",
            "paul-dorsey-grant",
            "reported",
        ),
        (
            "Bob Keller, president of the Harbour Workers Union, spoke on Monday.\n\n"
            "The president of the union told reporters the strike would go on.",
            "the strike would go on",
            "bob-keller",
            "reported",
        ),
    ],
)
def test_attribution_forms(resources, text, snippet, speaker_id, kind):
    row = statement(quotes_of(INTRO + text, resources), snippet, kind)
    assert row["speaker_id"] == speaker_id


def test_inverted_cue_before_a_colon(resources):
    text = INTRO + 'Commented another diplomat: "Vendt must be happy that the vote is over."'
    row = statement(quotes_of(text, resources), "must be happy", "direct")
    assert row["speaker_id"] == "" and row["speaker"] == "another diplomat"


def test_unnamed_source_is_never_pinned_on_a_nearby_name(resources):
    text = INTRO + "A senior Lisbon official said Vendt would resign within a week."
    row = statement(quotes_of(text, resources), "would resign")
    assert row["speaker_id"] == "" and row["speaker"] == "A senior Lisbon official"


def test_unnamed_source_named_later_takes_the_name(resources):
    text = (
        INTRO
        + "A senior official said the treaty was finished.\n\n"
        + "The official, Deputy Minister Ilse Marnow, spoke at a conference."
    )
    row = statement(quotes_of(text, resources), "treaty was finished")
    assert row["speaker_id"] == "ilse-marnow"


def test_continuation_quotation_keeps_an_unnamed_speaker(resources):
    text = (
        INTRO + '"The ball is in their court," one diplomat said. '
        '"They must answer before the summit, or the talks will collapse."'
    )
    row = statement(quotes_of(text, resources), "They must answer")
    assert row["speaker_id"] == "" and row["speaker"] == "one diplomat"


@pytest.mark.parametrize(
    ("headline", "speaker_id", "snippet"),
    [
        ("VENDT SAYS BORDER WILL STAY OPEN", "karla-vendt", "BORDER WILL STAY OPEN"),
        ("BORDER WILL STAY OPEN - VENDT", "karla-vendt", "BORDER WILL STAY OPEN"),
        ("Paris: We Will Not Pay", "france", "We Will Not Pay"),
        ("BORDER TO STAY OPEN, DIPLOMATS SAY", "", "BORDER TO STAY OPEN"),
    ],
)
def test_headline_attribution(resources, headline, speaker_id, snippet):
    text = INTRO + "Karla Vendt said the border would stay open. Paris said it would not pay."
    row = statement(quotes_of(text, resources, headline=headline), snippet)
    assert row["speaker_id"] == speaker_id


LEDE_NAMED = (
    "LISBON, March 1 - Karla Vendt, the region's interior minister, said on Monday the "
    "border would stay open through the winter.\n\nOduya said the talks would resume."
)
LEDE_ORGANISATION = (
    "LISBON, March 1 - The Norland Workers Federation said on Monday its members would "
    "strike through the winter.\n\nOduya said the talks would resume."
)

LEDE_UNNAMED = (
    "LISBON, March 1 - The region's leader said on Monday the border would stay open "
    "through the winter.\n\nOduya said the talks would resume."
)


@pytest.mark.parametrize(
    ("headline", "text", "speaker_id"),
    [
        ("REGION LEADER SAYS BORDER WILL STAY OPEN", LEDE_NAMED, "karla-vendt"),
        ("INTERIOR MINISTER VOWS BORDER WILL STAY OPEN", LEDE_NAMED, "karla-vendt"),
        ("REGION OFFICIAL SAYS BORDER WILL STAY OPEN", LEDE_NAMED, "karla-vendt"),
        # several sources are not the one the lede names
        ("REGION OFFICIALS SAY BORDER WILL STAY OPEN", LEDE_NAMED, ""),
        # a source the lede does not name either stays unnamed
        ("REGION OFFICIAL SAYS BORDER WILL STAY OPEN", LEDE_UNNAMED, ""),
        # one described as an organisation is the organisation the lede names, never a person
        ("LABOUR GROUP SAYS STRIKE WILL GO ON", LEDE_ORGANISATION, "norland-workers-federation"),
        ("NORLAND UNION SAYS STRIKE WILL GO ON", LEDE_ORGANISATION, "norland-workers-federation"),
        ("NORLAND UNION SAYS BORDER WILL STAY OPEN", LEDE_NAMED, ""),
    ],
)
def test_headline_source_described_is_the_one_the_lede_names(resources, headline, text, speaker_id):
    """ "IRAN LEADER VOWS ...", "NORLAND BANK SAYS ...": wire copy names the headline's
    source in the lede."""
    snippet = " ".join(headline.split()[-3:])
    row = statement(quotes_of(text, resources, headline=headline), snippet)
    assert row["speaker_id"] == speaker_id, row[["text", "speaker"]]


def test_headline_role_the_lede_leaves_unnamed_is_no_statement(resources):
    headline = "REGION LEADER SAYS BORDER WILL STAY OPEN"
    quotes = quotes_of(LEDE_UNNAMED, resources, headline=headline)
    assert not (quotes["start"] < len(headline)).any(), quotes[["text", "speaker"]]


LEDE_ROLE = (
    "LISBON, March 1 - The head of a regional border commission said on Monday the "
    "border would stay open through the winter.\n\n"
    "Karla Vendt, chairman of the commission, told reporters the crossings would be "
    "staffed around the clock.\n\nOduya said the talks would resume."
)


def test_lede_source_stays_unnamed_when_the_next_speaker_was_named_before(resources):
    text = LEDE_ROLE.replace("LISBON, March 1 - ", "LISBON, March 1 - Karla Vendt arrived. ")
    row = statement(quotes_of(text, resources), "border would stay open")
    assert row["speaker_id"] == "", row[["text", "speaker"]]


LEDE_MILL = (
    "LISBON, March 1 - A Norland steel mill closed its doors on Monday, saying it had been "
    "ruined by cheap imports.\n\nThe closure of the Ostrava Steel Works will idle 3,000 "
    'workers, the company said.\n\n"We cannot go on like this," the mill said.'
)


@pytest.mark.parametrize(
    ("text", "headline", "snippets", "speaker_id"),
    [
        # "The head of a panel said ...", then "NAME, chairman of ..., told ...": the
        # headline's "PANEL HEAD" is the same one
        (
            LEDE_ROLE,
            "PANEL HEAD SAYS BORDER WILL STAY OPEN",
            ("border would stay open", "BORDER WILL STAY OPEN"),
            "karla-vendt",
        ),
        # "A steel mill closed, saying ...", then "The closure of X ..., the company
        # said": an organisation even with "a"; "the mill" later is that one too
        (LEDE_MILL, "", ("ruined by cheap imports", "We cannot go on"), "ostrava-steel-works"),
        # a possessive is as definite as "the": "Norland's foreign minister rejected ...",
        # then "Foreign Minister Andrei Kostal said ..." (and another country's foreign
        # minister later: the role alone names no one)
        (
            "VELNA - Norland's foreign minister on Tuesday rejected a draft treaty that would "
            'fix the disputed border along the Selka River, calling it "a surrender dressed up '
            'as a compromise."\n\nSpeaking to reporters after a cabinet meeting, Foreign '
            "Minister Andrei Kostal said his government would not sign any agreement.\n\n"
            "In Brasno, the Sudmark capital, Foreign Minister Irena Halvik said the rejection "
            'was "deeply regrettable."',
            "",
            ("a surrender dressed up", "would not sign any"),
            "andrei-kostal",
        ),
    ],
)
def test_lede_source_described_is_the_one_named_next(
    resources, text, headline, snippets, speaker_id
):
    """A lede that describes its source leaves the name to its next paragraph, whose
    first statement is by the one first named there (a person for a role, an
    organisation for an organisation)."""
    quotes = quotes_of(text, resources, headline=headline)
    for snippet in snippets:
        assert statement(quotes, snippet)["speaker_id"] == speaker_id, quotes[["text", "speaker"]]


def test_lede_organisation_is_never_the_person_named_next(resources):
    text = LEDE_MILL.replace("the company said", "mill manager Karla Vendt said")
    row = statement(quotes_of(text, resources), "ruined by cheap imports")
    assert row["speaker_id"] == "", row[["text", "speaker"]]


def test_headline_vows_and_condemns_are_cues(resources):
    for headline in ("VENDT VOWS BORDER WILL STAY OPEN", "VENDT CONDEMNS BORDER CLOSURE PLAN"):
        quotes = quotes_of(LEDE_NAMED, resources, headline=headline)
        rows = quotes[quotes["start"] < len(headline)]
        assert list(rows["speaker_id"]) == ["karla-vendt"], quotes[["text", "speaker"]]


def test_scare_quotes_are_not_statements(resources):
    quotes = quotes_of(INTRO + 'The so-called "peace dividend" never came.', resources)
    assert not quotes["text"].str.contains("peace dividend").any()


def test_a_label_after_so_called_is_no_statement_anywhere_in_a_sentence(resources):
    text = (
        INTRO + 'Vendt said the so-called "J-curve" and the drop in oil prices together '
        "accounted for most of the rise in the surplus."
    )
    quotes = quotes_of(text, resources)
    assert not ((quotes["kind"] == "direct") & quotes["text"].str.contains("J-curve")).any(), (
        quotes[["text", "speaker"]]
    )


def test_what_an_assessment_is_of_is_no_source(resources):
    text = INTRO + "Vendt made her comments on the levy in a general assessment of the budget bill."
    quotes = quotes_of(text, resources)
    assert not quotes["text"].str.contains("made her comments").any(), quotes[["text", "speaker"]]


@pytest.mark.parametrize(
    "text",
    [
        "Vendt did not say when she thought the market would stabilize.",
        "Oduya would not say how long he expected the talks to last.",
    ],
)
def test_a_cue_in_a_question_a_speech_verb_leaves_unanswered_is_no_statement(resources, text):
    quotes = quotes_of(INTRO + text, resources)
    assert quotes.empty, quotes[["text", "speaker", "cue"]]


def test_a_cue_in_a_clause_of_time_still_reports(resources):
    text = INTRO + "When Vendt said the border would close, the crowd cheered."
    assert statement(quotes_of(text, resources), "border would close")["speaker_id"] == (
        "karla-vendt"
    )


def test_unbalanced_mark_does_not_swallow_the_article(resources):
    text = INTRO + 'Vendt said "the talks failed.\n\nOduya said the talks would resume.'
    quotes = quotes_of(text, resources)
    row = statement(quotes, "talks would resume")
    assert row["speaker_id"] == "paul-oduya"
    assert not any(("failed" in t and "resume" in t) for t in quotes["text"])


def test_it_and_they_stand_for_institutions_and_groups(resources):
    text = (
        INTRO + "The World Bank published its forecast on Tuesday. It said growth would slow.\n\n"
        "Western diplomats said the vote was close. They said the count would take a week."
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "growth would slow")["speaker_id"] == "world-bank"
    assert statement(quotes, "count would take")["speaker"] == "Western diplomats"


def test_quotation_running_over_paragraphs_keeps_its_speaker(resources):
    text = (
        INTRO + 'Vendt said: "The first part of what I have to say concerns the budget, '
        "which is too large.\n\n"
        '"The second part concerns taxes, which will not rise this year or next year.\n\n'
        '"And the third is about jobs," she said.\n\n'
        '"This is nonsense from start to finish," said an opposition leader.'
    )
    quotes = quotes_of(text, resources)
    direct = quotes[quotes["kind"] == "direct"]
    assert list(direct["status"]) == ["open", "open", "closed", "closed"]
    assert list(direct["speaker_id"]) == ["karla-vendt"] * 3 + [""]
    assert direct.iloc[3]["speaker"] == "an opposition leader"


def test_so_said_after_a_quotation_paragraph_attributes_it(resources):
    """ "So said X" after a paragraph that is one quotation names its speaker, not the
    one who spoke before it, and reports nothing of its own."""
    text = INTRO + (
        '"We will not sign this treaty," Vendt said.\n\n'
        '"A harbour is built for ships, not for speeches. Give us ships and we will sail."\n\n'
        "So said Oduya, a senator of twenty years, to loud cheers from the benches."
    )
    quotes = quotes_of(text, resources)
    row = statement(quotes, "A harbour is built for ships", kind="direct")
    assert row["speaker_id"] == "paul-oduya", row.to_dict()
    assert not (quotes["text"].str.strip() == "So").any(), quotes[["text", "speaker"]]


@pytest.mark.parametrize(
    "going_on",
    [
        '"Not one cent more"',  # short and no sentence of its own: no scare quote here
        '"Taxes will not rise," and the room fell silent.',
        '"Taxes will not rise."\n\nOduya replied.',  # a reply after it is someone else
    ],
)
def test_a_short_quotation_going_on_after_an_open_one_keeps_its_speaker(resources, going_on):
    """A quotation left open at a paragraph's end and taken up by the next paragraph's
    opening mark is one speaker's, however few words the paragraph quotes."""
    text = INTRO + 'Vendt said: "We will hold the line on spending this year.\n\n' + going_on
    quotes = quotes_of(text, resources)
    snippet = going_on.split('"')[1].rstrip(",.")
    assert statement(quotes, snippet, "direct")["speaker_id"] == "karla-vendt", quotes[
        ["text", "speaker"]
    ]


@pytest.mark.parametrize(
    ("text", "snippet", "speaker_id"),
    [
        (
            "The ruling by the Lisbon court prompted Korval Group to threaten to close the plant.",
            "to close the plant",
            "korval-group",
        ),
        (
            "Vendt charged Oduya with falsely claiming that the buyers had paid in full.",
            "the buyers had paid in full",
            "paul-oduya",
        ),
        (
            "The vote forced Oduya to deny that he had met the buyers.",
            "he had met the buyers",
            "paul-oduya",
        ),
    ],
)
def test_the_object_of_the_verb_above_an_infinitive_or_gerund_cue_speaks(
    resources, text, snippet, speaker_id
):
    """ "prompted X to threaten ...", "charged X with claiming ...": X speaks (what
    "charged" reports holds the claim; the claim's own row starts with its words)."""
    quotes = quotes_of(INTRO + text, resources)
    rows = quotes[quotes["text"] == snippet]
    assert list(rows["speaker_id"]) == [speaker_id], quotes[["text", "speaker"]]


def test_first_person_outside_quotations_is_the_writer(resources):
    """The writer's own voice on an opinion page is no quotation (the gold codes none:
    data/gold/opinion-stadium-2002.yml); the people the writer quotes keep theirs."""
    text = (
        INTRO + '"The budget is balanced," Vendt said.\n\n'
        "I believe the minister is wrong about the budget. We say the same of her plan."
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "The budget is balanced")["speaker_id"] == "karla-vendt"
    assert not quotes["text"].str.contains("minister is wrong|the same", regex=True).any()
    assert set(quotes["speaker"]) == {"Karla Vendt"}


def rows_of(quotes, snippet: str):
    return quotes[quotes["text"].str.contains(snippet, regex=False)]


@pytest.mark.parametrize(
    ("text", "snippet", "kind", "speaker", "cue"),
    [
        # a quotation set off as its own paragraph after an introduction with a colon,
        # the speaker named only by a role the article gives one person
        (
            "Mayor Tomas Brell wants a new bridge.\n\n"
            "Here is how the mayor put it to the council:\n\n"
            '"A city that stops building stops growing. We will build it."',
            "stops building",
            "direct",
            "tomas-brell",
            "put it",
        ),
        (
            "Councillor Ada Wendt opposes the bridge. Wendt was blunter:\n\n"
            '"If the city can find money for a bridge, it can find money for schools."',
            "find money for schools",
            "direct",
            "ada-wendt",
            "was",
        ),
        # a colon in the sentence introduces it; "There was more:" introduces no one
        (
            'Vendt was unrepentant: "We did what we had to do, and we would do it again."',
            "what we had to do",
            "direct",
            "karla-vendt",
            "was",
        ),
        (
            '"We will appeal," Oduya said.\n\nThere was more: "We did what we had to do, '
            'and we would do it again."',
            "what we had to do",
            "direct",
            "paul-oduya",
            "",
        ),
        (
            'Vendt\'s answer was blunt: "We did what we had to do, and we would do it again."',
            "what we had to do",
            "direct",
            "karla-vendt",
            "was",
        ),
        # a quotation that is a sentence of its own goes on with the last speaker,
        # however short; an attribution alone in the next sentence is its cue
        (
            '"I think he will raise his bid," said Oduya. "He is a heavy hitter."',
            "heavy hitter",
            "direct",
            "paul-oduya",
            "",
        ),
        (
            '"The bid is too low," Vendt said. "Is he trying to build an empire?" Oduya asked.',
            "build an empire",
            "direct",
            "paul-oduya",
            "asked",
        ),
        # words quoted in a sentence no speech verb governs: its subject's
        (
            'Harlow Mining Corp sought a seat on the board, petitioning the court "so that '
            'the interests of the owners would be protected."',
            "interests of the owners",
            "direct",
            "harlow-mining-corp",
            "petitioning",
        ),
        (
            'The court ruled the law "void and unenforceable in every part."',
            "void and unenforceable",
            "direct",
            "The court",
            "ruled",
        ),
        # the verb right after the quotation, its speaker after it
        (
            '"Who will pay for the port?" asked Oduya.',
            "Who will pay",
            "direct",
            "paul-oduya",
            "asked",
        ),
        # set off without quotation marks, after a speech verb and a colon
        (
            "Mayor Tomas Brell wrote to the council on Friday:\n\n"
            "The bridge will be finished before the winter, and it will cost less than the "
            "tunnel.\n\n"
            "The council meets next week.",
            "finished before the winter",
            "direct",
            "tomas-brell",
            "wrote",
        ),
        # set off, with the attribution on the line after it
        (
            "The plan has its defenders.\n\n"
            '"A city that stops building stops growing, and this city will not stop."\n\n'
            "-- Tomas Brell, mayor of Lindau",
            "stops growing",
            "direct",
            "tomas-brell",
            "",
        ),
        # set off, with "That is how X put it." after it
        (
            "The plan has its defenders.\n\n"
            '"A city that stops building stops growing, and this city will not stop."\n\n'
            "That is how Mayor Tomas Brell put it on Tuesday.",
            "stops growing",
            "direct",
            "tomas-brell",
            "put it",
        ),
        # the parser may read a noun of the quotation as the verb's subject
        (
            '"We can confirm that, despite the rumours, member states met their quotas in '
            'March," Vendt, who chairs the group, said.',
            "member states met",
            "direct",
            "karla-vendt",
            "said",
        ),
        # a group joined by "and" keeps its phrase, with no one entity
        (
            "Vendt and Oduya said the treaty would be signed in May.",
            "treaty would be signed",
            "reported",
            "Vendt and Oduya",
            "said",
        ),
        # "the company said": the organisation that spoke last
        (
            "Harlow Mining Corp said profits rose. The company said it would hire 300 workers.",
            "would hire 300 workers",
            "reported",
            "harlow-mining-corp",
            "said",
        ),
        # "the union" is no body whose name says it is another kind: not the Senate that
        # spoke last, nor a federation or a bank named before
        (
            "The Harlow Mining Corp said profits rose. The Norland Bank and the Retail "
            "Federation said the mine should stay open. The Senate said it would hold a "
            "hearing. The union said it would strike in May.",
            "would strike in May",
            "reported",
            "harlow-mining-corp",
            "said",
        ),
        # "he" after a sentence whose subject is a newly named person is that person
        (
            '"The dam is safe," Vendt said.\n\n'
            "Professor Emil Sarkis, who has studied forty dams, disagrees. "
            'He told reporters: "This dam will crack within ten years."',
            "crack within ten years",
            "direct",
            "emil-sarkis",
            "told",
        ),
        # "the senator": the one senator the article names ...
        (
            "The senator said the border would stay open.",
            "border would stay open",
            "reported",
            "paul-oduya",
            "said",
        ),
        # ... unless an unnamed senator spoke before
        (
            "A senator from the north said taxes would fall. The senator added that the "
            "border would stay open.",
            "border would stay open",
            "reported",
            "The senator",
            "added",
        ),
        # a spokeswoman for a named organisation is no named source
        (
            "A spokeswoman for Harlow Mining Corp said the mine would reopen.",
            "mine would reopen",
            "reported",
            "A spokeswoman for Harlow Mining Corp",
            "said",
        ),
        # cues that report their object, a particle verb among them
        (
            "Vendt ruled out any increase in taxes before the election.",
            "increase in taxes",
            "reported",
            "karla-vendt",
            "ruled out",
        ),
        (
            "Oduya stressed the need for a frontal attack on the deficit.",
            "need for a frontal attack",
            "reported",
            "paul-oduya",
            "stressed",
        ),
        # an estimate through its preposition
        (
            "Vendt put the shortfall in grain at 900,000 tonnes.",
            "shortfall in grain at 900,000",
            "reported",
            "karla-vendt",
            "put",
        ),
        # an aside with "as", a view, a verb with a particle
        (
            "As Vendt noted last week, the port loses money every year.",
            "the port loses money",
            "reported",
            "karla-vendt",
            "noted",
        ),
        (
            "As Oduya put it, the port is a liability.",
            "the port is a liability",
            "reported",
            "paul-oduya",
            "put it",
        ),
        (
            "In Oduya's view, the port is a liability.",
            "the port is a liability",
            "reported",
            "paul-oduya",
            "view",
        ),
        (
            "Vendt pointed out that the port loses money.",
            "the port loses money",
            "reported",
            "karla-vendt",
            "pointed out",
        ),
        # a reported clause the parser reads as a relative clause on the listener
        (
            "Oduya told a luncheon Vendt could decide within a few weeks to adopt a new budget.",
            "Vendt could decide",
            "reported",
            "paul-oduya",
            "told",
        ),
        # a forecast: the object with its infinitive
        (
            "The budget office expects the surplus to shrink sharply next year.",
            "surplus to shrink",
            "reported",
            "The budget office",
            "expects",
        ),
        # what was said before
        ("Oduya has said as much.", "as much", "reported", "paul-oduya", "said"),
        # a statement noun delivered by a verb
        (
            "Vendt expressed concern that the sale would weaken the navy.",
            "sale would weaken the navy",
            "reported",
            "karla-vendt",
            "concern",
        ),
        # an infinitive the parser hangs on the cue as an adverbial clause, with the
        # subject read as the sentence's root; a request
        (
            "Oduya, declining to be drawn on specifics, promised on the election trail to get "
            "the country out of the debt trap.",
            "out of the debt trap",
            "reported",
            "paul-oduya",
            "promised",
        ),
        (
            "Oduya told the ministries to curb their spending.",
            "curb their spending",
            "reported",
            "paul-oduya",
            "told",
        ),
        # a preposition reached through another phrase, a multi-word one
        (
            "Oduya had warned the company earlier in the day against exacerbating the crisis.",
            "exacerbating the crisis",
            "reported",
            "paul-oduya",
            "warned",
        ),
        (
            "Vendt testified in favor of the new tariff.",
            "favor of the new tariff",
            "reported",
            "karla-vendt",
            "testified",
        ),
        # speakers the NER misses but the text marks: a wire's company in angle brackets
        # (the parser takes the closing bracket for the subject), a title before a name,
        # a publication before the word announcing it, and "it" for that publication
        (
            "<Vereenigde Drukkerij Maasland NV> said it expected a loss for the year.",
            "expected a loss",
            "reported",
            "vereenigde-drukkerij-maasland-nv",
            "said",
        ),
        (
            "Fire Chief Ilse Varga said crews would stay on the ridge overnight.",
            "crews would stay",
            "reported",
            "ilse-varga",
            "said",
        ),
        (
            "The Evening Courier newspaper said the council had erred. It called the vote "
            '"a betrayal of every taxpayer in the city."',
            "a betrayal of every taxpayer",
            "direct",
            "evening-courier",
            "called",
        ),
        # an institution is the one the article names with its word, never the person
        # who spoke last; a description with a modifier only an organisation so named
        (
            "The Interior Ministry is drafting the bill. Vendt said the bill was ready. "
            "The ministry said the bill would reach parliament in May.",
            "reach parliament in May",
            "reported",
            "interior-ministry",
            "said",
        ),
        (
            "Vendt said the bill was ready. The ministry said the bill would reach "
            "parliament in May.",
            "reach parliament in May",
            "reported",
            "The ministry",
            "said",
        ),
        (
            "The Farmers Union said prices were too low. According to the central bank, "
            "inflation will slow this year.",
            "inflation will slow",
            "reported",
            "the central bank",
            "According",
        ),
        # a group speaks through the one person it is led by
        (
            "A team led by Dr Ilse Marten of the Coast Institute warned that the reef "
            "could be lost within a decade.",
            "the reef could be lost",
            "reported",
            "ilse-marten",
            "warned",
        ),
        # a judge's finding: "held that"
        (
            "Justice Amara Nwachukwu held that the levy was unlawful.",
            "the levy was unlawful",
            "reported",
            "amara-nwachukwu",
            "held",
        ),
        # "the association said" where no organisation has spoken: the one named so,
        # not the organisation named last
        (
            "The Tarn Valley Football Association has fined the Redcliffe Rovers.\n\n"
            'In a statement, the association said the conduct was "beyond the pale".',
            "beyond the pale",
            "direct",
            "tarn-valley-football-association",
            "said",
        ),
        # a quotation after a verb that knows, not a name ("known as")
        (
            "Oduya said voters deserved to know \u201cthat their money reaches the people "
            "it is meant for.\u201d",
            "their money reaches",
            "direct",
            "paul-oduya",
            "said",
        ),
        # a title the article gives two people ("Justice"), told apart by its modifier
        (
            "The bench of Chief Justice Ravi Menon and Justice Leela Iyer heard the case.\n\n"
            '"How many more lives will it take?" the Chief Justice asked.',
            "How many more lives",
            "direct",
            "ravi-menon",
            "asked",
        ),
        # a titled name the NER ran into the place before it
        (
            "A resident of Tudun Wada, Malam Sani Lawan, said two children had been "
            "taken to hospital.",
            "two children had been taken",
            "reported",
            "sani-lawan",
            "said",
        ),
        # a second clause the cue reports, opened by "that" of its own
        (
            "The owner, Kaya Mining, said in a statement that contact had been made with two "
            "of the men, but that the whereabouts of the other two were unknown.",
            "whereabouts of the other two",
            "reported",
            "kaya-mining",
            "said",
        ),
        # the holder of a title with its portfolio, the name hung on the portfolio
        (
            "Minister for Transport Declan Ó Muirí told local radio he had asked for "
            "\u201ca full report by Friday\u201d.",
            "a full report by Friday",
            "direct",
            "declan-o-muiri",
            "asked",
        ),
        # "he" is one person, not the family that spoke last
        (
            "The girl\u2019s uncle, Rawiri Tane, said the family had complained to the shire "
            "about the dogs twice. \u201cThe council knew,\u201d he said.",
            "The council knew",
            "direct",
            "rawiri-tane",
            "said",
        ),
        # a statement noun's owner speaks: "the Secretary's response"
        (
            "Trade Secretary Rohan Mehta backs the deal.\n\n"
            "The Secretary\u2019s response has been to accuse critics of "
            "\u201cfear dressed up as caution\u201d.",
            "fear dressed up as caution",
            "direct",
            "rohan-mehta",
            "accuse",
        ),
        # "he" is never a person titled Mrs
        (
            "Mr Tomasz Wrobel, convener of the plant, called for a strike. His deputy, "
            "Mrs Ilona Berger, said women backed it.\n\n"
            "He said a mass meeting would be held on Sunday.",
            "a mass meeting would be held",
            "reported",
            "tomasz-wrobel",
            "said",
        ),
    ],
)
def test_speaker_constructions(resources, text, snippet, kind, speaker, cue):
    rows = rows_of(quotes_of(INTRO + text, resources), snippet)
    rows = rows[rows["kind"] == kind]
    assert len(rows) == 1, rows[["text", "kind", "speaker", "cue"]]
    row = rows.iloc[0]
    assert speaker in {row["speaker_id"], row["speaker"]}, row.to_dict()
    assert row["cue"] == cue
    if row["speaker"] == speaker:  # a phrase, not an entity
        assert row["speaker_id"] == ""


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Its boosters have christened the bridge the "Lindau Gateway."', "Lindau Gateway"),
        ('Vendt said the army had tested the missile known as "Long Spear."', "Long Spear"),
        ('The ministry bought a system called "Iron Net" last year.', "Iron Net"),
        ('Oduya\'s book "How the North Was Won and Lost" sold well.', "How the North"),
        ('Vendt campaigned under the slogan "Bread, Work and Peace for All."', "Bread, Work"),
        (
            'The authority\'s "world-class port for a world-class city" campaign failed.',
            "world-class",
        ),
        ('C.J. "Pete" Marlow, chairman, told reporters the mine would close.', "Pete"),
        # a name in title case, with no word marking it as one
        (
            'The chief promised that "Operation Clean Sweep" would rid Eastgate of dealers.',
            "Operation Clean Sweep",
        ),
        # beside a naming verb that names something else
        (
            'The board voted to adopt "Reading Forward," a curriculum that its publisher, '
            'Brightline Learning, calls "the most flexible reading program on the market."',
            "Reading Forward",
        ),
        # a term marked, its determiner, number or owner outside the marks; a headline
        # cited in brackets; a title set off after its noun; a term said to be a word
        ('Oduya has also promised a "citizens\' jury," though it will have no vote.', "jury"),
        ('We expect the council to end the "permit raj" that enriches the few.', "permit raj"),
        ('Your correspondent reports ("Bus fares soar", 4 May) that fares are up.', "fares soar"),
        ('In her memoir, "Holding the Line," she wrote that the talks failed.', "Holding"),
        # a name a noun is called by
        (
            'When the commissioner unveiled the "Safer Cities" plan last month, she said it '
            "would put more officers on the streets.",
            "Safer Cities",
        ),
        # the subject of "is the word / the cliché ..."
        (
            "The fares should be published in full. Anything less will confirm that "
            '"transparency" is simply the newest word in the board\'s vocabulary.',
            "transparency",
        ),
    ],
)
def test_names_and_titles_in_quotation_marks_are_no_quotations(resources, text, name):
    quotes = quotes_of(INTRO + text, resources)
    direct = quotes[quotes["kind"] == "direct"]
    assert not direct["text"].str.contains(name, regex=False).any(), direct[["text", "speaker"]]


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        # a question is no statement
        ("Vendt refused to say whether the border would reopen.", "border would reopen"),
        ("When asked if the union would strike, Oduya smiled.", "union would strike"),
        # nor a source's condition
        ("Oduya, who asked not to be named, said the port would close.", "not to be named"),
        # nor is a statement only supposed
        ("If the owners believe the stadium will pay, let them pay for it.", "stadium will pay"),
        # nor a prediction in the passive with no one to make it, nor a request
        ("The full senate is expected to vote on the bill in May.", "vote on the bill"),
        ("The minister was urged to resign before the summer.", "resign before the summer"),
        # a participle after a statement noun names its speaker, it is not its content
        ("Taxes will fall, in line with a pledge made by Vendt at the summit.", "made by Vendt"),
        # a belief held by no one who speaks
        ("Conventional wisdom held that the port would close.", "the port would close"),
        # "expect" reports a forecast, not a sum awaited
        ("Vendt expects a loan of 60 million dollars from the bank.", "loan of 60 million"),
    ],
)
def test_no_statement(resources, text, snippet):
    quotes = quotes_of(INTRO + text, resources)
    assert rows_of(quotes, snippet).empty, quotes[["text", "kind", "speaker", "cue"]]


def test_naming_verb_with_a_quotation_gives_only_the_quotation(resources):
    text = INTRO + 'Vendt described the talks as "a waste of everyone\'s time and money."'
    quotes = quotes_of(text, resources)
    assert list(quotes["kind"]) == ["direct"]
    assert quotes.iloc[0]["speaker_id"] == "karla-vendt"


def test_cue_and_quotation_in_text_order(resources):
    """ "He said ..., which the company billed as "...": "he" is who spoke before the
    sentence, the quotation the company's."""
    text = INTRO + (
        "Harlow Mining Corp delivered its offer on Monday.\n\n"
        '"We will not sign," said Emil Sarkis, a union official. He said the union needed '
        'time to study the offer, which the company billed as its "best and final offer."'
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "needed time", "reported")["speaker_id"] == "emil-sarkis"
    assert statement(quotes, "best and final", "direct")["speaker_id"] == "harlow-mining-corp"


def test_a_name_speaking_after_a_quotation_is_a_person(resources):
    """The parser may read a name right after a closing quotation mark as a title
    (WORK_OF_ART); one that speaks is a person, the speaker of the quotation."""
    text = INTRO + (
        '"The tariff is a mistake, which is not only costly but also very irresponsible," '
        "Ilona Farkasz, professor of law at Lindau University, told Reuters. "
        '"It will fail," Farkasz said.'
    )
    tables = analyze(make_article(text, article_id="t", published="1999-03-02"), resources)
    entities = tables["entities"].set_index("entity_id")
    assert entities.loc["ilona-farkasz", "type"] == "PERSON"
    quotes = tables["quotes"]
    assert set(quotes["speaker_id"]) == {"ilona-farkasz"}
    assert list(quotes["cue"]) == ["told", "said"]


def test_words_leading_into_a_quotation_are_reported(resources):
    """ "told X that without it "...": the reported words before the quotation are a
    statement of their own; the quotation's own subject is not ("said its plan "...")."""
    text = INTRO + (
        'Vendt told the committee that without the loan "thousands of farms will close '
        'before the harvest."\n\nOduya said his plan "contains no new taxes of any kind."'
    )
    quotes = quotes_of(text, resources)
    frame = statement(quotes, "without the loan", "reported")
    assert (frame["text"], frame["speaker_id"], frame["cue"]) == (
        "without the loan",
        "karla-vendt",
        "told",
    )
    assert statement(quotes, "thousands of farms", "direct")["speaker_id"] == "karla-vendt"
    assert list(quotes.loc[quotes["text"].str.contains("his plan|contains"), "kind"]) == ["direct"]


def test_pronoun_in_a_report_is_the_reporter_found_through_the_controller(resources):
    """ "X planned to contend that he had warned ...": "he" is X, the speaker of
    "contend" through the verb that controls it, not the last speaker."""
    text = INTRO + (
        '"We will appeal," Vendt said. A legal source said Oduya and his lawyers planned to '
        "contend that he had warned the court that the sales were illegal."
    )
    quotes = quotes_of(text, resources)
    warned = quotes[quotes["cue"] == "warned"]
    assert list(warned["speaker_id"]) == ["paul-oduya"]
    assert list(quotes.loc[quotes["cue"] == "contend", "speaker"]) == ["Oduya and his lawyers"]


def test_a_conjunction_the_parser_takes_for_a_subject_speaks_for_no_one(resources):
    """ "believe that pledged changes ... will lead": the parser may read "pledged" as a
    verb with "that" as its subject; "that" is no speaker."""
    text = INTRO + (
        "Monetary policies can help, but only if markets believe that pledged changes in "
        "fiscal policies will lead to balanced payments, Vendt said."
    )
    quotes = quotes_of(text, resources)
    assert set(quotes["speaker_id"]) == {"karla-vendt"}


@pytest.mark.parametrize(
    "text",
    [
        "The Nordic Council has warned the Canadian Senate that tough fishing legislation "
        "it is considering could prompt retaliation by Nordic fleets.",
        "The Andean Pact has warned the Brazilian Congress that harsh tariff legislation "
        "it is drafting could prompt retaliation by Andean exporters.",
    ],
)
def test_a_that_clause_read_as_a_noun_after_the_listener_is_reported(resources, text):
    """ "warned X that tough legislation it is weighing could ...": the parser takes
    "that" for a determiner; what follows the listener is still the warning."""
    row = statement(quotes_of(text, resources), "could prompt retaliation", "reported")
    assert row["text"].startswith("tough") or row["text"].startswith("harsh")


def test_a_cue_read_as_the_complement_of_what_it_reports_still_reports_it(resources):
    """ "X told Y, a senator, he backed ...": the parser roots the sentence in the
    reported verb and hangs the cue on it; the clause is still X's statement."""
    quotes = quotes_of(
        "Minister Hal Ostrander met the water committee on Monday.\n\n"
        "Ostrander told Vukovic, a Texas Republican, he backed parts of the bill, "
        "such as one funding new dams under the compact.",
        resources,
    )
    row = statement(quotes, "parts of the bill", "reported")
    assert row["speaker_id"] == "hal-ostrander"


def test_a_clause_before_a_source_that_shows_it_is_no_speakers_statement(resources):
    """ "Wardens wrote 12 tickets in May, court records show.": the wardens wrote, they
    said nothing (the records, a document, are the source)."""
    quotes = quotes_of(
        "Wardens wrote 12 tickets for illegal fishing in May, court records show.", resources
    )
    assert not quotes["speaker"].str.contains("Wardens").any(), quotes[["text", "speaker"]]


def test_an_unattributed_quotation_in_another_language_is_not_given(resources):
    """In an article the parser does not read, quotation marks with no cue it knows are
    no one's words as far as newsbook can tell."""
    text = (
        "Der Gemeinderat von Altheim hat am Dienstag beschlossen, die Brücke über den "
        "Fluss zu sperren. „Wir schließen die Brücke für den Verkehr“, sagte "
        "Bürgermeisterin Lina Ostwald nach der Sitzung. Die Sperrung soll im Mai beginnen "
        "und bis zum Herbst dauern, wie die Verwaltung mitteilte. Die Anwohner sind mit "
        "der Entscheidung nicht zufrieden und wollen sich dagegen wehren."
    )
    article = make_article(text, article_id="t", published="1999-03-02")
    tables = analyze(article, resources)
    assert tables["article"]["language"].iloc[0] == "de"
    assert not (tables["quotes"]["speaker"] == "(unattributed)").any(), tables["quotes"]


@pytest.mark.parametrize(
    "text",
    [
        "Harbour master Ilse Varga declined to say which berths would be closed.",
        "Harbour master Ilse Varga refused to say whether the berths would be closed.",
    ],
)
def test_a_refused_statement_reports_nothing(resources, text):
    """ "declined to say which ...": nothing was said."""
    quotes = quotes_of(text, resources)
    assert not quotes["text"].str.contains("berths").any(), quotes[["text", "speaker"]]


@pytest.mark.parametrize(
    "headline", ["VENDT WARNS SENATE ON NEW BORDER BILL", "Vendt warns of $40 million shortfall"]
)
def test_a_headline_cue_with_only_a_topic_is_no_statement(resources, headline):
    """ "X WARNS SENATE ON BILL", "X warns of a shortfall": the headline names what X
    spoke about, not what X said."""
    quotes = quotes_of(INTRO + "Vendt spoke to the Senate on Monday.", resources, headline=headline)
    first_line = len(headline)
    assert not (quotes["start"] < first_line).any(), quotes[["text", "speaker"]]


PARTICIPLE = (
    "Governor Lena Brakes signed the levee bill on Tuesday.\n\n"
    "Engineer Tomas Quill added that a governor should have room to delay repairs, "
    'saying "in the end, every state must weigh the cost against the risk."\n\n'
    'Otherwise, he said, "the river will decide for us."'
)
COUNCILWOMAN = (
    '"The pool stays open all summer," said Councilwoman Imelda Strake. '
    '"Nobody should pay twice for water," she added.'
)


@pytest.mark.parametrize(
    ("text", "snippet", "speaker_id"),
    [
        # a council title is no part of the speaker's name
        (COUNCILWOMAN, "pool stays open", "imelda-strake"),
        (COUNCILWOMAN, "pay twice", "imelda-strake"),
        # a participle cue hung on another's reported words is the reporter's, and so is
        # the "he said" after it
        (PARTICIPLE, "every state must weigh", "tomas-quill"),
        (PARTICIPLE, "river will decide", "tomas-quill"),
        # a second "said" of the same reporter, hung on the reported clause
        (
            "Port director Elsa Fennimore spoke after the strike ended.\n\n"
            "She said Mayor Ivo Raskin was the main cause of the delay and said the port "
            'would use "every lawful means to end the blockade."',
            "every lawful means",
            "elsa-fennimore",
        ),
        # the parser ends the attribution at "U.S."; the quotation after it is still X's
        (
            "Trade envoy Sabine Orlov met union leaders on Friday.\n\n"
            'Orlov said in a radio interview in the U.S. "We are ready to do whatever it '
            'takes to keep the plants open and the workers paid."',
            "keep the plants open",
            "sabine-orlov",
        ),
        # "members should expect "..."": the members have said nothing; the words are X's
        (
            "Budget director Olu Banda said Monday that the county faces a deficit, and that "
            'council members should expect "painful choices" when they meet next week.',
            "painful choices",
            "olu-banda",
        ),
        # a role at an organisation: the name in apposition hangs on the organisation
        (
            "LISBON, March 3 - The head of the National Grain Marketing Board, Rui Tavares "
            "Lobo, was quoted in a newspaper as saying that imports would rise.\n\n"
            '"We cannot let the mills stop," he said.',
            "We cannot let the mills stop",
            "rui-tavares-lobo",
        ),
    ],
)
def test_quotation_speaker_through_a_misleading_parse(resources, text, snippet, speaker_id):
    quotes = quotes_of(text, resources)
    assert statement(quotes, snippet, "direct")["speaker_id"] == speaker_id


def test_a_participle_not_set_off_belongs_to_its_own_clause(resources):
    """ "X will publish a draft law calling for ..., an official said": the law calls
    for it, the official does not (only ", saying ..." is the reporter's)."""
    quotes = quotes_of(
        "The Vellmar council will publish a draft\nlaw today calling for an end to all "
        "river\ntolls in the valley, an official in the\ncouncil's transport office told "
        "Reuters.",
        resources,
    )
    calls = quotes[quotes["text"].str.startswith("an end to all")]
    assert not calls["speaker"].str.contains("official").any(), quotes[["text", "speaker"]]


def test_a_that_clause_read_as_relative_on_the_cues_phrase_is_reported(resources):
    # the parser hangs the clause on "commentary", with "that" as its marker
    row = statement(
        quotes_of("Kurjer said in a commentary that the plan was doomed.", resources), "doomed"
    )
    assert (row["text"], row["kind"], row["cue"]) == ("the plan was doomed", "reported", "said")
    # or as a clause of a noun of the cue's circumstances ("after the vote that ...")
    row = statement(
        quotes_of("Kurjer told reporters after the vote that the plan was a mistake.", resources),
        "mistake",
    )
    assert (row["text"], row["kind"], row["cue"]) == ("the plan was a mistake", "reported", "told")


def test_a_sentence_between_two_statements_of_one_speaker_goes_on_with_them(resources):
    text = (
        "Oduya said the tariff would hurt exporters.\n\n"
        'Trade with the north had already slowed. "But the ministry will not listen," he said.'
    )
    row = statement(quotes_of(INTRO + text, resources), "Trade with the north")
    assert (row["speaker_id"], row["kind"], row["status"]) == (
        "paul-oduya",
        "reported",
        "continued",
    )


@pytest.mark.parametrize(
    "text",
    [
        # background in a paragraph of its own
        "Oduya said the tariff would hurt exporters.\n\nTrade with the north slowed in May.\n\n"
        '"But the ministry will not listen," he said.',
        # the next statement opens with its attribution
        "Oduya said the tariff would hurt exporters.\n\nTrade with the north slowed in May. "
        "He said the ministry would not listen.",
        # the statements around it are not one speaker's
        "Vendt said the tariff would hurt exporters.\n\nTrade with the north slowed in May. "
        '"But the ministry will not listen," Oduya said.',
    ],
)
def test_a_sentence_not_framed_by_one_speaker_is_no_statement(resources, text):
    quotes = quotes_of(INTRO + text, resources)
    assert not quotes["text"].str.contains("Trade with the north").any(), quotes[
        ["text", "speaker"]
    ]


def test_as_someone_put_it_is_no_estimate(resources):
    quotes = quotes_of(INTRO + 'As Vendt put it at a rally, "We cannot afford to wait."', resources)
    assert list(quotes["kind"]) == ["direct"], quotes[["text", "kind", "cue"]]


def test_a_description_qualified_by_an_affiliation_is_someone_new(resources):
    text = (
        '"The quota will hold," Oduya said.\n\n'
        '"Buyers will come back in the spring," said the regional manager for one of the '
        "large shipping lines, who spoke on condition that he not be named."
    )
    row = statement(quotes_of(INTRO + text, resources), "Buyers will come back")
    assert row["speaker_id"] == "" and row["speaker"].startswith("the regional manager")


def test_a_name_set_off_before_a_cue_without_subject_is_its_speaker(resources):
    text = (
        "Norland unveils a new plan this month aimed at boosting exports, director-general of "
        "the NEXA export institute, Ilse Marta Varga, said."
    )
    row = statement(quotes_of(text, resources), "boosting exports")
    assert row["speaker"] == "Ilse Marta Varga"
    assert row["text"].endswith("boosting exports")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("A reading above 50 generally indicates that the economy is expanding.", False),
        ("The latest figures suggest that exports are recovering.", False),
        ("Oduya suggested that the tariff be dropped.", True),
        ("Analysts suggested that exports were recovering.", True),
    ],
)
def test_evidence_is_no_statement_unless_its_subject_can_speak(resources, text, kept):
    quotes = quotes_of(INTRO + text, resources)
    assert (quotes["kind"] == "reported").any() == kept, quotes[["text", "speaker", "cue"]]


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        # an order placed "at a cost of": no estimate
        (
            "Norair has placed a firm order for four jets at a cost of 250 mln dlrs each.",
            "firm order",
        ),
        # an announcement to come
        (
            "Norair said it will announce a decision on engines later this year.",
            "a decision on engines",
        ),
        # a question asked with a wh-word
        ("Asked whom he meant, Oduya named two ministers.", "whom he meant"),
        # the setting of a quotation before its cue
        (
            'In a speech to the chamber of commerce, Vendt said, "Our policy has not changed."',
            "In a speech",
        ),
    ],
)
def test_no_statement_made(resources, text, snippet):
    quotes = quotes_of(INTRO + text, resources)
    assert not quotes["text"].str.startswith(snippet).any(), quotes[["text", "speaker", "cue"]]


@pytest.mark.parametrize(
    ("text", "snippet", "speaker_id"),
    [
        # a channel verb joined to a cue relays no one
        (
            "Korval Data Inc cited higher sales and said it was confident of new financing.",
            "it was confident",
            "korval-data-inc",
        ),
        # an institution is the one named with its word
        (
            "The Screen Writers Guild said its members had struck.\n\n"
            "The guild said the companies refused to negotiate.",
            "refused to negotiate",
            "screen-writers-guild",
        ),
        # "the central bank" with none so described named: the one bank named
        (
            "The Bank of Norland cut its discount rate to 4.5 pct, the central bank said.",
            "cut its discount rate",
            "bank-of-norland",
        ),
        # a name the parser hangs on an opening phrase is who a later "he" is
        (
            INTRO + "Vendt said the talks would resume.\n\n"
            "In an interview with the Karvik Post, Trade Minister Arne Dahl defended the cuts. "
            "He said the deficit had to come down first.",
            "deficit had to come down",
            "arne-dahl",
        ),
        # so is a name in apposition to the subject
        (
            "The authority's director, Leif Varn, was blunt. "
            '"We have run out of time," he told reporters.',
            "run out of time",
            "leif-varn",
        ),
        # "the company" may be a group named as such, the last to speak
        (
            "Korval Group Inc said it rejected the bid by Norland Shipping Corp. The company "
            'said the bid was "highly conditional."',
            "highly conditional",
            "korval-group-inc",
        ),
        # a place a report came from is not its author: the report speaks for itself
        (
            "A recent report from Tokyo criticised the budget. Spending was "
            '"out of control", the report said.',
            "out of control",
            "",
        ),
        # a document named with its author before is that author's
        (
            "A recent report by the Norland Institute criticised the budget. Spending was "
            '"out of control", the report said.',
            "out of control",
            "norland-institute",
        ),
        # two members named: neither is "he"
        (
            INTRO + '"The cuts will work," Oduya said.\n\n'
            "Economists, including Jean Cheval and Marc Dufour, agreed with the report. "
            '"They will wait to be told which way to go," he said.',
            "which way to go",
            "paul-oduya",
        ),
        # and the one member named of a subject's group, after another speaker
        (
            INTRO + '"The cuts will work," Vendt said.\n\n'
            "Economists, including Jean Cheval at Indosuez, agreed with the report. "
            '"They will wait to be told which way to go," he said.',
            "which way to go",
            "jean-cheval",
        ),
        # someone reported to have told
        (
            INTRO + "Vendt is reported to have told her cabinet that there would be no cuts.",
            "no cuts",
            "karla-vendt",
        ),
        # a name right before a cue the parser left without a subject
        (
            "In a letter to the regional newspaper Ostra Tidning, federation chairman Nils Berg "
            "wrote that the authority was looking for a scapegoat.",
            "looking for a scapegoat",
            "nils-berg",
        ),
        # a report relayed by someone is not theirs, and "he" is no report: the person
        # last named
        (
            "Ayatollah Jalal Morvan spoke on Tuesday, Norland radio said.\n\n"
            "A report, monitored by the British Broadcasting Corporation, said he spoke "
            "for an hour. He said the enemies of the republic were everywhere.",
            "the enemies of the republic",
            "jalal-morvan",
        ),
        # a report in a newspaper is the newspaper's
        (
            "A report in the Karvik Courier said the talks had failed.",
            "the talks had failed",
            "karvik-courier",
        ),
        # "the letter" is whoever spoke in the letter
        (
            "In a letter to shareholders, Chairman Olaf Brenna said the offer was too low.\n\n"
            "The letter also said the bid threatened the company's workers.",
            "threatened the company",
            "olaf-brenna",
        ),
        # "it said" after words given in a letter is the letter, so its writer; not the
        # organisation named last
        (
            "In a letter to shareholders, Chairman Olaf Brenna said the offer was too low.\n\n"
            "Two other bids, studied at the Karvik Institute, were also too low, it said.",
            "Two other bids",
            "olaf-brenna",
        ),
        (
            "In a letter to shareholders, Chairman Olaf Brenna said the offer was too low.\n\n"
            "The letter said the Karvik Institute had studied the bid, but it warned "
            "against selling the company.",
            "selling the company",
            "olaf-brenna",
        ),
        # "he" after a channel quoted someone new is that someone, not the last speaker
        (
            INTRO + "Vendt said the talks would resume.\n\n"
            "The Karvik Courier quoted Jonas Elm, a delegate to the assembly, attacking "
            "the budget. He said the deficit had tripled.",
            "the deficit had tripled",
            "jonas-elm",
        ),
        # "given notice that": a statement delivered
        (
            "Prime Minister Anna Berg has given notice that the country would fight the "
            "merger of the two carriers.",
            "would fight the merger",
            "anna-berg",
        ),
        # "the X official": the one person named as of organisation X
        (
            "Lena Marsh, general secretary of the Federation of Harbour Unions (FEDHU), "
            "urged members to strike on Monday.\n\n"
            "The port authority refused to negotiate with the dockers.\n\n"
            "The Fedhu official said the strike would go on until the spring.",
            "the strike would go on",
            "lena-marsh",
        ),
        # after an unnamed spokesman, "the Korval spokesman" is the one named before
        (
            "Korval Mining Ltd said its business was booming despite the inquiry.\n\n"
            '"There is no problem," a spokesman for the firm told Reuters.\n\n'
            "But Korval spokesman Olaf Brenna told Reuters the inquiry had found nothing.\n\n"
            '"We have done nothing wrong," said the Korval spokesman.',
            "We have done nothing wrong",
            "olaf-brenna",
        ),
        # a description in apposition whose title ends in the name
        (
            "The consultant, Norland State University Professor of Economics Anna Lindqvist, "
            "said the side effects were minimal.",
            "the side effects were minimal",
            "anna-lindqvist",
        ),
        # words joined by "and" inside one name are one speaker
        (
            "However, Ostrander and Co, which trades shares outside regular hours, said it "
            "was making a market in the stock.",
            "was making a market",
            "ostrander-and-co",
        ),
        # an organisation the parser takes for the subject, a titled name hung inside it
        (
            'Confederation of British Shipping (CBS) President Olaf Brenna said "This '
            'budget will reinforce business success."',
            "This budget will reinforce",
            "olaf-brenna",
        ),
        # a place's broadcaster, and "the radio" for it
        (
            "Lisbon radio said the offensive had ended.\n\n"
            "The attack was repulsed with heavy losses, the radio said.",
            "repulsed with heavy losses",
            "lisbon-radio",
        ),
        # a spokeswoman named in apposition, whatever type the NER gives the name
        (
            "Defence Minister Olaf Kvist's spokeswoman, Maria Holt, said the minister had not "
            "met them.",
            "had not met them",
            "maria-holt",
        ),
        # "NAME, ROLE, who said": the name the role stands in apposition to speaks
        (
            "The dissenters included Ingrid Solberg, a student delegate, who said she had "
            "proposed a smaller levy. A larger one, she said, would drive students away.",
            "would drive students away",
            "ingrid-solberg",
        ),
        (
            "The dissenters included Ingrid Solberg, a student delegate, who said she had "
            "proposed a smaller levy.",
            "proposed a smaller levy",
            "ingrid-solberg",
        ),
        # a role one person holds, named in apposition paragraphs later
        (
            "Trawler owners protested in the harbour on Monday.\n\n"
            "The state's minister of fisheries said in a statement that quotas would fall "
            "by a tenth.\n\nThe owners plan a second protest.\n\n"
            "The minister, Ragnar Holm, told parliament that the stocks were collapsing.",
            "quotas would fall by a tenth",
            "ragnar-holm",
        ),
        # a pronoun after a passive sentence is its agent's, not the last speaker's
        (
            INTRO + '"We will not yield," Vendt said.\n\n'
            "The amendment was tabled by Oduya, who has fought the levy for years. He "
            "argued that the port would lose its trade to rival harbours.",
            "the port would lose its trade",
            "paul-oduya",
        ),
        (
            INTRO + '"We will not yield," Vendt said.\n\n'
            "The vote was forced by Councillor Declan Mulvey, an independent. He argued "
            "that the quarry would ruin the valley.",
            "the quarry would ruin the valley",
            "declan-mulvey",
        ),
        # British and Irish copy writes the courtesy title without a full stop
        (
            "Greta Lindqvist, the harbour master, opposed the dredging plan.\n\n"
            '"The channel is deep enough," Ms Lindqvist said. Mr Oskar Dahl, a pilot, '
            "agreed.\n\nMs Lindqvist said on Friday that the port would appeal.",
            "the port would appeal",
            "greta-lindqvist",
        ),
        (
            "Greta Lindqvist, the harbour master, opposed the dredging plan.\n\n"
            '"The channel is deep enough," Ms Lindqvist said.',
            "The channel is deep enough",
            "greta-lindqvist",
        ),
    ],
)
def test_speaker_entity_through_the_text(resources, text, snippet, speaker_id):
    row = statement(quotes_of(text, resources), snippet)
    assert row["speaker_id"] == speaker_id, row.to_dict()


def test_a_relative_clause_is_no_part_of_the_speakers_phrase(resources):
    text = "The plan has failed to win over farmers, who say it does little for prices."
    row = statement(quotes_of(text, resources), "does little for prices")
    assert row["speaker"] == "farmers"


def test_an_indefinite_document_is_no_organisation_it_is_named_after(resources):
    text = "The agency is planning new rules, according to a Senate study."
    row = statement(quotes_of(text, resources), "planning new rules")
    assert (row["speaker_id"], row["speaker"]) == ("", "a Senate study")


def test_a_place_before_a_subjectless_cue_is_no_speaker(resources):
    """ "toured Berlin, said little": the last item before the verb is no speaker set off
    by commas, and a place cannot speak."""
    text = INTRO + "The minister toured Berlin, said little about the budget and left."
    quotes = quotes_of(text, resources)
    assert not quotes["speaker"].isin(["Berlin", "Germany"]).any(), quotes[["text", "speaker"]]


@pytest.mark.parametrize(
    "text",
    [
        'Oduya said the levy "is not fair - but it is legal."',
        'Vendt told reporters later that it was "a plan built on hope, for hope."',
        'Oduya said "about one in ten farms will close," which he defined as a loss of '
        "half the valley's income.",
    ],
)
def test_words_that_only_frame_a_quotation_are_no_statement(resources, text):
    """The quotation's subject ("said the levy "is ..."), a pronoun and a copula ("it was
    "...") or a comment on it ("..., which he defined as") are no reported statement
    beside the quotation."""
    quotes = quotes_of(INTRO + text, resources)
    body = quotes[quotes["start"] > len(INTRO)]
    assert list(body["kind"]) == ["direct"], body[["text", "kind"]]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "The council backed the levy, so long as the farm groups and their lenders "
            "disclose that the money goes to roads.",
            "disclose",
        ),
        (
            "Vendt unveiled spending curbs and tax cuts which promised to lift the "
            "government's standing with voters and lenders.",
            "promised",
        ),
    ],
)
def test_a_cue_in_a_condition_or_of_a_thing_is_no_statement(resources, text, cue):
    """ "so long as the labels disclose that ...": a statement only supposed; "tax cuts
    which promised to ...": a thing's doing, no one's words."""
    quotes = quotes_of(INTRO + text, resources)
    assert cue not in set(quotes["cue"]), quotes[["text", "speaker", "cue"]]


def test_a_titled_person_after_the_organisation_is_the_speaker(resources):
    """ "Union of X (UX) President Anna Berg said "..."": the parser may take the
    organisation for the subject; the person after the title speaks."""
    text = INTRO + (
        'Federation of Nordic Fishermen (FNF) President Marit Solberg said "This quota '
        'will ruin the small boats."'
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "ruin the small boats", "direct")["speaker_id"] == "marit-solberg"


def test_a_consultant_named_in_the_next_sentence_is_that_person(resources):
    """ "an outside consultant told them "..."" then "The consultant, Professor X, said":
    a consultant is a source the article may name later, like an official."""
    text = INTRO + (
        "The committee relaxed after an outside consultant told its members the vaccine "
        '"appears to be quite safe in older patients." The consultant, Lindau University '
        "professor Ilona Farkasz, said its side effects were minimal."
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "quite safe", "direct")["speaker_id"] == "ilona-farkasz"


def test_the_role_a_named_person_spoke_in_is_that_person_after_an_unnamed_one(resources):
    """ "a spokesman for the firm said ...", then "Acme spokesman Tomas Lindqvist told
    ...": a later "the spokesman said" is Lindqvist, the one named in that role who
    spoke last, no longer the unnamed spokesman."""
    text = INTRO + (
        "A spokesman for the Nordhavn Shipping Co said the review was routine.\n\n"
        "Nordhavn spokesman Tomas Lindqvist told Reuters the review would end in May.\n\n"
        "The spokesman said that no one at the firm had been charged."
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "no one at the firm", "reported")["speaker_id"] == "tomas-lindqvist"
    assert statement(quotes, "review was routine", "reported")["speaker_id"] == ""


def test_a_quotation_under_a_belief_someone_reports_is_the_reporters(resources):
    """ "X says Y apparently believes "..."": the belief is ascribed by X, whose words
    the quotation gives (not Y, who holds the belief)."""
    text = INTRO + (
        "Oduya says the Nordhavn Shipping Co apparently believes after its cost cuts "
        '"they can pay for a buyback of this size out of their cash flow."'
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "pay for a buyback", "direct")["speaker_id"] == "paul-oduya"


def test_a_claim_by_someone_that_is_reported_and_a_reason_inside_a_report_is_not(resources):
    """ "rejected claims by farm groups that the state would be forced to ...": the
    claim is the groups' statement; "X said that firms will limit the trade they do
    with it, citing credit risks": the firms' reason is part of X's report."""
    text = INTRO + (
        "Vendt rejected claims by farm groups that the state would be forced to raise "
        "the levy by a falling harvest.\n\n"
        "The Nordhavn Shipping Co said that some grain traders have begun to limit the "
        "amount of cargo they will ship with the firm, citing credit risks."
    )
    quotes = quotes_of(text, resources)
    claim = statement(quotes, "would be forced to raise", "reported")
    assert (claim["speaker"], claim["cue"]) == ("farm groups", "claims")
    assert "citing" not in set(quotes["cue"]), quotes[["text", "speaker", "cue"]]


def test_a_second_act_of_the_reported_subject_is_part_of_the_report(resources):
    """ "The ministry announced that X had paid A and promised to hand over B": X's
    promise is what the ministry announced, no statement of its own."""
    text = INTRO + (
        "The Interior Ministry last week announced that Vendt had paid back 70,000 "
        "euros in cash and promised to hand over the deeds to two houses in Porto."
    )
    quotes = quotes_of(text, resources)
    assert list(quotes["cue"]) == ["announced"], quotes[["text", "speaker", "cue"]]


def test_the_government_is_no_body_whose_name_only_deals_with_government(resources):
    """ "the government announced" in an article naming the "Commission on Clean
    Government": the word names what that body deals with, not what it is."""
    text = INTRO + (
        "The Commission on Clean Government (CCG) froze the accounts on Monday.\n\n"
        "The government last week announced that the bank had paid 70,000 euros to the CCG."
    )
    quotes = quotes_of(text, resources)
    row = statement(quotes, "had paid 70,000 euros", "reported")
    assert (row["speaker_id"], row["speaker"]) == ("", "The government")


def test_a_clause_after_the_day_of_the_cue_is_reported(resources):
    """ "X said Wednesday its trade is booming": the parser may read the clause as a
    relative clause on the day; it is what X said."""
    text = INTRO + (
        "The Nordhavn Shipping Co said Wednesday its trade is booming, despite its "
        "failure to settle the strike at the port."
    )
    row = statement(quotes_of(text, resources), "trade is booming", "reported")
    assert (row["speaker_id"], row["cue"]) == ("nordhavn-shipping-co", "said")


def test_an_appeal_to_someone_to_act_is_reported(resources):
    """ "appealed to X to hold the talks in private": the request is the appellants'
    words; "appealed the ruling" reports nothing."""
    text = INTRO + (
        "The heads of the two unions appealed to Vendt to hold the talks in private so "
        "members were not alarmed. The growers appealed the ruling."
    )
    quotes = quotes_of(text, resources)
    row = statement(quotes, "hold the talks in private", "reported")
    assert (row["speaker"], row["cue"]) == ("The heads of the two unions", "appealed")
    assert len(quotes[quotes["cue"] == "appealed"]) == 1


def test_the_panel_is_the_one_committee_the_article_names(resources):
    """ "The panel recommended that ...": the one committee (commission, council) the
    article names, not the agency beside which the word stands ("an FDA panel")."""
    text = INTRO + (
        "An NVA panel, the Coastal Fisheries Advisory Committee, met on Monday.\n\n"
        "The panel recommended that the NVA approve the new quota for the spring season."
    )
    quotes = quotes_of(text, resources)
    row = statement(quotes, "approve the new quota", "reported")
    assert row["speaker_id"] == "coastal-fisheries-advisory-committee", row.to_dict()


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        # where the sources are is not who they are
        ("Other embassies in Bellport said they had stopped the tests.", "they had stopped"),
        # an organisation's abbreviation in brackets is no name for its unnamed official
        (
            '"The timing is most unfortunate," one official at the Board of Harbours and '
            "Canals (BHC) said.",
            "The timing is most unfortunate",
        ),
    ],
)
def test_a_name_modifying_an_unnamed_source_is_not_its_speaker(resources, text, snippet):
    row = statement(quotes_of(text, resources), snippet)
    assert row["speaker_id"] == "", row.to_dict()


def test_an_abbreviation_in_brackets_names_the_source_it_follows(resources):
    text = "The Harbour Pilots Guild union (HPG) vowed to fight the pay cuts in the talks."
    row = statement(quotes_of(text, resources), "to fight the pay cuts")
    assert row["speaker_id"] != "", row.to_dict()


def test_a_clause_before_a_final_attribution_is_reported_however_it_is_parsed(resources):
    """The parser may hang the clause before ", analysts said." on the cue as a stray
    dependent: what the sentence says before the comma is still the analysts'."""
    text = (
        "A 3.22 billion dlr offer for Bellport Oil Ltd by Karvik Pipelines Ltd may "
        "short-circuit Bellport's restructuring plan and open the door for more takeover "
        "bids, oil analysts said."
    )
    row = statement(quotes_of(text, resources), "open the door")
    assert (row["kind"], row["speaker"]) == ("reported", "oil analysts"), row.to_dict()


def test_in_view_of_is_no_source(resources):
    """ "in view of the slide": given the slide, not in its view."""
    text = (
        INTRO + "Vendt said she did not think the bank would raise rates in view of the "
        "market's slide."
    )
    quotes = quotes_of(text, resources)
    assert not quotes["speaker"].str.contains("slide").any(), quotes[["text", "speaker"]]
    assert statement(quotes, "the bank would raise rates")["speaker_id"] == "karla-vendt"


def test_a_frame_of_only_auxiliaries_before_a_quotation_is_no_statement(resources):
    """ "told the committee there would be "no more ..."": the quotation is the
    statement; "there would be" says nothing of its own."""
    text = (
        "In January Secretary of State Anna Berg told the committee there would be "
        '"no more transfers of equipment to Norland, either directly or through third '
        'parties."'
    )
    quotes = quotes_of(text, resources)
    assert list(quotes["kind"]) == ["direct"], quotes[["text", "kind", "speaker"]]
    assert quotes["speaker_id"].iloc[0] == "anna-berg"


def test_according_to_inside_a_report_is_no_part_of_what_was_said(resources):
    """ "X said that "..." according to aides": the parser may hang the source phrase
    inside the reported clause; what X said stops before it."""
    text = INTRO + 'Vendt said on Monday that "we will not yield," according to aides.'
    quotes = quotes_of(text, resources)
    said = quotes[quotes["cue"] == "said"]
    assert not said["text"].str.contains("according").any(), said[["text", "speaker"]]
    assert set(said["speaker_id"]) == {"karla-vendt"}


def test_what_someone_called_a_thing_is_their_judgement_not_its_name(resources):
    """ "a decision Vendt called "a blow"" has a caller: her words; "a plan called
    "Skyshield"" has none: a name."""
    text = INTRO + (
        'The council rejected the levy, a decision Vendt called "a blow to the harbour." '
        'Oduya backed a plan called "Skyshield."'
    )
    quotes = quotes_of(text, resources)
    row = statement(quotes, "a blow to the harbour", kind="direct")
    assert row["speaker_id"] == "karla-vendt"
    assert not quotes["text"].str.contains("Skyshield").any(), quotes[["text", "speaker"]]


def test_statements_named_by_nouns_before_the_cue_keep_their_speakers(resources):
    """ "Despite the X statement that ..., and Y's response that ..., analysts said no one
    could ...": each noun's that-clause is its maker's (a name in front of the noun, a
    possessor), and what the analysts said is the clause after their verb, not the
    fronted phrase the parser may hang on it."""
    text = (
        "Korval Shipping and the Dannet Group agreed to merge in May.\n\n"
        "Despite the Korval statement that it is interested in a merger, and Dannet's "
        "response that a merger is still possible, analysts said no one could be certain "
        "where the talks were going."
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "it is interested")["speaker"] == "Korval Shipping"
    assert statement(quotes, "still possible")["speaker"].startswith("Dannet")
    row = statement(quotes, "no one could be certain")
    assert (row["speaker"], row["cue"]) == ("analysts", "said")
    assert not row["text"].startswith("Despite"), row["text"]
    assert len(quotes) == 3, quotes[["text", "speaker", "cue"]]


@pytest.mark.parametrize(
    ("text", "snippet", "speaker_id"),
    [
        # a name in front of the statement noun
        (
            "The Vendt statement that the border will reopen surprised Oduya.",
            "border will",
            "karla-vendt",
        ),
        (
            "Despite the Vendt claim that the port is safe, dockers said nobody trusted it.",
            "port is safe",
            "karla-vendt",
        ),
        # the parser may read the noun's that-clause as a relative clause
        (
            "Despite the Vendt statement that it is committed to the deal, dockers said "
            "nobody trusted it.",
            "committed to the deal",
            "karla-vendt",
        ),
    ],
)
def test_a_name_before_a_statement_noun_is_its_speaker(resources, text, snippet, speaker_id):
    row = statement(quotes_of(INTRO + text, resources), snippet)
    assert row["speaker_id"] == speaker_id, row.to_dict()


def test_a_role_description_is_who_he_is_and_his_pledge_is_his(resources):
    """ "The mayor has not helped his cause. He announced ..., and his promise that ...":
    a subject the article gives one person's role is who a later "he" stands for, not
    the last speaker; a possessive pronoun before a statement noun is resolved as its
    subject form would be."""
    text = (
        "Mayor Tomas Brell wants a toll on the harbour bridge. Professor Karl Marsh, who "
        'studies ports at the Kell Institute, backs it. "Traffic fell in none of the '
        'cities," Marsh told reporters.\n\n'
        "The mayor has not helped his own cause. He announced the plan without consulting "
        'anyone, and his promise that the toll will "pay for itself within two years" rests '
        "on secret figures."
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "pay for itself", kind="direct")["speaker_id"] == "tomas-brell"
    assert statement(quotes, "the plan")["speaker_id"] == "tomas-brell"


def test_he_is_never_a_person_the_article_called_she(resources):
    """ "..., she told reporters. He said ...": "he" is not the last speaker when a "she"
    stood for her; the last person named before whom no "she" stood for."""
    text = (
        "Mayor Tomas Brell wants a toll on the harbour bridge. Lena Marsh, who studies "
        'ports at the Kell Institute, backs it. "Traffic fell in none of the cities," she '
        "told reporters.\n\nHe said the toll would pay for itself within two years."
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "Traffic fell")["speaker_id"] == "lena-marsh"
    assert statement(quotes, "toll would pay")["speaker_id"] == "tomas-brell"


@pytest.mark.parametrize(
    ("text", "snippet", "speaker_id"),
    [
        # a short name the NER leaves untagged (the parser reads it as a common noun)
        (
            "Dunmore Tool Co rejected a merger with Brandt International Corp on Monday. "
            "Last night, Dunmore said the merger was off. At midday today Dunmore said it "
            "was still interested in the merger.\n\nDunmore contended it was better to sell "
            "the drilling unit first.",
            "better to sell",
            "dunmore-tool-co",
        ),
        # a name the NER runs into the words before it ("Dunmore-Brandt, Pace")
        (
            "Dunmore Tool Co and Brandt International Corp agreed to merge. Analyst Mark "
            "Pace of Kidder said the deal made sense. Although the drilling unit is small "
            "in view of the total size of a combined Dunmore-Brandt, Pace said "
            '"30 to 40 pct of the savings are tied up in that."',
            "30 to 40 pct",
            "mark-pace",
        ),
    ],
)
def test_a_short_name_speaks_for_the_one_entity_the_article_calls_so(
    resources, text, snippet, speaker_id
):
    row = statement(quotes_of(text, resources), snippet)
    assert row["speaker_id"] == speaker_id, row.to_dict()


def test_a_document_that_found_something_is_its_source(resources):
    """ "The city's own survey, published last month, found that ...": a document's
    finding is its statement; a person's finding, or a finding within what another
    source reports, is none of its own."""
    text = INTRO + (
        "The city's own survey, published last month, found that two in three trips begin "
        "near the centre. Police found that the gate was open. Vendt said a study by the "
        "port found that traffic fell."
    )
    quotes = quotes_of(text, resources)
    row = statement(quotes, "two in three trips")
    assert (row["cue"], row["speaker_id"]) == ("found", ""), row.to_dict()
    assert row["speaker"].startswith("The city's own survey"), row.to_dict()
    assert not quotes["text"].str.contains("gate was open").any(), quotes[["text", "speaker"]]
    assert statement(quotes, "traffic fell")["speaker_id"] == "karla-vendt"


def test_a_spokesman_for_an_organisation_is_not_its_named_president(resources):
    text = (
        "Bob Keller, president of the Harbour Workers Union, spoke on Monday.\n\n"
        "A spokesman for the union said the strike would go on."
    )
    assert statement(quotes_of(text, resources), "the strike would go on")["speaker_id"] == ""


@pytest.mark.parametrize(
    "text",
    [
        f'{INTRO}"The budget will have to be cut,"Vendt said.',
        f'{INTRO}"The budget will have to be cut and the cuts will hurt,"Vendt told reporters.',
        f'{INTRO}Vendt said,"The budget will have to be cut."',
    ],
)
def test_a_quotation_mark_glued_to_the_next_word_still_closes_or_opens(resources, text):
    """Wire copy may set no space after a closing mark (`cut,"Vendt said`) or after the
    comma before an opening one: the name is still a word of its own."""
    row = statement(quotes_of(text, resources), "The budget will have to be cut", kind="direct")
    assert row["speaker_id"] == "karla-vendt"


def test_unnamed_opponents_the_parser_joins_to_a_list_are_the_speakers(resources):
    """ "backers called it vital for jobs and opponents warned that ...": the parser may
    join "opponents" to the list before and leave the cue no subject; the unnamed group
    right before the cue speaks, not the council the sentence began with."""
    text = (
        "Plans for a new runway at Brackley airport were rejected by Dunmore District "
        "Council on Tuesday, after a hearing in which backers called the runway vital for "
        'jobs and opponents warned that it would "ruin" the valley.'
    )
    row = statement(quotes_of(text, resources), "ruin", kind="direct")
    assert row["speaker_id"] == "" and row["speaker"] == "opponents"


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        # "a spokesman" in the lede, the spokesman named in the next paragraph
        (
            "MONTREAL, April 8 - Korval Mills Inc considers a report that it bought a stake "
            "in a rival to be a rumor, a company spokesman said.\n\n"
            '"We are not commenting on rumors," spokesman Olaf Brenna told Reuters.',
            "olaf-brenna",
        ),
        # a paragraph of background between the lede and the paragraph naming its source
        (
            "WASHINGTON, March 25 - The chairman of the Senate committee with jurisdiction "
            "over farm policy said he was worried about the bill.\n\n"
            "The bill would cut subsidies for grain growers.\n\n"
            "Senate Agriculture Committee chairman Walter Brandt said the bill may harm "
            "farmers.",
            "walter-brandt",
        ),
    ],
)
def test_a_lede_source_named_in_a_later_paragraph(resources, text, speaker_id):
    quotes = quotes_of(text, resources)
    assert quotes.sort_values("start").iloc[0]["speaker_id"] == speaker_id, quotes


def test_a_company_whose_ticker_the_parser_takes_for_the_subject_speaks(resources):
    text = "Brannock Mining Corp <BRM.TO> said output rose."
    assert statement(quotes_of(text, resources), "output rose")["speaker_id"] == (
        "brannock-mining-corp"
    )


def test_a_party_epithet_is_the_person_speaking_not_the_party(resources):
    text = (
        "Senator Paul Oduya said the resolution may hurt the talks.\n\n"
        '"We need a truly free trade agreement," the Texas Democrat said in a statement.'
    )
    row = statement(quotes_of(text, resources), "free trade agreement", kind="direct")
    assert row["speaker_id"] == "paul-oduya"


def test_a_party_named_in_the_plural_still_speaks_as_itself(resources):
    text = "Senator Paul Oduya spoke. The Democrats said the bill was flawed."
    assert statement(quotes_of(text, resources), "the bill was flawed")["speaker_id"] == (
        "democrats"
    )


@pytest.mark.parametrize("ticker", [True, False])
def test_companies_listed_with_their_tickers_speak_together(resources, ticker):
    """The parser may hang such a list on the first name as an apposition: the
    statement is not the first company's alone."""
    text = (
        "Earlier today, Sunna Co <SUN>, Pirrie Petroleum <P> and Dunmore Shamrock <DIA> "
        "also said they raised their crude postings 50 cts a barrel, bringing their WTI "
        "contract price to 17.50 dlrs a barrel."
    )
    if not ticker:
        text = re.sub(r" <[A-Z]+>", "", text)
    row = statement(quotes_of(text, resources), "they raised their crude postings")
    assert row["speaker_id"] == "", row


def test_a_speaker_s_apposition_listing_things_is_no_list_of_speakers(resources):
    """ "said Dan Glickman, (D-Kans.), chairman of the subcommittee on wheat, soybeans and
    feed grains": one speaker, whatever the apposition lists."""
    text = (
        '"We need to look at ways to cut costs," said Dan Glickman, (D-Kans.), chairman of '
        "the subcommittee on wheat, soybeans and feed grains."
    )
    row = statement(quotes_of(text, resources), "We need to look at ways", kind="direct")
    assert row["speaker_id"] == "dan-glickman", row


@pytest.mark.parametrize(
    "between",
    [
        "Oduya defended the tariff in a radio interview.",
        "The senator, Paul Oduya, went further.",
    ],
)
def test_a_sentence_telling_of_the_speaker_by_name_is_no_statement_of_theirs(resources, between):
    text = (
        "Oduya said the tariff would hurt exporters.\n\n"
        f'{between} "But the ministry will not listen," he said.'
    )
    quotes = quotes_of(INTRO + text, resources)
    assert not (quotes["status"] == "continued").any(), quotes[["text", "speaker", "status"]]


@pytest.mark.parametrize(
    ("text", "snippet", "kind", "speaker_id"),
    [
        # the parser hangs the name on "Dunmore West", not on "member"
        (
            "Fees will rise in May.\n\nThe member for Dunmore West, Alan Tegg, said the rise "
            "would hurt drivers.",
            "hurt drivers",
            "reported",
            "alan-tegg",
        ),
        # ... and on "the Interior": a later "she" is the minister, not the last speaker
        (
            "Fees will rise.\n\nKurt Lanz said the rise would hurt drivers.\n\n"
            "The Minister for the Interior, Carla Vance, defended the plan in a statement. "
            "The rise was needed, she said, and the cuts would be worse.",
            "The rise was needed",
            "reported",
            "carla-vance",
        ),
        # the parser reads the surname (an "-ly" word it misreads so) as an adverb of
        # "called", leaving the cue, and the verb joined to it, no subject
        (
            "Bus fares rose.\n\nRoisin Kennelly, of the riders' union Fair Fares, called the "
            "rise “a tax on the poor” and said the city should think again.",
            "a tax on the poor",
            "direct",
            "roisin-kennelly",
        ),
        (
            "Bus fares rose.\n\nRoisin Kennelly, of the riders' union Fair Fares, called the "
            "rise “a tax on the poor” and said the city should think again.",
            "should think again",
            "reported",
            "roisin-kennelly",
        ),
        # a source described by any noun takes the name a later apposition gives it
        (
            "The Dunmore Anglers Club welcomed the ruling. The club’s lawyer called it “a fair "
            "result for the whole river.”\n\nReached on Friday, the lawyer, Petra Lindqvist, "
            "said the county had acted too fast.",
            "a fair result",
            "direct",
            "petra-lindqvist",
        ),
        # an abbreviated title gives the role a later description names
        (
            "The bill passed on Monday.\n\nSen. Nadia Ferro voted against it.\n\n"
            "The senator said the bill would raise rents.",
            "raise rents",
            "reported",
            "nadia-ferro",
        ),
        (
            "A court threw out the permit on Tuesday.\n\nA spokesman for Gov. Rowan Telford "
            "said the governor, who has called the plan “a cornerstone” of his program, was "
            "disappointed.",
            "a cornerstone",
            "direct",
            "rowan-telford",
        ),
    ],
)
def test_speakers_the_parse_or_a_later_naming_gives(resources, text, snippet, kind, speaker_id):
    row = statement(quotes_of(text, resources), snippet, kind=kind)
    assert row["speaker_id"] == speaker_id, row


def test_a_minister_named_after_her_portfolio_ends_the_last_speakers_turn(resources):
    text = (
        "Fees will rise.\n\nKurt Lanz said the rise would hurt drivers.\n\n"
        "The Minister for the Interior, Carla Vance, defended the plan in a statement. "
        "The rise was needed, she said, and the cuts would be worse."
    )
    quotes = quotes_of(text, resources)
    assert not (quotes["status"] == "continued").any(), quotes[["text", "speaker", "status"]]


def test_a_participle_hung_on_a_quotation_speaks_for_the_asides_subject(resources):
    # the parser hangs "Noting" on the quotation's verb, whose subject is a quoted "This"
    text = (
        "Oduya spoke on Monday.\n\n"
        'Noting that there are "huge pressures in the party" for the state to act, he said, '
        '"This was a case where we had to act."'
    )
    quotes = quotes_of(INTRO + text, resources)
    assert set(quotes["speaker_id"]) == {"paul-oduya"}, quotes[["text", "speaker", "cue"]]


def test_a_court_filing_speaks_for_its_filer_and_he_is_no_filing(resources):
    text = (
        "Korval Corp said it had asked the appeals court in Lisbon to rehear the case.\n\n"
        'Korval\'s motion stressed that the verdict ignored "the plain words of the contract," '
        "according to Rui Tavora, a Korval lawyer.\n\n"
        '"The court in Porto ruled on facts very like ours," he said.'
    )
    quotes = quotes_of(text, resources)
    stressed = quotes[quotes["cue"] == "stressed"]
    assert len(stressed) and set(stressed["speaker_id"]) == {"korval-corp"}, quotes
    assert statement(quotes, "ruled on facts", kind="direct")["speaker_id"] == "rui-tavora"


def test_a_quotation_followed_by_according_to_is_the_sources_and_no_reported_row(resources):
    text = (
        "Korval Corp said it would appeal.\n\n"
        '"Korval has always held that the merger was never agreed, since no contract was '
        'signed," according to Rui Tavora, a Korval lawyer.'
    )
    quotes = quotes_of(text, resources)
    row = statement(quotes, "merger was never agreed", kind="direct")
    assert row["speaker_id"] == "rui-tavora"
    assert not (quotes["cue"].str.startswith("according") & (quotes["kind"] == "reported")).any()


def test_according_to_a_law_is_no_source(resources):
    text = (
        "Korval Corp said it would appeal.\n\n"
        "The sale was void according to Norland law, the company's lawyers said."
    )
    quotes = quotes_of(text, resources)
    assert "Norland law" not in set(quotes["speaker"]), quotes[["text", "speaker", "cue"]]


def test_according_to_figures_is_still_a_source(resources):
    # only a word of conformity ("plan", "law") makes "according to" no attribution
    text = "Exports fell.\n\nExports fell 5 pct last year, according to official Norland figures."
    quotes = quotes_of(text, resources)
    assert statement(quotes, "Exports fell 5 pct last year")["cue"].startswith("according")


def test_a_named_subject_reporting_a_clause_still_goes_on_with_the_speaker(resources):
    # the sentence reports words of the speaker's ("echoed the view that ..."): no narration
    text = (
        "Oduya said the tariff would hurt exporters.\n\n"
        "Oduya echoed the view of many traders that the rules were unfair. "
        '"But the ministry will not listen," he said.'
    )
    quotes = quotes_of(INTRO + text, resources)
    assert (quotes["status"] == "continued").any(), quotes[["text", "speaker", "status"]]


@pytest.mark.parametrize(
    "headline", ["ECONOMIC SPOTLIGHT - KORVAL <KMC>", "ECONOMIC SPOTLIGHT - KORVAL MINING"]
)
def test_a_headline_label_before_a_dash_is_no_statement(resources, headline):
    """A column's label and the company it looks at ("ECONOMIC SPOTLIGHT - BANKAMERICA")
    say nothing: a headline statement takes three words or more."""
    quotes = quotes_of(
        "Korval Mining Corp is under no pressure to sell its smelter.", resources, headline=headline
    )
    assert not (quotes["start"] < len(headline)).any(), quotes[["text", "speaker"]]


def test_a_name_set_off_after_a_role_s_phrase_is_the_speaker(resources):
    """ "The Labour member for Ashmouth North, Margaret Stead, said": the parser hangs the
    name on the last word of the role's phrase; she is the speaker."""
    text = (
        "The Labour member for Ashmouth North, Margaret Stead, said the town deserved more "
        "than a single bidder."
    )
    row = statement(quotes_of(text, resources), "the town deserved more")
    assert row["speaker_id"] == "margaret-stead", row


def test_a_role_of_someone_new_is_not_the_last_speaker(resources):
    """ "The harbour master said" after a councillor spoke: a role with no name in it is
    someone new, left unnamed, and so is a title after two people spoke; an epithet
    placing the last speaker by a name ("the Norland Democrat") is that speaker, and so
    is a title when that speaker alone spoke in the paragraph ("the judge observed")."""
    text = (
        "Councillor Ruth Keane said she backed the minister.\n\n"
        "The harbour master said a dozen boats had tied up this week.\n\n"
        "Senator Ana Vell said the bill was flawed. The Norland Democrat said she would "
        "vote against it.\n\n"
        "Councillor Tom Hale said the cut was wrong. Councillor Jo Berg said it was fair.\n\n"
        "The judge said the council had a duty to act.\n\n"
        "Justice Anjali Deshpande said the corporation had failed in its duty.\n\n"
        '"This cannot continue," the judge observed.'
    )
    quotes = quotes_of(text, resources)
    master = statement(quotes, "a dozen boats had tied up")
    assert master["speaker_id"] == "" and master["speaker"] == "The harbour master", master
    assert statement(quotes, "she would vote against it")["speaker_id"] == "ana-vell"
    assert statement(quotes, "had a duty to act")["speaker_id"] == "", quotes
    assert statement(quotes, "This cannot continue")["speaker_id"] == "anjali-deshpande"


def test_a_verb_of_judging_reports_words_through_its_as(resources):
    """ "dismissed the sum as "crumbs"": the quotation is the speaker's words; without "as"
    ("dismissed the sum") the verb reports nothing."""
    text = (
        "The ministry set aside two million crowns. Councillor Ruth Keane dismissed the sum "
        "as “crumbs”. Councillor Tom Hale dismissed the plan."
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "crumbs")[["kind", "speaker_id"]].tolist() == ["direct", "ruth-keane"]
    assert not quotes["speaker_id"].eq("tom-hale").any(), quotes[["text", "speaker"]]


SPEAKERS_OF_NEWSPAPER_PROSE = [
    # a hyphenated title the tokenizer splits ("co - ordinator"), set off with the name
    (
        "Diesel leaked into the river.\n\n"
        '"We caught this early," said the co-ordinator, Priya Raman.',
        "We caught this early",
        "priya-raman",
    ),
    # a quotation set off after a paragraph about the person, with no cue of its own
    (
        "Gwen Pritchard has run the branch from her shop for twenty-three years.\n\n"
        "“Half the people who come in here don’t have a bank account. Where are they "
        "supposed to go? Bellport is an hour on the bus.”\n\n"
        "She said she learned of the closure from a letter.",
        "Half the people",
        "gwen-pritchard",
    ),
    # ... and "she" after it is that person, not a name inside her quotation
    (
        "Gwen Pritchard has run the branch from her shop for twenty-three years.\n\n"
        "“Half the people who come in here don’t have a bank account. Where are they "
        "supposed to go? Tom Hale drives them to the bank on Fridays.”\n\n"
        "She said she learned of the closure from a letter.",
        "learned of the closure",
        "gwen-pritchard",
    ),
    # a title the parser reads as the subject, the name hung on it
    (
        "Fair enough. But quarterback Devin Marsh, who was benched for the second half of "
        "Sunday's loss, told reporters he had found out about the move.",
        "found out about the move",
        "devin-marsh",
    ),
    # what was said "in a statement": quoted words inside it are the speaker's
    (
        "Bellhurst Engineering closed its pension scheme in 2003. The company said in a "
        "statement that the decision had been “taken with the utmost reluctance”.",
        "utmost reluctance",
        "bellhurst-engineering",
    ),
    # "he" after "According to X, ..." is X (not "they" of an earlier "what they say")
    (
        "Farmers blocked the plant in protest at what they say are unfair prices.\n\n"
        "According to Mr Seán Kiely, chairman of the local branch of the union, farmers "
        'are paid less than their neighbours.\n\n"We are being bled dry," he said.',
        "bled dry",
        "sean-kiely",
    ),
    # a quotation set off, then pointed at: "That was the appeal from X."
    (
        "Burglars stole medals from a widow's home.\n\n"
        '"Someone out there knows who did this. I would urge whoever has them to hand them '
        'in, no questions asked."\n\n'
        "That was the appeal last night from Detective Inspector Rachel Moss of Wessex "
        "Police, who is leading the investigation.",
        "Someone out there",
        "rachel-moss",
    ),
    # a title the NER takes into the name and stops short ("Headteacher Sandra" of it)
    (
        'Headteacher Sandra Obi said: "This is a reflection of years of hard work."',
        "a reflection of years",
        "sandra-obi",
    ),
    # the last speech verb before a colon introduces the quotation
    (
        "Tranter added that he had the full backing of chairman Les Moffat, who said last "
        'night: "Gordon is going nowhere. The board is behind him."',
        "Gordon is going nowhere",
        "les-moffat",
    ),
    # a participle the parser hangs on a thing's relative clause is the main subject's
    (
        "Gov. Daniel Ashcombe vetoed a bill Friday that would have raised the state's "
        "minimum wage to $12 an hour by 2020, calling it “a job killer dressed up as a "
        "raise.”",
        "a job killer",
        "daniel-ashcombe",
    ),
    # a lede's source described by a title, named in the next paragraph
    (
        "The roof of the Port Elgar Memorial Arena will need $1.8 million in repairs, the "
        "town's director of recreation told council Monday.\n\n"
        '"I cannot recommend we put kids back on that ice," said Marc Thibodeau, who has '
        "run the department since 2011.",
        "will need $1.8 million",
        "marc-thibodeau",
    ),
    # where a company is based is no name of its own: "the Austin-based company"
    (
        "Shares of Brightline Data Systems fell 18 percent Wednesday after the Austin-based "
        "company said its third-quarter revenue would fall short.",
        "would fall short",
        "brightline-data-systems",
    ),
    # a quotation set off, then pointed at: "That was X, who ..."
    (
        "The river broke its banks in November.\n\n"
        "“We had about twenty minutes. I got my mother into the car, and that was it.”\n\n"
        "That was Margaret Doherty, who has lived at number 14 since 1976.",
        "We had about twenty minutes",
        "margaret-doherty",
    ),
    # letters after a name are no part of it, and the name set off after a role is the
    # speaker's whatever word the parser makes the apposition's head
    (
        "Rowntree's counsel, Mr Anthony Grieve QC, told the court that his client was "
        '"a broken man" who would carry the deaths with him.',
        "a broken man",
        "anthony-grieve",
    ),
    # a verb spelled like a title noun ("showed", "show") marks no title
    (
        "That was enough for the regional chair, Alistair Bain, who said the findings "
        "showed “there is no smoking gun pointing at farmers”.",
        "no smoking gun",
        "alistair-bain",
    ),
    # a quotation set off after a paragraph naming one person, with a statement after
    # it whose subject is "it" ("it has added", no pointing back at the quotation)
    (
        "Last week I spoke with Marie Tremblay, who has run the only pharmacy in Lac-Odile "
        "for nineteen years. She has watched three doctors come and go.\n\n"
        '"People drive ninety minutes for a prescription renewal. Some of them are eighty '
        'years old."\n\n'
        "The provincial Ministry of Rural Health says it has added 140 new positions.",
        "People drive ninety minutes",
        "marie-tremblay",
    ),
    # "according to" after a setting: what follows is reported; figures are their maker's
    (
        "In the same week, according to figures compiled by the legal aid group Nyaya "
        "Sahayata Trust, 212 prisoners in the district jail had been waiting for a year.",
        "212 prisoners",
        "nyaya-sahayata-trust",
    ),
    # "told the meeting she had ...": a clause the parser hangs on the listener
    (
        "A farmer from Juaso, Mrs Akosua Darko, told the meeting she had waited eleven "
        "weeks to be paid for her last delivery.",
        "waited eleven weeks",
        "akosua-darko",
    ),
    # "The announcement said": the words of who announced it
    (
        "President Ana Venn announced she is sending her foreign minister to Bellport.\n\n"
        "The announcement said the talks would take place in April.",
        "talks would take place",
        "ana-venn",
    ),
    # a name the NER ends inside its hyphenated last word, then "the co-operative said"
    (
        "Members of the Lofoten Fishermen's Co-operative voted to merge.\n\n"
        "The co-operative said in a statement that the station would stay open.",
        "station would stay open",
        "lofoten-fishermen-s-co-operative",
    ),
    # words put to a court: "submitted that"
    (
        "Counsel for the corporation, Mr. V. Raghavan, submitted that 1,200 stalls had been "
        "removed since March.",
        "1,200 stalls had been removed",
        "v-raghavan",
    ),
    # a document's author: its owner, who released it, what it is the report of
    (
        "The Greater Lakes Science Foundation funds research. Its annual report said that "
        "71 percent of new grants went to older investigators.",
        "71 percent",
        "greater-lakes-science-foundation",
    ),
    (
        "Mayor Diane Forsythe is seeking a third term. A poll released Thursday by Northstar "
        "Research said that she leads by nine points.",
        "leads by nine points",
        "northstar-research",
    ),
    (
        "The report of the Glenmorven Inquiry is as damning as any a public body in Scotland "
        "has faced. Its language is measured. "
        "“Residents were left for hours in soiled bedding,” it states.",
        "soiled bedding",
        "glenmorven-inquiry",
    ),
]


# and where a rule for one speaker must not take another's words
NOT_THE_SPEAKER = [
    # "he said" after "According to the census": the census said nothing more
    (
        "Mayor Tom Hale said the town was shrinking.\n\nAccording to the census, it has "
        'lost 400 people since 2010.\n\n"We need young families to move here," he said.',
        "We need young families",
        "tom-hale",
    ),
    # a quotation set off after a paragraph whose person is only a passive's agent: the
    # one who was speaking goes on
    (
        "Ana Berg, who chairs the residents group, said the plan was a disgrace.\n\n"
        "The plan was approved in 2019 by Mayor Tom Hale, who has since retired.\n\n"
        '"We were never asked. Not once. Not by anyone at the council."',
        "We were never asked",
        "ana-berg",
    ),
    # "The announcement by the county": the county's, not the last speaker's
    (
        "Mayor Tom Hale said the pool would reopen. The announcement by the county said "
        "it would not.",
        "it would not",
        "",
    ),
    # "it said" after a document, once an organisation was named since: the organisation
    (
        "The OECD's annual report criticised the tax plan in March. Bellport Council "
        'rejected the criticism.\n\n"The figures are out of date," it said.',
        "out of date",
        "bellport-council",
    ),
    # a title alone after a speaker of another office is someone new
    (
        "Mayor Tom Hale said the road would reopen. The judge said it must stay shut.",
        "must stay shut",
        "",
    ),
]


@pytest.mark.parametrize(
    ("text", "snippet", "speaker_id"), SPEAKERS_OF_NEWSPAPER_PROSE + NOT_THE_SPEAKER
)
def test_speakers_of_newspaper_and_commentary_prose(resources, text, snippet, speaker_id):
    row = statement(quotes_of(text, resources), snippet)
    assert row["speaker_id"] == speaker_id, row[["text", "kind", "speaker"]]


def test_a_partial_quotation_inside_reported_words_is_also_direct(resources):
    """ "said his client was "deeply ashamed"": the reported clause and, within it, the
    quoted words; a word alone in quotation marks ("final") marks a term."""
    text = (
        "Defence solicitor Martin Reid said his client had been drinking heavily after his "
        'father\'s death and was "deeply ashamed". '
        'Union leader Ana Berg said the union had made its "final" offer.'
    )
    quotes = quotes_of(text, resources)
    assert statement(quotes, "deeply ashamed", kind="direct")["speaker_id"] == "martin-reid"
    assert not ((quotes["kind"] == "direct") & (quotes["text"] == "final")).any(), quotes


def test_a_report_monitored_by_someone_is_not_theirs(resources):
    """ "A report, monitored by the BBC, said": who heard a report did not write it."""
    text = (
        "A report, monitored by the British Broadcasting Corporation, said "
        "the minister gave the warning in a speech."
    )
    row = statement(quotes_of(text, resources), "gave the warning")
    assert row["speaker_id"] == "", row[["text", "speaker"]]


def test_words_in_title_case_that_a_speaker_says_are_still_words(resources):
    """ "Thank God," said Maria Lopez: a clause her cue says, not a name; nor is a letter's
    sentence set off after the letter, a statement's words in title case, nor a judgement
    before a noun."""
    text = '"Thank God," said Maria Lopez, whose house was spared.'
    assert statement(quotes_of(text, resources), "Thank God")["speaker_id"] == "maria-lopez"
    text = (
        'The letter, "We are sorry for what happened to your son," was signed by Maria Lopez. '
        'She called it the "most humane" plan she had seen.'
    )
    direct = quotes_of(text, resources)
    direct = direct[direct["kind"] == "direct"]
    assert direct["text"].str.contains("sorry for what happened").any(), direct[["text"]]
    assert direct["text"].str.contains("most humane").any(), direct[["text"]]
    text = 'In a statement to the agency, "We Will Fight On," the rebel commander Ali Musa said.'
    assert statement(quotes_of(text, resources), "Fight On", kind="direct")["speaker_id"]


def test_what_an_audit_found_is_its_maker_s_and_a_told_story_is_no_report(resources):
    """ "An audit of X by Y found": Y's finding, not X's; "told the anecdote she tells"
    reports nothing; "Up 5 pct in May, according to X." reports what comes before."""
    text = (
        "An audit of Bellport City Council by the National Audit Office found that two "
        "million pounds was wasted.\n\nAna Berg told the anecdote she tells at every "
        "dinner.\n\nExports were up 5 percent in May, according to the statistics office."
    )
    quotes = quotes_of(text, resources)
    assert not quotes["speaker_id"].eq("bellport-city-council").any(), quotes
    assert not quotes["text"].str.contains("she tells").any(), quotes
    assert statement(quotes, "up 5 percent in May")["kind"] == "reported"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # British copy quotes with single marks, curly or straight
        ("He said the cuts would be ‘orderly and final’.", ["orderly and final"]),
        ("He said the cuts would be 'orderly and final'.", ["orderly and final"]),
        # a plural's apostrophe inside them closes nothing
        ("‘The miners’ leader is wrong,’ she said.", ["The miners’ leader is wrong,"]),
        ("'The miners' leader is wrong,' she said.", ["The miners' leader is wrong,"]),
        # apostrophes no other mark closes are no quotation
        ("It's the council's decision, and the workers' too.", []),
        ("In the '90s the board's 'rationalisation' began.", ["rationalisation"]),
    ],
)
def test_single_quotation_marks_pair_past_apostrophes(text, quoted):
    assert [text[s.start : s.end] for s in pair_quotes(text)] == quoted


def test_a_fragment_in_single_marks_is_quoted_inside_the_report(resources):
    quotes = quotes_of(
        INTRO + "Vendt told the Senate that the closures would be 'orderly, humane and final'.",
        resources,
    )
    row = statement(quotes, "orderly, humane and final", kind="direct")
    assert row["speaker_id"] == "karla-vendt"


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        # a judgement quoted in a report is words, its article outside the marks or not
        (
            'Oduya said the ruling was a "travesty of justice" and would appeal.',
            "travesty",
            "paul-oduya",
        ),
        # the person a title is said of is not the speaker, nor a body's head its voice
        (
            "A deputy to Secretary of State Lena Moor said talks would resume.",
            "talks would resume",
            "",
        ),
        (
            "Acme Corp reported a loss. The company, headed by Jon Ruud since 1998, said "
            "demand had fallen.",
            "demand had fallen",
            "",  # (the company's, which the phrase leaves unnamed; never its head's)
        ),
    ],
)
def test_speakers_the_new_rules_leave_alone(resources, text, snippet, speaker):
    row = statement(quotes_of(INTRO + text, resources), snippet)
    assert row["speaker_id"] == speaker, row.to_dict()


def test_a_name_known_as_in_the_active_is_no_quotation(resources):
    quotes = quotes_of(
        INTRO + 'Villagers knew him as "the butcher of the valley," prosecutors said.', resources
    )
    direct = quotes[quotes["kind"] == "direct"]
    assert not direct["text"].str.contains("butcher").any(), direct[["text", "speaker"]]


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        # a participle set off before the subject is none
        (
            "Replying, the Interior Minister, Ms Karla Vendt, said the people had spoken.",
            "the people had spoken",
            "karla-vendt",
        ),
        (
            "Replying, the Minister of the Interior, Mr. Kwame Ansah, said the people had "
            "spoken at the polls.",
            "the people had spoken",
            "kwame-ansah",
        ),
        # a spokesman's portfolio, then an honorific before the name
        (
            'Opposition spokesman on health Dr Marlene Chin-Fatt said the ministry was "asleep at '
            'the wheel".',
            "asleep at the wheel",
            "marlene-chin-fatt",
        ),
        # a name the NER took for a building, after a title
        (
            "A spokesman for the Ministry of Defence, Lt-Col. Olusegun Adeyemi-Cole, denied that "
            "the ministry had ordered the cement.",
            "the ministry had ordered the cement",
            "olusegun-adeyemi-cole",
        ),
        # the honorific names someone else's office: the aide's, the spokesman's words
        ("An aide to Dr Paul Oduya said talks would resume.", "talks would resume", ""),
        ("A spokesman for Senator Paul Oduya said talks would resume.", "talks would resume", ""),
        # an age introduces someone new, not the one who just spoke
        (
            "Magistrate Anna Phiri said the accused would remain in custody until March. The "
            "23-year-old told the court he had been at home on the night of the robbery.",
            "he had been at home",
            "",
        ),
        (
            "Coach Eddie Jones named Marcus Smith in the squad on Monday. The 18-year-old said "
            "he was thrilled to be picked.",
            "thrilled to be picked",
            "",
        ),
        # whose nurse, about whom an expert: someone else's words
        ("The nurse of the late Mr Ian Smith said he had died peacefully.", "died peacefully", ""),
        (
            "An expert on the late Dr Hastings Banda said the archive was incomplete.",
            "the archive was incomplete",
            "",
        ),
        (
            "The Minister for Health Dr Jane Smith said the ward would stay open.",
            "the ward would stay open",
            "jane-smith",
        ),
        ("The manager of singer Ms Anita Baker said the tour was over.", "the tour was over", ""),
        # letters after a name (not a party before an office)
        ("A Tory MP told the BBC the vote was lost.", "the vote was lost", ""),
        (
            "Brendan Grehan SC told the court the evidence was weak.",
            "the evidence was weak",
            "brendan-grehan",
        ),
        # a spokesman "for" someone is not that someone
        (
            "A spokesman for presidential candidate Dr Kizza Besigye said the results had been "
            "rigged.",
            "the results had been rigged",
            "",
        ),
    ],
)
def test_speakers_behind_set_off_words(resources, text, snippet, speaker):
    row = statement(quotes_of(INTRO + text, resources), snippet)
    assert row["speaker_id"] == speaker, row.to_dict()


def test_what_is_said_not_to_be_said_is_no_statement(resources):
    """ "Blume's report does not say the casino would lose money": no one's statement;
    "not only said ... but" still reports one."""
    quotes = quotes_of(
        INTRO + "Vendt's report does not say that the casino would lose money. Oduya not only "
        "said that the plan was dead but also that it was illegal.",
        resources,
    )
    reported = quotes[quotes["kind"] == "reported"]
    assert not reported["text"].str.contains("casino").any(), reported[["text", "speaker"]]
    assert reported["text"].str.contains("the plan was dead").any(), reported[["text", "speaker"]]


def test_a_paragraph_quoted_after_a_colon_is_the_lead_in_s_not_its_relative_clause_s(resources):
    quotes = quotes_of(
        INTRO + "Vendt wrote to the council in May. Her letter ended with a line I have never "
        'forgotten:\n\n"I raised my son to respect the police."\n\nShe never got a reply.',
        resources,
    )
    assert statement(quotes, "I raised my son", kind="direct")["speaker_id"] == "karla-vendt"


def test_a_paragraph_ending_in_not_is_read(resources):
    quotes = quotes_of("Is the recession over? Economists say not\n\nRates fell.", resources)
    assert "speaker_id" in quotes.columns  # read, not lost to an error


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        (
            "The International Monetary Fund does not expect the economy to recover before "
            "2012, its chief economist said.",
            "recover before 2012",
        ),
        ("Vendt said not that the plan had failed, but that it had been delayed.", "had failed"),
        ("Vendt did not simply say the plan was flawed; she called it illegal.", "was flawed"),
        # real speech in brackets after a document's noun
        (
            'Reuters quoted the ministry ("The situation is under control") as saying the '
            "border was calm.",
            "the border was calm",
        ),
    ],
)
def test_a_view_stated_in_the_negative_is_still_a_statement(resources, text, snippet):
    quotes = quotes_of(INTRO + text, resources)
    reported = quotes[quotes["kind"] == "reported"]
    assert reported["text"].str.contains(snippet).any(), quotes[["text", "speaker"]]


def test_a_statement_released_by_a_relative_clause_s_subject_is_theirs(resources):
    quotes = quotes_of(
        INTRO + 'Here is the full statement the White House released on Friday:\n\n"The '
        'President has full confidence in the Secretary."',
        resources,
    )
    row = statement(quotes, "full confidence", kind="direct")
    assert row["speaker_id"] == "white-house", row.to_dict()


def test_a_recording_quoted_after_a_colon_is_its_maker_s(resources):
    quotes = quotes_of(
        INTRO + "Prosecutor Ana Berg played a message Mr Luis Ortiz recorded in May:\n\n"
        '"I will kill you if you talk."\n\nThe jury listened.',
        resources,
    )
    assert statement(quotes, "kill you", kind="direct")["speaker_id"] == "luis-ortiz"


def test_a_quotation_after_a_colon_is_the_lead_in_s_when_a_clause_only_tells_what_was_made(
    resources,
):
    quotes = quotes_of(
        INTRO + "Oduya dismissed the claims his opponent made during the debate:\n\n"
        '"They are simply untrue."\n\nThe debate ended at ten.',
        resources,
    )
    assert statement(quotes, "simply untrue", kind="direct")["speaker_id"] == "paul-oduya"


@pytest.mark.parametrize(
    "text",
    [
        "The report does not actually say that the casino would lose money.",
        "Vendt has never explicitly said that she will run.",
    ],
)
def test_a_stronger_denial_reports_nothing(resources, text):
    quotes = quotes_of(INTRO + text, resources)
    assert not (quotes["kind"] == "reported").any(), quotes[["text", "speaker"]]
