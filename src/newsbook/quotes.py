"""Stage 3, who said what: direct quotations and reported speech with their speakers.

Quotation marks are paired within a paragraph; a mark left open at a paragraph's end
closes there (flagged `open`), so an unbalanced mark never swallows the article.
Speakers are the subject of the cue verb, resolved to an entity through the mentions
table; a pronoun goes to the person who last spoke or was the subject; a source that is
no named entity keeps its phrase with an empty `speaker_id`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc, Span, Token

from newsbook.article import Article
from newsbook.nlp import ParsedBlock, sentence_index, sentence_of
from newsbook.resources import Resources

OPENING = {'"': '"', "“": "”", "«": "»", "„": "“"}
QUOTE_COLUMNS = [
    "article_id",
    "quote_id",
    "sentence_id",
    "start",
    "end",
    "text",
    "kind",
    "speaker_id",
    "speaker",
    "cue",
    "status",
]
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # of the content, block-relative
    end: int
    status: str  # closed | open


def pair_quotes(text: str) -> list[QuoteSpan]:
    """Content spans between quotation marks; a mark still open at the end of the text
    closes there (`open`). Straight marks alternate; a straight mark inside a word
    (That"s) is treated as an apostrophe."""
    spans: list[QuoteSpan] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in OPENING and not _inside_word(text, i):
            closing = OPENING[char]
            j = i + 1
            while j < len(text) and not (text[j] == closing and not _inside_word(text, j)):
                j += 1
            if j < len(text):
                spans.append(QuoteSpan(i + 1, j, "closed"))
                i = j + 1
                continue
            spans.append(QuoteSpan(i + 1, len(text), "open"))
            break
        i += 1
    return [s for s in spans if text[s.start : s.end].strip()]


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


def _speaker_subject(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing through "saying", "as saying", conjuncts."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects[0]
        if current.head is current:
            return None
        current = current.head
    return None


def _cue_for(sentence: Span, content: tuple[int, int], cues: frozenset[str]) -> Token | None:
    """The nearest cue verb of the sentence outside the quoted content."""
    outside = [
        t
        for t in sentence
        if t.lemma_.lower() in cues
        and t.pos_ in {"VERB", "AUX"}
        and not (content[0] <= t.idx < content[1])
    ]
    if not outside:
        return None
    middle = (content[0] + content[1]) / 2
    return min(outside, key=lambda t: abs(t.idx - middle))


class SpeakerResolver:
    """Turns a subject token into (speaker_id, speaker) using the mentions table."""

    def __init__(
        self,
        article: Article,
        mentions: pd.DataFrame,
        entities: pd.DataFrame,
        resources: Resources,
    ) -> None:
        self.article = article
        self.names = dict(zip(entities["entity_id"], entities["name"], strict=True))
        self.types = dict(zip(entities["entity_id"], entities["type"], strict=True))
        self.mentions = mentions[mentions["entity_id"] != ""].sort_values("start")
        self.documents = frozenset(resources.speech.get("document_nouns", []))
        self.pronouns = frozenset(resources.speech.get("pronouns", []))
        self.last_speaker = ""
        self.last_subject = ""

    def entity_in(self, start: int, end: int, *, types: set[str] | None = None) -> str:
        inside = self.mentions[(self.mentions["start"] < end) & (self.mentions["end"] > start)]
        for entity_id in inside["entity_id"]:
            if types is None or self.types.get(entity_id) in types:
                return entity_id
        return ""

    def resolve(self, subject: Token | None, base: int) -> tuple[str, str]:
        if subject is None:
            return "", ""
        if subject.lower_ in self.pronouns:
            entity_id = self.last_speaker or self.last_subject
            return entity_id, self.names.get(entity_id, subject.text)
        tokens = list(subject.subtree)
        start, end = base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1])
        head_start = base + subject.idx
        entity_id = self.entity_in(head_start, head_start + len(subject))
        if not entity_id and subject.lemma_.lower() in self.documents:
            entity_id = self.entity_in(start, end, types={"ORG", "PERSON", "GPE"})
        phrase = " ".join(self.article.text[start:end].split())
        if entity_id:
            return entity_id, self.names[entity_id]
        return "", phrase

    def note_sentence(self, sentence: Span, base: int) -> None:
        """Remember the sentence's subject person, for a later "He said"."""
        root = sentence.root
        for child in root.children:
            if child.dep_ in SUBJECT_DEPS:
                start = base + child.idx
                entity_id = self.entity_in(start, start + len(child), types={"PERSON"})
                if entity_id:
                    self.last_subject = entity_id


