"""Gold files (format: data/gold/README.md): reading them, locating their snippets in
the article's text, and finding the article each one is about.

Gold spans are given as text plus occurrence and located in the article's text; a
snippet that is not found raises GoldError, so a typo in the gold cannot pass silently.

The article text of a gold file is found, in this order, at
1. the path in the gold file's optional `article:` key (relative to the gold file),
2. the book's own article, when its id is the gold's `article_id`,
3. beside the gold file: `<article_id>.txt` (or .html, .htm, .sgm) in the same folder,
4. the project's `data/raw/<article_id>.txt` (or .html, .htm, .sgm);
no article at any of these is an InputError naming the places looked at. The article id
is the gold's `article_id`, else the gold file's stem; the publication date is the
gold's `published`, else the article's own (sidecar or the book's PUBLISHED).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from newsbook import config
from newsbook.errors import InputError
from newsbook.text.article import article_id_for, read_article


class GoldError(InputError, ValueError):
    """The gold file cannot be read or does not fit its article (an InputError: one
    line, no traceback)."""


GOLD_SECTIONS = ("entities", "mentions", "quotes", "positions", "timex", "events")


ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".sgm")


def load_gold(path: Path) -> dict:
    path = Path(path)
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"gold file {path} cannot be read: {error}") from None
    except yaml.YAMLError as error:
        first = str(error).splitlines()[0] if str(error) else "syntax error"
        raise GoldError(f"gold file {path} is not valid YAML ({first})") from None
    if not isinstance(gold, dict):
        raise GoldError(
            f"gold file {path} must be a YAML mapping (article_id, entities, quotes, ...; "
            "see data/gold/README.md)"
        )
    for key in GOLD_SECTIONS:
        gold[key] = gold.get(key) or []
    return gold


def locate(text: str, snippet: str, occurrence: int = 1) -> tuple[int, int]:
    """Offsets of the n-th occurrence of `snippet` in `text`."""
    position = -1
    for _ in range(int(occurrence or 1)):
        position = text.find(str(snippet), position + 1)
        if position < 0:
            raise GoldError(
                f"gold snippet {snippet!r} (occurrence {occurrence}) is not in the text"
            )
    return position, position + len(str(snippet))


@dataclass(frozen=True)
class GoldCase:
    """One gold file and the article it annotates."""

    article_id: str
    gold_path: Path
    article_path: Path
    published: str  # the gold's date, YYYY-MM-DD; empty: the article's own


def gold_files(gold: str | Path) -> list[Path]:
    """A gold file, or the *.yml / *.yaml files of a folder (sorted)."""
    path = Path(gold)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
        if not files:
            raise InputError(f"gold folder {path} holds no .yml gold files")
        return files
    if path.is_file():
        return [path]
    raise InputError(f"gold {path} does not exist: give a gold .yml file or a folder of them")


def find_article(gold_path: Path, gold: dict, *, book_article: Path | None = None) -> Path:
    """The article a gold file annotates (the order is in this module's docstring)."""
    gold_path = Path(gold_path)
    article_id = str(gold.get("article_id") or gold_path.stem)
    if isinstance(gold.get("article"), dict):
        raise GoldError(
            f"gold file {gold_path.name}: `article:` names the article's file; what a reader "
            "should get from the file goes under `reading:` (see data/gold/README.md)"
        )
    if gold.get("article"):
        given = (gold_path.parent / str(gold["article"])).resolve()
        if not given.is_file():
            raise InputError(f"gold file {gold_path} names article {given}, which does not exist")
        return given

    if book_article is not None and article_id_for(Path(book_article)) == article_id:
        return Path(book_article)
    tried = [gold_path.parent / f"{article_id}{suffix}" for suffix in ARTICLE_SUFFIXES]
    tried += [config.RAW_DIR / f"{article_id}{suffix}" for suffix in ARTICLE_SUFFIXES]
    for candidate in tried:
        if candidate.is_file():
            return candidate
    raise InputError(
        f"no article text for gold file {gold_path.name} (article_id {article_id}): add "
        f"`article: path/to/text.txt` to it, or put {article_id}.txt beside it or in data/raw/"
    )


SNIPPET_KEYS = {"mentions": "text", "quotes": "text", "positions": "evidence", "timex": "text"}


def check_gold(gold: dict, text: str, *, name: str) -> None:
    """Every snippet of a gold file is in its article and every item has its keys: a
    GoldError naming the file otherwise, before any stage runs."""
    try:
        for section, key in [*SNIPPET_KEYS.items(), ("events", "timex")]:
            for item in gold[section]:
                locate(text, item[key], item.get("occurrence", 1))
        for entity in gold["entities"]:
            if not entity["id"] or not entity["name"]:
                raise KeyError("id or name")
        reading = gold.get("reading")
        if reading is not None and not isinstance(reading, dict):
            raise GoldError("`reading:` must be a mapping (format, headline, ...)")
        for snippet in (reading or {}).get("kept") or []:
            locate(" ".join(text.split()), " ".join(str(snippet).split()))
    except (KeyError, TypeError, AttributeError) as error:
        raise GoldError(f"gold file {name}: an item lacks the key {error}") from None
    except GoldError as error:
        raise GoldError(f"gold file {name}: {error}") from None


def gold_cases(gold: str | Path, *, book_article: str | Path | None = None) -> list[GoldCase]:
    """Every gold file under `gold` with its article and publication date, checked
    against the article's text."""
    cases = []
    for path in gold_files(gold):
        content = load_gold(path)
        published = iso_value(content.get("published"))
        if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
            raise InputError(f"gold file {path}: published {published!r} is not YYYY-MM-DD")
        article = find_article(
            path, content, book_article=Path(book_article) if book_article else None
        )
        check_gold(content, read_article(article).text, name=path.name)
        article_id = str(content.get("article_id") or path.stem)
        if article_id in {c.article_id for c in cases}:
            raise GoldError(f"gold file {path.name}: a second gold file for article {article_id}")
        cases.append(
            GoldCase(
                article_id=article_id,
                gold_path=path.resolve(),
                article_path=article.resolve(),
                published=published,
            )
        )
    return cases


def iso_value(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)
