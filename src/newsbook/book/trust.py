"""Chapter 6's view of the gold report: where the book's own article stands, and the
scores pooled over all gold."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsbook import config
from newsbook.book.parameters import check_parameters, resolve_path
from newsbook.evaluation.agreement import stance_agreement
from newsbook.evaluation.runner import GoldReport, evaluate_gold, peer_comparison
from newsbook.evaluation.scoring import pooled_scores
from newsbook.text.article import article_id_for


def gold_label(path: Path) -> str:
    """How a gold path is named in the book: from the project root when inside it, else
    by its own name (no absolute path of this machine in a page)."""
    path = Path(path).resolve()
    try:
        return path.relative_to(config.ROOT).as_posix()
    except ValueError:
        return path.name


@dataclass(frozen=True)
class BookTrust:
    """What chapter 6 shows: the gold report, and where the book's own article stands."""

    article_id: str
    gold_label: str
    report: GoldReport
    gold_id: str  # the article id its gold gives this article; empty: no gold for it
    gold_path: Path  # the gold file or folder the report scores

    @property
    def has_gold(self) -> bool:
        return bool(self.gold_id)

    def statement(self) -> str:
        n = len(self.report.cases)
        reference = f"the gold in {self.gold_label} ({n} article{'s' if n != 1 else ''})"
        if self.has_gold:
            case = next(c for c in self.report.cases if c.article_id == self.gold_id)
            return (
                f"This article ({self.article_id}) has gold: {gold_label(case.gold_path)}. "
                f"'This article' below is scored on it; 'all gold' pools {reference}."
            )
        return (
            f"No gold was given for this article ({self.article_id}), so it is not scored. "
            f"The figures below are REFERENCE figures from {reference}: they say how far "
            "newsbook is right on those articles, not on this one."
        )

    def scores_here(self, system: str = "newsbook") -> pd.DataFrame:
        """One system's per-stage scores on the book's article (empty without gold)."""
        scores = self.report.scores
        here = scores[(scores["system"] == system) & (scores["article_id"] == self.gold_id)]
        return here.drop(columns=["system", "article_id"]).reset_index(drop=True)

    def errors_here(self, system: str = "newsbook") -> pd.DataFrame:
        errors = self.report.errors
        here = errors[(errors["system"] == system) & (errors["article_id"] == self.gold_id)]
        return here.drop(columns=["system", "article_id"]).reset_index(drop=True)

    def pooled(self, system: str = "newsbook") -> pd.DataFrame:
        """One system's scores per stage, pooled over all gold."""
        scores = self.report.scores
        pooled = pooled_scores(scores[scores["system"] == system])
        return pooled.drop(columns=["system"]).reset_index(drop=True)

    def by_article(self, system: str = "newsbook") -> pd.DataFrame:
        scores = self.report.scores
        return scores[scores["system"] == system].drop(columns=["system"]).reset_index(drop=True)

    def f1_matrix(self, system: str = "newsbook") -> pd.DataFrame:
        """Article by stage, F1 (blank where the article's gold has nothing for the stage)."""
        table = self.by_article(system)
        stages = list(dict.fromkeys(table["stage"]))
        matrix = table.pivot(index="article_id", columns="stage", values="f1")
        return matrix.reindex(columns=stages).reset_index().rename_axis(columns=None)

    def errors(self, system: str = "newsbook") -> pd.DataFrame:
        errors = self.report.errors
        return errors[errors["system"] == system].drop(columns=["system"]).reset_index(drop=True)

    def peers(self, *, here: bool = False) -> pd.DataFrame:
        """newsbook and the peers side by side, on all gold or on the book's article."""
        scores = self.report.scores
        if here:
            scores = scores[scores["article_id"] == self.gold_id]
        return peer_comparison(scores)

    def agreement(self) -> pd.DataFrame:
        """Two annotators' agreement on stances where the gold has a second annotation,
        and newsbook's stances on the same articles (`stance_agreement`)."""
        return stance_agreement(self.gold_path, self.report)


def book_trust(article: str, published: str = "", gold: str = "") -> BookTrust:
    """Chapter 6's entry point: the chapter's parameters in, the gold report out
    (computed once per kernel per gold file)."""
    check_parameters(ARTICLE=article, PUBLISHED=published, GOLD=gold)
    article_path = resolve_path(article)
    gold_path = resolve_path(gold) if gold else config.GOLD_DIR
    report = evaluate_gold(gold_path, book_article=article_path, published=published)
    article_id = article_id_for(article_path)
    here = [
        c.article_id
        for c in report.cases
        if c.article_path == article_path.resolve() or c.article_id == article_id
    ]
    return BookTrust(article_id, gold_label(gold_path), report, here[0] if here else "", gold_path)


def gold_format(readme: Path | None = None) -> str:
    """The gold format as `data/gold/README.md` documents it, as Markdown for a chapter
    (its title dropped and its headings set under the chapter's), so the book and the
    tests read one description."""
    lines = (readme or config.GOLD_FORMAT_FILE).read_text(encoding="utf-8").splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    shown, in_code = [], False
    for line in lines:
        in_code = in_code != line.startswith("```")
        heading = not in_code and line.startswith("#")
        shown.append("#" + line if heading else line)
    return "\n".join(shown).strip() + "\n"
