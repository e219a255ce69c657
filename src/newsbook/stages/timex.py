"""Stage 5, when: temporal expressions normalised against the publication date (the
events they date are the next stage, `events`).

News conventions: a bare weekday or a month-day in a past-tense clause is the latest
such day on or before publication; in a future or scheduled clause, the next one; in a
present-tense clause, the nearer one. Durations ("nearly a decade", "the past year") are
not dates, nor are four-digit quantities ("2000 missiles"). Without a publication date,
relative expressions keep an empty value; absolute ones still resolve.

The calendar words are the language: month and weekday names live in
`newsbook.text.calendar_names`, last/next/ago here. The judgement calls (scheduling
verbs, hypothetical modals, quantity units) are data, in `data/lexicons/time.yml`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc, Token

from newsbook.lexicons import TimeLexicon
from newsbook.schema import Columns, column_lists, columns_frame
from newsbook.stages.context import ArticleContext
from newsbook.text.article import Article
from newsbook.text.calendar_names import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_NUMBERS,
    WEEKDAY_NAMES,
    WEEKDAY_NUMBERS,
    alternation,
)
from newsbook.text.nlp import ParsedBlock, doc_text

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Month names are case-sensitive ("May" the month, "may" the modal); the words around
# them are not.
_MONTH_FULL = "|".join(MONTH_NAMES)
_MONTH_ABBR = alternation(MONTH_ABBREVIATIONS)
MONTH = rf"(?P<month>{_MONTH_FULL}|(?:{_MONTH_ABBR})\.|(?:{_MONTH_ABBR})(?=\s+\d))"
_WEEKDAY = "|".join(name.lower() for name in WEEKDAY_NAMES)
WEEKDAY = rf"(?P<weekday>(?i:{_WEEKDAY}))"
# a weekday leading a calendar date ("Monday, March 3") is part of that date
LEAD_WEEKDAY = rf"(?:(?P<lead>(?i:{_WEEKDAY})),?\s+)?"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# "l982": OCR'd wire copy spells the digit one as a lower-case L
YEAR = r"(?P<year>[1lI][89]\d\d|20\d\d)"
PART = r"(?:(?P<part>(?i:early|mid|late|end))(?:-|\s+|-\s*))?"
SHIFT = r"(?P<shift>(?i:last|next|this|coming|past))"
YEAR_SHIFT = r"(?:,?\s+(?:of\s+)?(?P<yshift>(?i:last|this|next))\s+(?i:year)\b)?"
DAY_PART = r"(?:\s+(?i:morning|afternoon|evening|night))?"
NOT_NUMBER_AFTER = r"(?![,.]?\d)"
NOT_NUMBER_BEFORE = r"(?<![\d.,$£€#/-])"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso_date", re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("full_date", re.compile(rf"\b{LEAD_WEEKDAY}{MONTH}\s+{DAY},?\s+{YEAR}\b{NOT_NUMBER_AFTER}")),
    (
        "full_date_dmy",
        re.compile(rf"\b{LEAD_WEEKDAY}{NOT_NUMBER_BEFORE}{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b"),
    ),
    ("month_year", re.compile(rf"\b{PART}{MONTH},?\s+(?:of\s+)?{YEAR}\b{NOT_NUMBER_AFTER}")),
    (
        "month_day",
        re.compile(rf"\b{LEAD_WEEKDAY}{MONTH}\s+{DAY}\b(?!\s*(?:,\s*)?\d){YEAR_SHIFT}{DAY_PART}"),
    ),
    (
        "month_day",
        re.compile(
            rf"\b{LEAD_WEEKDAY}(?:the\s+)?{NOT_NUMBER_BEFORE}{DAY}\s+(?:of\s+)?{MONTH}\b"
            rf"(?!,?\s*\d){YEAR_SHIFT}"
        ),
    ),
    (
        "month_rel_year",
        re.compile(rf"\b{PART}{MONTH}\s+(?:of\s+)?(?P<yshift>(?i:last|this|next))\s+(?i:year)\b"),
    ),
    (
        "ago",
        re.compile(
            rf"\b(?P<count>(?i:{'|'.join(NUMBER_WORDS)})|\d{{1,2}})\s+"
            r"(?P<unit>(?i:day|week|month|year|decade))s?\s+(?i:ago)\b"
        ),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?P<deictic>(?i:(?:earlier|later)\s+in\s+the\s+day|(?:earlier|later)\s+today"
            r"|this\s+(?:morning|afternoon|evening)|last\s+night|today|tonight|tomorrow"
            r"|yesterday))\b" + DAY_PART
        ),
    ),
    ("weekday", re.compile(rf"\b(?:{SHIFT}\s+)?{WEEKDAY}\b{DAY_PART}")),
    # a weekend is the ISO week of its Saturday
    ("weekend", re.compile(rf"\b(?:{SHIFT}\s+|(?i:the)\s+)(?i:weekend)\b")),
    (
        "shifted_unit",
        re.compile(
            rf"\b(?:(?P<part>(?i:early|mid|late|earlier|later))(?:-|\s+))?{SHIFT}\s+"
            r"(?P<unit>(?i:week|month|year|decade))\b"
        ),
    ),
    ("shifted_month", re.compile(rf"\b{SHIFT}\s+{MONTH}\b(?!\s*\d)")),
    (
        "decade",
        re.compile(rf"\b(?:(?i:the)\s+)?{PART}(?:(?P<decade>1[89]\d0|20\d0)|'(?P<short>\d0))'?s\b"),
    ),
    # "1980s" is a decade (above), "1985's" a year
    ("year", re.compile(rf"{NOT_NUMBER_BEFORE}\b{PART}{YEAR}\b{NOT_NUMBER_AFTER}(?!s\b)")),
    (
        "month",
        re.compile(
            r"\b(?i:in|since|by|until|till|during|from|through|before|after|for|to|of"
            r"|between|and)\s+"
            rf"(?P<expression>{PART}{MONTH})\b(?!\s*\d)"
        ),
    ),
]


# What every match of a kind holds, found by one cheap search: a block without it skips
# the kind's pattern (most blocks name no month, so the eight month patterns are skipped).
# A cue must be part of every match of its pattern, or expressions would be lost.
_MONTH_CUE = re.compile(MONTH)
_DIGIT_CUE = re.compile(r"\d")
CUES: dict[str, re.Pattern[str]] = {
    **dict.fromkeys(("iso_date", "decade", "year"), _DIGIT_CUE),
    **dict.fromkeys(
        ("full_date", "full_date_dmy", "month_year", "month_day", "month_rel_year"),
        _MONTH_CUE,
    ),
    **dict.fromkeys(("shifted_month", "month"), _MONTH_CUE),
    "ago": re.compile(r"(?i:ago)"),
    # "today", "yesterday", "earlier in the day" all hold "day"
    "deictic": re.compile(r"(?i:day|night|tomorrow|morning|afternoon|evening)"),
    "weekday": re.compile(r"(?i:day)"),  # every weekday's name ends in "day"
    "weekend": re.compile(r"(?i:weekend)"),
    "shifted_unit": re.compile(r"(?i:week|month|year|decade)"),
}


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str
    granularity: str
    relative: bool
    tense: str


# ---------------------------------------------------------------- values and intervals


def date_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a normalised value covers (`1997-W10` is that ISO week's Monday
    to Sunday, `198X` the decade); None for an empty or unknown value."""
    value = str(value or "")
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if match := re.fullmatch(r"(\d{4})-W(\d\d)", value):
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if match := re.fullmatch(r"(\d{4})-(\d\d)", value):
            year, month = int(match[1]), int(match[2])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{3}X", value):
            first = int(value[:3]) * 10
            return dt.date(first, 1, 1), dt.date(first + 9, 12, 31)
    except ValueError:
        return None
    return None


