"""Issues found, not only catalogued: what an article's stance cues point at.

When a stance cue governs a noun phrase ("slammed [the sales tax]", "[a reckless
scheme]") that no issue of the catalogue matches, the phrase becomes a discovered issue:
its head word with the words that narrow it ("sales tax"), lemmatised into a
deterministic id (`sales-tax`), so the same issue in two articles of a corpus has one
id. Within an article, phrases with one head merge when the words of one narrow the
other's ("the tax" joins "the sales tax"); a bare "this plan", "the scheme" or "it" is
the issue named last. The catalogue names, merges and splits issues: where one of its
patterns matches a phrase, the catalogue's issue wins.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

import numpy
import pandas as pd
from spacy.tokens import Token

from newsbook.lexicons import ACTOR_TYPES, Issue, StanceLexicon
from newsbook.schema import Columns, column_lists, columns_frame
from newsbook.stages.context import ArticleContext
from newsbook.text.nlp import in_headline

# Entity types never taken as an issue: the actors themselves, places, dates, amounts.
NAMED_TYPES = frozenset(
    {"PERSON", "GPE", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "LOC", "MONEY", "PERCENT"}
)
# A number written as a code ("50/50", "4-2"), not a quantity ("two", "3.5").
CODE = re.compile(r"\d[^\d.,]+\d")
PATTERN_CACHE = 16_384
# A phrase shorter than this names nothing ("it", "an"; "tax", "dam" do).
MIN_PHRASE_CHARS = 3
# A head of no more letters than this is not sought alone in other sentences ("the tax").
MIN_HEAD_ALONE_CHARS = 4


@dataclass(frozen=True)
class IssueRef:
    """An issue as the positions table names it: `source` is catalogue (the project's),
    analyst (an --issues file or annotations) or discovered (from the text); `pattern`
    is the regular expression that adopts it into a catalogue."""

    id: str
    label: str
    source: str
    patterns: tuple[str, ...]
    against: bool = False

    @property
    def pattern(self) -> str:
        """The patterns, joined by " | " as the tables show them."""
        return " | ".join(self.patterns)


def catalogue_ref(issue: Issue, against: bool) -> IssueRef:
    return IssueRef(
        issue.id, issue.label, issue.source, tuple(p.pattern for p in issue.patterns), against
    )


def phrase_tokens(target: Token) -> list[Token]:
    """A noun with the compounds and adjectives right before it ("river dam project"),
    and a code that names it ("a 50/50 plan", not the count in "two plans")."""
    words = [target]
    for token in reversed(list(target.doc[target.left_edge.i : target.i])):
        naming = token.dep_ in {"compound", "amod", "nmod"} or _code(token)
        if not naming or token.is_punct:
            break
        words.insert(0, token)
    return words


def _code(token: Token) -> bool:
    """A number modifier written as a code ("50/50", "4-2"), not a quantity ("two", "3.5")."""
    return token.dep_ == "nummod" and bool(CODE.search(token.text))


def _code_name(token: Token) -> bool:
    """ "(opposes any) 0/92": a code standing alone as the name of a plan."""
    return token.pos_ == "NUM" and bool(CODE.search(token.text))


def _definite(noun: Token) -> bool:
    """ "the plan", "this scheme": a noun its first determiner makes definite, or a
    headline's noun with none ("Court voids permit": the permit)."""
    determiners = [c.lower_ for c in noun.children if c.dep_ == "det"]
    if not determiners:
        return in_headline(noun) and noun.tag_ in {"NN", "NNS"}
    return determiners[0] in {"the", "this", "that", "these"}


def relative_pronoun(token: Token) -> bool:
    """ "which", "that" opening a relative clause ("the bill, which X approved")."""
    return token.tag_ in {"WDT", "WP"} and token.head.dep_ == "relcl" and token.head.head != token


def bare_gerund(token: Token) -> bool:
    """ "(in favour of) decoupling": a gerund with no object, a name for a thing done."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in {"pcomp", "pobj"}
        and not any(c.dep_ in {"dobj", "prep", "ccomp", "xcomp"} for c in token.children)
    )


def _for_a_time(modifier: Token) -> bool:
    """ "its pact for the next six weeks": a preposition of time on a word for an issue is
    a circumstance, not a word of the issue's own name."""
    return modifier.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in modifier.children
    )


def adopting_pattern(words: list[str]) -> str:
    """A catalogue pattern matching the phrase as written ("sales tax" -> \\bsales\\s+tax\\b)."""
    return r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b"


