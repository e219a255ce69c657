"""Everything a stage reads from `data/`: lexicons, gazetteers and the issue catalogue,
loaded once and passed to the stages explicitly (no global state)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.language import Language

from newsbook import config
from newsbook.errors import InputError
from newsbook.text.layout import load_furniture_patterns
from newsbook.text.nlp import make_nlp


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
class Resources:
    """The editable data every stage works from."""

    nlp: Language
    furniture: tuple[re.Pattern[str], ...]
    country_aliases: dict[str, str]  # lower-cased alias -> country name
    capitals: tuple[Capital, ...]
    demonyms: frozenset[str]
    state_adjectives: dict[str, str]  # lower-cased nationality adjective -> country
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    title_prefixes: frozenset[str]
    org_descriptors: frozenset[str]
    issues: tuple[dict, ...]
    annotations_dir: Path
    speech: dict
    stance: dict
    contrast: dict
    lexicon_dir: Path

    @classmethod
    def load(
        cls,
        lexicon_dir: Path = config.LEXICON_DIR,
        issues_file: Path = config.ISSUES_FILE,
        annotations_dir: Path = config.ANNOTATION_DIR,
    ) -> Resources:
        places = _yaml(lexicon_dir / "places.yml")
        titles = _yaml(lexicon_dir / "titles.yml")
        country_aliases = {}
        for country in places.get("countries", []):
            for alias in [country["name"], *country.get("aliases", [])]:
                country_aliases[alias.lower()] = country["name"]
        capitals = tuple(
            Capital(c["capital"], c["state"], c.get("from"), c.get("until"))
            for c in places.get("capitals", [])
        )
        descriptors = (lexicon_dir / "org_descriptors.txt").read_text(encoding="utf-8")
        issues = _yaml(issues_file).get("issues", []) if issues_file.exists() else []
        return cls(
            nlp=make_nlp(str(lexicon_dir)),
            furniture=tuple(load_furniture_patterns(lexicon_dir / "furniture.txt")),
            country_aliases=country_aliases,
            capitals=capitals,
            demonyms=frozenset(w.lower() for w in places.get("demonyms", [])),
            state_adjectives={
                k.lower(): v for k, v in (places.get("state_adjectives") or {}).items()
            },
            title_heads=frozenset(w.lower() for w in titles.get("heads", [])),
            title_modifiers=frozenset(w.lower() for w in titles.get("modifiers", [])),
            title_prefixes=frozenset(w.lower() for w in titles.get("prefixes", [])),
            org_descriptors=frozenset(
                line.strip().lower()
                for line in descriptors.splitlines()
                if line.strip() and not line.startswith("#")
            ),
            issues=tuple(issues),
            annotations_dir=annotations_dir,
            speech=_yaml(lexicon_dir / "speech.yml"),
            stance=_yaml(lexicon_dir / "stance.yml"),
            contrast=_yaml(lexicon_dir / "contrast.yml"),
            lexicon_dir=lexicon_dir,
        )

    @property
    def government_nouns(self) -> frozenset[str]:
        """ "administration", "government": after a leader's name, the government."""
        return frozenset(w.lower() for w in self.stance.get("government_nouns", []))

    def with_issues(self, issues: list[dict]) -> Resources:
        """The same resources with more issues in the catalogue (an article's or an
        analyst's own); an issue with a known id replaces the catalogue's."""
        extra = {issue["id"]: issue for issue in issues}
        kept = tuple(i for i in self.issues if i["id"] not in extra)
        return dataclasses.replace(self, issues=kept + tuple(extra.values()))

    def state_for_capital(self, name: str, day: dt.date | None) -> str | None:
        """The state a capital stands for on `day` (None when unknown for that date)."""
        matches = [c for c in self.capitals if c.capital.lower() == name.lower()]
        for capital in matches:
            if capital.holds_on(day):
                return capital.state
        if day is None and len({c.state for c in matches}) == 1:
            return matches[0].state
        return None


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


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