def relation_to(value: str, published: dt.date | None) -> str:
    """`before`, `after` or `now` (the value's span holds the publication date);
    `unknown` without a value or a publication date."""
    span = date_interval(value)
    if span is None or published is None:
        return "unknown"
    if span[1] < published:
        return "before"
    if span[0] > published:
        return "after"
    return "now"


def _year_digits(text: str) -> int:
    return int(text.replace("l", "1").replace("I", "1"))


def _iso_week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _shift_weekday(published: dt.date, weekday: int, direction: str) -> dt.date:
    """The weekday on or before publication (`past`), on or after it (`future`), or
    whichever is nearer (`nearest`, ties to the past)."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if direction == "past" or direction == "nearest" and back <= ahead:
        return published - dt.timedelta(days=back)
    return published + dt.timedelta(days=ahead)


def _month_day(
    published: dt.date, month: int, day: int, direction: str, weekday: int | None = None
) -> dt.date | None:
    """The year for a month and day: the one that fits the direction (and the weekday
    the text names with it, when it names one)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if weekday is not None and any(c.weekday() == weekday for c in candidates):
        candidates = [c for c in candidates if c.weekday() == weekday]
    if direction == "past":
        fitting = [c for c in candidates if c <= published]
    elif direction == "future":
        fitting = [c for c in candidates if c >= published]
    else:
        fitting = candidates
    fitting = fitting or candidates
    if not fitting:
        return None
    return min(fitting, key=lambda c: (abs((c - published).days), c > published))


