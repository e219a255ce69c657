"""Who speaks each statement beyond the one speaker the quotes table names:
each member of a numbered group ("two ministers said") the next sentences name, each actor
a speaker's phrase names as a whole ("the sponsors, X and Y"); and the speakers of each
sentence."""

from __future__ import annotations

import re

from newsbook.schema import Columns, columns_frame
from newsbook.stages.context import ArticleContext, SpanIndex
from newsbook.stages.positions.holders import ActorFinder, _coordinated, _described_by_place


def _speakers_by_sentence(
    statements: list[tuple[int, int, str]], sentences: Columns
) -> dict[int, list[str]]:
    spoken: dict[int, list[str]] = {}
    index = SpanIndex(statements)  # bisects: no scan of every statement per sentence
    for sentence_id, start, end in zip(
        *(sentences[c] for c in ("sentence_id", "start", "end")), strict=True
    ):
        spoken[int(sentence_id)] = index.starting_in(start, end)
    return spoken


GROUP = re.compile(r"^(?:the\s+)?(two|three|four|both)\s+(?:\w+\s+)?(\w+?)s$", re.IGNORECASE)


GROUP_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4}


def group_statements(
    quotes: Columns, mentions: Columns, entities: Columns
) -> list[tuple[int, int, str]]:
    """ "..., two ministers said." followed by "Defense Minister X and Foreign Minister Y
    ...": a statement by a numbered group whose members the next sentences name, each by
    a role with the group's noun, is each member's statement (for their stances; the
    quotes table keeps the group's phrase)."""
    unnamed = zip(quotes["speaker_id"], quotes["speaker"], strict=True)
    if not any(i == "" and GROUP.match(str(speaker)) for i, speaker in unnamed):
        return []  # the usual case, found without the table operations below
    quotes, mentions, entities = (
        columns_frame(name, table)
        for name, table in (("quotes", quotes), ("mentions", mentions), ("entities", entities))
    )
    roles = dict(zip(entities["entity_id"], entities["role"].str.lower(), strict=True))
    people = set(entities.loc[entities["type"] == "PERSON", "entity_id"])
    first = mentions[mentions["entity_id"].isin(people)].groupby("entity_id")["sentence_id"].min()
    found = []
    for row in quotes[quotes["speaker_id"] == ""].itertuples(index=False):
        match = GROUP.match(str(row.speaker))
        if not match:
            continue
        size, noun = GROUP_SIZES[match.group(1).lower()], match.group(2).lower()
        members = [
            entity_id
            for entity_id, sentence_id in first.items()
            if row.sentence_id <= sentence_id <= row.sentence_id + 2
            and noun in roles.get(entity_id, "")
        ]
        if len(members) == size:
            found += [(int(row.start), int(row.end), member) for member in members]
    return found


def phrase_statements(context: ArticleContext, finder: ActorFinder) -> list[tuple[int, int, str]]:
    """ "The bill's sponsors, Representatives X and Y, say ...", "a Norland spokeswoman
    said": a statement is each actor its speaker's phrase names as a whole (its head,
    what is coordinated or in apposition with it), not one it only mentions ("an aide
    to X"); the quotes table names one speaker at most."""
    quotes_by_sentence: dict[int, list] = {}  # grouped once: a mask per sentence cost more
    for quote in context.rows("quotes"):
        quotes_by_sentence.setdefault(quote.sentence_id, []).append(quote)
    found: list[tuple[int, int, str]] = []
    for item, sent, sentence in context.sentence_parses:
        base = item.block.start
        for row in quotes_by_sentence.get(sentence.sentence_id, []):
            words = str(row.speaker).split()
            if not words:
                continue
            pattern = r"\s+".join(re.escape(w) for w in words)
            for match in re.finditer(pattern, sent.text):
                start, end = sent.start_char + match.start(), sent.start_char + match.end()
                if base + start < row.end and row.start < base + end:
                    continue  # the words quoted, not who said them
                span = sent.doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                whole = span.root
                while whole.dep_ in {"conj", "appos"}:  # "sponsors, X and Y": from X
                    whole = whole.head
                named = finder.types.get(finder.token_entity(whole, base)) == "PERSON"
                actors = [
                    finder.token_entity(t, base)
                    for t in _coordinated(whole)
                    if not (named and _described_by_place(t, finder, base))
                ]
                found += [
                    (int(row.start), int(row.end), a)
                    for a in dict.fromkeys(actors)
                    if a and a != row.speaker_id
                ]
                break
    return found
