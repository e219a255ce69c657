"""The `quotes` table (`quotes_columns`): every paragraph's statements, then what the
article as a whole tells of them: a source named after it was described, a lede's source
named in the next paragraph, a headline's source the lede names, a speaker's words going
on between two statements (`continued`); then ids and sentences. And two views of the
table for the chapter (`speakers_summary`, `with_sentences`).
"""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Span

from newsbook.lexicons import hyphenated_lemma
from newsbook.schema import Columns, column_lists, column_rows, columns_frame
from newsbook.stages.context import ArticleContext, MentionIndex
from newsbook.stages.quotes.cues import SUBJECT_DEPS
from newsbook.stages.quotes.marks import OPENING
from newsbook.stages.quotes.rows import _row_text
from newsbook.stages.quotes.speakers import SpeakerResolver
from newsbook.stages.quotes.statements import iter_quotes
from newsbook.text.layout import Block
from newsbook.text.nlp import ParsedBlock

NAMING_PARAGRAPHS = 2  # a lede's source is named in one of the next two paragraphs, or not


def later_names(parsed: list[ParsedBlock], resolver: SpeakerResolver) -> list[tuple[int, str, str]]:
    """Where the article names a source it described before: "the official, Assistant
    Minister Anna Berg, ..." gives (offset, "official", entity id); so with a role one
    person holds ("the minister of labour said ...", then "The minister, Anna Berg,"),
    or any description ("the group's lawyer said ...", then "the lawyer, Anna Berg,")."""
    described = resolver.lexicon.anonymous | resolver.lexicon.headline_roles
    found = []
    for item in parsed:
        base = item.block.start
        for token in item.doc:
            common = token.head.pos_ == "NOUN" or token.head.lemma_.lower() in described
            if token.dep_ != "appos" or not common:
                continue
            determiners = [c for c in token.head.children if c.dep_ == "det"]
            if not determiners or determiners[0].lower_ not in {"the", "this", "that"}:
                continue
            start = base + token.left_edge.idx
            end = base + token.right_edge.idx + len(token.right_edge)
            entity_id = resolver.entity_in(start, end, types={"PERSON"})
            if entity_id:
                found.append((base + token.idx, hyphenated_lemma(token.head), entity_id))
    return found


def extract_quotes(context: ArticleContext) -> pd.DataFrame:
    """The `quotes` table (`quotes_columns`) as a DataFrame."""
    return columns_frame("quotes", quotes_columns(context))


def quotes_columns(context: ArticleContext) -> Columns:
    """The `quotes` table: direct and reported statements in text order."""
    article, parsed, lexicon = context.article, context.parsed, context.resources.speech
    resolver = SpeakerResolver(context)
    blocks = list(parsed)
    rows = [
        row
        for index in range(len(blocks))
        for row in iter_quotes(article, blocks, index, resolver, lexicon)
    ]
    for offset, head, entity_id in later_names(parsed, resolver):
        for row in rows:
            if row["start"] < offset and not row["speaker_id"] and row["speaker_head"] == head:
                row["speaker_id"], row["speaker"] = entity_id, resolver.names[entity_id]
    _lede_source_named_next(rows, context, resolver)
    rows = _headline_source_from_lede(rows, parsed, resolver)
    rows += _continued(rows, context)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    for i, row in enumerate(rows, start=1):
        row["quote_id"] = f"q{i}"
        row["sentence_id"] = context.sentence_at(row["start"])
    return column_lists("quotes", rows)


