"""Notebook files as the project keeps them: one JSON format (so an executed chapter is
byte-stable), and chapter templates (outputs cleared, parameter defaults set).

Standard library only: the wheel's build (setup.py) uses it before any dependency is
installed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path


def read_notebook(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def notebook_text(notebook: dict) -> str:
    """The one way a notebook is written: sorted keys, one-space indent, a final newline."""
    return json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def write_notebook(notebook: dict, path: Path) -> None:
    Path(path).write_text(notebook_text(notebook), encoding="utf-8")


def chapter_template(notebook: dict, **defaults: str) -> dict:
    """The chapter without outputs or the record of the inputs it was executed from, its
    `parameters` cell assigning `defaults` (e.g. ARTICLE="data/raw/my.txt") where given:
    what `newsbook init` lays out and the wheel ships."""
    notebook = json.loads(json.dumps(notebook))  # a copy
    notebook.get("metadata", {}).pop("newsbook", None)
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        cell["outputs"] = []
        cell["execution_count"] = None
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            cell["source"] = _with_defaults("".join(cell["source"]), defaults)
    return notebook


def _with_defaults(source: str, defaults: dict[str, str]) -> list[str]:
    for name, value in defaults.items():
        assignment = re.compile(rf'^{re.escape(name)} = "(?:[^"\\]|\\.)*"', flags=re.MULTILINE)
        source = assignment.sub(lambda _, n=name, v=value: f"{n} = {json.dumps(v)}", source)
    return source.splitlines(keepends=True)
