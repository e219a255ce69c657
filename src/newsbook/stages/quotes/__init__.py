"""Stage 3, who said what: direct quotations and reported speech with their speakers.

Quotation marks are paired within a paragraph; a mark left open at a paragraph's end
closes there (flagged `open`), so an unbalanced mark never swallows the article.

A statement's cue is the speech verb (or noun) that governs it in the parse; its speaker
is the cue's subject, the agent of a passive cue, or the object of a channel verb
("Norland Radio quoted him as saying"). Speakers resolve to entities through the
mentions table: a name, a title the entities stage resolved, a role the article gives
one person ("the chief of staff"), or a pronoun standing for the last speaker. A source
the article does not name keeps its phrase with an empty `speaker_id`, until the article
names it ("the official, Assistant Secretary X, ..."). Two people joined by "and" are a
group: their phrase, no one entity. "The company said" is the organisation that spoke
last (else the one named last).

A quotation set off as its own paragraph belongs to the speaker the paragraph before
introduces ("Here is how the mayor put it:"), or to an attribution just after it; set
off after such an introduction, a paragraph is a quotation even without quotation marks
(`status` `unmarked`). Names and titles in quotation marks (the so-called "peace
dividend", the book "The Long Road Home") are never statements, nor is a question
("asked whether ..."), a statement only supposed ("if they believe ...") or the writer's
own voice ("I believe ...", "we say") on an opinion page.

The stage's modules, each importing only those before it: `marks` (quotation marks
paired), `cues` (speech verbs and nouns), `clauses` (a cue's speaker token and what it
reports), `speakers` (tokens resolved to entities), `rows` (the paragraph read and the
row made), `direct` (quotations), `reported` (reported speech), `statements` (one
paragraph's statements, a headline's), `table` (the `quotes` table and its views).
"""

from newsbook.stages.quotes.clauses import reported_content, speaker_token
from newsbook.stages.quotes.cues import cue_phrase, governing_cue
from newsbook.stages.quotes.direct import direct_cue, is_name_or_title
from newsbook.stages.quotes.marks import QuoteSpan, pair_quotes
from newsbook.stages.quotes.rows import UNATTRIBUTED, Paragraph
from newsbook.stages.quotes.speakers import NOBODY, Speaker, SpeakerResolver
from newsbook.stages.quotes.statements import headline_statement, iter_quotes
from newsbook.stages.quotes.table import (
    extract_quotes,
    later_names,
    quotes_columns,
    speakers_summary,
    with_sentences,
)

__all__ = [
    "NOBODY",
    "UNATTRIBUTED",
    "Paragraph",
    "QuoteSpan",
    "Speaker",
    "SpeakerResolver",
    "cue_phrase",
    "direct_cue",
    "extract_quotes",
    "governing_cue",
    "headline_statement",
    "is_name_or_title",
    "iter_quotes",
    "later_names",
    "pair_quotes",
    "quotes_columns",
    "reported_content",
    "speaker_token",
    "speakers_summary",
    "with_sentences",
]
