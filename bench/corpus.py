"""Throughput of `corpus` with 1 and 2 workers, as a ratio to the 1-worker run in the same
process. Prints; asserts nothing about time.

The input is ~200 Reuters-21578 stories written to a temporary CSV at bench time, from
`../shared/corpus/reuters21578.csv.gz` (or NEWSBOOK_REUTERS); without it, the stories
under data/raw/ repeated. usage: .venv/bin/python bench/corpus.py [N_STORIES]
"""

import gzip
import os
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from newsbook import config, corpus
from newsbook.text.article import read_article

REUTERS = Path(
    os.environ.get(
        "NEWSBOOK_REUTERS", config.ROOT.parent / "shared" / "corpus" / "reuters21578.csv.gz"
    )
)


def reuters_sample(n: int) -> pd.DataFrame:
    """The first `n` stories with a body of 50 to 600 words, in the corpus's order."""
    with gzip.open(REUTERS, "rt", encoding="utf-8") as handle:
        stories = pd.read_csv(handle, dtype=str, keep_default_na=False)
    words = stories["body"].str.split().str.len()
    stories = stories[(words >= 50) & (words <= 600)].head(n)
    return pd.DataFrame(
        {
            "article_id": "reuters-" + stories["newid"],
            "text": stories["title"] + "\n\n" + stories["body"],
            "published": stories["date"].str[:10],
            "headline": stories["title"],
        }
    )


def raw_sample(n: int) -> pd.DataFrame:
    articles = [read_article(p) for p in sorted(config.RAW_DIR.glob("*.txt"))]
    rows = [
        {"article_id": f"{a.article_id}-{i}", "text": a.text, "published": str(a.published or "")}
        for i in range(n // len(articles) + 1)
        for a in articles
    ]
    return pd.DataFrame(rows[:n])


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    sample = reuters_sample(n) if REUTERS.exists() else raw_sample(n)
    origin = "Reuters-21578" if REUTERS.exists() else "data/raw (repeated)"
    words = int(sample["text"].str.split().str.len().sum())
    corpus.corpus_schema()  # Resources and schema loaded once here; the 2 workers fork with them
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "stories.csv"
        sample.to_csv(source, index=False)
        seconds = {}
        for workers in (1, 2):
            start = time.perf_counter()
            report = corpus.run_corpus(source, Path(tmp) / f"out-{workers}", workers=workers)
            seconds[workers] = time.perf_counter() - start
        same = all(
            (Path(tmp) / "out-1" / f.name).read_bytes() == f.read_bytes()
            for f in (Path(tmp) / "out-2").iterdir()
        )
    print(f"{len(sample)} stories from {origin}, {words} words, {report.n_errors} errors")
    for workers, elapsed in seconds.items():
        print(
            f"{workers} worker(s): {len(sample) / elapsed:6.1f} articles/s, "
            f"{words / elapsed:8,.0f} words/s, "
            f"ratio to 1 worker: {seconds[1] / elapsed:.2f}x"
        )
    print(f"outputs identical: {same}; CPUs here: {os.cpu_count()}")


if __name__ == "__main__":
    main()
