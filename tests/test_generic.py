"""The package is generic: nothing in src/ names the seed's people, organisations,
weapons, treaties or dates (the brief's rule). The names come from the seed's own gold,
so a name added there is checked here too."""

from __future__ import annotations

import re

import pytest

from newsbook import config
from newsbook.evaluation.gold import load_gold
from tests.articles import SEED_ARTICLE

NAMED_TYPES = {"PERSON", "ORG", "WEAPON", "TREATY", "EVENT"}
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def seed_names() -> list[str]:
    gold = load_gold(config.GOLD_DIR / f"{SEED_ARTICLE.stem}.yml")
    names = {str(gold["published"])}
    for entity in gold["entities"]:
        if entity["type"] in NAMED_TYPES:
            names.update([entity["name"], *(entity.get("aliases") or [])])
    values = (str(timex.get("value")) for timex in gold["timex"])
    names.update(value for value in values if FULL_DATE.fullmatch(value))
    return sorted(names)


def mentions(names: list[str], text: str) -> list[str]:
    """The names that occur in the text as whole words ("Ivanovich" is not "Ivanov")."""
    return [n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)]


def test_the_seed_gold_gives_names_to_look_for():
    names = seed_names()
    assert len(names) >= 20
    assert any(FULL_DATE.fullmatch(n) for n in names)


SOURCES = sorted(config.PACKAGE_DIR.rglob("*.py"))


@pytest.mark.parametrize(
    "source", SOURCES, ids=[str(p.relative_to(config.PACKAGE_DIR)) for p in SOURCES]
)
def test_source_names_nothing_of_the_seed(source):
    found = mentions(seed_names(), source.read_text(encoding="utf-8"))
    assert not found, f"{source} names the seed's {found}: use invented names"


def test_the_check_sees_a_name():
    assert mentions(["Ivan Oblonsky", "1999-01-02"], '"Ivan Oblonsky said" on 1999-01-02') == [
        "Ivan Oblonsky",
        "1999-01-02",
    ]
    assert mentions(["Oblonsky"], "Oblonskyan, Oblonsky-Ivanova") == []
