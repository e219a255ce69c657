"""The package's source as this process runs it: read once, when the package is first
imported, and every module of the package then compiled from those very bytes (or from
the bytecode cache written for them). A cache key made from `frozen()` therefore names
the code that made the result, even when a file is edited while the process runs: an
edit after start-up is neither run nor counted until the next process.

No imports from newsbook here: the package's `__init__` installs this before any other
module of it is imported.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE = __name__.rpartition(".")[0]

# source path -> (its bytes, its mtime and size when they were read), in path order
_frozen: dict[str, tuple[bytes, dict[str, float | int]]] = {}


def _read(path: Path) -> tuple[bytes, dict[str, float | int]]:
    """A file's bytes with the stat they go with: read again if it changed meanwhile."""
    while True:
        before = path.stat()
        data = path.read_bytes()
        after = path.stat()
        if (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size):
            return data, {"mtime": after.st_mtime, "size": after.st_size}


def freeze() -> None:
    """Read the package's source files (once per process) and have its modules imported
    from what was read."""
    if _frozen:
        return
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        _frozen[os.fspath(path)] = _read(path)
    sys.meta_path.insert(0, _FrozenFinder())


def frozen() -> list[bytes]:
    """The bytes of every source file of the package, in the order of their paths, as
    this process imports them."""
    freeze()
    return [data for data, _ in _frozen.values()]


class _FrozenLoader(importlib.machinery.SourceFileLoader):
    """A module's source is the frozen bytes, and its bytecode cache is valid only if it
    was written for them (their mtime and size)."""

    def get_data(self, path: str) -> bytes:
        if path in _frozen:
            return _frozen[path][0]
        return super().get_data(path)

    def path_stats(self, path: str) -> dict[str, float | int]:
        if path in _frozen:
            return _frozen[path][1]
        return super().path_stats(path)


class _FrozenFinder(importlib.abc.MetaPathFinder):
    """Finds the package's modules as usual, then loads them from the frozen source."""

    def find_spec(self, fullname, path, target=None):  # noqa: ANN001, ANN201 - the finder protocol
        if not fullname.startswith(PACKAGE + "."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.origin not in _frozen:
            return spec
        spec.loader = _FrozenLoader(fullname, spec.origin)
        return spec