def _month_year(published: dt.date, month: int, direction: str, shift: str) -> int:
    """The year of a month named without one ("in December", "last October")."""
    year = published.year
    if shift == "this":
        return year
    if shift in {"last", "past"}:
        return year if month < published.month else year - 1
    if shift in {"next", "coming"}:
        return year if month > published.month else year + 1
    if direction == "past":
        return year if month <= published.month else year - 1
    if direction == "future":
        return year if month >= published.month else year + 1
    # nearest: within six months either side
    distance = month - published.month
    if distance > 6:
        return year - 1
    if distance < -6:
        return year + 1
    return year


def normalise(
    kind: str, groups: dict[str, str | None], published: dt.date | None, tense: str
) -> tuple[str, str, bool]:
    """Value, granularity and whether the value depended on the publication date.

    `kind` is the pattern that matched, `groups` its named groups, `tense` the clause's
    (`past`, `future` or `present`): it chooses the direction a bare weekday, month-day
    or month is resolved in."""
    direction = {"future": "future", "past": "past"}.get(tense, "nearest")
    month = MONTH_NUMBERS.get((groups.get("month") or "").lower().rstrip("."))
    if groups.get("mnum"):
        month = int(groups["mnum"])
    year = _year_digits(groups["year"]) if groups.get("year") else None
    shift = (groups.get("shift") or "").lower()
    yshift = {"last": -1, "this": 0, "next": 1}.get((groups.get("yshift") or "").lower())
    if kind in {"full_date", "full_date_dmy", "iso_date"}:
        try:
            return dt.date(year, month, int(groups["day"])).isoformat(), "day", False
        except (ValueError, TypeError):
            return "", "day", False
    if kind == "month_year":
        return f"{year}-{month:02d}", "month", False
    if kind == "year":
        return str(year), "year", False
    if kind == "decade" and groups.get("decade"):
        return f"{groups['decade'][:3]}X", "decade", False
    granularity = {
        "month_day": "day",
        "weekday": "day",
        "deictic": "day",
        "weekend": "week",
        "month": "month",
        "shifted_month": "month",
        "month_rel_year": "month",
        "decade": "decade",
    }.get(kind, "")
    if not granularity:
        unit = (groups.get("unit") or "day").lower()
        granularity = "year" if unit == "decade" and kind == "ago" else unit
    if published is None:
        return "", granularity, True
    if kind == "decade":  # "the '80s": the latest such decade not after publication
        decade = published.year // 100 * 100 + int(groups["short"])
        decade -= 100 if decade > published.year else 0
        return f"{str(decade)[:3]}X", "decade", True
    if kind == "month_day":
        lead = WEEKDAY_NUMBERS.get((groups.get("lead") or "").lower())
        if yshift is not None:
            try:
                day = dt.date(published.year + yshift, month, int(groups["day"]))
            except ValueError:
                return "", "day", True
        else:
            day = _month_day(published, month, int(groups["day"]), direction, lead)
        return (day.isoformat() if day else ""), "day", True
    if kind == "month_rel_year":
        return f"{published.year + (yshift or 0)}-{month:02d}", "month", True
    if kind == "weekday":
        weekday = WEEKDAY_NUMBERS[groups["weekday"].lower()]
        if shift in {"next", "coming"}:
            direction = "future"
        elif shift in {"last", "past"}:
            direction = "past"
        day = _shift_weekday(published, weekday, direction)
        # "last Tuesday" on a Tuesday is a week ago, "next Tuesday" a week ahead
        if shift in {"last", "past"} and day == published:
            day -= dt.timedelta(days=7)
        if shift in {"next", "coming"} and day == published:
            day += dt.timedelta(days=7)
        return day.isoformat(), "day", True
    if kind == "weekend":
        if shift in {"next", "coming"}:
            direction = "future"
        elif shift in {"last", "past"}:
            direction = "past"
        saturday = _shift_weekday(published, 5, direction)
        if shift in {"last", "past"} and published.weekday() >= 5:
            saturday -= dt.timedelta(days=7)  # "last weekend" said on a Sunday
        if shift in {"next", "coming"} and published.weekday() >= 5:
            saturday += dt.timedelta(days=7)
        return _iso_week(saturday), "week", True
    if kind == "deictic":
        word = " ".join(groups["deictic"].lower().split())
        offset = {"tomorrow": 1, "yesterday": -1, "last night": -1}.get(word, 0)
        return (published + dt.timedelta(days=offset)).isoformat(), "day", True
    if kind in {"shifted_unit", "ago"}:
        if kind == "ago":
            count = groups["count"].lower()
            step = -(int(count) if count.isdigit() else NUMBER_WORDS[count])
        else:
            step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(shift, 0)
        unit = groups["unit"].lower()
        if unit == "day":
            return (published + dt.timedelta(days=step)).isoformat(), "day", True
        if unit == "week":
            return _iso_week(published + dt.timedelta(weeks=step)), "week", True
        if unit == "month":
            index = published.year * 12 + published.month - 1 + step
            return f"{index // 12}-{index % 12 + 1:02d}", "month", True
        if unit == "year":
            return str(published.year + step), "year", True
        if kind == "ago":  # "a decade ago" is a year, ten back
            return str(published.year + 10 * step), "year", True
        return f"{str(published.year + 10 * step)[:3]}X", "decade", True
    if kind in {"shifted_month", "month"}:
        return f"{_month_year(published, month, direction, shift)}-{month:02d}", "month", True
    return "", granularity, True


