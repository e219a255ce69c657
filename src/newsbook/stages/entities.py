"""Stage 2, entities: mentions found by spaCy's NER and the domain gazetteer, cleaned of
titles and possessives, then resolved to one row per real-world entity.

Two people who share a surname are told apart by the title at the mention, then by
discourse (the one last mentioned); when neither decides, the mention is marked
`ambiguous` and left without an entity rather than guessed.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import pandas as pd
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsbook.lexicons import Resources, bare_forms, hyphenated_lemma, joins_a_word
from newsbook.schema import Columns, column_lists, columns_frame
from newsbook.stages.context import ArticleContext
from newsbook.text.article import Article
from newsbook.text.nlp import ParsedBlock, doc_text, tokens_spelled, word_before

ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Jr|Sr|St|Co|Corp|Inc|Ltd)\.$")
SKIPPED_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# labels of things that cannot speak: a name the NER gave one of them but that speaks is
# a misreading (see _speaks_after_quotation)
MUTE_LABELS = frozenset({"WORK_OF_ART", "PRODUCT"})
TREATY_WORDS = re.compile(r"\b(?:treaty|pact|accord|convention|protocol)\b", re.IGNORECASE)
PLACE_TYPES = frozenset({"GPE", "LOC"})
PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "to",
        "near",
        "into",
        "inside",
        "outside",
        "around",
        "across",
        "toward",
        "towards",
        "through",
        "via",
        "visit",
        "visited",
        "visiting",
    }
)


@dataclass
class Mention:
    """A mention before resolution; `key` is what it is grouped by."""

    start: int
    end: int
    text: str
    type: str
    norm: str
    kind: str = "name"  # name | description
    role: str = ""
    affiliation: str = ""
    canonical: str = ""  # a name fixed by a gazetteer (treaty, weapon, country)
    tokens: tuple[str, ...] = field(default_factory=tuple)
    sentence_id: int = -1


def cased(text: str, parsed: str) -> str:
    """A name written in capitals ("MARIA LOPEZ") as the parser read it, re-cased from
    the article's own spelling or in title case (`nlp.recase`); a word the parser saw
    in lower case takes title case. Other names are kept as written."""
    if any(c.islower() for c in text) or sum(c.isalpha() for c in text) < 2:
        return text
    words = re.split(r"(\s+)", parsed)
    return "".join(w if not w[:1].islower() else w[:1].upper() + w[1:] for w in words)


def normalise(text: str) -> str:
    """A surface form without line breaks, leading article or possessive."""
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"(?:'s|’s|'|’)$", "", text)
    text = text.strip(" ,;:-")
    # a full stop ends a sentence, not a name, except where it ends an abbreviation
    # ("U.S.", "Jr.")
    return text if ABBREVIATION_END.search(text) else text.rstrip(". ")


def _capitalised(token: Token) -> bool:
    """A word written as a name is: a capital, then small letters, any capital inside
    ("MacLennan", "DeWitt", "O'Neill"), which `is_title` refuses."""
    text = token.text
    return token.is_title or (text[:1].isupper() and any(c.islower() for c in text))


def _leading_titles(words: list[Token], resources: Resources) -> int:
    """How many title words lead these words ("Police Chief" of "Police Chief Ana Berg")."""
    count = 0
    while count < len(words) and _is_title_word(words[count], resources):
        count += 1
    return count


def _title_in_capitals(token: Token, resources: Resources) -> bool:
    """An office written in capitals ("MLA", "MSP"; `offices_in_capitals`), not initials
    ("MS Dhoni", "DR Congo")."""
    return token.is_upper and token.lower_ in resources.offices_in_capitals


def _is_title_word(token: Token, resources: Resources) -> bool:
    word = token.lower_
    return (
        word in resources.title_heads
        or word in resources.title_modifiers
        or word in resources.title_prefixes
        or word == "-"
    )


def title_before(span: Span, resources: Resources) -> tuple[str, Span | None]:
    """The title run directly before a name ("Former Defense Minister") and the entity
    right before that run, which the title belongs to ("U.S." in "U.S. President")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and _is_title_word(doc[i], resources):
        # a one-word entity inside a title ("Defense" in "Defense Minister") belongs to it
        one_word_entity = doc[i].ent_iob_ == "B" and doc[i + 1].ent_iob_ != "I"
        if (
            doc[i].ent_type_
            and not one_word_entity
            and doc[i].lower_ not in resources.title_modifiers
        ):
            break
        i -= 1
    run = doc[i + 1 : span.start]
    while len(run) and run[0].lower_ in {"the", "of", "and", "-"}:
        run = doc[run.start + 1 : run.end]
    owned = len(run) > 2 and run[-2].lower_ in {"for", "of"}
    if owned and run[-1].lower_ in resources.title_abbreviations:
        # "a spokesman for Gov. Anna Berg": the abbreviated title is hers, the
        # words before it another's
        run = doc[run.end - 1 : run.end]
    if not any(t.lower_ in resources.title_heads for t in run):
        return "", None
    owner = None
    if run.start > 0 and doc[run.start - 1].ent_type_ in {"GPE", "NORP", "ORG"}:
        token = doc[run.start - 1]
        owner = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    return " ".join(run.text.split()), owner


def appositive_role(span: Span, resources: Resources) -> tuple[str, Span | None]:
    """A role given after the name: "Ivan Smith, strategic arms expert with the Center"."""
    for token in span:
        for child in token.children:
            if child.dep_ != "appos" or child.i < span.end:
                continue
            if child.lower_ not in resources.title_heads and child.ent_type_ != "":
                continue
            subtree = list(child.subtree)
            words, owner = [], None
            for t in subtree:
                if t.dep_ == "prep" and t.lower_ in {"with", "of", "at", "for", "from"}:
                    owner = next(
                        (
                            e
                            for e in span.doc.ents
                            if e.start > t.i
                            and e.start <= subtree[-1].i
                            and e.label_ in {"ORG", "GPE", "NORP"}
                        ),
                        None,
                    )
                    break
                words.append(t)
            while words and words[0].lower_ in {"a", "an", "the"}:
                words.pop(0)
            if words and any(w.lower_ in resources.title_heads for w in words) and len(words) <= 8:
                return " ".join(w.text for w in words), owner
    return "", None


DATELINE_LABELS = frozenset({"GPE", "LOC", "ORG", "PERSON", "NORP", "FAC"})
BRACKETED_NAME = re.compile(r"<([A-Z][^<>\n]{1,80})>")  # "<Acme Holdings NV>": a wire's company
# "the Federation of Harbour Unions (FEDHU)": the abbreviation the article then uses
ABBREVIATION_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")
MARKUP = re.compile(r"[<>{}$\\|=]|://|www\.")
LONGEST_NAME_WORD = 30
# A one-word organisation stands for a longer name holding that word only when the longer
# name has three words or more ("Hoogstra" for "Koninklijke Hoogstra en Staalwerken NV"),
# the word is inside it and is no short particle ("en", "of", "de": under four letters).
INNER_WORD_NAME = 3
INNER_WORD_LENGTH = 4


ARTICLES = frozenset({"the", "a", "an"})
# A person's name after a title has a given name and a surname, perhaps a middle name
# ("Councillor Ana Maria Berg"); one word alone after a title word is as often part of
# an organisation's name ("General Motors")
TITLED_NAME_WORDS = (2, 3)
# Prefixes that turn a name into those outside it or against it ("non-OPEC",
# "anti-Sandinista"): such a span mentions nobody by that name.
OUTSIDE_PREFIXES = frozenset({"non", "anti"})


def _name_like(text: str) -> bool:
    """Text the web puts where a name could be, but which is none: markup, maths, links,
    and words longer than any name's."""
    return (
        any(c.isalpha() for c in text)
        and not MARKUP.search(text)
        and all(len(word) <= LONGEST_NAME_WORD for word in text.split())
    )


