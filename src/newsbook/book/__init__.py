"""The book: what the chapters call (their tables, charts, summary and trust report)
and the build that executes them and compiles the HTML.

A chapter imports `from newsbook import book` and uses the names below; everything a
chapter shows is computed in the package, so a chapter cell stays a call and a table.
"""

from newsbook.book import charts, corpus_charts, summary
from newsbook.book.corpus_trust import corpus_trust, unresolved_list
from newsbook.book.debate import corpus_book
from newsbook.book.parameters import check_chapter_parameters, check_parameters, resolve_path
from newsbook.book.tables import anchored_table, chapter_tables, row_anchor, show
from newsbook.book.trust import book_trust, gold_format

__all__ = [
    "anchored_table",
    "book_trust",
    "chapter_tables",
    "charts",
    "check_chapter_parameters",
    "corpus_book",
    "corpus_charts",
    "corpus_trust",
    "check_parameters",
    "gold_format",
    "resolve_path",
    "row_anchor",
    "show",
    "summary",
    "unresolved_list",
]
