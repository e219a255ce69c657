"""The book: what chapters call, and the runner that executes them with papermill and
builds the HTML with Jupyter Book 1.x.

Executed notebooks are made byte-stable (papermill's timestamps and durations are
stripped), so running the book twice leaves `git status` clean. A book for another
article is built under `_build/books/<article-id>/` from copies of the chapters; the
committed chapters stay nbval's baseline for the default data.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsbook import config
from newsbook.errors import InputError

PARAMETER_TYPES = {"ARTICLE": str, "PUBLISHED": str, "GOLD": str, "ISSUES": str}


def resolve_path(path: str | Path) -> Path:
    """A path as given, or relative to the project root."""
    path = Path(path)
    return path if path.is_absolute() else config.ROOT / path


def check_parameters(**parameters: object) -> None:
    """Stop a chapter with a clear message when a parameter is unknown or malformed."""
    for name, value in parameters.items():
        if name not in PARAMETER_TYPES:
            raise InputError(
                f"unknown parameter {name}: the chapters take {', '.join(PARAMETER_TYPES)}"
            )
        if not isinstance(value, PARAMETER_TYPES[name]):
            raise InputError(f"parameter {name} must be text, got {value!r}")
    published = str(parameters.get("PUBLISHED") or "")
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        raise InputError(f"parameter PUBLISHED {published!r} is not a date: give YYYY-MM-DD")


def notebook_parameters(path: Path) -> set[str]:
    """Names assigned in a notebook's `parameters` cell."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"])
            return set(re.findall(r"^([A-Z_][A-Z0-9_]*)\s*=", source, flags=re.MULTILINE))
    return set()
