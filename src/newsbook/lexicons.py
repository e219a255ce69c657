"""Everything a stage reads from `data/`: lexicons, gazetteers and the issue catalogue,
each parsed once per process into a typed lexicon and passed to the stages explicitly.

`Resources.load()` reads a lexicon folder (default `data/lexicons/`), an issue
catalogue and an annotations folder; the same paths give the same (cached) object.
The lexicons answer questions about words ("what stance does this verb take?"); the
stages own the grammar that asks them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from spacy.tokens import Doc, Span, Token

from newsbook import cache, config
from newsbook.errors import InputError


@dataclass(frozen=True)
class Capital:
    capital: str
    state: str
    valid_from: dt.date | None
    valid_until: dt.date | None

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.valid_from is None and self.valid_until is None
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass(frozen=True)
class Issue:
    """One issue of a catalogue: what actors take positions on, and the patterns
    (case-insensitive regular expressions) that denote it in a sentence. `against`:
    whether the issue is against what its patterns name ("Eliminating medium-range
    missiles"); None lets its label's first word decide."""

    id: str
    label: str
    description: str = ""
    patterns: tuple[re.Pattern[str], ...] = ()
    against: bool | None = None
    source: str = "catalogue"  # catalogue (the project's) | analyst (an --issues file)

    @classmethod
    def from_dict(cls, data: dict, *, source: str = "catalogue") -> Issue:
        return cls(
            id=str(data["id"]),
            label=str(data.get("label") or data["id"]),
            description=str(data.get("description") or ""),
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in data.get("patterns") or []),
            against=bool(data["against"]) if "against" in data else None,
            source=source,
        )


@dataclass(frozen=True)
class Resources:
    """The editable data every stage works from, parsed."""

    lexicon_dir: Path
    fingerprint: str  # of the files read: the same fingerprint, the same resources
    furniture: tuple[re.Pattern[str], ...]
    country_aliases: dict[str, str]  # lower-cased alias -> country name
    capitals: tuple[Capital, ...]
    demonyms: frozenset[str]
    state_adjectives: dict[str, str]  # lower-cased nationality adjective -> country
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    title_prefixes: frozenset[str]
    org_descriptors: frozenset[str]
    issues: tuple[Issue, ...]
    annotations_dir: Path
    speech: SpeechLexicon
    stance: StanceLexicon
    contrast: ContrastLexicon
    time: TimeLexicon
    layout: LayoutLexicon
    languages: LanguageLexicon
    company_suffixes: frozenset[str] = frozenset()  # "Inc", "AG": a company's legal form
    broadcasters: frozenset[str] = frozenset()  # "Bellport radio": a place's broadcaster
    numbered_units: frozenset[str] = frozenset()  # "Local" in "Transit Workers Local 412"
    name_particles: frozenset[str] = frozenset()  # "du" in "Anna du Toit"
    surname_particles: frozenset[str] = frozenset()  # "Uí" in "Máire Uí Dhonnchadha"
    postnominals: frozenset[str] = frozenset()  # "QC" in "Anthony Grieve QC"
    offices_in_capitals: frozenset[str] = frozenset()  # "MSP", "TD": an office, no name
    dotted_titles: frozenset[str] = frozenset()  # "Coun.": one token, ends no sentence
    firm_roles: frozenset[str] = frozenset()  # "the bank's auditor, KPMG": a firm's too
    # a title that tells which pronoun stands for its bearer ("mrs" -> "she")
    gendered_titles: dict[str, str] = field(default_factory=dict)
    honorifics: frozenset[str] = frozenset()  # "Mr", "Dr": before a person's name only
    same_office: dict[str, str] = field(default_factory=dict)  # "justice" -> "judge"
    # an abbreviated title -> the word it stands for ("sen." -> "senator")
    title_abbreviations: dict[str, str] = field(default_factory=dict)
    state_nouns: frozenset[str] = frozenset()  # "U.S. Government": the state itself

    @classmethod
    def load(
        cls,
        lexicon_dir: Path = config.LEXICON_DIR,
        issues_file: Path = config.ISSUES_FILE,
        annotations_dir: Path = config.ANNOTATION_DIR,
    ) -> Resources:
        """The resources of these folders, read and parsed once per process."""
        return _load(Path(lexicon_dir), Path(issues_file), Path(annotations_dir))

    @functools.cached_property
    def organisation_words(self) -> frozenset[str]:
        """Words that make a name an organisation's ("Corp", "Institute", "bank"): built
        once, not for every name the entity stage asks about."""
        return (
            self.org_descriptors
            | self.company_suffixes
            | self.speech.organisations
            | self.speech.institutions
        )

    @functools.cached_property
    def stance_verbs(self) -> frozenset[str]:
        """The one-word verbs a headline states a side with ("rejects", "backs", "voids",
        "fears"): the words of the stance lexicon a headline in headlinese is read again
        for (`nlp.mended_headline`; a verb of speech, "says", the parser reads)."""
        stance = self.stance
        words = (
            stance.support
            | stance.oppose
            | stance.apprehension
            | stance.desire
            | stance.deciding
            | stance.reversal
            | stance.compliance
            | frozenset(stance.prepositional)
        )
        return frozenset(w for w in words if " " not in w)

    @property
    def entity_patterns(self) -> Path:
        """The gazetteer's EntityRuler patterns (JSONL), read by the parser."""
        return self.lexicon_dir / "entity_patterns.jsonl"

    def with_issues(self, issues: list[dict]) -> Resources:
        """The same resources with more issues in the catalogue (an article's or an
        analyst's own); an issue with a known id replaces the catalogue's."""
        extra = {str(issue["id"]): Issue.from_dict(issue, source="analyst") for issue in issues}
        kept = tuple(i for i in self.issues if i.id not in extra)
        return dataclasses.replace(
            self,
            issues=kept + tuple(extra.values()),
            fingerprint=cache.fingerprint(self.fingerprint, issues),
        )

    def state_for_capital(self, name: str, day: dt.date | None) -> str | None:
        """The state a capital stands for on `day` (None when unknown for that date)."""
        matches = [c for c in self.capitals if c.capital.lower() == name.lower()]
        for capital in matches:
            if capital.holds_on(day):
                return capital.state
        if day is None and len({c.state for c in matches}) == 1:
            return matches[0].state
        return None


