"""Stage 3, who said what: direct quotations and reported speech with their speakers.

Quotation marks are paired within a paragraph; a mark left open at a paragraph's end
closes there (flagged `open`), so an unbalanced mark never swallows the article.

A statement's cue is the speech verb (or noun) that governs it in the parse; its speaker
is the cue's subject, the agent of a passive cue, or the object of a channel verb
("Norland Radio quoted him as saying"). Speakers resolve to entities through the
mentions table: a name, a title the entities stage resolved, a role the article gives
one person ("the chief of staff"), or a pronoun standing for the last speaker. A source
the article does not name keeps its phrase with an empty `speaker_id`, until the article
names it ("the official, Assistant Secretary X, ..."). Two people joined by "and" are a
group: their phrase, no one entity. "The company said" is the organisation that spoke
last (else the one named last).

A quotation set off as its own paragraph belongs to the speaker the paragraph before
introduces ("Here is how the mayor put it:"), or to an attribution just after it; set
off after such an introduction, a paragraph is a quotation even without quotation marks
(`status` `unmarked`). Names and titles in quotation marks (the so-called "peace
dividend", the book "The Long Road Home") are never statements, nor is a question
("asked whether ..."), a statement only supposed ("if they believe ...") or the writer's
own voice ("I believe ...", "we say") on an opinion page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc, Span, Token

from newsbook.lexicons import SpeechLexicon, bare_forms
from newsbook.schema import Columns, column_lists, column_rows, columns_frame
from newsbook.stages.context import ArticleContext, MentionIndex
from newsbook.text.article import Article
from newsbook.text.layout import Block
from newsbook.text.nlp import (
    ParsedBlock,
    doc_text,
    first_word_from,
    last_word_before,
    tokens_between,
    word_after,
    word_before,
)

OPENING = {'"': '"', "“": "”", "«": "»", "„": "“"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
UNATTRIBUTED = "(unattributed)"  # "It has been reported that ...": no source at all
SCARE_QUOTE_WORDS = 4  # a short quotation no speech verb governs is a name or a scare quote
QUOTED_SHARE = 0.6  # reported content mostly inside quotation marks is the quotation's
STANDALONE_WORDS = 6  # a longer quotation with no cue at all continues the last speaker
HEADLINE_DASH = re.compile(r"\s+[-\u2013\u2014]+\s+")
ATTRIBUTION_LINE = re.compile(r"^[-\u2013\u2014]+\s*\S")  # "-- Anna Berg, mayor" under a quotation
TOPIC_PREPOSITIONS = {"of", "on", "about", "over"}  # "warns of a shortfall": what it is about
GERUND_PREPOSITIONS = {"with", "of", "for"}  # "accused X of saying": X's words
QUESTION_MARKS = {"if", "whether"}  # "asked whether ...": a question, not a statement
NAME_PREPOSITIONS = re.compile(r"\b(?:of|on|for|in|to|against)\b")  # "Commission on X"
SOURCES = {"in", "by", "from", "of"}  # "a report in the Herald", "a study by X"
LOCATIONS = {"in", "at"}  # "the embassy in Bellport": where it is
ORGANISATION_PREPOSITIONS = {"of", "for", "at"}  # "the head of the board": where the role is
NAMING_PARAGRAPHS = 2  # a lede's source is named in one of the next two paragraphs, or not
PLACES = {"GPE", "LOC", "FAC"}
NAMED_SOURCES = {"PERSON", "ORG", "GPE"}  # names that can make a statement ("the Acme statement")
FRAME_WORDS = {"aux", "auxpass", "mark"}  # "that it would be "...": no words of their own
# Before a quotation that gives most of a statement, an expletive says nothing either
# ("that there would be "...""); among the words a statement adds around its quotations
# it counts, as "there" with a negation asserts something ("that there should not be "..."")
FRAME_ONLY = FRAME_WORDS | {"expl"}
OWN_WORDS = 2  # "said the plan "is sound"": one noun leading into a quotation says nothing
WH_TAGS = {"WDT", "WP", "WP$", "WRB"}  # "asked whom he meant", "asked how long ..."
CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"}
SOME_OTHER = {"other", "another", "rival", "different"}  # "the other company": not the last one
OWN_CONTENT = {"dobj", "ccomp", "xcomp", "prep", "acomp", "attr", "advcl", "oprd"}
UNSPOKEN = {"will", "would", "shall", "should", "must", "may", "might", "can", "could", "'ll"}
# Pronouns that stand for an institution or a group ("it said", "they said"), never for
# a person named before
GROUP_PRONOUNS = frozenset({"it", "they"})
# A possessor speaks as its pronoun would ("his pledge that ...": he pledged)
POSSESSIVE_PRONOUNS = {
    "his": "he",
    "her": "she",
    "its": "it",
    "their": "they",
    "my": "i",
    "our": "we",
}
NOT_SPEAKERS = {"it", "this", "that", "here", "there", "what", "which", "who", "how"}


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


def cue_phrase(token: Token, lexicon: SpeechLexicon) -> str:
    """The cue a verb makes, as the lexicon spells it: its lemma, or its lemma and
    particle ("rule out"); an estimate verb only with its preposition ("put ... at").
    Empty for no cue ("so-called" is none)."""
    hyphenated = token.i > 0 and token.nbor(-1).text == "-"
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"amod", "compound"} or hyphenated:
        return ""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in {"prt", "dobj"} and f"{lemma} {child.lower_}" in lexicon.cues:
            return f"{lemma} {child.lower_}"  # "ruled out", "put it"
    if lemma in lexicon.cues:
        return lemma
    if lemma in lexicon.document_cues and _finding_of_a_document(token, lexicon):
        return lemma
    if lemma in lexicon.estimates and _estimate(token, lexicon):
        return lemma
    return ""


def _finding_of_a_document(verb: Token, lexicon: SpeechLexicon) -> bool:
    """ "The city's own survey, published last month, found that ...": a clause a
    document's verb of finding reports, not one a person found ("police found that"),
    nor one within what another reports ("X said a study found that ...": X's words)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    clausal = any(c.dep_ == "ccomp" for c in verb.children)
    reported = verb.dep_ == "ccomp"
    document = bool(subjects) and subjects[0].lemma_.lower() in lexicon.documents
    return clausal and document and not reported


def _is_cue(token: Token, lexicon: SpeechLexicon) -> bool:
    return bool(cue_phrase(token, lexicon))


def _cue_text(cue: Token | None, lexicon: SpeechLexicon) -> str:
    """The cue as written, with its particle ("ruled out")."""
    if cue is None:
        return ""
    phrase = cue_phrase(cue, lexicon)
    particles = [
        c for c in cue.children if c.dep_ in {"prt", "dobj"} and c.lower_ in phrase.split()
    ]
    if particles and " " in phrase:
        return f"{cue.text} {particles[0].text}"
    return cue.text


def _near(verb: Token, depth: int = 4) -> list[Token]:
    """The words a verb governs within its own clause, a few steps down: where the parse
    may hang a phrase of the verb on a word before it ("warned X earlier in the day
    against ...")."""
    found, frontier = [], [verb]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children if c.dep_ not in CLAUSES]
        found += frontier
    return found


def _estimate(verb: Token, lexicon: SpeechLexicon) -> list[Token]:
    """ "put the shortfall at 900,000 barrels": the object through the estimate's
    preposition, or nothing."""
    preps = lexicon.estimates.get(verb.lemma_.lower(), frozenset())
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    phrases = [
        t for t in _near(verb) if t.dep_ == "prep" and t.lower_ in preps and _amount(t)
    ]  # "put the shortfall at 900,000 barrels", not "placed an order at a cost of ..."
    if not objects or not phrases:
        return []
    first = min(objects[0].left_edge.i, phrases[0].left_edge.i)
    last = max(objects[0].right_edge.i, phrases[0].right_edge.i)
    return list(verb.doc[first : last + 1])


