"""Stage 5, when: temporal expressions normalised against the publication date, and the
events they date.

News conventions: a bare weekday or a month-day in a past-tense clause is the latest
such day on or before publication; in a future or scheduled clause, the next one.
Durations ("nearly a decade") are not dates. Without a publication date, relative
expressions keep an empty value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc, Span, Token

from newsbook.article import Article
from newsbook.nlp import ParsedBlock, sentence_index, sentence_of

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
SHIFT = r"(?:(?P<shift>last|next|this|coming|past|later\s+this|earlier\s+this)\s+)"
YEAR = r"(?P<year>1[89]\d\d|20\d\d)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("full_date", re.compile(rf"\b{MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{YEAR}\b")),
    ("full_date_dmy", re.compile(rf"\b(?P<day>[0-3]?\d)\s+{MONTH}\s+{YEAR}\b")),
    ("month_year", re.compile(rf"\b(?:(?:early|mid|late)-?\s*)?{MONTH},?\s+(?:of\s+)?{YEAR}\b")),
    (
        "month_day",
        re.compile(rf"\b{MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d)"),
    ),
    ("weekday", re.compile(rf"\b{SHIFT}?{WEEKDAY}\b", re.IGNORECASE)),
    ("deictic", re.compile(r"\b(?P<deictic>today|tomorrow|yesterday|tonight)\b", re.IGNORECASE)),
    ("shifted_unit", re.compile(rf"\b{SHIFT}(?P<unit>week|month|year|decade)\b", re.IGNORECASE)),
    ("shifted_month", re.compile(rf"\b{SHIFT}{MONTH}\b", re.IGNORECASE)),
    ("decade", re.compile(r"\bthe\s+(?P<decade>1[89]\d0|20\d0)'?s\b", re.IGNORECASE)),
    (
        "year",
        re.compile(
            rf"\b(?:(?:early|mid|late)-?\s*)?{YEAR}\b(?![,.]?\d)(?!\s*(?:dlrs|mln|billion|tonnes|tons|troops|kilometers|km|miles|warheads|missiles|people|men|years))"
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?:in|since|by|until|during|from|through)\s+(?P<expression>(?:(?:early|mid|late)-?\s*)?{MONTH})(?!\s+\d)\b"
        ),
    ),
]
FUTURE_WORDS = frozenset(
    "will shall 'll wo scheduled schedule due expected expect plan plans planned planning "
    "set intend intends upcoming coming next".split()
)
HYPOTHETICAL_WORDS = frozenset("if would could might may unless should whether option".split())
TIMEX_COLUMNS = [
    "article_id",
    "timex_id",
    "sentence_id",
    "start",
    "end",
    "text",
    "value",
    "granularity",
    "relative",
    "tense",
]
EVENT_COLUMNS = [
    "article_id",
    "event_id",
    "date",
    "granularity",
    "timex_id",
    "predicate",
    "actors",
    "modality",
    "sentence_id",
    "evidence",
]


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str
    granularity: str
    relative: bool
    tense: str


def _governor(token: Token) -> Token:
    """The verb a time expression hangs from (or the root of its sentence)."""
    current = token
    for _ in range(12):
        if current.pos_ in {"VERB", "AUX"} and current.dep_ != "amod":
            return current
        if current.head is current:
            return current
        current = current.head
    return current


def clause_tense(token: Token) -> str:
    """`future`, `past` or `present` for the clause around a token."""
    verb = _governor(token)
    words = {t.lower_ for t in verb.children} | {verb.lower_, verb.lemma_}
    if (
        words & FUTURE_WORDS
        or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.lemma_ in {"plan", "schedule", "expect", "intend", "due", "set", "hope"}
    ):
        return "future"
    if verb.dep_ in {"xcomp", "ccomp", "advcl"} and verb.head.lemma_ in FUTURE_WORDS:
        return "future"
    for candidate in [verb, *[c for c in verb.children if c.dep_ in {"aux", "auxpass"}]]:
        if "Past" in candidate.morph.get("Tense"):
            return "past"
    if verb.tag_ == "VBG" and verb.head is not verb:
        return clause_tense(verb.head) if verb.head.i != verb.i else "present"
    return "present"


def _shift_weekday(published: dt.date, weekday: int, direction: str) -> dt.date:
    delta = (published.weekday() - weekday) % 7
    if direction in {"past", "nearest"} and delta <= 3 or direction == "past":
        return published - dt.timedelta(days=delta)
    return published + dt.timedelta(days=(weekday - published.weekday()) % 7)


def _month_day(published: dt.date, month: int, day: int, direction: str) -> dt.date | None:
    try:
        candidate = dt.date(published.year, month, day)
    except ValueError:
        return None
    if direction == "past" and candidate > published:
        return candidate.replace(year=published.year - 1)
    if direction == "future" and candidate < published:
        return candidate.replace(year=published.year + 1)
    if direction == "nearest" and abs((candidate - published).days) > 183:
        return candidate.replace(year=published.year + (1 if candidate < published else -1))
    return candidate


def normalise(
    kind: str, groups: dict[str, str | None], published: dt.date | None, tense: str
) -> tuple[str, str, bool]:
    """Value, granularity and whether the value depended on the publication date."""
    direction = {"future": "future", "past": "past"}.get(tense, "nearest")
    month = MONTHS.get((groups.get("month") or "").lower().rstrip("."))
    year = groups.get("year")
    shift = " ".join((groups.get("shift") or "").lower().split())
    if kind in {"full_date", "full_date_dmy"}:
        try:
            return dt.date(int(year), month, int(groups["day"])).isoformat(), "day", False
        except (ValueError, TypeError):
            return "", "day", False
    if kind == "month_year":
        return f"{year}-{month:02d}", "month", False
    if kind == "year":
        return str(year), "year", False
    if kind == "decade":
        return f"{groups['decade'][:3]}X", "decade", False
    if published is None:
        granularity = {
            "month_day": "day",
            "weekday": "day",
            "deictic": "day",
            "month": "month",
            "shifted_month": "month",
        }.get(kind, (groups.get("unit") or "day"))
        return "", granularity, True
    if kind == "month_day":
        day = _month_day(published, month, int(groups["day"]), direction)
        return (day.isoformat() if day else ""), "day", True
    if kind == "weekday":
        weekday = WEEKDAYS[groups["weekday"].lower()]
        if shift in {"next", "coming"}:
            direction = "future"
        elif shift in {"last", "past"}:
            direction = "past"
        day = _shift_weekday(published, weekday, direction)
        if shift in {"last", "past"} and day == published:
            day -= dt.timedelta(days=7)
        return day.isoformat(), "day", True
    if kind == "deictic":
        offset = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[
            groups["deictic"].lower()
        ]
        return (published + dt.timedelta(days=offset)).isoformat(), "day", True
    if kind == "shifted_unit":
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(shift, 0)
        unit = groups["unit"].lower()
        if unit == "week":
            iso = (published + dt.timedelta(weeks=step)).isocalendar()
            return f"{iso.year}-W{iso.week:02d}", "week", True
        if unit == "month":
            index = published.year * 12 + published.month - 1 + step
            return f"{index // 12}-{index % 12 + 1:02d}", "month", True
        if unit == "year":
            return str(published.year + step), "year", True
        return f"{str(published.year + 10 * step)[:3]}X", "decade", True
    if kind in {"shifted_month", "month"}:
        if shift in {"last", "past"}:
            direction = "past"
        elif shift in {"next", "coming"}:
            direction = "future"
        elif shift == "this":
            return f"{published.year}-{month:02d}", "month", True
        year_value = published.year
        if direction in {"past", "nearest"} and month > published.month:
            year_value -= 1
        if direction == "future" and month < published.month:
            year_value += 1
        if shift in {"last", "past"} and month == published.month:
            year_value -= 1
        if shift in {"next", "coming"} and month == published.month:
            year_value += 1
        return f"{year_value}-{month:02d}", "month", True
    return "", "day", False


def _token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def iter_timex(article: Article, item: ParsedBlock) -> Iterator[Timex]:
    """Time expressions of one block, longest first where patterns overlap."""
    text = item.doc.text
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            # a preposition that only anchors the pattern is not part of the expression
            groups = match.groupdict()
            start, end = match.span("expression" if groups.get("expression") else 0)
            if any(start < e and s < end for s, e in taken):
                continue
            token = _token_at(item.doc, start, end)
            tense = clause_tense(token) if token is not None else "present"
            value, granularity, relative = normalise(
                kind, match.groupdict(), article.published, tense
            )
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


def extract_timex(
    article: Article, parsed: list[ParsedBlock], sentences: pd.DataFrame
) -> pd.DataFrame:
    """The `timex` table: one row a temporal expression, in text order."""
    index = sentence_index(sentences)
    found = sorted(
        (t for item in parsed for t in iter_timex(article, item)), key=lambda t: (t.start, t.end)
    )
    rows = [
        {
            "article_id": article.article_id,
            "timex_id": f"t{i}",
            "sentence_id": sentence_of(index, t.start),
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
    return pd.DataFrame(rows, columns=TIMEX_COLUMNS)


def modality(verb: Token, tense: str, date: str, published: dt.date | None) -> str:
    """occurred, ongoing, scheduled or hypothetical, from the clause's own markers and
    whether the date lies after publication."""
    scope = [verb, *verb.children]
    words = {t.lower_ for t in scope}
    ancestors = {t.lower_ for t in verb.ancestors} | {t.lemma_ for t in verb.ancestors}
    if words & HYPOTHETICAL_WORDS or (ancestors & {"if", "unless", "option"}):
        return "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children):
        return "hypothetical"
    if tense == "future" or (published is not None and date > published.isoformat()[: len(date)]):
        return "scheduled"
    if verb.tag_ in {"VBG"} and any(c.lemma_ == "be" for c in verb.children):
        return "ongoing"
    if tense == "present" and verb.tag_ in {"VBZ", "VBP"} and verb.lemma_ != "be":
        return "ongoing"
    return "occurred"


def build_timeline(
    article: Article,
    parsed: list[ParsedBlock],
    timex: pd.DataFrame,
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
) -> pd.DataFrame:
    """The `events` table: each dated expression tied to the predicate it dates, the
    entities in that clause and the clause's modality."""
    names = dict(zip(entities["entity_id"], entities["name"], strict=True))
    rows = []
    for row in timex.itertuples(index=False):
        item = next((p for p in parsed if p.block.start <= row.start < p.block.end), None)
        if item is None:
            continue
        base = item.block.start
        token = _token_at(item.doc, row.start - base, row.end - base)
        if token is None:
            continue
        verb = _governor(token)
        clause = _clause(verb)
        clause_start, clause_end = base + clause.start_char, base + clause.end_char
        inside = mentions[
            (mentions["start"] >= clause_start)
            & (mentions["end"] <= clause_end)
            & (mentions["entity_id"] != "")
        ]
        actors = list(dict.fromkeys(names[e] for e in inside["entity_id"] if e in names))
        sentence = verb.sent
        rows.append(
            {
                "article_id": article.article_id,
                "event_id": f"e{len(rows) + 1}",
                "date": row.value,
                "granularity": row.granularity,
                "timex_id": row.timex_id,
                "predicate": verb.lemma_,
                "actors": " | ".join(actors),
                "modality": modality(verb, row.tense, row.value, article.published),
                "sentence_id": row.sentence_id,
                "evidence": " ".join(
                    article.text[base + sentence.start_char : base + sentence.end_char].split()
                ),
            }
        )
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def _clause(verb: Token) -> Span:
    tokens = [t for t in verb.subtree]
    return verb.doc[tokens[0].i : tokens[-1].i + 1]
