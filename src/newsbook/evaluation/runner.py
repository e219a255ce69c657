"""newsbook and its peers run on every gold file and scored by the same scorers: the
figures of the trust chapter and of the quality tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsbook import cache
from newsbook.evaluation import peers
from newsbook.evaluation.gold import GoldCase, gold_cases, load_gold
from newsbook.evaluation.scoring import (
    SCORE_COLUMNS,
    Score,
    errors_table,
    evaluate_article,
    gold_entities_table,
    pooled_scores,
    score_entities,
    score_positions,
    score_quotes,
    score_same_name_mentions,
    score_timex,
    system_scores_table,
)
from newsbook.lexicons import Resources
from newsbook.pipeline import analyze
from newsbook.text.article import read_article

SYSTEMS = ("newsbook", "spaCy NER", "textacy", "dateparser")


PEER_STAGES = {
    "spaCy NER": ("entities", "same-name mentions"),
    "textacy": ("direct quotes",),
    "dateparser": ("timex values",),
}


def evaluate_peers(
    gold: dict, text: str, peer_tables: dict[str, dict[str, pd.DataFrame]]
) -> dict[str, dict[str, Score]]:
    """The peers' scores, by the same scorers as newsbook's, on the stages each does."""
    ner, quotes, dates = peer_tables["spaCy NER"], peer_tables["textacy"], peer_tables["dateparser"]
    return {
        "spaCy NER": {
            "entities": score_entities(gold, ner["entities"], text=text, mentions=ner["mentions"]),
            "same-name mentions": score_same_name_mentions(
                gold, text, ner["mentions"], ner["entities"]
            ),
        },
        "textacy": {
            "direct quotes": score_quotes(
                gold, text, quotes["quotes"], gold_entities_table(gold), kind="direct"
            ),
        },
        "dateparser": {"timex values": score_timex(gold, text, dates["timex"])},
    }


def _evaluate_case(
    case: GoldCase, published: str
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Scores, errors and peer notes of every system on one gold case, cached on disk
    by the gold's and the article's bytes, the date, the resources and the code."""
    key = cache.fingerprint(
        case,
        case.gold_path,
        case.article_path,
        case.article_path.with_suffix(".yml"),
        published,
        Resources.load().fingerprint,
        cache.code_fingerprint(),
    )
    return cache.cached("gold", key, lambda: _run_case(case, published))


def _run_case(case: GoldCase, published: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    gold = load_gold(case.gold_path)
    article = read_article(case.article_path, published=case.published or published or None)
    # stances as a new user gets them: the project's catalogue only, nothing from the gold
    tables = analyze(article, Resources.load())
    by_system = {"newsbook": evaluate_article(gold, article.text, tables)}
    # and, second, positions coded against the gold's own issue catalogue
    own = analyze(article, Resources.load().with_issues(gold.get("issues") or []))
    by_system["newsbook"]["positions (own catalogue)"] = score_positions(
        gold, article.text, own["positions"], own["sentences"], own["entities"]
    )
    peer_tables = peers.run_peers(
        article.text,
        tables["blocks"],
        published=article.published,
        known_entities=gold_entities_table(gold),
        article_id=case.article_id,
    )
    by_system.update(evaluate_peers(gold, article.text, peer_tables))
    scores = [system_scores_table(s, case.article_id, by_system[s]) for s in SYSTEMS]
    errors = [
        errors_table(s, case.article_id, by_system[s], article.text, tables["sentences"])
        for s in SYSTEMS
    ]
    notes = peer_tables["notes"]["notes"]
    return pd.concat(scores, ignore_index=True), pd.concat(errors, ignore_index=True), notes


@dataclass(frozen=True)
class GoldReport:
    """newsbook and the peers on every gold file: `scores` (one row per system, article
    and stage), `errors` (one row per error, with its sentence) and `notes` (where a
    peer gave up on an article)."""

    cases: tuple[GoldCase, ...]
    scores: pd.DataFrame
    errors: pd.DataFrame
    notes: pd.DataFrame

    @property
    def article_ids(self) -> list[str]:
        return [c.article_id for c in self.cases]


def evaluate_gold(
    gold: str | Path, *, book_article: str | Path | None = None, published: str = ""
) -> GoldReport:
    """Run newsbook and the three peers on every gold file under `gold` and score them.
    `book_article`/`published`: the book's own article and date, used for a gold file
    of the same article id (see the module docstring)."""
    cases = gold_cases(gold, book_article=book_article)
    runs = [
        _evaluate_case(
            c, published if book_article and c.article_path == Path(book_article).resolve() else ""
        )
        for c in cases
    ]
    scores = pd.concat([r[0] for r in runs], ignore_index=True)
    errors = pd.concat([r[1] for r in runs], ignore_index=True)
    notes = pd.concat([r[2] for r in runs], ignore_index=True)
    return GoldReport(tuple(cases), scores, errors, notes)


def peer_comparison(scores: pd.DataFrame) -> pd.DataFrame:
    """Pooled P/R/F1 of newsbook and the peers on the stages the peers do."""
    stages = [stage for stages in PEER_STAGES.values() for stage in stages]
    pooled = pooled_scores(scores[scores["stage"].isin(stages)])
    peer_of = {stage: peer for peer, stages in PEER_STAGES.items() for stage in stages}
    keep = (pooled["system"] == "newsbook") | (pooled["system"] == pooled["stage"].map(peer_of))
    order = {stage: i for i, stage in enumerate(stages)}
    pooled = pooled[keep].assign(
        _stage=pooled["stage"].map(order), _system=pooled["system"].map(SYSTEMS.index)
    )
    return (
        pooled.sort_values(["_stage", "_system"])
        .drop(columns=["_stage", "_system"])
        .reset_index(drop=True)
    )


POSITION_STAGES = ("stances", "positions (own catalogue)")


def position_scores_by_kind(report: GoldReport, system: str = "newsbook") -> pd.DataFrame:
    """Stances and positions pooled per kind of article (wire, commentary, news) and per
    split (dev, the articles tuned on; test, the held-out ones whose figures are the
    honest ones), then over all: what issue #15's targets are read against."""
    meta = {}
    for case in report.cases:
        gold = load_gold(case.gold_path)
        meta[case.article_id] = (gold.get("kind") or "", gold.get("split") or "dev")
    scores = report.scores[
        (report.scores["system"] == system) & report.scores["stage"].isin(POSITION_STAGES)
    ].copy()
    scores["kind"] = scores["article_id"].map(lambda a: meta[a][0])
    scores["split"] = scores["article_id"].map(lambda a: meta[a][1])
    by_kind = pooled_scores(scores, by=("split", "kind", "stage"))
    overall = pooled_scores(scores, by=("split", "stage")).assign(kind="all")
    table = pd.concat([by_kind, overall], ignore_index=True)
    table = table.sort_values(["stage", "split", "kind"], kind="stable").reset_index(drop=True)
    return table[["stage", "split", "kind", "articles", *SCORE_COLUMNS[3:]]]
