"""Conventions of the temporal stage: every form the stage knows, paired with the value
and modality it must give, in past, future and scheduled clauses.

Publication dates used: 2001-05-29 (a Tuesday, ISO week 22) and 2001-01-03 (a
Wednesday, ISO week 1 of 2001: the year boundary is days away)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from newsbook import config
from newsbook.pipeline import article_context
from newsbook.stages.events import build_timeline
from newsbook.stages.timex import (
    CUES,
    PATTERNS,
    date_interval,
    extract_timex,
    relation_to,
    resolution_note,
)
from newsbook.text.article import make_article
from tests.articles import SEED_ARTICLE

TUESDAY = "2001-05-29"
NEW_YEAR = "2001-01-03"
NO_MENTIONS = pd.DataFrame(columns=["start", "end", "entity_id"])
NO_ENTITIES = pd.DataFrame(columns=["entity_id", "name", "type"])


def run(text: str, resources, published: str | None = TUESDAY):
    """The timex and events tables for a text (entities left out: not under test)."""
    article = make_article(text, article_id="t", published=published)
    context = article_context(article, resources)
    timex = extract_timex(context)
    no_entities = {"mentions": NO_MENTIONS, "entities": NO_ENTITIES}
    events = build_timeline(context.with_tables(timex=timex, **no_entities))
    return article, timex, events


def values(text: str, resources, published: str | None = TUESDAY) -> list[tuple[str, str]]:
    _, timex, _ = run(text, resources, published)
    return list(zip(timex["text"], timex["value"], strict=True))


def only(text: str, resources, published: str | None = TUESDAY) -> pd.Series:
    """The one event of a sentence, with its timex columns beside it."""
    _, timex, events = run(text, resources, published)
    assert len(timex) == 1, list(timex["text"])
    return pd.concat([timex.iloc[0], events.iloc[0][["date", "predicate", "modality"]]])


# ------------------------------------------------------------------- bare weekdays

WEEKDAY_CASES = [
    # past clause: the latest such day on or before publication
    ("Two ministers said Monday that the offer was unwelcome.", TUESDAY, "2001-05-28"),
    ("The envoy met the president on Friday.", TUESDAY, "2001-05-25"),
    ("The minister said on Tuesday that talks had failed.", TUESDAY, "2001-05-29"),
    ("The rebels attacked the town on Wednesday.", TUESDAY, "2001-05-23"),
    # future and scheduled clauses: the next one
    ("The talks will resume on Monday.", TUESDAY, "2001-06-04"),
    ("The talks are scheduled to end on Wednesday.", TUESDAY, "2001-05-30"),
    ("The talks, which are scheduled to end Wednesday, began today.", TUESDAY, "2001-05-30"),
    ("The minister is to visit Paris on Friday.", TUESDAY, "2001-06-01"),
    ("The president plans to sign the bill on Saturday.", TUESDAY, "2001-06-02"),
    ("Officials said the envoy would arrive on Thursday.", TUESDAY, "2001-05-31"),
    # shifted weekdays
    ("The summit ended last Tuesday.", TUESDAY, "2001-05-22"),
    ("The summit will open next Tuesday.", TUESDAY, "2001-06-05"),
    ("The vote took place last Saturday.", TUESDAY, "2001-05-26"),
    # words that put the day ahead whatever the main verb's tense
    ("The judge adjourned the hearing until Monday.", TUESDAY, "2001-06-04"),
    ("The bank cut its rate to five pct, effective Friday.", TUESDAY, "2001-06-01"),
    ("The free trade zone, to be opened on Thursday, is the largest.", TUESDAY, "2001-05-31"),
    ("The company has scheduled a press conference for Monday.", TUESDAY, "2001-06-04"),
    ("The union agreed to a request to reconvene the talks on Friday.", TUESDAY, "2001-06-01"),
    # a dated noun takes a past verb's direction, not a reporting verb's
    ("The banks had a deficit on Friday.", TUESDAY, "2001-05-25"),
    # across the year boundary
    ("The army shelled the city on Saturday.", NEW_YEAR, "2000-12-30"),
    ("Parliament will vote on Friday.", NEW_YEAR, "2001-01-05"),
]


@pytest.mark.parametrize(("text", "published", "value"), WEEKDAY_CASES)
def test_bare_weekday_follows_the_clause(text, published, value, resources):
    event = only(text, resources, published) if "began today" not in text else None
    if event is None:  # two expressions: check the weekday's
        found = dict(values(text, resources, published))
        assert found["Wednesday"] == value
        return
    assert (event["value"], event["granularity"], bool(event["relative"])) == (value, "day", True)


# ---------------------------------------------------------- month and day, no year

MONTH_DAY_CASES = [
    ("The rebels attacked the town on December 28.", NEW_YEAR, "2000-12-28"),
    ("Elections will be held on December 28.", NEW_YEAR, "2001-12-28"),
    ("The treaty was signed on January 10.", NEW_YEAR, "2000-01-10"),
    ("The vote is due on January 10.", NEW_YEAR, "2001-01-10"),
    ("The leaders meet for the first time in Slovenia on June 16.", TUESDAY, "2001-06-16"),
    ("The two leaders will meet on June 16.", TUESDAY, "2001-06-16"),
    ("The two leaders met on June 16.", TUESDAY, "2000-06-16"),
    ("The ceasefire began on May 3.", TUESDAY, "2001-05-03"),
    ("Talks resume on 4 June, officials said.", TUESDAY, "2001-06-04"),
    ("The accord was signed on the 3rd of May.", TUESDAY, "2001-05-03"),
    ("The bank collapsed on June 16 last year.", TUESDAY, "2000-06-16"),
]


@pytest.mark.parametrize(("text", "published", "value"), MONTH_DAY_CASES)
def test_month_day_takes_the_year_of_the_tense(text, published, value, resources):
    event = only(text, resources, published)
    assert (event["value"], event["granularity"]) == (value, "day")


def test_weekday_with_a_date_fixes_the_year(resources):
    # 18 June is a Monday in 2001, not in 2000: the weekday decides
    assert values("Talks open on Monday, June 18.", resources) == [
        ("Monday, June 18", "2001-06-18")
    ]


# ----------------------------------------------------------------------------- months


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("The army withdrew last October.", TUESDAY, "2000-10"),
        ("The reactor closes this August.", TUESDAY, "2001-08"),
        ("The reactor will close next March.", TUESDAY, "2002-03"),
        ("The parliament will vote in December.", NEW_YEAR, "2001-12"),
        ("The parliament voted in December.", NEW_YEAR, "2000-12"),
        ("The law was passed in March last year.", TUESDAY, "2000-03"),
        ("The law will take effect in early September.", TUESDAY, "2001-09"),
        ("Inflation fell last month.", TUESDAY, "2001-04"),
        ("Inflation will fall next month.", TUESDAY, "2001-06"),
        ("The board may decide later this month.", TUESDAY, "2001-05"),
        ("The bill was drafted last month.", NEW_YEAR, "2000-12"),
    ],
)
def test_months(text, published, value, resources):
    event = only(text, resources, published)
    assert (event["value"], event["granularity"]) == (value, "month")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They first met in Geneva in November 1985.", "1985-11"),
        ("They first met in Geneva in November, 1985.", "1985-11"),
        ("They first met in Geneva in Nov. 1985.", "1985-11"),
        ("They first met in Geneva in Sept. 1985.", "1985-09"),
        ("They first met in Geneva in Sep 1985.", "1985-09"),
        ("They first met in Geneva in Jun. 1985.", "1985-06"),
    ],
)
def test_month_with_year_is_absolute(text, value, resources):
    event = only(text, resources)
    assert (event["value"], event["granularity"], bool(event["relative"])) == (
        value,
        "month",
        False,
    )


# ------------------------------------------------------------------------------ weeks


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("The president said last week that talks would resume.", TUESDAY, "2001-W21"),
        ("The envoy arrives this week.", TUESDAY, "2001-W22"),
        ("The envoy will arrive later this week.", TUESDAY, "2001-W22"),
        ("The envoy arrived earlier this week.", TUESDAY, "2001-W22"),
        ("The envoy will arrive next week.", TUESDAY, "2001-W23"),
        ("The envoy arrived last week.", NEW_YEAR, "2000-W52"),
        ("The envoy arrived three weeks ago.", TUESDAY, "2001-W19"),
        ("Rebels attacked the town last weekend.", TUESDAY, "2001-W21"),
        ("Rebels attacked the town at the weekend.", TUESDAY, "2001-W21"),
        ("The leaders will meet at the weekend.", TUESDAY, "2001-W22"),
        ("The leaders will meet next weekend.", TUESDAY, "2001-W22"),
    ],
)
def test_weeks_are_iso_weeks(text, published, value, resources):
    event = only(text, resources, published)
    assert (event["value"], event["granularity"]) == (value, "week")


# ----------------------------------------------------- days relative to publication


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The minister resigned today.", "2001-05-29"),
        ("The minister will resign tomorrow.", "2001-05-30"),
        ("The minister resigned yesterday.", "2001-05-28"),
        ("Rebels shelled the capital last night.", "2001-05-28"),
        ("Iran had warned the United States earlier in the day.", "2001-05-29"),
        ("The cabinet met this morning.", "2001-05-29"),
        ("The cabinet met yesterday morning.", "2001-05-28"),
    ],
)
def test_deictic_days(text, value, resources):
    event = only(text, resources)
    assert (event["value"], event["granularity"]) == (value, "day")


# ------------------------------------------------------------------ years and decades


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty was signed in 1972.", ("1972", "1972", "year", False)),
        ("Production peaked in mid-1983.", ("mid-1983", "1983", "year", False)),
        ("Reagan leaves office in 1989.", ("1989", "1989", "year", False)),
        ("Both men supported tax increases in l982.", ("l982", "1982", "year", False)),
        ("The debt grew through the 1980s.", ("the 1980s", "198X", "decade", False)),
        ("The debt grew in the early 1990s.", ("the early 1990s", "199X", "decade", False)),
        ("The offer was made last year.", ("last year", "2000", "year", True)),
        ("The offer will be made next year.", ("next year", "2002", "year", True)),
        ("Growth slowed earlier this year.", ("earlier this year", "2001", "year", True)),
        ("The plant opened two years ago.", ("two years ago", "1999", "year", True)),
        ("The 1990 elections were fair.", ("1990", "1990", "year", False)),
        ("In 1990 soldiers were sent to the border.", ("1990", "1990", "year", False)),
        ("Reserves fell at end-1986.", ("end-1986", "1986", "year", False)),
        ("Profit rose on 1985's level.", ("1985", "1985", "year", False)),
        ("Forecasters revised down 1987 predictions.", ("1987", "1987", "year", False)),
        ("The company does not give 1986 per share earnings.", ("1986", "1986", "year", False)),
        ("Sales rose 20 pct over 1986.", ("1986", "1986", "year", False)),
        ("The accord was signed on May 28, 2001.", ("May 28, 2001", "2001-05-28", "day", False)),
        ("The accord was signed on 28 May 2001.", ("28 May 2001", "2001-05-28", "day", False)),
    ],
)
def test_years_decades_and_full_dates(text, expected, resources):
    event = only(text, resources)
    found = (event["text"], event["value"], event["granularity"], bool(event["relative"]))
    assert found == expected


# ------------------------------------------------------- not dates: durations, counts


@pytest.mark.parametrize(
    "text",
    [
        "The plan took nearly a decade and two years to draft.",
        "The talks were the first in nearly a decade.",
        "Moscow has 1,000 warheads and 2000 missiles.",
        "The deal cuts arsenals to 1,500 each.",
        "Some 1990 soldiers crossed the border.",
        "The meeting starts at 1900 GMT.",
        "Over the past year, prices rose sharply.",
        "Prices have risen for the last decade.",
        "The army sent 2000 troops and 1200 tanks.",
        "The fund holds 1987 dlrs in cash.",
        "Officials may meet soon, but this may take time.",
        "The Manila newspaper Sunday Times published the letter.",
        "Gunfire was heard at about 2200 hrs local time.",
        "He will be questioned at the 2000 EST/0100 gmt session.",
    ],
)
def test_durations_and_quantities_are_not_dates(text, resources):
    assert values(text, resources) == []


# --------------------------------------------------------------- no publication date


def test_without_publication_date_relative_stays_empty_and_warns(resources):
    text = "The minister said Monday that the treaty signed in 1972 would lapse next year."
    article, timex, events = run(text, resources, published=None)
    assert list(zip(timex["text"], timex["value"], timex["relative"], strict=True)) == [
        ("Monday", "", True),
        ("1972", "1972", False),
        ("next year", "", True),
    ]
    assert any("publication date is unknown" in w for w in article.warnings)
    note = resolution_note("", timex)
    assert note.startswith("Warning") and "2 relative" in note and "'Monday'" in note
    assert resolution_note(TUESDAY, timex).endswith(f"publication date, {TUESDAY}.")
    # the events keep their (empty) dates and still get a modality from the text
    assert list(events["modality"]) == ["occurred", "occurred", "scheduled"]


# ---------------------------------------------------------------------------- modality


@pytest.mark.parametrize(
    ("text", "timex", "modality", "predicate"),
    [
        # conditions and possibilities
        (
            "Russia would walk out of START if Washington abrogates the treaty in 2002.",
            "2002",
            "hypothetical",
            "abrogate",
        ),
        (
            "If the talks fail next week, Russia will deploy new missiles.",
            "next week",
            "hypothetical",
            "fail",
        ),
        (
            "Russia will deploy new missiles next year if the talks fail.",
            "next year",
            "hypothetical",
            "deploy",
        ),
        (
            "The administration may decide later this month to reinterpret the treaty.",
            "later this month",
            "hypothetical",
            "decide",
        ),
        (
            "One option could see the two sides meet next month.",
            "next month",
            "hypothetical",
            "meet",
        ),
        # plans and schedules
        ("Bush will meet Putin on June 16.", "June 16", "scheduled", "meet"),
        ("Bush is to meet Putin on June 16.", "June 16", "scheduled", "meet"),
        ("The talks are scheduled to end on Wednesday.", "Wednesday", "scheduled", "end"),
        ("Bush plans to present the proposal on June 16.", "June 16", "scheduled", "present"),
        ("Arab states are due to meet at a summit on November 8.", "November 8", "scheduled", None),
        (
            "Reagan said on Friday that Shultz would go to Moscow next month.",
            "next month",
            "scheduled",
            "go",
        ),
        ("The president leaves office in 2005.", "2005", "scheduled", "leave"),
        ("The summit is set for next week.", "next week", "scheduled", None),
        # what is going on
        ("Shultz was holding talks with Shevardnadze today.", "today", "ongoing", "hold"),
        ("The strike continues today.", "today", "ongoing", "continue"),
        ("Talks have continued since 1985.", "1985", "ongoing", "continue"),
        ("The talks are taking place this week.", "this week", "ongoing", "take"),
        # a date right after a subordinate clause dates that clause; a copula's
        # infinitive names the event
        (
            "Critics say the plan commits the country to defences even after the president"
            " leaves office in 2005.",
            "2005",
            "scheduled",
            "leave",
        ),
        (
            "The minister was careful on Monday to describe the talks as consultations.",
            "Monday",
            "occurred",
            "describe",
        ),
        # what happened
        ("The treaty was signed in 1972.", "1972", "occurred", "sign"),
        (
            "Reagan said on Friday that Shultz would go to Moscow next month.",
            "Friday",
            "occurred",
            "say",
        ),
        ("The ministers were meeting in Geneva on Monday.", "Monday", "occurred", "meet"),
        (
            "The minister offered the radar, which is currently undergoing tests, to Europe"
            " last year.",
            "last year",
            "occurred",
            "offer",
        ),
        ("The 1972 treaty banned national missile defences.", "1972", "occurred", "treaty"),
        ("A missile struck the tanker in Kuwaiti waters on Friday.", "Friday", "occurred", None),
        (
            "The president has said this week that he will not resign.",
            "this week",
            "occurred",
            "say",
        ),
    ],
)
def test_modality(text, timex, modality, predicate, resources):
    _, timex_table, events = run(text, resources)
    row = events[events["timex_id"].isin(timex_table.loc[timex_table["text"] == timex, "timex_id"])]
    assert len(row) == 1, list(timex_table["text"])
    assert row.iloc[0]["modality"] == modality
    if predicate is not None:
        assert row.iloc[0]["predicate"] == predicate


def test_nominal_predicate_has_its_own_modality(resources):
    # the treaty dates from 1972 (occurred) though reinterpreting it is only possible
    _, timex, events = run(
        "The administration may decide to reinterpret the 1972 treaty next month.", resources
    )
    by_text = dict(zip(timex["timex_id"], timex["text"], strict=True))
    found = {by_text[r.timex_id]: (r.predicate, r.modality) for r in events.itertuples()}
    assert found["1972"] == ("treaty", "occurred")
    assert found["next month"][1] == "hypothetical"


# ------------------------------------------------------------------- offsets, helpers


def test_rows_carry_exact_offsets(resources):
    text = "Headline\n\nThe envoy arrived on Monday, and will leave next week."
    article, timex, events = run(text, resources)
    assert len(timex) == 2
    for row in timex.itertuples():
        assert article.text[row.start : row.end] == row.text
    assert list(events["timex_id"]) == list(timex["timex_id"])


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2001-05-29", "2001-05-29", "2001-05-29"),
        ("2001-W22", "2001-05-28", "2001-06-03"),
        ("2001-02", "2001-02-01", "2001-02-28"),
        ("1972", "1972-01-01", "1972-12-31"),
        ("198X", "1980-01-01", "1989-12-31"),
    ],
)
def test_date_interval(value, first, last):
    assert date_interval(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def test_relation_to_publication():
    day = dt.date(2001, 5, 29)
    assert [relation_to(v, day) for v in ["2001-W21", "2001-W22", "2001-06-16", ""]] == [
        "before",
        "now",
        "after",
        "unknown",
    ]
    assert relation_to("2001-05-28", None) == "unknown"


def test_page_stamp_is_not_the_publication_date(resources):
    """The seed's "Last Updated: 07/27/2016" is web-archive furniture: the sidecar's date
    is the one relative expressions resolve against, and the stamp is no expression.
    With no date at all, "Monday" stays empty while "1972" still resolves."""
    from newsbook.text.article import read_article

    seed = read_article(SEED_ARTICLE)
    undated = make_article(seed.text, article_id="seed", published=None)
    for article, monday in [(seed, "2001-05-28"), (undated, "")]:
        timex = extract_timex(article_context(article, resources))
        assert not (timex["text"] + timex["value"]).str.contains("2016").any()
        values = dict(zip(timex["text"], timex["value"], strict=True))
        assert values["Monday"] == monday and values["1972"] == "1972"


def test_event_evidence_is_exactly_the_text_at_its_offsets(resources):
    from newsbook.pipeline import analyze
    from newsbook.text.article import make_article

    text = "Senator Paul Oduya spoke in Lisbon.\n\nThe talks will resume\non Wednesday, he said."
    events = analyze(make_article(text, article_id="t", published="2010-03-02"), resources)[
        "events"
    ]
    assert len(events)
    for row in events.itertuples():
        assert text[row.start : row.end] == row.evidence


def test_every_match_holds_its_patterns_cue():
    """A block skips a pattern when its cue is absent: so every match must hold its cue,
    or an expression would be lost (checked on every form above and on the articles)."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(config.RAW_DIR.glob("*.txt"))]
    texts.append(
        "On Monday, March 3, 1986 and 3 March 1986, in Jan. 1987 and Sept 4 and the 4th of"
        " May; early June of last year, two weeks ago, earlier in the day, this evening,"
        " tonight, last weekend, late last month, next April, the mid-1980s, the '90s,"
        " l982, 2001-05-29, since November."
    )
    matched = set()
    for text in texts:
        for kind, pattern in PATTERNS:
            for match in pattern.finditer(text):
                matched.add(kind)
                assert CUES[kind].search(text, match.start(), match.end()), (kind, match[0])
    assert matched == set(CUES)
