"""Corpus throughput, end to end (process start to last byte written), from one run:
words/s of bare spaCy (`spacy.load(MODEL)`, `nlp.pipe` over the same texts; and on 2
forked processes, each piping half: what "2 workers / 1" can reach on this machine), of
`newsbook corpus` with 1 and 2 workers and with Dask on 2 workers, each as a ratio to
bare spaCy measured in the same round; peak memory (resident set summed over the
process tree) at 1,000 and 10,000 articles; and the wall time of the whole
Reuters-21578 corpus on 2 workers. Prints; asserts nothing about time.

The machine may be shared: every figure is measured `--repeat` times, rounds
interleaved, and printed as median [min-max]; CPU seconds (user + system over the
process tree) are printed beside wall seconds, as they suffer less from other load.

Input: `../shared/corpus/reuters21578.csv.gz` (or NEWSBOOK_REUTERS), read by newsbook
through `--columns text=body,published=date,headline=title,article_id=newid`; samples
of stories with a body, drawn with a fixed seed.

usage: .venv/bin/python bench/corpus.py [--repeat 3] [--articles 1000]
           [--memory 1000,10000] [--no-whole] [--only bare,bare2,w1,w2,dask2]
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil

from newsbook import config
from newsbook.text.nlp import MODEL

# ../shared/corpus beside the checkout (or beside the folder of worktrees it is in)
SHARED = [up / "shared" / "corpus" / "reuters21578.csv.gz" for up in config.ROOT.parents[:2]]
REUTERS = Path(
    os.environ.get("NEWSBOOK_REUTERS") or next((p for p in SHARED if p.exists()), SHARED[0])
)
COLUMNS = "text=body,published=date,headline=title,article_id=newid"
SEED = 7
BARE = f"""
import csv, sys, spacy
with open(sys.argv[1], newline="", encoding="utf-8") as handle:
    texts = [row["body"] for row in csv.DictReader(handle)]
nlp = spacy.load({MODEL!r})
for doc in nlp.pipe(texts):
    pass
"""
# Bare spaCy on 2 processes, forked after the model is loaded (as newsbook's pool is),
# each piping every other text: the machine's own ceiling for "2 workers / 1 worker".
BARE2 = f"""
import csv, os, sys, spacy
with open(sys.argv[1], newline="", encoding="utf-8") as handle:
    texts = [row["body"] for row in csv.DictReader(handle)]
nlp = spacy.load({MODEL!r})
children = []
for k in range(2):
    pid = os.fork()
    if pid == 0:
        for doc in nlp.pipe(texts[k::2]):
            pass
        os._exit(0)
    children.append(pid)
for pid in children:
    os.waitpid(pid, 0)
"""
RUNS = {  # name -> newsbook corpus options (None: bare spaCy, on 1 process or 2)
    "bare": None,
    "bare2": None,
    "w1": ["--workers", "1"],
    "w2": ["--workers", "2"],
    "dask2": ["--engine", "dask", "--workers", "2"],
}


def stories() -> pd.DataFrame:
    with gzip.open(REUTERS, "rt", encoding="utf-8") as handle:
        table = pd.read_csv(handle, dtype=str, keep_default_na=False)
    return table[table["body"].str.strip() != ""]


def sample(table: pd.DataFrame, n: int, folder: Path) -> tuple[Path, int]:
    """`n` stories with a body (fixed seed, corpus order) as a CSV in Reuters' own
    columns, and their words."""
    rows = table.sample(n, random_state=SEED).sort_index() if n < len(table) else table
    path = folder / f"reuters-{n}.csv"
    rows[["newid", "date", "title", "body"]].to_csv(path, index=False)
    return path, int(rows["body"].str.split().str.len().sum())


def measure(command: list[str]) -> dict[str, float]:
    """Wall and CPU seconds and peak memory (MB, summed over the process tree, sampled
    every 50 ms: resident, which counts pages forked workers share once per worker, and
    proportional, which splits them) of one command, from its start to its exit. CPU seconds come
    from os.times(), which counts every child this process has waited for (and the
    children they waited for)."""
    before = os.times()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = peak_pss = 0
    watched = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            memory = [p.memory_full_info() for p in tree]
            peak = max(peak, sum(m.rss for m in memory))
            peak_pss = max(peak_pss, sum(m.pss for m in memory))
        except psutil.Error:
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - start
    after = os.times()
    if process.returncode != 0:
        error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{error}")
    cpu = (after.children_user + after.children_system) - (
        before.children_user + before.children_system
    )
    return {"wall": wall, "cpu": cpu, "mb": peak / 1e6, "pss": peak_pss / 1e6}


def run(name: str, source: Path, out: Path) -> dict:
    """One measured run: bare spaCy, or `newsbook corpus` with the run's options."""
    options = RUNS[name]
    if options is None:
        return measure([sys.executable, "-c", BARE2 if name == "bare2" else BARE, str(source)])
    command = [sys.executable, "-m", "newsbook", "corpus", str(source), "--out", str(out)]
    return measure([*command, "--columns", COLUMNS, "--format", "parquet", *options])