def _trim(span: Span, resources: Resources) -> Span | None:
    """Drop leading articles and titles, and trailing possessives and punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ARTICLES or doc[start].is_punct):
        start += 1
    if end - start > 2 and doc[start].lower_ in OUTSIDE_PREFIXES and doc[start + 1].text == "-":
        return None  # "non-OPEC producers", "anti-Sandinista rebels": not the name's bearer
    if all(t.lower_ in resources.offices_in_capitals for t in doc[start:end]):
        return None  # "the local TD", "Labour MPs": an office, no one's name
    if span.label_ == "PERSON":
        while (
            start < end - 1
            and _is_title_word(doc[start], resources)
            and (
                doc[start].is_title
                or _title_in_capitals(doc[start], resources)
                or joins_a_word(doc[start])  # "Lt-Col."
            )
        ):
            start += 1
        of = next((t.i for t in doc[start + 2 : end - 1] if t.lower_ == "of"), None)
        if of is not None and doc[of + 1].is_title:
            end = of  # "Gwen Haddock of King's Lynn": a person, then where she is from
        start, end = _hyphenated_given_name(doc, start, end)
        while end - start > 2 and doc[end - 1].lower_ in resources.postnominals:
            end -= 1  # "Anthony Grieve QC"
    dash = next((t.i for t in doc[start + 1 : end] if t.text in DASHES and t.whitespace_), None)
    if dash is not None:
        end = dash  # "... and Lee Okafor - spent 41 years": a name ends at a dash set apart
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].pos_ in {"DET", "ADP", "CCONJ"}  # "Preserving the"
    ):
        end -= 1
    while end > start + 1 and _capitalised_verb(doc[end - 1], resources):
        end -= 1  # "School Board Backs": a title-case headline's verb read into the name
    if (
        end + 1 < len(doc)
        and joins_a_word(doc[end])
        and hyphenated_lemma(doc[end + 1]) in resources.organisation_words
    ):
        end += 2  # "Fishermen's Co-operative": the NER ends the name inside its last word
    if (
        span.label_ == "ORG"
        and end < len(doc)
        and end - start >= 2
        and doc[end - 1].lower_ in resources.numbered_units
        and doc[end].like_num
    ):
        end += 1  # "Transit Workers Local 412": the branch's number is its name
    units = resources.layout.table_units
    if all(t.lower_ in units or t.is_punct for t in doc[start:end]):
        return None  # "cts", "Avg shrs": units of a figures line, no name
    label = span.label_
    while end > start + 1 and doc[end - 1].lower_ in units:
        # "U.S. dlrs", "U.S. Dlrs" (wire copy capitalises after "U.S."): a name and a unit
        country = doc[start : end - 1].text.lower() in resources.country_aliases
        if not (country or doc[end - 1].is_lower):
            break
        end -= 1
        label = "GPE" if country else label
    country_end = _country_prefix_end(doc, start, end, resources)
    if country_end is not None:
        end, label = country_end, "GPE"
    return Span(doc, start, end, label=label, kb_id=span.kb_id_)


DASHES = frozenset({"-", "–", "—", "--"})
# the small-letter piece of a hyphenated given name ("Soo-ah", "Dong-hoon")
GIVEN_NAME_PIECE = 4
# what a given name is never tagged as ("On Tuesday O'Brien", "In Riyadh bin Salman")
NOT_GIVEN_NAMES = frozenset({"DATE", "TIME", "GPE", "LOC", "NORP", "FAC", "ORG", "PRODUCT"})


def _hyphenated_given_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """ "Soo-ah Park", "Sung-min Cho": a given name hyphenated to a small-letter piece,
    which the NER cuts a person's name at (taking "Soo", or "Cho"), is part of it."""

    def given(i: int) -> bool:  # "Soo", "-", "ah" from i; not "Saudi-born", "Kremlin-backed"
        piece = doc[i + 2] if i + 2 < len(doc) else None
        return (
            piece is not None
            and _capitalised(doc[i])
            and doc[i].ent_type_ not in NOT_GIVEN_NAMES
            and joins_a_word(doc[i + 1])
            and piece.is_lower
            and piece.is_alpha
            and len(piece) <= GIVEN_NAME_PIECE
            and piece.pos_ not in {"VERB", "ADJ", "ADV", "ADP"}
            and piece.tag_ not in {"VBN", "VBD", "VBG"}
        )

    if end - start == 1 and given(start) and end + 2 < len(doc) and _capitalised(doc[end + 2]):
        end += 3  # "Soo" of "Soo-ah Park"
    elif start >= 3 and given(start - 3):
        start -= 3  # "Cho" of "Sung-min Cho"
    return start, end


def _capitalised_verb(token: Token, resources: Resources) -> bool:
    """ "Backs", "Rejects", "Says": a verb of stance or speech in its -s form that the
    parser reads as a verb, written with a capital as a title-case headline writes every
    word (not "States", "Appeals": names the parser reads as names)."""
    word = token.lower_
    if not token.is_title or token.tag_ != "VBZ":
        return False
    stance = resources.stance
    return any(
        stem in stance.support or stem in stance.oppose or stem in stance.reporting
        for stem in (word[:-1], word[:-2] if word.endswith("es") else "")
    )


def _country_prefix_end(doc, start: int, end: int, resources: Resources) -> int | None:
    """ "U.S. Arms", "U.S. Saw": wire copy capitalises the word after "U.S.", and the
    NER reads a name into it. When a country alias is followed only by words that are no
    proper nouns, or that the article also writes in lower case, or that stand for its
    state or an unnamed source ("U.S. Government", "U.K. Officials"), the mention is the
    country alone."""
    sources = resources.state_nouns | resources.speech.anonymous
    for split in range(end - 1, start, -1):
        alias = doc[start:split].text
        if alias.lower() not in resources.country_aliases:
            continue
        rest = [t for t in doc[split:end] if t.is_alpha]
        text = doc_text(doc)
        if rest and all(
            not t.is_upper
            and (
                t.pos_ != "PROPN"
                or bare_forms(t.lower_) & sources
                or re.search(rf"\b{re.escape(t.lower_)}\b", text)
            )
            for t in rest
        ):
            return split
    return None


def _is_title_fragment(span: Span, resources: Resources) -> bool:
    """ "Defense" in "Defense Minister", "State" in "Secretary of State": an entity that
    is only part of a title; also "U.S.-Soviet", an adjective made of two states."""
    doc = span.doc
    if re.fullmatch(r"[\w.]+-[\w.]+", span.text) and all(
        part.lower() in resources.country_aliases or part.lower() in resources.demonyms
        for part in span.text.split("-")
    ):
        return True
    if not all(
        t.lower_ in resources.title_modifiers or t.lower_ in resources.title_heads for t in span
    ):
        return False
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and (
        following.lower_ in resources.title_heads or following.lower_ in resources.title_modifiers
    ):
        return True
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    return (
        before is not None
        and before[1].lower_ == "of"
        and before[0].lower_ in resources.title_heads
    )


def _titled_person(span: Span, resources: Resources) -> Span:
    """ "Councillor Ana Berg" taken by the NER for an organisation: a title led by a
    person's title word, then two or three capitalised proper nouns none of which says
    what an organisation is ("General Dynamics Corp", "Chief Rabbinate Council" stay),
    is a person with a title; so is such a name right after a person's title the NER left
    out ("Municipal spokesperson Thabo Mokoena"), or took for a building ("Lt-Col. Ade
    Cole")."""
    if span.label_ not in {"ORG", "FAC"}:
        return span
    titles = _leading_titles(list(span), resources)
    name = span[titles:]
    before = span.doc[span.start - 1] if span.start > 0 else None
    titled_before = before is not None and _people_title(before.lower_, resources)
    building = span.label_ == "FAC"
    if building and (titles or not titled_before):
        return span  # "King Power Stadium": a title inside a building's name
    # a name may end in a hyphenated surname ("Cr Aroha Ngata-Simmons", "Lt-Col. Ade
    # Adeyemi-Cole"); a hyphen earlier is a firm's ("Chairman Rolls-Royce Holdings")
    surname = len(name) >= 3 and joins_a_word(name[-2]) and sum(map(joins_a_word, name)) == 1
    if (
        not (any(t.lower_ in resources.title_heads for t in span[:titles]) or titled_before)
        or not TITLED_NAME_WORDS[0] <= len(name) - surname <= TITLED_NAME_WORDS[1]
        or any(
            t.pos_ != "PROPN"
            or not _capitalised(t)
            or t.lower_.rstrip(".") in resources.organisation_words
            for t in name
            if not (surname and joins_a_word(t))
        )
    ):
        return span
    return Span(span.doc, span.start, span.end, label="PERSON")


def _retype(span: Span, resources: Resources) -> str:
    label = span.label_
    doc = span.doc
    if label == "LAW" and TREATY_WORDS.search(span.text):
        return "TREATY"
    previous = doc[span.start - 1] if span.start > 0 else None
    if label in MUTE_LABELS and _speaks_after_quotation(span, resources):
        return "PERSON"
    if label in {"GPE", "LOC"} and _described_as_a_person(span, resources):
        return "PERSON"
    if (
        label != "PERSON"
        and _set_off_after_a_title(span.root, resources)
        and span.root.head.i < span.start
        and "," not in span.text  # ("its adviser, Smith Barney, Harris Upham")
        and not {t.lower_ for t in span} & resources.organisation_words
    ):
        return "PERSON"  # "Its general secretary, Jean-Luc Ferrandi, ..." taken for a firm
    if previous is not None and previous.lower_ in resources.org_descriptors:
        # "arms exporter Norvex"; a name the NER took for a person only with an
        # article before the word ("the daily Gazeta Nova"): without one, the word may
        # describe the person ("bank robber Jed Harlan")
        article = previous.i > 0 and doc[previous.i - 1].lower_ in ARTICLES
        if label != "PERSON" or article:
            return "ORG"
    return label


