"""Who said what: the forms of attribution news copy uses, one case each, on invented
text (names and places that appear in no gold article)."""

import pytest

from newsbook.pipeline import analyze
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


def test_scare_quotes_are_not_statements(resources):
    quotes = quotes_of(INTRO + 'The so-called "peace dividend" never came.', resources)
    assert not quotes["text"].str.contains("peace dividend").any()


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
