"""Chapter 16's measures: the corpus's own rows for the articles that have gold, scored
by `newsbook.evaluation` beside Part I's reading of the same articles, and the rows
that rest on names or dates the tables could not resolve.

A gold file belongs to the corpus when its article id is one of the corpus's. Its
snippets are located in the gold's own article text; when the corpus holds that text
less a head (a table row's `text` is often the body without its headline), the corpus
rows' offsets are moved by the head's length, so both are scored on the same text and
what lies in the head counts as missed by the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import IPython.display
import pandas as pd

from newsbook import config
from newsbook.book.debate import ROWS_PER_ANCHOR, CorpusBook
from newsbook.book.pages import evidence_href
from newsbook.book.parameters import check_parameters, resolve_path
from newsbook.evaluation.gold import GoldError, check_gold, find_article, gold_files, load_gold
from newsbook.evaluation.runner import evaluate_gold
from newsbook.evaluation.scoring import (
    SCORE_COLUMNS,
    evaluate_article,
    pooled_scores,
    system_scores_table,
)
from newsbook.text.article import read_article

SCORED_TABLES = ("entities", "mentions", "quotes", "positions", "sentences", "timex", "events")
OFFSET_COLUMNS = ("start", "end", "first_start", "counter_start", "counter_end")
CORPUS_SYSTEM, ARTICLE_SYSTEM = "corpus rows", "one article (Part I)"


def shifted(table: pd.DataFrame, offset: int) -> pd.DataFrame:
    """A table with its text offsets moved by `offset` (-1, no offset, stays -1)."""
    moved = table.copy()
    for column in OFFSET_COLUMNS:
        if column in moved.columns:
            values = pd.to_numeric(moved[column], errors="coerce")
            moved[column] = values.where(values < 0, values + offset)
    return moved


@dataclass(frozen=True)
class CorpusTrust:
    """The gold inside a corpus: which articles, their scores, and what was not scored."""

    cases: pd.DataFrame  # article_id, gold, offset, note
    scores: pd.DataFrame  # system, article_id, stage, counts, precision, recall, f1

    def pooled(self) -> pd.DataFrame:
        """F1 by stage for the corpus rows and for Part I's reading, side by side."""
        if self.scores.empty:
            return pd.DataFrame(columns=["stage", CORPUS_SYSTEM, ARTICLE_SYSTEM])
        pooled = pooled_scores(self.scores)
        table = pooled.pivot(index="stage", columns="system", values="f1")
        stages = list(dict.fromkeys(self.scores["stage"]))
        table = table.reindex(index=stages, columns=[CORPUS_SYSTEM, ARTICLE_SYSTEM])
        return table.reset_index().rename_axis(columns=None)

    def corpus_pooled(self) -> pd.DataFrame:
        """The corpus rows' counts and measures by stage (stages without gold dropped)."""
        scores = self.scores[self.scores["system"] == CORPUS_SYSTEM]
        if scores.empty:
            return pd.DataFrame(columns=["stage", "precision", "recall", "f1"])
        return pooled_scores(scores).drop(columns=["system"]).reset_index(drop=True)

    def by_article(self) -> pd.DataFrame:
        """Article by stage, the corpus rows' F1."""
        scores = self.scores[self.scores["system"] == CORPUS_SYSTEM]
        if scores.empty:
            return pd.DataFrame(columns=["article_id"])
        matrix = scores.pivot(index="article_id", columns="stage", values="f1")
        matrix = matrix.reindex(columns=list(dict.fromkeys(scores["stage"])))
        return matrix.reset_index().rename_axis(columns=None)


def _article_tables(cb: CorpusBook, article_id: str) -> dict[str, pd.DataFrame]:
    literal = "'" + article_id.replace("'", "''") + "'"
    return {
        name: cb.db.run(f"SELECT * FROM {name} WHERE article_id = {literal}")
        for name in SCORED_TABLES
    }