def _amount(preposition: Token) -> bool:
    """Whether a preposition's object is a sum: a number, or a noun counted by one."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return bool(objects) and (
        objects[0].like_num or any(c.dep_ == "nummod" for c in objects[0].children)
    )


def speaker_token(
    verb: Token, lexicon: SpeechLexicon, *, quoted: tuple[int, int] = (0, 0)
) -> Token | None:
    """Who speaks through a cue verb: its subject, climbing through "saying" and
    conjuncts; the agent of a passive cue ("described by experts as"); the object of a
    channel verb ("quoted him as saying"); a subject after the verb ("said Berg",
    "Commented another diplomat:"). `quoted`: the characters of the quotation the verb
    introduces, where no speaker of it can be (the parser may take a noun of the
    quotation for the verb's subject)."""
    current = _reporter_of_participle(verb, lexicon) or verb
    for _ in range(4):
        children = [c for c in current.children if not quoted[0] <= c.idx < quoted[1]]
        framing = [
            s
            for c in children
            if c.dep_ == "parataxis" and _is_cue(c, lexicon)
            for s in c.children
            if s.dep_ in SUBJECT_DEPS
        ]
        if current.i != verb.i and framing:
            # "Noting that ..., he said, "This was ..."": the clause a participle hangs on
            # is the quotation an aside attributes; its subject is words quoted, and the
            # aside's subject speaks
            return framing[0]
        if current.lemma_.lower() in lexicon.channels and _relays(current, lexicon):
            objects = [c for c in children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
        passive = [c for c in children if c.dep_ == "nsubjpass"]
        agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if passive and current is not verb and not agents and _is_cue(current, lexicon):
            return passive[0]  # "X is reported to have told ...": X, who told
        if passive and current.lemma_.lower() not in lexicon.channels:
            return agents[0] if agents else None
        subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
        if subjects and subjects[0].pos_ == "SCONJ":  # "believe that pledged ...": a misparse
            return None
        if subjects:
            # two subjects before the verb: a misread name ("Union of X President Anna
            # Berg said"), the one next to the verb its head
            before = len(subjects) > 1 and all(s.i < current.i for s in subjects)
            subject = subjects[-1] if before else subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                antecedent = current.head
                if antecedent.dep_ == "appos" and antecedent.head.pos_ == "PROPN":
                    return antecedent.head  # "Anna Berg, a planner, who said": Berg
                return antecedent
            return subject
        if current is verb and (verb.i == verb.sent.start or _right_after(verb, quoted)):
            # "said Berg", ""...?" asked Berg": the speaker after the verb
            after = [c for c in children if c.dep_ in {"dobj", "npadvmod", "attr"}]
            if after and after[0].pos_ in {"NOUN", "PROPN"}:
                return after[0]
        shares = verb.dep_ == "conj" and current.i == verb.head.i  # "X called ... and said"
        hung = _speaker_hung_before(current, lexicon) if current is verb or shares else None
        if hung is not None:
            return hung
        if current.dep_ == "acl" and current.head.dep_ == "ROOT" and current.head.pos_ == "PROPN":
            return current.head  # "Berg, declining to give details, promised ...": a
            # sentence the parser rooted in its subject, the verb read as a participle
        # "the ruling prompted the firm to threaten ...", "charged the firm with falsely
        # claiming ...": the object of the verb above the cue is who does the speaking
        # (not "opened the meeting by saying": the subject's means; not a verb the
        # parser joins to such an infinitive: "told them to curb spending and promised")
        above = current.head
        gerund = current.dep_ == "pcomp" and above.dep_ == "prep"
        if gerund and above.lower_ in GERUND_PREPOSITIONS:
            above = above.head
        controlled = current.dep_ == "xcomp" or gerund and above.i != current.head.i
        if current is verb and controlled:
            controllers = [c for c in above.children if c.dep_ == "dobj"]
            if controllers and controllers[0].i < current.i:
                return controllers[0]
        if current.head.i == current.i or current.dep_ in {"ccomp", "parataxis"}:
            return None
        current = current.head
    return None


def _reporter_of_participle(verb: Token, lexicon: SpeechLexicon) -> Token | None:
    """ "X added that Y should wait, saying ...", "X said Y was to blame and said ...": a
    cue without a subject of its own (a participle, a second verb of the same subject)
    that the parser hangs on a verb of another's reported words speaks for the reporter
    (the cue governing that verb), not for the subject of the words reported."""
    host = verb.head
    if host.i == verb.i or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    # set off by a comma: ", saying ...", not "a treaty calling for ..." (the treaty's)
    set_off = verb.i > 0 and verb.nbor(-1).text == ","
    participle = verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj"} and set_off
    if not (participle or verb.dep_ == "conj"):
        return None
    if host.dep_ == "ccomp" and host.head.i != host.i and _is_cue(host.head, lexicon):
        return host.head
    return None


def _right_after(verb: Token, quoted: tuple[int, int]) -> bool:
    """Whether a verb comes right after the quotation it introduces ("...?" asked X)."""
    words = [t for t in verb.doc[: verb.i] if not (t.is_punct or t.is_space)]
    return bool(words) and quoted[0] <= words[-1].idx < quoted[1]


def _relays(verb: Token, lexicon: SpeechLexicon) -> bool:
    """Whether a channel verb relays its object's words: always, unless it also reports
    its object ("cited rising costs"), and then only "as saying" ("cited officials as
    saying")."""
    if verb.lemma_.lower() not in lexicon.objects:
        return True
    own = [c for c in verb.children if c.dep_ not in {"conj", "cc"}]  # not "cited X and said"
    return any(t.lower_ == "as" for t in own) or any(
        t.lemma_.lower() == "say" for c in own for t in c.subtree
    )


def governing_cue(tokens: list[Token], lexicon: SpeechLexicon) -> Token | None:
    """The speech verb or noun the dependency tree hangs these tokens from, if any."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i in inside:
            continue
        current = token.head
        for _ in range(6):
            if current.i not in inside and (
                _is_cue(current, lexicon) or _is_cue_noun(current, lexicon)
            ):
                return current
            if current.head.i == current.i:
                break
            current = current.head
    return None


class SpeakerResolver:
    """Turns a speaker token into a Speaker, remembering the last one for "he said"."""

    def __init__(self, context: ArticleContext) -> None:
        entities = context.table("entities")
        self.article = context.article
        self.lexicon = context.resources.speech
        self.title_heads = context.resources.title_heads
        self.names = context.entity_names
        self.types = context.entity_types
        spelled_out = context.resources.title_abbreviations  # "Sen." is "the senator"
        self.roles = {
            entity_id: " ".join(spelled_out.get(w, w) for w in role.lower().split())
            for entity_id, role, kind in zip(
                entities["entity_id"], entities["role"], entities["type"], strict=True
            )
            if kind == "PERSON" and len(role) > 3
        }
        # organisation -> the people named as of it, with their role and first offset
        self.members: dict[str, list[tuple[str, str, int]]] = {}
        for entity_id, role, first in zip(
            entities["entity_id"], entities["role"], entities["first_start"], strict=True
        ):
            organisation = context.affiliations.get(entity_id, "")
            if self.types.get(organisation) == "ORG":
                member = (entity_id, role.lower(), int(first))
                self.members.setdefault(organisation, []).append(member)
        self.mentions = context.mention_index
        self.entity_in = self.mentions.at
        self.may_be_called = context.may_be_called
        self.last_speaker = NOBODY
        self.last_speaker_at = -1  # where it spoke: a later subject may be who "he" is
        self.last_subject = ""
        self.last_subject_at = -1
        self.last_organisation = ""  # the last organisation that spoke ("the company said")
        self.unnamed: set[str] = set()  # heads of unnamed sources so far ("an official")
        self.authors: dict[str, str] = {}  # document noun -> who spoke in one ("a letter")
        self.in_document = False  # the last words were given in a document: "it said" is it
        self.pronoun_of: dict[str, str] = {}  # who a pronoun stood for -> that pronoun
        # entity -> the words the article calls it by: its aliases, a person's surname
        spelled = dict(zip(entities["entity_id"], entities["aliases"], strict=True))
        self.aliases = {
            entity_id: {a for a in spelled[entity_id].split(" | ") if a}
            | ({name.split()[-1]} if self.types.get(entity_id) == "PERSON" and name else set())
            for entity_id, name in self.names.items()
        }

    def spoke(self, speaker: Speaker, offset: int, cue: Token | None = None) -> None:
        """Remember who spoke last, for a later "he said" or a quotation standing alone,
        and in what document ("X said in a letter": a later "the letter said" is X's)."""
        self.last_speaker, self.last_speaker_at = speaker, offset
        # "a spokesman said ... spokesman Jo Berg told ... the spokesman said": once a
        # person named in that role has spoken, "the spokesman" is no unnamed one
        role = self.roles.get(speaker.entity_id, "")
        self.unnamed = {head for head in self.unnamed if not (role and role.endswith(head))}
        if self.types.get(speaker.entity_id) == "ORG":
            self.last_organisation = speaker.entity_id
        phrases = [c for c in cue.children if c.lower_ == "in"] if cue is not None else []
        documents = [
            g
            for p in phrases
            for g in p.children
            if g.dep_ == "pobj" and g.lemma_.lower() in self.lexicon.documents
        ]
        for document in documents:
            if speaker.entity_id:
                self.authors[document.lemma_.lower()] = speaker.entity_id
        self.in_document = bool(documents) or speaker.head in self.lexicon.documents

    def can_speak(self, speaker: Speaker) -> bool:
        """Whether a source is someone: a named entity, or a pronoun, a source noun, an
        institution, a document or a title standing for one."""
        lexicon = self.lexicon
        heads = lexicon.pronouns | lexicon.anonymous | lexicon.documents | lexicon.governments
        heads |= lexicon.organisations | lexicon.institutions | self.title_heads
        pronoun = speaker.phrase.lower() in GROUP_PRONOUNS
        return bool(speaker.entity_id) or speaker.head in heads or pronoun

    def named(self, entity_id: str) -> Speaker:
        return Speaker(entity_id, self.names.get(entity_id, entity_id))

    def resolve(self, subject: Token | None, base: int) -> Speaker:
        if subject is None:
            return NOBODY
        form = POSSESSIVE_PRONOUNS.get(subject.lower_, subject.lower_)  # "his pledge": he
        if form in self.lexicon.first_person:
            return Speaker("", subject.text, form, plural=form != "i")
        if form in self.lexicon.pronouns:
            return self._pronoun(subject, base, form)
        if form in GROUP_PRONOUNS:
            return self._impersonal(subject, base, form)
        if self._coordinated(subject) and not self._one_name(subject, base):
            # "The union and the company said": a group (not "Korval and Co said")
            start, end = base + subject.left_edge.idx, base + subject.right_edge.idx
            end += len(subject.right_edge)
            phrase = " ".join(self.article.text[start:end].split()).strip(" ,;:")
            return Speaker("", phrase, subject.lemma_.lower(), plural=True)
        head_start = base + subject.idx
        entity_id = self.entity_in(head_start, head_start + len(subject))
        named = _named_before_ticker(subject) if not entity_id else None
        if named is not None:  # "Korval Mining Corp <KMC.TO> said": the ticker taken
            entity_id = self.entity_in(base + named.idx, base + named.idx + len(named))
        if self.types.get(entity_id) == "NORP" and _definite(subject):
            # "the Texas Democrat said", "the Norlander added": an epithet of the person
            # speaking, not the party or the nation
            entity_id = self._by_definite_description(subject)
        if self.types.get(entity_id) == "ORG":
            entity_id = self._titled_name_closing(subject, base) or entity_id
        if subject.is_title and not self._named_within(subject, base):
            # "Acme contended ..." the NER left untagged (the parser may take it for a
            # common noun), "a combined Acme-Bolt, Pace said" it ran into one name: the
            # one entity the article calls by that word
            entity_id = self._called(subject.text) or entity_id
        for child in subject.children:  # "Venn, chairman of ...", "the official, X"
            # an abbreviation in brackets abbreviates the name before it: "the X union
            # (XU)" is XU, "an official at the Board of X (BOX)" is no one named
            bracketed = child.i > 0 and child.nbor(-1).text == "("
            unnamed = bracketed and subject.lemma_.lower() in self.lexicon.anonymous
            if not entity_id and child.dep_ == "appos" and not unnamed:
                start = base + child.idx
                # a person, or a name the NER typed as an organisation ("the
                # spokeswoman, Maria Holt,"): never a place
                entity_id = self.entity_in(start, start + len(child), types={"PERSON", "ORG"})
                closing = child.right_edge  # "the consultant, Professor of Law Anna Berg,":
                if not entity_id and closing.i > child.i:  # the person closing the title
                    start = base + closing.idx
                    entity_id = self.entity_in(start, start + len(closing), types={"PERSON"})
        if not entity_id and subject.lemma_.lower() in self.title_heads:
            entity_id = self._role_at_organisation(subject, base)
        if not entity_id:
            entity_id = self._person_set_off_after(subject, base)
        tokens = [t for t in subject.subtree if not (t.is_punct and t.text in OPENING)]
        relative = {t.i for r in subject.subtree if r.dep_ == "relcl" for t in r.subtree}
        tokens = [t for t in tokens if t.i not in relative] or [subject]
        start, end = base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1])
        lemma = subject.lemma_.lower()
        if not entity_id and not any(c.isalpha() for c in subject.text):
            # "<Acme NV> said": the parser may take the closing bracket for the subject
            entity_id = self.entity_in(start, end)
        if not entity_id and lemma in self.lexicon.documents | self.lexicon.governments:
            # "the Norpress report", "a report in the Herald", not "a report, monitored by X,"
            # nor "a Senate study" (one study among others: its phrase)
            aside = {t.i for c in subject.children if c.dep_ in CLAUSES for t in c.subtree}
            # where they are is not who they are: "embassies in Bellport", not Bellport
            aside |= {
                t.i
                for c in subject.children
                if c.dep_ == "prep" and c.lower_ in LOCATIONS
                for t in c.subtree
                if t.ent_type_ in PLACES
            }
            own = [t for t in tokens if t.i < min(aside, default=len(t.doc))] or [subject]
            if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in subject.children):
                sources = [c for c in subject.children if c.dep_ == "prep" and c.lower_ in SOURCES]
                own = [t for c in sources for t in c.subtree if t.i in {o.i for o in own}]
            if own:
                entity_id = self.entity_in(
                    base + own[0].idx,
                    base + own[-1].idx + len(own[-1]),
                    types={"ORG", "PERSON", "GPE"},
                )
        institutions = self.lexicon.organisations | self.lexicon.institutions
        if not entity_id and lemma in institutions:
            entity_id = self._organisation(subject, base)
        if not entity_id and lemma in self.lexicon.documents and _definite(subject):
            # "the letter said" after "X said in a letter"; "the radio": "Bellport radio"
            entity_id = self.authors.get(lemma) or self._named_with(subject.lower_, [])
            if entity_id:  # the document's own words still: a later "it said" goes on
                return Speaker(entity_id, self.names.get(entity_id, entity_id), lemma)
        # an institution, a document or a government is no person named by a role
        not_a_person = self.lexicon.documents | self.lexicon.governments | institutions
        if not entity_id and lemma not in self.lexicon.anonymous | not_a_person:
            entity_id = self._by_role(subject) or self._by_definite_description(subject)
        if not entity_id and lemma in self.lexicon.anonymous and lemma not in self.unnamed:
            # "the senator said" in an article that names one senator and quotes no
            # unnamed one before ("a senator said ... the senator added" stays unnamed)
            definite = _definite(subject)
            entity_id = (
                self._by_role(subject) or self._by_affiliation(subject, base) if definite else ""
            )
        elif not entity_id and lemma in self.lexicon.anonymous and _definite(subject):
            # "a spokesman for the firm said ... Korval spokesman Olaf Brenna said ... the
            # Korval spokesman said": the one named before with that role at that firm
            entity_id = self._by_affiliation(subject, base, role=lemma)
        if entity_id:
            return self.named(self._spelled_out(entity_id))
        if lemma in self.lexicon.anonymous:
            self.unnamed.add(lemma)
        phrase = " ".join(self.article.text[start:end].split()).strip(" ,;:")
        return Speaker("", phrase, lemma, plural=subject.tag_ in {"NNS", "NNPS"})

    def _pronoun(self, pronoun: Token, base: int, form: str) -> Speaker:
        """A pronoun in a clause reported by someone else ("X said ... what he called")
        is that someone; otherwise the last speaker, then the last subject, then the
        person named last: the first of them "he" or "she" has not stood against before
        (a "she" the article used for a person is no later "he")."""
        candidates = []
        current = pronoun.head
        for _ in range(6):
            if current.head.i == current.i:
                break
            current = current.head
            if _is_cue(current, self.lexicon):  # "X planned to contend that he ...": X
                outer = speaker_token(current, self.lexicon)
                if outer is not None and outer.lower_ not in self.lexicon.pronouns:
                    start = base + outer.idx
                    entity_id = self.entity_in(start, start + len(outer), types={"PERSON"})
                    if entity_id:
                        candidates.append(self.named(entity_id))
                        break
        singular = form in self.lexicon.singular_pronouns
        if self.last_subject and singular and self.last_subject_at > self.last_speaker_at:
            candidates.append(self.named(self.last_subject))  # "X, who teaches ..., has ... He"
        last = self.last_speaker
        lexicon = self.lexicon
        things = lexicon.documents | lexicon.organisations | lexicon.institutions
        thing = self.types.get(last.entity_id) in {"ORG", "GPE"} or (
            not last.entity_id and last.head in things | lexicon.governments
        )  # "he" is no report, no ministry
        if last.phrase and not (last.plural and singular) and not (singular and thing):
            candidates.append(last)
        if self.last_subject:
            candidates.append(self.named(self.last_subject))
        if singular:  # the people named before, the last first
            offset = base + pronoun.idx
            named = [
                i for s, _, i in self.mentions.spans if s < offset and self.types.get(i) == "PERSON"
            ]
            candidates += [self.named(i) for i in dict.fromkeys(reversed(named))]
        for candidate in candidates:
            if self.pronoun_of.setdefault(candidate.entity_id or candidate.phrase, form) == form:
                return candidate
        return Speaker("", pronoun.text)

    def _impersonal(self, pronoun: Token, base: int, form: str) -> Speaker:
        """ "it said": the last speaker when that was an organisation, a state or a
        document, else the last organisation or state named; "they said": the last
        speaker when that was a group."""
        last = self.last_speaker
        if form == "they":
            return last if last.plural else Speaker("", pronoun.text)
        if self.types.get(last.entity_id) in {"ORG", "GPE"} or (
            last.phrase and not last.plural and self.in_document
        ):  # "X said in a letter ... it said": the letter, so X
            return last
        institution = self.mentions.before(base + pronoun.idx, {"ORG", "GPE"})
        return self.named(institution) if institution else Speaker("", pronoun.text)

    def _named_within(self, subject: Token, base: int) -> bool:
        """Whether a name the entities stage found holds the subject's head and lies
        within the subject's own words (not run on into the words before it)."""
        start, end = base + subject.idx, base + subject.idx + len(subject)
        first = base + subject.left_edge.idx
        return any(s < end and start < e and s >= first for s, e, _ in self.mentions.spans)

    def _called(self, word: str) -> str:
        """The one person or organisation the article calls by a word: an alias of it, a
        person's surname; "" for none or several."""
        found = {
            entity_id
            for entity_id, aliases in self.aliases.items()
            if word in aliases and self.types.get(entity_id) in {"PERSON", "ORG"}
        }
        return found.pop() if len(found) == 1 else ""

    def _by_role(self, subject: Token) -> str:
        """ "President Venn's chief of staff": the one person the article gives that role
        (what a relative clause says of them is no part of it: "the governor, who ...")."""
        relative = {t.i for r in subject.children if r.dep_ == "relcl" for t in r.subtree}
        words = [
            t.lower_
            for t in subject.subtree
            if t.dep_ not in {"det", "poss", "case"}
            and not t.is_punct
            and t.i >= subject.i
            and t.i not in relative
        ]
        core = " ".join(words)
        if len(core) < 4:
            return ""
        found = [e for e, role in self.roles.items() if role.endswith(core) or core == role]
        return found[0] if len(found) == 1 else ""

    def _by_affiliation(self, subject: Token, base: int, role: str = "") -> str:
        """ "the Fedhu official said": the one person the article names as of the
        organisation that describes the source (with `role`: named so before)."""
        for child in subject.children:
            if child.dep_ == "compound" and child.i < subject.i:
                start = base + child.idx
                organisation = self.entity_in(start, start + len(child), types={"ORG"})
                members = [
                    entity_id
                    for entity_id, title, first in self.members.get(organisation, [])
                    if not role or (title.endswith(role) and first < base + subject.idx)
                ]
                if len(members) == 1:
                    return members[0]
        return ""

    def _role_at_organisation(self, subject: Token, base: int) -> str:
        """ "The head of the Grain Board, Rui Lobo, said": the parser may hang the name on
        the organisation; a person in apposition to it is the one holding the role. "The
        president of the union said": the one person the article names with that role at
        that organisation (not "a spokesman for the union", one of several)."""
        organisations = [
            g
            for p in subject.children
            if p.dep_ == "prep" and p.lower_ in ORGANISATION_PREPOSITIONS
            for g in p.children
            if g.dep_ == "pobj"
        ]
        for organisation in organisations:
            start = base + organisation.idx
            if self.entity_in(start, start + len(organisation), types={"PERSON"}):
                continue  # "the wife of the president, Anna Berg": whose name is it?
            person = self._apposed_person(organisation, base)
            if person:
                return person
            role = subject.lemma_.lower()
            if not _definite(subject) or role in self.lexicon.anonymous:
                continue
            named = self.entity_in(start, start + len(organisation), types={"ORG"})
            if not named and organisation.lemma_.lower() in self.lexicon.organisations:
                named = self._organisation(organisation, base)
            members = [e for e, title, _ in self.members.get(named, []) if title.endswith(role)]
            if len(members) == 1:
                return members[0]
        return ""

    def _apposed_person(self, organisation: Token, base: int) -> str:
        """The person in apposition to a noun, if any ("the Grain Board, Rui Lobo,")."""
        for child in organisation.children:
            if child.dep_ == "appos":
                begin = base + child.idx
                person = self.entity_in(begin, begin + len(child), types={"PERSON"})
                if person:
                    return person
        return ""

    def _person_set_off_after(self, subject: Token, base: int) -> str:
        """ "The Labour member for Dunmore West, Alan Tegg, said": a person named after
        the subject's place or body, set off by commas and closing the subject, is the
        subject, whatever its head (a title or not), where the parser hangs the name on
        that place or body (which a person's name cannot stand in apposition to)."""
        for preposition in subject.children:
            if preposition.dep_ != "prep" or preposition.lower_ not in ORGANISATION_PREPOSITIONS:
                continue
            for place in (g for g in preposition.children if g.dep_ == "pobj"):
                start = base + place.idx
                if self.entity_in(start, start + len(place), types={"PERSON"}):
                    continue  # "the wife of the president, Anna Berg": whose name is it?
                person = self._apposed_person(place, base)
                closing = subject.right_edge
                if person and place.right_edge.i in {closing.i, closing.i - 1}:
                    return person
        return ""

    def _titled_name_closing(self, subject: Token, base: int) -> str:
        """ "Confederation of X (CX) President Olaf Brenna said": the parser may take the
        organisation for the subject and hang the titled name inside it; a person named
        at the end of the subject after a title is the speaker."""
        closing = subject.right_edge
        if closing.i <= subject.i:
            return ""
        start = base + closing.idx
        person = self.entity_in(start, start + len(closing), types={"PERSON"})
        between = subject.doc[subject.i + 1 : closing.i]
        return person if person and any(t.lower_ in self.title_heads for t in between) else ""

    def _one_name(self, subject: Token, base: int) -> bool:
        """ "Korval and Co": words joined by "and" inside one name."""
        start = base + subject.idx
        entity_id = self.entity_in(start, start + len(subject))
        conjuncts = [c for c in subject.children if c.dep_ == "conj"]
        return bool(entity_id) and all(
            self.entity_in(base + c.idx, base + c.idx + len(c)) == entity_id for c in conjuncts
        )

    @staticmethod
    def _coordinated(subject: Token) -> bool:
        """ "The Harbour Union and Norland", "Vendt and Oduya": more than one speaker."""
        return any(
            c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} for c in subject.children
        ) and any(c.dep_ == "cc" for c in subject.children)

    def _organisation(self, subject: Token, base: int) -> str:
        """ "The network said": for a company-like word, the organisation that spoke
        last, else the one named last before; "the ministry said": for an institution
        (not whichever organisation spoke last), the one the article names with that
        word ("the Finance Ministry"). "The other company" is none; "the central bank"
        is an organisation so named ("Central Bank of Norland"), else the one
        organisation whose name holds the word ("Bank of Norland"), else none. A
        place's ("Norland's central bank") is as definite as "the"."""
        modifiers = {c.lower_ for c in subject.children}
        determiners = [c for c in subject.children if c.dep_ == "det"]
        places = [c for c in subject.children if c.dep_ == "poss" and c.ent_type_ in PLACES]
        definite = bool(determiners) and determiners[0].lower_ == "the"
        if not (definite or places) or modifiers & SOME_OTHER:
            return ""
        owner = {t.i for place in places for t in place.subtree}
        # "the Sunday Courier newspaper": a name of its own, not the place that owns it
        named = any(t.pos_ == "PROPN" and t.i not in owner for t in subject.subtree)
        if named or subject.tag_ in {"NNS", "NNPS"}:
            return ""
        described = [
            c.lower_ for c in subject.children if c.dep_ in {"amod", "compound"} and c.i < subject.i
        ]
        if described:  # "the central bank": "Central Bank of X", else the one bank named
            return self._named_with(subject.lower_, described) or self._named_with(
                subject.lower_, [], beside=False
            )
        if subject.lemma_.lower() not in self.lexicon.organisations:
            kinds = self.lexicon.kinds_of.get(subject.lemma_.lower(), frozenset())
            if not kinds:
                return self._named_with(subject.lower_, [])
            # "the panel": the one committee (or commission ...) the article names; an
            # "NHA panel" is a body of the NHA, not the NHA
            nouns = [subject.lower_, *sorted(kinds)]
            found = {self._named_with(noun, [], beside=False) for noun in nouns} - {""}
            return found.pop() if len(found) == 1 else ""
        # "the union" is the organisation last named that may be called so, never the
        # Senate that spoke last
        noun = subject.lemma_.lower()
        if self.last_organisation and self.may_be_called(self.last_organisation, noun):
            return self.last_organisation
        return self.mentions.before(
            base + subject.idx,
            {"ORG"},
            accept=lambda entity_id: self.may_be_called(entity_id, noun),
        )

    def _spelled_out(self, entity_id: str) -> str:
        """ "The Bank's report said" after "the Bank of Norland": an organisation whose
        name is only the word for what it is ("Bank", "Ministry") is the one organisation
        the article names with that word, where there is one."""
        name = self.names.get(entity_id, "").casefold()
        words = self.lexicon.organisations | self.lexicon.institutions
        if self.types.get(entity_id) != "ORG" or name not in words:
            return entity_id
        return self._named_with(name, [], beside=False) or entity_id

    def _named_with(self, noun: str, described: list[str], *, beside: bool = True) -> str:
        """The one organisation the article names with a word: its name holds the word
        (and the words describing it: "the central bank", "Central Bank of Norland"), or
        the word stands right beside one of its names ("the daily Gazeta", "the Courier
        newspaper")."""
        text = self.article.text
        found = set()
        for start, end, entity_id in self.mentions.spans:
            if self.types.get(entity_id) != "ORG":
                continue
            name = self.names.get(entity_id, "").casefold()
            words = set(re.findall(r"\w+", name))
            if words == {noun}:
                continue  # "Bank" alone: the word, no organisation's name
            # the word names what the organisation is, before any "of", "on" ("Bank of
            # X"), not what it deals with ("Commission on Fair Trade")
            head = set(re.findall(r"\w+", NAME_PREPOSITIONS.split(name)[0]))
            if noun in head and set(described) <= words:
                found.add(entity_id)
            elif (
                beside
                and not described
                and noun in (word_before(text, start).casefold(), word_after(text, end).casefold())
            ):
                found.add(entity_id)
        return found.pop() if len(found) == 1 else ""

    def _by_definite_description(self, subject: Token) -> str:
        """ "The chief House tax writer also predicted ...": a definite description that
        names no one and is no anonymous source is the person last speaking."""
        determiners = [c for c in subject.children if c.dep_ == "det"]
        if not determiners or determiners[0].lower_ != "the" or subject.tag_ == "NNS":
            return ""
        if any(t.dep_ in {"prep", "relcl", "appos"} for t in subject.rights):
            return ""  # "the regional manager for one of the oil companies": someone new
        entity_id = self.last_speaker.entity_id
        return entity_id if self.types.get(entity_id) == "PERSON" else ""

    def note_sentence(self, sentence: Span, base: int) -> None:
        """Remember the sentence's subject person, for a later "He said"."""
        root = sentence.root
        subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
        if not subjects and root.i > sentence.start and root.nbor(-1).pos_ == "PROPN":
            # "In an interview with X, Minister Anna Berg defended ...": the parser may
            # hang the name on the phrase before it; a name right before the verb
            subjects = [root.nbor(-1)]
        if root.lemma_.lower() in self.lexicon.channels:
            # "The Courier quoted Jonas Elm attacking the budget. He said ...": the one quoted
            subjects = [c for c in root.children if c.dep_ == "dobj"] or subjects
        for child in subjects:
            # "The authority's director, Anna Berg, was blunt.": the name in apposition
            for token in [child, *(c for c in child.children if c.dep_ == "appos")]:
                start = base + token.idx
                entity_id = self.entity_in(start, start + len(token), types={"PERSON"})
                if not entity_id and token.i == child.i:
                    # "The Minister for the Marine, Ana Roth, defended ...": the name may
                    # hang on the subject's body
                    entity_id = self._person_set_off_after(child, base)
                if not entity_id and _definite(token) and token.lemma_.lower() not in self.unnamed:
                    # "The mayor has not helped his cause. He ...": the one person the
                    # article gives that role
                    entity_id = self._by_role(token)
                if entity_id:
                    self.last_subject, self.last_subject_at = entity_id, start
                    break
        if self.last_subject_at >= base + sentence.start_char:
            return
        # "The motion was tabled by Anna Berg. She argued ...": a passive sentence's agent
        # is who acts in it when its subject is no person
        passive = any(c.dep_ == "nsubjpass" for c in root.children)
        agents = [g for c in root.children if c.dep_ == "agent" for g in c.children]
        for agent in agents if passive else []:
            start = base + agent.idx
            entity_id = self.entity_in(start, start + len(agent), types={"PERSON"})
            if agent.dep_ == "pobj" and entity_id:
                self.last_subject, self.last_subject_at = entity_id, start


