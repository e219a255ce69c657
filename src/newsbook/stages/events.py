"""Stage 6, the timeline: each dated expression tied to the event it dates (the verb
or event noun it hangs from), the entities taking part, and the event's modality
(occurred, ongoing, scheduled, hypothetical), judged from the clause's own markers and
where the date lies against publication. The judgement calls (hypothetical modals,
conditional markers, ongoing verbs) are data, in `data/lexicons/time.yml`.
"""

from __future__ import annotations

import bisect
import datetime as dt

import pandas as pd
from spacy.tokens import Token

from newsbook.lexicons import TimeLexicon
from newsbook.schema import Columns, column_lists, columns_frame
from newsbook.stages.context import ArticleContext, MentionIndex
from newsbook.stages.timex import (
    content_verb,
    date_interval,
    event_noun,
    governor,
    is_reported,
    relation_to,
    token_at,
)


def _conditional(verb: Token, lexicon: TimeLexicon) -> bool:
    """Inside a condition ("if the accord collapses in 2002"), or the consequence of
    one that a modal marks ("Norland would walk out ... if ...")."""
    for clause in [verb, *verb.ancestors]:
        if any(
            c.dep_ == "mark" and c.lower_ in lexicon.conditional_markers for c in clause.children
        ):
            return True
    modal = {c.lower_ for c in verb.children if c.tag_ == "MD"}
    return bool(modal) and any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in lexicon.conditional_markers for m in c.children)
        for c in verb.children
    )


def _hypothetical_modal(verb: Token, lexicon: TimeLexicon) -> bool:
    """A possibility modal on the verb (or on the verb whose infinitive it is): "may
    decide", "could see"; "would" only where it does not report a plan."""
    chain = [verb]
    while chain[-1].dep_ in {"xcomp", "ccomp"} and len(chain) < 6:
        chain.append(chain[-1].head)
    for clause in chain:
        modals = {c.lower_ for c in clause.children if c.tag_ == "MD"} & lexicon.hypothetical_modals
        if modals - {"would", "'d"}:
            return True
        if modals and not is_reported(clause, lexicon):
            return True
    return False


def _hypothetical_words(verb: Token, lexicon: TimeLexicon) -> bool:
    """ "One such option could see ...": a word of possibility as the clause's subject
    or adverb."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "advmod"}:
            words = {t.lemma_.lower() for t in child.subtree} | {child.lower_}
            if words & lexicon.hypothetical_words:
                return True
    return False


def _ongoing_aspect(verb: Token, lexicon: TimeLexicon) -> bool:
    """Progressive ("is holding talks") or continuing ("talks continue", "still")."""
    progressive = verb.tag_ == "VBG" and any(c.lemma_ == "be" for c in verb.children)
    return (
        progressive
        or verb.lemma_.lower() in lexicon.ongoing_verbs
        or any(c.dep_ == "advmod" and c.lower_ in lexicon.ongoing_adverbs for c in verb.children)
    )


def _since(token: Token) -> bool:
    """The expression opens a stretch that runs up to now ("since 1985")."""
    return token.head.lower_ == "since"


def modality(
    verb: Token,
    tense: str,
    date: str,
    published: dt.date | None,
    *,
    timex_token: Token | None = None,
    noun: Token | None = None,
    lexicon: TimeLexicon,
) -> str:
    """occurred, ongoing, scheduled or hypothetical, from the clause's own markers and
    where the date lies against publication.

    Hypothetical: inside a condition, the consequence of one, or under a possibility
    modal. Scheduled: a future or planned clause, or a date after publication.
    Ongoing: progressive or continuing, or present tense, at a date that holds
    publication. Occurred: the rest. A dated noun ("the 1987 accord") takes its
    modality from its modifiers and its date, not from the verb around it."""
    relation = relation_to(date, published)
    if noun is not None:
        modifiers = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"}}
        if modifiers & lexicon.hypothetical_modifiers:
            return "hypothetical"
        if relation == "after" or modifiers & lexicon.scheduled_modifiers and relation != "before":
            return "scheduled"
        return "ongoing" if relation == "now" and tense != "past" else "occurred"
    if _conditional(verb, lexicon) or _hypothetical_modal(verb, lexicon):
        return "hypothetical"
    if _hypothetical_words(verb, lexicon):
        return "hypothetical"
    if relation == "after" or tense == "future" and relation != "before":
        return "scheduled"
    if timex_token is not None and _since(timex_token):
        return "ongoing"
    if _ongoing_aspect(verb, lexicon) and relation in {"now", "unknown"}:
        return "ongoing"
    if tense == "present" and verb.tag_ in {"VBZ", "VBP"} and relation in {"now", "unknown"}:
        return "ongoing"
    return "occurred"


def build_timeline(context: ArticleContext) -> pd.DataFrame:
    """The `events` table (`timeline_columns`) as a DataFrame."""
    return columns_frame("events", timeline_columns(context))


def timeline_columns(context: ArticleContext) -> Columns:
    """The `events` table: each dated expression tied to the predicate it dates (a verb,
    or an event noun), the entities taking part and the modality."""
    article, parsed, lexicon = context.article, context.parsed, context.resources.time
    mentions, names = context.mention_index, context.entity_names
    rows = []
    starts = [p.block.start for p in parsed]  # parsed blocks are in text order
    for row in context.rows("timex"):
        at = bisect.bisect_right(starts, row.start) - 1
        item = parsed[at] if at >= 0 and row.start < parsed[at].block.end else None
        if item is None:
            continue
        base = item.block.start
        token = token_at(item.doc, row.start - base, row.end - base)
        if token is None:
            continue
        verb = governor(token)
        noun = event_noun(token)
        predicate = noun if noun is not None else content_verb(verb)
        # the entities of the dated noun phrase, else of the whole clause
        actors = _actors(noun, base, mentions, names) if noun is not None else []
        actors = actors or _actors(verb, base, mentions, names)
        sentence = verb.sent
        rows.append(
            {
                "article_id": article.article_id,
                "event_id": f"e{len(rows) + 1}",
                "date": row.value,
                "granularity": row.granularity,
                "timex_id": row.timex_id,
                "predicate": predicate.lemma_
                if predicate.pos_ == "PROPN"
                else predicate.lemma_.lower(),
                "actors": " | ".join(actors),
                "modality": modality(
                    verb,
                    row.tense,
                    row.value,
                    article.published,
                    timex_token=token,
                    noun=noun,
                    lexicon=lexicon,
                ),
                "sentence_id": row.sentence_id,
                **_evidence(article.text, base + sentence.start_char, base + sentence.end_char),
            }
        )
    return column_lists("events", rows)


def _evidence(text: str, start: int, end: int) -> dict:
    """The evidence sentence exactly as it stands in the text, with its offsets."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return {"evidence": text[start:end], "start": start, "end": end}


