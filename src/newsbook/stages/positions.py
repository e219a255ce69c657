"""Stage 4, where each actor stands: stances on the issues of the catalogue.

Every mention of an issue (a pattern of the catalogue) is followed up the dependency
tree to the nearest stance cue that governs it ("its opposition to a U.S. plan",
"refuses to hold official negotiations"). Negations and reversals on the way turn the
stance round ("will not back down from its opposition" stays opposition); a modal of
possibility or a prediction makes it `neutral` with `hedged` set. The actor is who holds
the cue (its subject, possessor, agent or national adjective), and the speaker of a
statement that carries it. An analyst's file under `data/annotations/` adds or
overrides positions (`source = manual`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
import yaml
from spacy.tokens import Span, Token

from newsbook.lexicons import Issue, Resources, StanceLexicon, remembered, word_forms
from newsbook.schema import Columns, column_lists, columns_frame
from newsbook.stages.context import ArticleContext, SpanIndex
from newsbook.stages.issues import (
    ACTOR_TYPES,
    NAMED_TYPES,
    IssueFinder,
    IssueRef,
    bare_gerund,
    catalogue_ref,
    discovered_issue,
    phrase_tokens,
    relative_pronoun,
)
from newsbook.stages.voice import byline_names, reads_as_commentary
from newsbook.text.article import Article
from newsbook.text.nlp import doc_text, tokens_between

HOLDER_DEPS = {"nsubj", "poss", "agent", "amod", "compound", "nmod"}
CLIMB = 8  # how far up the tree a cue may govern an issue
CALLED_FOR_KEY = "newsbook.called_for"  # `_called_for`'s answers, kept on their Doc


@dataclass(frozen=True)
class Cue:
    token: Token
    polarity: int  # the stance toward the issue composed up to this cue: +1 or -1
    voiced: bool = False  # a judgement or an "ought": held by whoever states it
    owned: bool = False  # an actor's own proposal ("Norland's offer"): held by its owner only


@dataclass(frozen=True)
class Stance:
    cues: tuple[Cue, ...]  # innermost first
    hedged: bool
    on_action: bool  # the mention is the issue's action itself, not what it acts on

    @property
    def cue(self) -> Token | None:
        return self.cues[-1].token if self.cues else None

    def label(self, polarity: int) -> str:
        if self.hedged:
            return "neutral"
        return "support" if polarity > 0 else "oppose"


def _own_modifier_polarity(anchor: Token, lexicon: StanceLexicon) -> tuple[int, Token | None]:
    """ "truly hostile statements", "an absurd course": a judgement on the mention itself;
    "the levy, proposed by Norland": a participle with its agent, a stance on it."""
    for child in anchor.children:
        if child.dep_ in {"amod", "acomp"} and _judges(child, lexicon):
            return lexicon.polarity(child), child
        if _agent_participle(child) and lexicon.polarity(child):
            return lexicon.polarity(child), child
    return 0, None


def _judges(modifier: Token, lexicon: StanceLexicon) -> bool:
    """A modifier or predicate with a side; not a participle of a verb that is a stance
    only as a verb ("a contingently financed offer", "a planned cut" describe it)."""
    if modifier.dep_ == "amod" and word_forms(modifier) & lexicon.verb_only:
        return False
    if (
        modifier.dep_ == "amod"
        # (not "is an illegal scheme", "described it as illegal")
        and modifier.head.dep_ not in {"attr", "oprd"}
        and modifier.head.lower_ != "as"
        and word_forms(modifier) & lexicon.predicative
    ):
        return False  # "illegal wealth", "a safe haven" describe, they do not judge
    return bool(lexicon.polarity(modifier))


def _agent_participle(token: Token) -> bool:
    """ "(the levy,) vetoed by Norland": a past participle on a noun, with its agent."""
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and any(child.dep_ == "agent" for child in token.children)
    )


def _predicate_polarity(verb: Token, lexicon: StanceLexicon) -> tuple[int, Token | None]:
    """ "X is an absurd and dangerous course", "X turns the law on its head", "X pointed
    in the right direction": the judgement a clause's predicate passes on its subject."""
    for child in verb.children:
        if child.dep_ in {"attr", "acomp", "oprd"} or (
            child.dep_ == "prep" and child.lower_ == "as" and verb.lemma_.lower() in lexicon.naming
        ):  # ("described the levy as reckless": what it is named as)
            for token in [*child.children, child]:  # "an absurd idea": the judgement first
                if (
                    token.dep_ in {"attr", "acomp", "oprd", "amod", "conj", "pobj"}
                    # "a bribes budget": a noun of judgement on the noun
                    or (token.dep_ == "compound" and lexicon.is_evaluative(token))
                ) and _judges(token, lexicon):
                    return lexicon.polarity(token), token
        elif child.dep_ in {"prep", "advmod", "dobj"}:
            for token in child.subtree:  # a metaphor of direction hanging on the verb
                if lexicon.phrase_polarity(token):
                    return lexicon.phrase_polarity(token), token
    return 0, None


