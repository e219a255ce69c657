"""Linking across articles: one `corpus_entity_id` for one real-world entity, however
many articles name it and however they spell it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

import pandas as pd

from newsbook.corpus.readers import cell_text


def name_key(name: str) -> str:
    """A name as a comparable key: case, accents, periods and apostrophes dropped,
    other punctuation and spaces as `-` ("Anna K. Berg" -> "anna-k-berg")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[.'’]", "", text)
    return re.sub(r"[\W_]+", "-", text).strip("-")


def _split_aliases(value: object) -> list[str]:
    return [a.strip() for a in cell_text(value).split("|") if a.strip()]


def link_entities(
    entities: pd.DataFrame, *, country_aliases: dict[str, str] | None = None
) -> pd.DataFrame:
    """`entities` with `corpus_entity_id`: one id for one real-world entity across articles.

    Reads `name, type, aliases` (and `weight`, a row count, when given). The key is the
    type and the normalised name; GPE names and aliases go through the places lexicon
    (`country_aliases`: lower-cased alias -> country). People with the same first and
    last name are one unless their middle names or initials differ; a surname alone joins
    the one full name in the corpus that ends with it, and stays apart when several do.
    Other types (not GPE) join the one entity of their type that lists them as an alias.
    Deterministic: the ids do not depend on the order of the rows.
    """
    for column in ("name", "type", "aliases"):
        if column not in entities.columns:
            raise ValueError(f"link_entities needs a `{column}` column")
    country_aliases = country_aliases or {}
    weights = entities["weight"] if "weight" in entities.columns else pd.Series(1, entities.index)
    keys: list[tuple[str, str]] = []
    display: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    alias_keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for name, kind, aliases, weight in zip(
        entities["name"], entities["type"], entities["aliases"], weights, strict=True
    ):
        name, kind, alias_list = cell_text(name), cell_text(kind), _split_aliases(aliases)
        if kind == "GPE":
            country = next(
                (
                    country_aliases[form.lower()]
                    for form in [name, *alias_list]
                    if form.lower() in country_aliases
                ),
                None,
            )
            name = country or name
        key = (kind, name_key(name) or name)
        keys.append(key)
        display[key][name] += int(weight)
        alias_keys[key].update(name_key(a) for a in alias_list)
    parent = _person_clusters(display) | _alias_clusters(display, alias_keys)
    cluster_of = {key: parent.get(key, key) for key in display}
    members: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, root in cluster_of.items():
        members[root].append(key)
    ids = {}
    for root, keys_in in members.items():
        names = Counter()
        for key in keys_in:
            names.update(display[key])
        best = max(names, key=lambda n: (len(n.split()), names[n], len(n), _reverse(n)))
        ids[root] = f"{root[0].lower()}:{name_key(best) or best}"
    out = entities.copy()
    out["corpus_entity_id"] = [ids[cluster_of[key]] for key in keys]
    return out


def _reverse(text: str) -> tuple[int, ...]:
    """A sort key that prefers the alphabetically first text under max()."""
    return tuple(-ord(c) for c in text)


def _person_clusters(
    display: dict[tuple[str, str], Counter[str]],
) -> dict[tuple[str, str], tuple[str, str]]:
    """Key -> the key of its cluster, for people."""
    full: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    singles = []
    for key in sorted(display):
        if key[0] != "PERSON":
            continue
        tokens = key[1].split("-")
        if len(tokens) >= 2:
            full[(tokens[0], tokens[-1])].append(key)
        else:
            singles.append(key)
    parent: dict[tuple[str, str], tuple[str, str]] = {}
    clusters_by_surname: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for (_, last), keys in full.items():
        middles = {key: key[1].split("-")[1:-1] for key in keys}
        distinct = {tuple(m) for m in middles.values() if m}
        if len(distinct) <= 1:  # "Anna Berg" and "Anna K. Berg": one person
            root = max(keys, key=lambda k: (len(k[1]), _reverse(k[1])))
            for key in keys:
                parent[key] = root
            clusters_by_surname[last].add(root)
        else:  # "John A. Smith" and "John B. Smith": the bare name stays apart
            for key in keys:
                if middles[key]:
                    clusters_by_surname[last].add(key)
    for key in singles:
        candidates = clusters_by_surname.get(key[1], set())
        if len(candidates) == 1:
            parent[key] = next(iter(candidates))
    return parent


def _alias_clusters(
    display: dict[tuple[str, str], Counter[str]], alias_keys: dict[tuple[str, str], set[str]]
) -> dict[tuple[str, str], tuple[str, str]]:
    """Key -> the one entity of its type that lists it as an alias ("Herald" -> "Norland
    Herald"), for types other than PERSON (by name, above) and GPE (by the lexicon: a
    capital listed as a state's alias is still a city when it does not act)."""
    listed_by: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for key, aliases in alias_keys.items():
        if key[0] in {"PERSON", "GPE"}:
            continue
        for alias in aliases:
            if alias and alias != key[1]:
                listed_by[(key[0], alias)].add(key)
    parent = {}
    for key in display:
        owners = listed_by.get(key, set())
        if len(owners) == 1:
            owner = next(iter(owners))
            if owner not in listed_by or len(listed_by[owner]) != 1:  # no chains
                parent[key] = owner
    return parent
