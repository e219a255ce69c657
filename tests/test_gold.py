"""Quality floors against the hand-made gold in data/gold/.

Floors are the issues' targets where newsbook meets them; where it does not yet, the
floor is the level measured now (a regression guard), and the gap is reported in the
closing note rather than hidden.
"""

import pandas as pd
import pytest

from newsbook import config
from newsbook.evaluation.gold import load_gold
from newsbook.evaluation.scoring import Score, evaluate_article
from newsbook.pipeline import analyze
from newsbook.text.article import read_article

SEED_ID = config.DEFAULT_ARTICLE.stem
GOLD_FILES = sorted(config.GOLD_DIR.glob("*.yml"))


@pytest.fixture(scope="module")
def scores(resources) -> dict[str, dict[str, Score]]:
    result = {}
    for path in GOLD_FILES:
        gold = load_gold(path)
        article = read_article(config.RAW_DIR / f"{path.stem}.txt")
        own = resources.with_issues(gold.get("issues") or [])
        result[path.stem] = evaluate_article(gold, article.text, analyze(article, own))
    return result


def corpus_mean(scores, stage: str, measure: str) -> float:
    values = [
        getattr(s[stage], measure) for a, s in scores.items() if a != SEED_ID and s[stage].expected
    ]
    return sum(values) / len(values)


def test_there_is_gold_for_the_seed_and_ten_corpus_stories():
    assert SEED_ID in {p.stem for p in GOLD_FILES}
    assert len(GOLD_FILES) >= 11


def test_seed_entities(scores):
    seed = scores[SEED_ID]["entities"]
    assert seed.recall >= 0.95, seed.errors
    assert seed.precision >= 0.90, seed.errors


def test_seed_same_surname_mentions_all_right(scores):
    same = scores[SEED_ID]["same-name mentions"]
    assert same.expected >= 9 and same.correct == same.expected, same.errors


def test_corpus_entities(scores):
    assert corpus_mean(scores, "entities", "recall") >= 0.85
    assert corpus_mean(scores, "entities", "precision") >= 0.80


def test_seed_quotes_and_dates(scores):
    seed = scores[SEED_ID]
    assert seed["direct quotes"].recall >= 0.95
    assert seed["reported speech"].recall >= 0.85
    assert seed["timex values"].recall >= 0.90
    assert seed["event dating"].recall >= 0.80


def test_corpus_quotes(scores):
    """Speaker accuracy on the corpus gold at the targets of the quotes issue."""
    assert corpus_mean(scores, "direct quotes", "recall") >= 0.95
    assert corpus_mean(scores, "reported speech", "recall") >= 0.85


def test_positions(scores):
    """Stance accuracy (actor, issue, sentence and stance all right) at the issue's 0.85
    on the seed and pooled over every gold position; the corpus mean per article is
    lower (one article has a single position, missed) and guarded at its level."""
    assert scores[SEED_ID]["positions"].recall >= 0.85
    pooled = [s["positions"] for s in scores.values()]
    assert sum(s.correct for s in pooled) / sum(s.expected for s in pooled) >= 0.85
    assert corpus_mean(scores, "positions", "recall") >= 0.78


def test_corpus_dates(scores):
    """Normalised values and event dating on the corpus gold at the timex issue's
    targets (0.90 and 0.80)."""
    assert corpus_mean(scores, "timex values", "recall") >= 0.90
    assert corpus_mean(scores, "event dating", "recall") >= 0.80


def pooled_precision(scores, stage: str) -> float:
    produced = sum(s[stage].produced for s in scores.values())
    return sum(s[stage].correct for s in scores.values()) / produced


def test_precision_floors(scores):
    """Recall-style accuracy can be bought with noise; these floors (the levels measured
    now, pooled over every gold article) make noise fail. Positions are low because the
    gold codes the article's main stances, not every stance a cue carries."""
    assert pooled_precision(scores, "direct quotes") >= 0.95
    assert pooled_precision(scores, "reported speech") >= 0.85
    assert pooled_precision(scores, "timex values") >= 0.95
    assert pooled_precision(scores, "positions") >= 0.35


def test_scorer_gives_nothing_to_empty_output(scores):
    gold = load_gold(config.GOLD_DIR / f"{SEED_ID}.yml")
    article = read_article(config.DEFAULT_ARTICLE)
    empty = {
        name: pd.DataFrame(columns=cols)
        for name, cols in {
            "entities": ["entity_id", "name", "type", "aliases"],
            "mentions": ["start", "end", "entity_id"],
            "quotes": ["start", "end", "kind", "speaker_id", "speaker"],
            "positions": ["actor_id", "issue_id", "sentence_id", "stance"],
            "sentences": ["sentence_id", "start", "end"],
            "timex": ["start", "end", "value", "timex_id"],
            "events": ["timex_id", "date", "modality"],
        }.items()
    }
    for stage, score in evaluate_article(gold, article.text, empty).items():
        assert score.expected > 0 and score.correct == 0 and score.f1 == 0, stage