def _score_case(cb: CorpusBook, gold_path: Path, gold: dict, article_id: str, text: str) -> tuple:
    """(scores, note) of the corpus rows of one gold article."""
    reference = read_article(find_article(gold_path, gold)).text
    offset = reference.find(text) if text else -1
    if offset < 0:
        try:
            check_gold(gold, text, name=gold_path.name)
        except GoldError:
            return None, "not scored: the corpus text and the gold's article differ"
        reference, offset = text, 0
    tables = {n: shifted(t, offset) for n, t in _article_tables(cb, article_id).items()}
    scores = evaluate_article(gold, reference, tables)
    note = f"the corpus text starts {offset} characters into the gold's text" if offset else ""
    return system_scores_table(CORPUS_SYSTEM, article_id, scores), note


def corpus_trust(cb: CorpusBook, gold: str = "") -> CorpusTrust:
    """Chapter 16's entry point: the gold files (GOLD, default data/gold) whose articles
    are in the corpus, scored on the corpus rows and by Part I's reading."""
    check_parameters(GOLD=gold)
    gold_path = resolve_path(gold) if gold else config.GOLD_DIR
    texts = cb.db.run("SELECT t.article_id, t.text FROM texts t JOIN article USING (article_id)")
    text_of = dict(zip(texts["article_id"], texts["text"], strict=True))
    cases, scores = [], []
    for path in gold_files(gold_path):
        content = load_gold(path)
        article_id = str(content.get("article_id") or path.stem)
        if article_id not in text_of:
            continue
        table, note = _score_case(cb, path, content, article_id, text_of[article_id])
        cases.append({"article_id": article_id, "gold": path.name, "note": note})
        if table is not None:
            scores.append(table)
            reference = evaluate_gold(path).scores
            scores.append(
                reference[reference["system"] == "newsbook"].assign(system=ARTICLE_SYSTEM)
            )
    frame = pd.concat(scores, ignore_index=True) if scores else pd.DataFrame(columns=SCORE_COLUMNS)
    return CorpusTrust(pd.DataFrame(cases, columns=["article_id", "gold", "note"]), frame)


UNRESOLVED_SQL = {
    "quotes": (
        "SELECT article_id, 'quote' AS prefix, quote_id AS row_id, sentence_id, start, \"end\", "
        "text, speaker AS detail FROM quotes WHERE speaker_id = ''"
    ),
    "positions": (
        "SELECT article_id, 'position', position_id, sentence_id, start, \"end\", evidence, "
        "actor FROM statements WHERE actor_id LIKE 'unlinked:%'"
    ),
    "timex": (
        "SELECT article_id, 'timex', timex_id, sentence_id, start, \"end\", text, '' "
        "FROM timex WHERE value = ''"
    ),
    "events": (
        "SELECT article_id, 'event', event_id, sentence_id, start, \"end\", evidence, predicate "
        "FROM events WHERE date = ''"
    ),
    "mentions": (
        "SELECT article_id, 'mention', mention_id, sentence_id, start, \"end\", text, resolution "
        "FROM mentions WHERE entity_id = '' OR resolution LIKE 'unresolved%'"
    ),
}


def unresolved_list(cb: CorpusBook) -> IPython.display.HTML:
    """Rows resting on an unresolved name or date, up to ROWS_PER_ANCHOR of each kind
    (the first of each kind is where the counts of `CorpusBook.unresolved` link), each
    linked to its evidence."""
    parts = [
        f"SELECT * FROM ({sql} ORDER BY article_id, start, 3 LIMIT {ROWS_PER_ANCHOR})"
        for sql in UNRESOLVED_SQL.values()
    ]
    rows = cb.db.run(" UNION ALL ".join(parts))
    rows.columns = ["article_id", "kind", "row_id", "sentence_id", "start", "end", "text", "detail"]
    rows["href"] = [
        evidence_href(a, k, r)
        for a, k, r in zip(rows["article_id"], rows["kind"], rows["row_id"], strict=True)
    ]
    columns = ["kind", "text", "detail", "article_id", "sentence_id", "start", "end"]
    return cb.listed(rows, columns, anchor="kind", prefix="unresolved", links={"text": "href"})
