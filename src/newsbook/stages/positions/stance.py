"""The stance the tree above an issue mention takes toward it (`stance_toward`):
the cues met on the climb composed into one polarity, turned round by negations, reversals
and "rather than", ended by contrasts, disclaimers, reported clauses and conditions, and
made `neutral` with `hedged` set by a possibility or a prediction."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from newsbook.lexicons import StanceLexicon, word_forms
from newsbook.stages.positions.conditions import CLIMB, _hedged, _opens_condition, _put_forward
from newsbook.stages.positions.cues import (
    GIVEN_UP_THROUGH,
    _addressee,
    _agent_participle,
    _aimed,
    _called_for,
    _called_for_targets,
    _clause_verb,
    _deliberating,
    _extraposed,
    _extraposed_clauses,
    _gives_up_on,
    _judges,
    _judging_subject,
    _ought,
    _ought_to_exist,
    _phrase_preposition,
    bestowed_attitude,
    decided_act,
    gerund_governor,
    open_view,
    own_proposal,
    received_attitude,
)


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
    on_action: bool  # the mention is the action itself, not what it acts on

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
    # an evaluative word first: "the proposed tax hike, unfair to families" is judged
    # unfair, whoever proposed it
    modifiers = sorted(anchor.children, key=lambda child: not lexicon.is_evaluative(child))
    for child in modifiers:
        if child.dep_ in {"amod", "acomp"} and _judges(child, lexicon):
            return lexicon.polarity(child), child
        if _agent_participle(child) and lexicon.polarity(child):
            return lexicon.polarity(child), child
    return 0, None


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


def _compared(clause: Token) -> bool:
    """A clause a comparison opens ("less than he had proposed"): what it says is set
    beside the clause above, not judged by it."""
    return clause.pos_ in {"VERB", "AUX"} and any(
        child.dep_ == "mark" and child.lower_ == "than" for child in clause.children
    )


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
        if depth > 0 and _compared(path[depth - 1]):
            break  # "approved less than he had proposed for X": X is his, only compared
        if (
            depth > 1
            and lexicon.wishes(token)
            and gerund_governor(path[depth - 2]) == token
            and any(c.dep_ == "dobj" for c in token.children)
        ):
            break  # "sought damages from Hughes for calling off X": the damages are sought
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
        elif token.dep_ == "prep" and _phrase_preposition(token, lexicon):
            pass  # "came out against X", "spoke out against X": one cue, one side
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
            # and so do "should drop X" (a reversal called for) and "no X should be set"
            denied = lexicon.negated(token) != _none_of(path[0])
            polarity = -1 if denied != lexicon.reverses(token) else 1
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
            and path[0].dep_ in {"nsubj", "nsubjpass"}
            and (attitude := received_attitude(token, lexicon))
        ):
            # "the levy met opposition from the union": the giver's attitude, on the levy
            polarity *= _attitude_side(token, attitude, lexicon)
            cues.append(Cue(attitude, polarity))
        elif (
            depth == 1
            and not cues
            and (
                path[0].dep_ in {"nsubj", "csubj"}
                # "called X a folly" (not "called off X", a phrase with a side of its own)
                or (
                    path[0].dep_ == "dobj"
                    and lemma in lexicon.naming
                    and not lexicon.phrase_polarity(token)
                )
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
        elif depth > 0 and _purpose(path[depth - 1]) and lexicon.polarity(token):
            # "changing the treaty to allow X": an act done for X serves X, whatever it
            # does to its own object
            cues.append(Cue(token, polarity))
        elif depth > 1 and (attitude := bestowed_attitude(token, path[depth - 1], lexicon)):
            # "lent its support to X", "gave his backing to X": the attitude given to X
            polarity *= _attitude_side(token, attitude, lexicon)
            cues.append(Cue(attitude, polarity))
        elif lexicon.reverses(token) and (
            cues
            or (depth == 1 and path[0].dep_ == "dobj" and _asked_for(token, lexicon))
            or (not cues and _given_up_on(path, depth) and _gives_up_on(token, lexicon))
        ):
            # ("urged the council to drop X": dropping X asked for, against X)
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
            # ("no new levy should be imposed"; not "no levy was approved", a report)
            none_called_for = depth == 1 and _none_of(path[0]) and _ought(token, lexicon)
            denied = lexicon.negated(token) != none_called_for
            polarity *= lexicon.polarity(token) * (-1 if denied else 1)
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


def _undecided(path: list[Token], lexicon: StanceLexicon) -> Token | None:
    """ "has not taken a position on X", "has no view on X", "is undecided about X": an
    actor explicitly neutral on X; "is studying X", "are still reviewing X": weighing it
    up; "will abstain in the vote on X", "the right to vote for or against X": neither
    side taken; the word that holds it (the verb, the adjective or the preposition)."""
    for token in path[1:]:
        if _abstains(token, lexicon):
            return token  # "will abstain in the vote on X"
        if _either_side(token) or _neither_side(token, lexicon):
            return token  # "the right to vote for or against X", "neither backs nor opposes"
        if _not_ruled_out(token, lexicon) or _stopped_short(token, lexicon):
            return token  # "would not rule out supporting X", "stopped short of opposing X"
        view = open_view(token, lexicon)
        if view is not None:
            return view  # "is keeping an open mind on X", "has mixed feelings about X"
        if token.dep_ in {"ccomp", "relcl"}:
            break
    if (
        len(path) > 1
        and _deliberating(path[1], lexicon)
        and path[0].dep_ == "dobj"
        and not word_forms(path[0]) & lexicon.options  # "is studying its options"
    ):
        return path[1]
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


def _abstains(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "will abstain in the vote", not "will not abstain" nor "refused to abstain"."""
    return (
        verb.lemma_.lower() in lexicon.abstaining
        and verb.pos_ == "VERB"
        and not lexicon.negated(verb)
        and not (verb.dep_ == "xcomp" and lexicon.polarity(verb.head) < 0)
    )


