"""Whose voice an article is written in: an opinion piece's writer, or the publication.

On an opinion page, a column or an editorial, the stances stated outside quotation
marks are the writer's: the person a byline or the sidecar's `author` names, or, for an
unsigned piece, the publication (the sidecar's `source`). Whether a text is commentary
is read from its content: a named writer, the first person outside quotations, or a
density of evaluative words no wire report has. An unsigned piece's publication is added
to the entities (an ORG the text may never name) so that it can hold its stances.
"""

from __future__ import annotations

import re

import pandas as pd

from newsbook.schema import Columns, columns_frame
from newsbook.stages.context import ArticleContext, SpanIndex

# Uses of "I", "we", "our" outside quotation marks that make a text the writer's own
# (one may be a headline's or a stray quotation's; an editorial's "we" recurs).
FIRST_PERSON_MIN = 3
# Evaluative words outside quotation marks, per sentence and in all, that only opinion
# and analysis reach (the dev gold's wire stories stay at or under 0.14 a sentence).
EVALUATIVE_DENSITY = 0.2
# An unsigned text also needs this many in all: a two-line wire item with one judging
# word reaches the density. A signed one needs only the density (a byline alone does not
# tell: reports are signed as often as columns are).
EVALUATIVE_MIN = 5
# How far into the text a byline line may stand (after a headline and a deck).
BYLINE_REACH = 600
# "Should", "must", "ought" outside quotations and reported speech: what someone ought
# to do, in the text's own voice. News leaves that to the people it quotes (no dev report
# or wire story has more than two); a column arguing a case says it again and again.
PRESCRIPTIONS_MIN = 3
# A column's closing line about its writer is short.
TAGLINE_WORDS = 40
# What a byline can name: a person, or a body ("By the Editorial Board").
WRITER_TYPES = frozenset({"PERSON", "ORG"})


def byline_names(context: ArticleContext) -> list[str]:
    """The writer the sidecar (`author`), a byline line ("By Jane Doe") or a column's
    closing line about its writer ("Jane Doe is a retired grocer and writes ...") names."""
    article, lexicon = context.article, context.resources.stance
    names = [article.author] if article.author else []
    if lexicon.byline is not None:
        names += [m.group("name") for m in lexicon.byline.finditer(article.text[:BYLINE_REACH])]
    tagline = _tagline(context)
    if tagline and lexicon.tagline_name is not None:
        names += [m.group("name") for m in [lexicon.tagline_name.match(tagline)] if m]
    return names


def reads_as_commentary(context: ArticleContext) -> bool:
    """Whether the text speaks in its own voice: the first person outside quotations,
    evaluative words at a density news reports do not reach, prescriptions in its own
    voice, or a closing line about its writer."""
    lexicon, quotes = context.resources.stance, context.table("quotes")
    quoted = SpanIndex([(s, e, "") for s, e in zip(quotes["start"], quotes["end"], strict=True)])
    first_person = evaluative = prescriptions = sentences = 0
    for item, sent, _row in context.sentence_parses:
        sentences += 1
        for token in sent:
            offset = item.block.start + token.idx
            if quoted.holding(offset):
                continue
            first_person += token.lower_ in lexicon.first_person
            evaluative += lexicon.is_evaluative(token)
            prescriptions += token.tag_ == "MD" and token.lower_ in lexicon.obligation
    writers = byline_names(context)
    least = 1 if writers else EVALUATIVE_MIN
    dense = evaluative >= least and evaluative >= EVALUATIVE_DENSITY * max(sentences, 1)
    return (
        first_person >= FIRST_PERSON_MIN
        or dense
        or prescriptions >= PRESCRIPTIONS_MIN
        or _closes_with_tagline(context, writers)
    )


def _closes_with_tagline(context: ArticleContext, writers: list[str]) -> bool:
    """Whether the last paragraph is a column's line about its writer (`_tagline`) that
    opens with the writer's name."""
    text = re.sub(r"^[\W_]+", "", _tagline(context))  # past a dash or an italic mark
    return bool(text) and any(
        text.startswith(name) or text.startswith(name.split()[-1]) for name in writers
    )


