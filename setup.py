"""The wheel carries newsbook's defaults: the build copies them into the package.

The repository keeps its data where it is (`data/` is the editable source of truth, the
book's files at the top), so nothing is committed twice: `build_py` copies the paths
listed under `[tool.newsbook] defaults` in pyproject.toml into `newsbook/defaults/`,
laid out as in the repository, where `newsbook.config` finds them in an installed
package. Chapters go in as templates, their outputs cleared. An editable install skips
the copy: it reads the checkout itself.
"""

from __future__ import annotations

import shutil
import sys
import tomllib
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "src"))
from newsbook.notebooks import chapter_template, read_notebook, write_notebook  # noqa: E402


def default_files() -> list[Path]:
    """Every file the defaults list names (a folder stands for its files), relative."""
    listed = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))
    files = []
    for entry in listed["tool"]["newsbook"]["defaults"]:
        path = HERE / entry
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith((".", "__")) for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            files.append(path)
        else:
            raise SystemExit(f"newsbook's defaults name {entry}, which is missing (MANIFEST.in?)")
    return [p.relative_to(HERE) for p in files]


class BuildWithDefaults(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "newsbook" / "defaults"
        shutil.rmtree(target, ignore_errors=True)
        for relative in default_files():
            out = target / relative
            out.parent.mkdir(parents=True, exist_ok=True)
            if relative.suffix == ".ipynb":
                write_notebook(chapter_template(read_notebook(HERE / relative)), out)
            else:
                shutil.copyfile(HERE / relative, out)


setup(cmdclass={"build_py": BuildWithDefaults})
