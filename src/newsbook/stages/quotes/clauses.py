"""A cue's clause in the parse: who speaks through the cue, as a token not yet resolved to
an entity (`speaker_token`; for a noun cue, `_speaker_of_cue`), and what the cue
reports (`reported_content`), also where the parser misreads the reported clause as a
relative clause, a noun or a loose dependent; and the "according to X" and "in X's
view" phrases of a sentence (`_according_to`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from newsbook.lexicons import SpeechLexicon
from newsbook.stages.quotes.cues import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    WH_TAGS,
    _estimate,
    _is_cue,
    _is_cue_noun,
    _near,
    characterises,
    cue_phrase,
)

GERUND_PREPOSITIONS = {"with", "of", "for"}  # "accused X of saying": X's words
QUESTION_MARKS = {"if", "whether"}  # "asked whether ...": a question, not a statement
NAMED_SOURCES = {"PERSON", "ORG", "GPE"}  # names that can make a statement ("the Acme statement")
OWN_CONTENT = {"dobj", "ccomp", "xcomp", "prep", "acomp", "attr", "advcl", "oprd"}


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
                thing = subject.lower_ in {"that", "which"} and _a_thing(antecedent, lexicon)
                if current is not verb and thing:
                    # "X vetoed a bill that would have raised the wage, calling it ...":
                    # the participle the parser hung on the bill's clause is X's
                    current = antecedent
                    continue
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


def _clause_read_as_relative(verb: Token, lexicon: SpeechLexicon) -> Token | None:
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
            # "told the meeting she had waited ...", not "told the story she had heard"
            hearer = verb.lemma_.lower() == "tell" and listener.lemma_.lower() not in lexicon.told
            kinds = {"PROPN", "NOUN", "PRON"} if hearer else {"PROPN", "NOUN"}
            if not relative and subjects and subjects[0].pos_ in kinds:
                return clause
    # "said in a commentary that the plan was doomed", "told reporters after the vote that
    # the cap was ...": a clause the parser hangs on the noun of the cue's own phrase (as a
    # relative clause or the noun's own) whose "that" only marks it (a relative "that" is
    # its subject or object) and that has a subject of its own is the reported clause
    nouns = [g for t in _near(verb, 2) if t.dep_ == "prep" for g in t.children if g.dep_ == "pobj"]
    for noun in nouns:
        for clause in noun.children:
            marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
            hung = clause.dep_ in {"relcl", "acl"}
            if hung and marks and marks[0] == clause.left_edge and subjects:
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
    """What a cue reports (`_reported_clause`), and a second clause it reports, joined to
    the first and opened by "that" of its own ("said that two men had been reached, but
    that the other two were missing"; the parser hangs it on the cue)."""
    content = _reported_clause(verb, lexicon)
    if not content:
        return content
    seconds = [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.i > content[-1].i
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
    ]
    if not seconds:
        return content
    return list(verb.doc[content[0].i : seconds[0].right_edge.i + 1])


def _reported_clause(verb: Token, lexicon: SpeechLexicon) -> list[Token]:
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
    clause = _clause_read_as_relative(verb, lexicon) or _clause_read_as_noun(verb)
    if clause is not None:
        return _trimmed(list(clause.subtree))
    if characterises(verb, lexicon):
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


def _a_thing(noun: Token, lexicon: SpeechLexicon) -> bool:
    """A common noun for no one who could speak: no name, no document, no body, no source
    ("a bill", "the wage")."""
    someone = lexicon.documents | lexicon.bodies | lexicon.anonymous
    return (
        noun.pos_ == "NOUN"
        and not noun.ent_type_
        and noun.lemma_.lower() not in someone | lexicon.governments
    )


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
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return None
    following = token.doc[token.i + 1]
    return following if following.lower_ == "to" else None


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


def _speaker_of_cue(
    cue: Token, lexicon: SpeechLexicon, *, quoted: tuple[int, int] = (0, 0)
) -> Token | None:
    """The speaker of a verb cue, or of a noun cue: "an announcement by X", "X's pledge",
    "a statement issued by X", "the X statement", "X expressed concern that" (the subject
    of the verb the noun is the object of), "X said in a statement that"."""
    if cue.pos_ != "NOUN":
        return speaker_token(cue, lexicon, quoted=quoted)
    participles = [
        c
        for c in cue.children
        if c.dep_ == "acl"
        and c.tag_ == "VBN"
        # ("a statement that it was "disappointed by the outcome"": a clause the parser
        # hung on the noun, whose agent is no author)
        and not any(g.dep_ in {"mark", "nsubjpass", "nsubj"} for g in c.children)
        and not quoted[0] <= c.idx < quoted[1]
    ]
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
    verb = verb_spoken_in(cue, lexicon)
    if verb is not None:  # "the company said in a statement that ...": who spoke in it
        return speaker_token(verb, lexicon, quoted=quoted)
    return None


def verb_spoken_in(noun: Token, lexicon: SpeechLexicon) -> Token | None:
    """The cue verb a statement noun is what was spoken in ("said in a statement that"),
    or None."""
    channel = noun.head
    if noun.dep_ == "pobj" and channel.lower_ == "in" and _is_cue(channel.head, lexicon):
        return channel.head
    return None


def _according_to(
    sentence: Span, lexicon: SpeechLexicon
) -> Iterator[tuple[Token, Token, list[Token]]]:
    """ "..., according to X", "In X's view, ...", "in the words of X": the cue, the
    source and the tokens of what is reported (before the phrase, or after it when no
    clause comes before it: "According to X, ...", "In May, according to X, ...")."""
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
        after = [t for t in sentence if t.i > phrase.right_edge.i and not t.is_punct]
        if not any(t.pos_ in {"VERB", "AUX"} for t in content) and after:
            # "In the same week, according to X, 212 prisoners had waited ...": what comes
            # before is no clause, only a setting ("Up 5 percent in May, according to X.":
            # what comes before is all there is)
            content = after
        if content:
            yield cue, sources[0], content