@functools.lru_cache(maxsize=8)
def _load(lexicon_dir: Path, issues_file: Path, annotations_dir: Path) -> Resources:
    places = _yaml(lexicon_dir / "places.yml")
    titles = _yaml(lexicon_dir / "titles.yml")
    speech = _yaml(lexicon_dir / "speech.yml")
    stance = StanceLexicon.from_data(_yaml(lexicon_dir / "stance.yml"), speech)
    country_aliases = {}
    for country in places.get("countries", []):
        for alias in [country["name"], *country.get("aliases", [])]:
            country_aliases[alias.lower()] = country["name"]
    capitals = tuple(
        Capital(c["capital"], c["state"], c.get("from"), c.get("until"))
        for c in places.get("capitals", [])
    )
    issues = _yaml(issues_file).get("issues", []) if issues_file.exists() else []
    return Resources(
        lexicon_dir=lexicon_dir,
        fingerprint=cache.fingerprint(lexicon_dir, issues_file, annotations_dir),
        furniture=tuple(_line_patterns(lexicon_dir / "furniture.txt")),
        country_aliases=country_aliases,
        capitals=capitals,
        demonyms=_words(places, "demonyms"),
        state_nouns=_words(places, "state_nouns"),
        state_adjectives={k.lower(): v for k, v in (places.get("state_adjectives") or {}).items()},
        title_heads=_words(titles, "heads"),
        title_modifiers=_words(titles, "modifiers"),
        title_prefixes=_words(titles, "prefixes"),
        org_descriptors=frozenset(_lines(lexicon_dir / "org_descriptors.txt", lower=True)),
        issues=tuple(Issue.from_dict(issue) for issue in issues),
        annotations_dir=annotations_dir,
        speech=SpeechLexicon.from_data(speech, governments=stance.government_nouns),
        stance=stance,
        contrast=ContrastLexicon.from_data(_yaml(lexicon_dir / "contrast.yml")),
        time=TimeLexicon.from_data(_yaml(lexicon_dir / "time.yml"), speech),
        layout=LayoutLexicon.from_data(_yaml(lexicon_dir / "layout.yml")),
        languages=LanguageLexicon.from_data(_yaml(lexicon_dir / "languages.yml")),
        company_suffixes=frozenset(_lines(lexicon_dir / "company_suffixes.txt", lower=True)),
        broadcasters=frozenset(_lines(lexicon_dir / "broadcasters.txt", lower=True)),
        numbered_units=frozenset(_lines(lexicon_dir / "numbered_units.txt", lower=True)),
        name_particles=_words(titles, "name_particles"),
        surname_particles=_words(titles, "surname_particles"),
        postnominals=_words(titles, "postnominals"),
        offices_in_capitals=_words(titles, "offices_in_capitals"),
        dotted_titles=_words(titles, "dotted_titles"),
        firm_roles=_words(titles, "firm_roles"),
        honorifics=_words(titles, "honorifics"),
        gendered_titles={
            **dict.fromkeys(_words(titles, "she_titles"), "she"),
            **dict.fromkeys(_words(titles, "he_titles"), "he"),
        },
        same_office={k.lower(): v.lower() for k, v in (titles.get("same_office") or {}).items()},
        title_abbreviations={
            str(k).lower(): str(v).lower() for k, v in (titles.get("abbreviations") or {}).items()
        },
    )


def _words(data: dict, key: str) -> frozenset[str]:
    """A YAML list of words, lower-cased."""
    return frozenset(str(w).lower() for w in data.get(key) or [])


def _lines(path: Path, *, lower: bool = False) -> list[str]:
    """The lines of a one-entry-a-line file, without blanks and `#` comments."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    kept = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return [line.lower() for line in kept] if lower else kept


def _line_patterns(path: Path) -> list[re.Pattern[str]]:
    """Regular expressions, one a line (page furniture), case-insensitive."""
    return [re.compile(line, re.IGNORECASE) for line in _lines(path)]


class _LexiconLoader(yaml.SafeLoader):
    """YAML with YAML 1.2's booleans: only `true` and `false`. Under YAML 1.1 a word
    list's bare `no`, `on`, `yes` or `off` (all common words) would load as a boolean."""


_LexiconLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LexiconLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _yaml(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LexiconLoader) or {}