def _described_as_a_person(span: Span, resources: Resources) -> bool:
    """ "Clara Brent, an economist at the Torve Institute": a name the NER took for a
    place, which the text describes in apposition by a person's title at an
    organisation, is a person (a given name and a surname, no country the gazetteer
    knows; "Norland, a leader in fisheries" stays a place)."""
    if not TITLED_NAME_WORDS[0] <= len(span) <= TITLED_NAME_WORDS[1]:
        return False
    if span.text.lower() in resources.country_aliases:
        return False
    if any(t.pos_ != "PROPN" or not t.is_title for t in span):
        return False
    role, owner = appositive_role(span, resources)
    return bool(role) and owner is not None and owner.label_ == "ORG"


def _speaks_after_quotation(span: Span, resources: Resources) -> bool:
    """'"...," Anna Berg, professor of law, said.': a name right after a closing
    quotation mark that speaks, which the NER took for a title (WORK_OF_ART) or a
    product: a person's name (proper nouns only, no article before)."""
    doc = span.doc
    previous = doc[span.start - 1] if span.start > 0 else None
    return (
        previous is not None
        and previous.is_quote
        and len(span) >= 2
        and all(t.pos_ == "PROPN" and t.is_title for t in span)
        and span.root.dep_ == "nsubj"
        and span.root.head.lemma_.lower() in resources.speech.cues
    )


def governs_as_state(span: Span) -> bool:
    """A capital or country that acts or speaks ("Paris said", "any order from
    Berlin") rather than being a place where something happens ("in Paris")."""
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj":
        return token.head.lower_ not in PLACE_PREPOSITIONS
    if token.dep_ in {"dobj", "npadvmod"} and token.head.lemma_ in {"visit", "leave", "reach"}:
        return False
    return token.dep_ != "compound" or token.head.ent_type_ == ""


def iter_mentions(
    article: Article, parsed: list[ParsedBlock], resources: Resources
) -> Iterator[Mention]:
    """Named mentions in text order, cleaned and typed, with any title or appositive role."""
    for item in parsed:
        base = item.block.start
        in_dateline = item.block.section == "dateline"
        for ent in _with_missed_names(item.doc, resources):
            if ent.label_ in SKIPPED_LABELS or _is_title_fragment(ent, resources):
                continue
            span = _trim(_titled_person(ent, resources), resources)
            if span is None or not _name_like(span.text):
                continue
            if in_dateline and span.text.casefold() in resources.layout.agencies:
                continue  # "(AP)", "(Reuters)": the wire that filed it, no one in the story
            label = _retype(span, resources)
            if in_dateline and label in DATELINE_LABELS:
                label = "GPE"  # a dateline names the place the story was filed from
            following = item.doc[span.end] if span.end < len(item.doc) else None
            if (
                label == "PERSON"
                and following is not None
                and (following.lower_ in resources.stance.government_nouns)
            ):  # "the Venn administration" is a government, not the man
                span, label = item.doc[span.start : span.end + 1], "ORG"
            start, end = base + span.start_char, base + span.end_char
            text = article.text[start:end]
            norm = normalise(cased(text, span.text))
            canonical = span.ent_id_ or (norm if label in {"WEAPON", "TREATY"} else "")
            if label in {"GPE", "NORP", "LOC", "ORG"}:
                country = resources.country_aliases.get(norm.lower())
                capital_state = resources.state_for_capital(norm, article.published)
                if country:
                    label, canonical = "GPE", country
                elif capital_state and governs_as_state(span) and not in_dateline:
                    label, canonical = "GPE", capital_state
            role, owner = ("", None)
            if label == "PERSON":
                role, owner = title_before(span, resources)
                if not role:
                    role, owner = appositive_role(span, resources)
            yield Mention(
                start=start,
                end=end,
                text=text,
                type=label,
                norm=norm,
                role=role,
                affiliation=_owner_name(owner, article, resources),
                canonical=canonical,
                tokens=tuple(normalise(t.text) for t in span if not t.is_punct or t.text == "."),
            )
        yield from _descriptions(article, item, resources)


def _with_missed_names(doc: Doc, resources: Resources) -> list[Span]:
    """The NER's entities and the names it missed that the text itself marks: a wire
    record's company in angle brackets ("<Acme Holdings NV> said"), a run of capitalised
    proper nouns after a title ("Police Chief Ana Berg said"), a run of proper nouns
    before a word announcing an organisation ("the Evening Courier newspaper") or ending
    in one ("the Sudmark Ferry Company"). A name so
    marked replaces the NER's entities it overlaps."""
    missed = filter_spans(
        [
            *_bracketed_names(doc),
            *_marked_runs(doc, resources),
            *_particle_names(doc, resources),
            *_surnames_with_particles(doc, resources),
            *_titled_after_a_comma(doc, resources),
            *_broadcasters(doc, resources),
            *_possessive_names(doc, resources),
        ]
    )
    if not missed:
        return list(doc.ents)
    taken = {i for span in missed for i in range(span.start, span.end)}
    kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
    return sorted([*kept, *missed], key=lambda span: span.start)


def _bracketed_names(doc: Doc) -> Iterator[Span]:
    """ "<Acme Holdings NV> said": wire records put a company's name in angle brackets,
    and a ticker symbol too ("Acme Corp <ACM>", "<ACM.L>"): one word after a name, in
    capitals or with a dot, is a ticker."""
    text = doc_text(doc)
    for match in BRACKETED_NAME.finditer(text):
        span = doc.char_span(match.start(1), match.end(1), label="ORG", alignment_mode="contract")
        if span is None or not len(span) or not _name_like(span.text):
            continue
        after_name = word_before(text, match.start())[:1].isupper()
        if len(span.text.split()) == 1 and (span.text.isupper() or "." in span.text or after_name):
            continue
        yield span


def _marked_runs(doc: Doc, resources: Resources) -> Iterator[Span]:
    """Runs of capitalised proper nouns modifying one head that no entity (other than a
    date or a number) covers: a PERSON when title words lead them and a name follows
    ("Police Chief Ana Berg"), an ORG before a lower-case organisation word ("the Evening
    Courier newspaper": the run without the word)."""
    for head in doc:
        run = sorted(_compounds(head), key=lambda t: t.i)
        if head.pos_ == "PROPN":
            run = [*run, head]
            # "Defence solicitor Mr Iain Rattray": the capitalised run after a role
            # ("Local MSP Alasdair Rennie": an adjective before the title)
            cut = max((k for k, t in enumerate(run) if t.pos_ != "PROPN"), default=-1)
            if 0 <= cut < len(run) - 1 and (
                _is_title_word(run[cut], resources) or run[cut].pos_ == "ADJ"
            ):
                run = run[cut + 1 :]
        if not run or any(
            t.pos_ != "PROPN" or not (_capitalised(t) or _title_in_capitals(t, resources))
            for t in run
        ):
            continue
        inside = {t.i for t in run}
        gaps = [t for t in doc[run[0].i : run[-1].i + 1] if t.i not in inside]
        if not all(joins_a_word(t) for t in gaps) or (
            head.pos_ != "PROPN" and run[-1].i + 1 != head.i
        ):
            continue  # not one unbroken run of words ("Delaney-Ruíz" is one)
        named = [t for t in run if t.ent_type_ and t.ent_type_ not in SKIPPED_LABELS | MUTE_LABELS]
        set_off = head.pos_ == "PROPN" and _set_off_after_a_title(head, resources)
        # "Mr Iain Rattray" of which the NER took "Rattray" for a firm: an honorific
        # leading the run makes it a person's name
        honoured = head.pos_ == "PROPN" and run[0].lower_ in resources.honorifics
        # "MSP Alasdair Rennie" of which the NER took only "Rennie": a title held by
        # people only, then given names, then the person the NER found
        titled = (
            bool(named)
            and head.pos_ == "PROPN"
            and _people_title(run[0].lower_, resources)
            and all(t.ent_type_ == "PERSON" for t in named)
            and _given_names_left_out(run, named, resources)
        )
        if named and not (
            _split_person(run, named) or (set_off or honoured or titled) and _inside(run, doc)
        ):
            continue  # the NER found a name there already (a title it misread aside)
        if all(t.ent_type_ in SKIPPED_LABELS for t in run):
            continue  # "the Sunday newspaper": a date
        if head.pos_ == "PROPN":
            titles = _leading_titles(run, resources)
            heads = any(t.lower_ in resources.title_heads for t in run[:titles])
            # "Calder Dynamics Corp": a company's legal form, not a person's name
            company = run[-1].lower_.rstrip(".") in resources.company_suffixes
            if heads and 0 < titles < len(run) and not company:
                yield Span(doc, run[0].i, run[-1].i + 1, label="PERSON")
            elif (
                titles == 0
                and len(run) >= 2
                and not company
                and _set_off_after_a_title(head, resources)
            ):
                # "The mayor of Oostveld, Els De Smet, said": a name set off after a title
                yield Span(doc, run[0].i, run[-1].i + 1, label="PERSON")
            elif (
                titles == 0
                and head.lower_ in resources.organisation_words
                and any(t.lower_ not in resources.organisation_words for t in run)
            ):
                # "Lev Okon of the Sudmark Ferry Company": a name ending in a word for an
                # organisation, which the NER missed
                yield Span(doc, run[0].i, run[-1].i + 1, label="ORG")
        elif head.is_lower and head.lower_ in resources.org_descriptors:
            yield Span(doc, run[0].i, run[-1].i + 1, label="ORG")


