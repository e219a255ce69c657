"""The cache's key for the package's code names the code the process runs."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import newsbook
from newsbook import cache

# Run in a fresh process on a copy of the package: import part of it, edit two of its
# files, then ask for the fingerprint.
EDIT_WHILE_RUNNING = """
from pathlib import Path
import newsbook
import newsbook.cache as cache
package = Path(newsbook.__file__).parent
assert package.parent == Path.cwd().resolve(), package
for name in ("config.py", "errors.py"):
    with (package / name).open("a", encoding="utf-8") as handle:
        handle.write("\\nEDITED = True\\n")
print(cache.code_fingerprint())
"""


def test_the_code_fingerprint_is_of_the_code_imported_not_of_later_edits(tmp_path: Path) -> None:
    package = tmp_path / "newsbook"
    shutil.copytree(
        Path(newsbook.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    as_imported = cache.fingerprint(*(p.read_bytes() for p in sorted(package.rglob("*.py"))))
    done = subprocess.run(
        [sys.executable, "-c", EDIT_WHILE_RUNNING],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [as_imported]  # the source when the package was imported
    after_edit = cache.fingerprint(*(p.read_bytes() for p in sorted(package.rglob("*.py"))))
    assert after_edit != as_imported  # (the edit did change the files)
