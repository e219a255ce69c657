"""Stage 3, who said what: direct quotations and reported speech with their speakers.

Quotation marks are paired within a paragraph; a mark left open at a paragraph's end
closes there (flagged `open`), so an unbalanced mark never swallows the article.

A statement's cue is the speech verb (or noun) that governs it in the parse; its speaker
is the cue's subject, the agent of a passive cue, or the object of a channel verb
("Tehran Radio quoted him as saying"). Speakers resolve to entities through the
mentions table: a name, a title the entities stage resolved, a role the article gives
one person ("the chief of staff"), or a pronoun standing for the last speaker. A source
the article does not name keeps its phrase with an empty `speaker_id`, until the article
names it ("the official, Assistant Secretary X, ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc, Span, Token

from newsbook.lexicons import SpeechLexicon
from newsbook.schema import frame
from newsbook.stages.context import ArticleContext
from newsbook.text.article import Article
from newsbook.text.nlp import ParsedBlock

OPENING = {'"': '"', "“": "”", "«": "»", "„": "“"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
UNATTRIBUTED = "(unattributed)"  # "It has been reported that ...": no source at all
SCARE_QUOTE_WORDS = 4  # a short quotation no speech verb governs is a name or a scare quote
HEADLINE_DASH = re.compile(r"\s+[-\u2013\u2014]+\s+")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # of the content, block-relative
    end: int
    status: str  # closed | open


@dataclass(frozen=True)
class Speaker:
    entity_id: str
    phrase: str
    head: str = ""  # lemma of the phrase's head noun, to recognise "the official, X" later
    plural: bool = False  # "diplomats said": not what a later "he" stands for


NOBODY = Speaker("", "")


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


def _is_cue(token: Token, lexicon: SpeechLexicon) -> bool:
    """A speech verb used as one ("so-called" is no cue)."""
    hyphenated = token.i > 0 and token.nbor(-1).text == "-"
    return (
        token.lemma_.lower() in lexicon.cues
        and token.pos_ in {"VERB", "AUX"}
        and token.dep_ not in {"amod", "compound"}
        and not hyphenated
    )


def speaker_token(verb: Token, lexicon: SpeechLexicon) -> Token | None:
    """Who speaks through a cue verb: its subject, climbing through "saying" and
    conjuncts; the agent of a passive cue ("described by experts as"); the object of a
    channel verb ("quoted him as saying"); a subject after the verb ("said Berg",
    "Commented another diplomat:")."""
    current = verb
    for _ in range(4):
        children = list(current.children)
        if current.lemma_.lower() in lexicon.channels:
            objects = [c for c in children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
        passive = [c for c in children if c.dep_ == "nsubjpass"]
        agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if passive and current.lemma_.lower() not in lexicon.channels:
            return agents[0] if agents else None
        subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return subject
        if current is verb and verb.i == verb.sent.start:
            after = [c for c in children if c.dep_ in {"dobj", "npadvmod", "attr"}]
            if after and after[0].pos_ in {"NOUN", "PROPN"}:
                return after[0]
        if current.head is current or current.dep_ in {"ccomp", "parataxis"}:
            return None
        current = current.head
    return None


def governing_cue(tokens: list[Token], lexicon: SpeechLexicon) -> Token | None:
    """The speech verb or noun the dependency tree hangs these tokens from, if any."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i in inside:
            continue
        current = token.head
        for _ in range(6):
            if current.i not in inside and (
                _is_cue(current, lexicon) or current.lemma_.lower() in lexicon.nouns
            ):
                return current
            if current.head is current:
                break
            current = current.head
    return None