def _set_off_after_a_title(name: Token, resources: Resources) -> bool:
    """Whether a name stands in apposition to a person's title, set off by a comma ("the
    mayor of Oostveld, Els De Smet,")."""
    comma = name.left_edge.i > 0 and name.doc[name.left_edge.i - 1].text == ","
    people_only = _people_title(name.head.lemma_.lower(), resources)
    return name.dep_ == "appos" and comma and people_only and name.head.i < name.i


def _people_title(word: str, resources: Resources) -> bool:
    """A title only people hold: not one a firm may hold too ("its adviser Goldman
    Sachs", "the bank's auditor, KPMG"; `firm_roles`)."""
    return word in resources.title_heads and word not in resources.firm_roles


def _given_names_left_out(run: list[Token], named: list[Token], resources: Resources) -> bool:
    """Whether words that are no title stand between the run's titles and the first word
    the NER named ("MSP *Alasdair* Rennie"; not "Deputy Public Prosecutor Nur Rahmat")."""
    before = run[: run.index(named[0])]
    titles = _leading_titles(before, resources)
    return titles < len(before) and not any(
        _is_title_word(word, resources) for word in before[titles:]
    )


def _inside(run: list[Token], doc: Doc) -> bool:
    """Whether every entity touching the run lies within it."""
    start, end = run[0].i, run[-1].i + 1
    return all(
        start <= e.start and e.end <= end for e in doc.ents if e.start < end and start < e.end
    )


def _split_person(run: list[Token], named: list[Token]) -> bool:
    """Whether the NER cut one person's titled name into pieces inside the run
    ("Councillor" and "Roth" of "Councillor Ana Roth"), or stopped short of its end
    ("Headteacher Sandra" of "Headteacher Sandra Obi"): people only, none reaching out."""
    start, end = run[0].i, run[-1].i + 1
    pieces = [e for e in run[0].doc.ents if e.start < end and start < e.end]
    short = len(pieces) == 1 and pieces[0].start == start and pieces[0].end < end
    return (
        (len(pieces) > 1 or short)
        and all(t.ent_type_ == "PERSON" for t in named)
        and all(start <= e.start and e.end <= end for e in pieces)
    )


def _particle_names(doc: Doc, resources: Resources) -> Iterator[Span]:
    """ "Finance Minister Anna du Toit said": after a title, capitalised words with a
    lower-case particle between them (`name_particles` in titles.yml) are one person's
    name. Read from the words alone, since the parser often takes such a name for a verb
    phrase; names without a particle are left to the NER and `_marked_runs`."""
    particles = resources.name_particles
    i = 0
    while i < len(doc):
        if not (_is_title_word(doc[i], resources) and doc[i].lower_ in resources.title_heads):
            i += 1
            continue
        start = end = i + 1
        while end < len(doc) and (
            (doc[end].is_title and doc[end].is_alpha and not _is_title_word(doc[end], resources))
            or (doc[end].lower_ in particles and doc[end].is_lower and _name_goes_on(doc, end + 1))
        ):
            end += 1
        while end > start and doc[end - 1].is_lower:
            end -= 1  # a name ends on a capitalised word
        words = doc[start:end]
        # (the NER may cut it at the particle: "Johan van" and "Merwe")
        if any(t.is_lower for t in words) and _inside(list(words), doc):
            yield Span(doc, start, end, label="PERSON")
        i = max(end, i + 1)


def _titled_after_a_comma(doc: Doc, resources: Resources) -> Iterator[Span]:
    """ "A resident of Dala, Malam Yusuf Abdullahi, said": the NER may run a place and the
    titled name set off after it into one entity; a person's title after a comma inside
    an entity starts another one, a person (a firm's name may hold a comma, "Smith
    Barney, Harris Upham", but no person's title after it)."""
    for entity in doc.ents:
        for comma in entity[:-2]:
            title = doc[comma.i + 1]
            if comma.text == "," and title.lower_ in resources.title_heads and title.is_title:
                if comma.i > entity.start:
                    yield Span(doc, entity.start, comma.i, label=entity.label_)
                yield Span(doc, comma.i + 1, entity.end, label="PERSON")
                break


# "O’Mahony", "D'Souza", "N'Diaye": a surname with an elided prefix, one token
ELIDED_SURNAME = re.compile(r"^[A-Z][’'][A-Z][a-z]")
# given names before a surname's particle ("Seamus Mac Giolla Phádraig")
GIVEN_NAMES = 2


def _surnames_with_particles(doc: Doc, resources: Resources) -> Iterator[Span]:
    """ "Pádraig Mac an tSaoir", "Máire Uí Dhonnchadha", "Owain ap Rhys", "Cllr Tadhg
    O’Mahony": a given name, then a surname led by a particle only people's names carry
    (`surname_particles` in titles.yml, "an" after it as Irish writes it) or by an
    elided prefix ("O’", "D'"), is one person's name, which the NER cuts or takes for an
    organisation; a surname alone so written after a person's title ("Cllr O’Mahony")
    too."""
    for i, token in enumerate(doc):
        elided = bool(ELIDED_SURNAME.match(token.text))
        # "Lachlan Van Wyk" of which the NER took "Van Wyk": a particle opening a person
        capitalised_particle = (
            token.lower_ in resources.name_particles
            and token.is_title
            and token.ent_iob_ == "B"
            and token.ent_type_ == "PERSON"
        )
        particle = token.lower_ in resources.surname_particles or capitalised_particle
        if token.text.isupper() and len(token) > 1:
            continue  # "AP", "MAC": an agency or a word in capitals, no particle
        if not elided and not (particle and i > 0):
            continue
        start = i
        while start > 0 and i - start < GIVEN_NAMES and _given_name(doc[start - 1], resources):
            start -= 1
        titled = start > 0 and doc[start - 1].lower_ in resources.title_heads
        if start == i and not (elided and titled):
            continue
        end = i + 1
        if not elided:
            if end + 1 < len(doc) and doc[end].lower_ == "an" and _surname_word_end(doc, end + 1):
                end += 1  # "Mac an tSaoir"
            surname = end
            while (
                _surname_word_end(doc, end)
                and doc[end].lower_ not in resources.postnominals
                and not _is_title_word(doc[end], resources)
            ):
                end = _surname_word_end(doc, end)
            if end == surname:
                continue  # a particle and nothing after it
        while end + 1 < len(doc) and joins_a_word(doc[end]) and _has_capital(doc[end + 1]):
            end += 2  # "ap Gruffydd-Jones", "O’Rourke-Nguyen"
        if _named_whole(doc, start, end):
            continue  # "Chicago O'Hare", "Big Mac Index": the NER's name for a thing
        if doc[start].ent_type_ == "ORG" and doc[i].ent_iob_ != "I":
            continue  # "Apple Mac Pro": a firm before the word, not a given name
        if start > 0 and doc[start - 1].lower_ in ARTICLES:
            continue  # "the Apple Mac Pro": a thing
        if titled and doc[start - 1].is_title:
            start -= 1  # "Cllr" with it (trimmed later), over any shorter titled piece
        yield Span(doc, start, end, label="PERSON")


def _named_whole(doc: Doc, start: int, end: int) -> bool:
    """Whether the NER names exactly these words (an article before them aside) as
    something other than a person."""
    return any(
        e.end == end
        and (e.start == start or e.start == start - 1 and doc[e.start].lower_ in ARTICLES)
        and e.label_ != "PERSON"
        for e in doc.ents
    )


