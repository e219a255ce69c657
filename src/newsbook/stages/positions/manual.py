"""The analyst's positions: read from `ANNOTATIONS/<article_id>.yml`
(`read_manual_positions`), put in place of the machine's for the same actor, issue and
sentence (`override`), and where the two differ (`disagreements`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from newsbook.lexicons import Resources
from newsbook.schema import Columns
from newsbook.text.article import Article


def _position_key(row: dict) -> tuple:
    return row["actor_id"], row["issue_id"], row["sentence_id"]


def override(auto: list[dict], manual: list[dict]) -> list[dict]:
    """The analyst's positions (rows) replace the machine's for the same actor, issue and
    sentence; each manual row keeps in `machine_stance` what the machine had said there
    (empty where it said nothing), so the chapter can show where they disagree."""
    if not manual:
        return auto
    machine = {_position_key(row): row["stance"] for row in auto}
    manual = [{**row, "machine_stance": machine.get(_position_key(row), "")} for row in manual]
    manual_keys = {_position_key(row) for row in manual}
    return [row for row in auto if _position_key(row) not in manual_keys] + manual


def disagreements(positions: pd.DataFrame) -> pd.DataFrame:
    """Where the analyst's coding differs from what the machine proposed."""
    manual = positions[positions["source"] == "manual"]
    return manual[manual["stance"] != manual["machine_stance"]].reset_index(drop=True)


def read_manual_positions(
    article: Article,
    annotations_dir: Path | None,
    names: dict,
    resources: Resources,
    sentences: Columns,
) -> list[dict]:
    """An analyst's positions for this article (rows of the positions table, without
    their `position_id`): `ANNOTATIONS/<article_id>.yml` with a `positions:` list of
    actor_id, issue_id, stance, sentence_id, evidence."""
    if annotations_dir is None:
        return []
    path = Path(annotations_dir) / f"{article.article_id}.yml"
    if not path.exists():
        return []
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("positions", [])
    labels = {issue.id: issue.label for issue in resources.issues}
    patterns = {
        issue.id: " | ".join(p.pattern for p in issue.patterns) for issue in resources.issues
    }
    spans = {
        int(i): (int(s), int(e))
        for i, s, e in zip(
            sentences["sentence_id"], sentences["start"], sentences["end"], strict=True
        )
    }
    rows = []
    for e in entries:
        sentence_id = int(e.get("sentence_id", -1))
        start, end = spans.get(sentence_id, (-1, -1))
        rows.append(
            {
                "article_id": article.article_id,
                "actor_id": e["actor_id"],
                "actor": names.get(e["actor_id"], e.get("actor", "")),
                "issue_id": e["issue_id"],
                "issue": labels.get(e["issue_id"], e["issue_id"]),
                "stance": e["stance"],
                "sentence_id": sentence_id,
                "evidence": e.get("evidence", ""),
                "cue": e.get("cue", ""),
                "source": "manual",
                "hedged": False,
                "start": start,
                "end": end,
                "machine_stance": "",
                "issue_source": "analyst",
                "issue_pattern": patterns.get(e["issue_id"], ""),
                "target": "",
            }
        )
    return rows