class SpeakerResolver:
    """Turns a speaker token into a Speaker, remembering the last one for "he said"."""

    def __init__(self, context: ArticleContext) -> None:
        entities = context.table("entities")
        self.article = context.article
        self.lexicon = context.resources.speech
        self.names = context.entity_names
        self.types = context.entity_types
        self.roles = {
            entity_id: role.lower()
            for entity_id, role, kind in zip(
                entities["entity_id"], entities["role"], entities["type"], strict=True
            )
            if kind == "PERSON" and len(role) > 3
        }
        self.mentions = context.mention_index
        self.entity_in = self.mentions.at
        self.last_speaker = NOBODY
        self.last_subject = ""

    def named(self, entity_id: str) -> Speaker:
        return Speaker(entity_id, self.names.get(entity_id, entity_id))

    def resolve(self, subject: Token | None, base: int) -> Speaker:
        if subject is None:
            return NOBODY
        if subject.lower_ in self.lexicon.first_person:
            return Speaker("", subject.text, subject.lower_, plural=subject.lower_ != "i")
        if subject.lower_ in self.lexicon.pronouns:
            return self._pronoun(subject, base)
        if subject.lower_ in {"it", "they"}:
            return self._impersonal(subject, base)
        head_start = base + subject.idx
        entity_id = self.entity_in(head_start, head_start + len(subject))
        for child in subject.children:  # "Proxmire, chairman of ...", "the official, X"
            if not entity_id and child.dep_ == "appos":
                start = base + child.idx
                entity_id = self.entity_in(start, start + len(child), types={"PERSON"})
        tokens = [t for t in subject.subtree if not (t.is_punct and t.text in OPENING)]
        tokens = [t for t in tokens if t.dep_ != "relcl" and t.head.dep_ != "relcl"] or [subject]
        start, end = base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1])
        lemma = subject.lemma_.lower()
        if not entity_id and lemma in self.lexicon.documents | self.lexicon.governments:
            entity_id = self.entity_in(start, end, types={"ORG", "PERSON", "GPE"})
        if not entity_id and lemma not in self.lexicon.anonymous:
            entity_id = self._by_role(subject) or self._by_definite_description(subject)
        if entity_id:
            return self.named(entity_id)
        phrase = " ".join(self.article.text[start:end].split()).strip(" ,;:")
        return Speaker("", phrase, lemma, plural=subject.tag_ in {"NNS", "NNPS"})

    def _pronoun(self, pronoun: Token, base: int) -> Speaker:
        """A pronoun in a clause reported by someone else ("X said ... what he called")
        is that someone; otherwise the last speaker, then the last subject."""
        current = pronoun.head
        for _ in range(6):
            if current.head is current:
                break
            current = current.head
            if _is_cue(current, self.lexicon):
                outer = [c for c in current.children if c.dep_ == "nsubj"]
                if outer and outer[0].lower_ not in self.lexicon.pronouns:
                    start = base + outer[0].idx
                    entity_id = self.entity_in(start, start + len(outer[0]), types={"PERSON"})
                    if entity_id:
                        return self.named(entity_id)
        if self.last_speaker.phrase and not (
            self.last_speaker.plural and pronoun.lower_ in self.lexicon.singular_pronouns
        ):
            return self.last_speaker
        return self.named(self.last_subject) if self.last_subject else Speaker("", pronoun.text)

    def _impersonal(self, pronoun: Token, base: int) -> Speaker:
        """ "it said": the last speaker when that was an organisation, a state or a
        document, else the last organisation or state named; "they said": the last
        speaker when that was a group."""
        last = self.last_speaker
        if pronoun.lower_ == "they":
            return last if last.plural else Speaker("", pronoun.text)
        if self.types.get(last.entity_id) in {"ORG", "GPE"} or (
            last.phrase
            and not last.entity_id
            and not last.plural
            and last.head in self.lexicon.documents
        ):
            return last
        institution = self.mentions.before(base + pronoun.idx, {"ORG", "GPE"})
        return self.named(institution) if institution else Speaker("", pronoun.text)

    def _by_role(self, subject: Token) -> str:
        """ "President Reagan's chief of staff": the one person the article gives that role."""
        words = [
            t.lower_
            for t in subject.subtree
            if t.dep_ not in {"det", "poss", "case"}
            and not t.is_punct
            and t.i >= subject.i
            or t.dep_ in {"compound", "amod"}
            and t.head is subject
        ]
        core = " ".join(words)
        if len(core) < 4:
            return ""
        found = [e for e, role in self.roles.items() if role.endswith(core) or core == role]
        return found[0] if len(found) == 1 else ""

    def _by_definite_description(self, subject: Token) -> str:
        """ "The chief House tax writer also predicted ...": a definite description that
        names no one and is no anonymous source is the person last speaking."""
        determiners = [c for c in subject.children if c.dep_ == "det"]
        if not determiners or determiners[0].lower_ != "the" or subject.tag_ == "NNS":
            return ""
        entity_id = self.last_speaker.entity_id
        return entity_id if self.types.get(entity_id) == "PERSON" else ""

    def note_sentence(self, sentence: Span, base: int) -> None:
        """Remember the sentence's subject person, for a later "He said"."""
        for child in sentence.root.children:
            if child.dep_ in SUBJECT_DEPS:
                start = base + child.idx
                entity_id = self.entity_in(start, start + len(child), types={"PERSON"})
                if entity_id:
                    self.last_subject = entity_id