def _clause_read_as_relative(verb: Token) -> Token | None:
    """ "told a luncheon Venn could decide ...": the parser may read the reported
    clause as a relative clause on the listener. A "relative" clause right after the
    object, with no relative word and a subject of its own, is the reported clause."""
    # "said Wednesday its business is booming": the same after a day the cue governs
    listeners = [
        c
        for c in verb.children
        if c.dep_ == "dobj" or (c.dep_ == "npadvmod" and c.ent_type_ in {"DATE", "TIME"})
    ]
    for listener in listeners:
        for clause in listener.children:
            if clause.dep_ != "relcl" or clause.left_edge.i != listener.i + 1:
                continue
            relative = clause.left_edge.lower_ in RELATIVE_PRONOUNS | {"whose", "where", "when"}
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
            if not relative and subjects and subjects[0].pos_ in {"PROPN", "NOUN"}:
                return clause
    # "said in a commentary that the plan was doomed": a "relative" clause on the noun of
    # the cue's own phrase whose "that" only marks it (a relative "that" is its subject
    # or object) and that has a subject of its own is the reported clause
    nouns = [g for t in _near(verb, 2) if t.dep_ == "prep" for g in t.children if g.dep_ == "pobj"]
    for noun in nouns:
        for clause in noun.children:
            marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
            if clause.dep_ == "relcl" and marks and marks[0] == clause.left_edge and subjects:
                return clause
    return None