def _given_name(token: Token, resources: Resources) -> bool:
    return (
        token.is_alpha
        and _capitalised(token)
        and token.pos_ == "PROPN"
        and token.ent_type_ not in NOT_GIVEN_NAMES - {"ORG"}  # (the NER's "Pádraig Mac" ORG)
        and not _is_title_word(token, resources)
        and token.lower_ not in resources.surname_particles
    )


def _surname_word_end(doc: Doc, i: int) -> int:
    """Where a word of a surname starting at `i` ends (0 when none starts there): a
    capitalised word, or one mutated after a particle ("tSaoir", "t-Saoir")."""
    if i >= len(doc) or not doc[i].is_alpha:
        return 0
    if _has_capital(doc[i]):
        return i + 1
    mutated = len(doc[i]) == 1 and doc[i].is_lower and i + 2 < len(doc)
    if mutated and joins_a_word(doc[i + 1]) and _has_capital(doc[i + 2]):
        return i + 3
    return 0


def _has_capital(token: Token) -> bool:
    """ "Phádraig", and "tSaoir", "hAodha" (a surname mutated after a particle)."""
    return any(c.isupper() for c in token.text[:2])


def _name_goes_on(doc: Doc, i: int) -> bool:
    return i < len(doc) and (doc[i].is_title or (doc[i].is_lower and doc[i].is_alpha))


def _possessive_names(doc: Doc, resources: Resources) -> Iterator[Span]:
    """ "St. Brendan's Medical Center": the NER may cut a name that holds a possessive
    into an organisation ending in "'s" and the organisation after it; one name (not a
    place's or a person's, "Norland's Central Bank", "Venn's Defense Department", nor an
    organisation's part, "Harvard University's Policy Center")."""
    kinds = {"ORG", "FAC"}
    for first, second in zip(doc.ents, doc.ents[1:], strict=False):
        possessive = doc[first.end - 1].lower_ in {"'s", "’s"}
        owner = {t.lower_.rstrip(".") for t in first[:-1]}
        if first.label_ in kinds and second.label_ in kinds and possessive:
            if second.start == first.end and not owner & resources.organisation_words:
                yield Span(doc, first.start, second.end, label=second.label_)


def _broadcasters(doc: Doc, resources: Resources) -> Iterator[Span]:
    """ "Bellport radio said": a place named right before a word for a broadcaster is that
    broadcaster, an organisation."""
    for ent in doc.ents:
        following = doc[ent.end] if ent.end < len(doc) else None
        if ent.label_ == "GPE" and following is not None:
            if following.lower_ in resources.broadcasters:
                yield Span(doc, ent.start, ent.end + 1, label="ORG")


def _compounds(head: Token) -> list[Token]:
    """The words before a noun that the parse makes its compounds, at any depth ("Sunday"
    in "the Sunday Courier newspaper")."""
    found = [t for t in head.lefts if t.dep_ == "compound"]
    return [g for t in found for g in (*_compounds(t), t)]


def _owner_name(owner: Span | None, article: Article, resources: Resources) -> str:
    if owner is None:
        return ""
    norm = normalise(owner.text)
    return (
        resources.country_aliases.get(norm.lower())
        or resources.state_for_capital(norm, article.published)
        or norm
    )


def _descriptions(article: Article, item: ParsedBlock, resources: Resources) -> Iterator[Mention]:
    """ "the defense minister": a lower-case title standing for a person named elsewhere."""
    doc = item.doc
    for token in tokens_spelled(doc, {"the"}, attr=LOWER):
        if token.is_title:
            continue
        j = token.i + 1
        while j < len(doc) and doc[j].is_lower and doc[j].lower_ in resources.title_modifiers:
            j += 1
        if j >= len(doc) or not doc[j].is_lower or doc[j].lower_ not in resources.title_heads:
            continue
        if j == token.i + 1 and doc[j].lower_ in {"official", "expert", "analyst", "aide"}:
            continue  # "the official" is not specific enough to name anyone
        if j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN":
            continue
        span = doc[token.i + 1 : j + 1]
        start, end = item.block.start + span.start_char, item.block.start + span.end_char
        yield Mention(
            start=start,
            end=end,
            text=article.text[start:end],
            type="PERSON",
            norm=normalise(span.text),
            kind="description",
            role=span.text,
        )


def _role_core(role: str, resources: Resources) -> str:
    words = [
        w for w in re.split(r"[\s-]+", role.lower()) if w and w not in resources.title_prefixes
    ]
    return " ".join(words)


@dataclass
class _Entity:
    key: str
    type: str
    names: list[str]
    roles: list[str]
    affiliations: list[str]
    canonical: str = ""


def resolve_entities(
    article: Article,
    mentions: list[Mention],
    resources: Resources,
) -> tuple[Columns, Columns]:
    """Group mentions into entities; return the `mentions` and `entities` tables."""
    mentions = _harmonise_company_types(_harmonise_person_types(mentions), resources)
    # (retyping one-word names changes no name of two words or more: one reading serves)
    leading = _orgs_by_leading_words(mentions, resources.speech.institutions)
    mentions = _harmonise_short_org_types(mentions, leading)
    people = _full_names(mentions)
    lookups = _Lookups.of(mentions, resources, article.text, leading)
    entities: dict[str, _Entity] = {}
    assigned: list[tuple[Mention, str, str]] = []  # mention, entity key, resolution
    history = _History()  # the resolved people, in order

    for mention in mentions:
        key, resolution = _key_for(mention, people, history, resources, lookups)
        if key:
            entity = entities.setdefault(
                key, _Entity(key, mention.type, [], [], [], mention.canonical)
            )
            if mention.kind == "name":
                entity.names.append(mention.norm)
            if mention.role and mention.kind == "name":
                entity.roles.append(mention.role)
            if mention.affiliation:
                entity.affiliations.append(mention.affiliation)
            if mention.type == "PERSON":
                history.add(mention.sentence_id, key)
        assigned.append((mention, key, resolution))
    return _tables(article, assigned, entities)


@dataclass
class _History:
    """The sentence each resolved person was last named in, and the order they were
    named in (who was mentioned last)."""

    last_sentence: dict[str, int] = field(default_factory=dict)
    last_seen: dict[str, int] = field(default_factory=dict)
    count: int = 0

    def add(self, sentence_id: int, key: str) -> None:
        self.last_sentence[key] = sentence_id
        self.last_seen[key] = self.count
        self.count += 1

    def latest(self, keys: list[str]) -> tuple[str, set[str]]:
        """The one of `keys` named last, and all of them named in that sentence."""
        seen = [k for k in keys if k in self.last_seen]
        if not seen:
            return "", set()
        last = max(seen, key=self.last_seen.__getitem__)
        sentence = self.last_sentence[last]
        return last, {k for k in seen if self.last_sentence[k] == sentence}


