"""Articles the tests read by name. The seed is a test fixture, not a package default:
nothing in src/ names it (an installed newsbook has no seed)."""

import pandas as pd

from newsbook import config
from newsbook.lexicons import Resources
from newsbook.pipeline import analyze
from newsbook.text.article import make_article

SEED_ARTICLE = config.RAW_DIR / "moscow-times-2001-05-29-we-wont-scrap-abm.txt"


def invented_tables(text: str, resources: Resources, **article: str) -> dict[str, pd.DataFrame]:
    """Every table newsbook makes of a test's invented text, dated 2010-03-02 (the day
    the tests' "Monday" and "last year" are read against)."""
    made = make_article(text, article_id="t", published="2010-03-02", **article)
    return analyze(made, resources)
