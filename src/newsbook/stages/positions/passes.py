"""The readings of an article: the first notes the issues the stance cues point
at (`_discover_issues`); the second (`_positions_pass`) takes every issue mention's stance
and its holders, keeping for each actor, issue and sentence the row whose holder was found
the best way (`RANK_*`); then an actor's side is carried to their statements that take none
of their own (`keep_sides`, `keep_quoted_sides`, `keep_written_sides`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from newsbook.lexicons import Issue, StanceLexicon, word_forms
from newsbook.stages.context import ArticleContext, SpanIndex
from newsbook.stages.issues import IssueFinder, IssueRef, phrase_tokens, relative_pronoun
from newsbook.stages.positions.conditions import (
    _acted_by_another,
    _conditional,
    _done,
    _foretold,
    _heads_its_clause,
    _in_condition,
    _modal,
    _passive_act,
    _put_forward,
    _tallied,
    _unheld_attitude,
)
from newsbook.stages.positions.cues import _bare_relative, _naming_verb, _ought, _put_forward_by_act
from newsbook.stages.positions.holders import ActorFinder
from newsbook.stages.positions.speakers import _speakers_by_sentence
from newsbook.stages.positions.stance import Cue, Stance, stance_toward
from newsbook.stages.positions.targets import sentence_anchors


def _owners_set_aside(
    found: list[tuple[str, Cue, int]], stance: Stance, lexicon: StanceLexicon
) -> list[tuple[str, Cue, int]]:
    """ "Okon rejected Norland's offer", "Roth said Okon's proposal was disappointing",
    "analysts studied Norland's plan": where anyone, named or not, acts on or judges a
    proposal, the sentence is that party's stance, and the owner named only on the noun
    (a possessive, a name) holds none there (the convention most gold follows:
    data/gold/README.md); nor where the proposal is only named in passing ("reactions
    to the Norland proposals", "part of the bank's plan"). An owner named by the act of
    putting it forward ("an offer announced by Okon", "Norland made an offer Okon
    rejected") still holds it, and so does one whose proposal is what its clause is
    about ("Norland's offer expires") or who acts on their own ("Norland raised its
    offer")."""
    if len(stance.cues) == 1 and stance.cues[0].owned and _owner_s_own(stance.cues[0].token):
        return found
    return [
        (a, cue, rank)
        for a, cue, rank in found
        if not cue.owned or _put_forward_by_act(cue.token, lexicon)
    ]


def _owner_s_own(proposal: Token) -> bool:
    """A proposal its clause is about ("Norland's offer expires"), or one its owner acts
    on, named by a pronoun ("Norland raised its offer")."""
    return proposal.dep_ in {"nsubj", "nsubjpass", "ROOT"} or (
        proposal.dep_ == "dobj"
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in proposal.children)
    )


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
    # the decisions told so far: what each decided on, its side, the verbs that told it
    decided: list[tuple[IssueRef, int, frozenset[str]]] = []
    # the issue a decision's noun stood for, by that noun's issue ("the ruling")
    named_decisions: dict[str, tuple[IssueRef, int, frozenset[str]]] = {}
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
            found = _owners_set_aside(found, stance, lexicon)
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
            on = issue
            if anchor.pos_ == "PRON":
                # "welcomed the ruling ... called it a win": "it" names that decision again
                decision = named_decisions.get(issue.id)
            else:
                decision = _decision_named(anchor, issue, decided, lexicon)
                if decision is not None:
                    named_decisions[issue.id] = decision
            if decision is not None:
                # "welcomed the ruling": a side on what the ruling decided, its way
                on, flip = decision[0], flip * decision[1]
            for actor_id, cue, rank in found:
                row = _row(context, actor_id, on, sentence, target)
                row.update(
                    stance=stance.label(cue.polarity * flip),
                    cue=cue.token.text,
                    hedged=stance.hedged,
                )
                _keep(rows, row, rank)
            # (a decision is told whether or not the article names who made it: "the
            # levy was overturned")
            verbs = _deciding_verbs(outer.token, lexicon) if outer is not None else frozenset()
            if verbs and on is issue and not _a_decision(issue, lexicon):
                decided.append((issue, outer.polarity * flip, verbs))
    return rows, mentions


def _decision_named(
    anchor: Token,
    issue: IssueRef,
    decided: list[tuple[IssueRef, int, frozenset[str]]],
    lexicon: StanceLexicon,
) -> tuple[IssueRef, int, frozenset[str]] | None:
    """The decision "the vote", "the court's ruling" or "Tuesday's decision" names: the
    last one told by a verb that makes that kind of decision; None for any other mention
    (and for "a public vote", one still to be held)."""
    kinds = lexicon.decision_nouns.get(anchor.lemma_.lower())
    if (
        kinds is None
        or issue.source != "discovered"
        or not any(
            c.dep_ in {"det", "poss"} and c.lower_ not in lexicon.indefinite
            for c in anchor.children
        )
        or any(c.dep_ in {"amod", "compound"} for c in anchor.children)
    ):
        return None
    return next((d for d in reversed(decided) if not kinds or d[2] & kinds), None)


def _a_decision(issue: IssueRef, lexicon: StanceLexicon) -> bool:
    """An issue that is itself a decision ("the ruling that threw out the permit"): no
    decision on anything."""
    words = issue.label.lower().split()
    return bool(words) and words[-1] in lexicon.decision_nouns


def _deciding_verbs(cue: Token, lexicon: StanceLexicon) -> frozenset[str]:
    """The verbs of deciding an act is told by: its own ("voided the permit") and a vote
    above it ("voted to postpone the increase"); empty for any other act."""
    if cue.pos_ != "VERB":
        return frozenset()
    told = {cue.lemma_.lower(), *(a.lemma_.lower() for a in list(cue.ancestors)[:2])}
    return frozenset(told & lexicon.deciding)


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
        if not speakers or _hedged(sent, lexicon):
            continue
        judged = _judgements(sent, lexicon)
        called = any(_calls_for(t, lexicon) or _cost_foretold(t, lexicon) for t in sent)
        for actor_id in sorted(set(speakers)):
            issue_id, side = held[actor_id][0]
            if (actor_id, sentence.sentence_id) in stated or (
                (1 if side == "support" else -1) not in judged and not called
            ):
                continue
            _keep_side(context, rows, models[(actor_id, issue_id)], sentence, side)
            stated.add((actor_id, sentence.sentence_id))


# How often a writer states a side before their other judgements are read as arguing it
ARGUED = 3


def keep_written_sides(
    context: ArticleContext, rows: dict[tuple[str, str, int], tuple[int, dict]], writer: str
) -> None:
    """An opinion piece's writer who states one side most often, and at least `ARGUED`
    times, argues it on the issue they state it on most in a sentence of their own voice
    (no one's statement) where they have taken no stance, that judges that side and only
    that side ("That would be a cowardly way to kill a good idea" in a piece for the
    plan); not where the sentence hedges. Their calls are read where they name what they
    call for: a call's side is that of its act, not the piece's."""
    if not writer:
        return
    stances = [  # stated, not carried over from another statement
        (issue_id, row["stance"])
        for (actor_id, issue_id, _), (rank, row) in sorted(rows.items())
        if actor_id == writer and row["stance"] != "neutral" and rank < RANK_SIDE
    ]
    ranked = Counter(stance for _, stance in stances).most_common()
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return  # no side, or as much of one as of the other
    if ranked[0][1] < ARGUED:
        return  # a side stated once or twice: an analysis that judges, not a case argued
    side = ranked[0][0]
    issue_id = Counter(i for i, stance in stances if stance == side).most_common(1)[0][0]
    model = next(
        row for (a, i, _), (_, row) in sorted(rows.items()) if (a, i) == (writer, issue_id)
    )
    stated = {sentence_id for actor_id, _, sentence_id in rows if actor_id == writer}
    quotes = context.table("quotes")
    spoken = [(int(s), int(e)) for s, e in zip(quotes["start"], quotes["end"], strict=True)]
    lexicon = context.resources.stance
    for _item, sent, sentence in context.sentence_parses:
        if (
            sentence.sentence_id in stated
            or any(s < sentence.end and e > sentence.start for s, e in spoken)
            or _hedged(sent, lexicon)
            or _judgements(sent, lexicon) != {1 if side == "support" else -1}
        ):
            continue
        _keep_side(context, rows, model, sentence, side)


def _hedged(sent: Any, lexicon: StanceLexicon) -> bool:
    return any(word_forms(t) & (lexicon.hedges | lexicon.options) for t in sent)


def _judgements(sent: Any, lexicon: StanceLexicon) -> set[int]:
    """The polarities of the judgements a sentence passes ("unfair", "not good": -1)."""
    return {
        lexicon.polarity(t) * (-1 if _judgement_negated(t, lexicon) else 1)
        for t in sent
        if lexicon.is_evaluative(t) and lexicon.polarity(t)
    }


def _keep_side(
    context: ArticleContext,
    rows: dict[tuple[str, str, int], tuple[int, dict]],
    model: dict,
    sentence: Any,
    side: str,
) -> None:
    """A row of an actor's side, on the issue of `model` (a row of theirs), in a sentence
    that names no issue."""
    issue = IssueRef(
        model["issue_id"], model["issue"], model["issue_source"], (model["issue_pattern"],)
    )
    row = _row(context, model["actor_id"], issue, sentence, "")  # (no mention of it here)
    row.update(stance=side, cue="", hedged=False)
    _keep(rows, row, RANK_SIDE)
