"""Contested claims: where the article itself sets a statement against other evidence.

Found from the text's own markers of contrast (data/lexicons/contrast.yml), never from
a list of claims: a contrast verb whose subject is someone's words ("X's remarks
contrast with the specifications ..."), a contrast phrase ("at odds with"), or a
sentence opening with "But"/"However" right after someone else's statement. The claim
is the statement the marker points back to (a row of the quotes table); the counter is
the marked sentence and the rest of its paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd
from spacy.tokens import Span

from newsbook.lexicons import ContrastLexicon
from newsbook.schema import Columns, column_lists, column_rows, columns_frame
from newsbook.stages.context import ArticleContext, MentionIndex
from newsbook.text.article import Article
from newsbook.text.nlp import ParsedBlock, doc_text, parsed_sentences


@dataclass(frozen=True)
class Marker:
    text: str
    whose: str  # entity id of the words contrasted ("X's remarks"), or ""
    kind: str  # verb | phrase | opener


def find_marker(
    sentence: Span, lexicon: ContrastLexicon, mentions: MentionIndex, base: int
) -> Marker | None:
    """The sentence's marker of contrast, if it has one."""
    first = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    for token in sentence:
        # the parser sometimes reads "remarks contrast with" as a noun compound: a contrast
        # word heading the sentence is taken as the verb it is
        if token.lemma_.lower() in lexicon.verbs and (token.pos_ == "VERB" or token.dep_ == "ROOT"):
            words = [
                c
                for c in token.children
                if c.dep_ in {"nsubj", "compound"} and c.lemma_.lower() in lexicon.statement_nouns
            ]
            owners = [g for w in [token, *words] for g in w.children if g.dep_ == "poss"]
            whose = ""
            if owners:
                start = base + owners[0].idx
                whose = mentions.at(start, start + len(owners[0]))
            if words or owners:
                return Marker(token.text, whose, "verb")
    lowered = doc_text(sentence.doc)[sentence.start_char : sentence.end_char].lower()
    for phrase in lexicon.phrases:
        if phrase in lowered:
            return Marker(phrase, "", "phrase")
    if first is not None and first.lower_ in lexicon.openers:
        return Marker(first.text, "", "opener")
    return None


def _counter_span(sentences: Columns, sentence_id: int) -> tuple[int, int]:
    """The marked sentence to the end of its paragraph: the evidence set against the claim."""
    rows = column_rows(sentences)
    row = next(r for r in rows if r.sentence_id == sentence_id)
    same = (r for r in rows if r.paragraph_id == row.paragraph_id and r.sentence_id >= sentence_id)
    return int(row.start), int(max(r.end for r in same))


def _claimed(quotes: list[Any], sentence_id: int, marker: Marker) -> Any | None:
    """The statement (a row of the quotes table) a marker points back to."""
    earlier = [q for q in quotes if q.sentence_id < sentence_id]
    if marker.kind == "opener":
        earlier = [q for q in earlier if q.sentence_id == sentence_id - 1]
        same_sentence = [q for q in quotes if q.sentence_id == sentence_id]
        if earlier and {q.speaker for q in same_sentence} & {q.speaker for q in earlier}:
            return None  # the same speaker going on ("But, he said, ...") contests nothing
    if marker.whose:
        own = [q for q in earlier if q.speaker_id == marker.whose]
        earlier = own or earlier
    if not earlier:
        return None
    direct = [q for q in earlier if q.kind == "direct"]
    return (direct if direct and marker.whose else earlier)[-1]


def iter_claims(
    article: Article,
    parsed: list[ParsedBlock],
    sentences: Columns,
    quotes: list[Any],
    mentions: MentionIndex,
    lexicon: ContrastLexicon,
) -> Iterator[dict]:
    for item, sent, row in parsed_sentences(parsed, sentences):
        if item.block.section != "body":
            continue
        marker = find_marker(sent, lexicon, mentions, item.block.start)
        if marker is None:
            continue
        claim = _claimed(quotes, int(row.sentence_id), marker)
        if claim is None:
            continue
        counter_start, counter_end = _counter_span(sentences, int(row.sentence_id))
        yield {
            "article_id": article.article_id,
            "quote_id": claim.quote_id,
            "sentence_id": int(claim.sentence_id),
            "start": int(claim.start),
            "end": int(claim.end),
            "text": claim.text,
            "speaker_id": claim.speaker_id,
            "speaker": claim.speaker,
            "marker": marker.text,
            "counter_sentence_id": int(row.sentence_id),
            "counter_start": counter_start,
            "counter_end": counter_end,
            "counter_text": article.text[counter_start:counter_end],
        }


def extract_claims(context: ArticleContext) -> pd.DataFrame:
    """The `claims` table (`claims_columns`) as a DataFrame."""
    return columns_frame("claims", claims_columns(context))


def claims_columns(context: ArticleContext) -> Columns:
    """The `claims` table: statements the article contests, with the counter-evidence."""
    rows = list(
        iter_claims(
            context.article,
            context.parsed,
            context.sentences,
            context.rows("quotes"),
            context.mention_index,
            context.resources.contrast,
        )
    )
    for i, row in enumerate(rows, start=1):
        row["claim_id"] = f"c{i}"
    return column_lists("claims", rows)