# ------------------------------------------------------------------ reading the parse


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "aux", "auxpass"}


def _closes_before(verb: Token, token: Token) -> bool:
    """A non-restrictive relative clause ends at its closing comma: a time expression
    after that comma belongs to the main clause, whatever the parser attached it to."""
    commas = [c.i for c in verb.children if c.dep_ == "punct" and c.text == ","]
    return verb.dep_ in {"relcl", "acl"} and any(verb.i < i < token.i for i in commas)


def governor(token: Token) -> Token:
    """The verb a time expression hangs from (or the root of its sentence)."""
    current = token
    for _ in range(20):
        if _is_verb(current) and current.i != token.i:
            if _closes_before(current, token) and current.head.i != current.i:
                current = current.head
                continue
            return _nearer_clause(current, token)
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def _nearer_clause(verb: Token, token: Token) -> Token:
    """Low attachment: a time expression right after a subordinate clause of `verb`
    ("... even after Venn leaves office in 1989") dates that clause; the small parser
    tends to hang it on the higher verb."""
    start = token.head.i if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.i
    start = min(start, token.left_edge.i)
    adjacent = [
        candidate
        for candidate in verb.subtree
        if candidate.i < start
        and candidate.i != verb.i
        and _is_verb(candidate)
        and candidate.dep_ in {"advcl", "relcl", "ccomp", "acl", "conj"}
        and max(t.i for t in candidate.subtree if t.i < start) == start - 1
        and not _closes_before(candidate, token)
    ]
    return max(adjacent, key=lambda t: t.i) if adjacent else verb


def content_verb(verb: Token) -> Token:
    """The verb that names the event: a copula's infinitive ("was careful Monday to
    describe" describes), else the verb itself."""
    if verb.lemma_ != "be":
        return verb
    complements = [
        *verb.children,
        *(g for c in verb.children if c.dep_ == "acomp" for g in c.children),
    ]
    for child in complements:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if child.dep_ in {"xcomp", "advcl"} and child.pos_ == "VERB" and infinitive:
            return child
    return verb


def event_noun(token: Token) -> Token | None:
    """The noun a time expression dates when it modifies one: "the 1987 accord",
    "Monday's meeting", "a strike on the tanker in Kuwaiti waters on Friday" (strike:
    nouns that are only places or objects of a preposition are climbed over)."""
    nominal = {"NOUN", "PROPN"}
    modifiers = {"nummod", "compound", "amod", "poss", "nmod"}
    if token.dep_ in modifiers and token.head.pos_ in nominal:
        return token.head
    if token.dep_ != "pobj" or token.head.dep_ != "prep" or token.head.head.pos_ != "NOUN":
        return None
    noun = token.head.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in nominal:
        noun = noun.head.head
    return noun if noun.pos_ == "NOUN" else None


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"}}


