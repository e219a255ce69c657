"""Speed of the whole pipeline, as a ratio to a baseline run in the same process:
spaCy's bare parse of the same texts. Prints; asserts nothing about time."""

import time

from newsbook import config
from newsbook.lexicons import Resources
from newsbook.pipeline import analyze, language
from newsbook.text.article import read_article


def main() -> None:
    resources = Resources.load()
    articles = [read_article(p) for p in sorted(config.RAW_DIR.glob("*.txt"))] * 3
    words = sum(len(a.text.split()) for a in articles)
    analyze(articles[0], resources)  # warm up
    start = time.perf_counter()
    for doc in language(resources).pipe(a.text for a in articles):
        del doc
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    for article in articles:
        analyze(article, resources)
    pipeline = time.perf_counter() - start
    print(f"{len(articles)} articles, {words} words")
    print(f"baseline (spaCy parse only): {words / baseline:,.0f} words/s")
    print(f"newsbook analyze:            {words / pipeline:,.0f} words/s")
    print(f"ratio newsbook / baseline time: {pipeline / baseline:.2f}")


if __name__ == "__main__":
    main()