def _clause_read_as_noun(verb: Token) -> Token | None:
    """ "warned the House that tough legislation it is considering could ...": the parser
    may take "that" for a determiner and hang the reported clause on the cue as a loose
    noun or a second object. Such a dependent after the listener, opening with "that"
    and holding a verb, is the clause."""
    listeners = [c for c in verb.children if c.dep_ == "dobj"]
    for child in verb.children:
        second = child.dep_ == "dobj" and listeners and child.i != listeners[0].i
        if (child.dep_ == "dep" or second) and child.i > verb.i:
            verbs = any(t.pos_ in {"VERB", "AUX"} for t in child.subtree)
            if child.left_edge.lower_ == "that" and verbs:
                return child
    return None


def _anonymity(infinitive: Token) -> bool:
    """ "asked not to be named", "declined to be identified": a source's condition, not
    a statement (an infinitive in the passive with no agent and no object)."""
    children = list(infinitive.children)
    return any(c.dep_ == "auxpass" for c in children) and not any(
        c.dep_ in {"agent", "dobj", "prep", "ccomp", "xcomp"} for c in children
    )


def _planned(verb: Token, lexicon: SpeechLexicon) -> bool:
    """A cue in the infinitive under a verb that is none ("plans to announce", "is
    expected to deny"): an act intended or foreseen, not a statement made."""
    return verb.dep_ == "xcomp" and not (_is_cue(verb.head, lexicon) or verb.head.pos_ == "NOUN")


