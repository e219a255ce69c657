"""Paths, built from the project root in one place."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The project folder: NEWSBOOK_ROOT, else the checkout this package lives in, else cwd."""
    env = os.environ.get("NEWSBOOK_ROOT")
    if env:
        return Path(env).resolve()
    checkout = PACKAGE_DIR.parent.parent
    if (checkout / "_toc.yml").exists():
        return checkout
    return Path.cwd()


ROOT = project_root()
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
GOLD_DIR = DATA_DIR / "gold"
LEXICON_DIR = DATA_DIR / "lexicons"
ANNOTATION_DIR = DATA_DIR / "annotations"
ISSUES_FILE = DATA_DIR / "issues.yml"
BUILD_DIR = ROOT / "_build"
TABLES_DIR = BUILD_DIR / "tables"
BOOKS_DIR = BUILD_DIR / "books"
CACHE_DIR = BUILD_DIR / "cache"
CHAPTERS_DIR = ROOT / "chapters"
DEFAULT_ARTICLE = RAW_DIR / "moscow-times-2001-05-29-we-wont-scrap-abm.txt"
