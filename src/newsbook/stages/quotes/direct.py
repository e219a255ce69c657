"""Direct quotations: whether words in quotation marks are a statement (not a name, a title
or scare quotes), their cue, and their speaker: through the cue, the introduction of a
paragraph set off ("Here is how the mayor put it:"), an attribution after it, "according
to", the subject of the clause around it, or the last speaker for a quotation standing
alone. A paragraph set off after an introduction is a quotation even without marks
(`unmarked`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsbook.lexicons import SpeechLexicon
from newsbook.stages.quotes.clauses import (
    _according_to,
    _speaker_of_cue,
    reported_content,
    speaker_token,
)
from newsbook.stages.quotes.cues import (
    SUBJECT_DEPS,
    _is_cue,
    _is_cue_noun,
    _under_modal,
    characterises,
    governing_cue,
)
from newsbook.stages.quotes.marks import OPENING, QuoteSpan, pair_quotes
from newsbook.stages.quotes.rows import Paragraph, _row
from newsbook.stages.quotes.speakers import NOBODY, Speaker, SpeakerResolver
from newsbook.text.nlp import (
    ParsedBlock,
    doc_text,
    first_word_from,
    last_word_before,
    prepositional_objects,
    tokens_between,
    word_before,
)

SCARE_QUOTE_WORDS = 4  # a short quotation no speech verb governs is a name or a scare quote
STANDALONE_WORDS = 6  # a longer quotation with no cue at all continues the last speaker
ATTRIBUTION_LINE = re.compile(r"^[-\u2013\u2014]+\s*\S")  # "-- Anna Berg, mayor" under a quotation
TITLE_WORDS = 6  # a name in title case is short ("Operation Clean Sweep")
MINOR_TITLE_WORDS = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with"}
POINTERS = {"that", "this", "those", "these"}  # "That was the appeal from X."
NOT_SPEAKERS = {"it", "this", "that", "here", "there", "what", "which", "who", "how"}


def _sentences_around(
    doc: Doc, sentences: list[Span], quote: QuoteSpan, lexicon: SpeechLexicon
) -> list[Span]:
    """The sentences a quotation spans, and the next one when the quotation ends a
    sentence that the cue completes (`"...," a diplomat said.` parsed as two): the
    quotation ends in a comma, the next sentence goes on in lower case or is only an
    attribution (`"...?" Berg asked.`)."""
    around = [s for s in sentences if s.start_char <= quote.end and s.end_char >= quote.start - 1]
    preceding = [s for s in sentences if s.end_char <= quote.start - 1]
    if preceding and preceding[-1] not in around:
        # `Berg said at a rally in the U.S. "..."`: the parser may end the sentence at an
        # abbreviation; an attribution right before the opening mark leads into it
        between = doc_text(doc)[preceding[-1].end_char : quote.start - 1]
        if not between.strip() and _attribution_only(preceding[-1], lexicon):
            around.insert(0, preceding[-1])
    following = [s for s in sentences if s.start_char > quote.end]
    if following and not doc_text(doc)[quote.end + 1 : following[0].start_char].strip():
        unfinished = doc_text(doc)[quote.start : quote.end].rstrip().endswith(",")
        first = next((c for c in following[0].text if c.isalpha()), "")
        if unfinished or first.islower() or _attribution_only(following[0], lexicon):
            around.append(following[0])
    return around


def _attribution_only(sentence: Span, lexicon: SpeechLexicon) -> bool:
    """ "Berg asked.": a sentence that is only a cue and its speaker."""
    root = sentence.root
    return _is_cue(root, lexicon) and not reported_content(root, lexicon)


def direct_cue(
    quote: QuoteSpan, doc: Doc, around: list[Span], lexicon: SpeechLexicon
) -> Token | None:
    """The cue of a quotation: the last speech verb before a colon that introduces it
    ("..., who said last night: "...""), else the speech verb governing it in the parse,
    else the nearest speech verb outside it in its sentences."""
    if _led_by(doc, quote, ":"):
        leading = [
            t
            for sentence in around
            for t in sentence
            if t.idx < quote.start - 1 and _is_cue(t, lexicon)
        ]
        if leading:
            return leading[-1]
    content = tokens_between(doc, quote.start, quote.end)
    cue = governing_cue(content, lexicon)
    if cue is not None:
        return cue
    outside = [
        t
        for sentence in around
        for t in sentence
        if _is_cue(t, lexicon) and not (quote.start - 1 <= t.idx <= quote.end)
    ]
    middle = (quote.start + quote.end) / 2
    return min(outside, key=lambda t: abs(t.idx - middle)) if outside else None


def _led_by(doc: Doc, quote: QuoteSpan, mark: str) -> bool:
    """Whether a mark leads into the quotation: a colon ("X said last night: "...""), an
    opening bracket ("reports ("Uniform costs soar", 14 September)")."""
    return doc_text(doc)[: quote.start - 1].rstrip().endswith(mark)


def _content_roots(doc: Doc, quote: QuoteSpan) -> list[Token]:
    """The words of a quotation whose head lies outside it (punctuation aside)."""
    content = [t for t in tokens_between(doc, quote.start, quote.end) if not t.is_punct]
    return [t for t in content if not quote.start <= t.head.idx < quote.end]


def _quoted_words(doc: Doc, quote: QuoteSpan, cue: Token | None, lexicon: SpeechLexicon) -> bool:
    """Whether a short quotation is someone's words ("called them "chats"", felt "deep
    regret") rather than a name or scare quotes (the mayor's "Green Deal" plan): a
    naming verb cues it (as what it reports), its cue governs it within two steps, or it
    is part of what its cue reports ("said he was "deeply ashamed"", "accused them of
    "wasting millions""), unless a word alone or a name in title case (a term marked)."""
    if cue is None:
        return False
    within = any(quote.start <= t.idx < quote.end for t in reported_content(cue, lexicon))
    if characterises(cue, lexicon) and within:
        return True  # (not a name beside it: "adopted "Reading Forward," which X calls ...")
    if any(cue in (root.head, root.head.head) for root in _content_roots(doc, quote)):
        return True
    # a word alone ("final") or a name ("Star Wars") in quotation marks marks a term
    quoted = doc_text(doc)[quote.start : quote.end]
    return within and len(quoted.split()) >= 2 and not _title_cased(quoted)


def _term_marked(doc: Doc, quote: QuoteSpan, cue: Token | None, lexicon: SpeechLexicon) -> bool:
    """A noun phrase in quotation marks whose determiner, number or owner stands outside
    them ("promised a "fan advisory board"", "end the "tanker raj"", "added forty "homes
    delivered""): a term the writer marks, not words quoted; unless a verb of naming or
    judging gives it ("called the plan a "folly"")."""
    roots = _content_roots(doc, quote)
    if len(roots) != 1 or roots[0].pos_ not in {"NOUN", "PROPN"}:
        return False
    if roots[0].dep_ not in {"dobj", "nsubj", "nsubjpass"}:
        return False  # 'said the ruling was a "travesty of justice"': a judgement quoted
    if any(t.pos_ == "ADP" for t in tokens_between(doc, quote.start, quote.end)):
        return False  # 'an "insult to our members"': words, not a compact term
    outside = [
        c
        for c in roots[0].children
        if c.dep_ in {"det", "nummod", "poss"} and c.idx < quote.start - 1
    ]
    judged = cue is not None and characterises(cue, lexicon)
    return bool(outside) and not judged


def _title_noun(word: Token, lexicon: SpeechLexicon) -> bool:
    """A noun for a title ("the slogan", "the campaign"); not a verb spelled alike ("the
    findings showed "..."")."""
    return word.pos_ in {"NOUN", "PROPN"} and word.lemma_.lower() in lexicon.title_nouns


def _title_cased(quoted: str) -> bool:
    """Words in title case, as a name is written ("Tides of Empire", "Island Politics:
    Tasmania Since 1856", a year or a number among them), not in capitals (a headline's)
    nor a sentence."""
    words = quoted.strip(" ,.;:'’\"”").split()
    if not 2 <= len(words) <= TITLE_WORDS or quoted.isupper() or re.search(r"[.!?]\s", quoted):
        return False
    return words[0][:1].isupper() and all(
        word[:1].isupper() or word[:1].isdigit() or word in MINOR_TITLE_WORDS for word in words[1:]
    )


def is_name_or_title(doc: Doc, quote: QuoteSpan, lexicon: SpeechLexicon) -> bool:
    """A quotation that names something rather than reports words: after a name marker
    or a title noun ("the so-called "peace dividend"", "the slogan "Jobs First""), the
    complement of a name verb ("christened it the "Riverfront Renaissance"", "known as
    "Skyshield""), in apposition to a title noun ("his book, "The Long Road""), a
    nickname inside a name (J. "Pete" Smith)."""
    before = last_word_before(doc, quote.start - 1)
    if before is not None and (
        before.lower_ in lexicon.name_markers or _title_noun(before, lexicon)
    ):
        return True
    quoted = doc_text(doc)[quote.start : quote.end]
    if before is not None and before.text == "," and before.i > 0:
        # "In his memoir, "Opening Up," he wrote": a title set off after its noun
        noun = before.nbor(-1)
        if _title_noun(noun, lexicon) and _title_cased(quoted):
            return True
    if word_before(doc_text(doc), quote.start - 1).lower() in lexicon.name_markers:
        return True  # "so-called", which the parser may split in three
    after = first_word_from(doc, quote.end + 1)
    unpunctuated = quoted.rstrip()[-1:].isalnum()
    if unpunctuated and after is not None and _title_noun(after, lexicon):
        return True  # the "Jobs First" campaign
    if (
        unpunctuated
        and before is not None
        and after is not None
        and before.is_title
        and after.is_title
    ):
        return len(quoted.split()) <= 2  # C.J. "Pete" Silas
    for root in _content_roots(doc, quote):
        head = root.head.head if root.head.lower_ == "as" else root.head
        lemma = head.lemma_.lower()
        # "known as "X"", "knew him as "X"", not "deserved to know "that ...""
        active = lemma in lexicon.passive_name_verbs and head.tag_ != "VBN"
        active = active and root.head.lower_ != "as"
        if lemma in lexicon.name_verbs and head.pos_ in {"VERB", "AUX"} and not active:
            return True
        if (  # "a plan called "X"", not "a decision the mayor called "a blow"" (a judgement)
            head.lemma_.lower() in lexicon.naming
            and head.dep_ == "acl"
            and not any(c.dep_ in SUBJECT_DEPS for c in head.children)
        ):
            return True
        if root.dep_ in {"appos", "compound"} and root.head.lemma_.lower() in lexicon.title_nouns:
            return True
        copula = root.head
        if root.dep_ == "nsubj" and copula.lemma_ == "be":  # ""X" is the cliché he uses"
            if any(c.dep_ == "attr" and _title_noun(c, lexicon) for c in copula.children):
                return True
    return False


def _embedding_subject(
    doc: Doc, quote: QuoteSpan, resolver: SpeakerResolver, base: int
) -> tuple[Speaker, Token | None]:
    """Words quoted inside a sentence no speech verb governs are those of the subject of
    the clause around them ("UCPB sought a seat, petitioning the board "so that ..."",
    "the court ruled the law "void""), when it has a nominal subject."""
    roots = _content_roots(doc, quote)
    verbs = [a for r in roots for a in r.ancestors if a.pos_ in {"VERB", "AUX"}]
    verbs = [v for v in verbs if not quote.start <= v.idx < quote.end]
    if not verbs:
        return NOBODY, None
    subject = speaker_token(verbs[0], resolver.lexicon, quoted=(quote.start, quote.end))
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return NOBODY, None
    return resolver.resolve(subject, base), verbs[0]


def _whole_sentences(doc: Doc, quote: QuoteSpan) -> bool:
    """A quotation that is a sentence (or more) of its own: it opens its sentence, ends
    in a full stop, a question or an exclamation mark, and no cue follows it."""
    text = doc_text(doc)
    sentence = next((s for s in doc.sents if s.start_char <= quote.start - 1 < s.end_char), None)
    if sentence is None or text[sentence.start_char : quote.start - 1].strip():
        return False
    if text[quote.start : quote.end].rstrip()[-1:] not in {".", "?", "!"}:
        return False
    following = text[quote.end + 1 :].lstrip()[:1]
    return not following or not (following.islower() or following == ",")


def _is_set_off(doc: Doc, quote: QuoteSpan) -> bool:
    """A quotation that is its paragraph's whole text."""
    text = doc_text(doc)
    return not text[: quote.start - 1].strip() and not text[quote.end + 1 :].strip(' \n"”.,')


def _person_introduced_before(paragraph: Paragraph, resolver: SpeakerResolver) -> Speaker:
    """ "Gwen Pritchard has run the branch for twenty years.", then a quotation set off:
    the person the paragraph before was about (the last person a sentence of it has for
    subject, else the one person it names), when no one spoke in that paragraph; where a
    person was speaking before, only a person the paragraph makes the subject of its
    verb; NOBODY otherwise."""
    previous = paragraph.previous
    if previous is None or previous.block.section != "body":
        return NOBODY
    block = previous.block
    if any(mark in doc_text(previous.doc) for mark in OPENING) or (
        block.start <= resolver.last_speaker_at
    ):
        return NOBODY
    subject = resolver.last_subject if block.start <= resolver.last_subject_at < block.end else ""
    if resolver.types.get(resolver.last_speaker.entity_id) == "PERSON":
        # someone was speaking: only a person the paragraph makes its subject takes over
        # ("Gwen Pritchard has run the branch ..."; not "the plan was approved by X")
        acts = subject and resolver.last_subject_acts
        return resolver.named(subject) if acts else NOBODY
    if subject:
        return resolver.named(subject)
    # "Last week I spoke with Marie Tremblay, who runs the pharmacy. She has ...": the
    # one person the paragraph names
    people = {
        entity_id
        for _, _, entity_id in resolver.mentions.within(block.start, block.end)
        if resolver.types.get(entity_id) == "PERSON"
    }
    return resolver.named(people.pop()) if len(people) == 1 else NOBODY


def _introduced_by(
    item: ParsedBlock | None, resolver: SpeakerResolver
) -> tuple[Speaker, Token | None]:
    """The speaker a paragraph ending in a colon introduces ("Here is how the mayor put
    it:", "Marsh was blunter:"), with the verb that introduces them; NOBODY if none."""
    if (
        item is None
        or item.block.section != "body"
        or not doc_text(item.doc).rstrip().endswith(":")
    ):
        return NOBODY, None
    return _introducer(list(list(item.doc.sents)[-1]), resolver, item.block.start)


def _introducer(
    tokens: list[Token], resolver: SpeakerResolver, base: int
) -> tuple[Speaker, Token | None]:
    """The last subject of words that lead into a quotation with a colon, and its verb,
    if it is someone: a name, a source ("one official"), a pronoun; else NOBODY ("Here
    is the answer:")."""
    subjects = [t for t in tokens if t.dep_ in SUBJECT_DEPS and t.lower_ not in NOT_SPEAKERS]
    if not subjects:
        return NOBODY, None
    # a relative clause's subject describes a noun of the lead-in ("Her letter ended with
    # a line I have never forgotten:" is hers), unless it made what is quoted ("played a
    # recording Mr Ortiz made:", `authoring_verbs`) or the lead-in's own subject is no one
    # ("Here is the statement the White House released:")
    authoring = resolver.lexicon.authoring
    main = [t for t in subjects if t.head.dep_ != "relcl" or t.head.lemma_.lower() in authoring]
    if main and main[-1] is not subjects[-1]:
        found = _introducer_of(main[-1], resolver, base)
        if found[0] is not NOBODY:
            return found
    return _introducer_of(subjects[-1], resolver, base)


def _introducer_of(
    subject: Token, resolver: SpeakerResolver, base: int
) -> tuple[Speaker, Token | None]:
    lexicon = resolver.lexicon
    owners = [c for c in subject.children if c.dep_ == "poss"]
    if owners and subject.lemma_.lower() not in lexicon.anonymous:
        return resolver.resolve(owners[0], base), subject.head  # "X's answer was:"
    speaker = resolver.resolve(subject, base)
    someone = speaker.head in lexicon.anonymous | lexicon.pronouns | lexicon.organisations
    if not (speaker.entity_id or someone):
        return NOBODY, None
    return speaker, subject.head


def _attributed_after(
    item: ParsedBlock | None, resolver: SpeakerResolver, lexicon: SpeechLexicon
) -> tuple[Speaker, Token | None]:
    """The speaker an attribution right after a quotation names: a line "-- Anna Berg",
    or a first sentence whose cue reports nothing of its own ("So said the mayor.",
    "Berg said this at a rally.", "That is how the mayor put it.")."""
    if item is None or item.block.section != "body" or doc_text(item.doc).lstrip()[:1] in OPENING:
        return NOBODY, None
    doc, base = item.doc, item.block.start
    if ATTRIBUTION_LINE.match(doc_text(doc)) and len(doc_text(doc).split()) <= STANDALONE_WORDS * 2:
        entity_id = resolver.entity_in(base, base + len(doc_text(doc)))
        if entity_id:
            return resolver.named(entity_id), None
    first = next(iter(doc.sents))
    for cue in first:
        if not _is_cue(cue, lexicon) or reported_content(cue, lexicon):
            continue
        pointing = any(  # "put it", "said so", not "it has added"
            t.lower_ in lexicon.anaphoric | {"it", "this", "that"} and t.dep_ not in SUBJECT_DEPS
            for t in cue.children
        )
        content = [c for c in cue.children if c.dep_ in {"ccomp", "dobj", "xcomp", "prep"}]
        if pointing or (cue.i == first.root.i and not content):  # "That is how X put it."
            speaker = resolver.resolve(speaker_token(cue, lexicon), base)
            if speaker.phrase:
                return speaker, cue
    return _words_pointed_at(first, resolver, base)


def _words_pointed_at(
    sentence: Span, resolver: SpeakerResolver, base: int
) -> tuple[Speaker, Token | None]:
    """ "That was the appeal last night from Inspector Rachel Moss.", "Those were the words
    of X.", "That was Margaret Doherty, who ...": words just quoted, pointed at and given
    a source (a person or an organisation named); NOBODY otherwise."""
    root = sentence.root
    pointing = [c for c in root.children if c.dep_ == "nsubj" and c.lower_ in POINTERS]
    if root.lemma_ != "be" or not pointing:
        return NOBODY, None
    nouns = [c for c in root.children if c.dep_ == "attr"]
    if not nouns:
        return NOBODY, None
    named = [
        n
        for n in nouns
        if resolver.entity_in(base + n.idx, base + n.idx + len(n), types={"PERSON", "ORG"})
    ]
    if named:  # "That was Margaret Doherty, who has lived at number 14 since 1976."
        return resolver.resolve(named[0], base), nouns[0]
    for word in (nouns[0], root):  # (the parser may hang "from X" on the verb)
        for source in prepositional_objects(word, {"from", "of", "by"}):
            start = base + source.idx
            if resolver.entity_in(start, start + len(source), types={"PERSON", "ORG"}):
                return resolver.resolve(source, base), nouns[0]
    return NOBODY, None


def _unmarked_quotation(
    item: ParsedBlock, previous: ParsedBlock | None, resolver: SpeakerResolver
) -> dict | None:
    """A paragraph without quotation marks set off after an introduction that names a
    speaker and a speech verb ("The minister wrote:"): that speaker's quotation."""
    text = doc_text(item.doc)
    if (
        previous is None
        or item.block.section != "body"
        or any(mark in text for mark in OPENING)
        or len(text.split()) < STANDALONE_WORDS
        or text.rstrip()[-1:] not in {".", "!", "?"}
    ):
        return None
    speaker, verb = _introduced_by(previous, resolver)
    last = list(previous.doc.sents)[-1]
    spoken = any(_is_cue(t, resolver.lexicon) or _is_cue_noun(t, resolver.lexicon) for t in last)
    if not speaker.phrase or not spoken:
        return None
    resolver.spoke(speaker, item.block.start)
    return _row(
        resolver.article,
        item.block.start,
        0,
        len(text.rstrip()),
        "direct",
        speaker,
        verb,
        "unmarked",
        resolver.lexicon,
    )


def _reporter_of_unspoken(cue: Token, lexicon: SpeechLexicon) -> Token | None:
    """ "X said that members should expect "painful choices"": a cue with a modal
    ("should expect", "will announce") names words not yet spoken, and a verb of thought
    ("X says Y believes "..."") a belief the reporter ascribes; inside what another cue
    reports, the quotation is that reporter's words."""
    if not (_under_modal(cue) or cue.lemma_.lower() in lexicon.thoughts):
        return None
    current = cue
    for _ in range(4):
        if current.dep_ not in {"ccomp", "conj", "xcomp"} or current.head.i == current.i:
            return None
        current = current.head
        if _is_cue(current, lexicon):
            return current
    return None


def _direct_statement(
    quote: QuoteSpan, paragraph: Paragraph, resolver: SpeakerResolver, lexicon: SpeechLexicon
) -> dict | None:
    """The row of a quotation, or None for a name, a title or scare quotes."""
    doc = paragraph.item.doc
    if is_name_or_title(doc, quote, lexicon):
        return None
    around = _sentences_around(doc, paragraph.sentences, quote, lexicon)
    cue = direct_cue(quote, doc, around, lexicon)
    said = cue is not None and not characterises(cue, lexicon)
    clause = any(t.pos_ == "VERB" for t in tokens_between(doc, quote.start, quote.end))
    if _title_cased(doc_text(doc)[quote.start : quote.end]) and not (said and clause):
        # a name ("Operation Clean Sweep", what X calls "Riverfront Renaissance"), not
        # words ("Thank God," said X)
        return None
    words = len(doc_text(doc)[quote.start : quote.end].split())
    whole = _whole_sentences(doc, quote)
    continuing = _continues_open_quotation(paragraph, quote)
    if (
        words <= SCARE_QUOTE_WORDS
        and not (whole or continuing)
        and (
            not _quoted_words(doc, quote, cue, lexicon)
            or _term_marked(doc, quote, cue, lexicon)
            or _led_by(doc, quote, "(")  # "reports ("Uniform costs soar", 4 May)": cited
        )
    ):
        return None
    speaker = NOBODY
    cue = _reporter_of_unspoken(cue, lexicon) or cue if cue is not None else None
    if cue is not None:
        subject = _speaker_of_cue(cue, lexicon, quoted=(quote.start, quote.end))
        speaker = resolver.resolve(subject, paragraph.base)
    elif continuing:
        speaker = resolver.last_speaker  # who opened the quotation goes on speaking
    elif _is_set_off(doc, quote):
        speaker, cue = _introduced_by(paragraph.previous, resolver)
        if not speaker.phrase and quote.status == "closed":
            speaker, cue = _attributed_after(paragraph.following, resolver, lexicon)
    elif _led_by(doc, quote, ":"):  # "X was unrepentant: "...""
        sentence = next(s for s in around if s.start_char <= quote.start - 1 < s.end_char)
        leading = [t for t in sentence if t.idx < quote.start - 1]
        speaker, cue = _introducer(leading, resolver, paragraph.base)
    if not speaker.phrase and cue is None:
        speaker, cue = _according_source(quote, around, resolver, paragraph.base, lexicon)
    if not speaker.phrase and cue is None and not whole:
        speaker, cue = _embedding_subject(doc, quote, resolver, paragraph.base)
    if not speaker.phrase and cue is None and _is_set_off(doc, quote):
        speaker = _person_introduced_before(paragraph, resolver)
    if not speaker.phrase and cue is None and (whole or words > STANDALONE_WORDS):
        speaker = resolver.last_speaker  # a quotation alone continues the last speaker
    if speaker.phrase:
        resolver.spoke(speaker, paragraph.base + quote.start, cue)
    return _row(
        resolver.article,
        paragraph.base,
        quote.start,
        quote.end,
        "direct",
        speaker,
        cue,
        quote.status,
        lexicon,
    )


def _according_source(
    quote: QuoteSpan,
    around: list[Span],
    resolver: SpeakerResolver,
    base: int,
    lexicon: SpeechLexicon,
) -> tuple[Speaker, Token | None]:
    """ ""...," according to X": the source of an "according to" phrase after a quotation
    its sentence reports is who speaks it."""
    for sentence in around:
        if not sentence.start_char <= quote.end < sentence.end_char:
            continue
        for cue, source, content in _according_to(sentence, lexicon):
            reported = content[0].idx < quote.end and quote.start < content[-1].idx
            conforms = source.lemma_.lower() in lexicon.conformity
            if cue.idx >= quote.end and reported and not conforms:
                return resolver.resolve(source, base), cue
    return NOBODY, None


def _continues_open_quotation(paragraph: Paragraph, quote: QuoteSpan) -> bool:
    """A quotation that opens its paragraph after one whose quotation is left open at
    its end: news copy leaves a quotation that runs over a paragraph break unclosed and
    opens the next paragraph with a mark, so it is the same speaker's words going on,
    however short ("...this year.", then ""Not one cent more," and the room fell silent")."""
    previous = paragraph.previous
    if previous is None or previous.block.section != "body":
        return False
    if doc_text(paragraph.item.doc)[: quote.start - 1].strip():
        return False  # the quotation does not open the paragraph
    marks = pair_quotes(doc_text(previous.doc))
    return bool(marks) and marks[-1].status == "open"