def _tagline(context: ArticleContext) -> str:
    """The last paragraph of the body when it reads as a column's line about its writer:
    short and holding a tagline word ("... is a former engineer and writes a weekly
    column"); else ""."""
    paragraphs = [p for p in context.sentence_parses if p[0].block.section == "body"]
    if not paragraphs:
        return ""
    last = paragraphs[-1][0]
    words = [t for t in last.doc if not t.is_space]
    if len(words) > TAGLINE_WORDS or not any(
        t.lower_ in context.resources.stance.tagline for t in words
    ):
        return ""
    return last.doc.text.strip()


def publication_id(source: str) -> str:
    """The entity id of a writer or publication ("The Daily Planet" -> "the-daily-planet")."""
    return "-".join("".join(c if c.isalnum() else " " for c in source.lower()).split())


def add_writer(context: ArticleContext) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `mentions` and `entities` tables (`writer_columns`) as DataFrames."""
    mentions, entities = writer_columns(context)
    return columns_frame("mentions", mentions), columns_frame("entities", entities)


def writer_columns(context: ArticleContext) -> tuple[Columns, Columns]:
    """The mentions and entities, with the one an opinion piece speaks for among them.
    A signed piece's writer, as a byline, the sidecar or a closing line names them, is a
    PERSON: added when the text names them nowhere else, retyped (with their mentions)
    where the tagger took the name for something else ("By Ada Nwosu" read as a
    nationality). An unsigned piece's publication (its `source`) is added as an ORG
    unless the text already names it."""
    mentions, entities = context.table("mentions"), context.table("entities")
    if not reads_as_commentary(context):
        return mentions, entities
    writers = byline_names(context)
    if writers:
        return _with_writer(context, " ".join(writers[0].split()))
    source = " ".join(context.article.source.split())
    names = {str(n).casefold() for n in entities["name"]}
    if not source or source.casefold() in names or publication_id(source) in entities["entity_id"]:
        return mentions, entities
    return mentions, _added(context, entities, source, "ORG", "publication")


def _with_writer(context: ArticleContext, writer: str) -> tuple[Columns, Columns]:
    mentions, entities = context.table("mentions"), context.table("entities")
    wanted = writer.casefold()
    named = [
        str(entity_id)
        for entity_id, name, aliases in zip(
            entities["entity_id"], entities["name"], entities["aliases"], strict=True
        )
        if wanted in {str(name).casefold(), *(a.casefold() for a in str(aliases).split(" | "))}
    ]
    if not named:
        # "Editorial Board", "Staff of the Gazette": a body signs too
        body = writer.split()[-1].casefold() in context.resources.speech.institutions
        return mentions, _added(context, entities, writer, "ORG" if body else "PERSON", "")
    return _retyped(mentions, named[0]), _retyped(entities, named[0])


def _retyped(table: Columns, entity_id: str) -> Columns:
    """The table with the entity's rows typed PERSON unless typed PERSON or ORG (a byline
    names a person, or a body: "By the Editorial Board")."""
    kinds = [
        "PERSON" if str(e) == entity_id and kind not in WRITER_TYPES else kind
        for e, kind in zip(table["entity_id"], table["type"], strict=True)
    ]
    return {**table, "type": kinds}


def _added(context: ArticleContext, entities: Columns, name: str, kind: str, role: str) -> Columns:
    """The entities with one the text does not name (no mention) added."""
    row = {
        "article_id": context.article.article_id,
        "entity_id": publication_id(name),
        "name": name,
        "type": kind,
        "aliases": "",
        "role": role,
        "affiliation": "",
        "n_mentions": 0,
        "first_start": -1,
        "first_sentence_id": -1,
    }
    return {column: [*values, row[column]] for column, values in entities.items()}