def slug(words: list[str]) -> str:
    return re.sub(r"[^a-z0-9]+", "-", " ".join(words).lower()).strip("-")


@functools.lru_cache(maxsize=PATTERN_CACHE)
def compiled_pattern(pattern: str) -> re.Pattern:
    """An issue's pattern compiled, once a process: every article reads the catalogue's
    patterns again, more than `re`'s own cache holds."""
    return re.compile(pattern, re.IGNORECASE)


@dataclass
class _Found:
    ref: IssueRef
    head: str
    modifiers: frozenset[str]
    mentions: list[str]  # patterns for every phrase that named the issue in the article
    head_alone: str = ""  # the pattern of its head alone ("the tax" for "the sales tax")


def discovered_issue(ref: IssueRef, finder: IssueFinder) -> Issue:
    """A discovered issue as a catalogue entry of its article: its patterns match every
    mention of it (the phrase, and its head alone where the head is no word for any
    issue), so a second reading finds its stances where no cue pointed at it first. A
    head two issues share names the first found, as it did on the first reading ("the
    fixed prices", "official selling prices", then "prices": the fixed prices), and not
    inside the other's phrase ("the toll bridge", "the rail bridge", then "the bridge")."""
    found = next(f for f in finder.found if f.ref.id == ref.id)
    sharing = [f for f in finder.found if f.head == found.head]
    mentions = [m for m in found.mentions if m != found.head_alone]
    if found.head_alone and sharing[0] is found:
        narrowing = sorted({f.ref.label.split()[-2] for f in sharing[1:] if " " in f.ref.label})
        guard = "".join(rf"(?<!{re.escape(word)}\s)" for word in narrowing)
        mentions.append(guard + found.head_alone)
    return Issue(ref.id, ref.label, patterns=tuple(compiled_pattern(m) for m in mentions))


def adopt_short_names(
    text: str,
    catalogue: list[tuple[Issue, IssueRef]],
    found: list[tuple[Issue, IssueRef]],
) -> tuple[list[tuple[Issue, IssueRef]], list[tuple[Issue, IssueRef]]]:
    """A discovered issue named by a name that the article writes elsewhere as the start
    of a catalogue issue's ("We Won't Scrap VTA" where the story names the "VTA Treaty")
    is that issue, called short: the catalogue issue matches its patterns in this article,
    and it is no issue of its own. Only names (a word with a capital): "the tax" is not
    "the tax increase"."""
    matched = {
        issue.id: {m.group(0) for pattern in issue.patterns for m in pattern.finditer(text)}
        for issue, _ in catalogue
    }
    adopted: dict[str, list[re.Pattern[str]]] = {}
    kept = []
    for issue, ref in found:
        owner = next(
            (
                cid
                for cid, texts in matched.items()
                if ref.label != ref.label.lower()
                and any(t.startswith(ref.label + " ") for t in sorted(texts))
            ),
            None,
        )
        if owner is None:
            kept.append((issue, ref))
        else:
            adopted.setdefault(owner, []).extend(issue.patterns)
    # (matched by the issue's patterns in this article; its reference keeps the
    # catalogue's own, the patterns the issue is shown and merged across a corpus by)
    widened = [
        (replace(issue, patterns=issue.patterns + tuple(adopted[issue.id])), ref)
        if issue.id in adopted
        else (issue, ref)
        for issue, ref in catalogue
    ]
    return widened, kept


