"""`python -m newsbook analyze|corpus|book`: the command line of CONTRACT.md.

Bad input ends with one line on stderr and a non-zero status, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsbook import config
from newsbook.errors import InputError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsbook", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="write the tables of one article as CSV")
    analyze.add_argument("article", type=Path)
    analyze.add_argument("--published", help="publication date, YYYY-MM-DD")
    analyze.add_argument("--out", type=Path, help="output folder (default: _build/tables/ID)")
    analyze.add_argument(
        "--issues",
        type=Path,
        help="an issue catalogue (.yml with an `issues:` list) added to data/issues.yml",
    )
    corpus = commands.add_parser("corpus", help="write the tables of many articles")
    corpus.add_argument("input", type=Path, help="a folder, or a CSV/JSONL/Parquet file")
    corpus.add_argument("--out", type=Path, help="output folder (default: _build/corpus/NAME)")
    corpus.add_argument("--workers", type=int, default=1, help="processes (default: 1)")
    corpus.add_argument("--format", choices=("csv", "parquet"), default="csv")
    corpus.add_argument(
        "--columns",
        metavar="FIELD=COLUMN,...",
        help="a table's own column names, e.g. text=body,published=date,headline=title",
    )
    corpus.add_argument(
        "--engine",
        choices=("local", "dask"),
        default=None,
        help="local processes (default), or Dask (a local cluster of --workers processes)",
    )
    corpus.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="an existing Dask cluster's scheduler, e.g. tcp://HOST:8786 (implies --engine dask)",
    )
    book = commands.add_parser(
        "book",
        help="build the book (the default article and corpus, or a separate book for "
        "ARTICLE or --corpus)",
    )
    book.add_argument(
        "article",
        type=Path,
        nargs="?",
        help="an article for a separate book under _build/books/ID (default: the project's "
        "own chapters, executed in place, into _build/html)",
    )
    book.add_argument(
        "--no-execute",
        action="store_true",
        help="build the HTML from the chapters as they are, without running them",
    )
    book.add_argument("--published", help="publication date, YYYY-MM-DD")
    book.add_argument("--out", type=Path, help="book folder (default: _build/books/ID)")
    book.add_argument(
        "--gold", help="gold .yml file or folder for the trust chapter (default: data/gold)"
    )
    book.add_argument(
        "--issues", help="an issue catalogue (.yml with an `issues:` list) for the positions"
    )
    book.add_argument(
        "--corpus",
        help="a folder or a CSV/JSONL/Parquet table of articles for a separate corpus book "
        "(Part II) under _build/books/corpus-NAME",
    )
    book.add_argument(
        "--filter", help="a FILTER rule (.yml, format in data/corpus/README.md) for --corpus"
    )
    book.add_argument("--from", dest="date_from", help="first publication date, YYYY-MM-DD")
    book.add_argument("--to", dest="date_to", help="last publication date, YYYY-MM-DD")
    return parser


def run_analyze(
    article_path: Path, published: str | None, out: Path | None, issues: Path | None = None
) -> Path:
    from newsbook.lexicons import Resources, read_issue_catalogue
    from newsbook.pipeline import analyze, write_tables
    from newsbook.schema import ARTICLE_TABLES
    from newsbook.text.article import read_article

    article = read_article(article_path, published=published)
    resources = Resources.load()
    if issues is not None:
        resources = resources.with_issues(read_issue_catalogue(issues))
    tables = analyze(article, resources)
    target = out or config.TABLES_DIR / article.article_id
    write_tables({name: tables[name] for name in ARTICLE_TABLES}, target, text=article.text)
    warnings = tables["article"]["warnings"].iloc[0]
    for warning in warnings.split(" | ") if warnings else []:
        print(f"warning: {warning}", file=sys.stderr)
    return target


def run_book(args: argparse.Namespace) -> Path:
    from newsbook.book.build import build_article_book, build_corpus_book, build_default_book

    corpus_options = {"filter": args.filter, "from": args.date_from, "to": args.date_to}
    if args.corpus:
        if args.article is not None or args.published or args.no_execute:
            raise InputError(
                "--corpus builds a corpus book: leave out ARTICLE, --published and --no-execute"
            )
        return build_corpus_book(
            args.corpus,
            rule=args.filter,
            date_from=args.date_from or "",
            date_to=args.date_to or "",
            issues=args.issues,
            gold=args.gold,
            out=args.out,
        )
    given = [f"--{name}" for name, value in corpus_options.items() if value]
    if given:
        raise InputError(f"{given[0]} needs --corpus PATH (a folder or a table of articles)")
    if args.article is None:
        given = [name for name in ("published", "out", "gold", "issues") if getattr(args, name)]
        if given:
            raise InputError(
                f"--{given[0]} needs an ARTICLE or --corpus (the default book uses data/)"
            )
        return build_default_book(execute_chapters=not args.no_execute)
    if args.no_execute:
        raise InputError("--no-execute builds the default book only: leave out ARTICLE")
    return build_article_book(
        args.article, published=args.published, out=args.out, gold=args.gold, issues=args.issues
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "analyze":
            target = run_analyze(args.article, args.published, args.out, args.issues)
            print(target)
        elif args.command == "corpus":
            from newsbook.corpus.run import run_corpus_command

            engine = args.engine or ("dask" if args.scheduler else "local")
            print(
                run_corpus_command(
                    args.input,
                    args.out,
                    args.workers,
                    args.format,
                    engine=engine,
                    scheduler=args.scheduler,
                    columns=args.columns,
                )
            )
        elif args.command == "book":
            print(run_book(args))
    except InputError as error:
        print(f"newsbook: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as interrupt:
        message = str(interrupt) or "interrupted; nothing was written"
        print(f"newsbook: {message}", file=sys.stderr)
        return 130
    return 0