def _definite(noun: Token) -> bool:
    """ "the senator", not "a senator" or "senators"."""
    determiners = [c for c in noun.children if c.dep_ == "det"]
    return bool(determiners) and determiners[0].lower_ == "the" and noun.tag_ in {"NN", "NNP"}


def _fronted_phrase(verb: Token) -> Token | None:
    """ "Despite X's claim that ..., analysts said no one could ...": the parser may hang
    the phrase before a cue's subject on the cue as a second clause; a phrase that opens
    as no statement does (a preposition, a subordinating word, a participle), before a
    clause that follows the cue directly ("said no one", not "said, adding ..."), is no
    part of what the cue reports."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    before = [c for c in clauses if c.i < verb.i]
    after = [c for c in clauses if c.i > verb.i]
    if not (before and after and subjects) or before[0].right_edge.i > subjects[0].left_edge.i:
        return None
    opening = before[0].left_edge
    if not (opening.tag_ == "VBG" or opening.pos_ in {"ADP", "SCONJ"} and opening.lower_ != "that"):
        return None
    between = verb.doc[verb.i + 1 : after[0].left_edge.i]
    return None if any(t.is_punct for t in between) else before[0]


def _own_subject(clause: Token) -> bool:
    """Whether a clause has a subject of its own, not a relative pronoun."""
    return any(
        c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS for c in clause.children
    )


def _clause_read_as_head(noun: Token) -> list[Token]:
    """ "Despite the firm's claim that it is interested, analysts said ...": the parser
    may take the clause a statement noun opens with "that" for the head of the noun's
    own phrase, or hang it beside the noun on the word above. The clause marked right
    after the noun, so placed, is what it reports, without what the parser joined to
    that clause ("..., and the bank's reply that ...")."""
    following = noun.doc[noun.i + 1 : noun.i + 2]
    if not following or following[0].lower_ != "that" or following[0].dep_ != "mark":
        return []
    mark = following[0]
    clause = mark.head
    beside = clause.head.i == noun.head.i != noun.i and clause.i > noun.i
    if not (beside or clause in list(noun.ancestors)) or not _own_subject(clause):
        return []
    joined = {t.i for c in clause.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
    return _trimmed([t for t in clause.subtree if t.i > mark.i and t.i not in joined])


def _trimmed(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ == "that"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def reported_content(verb: Token, lexicon: SpeechLexicon) -> list[Token]:
    """What a cue reports: its clausal complement; for a naming verb its object and
    complement ("called the plan a mistake"); a prepositional or infinitive complement
    ("warned against", "vowed to"); the object of a cue that reports its object
    ("stressed the need for cuts"), of an estimate ("put the shortfall at ...") or that
    stands for what was said ("said as much"); for a parenthetical "he said" the clause
    around it. A question ("asked whether ...") reports nothing."""
    lemma = verb.lemma_.lower()
    phrase = cue_phrase(verb, lexicon) or lemma
    children = list(verb.children)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.refusals:
        return []  # "declined to say which ...": a statement refused
    fronted = _fronted_phrase(verb)
    children = [c for c in children if fronted is None or c.i != fronted.i]
    for child in children:
        # not "a pledge made by X"; but "claims by X that Y would be forced to ..."
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        noun_clause = (child.dep_ == "acl" and (child.tag_ != "VBN" or marked)) or (
            child.dep_ == "relcl" and marked and _own_subject(child)
        )  # "his claim that taxes rose" read as a relative clause: its "that" only marks it
        if child.dep_ == "ccomp" or (noun_clause and _is_cue_noun(verb, lexicon)):
            if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in child.children):
                return []
            if lemma == "ask" and child.left_edge.tag_ in WH_TAGS:
                return []  # "asked whom he meant": a question
            return _trimmed(_without_source(_without_speaker(list(child.subtree), verb)))
    head_clause = _clause_read_as_head(verb) if _is_cue_noun(verb, lexicon) else []
    if head_clause:
        return head_clause
    clause = _clause_read_as_relative(verb) or _clause_read_as_noun(verb)
    if clause is not None:
        return _trimmed(list(clause.subtree))
    if lemma in lexicon.naming:
        objects = [c for c in children if c.dep_ in {"dobj", "nsubjpass"}]
        complements = [
            c
            for c in children
            if c.dep_ in {"oprd", "acomp"}
            or (c.dep_ == "prep" and c.lower_ == "as")
            or (c.dep_ == "advmod" and c.pos_ == "ADJ")  # "thought X most likely"
        ]
        if complements:
            parts = objects[:1] + complements[:1]
            first = min(p.left_edge.i for p in parts)
            last = max(p.right_edge.i for p in parts)
            return _trimmed(list(verb.doc[first : last + 1]))
    # "accused the administration of seeking": the parser may hang the phrase lower down
    for child in children + _near(verb):
        if child.dep_ != "prep":
            continue
        for preposition in lexicon.prepositional.get(lemma, ()):
            words = preposition.split()
            if [t.lower_ for t in child.subtree][: len(words)] != words:
                continue
            if len(words) > 1:  # "testified in favor of decoupling"
                return _trimmed(list(child.subtree))
            objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
            if objects:
                return _trimmed(list(objects[0].subtree))
    agentless = any(c.dep_ == "nsubjpass" for c in children) and not any(
        c.dep_ == "agent" for c in children
    )
    if lemma in lexicon.infinitive and not agentless:  # "was urged to resign": by whom?
        for child in children:  # "promised on the campaign trail to cut": an adverbial
            infinitive = any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
            if child.dep_ == "xcomp" or (child.dep_ == "advcl" and infinitive):
                return [] if _anonymity(child) else _trimmed(list(child.subtree))
    objects = [c for c in children if c.dep_ == "dobj"]
    if objects and " ".join(t.lower_ for t in objects[0].subtree) in lexicon.anaphoric:
        return list(objects[0].subtree)
    anaphora = [c for c in children if c.dep_ == "advmod" and c.lower_ in lexicon.anaphoric]
    if anaphora and anaphora[0].i < verb.i:  # "So said the mayor": an attribution of the
        return []  # quotation before, which says nothing of its own
    if anaphora and not objects:  # "said so"
        return anaphora[:1]
    if _planned(verb, lexicon):  # "plans to announce a dividend": no statement yet
        return []
    if phrase in lexicon.objects and objects:
        return _trimmed(list(objects[0].subtree))
    if phrase in lexicon.forecasts and objects:  # "expects the economy to grow"
        infinitives = [  # the parser may hang the infinitive inside the object
            t
            for t in [*children, *objects[0].subtree]
            if t.dep_ == "xcomp"
            and t.i > objects[0].i
            and any(a.lower_ == "to" for a in t.children)
        ]
        if infinitives:
            last = max(objects[0].right_edge.i, infinitives[0].right_edge.i)
            return _trimmed(list(verb.doc[objects[0].left_edge.i : last + 1]))
    if lemma in lexicon.estimates and phrase == lemma and _estimate(verb, lexicon):
        # not "as X put it at a meeting": "put it" is a cue of its own, "it" no sum
        return _trimmed(_estimate(verb, lexicon))
    aside = verb.dep_ == "parataxis" or (  # "..., he said, ...", "As X noted, ..."
        verb.dep_ == "advcl"
        and verb.i < verb.head.i  # "..., as X proposed" may be about its last words only
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
        and any(c.dep_ == "nsubj" for c in children)  # "as expected": by no one
    )
    leading = (  # "X told Y, a senator, he backed ...": the parser may read the reported
        # clause as the sentence's root and the cue before it as its complement
        verb.dep_ == "ccomp"
        and verb.i < verb.head.i
        and any(c.dep_ in SUBJECT_DEPS for c in children)
        and any(c.dep_ in SUBJECT_DEPS for c in verb.head.children if c.i > verb.i)
        # and says something itself: "..., police records show." is the attribution
        and any(c.dep_ in OWN_CONTENT for c in verb.head.children if c.i > verb.head.i)
    )
    if (aside or leading) and verb.head.pos_ in {"VERB", "AUX"}:
        own = {t.i for t in verb.subtree}
        return _trimmed([t for t in verb.head.subtree if t.i not in own and t.dep_ != "cc"])
    return _before_final_attribution(verb)


def _before_final_attribution(verb: Token) -> list[Token]:
    """ "A merger of X may delay its listing and invite rival bids, analysts
    said.": a cue ending its sentence, its subject set off by a comma, reports the
    clause before the comma, however the parser hangs that clause on it."""
    sentence = verb.sent
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    after = [t for t in sentence if t.i > verb.i and not t.is_punct and not t.is_space]
    if verb.dep_ != "ROOT" or not subjects or after:
        return []
    comma = subjects[0].left_edge.i - 1
    between = [t for t in verb.doc[subjects[0].right_edge.i + 1 : verb.i] if t.pos_ != "ADV"]
    if comma <= sentence.start or verb.doc[comma].text != "," or between:
        return []
    before = list(verb.doc[sentence.start : comma])
    if not any(t.pos_ in {"VERB", "AUX"} for t in before):
        return []  # "In Bellport, analysts said.": no clause
    return _trimmed(before)


def _speaker_hung_before(verb: Token, lexicon: SpeechLexicon | None = None) -> Token | None:
    """ "..., director of the institute, Anna Berg, said.", "In a letter to the X, Anna
    Berg wrote that ...": the name right before a cue that has no subject, or set off
    before it by a comma (the parser hangs it on the words before); so an unnamed
    source ("backers called it vital and opponents warned that ...": the parser may
    join "opponents" to the list before)."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or verb.i - verb.sent.start < 1:
        return None
    before = verb.nbor(-1)
    finite = verb.tag_ in {"VBD", "VBZ", "VBP"}
    if before.pos_ == "PROPN" and finite and _can_speak(before):
        return before
    unnamed = lexicon.anonymous if lexicon else frozenset()
    if finite and before.tag_ == "NNS" and before.lemma_.lower() in unnamed:
        return before
    # "Anna Berg, of the Fair Road group, called ...": the parser may read the name that
    # opens the sentence, set off by a comma, as a loose modifier of the cue
    loose = [
        c
        for c in verb.children
        if c.dep_ in {"advmod", "npadvmod", "dep"}
        and c.i < verb.i
        and c.left_edge.i == verb.sent.start
        and c.pos_ == "PROPN"
        and _can_speak(c)
    ]
    if finite and loose:
        return loose[0]
    if verb.i - verb.sent.start < 2 or before.text != ",":
        return None
    name = verb.nbor(-2)
    # set off by commas on both sides (", Anna Berg, said"), not the last item of a list
    # ("toured Berlin, said little")
    opening = name.i - 1
    while opening > verb.sent.start and _is_name_word(verb.doc[opening]):
        opening -= 1
    if name.pos_ == "PROPN" and _can_speak(name) and verb.doc[opening].text == ",":
        return name
    return None


