"""Paths, built from the project root in one place.

Two folders matter. The project (`ROOT`) is where a user works: their articles, their
own data and the book's output. The defaults (`DEFAULTS`) are what newsbook ships: the
lexicons, the issue catalogue, the summary's wording, the chapters and the book's files.
In a checkout both are the checkout itself; in an installed wheel the defaults are the
copy the build made inside the package (`newsbook/defaults/`, laid out like the
repository). Each data path below is the project's own when it has one, else the
default: a user's `data/lexicons/` replaces the packaged lexicons as a whole (start
from a copy: `newsbook init`).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
BOOK_MARKER = "_toc.yml"  # a folder holding it is a book project
PACKAGED_DEFAULTS = PACKAGE_DIR / "defaults"  # written by the wheel's build (setup.py)


def _checkout() -> Path | None:
    """The repository this package is imported from (a development install), if any."""
    checkout = PACKAGE_DIR.parent.parent
    return checkout if (checkout / BOOK_MARKER).exists() else None


def defaults_root() -> Path:
    """Where the shipped defaults are laid out like the repository."""
    if PACKAGED_DEFAULTS.is_dir():
        return PACKAGED_DEFAULTS
    return _checkout() or PACKAGED_DEFAULTS


def project_root(cwd: Path | None = None) -> Path:
    """The project folder: NEWSBOOK_ROOT; else the nearest folder from the working
    directory upward that holds a book (`_toc.yml`, as `newsbook init` lays out); else
    the checkout this package lives in; else the working directory."""
    env = os.environ.get("NEWSBOOK_ROOT")
    if env:
        return Path(env).resolve()
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / BOOK_MARKER).is_file() and folder != PACKAGED_DEFAULTS:
            return folder
    return _checkout() or here


def own_or_default(relative: str | Path) -> Path:
    """The project's own file or folder at `relative`, else the packaged default (the
    project's path when neither exists, so a message names the user's path)."""
    own, default = ROOT / relative, DEFAULTS / relative
    return default if not own.exists() and default.exists() else own


ROOT = project_root()
DEFAULTS = defaults_root()
DATA_DIR = ROOT / "data"
RAW_DIR = own_or_default("data/raw")
GOLD_DIR = own_or_default("data/gold")
LEXICON_DIR = own_or_default("data/lexicons")
ANNOTATION_DIR = DATA_DIR / "annotations"
ISSUES_FILE = own_or_default("data/issues.yml")
GOLD_FORMAT_FILE = own_or_default("data/gold/README.md")
SUMMARY_FILE = own_or_default("data/summary.yml")
# The book's sources (chapters, _config.yml, _toc.yml, intro.md) come as one: the
# project's when it is a book, else the packaged templates.
BOOK_SOURCE = ROOT if (ROOT / BOOK_MARKER).is_file() else DEFAULTS
CHAPTERS_DIR = BOOK_SOURCE / "chapters"
BUILD_DIR = ROOT / "_build"
TABLES_DIR = BUILD_DIR / "tables"
BOOKS_DIR = BUILD_DIR / "books"
CACHE_DIR = BUILD_DIR / "cache"