def stance_toward(anchor: Token, lexicon: StanceLexicon, *, discovered: bool = False) -> Stance:
    """The stance the tree above an issue mention takes toward it. Cues compose on the
    way up ("opposition to a plan for X" opposes X, "refuses to hold talks" opposes the
    talks); a negation or a reversal ("will not back down from") turns it round. A
    mention that is itself a verb without a stance of its own ("destroyed the platform")
    is the issue's action: doing it supports it. Coordinated words are siblings, not
    governors ("abolish X and cut Y"). The clause a speech verb reports ends the climb:
    the reporter's words are not a stance. `discovered`: the mention is a phrase a cue
    pointed at, whose own word ("proposals") names the issue and takes no stance."""
    polarity, cues = 1, []
    # the issue's own action: a verb with no stance of its own ("destroyed the platform"),
    # or a noun that names one ("arms reduction", "a test ban"); supporting it is doing it
    action = (
        (anchor.pos_ in {"VERB", "AUX"} and not lexicon.polarity(anchor))
        or (anchor.pos_ == "NOUN" and lexicon.polarity(anchor) < 0)
        or decided_act(anchor, lexicon)  # "voted to close the pier": the closing
    )
    if action:
        polarity = -1 if lexicon.negated(anchor) else 1
        cues.append(Cue(anchor, polarity))
    else:
        own, modifier = _own_modifier_polarity(anchor, lexicon)
        if own_proposal(anchor, lexicon):
            cues.append(Cue(anchor, polarity, owned=True))  # "Norland's offer": Norland's
        elif own:
            cues.append(Cue(modifier, own, voiced=lexicon.is_evaluative(modifier)))
            # "rejected the dangerous quota", "backs the reckless scheme": the judgement
            # is one stance on the mention, a cue above it another on the same mention,
            # not a stance on the judgement (the verb's own side, not turned round)
    path = [anchor, *list(anchor.ancestors)[:CLIMB]]
    undecided = _undecided(path, lexicon)
    if undecided is not None:  # "has not taken a position on X": explicitly neutral
        return Stance((Cue(undecided, 1),), True, on_action=False)
    for depth, token in enumerate(path):
        lemma = token.lemma_.lower()
        sibling = depth > 0 and path[depth - 1].dep_ == "conj"
        if depth > 0 and _sets_apart(token, lexicon):
            break  # "X as opposed to Y": Y is set apart from X, no one's stance on it
        if depth > 0 and _turned_down(path[depth - 1]):
            # "would agree to X rather than take Y", "X rather than Y": Y is refused
            polarity = -polarity
            if cues:
                cues[-1] = replace(cues[-1], polarity=polarity)
        if depth == 0 and (action or cues and cues[0].owned) or sibling:
            pass
        elif (
            depth == 0
            and discovered
            and (lexicon.is_weak(token) or word_forms(token) & lexicon.proposals)
            and lexicon.polarity(token) > 0
        ):
            pass  # "the wage proposals were disappointing": the proposals are the issue
        elif token.dep_ == "prep" and lexicon.through(token.head, token):
            pass  # "warned against X": the verb and its preposition are one cue
        elif depth > 0 and _ought(path[depth - 1], lexicon) and path[depth - 1].head == token:
            # "Norland needs to build X": the need is an ought on the act below it (its
            # speaker's call), not a stance of the one who needs to
            pass
        elif (
            not cues
            and _called_for(token, lexicon)
            and path[0] in _called_for_targets(token, lexicon)
        ):
            # "Norland must raise X" supports X; "should not have raised X" opposes it,
            # and so does "should drop X" (a reversal called for)
            polarity = -1 if lexicon.negated(token) != lexicon.reverses(token) else 1
            cues.append(Cue(token, polarity, voiced=True))
        elif (
            depth == 1
            and not cues
            and path[0].dep_ == "dobj"
            and token.pos_ == "VERB"
            and not lexicon.polarity(token)
            and lexicon.negated(token)
        ):
            polarity = -polarity  # "urged insurers not to cover X": X is not wanted
        elif depth == 1 and not cues and _addressee(path[0]):
            break  # "urged shareholders to reject X": asked to act, not judged
        elif (
            depth == 1
            and not cues
            and (
                path[0].dep_ in {"nsubj", "csubj"}
                or (path[0].dep_ == "dobj" and lemma in lexicon.naming)  # "called X a folly"
            )
        ):
            # the subject of a verb: judged by an evaluative verb ("the bill would hurt
            # farmers") or by its predicate ("X is a mistake"); the subject of any other
            # cue holds that stance, it is not its target
            judged, judgement = (
                (lexicon.polarity(token), token)
                if lexicon.is_evaluative(token)
                else _predicate_polarity(token, lexicon)
            )
            if judged:
                polarity = judged * (-1 if lexicon.negated(token) else 1)
                cues.append(Cue(judgement, polarity, voiced=True))
            elif lexicon.polarity(token) and token.pos_ in {"VERB", "AUX"}:
                break
        elif depth == 1 and path[0].dep_ == "attr" and _ought_to_exist(token, lexicon):
            # "there should not be a levy", "there must be no levy": oughtn't to exist
            polarity = -1 if lexicon.negated(token) or lexicon.negated(path[0]) else 1
            cues.append(Cue(token, polarity, voiced=True))
        elif depth > 0 and path[depth - 1].dep_ == "advcl" and lexicon.polarity(token):
            # "changing the treaty to allow X": an act done for X serves X, whatever it
            # does to its own object
            cues.append(Cue(token, polarity))
        elif cues and lexicon.reverses(token):
            polarity = -polarity * (-1 if lexicon.negated(token) else 1)
            cues.append(Cue(token, polarity))
        elif lemma in lexicon.relational and depth > 0:
            pass  # "tie a sale to a softening of X" says nothing about X
        elif depth > 0 and lexicon.through(token, path[depth - 1]):
            # ("did not call for X", "is not interested in X": negated, the other side)
            denied = lexicon.negated(token) or (
                token.dep_ == "acomp" and lexicon.negated(token.head)
            )
            negation = -1 if denied else 1
            polarity *= lexicon.through(token, path[depth - 1]) * negation
            cues.append(Cue(token, polarity))
        elif cues and lemma in lexicon.apprehension and path[depth - 1].dep_ == "ccomp":
            cues.append(Cue(token, polarity))  # "fears that X will ruin Y": X is bad
        elif (
            depth > 1
            and path[depth - 1].dep_ == "prep"
            and path[depth - 1].lower_ != "by"  # (a passive's agent is its subject)
            and token.pos_ in {"VERB", "AUX"}
            and lexicon.is_evaluative(token)
        ):
            pass  # "does not go far enough in decoupling": judges its subject, not this
        elif _aimed(token, lexicon):
            pass  # "strikes against the networks": what a thing is aimed at, no stance
        elif (
            depth > 1
            and path[depth - 1].dep_ == "prep"
            and path[depth - 1].lower_ == "about"
            and token.dep_ == "acomp"
            and lexicon.is_evaluative(token)
        ):
            break  # "the drivers are right about the plan": their view judged, not the plan
        elif (
            cues
            and token.pos_ == "NOUN"
            and word_forms(token) & lexicon.desire
            and not lexicon.polarity(token)
            and lexicon.negated(token)
        ):
            # "has no plans to close the pier": an intent denied, the act's other side
            polarity = -polarity
            cues.append(Cue(token, polarity))
        elif _disclaimed(token, lexicon):
            break  # "I am not against X": an opposition disclaimed, no stance taken
        elif lexicon.polarity(token):
            polarity *= lexicon.polarity(token) * (-1 if lexicon.negated(token) else 1)
            # a judgement above a stance ("suffered damage from his support of X") is
            # whoever states it, not the stance's holder
            # and a warning of harm or a promise of good is its speaker's ("could be
            # provoked by raising X", "would create jobs")
            # and so is a judgement passed on its agent ("were misled by the board")
            voiced = (
                (bool(cues) or depth > 0 and path[depth - 1].dep_ == "agent")
                and lexicon.is_evaluative(token)
            ) or bool(lexicon.consequence(token))
            cues.append(Cue(token, polarity, voiced=voiced))
        elif lemma == "be" and path[depth - 1].dep_ == "attr" and _judging_subject(token, lexicon):
            # "the stumbling block is the levy": what a judging subject is said to be
            # is judged ("the levy is a stumbling block")
            judged, judgement = _judging_subject(token, lexicon)
            polarity = judged * (polarity if cues else 1) * (-1 if lexicon.negated(token) else 1)
            cues.append(Cue(judgement, polarity, voiced=True))
        elif lemma == "be" and path[depth - 1].dep_ in {"xcomp", "ccomp"} and _extraposed(token):
            # "it is premature to change the law", "it would be a mistake to cut X": the
            # judgement is on doing what the clause says
            judged, judgement = _predicate_polarity(token, lexicon)
            if judged:
                polarity *= judged * (-1 if lexicon.negated(token) else 1)
                cues.append(Cue(judgement, polarity, voiced=True))
        elif lemma == "be" and (not cues or path[depth - 1].dep_ in {"nsubj", "csubj"}):
            # "X is a mistake"; "the mayor's refusal to allow X is troubling": a
            # judgement on another's stance takes the other side
            judged, judgement = _predicate_polarity(token, lexicon)
            if judged:
                polarity = (
                    judged * (polarity if cues else 1) * (-1 if lexicon.negated(token) else 1)
                )
                cues.append(Cue(judgement, polarity, voiced=True))

        if cues and lexicon.is_evaluative(cues[-1].token) and _too_to(token):
            # "have too much at stake to make it worthwhile to fight X": a judgement in a
            # clause after "too" is denied ("too weak to oppose X" is left as it was: an
            # ability denied, no judgement)
            polarity = -polarity
            cues[-1] = replace(cues[-1], polarity=polarity)
        head = token.head
        if token.dep_ in {"relcl", "acl"} and head.dep_ == "attr" and _extraposed(head.head):
            if token in _extraposed_clauses(head.head) and lexicon.polarity(head):
                # "it would be a mistake to raise X": the clause, not a relative one
                be = head.head
                polarity *= lexicon.polarity(head) * (-1 if lexicon.negated(be) else 1)
                cues.append(Cue(head, polarity, voiced=True))
                break
        if (
            token.dep_ in {"ccomp", "parataxis"}
            and head.lemma_.lower() in lexicon.reporting
            and not lexicon.polarity(head)
            and not (cues and head.lemma_.lower() in lexicon.apprehension)
        ):
            if cues and head.lemma_.lower() in lexicon.neg_raising and lexicon.negated(head):
                # "I don't think we should back X": the negation belongs to the clause,
                # and the stance to the one who thinks so
                polarity = -polarity
                cues.append(Cue(head, polarity))
            break  # (a warning that X could ruin Y is the warner's own stance)
        if token.dep_ == "relcl" or _opens_condition(token, lexicon):
            # "insisted that the treaty, which bars X, be honoured": a relative clause
            # describes what it hangs on, a stance on that is no stance on X; what a
            # condition imagines is no part of the stance it conditions
            break
    # "Norland should not fund X", "you have to cut X": an ought is its speaker's
    # ("should guard against X": the ought is on the verb the preposition hangs on)
    cues = [replace(c, voiced=c.voiced or _ought(_clause_verb(c.token), lexicon)) for c in cues]
    if not cues:
        # "This option could also include X": no stance, but an option put forward
        verb = next((t for t in path if t.pos_ in {"VERB", "AUX"}), None)
        if verb is not None and _hedged(verb, lexicon) and _put_forward(verb, lexicon):
            return Stance((Cue(verb, 1),), True, on_action=False)
        return Stance((), False, on_action=False)
    # (a warning that X could bring harm, or a promise of good, is its speaker's stance,
    # not a prediction)
    hedged = (
        not cues[-1].owned
        and not lexicon.consequence(cues[-1].token)
        and _hedged(cues[-1].token, lexicon)
    )
    if hedged and not _put_forward(cues[-1].token, lexicon):
        # "Norland could accept the dam", "is expected to back it": a possibility or a
        # prediction is no one's stance; an option put forward is its speaker's, neutral
        return Stance((), False, on_action=False)
    return Stance(tuple(cues), hedged, on_action=action)


def _too_to(verb: Token) -> bool:
    """ "too costly to build", "too many interests to make it worthwhile": an infinitive
    clause after "too" (on its head or on a word before it there), which says the clause
    does not come about."""
    if verb.dep_ not in {"xcomp", "advcl"} or not any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children
    ):
        return False
    before = [verb.head, *(c for c in verb.head.children if c.i < verb.i)]
    return any(
        t.lower_ == "too" and t.dep_ == "advmod"
        for word in before
        for t in ([word, *word.children] if word is verb.head else word.subtree)
    )


def _put_forward(cue: Token, lexicon: StanceLexicon) -> bool:
    """ "One option could see Norland accept the dam": a case put forward as an option
    (the speaker's, undecided), not a prediction."""
    return any(
        token.lemma_.lower() in lexicon.options
        or any(c.dep_ == "nsubj" and c.lemma_.lower() in lexicon.options for c in token.children)
        for token in [cue, *list(cue.ancestors)[:CLIMB]]
    )


def own_proposal(noun: Token, lexicon: StanceLexicon) -> bool:
    """ "Norland's offer", "its proposal", "the Sudmark plan", "an offer announced by
    Roth": a noun of proposing with its owner named on it, who supports it whatever
    anyone else says of it ("the union rejected Norland's offer"). "The plan" alone is
    nobody's; "under the Norland plan" a circumstance ("billed as its offer" is not)."""
    if noun.pos_ != "NOUN" or not word_forms(noun) & lexicon.proposals:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ not in {*lexicon.target_prepositions, "as"}:
        return False  # "under the Norland plan": a circumstance, not what anyone thinks
    if _put_forward_by_subject(noun, lexicon):
        return True
    return any(
        child.dep_ == "poss"
        or (
            child.dep_ in {"compound", "amod", "nmod"}
            and (child.pos_ == "PROPN" or child.ent_type_ in ACTOR_TYPES)
        )
        or _agent_participle(child)
        for child in noun.children
    )