def is_reported(verb: Token, lexicon: TimeLexicon) -> bool:
    """A clause that reports what someone said or expects ("said Berg would go")."""
    return verb.dep_ in {"ccomp", "xcomp", "advcl"} and verb.head.lemma_.lower() in (
        lexicon.reporting_verbs | lexicon.belief_verbs
    )


def _planned(verb: Token, lexicon: TimeLexicon) -> bool:
    """An infinitive governed by a scheduling word, "be to" or "going to": "scheduled
    to end", "is to meet", "due to meet", "is going to sign"."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ not in {"xcomp", "ccomp", "advcl", "acl"} or head.i == verb.i:
        return False
    if head.lemma_.lower() in lexicon.scheduling or head.lemma_ == "be" and verb.dep_ == "xcomp":
        return True
    return head.lemma_ == "go" and head.tag_ == "VBG"


def clause_tense(token: Token, lexicon: TimeLexicon) -> str:
    """`future`, `past` or `present` for the clause a time expression hangs from: the
    direction a bare weekday or month is resolved in."""
    head = token.head.head if token.head.dep_ == "prep" else token.head
    if head.lower_ in lexicon.ahead_heads or token.head.lower_ in lexicon.ahead_heads:
        return "future"  # "effective June 24", "the talks scheduled for Wednesday"
    verb = governor(token)
    if token.head.lower_ in {"until", "till"} and verb.lemma_.lower() in lexicon.deferral_verbs:
        return "future"  # "the judge adjourned the hearing until Monday"
    if verb.lemma_.lower() in lexicon.planning_verbs:
        return "future"  # "has scheduled a press conference for Monday"
    return _verb_tense(verb, lexicon)


def _verb_tense(verb: Token, lexicon: TimeLexicon) -> str:
    auxes = _aux_words(verb)
    modals = {c.lower_ for c in verb.children if c.tag_ == "MD"}
    perfect_modal = modals and "have" in auxes and verb.tag_ == "VBN"
    if auxes & lexicon.future_auxiliaries or _planned(verb, lexicon):
        return "future"
    if "to" in auxes and (verb.dep_ in {"acl", "relcl"} or "be" in auxes and verb.dep_ == "advcl"):
        return "future"  # "a request to reconvene talks tonight", "to be opened Thursday"
    if modals and not perfect_modal:  # could meet, would go, may decide: ahead
        return "future"
    if perfect_modal:
        return "past"
    if verb.dep_ in {"xcomp", "ccomp", "advcl"} and verb.head.lemma_.lower() in lexicon.scheduling:
        return "future"
    for candidate in [verb, *[c for c in verb.children if c.dep_ in {"aux", "auxpass"}]]:
        if "Past" in candidate.morph.get("Tense") and candidate.tag_ != "VBN":
            return "past"
    if "have" in {c.lemma_ for c in verb.children if c.dep_ == "aux"}:
        return "past"  # present perfect: "has said"
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl", "ROOT", "conj"}:
        return "past"  # reduced relative: "the accord signed in 1987"
    # a bare participle ("ending March 31", "rising to 20,000 by 1990") is not anchored
    # in time by the clause it hangs from: resolve to the nearer date
    return "present"


# ------------------------------------------------------------------------- finding


def _is_quantity(doc: Doc, start: int, end: int, lexicon: TimeLexicon) -> bool:
    """A four-digit number that counts or labels something rather than naming a year:
    "2000 missiles", "1900 GMT", "some 1990", "Resolution 2000"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    number = span[-1]
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if before is not None and before.lower_ in lexicon.year_prepositions:
        return False
    if len(span) > 1:  # "mid-1983", "early 1990"
        return False
    if before is not None and before.lower_ in lexicon.quantity_before:
        return True
    if before is not None and before.dep_ == "quantmod":
        return True
    unit = re.match(r"[^\W\d_]+|%", after.lower_) if after is not None else None
    if unit and unit.group(0) in lexicon.quantity_words:  # "1900 GMT", "2000 EST/0100"
        return True
    if after is None or after.lower_ in lexicon.dated_plurals:
        return False  # "the 1990 elections", "1986 earnings"
    # "2000 missiles": a number counting the plural noun after it
    return after.tag_ in {"NNS", "NNPS"} and (
        number.head.i == after.i or after.head.i == number.head.i
    )


NAMEABLE = frozenset({"weekday", "month", "month_day", "shifted_month", "deictic"})


