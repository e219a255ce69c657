"""Where a stance cue takes no side of its own: a possibility or a prediction
(`_hedged`), an option put forward, a condition or a question asked, a consequence
imagined, an attitude said to exist with no holder, a passive act with no agent, another's
act told; and, for the sides an actor keeps, a clause that tells a figure or what has been
done rather than arguing a side. `CLIMB` bounds every walk up the tree."""

from __future__ import annotations

from spacy.tokens import Token

from newsbook.lexicons import StanceLexicon

CLIMB = 8  # how far up the tree a cue may govern an issue


def _put_forward(cue: Token, lexicon: StanceLexicon) -> bool:
    """ "One option could see Norland accept the dam": a case put forward as an option
    (the speaker's, undecided), not a prediction."""
    return any(
        token.lemma_.lower() in lexicon.options
        or any(c.dep_ == "nsubj" and c.lemma_.lower() in lexicon.options for c in token.children)
        for token in [cue, *list(cue.ancestors)[:CLIMB]]
    )


def _foretold(verb: Token) -> bool:
    """ "Sudmark will have to borrow money": a necessity foretold, no call for it."""
    governor = verb.head if verb.dep_ == "xcomp" else verb
    return any(c.dep_ == "aux" and c.lower_ in {"will", "'ll"} for c in governor.children)


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
