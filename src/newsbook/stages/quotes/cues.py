"""Speech cues in the parse: whether a verb (`cue_phrase`) or a noun is a cue the speech
lexicon lists, how a cue is written in a row, the cue the parse hangs some words from
(`governing_cue`), and whether a modal leaves a cue unspoken; with the dependency
labels the other modules of the stage read (subjects, clauses, wh-words).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsbook.lexicons import SpeechLexicon

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
WH_TAGS = {"WDT", "WP", "WP$", "WRB"}  # "asked whom he meant", "asked how long ..."
CLAUSES = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"}
UNSPOKEN = {"will", "would", "shall", "should", "must", "may", "might", "can", "could", "'ll"}


def cue_phrase(token: Token, lexicon: SpeechLexicon) -> str:
    """The cue a verb makes, as the lexicon spells it: its lemma, or its lemma and
    particle ("rule out"); an estimate verb only with its preposition ("put ... at"), a
    verb of judging only with its "as" ("dismissed the sum as ...").
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
    if lemma in lexicon.clause_cues and _holds_a_finding(token, lexicon):
        return lemma
    if lemma in lexicon.estimates and _estimate(token, lexicon):
        return lemma
    if lemma in lexicon.characterising and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in token.children
    ):
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


def _holds_a_finding(verb: Token, lexicon: SpeechLexicon) -> bool:
    """ "Justice X held that ...", "the court holds that ...": a clause opened by "that",
    held by a name, a pronoun or a body (not "conventional wisdom held that")."""
    clause = any(
        c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in verb.children
    )
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    bodies = lexicon.institutions | lexicon.anonymous
    return (
        clause
        and bool(subjects)
        and (subjects[0].pos_ in {"PROPN", "PRON"} or subjects[0].lemma_.lower() in bodies)
    )


def characterises(verb: Token, lexicon: SpeechLexicon) -> bool:
    """Whether a verb, where it is a cue, reports its object with a complement ("called
    the plan a mistake", "dismissed the sum as "crumbs""; a verb of judging is a cue
    only with its "as", which `cue_phrase` asks)."""
    lemma = verb.lemma_.lower()
    return lemma in lexicon.naming or lemma in lexicon.characterising


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


def _is_cue_noun(token: Token, lexicon: SpeechLexicon) -> bool:
    """A statement noun used as one ("his pledge that", not "pledged to")."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.nouns


def _under_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in UNSPOKEN for c in verb.children)