def _named_before_ticker(subject: Token) -> Token | None:
    """The last word of the name before a ticker in angle brackets ("Korval Mining Corp
    <KMC.TO>"), when the parser took the ticker for the subject; else None, and None for
    a list of companies the parser hung on the first ticker ("A Co <A>, B Corp <B> and
    C Inc <C> said": they speak together)."""
    if subject.i < 2 or subject.nbor(-1).text != "<":
        return None
    if any(t.dep_ in {"cc", "conj"} for t in subject.subtree):
        return None
    return subject.nbor(-2)


def _can_speak(token: Token) -> bool:
    return token.ent_type_ in {"PERSON", "ORG"}


def _is_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.text == "."


def _without_source(tokens: list[Token]) -> list[Token]:
    """What a cue reports without an "according to X" the parser hung inside it ("X said
    that "..." according to aides"): the phrase names who told of the statement, it is
    no part of what was said."""
    for token in tokens:
        phrase = _according_phrase(token)
        if phrase is not None:
            last = max(token.right_edge.i, phrase.right_edge.i)
            return [t for t in tokens if not token.i <= t.i <= last]
    return tokens


def _according_phrase(token: Token) -> Token | None:
    """The "to" of "according to", when `token` is its "according"."""
    following = token.doc[token.i + 1 : token.i + 2]
    if token.lower_ == "according" and following.text.lower() == "to":
        return following[0]
    return None


def _without_speaker(tokens: list[Token], verb: Token) -> list[Token]:
    """What a cue reports without its speaker's name and description that the parser
    hung on it ("..., director of the institute, Anna Berg, said.")."""
    speaker = _speaker_hung_before(verb)
    if speaker is None or speaker not in tokens:
        return tokens
    kept = [t for t in tokens if t.i < speaker.left_edge.i]
    words = [t for t in kept if not t.is_punct]
    if words:  # the description before the name: an apposition ending where it begins
        description = [a for a in [words[-1], *words[-1].ancestors] if a.dep_ == "appos"]
        if description and description[-1].right_edge.i >= words[-1].i:
            kept = [t for t in kept if t.i < description[-1].left_edge.i]
    return kept


def _sentences_around(
    doc: Doc, sentences: list[Span], quote: QuoteSpan, lexicon: SpeechLexicon
) -> list[Span]:
    """The sentences a quotation spans, and the next one when the quotation ends a
    sentence that the cue completes (`"...," a diplomat said.` parsed as two): the
    quotation ends in a comma, the next sentence goes on in lower case or is only an
    attribution (`"...?" Berg asked.`)."""
    around = [s for s in sentences if s.start_char <= quote.end and s.end_char >= quote.start - 1]
    preceding = [s for s in sentences if s.end_char <= quote.start - 1]
    if preceding and preceding[-1] not in around:
        # `Berg said at a rally in the U.S. "..."`: the parser may end the sentence at an
        # abbreviation; an attribution right before the opening mark leads into it
        between = doc_text(doc)[preceding[-1].end_char : quote.start - 1]
        if not between.strip() and _attribution_only(preceding[-1], lexicon):
            around.insert(0, preceding[-1])
    following = [s for s in sentences if s.start_char > quote.end]
    if following and not doc_text(doc)[quote.end + 1 : following[0].start_char].strip():
        unfinished = doc_text(doc)[quote.start : quote.end].rstrip().endswith(",")
        first = next((c for c in following[0].text if c.isalpha()), "")
        if unfinished or first.islower() or _attribution_only(following[0], lexicon):
            around.append(following[0])
    return around


def _attribution_only(sentence: Span, lexicon: SpeechLexicon) -> bool:
    """ "Berg asked.": a sentence that is only a cue and its speaker."""
    root = sentence.root
    return _is_cue(root, lexicon) and not reported_content(root, lexicon)


def direct_cue(
    quote: QuoteSpan, doc: Doc, around: list[Span], lexicon: SpeechLexicon
) -> Token | None:
    """The cue of a quotation: the speech verb governing it in the parse, else the
    nearest speech verb outside it in its sentences."""
    content = tokens_between(doc, quote.start, quote.end)
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


def _content_roots(doc: Doc, quote: QuoteSpan) -> list[Token]:
    """The words of a quotation whose head lies outside it (punctuation aside)."""
    content = [t for t in tokens_between(doc, quote.start, quote.end) if not t.is_punct]
    return [t for t in content if not quote.start <= t.head.idx < quote.end]


def _quoted_words(doc: Doc, quote: QuoteSpan, cue: Token | None, lexicon: SpeechLexicon) -> bool:
    """Whether a short quotation is someone's words ("called them "chats"", felt "deep
    regret") rather than a name or scare quotes (the mayor's "Green Deal" plan): a
    naming verb cues it, or its cue governs it within two steps."""
    if cue is None:
        return False
    if cue.lemma_.lower() in lexicon.naming:
        return True
    return any(cue in (root.head, root.head.head) for root in _content_roots(doc, quote))


def is_name_or_title(doc: Doc, quote: QuoteSpan, lexicon: SpeechLexicon) -> bool:
    """A quotation that names something rather than reports words: after a name marker
    or a title noun ("the so-called "peace dividend"", "the slogan "Jobs First""), the
    complement of a name verb ("christened it the "Riverfront Renaissance"", "known as
    "Skyshield""), in apposition to a title noun ("his book, "The Long Road""), a
    nickname inside a name (J. "Pete" Smith)."""
    before = last_word_before(doc, quote.start - 1)
    if before is not None and (
        before.lower_ in lexicon.name_markers or before.lemma_.lower() in lexicon.title_nouns
    ):
        return True
    if word_before(doc_text(doc), quote.start - 1).lower() in lexicon.name_markers:
        return True  # "so-called", which the parser may split in three
    after = first_word_from(doc, quote.end + 1)
    unpunctuated = doc_text(doc)[quote.start : quote.end].rstrip()[-1:].isalnum()
    if unpunctuated and after is not None and after.lemma_.lower() in lexicon.title_nouns:
        return True  # the "Jobs First" campaign
    if (
        unpunctuated
        and before is not None
        and after is not None
        and before.is_title
        and after.is_title
    ):
        return len(doc_text(doc)[quote.start : quote.end].split()) <= 2  # C.J. "Pete" Silas
    for root in _content_roots(doc, quote):
        head = root.head.head if root.head.lower_ == "as" else root.head
        if head.lemma_.lower() in lexicon.name_verbs and head.pos_ in {"VERB", "AUX"}:
            return True
        if (  # "a plan called "X"", not "a decision the mayor called "a blow"" (a judgement)
            head.lemma_.lower() in lexicon.naming
            and head.dep_ == "acl"
            and not any(c.dep_ in SUBJECT_DEPS for c in head.children)
        ):
            return True
        if root.dep_ in {"appos", "compound"} and root.head.lemma_.lower() in lexicon.title_nouns:
            return True
    return False


def _embedding_subject(
    doc: Doc, quote: QuoteSpan, resolver: SpeakerResolver, base: int
) -> tuple[Speaker, Token | None]:
    """Words quoted inside a sentence no speech verb governs are those of the subject of
    the clause around them ("UCPB sought a seat, petitioning the board "so that ..."",
    "the court ruled the law "void""), when it has a nominal subject."""
    roots = _content_roots(doc, quote)
    verbs = [a for r in roots for a in r.ancestors if a.pos_ in {"VERB", "AUX"}]
    verbs = [v for v in verbs if not quote.start <= v.idx < quote.end]
    if not verbs:
        return NOBODY, None
    subject = speaker_token(verbs[0], resolver.lexicon, quoted=(quote.start, quote.end))
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return NOBODY, None
    return resolver.resolve(subject, base), verbs[0]


def _whole_sentences(doc: Doc, quote: QuoteSpan) -> bool:
    """A quotation that is a sentence (or more) of its own: it opens its sentence, ends
    in a full stop, a question or an exclamation mark, and no cue follows it."""
    text = doc_text(doc)
    sentence = next((s for s in doc.sents if s.start_char <= quote.start - 1 < s.end_char), None)
    if sentence is None or text[sentence.start_char : quote.start - 1].strip():
        return False
    if text[quote.start : quote.end].rstrip()[-1:] not in {".", "?", "!"}:
        return False
    following = text[quote.end + 1 :].lstrip()[:1]
    return not following or not (following.islower() or following == ",")


def _is_set_off(doc: Doc, quote: QuoteSpan) -> bool:
    """A quotation that is its paragraph's whole text."""
    text = doc_text(doc)
    return not text[: quote.start - 1].strip() and not text[quote.end + 1 :].strip(' \n"”.,')


def _introduced_by(
    item: ParsedBlock | None, resolver: SpeakerResolver
) -> tuple[Speaker, Token | None]:
    """The speaker a paragraph ending in a colon introduces ("Here is how the mayor put
    it:", "Marsh was blunter:"), with the verb that introduces them; NOBODY if none."""
    if (
        item is None
        or item.block.section != "body"
        or not doc_text(item.doc).rstrip().endswith(":")
    ):
        return NOBODY, None
    return _introducer(list(list(item.doc.sents)[-1]), resolver, item.block.start)