def _put_forward_by_subject(noun: Token, lexicon: StanceLexicon) -> bool:
    """ "Norland made a tender offer for the mill", "the union submitted a proposal": a
    proposal its verb's subject puts forward (not "may make an offer", "did not make one":
    what is only possible, or not done, is no one's proposal)."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.lemma_.lower() in lexicon.proposing
        and not lexicon.negated(verb)
        and not _hedged(verb, lexicon)
    )


def _owners_set_aside(
    found: list[tuple[str, Cue, int]], lexicon: StanceLexicon
) -> list[tuple[str, Cue, int]]:
    """ "Okon rejected Norland's offer", "Roth said Okon's proposal was disappointing": where
    another party acts on or judges a proposal, the sentence is that party's stance, and the
    owner named only on the noun (a possessive, a name) holds none there (the convention
    most gold follows: data/gold/README.md). An owner named by the act of putting it forward
    ("an offer announced by Okon", "Norland made an offer Okon rejected") still holds it."""
    owners = {a for a, cue, _ in found if cue.owned}
    if not owners or not {a for a, cue, _ in found if not cue.owned} - owners:
        return found
    return [
        (a, cue, rank)
        for a, cue, rank in found
        if not cue.owned or _put_forward_by_act(cue.token, lexicon)
    ]


def _put_forward_by_act(noun: Token, lexicon: StanceLexicon) -> bool:
    """ "Norland made an offer", "an offer announced by Okon": a proposal whose owner the
    sentence names as the one who put it forward, not only as its possessor."""
    return _put_forward_by_subject(noun, lexicon) or any(
        _agent_participle(child) for child in noun.children
    )


def _undecided(path: list[Token], lexicon: StanceLexicon) -> Token | None:
    """ "has not taken a position on X", "has no view on X", "is undecided about X": an
    actor explicitly neutral on X; the word that holds it (the verb, or the adjective)."""
    for depth in range(1, len(path) - 1):
        preposition, word = path[depth], path[depth + 1]
        if preposition.dep_ != "prep" or preposition.lower_ not in {"on", "about", "over"}:
            continue
        if word.lemma_.lower() in lexicon.undecided and word.pos_ == "ADJ":
            return word  # "is undecided about X"
        if word.lemma_.lower() not in lexicon.undecided or word.pos_ != "NOUN":
            continue
        verb = word.head if word.dep_ in {"dobj", "attr"} else None
        if lexicon.negated(word) and verb is not None:
            return verb  # "has no position on X"
        if verb is not None and lexicon.negated(verb):
            return verb  # "has not taken a position on X"
    return None


def _extraposed(verb: Token) -> bool:
    """ "It is premature to change the law", "it would be a mistake to raise X": a copula
    whose subject "it" stands for the clause after it."""
    return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children) and bool(
        _extraposed_clauses(verb)
    )


def _extraposed_clauses(verb: Token) -> list[Token]:
    """The clauses after a copula ("to change the law"), also where the parser hangs the
    infinitive on the predicate noun ("a mistake [to raise X]")."""
    clauses = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
    return clauses + [
        g
        for c in verb.children
        if c.dep_ == "attr"
        for g in c.children
        if g.dep_ in {"relcl", "acl"}
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in g.children)
    ]


def _judging_subject(verb: Token, lexicon: StanceLexicon) -> tuple[int, Token] | None:
    """ "The real danger is ...", "the biggest mistake was ...": a copula's subject that
    is a judgement, and its side."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if lexicon.is_evaluative(subject) and lexicon.polarity(subject):
            return lexicon.polarity(subject), subject
    return None


def _naming_verb(judgement: Token, lexicon: StanceLexicon) -> Token | None:
    """ "called the levy a folly", "called it "a reckless scheme"", "described the levy
    as reckless": the verb of naming whose object a judgement is said of (its caller
    holds the judgement), or None."""
    token = judgement
    while token.dep_ in {"amod", "compound", "conj", "oprd", "pobj", "prep", "acomp"}:
        token = token.head
    return token if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.naming else None


