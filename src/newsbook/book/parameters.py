"""The chapters' parameters: what each chapter declares in its `parameters` cell, and
the check that a chapter stops at once, in one line, on a parameter it does not know
or one of the wrong type, however it is run (`newsbook book`, papermill, Jupyter).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from newsbook import config
from newsbook.errors import InputError

PARAMETER_TYPES = {
    "ARTICLE": str,
    "PUBLISHED": str,
    "GOLD": str,
    "ISSUES": str,
    "CORPUS": str,
    "FILTER": str,
    "FROM": str,
    "TO": str,
}
DATE_PARAMETERS = ("PUBLISHED", "FROM", "TO")


INJECTED_CELL = "# Parameters"  # how papermill's injected-parameters cell begins
ASSIGNED_NAME = re.compile(r"^([A-Z_][A-Z0-9_]*)\s*=", flags=re.MULTILINE)


class ParameterError(InputError):
    """An unknown or ill-typed chapter parameter. In a notebook it shows as its one-line
    message, not a traceback (IPython renders `_render_traceback_`)."""

    def _render_traceback_(self) -> list[str]:
        return [f"newsbook: error: {self}"]


def check_chapter_parameters(namespace: dict) -> None:
    """Stop the chapter on a parameter papermill injected that its `parameters` cell
    does not declare (a misspelt `-p ARTICEL`), and on a value of the wrong type.

    Reads the cells the kernel has run (IPython's `In`): names assigned in papermill's
    injected cell must be assigned in an earlier cell of the chapter too."""
    history = [str(cell) for cell in namespace.get("In", [])]
    injected = {n for c in history if c.startswith(INJECTED_CELL) for n in ASSIGNED_NAME.findall(c)}
    declared = {
        n for c in history if not c.startswith(INJECTED_CELL) for n in ASSIGNED_NAME.findall(c)
    }
    unknown = sorted(injected - declared)
    if unknown:
        raise ParameterError(
            f"this chapter has no parameter {', '.join(unknown)}: "
            f"it takes {', '.join(sorted(declared & set(PARAMETER_TYPES)))}"
        )
    check_parameters(**{name: namespace[name] for name in declared | injected if name in namespace})


def resolve_path(path: str | Path) -> Path:
    """A path as given, or relative to the project root."""
    path = Path(path)
    return path if path.is_absolute() else config.ROOT / path


def check_parameters(**parameters: object) -> None:
    """Stop a chapter with a clear message when a parameter is unknown or malformed."""
    for name, value in parameters.items():
        if name not in PARAMETER_TYPES:
            raise ParameterError(
                f"unknown parameter {name}: the chapters take {', '.join(PARAMETER_TYPES)}"
            )
        if not isinstance(value, PARAMETER_TYPES[name]):
            raise ParameterError(f"parameter {name} must be text, got {value!r}")
    for name in DATE_PARAMETERS:
        value = str(parameters.get(name) or "")
        if value and not _is_date(value):
            raise ParameterError(f"parameter {name} {value!r} is not a date: give YYYY-MM-DD")


def _is_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def notebook_parameters(path: Path) -> set[str]:
    """Names assigned in a notebook's `parameters` cell."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return set(ASSIGNED_NAME.findall("".join(cell["source"])))
    return set()