SIDES = {"for", "against"}


def _either_side(preposition: Token) -> bool:
    """ "for or against X": both sides named as one, neither taken."""
    if preposition.lower_ not in SIDES:
        return False
    partners = [c for c in preposition.children if c.dep_ == "conj"]
    if preposition.dep_ == "conj":
        partners.append(preposition.head)
    return any(p.lower_ in SIDES - {preposition.lower_} for p in partners)


def _attitude_side(verb: Token, attitude: Token, lexicon: StanceLexicon) -> int:
    """The side of an attitude a verb gives or meets with ("lent its support", "met
    opposition"): the attitude's own, the other where either word is negated, and
    turned round again where the verb takes it back ("dropped his objection")."""
    denied = lexicon.negated(verb) or lexicon.negated(attitude)
    taken_back = lexicon.reverses(verb)
    return lexicon.polarity(attitude) * (-1 if denied else 1) * (-1 if taken_back else 1)


def _asked_for(act: Token, lexicon: StanceLexicon) -> bool:
    """An act a verb of asking or wanting governs ("urged the council to drop X")."""
    return act.dep_ == "xcomp" and lexicon.wishes(act.head)


def _disclaimed(token: Token, lexicon: StanceLexicon) -> bool:
    """ "I am not against X", "we are not opposed to X": a side against, predicated with a
    negated copula, disclaims a stance without taking the other (the gold convention: a
    concession, not support). ("No one here is against X" is everyone's support.)"""
    copula = token.head
    return (
        token.dep_ in {"prep", "acomp", "attr"}
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


def _purpose(clause: Token) -> bool:
    """An adverbial clause of purpose, its subject the main clause's ("changing the treaty
    to allow X", "so as to allow X"), not a clause with a subject of its own ("rejected
    the plan as the developer weighs an appeal")."""
    return clause.dep_ == "advcl" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children
    )


def _none_of(subject: Token) -> bool:
    """ "no new levy should be introduced": a passive's subject none of which is to be
    acted on, as "the levy should not be introduced" says."""
    return subject.dep_ == "nsubjpass" and any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children
    )


def _given_up_on(path: list[Token], depth: int) -> bool:
    """ "backed down on the levy", "will not retreat on it", "gave up on X": a reversal
    whose preposition names what is given up."""
    return (
        depth == 2
        and path[1].dep_ == "prep"
        and path[1].lower_ in GIVEN_UP_THROUGH
        and path[0].dep_ == "pobj"
    )


def _neither_side(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "would neither support nor oppose X": two sides, both denied."""
    first = verb.head if verb.dep_ == "conj" else verb
    sides = {lexicon.polarity(v) for v in [first, *(c for c in first.children if c.dep_ == "conj")]}
    return any(c.dep_ == "preconj" and c.lower_ == "neither" for c in first.children) and (
        sides >= {1, -1}
    )


def _not_ruled_out(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "would not rule out supporting X": a side kept open, not taken."""
    return bool(_verb_phrase(verb) & lexicon.sides_kept_open) and lexicon.negated(verb)


def _verb_phrase(verb: Token) -> set[str]:
    """A verb with each particle or adverb the parse hangs on it ("rule out", "stop
    short")."""
    if verb.pos_ != "VERB":
        return set()
    return {
        f"{verb.lemma_.lower()} {c.lower_}" for c in verb.children if c.dep_ in {"prt", "advmod"}
    }


def _stopped_short(word: Token, lexicon: StanceLexicon) -> bool:
    """ "stopped short of opposing X", "fell short of backing X": a side come near and
    not taken (`sides_withheld`)."""
    acted = any(  # ("fell short of the controls they wanted": a thing not met, no act)
        g.dep_ == "pcomp" and g.tag_ == "VBG"
        for short in word.children
        for p in [*short.children, *word.children]
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
    )
    return bool(_verb_phrase(word) & lexicon.sides_withheld) and acted and not lexicon.negated(word)