def _ought(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "should not fund X", "must go", "has to cut X": what someone ought to do is the
    judgement of whoever says so, not a stance of the one who ought to."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "aux" and c.lower_ in lexicon.obligation for c in verb.children):
        return True
    governor = verb.head  # "has to cut": the obligation governs the verb
    if verb.dep_ == "ccomp" and any(
        c.dep_ == "nsubj" and c.lower_ in {"us", "'s"} for c in verb.children
    ):  # "let's share the burden", "let us build X": a call on us, its speaker's
        return f"{governor.lemma_.lower()} us" in lexicon.obligation
    return (
        verb.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and f"{governor.lemma_.lower()} to" in lexicon.obligation
    )


def _called_for(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "Norland must raise the levy", "should not have raised it", "has to hold to the
    pact": an act with no side of its own that someone says ought (not) to be done, a
    call for (or against) what it is done to, by whoever says so. (Not in a relative
    clause: "firms that must file returns" describes them.) Asked of every word in both
    passes: remembered on its Doc."""
    return remembered(verb, CALLED_FOR_KEY, lexicon, lambda v: _is_called_for(v, lexicon))


def _is_called_for(verb: Token, lexicon: StanceLexicon) -> bool:
    return (
        verb.pos_ == "VERB"
        and verb.dep_ != "relcl"
        and not lexicon.polarity(verb)
        and verb.lemma_.lower() not in lexicon.light_verbs
        and verb.lemma_.lower() not in lexicon.prepositional  # ("should vote against it")
        and not _foretold(verb)
        and _ought(verb, lexicon)
    )


def _foretold(verb: Token) -> bool:
    """ "Sudmark will have to borrow money": a necessity foretold, no call for it."""
    governor = verb.head if verb.dep_ == "xcomp" else verb
    return any(c.dep_ == "aux" and c.lower_ in {"will", "'ll"} for c in governor.children)


def _called_for_targets(verb: Token, lexicon: StanceLexicon) -> list[Token]:
    """What an act called for is done to: its object ("raise the levy"), its passive
    subject ("the levy must be raised"), the object of its preposition ("hold to the
    pact")."""
    targets = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and not _addressee(c)]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in lexicon.target_prepositions:
            targets += [g for g in child.children if g.dep_ == "pobj"]
    return targets


def _ought_to_exist(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "there should be a referendum", "there must be no levy": what someone says ought
    (not) to exist, a stance of whoever says so on it."""
    return (
        verb.lemma_.lower() == "be"
        and any(c.dep_ == "expl" for c in verb.children)
        and _ought(verb, lexicon)
    )


def _clause_verb(cue: Token) -> Token:
    """The verb a preposition cue hangs on ("guard against X": "guard"); any other cue
    itself."""
    return cue.head if cue.pos_ == "ADP" and cue.dep_ == "prep" else cue


def _addressee(token: Token) -> bool:
    """ "urged shareholders to reject X", "asked Norland to build Y": the object of a
    verb that also says what it is to do is who is asked, not what the stance is on."""
    return token.dep_ == "dobj" and any(c.dep_ == "xcomp" for c in token.head.children)


def _bare_relative(verb: Token) -> bool:
    """ "the levy Okon rejected", "the changes it seeks": a relative clause with no
    relative pronoun and no object of its own, whose object is the noun it hangs on."""
    return (
        verb.dep_ == "relcl"
        and verb.pos_ == "VERB"
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(
            c.dep_ in {"dobj", "ccomp", "xcomp", "nsubjpass"} or c.tag_ in {"WDT", "WP"}
            for c in verb.children
        )
    )


def _pointed(cue: Token, lexicon: StanceLexicon) -> bool:
    """A cue too common to name an issue of its own that here takes a side on what it
    governs: with the preposition of its stance ("pushed for a farm plan"), or as a
    verb negated or prescribed ("is not changing its price level", "the council should
    freeze rates", "you have to cut the deficit"): saying what is or ought to be done is
    a stance on it."""
    if any(lexicon.through(cue, child) for child in cue.children):
        return True
    # (not in a relative clause: "people who will never buy a ticket" describes them)
    return (
        cue.pos_ == "VERB"
        and cue.dep_ != "relcl"
        and (lexicon.negated(cue) or _ought(cue, lexicon))
    )


def _aimed(cue: Token, lexicon: StanceLexicon) -> bool:
    """ "strikes against the networks", "a shield against missiles": a preposition of
    opposition on a noun that is no attitude of its own says what the thing is aimed
    at, not what anyone thinks of it ("a vote against X", "Venn against X" do)."""
    head = cue.head
    if cue.pos_ == "ADP" and head.pos_ == "VERB" and head.lemma_.lower() in lexicon.movements:
        return True  # "the dollar weakened against the yen": a price's move, no stance
    return (
        cue.pos_ == "ADP"
        and head.pos_ == "NOUN"
        and not lexicon.polarity(head)
        and head.lemma_.lower() not in lexicon.prepositional
    )


def decided_act(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "The board voted 6-3 to close the pier": an act a body decides to do, whose
    doing is the issue its voters support (not "voted to reject X", a side on X); and
    "could not support closing the ward", "closing the ward is the wrong fix": an act
    against something, too common a cue to make its object an issue (`weak`: not
    "scrapping the charge", whose charge is one), named by its gerund, is the issue."""
    if (
        verb.tag_ == "VBG"
        and verb.dep_ in {"xcomp", "dobj", "csubj"}
        and any(c.dep_ == "dobj" for c in verb.children)
        and lexicon.polarity(verb) < 0
        and lexicon.is_weak(verb)
    ):
        return True
    return (
        verb.pos_ == "VERB"
        # ("voted 6-3 on Friday to close": the parser may hang a delayed infinitive as
        # an adverbial clause)
        and (
            verb.dep_ == "xcomp"
            or verb.dep_ == "advcl"
            and any(c.tag_ == "TO" for c in verb.children)
        )
        and verb.head.lemma_.lower() in lexicon.decisions
        and verb.lemma_.lower() not in lexicon.light_verbs
        and (
            not lexicon.polarity(verb)
            or lexicon.is_weak(verb)
            or bool(word_forms(verb) & lexicon.measures)
        )
    )


def _decided_below(target: Token, cue: Token, lexicon: StanceLexicon) -> bool:
    """A target of a cue ("voted") that an act decided under it governs ("voted to ban
    launches"): what the act is done to, not an issue of the cue's."""
    for token in target.ancestors:
        if token == cue:
            return False
        if decided_act(token, lexicon):
            return True
    return False


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


def _modal(token: Token) -> bool:
    """Whether a modal verb ("should", "would", "could", "must") rules the clause a word
    stands in or one above it."""
    return any(c.tag_ == "MD" for t in [token, *list(token.ancestors)[:CLIMB]] for c in t.children)


# Named entity kinds that are amounts: a clause telling one of them counts rather than argues;
# a number the tagger leaves out of any entity ("29 billion dlrs") is one too, unless a date's.
AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
DATED = frozenset({"DATE", "TIME", "ORDINAL"})


def _tallied(token: Token) -> bool:
    """Whether the clause a word stands in tells an amount of what was or has been ("the
    debt, which rose to nearly $9 billion, was growing", "took up 40 pct of the budget"):
    a figure reported, not a side argued (what would be, "would cost $2 million", is
    argued)."""
    verb = next((t for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or _modal(token):
        return False
    past = verb.tag_ in {"VBD", "VBN"} or any(
        c.dep_ in {"aux", "auxpass"} and (c.tag_ == "VBD" or c.lemma_.lower() == "have")
        for c in verb.children
    )
    return past and any(
        t.ent_type_ in AMOUNTS or (t.pos_ == "NUM" and t.ent_type_ not in DATED)
        for t in verb.subtree
    )


def _done(token: Token, lexicon: StanceLexicon) -> bool:
    """Whether the clause a word stands in tells, in the present perfect, what others
    have done ("the board has hired advisers", "some firms have begun to limit X"): a
    report of acts, not a side argued. (Not what the speaker has done, "we have done
    nothing wrong", "I have come to say ...": their own case. Nor the simple past and the
    past perfect, which may be a reported present shifted back, "said the Government
    felt no need".)"""
    clause = next((t for t in [token, *token.ancestors] if t.dep_ == "ccomp" or t.head == t), token)
    return (
        clause.pos_ == "VERB"
        and clause.tag_ == "VBN"
        and clause.lemma_.lower() != "be"
        and any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in {"VBZ", "VBP"}
            for c in clause.children
        )
        and not any(c.dep_ == "nsubj" and c.lower_ in lexicon.first_person for c in clause.children)
    )


def _unheld_attitude(cue: Token, lexicon: StanceLexicon) -> bool:
    """ "There were grave doubts about X", "there is opposition to X": an attitude said to
    exist has holders left unnamed; whoever says so reports it (a judgement, "there is
    no need for X", is the speaker's own)."""
    head = cue.head
    return (
        cue.dep_ in {"attr", "nsubj"}
        and head.lemma_.lower() == "be"
        and any(c.dep_ == "expl" for c in head.children)
        and not lexicon.is_evaluative(cue)
    )


def _conditional(cue: Token) -> bool:
    """ "would allow Norland to walk out": a consequence imagined, nobody's stance."""
    return any(
        c.dep_ == "aux" and c.lower_ in {"would", "could", "might", "may"}
        for token in [cue, *list(cue.ancestors)[:CLIMB]]
        for c in token.children
    )


def _disclaimed(token: Token, lexicon: StanceLexicon) -> bool:
    """ "I am not against X", "we are not opposed to X": a side against, predicated with a
    negated copula, disclaims a stance without taking the other (the gold convention: a
    concession, not support). ("No one here is against X" is everyone's support.)"""
    copula = token.head
    return (
        token.dep_ in {"prep", "acomp"}
        # ("I’m": with a curly apostrophe the parser's lemma is the contraction itself)
        and (copula.lemma_ == "be" or copula.norm_ in {"am", "are", "is"})
        and lexicon.polarity(token) < 0
        and any(c.dep_ == "neg" for c in copula.children)
    )


def _turned_down(phrase: Token) -> bool:
    """ "accept X rather than build Y", "the tunnel rather than the dam": the phrase right
    after "rather than" is the alternative turned down, the other side of what is said of
    the one preferred (however the parser attaches it)."""
    before = phrase.left_edge.i - 1
    doc = phrase.doc
    return before > 0 and doc[before].lower_ == "than" and doc[before - 1].lower_ == "rather"


def _sets_apart(token: Token, lexicon: StanceLexicon) -> bool:
    """ "as opposed to", "as compared with": a contrast, not an attitude."""
    return token.lower_ in lexicon.contrasts and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in token.children
    )


def _opens_condition(token: Token, lexicon: StanceLexicon) -> bool:
    """The verb of a clause that states a condition ("if Norland should offer ..."), asks
    a question ("the question is whether we want X") or dates an event ("after Norland
    approves X")."""
    # (not "the plan is how we keep the routes": what the plan is, no question)
    if (
        token.dep_ in {"ccomp", "pcomp"}
        and token.head.lemma_ != "be"
        and any(
            c.dep_ == "advmod" and c.tag_ == "WRB" and c.lower_ in lexicon.question_words
            for c in token.children
        )
    ):
        return True  # "the question of how the tax cuts will be financed": asked, not taken
    if token.dep_ not in {"advcl", "ccomp", "csubj"}:
        return False
    if any(c.dep_ == "mark" and c.lower_ in lexicon.conditions for c in token.children):
        return True  # (and "whether X can be stopped is questionable": a question asked)
    # ("as soon as X approves": the clause hangs on the adverb "soon")
    first = token.head.left_edge if token.head.pos_ == "ADV" else token.left_edge
    opening = " ".join(t.lower_ for t in token.doc[first.i : token.i])
    return token.dep_ == "advcl" and any(
        opening == words or opening.startswith(words + " ") for words in lexicon.time_clauses
    )


def _in_condition(cue: Token, lexicon: StanceLexicon) -> bool:
    """ "if Norland should offer to build the dam": a cue inside a condition is a case
    imagined, not a stance taken."""
    return any(_opens_condition(token, lexicon) for token in [cue, *cue.ancestors])


def _acted_by_another(
    cue: Token, anchor: Token, first_person: frozenset[str], no_one: frozenset[str]
) -> bool:
    """ "The hotel industry has lobbied for X", "the union wants X": a cue that is the
    verb of a subject other than the writer's own "I" or "we" (and other than the issue
    itself, "X is a bad idea"), someone else's act or want told, even where the subject
    names no one the article knows. An opinion piece's own voice holds its judgements and
    calls ("X is a folly", "the council should reject X"), not what it tells of others."""
    if cue.pos_ not in {"VERB", "AUX"}:
        return False
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    if not subjects and cue.dep_ in {"xcomp", "conj"}:
        subjects = [c for c in cue.head.children if c.dep_ == "nsubj"]
    return any(
        (s.pos_ in {"NOUN", "PROPN"} or _someone(s, no_one))
        and s.lower_ not in first_person
        and anchor not in s.subtree
        for s in subjects
    )


def _someone(pronoun: Token, no_one: frozenset[str]) -> bool:
    """ "he", "they", "everyone", "someone": a pronoun for a person or people (not "it",
    "this", "that", which may be the thing judged; not "nobody", whose act denied is the
    speaker's claim)."""
    if pronoun.pos_ != "PRON" or pronoun.lower_ in no_one:
        return False
    kind, person = pronoun.morph.get("PronType"), pronoun.morph.get("Person")
    return kind == ["Ind"] or (
        kind == ["Prs"] and person == ["3"] and pronoun.morph.get("Gender") != ["Neut"]
    )


def _passive_act(cue: Token, lexicon: StanceLexicon) -> bool:
    """ "Membership was rejected in a referendum", "the levy is widely opposed": a passive
    act or attitude with no agent is someone's left unnamed, told; not the judgement of
    whoever tells it (a passive judgement, "the plan is misguided", is; a call, "X must be
    rejected", is voiced)."""
    return (
        cue.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in cue.children)
        and not any(c.dep_ == "agent" for c in cue.children)
        and not lexicon.is_evaluative(cue)
    )


def _heads_its_clause(cue: Token) -> bool:
    """Whether a cue carries the clause it stands in ("Norland will not back down", "X is
    an absurd course"), not a subject phrase ("U.S. plans to deploy X should not be
    linked"): only then does the speaker reporting the clause take its stance."""
    token = cue
    while token.pos_ not in {"VERB", "AUX"}:
        if token.dep_ in {"nsubj", "nsubjpass", "csubj"} or token.head == token:
            return token.head == token
        token = token.head
    if token.dep_ == "acl" and token.head.dep_ == "dobj" and token.head.head.pos_ == "VERB":
        # "reached its decision to reject X": what the object decided is the clause's
        return _heads_its_clause(token.head.head)
    return token.dep_ not in {"nsubj", "nsubjpass", "csubj", "acl", "relcl", "amod"}


def _hedged(cue: Token, lexicon: StanceLexicon) -> bool:
    """A modal of possibility on the cue or a clause above it, an "option", a prediction."""
    for token in [cue, *list(cue.ancestors)[:CLIMB]]:
        if token.lemma_.lower() in lexicon.hedges:
            return True
        # ("could not support X" is a refusal, what one cannot bring oneself to do, not
        # a possibility; "may not", "might not" stay possibilities)
        refused = any(c.dep_ == "neg" for c in token.children)
        if any(
            # ("is unlikely to do more than reiterate X": the copula's adjective)
            c.dep_ in {"aux", "nsubj", "acomp"}
            and c.lemma_.lower() in lexicon.hedges
            and not (refused and c.lower_ == "could")
            for c in token.children
        ):
            return True
    return False


class Holding(NamedTuple):
    holders: list[str]  # who holds a cue (`ActorFinder.holders`)
    unnamed: bool  # whether its act is an unnamed subject's (`ActorFinder.held_unnamed`)


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
        lemma = token.lemma_.lower()
        # "the council president, Grace Whitfield": an apposition names the very one
        children = sorted(token.children, key=lambda c: c.dep_ != "appos")
        for child in children:  # "the U.S. proposal", "fellow Democrat Harlow Venn"
            if child.dep_ != "appos" and self.unnamed_member(token):
                continue
            governed = bool(word_forms(token) & self.governing_bodies)  # "the board of X"
            if lemma in self.spokespeople and child.dep_ == "prep" and child.lower_ == "for":
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
            if child.i < token.i + 3 or lemma in self.spokespeople or governed:
                entity_id = self.at(base + child.idx, base + child.idx + len(child))
                if entity_id and token.lemma_.lower() in self.government_nouns:
                    return self.affiliations.get(entity_id, entity_id)
                if entity_id:
                    return self.states.get(entity_id, entity_id)
        return self.described(token, base)

    def body(self, noun: Token) -> str:
        """ "Councillors voted to refuse X", the headline "Council Approves X": a body's
        word alone, or its members' plural alone, is the one organisation the article
        names with that word ("Harlow Town Council"); "" where none or several are."""
        if any(c.dep_ in {"det", "poss", "nummod", "amod", "compound"} for c in noun.children):
            return ""  # "two councillors", "the trustees who voted no": some members
        forms = sorted(word_forms(noun))
        if noun.tag_ in {"NNS", "NNPS"}:
            word = next((self.members_of[f] for f in forms if f in self.members_of), "")
        else:
            bodies = set(self.members_of.values())
            word = next((f for f in forms if f in bodies), "")
        # ("Council" alone as a name is the word, not an organisation's name)
        named = [
            entity_id
            for entity_id, kinds in self.body_kinds.items()
            if word in kinds and self.names.get(entity_id, "").casefold() != word
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
            return self.mentions.before(
                base + noun.idx,
                {"ORG"},
                accept=lambda entity_id: self.may_be_called(entity_id, lemma),
            )
        return ""

    def unnamed_member(self, token: Token) -> bool:
        """ "U.S. Government officials", "party members": unnamed members of an
        organisation are no one the article names; its spokesman, though, speaks for it
        ("a spokeswoman for the firm")."""
        lemma = token.lemma_.lower()
        return lemma in self.anonymous and lemma not in self.spokespeople

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

    def _reporter(self, pronoun: Token, base: int, wanted: set[str]) -> str:
        """ "Roth told Okon he backed X": the subject pronoun of a reported clause stands
        for the one who reports it (named before it), not for whoever was named last."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return ""
        clause = pronoun.head
        verbs = [clause.head] if clause.dep_ == "ccomp" else []
        # the parser may hang the speech verb under the clause it reports
        verbs += [c for c in clause.children if c.dep_ in {"ccomp", "parataxis"}]
        for verb in verbs:
            if verb.lemma_.lower() not in self.reporting or verb.i > pronoun.i:
                continue
            for subject in verb.children:
                if subject.dep_ != "nsubj":
                    continue
                entity_id = self.at(base + subject.idx, base + subject.idx + len(subject))
                if entity_id and self.types.get(entity_id) in wanted:
                    return entity_id
        return ""

    def _holders_of(self, token: Token, base: int, target: Token | None = None) -> list[str]:
        found = []
        for child in token.children:
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
            elif child.dep_ == "nsubjpass" and self._heard_of(token):
                pass  # "Okon is believed to favour X": Okon's stance, as heard
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
        found = []
        for child in group.children:
            marker = " ".join(t.lower_ for t in child.subtree if t.i <= child.i)
            if child.dep_ != "prep" or marker not in self.members_named:
                continue
            members = [g for g in child.children if g.dep_ == "pobj"]
            for member in members:  # "X and Y", not "X, a Wisconsin Democrat": no member
                members += [c for c in member.children if c.dep_ == "conj"]
            found += [self.token_entity(member, base) for member in members]
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
        """ "congratulated Marsh for proposing X": the object of the verb above a
        "for"/"of" gerund is who does it."""
        if (
            verb.dep_ != "pcomp"
            or verb.head.dep_ != "prep"
            or verb.head.lower_ not in {"for", "of"}
        ):
            return ""  # "secured X's support by offering": the means is the subject's own
        governor = verb.head.head
        objects = [c for c in governor.children if c.dep_ == "dobj"]
        return self.token_entity(objects[0], base) if objects else ""

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


def stance_targets(cue: Token, lexicon: StanceLexicon) -> list[Token]:
    """The words a cue is about: its object, the object of its preposition ("opposition
    to X", "against X") or of the verb it governs ("refuses to hold X", "refusal to
    allow X"); a passive subject ("X was rejected"); the subject of the clause it
    governs ("fears that the deal will fail"); and for a judgement, what it is said of
    ("a reckless scheme", "the plan is a mistake", "the bill turns the law on its head")."""
    if lexicon.consequence(cue):
        return _causes(cue)
    if _ought_to_exist(cue, lexicon):
        return [c for c in cue.children if c.dep_ == "attr"]
    targets = []
    judgement = lexicon.is_evaluative(cue)
    agents = [c for c in cue.children if c.dep_ == "agent"] if judgement else []
    for child in cue.children:
        if judgement and (child.dep_ != "nsubjpass" or agents):
            # "the bill would hurt farmers", "a step backwards for the city": a judgement
            # is on what it is said of, never on who suffers it; "were misled by the
            # board": the one who misled is judged, not the victim
            targets += [g for g in child.children if child in agents and g.dep_ == "pobj"]
            continue
        if child.dep_ in {"dobj", "pobj", "nsubjpass"} and not _addressee(child):
            if child.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in cue.children):
                continue  # "the board was determined that X ...": who holds it, on X
            targets.append(child)
        elif child.dep_ == "prep" and (
            # ("interested in X": the preposition a cue takes its side through)
            child.lower_ in lexicon.target_prepositions or lexicon.through(cue, child)
        ):
            # "in favour of decoupling": a bare gerund is the thing done; "against
            # building a second agency": what the gerund does it to
            targets += [g for g in child.children if g.dep_ == "pobj" or bare_gerund(g)]
            targets += [g for done in child.children for g in _done_to(done)]
        elif child.dep_ == "pcomp":  # "against building a second agency"
            targets += _done_to(child)
        elif child.dep_ in {"xcomp", "acl"}:
            targets += [g for g in child.children if g.dep_ == "dobj"]
        elif child.dep_ == "ccomp" and cue.pos_ == "VERB":
            targets += [g for g in child.children if g.dep_ in {"nsubj", "nsubjpass"}]
    if _agent_participle(cue):
        targets.append(cue.head)  # "a measure vetoed by Norland": the measure
    if judgement:
        judged = cue if cue.pos_ in {"VERB", "AUX"} else cue.head
        if cue.dep_ in {"amod", "compound"} and cue.head.pos_ in {"NOUN", "PROPN"}:
            if not _judges(cue, lexicon):
                pass  # "illegal wealth": a description, no judgement
            elif cue.head.dep_ not in {"attr", "oprd"}:
                targets.append(cue.head)  # "a reckless scheme"
            else:  # "the levy is a reckless scheme": the levy
                cue, judged = cue.head, cue.head.head
        elif cue.dep_ == "pobj":  # "puts the river on the right track"
            judged = cue.head.head
        if cue.dep_ in {"acomp", "attr"} and _extraposed(cue.head):
            # "it is premature to change the law": the law
            clauses = _extraposed_clauses(cue.head)
            targets += [g for c in clauses for g in c.children if g.dep_ == "dobj"]
        if cue.dep_ == "nsubj" and _judging_subject(cue.head, lexicon):
            # "the biggest mistake was the levy": the levy
            targets += [c for c in cue.head.children if c.dep_ == "attr"]
        namer = _naming_verb(cue, lexicon)
        if namer is not None:  # "called the levy a folly"
            targets += [c for c in namer.children if c.dep_ == "dobj" and c not in targets]
        clause = {"attr", "acomp", "oprd", "advmod", "prep", "dobj", "pobj"}
        if cue.pos_ in {"VERB", "AUX"} or cue.dep_ in clause:
            targets += [c for c in judged.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    return targets


def _done_to(gerund: Token) -> list[Token]:
    """ "(against) building a second agency": the object of a gerund a preposition
    governs, what the stance on doing it is about."""
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG":
        return []
    return [g for g in gerund.children if g.dep_ == "dobj"]


def _causes(cue: Token) -> list[Token]:
    """What a warning of harm blames, or a promise of good credits: the subject ("the
    quota could prompt retaliation", "the tunnel would create jobs") or, in the passive,
    the agent ("could be provoked by raising tariffs": the tariffs, what is done; "by the
    quota": the quota); never the harm (or the good) itself."""
    causes = [c for c in cue.children if c.dep_ in {"nsubj", "csubj"}]
    agents = [c for c in cue.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"]
    for agent in agents:
        for done in agent.children:
            if done.dep_ == "pobj":
                causes.append(done)
            elif done.dep_ == "pcomp":
                causes += [g for g in done.children if g.dep_ == "dobj"]
    return causes


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


def issue_anchors(sent: Span, patterns: list[re.Pattern], text: str) -> list[Token]:
    """The head token of each span of the sentence an issue's patterns match (`text`:
    the sentence's text)."""
    anchors = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = sent.start_char + match.start(), sent.start_char + match.end()
            inside = tokens_between(sent.doc, start, end)
            if inside:  # the word highest in the tree: "X and Y should not be linked"
                anchors.append(
                    min(
                        inside,
                        key=lambda t: (
                            len(list(t.ancestors)),
                            t.pos_
                            not in {"NOUN", "PROPN", "VERB"},  # "arms reduction", not "strategic"
                            t.i,
                        ),
                    )
                )
    return anchors


def sentence_anchors(
    sent: Span, catalogue: list[tuple[Issue, IssueRef]], issues: IssueFinder, lexicon: StanceLexicon
) -> list[tuple[Token, IssueRef]]:
    """The issue mentions of a sentence, in text order: every match of a catalogue
    issue's patterns, then every target of a stance cue the catalogue does not cover
    (a discovered issue, or the issue last named for "it" and "this plan")."""
    anchors: list[tuple[Token, IssueRef]] = []
    covered: set[int] = set()
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # sent.text, joined once
    for issue, ref in catalogue:
        for anchor in issue_anchors(sent, issue.patterns, text):
            anchors.append((anchor, ref))
            covered.update(t.i for t in anchor.subtree)
    named = {anchor.i for anchor, _ in anchors}
    for token in sent:
        if (
            # (most words have no side: asked first, it spares the other questions)
            not (
                lexicon.polarity(token)
                or lexicon.prepositional.get(token.lemma_.lower())
                or _ought_to_exist(token, lexicon)
                or _called_for(token, lexicon)
            )
            or (lexicon.is_weak(token) and not _pointed(token, lexicon))
            or _aimed(token, lexicon)
            or decided_act(token, lexicon)  # (the act decided is the issue: below)
        ):
            continue
        called_for = _called_for(token, lexicon)
        targets = _called_for_targets(token, lexicon) if called_for else []
        for target in targets or stance_targets(token, lexicon):
            named_before = [
                r for a, r in anchors if relative_pronoun(target) and a == target.head.head
            ]
            if named_before and not any(a == target for a, _ in anchors):
                # "the levy, which Norland approved": the relative pronoun is the issue
                # the catalogue names, and the clause is a stance on it
                anchors.append((target, named_before[0]))
                continue
            if target.i in covered or any(t.i in named for t in target.subtree):
                continue  # "opposition to a plan for X": the catalogue's X is the issue
            if _decided_below(target, token, lexicon):
                continue  # "voted to ban launches": the ban is the issue, not the launches
            if any(a == target for a, _ in anchors):
                continue
            ref = issues.resolve(target)
            if ref is not None:
                anchors.append((target, ref))
        if _bare_relative(token) and not any(a == token for a, _ in anchors):
            # "the levy Okon rejected": the clause is a stance on the noun it hangs on
            known = [r for a, r in anchors if a == token.head]
            ref = known[0] if known else None
            if ref is None and token.head.i not in covered:
                ref = issues.resolve(token.head)
            if ref is not None:
                anchors.append((token, ref))
    for token in sent:  # "Norland's offer": a proposal is an issue of its own
        # (not "a Norland plan for a dam": the dam is the issue, the plan names none)
        if own_proposal(token, lexicon) and not any(t.i in named for t in token.subtree):
            if not any(a == token for a, _ in anchors):
                ref = issues.proposal(token)
                if ref is not None:
                    anchors.append((token, ref))
    # "voted to close the pier": the closing is the issue decided, not the pier (a
    # catalogue's issue under it, the user's own, stays the issue)
    catalogued = {
        t.i for anchor, ref in anchors if ref.source != "discovered" for t in anchor.subtree
    }
    decided = [
        token
        for token in sent
        if decided_act(token, lexicon) and not any(t.i in catalogued for t in token.subtree)
    ]
    anchors = [
        (anchor, ref)
        for anchor, ref in anchors
        if not (ref.source == "discovered" and any(t in decided for t in anchor.ancestors))
    ]
    for token in decided:
        if not any(a == token for a, _ in anchors):
            ref = issues.act(token)
            if ref is not None:
                anchors.append((token, ref))
    for token in sent:  # "this scheme", "the deal": the issue last named, named again
        if token.pos_ == "NOUN" and issues.is_anaphor(token) and issues.last is not None:
            if token.i not in covered and not any(a == token for a, _ in anchors):
                anchors.append((token, issues.last))
    anchors.sort(key=lambda pair: pair[0].i)
    return anchors


@dataclass(frozen=True)
class Mention:
    """An issue named in a sentence, and who may be speaking there."""

    issue: IssueRef
    sentence: Any  # the sentences table's row
    target: str
    holders: tuple[str, ...]  # the speakers of the statement it is in, or the writer
    narrated: bool = False  # the writer's own telling of what is, was or will be done
    tallied: bool = False  # a figure told of what was or has been ("the debt rose to $9m")
    done: bool = False  # what has been done ("the board has hired advisers"): a report


# Ranks of the ways a holder is found (lower wins for one actor, issue and sentence).
RANK_HOLDER, RANK_SPEAKER, RANK_NEIGHBOUR, RANK_WRITER, RANK_SIDE = 0, 1, 2, 3, 4


def _discover_issues(
    context: ArticleContext, catalogue: list[tuple[Issue, IssueRef]], issues: IssueFinder
) -> None:
    """The first reading of the article: the issue mentions of every sentence, noted in
    order as `_positions_pass` notes them, so that `issues` discovers what the stance
    cues point at (who holds which stance is left to the second reading)."""
    lexicon = context.resources.stance
    for _item, sent, _sentence in context.sentence_parses:
        for _anchor, issue in sentence_anchors(sent, catalogue, issues, lexicon):
            issues.note(issue)


def _positions_pass(
    context: ArticleContext,
    finder: ActorFinder,
    catalogue: list[tuple[Issue, IssueRef]],
    issues: IssueFinder,
    statements: list[tuple[int, int, str]],
) -> tuple[dict[tuple[str, str, int], tuple[int, dict]], list[Mention]]:
    """One reading of the article: every issue mention's stance and its holders, keyed
    by (actor, issue, sentence), with the rank of the best way its holder was found;
    and every mention of an issue with who speaks there."""
    lexicon = context.resources.stance
    spoken = _speakers_by_sentence(statements, context.sentences)
    statement_index = SpanIndex(statements)
    rows: dict[tuple[str, str, int], tuple[int, dict]] = {}
    mentions: list[Mention] = []
    for item, sent, sentence in context.sentence_parses:
        base, sentence_id = item.block.start, sentence.sentence_id
        own_speakers = spoken.get(sentence_id, [])
        previous_speakers = spoken.get(sentence_id - 1, [])
        # a sentence of nobody's between two of one speaker's is theirs too
        continued = [a for a in previous_speakers if a in spoken.get(sentence_id + 1, [])]
        for anchor, issue in sentence_anchors(sent, catalogue, issues, lexicon):
            issues.note(issue)
            offset = base + anchor.idx
            # "the levy, which X approved": the target is what the pronoun stands for
            # and "the levy X approved" the noun the clause hangs on
            named = anchor.head.head if relative_pronoun(anchor) else anchor
            words = phrase_tokens(anchor.head if _bare_relative(anchor) else named)
            target = anchor.doc[words[0].i : words[-1].i + 1].text
            speakers = statement_index.holding(offset)
            voice = [finder.writer] if finder.writer and not finder.quoted(offset) else []
            stance = stance_toward(anchor, lexicon, discovered=issue.source == "discovered")
            judging = stance.cues[-1].token if stance.cues else None
            if (
                not speakers
                and judging is not None
                and (
                    judging.pos_ in {"ADJ", "NOUN"}
                    or lexicon.phrase_polarity(judging, judging=True)
                )
            ):
                # 'said the board was "long overdue"', 'would "level the playing field"': a
                # judging word or phrase in the quoted words, the issue in the frame around
                # them, is the quote's speaker's (a quoted verb, '"hurting the people"',
                # may tell an effect, no judgement)
                speakers = statement_index.holding(base + judging.idx)
            # (not "if Norland should offer to build X": no one's stance yet)
            taken = (
                bool(stance.cues)
                and not _in_condition(stance.cues[-1].token, lexicon)
                and not _unheld_attitude(stance.cues[-1].token, lexicon)
            )
            owned = taken and stance.cues[-1].owned  # the owner's, never the writer's
            found = _holders_found(finder, stance, anchor, base, speakers, lexicon) if taken else []
            if taken and not owned and not found and not own_speakers:
                # "This option could also ...": the option its last speaker put forward
                if stance.hedged:
                    found += [(a, stance.cues[-1], RANK_NEIGHBOUR) for a in previous_speakers]
                elif not _conditional(stance.cues[-1].token):
                    found += [(a, stance.cues[-1], RANK_NEIGHBOUR) for a in continued]
            outer = stance.cues[-1] if taken else None
            if (
                outer is not None
                and not owned
                and (
                    not found
                    and outer.token is not anchor  # "the ban would ...": named, not judged
                    and not _acted_by_another(
                        outer.token, anchor, finder.first_person, lexicon.no_one
                    )
                    and not _passive_act(outer.token, lexicon)
                    or outer.voiced
                    and not any(c is outer for _, c, _ in found)
                )
            ):
                # an opinion piece's own voice: the writer's stance, also where they
                # judge another's ("the mayor's refusal to allow X is troubling")
                found += [(a, outer, RANK_WRITER) for a in voice]
            found = _owners_set_aside(found, lexicon)
            held = {a for a, _, rank in found if rank == RANK_HOLDER}
            if _in_condition(anchor, lexicon):  # "whether we want X" argues nothing
                arguers = []
            elif speakers:  # who reports another's stance does not argue it
                unnamed = taken and finder.held_unnamed(stance.cues[-1].token, base, anchor)
                arguers = [] if held - set(speakers) or unnamed else speakers
            elif own_speakers:  # a sentence telling what another says is not the writer's case
                arguers = []
            else:  # an opinion piece's own voice argues its writer's side
                arguers = voice
            narrated = not speakers and not _modal(anchor)
            mentions.append(
                Mention(
                    issue,
                    sentence,
                    target,
                    tuple(arguers),
                    narrated,
                    _tallied(anchor),
                    _done(anchor, lexicon),
                )
            )
            flip = -1 if issue.against and not stance.on_action else 1
            for actor_id, cue, rank in found:
                row = _row(context, actor_id, issue, sentence, target)
                row.update(
                    stance=stance.label(cue.polarity * flip),
                    cue=cue.token.text,
                    hedged=stance.hedged,
                )
                _keep(rows, row, rank)
    return rows, mentions


def _holders_found(
    finder: ActorFinder,
    stance: Stance,
    anchor: Token,
    base: int,
    speakers: list[str],
    lexicon: StanceLexicon,
) -> list[tuple[str, Cue, int]]:
    """Who holds a stance, as (actor, cue, rank): who holds a cue outranks who reports
    it."""
    if stance.hedged and _put_forward(stance.cues[-1].token, lexicon):
        # "one option could see Norland accept X": the option is its speaker's, and
        # Norland's acceptance only imagined
        return [(a, stance.cues[-1], RANK_SPEAKER) for a in speakers]
    found: list[tuple[str, Cue, int]] = []
    wished = False
    for cue in reversed(stance.cues):  # an actor's outermost cue is their stance
        if cue.owned:  # only the owner named on it, never the subject of a verb above
            holders = finder.owners(cue.token, base)
            found += [(a, cue, RANK_HOLDER) for a in holders if (a, cue, 0) not in found]
            continue
        holders = finder.holders(cue.token, base, anchor)
        if cue.voiced:  # a judgement is its caller's ("X called it a folly")
            namer = _naming_verb(cue.token, lexicon)
            holders = finder.holders(namer, base, anchor) if namer is not None else []
        if wished:  # "hopes to secure Norland's support": Norland's is only hoped for
            holders = [a for a in holders if a in {h for h, _, _ in found}]
        found += [(a, cue, RANK_HOLDER) for a in holders if (a, cue, 0) not in found]
        # (nor is a stance someone "does not think" another takes)
        wished = (
            wished or lexicon.wishes(cue.token) or cue.token.lemma_.lower() in lexicon.neg_raising
        )
    if stance.cues[-1].owned:
        return found
    first = stance.cues[0]
    if len(stance.cues) > 1 and first.voiced and first.token.head == anchor:
        # "Roth said Okon backs the reckless quota": the judgement on the mention is
        # whoever states it, beside the stance of the one who backs it
        found += [(a, first, RANK_SPEAKER) for a in speakers]
    if stance.cues[-1].voiced or _heads_its_clause(stance.cues[-1].token):
        # the speaker of another person's stance only reports it; a state's or an
        # organisation's they may speak for ("Kestra will not ..., its minister said");
        # a paper or a study reporting a state's stance does not; the owner of a proposal
        # they judge ("Okon's offer is a mistake, Roth said") holds the proposal only
        holders = {h for h, cue, _ in found if not cue.owned}
        people = {h for h in holders if finder.types.get(h) == "PERSON"}
        found += [
            (a, stance.cues[-1], RANK_SPEAKER)
            for a in speakers
            if not people - {a}
            and (finder.types.get(a) == "PERSON" or holders <= {a})
            and not (not holders and finder.held_unnamed(stance.cues[-1].token, base, anchor))
        ]
    return found


def _row(
    context: ArticleContext, actor_id: str, issue: IssueRef, sentence: Any, target: str
) -> dict:
    """A row of the positions table, without its stance."""
    return {
        "article_id": context.article.article_id,
        "actor_id": actor_id,
        "actor": context.entity_names.get(actor_id, ""),
        "issue_id": issue.id,
        "issue": issue.label,
        "sentence_id": sentence.sentence_id,
        "evidence": sentence.text,
        "source": "auto",
        "start": int(sentence.start),
        "end": int(sentence.end),
        "machine_stance": "",
        "issue_source": issue.source,
        "issue_pattern": issue.pattern,
        "target": target,
    }


def _keep(rows: dict[tuple[str, str, int], tuple[int, dict]], row: dict, rank: int) -> None:
    """Keep a row unless the same actor, issue and sentence has one found a better way."""
    key = (row["actor_id"], row["issue_id"], int(row["sentence_id"]))
    if key not in rows or rows[key][0] > rank:
        rows[key] = (rank, row)


def sides(rows: dict[tuple[str, str, int], tuple[int, dict]]) -> dict[tuple[str, str], str]:
    """Each actor's side on each issue: the stance most of their stated stances take
    (none on a tie)."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for (actor_id, issue_id, _), (_, row) in rows.items():
        if row["stance"] != "neutral":
            counts.setdefault((actor_id, issue_id), Counter())[row["stance"]] += 1
    known = {}
    for key, stances in counts.items():
        ranked = stances.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            known[key] = ranked[0][0]
    return known


def keep_sides(
    context: ArticleContext,
    rows: dict[tuple[str, str, int], tuple[int, dict]],
    mentions: list[Mention],
) -> None:
    """An actor's statement that names an issue they take a side on elsewhere in the
    article, with no stance of its own, argues that side ("We are determined to uphold
    the agreement", then "the agreement is being adhered to, he said")."""
    known = sides(rows)
    stated = {(actor_id, sentence_id) for actor_id, _, sentence_id in rows}
    for mention in mentions:
        if mention.narrated:
            # the writer telling what was done or is due ("the vote on the bonds is due
            # next month") reports it; they argue in what should, would or could be
            continue
        if mention.tallied or mention.done:
            # a figure of what was ("the debt rose to $9 billion, he said") counts, and
            # what has been done is told; their side is argued in what should, would or
            # could be, or in what they judge
            continue
        for actor_id in mention.holders:
            side = known.get((actor_id, mention.issue.id))
            if side and (actor_id, mention.sentence.sentence_id) not in stated:
                row = _row(context, actor_id, mention.issue, mention.sentence, mention.target)
                row.update(stance=side, cue="", hedged=False)
                _keep(rows, row, RANK_SIDE)


def _judgement_negated(judgement: Token, lexicon: StanceLexicon) -> bool:
    """A judgement denied: "not fair", or its copula negated ("that is not good for
    anybody", "it was never a solution"), where the negation hangs on the verb."""
    return lexicon.negated(judgement) or (
        judgement.dep_ in {"acomp", "attr"}
        and judgement.head.lemma_ == "be"
        and lexicon.negated(judgement.head)
    )


def _cost_foretold(token: Token, lexicon: StanceLexicon) -> bool:
    """ "People will pay for this", "we will be paying for the decision": a cost
    (`costs`) that someone is said to be going to bear, a consequence argued."""
    if lexicon.negated(token) or not any(
        f"{token.lemma_.lower()} {c.lower_}" in lexicon.costs
        for c in token.children
        if c.dep_ == "prep"
    ):
        return False
    return _foretold(token) or (  # "are going to pay for it"
        token.dep_ == "xcomp"
        and token.head.lemma_ == "go"
        and token.head.tag_ == "VBG"
        and not lexicon.negated(token.head)
    )


def _calls_for(token: Token, lexicon: StanceLexicon) -> bool:
    """A speaker's call in their own words: an act they say ought to be done ("the council
    has to act", not foretold: "will have to"; not describing: "firms that must file"), or
    their own wish ("we hope the council listens", not "they hope", not "we do not want")."""
    if _ought(token, lexicon):
        return not _foretold(token) and token.dep_ != "relcl"
    return (
        lexicon.wishes(token)
        and not lexicon.negated(token)
        and any(c.dep_ == "nsubj" and c.lower_ in lexicon.first_person for c in token.children)
    )


def keep_quoted_sides(
    context: ArticleContext, rows: dict[tuple[str, str, int], tuple[int, dict]]
) -> None:
    """A speaker who takes one side on one issue in the article argues it in a sentence
    of theirs, quoted in their own words, that names no issue but passes a judgement of
    that side ("Okon rejected the levy. 'Families will pay, and that is unfair,' he
    said."), or makes a call (`_calls_for`: "'The council has to act now,' he said": what
    they say ought to be done is the case they argue, not a forecast); not where the
    sentence hedges ("it may be unfair") or judges the other way
    (a judgement of something else)."""
    held: dict[str, list[tuple[str, str]]] = {}
    for (actor_id, issue_id), side in sorted(sides(rows).items()):
        held.setdefault(actor_id, []).append((issue_id, side))
    models = {(key[0], key[1]): row for key, (_, row) in sorted(rows.items())}
    stated = {(actor_id, sentence_id) for actor_id, _, sentence_id in rows}
    quotes = context.table("quotes")
    spans = [
        (int(start), int(end), str(actor_id))
        for start, end, actor_id, kind in zip(
            quotes["start"], quotes["end"], quotes["speaker_id"], quotes["kind"], strict=True
        )
        if actor_id and kind == "direct" and len(held.get(str(actor_id), [])) == 1
    ]
    lexicon = context.resources.stance
    for _item, sent, sentence in context.sentence_parses:
        speakers = [a for start, end, a in spans if start < sentence.end and end > sentence.start]
        if not speakers or any(word_forms(t) & (lexicon.hedges | lexicon.options) for t in sent):
            continue
        judged = {
            lexicon.polarity(t) * (-1 if _judgement_negated(t, lexicon) else 1)
            for t in sent
            if lexicon.is_evaluative(t) and lexicon.polarity(t)
        }
        called = any(_calls_for(t, lexicon) or _cost_foretold(t, lexicon) for t in sent)
        for actor_id in sorted(set(speakers)):
            issue_id, side = held[actor_id][0]
            if (actor_id, sentence.sentence_id) in stated or (
                (1 if side == "support" else -1) not in judged and not called
            ):
                continue
            model = models[(actor_id, issue_id)]
            issue = IssueRef(
                issue_id, model["issue"], model["issue_source"], (model["issue_pattern"],)
            )
            row = _row(context, actor_id, issue, sentence, "")  # (no mention of it here)
            row.update(stance=side, cue="", hedged=False)
            _keep(rows, row, RANK_SIDE)
            stated.add((actor_id, sentence.sentence_id))


def extract_positions(context: ArticleContext) -> pd.DataFrame:
    """The `positions` table (`positions_columns`) as a DataFrame."""
    return columns_frame("positions", positions_columns(context))


def positions_columns(context: ArticleContext) -> Columns:
    """The `positions` table: automatic positions on the catalogue's issues and on the
    issues the text's stance cues point at, then the analyst's manual ones (from the
    resources' annotations folder)."""
    article, sentences = context.article, context.sentences
    resources, names = context.resources, context.entity_names
    quotes, mentions, entities = (context.table(n) for n in ("quotes", "mentions", "entities"))
    lexicon = resources.stance
    finder = ActorFinder(context)
    catalogue = [
        (issue, catalogue_ref(issue, lexicon.against_referent(issue))) for issue in resources.issues
    ]
    statements = [
        (int(s), int(e), str(i))
        for s, e, i in zip(quotes["start"], quotes["end"], quotes["speaker_id"], strict=True)
        if i
    ]
    statements += group_statements(quotes, mentions, entities)
    statements += phrase_statements(context, finder)
    issues = IssueFinder(lexicon, [ref for _, ref in catalogue])
    _discover_issues(context, catalogue, issues)
    # read again with the issues found named like the catalogue's, so that every
    # mention of them counts, before the cue that first pointed at them too
    found = [(discovered_issue(ref, issues), ref) for ref in issues.discovered()]
    issues = IssueFinder(lexicon, [ref for _, ref in catalogue + found])
    rows, mentions = _positions_pass(context, finder, catalogue + found, issues, statements)
    keep_sides(context, rows, mentions)
    keep_quoted_sides(context, rows)
    auto = [row for _, row in rows.values()]
    manual = read_manual_positions(article, resources.annotations_dir, names, resources, sentences)
    # the rows ordered and numbered before they become a table: sorting an article's few
    # rows in Python costs a fraction of sorting its DataFrame
    combined = sorted(
        override(auto, manual),
        key=lambda row: (row["sentence_id"], row["actor_id"], row["issue_id"], row["source"]),
    )
    for number, row in enumerate(combined, start=1):
        row["position_id"] = f"p{number}"
    return column_lists("positions", combined)


def _position_key(row: dict) -> tuple:
    return row["actor_id"], row["issue_id"], row["sentence_id"]


def override(auto: list[dict], manual: list[dict]) -> list[dict]:
    """The analyst's positions (rows) replace the machine's for the same actor, issue and
    sentence; each manual row keeps in `machine_stance` what the machine had said there
    (empty where it said nothing), so the chapter can show where they disagree."""
    if not manual:
        return auto
    machine = {_position_key(row): row["stance"] for row in auto}
    manual = [{**row, "machine_stance": machine.get(_position_key(row), "")} for row in manual]
    manual_keys = {_position_key(row) for row in manual}
    return [row for row in auto if _position_key(row) not in manual_keys] + manual


def disagreements(positions: pd.DataFrame) -> pd.DataFrame:
    """Where the analyst's coding differs from what the machine proposed."""
    manual = positions[positions["source"] == "manual"]
    return manual[manual["stance"] != manual["machine_stance"]].reset_index(drop=True)


def read_manual_positions(
    article: Article,
    annotations_dir: Path | None,
    names: dict,
    resources: Resources,
    sentences: Columns,
) -> list[dict]:
    """An analyst's positions for this article (rows of the positions table, without
    their `position_id`): `ANNOTATIONS/<article_id>.yml` with a `positions:` list of
    actor_id, issue_id, stance, sentence_id, evidence."""
    if annotations_dir is None:
        return []
    path = Path(annotations_dir) / f"{article.article_id}.yml"
    if not path.exists():
        return []
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("positions", [])
    labels = {issue.id: issue.label for issue in resources.issues}
    patterns = {
        issue.id: " | ".join(p.pattern for p in issue.patterns) for issue in resources.issues
    }
    spans = {
        int(i): (int(s), int(e))
        for i, s, e in zip(
            sentences["sentence_id"], sentences["start"], sentences["end"], strict=True
        )
    }
    rows = []
    for e in entries:
        sentence_id = int(e.get("sentence_id", -1))
        start, end = spans.get(sentence_id, (-1, -1))
        rows.append(
            {
                "article_id": article.article_id,
                "actor_id": e["actor_id"],
                "actor": names.get(e["actor_id"], e.get("actor", "")),
                "issue_id": e["issue_id"],
                "issue": labels.get(e["issue_id"], e["issue_id"]),
                "stance": e["stance"],
                "sentence_id": sentence_id,
                "evidence": e.get("evidence", ""),
                "cue": e.get("cue", ""),
                "source": "manual",
                "hedged": False,
                "start": start,
                "end": end,
                "machine_stance": "",
                "issue_source": "analyst",
                "issue_pattern": patterns.get(e["issue_id"], ""),
                "target": "",
            }
        )
    return rows


def agreement_network(positions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors with a stance on a common issue: `agreements` where they take the
    same side, `conflicts` where they take opposite sides, `score` the difference, and
    the issues behind it. Neutral and hedged stances count for neither."""
    sided = positions[positions["stance"].isin(["support", "oppose"])]
    sides = (
        sided.groupby(["actor", "issue"])["stance"]
        .agg(lambda s: s.value_counts().idxmax())
        .reset_index()
    )
    pairs: dict[tuple[str, str], dict] = {}
    for issue, group in sides.groupby("issue", sort=True):
        members = list(group.itertuples(index=False))
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                a, b = sorted([first.actor, second.actor])
                pair = pairs.setdefault(
                    (a, b), {"a": a, "b": b, "agreements": 0, "conflicts": 0, "issues": []}
                )
                same = first.stance == second.stance
                pair["agreements" if same else "conflicts"] += 1
                pair["issues"].append(f"{issue} ({'same side' if same else 'opposed'})")
    rows = [
        {**p, "score": p["agreements"] - p["conflicts"], "issues": "; ".join(p["issues"])}
        for p in pairs.values()
    ]
    columns = ["a", "b", "agreements", "conflicts", "score", "issues"]
    return pd.DataFrame(rows, columns=columns).sort_values(["a", "b"]).reset_index(drop=True)


def issue_candidates(context: ArticleContext) -> pd.DataFrame:
    """The `issue_candidates` table (`candidate_columns`) as a DataFrame."""
    return columns_frame("issue_candidates", candidate_columns(context))


def candidate_columns(context: ArticleContext) -> Columns:
    """What the article's stance cues point at, proposed as issues for a catalogue: the
    noun phrase each cue governs ("opposes [the new pipeline]"), counted, with a
    ready-to-adopt pattern and the first sentence where it appears."""
    article, lexicon = context.article, context.resources.stance
    found: dict[str, dict] = {}
    for _item, sent, sentence in context.sentence_parses:
        sentence_id = sentence.sentence_id
        for token in sent:
            if not lexicon.polarity(token):
                continue
            for target in stance_targets(token, lexicon):
                if target.pos_ not in {"NOUN", "PROPN"} or target.ent_type_ in NAMED_TYPES:
                    continue
                phrase = " ".join(t.lower_ for t in phrase_tokens(target))
                if len(phrase) < 4:
                    continue
                entry = found.setdefault(
                    phrase,
                    {
                        "article_id": article.article_id,
                        "candidate": phrase,
                        "pattern": r"\b" + re.escape(phrase).replace(r"\ ", r"\s+") + r"\b",
                        "n_cues": 0,
                        "cues": [],
                        "sentence_id": sentence_id,
                        "start": int(sentence.start),
                        "end": int(sentence.end),
                        "evidence": sentence.text,
                    },
                )
                entry["n_cues"] += 1
                if token.lower_ not in entry["cues"]:
                    entry["cues"].append(token.lower_)
    rows = [{**e, "cues": ", ".join(e["cues"])} for e in found.values()]
    # the most pointed at first (a stable sort of the rows, cheaper than the table's)
    rows.sort(key=lambda row: (-row["n_cues"], row["start"]))
    return column_lists("issue_candidates", rows)