def iter_quotes(
    article: Article, item: ParsedBlock, resolver: SpeakerResolver, cues: frozenset[str]
) -> Iterator[dict]:
    doc: Doc = item.doc
    base = item.block.start
    direct = pair_quotes(doc.text)
    for sentence in doc.sents:
        in_sentence = [q for q in direct if sentence.start_char <= q.start - 1 < sentence.end_char]
        for quote in in_sentence:
            cue = _cue_for(sentence, (quote.start - 1, quote.end + 1), cues)
            speaker_id, speaker = resolver.resolve(
                _speaker_subject(cue) if cue is not None else None, base
            )
            if cue is None and resolver.last_speaker and quote.end - quote.start > 40:
                speaker_id = resolver.last_speaker
                speaker = resolver.names.get(speaker_id, "")
            if speaker_id:
                resolver.last_speaker = speaker_id
            yield _row(
                article,
                base,
                quote.start,
                quote.end,
                "direct",
                speaker_id,
                speaker,
                cue,
                quote.status,
            )
        for verb in sentence:
            if verb.lemma_.lower() not in cues or verb.pos_ not in {"VERB", "AUX"}:
                continue
            content = _reported_content(verb)
            if content is None:
                continue
            start, end = content.start_char, content.end_char
            if any(q.start - 1 <= start and end <= q.end + 1 for q in direct):
                continue
            if any(q.start < end and start < q.end for q in in_sentence) and (
                sum(
                    min(end, q.end) - max(start, q.start)
                    for q in in_sentence
                    if q.start < end and start < q.end
                )
                > 0.6 * (end - start)
            ):
                continue
            speaker_id, speaker = resolver.resolve(_speaker_subject(verb), base)
            if speaker_id:
                resolver.last_speaker = speaker_id
            yield _row(article, base, start, end, "reported", speaker_id, speaker, verb, "closed")
        for cue, source, content in _according_to(sentence):
            speaker_id, speaker = resolver.resolve(source, base)
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            yield _row(article, base, start, end, "reported", speaker_id, speaker, cue, "closed")
        resolver.note_sentence(sentence, base)


def _according_to(sentence: Span) -> Iterator[tuple[Token, Token, list[Token]]]:
    """ "..., according to X": the cue, the source and the tokens of what is reported
    (before the phrase, or after it when the sentence opens with it)."""
    doc = sentence.doc
    for token in sentence:
        if (
            token.lower_ != "according"
            or token.i + 1 >= len(doc)
            or doc[token.i + 1].lower_ != "to"
        ):
            continue
        sources = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
        if not sources:
            continue
        content = [t for t in sentence if t.i < token.i and not (t.i == token.i - 1 and t.is_punct)]
        if not content:
            content = [t for t in sentence if t.i > sources[0].right_edge.i and not t.is_punct]
        if content:
            yield token, sources[0], content


def _reported_content(verb: Token) -> Span | None:
    """The clause a cue verb reports: its clausal complement."""
    for child in verb.children:
        if child.dep_ in {"ccomp"}:
            tokens = [
                t
                for t in child.subtree
                if not (t.is_punct and t.i in {child.left_edge.i, child.right_edge.i})
            ]
            while tokens and tokens[0].lower_ in {"that", ",", '"', "“"}:
                tokens.pop(0)
            while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
                tokens.pop()
            if len(tokens) >= 3:
                return verb.doc[tokens[0].i : tokens[-1].i + 1]
    return None


def _row(
    article: Article,
    base: int,
    start: int,
    end: int,
    kind: str,
    speaker_id: str,
    speaker: str,
    cue: Token | None,
    status: str,
) -> dict:
    text = article.text[base + start : base + end]
    stripped = len(text) - len(text.rstrip())
    return {
        "article_id": article.article_id,
        "start": base + start,
        "end": base + end - stripped,
        "text": text.rstrip(),
        "kind": kind,
        "speaker_id": speaker_id,
        "speaker": speaker,
        "cue": cue.text if cue is not None else "",
        "status": status,
    }


def extract_quotes(
    article: Article,
    parsed: list[ParsedBlock],
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
    resources: Resources,
) -> pd.DataFrame:
    """The `quotes` table: direct and reported statements in text order."""
    cues = frozenset(resources.speech.get("cue_verbs", []))
    resolver = SpeakerResolver(article, mentions, entities, resources)
    index = sentence_index(sentences)
    rows = [row for item in parsed for row in iter_quotes(article, item, resolver, cues)]
    rows.sort(key=lambda r: (r["start"], r["end"]))
    for i, row in enumerate(rows, start=1):
        row["quote_id"] = f"q{i}"
        row["sentence_id"] = sentence_of(index, row["start"])
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)