def _actors(head: Token, base: int, mentions: MentionIndex, names: dict[str, str]) -> list[str]:
    """Canonical names of the entities mentioned in a predicate's phrase, in text order."""
    tokens = list(head.subtree)
    start, end = base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1])
    inside = (entity_id for _, _, entity_id in mentions.within(start, end))
    return list(dict.fromkeys(names[e] for e in inside if e in names))


def timeline_frame(events: pd.DataFrame, published: str | dt.date | None = None) -> pd.DataFrame:
    """The dated events laid out for a timeline, earliest first: `start` and `end` (ISO
    days, `end` the day after the last one the date covers, so a month spans its
    month), a row `label`, and `when` (before, now, after publication, or unknown).
    Events without a resolved date are left out."""
    day = dt.date.fromisoformat(str(published)) if published else None
    events = events.drop(columns=["start", "end"], errors="ignore")  # text offsets: not times
    rows = []
    for row in events.to_dict("records"):
        span = date_interval(row["date"])
        if span is None:
            continue
        rows.append(
            {
                **row,
                "start": span[0].isoformat(),
                "end": (span[1] + dt.timedelta(days=1)).isoformat(),
                "label": f"{row['event_id']} {row['predicate']}",
                "when": relation_to(row["date"], day),
            }
        )
    columns = [*events.columns, "start", "end", "label", "when"]
    frame = pd.DataFrame(rows, columns=columns)
    order = frame.assign(_n=frame["event_id"].str.extract(r"(\d+)$", expand=False).astype(float))
    return frame.loc[order.sort_values(["start", "_n"]).index].reset_index(drop=True)


def past_and_ahead(events: pd.DataFrame, published: str | dt.date | None) -> pd.DataFrame:
    """How many events lie before, around ("now": their date holds the publication day)
    and after publication, by modality; `unknown` counts those with no resolved date
    or no publication date to place them against."""
    day = dt.date.fromisoformat(str(published)) if published else None
    when = pd.Categorical(
        [relation_to(d, day) for d in events["date"]],
        categories=["before", "now", "after", "unknown"],
    )
    modality = pd.Categorical(
        events["modality"], categories=["occurred", "ongoing", "scheduled", "hypothetical"]
    )
    table = pd.crosstab(when, modality, dropna=False)
    table.index.name, table.columns.name = "when", None
    return table.reset_index()