@dataclass(frozen=True)
class _Lookups:
    """What resolution asks of all the mentions, computed once: the full names by the
    core of their title, and the organisations by last word and by initials."""

    described: dict[str, frozenset[str]]  # title core -> person keys with that title
    titled: dict[str, frozenset[str]]  # the same over every named mention of 2+ words
    orgs_by_last: dict[str, tuple[int, str]]  # last word -> (order, name) of the first
    orgs_by_initials: dict[str, tuple[int, str]]
    # a word inside the names of organisations of three words or more, neither first nor
    # last -> (order, name) of each ("Hoogstra" in "Koninklijke Hoogstra en Staalwerken
    # NV"; a first word is often an organisation of its own: "Senate" in "Senate Harbour
    # Committee")
    orgs_by_word: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    companies_by_first: dict[str, str] = field(default_factory=dict)  # "acme" -> "acme inc"
    # "acme industries" -> "acme industries inc"
    companies_by_base: dict[str, str] = field(default_factory=dict)
    # an abbreviation in brackets after an organisation's name, casefolded -> that name
    orgs_by_abbreviation: dict[str, str] = field(default_factory=dict)
    # one-word names of people, casefolded: a full name whose last word is among them is
    # written given name first ("Kemp said" after "Jordan Kemp")
    people_named_alone: frozenset[str] = frozenset()
    # the leading word(s) of each organisation's name of two words or more, casefolded ->
    # (offset of its first mention, name in lower case) of each name they open
    orgs_by_leading: dict[tuple[str, ...], list[tuple[int, str]]] = field(default_factory=dict)
    # what names a place as well: the names the NER typed as places, casefolded, and the
    # offsets of the mentions right after a place preposition ("in Tarnbury")
    place_names: frozenset[str] = frozenset()
    after_place_word: frozenset[int] = frozenset()
    # the last two or more words of each organisation's name of three words or more,
    # casefolded -> the names (lower case) they end, in text order
    orgs_by_trailing: dict[tuple[str, ...], list[str]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        mentions: list[Mention],
        resources: Resources,
        text: str,
        orgs_by_leading: dict[tuple[str, ...], list[tuple[int, str]]],
    ) -> _Lookups:
        described: dict[str, set[str]] = {}
        titled: dict[str, set[str]] = {}
        by_last: dict[str, tuple[int, str]] = {}
        by_initials: dict[str, tuple[int, str]] = {}
        suffixes = resources.company_suffixes
        by_word: dict[str, list[tuple[int, str]]] = {}
        for order, m in enumerate(mentions):
            if len(m.tokens) >= 2 and m.role:
                core = _role_core(m.role, resources)
                titled.setdefault(core, set()).add(f"PERSON:{m.norm}")
                if m.type == "PERSON" and m.kind == "name":
                    described.setdefault(core, set()).add(f"PERSON:{m.norm}")
            if m.type == "ORG" and len(m.tokens) >= 2:
                by_last.setdefault(m.tokens[-1], (order, m.norm.lower()))
                initials = "".join(t[0] for t in m.tokens if t[:1].isupper())
                by_initials.setdefault(initials, (order, m.norm.lower()))
                # "NH" for "Norland Harbour Corp": the initials of the name without its
                # legal form
                named = [t for t in m.tokens if t.casefold().rstrip(".") not in suffixes]
                if 2 <= len(named) < len(m.tokens):
                    initials = "".join(t[0] for t in named if t[:1].isupper())
                    by_initials.setdefault(initials, (order, m.norm.lower()))
            if m.type == "ORG" and len(m.tokens) >= INNER_WORD_NAME:
                for word in {t.casefold() for t in m.tokens[1:-1] if len(t) >= INNER_WORD_LENGTH}:
                    names = by_word.setdefault(word, [])
                    if all(name != m.norm.lower() for _, name in names):
                        names.append((order, m.norm.lower()))
        return cls(
            {k: frozenset(v) for k, v in described.items()},
            {k: frozenset(v) for k, v in titled.items()},
            by_last,
            by_initials,
            by_word,
            _companies_by_first_word(mentions, resources),
            _companies_by_base_name(mentions, resources),
            _orgs_by_abbreviation(mentions, text),
            frozenset(
                m.norm.casefold() for m in mentions if m.type == "PERSON" and len(m.tokens) == 1
            ),
            orgs_by_leading,
            frozenset(m.norm.casefold() for m in mentions if m.type in PLACE_TYPES),
            frozenset(m.start for m in mentions if _after_place_word(text, m.start)),
            _orgs_by_trailing_words(mentions),
        )


def _orgs_by_trailing_words(mentions: list[Mention]) -> dict[tuple[str, ...], list[str]]:
    """The last words of each organisation's name of three words or more (("school",
    "board") of "Alder Creek School Board") -> the names they end, in text order."""
    found: dict[tuple[str, ...], list[str]] = {}
    for m in mentions:
        if m.type != "ORG" or len(m.tokens) < 3:
            continue
        for size in range(2, len(m.tokens)):
            names = found.setdefault(tuple(t.casefold() for t in m.tokens[-size:]), [])
            if m.norm.lower() not in names:
                names.append(m.norm.lower())
    return found


def _orgs_by_leading_words(
    mentions: list[Mention], bodies: frozenset[str]
) -> dict[tuple[str, ...], list[tuple[int, str]]]:
    """The leading word(s) of each organisation's name of two words or more (("arrowstone",)
    and ("arrowstone", "hill") of "Arrowstone Hill Mining") -> (first offset, name) of each
    name they open, in text order. Not where the rest is a body of its own, two words or
    more ending in a word for one (`bodies`): "Tarn Harbour Committee" is a committee of
    Tarn, and "Tarn" alone names Tarn (a town, a parliament), not the committee; nor
    leading words that end in such a word and are followed by another name word, a body's
    whole name already ("Senate" of "Senate Defense Subcommittee", "Harbour Council" of a
    headline's "Harbour Council Backs"; but "Texas Court" of "Texas Court of Appeals")."""
    found: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for m in mentions:
        if m.type != "ORG" or m.kind != "name" or m.canonical or len(m.tokens) < 2:
            continue
        for size in range(1, len(m.tokens)):
            rest = m.tokens[size:]
            if len(rest) >= 2 and rest[-1].casefold() in bodies:
                continue
            if m.tokens[size - 1].casefold() in bodies and rest[0][:1].isupper():
                continue  # "Senate" of "Senate Appropriations Subcommittee": a body itself
            if rest[-1][:1].islower():
                continue  # "Reagan administration", "Tarnbury radio": the bearer's, not a name
            names = found.setdefault(tuple(t.casefold() for t in m.tokens[:size]), [])
            if all(name != m.norm.lower() for _, name in names):
                names.append((m.start, m.norm.lower()))
    return found


def _after_place_word(text: str, start: int) -> bool:
    """Whether the word before `start` is a place preposition ("in", "near")."""
    before = re.search(r"(\w+)\s+$", text[max(0, start - 20) : start])
    return bool(before) and before.group(1).lower() in PLACE_PREPOSITIONS


def _orgs_by_abbreviation(mentions: list[Mention], text: str) -> dict[str, str]:
    """ "the Federation of Harbour Unions (FEDHU)" ... "Fedhu said": an abbreviation in
    brackets right after an organisation's name is that organisation, whatever letters
    it takes and however it is later cased."""
    found: dict[str, str] = {}
    for m in mentions:
        if m.type == "ORG" and len(m.tokens) >= 2:
            match = ABBREVIATION_AFTER.match(text, m.end)
            if match:
                found.setdefault(match.group(1).casefold(), m.norm.lower())
    return found


def _companies_by_first_word(mentions: list[Mention], resources: Resources) -> dict[str, str]:
    """The first word of each company's name that ends in a legal form ("Acme" for "Acme
    Industries Inc"), casefolded, -> the first such name (lower case) in text order."""
    found: dict[str, str] = {}
    for m in mentions:
        if m.type == "ORG" and len(m.tokens) >= 2 and _has_legal_form(m, resources):
            found.setdefault(m.tokens[0].casefold(), m.norm.lower())
    return found


def _companies_by_base_name(mentions: list[Mention], resources: Resources) -> dict[str, str]:
    """The name of each company of three words or more that ends in a legal form or a word
    for an organisation, without it ("acme industries" for "Acme Industries Inc", "sudmark
    ferry" for "Sudmark Ferry Company"), casefolded, -> the first such name (lower case)
    in text order: a story names the company both ways."""
    found: dict[str, str] = {}
    for m in mentions:
        # ("the Sudmark Ferry Company": a word for an organisation ends it as a legal
        # form would, for the name without it, not for its first word alone)
        ending = m.tokens[-1].casefold() in resources.speech.organisations if m.tokens else False
        if m.type == "ORG" and len(m.tokens) >= 3 and (_has_legal_form(m, resources) or ending):
            found.setdefault(" ".join(m.tokens[:-1]).casefold(), m.norm.lower())
    return found


def _has_legal_form(mention: Mention, resources: Resources) -> bool:
    return bool(mention.tokens) and (
        mention.tokens[-1].casefold().rstrip(".") in resources.company_suffixes
    )


def _harmonise_company_types(mentions: list[Mention], resources: Resources) -> list[Mention]:
    """A one-word name that opens the name of a company the article gives with its legal
    form is that company, whatever the NER called it ("Acme" tagged PERSON beside "Acme
    Industries Inc"); not the surname of a person the article names in full, nor a
    country or a place the gazetteer knows. So is the name without its legal form, given
    without a title ("Sudmark Ferry" beside "Sudmark Ferry Company")."""
    companies = _companies_by_first_word(mentions, resources)
    base_names = _companies_by_base_name(mentions, resources)
    surnames = _surnames(mentions)
    fixed = []
    for m in mentions:
        word = m.norm.casefold()
        if (
            m.type in {"PERSON", "GPE", "NORP", "LOC"}
            and m.kind == "name"
            and not m.canonical
            and (
                len(m.tokens) == 1
                and word in companies
                and word not in surnames
                # "Sudmark Ferry said" beside "the Sudmark Ferry Company", no title on it
                or len(m.tokens) >= 2
                and word in base_names
                and not m.role
            )
        ):
            m = replace(m, type="ORG")
        fixed.append(m)
    return fixed


def _surnames(mentions: list[Mention]) -> set[str]:
    """The surname of each person named with two words or more."""
    return {m.tokens[-1].casefold() for m in mentions if m.type == "PERSON" and len(m.tokens) >= 2}