def _inside_name(doc: Doc, start: int, end: int, lexicon: TimeLexicon) -> bool:
    """A calendar word that is (part of) a name: "the Sunday Herald", "Black Monday",
    "the October Revolution", a person called May."""
    return any(
        entity.label_.lower() in lexicon.name_labels
        and entity.start_char <= start
        and end <= entity.end_char
        for entity in doc.ents
    )


def _is_duration(text: str, start: int, kind: str, groups: dict[str, str | None]) -> bool:
    """ "the past year", "the last decade", "the next few weeks": a stretch of time
    counted back or ahead, not a calendar unit."""
    if kind != "shifted_unit" or groups.get("part"):
        return False
    if (groups.get("shift") or "").lower() not in {"last", "past", "next"}:
        return False
    return re.search(r"\b(?i:the)\s+$", text[:start]) is not None


def iter_timex(article: Article, item: ParsedBlock, lexicon: TimeLexicon) -> Iterator[Timex]:
    """Time expressions of one block; where patterns overlap, the earlier pattern in
    `PATTERNS` (the more specific) wins."""
    text = doc_text(item.doc)
    taken: list[tuple[int, int]] = []
    cued: dict[re.Pattern[str], bool] = {}  # cue -> found in this block
    for kind, pattern in PATTERNS:
        cue = CUES[kind]
        if cue not in cued:
            cued[cue] = cue.search(text) is not None
        if not cued[cue]:
            continue
        for match in pattern.finditer(text):
            groups = match.groupdict()
            # a preposition that only anchors the pattern is not part of the expression
            start, end = match.span("expression" if groups.get("expression") else 0)
            if any(start < e and s < end for s, e in taken):
                continue
            if kind == "year" and _is_quantity(item.doc, start, end, lexicon):
                continue
            if kind in NAMEABLE and _inside_name(item.doc, start, end, lexicon):
                continue
            if _is_duration(text, start, kind, groups):
                continue
            token = token_at(item.doc, start, end)
            tense = _resolution_tense(token, lexicon) if token is not None else "present"
            value, granularity, relative = normalise(kind, groups, article.published, tense)
            taken.append((start, end))
            base = item.block.start
            yield Timex(
                start=base + start,
                end=base + end,
                text=article.text[base + start : base + end],
                value=value,
                granularity=granularity,
                relative=relative,
                tense=tense,
            )


def _resolution_tense(token: Token, lexicon: TimeLexicon) -> str:
    """The tense that resolves an expression: its verb's, except where it dates a noun
    ("Monday's meeting"): a future or reporting verb around a noun does not fix its
    time (nearest date), a past one does ("had a deficit on Friday")."""
    tense = clause_tense(token, lexicon)
    if event_noun(token) is None:
        return tense
    verb = governor(token)
    if verb.lemma_.lower() in lexicon.planning_verbs:
        return "future"
    if tense == "past" and verb.lemma_.lower() not in lexicon.reporting_verbs:
        return "past"
    return "present"


def extract_timex(context: ArticleContext) -> pd.DataFrame:
    """The `timex` table (`timex_columns`) as a DataFrame."""
    return columns_frame("timex", timex_columns(context))


def timex_columns(context: ArticleContext) -> Columns:
    """The `timex` table: one row a temporal expression, in text order."""
    article, parsed, lexicon = context.article, context.parsed, context.resources.time
    found = sorted(
        (t for item in parsed for t in iter_timex(article, item, lexicon)),
        key=lambda t: (t.start, t.end),
    )
    rows = [
        {
            "article_id": article.article_id,
            "timex_id": f"t{i}",
            "sentence_id": context.sentence_at(t.start),
            "start": t.start,
            "end": t.end,
            "text": t.text,
            "value": t.value,
            "granularity": t.granularity,
            "relative": t.relative,
            "tense": t.tense,
        }
        for i, t in enumerate(found, start=1)
    ]
    return column_lists("timex", rows)


def resolution_note(published: str | dt.date | None, timex: pd.DataFrame) -> str:
    """One line for the reader: the date relative expressions were resolved against, or
    a warning naming those left unresolved because the publication date is unknown."""
    if published:
        return f"Relative dates are resolved against the publication date, {published}."
    unresolved = timex[timex["relative"].astype(bool) & (timex["value"] == "")]
    if unresolved.empty:
        return "The publication date is unknown; no expression here needed it."
    shown = ", ".join(f"'{t}'" for t in unresolved["text"].head(5))
    return (
        f"Warning: the publication date is unknown, so {len(unresolved)} relative "
        f"expression(s) ({shown}) stay unresolved. Give it with PUBLISHED or a sidecar."
    )
