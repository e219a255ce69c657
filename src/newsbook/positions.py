"""Stage 4, where each actor stands: stances on the issues of the catalogue.

A sentence that names an issue (its patterns) and carries a stance cue yields a
position for its actor: the speaker of the statement in it, else its subject entity.
A negation on the cue flips it; a reversal ("back down from") turns it round; options
and predictions are `neutral` with `hedged` set. An analyst's file under
`data/annotations/` adds or overrides positions (`source = manual`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import yaml

from newsbook.article import Article
from newsbook.resources import Resources

POSITION_COLUMNS = [
    "article_id",
    "position_id",
    "actor_id",
    "actor",
    "issue_id",
    "issue",
    "stance",
    "sentence_id",
    "evidence",
    "cue",
    "source",
    "hedged",
]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'-]*", text.lower())


def stance_of(text: str, lexicon: dict) -> tuple[str, str, bool]:
    """Stance, cue and hedge flag of a sentence from its cue words and negations."""
    words = _words(text)
    lowered = " ".join(words)
    hedged = any(h in words for h in lexicon.get("hedges", []))
    support = set(lexicon.get("support", []))
    oppose = set(lexicon.get("oppose", []))
    polarity, cue = 0, ""
    for i, word in enumerate(words):
        for form in (word, re.sub(r"(?:ed|ing|s)$", "", word), re.sub(r"(?:d|ing)$", "", word)):
            if form in oppose:
                polarity, cue = -1, word
            elif form in support:
                polarity, cue = 1, word
            else:
                continue
            window = words[max(0, i - 3) : i]
            if any(w in {"not", "no", "never", "n't", "nor"} for w in window):
                polarity = -polarity
            break
        if polarity:
            break
    if any(phrase in lowered for phrase in lexicon.get("reversal", [])) and polarity:
        negated = re.search(r"\bnot (?:\w+ )?(?:back down|give up|drop|abandon|retreat)", lowered)
        polarity = polarity if negated else -polarity
    if hedged:
        return "neutral", cue, True
    return {1: "support", -1: "oppose", 0: "neutral"}[polarity], cue, False


def extract_positions(
    article: Article,
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
    resources: Resources,
    *,
    annotations_dir: Path | None = None,
) -> pd.DataFrame:
    """The `positions` table: automatic positions, then the analyst's manual ones."""
    names = dict(zip(entities["entity_id"], entities["name"], strict=True))
    types = dict(zip(entities["entity_id"], entities["type"], strict=True))
    issues = [
        (i, [re.compile(p, re.IGNORECASE) for p in i.get("patterns", [])]) for i in resources.issues
    ]
    rows = []
    for sentence in sentences.itertuples(index=False):
        found = [
            issue for issue, patterns in issues if any(p.search(sentence.text) for p in patterns)
        ]
        if not found:
            continue
        stance, cue, hedged = stance_of(sentence.text, resources.stance)
        if not cue:
            continue
        for actor_id in _actors(sentence, quotes, mentions, types):
            for issue in found:
                rows.append(
                    {
                        "article_id": article.article_id,
                        "actor_id": actor_id,
                        "actor": names.get(actor_id, ""),
                        "issue_id": issue["id"],
                        "issue": issue.get("label", issue["id"]),
                        "stance": stance,
                        "sentence_id": sentence.sentence_id,
                        "evidence": " ".join(sentence.text.split()),
                        "cue": cue,
                        "source": "auto",
                        "hedged": hedged,
                    }
                )
    auto = pd.DataFrame(rows, columns=POSITION_COLUMNS)
    manual = read_manual_positions(article, annotations_dir, names, resources)
    combined = pd.concat([auto, manual], ignore_index=True) if len(manual) else auto
    if len(manual):
        keys = set(zip(manual["actor_id"], manual["issue_id"], manual["sentence_id"], strict=True))
        overridden = [
            (a, i, s) in keys and src == "auto"
            for a, i, s, src in zip(
                combined["actor_id"],
                combined["issue_id"],
                combined["sentence_id"],
                combined["source"],
                strict=True,
            )
        ]
        combined = combined[[not o for o in overridden]]
    combined = combined.sort_values(["sentence_id", "actor_id", "issue_id", "source"]).reset_index(
        drop=True
    )
    combined["position_id"] = [f"p{i}" for i in range(1, len(combined) + 1)]
    return combined[POSITION_COLUMNS]


def _actors(sentence, quotes: pd.DataFrame, mentions: pd.DataFrame, types: dict) -> list[str]:
    speakers = quotes.loc[
        (quotes["sentence_id"] == sentence.sentence_id) & (quotes["speaker_id"] != ""), "speaker_id"
    ]
    if len(speakers):
        return list(dict.fromkeys(speakers))
    inside = mentions[
        (mentions["sentence_id"] == sentence.sentence_id) & (mentions["entity_id"] != "")
    ]
    actors = [e for e in inside["entity_id"] if types.get(e) in {"PERSON", "ORG", "GPE"}]
    return actors[:1]


def read_manual_positions(
    article: Article, annotations_dir: Path | None, names: dict, resources: Resources
) -> pd.DataFrame:
    """An analyst's positions for this article: `ANNOTATIONS/<article_id>.yml` with a
    `positions:` list of actor_id, issue_id, stance, sentence_id, evidence."""
    if annotations_dir is None:
        return pd.DataFrame(columns=POSITION_COLUMNS)
    path = Path(annotations_dir) / f"{article.article_id}.yml"
    if not path.exists():
        return pd.DataFrame(columns=POSITION_COLUMNS)
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("positions", [])
    labels = {i["id"]: i.get("label", i["id"]) for i in resources.issues}
    rows = [
        {
            "article_id": article.article_id,
            "actor_id": e["actor_id"],
            "actor": names.get(e["actor_id"], e.get("actor", "")),
            "issue_id": e["issue_id"],
            "issue": labels.get(e["issue_id"], e["issue_id"]),
            "stance": e["stance"],
            "sentence_id": int(e.get("sentence_id", -1)),
            "evidence": e.get("evidence", ""),
            "cue": e.get("cue", ""),
            "source": "manual",
            "hedged": False,
        }
        for e in entries
    ]
    return pd.DataFrame(rows, columns=POSITION_COLUMNS)
