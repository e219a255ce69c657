"""A cache on disk for results that are expensive and fully determined by their inputs:
an article's tables, a gold file's scores, an executed chapter.

A key is the SHA-256 of everything the result depends on: the input's bytes, the
parameters, the data files (lexicons, catalogue) and the package's own source, so a
change to any of them is a new key and a stale result is never read. Values are
pickled into `_build/cache/<kind>/<key>.pkl`, written whole or not at all.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from newsbook import config, source


def fingerprint(*parts: object) -> str:
    """The SHA-256 of `parts`: text and bytes as they are, a file by its bytes, a folder
    by the relative paths and bytes of its files (hidden ones skipped), anything else by
    its repr. A missing path counts as missing, not as an error."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(b"\x00")
        if isinstance(part, Path):
            _add_path(digest, part)
        elif isinstance(part, bytes):
            digest.update(part)
        else:
            digest.update(repr(part).encode("utf-8"))
    return digest.hexdigest()


def _add_path(digest: hashlib._Hash, path: Path) -> None:
    if path.is_file():
        digest.update(b"file:" + path.read_bytes())
    elif path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            relative = file.relative_to(path)
            if any(part.startswith(".") for part in relative.parts):
                continue
            digest.update(relative.as_posix().encode("utf-8") + b"\x00" + file.read_bytes())
    else:
        digest.update(b"missing:" + str(path).encode("utf-8"))


@functools.cache
def code_fingerprint() -> str:
    """The package's own source as this process runs it (read when the package was
    imported, see `source`): results made by other code are other results."""
    return fingerprint(*source.at_import())


def path_for(kind: str, key: str) -> Path:
    return config.CACHE_DIR / kind / f"{key}.pkl"


def load(kind: str, key: str) -> object | None:
    """The value stored under `key`, or None (a missing or unreadable entry is a miss)."""
    path = path_for(kind, key)
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None


def store(kind: str, key: str, value: object) -> None:
    """Store `value` under `key`; a cache that cannot be written is skipped, silently:
    it only saves time."""
    path = path_for(kind, key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        return


def cached(kind: str, key: str, compute):  # noqa: ANN001, ANN201 - any value
    """`compute()`, read from the cache when `key` is there, stored when it was not."""
    value = load(kind, key)
    if value is None:
        value = compute()
        store(kind, key, value)
    return value
