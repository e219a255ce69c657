"""Reported speech: the row of what a cue outside quotation marks reports, or None for a
statement only supposed, unspoken (under a modal) or asked about, one within another's
report, a thing's doing, the writer's own voice, or one the quotation it runs into
already gives.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsbook.lexicons import SpeechLexicon
from newsbook.stages.quotes.clauses import (
    _speaker_of_cue,
    _trimmed,
    reported_content,
    verb_spoken_in,
)
from newsbook.stages.quotes.cues import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    WH_TAGS,
    _is_cue,
    _under_modal,
    characterises,
)
from newsbook.stages.quotes.marks import QuoteSpan
from newsbook.stages.quotes.rows import Paragraph, _row
from newsbook.stages.quotes.speakers import SpeakerResolver

QUOTED_SHARE = 0.6  # reported content mostly inside quotation marks is the quotation's
FRAME_WORDS = {"aux", "auxpass", "mark"}  # "that it would be "...": no words of their own
# Before a quotation that gives most of a statement, an expletive says nothing either
# ("that there would be "...""); among the words a statement adds around its quotations
# it counts, as "there" with a negation asserts something ("that there should not be "..."")
FRAME_ONLY = FRAME_WORDS | {"expl"}
OWN_WORDS = 2  # "said the plan "is sound"": one noun leading into a quotation says nothing


def _reported_statement(
    cue: Token, paragraph: Paragraph, resolver: SpeakerResolver, lexicon: SpeechLexicon
) -> dict | None:
    """The row of what a cue outside quotation marks reports, or None: nothing
    reported, a statement only supposed, one the quotation it mostly is already gives,
    the writer's own voice, a phrase reported by no one ("announcing a package")."""
    if _supposed(cue, lexicon) or _unspoken(cue) or _unsaid(cue, lexicon):
        return None
    if _within_report(cue, lexicon):
        return None
    if _asked_about(cue, lexicon) or verb_spoken_in(cue, lexicon) is not None:
        return None  # (what was said "in a statement" is the verb's to report)
    content = reported_content(cue, lexicon)
    anaphoric = " ".join(t.lower_ for t in content) in lexicon.anaphoric
    if len(content) < 2 and not anaphoric:
        return None
    start, end = content[0].idx, content[-1].idx + len(content[-1])
    overlapping = [q for q in paragraph.direct if q.start < end and start < q.end]
    quoted = sum(min(end, q.end) - max(start, q.start) for q in overlapping)
    if overlapping and _frame_only(content, overlapping):
        return None  # the quotation gives the statement; what leads into it says nothing
    if quoted > QUOTED_SHARE * (end - start):
        # mostly a quotation, which gives it; the reported words leading into it stay
        # ("told the committee that without it "..."")
        frame = _trimmed([t for t in content if t.idx < overlapping[0].start - 1])
        if all(t.dep_ in FRAME_ONLY or t.pos_ == "AUX" or t.is_punct for t in frame):
            return None  # "there would be "...": the quotation says it all
        subject = any(t.dep_ in SUBJECT_DEPS and t.head.idx >= overlapping[0].start for t in frame)
        if subject or len([t for t in frame if not t.is_punct]) < 2:
            return None  # "said its proposal "contains ..."": the quotation's own subject
        if frame[0].i < cue.i:
            return None  # "In a speech to the council, X said, "...": a setting, no words
        start, end = frame[0].idx, frame[-1].idx + len(frame[-1])
    if overlapping and characterises(cue, lexicon):
        return None  # "described X as "..."": the quotation is the statement
    speaker = resolver.resolve(_speaker_of_cue(cue, lexicon), paragraph.base)
    if speaker.head in lexicon.first_person and not speaker.entity_id:
        return None  # the writer's own voice
    if cue.lemma_.lower() in lexicon.evidential and not resolver.can_speak(speaker):
        return None  # "a reading above 50 indicates that ...": evidence, not words
    if _of_a_thing(cue) and not resolver.can_speak(speaker):
        return None  # "tax cuts which promised to boost growth": no one's words
    clausal = any(c.dep_ == "ccomp" for c in cue.children)
    if not speaker.phrase and (cue.pos_ == "NOUN" or not clausal):
        return None  # "announcing a package": whose? ("it was reported that" stays)
    if speaker.phrase and cue.pos_ != "NOUN":
        resolver.spoke(speaker, paragraph.base + start, cue)
    return _row(
        resolver.article, paragraph.base, start, end, "reported", speaker, cue, "closed", lexicon
    )


