"""What a release promises: one version everywhere, and every data file with its source
and terms in data/README.md."""

import fnmatch
import re
import subprocess

import yaml

import newsbook
from newsbook import config


def test_one_version_everywhere():
    citation = yaml.safe_load((config.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(citation["version"]) == newsbook.__version__
    changelog = (config.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## (\d+\.\d+\.\d+)", changelog, flags=re.MULTILINE)
    assert released and released[0] == newsbook.__version__
    pyproject = (config.ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and "newsbook.__version__" in pyproject


def test_every_data_file_has_its_source_and_terms():
    readme = (config.ROOT / "data" / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `")]
    patterns = [p for row in rows for p in re.findall(r"`([^`]+)`", row.split(" | ")[0])]
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "data", "tests/fixtures"],
        cwd=config.ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert listed
    unexplained = [f for f in listed if not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert not unexplained, f"add these to data/README.md (source, terms): {unexplained}"