def _trimmed(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ == "that"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def reported_content(verb: Token, lexicon: SpeechLexicon) -> list[Token]:
    """What a cue reports: its clausal complement; for a naming verb its object and
    complement ("called the plan a mistake"); a prepositional or infinitive complement
    ("warned against", "vowed to"); for a parenthetical "he said" the clause around it."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp" or (child.dep_ == "acl" and lemma in lexicon.nouns):
            return _trimmed(list(child.subtree))
    if lemma in lexicon.naming:
        objects = [c for c in children if c.dep_ in {"dobj", "nsubjpass"}]
        complements = [
            c
            for c in children
            if c.dep_ in {"oprd", "acomp"} or (c.dep_ == "prep" and c.lower_ == "as")
        ]
        if complements:
            parts = objects[:1] + complements[:1]
            first = min(p.left_edge.i for p in parts)
            last = max(p.right_edge.i for p in parts)
            return _trimmed(list(verb.doc[first : last + 1]))
    # "accused the administration of seeking": the parser may hang the phrase on the object
    objects_preps = [g for c in children if c.dep_ == "dobj" for g in c.children]
    for child in children + objects_preps:
        if child.dep_ == "prep" and child.lower_ in lexicon.prepositional.get(lemma, ()):
            objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
            if objects:
                return _trimmed(list(objects[0].subtree))
        if child.dep_ == "xcomp" and lemma in lexicon.infinitive:
            return _trimmed(list(child.subtree))
    if verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}:
        own = {t.i for t in verb.subtree}
        return _trimmed([t for t in verb.head.subtree if t.i not in own and t.dep_ != "cc"])
    return []


def _sentences_around(doc: Doc, sentences: list[Span], quote: QuoteSpan) -> list[Span]:
    """The sentences a quotation spans, and the next one when the quotation ends a
    sentence that the cue completes (`"...," a diplomat said.` parsed as two)."""
    around = [s for s in sentences if s.start_char <= quote.end and s.end_char >= quote.start - 1]
    following = [s for s in sentences if s.start_char > quote.end]
    if following and not doc.text[quote.end + 1 : following[0].start_char].strip():
        around.append(following[0])
    return around


def direct_cue(
    quote: QuoteSpan, doc: Doc, around: list[Span], lexicon: SpeechLexicon
) -> Token | None:
    """The cue of a quotation: the speech verb governing it in the parse, else the
    nearest speech verb outside it in its sentences."""
    content = [t for t in doc if quote.start <= t.idx < quote.end]
    cue = governing_cue(content, lexicon)
    if cue is not None:
        return cue
    outside = [
        t
        for sentence in around
        for t in sentence
        if _is_cue(t, lexicon) and not (quote.start - 1 <= t.idx <= quote.end)
    ]
    middle = (quote.start + quote.end) / 2
    return min(outside, key=lambda t: abs(t.idx - middle)) if outside else None


def _quoted_words(doc: Doc, quote: QuoteSpan, cue: Token | None, lexicon: SpeechLexicon) -> bool:
    """Whether a short quotation is someone's words ("called them "chats"", felt "deep
    regret") rather than a name or scare quotes (the mayor's "Green Deal" plan): a naming verb cues it, or its cue governs it within two steps."""
    if cue is None:
        return False
    if cue.lemma_.lower() in lexicon.naming:
        return True
    content = [t for t in doc if quote.start <= t.idx < quote.end]
    roots = [t for t in content if not (quote.start <= t.head.idx < quote.end) or t.head is t]
    return any(cue in (root.head, root.head.head) for root in roots)


def iter_quotes(
    article: Article, item: ParsedBlock, resolver: SpeakerResolver, lexicon: SpeechLexicon
) -> Iterator[dict]:
    doc: Doc = item.doc
    base = item.block.start
    direct = pair_quotes(doc.text)
    sentences = list(doc.sents)
    if item.block.section == "headline":
        statement = headline_statement(doc, resolver, base)
        if statement is not None:
            yield statement
            return
    for sentence in sentences:
        opening = [q for q in direct if sentence.start_char <= q.start - 1 < sentence.end_char]
        for quote in opening:
            around = _sentences_around(doc, sentences, quote)
            cue = direct_cue(quote, doc, around, lexicon)
            words = len(doc.text[quote.start : quote.end].split())
            if words <= SCARE_QUOTE_WORDS and not _quoted_words(doc, quote, cue, lexicon):
                continue
            speaker = NOBODY
            if cue is not None:
                speaker = resolver.resolve(_speaker_of_cue(cue, lexicon), base)
            elif words > 6:  # a quotation standing alone continues the last speaker's words
                speaker = resolver.last_speaker
            if speaker.phrase:
                resolver.last_speaker = speaker
            yield _row(article, base, quote.start, quote.end, "direct", speaker, cue, quote.status)
        for cue in sentence:
            if not (_is_cue(cue, lexicon) or cue.lemma_.lower() in lexicon.nouns):
                continue
            if any(q.start <= cue.idx < q.end for q in direct):
                continue
            content = reported_content(cue, lexicon)
            if len(content) < 2:
                continue
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            quoted = sum(
                min(end, q.end) - max(start, q.start)
                for q in direct
                if q.start < end and start < q.end
            )
            if quoted > 0.6 * (end - start):
                continue
            speaker = resolver.resolve(_speaker_of_cue(cue, lexicon), base)
            if speaker.phrase and cue.pos_ != "NOUN":
                resolver.last_speaker = speaker
            if cue.pos_ == "NOUN" and not speaker.phrase:
                continue
            yield _row(article, base, start, end, "reported", speaker, cue, "closed")
        for cue, source, content in _according_to(sentence):
            speaker = resolver.resolve(source, base)
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            yield _row(article, base, start, end, "reported", speaker, cue, "closed")
        resolver.note_sentence(sentence, base)


def _speaker_of_cue(cue: Token, lexicon: SpeechLexicon) -> Token | None:
    """The speaker of a verb cue, or of a noun cue: "an announcement by X", "X's pledge"."""
    if cue.pos_ != "NOUN":
        return speaker_token(cue, lexicon)
    for child in cue.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def headline_statement(doc: Doc, resolver: SpeakerResolver, base: int) -> dict | None:
    """Headline attribution conventions: "Source: statement", "Statement - SOURCE",
    "SOURCE - statement", "Statement, SOURCE SAYS", "SOURCE SAYS statement"."""
    text = doc.text
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
        if token.i + 1 < len(doc):  # "SOURCE SAYS statement"
            parts.append(
                ((0, token.idx - 1), (doc[token.i + 1].idx, len(text.rstrip())), token.text)
            )
        comma = text.rfind(", ", 0, token.idx)
        if token.i == len(doc) - 1 and comma > 0:  # "statement, SOURCE SAYS"
            parts.append(((comma + 2, token.idx - 1), (0, comma), token.text))
    for (s_start, s_end), (c_start, c_end), cue in parts:
        speaker = _headline_source(doc, resolver, base, s_start, s_end)
        if speaker is not None and c_end - c_start > 3:
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
    if last in resolver.lexicon.anonymous or last.rstrip("s") in resolver.lexicon.anonymous:
        return Speaker(
            "", resolver.article.text[base + start : base + end].strip(), last.rstrip("s")
        )
    if last in resolver.lexicon.documents:
        return Speaker("", resolver.article.text[base + start : base + end].strip(), last)
    return None


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


def _row_text(article: Article, base: int, start: int, end: int) -> dict:
    text = article.text[base + start : base + end]
    stripped = len(text) - len(text.rstrip())
    return {
        "article_id": article.article_id,
        "start": base + start,
        "end": base + end - stripped,
        "text": text.rstrip(),
    }


def _row(
    article: Article,
    base: int,
    start: int,
    end: int,
    kind: str,
    speaker: Speaker,
    cue: Token | None,
    status: str,
) -> dict:
    return {
        **_row_text(article, base, start, end),
        "kind": kind,
        "speaker_id": speaker.entity_id,
        "speaker": speaker.phrase or UNATTRIBUTED,
        "speaker_head": speaker.head,
        "cue": cue.text if cue is not None else "",
        "status": status,
    }


def later_names(parsed: list[ParsedBlock], resolver: SpeakerResolver) -> list[tuple[int, str, str]]:
    """Where the article names a source it described before: "the official, Assistant
    Minister Anna Berg, ..." gives (offset, "official", entity id)."""
    found = []
    for item in parsed:
        base = item.block.start
        for token in item.doc:
            if token.dep_ != "appos" or token.head.lemma_.lower() not in resolver.lexicon.anonymous:
                continue
            determiners = [c for c in token.head.children if c.dep_ == "det"]
            if not determiners or determiners[0].lower_ not in {"the", "this", "that"}:
                continue
            start = base + token.left_edge.idx
            end = base + token.right_edge.idx + len(token.right_edge)
            entity_id = resolver.entity_in(start, end, types={"PERSON"})
            if entity_id:
                found.append((base + token.idx, token.head.lemma_.lower(), entity_id))
    return found


def extract_quotes(context: ArticleContext) -> pd.DataFrame:
    """The `quotes` table: direct and reported statements in text order."""
    article, parsed, lexicon = context.article, context.parsed, context.resources.speech
    resolver = SpeakerResolver(context)
    rows = [row for item in parsed for row in iter_quotes(article, item, resolver, lexicon)]
    for offset, head, entity_id in later_names(parsed, resolver):
        for row in rows:
            if row["start"] < offset and not row["speaker_id"] and row["speaker_head"] == head:
                row["speaker_id"], row["speaker"] = entity_id, resolver.names[entity_id]
    rows.sort(key=lambda r: (r["start"], r["end"]))
    for i, row in enumerate(rows, start=1):
        row["quote_id"] = f"q{i}"
        row["sentence_id"] = context.sentence_at(row["start"])
    return frame("quotes", rows)


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
