"""Who holds a stance cue (`ActorFinder`): its subject, possessor, agent or
national adjective resolved to an entity through the mentions table, with coordinated and
apposed holders, the pronouns' antecedents, a group's named members and unnamed subjects;
and the writer in whose own voice an opinion piece speaks (`writer_of`,
`publication_short_names`)."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Token

from newsbook.lexicons import ACTOR_TYPES, StanceLexicon, word_forms
from newsbook.stages.context import ArticleContext, SpanIndex
from newsbook.stages.positions.conditions import CLIMB
from newsbook.stages.positions.cues import (
    _extraposed,
    _put_forward_by_subject,
    gerund_governor,
    received_attitude,
)
from newsbook.stages.voice import byline_names, reads_as_commentary
from newsbook.text.nlp import in_headline, named_members, prepositional_objects

HOLDER_DEPS = {"nsubj", "poss", "agent", "amod", "compound", "nmod"}
PLACES_AND_NATIONALITIES = {"GPE", "NORP", "LOC"}


class Holding(NamedTuple):
    holders: list[str]  # who holds a cue (`ActorFinder.holders`)
    unnamed: bool  # whether its act is an unnamed subject's (`ActorFinder.held_unnamed`)


# "a spokesman for X", "officials of X", "officials at X", "officials from X"
REPRESENTED_BY = frozenset({"for", "of", "at", "from"})


class ActorFinder:
    """Who holds a stance cue, resolved to an entity through the mentions table."""

    def __init__(self, context: ArticleContext) -> None:
        entities, resources = context.table("entities"), context.resources
        self.types = context.entity_types
        by_name = dict(zip(entities["name"], entities["entity_id"], strict=True))
        # who an actor stands for: a nationality adjective for its state, a person for
        # the state they lead when a government noun is theirs
        self.states = {
            entity_id: by_name[resources.state_adjectives[name.lower()]]
            for entity_id, name in zip(entities["entity_id"], entities["name"], strict=True)
            if resources.state_adjectives.get(name.lower()) in by_name
        }
        self.affiliations = context.affiliations
        self.government_nouns = resources.stance.government_nouns
        self.mentions = context.mention_index
        self.may_be_called = context.may_be_called
        self.first_person = resources.stance.first_person
        self.anonymous = resources.speech.anonymous
        self.organisation_nouns = resources.speech.organisations
        self.roles = {
            entity_id: " ".join(str(role).lower().split())
            for entity_id, role, kind in zip(
                entities["entity_id"], entities["role"], entities["type"], strict=True
            )
            if kind == "PERSON" and role
        }
        self.spokespeople = resources.stance.spokespeople
        self.governing_bodies = resources.stance.governing_bodies
        self.members_of = resources.stance.members_of
        self.body_kinds, self.names = context.body_kinds, context.entity_names
        self.members_named = resources.stance.members_named
        self.indefinite = resources.stance.indefinite
        self.stance = resources.stance
        # nouns of things, never of a holder ("the plan", "an offer")
        self.things = resources.stance.issue_nouns | resources.stance.proposals
        self.reporting = resources.stance.reporting
        self.writer = writer_of(context)
        # an unsigned editorial calls its publication by the last words of its name ("The
        # Gazette supports ..." in The Harbour Gazette): its own voice, not another holder
        unsigned = bool(self.writer) and not byline_names(context)
        self.own_names = publication_short_names(context, self.writer) if unsigned else frozenset()
        self.publication_nouns = resources.stance.publication_nouns if unsigned else frozenset()
        self._holdings: dict[tuple[int, int, int], Holding] = {}
        quotes = context.table("quotes")
        # the writer's own words ("I call it a gamble") are no one else's statement
        self.quote_spans = SpanIndex(
            [
                (start, end, "")
                for start, end, i, speaker in zip(
                    *(quotes[c] for c in ("start", "end", "speaker_id", "speaker")),
                    strict=True,
                )
                if str(speaker).lower() not in self.first_person
                and (not self.writer or i != self.writer)
            ]
        )

    def quoted(self, offset: int) -> bool:
        """Whether an offset is inside a statement the article reports (direct or not)."""
        return bool(self.quote_spans.holding(offset))

    def at(self, start: int, end: int) -> str:
        return self._voice(self.mentions.at(start, end, types=ACTOR_TYPES))

    def before(self, offset: int, types: set[str]) -> str:
        if not self.own_names or "ORG" not in types:
            return self.mentions.before(offset, types)
        # the publication's short name, an "it" even where read as a person ("The Beacon")
        wider = set(types) | {self.types.get(e, "") for e in self.own_names}
        return self._voice(
            self.mentions.before(
                offset, wider, accept=lambda e: e in self.own_names or self.types.get(e) in types
            )
        )

    def _voice(self, entity_id: str) -> str:
        """The entity, or the publication where it is the publication's short name."""
        return self.writer if entity_id in self.own_names - {""} else entity_id

    def token_entity(self, token: Token, base: int) -> str:
        start = base + token.idx
        if token.lower_ in self.first_person and not self.quoted(start):
            return self.writer  # "I call it a gamble": the writer of an opinion piece
        if token.pos_ == "PRON":
            if token.lower_ in {"he", "his", "him", "she", "her"}:
                wanted = {"PERSON"}
            elif token.lower_ in {"it", "its"}:
                wanted = {"GPE", "ORG"}
            else:
                return ""
            return (
                self._clause_subject(token, base, wanted)
                or self._reporter(token, base, wanted)
                or self.before(start, wanted)
            )
        entity_id = self.at(start, start + len(token))
        if entity_id:
            return self.states.get(entity_id, entity_id)
        # "the council president, Grace Whitfield": an apposition names the very one
        children = sorted(token.children, key=lambda c: c.dep_ != "appos")
        for child in children:  # "the U.S. proposal", "fellow Democrat Harlow Venn"
            if child.dep_ != "appos" and self.unnamed_member(token):
                continue
            governed = bool(word_forms(token) & self.governing_bodies)  # "the board of X"
            speaks = self.speaks_for(token)
            if speaks and child.dep_ == "prep" and child.lower_ in REPRESENTED_BY:
                child = next((g for g in child.children if g.dep_ == "pobj"), child)
            elif governed and child.dep_ == "prep" and child.lower_ == "of":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects and word_forms(objects[0]) & self.governing_bodies:
                    # "the board of directors of X": the body's own name, then whose
                    objects = [
                        g
                        for p in objects[0].children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children
                        if g.dep_ == "pobj"
                    ]
                if not objects:
                    continue
                child = objects[0]
            elif child.dep_ not in {"compound", "appos", "poss", "amod"}:
                continue
            if child.i < token.i + 3 or speaks or governed:
                entity_id = self.at(base + child.idx, base + child.idx + len(child))
                if not entity_id and (governed or speaks):
                    # "the company's board", "a spokesman for the company": described;
                    # "Norland government officials": the government's
                    entity_id = self.described(child, base) or self._government_of(child, base)
                if child.dep_ != "appos" and self._of_a_place(token, entity_id):
                    continue  # "German banks", "Latin nations": some of that place's
                if child.dep_ == "amod" and self._describes_a_person(token, entity_id):
                    continue  # "a Dutch economist": an economist, not the Netherlands
                if (
                    token.lower_ in self.stance.representatives
                    and self.types.get(entity_id) == "NORP"
                    and entity_id not in self.states
                ):
                    continue  # "Arab officials": of no one state the article names
                if entity_id and token.lemma_.lower() in self.government_nouns:
                    return self.affiliations.get(entity_id, entity_id)
                if entity_id:
                    return self.states.get(entity_id, entity_id)
        return self.described(token, base)

    def _government_of(self, noun: Token, base: int) -> str:
        """ "Norland government", "the Norland administration": a government word a state
        modifies is that state's."""
        if not word_forms(noun) & self.government_nouns:
            return ""
        for child in noun.children:
            if child.dep_ in {"compound", "amod", "poss"}:
                entity_id = self.at(base + child.idx, base + child.idx + len(child))
                if entity_id:
                    return self.states.get(entity_id, entity_id)
        return ""

    def _describes_a_person(self, noun: Token, entity_id: str) -> bool:
        """ "a Dutch economist", "a French farmer": a nationality on the word for one
        person who speaks for no state (`private_persons`) says where they are from; the
        nation holds nothing (its minister, its ambassador, its official, its side and its
        ministry speak for the state)."""
        return (
            self.types.get(entity_id) == "NORP"
            and noun.tag_ == "NN"
            and noun.lemma_.lower() in self.stance.private_persons
        )

    def _of_a_place(self, noun: Token, entity_id: str) -> bool:
        """ "French operators", "German banks", "the Latin nations": a plural noun a place
        or nationality modifies names some of that place's people or bodies, not the
        state (its governments and its proposals are the state's); so does a word for an
        organisation ("Belgium's second largest bank", "a Dutch union")."""
        lemma = noun.lemma_.lower()
        return self.types.get(entity_id) in PLACES_AND_NATIONALITIES and (
            noun.tag_ in {"NNS", "NNPS"}
            # ("Soviet spokesmen" speak for the state, as a spokesman does)
            and lemma not in self.stance.proposals | self.government_nouns
            and not self.speaks_for(noun)
            or lemma in self.organisation_nouns
        )

    def body(self, noun: Token) -> str:
        """ "Councillors voted to refuse X", the headline "Council Approves X": a body's
        word alone, or its members' plural alone, is the one organisation the article
        names with that word ("Harlow Town Council"); so is any organisation's word in a
        headline ("Appeals court voids permit"), whose words come before any name;
        "" where none or several are."""
        modifiers = [
            c for c in noun.children if c.dep_ in {"det", "poss", "nummod", "amod", "compound"}
        ]
        if any(c.dep_ != "compound" for c in modifiers):
            return ""  # "two councillors", "the trustees who voted no": some members
        forms = sorted(word_forms(noun))
        if noun.tag_ in {"NNS", "NNPS"}:
            word = next((self.members_of[f] for f in forms if f in self.members_of), "")
        else:
            bodies = set(self.members_of.values())
            if in_headline(noun):  # "Appeals court voids permit": named in the story below
                bodies.update(kind for kinds in self.body_kinds.values() for kind in kinds)
            word = next((f for f in forms if f in bodies), "")
        # ("Council" alone as a name is the word, not an organisation's name)
        # ("School board": the words before it are words of the name, "Alder Creek School
        # Board"; "two school boards", "union members": not that body)
        named = [
            entity_id
            for entity_id, kinds in self.body_kinds.items()
            if word in kinds
            and self.names.get(entity_id, "").casefold() != word
            and all(c.lower_ in self.names.get(entity_id, "").casefold().split() for c in modifiers)
        ]
        return named[0] if word and len(named) == 1 else ""

    def described(self, noun: Token, base: int) -> str:
        """ "the mayor", "the network": a definite description names the one person the
        article gives that role, or the organisation of that kind named last."""
        body = self.body(noun)
        if body:
            return body
        determiners = [c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}]
        if determiners == ["this"] and noun.lower_ in self.publication_nouns:
            return self.writer  # "This newspaper has argued ...": the editorial's own voice
        if noun.pos_ != "NOUN" or not determiners or determiners[0] not in {"the", "its"}:
            return ""
        words = [c.lower_ for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
        core = " ".join([*words, noun.lower_])
        people = [e for e, role in self.roles.items() if role == core or role.endswith(" " + core)]
        if len(people) == 1:
            return people[0]
        # (not "the insurer of Norland's accounts": an "of" phrase says whose it is, and
        # the organisation named last may be that one, not the one described)
        narrowed = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        lemma = noun.lemma_.lower()
        if lemma in self.organisation_nouns and noun.tag_ not in {"NNS", "NNPS"} and not narrowed:
            listeners = self._addressees(noun, base)  # "told Reuters the company ..."
            return self.mentions.before(
                base + noun.idx,
                {"ORG"},
                accept=lambda entity_id: (
                    entity_id not in listeners and self.may_be_called(entity_id, lemma)
                ),
            )
        return ""

    def unnamed_member(self, token: Token) -> bool:
        """ "party members", "a bank official": unnamed members of an organisation are no
        one the article names; its spokesman, though, speaks for it ("a spokeswoman for
        the firm"), and so do its officials ("Reagan Administration officials")."""
        return token.lemma_.lower() in self.anonymous and not self.speaks_for(token)

    def speaks_for(self, token: Token) -> bool:
        """A spokesman, or officials (not one of them: "an official" is one person,
        unnamed), speak for the body they are of, whatever their rank (`ranks`: "senior");
        not officials set apart from it by a word of their own ("former", "opposition",
        "some", "dissident" officials)."""
        if token.lemma_.lower() in self.spokespeople:
            return True
        if token.lower_ not in self.stance.representatives:
            return False
        before = token.doc[token.left_edge.i : token.i]
        return all(
            t.ent_type_
            or t.lower_ in {"the", "its", "their", "'s", "’s"}
            or t.lower_ in self.stance.ranks  # ("senior Reagan Administration officials")
            or t.is_punct
            or word_forms(t) & self.government_nouns
            for t in before
        )

    def unnamed_subject(self, verb: Token, base: int, target: Token | None) -> bool:
        """Whether a verb's subject is no one in particular ("a bank", "some firms")."""
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects or target is not None and target in list(subjects[0].subtree):
            return False
        subject = subjects[0]
        if word_forms(subject) & self.things:
            return False  # "a plan would not go far enough": a thing, which holds no side
        # ("a bank", "some firms", "some": no one in particular; "X is a bad bill" judges)
        indefinite = subject.lower_ in self.indefinite or any(
            c.dep_ == "det" and c.lower_ in self.indefinite for c in subject.children
        )
        return (
            indefinite
            and verb.lemma_.lower() != "be"
            and not self.token_entity(subject, base)
            and not self._their(subject, base)
        )

    def owners(self, noun: Token, base: int) -> list[str]:
        """Who a proposal is named as belonging to: its possessor, the name or national
        adjective on it, or the agent of a participle on it ("an offer announced by X");
        or who puts it forward ("X made an offer")."""
        owners = self._holders_of(noun, base)
        if _put_forward_by_subject(noun, self.stance):
            owners += [a for a in self.holders(noun.head, base, noun) if a not in owners]
        return owners

    def _clause_subject(self, pronoun: Token, base: int, wanted: set[str]) -> str:
        """ "Norland would not tie a loan to a softening of its stance": a possessive
        pronoun stands first for the subject of its own clause."""
        if pronoun.dep_ != "poss":
            return ""
        for token in list(pronoun.ancestors)[:CLIMB]:
            subjects = [c for c in token.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            if token.dep_ == "conj" and not subjects:
                subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            for subject in subjects:
                entity_id = self.at(base + subject.idx, base + subject.idx + len(subject))
                if entity_id and self.types.get(entity_id) in wanted:
                    return entity_id
            if subjects or token.dep_ in {"ccomp", "relcl"}:
                break
        return ""

    def _speech_verbs(self, subject: Token) -> list[Token]:
        """The verbs of speech that report the clause a subject is in ("Roth told Okon
        [he backed X]")."""
        if subject.dep_ not in {"nsubj", "nsubjpass"}:
            return []
        clause = subject.head
        verbs = [clause.head] if clause.dep_ == "ccomp" else []
        # the parser may hang the speech verb under the clause it reports
        verbs += [c for c in clause.children if c.dep_ in {"ccomp", "parataxis"}]
        return [v for v in verbs if v.lemma_.lower() in self.reporting]

    def _addressees(self, subject: Token, base: int) -> set[str]:
        """Whom the reporter of a clause tells it ("told Reuters the company ..."): never
        the one the clause is about."""
        return {
            self.at(base + c.idx, base + c.idx + len(c))
            for verb in self._speech_verbs(subject)
            for c in verb.children
            if c.dep_ in {"dobj", "dative"}
        } - {""}

    def _reporter(self, pronoun: Token, base: int, wanted: set[str]) -> str:
        """ "Roth told Okon he backed X": the subject pronoun of a reported clause stands
        for the one who reports it (named before it), not for whoever was named last."""
        for verb in self._speech_verbs(pronoun):
            if verb.i > pronoun.i:
                continue
            for subject in verb.children:
                if subject.dep_ != "nsubj":
                    continue
                # ("The company told Reuters it opposed X": the company described)
                entity_id = self.at(
                    base + subject.idx, base + subject.idx + len(subject)
                ) or self.described(subject, base)
                if entity_id and self.types.get(entity_id) in wanted:
                    return entity_id
        return ""

    def _holders_of(self, token: Token, base: int, target: Token | None = None) -> list[str]:
        found = []
        for child in _children(token):
            if target is not None and target in list(child.subtree):
                continue  # what a stance is about never holds it
            holder, beside = child, []
            if child.dep_ in {"agent", "acl", "advcl"}:  # "an offer ... announced by X"
                agents = (
                    [child]
                    if child.dep_ == "agent"
                    else [g for g in child.children if g.dep_ == "agent"]
                )
                objects = [g for a in agents for g in a.children if g.dep_ == "pobj"]
                if not objects:
                    continue
                holder = objects[0]
            elif child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in {"that", "which", "who"}:
                holder, beside = token.head, _stray_appositions(token)
            elif child.dep_ == "nsubj" and child.lower_ == "it" and _extraposed(token):
                continue  # "it is premature to cut X": the "it" is the clause, no one
            elif (
                child.dep_ == "nsubj"
                and child.lower_ in {"it", "this", "that"}
                and _named_thing(token, self.stance)
            ):
                continue  # "it is an argument for X": a thing, which holds no side
            elif child.dep_ == "nsubjpass" and self._heard_of(token):
                pass  # "Okon is believed to favour X": Okon's stance, as heard
            elif child.dep_ == "nsubjpass" and self._attitude_participle(token):
                pass  # "Okon is committed to X", "was disappointed with X": Okon's
            elif child.dep_ not in {"nsubj", "poss"} and not (
                child.dep_ in {"amod", "compound"} and token.pos_ == "NOUN"
            ):
                continue
            elif child.dep_ != "nsubj" and self.unnamed_member(token):
                continue  # "U.S. officials seeking to block X": no one the article names
            # "X and Y both supported": coordinated holders, also where the parser hangs
            # the first name on the second ("Kemp and Secretary Jordan Kemp") or on a
            # description ("Council members X and Y")
            named = self.types.get(self.token_entity(holder, base)) == "PERSON"
            for member in [*_coordinated(holder), *(m for b in beside for m in _coordinated(b))]:
                if named and _described_by_place(member, self, base):
                    continue  # "X, British minister of farming, warned": X's, not Britain's
                entity_ids = [self.token_entity(member, base)]
                if not entity_ids[0]:
                    entity_ids = self._their(member, base) or self._members(member, base)
                found += [e for e in entity_ids if e and e not in found]
        return found

    def _attitude_participle(self, verb: Token) -> bool:
        """ "(Okon) is committed to X", "was disappointed with X": a passive participle
        of attitude whose side goes through its preposition, of which its subject is the
        holder. (Not one of speech or asking, "was warned against X", "was pressed for
        X": what another told him is no stance of his.)"""
        return (
            verb.tag_ == "VBN"
            and verb.lemma_.lower() not in self.stance.reporting | self.stance.desire
            and any(self.stance.through(verb, child) for child in verb.children)
        )

    def _heard_of(self, verb: Token) -> bool:
        """ "(Okon) is believed to favour X", "is said to be against it": a passive verb of
        hearsay over an infinitive of attitude, whose subject is the infinitive's. (Not
        over one of what is done, "is said to be selling 350,000 barrels against its
        quota": a fact heard of, no stance.)"""
        if not (
            verb.tag_ == "VBN"
            and verb.lemma_.lower() in self.stance.hearsay
            and any(c.dep_ == "auxpass" for c in verb.children)
        ):
            return False
        for clause in (c for c in verb.children if c.dep_ == "xcomp"):
            said_of = [clause]
            if clause.lemma_.lower() == "be":  # "to be against it", "to be opposed"
                said_of += [c for c in clause.children if c.dep_ in {"acomp", "attr", "prep"}]
            if any(self.stance.polarity(word) for word in said_of):
                return True
        return False

    def _members(self, group: Token, base: int) -> list[str]:
        """ "Critics of the levy, including the Harbour Trust and the union, praised the
        vote": a group the article names no one by holds its stance in the members it
        names."""
        found = [self.token_entity(m, base) for m in named_members(group, self.members_named)]
        return [entity_id for entity_id in found if entity_id]

    def _their(self, holder: Token, base: int) -> list[str]:
        """ "Officials from X and Y said their groups oppose Z", "leaders of X said they
        oppose Z": a plural pronoun in a reported clause stands for the organisations
        its reporters are named as speaking for."""
        plural = {"they", "their", "them"}
        if holder.lower_ not in plural and not any(
            c.dep_ == "poss" and c.lower_ in plural for c in holder.children
        ):
            return []
        verb = next(
            (
                t.head
                for t in [holder, *list(holder.ancestors)[:CLIMB]]
                if t.dep_ == "ccomp" and t.head.lemma_.lower() in self.reporting
            ),
            None,
        )
        if verb is None:
            return []
        found = []
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            named = [subject]
            for member in _coordinated(subject):
                named += [
                    g
                    for p in member.children
                    if p.dep_ == "prep" and p.lower_ in {"from", "of", "for", "at"}
                    for o in p.children
                    if o.dep_ == "pobj"
                    for g in _coordinated(o)
                ]
            for token in named:
                entity_id = self.at(base + token.idx, base + token.idx + len(token))
                if self.types.get(entity_id) in {"ORG", "GPE", "NORP"} and entity_id not in found:
                    found.append(entity_id)
        return found

    def _controller(self, verb: Token, base: int) -> str:
        """ "congratulated Marsh for proposing X", "sought damages from Hughes for
        calling off X": the object of the verb above a "for"/"of" gerund, or whom it is
        sought from, is who does it."""
        governor = gerund_governor(verb)
        if governor is None:
            return ""  # "secured X's support by offering": the means is the subject's own
        # ("sought damages from Hughes for calling off X": who it is sought from)
        sources = prepositional_objects(governor, {"from"})
        # ("Roth was criticised for backing X": the passive's subject)
        objects = [c for c in _children(governor) if c.dep_ in {"dobj", "nsubjpass"}]
        for candidate in objects[:1] + sources:
            entity_id = self.token_entity(candidate, base)
            if entity_id:
                return entity_id
        return ""

    def _sources(self, cue: Token, base: int, target: Token | None) -> list[str]:
        """ "has the support of Wright", "with backing from the Netherlands and Denmark":
        a noun of attitude with the actor it comes from is that actor's, not the
        subject's of the clause it is in."""
        if cue.pos_ != "NOUN" or self.stance.is_evaluative(cue):
            return []
        # ("criticism of Roth": whom it is of; "won the backing of Okon", "with the
        # support of Okon": whose)
        given = cue.head.lower_ == "with" or received_attitude(cue.head, self.stance) == cue
        sources = prepositional_objects(cue, {"of", "from"} if given else {"from"})
        if given and cue.dep_ == "dobj":  # ("drew criticism from X": on the verb)
            sources += prepositional_objects(cue.head, {"from"})
        found: list[str] = []
        for source in sources:
            if target is not None and target in list(source.subtree):
                continue
            for member in _coordinated(source):
                entity_id = self.token_entity(member, base)
                if (
                    entity_id
                    and self.types.get(entity_id) in ACTOR_TYPES
                    and entity_id not in found
                ):
                    found.append(entity_id)
        return found

    def holders(self, cue: Token, base: int, target: Token | None = None) -> list[str]:
        """Who holds a cue: its subject(s), possessor, agent or national adjective; for a
        preposition ("Venn against X") the word it modifies; else the nearest clause
        above that has a subject. Never the stance's own `target` or a phrase holding it
        ("Norland's plan is a mistake" is nobody's stance on the plan but the speaker's)."""
        return self.holding(cue, base, target).holders

    def held_unnamed(self, cue: Token, base: int, target: Token) -> bool:
        """ "A large bank refused to accept X, Norland said": the first clause above a cue
        with a holder has a subject the article names no one by; the act is that unnamed
        one's, and whoever reports it neither holds nor argues its side."""
        return self.holding(cue, base, target).unnamed

    def holding(self, cue: Token, base: int, target: Token | None = None) -> Holding:
        """Both answers of one climb from a cue (`holders`, `held_unnamed`), remembered:
        the passes ask them of the same cue for every speaker of its sentence."""
        key = (base, cue.i, -1 if target is None else target.i)
        if key not in self._holdings:
            self._holdings[key] = self._climb(cue, base, target)
        return self._holdings[key]

    def _climb(self, cue: Token, base: int, target: Token | None) -> Holding:
        holders: list[str] | None = None  # until the climb (or the cue itself) says
        outside = target is None or target not in list(cue.head.subtree)
        if (cue.pos_ == "ADP" and (outside or target in list(cue.subtree))) or (
            cue.dep_ in {"amod", "acomp", "attr"} and outside
        ):
            entity_id = self.token_entity(cue.head, base)
            if entity_id:
                holders = [entity_id]
        if holders is None:
            # "support from X", "opponents of the levy, including X": X's
            given = self._sources(cue, base, target) or (
                self._members(cue, base) if cue.pos_ == "NOUN" else []
            )
            if given:
                holders = given
        if holders is None:
            controller = self._controller(cue, base)
            if controller:
                holders = [controller]
        for token in [cue, *list(cue.ancestors)[:CLIMB]]:
            found = self._holders_of(token, base, target)
            if found:
                return Holding(found if holders is None else holders, unnamed=False)
            if token.pos_ in {"VERB", "AUX"} and self.unnamed_subject(token, base, target):
                # "while some firms were limiting X, Norland said": theirs
                return Holding([] if holders is None else holders, unnamed=True)
            if holders is None and token.dep_ == "appos" and token.head.i != token.i:
                # "X, one of the two votes against the levy": an apposition says who
                # the one it stands beside is (the climb goes on for `held_unnamed`)
                entity_id = self.token_entity(token.head, base)
                holders = [entity_id] if entity_id else []
            if token.dep_ == "ccomp" or token.head == token:
                break
        return Holding([] if holders is None else holders, unnamed=False)


def _children(token: Token) -> list[Token]:
    """A word's dependents, with a subject the parser hangs on its auxiliary ("Okon is
    opposed to X" read with "Okon" the subject of "is") as its own."""
    children = list(token.children)
    for auxiliary in [c for c in children if c.dep_ in {"aux", "auxpass"}]:
        children += [c for c in auxiliary.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return children


def _named_thing(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "it is an argument for X", "this is a recipe for Y": a copula saying what a
    thing is (its pronoun subject names no one); not one naming a side ("it is a strong
    opponent of X": the organisation's)."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "attr" and c.pos_ == "NOUN" and not lexicon.polarity(c) for c in verb.children
    )


def _stray_appositions(relative: Token) -> list[Token]:
    """ "The two members who voted against the cuts, Ana Roth and Lev Okon, argued ...":
    names in apposition to a relative clause's subject that the parser hangs on the
    clause's last word, a word for no one ("cuts"), in apposition or coordinated; they
    say who the subject is. Set off by commas both sides ("voted against the tax and
    Norland" names no one)."""
    doc, end = relative.doc, relative.right_edge.i
    if end + 1 >= len(doc) or doc[end + 1].text != ",":
        return []
    return [
        token
        for token in relative.subtree
        if token.dep_ in {"appos", "conj"}
        and token.ent_type_ in ACTOR_TYPES
        and token.head.pos_ == "NOUN"
        and not token.head.ent_type_
        and token.right_edge.i == end
        and doc[token.left_edge.i - 1].text == ","
    ]


def _described_by_place(role: Token, finder: ActorFinder, base: int) -> bool:
    """ "Lena Vask, a Harlow dermatologist", "..., British minister of farming": a role in
    apposition to a named person, whose place or nation is a modifier describing them, no
    speaker of its own ("Norland's minister" may speak for Norland)."""
    return (
        role.dep_ == "appos"
        and finder.types.get(finder.token_entity(role, base)) in {"NORP", "GPE"}
        and not any(c.dep_ == "poss" for c in role.children)
    )


def _coordinated(holder: Token) -> list[Token]:
    """A holder and those coordinated with it or named in apposition to it."""
    members, todo = [], [holder]
    while todo:
        token = todo.pop(0)
        members.append(token)
        todo += [c for c in token.children if c.dep_ in {"conj", "nmod", "appos"}]
    return members


def writer_of(context: ArticleContext) -> str:
    """The entity in whose own voice an opinion piece is written: the writer the sidecar
    or a byline names, when the article names them as an entity; else, for a text that
    reads as commentary, its publication; "" for a report."""
    entities = context.table("entities")
    forms = {
        str(entity_id): {str(name).casefold(), *(a.casefold() for a in str(aliases).split(" | "))}
        for entity_id, name, aliases, kind in zip(
            entities["entity_id"],
            entities["name"],
            entities["aliases"],
            entities["type"],
            strict=True,
        )
        if kind in {"PERSON", "ORG"}
    }
    names = byline_names(context) or [s for s in [context.article.source] if s]
    # A signed news report tells in its own voice what others did and said: its writer
    # holds no stance. (With no one to find, the reading of the voice, a pass over every
    # word, is skipped.)
    if not names or not reads_as_commentary(context):
        return ""
    for name in names:
        wanted = " ".join(name.split()).casefold()
        for entity_id, known in forms.items():
            if wanted and wanted in known:
                return entity_id
    return ""


def publication_short_names(context: ArticleContext, writer: str) -> frozenset[str]:
    """The entities that name an unsigned opinion piece's publication (the `writer`, its
    `source`) by the last words of its name: "Gazette" or "The Gazette" for The Harbour
    Gazette. (Not for a signed piece: the paper a column names is not its writer.)"""
    source = context.article.source
    if not writer or not source:
        return frozenset()

    def words(name: str) -> list[str]:
        found = re.findall(r"\w+", name.casefold())
        return found[1:] if found[:1] == ["the"] else found

    whole = words(source)
    return frozenset(
        entity_id
        for entity_id, name in context.entity_names.items()
        if entity_id != writer
        and 0 < len(words(str(name))) < len(whole)
        and whole[-len(words(str(name))) :] == words(str(name))
    )
