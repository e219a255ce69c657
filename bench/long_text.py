"""Does the cost grow in proportion to the length? Words per second of a long text
against a 1,000-word article, both run the same way in the same bench run. Prints;
asserts nothing about time.

1. End to end from the command line (`python -m newsbook analyze`, what a user waits
   for): a 1,000-word article and a text of `--megabytes` MB (copies of the seed
   article). Issue #14 asks for a ratio of at least 0.8.
2. The analysis alone, in this process (no start-up, no model loading): the 1,000-word
   article and `--copies` copies of the seed, which shows growth that the fixed start-up
   cost of the command line would hide.

    .venv/bin/python bench/long_text.py [--megabytes 5] [--copies 300]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsbook import config
from newsbook.lexicons import Resources
from newsbook.pipeline import analyze
from newsbook.text.article import make_article

SEED_ARTICLE = config.RAW_DIR / "moscow-times-2001-05-29-we-wont-scrap-abm.txt"
PUBLISHED = "2001-05-29"
SHORT_WORDS = 1_000


def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8").strip() + "\n\n"


def short_text() -> str:
    """About 1,000 words: the seed, then its paragraphs again until there are enough."""
    seed = seed_text()
    paragraphs = [p for p in seed.split("\n\n") if p.strip()]
    text, i = seed, 0
    while len(text.split()) < SHORT_WORDS:
        text += paragraphs[i % len(paragraphs)] + "\n\n"
        i += 1
    return text


def long_text(megabytes: float) -> str:
    seed = seed_text()
    copies = max(1, round(megabytes * 1_000_000 / len(seed.encode("utf-8"))))
    return seed * copies


def cli_rate(text: str, folder: Path, name: str) -> tuple[int, float]:
    """Words and seconds of `analyze` on the text, from the command line."""
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "newsbook",
            "analyze",
            str(path),
            "--published",
            PUBLISHED,
            "--out",
            str(folder / f"{name}-tables"),
        ],
        check=True,
        capture_output=True,
    )
    return len(text.split()), time.perf_counter() - start


def in_process_rate(text: str, resources: Resources) -> tuple[int, float]:
    article = make_article(text, article_id="bench", published=PUBLISHED)
    start = time.perf_counter()
    analyze(article, resources)
    return len(text.split()), time.perf_counter() - start


def report(label: str, short: tuple[int, float], long: tuple[int, float]) -> None:
    short_rate, long_rate = short[0] / short[1], long[0] / long[1]
    print(f"{label}")
    print(
        f"  1,000-word article: {short[0]:>9,} words in {short[1]:8.1f} s = {short_rate:8,.0f} words/s"
    )
    print(
        f"  long text:          {long[0]:>9,} words in {long[1]:8.1f} s = {long_rate:8,.0f} words/s"
    )
    print(f"  ratio long / short words/s: {long_rate / short_rate:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--copies", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        short = cli_rate(short_text(), Path(folder), "short")
        long = cli_rate(long_text(args.megabytes), Path(folder), "long")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report(f"command line (a {args.megabytes:g} MB text; peak memory {peak:,.0f} MB)", short, long)
    resources = Resources.load()
    in_process_rate(short_text(), resources)  # warm up: the model loads once
    report(
        f"analysis in process ({args.copies} copies of the seed)",
        in_process_rate(short_text(), resources),
        in_process_rate(seed_text() * args.copies, resources),
    )


if __name__ == "__main__":
    main()
