"""Where newsbook looks: the project folder, and the project's own data before the
packaged defaults."""

from newsbook import config


def test_the_project_is_named_then_found_upward_then_the_checkout(tmp_path, monkeypatch):
    book = tmp_path / "book"
    (book / "chapters").mkdir(parents=True)
    (book / "_toc.yml").write_text("root: intro\n")
    monkeypatch.delenv("NEWSBOOK_ROOT", raising=False)
    assert config.project_root(book / "chapters") == book.resolve()
    assert config.project_root(tmp_path) == config.PACKAGE_DIR.parents[1]  # this checkout
    monkeypatch.setenv("NEWSBOOK_ROOT", str(tmp_path))
    assert config.project_root(book / "chapters") == tmp_path.resolve()


def test_own_data_first_then_the_default(tmp_path, monkeypatch):
    own, defaults = tmp_path / "own", tmp_path / "defaults"
    for folder in (own / "data", defaults / "data"):
        folder.mkdir(parents=True)
    (defaults / "data" / "issues.yml").write_text("issues: []\n")
    (defaults / "data" / "summary.yml").write_text("{}\n")
    (own / "data" / "summary.yml").write_text("{}\n")
    monkeypatch.setattr(config, "ROOT", own)
    monkeypatch.setattr(config, "DEFAULTS", defaults)
    assert config.own_or_default("data/summary.yml") == own / "data" / "summary.yml"
    assert config.own_or_default("data/issues.yml") == defaults / "data" / "issues.yml"
    assert config.own_or_default("data/gold") == own / "data" / "gold"  # neither: the user's


def test_bare_words_in_a_lexicon_stay_words(tmp_path):
    """A user's word list may hold `no`, `on`, `yes` or `off` unquoted: YAML 1.1 would
    load them as booleans, so the lexicons are read with YAML 1.2's booleans."""
    import shutil

    from newsbook.lexicons import Resources

    lexicons = tmp_path / "lexicons"
    shutil.copytree(config.LEXICON_DIR, lexicons)
    (lexicons / "languages.yml").write_text(
        "stopwords:\n  en: [no, on, yes, off, the, of, and, to]\n", encoding="utf-8"
    )
    words = dict(Resources.load(lexicons, config.ISSUES_FILE).languages.stopwords)["en"]
    assert {"no", "on", "yes", "off"} <= words