def read_issue_catalogue(path: Path) -> list[dict]:
    """The issues of a catalogue file (an `issues:` list of id, label, description,
    patterns), checked: a clear error for a missing file, bad YAML, an issue without id
    or patterns, or a pattern that is no regular expression."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"issue catalogue {path} not found")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(
            f"issue catalogue {path} is not readable YAML ({type(error).__name__})"
        ) from None
    issues = data.get("issues") if isinstance(data, dict) else None
    if not isinstance(issues, list):
        raise InputError(f"issue catalogue {path} has no `issues:` list")
    for issue in issues:
        if not isinstance(issue, dict) or not issue.get("id") or not issue.get("patterns"):
            raise InputError(f"issue catalogue {path}: every issue needs an id and patterns")
        for pattern in issue["patterns"]:
            try:
                re.compile(pattern)
            except re.error as error:
                raise InputError(
                    f"issue catalogue {path}: pattern {pattern!r} of {issue['id']} is invalid ({error})"
                ) from None
    return issues


T = TypeVar("T")

# Words whose forms are remembered: the cue lookups ask for the same few thousand words
# over and over; bounded, so a corpus of any size keeps memory flat.
WORD_CACHE = 65_536
# How far above one of its words the head of a phrase of the lexicon may stand in the
# parse: the longest phrases are five words ("step in the right direction").
PHRASE_DEPTH = 4
# What the stance lexicon says of a word, kept in its Doc's user_data (see `remembered`)
POLARITY_KEY, WEAK_KEY = "newsbook.polarity", "newsbook.weak"
EVALUATIVE_KEY, CONSEQUENCE_KEY = "newsbook.evaluative", "newsbook.consequence"
PHRASE_KEY, JUDGING_PHRASE_KEY = "newsbook.phrase", "newsbook.judging_phrase"
PHRASES_KEY = "newsbook.phrases"
# Entity types of an actor, who may hold a stance (and, backed or opposed by a verb of
# (dis)approval, be what one is on: "must support the Assembly").
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Pronouns of someone, who may hold an attitude.
PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they"})
# The word lists of `stance.yml` read as they stand (see that file for what each means).
STANCE_WORD_LISTS = (
    "verb_only",
    "relational",
    "reversal",
    "hedges",
    "negations",
    "desire",
    "government_nouns",
    "weak",
    "issue_nouns",
    "issue_pronouns",
    "not_issues",
    "action_nouns",
    "generic_modifiers",
    "target_prepositions",
    "circumstance_prepositions",
    "apprehension",
    "contrasts",
    "time_clauses",
    "spokespeople",
    "representatives",
    "private_persons",
    "ranks",
    "members_named",
    "indefinite",
    "obligation",
    "proposals",
    "options",
    "neg_raising",
    "hearsay",
    "undecided",
    "open_views",
    "sides_withheld",
    "sides_kept_open",
    "compliance",
    "deliberating",
    "abstaining",
    "causes",
    "harms",
    "fosters",
    "goods",
    "predicative",
    "light_verbs",
    "no_one",
    "proposing",
    "movements",
    "question_words",
    "decisions",
    "bestowing",
    "receiving",
    "choices",
    "contesting",
    "deprives",
    "warning",
    "deciding",
    "measures",
    "governing_bodies",
    "costs",
)


@dataclass(frozen=True)
class StanceLexicon:
    support: frozenset[str]
    oppose: frozenset[str]
    verb_only: frozenset[str]
    relational: frozenset[str]
    reversal: frozenset[str]
    hedges: frozenset[str]
    negations: frozenset[str]
    reporting: frozenset[str]  # speech verbs: the clause they report ends a stance's reach
    naming: frozenset[str]  # "called the plan a folly": the judgement is the caller's
    apprehension: frozenset[str]  # "fears that X will ruin Y": the clause's judgement stands
    prepositional: dict[str, dict[str, str]]  # verb or noun of attitude -> preposition -> side
    desire: frozenset[str]

    government_nouns: frozenset[str]  # "administration": after a leader's name, the government
    evaluative: frozenset[str] = frozenset()  # judgements on what they are said of
    # words of an attitude its subject holds ("opposes", "welcomed", "fears"): as a verb
    # with someone for its subject, that one's, whatever else they judge as adjectives
    attitudes: frozenset[str] = frozenset()
    phrases: tuple[tuple[tuple[str, ...], int], ...] = ()  # multiword cues, polarity
    judging_phrases: frozenset[tuple[str, ...]] = frozenset()  # the evaluative ones
    weak: frozenset[str] = frozenset()  # cues that never name an issue of their own
    issue_nouns: frozenset[str] = frozenset()  # "this plan": the issue last named
    issue_pronouns: frozenset[str] = frozenset()
    not_issues: frozenset[str] = frozenset()
    action_nouns: frozenset[str] = frozenset()  # "implementation of X" is about X
    generic_modifiers: frozenset[str] = frozenset()  # "the new airport" names the airport
    target_prepositions: frozenset[str] = frozenset()  # "opposition to X", not "in exchange"
    circumstance_prepositions: frozenset[str] = frozenset()  # "backed X on principle"
    predicative: frozenset[str] = frozenset()  # "the drug is safe", not "a safe haven"
    light_verbs: frozenset[str] = frozenset()  # "must do it", "should have a say": no act
    no_one: frozenset[str] = frozenset()  # "nobody would accept X": a negation as subject
    members_of: dict[str, str] = field(default_factory=dict)  # "councillors": the council
    # "if X should offer ...": a case imagined (speech.yml `condition_marks`, one list)
    conditions: frozenset[str] = frozenset()
    contrasts: frozenset[str] = frozenset()  # "as opposed to X": X set apart, no stance
    time_clauses: frozenset[str] = frozenset()  # "after X passes the bill": an event dated
    spokespeople: frozenset[str] = frozenset()  # "a spokeswoman for X" speaks for X
    representatives: frozenset[str] = frozenset()  # "X officials said": X's word
    private_persons: frozenset[str] = frozenset()  # "a Dutch economist": not the state
    ranks: frozenset[str] = frozenset()  # "senior officials" still speak for their body
    members_named: frozenset[str] = frozenset()  # "critics, including X,": X is one
    indefinite: frozenset[str] = frozenset()  # "a bank refused X": no one in particular
    obligation: frozenset[str] = frozenset()  # "should", "has to": an ought, its speaker's
    proposals: frozenset[str] = frozenset()  # "Norland's offer": its owner's own proposal
    proposing: frozenset[str] = frozenset()  # "Norland made an offer": the subject's own
    movements: frozenset[str] = frozenset()  # "the dollar fell against the yen": no stance
    question_words: frozenset[str] = frozenset()  # "asked how X would be financed": no stance
    options: frozenset[str] = frozenset()  # "one option could see ...": put forward, neutral
    neg_raising: frozenset[str] = frozenset()  # "don't think we should": the clause negated
    hearsay: frozenset[str] = frozenset()  # "X is believed to favor Y": X's stance, heard
    undecided: frozenset[str] = frozenset()  # "has not taken a position on X": neutral
    open_views: frozenset[str] = frozenset()  # "keeps an open mind on X": neutral
    sides_withheld: frozenset[str] = frozenset()  # "stopped short of opposing X"
    sides_kept_open: frozenset[str] = frozenset()  # "would not rule out backing X"
    compliance: frozenset[str] = frozenset()  # "would not pay the levy": against it
    deliberating: frozenset[str] = frozenset()  # "is studying the offer": neutral
    abstaining: frozenset[str] = frozenset()  # "will abstain in the vote on X": neutral
    causes: frozenset[str] = frozenset()  # "could prompt (retaliation)": a harm caused
    harms: frozenset[str] = frozenset()  # "retaliation": what a warning says X will bring
    fosters: frozenset[str] = frozenset()  # "(could) create (jobs)": a good brought
    goods: frozenset[str] = frozenset()  # "jobs": what a promise says X will bring
    byline: re.Pattern[str] | None = None  # a line naming an opinion piece's writer
    first_person: frozenset[str] = frozenset()  # the writer's own voice
    tagline: frozenset[str] = frozenset()  # "X is a former engineer and writes a column"
    tagline_name: re.Pattern[str] | None = None  # how that line names the writer
    publication_nouns: frozenset[str] = frozenset()  # "this newspaper": an editorial's own
    decisions: frozenset[str] = frozenset()  # "voted to close X": the closing decided
    measures: frozenset[str] = frozenset()  # "voted to ban X": the ban is the measure
    governing_bodies: frozenset[str] = frozenset()  # "the board of X" acts for X
    costs: frozenset[str] = frozenset()  # "will pay for this": a cost foretold, argued
    bestowing: frozenset[str] = frozenset()  # "lent (its support) to X": toward X
    receiving: frozenset[str] = frozenset()  # "(X) met (opposition) from Y": Y's, on X
    choices: frozenset[str] = frozenset()  # "(X is) a good idea": judged as a choice
    contesting: frozenset[str] = frozenset()  # "attacked (the plan)": a side on a measure
    deprives: frozenset[str] = frozenset()  # "(would) cost (jobs)": a good taken away
    warning: frozenset[str] = frozenset()  # "warned that X would ...": against X
    # "welcomed the ruling": on what it decided (a noun to the verbs that make it)
    decision_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    deciding: frozenset[str] = frozenset()  # "voided the permit": a decision on the permit

    @classmethod
    def from_data(cls, stance: dict, speech: dict) -> StanceLexicon:
        """From `stance.yml` (and the cue verbs and condition marks of `speech.yml`)."""
        emotive, evaluative = stance.get("emotive") or {}, stance.get("evaluative") or {}
        direction, voice = stance.get("direction") or {}, stance.get("voice") or {}
        phrasal = stance.get("phrasal") or {}
        judging = [
            str(phrase)
            for side in ("support", "oppose")
            for phrase in [*(direction.get(side) or []), *(evaluative.get(side) or [])]
            if " " in str(phrase) or str(phrase) in (direction.get(side) or [])
        ]
        phrases = tuple(
            (tuple(str(phrase).lower().split()), 1 if side == "support" else -1)
            for side in ("support", "oppose")
            for phrase in [*(direction.get(side) or []), *(evaluative.get(side) or [])]
            + list(phrasal.get(side) or [])
            if " " in str(phrase) or str(phrase) in (direction.get(side) or [])
        )
        return cls(
            support=_words(stance, "support")
            | _words(emotive, "support")
            | _words(evaluative, "support"),
            oppose=_words(stance, "oppose")
            | _words(emotive, "oppose")
            | _words(evaluative, "oppose"),
            evaluative=_words(evaluative, "support") | _words(evaluative, "oppose"),
            attitudes=_words(stance, "support")
            | _words(stance, "oppose")
            | _words(emotive, "support")
            | _words(emotive, "oppose"),
            phrases=phrases,
            judging_phrases=frozenset(tuple(p.lower().split()) for p in judging),
            byline=re.compile(voice["byline"], re.MULTILINE) if voice.get("byline") else None,
            first_person=_words(voice, "first_person"),
            tagline=_words(voice, "tagline"),
            tagline_name=re.compile(voice["tagline_name"]) if voice.get("tagline_name") else None,
            publication_nouns=_words(voice, "publication_nouns"),
            reporting=_words(speech, "cue_verbs"),
            naming=_words(speech, "naming_verbs"),
            conditions=_words(speech, "condition_marks"),
            **{name: _words(stance, name) for name in STANCE_WORD_LISTS},
            prepositional={
                verb.lower(): {prep.lower(): side for prep, side in ways.items()}
                for verb, ways in (stance.get("prepositional") or {}).items()
            },
            decision_nouns={
                str(noun).lower(): frozenset(str(v).lower() for v in verbs or ())
                for noun, verbs in (stance.get("decision_nouns") or {}).items()
            },
            members_of={
                str(member).lower(): str(body).lower()
                for member, body in (stance.get("members_of") or {}).items()
            },
        )

    def polarity(self, token: Token) -> int:
        return remembered(token, POLARITY_KEY, self, self._polarity)

    def _polarity(self, token: Token) -> int:
        phrase = self.phrase_polarity(token) or self._split_phrasal_polarity(token)
        if phrase:
            return phrase
        if self._inside_phrase(token):
            return 0
        particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
        if particles and " ".join([token.lemma_.lower(), *particles]) in self.reversal:
            return 0  # "backed down on X" gives X up, it does not back it (`reverses`)
        if consequence := self.consequence(token):
            return consequence
        forms = word_forms(token)
        if forms & self.compliance and token.pos_ == "VERB":
            # ("would not pay X", "agreed to pay X"; "paid X in March" tells a fact, and
            # "will pay for X" a cost borne, `costs`)
            # (a measure complied with: "pay the levy", "comply with the ruling"; not "pay
            # 2 billion dlrs in principal", "pay off the bonds")
            measures = self.issue_nouns | self.decision_nouns.keys()
            objects = [c for c in token.children if c.dep_ == "dobj"] + [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            complied = any(o.lemma_.lower() in measures for o in objects) and not any(
                c.dep_ == "prt" for c in token.children
            )
            # (wanted: "agreed to", "no intention of"; not "could not afford to pay it")
            governor = token.head.head if token.dep_ == "pcomp" else token.head
            wanted = token.dep_ in {"xcomp", "pcomp"} and bool(word_forms(governor) & self.desire)
            if complied and (self.negated(token) or wanted):
                return 1
        if forms & self.warning and any(c.dep_ == "ccomp" for c in token.children):
            return -1
        if (
            forms & self.verb_only
            and token.pos_ not in {"VERB", "AUX"}
            # ("his backing of X": a noun the lexicon lists as it stands is a cue)
            and not (
                (token.lower_ in self.support or token.lower_ in self.oppose)
                and token.lower_ not in self.verb_only
            )
        ):
            return 0
        if forms & self.evaluative and _in_a_name(token):
            return 0  # "Waste Management Inc", "the Fair Trade Commission": a name
        if forms & self.oppose:
            return -1
        if forms & self.support:
            return 1
        return 0

    def phrase_polarity(self, token: Token, *, judging: bool = False) -> int:
        """The side a phrase of the lexicon ("a step backwards", "on the right track",
        "move ahead with") takes, on the one word of the phrase that heads it in the
        parse; 0 elsewhere. `judging`: only the evaluative phrases."""
        found = self.phrase_span(token, judging=judging)
        return found[0] if found else 0

    def phrase_span(self, token: Token, *, judging: bool = False) -> tuple[int, Span] | None:
        """The side and the words of the phrase of the lexicon a word heads ("took aim
        at": on "took"), or None. `judging`: only the evaluative phrases."""
        if judging:
            return remembered(token, JUDGING_PHRASE_KEY, self, self._judging_phrase_span)
        return remembered(token, PHRASE_KEY, self, self._phrase_span)

    def _judging_phrase_span(self, token: Token) -> tuple[int, Span] | None:
        return self._phrase_span(token, judging=True)

    def _phrase_span(self, token: Token, *, judging: bool = False) -> tuple[int, Span] | None:
        doc = token.doc
        # in the lexicon's order (then the nearest start), as the first match wins
        matches = sorted(self._phrases_in(doc).get(token.i, ()), key=lambda m: (m[0], -m[1]))
        for index, start, end in matches:
            words, side = self.phrases[index]
            if judging and words not in self.judging_phrases:
                continue
            if token.head == token or not (start <= token.head.i < end):
                return side, doc[start:end]
        return None

    def _phrases_in(self, doc: Doc) -> dict[int, list[tuple[int, int, int]]]:
        """Every phrase of the lexicon a parse holds, as (phrase, start, end), under each
        of its words' positions: read once a Doc, remembered on it beside this lexicon."""
        said_by, found = doc.user_data.get(PHRASES_KEY, (None, None))
        if said_by is self:
            return found
        found = {}
        for first in doc:
            for index in sorted(
                {i for s in _spellings(first) for i in self._phrase_starts.get(s, ())}
            ):
                words = self.phrases[index][0]
                end = first.i + len(words)
                if end <= len(doc) and all(
                    word in _spellings(doc[first.i + k]) for k, word in enumerate(words[1:], 1)
                ):
                    for i in range(first.i, end):
                        found.setdefault(i, []).append((index, first.i, end))
        doc.user_data[PHRASES_KEY] = (self, found)
        return found

    def _inside_phrase(self, token: Token) -> bool:
        """A word of a phrase of the lexicon that another word of it heads ("doubt" of
        "cast doubt on", "against" of "come out against"): the phrase is one cue."""
        if token.i not in self._phrases_in(token.doc):
            return False  # (most words are in no phrase: asked first, it spares the walk)
        ancestors = itertools.islice(token.ancestors, PHRASE_DEPTH)
        return any(
            (found := self.phrase_span(head)) is not None and token in found[1]
            for head in ancestors
        )

    def _split_phrasal_polarity(self, token: Token) -> int:
        """The side of a phrasal verb of the lexicon whose particle its object splits off
        ("vote it down", "turned the offer down"), on the verb; 0 elsewhere."""
        for child in token.children:
            if child.dep_ == "prt" and child.i > token.i + 1:
                for spelling in _spellings(token):
                    side = self._two_word_phrases.get((spelling, child.lower_))
                    if side:
                        return side
        return 0

    def phrasal_preposition(self, verb: Token, preposition: Token) -> bool:
        """Whether the preposition is the one a phrasal cue of the lexicon ends in ("abide
        by", "stick to", "proceed with"): what it governs is the cue's target."""
        return any(
            (spelling, preposition.lower_) in self._two_word_phrases
            for spelling in _spellings(verb)
        )

    @functools.cached_property
    def _two_word_phrases(self) -> dict[tuple[str, str], int]:
        return {words: side for words, side in reversed(self.phrases) if len(words) == 2}

    @functools.cached_property
    def _phrase_starts(self) -> dict[str, tuple[int, ...]]:
        """Each first word of a multiword cue to its phrases: a parse is read for phrases
        from the words that open one, not by trying every phrase at every word."""
        starts: dict[str, list[int]] = {}
        for index, (words, _side) in enumerate(self.phrases):
            starts.setdefault(words[0], []).append(index)
        return {word: tuple(found) for word, found in starts.items()}

    def is_evaluative(self, token: Token) -> bool:
        """A judgement on what it is said of ("reckless", "a mistake", "a step
        backwards"), held by whoever states it, not by its subject."""
        return remembered(token, EVALUATIVE_KEY, self, self._is_evaluative)

    def _is_evaluative(self, token: Token) -> bool:
        words = word_forms(token)
        # ("Okon welcomed the plan": Okon's welcome, no judgement of Okon)
        attitude = (
            token.pos_ == "VERB" and bool(words & self.attitudes) and _held_by_an_actor(token)
        )
        return (
            bool(words & self.evaluative and not _in_a_name(token) and not attitude)
            or bool(self.phrase_polarity(token, judging=True))
            or bool(self.consequence(token))
        )

    def consequence(self, token: Token) -> int:
        """ "(the bill) could prompt retaliation", "retaliation could be provoked (by X)":
        a verb of causing with a harm as what it brings, a judgement against the cause
        (-1), as is "(the levy) would cost jobs", a verb that takes a good away; "(the
        stadium) would create jobs": a verb of fostering with a good, one for it (+1); 0
        for any other word."""
        return remembered(token, CONSEQUENCE_KEY, self, self._consequence)

    def _consequence(self, token: Token) -> int:
        if token.pos_ != "VERB":
            return 0
        brought = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        brought += [  # "thousands of jobs", "a wave of unrest": what the amount is of
            g
            for c in brought
            for p in c.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        ]
        forms = word_forms(token)
        if forms & self.causes and any(word_forms(c) & self.harms for c in brought):
            return -1
        if forms & self.fosters and any(word_forms(c) & self.goods for c in brought):
            return 1
        if forms & self.deprives and any(word_forms(c) & self.goods for c in brought):
            return -1  # "the levy would cost jobs": a good it takes away
        return 0

    def is_weak(self, token: Token) -> bool:
        return remembered(token, WEAK_KEY, self, self._is_weak)

    def _is_weak(self, token: Token) -> bool:
        return (
            bool(word_forms(token) & self.weak)
            and not self.phrase_polarity(token)
            and not self.consequence(token)
        )

    def wishes(self, token: Token) -> bool:
        """A verb of wanting ("hopes to", "seeks to"): what it governs is not yet real."""
        return token.pos_ in {"VERB", "AUX"} and bool(word_forms(token) & self.desire)

    def through(self, verb: Token, preposition: Token) -> int:
        """The stance a verb takes through a preposition ("warned of countermeasures",
        "warned against escalation", "called for talks"), 0 when it takes none."""
        if preposition.dep_ not in {"prep", "agent"}:
            return 0
        ways = self.prepositional_ways(verb)
        return {"support": 1, "oppose": -1}.get(ways.get(preposition.lower_, ""), 0)

    def prepositional_ways(self, word: Token) -> dict[str, str]:
        """The sides a word takes through its prepositions, as written ("is committed
        to", not "commit troops to") or as its lemma ("warned against"); {} for none."""
        return self.prepositional.get(word.lower_) or self.prepositional.get(
            word.lemma_.lower(), {}
        )

    def against_referent(self, issue: Issue) -> bool:
        """Whether an issue is against what its patterns name: "Eliminating medium-range
        missiles" is supported by whoever opposes the missiles. An issue may say so
        itself (`against: true`); otherwise its label's first word decides."""
        if issue.against is not None:
            return issue.against
        words = issue.label.split()
        return bool(words) and bool(bare_forms(words[0].lower()) & self.oppose)

    def negated(self, token: Token) -> bool:
        """A negation on a word ("will not back X", "no support for X"), or a subject
        that is no one, of the word or of the copula it is the predicate of ("Nobody would
        accept X", "No one here is against X", "none of us backs X")."""
        clause = (
            token.head
            if token.dep_ in {"prep", "acomp", "attr"} and token.head.lemma_ == "be"
            else token
        )
        phrase = self.phrase_span(token)
        own_words = phrase[1] if phrase else ()  # ("had no problem with X": one cue)
        # ("is not a supporter of X": the copula's negation, on the noun it predicates)
        negatable = [token, clause] if token.dep_ == "attr" else [token]
        return any(
            c.dep_ == "neg" or (c.dep_ in {"det", "advmod"} and c.lower_ in self.negations)
            for word in dict.fromkeys(negatable)
            for c in word.children
            if c not in own_words
        ) or any(
            c.dep_ in {"nsubj", "nsubjpass"} and self._no_one(c) and not self._reluctant(word)
            for word in dict.fromkeys([token, clause])
            for c in word.children
        )

    def _reluctant(self, verb: Token) -> bool:
        """ "Nobody wanted to do this": a wish told in the past, of what is being done, is
        reluctance, not a side ("nobody wants the dam" opposes it)."""
        return self.wishes(verb) and verb.tag_ == "VBD"

    def _no_one(self, subject: Token) -> bool:
        """ "Nobody", "none (of us)", "no one", "neither X nor Y" (a pronoun of no one,
        not "no member": "no new taxes", "no amount of money" say how much, not who)."""
        return subject.lower_ in self.no_one or any(
            (c.dep_ == "det" and f"{c.lower_} {subject.lower_}" in self.no_one)
            # "Neither Okon nor Roth supports X": none of them
            or (c.dep_ in {"det", "preconj"} and c.lower_ == "neither")
            for c in subject.children
        )

    def reverses(self, token: Token) -> bool:
        particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
        return " ".join([token.lemma_.lower(), *particles]) in self.reversal or (
            token.lemma_.lower() in self.reversal and token.pos_ == "VERB"
        )


def remembered(token: Token, name: str, lexicon: object, compute: Callable[[Token], T]) -> T:
    """What `compute` says of a token, asked of every word by several stages and passes:
    remembered on its Doc (so freed with it) beside the lexicon that said it, so that
    another lexicon asking of the same Doc is answered afresh."""
    user_data = token.doc.user_data
    said_by, answers = user_data.get(name, (None, None))
    if said_by is not lexicon:
        answers = {}
        user_data[name] = (lexicon, answers)
    if token.i not in answers:
        answers[token.i] = compute(token)
    return answers[token.i]


@functools.lru_cache(maxsize=WORD_CACHE)
def bare_forms(word: str) -> frozenset[str]:
    """A word and the bare forms its inflections may stand for (the lemmatiser misses
    some: "hopes" -> "hop"; "authorities" -> "authority"): the one way to ask whether a
    word, or its singular, is in a word list."""
    forms = {word}
    for suffix, replacement in (
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ion", "e"),
        ("ion", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.add(word[: -len(suffix)] + replacement)
    if len(word) > 5 and word.endswith("ing") and word[-4] == word[-5]:
        forms.add(word[:-4])  # "cutting" -> "cut"
    return frozenset(forms)


def _held_by_an_actor(verb: Token) -> bool:
    """A verb whose subject is someone: a person, an organisation or a place the NER
    names, a name it leaves untyped ("Okon"; not "the Harbour Act", a law), a personal
    pronoun, or "it" telling what was done ("it welcomed X"; not a forecast, "it would
    undermine X", which judges a thing)."""
    foretold = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    return any(
        c.dep_ == "nsubj"
        and (
            c.ent_type_ in ACTOR_TYPES
            or (c.pos_ == "PROPN" and not c.ent_type_)
            or c.lower_ in PERSONAL_PRONOUNS
            or (c.lower_ == "it" and not foretold)
        )
        for c in verb.children
    )


def _in_a_name(token: Token) -> bool:
    """A capitalised word of a name of two words or more the NER found."""
    doc = token.doc
    inside = token.ent_iob_ == "I" or (
        token.ent_iob_ == "B" and token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"
    )
    return inside and token.is_title


def _spellings(token: Token) -> tuple[str, str]:
    """A word as written and as its lemma ("moved ahead" is "move ahead")."""
    return token.lower_, token.lemma_.lower()


def joins_a_word(hyphen: Token) -> bool:
    """Whether a token is a hyphen inside one written word the tokenizer splits ("co - operative")."""
    doc, i = hyphen.doc, hyphen.i
    inside = 0 < i < len(doc) - 1
    return hyphen.text == "-" and inside and not hyphen.whitespace_ and not doc[i - 1].whitespace_


def hyphenated_pieces(token: Token) -> list[Token]:
    """The words of the hyphenated word a token ends ("co", "operative" for "operative"
    of "co - operative"), the token alone when it ends none."""
    pieces = [token]
    while pieces[0].i >= 2 and joins_a_word(token.doc[pieces[0].i - 1]):
        pieces.insert(0, token.doc[pieces[0].i - 2])
    return pieces


def hyphenated_lemma(token: Token) -> str:
    """A word's lemma, the whole of a hyphenated word the tokenizer splits when the word is
    its last piece ("co-operative" for "operative" of "co - operative")."""
    return "-".join([p.lower_ for p in hyphenated_pieces(token)[:-1]] + [token.lemma_.lower()])


def word_forms(token: Token) -> frozenset[str]:
    """A word's forms as the lexicons list them: its lemma and bare forms, and on the last
    word of a hyphenated compound the parser splits ("ill - conceived"), the compound
    ("ill-conceived", "heavy-handed")."""
    forms = _word_forms(token.lemma_.lower(), token.lower_)
    pieces = hyphenated_pieces(token)
    if len(pieces) > 1:
        forms = forms | {"-".join(p.lower_ for p in pieces)}
    return forms


@functools.lru_cache(maxsize=WORD_CACHE)
def _word_forms(lemma: str, lower: str) -> frozenset[str]:
    return bare_forms(lower) | {lemma}


@dataclass(frozen=True)
class SpeechLexicon:
    """The word lists of `speech.yml` (see that file for what each means). A cue of two
    words ("rule out") is a verb's lemma and its particle."""

    cues: frozenset[str]
    naming: frozenset[str]
    prepositional: dict[str, frozenset[str]]
    infinitive: frozenset[str]
    objects: frozenset[str]
    forecasts: frozenset[str]
    estimates: dict[str, frozenset[str]]
    anaphoric: frozenset[str]
    views: frozenset[str]
    channels: frozenset[str]
    nouns: frozenset[str]
    delivering: frozenset[str]
    anonymous: frozenset[str]
    documents: frozenset[str]
    organisations: frozenset[str]
    pronouns: frozenset[str]
    singular_pronouns: frozenset[str]
    first_person: frozenset[str]
    headline_cues: frozenset[str]
    name_verbs: frozenset[str]
    passive_name_verbs: frozenset[str]
    name_markers: frozenset[str]
    title_nouns: frozenset[str]
    governments: frozenset[str]
    refusals: frozenset[str] = frozenset()  # "declined to say which": nothing said
    unsaid_if_denied: frozenset[str] = frozenset()  # "does not say that": nothing said
    partial_denials: frozenset[str] = frozenset()  # "did not only say": still said
    institutions: frozenset[str] = frozenset()  # "the ministry said": the one so named
    evidential: frozenset[str] = frozenset()  # "the figures indicate": no one's words
    document_cues: frozenset[str] = frozenset()  # "the survey found that": a document's words
    conditions: frozenset[str] = frozenset()  # "if they believe": a statement only supposed
    thoughts: frozenset[str] = frozenset()  # "X says Y believes "..."": X's words
    # "NORLAND LEADER VOWS ...": a headline source the lede names
    headline_roles: frozenset[str] = frozenset()
    # "the panel": a body named "Committee", "Commission" ...
    kinds_of: dict[str, frozenset[str]] = field(default_factory=dict)
    conformity: frozenset[str] = frozenset()  # "according to plan": what it follows, no source
    characterising: frozenset[str] = frozenset()  # "dismissed X as ...": a cue only with "as"
    authoring: frozenset[str] = frozenset()  # "a poll released by X": X wrote it
    leading: frozenset[str] = frozenset()  # "a team led by X": X speaks for it
    clause_cues: frozenset[str] = frozenset()  # "held that ...": a cue only with "that"
    collectives: frozenset[str] = frozenset()  # "the family said": never a later "he"
    told: frozenset[str] = frozenset()  # "told the story she heard": what is told, no hearer

    @functools.cached_property
    def bodies(self) -> frozenset[str]:
        """Words for an organisation or an institution ("the company", "the ministry"),
        joined once, not for every speaker resolved."""
        return self.organisations | self.institutions

    @classmethod
    def from_data(cls, speech: dict, *, governments: frozenset[str]) -> SpeechLexicon:
        """From `speech.yml`; `governments`, the stance lexicon's government nouns."""

        def words(key: str) -> frozenset[str]:
            return _words(speech, key)

        return cls(
            cues=words("cue_verbs"),
            naming=words("naming_verbs"),
            characterising=words("characterising_verbs"),
            authoring=words("authoring_verbs"),
            leading=words("leading_verbs"),
            clause_cues=words("clause_cues"),
            collectives=words("collective_nouns"),
            told=words("told_things"),
            prepositional={
                verb: frozenset(preps)
                for verb, preps in speech.get("prepositional_cues", {}).items()
            },
            infinitive=words("infinitive_cues"),
            objects=words("object_cues"),
            forecasts=words("forecast_cues"),
            estimates={
                verb: frozenset(preps) for verb, preps in speech.get("estimate_cues", {}).items()
            },
            anaphoric=words("anaphoric_objects"),
            views=words("view_nouns"),
            channels=words("channel_verbs"),
            nouns=words("cue_nouns"),
            delivering=words("delivering_verbs"),
            anonymous=words("anonymous_nouns"),
            documents=words("document_nouns"),
            organisations=words("organisation_nouns"),
            pronouns=words("pronouns"),
            singular_pronouns=words("singular_pronouns"),
            first_person=words("first_person"),
            headline_cues=words("headline_cues"),
            name_verbs=words("name_verbs"),
            passive_name_verbs=words("passive_name_verbs"),
            name_markers=words("name_markers"),
            title_nouns=words("title_nouns"),
            governments=governments,
            refusals=words("refusal_verbs"),
            unsaid_if_denied=words("unsaid_if_denied"),
            partial_denials=words("partial_denials"),
            institutions=words("institution_nouns"),
            evidential=words("evidential_cues"),
            document_cues=words("document_cues"),
            conditions=words("condition_marks"),
            thoughts=words("thought_verbs"),
            headline_roles=words("headline_roles"),
            kinds_of={
                noun: frozenset(kinds)
                for noun, kinds in speech.get("institution_kinds", {}).items()
            },
            conformity=words("conformity_nouns"),
        )


@dataclass(frozen=True)
class ContrastLexicon:
    verbs: frozenset[str]
    phrases: tuple[str, ...]
    openers: frozenset[str]
    statement_nouns: frozenset[str]

    @classmethod
    def from_data(cls, data: dict) -> ContrastLexicon:
        """From `contrast.yml`."""
        return cls(
            verbs=frozenset(data.get("verbs", [])),
            phrases=tuple(data.get("phrases", [])),
            openers=frozenset(data.get("openers", [])),
            statement_nouns=frozenset(data.get("statement_nouns", [])),
        )


@dataclass(frozen=True)
class TimeLexicon:
    """The cue lists of `data/lexicons/time.yml` (see that file for what each means),
    plus the speech verbs of `speech.yml` (after which "would" reports a plan) and its
    condition marks (`conditional_markers`: a clause they open is not dated)."""

    scheduling: frozenset[str] = frozenset()
    future_auxiliaries: frozenset[str] = frozenset()
    hypothetical_modals: frozenset[str] = frozenset()
    conditional_markers: frozenset[str] = frozenset()
    hypothetical_words: frozenset[str] = frozenset()
    hypothetical_modifiers: frozenset[str] = frozenset()
    scheduled_modifiers: frozenset[str] = frozenset()
    ongoing_verbs: frozenset[str] = frozenset()
    ongoing_adverbs: frozenset[str] = frozenset()
    quantity_words: frozenset[str] = frozenset()
    quantity_before: frozenset[str] = frozenset()
    year_prepositions: frozenset[str] = frozenset()
    ahead_heads: frozenset[str] = frozenset()
    deferral_verbs: frozenset[str] = frozenset()
    planning_verbs: frozenset[str] = frozenset()
    belief_verbs: frozenset[str] = frozenset()
    name_labels: frozenset[str] = frozenset()
    dated_plurals: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, cues: dict, speech: dict) -> TimeLexicon:
        """From `time.yml` (and the cue verbs and condition marks of `speech.yml`)."""
        from_speech = {
            "reporting_verbs": _words(speech, "cue_verbs"),
            "conditional_markers": _words(speech, "condition_marks"),
        }
        fields = {
            name: _words(cues, name) for name in cls.__dataclass_fields__ if name not in from_speech
        }
        return cls(**fields, **from_speech)


@dataclass(frozen=True)
class LayoutLexicon:
    """The cues of `data/lexicons/layout.yml`: what on a page is a timestamp, a
    dateline, a byline, a page marker or a figures table (see that file)."""

    agencies: frozenset[str] = frozenset()
    timestamps: tuple[re.Pattern[str], ...] = ()
    byline_openers: frozenset[str] = frozenset()
    byline_separators: tuple[str, ...] = ()
    date_lines: tuple[re.Pattern[str], ...] = ()
    page_markers: tuple[re.Pattern[str], ...] = ()
    table_units: frozenset[str] = frozenset()
    table_note_openers: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: dict) -> LayoutLexicon:
        """From `layout.yml`."""
        return cls(
            agencies=_words(data, "agencies"),
            timestamps=tuple(re.compile(p) for p in data.get("timestamp_patterns") or []),
            byline_openers=_words(data, "byline_openers"),
            byline_separators=tuple(str(s) for s in data.get("byline_separators") or []),
            date_lines=tuple(re.compile(p) for p in data.get("date_line_patterns") or []),
            page_markers=tuple(
                re.compile(p, re.IGNORECASE) for p in data.get("page_markers") or []
            ),
            table_units=_words(data, "table_units"),
            # longest first, so "six mths" is tried before "six"
            table_note_openers=tuple(
                sorted(_words(data, "table_note_openers"), key=lambda w: (-len(w), w))
            ),
        )


@dataclass(frozen=True)
class LanguageLexicon:
    """The function words of a few languages (`data/lexicons/languages.yml`): `reads`
    is the language the pipeline is made for."""

    reads: str = "en"
    names: tuple[tuple[str, str], ...] = ()
    stopwords: tuple[tuple[str, frozenset[str]], ...] = ()

    @classmethod
    def from_data(cls, data: dict) -> LanguageLexicon:
        """From `languages.yml` (languages in file order)."""
        return cls(
            reads=str(data.get("reads") or "en"),
            names=tuple((str(k), str(v)) for k, v in (data.get("names") or {}).items()),
            stopwords=tuple(
                (str(code), frozenset(str(w).lower() for w in words or []))
                for code, words in (data.get("stopwords") or {}).items()
            ),
        )

    def name(self, code: str) -> str:
        return dict(self.names).get(code, code)
