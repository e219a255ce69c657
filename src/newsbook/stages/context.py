"""The article as the stages see it: its text, parse and sentences, the resources, and
the tables the earlier stages made. Every stage takes one `ArticleContext` and returns
its own table(s); the lookups several stages share (entity names, mentions by offset,
the sentence an offset falls in) are built once here."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from spacy.tokens import Span

from newsbook.errors import InputError
from newsbook.lexicons import Resources
from newsbook.schema import Columns, column_rows, frame_columns
from newsbook.text.article import Article
from newsbook.text.nlp import ParsedBlock, parsed_sentences, sentence_index, sentence_of

# The context's cached lookups and the tables each is built from.
LOOKUP_TABLES = {
    "entity_names": {"entities"},
    "entity_types": {"entities"},
    "affiliations": {"entities"},
    "body_kinds": {"entities"},
    "mention_index": {"mentions", "entities"},
    "_sentence_starts": set(),
    "sentence_parses": set(),
}


@dataclass(frozen=True)
class ArticleContext:
    """One article's parse and the tables so far (`tables`: name -> the table's column
    lists, see `schema.Columns`)."""

    article: Article
    resources: Resources
    parsed: tuple[ParsedBlock, ...]
    sentences: Columns
    tables: Mapping[str, Columns] = field(default_factory=dict)

    def with_tables(self, **tables: Columns | pd.DataFrame) -> ArticleContext:
        """The same context with more tables (a new object: contexts are not changed).
        The lookups built from tables it does not replace come along, so each is built
        once per article rather than once per stage. A DataFrame given (a test's own
        table) is held as its column lists, as the stages make them."""
        given = {
            name: frame_columns(table) if isinstance(table, pd.DataFrame) else table
            for name, table in tables.items()
        }
        context = dataclasses.replace(self, tables={**self.tables, **given})
        for lookup, needs in LOOKUP_TABLES.items():
            if lookup in self.__dict__ and not needs & tables.keys():
                context.__dict__[lookup] = self.__dict__[lookup]
        return context

    def table(self, name: str) -> Columns:
        """A table an earlier stage made, as column lists; a clear error when it has not
        run."""
        if name not in self.tables:
            raise InputError(f"the `{name}` table is needed but its stage has not run yet")
        return self.tables[name]

    def rows(self, name: str) -> list[Any]:
        """A table an earlier stage made, as named tuples (one field a column)."""
        return column_rows(self.table(name))

    @functools.cached_property
    def entity_names(self) -> dict[str, str]:
        """Entity id -> its canonical name."""
        entities = self.table("entities")
        return dict(zip(entities["entity_id"], entities["name"], strict=True))

    @functools.cached_property
    def entity_types(self) -> dict[str, str]:
        entities = self.table("entities")
        return dict(zip(entities["entity_id"], entities["type"], strict=True))

    @functools.cached_property
    def affiliations(self) -> dict[str, str]:
        """Person id -> the entity the article names as theirs ("Acme chief executive Jo
        Berg": Acme; "Norland's defence minister": Norland), found by the person's
        `affiliation` among the entities' names (canonical names first, then aliases;
        case aside). A person whose affiliation the article names nowhere else has none."""
        entities = self.table("entities")
        ids, names, aliases = (entities[c] for c in ("entity_id", "name", "aliases"))
        by_name = {
            alias.casefold(): entity_id
            for entity_id, spelled in zip(ids, aliases, strict=True)
            for alias in spelled.split(" | ")
            if alias
        }
        by_name.update(
            (name.casefold(), entity_id) for entity_id, name in zip(ids, names, strict=True)
        )
        return {
            entity_id: by_name[affiliation.casefold()]
            for entity_id, affiliation, kind in zip(
                ids, entities["affiliation"], entities["type"], strict=True
            )
            if kind == "PERSON" and affiliation.casefold() in by_name
        }

    @functools.cached_property
    def body_kinds(self) -> dict[str, frozenset[str]]:
        """Each organisation's kind of body: the organisation and institution words its
        name holds ("Senate Finance Committee" -> senate, committee; "Korval Tool Co" ->
        none)."""
        words = self.resources.speech.bodies
        entities = self.table("entities")
        return {
            entity_id: frozenset(re.findall(r"\w+", name.casefold())) & words
            for entity_id, name, kind in zip(
                entities["entity_id"], entities["name"], entities["type"], strict=True
            )
            if kind == "ORG"
        }

    def may_be_called(self, entity_id: str, noun: str) -> bool:
        """Whether "the <noun>" may stand for an organisation: its name holds no word for
        another kind of body ("the union" is neither the Senate nor the Bank of Norland;
        "the company" may be Korval Tool Co; "the agency" may be a bureau, see
        `institution_kinds`)."""
        kinds = self.body_kinds.get(entity_id, frozenset())
        also = self.resources.speech.kinds_of.get(noun, frozenset())  # "the agency": a bureau
        return not kinds or noun in kinds or bool(kinds & also)

    @functools.cached_property
    def mention_index(self) -> MentionIndex:
        return MentionIndex(self.table("mentions"), self.entity_types)

    @functools.cached_property
    def sentence_parses(self) -> list[tuple[ParsedBlock, Span, Any]]:
        """Every parsed sentence with its row of the sentences table (see
        `nlp.parsed_sentences`), paired once for the stages that read the parse sentence
        by sentence."""
        return list(parsed_sentences(self.parsed, self.sentences))

    @functools.cached_property
    def _sentence_starts(self) -> tuple[list[int], list[int]]:
        return sentence_index(self.sentences)

    def sentence_at(self, offset: int) -> int:
        """The id of the sentence an offset falls in (-1 before the first)."""
        return sentence_of(self._sentence_starts, offset)


def named_by_start(mentions: Columns) -> dict[str, list]:
    """`start`, `end` and `entity_id` of the mentions resolved to an entity, sorted by
    start (stable), as lists: what a DataFrame filter and sort give, at a fraction of
    their cost on an article's short table."""
    columns = ("start", "end", "entity_id")
    rows = sorted(
        (row for row in zip(*(mentions[c] for c in columns), strict=True) if row[2] != ""),
        key=lambda row: row[0],
    )
    return {c: [row[i] for row in rows] for i, c in enumerate(columns)}