def _harmonise_short_org_types(
    mentions: list[Mention], leading: dict[tuple[str, ...], list[tuple[int, str]]]
) -> list[Mention]:
    """A one-word name the NER typed a person, given without a title, that opens the name
    of one organisation of the article and ends no person's name, is the organisation
    ("Arrowstone said" beside "Arrowstone Minerals"; `leading`: `_orgs_by_leading_words`),
    unless the article also gives the word as a place; the resolution then decides whether
    it names that organisation. (Not a name of two words: "Lev Okon" beside "Lev Okon
    Holdings" may well be the man.)"""
    places = {m.norm.casefold() for m in mentions if m.type in PLACE_TYPES}
    surnames = _surnames(mentions)
    fixed = []
    for m in mentions:
        word = m.norm.casefold()
        if (
            m.type == "PERSON"
            and m.kind == "name"
            and len(m.tokens) == 1
            and not m.canonical
            and not m.role
            and word not in surnames
            and word not in places
            and len(leading.get((word,), [])) == 1
        ):
            m = replace(m, type="ORG")
        fixed.append(m)
    return fixed


def _harmonise_person_types(mentions: list[Mention]) -> list[Mention]:
    """A one-word mention that is the surname of a named person is that person, whatever
    the NER called it ("Okafor" tagged ORG beside "Grace Okafor"), and so is the first of
    two family names ("Rodriguez" beside "Mario Rodriguez Montero", see `_names_holding`);
    so is a hyphenated surname, one written word of several tokens ("Al-Basri" beside
    "Karim Al-Basri")."""
    full_names = [m for m in mentions if m.type == "PERSON" and len(m.tokens) >= 2]
    surnames = _surnames(mentions)
    # (of a name of three plain words: "Maria Sweden AB", a firm the NER took for a
    # person, holds no family name)
    first_family_names = {
        m.tokens[1].casefold()
        for m in full_names
        if len(m.tokens) == 3 and all(t.isalpha() and t.istitle() for t in m.tokens)
    }
    written = {m.norm.split(" ")[-1].casefold() for m in full_names if " " in m.norm}
    fixed = []
    for m in mentions:
        word = m.norm.casefold()
        if (
            m.type != "PERSON"
            and m.kind == "name"
            and (
                len(m.tokens) == 1
                and word in surnames
                or " " not in word
                and word in written
                or word in first_family_names
                and m.type == "ORG"
            )
        ):
            m = replace(m, type="PERSON", canonical="")
        fixed.append(m)
    return fixed


# What the NER calls a person's full name at times ("Ignaz Kiechle" a facility): never
# an organisation, whose names are often a person's ("Merrill Lynch", then "Lynch"), nor
# a place ("New York", then a Mr York).
THING_TYPES = frozenset({"FAC", "PRODUCT", "WORK_OF_ART"})


def _people_read_as_things(mentions: list[Mention]) -> list[Mention]:
    """A name of two words or more the NER took for a thing (not a place), whose last word
    the story uses alone for a person ("Ignaz Kiechle" typed a facility, then "Kiechle
    said"), is that person's full name."""
    alone = {
        m.tokens[0]
        for m in mentions
        if m.type == "PERSON" and m.kind == "name" and len(m.tokens) == 1
    }
    return [
        replace(m, type="PERSON", canonical="")
        if m.type in THING_TYPES
        and m.kind == "name"
        and len(m.tokens) >= 2
        and m.tokens[-1] in alone
        and all(t[:1].isupper() and t.replace("-", "").isalpha() for t in m.tokens)
        else m
        for m in mentions
    ]


def _full_names(mentions: list[Mention]) -> dict[str, list[str]]:
    """Surname -> the full names (in order of first mention) that end with it."""
    people: dict[str, list[str]] = {}
    for m in mentions:
        if m.type == "PERSON" and m.kind == "name" and len(m.tokens) >= 2:
            names = people.setdefault(m.tokens[-1].casefold(), [])
            if m.norm not in names and not any(m.norm in n.split(" ") for n in names):
                names.append(m.norm)
    return people


def _key_for(
    mention: Mention,
    people: dict[str, list[str]],
    history: _History,
    resources: Resources,
    lookups: _Lookups,
) -> tuple[str, str]:
    if mention.canonical:
        return f"{mention.type}:{mention.canonical.lower()}", "gazetteer"
    if mention.type == "PERSON":
        return _person_key(mention, people, history, resources, lookups)
    if mention.type == "ORG":
        longer = _longer_org(mention, lookups)
        if longer:
            return f"ORG:{longer}", "short form"
    return f"{mention.type}:{mention.norm.lower()}", "name"


def _person_key(
    mention: Mention,
    people: dict[str, list[str]],
    history: _History,
    resources: Resources,
    lookups: _Lookups,
) -> tuple[str, str]:
    if mention.kind == "description":
        core = _role_core(mention.role, resources)
        matches = sorted(
            {
                key
                for title, keys in lookups.described.items()
                if title.endswith(core)
                for key in keys
            }
        )
        if len(matches) == 1:
            return matches[0], "description"
        return "", "unresolved description"
    if len(mention.tokens) >= 2:
        known = people.get(mention.tokens[-1].casefold(), [])
        norm = mention.norm.casefold()
        longer = [n for n in known if norm != n.casefold() and n.casefold().endswith(norm)]
        return f"PERSON:{longer[0] if longer else _own_name(mention.norm, known)}", "name"
    candidates = people.get(mention.norm.casefold(), [])
    if not candidates:
        begun = [
            name
            for name in _names_begun_by(mention.norm, people)
            if name.split(" ")[-1].casefold() not in lookups.people_named_alone
        ]
        if len(begun) == 1:  # "Hua Minsen ... Hua said": the family name written first
            return f"PERSON:{begun[0]}", "surname"
        held = [
            name
            for name in _names_holding(mention.norm, people)
            if name.split(" ")[-1].casefold() not in lookups.people_named_alone
        ]
        if not begun and len(held) == 1:  # "Jorge Ramos Ortega ... Ramos said"
            return f"PERSON:{held[0]}", "surname"
        return f"PERSON:{mention.norm.casefold()}", "name"
    if len(candidates) == 1:
        return f"PERSON:{candidates[0]}", "surname"
    return _choose_person(mention, candidates, history, resources, lookups)


def _choose_person(
    mention: Mention,
    candidates: list[str],
    history: _History,
    resources: Resources,
    lookups: _Lookups,
) -> tuple[str, str]:
    """One of several people with the mention's surname: by title, then by who was
    mentioned last; `ambiguous` when the last sentence naming them names both."""
    keys = [f"PERSON:{c}" for c in candidates]
    if mention.role:
        titled = lookups.titled.get(_role_core(mention.role, resources), frozenset())
        by_role = [k for k in keys if k in titled]
        if len(by_role) == 1:
            return by_role[0], "title"
    last, in_last = history.latest(keys)
    if last and len(in_last) == 1:
        return last, "discourse"
    return "", "ambiguous"


def _names_begun_by(word: str, people: dict[str, list[str]]) -> list[str]:
    """The full names whose first word is `word`: where the family name is written first
    ("Hua Minsen"), the one word a later mention keeps. Only for a word that ends no
    full name (a surname wins)."""
    word = word.casefold()
    return [n for names in people.values() for n in names if n.split(" ")[0].casefold() == word]


def _names_holding(word: str, people: dict[str, list[str]]) -> list[str]:
    """The full names of three words or more with `word` inside, neither first nor last:
    where a name carries two family names ("Jorge Ramos Ortega"), the first is the one a
    later mention keeps. Only for a word that ends no full name (a surname wins)."""
    word = word.casefold()
    return [n for names in people.values() for n in names if word in n.casefold().split(" ")[1:-1]]


def _own_name(norm: str, known: list[str]) -> str:
    """The spelling under which a full name was first seen (headlines are in capitals)."""
    return next((n for n in known if n.casefold() == norm.casefold()), norm)


def _longer_org(mention: Mention, lookups: _Lookups) -> str:
    """ "Herald" for "The Norland Herald", "IHS" for "Institute for Harbour Studies": the
    first organisation of two words or more ending with the word, or with it as its
    initials; "Acme Industries" for "Acme Industries Inc"; "School Board" for the one
    organisation whose name ends in those words ("Alder Creek School Board")."""
    if len(mention.tokens) != 1:
        base = lookups.companies_by_base.get(" ".join(mention.tokens).casefold(), "")
        ending = lookups.orgs_by_trailing.get(tuple(t.casefold() for t in mention.tokens), [])
        # "the School Board" of the one "Alder Creek School Board" (not of two boards)
        return base or _org_begun_by(mention, lookups) or (ending[0] if len(ending) == 1 else "")
    word = mention.norm
    abbreviated = lookups.orgs_by_abbreviation.get(word.casefold())
    if abbreviated and abbreviated != word.lower():
        return abbreviated
    found = [lookups.orgs_by_last.get(word)]
    if len(word) >= 2 and word.isupper():
        found.append(lookups.orgs_by_initials.get(word))
    company = lookups.companies_by_first.get(word.casefold())
    if company and company != word.lower():
        return company  # "Acme" for "Acme Industries Inc"
    inner = lookups.orgs_by_word.get(word.casefold(), [])
    if len(inner) == 1 and word[:1].isupper():  # the one long name holding the word
        found.append(inner[0])
    hits = [hit for hit in found if hit is not None]
    return min(hits)[1] if hits else _org_begun_by(mention, lookups)