class IssueFinder:
    """The issues of one article as its sentences are read in order: discovered ones
    merged by head and lemma, the catalogue's winning where its patterns match, and
    the issue named last (what "it" and "this plan" stand for)."""

    def __init__(self, lexicon: StanceLexicon, catalogue: list[IssueRef]) -> None:
        self.lexicon = lexicon
        self.catalogue = catalogue
        self.patterns = [(compiled_pattern(p), ref) for ref in catalogue for p in ref.patterns]
        self.found: list[_Found] = []
        self.last: IssueRef | None = None

    def note(self, ref: IssueRef) -> None:
        """An issue named in the text: the one "it" or "the plan" refers to next."""
        self.last = ref

    def is_anaphor(self, target: Token) -> bool:
        """ "it", "this plan", "the scheme": a word for an issue already named."""
        lower = target.lower_
        if target.pos_ == "PRON":
            # "it is premature to change the law": an "it" that stands for a clause
            extraposed = any(c.dep_ in {"xcomp", "ccomp"} for c in target.head.children)
            return lower in self.lexicon.issue_pronouns and not extraposed
        if target.lemma_.lower() not in self.lexicon.issue_nouns and lower not in (
            self.lexicon.issue_nouns
        ):
            return False
        # "her bill", "its offer": a possessive pronoun points back like "the"
        pointing = [c for c in target.children if c.dep_ == "poss" and c.pos_ == "PRON"]
        own = [
            c
            for c in target.children
            if c.dep_ in {"compound", "amod", "nmod", "poss", "prep", "acl", "relcl", "nummod"}
            and c not in pointing
            and not _for_a_time(c)
        ]
        return not own and (_definite(target) or bool(pointing))

    def resolve(self, target: Token) -> IssueRef | None:
        """The issue a stance cue's target names, or None when it names none."""
        if relative_pronoun(target):
            return self.resolve(target.head.head)  # "the bill, which X approved"
        anaphor = self.is_anaphor(target) or target.dep_ == "csubj"
        if anaphor and (self.last is not None or target.pos_ != "NOUN"):
            return self.last  # "it", "the plan", "what the council approved"
        if self._backed_actor(target):
            return self._named(target, proposal=False, actor=True)
        content = self._content(target)
        if content is not target and content.ent_type_ in ACTOR_TYPES:
            return self._dealt(target, content)
        return self._named(content, proposal=False)

    def _dealt(self, deal: Token, party: Token) -> IssueRef | None:
        """ "blocking the sale of Korval Corp", "a merger with Korval Corp": a deal whose
        object or other party is an actor (no issue by itself) is named by the deal and
        the actor ("sale of Korval Corp", "merger of Korval Corp")."""
        if deal.pos_ != "NOUN":
            return None
        name = [t for t in deal.doc[party.left_edge.i : party.i + 1] if t.ent_type_]
        words = [
            w
            for w in phrase_tokens(deal)
            if w == deal
            or not (w.lower_ in self.lexicon.generic_modifiers or self.lexicon.is_evaluative(w))
        ]
        surface = [*(w.lower_ for w in words), "of", *(t.text for t in name)]
        return self._phrase_issue(deal, surface, frozenset(t.lemma_.lower() for t in name))

    def _owned(self, noun: Token, owner: Token) -> IssueRef | None:
        """ "backs Roth's budget": a word for an issue alone names none ("the budget"),
        with its named owner one of its own ("Roth's budget")."""
        span = noun.doc[owner.left_edge.i : noun.i + 1]
        name = [t for t in span if t.ent_type_ or t.pos_ == "PROPN"]
        modifiers = frozenset(t.lemma_.lower() for t in name)
        named = [*(t.text for t in name), noun.lower_]  # the id: "roth-budget"
        return self._phrase_issue(noun, span.text.split(), modifiers, named)

    def _phrase_issue(
        self,
        head: Token,
        surface: list[str],
        modifiers: frozenset[str],
        named: list[str] | None = None,
    ) -> IssueRef | None:
        """The catalogue's, an already found or a new discovered issue for a phrase named
        by its words as written (`surface`), its head word and what narrows it; its id
        from the words `named` (else the surface)."""
        text = " ".join(surface)
        for pattern, ref in self.patterns:
            if pattern.search(text):
                return ref
        lemma = head.lemma_.lower()
        found = self._known(lemma, modifiers)
        if found is not None:
            return found.ref
        ref = IssueRef(slug(named or surface), text, "discovered", (adopting_pattern(surface),))
        self.found.append(_Found(ref, lemma, modifiers, [adopting_pattern(surface)]))
        return ref

    def _backed_actor(self, target: Token) -> bool:
        """ "We must support the government", "opposes the Assembly": an actor (or a word
        for a government) that a verb of (dis)approval takes as its object; not one a
        verb too common to name an issue governs ("build", "cut"), nor a judgement's, nor
        one judged for what it did ("criticised X for keeping the quota": the quota)."""
        verb = target.head
        if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
            return False
        return (
            target.dep_ == "dobj"
            and verb.pos_ == "VERB"
            and bool(self.lexicon.polarity(verb))
            and not self.lexicon.is_weak(verb)
            and not self.lexicon.is_evaluative(verb)
            and (
                target.ent_type_ in ACTOR_TYPES
                or target.lemma_.lower() in self.lexicon.government_nouns
            )
        )

    def proposal(self, noun: Token) -> IssueRef | None:
        """The issue an owned proposal names: the issue last named ("her proposal"), else
        the proposal itself ("Norland's final offer"), a word for an issue that here names
        one of its own."""
        if self.is_anaphor(noun) and self.last is not None:
            return self.last
        return self._named(noun, proposal=True)

    def act(self, verb: Token) -> IssueRef | None:
        """The issue an act names: the verb and what it is done to ("close the old ferry
        pier", "merge with Korval Corp"); an issue found before under the same word and
        words ("Backs $4 Million in Cuts", then "voted to cut $4 million") is that one."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects:
            words = [verb.lower_, *(w.lower_ for w in phrase_tokens(objects[0]))]
        else:
            preposition = next((c for c in verb.children if c.dep_ == "prep"), None)
            things = [g for g in preposition.children if g.dep_ == "pobj"] if preposition else []
            words = [verb.lower_]
            if things:
                named = phrase_tokens(things[0])
                words += [
                    preposition.lower_,
                    *(w.text if w.pos_ == "PROPN" else w.lower_ for w in named),
                ]
        modifiers = frozenset(w for w in words[1:] if w not in self.lexicon.generic_modifiers)
        return self._phrase_issue(verb, words, modifiers)

    def _named(self, target: Token, *, proposal: bool, actor: bool = False) -> IssueRef | None:
        """The catalogue's or a discovered issue for a phrase; `proposal`: the phrase is an
        actor's own proposal, which names an issue even as a bare "offer"; `actor`: an
        actor backed or opposed, an issue only where a verb of (dis)approval governs it."""
        named_law = (
            target.ent_type_ == "ORG" and target.lemma_.lower() in self.lexicon.issue_nouns
        ) or _code_name(target)  # "the Farm Income Act", "0/92" (no count)
        named = target.pos_ in {"NOUN", "PROPN"} or bare_gerund(target) or _code_name(target)
        if not named or (
            target.ent_type_ in NAMED_TYPES and not (named_law or actor)  # "the Farm Income Act"
        ):
            return None
        head = target.lemma_.lower()
        if (
            head in self.lexicon.not_issues or head in self.lexicon.generic_modifiers
        ) and not actor:
            return None  # "a way", "the amount"; a unit ("312 billion dlrs") names none either
        attitude = (
            self.lexicon.polarity(target)
            and (not self.lexicon.is_weak(target) or head in self.lexicon.apprehension)
            and head not in self.lexicon.issue_nouns  # "the smoking ban" is a measure
        )
        judged_thing = self.lexicon.is_evaluative(target) and target.dep_ == "pobj"
        if attitude and not proposal and not judged_thing:
            # "opposition", "a gamble", "concerns": the stance itself, not what it is on
            # ("opposition to protectionism": a word of judgement a stance is on is the
            # thing judged, an issue)
            return None
        words = [
            w
            for w in phrase_tokens(target)
            if w == target
            or not (w.lower_ in self.lexicon.generic_modifiers or self.lexicon.is_evaluative(w))
        ]
        surface = [w.text if w.pos_ == "PROPN" else w.lower_ for w in words]
        text = " ".join(surface)
        if len(text) < MIN_PHRASE_CHARS:
            return None
        if len(words) == 1 and target.lemma_.lower() in self.lexicon.issue_nouns and not proposal:
            owner = next(
                (c for c in target.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None
            )
            if owner is not None:
                return self._owned(target, owner)
            if self.last is not None or not _definite(target):
                # "a plan", "the measure" alone name no issue of their own: the one last
                # named, if any ("it", "the plan")
                return None
            # "voted against the budget" before any other issue is named: the budget
        for pattern, ref in self.patterns:
            if pattern.search(text):
                return ref
        modifiers = frozenset(w.lemma_.lower() for w in words[:-1])
        plural = re.escape(target.lower_) + r"(?:s|es)?"
        phrase = r"\s+".join([*(re.escape(w) for w in surface[:-1]), plural])
        found = self._known(head, modifiers)
        if found is not None:
            # (the head alone, where the issue has its pattern, is matched by that)
            if rf"\b{phrase}\b" not in found.mentions and not (found.head_alone and not modifiers):
                found.mentions.append(rf"\b{phrase}\b")
            return found.ref
        # the id: the words as written, the head as its lemma ("sales taxes": sales-tax)
        singular = head if target.lower_.startswith(head[:-1]) else target.lower_
        if bare_gerund(target):
            singular = head = target.lower_  # "decoupling", not "decouple"
        ref = IssueRef(
            slug([*surface[:-1], singular]), text, "discovered", (adopting_pattern(surface),)
        )
        mentions, head_alone = [rf"\b{phrase}\b"], ""
        if modifiers and head not in self.lexicon.issue_nouns and len(head) > MIN_HEAD_ALONE_CHARS:
            # "the sales tax", then "the tax" (not the "anti-tax" of another phrase)
            head_alone = rf"(?<![\w-]){plural}(?![\w-])"
            mentions.append(head_alone)
        if not (proposal or actor):
            # an owned proposal is its owner's, an actor an issue only where backed or
            # opposed: neither is sought in other sentences
            self.found.append(_Found(ref, head, modifiers, mentions, head_alone))
        return ref

    def _content(self, target: Token) -> Token:
        """What a word for doing or proposing something is about: "implementation of a
        pilot program" is about the program, "a plan to build a stadium" about the
        stadium, "a ban on imports" about the imports."""
        lemma = target.lemma_.lower()
        if lemma not in self.lexicon.action_nouns and lemma not in self.lexicon.issue_nouns:
            return target
        for child in target.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "for", "on"}:
                objects = [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "prep" and child.lower_ == "with":
                # "a merger with Korval Corp": a deal is named by the party it is with
                objects = [g for g in child.children if g.dep_ == "pobj" and g.ent_type_]
            elif child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB":
                objects = [g for g in child.children if g.dep_ == "dobj"]
            else:
                continue
            if objects and objects[0].pos_ in {"NOUN", "PROPN"}:
                return objects[0]
        return target

    def _known(self, head: str, modifiers: frozenset[str]) -> _Found | None:
        """The issue found earlier that a phrase of this head and these modifiers names
        (the first that is `_same`), if any."""
        return next((found for found in self.found if self._same(found, head, modifiers)), None)

    def _same(self, found: _Found, head: str, modifiers: frozenset[str]) -> bool:
        """One issue: the same head, the words of one narrowing the other's ("the tax",
        "the sales tax"); or two words for a proposal sharing what narrows them ("a
        pilot plan", "the pilot bill")."""
        if found.head == head:
            return modifiers <= found.modifiers or found.modifiers <= modifiers
        nouns = self.lexicon.issue_nouns
        return head in nouns and found.head in nouns and bool(modifiers & found.modifiers)

    def discovered(self) -> list[IssueRef]:
        """The issues found so far that no catalogue names, in the order found."""
        return [found.ref for found in self.found]


def extract_issues(context: ArticleContext) -> pd.DataFrame:
    """The `issues` table (`issues_columns`) as a DataFrame."""
    return columns_frame("issues", issues_columns(context))


def issues_columns(context: ArticleContext) -> Columns:
    """The `issues` table: one row per issue the article's positions are on, with where
    it comes from (catalogue, analyst, discovered), the pattern that adopts it into a
    catalogue, the phrases that named it and how many positions and actors it has."""
    positions = context.table("positions")
    keys = ("issue_id", "issue", "issue_source", "issue_pattern")
    # the positions' columns grouped in Python: an article has few positions, and a
    # DataFrame's groupby costs more than the grouping
    values = positions
    groups: dict[tuple, list[int]] = {}  # key -> its rows, in the table's order
    for row, key in enumerate(zip(*(values[k] for k in keys), strict=True)):
        groups.setdefault(key, []).append(row)
    rows = []
    for (issue_id, label, source, pattern), members in groups.items():
        # ordered by start as pandas' sort_values orders them (the same numpy sort)
        by_start = numpy.argsort(
            numpy.array([values["start"][i] for i in members], dtype="int64"), kind="quicksort"
        )
        targets = (values["target"][members[j]] for j in by_start)
        terms = [t for t in dict.fromkeys(targets) if t]
        rows.append(
            {
                "article_id": context.article.article_id,
                "issue_id": issue_id,
                "issue": label,
                "issue_source": source,
                "pattern": pattern,
                "terms": " | ".join(terms),
                "n_positions": len(members),
                "n_actors": len({values["actor_id"][i] for i in members}),
                "first_sentence_id": min(int(values["sentence_id"][i]) for i in members),
            }
        )
    rows.sort(key=lambda row: (row["first_sentence_id"], row["issue_id"]))  # stable
    return column_lists("issues", rows)
