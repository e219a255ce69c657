"""Choosing the articles of a corpus: a FILTER (a YAML rule, format in
`data/corpus/README.md`) and a date range, applied to the records of a corpus INPUT
before they are analysed, so a selection is stated, reproducible and cheap.

A rule keeps an article when its `pattern` matches often enough in the searched
fields (`headline`, `text`), at least once in its lead, and its `exclude` pattern does
not; `dedupe` drops re-sent copies of a text already kept. Records keep their input
order; the counts of what was read, kept and dropped are kept in a `Selection`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from newsbook.corpus.records import Record, record_article
from newsbook.errors import InputError

FIELDS = ("headline", "text")  # the record fields a rule may search
RULE_KEYS = {
    "name",
    "description",
    "require_text",
    "fields",
    "normalize_whitespace",
    "flags",
    "pattern",
    "min_matches",
    "lead",
    "exclude",
    "dedupe",
}
DEDUPE_MODES = ("", "normalized_text")
SIGN_OFF = re.compile(r"\s*reuter\s*$")  # the wire's closing word, not part of a story


@dataclass(frozen=True)
class CorpusFilter:
    """A parsed FILTER rule (see the module docstring)."""

    name: str
    pattern: re.Pattern[str]
    fields: tuple[str, ...] = FIELDS
    min_matches: int = 1
    lead_chars: int | None = None
    lead_min_matches: int = 1
    exclude: re.Pattern[str] | None = None
    exclude_fields: tuple[str, ...] = FIELDS
    require_text: bool = True
    normalize_whitespace: bool = True
    dedupe: str = ""

    def searched(self, values: dict[str, str], fields: tuple[str, ...]) -> str:
        text = "\n".join(values.get(field, "") for field in fields)
        return " ".join(text.split()) if self.normalize_whitespace else text

    def passes(self, headline: str, text: str) -> bool:
        """The rule without `dedupe`: is this one article in?"""
        if self.require_text and not text.strip():
            return False
        values = {"headline": headline, "text": text}
        if len(self.pattern.findall(self.searched(values, self.fields))) < self.min_matches:
            return False
        if self.lead_chars is not None:
            lead = {"headline": headline, "text": text[: self.lead_chars]}
            if len(self.pattern.findall(self.searched(lead, FIELDS))) < self.lead_min_matches:
                return False
        return not (
            self.exclude and self.exclude.search(self.searched(values, self.exclude_fields))
        )


def dedupe_key(text: str) -> str:
    """A text as compared for re-sends (lower case, white space collapsed, the wire's
    sign-off dropped), as a digest: a large corpus keeps keys, not texts, in memory."""
    normalised = SIGN_OFF.sub("", " ".join(text.split()).lower())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def _flags(names: object, *, where: str) -> int:
    value = 0
    for name in names or []:
        if name not in {"IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "ASCII"}:
            raise InputError(f"{where}: unknown regular-expression flag {name!r}")
        value |= getattr(re, name)
    return value


def _compile(pattern: object, flags: object, *, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise InputError(f"{where}: `pattern` must be a regular expression")
    try:
        return re.compile(pattern, _flags(flags, where=where))
    except re.error as error:
        raise InputError(
            f"{where}: `pattern` is not a valid regular expression ({error})"
        ) from None


def _fields(value: object, *, where: str) -> tuple[str, ...]:
    fields = tuple(value or FIELDS)
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        raise InputError(f"{where}: `fields` may name {', '.join(FIELDS)}, not {unknown[0]!r}")
    return fields


def read_filter(path: str | Path) -> CorpusFilter:
    """A FILTER rule from its YAML file; one clear InputError for a bad one."""
    path = Path(path)
    where = f"filter {path.name}"
    try:
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"filter {path} cannot be read ({error.strerror or error})") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(f"{where} is not valid YAML ({first})") from None
    if not isinstance(rule, dict):
        raise InputError(f"{where} must hold keys (pattern, fields, min_matches, ...)")
    unknown = sorted(set(rule) - RULE_KEYS)
    if unknown:
        raise InputError(
            f"{where}: unknown key {unknown[0]!r} (a rule has {', '.join(sorted(RULE_KEYS))})"
        )
    lead = rule.get("lead") or {}
    exclude = rule.get("exclude") or {}
    if not isinstance(lead, dict) or not isinstance(exclude, dict):
        raise InputError(f"{where}: `lead` and `exclude` hold keys")
    dedupe = str(rule.get("dedupe") or "")
    if dedupe not in DEDUPE_MODES:
        raise InputError(f"{where}: `dedupe` is {', '.join(repr(m) for m in DEDUPE_MODES[1:])}")
    try:
        return CorpusFilter(
            name=str(rule.get("name") or path.stem),
            pattern=_compile(rule.get("pattern"), rule.get("flags"), where=where),
            fields=_fields(rule.get("fields"), where=where),
            min_matches=int(rule.get("min_matches", 1)),
            lead_chars=int(lead["chars"]) if "chars" in lead else None,
            lead_min_matches=int(lead.get("min_matches", 1)),
            exclude=_compile(exclude["pattern"], exclude.get("flags"), where=where)
            if exclude
            else None,
            exclude_fields=_fields(exclude.get("fields"), where=where),
            require_text=bool(rule.get("require_text", True)),
            normalize_whitespace=bool(rule.get("normalize_whitespace", True)),
            dedupe=dedupe,
        )
    except (TypeError, ValueError) as error:
        raise InputError(f"{where}: a count is not a whole number ({error})") from None


@dataclass
class Selection:
    """What a selection read and what it dropped, and why."""

    read: int = 0
    kept: int = 0
    filtered_out: int = 0
    duplicates: int = 0
    outside_dates: int = 0
    undated: int = 0  # dropped because a date range was asked and the article has no date
    unreadable: int = 0  # passed on unjudged: the analysis reports why it cannot be read


@dataclass(frozen=True)
class _Seen:
    """A record as the selection judges it: its text, headline and date, read from its
    file when the record is a file."""

    record: Record
    text: str | None
    headline: str
    published: str


def _seen(record: Record) -> _Seen:
    if record.error:
        return _Seen(record, None, "", "")
    try:
        # as the analysis reads it: a file with its sidecar, a table's page or Markdown
        # for its story
        article = record_article(record)
    except InputError:
        if record.path is None:  # a table's row is judged on what it holds; the analysis
            # then says why it cannot be read
            return _Seen(record, record.text or "", record.headline, record.published or "")
        return _Seen(record, None, "", "")
    published = article.published.isoformat() if article.published else ""
    return _Seen(record, article.text, article.headline, published)


def select_records(
    records: Iterable[Record],
    *,
    rule: CorpusFilter | None = None,
    date_from: str = "",
    date_to: str = "",
    report: Selection | None = None,
) -> Iterator[Record]:
    """The records that pass `rule` and fall within `date_from`..`date_to` (inclusive,
    YYYY-MM-DD; an undated article is left out when a range is given), in input order.
    A record that cannot be read is passed on unjudged, so the analysis reports why."""
    report = report if report is not None else Selection()
    kept_texts: set[str] = set()
    for record in records:
        report.read += 1
        seen = _seen(record)
        if seen.text is None:
            report.unreadable += 1
            report.kept += 1
            yield record
            continue
        if (date_from or date_to) and not seen.published:
            report.undated += 1
            continue
        if (date_from and seen.published < date_from) or (date_to and seen.published > date_to):
            report.outside_dates += 1
            continue
        if rule is not None and not rule.passes(seen.headline, seen.text):
            report.filtered_out += 1
            continue
        if rule is not None and rule.dedupe:
            key = dedupe_key(seen.text)
            if key in kept_texts:
                report.duplicates += 1
                continue
            kept_texts.add(key)
        report.kept += 1
        yield record


def with_issues(records: Iterable[Record], issues: Path | None) -> Iterator[Record]:
    """The records, each to be analysed with the issue catalogue `issues` added to the
    project's (None: the project's alone)."""
    for record in records:
        yield dataclasses.replace(record, issues=str(issues)) if issues else record