def _org_begun_by(mention: Mention, lookups: _Lookups) -> str:
    """ "Arrowstone" for "Arrowstone Minerals": a short form made of the leading word(s)
    of an organisation's name is that organisation, when one name named before it begins
    so ("Tarn University ... a Tarn degree ... the Tarn Students' Union"), or, before any,
    when one name of the article does. Not a word the article also gives as a place, nor
    one right after a place preposition ("in Tarnbury"): a town that names its council."""
    words = tuple(t.casefold() for t in mention.tokens)
    if (
        mention.start in lookups.after_place_word
        or " ".join(words) in lookups.place_names
        or not mention.norm[:1].isupper()
    ):
        return ""
    own = mention.norm.lower()
    names = [(start, name) for start, name in lookups.orgs_by_leading.get(words, []) if name != own]
    earlier = [name for start, name in names if start < mention.start]
    if len(earlier) == 1:
        return earlier[0]
    return names[0][1] if not earlier and len(names) == 1 else ""


def _slug(text: str) -> str:
    """An id spelled from a name: "Seán Kiely" is "sean-kiely"; letters of other
    scripts stay ("Москва" is "москва"), so that no two names share "entity"."""
    letters = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in letters if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "-", plain).strip("-") or "entity"


def _tables(
    article: Article,
    assigned: list[tuple[Mention, str, str]],
    entities: dict[str, _Entity],
) -> tuple[Columns, Columns]:
    ids: dict[str, str] = {}
    used: set[str] = set()
    first: dict[str, Mention] = {}
    for mention, key, _ in assigned:
        if key and key not in first:
            first[key] = mention
    for key in first:
        entity = entities[key]
        name = _best_name(entity)
        slug = _slug(name)
        if slug in used:
            slug = f"{slug}-{entity.type.lower()}"
        suffix = 2
        base = slug
        while slug in used:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        used.add(slug)
        ids[key] = slug
    mention_rows = []
    for mention, key, resolution in assigned:
        mention_rows.append(
            {
                "article_id": article.article_id,
                "mention_id": f"m{len(mention_rows) + 1}",
                "entity_id": ids.get(key, ""),
                "sentence_id": mention.sentence_id,
                "start": mention.start,
                "end": mention.end,
                "text": mention.text,
                "type": entities[key].type if key else mention.type,
                "kind": mention.kind,
                "role": mention.role,
                "resolution": resolution,
            }
        )
    by_entity: dict[str, list[dict]] = {}
    for row in mention_rows:
        by_entity.setdefault(row["entity_id"], []).append(row)
    entity_rows = []
    for key, entity_id in ids.items():
        entity = entities[key]
        name = _best_name(entity)
        own = by_entity[entity_id]
        aliases = []
        for row in own:
            alias = normalise(row["text"]) if row["kind"] == "name" else name
            if alias != name and alias not in aliases:
                aliases.append(alias)
        entity_rows.append(
            {
                "article_id": article.article_id,
                "entity_id": entity_id,
                "name": name,
                "type": entity.type,
                "aliases": " | ".join(aliases),
                "role": entity.roles[0] if entity.roles else "",
                "affiliation": entity.affiliations[0] if entity.affiliations else "",
                "n_mentions": len(own),
                "first_start": min(row["start"] for row in own),
                "first_sentence_id": min(row["sentence_id"] for row in own),
            }
        )
    # sorted as sort_values(["first_start", "entity_id"]) sorts, before the table is built
    entity_rows.sort(key=lambda row: (row["first_start"], row["entity_id"]))
    return column_lists("mentions", mention_rows), column_lists("entities", entity_rows)


def _best_name(entity: _Entity) -> str:
    if entity.canonical:
        return entity.canonical
    if not entity.names:
        return entity.key.split(":", 1)[1]
    # A headline in capitals spells names in capitals; the body's spelling is the name.
    return max(
        entity.names,
        key=lambda n: (len(n.split()), not n.isupper(), len(n), -entity.names.index(n)),
    )


def extract_entities(context: ArticleContext) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `mentions` and `entities` tables (`entity_columns`) as DataFrames."""
    mentions, entities = entity_columns(context)
    return columns_frame("mentions", mentions), columns_frame("entities", entities)


def entity_columns(context: ArticleContext) -> tuple[Columns, Columns]:
    """The `mentions` and `entities` tables of one article (see CONTRACT.md)."""
    article, parsed, resources = context.article, context.parsed, context.resources
    found = _people_read_as_things(list(iter_mentions(article, parsed, resources)))
    found += list(missed_surnames(article, parsed, found))
    found += list(missed_headline_companies(article, parsed, found, resources))
    found = sorted(found, key=lambda m: m.start)
    mentions = [replace(m, sentence_id=context.sentence_at(m.start)) for m in found]
    return resolve_entities(article, mentions, resources)


def _coverage(mentions: list[Mention]) -> Callable[[int, int], bool]:
    """Whether a span overlaps one of the mentions."""
    covered = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in covered]
    longest = max((e - s for s, e in covered), default=0)

    def is_covered(start: int, end: int) -> bool:
        low = bisect.bisect_left(starts, start - longest)
        high = bisect.bisect_left(starts, end)
        return any(s < end and start < e for s, e in covered[low:high])

    return is_covered


def missed_headline_companies(
    article: Article, parsed: list[ParsedBlock], mentions: list[Mention], resources: Resources
) -> Iterator[Mention]:
    """A company a headline names by the first word of the name the story gives it in
    full ("CHEMLAWN REJECTS BID" over "ChemLawn Corp said"), which the NER misses in a
    re-cased headline."""
    first_words = _companies_by_first_word(mentions, resources)
    if not first_words:
        return
    is_covered = _coverage(mentions)
    for item in parsed:
        if item.block.section != "headline":
            continue
        for token in item.doc:
            start = item.block.start + token.idx
            if (
                token.lower_ in first_words
                and token.pos_ == "PROPN"
                and not is_covered(start, start + len(token))
            ):
                yield Mention(
                    start=start,
                    end=start + len(token),
                    text=article.text[start : start + len(token)],
                    type="ORG",
                    norm=token.text,
                    tokens=(token.text,),
                )


def missed_surnames(
    article: Article, parsed: list[ParsedBlock], mentions: list[Mention]
) -> Iterator[Mention]:
    """Surnames of people the article names in full that the NER missed elsewhere (it
    often does inside quotations and before long appositives), and the first word of a
    full name read alone (a family name written first)."""
    full_names = [
        m for m in mentions if m.type == "PERSON" and m.kind == "name" and len(m.tokens) >= 2
    ]
    surnames = {m.tokens[-1] for m in full_names}
    first_words = {m.tokens[0] for m in full_names if len(m.tokens[0]) > 1} - surnames
    is_covered = _coverage(mentions)
    if not surnames:
        return
    found = [
        (item.block.start + token.idx, token)
        for item in parsed
        for token in tokens_spelled(item.doc, surnames | first_words)
        if token.is_title
        and not is_covered(item.block.start + token.idx, item.block.start + token.idx + len(token))
    ]
    # A family name is written first ("Hua Minsen" ... "Hua said") only where the last
    # word of the full name is never used alone: in "Paris Kemp" ... "Kemp said" the
    # first word is a given name, and "Paris" alone is the city.
    used_alone = {m.tokens[0] for m in mentions if m.type == "PERSON" and len(m.tokens) == 1}
    used_alone |= {token.text for _, token in found if token.text in surnames}
    family_first = {m.tokens[0] for m in full_names if m.tokens[-1] not in used_alone} & first_words
    for start, token in found:
        end = start + len(token)
        # a first word only as a name the parser reads alone ("Hua said"), never the
        # start of a longer one or the full name itself
        alone = token.text in surnames or (
            token.text in family_first
            and token.pos_ == "PROPN"
            and not (token.i + 1 < len(token.doc) and token.nbor(1).pos_ == "PROPN")
        )
        if alone:
            yield Mention(
                start=start,
                end=end,
                text=article.text[start:end],
                type="PERSON",
                norm=token.text,
                tokens=(token.text,),
            )
