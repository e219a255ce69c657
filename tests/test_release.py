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


def pins(path) -> dict[str, str]:
    """name -> version of a requirements file's `name==version` lines (names normalised)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==([^ ;\\]+)", line)
        if match:
            found[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return found


def test_hash_pins_are_the_pinned_versions():
    """requirements.hashes.txt (CI installs from it) pins what requirements.txt pins,
    each with its files' sha256: after a change to requirements.txt, `make hashes`."""
    plain = pins(config.ROOT / "requirements.txt")
    hashed_file = config.ROOT / "requirements.hashes.txt"
    hashed = pins(hashed_file)
    stale = {n: (v, hashed.get(n)) for n, v in plain.items() if hashed.get(n) != v}
    assert not stale, f"run `make hashes`: requirements.txt differs from the hashes: {stale}"
    extra = set(hashed) - set(plain)
    assert extra <= {"pip", "setuptools", "wheel"}, f"only in the hashes: {sorted(extra)}"
    blocks = re.split(r"\n(?=[A-Za-z0-9])", hashed_file.read_text(encoding="utf-8"))
    unhashed = [b.split()[0] for b in blocks if "==" in b and "--hash=sha256:" not in b]
    assert not unhashed