def _lede_source_named_next(
    rows: list[dict], context: ArticleContext, resolver: SpeakerResolver
) -> None:
    """ "The head of a state panel said ...", then "Anna Berg, chairman of the panel, told
    ...": a lede that describes its source by a role leaves the name to the next
    paragraph, whose first statement is by a person first named there. So with an
    organisation ("A steel mill closed, saying ...", then "The closure of Norland Steel
    ..., the company said"), which the lede may leave indefinite: an organisation first
    named there."""
    body = [item.block for item in context.parsed if item.block.section == "body"]
    if len(body) < 2:
        return
    described = _first_statement(rows, body[0])
    # the next paragraph that quotes anyone ("The chairman of the committee said ...",
    # a paragraph of background, then "Committee chairman Jo Berg said ...")
    following = (_first_statement(rows, block) for block in body[1 : 1 + NAMING_PARAGRAPHS])
    naming = next((row for row in following if row is not None), None)
    if described is None or naming is None or described["speaker_id"]:
        return
    lexicon, role, phrase = resolver.lexicon, described["speaker_head"], described["speaker"]
    organisation = role in lexicon.bodies
    determiners = {"the", "a", "an"} if organisation else {"the"}
    if resolver.roles.get(naming["speaker_id"], "").endswith(role):
        determiners = {"the", "a", "an"}  # "a company spokesman", then "spokesman Jo Berg"
    entities = context.table("entities")
    first_named = dict(zip(entities["entity_id"], entities["first_start"], strict=True))
    opening = phrase.split()[0].lower()
    possessive = opening.endswith(("'s", "’s"))  # "Norland's foreign minister said ..."
    if (
        (opening in determiners or possessive)
        and (
            organisation
            or role in lexicon.headline_roles | lexicon.anonymous | resolver.title_heads
        )
        and not phrase.lower().endswith(role + "s")  # one, not several
        and resolver.types.get(naming["speaker_id"]) == ("ORG" if organisation else "PERSON")
        and int(first_named[naming["speaker_id"]]) >= body[1].start
    ):
        described["speaker_id"] = naming["speaker_id"]
        described["speaker"] = naming["speaker"]


def _first_statement(rows: list[dict], block: Block) -> dict | None:
    """The statement that comes first in a paragraph, or None."""
    inside = (r for r in rows if block.start <= r["start"] < block.end)
    return min(inside, key=lambda r: r["start"], default=None)


def _headline_source_from_lede(
    rows: list[dict], parsed: list[ParsedBlock], resolver: SpeakerResolver
) -> list[dict]:
    """ "NORLAND LEADER VOWS ...", "MINISTRY OFFICIAL SAYS ...": a headline source described
    by a role, or one unnamed source, is the one the lede (the first body paragraph) names
    as its first speaker, a person or an organisation; one described as an organisation
    ("LABOUR GROUP SAYS ...", "NORLAND BANK SAYS ...") is the organisation the lede names
    so, never a person. A role the lede leaves unnamed is no source the reader can tell:
    that headline statement is left out."""
    blocks = [item.block for item in parsed]
    headline = next((b for b in blocks if b.section == "headline"), None)
    lede = next((b for b in blocks if b.section == "body"), None)
    if headline is None or lede is None:
        return rows
    lexicon = resolver.lexicon
    first = _first_statement(rows, lede)
    named = first["speaker_id"] if first is not None else ""
    if resolver.types.get(named) not in {"PERSON", "ORG"}:
        named = ""
    organisations = lexicon.bodies
    kept = []
    for row in rows:
        described = (
            headline.start <= row["start"] < headline.end
            and not row["speaker_id"]
            and row["speaker"].lower().endswith(row["speaker_head"])  # one, not several
            and row["speaker_head"] in lexicon.headline_roles | lexicon.anonymous | organisations
        )
        if row["speaker_head"] in organisations and resolver.types.get(named) != "ORG":
            described = False  # "NORLAND BANK SAYS ...", then its governor: not the bank
        if described and named:
            row["speaker_id"], row["speaker"] = named, resolver.names[named]
        elif described and row["speaker_head"] in lexicon.headline_roles:
            continue
        kept.append(row)
    return kept


