"""The `corpus` command: inputs, errors, byte-identical workers and engines, atomic and
resumable output, and corpus-wide entity ids. Built from a few short stories under
data/raw/."""

import errno
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml

from newsbook import config
from newsbook.cli import main
from newsbook.corpus import engines, partitions
from newsbook.corpus.linking import link_entities
from newsbook.corpus.progress import Progress
from newsbook.corpus.run import run_corpus
from newsbook.errors import InputError
from newsbook.output import MARKER
from newsbook.schema import ARTICLE_TABLES as TABLES
from newsbook.text.article import article_from_text

# Short Reuters stories; 2842, 3014 and 7535 share Reagan, 3014 and 2842 Richard Perle.
STORIES = ["reuters-10626", "reuters-2842", "reuters-3014", "reuters-7535"]
CONTRACT = {
    "article": ["article_id", "headline", "published", "source", "n_sentences", "n_words"],
    "sentences": ["article_id", "sentence_id", "paragraph_id", "start", "end", "text"],
    "mentions": ["article_id", "mention_id", "entity_id", "sentence_id", "start", "end", "text"],
    "entities": ["article_id", "entity_id", "corpus_entity_id", "name", "type", "aliases"],
    "quotes": ["article_id", "quote_id", "sentence_id", "start", "end", "text", "kind"],
    "positions": ["article_id", "position_id", "actor_id", "actor", "issue_id", "stance"],
    "timex": ["article_id", "timex_id", "sentence_id", "start", "end", "text", "value"],
    "events": ["article_id", "event_id", "date", "granularity", "timex_id", "predicate"],
    "errors": ["article_id", "error"],
}


def story(stem: str) -> tuple[str, dict]:
    text = (config.RAW_DIR / f"{stem}.txt").read_text(encoding="utf-8")
    meta = yaml.safe_load((config.RAW_DIR / f"{stem}.yml").read_text(encoding="utf-8"))
    return text, meta