def _introducer(
    tokens: list[Token], resolver: SpeakerResolver, base: int
) -> tuple[Speaker, Token | None]:
    """The last subject of words that lead into a quotation with a colon, and its verb,
    if it is someone: a name, a source ("one official"), a pronoun; else NOBODY ("Here
    is the answer:")."""
    subjects = [t for t in tokens if t.dep_ in SUBJECT_DEPS and t.lower_ not in NOT_SPEAKERS]
    if not subjects:
        return NOBODY, None
    lexicon = resolver.lexicon
    owners = [c for c in subjects[-1].children if c.dep_ == "poss"]
    if owners and subjects[-1].lemma_.lower() not in lexicon.anonymous:
        return resolver.resolve(owners[0], base), subjects[-1].head  # "X's answer was:"
    speaker = resolver.resolve(subjects[-1], base)
    someone = speaker.head in lexicon.anonymous | lexicon.pronouns | lexicon.organisations
    if not (speaker.entity_id or someone):
        return NOBODY, None
    return speaker, subjects[-1].head


def _attributed_after(
    item: ParsedBlock | None, resolver: SpeakerResolver, lexicon: SpeechLexicon
) -> tuple[Speaker, Token | None]:
    """The speaker an attribution right after a quotation names: a line "-- Anna Berg",
    or a first sentence whose cue reports nothing of its own ("So said the mayor.",
    "Berg said this at a rally.", "That is how the mayor put it.")."""
    if item is None or item.block.section != "body" or doc_text(item.doc).lstrip()[:1] in OPENING:
        return NOBODY, None
    doc, base = item.doc, item.block.start
    if ATTRIBUTION_LINE.match(doc_text(doc)) and len(doc_text(doc).split()) <= STANDALONE_WORDS * 2:
        entity_id = resolver.entity_in(base, base + len(doc_text(doc)))
        if entity_id:
            return resolver.named(entity_id), None
    first = next(iter(doc.sents))
    for cue in first:
        if not _is_cue(cue, lexicon) or reported_content(cue, lexicon):
            continue
        pointing = any(t.lower_ in lexicon.anaphoric | {"it", "this", "that"} for t in cue.children)
        content = [c for c in cue.children if c.dep_ in {"ccomp", "dobj", "xcomp", "prep"}]
        if pointing or (cue.i == first.root.i and not content):  # "That is how X put it."
            speaker = resolver.resolve(speaker_token(cue, lexicon), base)
            if speaker.phrase:
                return speaker, cue
    return NOBODY, None


def _unmarked_quotation(
    item: ParsedBlock, previous: ParsedBlock | None, resolver: SpeakerResolver
) -> dict | None:
    """A paragraph without quotation marks set off after an introduction that names a
    speaker and a speech verb ("The minister wrote:"): that speaker's quotation."""
    text = doc_text(item.doc)
    if (
        previous is None
        or item.block.section != "body"
        or any(mark in text for mark in OPENING)
        or len(text.split()) < STANDALONE_WORDS
        or text.rstrip()[-1:] not in {".", "!", "?"}
    ):
        return None
    speaker, verb = _introduced_by(previous, resolver)
    last = list(previous.doc.sents)[-1]
    spoken = any(_is_cue(t, resolver.lexicon) or _is_cue_noun(t, resolver.lexicon) for t in last)
    if not speaker.phrase or not spoken:
        return None
    resolver.spoke(speaker, item.block.start)
    return _row(
        resolver.article,
        item.block.start,
        0,
        len(text.rstrip()),
        "direct",
        speaker,
        verb,
        "unmarked",
        resolver.lexicon,
    )


@dataclass(frozen=True)
class Paragraph:
    """One parsed paragraph with its neighbours (where a set-off quotation's speaker is
    named) and its quotation marks paired."""

    item: ParsedBlock
    previous: ParsedBlock | None
    following: ParsedBlock | None
    direct: list[QuoteSpan]
    sentences: list[Span]

    @property
    def base(self) -> int:
        return self.item.block.start


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
            yield _row(
                article, paragraph.base, start, end, "reported", speaker, cue, "closed", lexicon
            )
        resolver.note_sentence(sentence, paragraph.base)


def _reporter_of_unspoken(cue: Token, lexicon: SpeechLexicon) -> Token | None:
    """ "X said that members should expect "painful choices"": a cue with a modal
    ("should expect", "will announce") names words not yet spoken, and a verb of thought
    ("X says Y believes "..."") a belief the reporter ascribes; inside what another cue
    reports, the quotation is that reporter's words."""
    if not (_under_modal(cue) or cue.lemma_.lower() in lexicon.thoughts):
        return None
    current = cue
    for _ in range(4):
        if current.dep_ not in {"ccomp", "conj", "xcomp"} or current.head.i == current.i:
            return None
        current = current.head
        if _is_cue(current, lexicon):
            return current
    return None


def _headline_topic(row: dict, paragraph: Paragraph) -> bool:
    """ "Director warns of $64 million shortfall": in a headline, what a cue is about
    (after "of", "on", "about", "over") is its topic, not its words."""
    if paragraph.item.block.section != "headline" or row["kind"] != "reported":
        return False
    before = word_before(doc_text(paragraph.item.doc), row["start"] - paragraph.base)
    return before.lower() in TOPIC_PREPOSITIONS


def _direct_statement(
    quote: QuoteSpan, paragraph: Paragraph, resolver: SpeakerResolver, lexicon: SpeechLexicon
) -> dict | None:
    """The row of a quotation, or None for a name, a title or scare quotes."""
    doc = paragraph.item.doc
    if is_name_or_title(doc, quote, lexicon):
        return None
    around = _sentences_around(doc, paragraph.sentences, quote, lexicon)
    cue = direct_cue(quote, doc, around, lexicon)
    words = len(doc_text(doc)[quote.start : quote.end].split())
    whole = _whole_sentences(doc, quote)
    continuing = _continues_open_quotation(paragraph, quote)
    if (
        words <= SCARE_QUOTE_WORDS
        and not (whole or continuing)
        and not _quoted_words(doc, quote, cue, lexicon)
    ):
        return None
    speaker = NOBODY
    cue = _reporter_of_unspoken(cue, lexicon) or cue if cue is not None else None
    if cue is not None:
        subject = _speaker_of_cue(cue, lexicon, quoted=(quote.start, quote.end))
        speaker = resolver.resolve(subject, paragraph.base)
    elif continuing:
        speaker = resolver.last_speaker  # who opened the quotation goes on speaking
    elif _is_set_off(doc, quote):
        speaker, cue = _introduced_by(paragraph.previous, resolver)
        if not speaker.phrase and quote.status == "closed":
            speaker, cue = _attributed_after(paragraph.following, resolver, lexicon)
    elif doc_text(doc)[: quote.start - 1].rstrip().endswith(":"):  # "X was unrepentant: "...""
        sentence = next(s for s in around if s.start_char <= quote.start - 1 < s.end_char)
        leading = [t for t in sentence if t.idx < quote.start - 1]
        speaker, cue = _introducer(leading, resolver, paragraph.base)
    if not speaker.phrase and cue is None:
        speaker, cue = _according_source(quote, around, resolver, paragraph.base, lexicon)
    if not speaker.phrase and cue is None and not whole:
        speaker, cue = _embedding_subject(doc, quote, resolver, paragraph.base)
    if not speaker.phrase and cue is None and (whole or words > STANDALONE_WORDS):
        speaker = resolver.last_speaker  # a quotation alone continues the last speaker
    if speaker.phrase:
        resolver.spoke(speaker, paragraph.base + quote.start, cue)
    return _row(
        resolver.article,
        paragraph.base,
        quote.start,
        quote.end,
        "direct",
        speaker,
        cue,
        quote.status,
        lexicon,
    )


def _according_source(
    quote: QuoteSpan,
    around: list[Span],
    resolver: SpeakerResolver,
    base: int,
    lexicon: SpeechLexicon,
) -> tuple[Speaker, Token | None]:
    """ ""...," according to X": the source of an "according to" phrase after a quotation
    its sentence reports is who speaks it."""
    for sentence in around:
        if not sentence.start_char <= quote.end < sentence.end_char:
            continue
        for cue, source, content in _according_to(sentence, lexicon):
            reported = content[0].idx < quote.end and quote.start < content[-1].idx
            conforms = source.lemma_.lower() in lexicon.conformity
            if cue.idx >= quote.end and reported and not conforms:
                return resolver.resolve(source, base), cue
    return NOBODY, None


def _continues_open_quotation(paragraph: Paragraph, quote: QuoteSpan) -> bool:
    """A quotation that opens its paragraph after one whose quotation is left open at
    its end: news copy leaves a quotation that runs over a paragraph break unclosed and
    opens the next paragraph with a mark, so it is the same speaker's words going on,
    however short ("...this year.", then ""Not one cent more," and the room fell silent")."""
    previous = paragraph.previous
    if previous is None or previous.block.section != "body":
        return False
    if doc_text(paragraph.item.doc)[: quote.start - 1].strip():
        return False  # the quotation does not open the paragraph
    marks = pair_quotes(doc_text(previous.doc))
    return bool(marks) and marks[-1].status == "open"


