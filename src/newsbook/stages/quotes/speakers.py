"""Speakers: the token a cue names turned into a `Speaker` by `SpeakerResolver`, an entity
through the mentions table (a name, a title, a role one person holds, an organisation's
word, a document's author) or the phrase of an unnamed source; a pronoun stands for the
last speaker or subject. The resolver reads the article in order and remembers who
spoke last.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsbook.lexicons import hyphenated_lemma
from newsbook.stages.context import ArticleContext
from newsbook.stages.quotes.clauses import speaker_token
from newsbook.stages.quotes.cues import CLAUSES, SUBJECT_DEPS, _is_cue
from newsbook.stages.quotes.marks import OPENING
from newsbook.text.nlp import (
    named_members,
    prepositional_objects,
    word_after,
    word_before,
)

NAME_PREPOSITIONS = re.compile(r"\b(?:of|on|for|in|to|against)\b")  # "Commission on X"
SOURCES = {"in", "by", "from", "of"}  # "a report in the Herald", "a study by X"
LOCATIONS = {"in", "at"}  # "the embassy in Bellport": where it is
ORGANISATION_PREPOSITIONS = {"of", "for", "at"}  # "the head of the board": where the role is
PLACES = {"GPE", "LOC", "FAC"}
SOME_OTHER = {"other", "another", "rival", "different"}  # "the other company": not the last one
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


@dataclass(frozen=True)
class Speaker:
    entity_id: str
    phrase: str
    head: str = ""  # lemma of the phrase's head noun, to recognise "the official, X" later
    plural: bool = False  # "diplomats said": not what a later "he" stands for


NOBODY = Speaker("", "")


class SpeakerResolver:
    """Turns a speaker token into a Speaker, remembering the last one for "he said"."""

    def __init__(self, context: ArticleContext) -> None:
        entities = context.table("entities")
        self.article = context.article
        self.lexicon = context.resources.speech
        self.title_heads = context.resources.title_heads
        self.honorifics = context.resources.honorifics
        self.postnominals = context.resources.postnominals
        self.same_office = context.resources.same_office
        self.company_suffixes = context.resources.company_suffixes
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
        self.paragraph_starts = [item.block.start for item in context.parsed]
        self.spoken: list[tuple[int, str]] = []  # (offset, entity id) of every statement
        self.last_subject = ""
        self.last_subject_at = -1
        self.last_subject_acts = False  # the subject of an active verb, not a passive's agent
        self.members_named = context.resources.stance.members_named
        self.last_organisation = ""  # the last organisation that spoke ("the company said")
        self.unnamed: set[str] = set()  # heads of unnamed sources so far ("an official")
        self.authors: dict[str, str] = {}  # document noun -> who spoke in one ("a letter")
        self.in_document = False  # the last words were given in a document: "it said" is it
        self.last_document, self.last_document_at = "", -1  # the author of one last named
        self.pronoun_of = self._pronouns_by_title(context)  # who -> the pronoun for them
        # entity -> the words the article calls it by: its aliases, a person's surname
        spelled = dict(zip(entities["entity_id"], entities["aliases"], strict=True))
        self.aliases = {
            entity_id: {a for a in spelled[entity_id].split(" | ") if a}
            | ({name.split()[-1]} if self.types.get(entity_id) == "PERSON" and name else set())
            for entity_id, name in self.names.items()
        }

    def _pronouns_by_title(self, context: ArticleContext) -> dict[str, str]:
        """The pronoun a person's title calls for ("Mrs Iris Kowalczyk": "she"), where
        the titles before their mentions agree."""
        gendered = context.resources.gendered_titles
        found: dict[str, set[str]] = {}
        text = self.article.text
        for start, _, entity_id in self.mentions.spans:
            if self.types.get(entity_id) == "PERSON":
                title = word_before(text, start).lower()
                if title in gendered:
                    found.setdefault(entity_id, set()).add(gendered[title])
        return {entity_id: forms.pop() for entity_id, forms in found.items() if len(forms) == 1}

    def spoke(self, speaker: Speaker, offset: int, cue: Token | None = None) -> None:
        """Remember who spoke last, for a later "he said" or a quotation standing alone,
        and in what document ("X said in a letter": a later "the letter said" is X's)."""
        self.last_speaker, self.last_speaker_at = speaker, offset
        self.spoken.append((offset, speaker.entity_id))
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
        heads |= lexicon.bodies | self.title_heads
        pronoun = speaker.phrase.lower() in GROUP_PRONOUNS
        return bool(speaker.entity_id) or speaker.head in heads or pronoun

    def named(self, entity_id: str) -> Speaker:
        return Speaker(entity_id, self.names.get(entity_id, entity_id))

    def resolve(self, subject: Token | None, base: int) -> Speaker:
        if subject is None:
            return NOBODY
        subject = _past_the_participle(subject)
        form = POSSESSIVE_PRONOUNS.get(subject.lower_, subject.lower_)  # "his pledge": he
        if form in self.lexicon.first_person:
            return Speaker("", subject.text, form, plural=form != "i")
        if form in self.lexicon.pronouns:
            return self._pronoun(subject, base, form)
        if form in GROUP_PRONOUNS:
            return self._impersonal(subject, base, form)
        if self._coordinated(subject, base) and not self._one_name(subject, base):
            # "The union and the company said": a group (not "Korval and Co said")
            start, end = base + subject.left_edge.idx, base + subject.right_edge.idx
            end += len(subject.right_edge)
            phrase = " ".join(self.article.text[start:end].split()).strip(" ,;:")
            return Speaker("", phrase, subject.lemma_.lower(), plural=True)
        head_start = base + subject.idx
        entity_id = self.entity_in(head_start, head_start + len(subject))
        if not entity_id and subject.lower_ in self.postnominals and subject.i > 0:
            before = base + subject.nbor(-1).idx  # "Brendan Grehan SC told": the person
            entity_id = self.entity_in(before, before + 1, types={"PERSON"})
        if self.types.get(entity_id) == "NORP" and _definite(subject):
            # "the Texas Democrat said", "the Norlander added": an epithet of the person
            # speaking, not the party or the nation
            entity_id = self._by_definite_description(subject)
        if self.types.get(entity_id) == "ORG":
            entity_id = self._titled_name_closing(subject, base) or entity_id
        elif not entity_id and subject.lower_ in self.title_heads:
            entity_id = self._portfolio_holder(subject, base)
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
                if not entity_id:  # "counsel, Mr Anthony Grieve QC,": the one name in it
                    first, last = base + child.left_edge.idx, base + closing.idx + len(closing)
                    people = {
                        i
                        for _, _, i in self.mentions.within(first, last)
                        if self.types.get(i) == "PERSON"
                    }
                    entity_id = people.pop() if len(people) == 1 else ""
        if not entity_id:
            entity_id = (
                self._named_after_the_role(subject, base)
                or self._titled_name_after(subject, base)
                or self._leader(subject, base)
            )
        if not entity_id and subject.lemma_.lower() in self.title_heads:
            entity_id = self._role_at_organisation(subject, base)
        if not entity_id:
            entity_id = self._person_set_off_after(subject, base)
        tokens = [t for t in subject.subtree if not (t.is_punct and t.text in OPENING)]
        relative = {t.i for r in subject.subtree if r.dep_ == "relcl" for t in r.subtree}
        tokens = [t for t in tokens if t.i not in relative] or [subject]
        start, end = base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1])
        lemma = hyphenated_lemma(subject)
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
            if lemma in self.lexicon.documents:  # "an audit of X by Y": Y's
                entity_id = self._author_of(subject, base)
            if own and not entity_id:
                entity_id = self.entity_in(
                    base + own[0].idx,
                    base + own[-1].idx + len(own[-1]),
                    types={"ORG", "PERSON", "GPE"},
                )
        authored = any(
            c.dep_ == "acl" and c.lemma_.lower() in self.lexicon.authoring for c in subject.children
        )  # "figures compiled by the Nyaya Trust": the trust's
        if not entity_id and authored:
            entity_id = self._author_of(subject, base)
        if not entity_id and lemma in self.lexicon.nouns and _owned(subject):
            # "The Minister's response has been to accuse critics of "...": the owner's
            entity_id = self._author_of(subject, base)
        institutions = self.lexicon.bodies
        if not entity_id and lemma in institutions:
            entity_id = self._organisation(subject, base)
        if not entity_id and lemma in self.lexicon.documents and _definite(subject):
            # "the letter said" after "X said in a letter"; "the radio": "Bellport radio"
            entity_id = self.authors.get(lemma) or self._named_with(subject.lower_, [])
            if entity_id:  # the document's own words still: a later "it said" goes on
                return Speaker(entity_id, self.names.get(entity_id, entity_id), lemma)
        sourced = any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in SOURCES) for c in subject.children
        )  # "the announcement by the county": the county's, named or not
        if not entity_id and lemma in self.lexicon.nouns and _definite(subject) and not sourced:
            # "Reagan announced ... The announcement said": the last speaker's words
            entity_id = self.last_speaker.entity_id
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
        things = lexicon.documents | lexicon.bodies
        thing = self.types.get(last.entity_id) in {"ORG", "GPE"} or (
            not last.entity_id and last.head in things | lexicon.governments
        )  # "he" is no report, no ministry
        # "he" is one person, not "the family" that last spoke
        collective = not last.entity_id and last.head in lexicon.collectives
        if last.phrase and not (last.plural and singular) and not (singular and thing):
            if not (singular and collective):
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
            return last if last.plural else Speaker("", pronoun.text, form, plural=True)
        offset = base + pronoun.idx
        named_since = any(
            self.last_document_at < s < offset and self.types.get(i) == "ORG"
            for s, _, i in self.mentions.spans
        )  # ("The OECD's report criticised the plan. Bellport Council rejected it. "...,"
        # it said": the council)
        if self.last_document and self.last_document_at > self.last_speaker_at and not named_since:
            # "The report of the X Inquiry is damning. ... "...," it states.": its author
            return self.named(self.last_document)
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
            if (t.i == subject.i or t.dep_ not in {"det", "poss", "case"})  # ("the Minister's")
            and not t.is_punct
            and t.i >= subject.i
            and t.i not in relative
        ]
        core = " ".join(words)
        if len(core) < 4:
            return ""
        found = [e for e, role in self.roles.items() if role.endswith(core)]
        if len(found) < 2:
            return found[0] if found else ""
        # "the Chief Justice" where a Justice sat beside them: told apart by the words
        # before the title
        described = [
            t.lower_
            for t in subject.children
            if t.dep_ in {"compound", "amod"} and t.i < subject.i and not t.is_punct
        ]
        if not described:
            return ""
        whole = " ".join([*described, core])
        found = [e for e in found if self.roles[e].endswith(whole)]
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
        person = self._person_closing(subject, base)
        between = subject.doc[subject.i + 1 : subject.right_edge.i]
        return person if person and any(t.lower_ in self.title_heads for t in between) else ""

    def _person_closing(self, subject: Token, base: int) -> str:
        """The person named by the last word of the subject's phrase, after the subject."""
        closing = subject.right_edge
        if closing.i <= subject.i:
            return ""
        start = base + closing.idx
        return self.entity_in(start, start + len(closing), types={"PERSON"})

    def _portfolio_holder(self, subject: Token, base: int) -> str:
        """ "Minister for Health Conor Ó Briain told": the parser may hang the name on the
        title's portfolio; a person whose name ends the title's phrase, right after a
        capitalised word of a portfolio led by "for" or "of", is the title's holder (not
        "a deputy to Secretary of State X", whose own title it is)."""
        person = self._person_closing(subject, base)
        if not person:
            return ""
        named = [
            t.i
            for t in subject.doc[subject.i + 1 : subject.right_edge.i + 1]
            if self.entity_in(base + t.idx, base + t.idx + len(t), types={"PERSON"}) == person
        ]
        between = subject.doc[subject.i + 1 : named[0]] if named else []
        # an honorific opens the name ("Minister for Health Dr Jane Smith")
        honoured = bool(between) and between[-1].lower_ in self.honorifics
        if honoured:
            between = between[:-1]
        unnamed_role = subject.lower_ in self.lexicon.anonymous
        if unnamed_role:
            # a role that may go unnamed ("a spokesman for X") holds a portfolio only "on" a
            # matter, and before an honorific ("spokesman on health Dr Marlene Chin-Fatt";
            # not "an expert on the late Dr X")
            matter = len(between) >= 2 and between[0].lower_ == "on"
            plain = all(t.pos_ in {"NOUN", "PROPN", "ADJ", "CCONJ"} for t in between[1:])
        else:
            matter = (
                bool(between)
                and between[0].lower_ in {"for", "of"}
                and between[-1].pos_ == "PROPN"
                and between[-1].is_title
            )
            plain = all(t.pos_ in {"ADP", "PROPN", "DET", "CCONJ"} for t in between)
        others = any(t.lower_ in self.title_heads for t in between)
        held = matter and plain and not others and (honoured or not unnamed_role)
        return person if held else ""

    def _titled_name_after(self, subject: Token, base: int) -> str:
        """ "But quarterback Devin Marsh, who was benched, told ...": the parser may take
        the title for the subject and hang the name on it as something else; a person
        whose name follows the subject word right away, and is its dependent, speaks."""
        if subject.i + 1 >= len(subject.doc) or subject.pos_ == "PRON":
            return ""  # (a title the parser took for a verb: "quarterback Devin Marsh")
        after = subject.doc[subject.i + 1]
        start = base + after.idx
        # (a name holding the word after the subject, not the subject: it begins there)
        person = self.entity_in(start, start + len(after), types={"PERSON"})
        if not person or not after.is_title:
            return ""
        return person if subject.i in {t.i for t in after.ancestors} else ""

    def _named_after_the_role(self, subject: Token, base: int) -> str:
        """ "The Labour member for Ashmouth North, Margaret Stead, said": the parser may
        hang the name set off after a role on the last word of the role's phrase; the
        person so named is the speaker."""
        phrase = [subject]
        while True:
            preps = [c for c in phrase[-1].children if c.dep_ == "prep"]
            objects = [g for p in preps[-1:] for g in p.children if g.dep_ == "pobj"]
            if not objects:
                break
            phrase.append(objects[-1])
        for word in phrase[1:]:
            for child in word.children:
                if child.dep_ == "appos" and child.i > word.i:
                    start = base + child.idx
                    person = self.entity_in(start, start + len(child), types={"PERSON"})
                    if person:
                        return person
        return ""

    def _leader(self, subject: Token, base: int) -> str:
        """ "A team led by Dr X warned", "The delegation, led by deputy minister X, said":
        the one person a body is led by speaks for it; people in the plural speak for
        themselves ("The three members who voted no, led by X, argued")."""
        if subject.tag_ in {"NNS", "NNPS"}:
            return ""
        if _definite(subject) and subject.lemma_.lower() in self.lexicon.bodies:
            return ""  # "The company, headed by X, said": the company
        agents = [
            g
            for c in subject.children
            if c.dep_ == "acl" and c.lemma_.lower() in self.lexicon.leading
            for a in c.children
            if a.dep_ == "agent"
            for g in a.children
            if g.dep_ == "pobj"
        ]
        for agent in agents:  # the person the agent names, not one owning it ("X's party")
            start = base + agent.idx
            person = self.entity_in(start, start + len(agent), types={"PERSON"})
            if person:
                return person
        return ""

    def _one_name(self, subject: Token, base: int) -> bool:
        """ "Korval and Co", "Smith, Harris And Co": words joined by "and" inside one
        name."""
        start = base + subject.idx
        entity_id = self.entity_in(start, start + len(subject))
        joined = [
            c
            for c in subject.children
            if c.dep_ == "conj" or (c.dep_ == "appos" and _a_list_of_names(c))
        ]
        return bool(entity_id) and all(
            self.entity_in(base + c.idx, base + c.idx + len(c)) == entity_id for c in joined
        )

    def _coordinated(self, subject: Token, base: int) -> bool:
        """ "The Harbour Union and Norland", "Vendt and Oduya", "Sunna Co, Pirrie
        Petroleum and Dunmore Shamrock" (a list the parser may hang on the first name as
        an apposition): more than one speaker; not "Jim Leary, Merrill Lynch and Co,
        said", a person, then who he is with."""
        joined = any(c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} for c in subject.children)
        if joined and any(c.dep_ == "cc" for c in subject.children):
            return True
        start = base + subject.idx
        person = (
            self.types.get(self.entity_in(start, start + len(subject))) == "PERSON"
            and subject.lower_.rstrip(".") not in self.company_suffixes  # ("Sunna Co")
        )
        for child in subject.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and _a_list_of_names(child):
                # ("James Baker, Paul Volcker and James Miller said": people, all of them)
                listed = self.types.get(
                    self.entity_in(base + child.idx, base + child.idx + len(child))
                )
                if not person or listed == "PERSON":
                    return True
        return False

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
        # "the Austin-based company", "the Bellport company": where it is, not its name
        located = {t.i for t in subject.subtree if t.ent_type_ in PLACES}
        # "the Sunday Courier newspaper": a name of its own, not the place that owns it
        named = any(t.pos_ == "PROPN" and t.i not in owner | located for t in subject.subtree)
        if named or subject.tag_ in {"NNS", "NNPS"}:
            return ""
        described = [
            c.lower_
            for c in subject.children
            if c.dep_ in {"amod", "compound"}
            and c.i < subject.i
            and not any(t.i in located for t in c.subtree)
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
        # unless the organisation that spoke last may be called so, "the association said"
        # is the one named an association before ("X Cricket Association fined the
        # Tigers"), not the last one named
        offset = base + subject.idx
        return self._named_with(noun, [], beside=False, before=offset) or self.mentions.before(
            offset,
            {"ORG"},
            accept=lambda entity_id: self.may_be_called(entity_id, noun),
        )

    def _spelled_out(self, entity_id: str) -> str:
        """ "The Bank's report said" after "the Bank of Norland": an organisation whose
        name is only the word for what it is ("Bank", "Ministry") is the one organisation
        the article names with that word, where there is one."""
        name = self.names.get(entity_id, "").casefold()
        words = self.lexicon.bodies
        if self.types.get(entity_id) != "ORG" or name not in words:
            return entity_id
        return self._named_with(name, [], beside=False) or entity_id

    def _named_with(
        self, noun: str, described: list[str], *, beside: bool = True, before: int | None = None
    ) -> str:
        """The one organisation the article names with a word (before an offset, if
        given): its name holds the word (and the words describing it: "the central
        bank", "Central Bank of Norland"), or the word stands right beside one of its
        names ("the daily Gazeta", "the Courier newspaper")."""
        text = self.article.text
        found = set()
        for start, end, entity_id in self.mentions.spans:
            if self.types.get(entity_id) != "ORG" or (before is not None and start >= before):
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
        names no one and is no anonymous source is the person last speaking: an epithet,
        which places the person by a name ("the California Republican"), or a title when
        that person was the only one speaking in their paragraph and holds no other office
        ("the judge observed" after Justice X), not someone new ("the harbour master
        said", a title after others spoke, "the judge said" after Mayor X)."""
        determiners = [c for c in subject.children if c.dep_ == "det"]
        if not determiners or determiners[0].lower_ != "the" or subject.tag_ == "NNS":
            return ""
        if any(t.dep_ in {"prep", "relcl", "appos"} for t in subject.rights):
            return ""  # "the regional manager for one of the oil companies": someone new
        entity_id = self.last_speaker.entity_id
        if self.types.get(entity_id) != "PERSON":
            return ""
        if any(t.pos_ == "PROPN" for t in subject.subtree if t.i <= subject.i):
            return entity_id
        # a title alone ("the judge observed") is the last speaker where no one else spoke
        # in that speaker's paragraph ("Councillors X and Y spoke. The judge said ...":
        # someone new); a word for no person's title ("the harbour master") never is
        title = subject.lemma_.lower()
        if title not in self.title_heads:
            return ""
        role = self.roles.get(entity_id, "")
        if role and title not in {self.same_office.get(w, w) for w in role.split()}:
            return ""  # "Mayor Tom Hale said ... The judge said": another office
        paragraph = bisect.bisect_right(self.paragraph_starts, self.last_speaker_at)
        others = {
            spoken
            for offset, spoken in self.spoken
            if bisect.bisect_right(self.paragraph_starts, offset) == paragraph
        }
        return entity_id if others == {entity_id} else ""

    def _note_author(self, document: Token, base: int) -> None:
        """ "A report by the OECD pilloried X", "the OECD's report found": a later "the
        report said", or "it states", is its author's."""
        lemma = document.lemma_.lower()
        if lemma not in self.lexicon.documents:
            return
        entity_id = self._author_of(document, base)
        if entity_id:
            self.authors[lemma] = entity_id
            # (where its phrase ends: "the report of the X Inquiry, chaired by Y," names
            # its author within it)
            closing = document.right_edge
            self.last_document = entity_id
            self.last_document_at = base + closing.idx + len(closing)

    def _author_of(self, document: Token, base: int) -> str:
        """Who wrote a document: its owner ("the OECD's report", "its own report", "the
        board's assessment"), who it is by or from ("a poll released by Northstar"; a place
        it came from is no author) or of ("the report of the Glenmorven Inquiry")."""
        participles = [
            c
            for c in document.children
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in self.lexicon.authoring
        ]  # "released by", not "monitored by"
        owners = [c for c in document.children if c.dep_ == "poss"]
        for owner in owners:
            speaker = self.resolve(owner, base)
            pronoun = owner.lower_ in POSSESSIVE_PRONOUNS
            if speaker.entity_id and not (pronoun and self.types.get(speaker.entity_id) != "ORG"):
                return speaker.entity_id  # ("its report": an organisation's, not a town's)
        authors = prepositional_objects(document, {"by", "from"})
        authors += [
            g
            for p in participles
            for c in p.children
            if c.dep_ == "agent"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        authors += prepositional_objects(document, {"of"})  # ("an audit of X by Y": Y's)
        for author in authors:
            start = base + author.idx
            entity_id = self.entity_in(start, start + len(author), types={"ORG", "PERSON"})
            if entity_id:
                return entity_id
        return ""

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
            self._note_author(child, base)
            # "The authority's director, Anna Berg, was blunt.": the name in apposition;
            # "Economists, including Jean Cheval, agreed.": the one member named
            members = named_members(child, self.members_named)
            for token in [
                child,
                *(c for c in child.children if c.dep_ == "appos"),
                *(members if len(members) == 1 else []),
            ]:
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
                    self.last_subject_acts = True
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
                self.last_subject_acts = False


def _past_the_participle(subject: Token) -> Token:
    """ "Replying, the Minister of the Interior, Mr. Ansah, said": a participle set off by
    a comma before the subject is none; the parser hangs the subject on it."""
    doc = subject.doc
    set_off = subject.i + 1 < len(doc) and doc[subject.i + 1].text == ","
    if subject.tag_ not in {"VBG", "VBN"} or not set_off:
        return subject
    nouns = [c for c in subject.children if c.i > subject.i + 1 and c.pos_ in {"NOUN", "PROPN"}]
    people = [c for c in nouns if c.ent_type_ == "PERSON"]  # the name, not its title
    return (people or nouns or [subject])[0]


def _owned(noun: Token) -> bool:
    """ "The Minister's response", "its reply": a noun with an owner."""
    return any(c.dep_ == "poss" for c in noun.children)


def _definite(noun: Token) -> bool:
    """ "the senator", not "a senator" or "senators"."""
    determiners = [c for c in noun.children if c.dep_ == "det"]
    return bool(determiners) and determiners[0].lower_ == "the" and noun.tag_ in {"NN", "NNP"}


def _a_list_of_names(phrase: Token) -> bool:
    """ "Pirrie Petroleum and Dunmore Shamrock": names joined by "and", nothing else (not
    "chairman of the subcommittee on wheat and feed grains", nor a relative clause)."""
    words = list(phrase.subtree)
    return any(t.dep_ == "cc" for t in words) and all(
        t.pos_ in {"PROPN", "CCONJ", "PUNCT", "SPACE"} for t in words
    )
