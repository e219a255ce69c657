"""Where the issues are in a sentence: what a stance cue is about
(`stance_targets`), the spans an issue's patterns match (`issue_anchors`), and every issue
mention of a sentence in text order, from the catalogue or discovered from the cues
(`sentence_anchors`)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsbook.lexicons import Issue, StanceLexicon
from newsbook.stages.issues import IssueFinder, IssueRef, bare_gerund, relative_pronoun
from newsbook.stages.positions.cues import (
    _addressee,
    _agent_participle,
    _aimed,
    _bare_relative,
    _called_for,
    _called_for_targets,
    _decided_below,
    _deliberating,
    _extraposed,
    _extraposed_clauses,
    _gives_up_on,
    _judges,
    _judging_subject,
    _naming_verb,
    _ought_to_exist,
    _pointed,
    _undecided_cue,
    a_measure,
    bestowed_attitude,
    decided_act,
    own_proposal,
    received_attitude,
)
from newsbook.text.nlp import doc_text, tokens_between


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
        elif (
            child.dep_ == "prep"
            and (
                # ("interested in X": the preposition a cue takes its side through; "abide
                # by X": the one its phrase ends in)
                (
                    child.lower_ in lexicon.target_prepositions
                    and not _circumstance(cue, child, lexicon)
                )
                or lexicon.through(cue, child)
                or lexicon.phrasal_preposition(cue, child)
            )
            # ("disappointed by X": an agent the cue takes its side through, not the doer)
            or child.dep_ == "agent"
            and lexicon.through(cue, child)
        ):
            # "in favour of decoupling": a bare gerund is the thing done; "against
            # building a second agency": what the gerund does it to
            targets += [g for g in child.children if g.dep_ == "pobj" or bare_gerund(g)]
            targets += [g for done in child.children for g in _done_to(done)]
        elif child.dep_ == "pcomp":  # "against building a second agency"
            targets += _done_to(child)
        elif child.dep_ == "prt":  # "vote down the ban", the parser hanging it on "down"
            targets += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in {"xcomp", "acl"}:
            targets += [g for g in child.children if g.dep_ == "dobj"]
        elif child.dep_ == "ccomp" and cue.pos_ == "VERB":
            targets += [g for g in child.children if g.dep_ in {"nsubj", "nsubjpass"}]
    if _agent_participle(cue):
        targets.append(cue.head)  # "a measure vetoed by Norland": the measure
    phrase = lexicon.phrase_span(cue)
    if phrase is not None:
        # "took aim at X", "poured cold water on X": what the preposition that ends the
        # phrase governs, never a word of the phrase itself
        last = phrase[1][-1]
        if last.dep_ in {"prep", "dative"}:  # ("gave the green light to X": a dative)
            targets += [g for g in last.children if g.dep_ == "pobj" and g not in targets]
        targets = [t for t in targets if t not in phrase[1]]
    if cue.pos_ == "NOUN" and not judgement:
        # "the levy's fiercest critics", "the plan's chief architect": a measure as the
        # possessive of a word for its side (an actor's, "Okon's critics", holds it)
        targets += [c for c in cue.children if c.dep_ == "poss" and a_measure(c, lexicon)]
    if cue.dep_ == "dobj" and received_attitude(cue.head, lexicon) == cue:
        # "the levy met opposition from the union": on the levy
        targets += [c for c in cue.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if cue.dep_ == "dobj":  # "lent its support to X": the verb's preposition says toward
        for preposition in cue.head.children:
            if bestowed_attitude(cue.head, preposition, lexicon) == cue:
                targets += [g for g in preposition.children if g.dep_ == "pobj"]
    if judgement:
        # (a participle predicated of the subject, "was ill-conceived", judges it)
        predicated = cue.dep_ in {"acomp", "oprd"}
        judged = cue if cue.pos_ in {"VERB", "AUX"} and not predicated else cue.head
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
        if (cue.pos_ in {"VERB", "AUX"} or cue.dep_ in clause) and judged != namer:
            # (who calls the levy a folly is its judge, not judged)
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
            if _verb_for_a_noun(anchor, ref):
                continue
            anchors.append((anchor, ref))
            covered.update(t.i for t in anchor.subtree)
    named = {anchor.i for anchor, _ in anchors}
    for token in sent:
        if (
            # (most words have no side: asked first, it spares the other questions)
            not (
                lexicon.polarity(token)
                or _gives_up_on(token, lexicon)
                or _undecided_cue(token, lexicon)
                or lexicon.prepositional_ways(token)
                or _ought_to_exist(token, lexicon)
                or _called_for(token, lexicon)
                or _deliberating(token, lexicon)
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
            before = [(a, r) for a, r in anchors if a.i < target.i]
            if before and target.pos_ == "PRON" and issues.is_anaphor(target):
                # "Roth, who once backed the levy, now opposes it": named in the sentence
                anchors.append((target, max(before, key=lambda pair: pair[0].i)[1]))
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
    # "demanded the removal of the quota": a stance on the quota, the removal no issue
    anchors = [
        (anchor, ref)
        for anchor, ref in anchors
        if not (
            ref.source == "discovered"
            and anchor.pos_ == "NOUN"
            and lexicon.polarity(anchor)
            and lexicon.is_weak(anchor)
            and any(other.head.head == anchor and other.head.lower_ == "of" for other, _ in anchors)
        )
    ]
    anchors.sort(key=lambda pair: pair[0].i)
    return anchors


def _verb_for_a_noun(anchor: Token, ref: IssueRef) -> bool:
    """ "does not vote on rates" after "welcomed the vote": a verb spelled like the noun
    that names an issue found in the text is no mention of it."""
    words = ref.label.lower().split()
    return (
        ref.source == "discovered"
        and anchor.tag_ in {"VB", "VBD", "VBP", "VBZ"}  # (not "decoupling", a gerund)
        and not anchor.is_upper  # (a headline's words are tagged at random)
        and any(c.dep_ == "nsubj" for c in anchor.children)
        and bool(words)
        and words[-1] in {anchor.lower_, anchor.lemma_.lower()}
    )


def _circumstance(verb: Token, preposition: Token, lexicon: StanceLexicon) -> bool:
    """ "accepted the offer with reluctance", "opposed the levy on principle": after a
    verb's object, a preposition of how, where or when tells the act's circumstances,
    not what the stance is on."""
    return (
        verb.pos_ == "VERB"
        and preposition.lower_ in lexicon.circumstance_prepositions
        and any(c.dep_ == "dobj" and c.i < preposition.i for c in verb.children)
    )