def read_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {
        name: pd.read_csv(out / f"{name}.csv", keep_default_na=False)
        for name in [*TABLES, "texts", "errors"]
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    source = tmp_path / "in"
    source.mkdir()
    for stem in STORIES:
        for suffix in (".txt", ".yml"):
            shutil.copy(config.RAW_DIR / f"{stem}{suffix}", source / f"{stem}{suffix}")
    return source


def test_folder_input_writes_every_table_with_contract_columns(folder, tmp_path):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    (folder / "sub").mkdir()
    (folder / "sub" / "bad-meta.txt").write_text("Some words about arms talks.", encoding="utf-8")
    (folder / "sub" / "bad-meta.yml").write_text("published: [unclosed", encoding="utf-8")
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    out = tmp_path / "out"
    report = run_corpus(folder, out)
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before  # untouched
    tables = read_tables(out)
    for name, columns in CONTRACT.items():
        assert set(columns) <= set(tables[name].columns), name
    assert list(tables["article"]["article_id"]) == STORIES
    dates = [str(story(stem)[1]["published"]) for stem in STORIES]
    assert list(tables["article"]["published"]) == dates
    for name in ["sentences", "mentions", "entities", "timex"]:
        assert set(tables[name]["article_id"]) == set(STORIES), name
    errors = tables["errors"].set_index("article_id")
    assert set(errors.index) == {"binary", "empty", "bad-meta"}
    assert errors.loc["bad-meta", "error"].startswith("sub/bad-meta.yml is not valid YAML")
    assert "empty" in errors.loc["empty", "error"] and "binary" in errors.loc["binary", "error"]
    assert errors.loc["empty", "origin"] == "empty.txt"
    assert str(tmp_path) not in out.joinpath("errors.csv").read_text(encoding="utf-8")
    assert (report.n_articles, report.n_errors) == (4, 3)


def test_folder_files_are_read_by_their_content_not_their_names(tmp_path):
    """A saved page named .html or with no suffix at all, wire records saved as .txt and
    a picture: each file is read as its content says, and none is passed over."""
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(config.RAW_DIR / "web-modern-2019.html", source / "page.html")
    shutil.copy(config.RAW_DIR / "web-modern-2019.html", source / "page-saved")
    records = sgml(2842, STORIES[1], "6-MAR-1987") + sgml(3014, STORIES[2], "19-MAR-1987")
    (source / "wire.txt").write_text(records, encoding="ascii")
    (source / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (source / "page.yml").write_text("published: 2019-06-01\n", encoding="utf-8")
    run_corpus(source, tmp_path / "out")
    tables = read_tables(tmp_path / "out")
    article = tables["article"].set_index("article_id")
    assert sorted(article.index) == ["page", "page-saved", "reuters-2842", "reuters-3014"]
    assert list(article.loc[["page", "reuters-2842"], "format"]) == ["html", "sgml"]
    assert article.loc["page", "published"] == "2019-06-01"  # its sidecar, not a record
    assert article.loc["page", "headline"] == article.loc["page-saved", "headline"] != ""
    errors = tables["errors"].set_index("article_id")
    assert list(errors.index) == ["photo"] and "a PNG image" in errors.loc["photo", "error"]


def test_offsets_point_into_each_article(folder, tmp_path):
    run_corpus(folder, tmp_path / "out")
    tables = read_tables(tmp_path / "out")
    sentences = tables["sentences"]
    texts = {stem: story(stem)[0] for stem in STORIES}
    written = dict(zip(tables["texts"]["article_id"], tables["texts"]["text"], strict=True))
    assert written == texts  # the corpus writes the texts its offsets point into
    for row in sentences.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text


def test_csv_input_with_bad_rows_and_clashing_ids(tmp_path, capsys):
    rows = []
    for stem in STORIES[:2]:
        text, meta = story(stem)
        rows.append({"article_id": "a", "text": text, "published": f"{meta['published']}T10:00:00"})
    rows.append({"article_id": "blank", "text": "   ", "published": ""})
    rows.append({"article_id": "late", "text": story(STORIES[2])[0], "published": "someday"})
    rows.append({"article_id": "", "text": story(STORIES[3])[0], "published": "1987-03-20"})
    dates = [str(story(stem)[1]["published"]) for stem in STORIES[:2]] + ["1987-03-20"]
    path = tmp_path / "articles.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    run_corpus(path, tmp_path / "out")
    tables = read_tables(tmp_path / "out")
    assert list(tables["article"]["article_id"]) == ["a", "a-2", "articles-5"]
    assert list(tables["article"]["published"]) == dates
    errors = tables["errors"].set_index("article_id")
    assert list(errors.index) == ["blank", "late"]
    assert "empty" in errors.loc["blank", "error"]
    assert "someday" in errors.loc["late", "error"] and errors.loc["late", "origin"] == "row 4"
    assert "'a'" in capsys.readouterr().err  # the renamed id is reported


def test_jsonl_input_keeps_going_past_a_broken_line(tmp_path):
    text, meta = story(STORIES[0])
    lines = [
        json.dumps({"text": text, "article_id": "w1", "published": str(meta["published"])}),
        "{not json",
        json.dumps({"text": story(STORIES[1])[0], "headline": "Second"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_corpus(path, tmp_path / "out")
    tables = read_tables(tmp_path / "out")
    assert list(tables["article"]["article_id"]) == ["w1", "feed-3"]
    assert list(tables["errors"]["origin"]) == ["line 2"]


def sgml(newid: int, stem: str, day: str, author: str = "") -> str:
    text, meta = story(stem)
    title, body = text.split("\n\n", 1)
    body = body.replace("&", "&amp;").replace("<", "&lt;")
    return (
        f'<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="{newid}">\n'
        f"<DATE>{day} 10:44:39.16</DATE>\n<TOPICS></TOPICS>\n"
        f"<TEXT>&#2;\n<TITLE>{title}</TITLE>\n<DATELINE>    WASHINGTON, March 3 - </DATELINE>"
        f"{f'<AUTHOR>    by {author}</AUTHOR>' if author else ''}<BODY>{body}&#3;</BODY></TEXT>\n</REUTERS>\n"
    )


def test_sgml_records_become_articles(tmp_path):
    source = tmp_path / "wire"
    source.mkdir()
    content = '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n' + sgml(2842, STORIES[1], "6-MAR-1987")
    content += sgml(3014, STORIES[2], "19-MAR-1987", "Jane Roe") + sgml(
        9, STORIES[3], "31-FEB-1987"
    )
    (source / "reut2-000.sgm").write_text(content, encoding="ascii")
    run_corpus(source, tmp_path / "out")
    tables = read_tables(tmp_path / "out")
    article = tables["article"]
    assert list(article["article_id"]) == ["reuters-2842", "reuters-3014"]
    assert list(article["published"]) == ["1987-03-06", "1987-03-19"]
    assert list(tables["errors"]["article_id"]) == ["reuters-9"]
    assert list(tables["errors"]["origin"]) == ["reut2-000.sgm #3"]
    assert article["headline"].iloc[1] == story(STORIES[2])[0].split("\n")[0]
    # read as `analyze` reads a wire record: its format and its <AUTHOR>
    assert list(article["format"]) == ["sgml", "sgml"]
    assert list(article["author"]) == ["", "Jane Roe"]
    folder_run = tmp_path / "plain"
    plain = tmp_path / "txt"
    plain.mkdir()
    for stem in STORIES[1:3]:
        shutil.copy(config.RAW_DIR / f"{stem}.txt", plain / f"{stem}.txt")
    run_corpus(plain, folder_run)
    # The same story as SGML and as text: the same sentences, so the same offsets.
    assert tables["sentences"].equals(read_tables(folder_run)["sentences"])


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_two_workers_write_the_same_bytes_as_one(folder, tmp_path, fmt):
    (folder / "empty.txt").write_bytes(b"")
    run_corpus(folder, tmp_path / "one", workers=1, fmt=fmt)
    run_corpus(folder, tmp_path / "two", workers=2, fmt=fmt)
    names = sorted(p.name for p in (tmp_path / "one").iterdir() if p.name != MARKER)
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir() if p.name != MARKER)
    assert len(names) == len(TABLES) + 2  # and texts and errors
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_parquet_holds_the_same_rows_as_csv(folder, tmp_path):
    run_corpus(folder, tmp_path / "csv")
    run_corpus(folder, tmp_path / "pq", fmt="parquet")
    for name, table in read_tables(tmp_path / "csv").items():
        parquet = pd.read_parquet(tmp_path / "pq" / f"{name}.parquet")
        assert list(parquet.columns) == list(table.columns), name
        assert len(parquet) == len(table), name
    entities = pd.read_parquet(tmp_path / "pq" / "entities.parquet")
    assert str(entities["start" if "start" in entities else "n_mentions"].dtype) == "int64"


def same_files(one: Path, two: Path) -> bool:
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir())
    return all((one / n).read_bytes() == (two / n).read_bytes() for n in names)


def unfinished(out: Path) -> Path:
    return out.parent / f".{out.name}.unfinished"


def test_a_failure_mid_run_leaves_the_previous_output_and_resumes(folder, tmp_path, monkeypatch):
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    run_corpus(folder, out, partition_size=1)  # one record a partition
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = partitions.analyze_partition
    calls = []

    def failing(partition, parts, **options):
        calls.append(partition.index)
        if len(calls) == 3:
            raise RuntimeError("a bug")
        return real(partition, parts, **options)

    monkeypatch.setattr(engines, "analyze_partition", failing)
    with pytest.raises(RuntimeError):
        run_corpus(folder, out, partition_size=1)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    # what is left beside `out` is the finished part of the run, nothing half-written
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.unfinished", "in", "out"]
    assert len(list((unfinished(out) / "parts").iterdir())) == 2
    monkeypatch.undo()
    report = run_corpus(folder, out, partition_size=1)
    assert report.n_resumed == 2 and report.n_partitions == 4  # the empty file has no size
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_a_killed_run_restarted_ends_with_the_same_bytes(folder, tmp_path):
    """A run killed midway (SIGKILL: nothing of it can clean up) and started again with
    the same command skips what it finished and writes what a run never stopped writes."""
    whole = tmp_path / "whole"
    run_corpus(folder, whole, partition_size=1)
    out = tmp_path / "out"
    script = (
        "import sys; from pathlib import Path; from newsbook.corpus.run import run_corpus; "
        "run_corpus(Path(sys.argv[1]), Path(sys.argv[2]), partition_size=1)"
    )
    run = subprocess.Popen([sys.executable, "-c", script, str(folder), str(out)])
    parts = unfinished(out) / "parts"
    while run.poll() is None and not (parts.exists() and any(parts.glob("0*/summary.json"))):
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert not out.exists()
    report = run_corpus(folder, out, partition_size=1)
    assert report.n_resumed >= 1
    assert same_files(whole, out)
    assert not unfinished(out).exists()


def test_interrupt_and_full_disk_keep_the_finished_part(folder, tmp_path, monkeypatch, capsys):
    whole = tmp_path / "whole"
    run_corpus(folder, whole, partition_size=1)
    out = tmp_path / "out"
    real = partitions.analyze_partition

    def interrupted(partition, parts, **options):
        if partition.index == 2:
            raise KeyboardInterrupt
        return real(partition, parts, **options)

    monkeypatch.setattr(engines, "analyze_partition", interrupted)
    args = ["corpus", str(folder), "--out", str(out)]
    monkeypatch.setattr("newsbook.corpus.run.partition_bytes", lambda *_: 1)
    assert main(args) == 130
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("newsbook: interrupted") and "resumes" in err, err
    assert not out.exists()
    writes = []
    flush = partitions.PartWriter.flush

    def disk_full(self, name):
        writes.append(name)
        if len(writes) == 15:  # in the second partition of this run (11 tables each)
            raise OSError(errno.ENOSPC, "No space left on device", "parts/x.parquet")
        return flush(self, name)

    monkeypatch.setattr(engines, "analyze_partition", real)
    monkeypatch.setattr(partitions.PartWriter, "flush", disk_full)
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "No space left on device" in err and "resumes" in err, err
    monkeypatch.setattr(partitions.PartWriter, "flush", flush)
    assert main(args) == 0
    assert "resumed: 3 of 4 partitions" in capsys.readouterr().err
    assert same_files(whole, out)


def dying(partition, parts, **options):
    """A worker killed (by the OOM killer, say) in the middle of the third partition."""
    if partition.index == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return partitions.analyze_partition(partition, parts, **options)


def test_a_killed_worker_stops_the_run_and_the_rerun_resumes(folder, tmp_path, monkeypatch):
    whole = tmp_path / "whole"
    run_corpus(folder, whole, partition_size=1)
    out = tmp_path / "out"
    monkeypatch.setattr(engines, "analyze_partition", dying)  # forked workers inherit it
    with pytest.raises(InputError, match="worker process died.*resumes"):
        run_corpus(folder, out, workers=2, partition_size=1)
    monkeypatch.undo()
    run_corpus(folder, out, workers=2, partition_size=1)
    assert same_files(whole, out)


@pytest.mark.filterwarnings("ignore:Port .* is already in use")  # another cluster on 8787
def test_dask_local_cluster_writes_the_tables_of_the_local_engine(folder, tmp_path):
    """Two Dask workers on this machine (loopback only, no dashboard): the tables of the
    local engine, byte for byte."""
    (folder / "empty.txt").write_bytes(b"")
    run_corpus(folder, tmp_path / "local", fmt="parquet")
    report = run_corpus(
        folder, tmp_path / "dask", fmt="parquet", engine="dask", workers=2, partition_size=1
    )
    assert report.n_partitions == 4
    assert same_files(tmp_path / "local", tmp_path / "dask")


def test_columns_map_a_table_with_its_own_column_names(folder, tmp_path, capsys):
    rows = []
    for stem in STORIES[:3]:
        text, meta = story(stem)
        rows.append({"newid": stem, "body": text, "date": f"{meta['published']}T10:01:02"})
    own = tmp_path / "own.csv"
    pd.DataFrame(rows).to_csv(own, index=False)
    renamed = pd.DataFrame(rows).rename(
        columns={"newid": "article_id", "body": "text", "date": "published"}
    )
    renamed.to_csv(tmp_path / "contract.csv", index=False)
    args = ["corpus", str(own), "--out", str(tmp_path / "own-out")]
    assert main([*args, "--columns", "text=body, published=date,article_id=newid"]) == 0
    run_corpus(tmp_path / "contract.csv", tmp_path / "contract-out")
    assert same_files(tmp_path / "own-out", tmp_path / "contract-out")
    assert list(read_tables(tmp_path / "own-out")["article"]["article_id"]) == STORIES[:3]
    capsys.readouterr()
    for columns, says in [
        ("text=body,words=date", "'words' is not a field"),
        ("text=content", "has no `content` column"),
        ("text", "is not FIELD=COLUMN"),
        ("published=date", "has no `text` column"),
    ]:
        assert main([*args, "--columns", columns]) == 2
        err = capsys.readouterr().err
        assert err.startswith("newsbook: error:") and says in err and err.count("\n") == 1, err
    assert main(["corpus", str(folder), "--columns", "text=body"]) == 2
    assert "--columns is for a table" in capsys.readouterr().err


def test_progress_is_plain_lines_off_a_terminal(folder, tmp_path, capsys):
    assert main(["corpus", str(folder), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "corpus: 4/4 articles (100%)" in err and "articles/s" in err and "\r" not in err


def test_bad_input_is_one_line_and_status_2(tmp_path, capsys):
    no_text = tmp_path / "no-text.csv"
    no_text.write_text("body,headline\nsome words,title\n", encoding="utf-8")
    unknown = tmp_path / "article.docx"
    unknown.write_bytes(b"PK")
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    for bad in [tmp_path / "missing", no_text, unknown, empty_folder]:
        out = tmp_path / "out"
        assert main(["corpus", str(bad), "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("newsbook: error:") and err.count("\n") == 1, err
        assert not out.exists()
    assert no_text.read_text(encoding="utf-8") == "body,headline\nsome words,title\n"


def test_cli_corpus_prints_the_output_folder(folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["corpus", str(folder), "--out", str(out), "--workers", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out)
    assert "4 articles analysed, 0 could not be" in captured.err


def test_one_person_across_stories_is_one_corpus_entity(folder, tmp_path):
    run_corpus(folder, tmp_path / "out")
    entities = read_tables(tmp_path / "out")["entities"]
    reagan = entities[entities["name"].str.contains("Reagan")]
    assert reagan["article_id"].nunique() >= 3
    assert reagan["corpus_entity_id"].nunique() == 1
    assert entities.groupby("corpus_entity_id")["type"].nunique().max() == 1


# --- link_entities -----------------------------------------------------------------------


def linked(rows: list[tuple[str, str, str]], **options) -> list[str]:
    table = pd.DataFrame(rows, columns=["name", "type", "aliases"])
    return list(link_entities(table, **options)["corpus_entity_id"])


def test_surname_and_middle_initial_join_the_full_name():
    ids = linked(
        [
            ("George Shultz", "PERSON", "Shultz"),
            ("Shultz", "PERSON", ""),
            ("George P. Shultz", "PERSON", ""),
            ("SHULTZ", "PERSON", ""),
        ]
    )
    assert len(set(ids)) == 1


def test_namesakes_with_different_first_names_stay_apart():
    ids = linked(
        [
            ("Anna Berg", "PERSON", "Berg"),
            ("Olaf Berg", "PERSON", "Berg"),
            ("Berg", "PERSON", ""),
            ("Anna Berg", "PERSON", ""),
        ]
    )
    assert ids[0] == ids[3]
    assert len({ids[0], ids[1], ids[2]}) == 3  # a bare "Berg" is not guessed


def test_different_middle_initials_are_different_people():
    ids = linked(
        [
            ("George W. Bush", "PERSON", ""),
            ("George H. W. Bush", "PERSON", ""),
            ("Bush", "PERSON", ""),
        ]
    )
    assert len(set(ids)) == 3


def test_same_name_different_type_is_not_linked():
    ids = linked([("Washington", "GPE", ""), ("Washington", "PERSON", "")])
    assert ids[0] != ids[1]


def test_country_aliases_from_the_places_lexicon(resources):
    aliases = resources.country_aliases
    ids = linked(
        [("Soviet Union", "GPE", "Soviets"), ("USSR", "GPE", ""), ("Moscow", "GPE", "")],
        country_aliases=aliases,
    )
    assert ids[0] == ids[1] == "gpe:soviet-union"
    assert ids[2] == "gpe:moscow"  # a capital as a place is not its state


def test_an_organisation_joins_the_one_entity_listing_it_as_alias():
    ids = linked(
        [
            ("New York Times", "ORG", "Times"),
            ("Times", "ORG", ""),
            ("Center for Policy Studies", "ORG", "CPS"),
            ("Centre for Peace Studies", "ORG", "CPS"),
            ("CPS", "ORG", ""),
        ]
    )
    assert ids[0] == ids[1]
    assert len(set(ids[2:])) == 3  # two owners of "CPS": not linked


def test_ids_do_not_depend_on_row_order():
    rows = [
        ("George Shultz", "PERSON", "Shultz"),
        ("Shultz", "PERSON", ""),
        ("Anna Berg", "PERSON", ""),
        ("Olaf Berg", "PERSON", ""),
        ("New York Times", "ORG", "Times"),
        ("Times", "ORG", ""),
    ]
    expected = dict(zip(rows, linked(rows), strict=True))
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    assert dict(zip(shuffled, linked(shuffled), strict=True)) == expected


def test_corpus_rows_are_the_rows_of_analyze(folder, tmp_path):
    run_corpus(folder, tmp_path / "corpus")
    assert main(["analyze", str(folder / f"{STORIES[2]}.txt"), "--out", str(tmp_path / "one")]) == 0
    tables = read_tables(tmp_path / "corpus")
    for name in TABLES:
        alone = pd.read_csv(tmp_path / "one" / f"{name}.csv", keep_default_na=False)
        rows = tables[name][tables[name]["article_id"] == STORIES[2]].reset_index(drop=True)
        rows = rows[list(alone.columns)]
        pd.testing.assert_frame_equal(rows, alone, check_dtype=False, obj=name)


def test_parquet_input_with_timestamps(tmp_path):
    texts = [story(stem)[0] for stem in STORIES[:2]]
    published = pd.to_datetime(["1987-03-28 09:30", None])
    table = pd.DataFrame({"text": texts, "published": published, "url": ["http://a", None]})
    table.to_parquet(tmp_path / "batch.parquet")
    run_corpus(tmp_path / "batch.parquet", tmp_path / "out")
    article = read_tables(tmp_path / "out")["article"]
    assert list(article["article_id"]) == ["batch-1", "batch-2"]
    assert list(article["published"]) == ["1987-03-28", ""]
    assert list(article["url"]) == ["http://a", ""]


def test_out_never_replaces_files_newsbook_did_not_write(folder, tmp_path):
    thesis = tmp_path / "mine"
    thesis.mkdir()
    (thesis / "thesis.docx").write_text("years of work")
    with pytest.raises(InputError, match="did not write"):
        run_corpus(folder, thesis)
    assert (thesis / "thesis.docx").read_text() == "years of work"
    with pytest.raises(InputError, match="would hold INPUT"):
        run_corpus(folder, folder)
    run_corpus(folder, tmp_path / "out")
    run_corpus(folder, tmp_path / "out")  # its own earlier output is replaced


def test_progress_bar_on_a_terminal_shows_rate_and_time_left():
    stream = io.StringIO()
    bar = Progress(200, resumed=50, stream=stream, live=True)
    for _ in range(3):
        bar(10)
    bar.note("warning: one line, not drawn over")
    bar.close()
    shown = stream.getvalue()
    assert "80/200" in shown and "articles/s" in shown and "<" in shown  # tqdm's time left
    assert "warning: one line, not drawn over\n" in shown


def test_a_table_s_text_is_read_as_its_content_says(tmp_path):
    page = (config.RAW_DIR / "web-table-layout-2001.html").read_text(encoding="utf-8")
    markdown = (Path(__file__).parent / "fixtures" / "formats" / "ferry-subsidy.md").read_text(
        encoding="utf-8"
    )
    plain = story(STORIES[0])[0]
    lines = [
        json.dumps({"text": page, "article_id": "page"}),
        json.dumps({"text": markdown, "article_id": "post"}),
        json.dumps({"text": plain, "article_id": "wire", "published": "1987-03-02"}),
    ]
    path = tmp_path / "scraped.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_corpus(path, tmp_path / "out")
    tables = read_tables(tmp_path / "out")
    article = tables["article"].set_index("article_id")
    assert list(article["format"]) == ["html", "markdown", "text"]
    assert article.loc["page", "headline"] == "Water rate increase put on hold as drought deepens"
    assert article.loc["page", "published"] == "2001-05-29"
    assert article.loc["post", "headline"] == "Harbour Council Backs Ferry Subsidy"
    assert article.loc["post", "published"] == "2019-03-04"
    # the offsets point into the text as read, which the corpus writes beside its tables
    texts = dict(zip(tables["texts"]["article_id"], tables["texts"]["text"], strict=True))
    assert texts["page"] == article_from_text(page, article_id="page").text
    assert "<" not in texts["page"] and "**" not in texts["post"] and texts["wire"] == plain
    quotes = tables["quotes"]
    assert set(quotes["article_id"]) == {"page", "post", "wire"}
    for article_id, start, end, text in zip(
        *(quotes[c] for c in ("article_id", "start", "end", "text")), strict=True
    ):
        assert texts[article_id][start:end] == text
