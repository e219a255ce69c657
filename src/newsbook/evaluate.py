"""Scoring every stage against hand-made gold (format: data/gold/README.md).

Gold spans are given as text plus occurrence and located in the article's text; a
snippet that is not found raises GoldError, so a typo in the gold cannot pass silently.
Every score is computed from both sides: an empty output scores zero recall.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

CORE_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "WEAPON", "TREATY", "EVENT"})


class GoldError(ValueError):
    """The gold file does not fit its article."""


def load_gold(path: Path) -> dict:
    gold = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    for key in ("entities", "mentions", "quotes", "positions", "timex", "events"):
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


def _forms(*names: str) -> set[str]:
    forms = set()
    for name in names:
        name = " ".join(str(name).split())
        if name:
            forms.add(name.casefold())
            forms.add(re.sub(r"^the\s+", "", name.casefold()))
    return forms


def _system_forms(row: pd.Series) -> set[str]:
    aliases = [a for a in str(row["aliases"] or "").split(" | ") if a]
    return _forms(row["name"], *aliases)


@dataclass
class Score:
    """Counts behind precision, recall or accuracy, and the errors behind them."""

    correct: int
    expected: int
    produced: int
    errors: list[dict]

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return (
            self.correct / self.produced if self.produced else (1.0 if not self.expected else 0.0)
        )

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_entities(gold: dict, entities: pd.DataFrame) -> dict[str, str]:
    """Gold entity id -> system entity id, one to one, by shared names and aliases."""
    system = entities[entities["type"].isin(CORE_TYPES)]
    used: set[str] = set()
    mapping: dict[str, str] = {}
    candidates = []
    for g in gold["entities"]:
        gold_forms = _forms(g["name"], *(g.get("aliases") or []))
        for _, row in system.iterrows():
            shared = gold_forms & _system_forms(row)
            if shared:
                exact = str(row["name"]).casefold() in gold_forms
                candidates.append((not exact, -len(shared), g["id"], row["entity_id"]))
    for _, _, gold_id, system_id in sorted(candidates):
        if gold_id not in mapping and system_id not in used:
            mapping[gold_id] = system_id
            used.add(system_id)
    return mapping


def score_entities(gold: dict, entities: pd.DataFrame) -> Score:
    mapping = match_entities(gold, entities)
    system = entities[entities["type"].isin(CORE_TYPES)]
    errors = [
        {"expected": g["name"], "found": "", "what": "missed entity"}
        for g in gold["entities"]
        if g["id"] not in mapping
    ]
    errors += [
        {"expected": "", "found": row["name"], "what": f"spurious {row['type']}"}
        for _, row in system.iterrows()
        if row["entity_id"] not in mapping.values()
    ]
    return Score(len(mapping), len(gold["entities"]), len(system), errors)


def score_same_name_mentions(
    gold: dict, text: str, mentions: pd.DataFrame, entities: pd.DataFrame
) -> Score:
    """Each gold mention of a shared name resolved to the right entity (or left
    ambiguous where the gold says so)."""
    mapping = match_entities(gold, entities)
    correct, errors = 0, []
    for g in gold["mentions"]:
        start, end = locate(text, g["text"], g.get("occurrence", 1))
        hit = mentions[(mentions["start"] < end) & (mentions["end"] > start)]
        found = hit["entity_id"].iloc[0] if len(hit) else None
        expected = (
            ""
            if g["entity"] == "ambiguous"
            else mapping.get(g["entity"], f"<unmatched {g['entity']}>")
        )
        if found == expected:
            correct += 1
        else:
            errors.append(
                {
                    "expected": g["entity"],
                    "found": found,
                    "what": f"{g['text']} #{g.get('occurrence', 1)}",
                }
            )
    return Score(correct, len(gold["mentions"]), len(gold["mentions"]), errors)


def score_quotes(
    gold: dict, text: str, quotes: pd.DataFrame, entities: pd.DataFrame, *, kind: str
) -> Score:
    """Speaker accuracy over the gold statements of one kind: the statement must be
    found (a system row overlapping it) with the right speaker."""
    mapping = match_entities(gold, entities)
    wanted = [q for q in gold["quotes"] if q["kind"] == kind]
    correct, errors = 0, []
    for g in wanted:
        start, end = locate(text, g["text"], g.get("occurrence", 1))
        hit = quotes[(quotes["start"] < end) & (quotes["end"] > start)]
        same_kind = hit[hit["kind"] == kind]
        hit = same_kind if len(same_kind) else hit
        expected = (
            mapping.get(g["speaker"], f"<unmatched {g['speaker']}>") if g.get("speaker") else ""
        )
        found = list(hit["speaker_id"]) if len(hit) else None
        if found is not None and expected in found:
            correct += 1
        else:
            errors.append(
                {
                    "expected": g.get("speaker") or g.get("speaker_phrase", ""),
                    "found": "; ".join(hit["speaker"]) if len(hit) else "(not found)",
                    "what": g["text"][:60],
                }
            )
    produced = int((quotes["kind"] == kind).sum())
    return Score(correct, len(wanted), produced, errors)


def _iso(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def score_timex(gold: dict, text: str, timex: pd.DataFrame) -> Score:
    """Value accuracy over gold expressions (found and normalised right)."""
    correct, errors = 0, []
    for g in gold["timex"]:
        start, end = locate(text, g["text"], g.get("occurrence", 1))
        hit = timex[(timex["start"] < end) & (timex["end"] > start)]
        found = str(hit["value"].iloc[0]) if len(hit) else None
        if found is not None and found == _iso(g.get("value")):
            correct += 1
        else:
            errors.append({"expected": _iso(g.get("value")), "found": found, "what": g["text"]})
    return Score(correct, len(gold["timex"]), len(timex), errors)


def score_events(gold: dict, text: str, events: pd.DataFrame, timex: pd.DataFrame) -> Score:
    """Event dating: the event of each gold expression has the right date and modality."""
    correct, errors = 0, []
    for g in gold["events"]:
        start, end = locate(text, g["timex"], g.get("occurrence", 1))
        ids = timex.loc[(timex["start"] < end) & (timex["end"] > start), "timex_id"]
        hit = events[events["timex_id"].isin(ids)]
        row = hit.iloc[0] if len(hit) else None
        ok = (
            row is not None
            and str(row["date"]) == _iso(g.get("date"))
            and row["modality"] == g.get("modality")
        )
        correct += ok
        if not ok:
            found = "(not found)" if row is None else f"{row['date']} {row['modality']}"
            errors.append(
                {
                    "expected": f"{_iso(g.get('date'))} {g.get('modality')}",
                    "found": found,
                    "what": g["timex"],
                }
            )
    return Score(correct, len(gold["events"]), len(events), errors)


def score_positions(
    gold: dict, text: str, positions: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame
) -> Score:
    """Accuracy: the gold (actor, issue, evidence sentence) has a position with that stance."""
    mapping = match_entities(gold, entities)
    correct, errors = 0, []
    for g in gold["positions"]:
        start, _ = locate(text, g["evidence"], g.get("occurrence", 1))
        sentence = sentences[(sentences["start"] <= start) & (sentences["end"] > start)]
        sid = int(sentence["sentence_id"].iloc[0]) if len(sentence) else -2
        hit = positions[
            (positions["actor_id"] == mapping.get(g["actor"], "?"))
            & (positions["issue_id"] == g["issue"])
            & (positions["sentence_id"] == sid)
        ]
        ok = bool(len(hit)) and g["stance"] in set(hit["stance"])
        correct += ok
        if not ok:
            errors.append(
                {
                    "expected": f"{g['actor']} {g['stance']} {g['issue']}",
                    "found": "; ".join(hit["stance"]) if len(hit) else "(not found)",
                    "what": g["evidence"][:60],
                }
            )
    return Score(correct, len(gold["positions"]), len(positions), errors)


def evaluate_article(gold: dict, text: str, tables: dict[str, pd.DataFrame]) -> dict[str, Score]:
    """Every stage's score on one article."""
    return {
        "entities": score_entities(gold, tables["entities"]),
        "same-name mentions": score_same_name_mentions(
            gold, text, tables["mentions"], tables["entities"]
        ),
        "direct quotes": score_quotes(
            gold, text, tables["quotes"], tables["entities"], kind="direct"
        ),
        "reported speech": score_quotes(
            gold, text, tables["quotes"], tables["entities"], kind="reported"
        ),
        "positions": score_positions(
            gold, text, tables["positions"], tables["sentences"], tables["entities"]
        ),
        "timex values": score_timex(gold, text, tables["timex"]),
        "event dating": score_events(gold, text, tables["events"], tables["timex"]),
    }


def scores_table(article_id: str, scores: dict[str, Score]) -> pd.DataFrame:
    rows = [
        {
            "article_id": article_id,
            "stage": stage,
            "correct": s.correct,
            "expected": s.expected,
            "produced": s.produced,
            "precision": round(s.precision, 3),
            "recall": round(s.recall, 3),
            "f1": round(s.f1, 3),
        }
        for stage, s in scores.items()
    ]
    return pd.DataFrame(rows)
