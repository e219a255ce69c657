"""newsbook as a tool: the wheel built from this checkout, installed into a fresh virtual
environment, works from any folder with the defaults it carries; a project's own data/
overrides them; `newsbook init` lays out a book that builds, tests and re-baselines.

Offline: the fresh environment gets newsbook from the wheel alone and finds the
dependencies in this environment's site-packages (a .pth file), as if pip had installed
them there too.
"""

import csv
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
import yaml

from newsbook import config
from newsbook.cli import run_analyze
from newsbook.notebooks import read_notebook
from newsbook.schema import ARTICLE_TABLES
from tests.articles import SEED_ARTICLE as SEED

GIT_IDENTITY = {
    f"GIT_{who}_{what}": value
    for who in ("AUTHOR", "COMMITTER")
    for what, value in (("NAME", "a user"), ("EMAIL", "user@example.org"))
}


def run(command: list, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "NEWSBOOK_ROOT"}
    result = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**environment, **env},
    )
    return result


def checked(command: list, cwd: Path, **env: str) -> str:
    result = run(command, cwd, **env)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the checkout's files (the tree stays clean)."""
    source = tmp_path_factory.mktemp("source")
    listed = checked(["git", "ls-files", "-co", "--exclude-standard", "-z"], config.ROOT)
    for name in filter(None, listed.split("\0")):
        if (config.ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(config.ROOT / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    checked(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
        + ["--no-index", "-w", dist, source],
        source,
    )
    (built,) = dist.glob("newsbook-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh environment with newsbook installed from the wheel; returns its bin/."""
    home = tmp_path_factory.mktemp("venv")
    checked([sys.executable, "-m", "venv", "--without-pip", home], home)
    purelib = Path(sysconfig.get_paths(vars={"base": str(home)})["purelib"])
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (purelib / "_newsbook_dependencies.pth").write_text("\n".join(sorted(here)) + "\n")
    checked(
        [sys.executable, "-m", "pip", "--python", home / "bin" / "python", "install", "-q"]
        + ["--no-deps", "--no-index", wheel],
        home,
    )
    # pip puts a dependency's commands beside the interpreter; ours live in this one's
    bin_dir = home / "bin"
    (bin_dir / "jupyter-book").write_text(
        f"#!{bin_dir / 'python'}\nfrom jupyter_book.cli.main import main\nmain()\n"
    )
    (bin_dir / "jupyter-book").chmod(0o755)
    return bin_dir


def test_the_wheel_carries_the_defaults_and_no_outputs(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        chapter = archive.read("newsbook/defaults/chapters/04-positions.ipynb").decode()
    for needed in (
        "data/lexicons/stance.yml",
        "data/issues.yml",
        "data/summary.yml",
        "data/gold/README.md",
        "_config.yml",
        "_toc.yml",
        "intro.md",
        "chapters/00-summary.ipynb",
        "chapters/corpus/11-corpus.ipynb",
        "data/corpus/README.md",
        "data/corpus/filter.yml",
        "data/corpus/reuters-arms-control.csv",  # what Part II reads by default
    ):
        assert f"newsbook/defaults/{needed}" in names
    assert not any(SEED.stem in name for name in names), "the seed is not ours to ship"
    assert '"outputs": []' in chapter and "text/html" not in chapter
    assert any(n.endswith("licenses/LICENSE") for n in names)


def test_installed_newsbook_analyzes_the_seed_from_another_folder(venv, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = checked([venv / "newsbook", "analyze", SEED], elsewhere).strip()
    assert Path(out) == elsewhere / "_build" / "tables" / SEED.stem
    where = checked([venv / "python", "-c", "import newsbook; print(newsbook.__file__)"], elsewhere)
    assert where.startswith(str(venv.parent)), "the installed copy, not the checkout"
    expected = tmp_path / "expected"
    run_analyze(SEED, None, expected)  # the checkout's own run, in this process
    for table in ARTICLE_TABLES:
        produced = (Path(out) / f"{table}.csv").read_bytes()
        assert produced == (expected / f"{table}.csv").read_bytes(), table
    positions = (Path(out) / "positions.csv").read_text().splitlines()
    assert len(positions) > 5  # the packaged issue catalogue and lexicons were read


def test_a_projects_own_data_overrides_the_packaged_defaults(venv, tmp_path):
    catalogue = (config.ISSUES_FILE).read_text(encoding="utf-8")
    (tmp_path / "data").mkdir()
    label = "US national missile defence shield"
    assert label in catalogue
    (tmp_path / "data" / "issues.yml").write_text(catalogue.replace(label, "The Shield"))
    out = checked([venv / "newsbook", "analyze", SEED, "--out", "tables"], tmp_path)
    positions = (tmp_path / out.strip() / "positions.csv").read_text()
    assert "The Shield" in positions and label not in positions


def test_the_default_book_needs_a_book_project(venv, tmp_path):
    refused = run([venv / "newsbook", "book"], tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines() == [
        f"newsbook: error: {tmp_path} holds no book (_toc.yml): start one with "
        "`newsbook init DIR`, or give an ARTICLE or --corpus for a book of its own"
    ]


def test_help_reads_like_a_manual(venv, tmp_path):
    text = checked([venv / "newsbook", "--help"], tmp_path)
    assert "examples:" in text and "newsbook init my-book" in text
    for command in ("analyze", "corpus", "book", "init"):
        assert "examples:" in checked([venv / "newsbook", command, "--help"], tmp_path)
    version = checked([venv / "newsbook", "--version"], tmp_path)
    assert version.strip() == f"newsbook {__import__('newsbook').__version__}"


CORPUS_CHAPTERS_KEPT = 1  # of Part II's six: the round below is about the project, not them
CORPUS_ROWS_KEPT = 3  # stories of the example corpus: enough for every table of chapter 11


def smaller_part_two(project: Path) -> None:
    """Part II of an init'd project cut down as a user could: its first chapter only (the
    others leave the folder and the toc), its corpus the first stories of the example."""
    toc_file = project / "_toc.yml"
    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    part_two = toc["parts"][1]
    for entry in part_two["chapters"][CORPUS_CHAPTERS_KEPT:]:
        (project / f"{entry['file']}.ipynb").unlink()
    part_two["chapters"] = part_two["chapters"][:CORPUS_CHAPTERS_KEPT]
    toc_file.write_text(yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")
    corpus = project / "data" / "corpus" / "reuters-arms-control.csv"
    with corpus.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with corpus.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows[: 1 + CORPUS_ROWS_KEPT])


@pytest.mark.slow
def test_init_lays_out_a_book_that_builds_tests_and_rebaselines(venv, tmp_path):
    """The whole round of a user's project, with the installed tool: init with their
    article, build, commit, `make test`; rename an issue (an intended change): nbval
    names the changed rows; `make baseline` re-executes and commits them. Part I whole,
    Part II smaller (smaller_part_two): the round takes minutes per part."""
    project = tmp_path / "my-book"
    checked([venv / "newsbook", "init", project, "--article", SEED], tmp_path)
    assert (project / "data" / "raw" / SEED.name).is_file()
    assert (project / "data" / "raw" / f"{SEED.stem}.yml").is_file()
    assert (project / "data" / "lexicons" / "stance.yml").is_file()
    chapter = read_notebook(project / "chapters" / "04-positions.ipynb")
    parameters = next(c for c in chapter["cells"] if "parameters" in c["metadata"].get("tags", []))
    assert f'ARTICLE = "data/raw/{SEED.name}"' in "".join(parameters["source"])
    refused = run([venv / "newsbook", "init", project], tmp_path)
    assert refused.returncode == 2 and "not empty" in refused.stderr
    part_two = sorted(p.name for p in (project / "chapters" / "corpus").glob("*.ipynb"))
    assert part_two == sorted(p.name for p in (config.CHAPTERS_DIR / "corpus").glob("*.ipynb"))
    for name in ("README.md", "filter.yml", "reuters-arms-control.csv", "reuters-opec.csv"):
        assert (project / "data" / "corpus" / name).is_file()
    toc = yaml.safe_load((project / "_toc.yml").read_text(encoding="utf-8"))
    assert toc == yaml.safe_load((config.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    smaller_part_two(project)

    make = ["make", f"PYTHON={venv / 'python'}", f"NEWSBOOK={venv / 'newsbook'}"]
    path = {"PATH": f"{venv}:{os.environ['PATH']}", **GIT_IDENTITY}
    git = ["git"]
    checked(make + ["book"], project, **path)
    html = project / "_build" / "html"
    assert (html / "chapters" / "04-positions.html").is_file()
    assert (html / "chapters" / "corpus" / "11-corpus.html").is_file()
    pages = sorted(p.name for p in (html / "corpus" / "articles").glob("*.html"))
    assert len(pages) == CORPUS_ROWS_KEPT, pages  # the project's corpus, not the packaged one
    checked(["git", "init", "-q"], project)
    checked(git + ["add", "."], project)
    checked(git + ["commit", "-qm", "the book"], project, **GIT_IDENTITY)
    checked(make + ["test"], project, **path)

    issues = project / "data" / "issues.yml"
    label = "US national missile defence shield"
    issues.write_text(issues.read_text().replace(label, "The Shield"))
    nbval = [venv / "python", "-m", "pytest", "-q", "--nbval", "chapters/04-positions.ipynb"]
    failed = run(nbval + ["--nbval-current-env", "-p", "no:cacheprovider"], project, **path)
    assert failed.returncode == 1
    assert f"issue: '{label}' -> 'The Shield'" in failed.stdout
    assert "rows changed" in failed.stdout

    checked(git + ["add", "data"], project)
    checked(git + ["commit", "-qm", "rename an issue"], project, **GIT_IDENTITY)
    shown = checked(make + ["baseline"], project, **path)
    assert f"issue: '{label}' -> 'The Shield'" in shown  # what the baseline recorded
    assert not checked(["git", "status", "--porcelain", "chapters"], project).strip()
    log = checked(["git", "log", "--oneline"], project)
    assert "Chapters re-executed" in log.splitlines()[0]