def _continued(rows: list[dict], context: ArticleContext) -> list[dict]:
    """A sentence with no cue between two statements of the same speaker, where the one
    after opens its sentence in the same paragraph and is attributed at its end ("X said
    A. B. "C," he said."): the speaker's words going on, reported (status `continued`).
    Background the writer puts between two statements is not so framed: it stands in a
    paragraph of its own, or the next statement opens with its attribution."""
    sentences = {s.sentence_id: s for s in column_rows(context.sentences)}
    told_of = {
        row.sentence_id
        for item, sent, row in context.sentence_parses
        if _names_its_subject(sent, item.block.start, context.mention_index)
    }
    holding: dict[int, list[dict]] = {}
    opening: dict[int, dict] = {}  # a statement opening its sentence (or its mark)
    for row in rows:
        sentence_id = context.sentence_at(row["start"])
        holding.setdefault(sentence_id, []).append(row)
        if sentence_id in sentences and 0 <= row["start"] - sentences[sentence_id].start <= 1:
            opening[sentence_id] = row
    found = []
    for sentence_id, here in sentences.items():
        after, next_row = sentences.get(sentence_id + 1), opening.get(sentence_id + 1)
        if (
            after is None
            or next_row is None
            or sentence_id in holding
            or here.section != "body"
            or here.paragraph_id != after.paragraph_id
            or sentence_id in told_of  # "Berg defended the plan.": the writer tells of Berg
            or not next_row["speaker_id"]
            or not next_row["cue"]  # the next statement names its speaker through a cue
            or all(
                r["speaker_id"] != next_row["speaker_id"] for r in holding.get(sentence_id - 1, [])
            )
        ):
            continue
        sentence = str(here.text).rstrip()
        if sentence[-1:] == "?" or any(m in sentence for m in (*OPENING, *OPENING.values())):
            continue  # a question, or words quoted from someone
        start = int(here.start)
        end = start + len(context.article.text[start : int(here.end)].rstrip().rstrip("."))
        found.append(
            {
                **_row_text(context.article, 0, start, end),
                "kind": "reported",
                "speaker_id": next_row["speaker_id"],
                "speaker": next_row["speaker"],
                "speaker_head": next_row["speaker_head"],
                "cue": "",
                "status": "continued",
            }
        )
    return found


def _names_its_subject(sentence: Span, base: int, mentions: MentionIndex) -> bool:
    """Whether a sentence's subject is a person's name ("Anna Berg went further", "the
    chairman, Anna Berg, went further") and it reports no clause: a sentence telling of
    someone by name in the third person is the writer's, not anyone's words going on."""
    if any(t.dep_ == "mark" and t.lower_ == "that" for t in sentence):
        return False  # "Berg echoed the view that ...": words of Berg's all the same
    subjects = [c for c in sentence.root.children if c.dep_ in SUBJECT_DEPS]
    return any(
        mentions.at(base + t.idx, base + t.idx + len(t), types={"PERSON"})
        for subject in subjects
        for t in [subject, *(c for c in subject.children if c.dep_ == "appos")]
    )


def speakers_summary(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row a speaker: how many direct and reported statements, with which cues."""
    named = quotes.assign(who=quotes["speaker"].where(quotes["speaker"] != "", "(no source)"))
    summary = (
        named.groupby(["who", "speaker_id"], sort=False)
        .agg(
            direct=("kind", lambda k: int((k == "direct").sum())),
            reported=("kind", lambda k: int((k == "reported").sum())),
            cues=("cue", lambda c: ", ".join(dict.fromkeys(x for x in c if x))),
            first_quote=("quote_id", "first"),
        )
        .reset_index()
        .rename(columns={"who": "speaker"})
    )
    summary["statements"] = summary["direct"] + summary["reported"]
    return summary.sort_values(["statements", "speaker"], ascending=[False, True]).reset_index(
        drop=True
    )


def with_sentences(table: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Rows with the full sentence they came from, for a reader to check them."""
    return table.merge(
        sentences[["sentence_id", "text"]].rename(columns={"text": "sentence"}),
        on="sentence_id",
        how="left",
    )
