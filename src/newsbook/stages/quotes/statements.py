"""One paragraph's statements in text order (`iter_quotes`): within each sentence the
quotations and cues as they come, then its "according to" phrases; a headline's by its
attribution conventions ("Source: statement", "SOURCE SAYS statement").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from newsbook.lexicons import SpeechLexicon, bare_forms
from newsbook.stages.quotes.clauses import _according_to
from newsbook.stages.quotes.cues import _is_cue, _is_cue_noun
from newsbook.stages.quotes.direct import _direct_statement, _unmarked_quotation
from newsbook.stages.quotes.marks import QuoteSpan, pair_quotes
from newsbook.stages.quotes.reported import QUOTED_SHARE, _reported_statement
from newsbook.stages.quotes.rows import Paragraph, _row, _row_text
from newsbook.stages.quotes.speakers import Speaker, SpeakerResolver
from newsbook.text.article import Article
from newsbook.text.nlp import (
    ParsedBlock,
    doc_text,
    word_before,
)

HEADLINE_DASH = re.compile(r"\s+[-\u2013\u2014]+\s+")
TOPIC_PREPOSITIONS = {"of", "on", "about", "over"}  # "warns of a shortfall": what it is about
# A headline's statement says something in three words or more ("Tariffs Will Hurt Us -
# Union"); one or two are a column's label ("ECONOMIC SPOTLIGHT - BANKAMERICA").
STATEMENT_WORDS = 3


def iter_quotes(
    article: Article,
    parsed: list[ParsedBlock],
    index: int,
    resolver: SpeakerResolver,
    lexicon: SpeechLexicon,
) -> Iterator[dict]:
    """The statements of one paragraph (`parsed[index]`), in text order: within a
    sentence a quotation and a cue are taken in the order they come, so that "he" is
    who spoke before it."""
    item = parsed[index]
    paragraph = Paragraph(
        item,
        parsed[index - 1] if index > 0 else None,
        parsed[index + 1] if index + 1 < len(parsed) else None,
        pair_quotes(doc_text(item.doc)),
        list(item.doc.sents),
    )
    if item.block.section == "headline":
        statement = headline_statement(item.doc, resolver, paragraph.base)
        if statement is not None:
            yield statement
            return
    unmarked = _unmarked_quotation(item, paragraph.previous, resolver)
    if unmarked is not None:
        yield unmarked
        return
    for sentence in paragraph.sentences:
        opening = [
            (q.start, q)
            for q in paragraph.direct
            if sentence.start_char <= q.start - 1 < sentence.end_char
        ]
        cues = [
            (cue.idx, cue)
            for cue in sentence
            if (_is_cue(cue, lexicon) or _is_cue_noun(cue, lexicon))
            and not any(q.start <= cue.idx < q.end for q in paragraph.direct)
        ]
        for _, found in sorted(opening + cues, key=lambda pair: pair[0]):
            if isinstance(found, QuoteSpan):
                row = _direct_statement(found, paragraph, resolver, lexicon)
            else:
                row = _reported_statement(found, paragraph, resolver, lexicon)
            if row is not None and not _headline_topic(row, paragraph):
                yield row
        for cue, source, content in _according_to(sentence, lexicon):
            if any(q.start <= cue.idx < q.end for q in paragraph.direct):
                continue  # "in Washington's opinion" inside someone's quotation
            speaker = resolver.resolve(source, paragraph.base)
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            quoted = sum(
                min(end, q.end) - max(start, q.start)
                for q in paragraph.direct
                if q.start < end and start < q.end
            )
            if quoted > QUOTED_SHARE * (end - start):
                continue  # ""...," according to X": the quotation gives the statement
            if source.lemma_.lower() in lexicon.conformity:
                continue  # "according to the law", "according to plan": no source
            if resolver.types.get(speaker.entity_id) == "PERSON":
                # "According to Ana Berg, ...": a later "she said" may be her (not "the
                # census", nor a body: "he said" after them is someone else)
                resolver.spoke(speaker, paragraph.base + start)
            yield _row(
                article, paragraph.base, start, end, "reported", speaker, cue, "closed", lexicon
            )
        if not any(q.start <= sentence.root.idx < q.end for q in paragraph.direct):
            # a subject within someone's quotation is no one the writer goes on about
            resolver.note_sentence(sentence, paragraph.base)


def _headline_topic(row: dict, paragraph: Paragraph) -> bool:
    """ "Director warns of $64 million shortfall": in a headline, what a cue is about
    (after "of", "on", "about", "over") is its topic, not its words."""
    if paragraph.item.block.section != "headline" or row["kind"] != "reported":
        return False
    before = word_before(doc_text(paragraph.item.doc), row["start"] - paragraph.base)
    return before.lower() in TOPIC_PREPOSITIONS


def headline_statement(doc: Doc, resolver: SpeakerResolver, base: int) -> dict | None:
    """Headline attribution conventions: "Source: statement", "Statement - SOURCE",
    "SOURCE - statement", "Statement, SOURCE SAYS", "SOURCE SAYS statement"."""
    text = doc_text(doc)
    parts: list[tuple[tuple[int, int], tuple[int, int], str]] = []  # source, content, cue
    colon = text.find(": ")
    if 0 < colon <= 40:
        parts.append(((0, colon), (colon + 2, len(text.rstrip())), ":"))
    dash = HEADLINE_DASH.search(text)
    if dash:
        left, right = (0, dash.start()), (dash.end(), len(text.rstrip()))
        parts += [(right, left, "-"), (left, right, "-")]
    lowered = [t.lower_ for t in doc]
    for token in doc:
        if lowered[token.i] not in resolver.lexicon.headline_cues or token.i == 0:
            continue
        topic = [t.lower_ for t in doc[token.i + 1 : token.i + 3]]
        if token.i + 1 < len(doc) and not set(topic) & TOPIC_PREPOSITIONS:
            # "SOURCE SAYS statement", not "SOURCE WARNS (CONGRESS) ON BILL": a topic
            parts.append(
                ((0, token.idx - 1), (doc[token.i + 1].idx, len(text.rstrip())), token.text)
            )
        comma = text.rfind(", ", 0, token.idx)
        if token.i == len(doc) - 1 and comma > 0:  # "statement, SOURCE SAYS"
            parts.append(((comma + 2, token.idx - 1), (0, comma), token.text))
    for (s_start, s_end), (c_start, c_end), cue in parts:
        words = [t for t in doc if c_start <= t.idx < c_end and not t.is_punct]
        if len(words) < STATEMENT_WORDS:
            continue  # "ECONOMIC SPOTLIGHT - BANKAMERICA": a column's label, no statement
        speaker = _headline_source(doc, resolver, base, s_start, s_end)
        if speaker is not None:
            return {
                **_row_text(resolver.article, base, c_start, c_end),
                "kind": "reported",
                "speaker_id": speaker.entity_id,
                "speaker": speaker.phrase,
                "speaker_head": speaker.head,
                "cue": cue,
                "status": "closed",
            }
    return None


def _headline_source(
    doc: Doc, resolver: SpeakerResolver, base: int, start: int, end: int
) -> Speaker | None:
    """A headline part that names a source: short, wholly a name, or ending in a source
    or document noun."""
    tokens = [t for t in doc if start <= t.idx < end and not t.is_punct]
    if not tokens or len(tokens) > 5:
        return None
    names = resolver.mentions.within(base + start, base + end)
    covered = sum(e - s for s, e, _ in names)
    last = tokens[-1].lemma_.lower()
    if names and covered >= sum(len(t) for t in tokens) - 1:
        entity_id = names[0][2]
        if resolver.types.get(entity_id) in {"PERSON", "ORG", "GPE", "NORP"}:
            return resolver.named(entity_id)
    unnamed = sorted(bare_forms(last) & resolver.lexicon.anonymous, key=lambda w: (w != last, w))
    if unnamed:  # "Officials", "Witnesses": the head is the lexicon's own word
        return Speaker("", resolver.article.text[base + start : base + end].strip(), unnamed[0])
    if last in resolver.lexicon.documents or last in resolver.lexicon.headline_roles:
        return Speaker("", resolver.article.text[base + start : base + end].strip(), last)
    return None
