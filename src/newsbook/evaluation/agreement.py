"""How far two annotators agree on stances: the ceiling a stance figure is read against.

Some gold articles have a second annotation of their stances (`second/<article_id>.yml`
under the gold folder: the `positions:` of the gold format, written from the text alone
by someone who had not seen the first, with the first file's entity ids as actors). The
second is scored against the first exactly as newsbook's stances are (`score_stances`:
each (actor, sentence, stance), whatever the issue is called), so the two figures can be
set side by side: precision is the share of the second's stances the first gives too,
recall the share of the first's the second found, and F1 does not depend on which
annotation is taken as the reference.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from newsbook.evaluation.gold import GoldError, gold_cases, load_gold
from newsbook.evaluation.runner import GoldReport
from newsbook.evaluation.scoring import (
    SCORE_COLUMNS,
    gold_entities_table,
    locate,
    pooled_scores,
    score_stances,
    sentence_lookup,
    system_scores_table,
)
from newsbook.lexicons import Resources
from newsbook.pipeline import article_context
from newsbook.schema import columns_frame
from newsbook.text.article import read_article

SECOND_FOLDER = "second"
AGREEMENT_COLUMNS = ["annotation", "kind", "articles", *SCORE_COLUMNS[3:]]


def second_annotation_files(gold: str | Path) -> list[Path]:
    """The second annotations beside a gold folder (or beside a gold file), sorted."""
    gold = Path(gold)
    folder = (gold if gold.is_dir() else gold.parent) / SECOND_FOLDER
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []


def agreement_by_article(gold: str | Path) -> pd.DataFrame:
    """One row per article with a second annotation: its kind, and the stances of the
    first annotation (`expected`), of the second (`produced`) and of both (`correct`),
    with precision, recall and F1."""
    cases = {case.article_id: case for case in gold_cases(gold)}
    rows = []
    for path in second_annotation_files(gold):
        second = load_gold(path)
        article_id = str(second.get("article_id") or path.stem)
        if article_id not in cases:
            raise GoldError(f"second annotation {path.name}: no gold file for {article_id}")
        case = cases[article_id]
        first = load_gold(case.gold_path)
        if not first.get("positions_complete"):
            raise GoldError(
                f"second annotation {path.name}: the first annotation codes only the main "
                "stances (no `positions_complete: true`), so agreement cannot be measured"
            )
        article = read_article(case.article_path, published=case.published or None)
        # the sentences alone: the parse, not the stages the gold report has run already
        sentences = columns_frame("sentences", article_context(article, Resources.load()).sentences)
        score = score_stances(
            first,
            article.text,
            _positions(second, first, article.text, sentences, path.name),
            sentences,
            gold_entities_table(first),
        )
        table = system_scores_table("second annotator", article_id, {"stances": score})
        rows.append(table.assign(kind=first.get("kind") or ""))
    if not rows:
        return pd.DataFrame(columns=[*SCORE_COLUMNS, "kind"])
    return pd.concat(rows, ignore_index=True)


def stance_agreement(gold: str | Path, report: GoldReport | None = None) -> pd.DataFrame:
    """The agreement of the two annotators pooled per kind of article, then over all
    (`AGREEMENT_COLUMNS`), and, given the gold `report`, newsbook's stances on the same
    articles scored against the first annotation the same way; no rows where no article
    has a second annotation."""
    scores = agreement_by_article(gold)
    if scores.empty:
        return pd.DataFrame(columns=AGREEMENT_COLUMNS)
    if report is not None:
        kinds = dict(zip(scores["article_id"], scores["kind"], strict=True))
        ours = report.scores[
            (report.scores["system"] == "newsbook")
            & (report.scores["stage"] == "stances")
            & report.scores["article_id"].isin(kinds)
        ]
        scores = pd.concat([scores, ours.assign(kind=ours["article_id"].map(kinds))])
    by_kind = pooled_scores(scores, by=("system", "kind"))
    overall = pooled_scores(scores, by=("system",)).assign(kind="all")
    table = pd.concat([by_kind, overall], ignore_index=True)
    table = table.sort_values(["system", "kind"], key=_order, kind="stable")
    return table.rename(columns={"system": "annotation"})[AGREEMENT_COLUMNS].reset_index(drop=True)


def _order(column: pd.Series) -> pd.Series:
    """The second annotator first, then newsbook; "all" after the kinds."""
    if column.name == "system":
        return column.map({"second annotator": 0, "newsbook": 1})
    return column.map(lambda kind: (kind == "all", kind))


def _positions(
    second: dict, first: dict, text: str, sentences: pd.DataFrame, name: str
) -> pd.DataFrame:
    """The second annotation's stances in the shape of the `positions` table that
    `score_stances` reads."""
    known = {entity["id"] for entity in first["entities"]}
    sentence_of = sentence_lookup(sentences)
    rows = []
    for item in second["positions"]:
        if item.get("actor") not in known:
            raise GoldError(
                f"second annotation {name}: actor {item.get('actor')!r} is no entity id of "
                "the first annotation"
            )
        start, end = locate(text, item["evidence"], item.get("occurrence", 1))
        rows.append((item["actor"], sentence_of(start), item["stance"], start, end))
    return pd.DataFrame(rows, columns=["actor_id", "sentence_id", "stance", "start", "end"])
