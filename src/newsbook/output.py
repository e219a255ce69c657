"""Writing results whole or not at all, and never over someone else's files.

Tables are written into a staging folder beside the target, which then replaces the
target in one rename. A target that exists is replaced only when newsbook wrote it
(it holds newsbook's marker file) or it is empty: `--out ~/thesis` must never delete a
thesis.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from newsbook.errors import InputError

MARKER = ".newsbook-output"


def staging_folder(out: Path) -> Path:
    """A fresh folder beside `out` to write into; a clear error when `out` cannot be."""
    out = Path(out)
    check_replaceable(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    except OSError as error:
        raise InputError(f"{out} cannot be written ({error.strerror or error})") from None
    os.chmod(staging, 0o755)  # mkdtemp's 0700 would hide the tables from other users
    (staging / MARKER).write_text("written by newsbook; replaced by its next run\n")
    return staging


def check_replaceable(out: Path) -> None:
    """Refuse a target that is a file, or a folder with files newsbook did not write."""
    out = Path(out)
    if out.is_file() or (out.exists() and not out.is_dir()):
        raise InputError(f"{out} is a file: give a folder for the output")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise InputError(
            f"{out} already holds files newsbook did not write: give a new or empty folder"
        )


def replace_folder(staging: Path, out: Path) -> None:
    """`staging` becomes `out`; a previous `out` is removed only after that succeeded."""
    out = Path(out)
    check_replaceable(out)
    if out.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        os.replace(out, retired / out.name)
        os.replace(staging, out)
        shutil.rmtree(retired)
    else:
        os.replace(staging, out)
