"""The grammar of stance cues: what kind of cue a word is (a judgement, an ought
or a call for an act, an actor's own proposal, an act a body decides, a preposition aimed
at a thing) and the words it bears on (what an act called for is done to, the clause an
extraposed "it" stands for, the object a bare relative clause hangs on)."""

from __future__ import annotations

from spacy.tokens import Token

from newsbook.lexicons import ACTOR_TYPES, StanceLexicon, remembered, word_forms
from newsbook.stages.positions.conditions import _foretold, _hedged
from newsbook.text.nlp import prepositional_objects

CALLED_FOR_KEY = "newsbook.called_for"  # `_called_for`'s answers, kept on their Doc


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


def _put_forward_by_act(noun: Token, lexicon: StanceLexicon) -> bool:
    """ "Norland made an offer", "an offer announced by Okon": a proposal whose owner the
    sentence names as the one who put it forward, not only as its possessor."""
    return _put_forward_by_subject(noun, lexicon) or any(
        _agent_participle(child) for child in noun.children
    )


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
    return _time_come(verb, lexicon) or (
        verb.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and f"{governor.lemma_.lower()} to" in lexicon.obligation
    )


def _time_come(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "it is time to drop the sale", "now is the time to act": what the time has come
    for is called for (the noun's infinitive, under a copula not negated)."""
    noun = verb.head
    return (
        verb.dep_ == "relcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and f"{noun.lemma_.lower()} to" in lexicon.obligation
        and noun.head.lemma_ == "be"
        and not lexicon.negated(noun.head)
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
        and (verb.dep_ != "relcl" or _time_come(verb, lexicon))
        and not lexicon.polarity(verb)
        and verb.lemma_.lower() not in lexicon.light_verbs
        and not lexicon.prepositional_ways(verb)  # ("should vote against it")
        and not _foretold(verb)
        and _ought(verb, lexicon)
    )


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
    a stance on it; or a warning whose clause judges what it warns of ("warned that the
    levy would hurt farmers"); or a verb of contest done to a measure ("attacked the
    plan"); or a judgement of a choice ("a good idea") or foretold in a reported clause
    ("said the levy would hurt trade")."""
    if any(lexicon.through(cue, child) for child in cue.children):
        return True
    if _choice_judged(cue, lexicon) or _foretold_judgement(cue, lexicon):
        return True
    if _asked_for_act(cue, lexicon):
        return True
    if word_forms(cue) & lexicon.contesting and any(
        c.dep_ in {"dobj", "nsubjpass"} and a_measure(c, lexicon) for c in cue.children
    ):
        return True  # "attacked the plan", "challenged the ruling": a measure, not a town
    if word_forms(cue) & lexicon.warning and any(
        c.dep_ == "ccomp" and (lexicon.is_evaluative(c) or lexicon.consequence(c))
        for c in cue.children
    ):
        return True
    # (not in a relative clause: "people who will never buy a ticket" describes them)
    return (
        cue.pos_ == "VERB"
        and cue.dep_ != "relcl"
        and (lexicon.negated(cue) or _ought(cue, lexicon))
    )


def _asked_for_act(noun: Token, lexicon: StanceLexicon) -> bool:
    """ "demanded the removal of the quota", "called for the abolition of the tax": a
    word for an act, too common alone, that a cue of its own (not a common one) calls
    for or rejects."""
    if noun.pos_ != "NOUN" or noun.dep_ not in {"dobj", "pobj"}:
        return False
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ == "pobj" and lexicon.through(governor, noun.head):
        return True  # "called for the abolition of X"
    return (
        governor.pos_ == "VERB"
        and bool(lexicon.polarity(governor))
        and not lexicon.is_weak(governor)
        and not lexicon.is_evaluative(governor)
    )


def a_measure(noun: Token, lexicon: StanceLexicon) -> bool:
    """A word for a measure or a decision ("the plan", "a ban", "the ruling")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in lexicon.issue_nouns or lemma in lexicon.decision_nouns)


def _foretold_judgement(cue: Token, lexicon: StanceLexicon) -> bool:
    """ "(Okon said) the levy would hurt trade", "will help the town": what a reported
    clause foretells a thing will do, for better or worse, is its speaker's judgement of
    the thing (not "the storm hurt crops", a fact)."""
    return (
        cue.pos_ == "VERB"
        and cue.dep_ == "ccomp"
        and bool(word_forms(cue.head) & lexicon.reporting)
        and any(
            c.dep_ == "aux" and c.lower_ in {"would", "will", "'ll", "'d"} for c in cue.children
        )
        and lexicon.is_evaluative(cue)
    )


def _choice_judged(cue: Token, lexicon: StanceLexicon) -> bool:
    """ "the levy is a good idea", "was the wrong answer", "is the best option": a common
    judging word on a word of choice said of the subject judges the subject."""
    choice = cue.head
    return (
        cue.dep_ == "amod"
        and choice.dep_ in {"attr", "oprd"}
        and choice.lemma_.lower() in lexicon.choices
    )


def _phrase_preposition(preposition: Token, lexicon: StanceLexicon) -> bool:
    """ "came out against X", "spoke out against X": a preposition with the side of the
    phrasal verb of the lexicon it hangs on says that side once more, it does not turn
    it round. (One of the other side does: "pressed ahead against the objections".)"""
    side = lexicon.polarity(preposition)
    return bool(side) and lexicon.phrase_polarity(preposition.head) == side


def received_attitude(verb: Token, lexicon: StanceLexicon) -> Token | None:
    """ "the levy met opposition from the union", "won the backing of Okon", "has his
    support": the object of a verb of meeting with an attitude (not a judgement) that a
    named actor (or its possessor) gives, the giver's stance on the verb's subject; None
    elsewhere."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in lexicon.receiving:
        return None
    # ("drew criticism from X": the parser may hang the giver on the verb)
    givers = [o for o in prepositional_objects(verb, {"from"}) if o.ent_type_ in ACTOR_TYPES]
    return next(
        (
            c
            for c in _attitude_objects(verb, lexicon)
            if givers
            or any(o.ent_type_ in ACTOR_TYPES for o in prepositional_objects(c, {"of", "from"}))
            # ("the levy has his full support": his)
            or any(p.dep_ == "poss" for p in c.children)
        ),
        None,
    )


def bestowed_attitude(verb: Token, preposition: Token, lexicon: StanceLexicon) -> Token | None:
    """ "lent its support to the strike", "gave his backing to the levy", "voiced her
    opposition to X" ("dropped his objection to X": a reversal of it): the object of a
    verb with no side of its own (or one of reversal) that is a word of
    attitude (not a judgement: "gave a bad name to X"), toward what the verb's
    preposition governs; None elsewhere."""
    if (
        verb.pos_ != "VERB"
        or (lexicon.polarity(verb) and not lexicon.reverses(verb))
        or preposition.dep_ not in {"prep", "dative"}
        or preposition.lower_ not in lexicon.bestowing
    ):
        return None
    return next(iter(_attitude_objects(verb, lexicon)), None)


def _attitude_objects(verb: Token, lexicon: StanceLexicon) -> list[Token]:
    """A verb's objects that are words of attitude, not of judgement ("support", not
    "a bad name")."""
    return [
        c
        for c in verb.children
        if c.dep_ == "dobj"
        and c.pos_ == "NOUN"
        and lexicon.polarity(c)
        and not lexicon.is_evaluative(c)
    ]


def _aimed(cue: Token, lexicon: StanceLexicon) -> bool:
    """ "strikes against the networks", "a shield against missiles": a preposition of
    opposition on a noun that is no attitude of its own says what the thing is aimed
    at, not what anyone thinks of it ("a vote against X", "Venn against X" do)."""
    head = cue.head
    if cue.pos_ == "ADP" and head.pos_ == "VERB" and head.lemma_.lower() in lexicon.movements:
        return True  # "the dollar weakened against the yen": a price's move, no stance
    if cue.pos_ == "ADP" and head.pos_ == "VERB" and lexicon.is_evaluative(head):
        return True  # "the levy discriminates against islanders": the levy is judged
    return (
        cue.pos_ == "ADP"
        and head.pos_ == "NOUN"
        and not lexicon.polarity(head)
        and not lexicon.prepositional_ways(head)
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


def gerund_governor(gerund: Token) -> Token | None:
    """ "(congratulated Marsh) for proposing X", "(sought damages) for calling off X": the
    word a "for"/"of" gerund gives the reason for; None for any other word."""
    preposition = gerund.head
    if gerund.dep_ != "pcomp" or preposition.dep_ != "prep":
        return None
    return preposition.head if preposition.lower_ in {"for", "of"} else None


def _deliberating(verb: Token, lexicon: StanceLexicon) -> bool:
    """A verb of weighing up in progress ("is studying", "were reviewing"), not negated."""
    return (
        verb.lemma_.lower() in lexicon.deliberating
        and verb.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
        and not lexicon.negated(verb)
    )


def _gives_up_on(verb: Token, lexicon: StanceLexicon) -> bool:
    """ "backed down on the levy", "gave up on it": a reversal with the preposition that
    names what is given up (a cue by itself; and `stance._given_up_on`); not a price's
    or a figure's move ("sales dropped from 12,194 cars": `movements`)."""
    particle = any(c.dep_ == "prt" for c in verb.children)
    return (
        lexicon.reverses(verb)
        and (particle or verb.lemma_.lower() not in lexicon.movements)
        and any(c.dep_ == "prep" and c.lower_ in GIVEN_UP_THROUGH for c in verb.children)
    )


GIVEN_UP_THROUGH = frozenset({"on", "from"})


def _undecided_cue(word: Token, lexicon: StanceLexicon) -> bool:
    """A word that says its holder takes no side on what it is about: "undecided",
    "neutral" (on X), a view denied ("no view on X"), a view held open ("keeping an open
    mind on X", "mixed feelings about X")."""
    lemma = word.lemma_.lower()
    if lemma in lexicon.undecided:
        return word.pos_ == "ADJ" or (word.pos_ == "NOUN" and lexicon.negated(word))
    return open_view(word, lexicon) is not None


def open_view(token: Token, lexicon: StanceLexicon) -> Token | None:
    """The verb of a view held open ("keeping an open mind on X", "has mixed feelings
    about X": `open_views`), asked of the view or of its verb."""
    views = [token] if token.pos_ == "NOUN" else [c for c in token.children if c.dep_ == "dobj"]
    for view in views:
        for modifier in view.children:
            if modifier.dep_ == "amod" and f"{modifier.lower_} {view.lower_}" in lexicon.open_views:
                return view.head if view.dep_ == "dobj" else view
    return None