def _frame_only(content: list[Token], quotes: list[QuoteSpan]) -> bool:
    """Whether the reported words around the quotations they run into only frame them:
    a comment hung on the quotation ("said "...," which he defined as ..."), and at most
    one word of their own besides a subject pronoun, a copula and function words ("said
    the plan "is sound"", "told them it was "a fine plan""). "that without it "..."",
    "that there should not be "..."", "it was a "duty" to act" say something of their
    own. (A setting before a quotation whose cue follows, "After the vote, "...," X
    said", stays: the stance stage reads the issue it names.)"""
    inside = {t.i for t in content for q in quotes if q.start - 1 <= t.idx <= q.end}
    framing = {
        w.i
        for t in content
        if t.i not in inside and t.head.i in inside and _comment(t)
        for w in t.subtree
    }
    own = [
        t
        for t in content
        if t.i not in inside | framing
        and not t.is_punct
        and t.dep_ not in FRAME_WORDS
        and t.pos_ not in {"AUX", "DET"}
        and not (t.pos_ == "PRON" and t.dep_ in SUBJECT_DEPS)
    ]
    return len(own) < OWN_WORDS


def _comment(clause: Token) -> bool:
    """A clause opened by a relative word with a subject of its own ("..., which he
    defined as ..."; the parser may read it as relative or adverbial): a comment on what
    it hangs on, not a part of it ("a plan "that seeks to ..."")."""
    return (
        clause.dep_ in {"relcl", "advcl"}
        and clause.left_edge.tag_ in WH_TAGS
        and any(
            c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS for c in clause.children
        )
    )


def _within_report(cue: Token, lexicon: SpeechLexicon) -> bool:
    """ "X said that banks will cut their loans to it, citing its
    debts": a participle without a subject deep inside what another cue reports is a
    part of that report (the reported firms' reason), no statement of its own. One
    hung on the reported clause's own verb is the reporter's (_reporter_of_participle).
    So is a second verb of the reported subject in a clause opened by "that" ("X
    announced that Y had paid A and promised B")."""
    if any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return False
    host = cue.head
    second_verb = cue.dep_ == "conj" and cue.pos_ != "NOUN"  # not "..., and X's reply that"
    if second_verb and host.dep_ == "ccomp" and _is_cue(host.head, lexicon):
        return any(c.dep_ == "mark" and c.lower_ == "that" for c in host.children)
    if cue.tag_ != "VBG" or cue.dep_ not in {"advcl", "xcomp"} or host.dep_ == "ccomp":
        return False
    return any(a.dep_ == "ccomp" and _is_cue(a.head, lexicon) for a in host.ancestors)


def _of_a_thing(cue: Token) -> bool:
    """A cue in a relative clause on "which" ("a plan which promised ..."): a thing's
    doing, unless the antecedent can speak (an organisation, a source)."""
    return cue.dep_ == "relcl" and any(
        c.dep_ in SUBJECT_DEPS and c.lower_ == "which" for c in cue.children
    )


def _unspoken(cue: Token) -> bool:
    """A cue under a modal ("it will announce a decision later", "would ask Congress
    to"): words not (yet) spoken, no statement."""
    return cue.pos_ != "NOUN" and _under_modal(cue)


def _unsaid(cue: Token, lexicon: SpeechLexicon) -> bool:
    """A verb of saying denied ("Blume's report does not say the casino would lose
    money", "never claimed that"): what it is said not to say is no one's statement; not
    "said not that ... but that", "did not simply say" (`partial_denials`), nor a view
    stated in the negative ("does not expect", "did not deny": `unsaid_if_denied` lists
    the verbs)."""
    if cue.lemma_.lower() not in lexicon.unsaid_if_denied:
        return False
    doc = cue.doc
    return any(
        c.dep_ == "neg"
        and c.i < cue.i
        and not any(t.lower_ in lexicon.partial_denials for t in doc[c.i + 1 : cue.i])
        for c in cue.children
    )


def _asked_about(cue: Token, lexicon: SpeechLexicon) -> bool:
    """ "did not say when he thought ...", "would not say how long they expected ...": a
    cue in a clause a wh-word opens that a denied speech verb governs, words not said
    ("explained why he believed ..." may report them; "When X said ..., the crowd
    cheered" is a time). The parser may hang such a clause after the speech verb as an
    adverbial one."""
    opening, head = cue.left_edge, cue.head
    if opening.i >= cue.i or opening.tag_ not in WH_TAGS or head.i > cue.i:
        return False
    denied = any(c.dep_ == "neg" for c in head.children) and _is_cue(head, lexicon)
    return denied and cue.dep_ in {"ccomp", "xcomp", "advcl"}


def _supposed(cue: Token, lexicon: SpeechLexicon) -> bool:
    """A cue in a condition ("if the owners believe ...", "so long as the labels disclose
    ..."): a statement only supposed. The parser may hang the words before the mark
    ("so long") elsewhere: the condition is read from the text."""
    for mark in (c for c in cue.children if c.dep_ == "mark"):
        words = [t.lower_ for t in cue.doc[max(mark.i - 2, cue.sent.start) : mark.i + 1]]
        if any(" ".join(words[i:]) in lexicon.conditions for i in range(len(words))):
            return True
    return False
