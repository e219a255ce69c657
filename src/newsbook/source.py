"""The package's source as it was when the package was first imported: the bytes a cache
key is made of (`cache.code_fingerprint`). Read at import, not at the key's first use,
which may come minutes into a run: a file edited meanwhile would name results of the
code already running with the edited code's key.

Modules are still imported the usual way (a notebook's `%autoreload` keeps working); a
module first imported after an edit made during start-up is the one case not covered.
No imports from newsbook here: the package's `__init__` calls `read()` first.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent

_read_at_import: list[bytes] = []


def read() -> None:
    """Read the package's source files, once per process."""
    if not _read_at_import:
        _read_at_import.extend(p.read_bytes() for p in sorted(PACKAGE_DIR.rglob("*.py")))


def at_import() -> list[bytes]:
    """The bytes of every source file of the package, in the order of their paths, as
    they were when the package was imported."""
    read()
    return list(_read_at_import)