class MentionIndex:
    """The resolved mentions of an article by offset: which entity a stretch of text
    names, and which was named last before it (what a pronoun may stand for). Lookups
    bisect the mentions sorted by start, so a long article costs no more per lookup
    than a short one."""

    def __init__(self, mentions: Columns, types: dict[str, str]) -> None:
        self.types = types
        named = named_by_start(mentions)
        self.spans = [
            (int(s), int(e), str(i))
            for s, e, i in zip(named["start"], named["end"], named["entity_id"], strict=True)
        ]
        self._starts = [s for s, _, _ in self.spans]
        self._longest = max((e - s for s, e, _ in self.spans), default=0)
        self._typed: dict[frozenset[str], tuple[list[int], list[str]]] = {}

    def at(self, start: int, end: int, *, types: set[str] | None = None) -> str:
        """The first entity (of these types) mentioned in [start, end), or ""."""
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        for s, e, entity_id in self.spans[low:high]:
            if s < end and start < e and (types is None or self.types.get(entity_id) in types):
                return entity_id
        return ""

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The mentions wholly inside [start, end)."""
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return [(s, e, i) for s, e, i in self.spans[low:high] if e <= end]

    def before(
        self, offset: int, types: set[str], *, accept: Callable[[str], bool] | None = None
    ) -> str:
        """The last entity of these types (and, with `accept`, one it accepts) mentioned
        before an offset, or ""."""
        key = frozenset(types)
        if key not in self._typed:
            kept = [(s, i) for s, _, i in self.spans if self.types.get(i) in key]
            self._typed[key] = ([s for s, _ in kept], [i for _, i in kept])
        starts, ids = self._typed[key]
        for position in range(bisect.bisect_left(starts, offset) - 1, -1, -1):
            if accept is None or accept(ids[position]):
                return ids[position]
        return ""


class SpanIndex:
    """Labelled spans (start, end, label) by offset, answering in the spans' own order:
    which start inside a stretch of text, which hold an offset. Bisects instead of
    scanning, so a long article costs no more per question than a short one."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = spans
        self._order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._starts = [spans[i][0] for i in self._order]
        reach, self._reach = -1, []  # the furthest end of the spans starting so far
        for i in self._order:
            reach = max(reach, spans[i][1])
            self._reach.append(reach)

    def starting_in(self, start: int, end: int) -> list[str]:
        """Labels of the spans starting in [start, end)."""
        low, high = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return [self.spans[i][2] for i in sorted(self._order[low:high])]

    def holding(self, offset: int) -> list[str]:
        """Labels of the spans with start <= offset < end."""
        found = []
        j = bisect.bisect_right(self._starts, offset) - 1
        while j >= 0 and self._reach[j] > offset:
            i = self._order[j]
            if self.spans[i][1] > offset:
                found.append(i)
            j -= 1
        return [self.spans[i][2] for i in sorted(found)]
