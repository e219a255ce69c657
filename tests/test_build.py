"""The book's build: parameters checked however a chapter is run, the disk cache, and
chapters skipped when nothing they depend on has changed."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsbook import cache, config
from newsbook.book.build import ChapterRun, run_chapters
from newsbook.book.parameters import ParameterError, check_chapter_parameters
from newsbook.book.tables import article_tables

PARAMETERS_CELL = 'ARTICLE = "a.txt"\nPUBLISHED = ""\n'


def namespace(*cells: str, **values: object) -> dict:
    return {"In": ["", "from newsbook import book", *cells], **values}


def test_a_misspelt_papermill_parameter_stops_the_chapter():
    injected = '# Parameters\nARTICEL = "my.txt"\n'
    with pytest.raises(ParameterError, match="no parameter ARTICEL.*takes ARTICLE, PUBLISHED"):
        check_chapter_parameters(
            namespace(PARAMETERS_CELL, injected, ARTICLE="a.txt", PUBLISHED="", ARTICEL="my.txt")
        )


def test_a_parameter_of_the_wrong_type_stops_the_chapter():
    injected = "# Parameters\nPUBLISHED = 2001\n"
    with pytest.raises(ParameterError, match="PUBLISHED must be text"):
        check_chapter_parameters(namespace(PARAMETERS_CELL, injected, ARTICLE="a", PUBLISHED=2001))


def test_declared_parameters_pass_and_the_error_renders_as_one_line():
    injected = '# Parameters\nARTICLE = "b.txt"\n'
    check_chapter_parameters(namespace(PARAMETERS_CELL, injected, ARTICLE="b.txt", PUBLISHED=""))
    error = ParameterError("parameter X is wrong")
    assert error._render_traceback_() == ["newsbook: error: parameter X is wrong"]


def test_papermill_run_directly_fails_on_a_misspelt_parameter(tmp_path):
    chapter = config.CHAPTERS_DIR / "01-article.ipynb"
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "papermill"),
            str(chapter),
            str(tmp_path / "out.ipynb"),
            "-p",
            "ARTICEL",
            "my.txt",
            "--cwd",
            str(config.CHAPTERS_DIR),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "newsbook: error: this chapter has no parameter ARTICEL" in result.stderr
    executed = json.loads((tmp_path / "out.ipynb").read_text())
    outputs = [o for c in executed["cells"] for o in c.get("outputs", []) if o.get("traceback")]
    assert [o["traceback"] for o in outputs] == [
        [
            "newsbook: error: this chapter has no parameter ARTICEL: it takes ARTICLE, ISSUES, PUBLISHED"
        ]
    ]


def test_fingerprint_follows_content_not_names(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("same")
    b.write_text("same")
    assert cache.fingerprint(a) == cache.fingerprint(b)
    b.write_text("other")
    assert cache.fingerprint(a) != cache.fingerprint(b)
    assert cache.fingerprint(tmp_path / "missing") != cache.fingerprint(a)


def test_article_tables_come_from_the_cache_until_the_article_changes(
    tmp_path, monkeypatch, resources
):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path / "cache")
    article = tmp_path / "story.txt"
    article.write_text("Talks\n\nSenator Anna Berg said on Monday the talks would resume.\n")
    first = article_tables(article, published="2010-03-02")
    assert len(list((tmp_path / "cache" / "tables").glob("*.pkl"))) == 1
    again = article_tables(article, published="2010-03-02")
    assert again["quotes"].equals(first["quotes"])
    assert len(list((tmp_path / "cache" / "tables").glob("*.pkl"))) == 1
    article_tables(article, published="2010-03-03")  # another parameter: another entry
    article.write_text("Talks\n\nSenator Anna Berg said the talks would not resume.\n")
    changed = article_tables(article, published="2010-03-02")
    assert len(list((tmp_path / "cache" / "tables").glob("*.pkl"))) == 3
    assert "not resume" in changed["quotes"]["text"].iloc[0]


def tiny_notebook(path: Path, source: str) -> None:
    cells = [
        {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": "X = 1",
         "outputs": [], "execution_count": None},
        {"cell_type": "code", "metadata": {}, "source": source, "outputs": [],
         "execution_count": None},
    ]  # fmt: skip
    kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook = {"cells": cells, "metadata": {"kernelspec": kernelspec}, "nbformat": 4}
    path.write_text(json.dumps({**notebook, "nbformat_minor": 4}))


def test_unchanged_chapters_are_skipped_and_changed_ones_run(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(config, "DATA_DIR", tmp_path / "data")
    (tmp_path / "chapters").mkdir()
    first, second = tmp_path / "chapters" / "a.ipynb", tmp_path / "chapters" / "b.ipynb"
    tiny_notebook(first, "print(X + 1)")
    tiny_notebook(second, "print(X + 2)")
    runs = [ChapterRun(n, n, {}) for n in (first, second)]
    run_chapters(runs, cwd=tmp_path)
    assert "unchanged" not in capsys.readouterr().err
    assert json.loads(first.read_text())["cells"][1]["outputs"][0]["text"] == ["2\n"]
    run_chapters(runs, cwd=tmp_path)
    assert capsys.readouterr().err.count("unchanged") == 2
    tiny_notebook(second, "print(X + 3)")
    run_chapters(runs, cwd=tmp_path)
    log = capsys.readouterr().err.splitlines()
    assert "unchanged" in log[0] and "unchanged" not in log[1]
    assert json.loads(second.read_text())["cells"][1]["outputs"][0]["text"] == ["4\n"]