def _reported_statement(
    cue: Token, paragraph: Paragraph, resolver: SpeakerResolver, lexicon: SpeechLexicon
) -> dict | None:
    """The row of what a cue outside quotation marks reports, or None: nothing
    reported, a statement only supposed, one the quotation it mostly is already gives,
    the writer's own voice, a phrase reported by no one ("announcing a package")."""
    if _supposed(cue, lexicon) or _unspoken(cue) or _within_report(cue, lexicon):
        return None
    if _asked_about(cue, lexicon):
        return None
    content = reported_content(cue, lexicon)
    anaphoric = " ".join(t.lower_ for t in content) in lexicon.anaphoric
    if len(content) < 2 and not anaphoric:
        return None
    start, end = content[0].idx, content[-1].idx + len(content[-1])
    overlapping = [q for q in paragraph.direct if q.start < end and start < q.end]
    quoted = sum(min(end, q.end) - max(start, q.start) for q in overlapping)
    if overlapping and _frame_only(content, overlapping):
        return None  # the quotation gives the statement; what leads into it says nothing
    if quoted > QUOTED_SHARE * (end - start):
        # mostly a quotation, which gives it; the reported words leading into it stay
        # ("told the committee that without it "..."")
        frame = _trimmed([t for t in content if t.idx < overlapping[0].start - 1])
        if all(t.dep_ in FRAME_ONLY or t.pos_ == "AUX" or t.is_punct for t in frame):
            return None  # "there would be "...": the quotation says it all
        subject = any(t.dep_ in SUBJECT_DEPS and t.head.idx >= overlapping[0].start for t in frame)
        if subject or len([t for t in frame if not t.is_punct]) < 2:
            return None  # "said its proposal "contains ..."": the quotation's own subject
        if frame[0].i < cue.i:
            return None  # "In a speech to the council, X said, "...": a setting, no words
        start, end = frame[0].idx, frame[-1].idx + len(frame[-1])
    if overlapping and cue.lemma_.lower() in lexicon.naming:
        return None  # "described X as "..."": the quotation is the statement
    speaker = resolver.resolve(_speaker_of_cue(cue, lexicon), paragraph.base)
    if speaker.head in lexicon.first_person and not speaker.entity_id:
        return None  # the writer's own voice
    if cue.lemma_.lower() in lexicon.evidential and not resolver.can_speak(speaker):
        return None  # "a reading above 50 indicates that ...": evidence, not words
    if _of_a_thing(cue) and not resolver.can_speak(speaker):
        return None  # "tax cuts which promised to boost growth": no one's words
    clausal = any(c.dep_ == "ccomp" for c in cue.children)
    if not speaker.phrase and (cue.pos_ == "NOUN" or not clausal):
        return None  # "announcing a package": whose? ("it was reported that" stays)
    if speaker.phrase and cue.pos_ != "NOUN":
        resolver.spoke(speaker, paragraph.base + start, cue)
    return _row(
        resolver.article, paragraph.base, start, end, "reported", speaker, cue, "closed", lexicon
    )


def _frame_only(content: list[Token], quotes: list[QuoteSpan]) -> bool:
    """Whether the reported words around the quotations they run into only frame them:
    a comment hung on the quotation ("said "...," which he defined as ..."), and at most
    one word of their own besides a subject pronoun, a copula and function words ("said
    the plan "is sound"", "told them it was "a fine plan""). "that without it "..."",
    "that there should not be "..."", "it was a "duty" to act" say something of their
    own. (A setting before a quotation whose cue follows, "After the vote, "...," X
    said", stays: the stance stage reads the issue it names.)"""
    inside = {t.i for t in content for q in quotes if q.start - 1 <= t.idx <= q.end}
    framing = {
        w.i
        for t in content
        if t.i not in inside and t.head.i in inside and _comment(t)
        for w in t.subtree
    }
    own = [
        t
        for t in content
        if t.i not in inside | framing
        and not t.is_punct
        and t.dep_ not in FRAME_WORDS
        and t.pos_ not in {"AUX", "DET"}
        and not (t.pos_ == "PRON" and t.dep_ in SUBJECT_DEPS)
    ]
    return len(own) < OWN_WORDS


def _comment(clause: Token) -> bool:
    """A clause opened by a relative word with a subject of its own ("..., which he
    defined as ..."; the parser may read it as relative or adverbial): a comment on what
    it hangs on, not a part of it ("a plan "that seeks to ..."")."""
    return (
        clause.dep_ in {"relcl", "advcl"}
        and clause.left_edge.tag_ in WH_TAGS
        and any(
            c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS for c in clause.children
        )
    )


def _within_report(cue: Token, lexicon: SpeechLexicon) -> bool:
    """ "X said that banks will cut their loans to it, citing its
    debts": a participle without a subject deep inside what another cue reports is a
    part of that report (the reported firms' reason), no statement of its own. One
    hung on the reported clause's own verb is the reporter's (_reporter_of_participle).
    So is a second verb of the reported subject in a clause opened by "that" ("X
    announced that Y had paid A and promised B")."""
    if any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return False
    host = cue.head
    second_verb = cue.dep_ == "conj" and cue.pos_ != "NOUN"  # not "..., and X's reply that"
    if second_verb and host.dep_ == "ccomp" and _is_cue(host.head, lexicon):
        return any(c.dep_ == "mark" and c.lower_ == "that" for c in host.children)
    if cue.tag_ != "VBG" or cue.dep_ not in {"advcl", "xcomp"} or host.dep_ == "ccomp":
        return False
    return any(a.dep_ == "ccomp" and _is_cue(a.head, lexicon) for a in host.ancestors)


def _of_a_thing(cue: Token) -> bool:
    """A cue in a relative clause on "which" ("a plan which promised ..."): a thing's
    doing, unless the antecedent can speak (an organisation, a source)."""
    return cue.dep_ == "relcl" and any(
        c.dep_ in SUBJECT_DEPS and c.lower_ == "which" for c in cue.children
    )


def _is_cue_noun(token: Token, lexicon: SpeechLexicon) -> bool:
    """A statement noun used as one ("his pledge that", not "pledged to")."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.nouns


def _unspoken(cue: Token) -> bool:
    """A cue under a modal ("it will announce a decision later", "would ask Congress
    to"): words not (yet) spoken, no statement."""
    return cue.pos_ != "NOUN" and _under_modal(cue)


def _asked_about(cue: Token, lexicon: SpeechLexicon) -> bool:
    """ "did not say when he thought ...", "would not say how long they expected ...": a
    cue in a clause a wh-word opens that a denied speech verb governs, words not said
    ("explained why he believed ..." may report them; "When X said ..., the crowd
    cheered" is a time). The parser may hang such a clause after the speech verb as an
    adverbial one."""
    opening, head = cue.left_edge, cue.head
    if opening.i >= cue.i or opening.tag_ not in WH_TAGS or head.i > cue.i:
        return False
    denied = any(c.dep_ == "neg" for c in head.children) and _is_cue(head, lexicon)
    return denied and cue.dep_ in {"ccomp", "xcomp", "advcl"}


def _under_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in UNSPOKEN for c in verb.children)


def _supposed(cue: Token, lexicon: SpeechLexicon) -> bool:
    """A cue in a condition ("if the owners believe ...", "so long as the labels disclose
    ..."): a statement only supposed. The parser may hang the words before the mark
    ("so long") elsewhere: the condition is read from the text."""
    for mark in (c for c in cue.children if c.dep_ == "mark"):
        words = [t.lower_ for t in cue.doc[max(mark.i - 2, cue.sent.start) : mark.i + 1]]
        if any(" ".join(words[i:]) in lexicon.conditions for i in range(len(words))):
            return True
    return False


def _speaker_of_cue(
    cue: Token, lexicon: SpeechLexicon, *, quoted: tuple[int, int] = (0, 0)
) -> Token | None:
    """The speaker of a verb cue, or of a noun cue: "an announcement by X", "X's pledge",
    "a statement issued by X", "the X statement", "X expressed concern that" (the subject
    of the verb the noun is the object of)."""
    if cue.pos_ != "NOUN":
        return speaker_token(cue, lexicon, quoted=quoted)
    participles = [c for c in cue.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for child in [*cue.children, *(g for p in participles for g in p.children)]:
        if child.dep_ == "poss":
            return child
        if child.dep_ in {"prep", "agent"} and child.lower_ == "by":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    # "the Acme statement that ...": a name in front of the noun is who made it
    names = [
        c
        for c in cue.children
        if c.dep_ in {"compound", "amod", "nmod"} and c.i < cue.i and c.ent_type_ in NAMED_SOURCES
    ]
    if names:
        return names[-1]
    if cue.dep_ == "dobj" and cue.head.lemma_.lower() in lexicon.delivering:
        return speaker_token(cue.head, lexicon)
    return None


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
    unnamed = sorted(bare_forms(last) & resolver.lexicon.anonymous, key=lambda w: (w != last, w))
    if unnamed:  # "Officials", "Witnesses": the head is the lexicon's own word
        return Speaker("", resolver.article.text[base + start : base + end].strip(), unnamed[0])
    if last in resolver.lexicon.documents or last in resolver.lexicon.headline_roles:
        return Speaker("", resolver.article.text[base + start : base + end].strip(), last)
    return None


def _according_to(
    sentence: Span, lexicon: SpeechLexicon
) -> Iterator[tuple[Token, Token, list[Token]]]:
    """ "..., according to X", "In X's view, ...", "in the words of X": the cue, the
    source and the tokens of what is reported (before the phrase, or after it when the
    sentence opens with it)."""
    for token in sentence:
        if (according := _according_phrase(token)) is not None:
            phrase, cue = according, token
            sources = [c for c in phrase.children if c.dep_ == "pobj"]
        elif (
            token.lemma_.lower() in lexicon.views
            and token.dep_ == "pobj"
            and token.head.lower_ == "in"
        ):
            phrase, cue = token.head, token
            # "in the view of X", never the bare "in view of X" (given X) nor "in an
            # assessment of X" (X is what is assessed)
            determined = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            sources = [c for c in token.children if c.dep_ == "poss"] or [
                g
                for c in token.children
                if c.lower_ == "of" and determined
                for g in c.children
                if g.dep_ == "pobj"
            ]
        else:
            continue
        if not sources:
            continue
        first = min(phrase.left_edge.i, cue.i)
        content = [t for t in sentence if t.i < first and not (t.i == first - 1 and t.is_punct)]
        if not content:
            content = [t for t in sentence if t.i > phrase.right_edge.i and not t.is_punct]
        if content:
            yield cue, sources[0], content


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
    lexicon: SpeechLexicon,
) -> dict:
    return {
        **_row_text(article, base, start, end),
        "kind": kind,
        "speaker_id": speaker.entity_id,
        "speaker": speaker.phrase or UNATTRIBUTED,
        "speaker_head": speaker.head,
        "cue": _cue_text(cue, lexicon),
        "status": status,
    }


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
                found.append((base + token.idx, token.head.lemma_.lower(), entity_id))
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
    organisation = role in lexicon.organisations | lexicon.institutions
    determiners = {"the", "a", "an"} if organisation else {"the"}
    if resolver.roles.get(naming["speaker_id"], "").endswith(role):
        determiners = {"the", "a", "an"}  # "a company spokesman", then "spokesman Jo Berg"
    entities = context.table("entities")
    first_named = dict(zip(entities["entity_id"], entities["first_start"], strict=True))
    if (
        phrase.split()[0].lower() in determiners
        and (organisation or role in lexicon.headline_roles | lexicon.anonymous)
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
    organisations = lexicon.organisations | lexicon.institutions
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