def spread(values: list[float], fmt: str = "{:,.0f}") -> str:
    if len(values) == 1:
        return fmt.format(values[0])
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{fmt.format(mid)} [{fmt.format(low)}-{fmt.format(high)}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--memory", default="1000,10000", help="article counts ('' for none)")
    parser.add_argument("--no-whole", action="store_true", help="skip the whole corpus")
    parser.add_argument("--only", default=",".join(RUNS), help="runs to measure")
    args = parser.parse_args()
    if not REUTERS.exists():
        sys.exit(f"{REUTERS} is missing (set NEWSBOOK_REUTERS)")
    names = [n for n in args.only.split(",") if n]
    table = stories()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source, words = sample(table, args.articles, folder)
        print(f"{args.articles} Reuters-21578 stories, {words:,} words; {os.cpu_count()} CPUs")
        print(f"load average at start: {os.getloadavg()[0]:.1f}", flush=True)
        results: dict[str, list[dict[str, float]]] = {name: [] for name in names}
        for round_ in range(args.repeat):
            for name in names:
                result = run(name, source, folder / f"out-{name}")
                results[name].append(result)
                print(
                    f"  round {round_ + 1} {name:6s} {result['wall']:7.1f} s wall "
                    f"{result['cpu']:7.1f} s CPU {result['mb']:6.0f} MB RSS "
                    f"{result['pss']:6.0f} MB PSS (load {os.getloadavg()[0]:.1f})",
                    flush=True,
                )
        print(
            f"\nwords/s, median [min-max] of {args.repeat} rounds (ratio to bare spaCy of the "
            "same round):"
        )
        bare = results.get("bare")
        for name in names:
            wall = [words / r["wall"] for r in results[name]]
            cpu = [words / r["cpu"] for r in results[name]]
            line = f"  {name:6s} wall {spread(wall):>22s}  per CPU-second {spread(cpu):>22s}"
            if bare and name not in {"bare", "bare2"}:
                ratio = [b["wall"] / r["wall"] for b, r in zip(bare, results[name], strict=True)]
                ratio_cpu = [b["cpu"] / r["cpu"] for b, r in zip(bare, results[name], strict=True)]
                line += f"  ratio {spread(ratio, '{:.2f}')} (CPU {spread(ratio_cpu, '{:.2f}')})"
            print(line)
        if "bare" in results and "bare2" in results:
            speedup = [
                a["wall"] / b["wall"]
                for a, b in zip(results["bare"], results["bare2"], strict=True)
            ]
            print(
                f"  bare spaCy 2 processes / 1 (wall; the machine's ceiling): {spread(speedup, '{:.2f}')}"
            )
        if "w1" in results and "w2" in results:
            speedup = [
                a["wall"] / b["wall"] for a, b in zip(results["w1"], results["w2"], strict=True)
            ]
            print(f"  2 workers / 1 worker (wall): {spread(speedup, '{:.2f}')}")
        if "w1" in results and "dask2" in results:
            speedup = [
                a["wall"] / b["wall"] for a, b in zip(results["w1"], results["dask2"], strict=True)
            ]
            print(f"  Dask 2 workers / 1 worker (wall): {spread(speedup, '{:.2f}')}")
        for n in [int(x) for x in args.memory.split(",") if x]:
            path, n_words = sample(table, n, folder)
            result = run("w1", path, folder / f"memory-{n}")
            print(
                f"peak memory, 1 worker, {n:,} articles: {result['mb']:,.0f} MB RSS, "
                f"{result['pss']:,.0f} MB PSS ({result['wall']:.0f} s wall, "
                f"{n_words / result['cpu']:,.0f} words per CPU-second)",
                flush=True,
            )
        if not args.no_whole:
            result = run("w2", REUTERS, folder / "whole")
            print(
                f"whole corpus ({REUTERS.name}: every row, {len(table):,} with a body), "
                f"2 workers: {result['wall'] / 60:.1f} min wall, {result['cpu'] / 60:.1f} min "
                f"CPU, peak {result['mb']:,.0f} MB RSS, {result['pss']:,.0f} MB PSS"
            )
        print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
