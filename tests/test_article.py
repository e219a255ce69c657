import subprocess
import sys
from pathlib import Path

import pytest

from newsbook.errors import InputError
from newsbook.text.article import decode, make_article, read_article
from newsbook.text.layout import layout
from tests.articles import SEED_ARTICLE as SEED


def test_seed_furniture_headline_and_body(resources):
    article = read_article(SEED)
    blocks = layout(article, furniture=list(resources.furniture))
    sections = [b.section for b in blocks]
    assert sections[:3] == ["furniture", "furniture", "headline"]
    assert article.text[blocks[2].start : blocks[2].end] == "Moscow: We Won't Scrap ABM"
    assert str(article.published) == "2001-05-29"


def test_wire_layout_splits_indented_paragraphs(resources):
    text = "HEADLINE HERE\n\nFirst line of\nthe first paragraph.\n    Second paragraph\nwraps.\n Reuter\n"
    article = make_article(text, article_id="wire", published="1987-03-04")
    blocks = layout(article, furniture=list(resources.furniture))
    assert [b.section for b in blocks] == ["headline", "body", "body", "furniture"]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Caf\u00e9 \u2014 news".encode("cp1252"), "cp1252"),
        ("\u041c\u043e\u0441\u043a\u0432\u0430".encode("utf-16"), "utf-16"),
        ("\ufeffplain".encode(), "utf-8"),
    ],
)
def test_decodes_common_encodings(data, encoding):
    text, found = decode(data, name="x")
    assert found == encoding and text.strip()


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t ", b"\x00\x01\x02binary\x00", b"\x80\x85\x89\x91\x93\x95\x99\xa9\xae\xb0" * 10],
)
def test_bad_bytes_raise_input_error(data):
    with pytest.raises(InputError):
        decode(data, name="x")


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"%PDF-1.4\n1 0 obj<<>>endobj\n", "a PDF document"),
        (b"PK\x03\x04word/document.xml", "a ZIP archive"),
        (b"{\\rtf1\\ansi The minister said.}", "Rich Text"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    ],
)
def test_a_document_format_is_named_in_the_error(data, named):
    """A PDF or Word file may hold no NUL byte in its first bytes and decode as "text":
    the error names what it is, so the user knows what to convert."""
    with pytest.raises(InputError, match=named):
        decode(data, name="story")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsbook", *args], capture_output=True, text=True)


@pytest.mark.parametrize(
    ("content", "extra", "needle"),
    [
        (None, [], "does not exist"),
        (b"", [], "empty"),
        (b"  \n \n", [], "white space"),
        (b"\x00\x01PK\x03\x04" * 50, [], "binary"),
        (b"\xff\xfe\x00\xd8" * 3 + b"\x81", [], "UTF-16"),
        (b"A real article. It has words.", ["--published", "29/05/2001"], "not a date"),
    ],
)
def test_bad_input_one_line_no_output(tmp_path: Path, content, extra, needle):
    article = tmp_path / "article.txt"
    if content is not None:
        article.write_bytes(content)
    out = tmp_path / "out"
    result = run_cli("analyze", str(article), "--out", str(out), *extra)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in result.stderr
    assert not out.exists()
    if content is not None:
        assert article.read_bytes() == content


def test_analyze_writes_contract_tables_with_exact_offsets(tmp_path: Path):
    out = tmp_path / "out"
    result = run_cli("analyze", str(SEED), "--out", str(out))
    assert result.returncode == 0, result.stderr
    import pandas as pd

    text = SEED.read_text(encoding="utf-8")
    for name in ("sentences", "mentions", "quotes", "timex"):
        table = pd.read_csv(out / f"{name}.csv", keep_default_na=False)
        assert len(table)
        for row in table.itertuples():
            assert text[row.start : row.end] == row.text
    article = pd.read_csv(out / "article.csv", keep_default_na=False)
    assert article.loc[0, "published"] == "2001-05-29"
    assert article.loc[0, "headline"] == "Moscow: We Won't Scrap ABM"


def test_unknown_date_warns_and_leaves_relative_dates_empty(tmp_path: Path):
    article = tmp_path / "story.txt"
    article.write_text("Talks end\n\nThe minister said on Monday that talks ended in 1972.\n")
    out = tmp_path / "out"
    result = run_cli("analyze", str(article), "--out", str(out))
    assert result.returncode == 0 and "publication date is unknown" in result.stderr
    import pandas as pd

    timex = pd.read_csv(out / "timex.csv", keep_default_na=False, dtype=str)
    assert dict(zip(timex["text"], timex["value"], strict=True)) == {"Monday": "", "1972": "1972"}


def test_analyze_never_replaces_files_it_did_not_write(tmp_path, capsys):
    from newsbook.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Senator Paul Oduya spoke in Lisbon on Monday.", encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("years of work")
    assert main(["analyze", str(article), "--out", str(mine)]) == 2
    assert "did not write" in capsys.readouterr().err
    assert (mine / "thesis.docx").exists()
    assert main(["analyze", str(article), "--out", str(tmp_path / "out")]) == 0
    assert main(["analyze", str(article), "--out", str(tmp_path / "out")]) == 0
    assert main(["analyze", str(article), "--out", str(mine / "thesis.docx")]) == 2


def test_impossible_sidecar_date_is_one_line(tmp_path, capsys):
    from newsbook.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Senator Paul Oduya spoke in Lisbon on Monday.", encoding="utf-8")
    (tmp_path / "a.yml").write_text("published: 2001-02-30\n", encoding="utf-8")
    assert main(["analyze", str(article), "--out", str(tmp_path / "o")]) == 2
    assert "date" in capsys.readouterr().err
