"""Scoring every stage against hand-made gold (format: data/gold/README.md).

Gold spans are given as text plus occurrence and located in the article's text; a
snippet that is not found raises GoldError, so a typo in the gold cannot pass silently.
Every score is computed from both sides: an empty output scores zero recall.

Every error carries the character offsets (`start`, `end`) of the gold span it is about
(or of the system row, for spurious output), so `errors_table` can show the sentence.

Running on a folder of gold (`evaluate_gold`): the article text of a gold file is found,
in this order, at
1. the path in the gold file's optional `article:` key (relative to the gold file),
2. the book's own article, when its id is the gold's `article_id`,
3. beside the gold file: `<article_id>.txt` (or .html, .htm, .sgm) in the same folder,
4. the project's `data/raw/<article_id>.txt`;
no article at any of these is an InputError naming the places looked at. The article id
is the gold's `article_id`, else the gold file's stem; the publication date is the
gold's `published`, else the article's own (sidecar or the book's PUBLISHED).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from newsbook import config
from newsbook.errors import InputError

CORE_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "WEAPON", "TREATY", "EVENT"})


class GoldError(InputError, ValueError):
    """The gold file cannot be read or does not fit its article (an InputError: one
    line, no traceback)."""


GOLD_SECTIONS = ("entities", "mentions", "quotes", "positions", "timex", "events")
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".sgm")
ERROR_COLUMNS = [
    "system",
    "article_id",
    "stage",
    "error",
    "expected",
    "found",
    "span",
    "sentence_id",
    "start",
    "end",
    "sentence",
]
SCORE_COLUMNS = [
    "system",
    "article_id",
    "stage",
    "correct",
    "expected",
    "produced",
    "precision",
    "recall",
    "f1",
]


def load_gold(path: Path) -> dict:
    path = Path(path)
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"gold file {path} cannot be read: {error}") from None
    except yaml.YAMLError as error:
        first = str(error).splitlines()[0] if str(error) else "syntax error"
        raise GoldError(f"gold file {path} is not valid YAML ({first})") from None
    if not isinstance(gold, dict):
        raise GoldError(
            f"gold file {path} must be a YAML mapping (article_id, entities, quotes, ...; "
            "see data/gold/README.md)"
        )
    for key in GOLD_SECTIONS:
        gold[key] = gold.get(key) or []
    return gold


def locate(text: str, snippet: str, occurrence: int = 1) -> tuple[int, int]:
    """Offsets of the n-th occurrence of `snippet` in `text`."""
    position = -1
    for _ in range(int(occurrence or 1)):
        position = text.find(str(snippet), position + 1)
        if position < 0:
            raise GoldError(
                f"gold snippet {snippet!r} (occurrence {occurrence}) is not in the text"
            )
    return position, position + len(str(snippet))


def _forms(*names: str) -> set[str]:
    forms = set()
    for name in names:
        name = " ".join(str(name).split())
        if name:
            forms.add(name.casefold())
            forms.add(re.sub(r"^the\s+", "", name.casefold()))
    return forms


def _system_forms(row: pd.Series) -> set[str]:
    aliases = [a for a in str(row["aliases"] or "").split(" | ") if a]
    return _forms(row["name"], *aliases)


def _error(
    what: str, expected: object, found: object, span: str, start: int | None, end: int | None
) -> dict:
    """One error: what went wrong, the expected and found values, and the gold span (or
    the system's, for spurious output) with its offsets (None where there is none)."""
    return {
        "what": what,
        "expected": "" if expected is None else str(expected),
        "found": "" if found is None else str(found),
        "span": span,
        "start": start,
        "end": end,
    }


def _overlapping(table: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    return table[(table["start"] < end) & (table["end"] > start)]


def _first_occurrence(text: str, names: list[str]) -> tuple[int | None, int | None]:
    """Offsets of the earliest of several names in the text (None if none occurs)."""
    found = [(text.find(n), len(n)) for n in names if n and text.find(n) >= 0]
    if not found:
        return None, None
    start, length = min(found)
    return start, start + length


@dataclass
class Score:
    """Counts behind precision, recall or accuracy, and the errors behind them."""

    correct: int
    expected: int
    produced: int
    errors: list[dict]

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return (
            self.correct / self.produced if self.produced else (1.0 if not self.expected else 0.0)
        )

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_entities(gold: dict, entities: pd.DataFrame) -> dict[str, str]:
    """Gold entity id -> system entity id, one to one, by shared names and aliases."""
    system = entities[entities["type"].isin(CORE_TYPES)]
    used: set[str] = set()
    mapping: dict[str, str] = {}
    candidates = []
    for g in gold["entities"]:
        gold_forms = _forms(g["name"], *(g.get("aliases") or []))
        for _, row in system.iterrows():
            shared = gold_forms & _system_forms(row)
            if shared:
                exact = str(row["name"]).casefold() in gold_forms
                candidates.append((not exact, -len(shared), g["id"], row["entity_id"]))
    for _, _, gold_id, system_id in sorted(candidates):
        if gold_id not in mapping and system_id not in used:
            mapping[gold_id] = system_id
            used.add(system_id)
    return mapping


def gold_entities_table(gold: dict) -> pd.DataFrame:
    """The gold entities in the shape of newsbook's `entities` table (entity_id is the
    gold id): what a peer without entity resolution maps its speakers onto."""
    rows = [
        {
            "entity_id": g["id"],
            "name": g["name"],
            "type": g.get("type", ""),
            "aliases": " | ".join(g.get("aliases") or []),
            "role": g.get("role") or "",
            "affiliation": g.get("affiliation") or "",
        }
        for g in gold["entities"]
    ]
    return pd.DataFrame(
        rows, columns=["entity_id", "name", "type", "aliases", "role", "affiliation"]
    )


def score_entities(
    gold: dict, entities: pd.DataFrame, *, text: str = "", mentions: pd.DataFrame | None = None
) -> Score:
    """Entities found (one to one by shared names). `text` and `mentions`, when given,
    place the errors: a missed entity at its first name in the text, a spurious one at
    its first mention."""
    mapping = match_entities(gold, entities)
    system = entities[entities["type"].isin(CORE_TYPES)]
    errors = []
    for g in gold["entities"]:
        if g["id"] not in mapping:
            start, end = _first_occurrence(text, [g["name"], *(g.get("aliases") or [])])
            errors.append(_error("missed entity", g["name"], "", g["name"], start, end))
    matched = set(mapping.values())
    for _, row in system.iterrows():
        if row["entity_id"] in matched:
            continue
        start = end = None
        if mentions is not None and len(mentions):
            own = mentions[mentions["entity_id"] == row["entity_id"]]
            if len(own):
                first = own.sort_values("start").iloc[0]
                start, end = int(first["start"]), int(first["end"])
        errors.append(_error(f"spurious {row['type']}", "", row["name"], row["name"], start, end))
    return Score(len(mapping), len(gold["entities"]), len(system), errors)


def _gold_names(gold: dict) -> dict[str, str]:
    return {g["id"]: g["name"] for g in gold["entities"]}


def _system_names(entities: pd.DataFrame) -> dict[str, str]:
    return dict(zip(entities["entity_id"], entities["name"], strict=False)) if len(entities) else {}


def score_same_name_mentions(
    gold: dict, text: str, mentions: pd.DataFrame, entities: pd.DataFrame
) -> Score:
    """Each gold mention of a shared name resolved to the right entity (or left
    ambiguous where the gold says so)."""
    mapping = match_entities(gold, entities)
    gold_names, system_names = _gold_names(gold), _system_names(entities)
    correct, errors = 0, []
    for g in gold["mentions"]:
        start, end = locate(text, g["text"], g.get("occurrence", 1))
        hit = _overlapping(mentions, start, end)
        found = hit["entity_id"].iloc[0] if len(hit) else None
        expected = (
            ""
            if g["entity"] == "ambiguous"
            else mapping.get(g["entity"], f"<unmatched {g['entity']}>")
        )
        if found == expected:
            correct += 1
        else:
            shown = "(no mention)" if found is None else system_names.get(found, found) or "(none)"
            what = "not found" if found is None else "wrong entity"
            wanted = gold_names.get(g["entity"], g["entity"])
            errors.append(_error(what, wanted, shown, g["text"], start, end))
    return Score(correct, len(gold["mentions"]), len(gold["mentions"]), errors)


def score_quotes(
    gold: dict, text: str, quotes: pd.DataFrame, entities: pd.DataFrame, *, kind: str
) -> Score:
    """Speaker accuracy over the gold statements of one kind: the statement must be
    found (a system row overlapping it) with the right speaker."""
    mapping = match_entities(gold, entities)
    gold_names = _gold_names(gold)
    wanted = [q for q in gold["quotes"] if q["kind"] == kind]
    correct, errors, spans = 0, [], []
    for g in wanted:
        start, end = locate(text, g["text"], g.get("occurrence", 1))
        spans.append((start, end))
        hit = _overlapping(quotes, start, end)
        same_kind = hit[hit["kind"] == kind]
        hit = same_kind if len(same_kind) else hit
        expected = (
            mapping.get(g["speaker"], f"<unmatched {g['speaker']}>") if g.get("speaker") else ""
        )
        found = list(hit["speaker_id"]) if len(hit) else None
        if found is not None and expected in found:
            correct += 1
        else:
            errors.append(
                _error(
                    "not found" if found is None else "wrong speaker",
                    gold_names.get(g.get("speaker"), "") or g.get("speaker_phrase", ""),
                    "; ".join(hit["speaker"]) if len(hit) else "(not found)",
                    g["text"],
                    start,
                    end,
                )
            )
    own = quotes[quotes["kind"] == kind]
    for _, row in own.iterrows():
        if not any(row["start"] < e and row["end"] > s for s, e in spans):
            errors.append(
                _error(
                    f"spurious {kind}",
                    "",
                    row["speaker"],
                    str(row.get("text", "")),
                    int(row["start"]),
                    int(row["end"]),
                )
            )
    return Score(correct, len(wanted), len(own), errors)


def _iso(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def score_timex(gold: dict, text: str, timex: pd.DataFrame) -> Score:
    """Value accuracy over gold expressions (found and normalised right)."""
    correct, errors, spans = 0, [], []
    for g in gold["timex"]:
        start, end = locate(text, g["text"], g.get("occurrence", 1))
        spans.append((start, end))
        hit = _overlapping(timex, start, end)
        found = str(hit["value"].iloc[0]) if len(hit) else None
        if found is not None and found == _iso(g.get("value")):
            correct += 1
        else:
            what = "not found" if found is None else "wrong value"
            errors.append(_error(what, _iso(g.get("value")), found, g["text"], start, end))
    for _, row in timex.iterrows():
        if not any(row["start"] < e and row["end"] > s for s, e in spans):
            errors.append(
                _error(
                    "spurious timex",
                    "",
                    row["value"],
                    str(row.get("text", "")),
                    int(row["start"]),
                    int(row["end"]),
                )
            )
    return Score(correct, len(gold["timex"]), len(timex), errors)


def score_events(gold: dict, text: str, events: pd.DataFrame, timex: pd.DataFrame) -> Score:
    """Event dating: the event of each gold expression has the right date and modality."""
    correct, errors = 0, []
    for g in gold["events"]:
        start, end = locate(text, g["timex"], g.get("occurrence", 1))
        ids = _overlapping(timex, start, end)["timex_id"]
        hit = events[events["timex_id"].isin(ids)]
        row = hit.iloc[0] if len(hit) else None
        ok = (
            row is not None
            and str(row["date"]) == _iso(g.get("date"))
            and row["modality"] == g.get("modality")
        )
        correct += ok
        if not ok:
            found = "(not found)" if row is None else f"{row['date']} {row['modality']}"
            errors.append(
                _error(
                    "not found" if row is None else "wrong date or modality",
                    f"{_iso(g.get('date'))} {g.get('modality')}",
                    found,
                    g["timex"],
                    start,
                    end,
                )
            )
    return Score(correct, len(gold["events"]), len(events), errors)


def score_positions(
    gold: dict, text: str, positions: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame
) -> Score:
    """Accuracy: the gold (actor, issue, evidence sentence) has a position with that stance."""
    mapping = match_entities(gold, entities)
    gold_names = _gold_names(gold)
    correct, errors = 0, []
    for g in gold["positions"]:
        start, end = locate(text, g["evidence"], g.get("occurrence", 1))
        sentence = sentences[(sentences["start"] <= start) & (sentences["end"] > start)]
        sid = int(sentence["sentence_id"].iloc[0]) if len(sentence) else -2
        hit = positions[
            (positions["actor_id"] == mapping.get(g["actor"], "?"))
            & (positions["issue_id"] == g["issue"])
            & (positions["sentence_id"] == sid)
        ]
        # one stance for the key, and the right one: output giving every stance earns nothing
        ok = len(set(hit["stance"])) == 1 and hit["stance"].iloc[0] == g["stance"]
        correct += ok
        if not ok:
            errors.append(
                _error(
                    "not found" if not len(hit) else "wrong stance",
                    f"{gold_names.get(g['actor'], g['actor'])} {g['stance']} {g['issue']}",
                    "; ".join(hit["stance"]) if len(hit) else "(not found)",
                    g["evidence"],
                    start,
                    end,
                )
            )
    return Score(correct, len(gold["positions"]), len(positions), errors)


def evaluate_article(gold: dict, text: str, tables: dict[str, pd.DataFrame]) -> dict[str, Score]:
    """Every stage's score on one article."""
    return {
        "entities": score_entities(
            gold, tables["entities"], text=text, mentions=tables.get("mentions")
        ),
        "same-name mentions": score_same_name_mentions(
            gold, text, tables["mentions"], tables["entities"]
        ),
        "direct quotes": score_quotes(
            gold, text, tables["quotes"], tables["entities"], kind="direct"
        ),
        "reported speech": score_quotes(
            gold, text, tables["quotes"], tables["entities"], kind="reported"
        ),
        "positions": score_positions(
            gold, text, tables["positions"], tables["sentences"], tables["entities"]
        ),
        "timex values": score_timex(gold, text, tables["timex"]),
        "event dating": score_events(gold, text, tables["events"], tables["timex"]),
    }


# ---------------------------------------------------------------- tables for the book


def measures(correct: int, expected: int, produced: int) -> dict[str, float]:
    """Precision, recall and F1 as the book shows them: NaN (a blank) where there is
    nothing to measure, so an empty output against empty gold earns no marks. Recall
    needs gold; precision needs output, or gold to have been missed."""
    score = Score(int(correct), int(expected), int(produced), [])
    nan = float("nan")
    recall = round(score.recall, 3) if expected else nan
    precision = round(score.precision, 3) if produced or expected else nan
    f1 = round(score.f1, 3) if expected else nan
    return {"precision": precision, "recall": recall, "f1": f1}


def system_scores_table(system: str, article_id: str, scores: dict[str, Score]) -> pd.DataFrame:
    """One row per stage: counts and P/R/F1 (blank where nothing can be measured)."""
    rows = [
        {
            "system": system,
            "article_id": article_id,
            "stage": stage,
            "correct": s.correct,
            "expected": s.expected,
            "produced": s.produced,
            **measures(s.correct, s.expected, s.produced),
        }
        for stage, s in scores.items()
    ]
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def pooled_scores(scores: pd.DataFrame, by: Sequence[str] = ("system", "stage")) -> pd.DataFrame:
    """Counts summed over articles (micro average), P/R/F1 recomputed from the sums."""
    if scores.empty:
        return pd.DataFrame(columns=[*by, "articles", *SCORE_COLUMNS[3:]])
    sums = (
        scores.groupby(list(by), sort=False, as_index=False)
        .agg(
            articles=("article_id", "nunique"),
            correct=("correct", "sum"),
            expected=("expected", "sum"),
            produced=("produced", "sum"),
        )
        .reset_index(drop=True)
    )
    figures = pd.DataFrame(
        [
            measures(c, e, p)
            for c, e, p in zip(sums["correct"], sums["expected"], sums["produced"], strict=True)
        ],
        columns=["precision", "recall", "f1"],
    )
    return pd.concat([sums, figures], axis=1)


def _context(text: str, sentences: pd.DataFrame, start: int | None) -> tuple[int, str]:
    """The sentence holding an offset (its id and text, white space collapsed); outside
    the sentences (page furniture) the line of text around it, with id -1."""
    if start is None or pd.isna(start):
        return -1, ""
    start = int(start)
    hit = sentences[(sentences["start"] <= start) & (sentences["end"] > start)]
    if len(hit):
        return int(hit["sentence_id"].iloc[0]), " ".join(str(hit["text"].iloc[0]).split())
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return -1, " ".join(text[line_start : line_end if line_end >= 0 else len(text)].split())


def errors_table(
    system: str, article_id: str, scores: dict[str, Score], text: str, sentences: pd.DataFrame
) -> pd.DataFrame:
    """Every error of every stage with the sentence it is in (id, offsets and text)."""
    rows = []
    for stage, score in scores.items():
        for e in score.errors:
            sentence_id, sentence = _context(text, sentences, e.get("start"))
            rows.append(
                {
                    "system": system,
                    "article_id": article_id,
                    "stage": stage,
                    "error": e["what"],
                    "expected": e["expected"],
                    "found": e["found"],
                    "span": " ".join(str(e.get("span", "")).split()),
                    "sentence_id": sentence_id,
                    "start": e.get("start"),
                    "end": e.get("end"),
                    "sentence": sentence,
                }
            )
    table = pd.DataFrame(rows, columns=ERROR_COLUMNS)
    return table.astype({"start": "Int64", "end": "Int64", "sentence_id": "int64"})


# ------------------------------------------------------------ gold files and articles


@dataclass(frozen=True)
class GoldCase:
    """One gold file and the article it annotates."""

    article_id: str
    gold_path: Path
    article_path: Path
    published: str  # the gold's date, YYYY-MM-DD; empty: the article's own


def gold_files(gold: str | Path) -> list[Path]:
    """A gold file, or the *.yml / *.yaml files of a folder (sorted)."""
    path = Path(gold)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
        if not files:
            raise InputError(f"gold folder {path} holds no .yml gold files")
        return files
    if path.is_file():
        return [path]
    raise InputError(f"gold {path} does not exist: give a gold .yml file or a folder of them")


def find_article(gold_path: Path, gold: dict, *, book_article: Path | None = None) -> Path:
    """The article a gold file annotates (the order is in this module's docstring)."""
    gold_path = Path(gold_path)
    article_id = str(gold.get("article_id") or gold_path.stem)
    if gold.get("article"):
        given = (gold_path.parent / str(gold["article"])).resolve()
        if not given.is_file():
            raise InputError(f"gold file {gold_path} names article {given}, which does not exist")
        return given
    from newsbook.article import article_id_for

    if book_article is not None and article_id_for(Path(book_article)) == article_id:
        return Path(book_article)
    tried = [gold_path.parent / f"{article_id}{suffix}" for suffix in ARTICLE_SUFFIXES]
    tried.append(config.RAW_DIR / f"{article_id}.txt")
    for candidate in tried:
        if candidate.is_file():
            return candidate
    raise InputError(
        f"no article text for gold file {gold_path.name} (article_id {article_id}): add "
        f"`article: path/to/text.txt` to it, or put {article_id}.txt beside it or in data/raw/"
    )


SNIPPET_KEYS = {"mentions": "text", "quotes": "text", "positions": "evidence", "timex": "text"}


def check_gold(gold: dict, text: str, *, name: str) -> None:
    """Every snippet of a gold file is in its article and every item has its keys: a
    GoldError naming the file otherwise, before any stage runs."""
    try:
        for section, key in [*SNIPPET_KEYS.items(), ("events", "timex")]:
            for item in gold[section]:
                locate(text, item[key], item.get("occurrence", 1))
        for entity in gold["entities"]:
            if not entity["id"] or not entity["name"]:
                raise KeyError("id or name")
    except (KeyError, TypeError, AttributeError) as error:
        raise GoldError(f"gold file {name}: an item lacks the key {error}") from None
    except GoldError as error:
        raise GoldError(f"gold file {name}: {error}") from None


def gold_cases(gold: str | Path, *, book_article: str | Path | None = None) -> list[GoldCase]:
    """Every gold file under `gold` with its article and publication date, checked
    against the article's text."""
    from newsbook.article import read_article

    cases = []
    for path in gold_files(gold):
        content = load_gold(path)
        published = _iso(content.get("published"))
        if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
            raise InputError(f"gold file {path}: published {published!r} is not YYYY-MM-DD")
        article = find_article(
            path, content, book_article=Path(book_article) if book_article else None
        )
        check_gold(content, read_article(article).text, name=path.name)
        article_id = str(content.get("article_id") or path.stem)
        if article_id in {c.article_id for c in cases}:
            raise GoldError(f"gold file {path.name}: a second gold file for article {article_id}")
        cases.append(
            GoldCase(
                article_id=article_id,
                gold_path=path.resolve(),
                article_path=article.resolve(),
                published=published,
            )
        )
    return cases


# --------------------------------------------------------- newsbook and peers on gold

SYSTEMS = ("newsbook", "spaCy NER", "textacy", "dateparser")
PEER_STAGES = {
    "spaCy NER": ("entities", "same-name mentions"),
    "textacy": ("direct quotes",),
    "dateparser": ("timex values",),
}


def evaluate_peers(
    gold: dict, text: str, peer_tables: dict[str, dict[str, pd.DataFrame]]
) -> dict[str, dict[str, Score]]:
    """The peers' scores, by the same scorers as newsbook's, on the stages each does."""
    ner, quotes, dates = peer_tables["spaCy NER"], peer_tables["textacy"], peer_tables["dateparser"]
    return {
        "spaCy NER": {
            "entities": score_entities(gold, ner["entities"], text=text, mentions=ner["mentions"]),
            "same-name mentions": score_same_name_mentions(
                gold, text, ner["mentions"], ner["entities"]
            ),
        },
        "textacy": {
            "direct quotes": score_quotes(
                gold, text, quotes["quotes"], gold_entities_table(gold), kind="direct"
            ),
        },
        "dateparser": {"timex values": score_timex(gold, text, dates["timex"])},
    }


@functools.lru_cache(maxsize=1)
def _resources():
    from newsbook.resources import Resources

    return Resources.load()


@functools.lru_cache(maxsize=256)
def _evaluate_case(
    case: GoldCase, published: str
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Scores, errors and peer notes of every system on one gold case (cached per
    kernel: the inputs are files that do not change while a book is built)."""
    from newsbook import peers
    from newsbook.article import read_article
    from newsbook.pipeline import analyze

    gold = load_gold(case.gold_path)
    article = read_article(case.article_path, published=case.published or published or None)
    # the gold's own issue catalogue is the analyst's: positions are coded against it
    tables = analyze(article, _resources().with_issues(gold.get("issues") or []))
    by_system = {"newsbook": evaluate_article(gold, article.text, tables)}
    peer_tables = peers.run_peers(
        article.text,
        tables["blocks"],
        published=article.published,
        known_entities=gold_entities_table(gold),
        article_id=case.article_id,
    )
    by_system.update(evaluate_peers(gold, article.text, peer_tables))
    scores = [system_scores_table(s, case.article_id, by_system[s]) for s in SYSTEMS]
    errors = [
        errors_table(s, case.article_id, by_system[s], article.text, tables["sentences"])
        for s in SYSTEMS
    ]
    notes = peer_tables["notes"]["notes"]
    return pd.concat(scores, ignore_index=True), pd.concat(errors, ignore_index=True), notes


@dataclass(frozen=True)
class GoldReport:
    """newsbook and the peers on every gold file: `scores` (one row per system, article
    and stage), `errors` (one row per error, with its sentence) and `notes` (where a
    peer gave up on an article)."""

    cases: tuple[GoldCase, ...]
    scores: pd.DataFrame
    errors: pd.DataFrame
    notes: pd.DataFrame

    @property
    def article_ids(self) -> list[str]:
        return [c.article_id for c in self.cases]


def evaluate_gold(
    gold: str | Path, *, book_article: str | Path | None = None, published: str = ""
) -> GoldReport:
    """Run newsbook and the three peers on every gold file under `gold` and score them.
    `book_article`/`published`: the book's own article and date, used for a gold file
    of the same article id (see the module docstring)."""
    cases = gold_cases(gold, book_article=book_article)
    runs = [
        _evaluate_case(
            c, published if book_article and c.article_path == Path(book_article).resolve() else ""
        )
        for c in cases
    ]
    scores = pd.concat([r[0] for r in runs], ignore_index=True)
    errors = pd.concat([r[1] for r in runs], ignore_index=True)
    notes = pd.concat([r[2] for r in runs], ignore_index=True)
    return GoldReport(tuple(cases), scores, errors, notes)


def peer_comparison(scores: pd.DataFrame) -> pd.DataFrame:
    """Pooled P/R/F1 of newsbook and the peers on the stages the peers do."""
    stages = [stage for stages in PEER_STAGES.values() for stage in stages]
    pooled = pooled_scores(scores[scores["stage"].isin(stages)])
    peer_of = {stage: peer for peer, stages in PEER_STAGES.items() for stage in stages}
    keep = (pooled["system"] == "newsbook") | (pooled["system"] == pooled["stage"].map(peer_of))
    order = {stage: i for i, stage in enumerate(stages)}
    pooled = pooled[keep].assign(
        _stage=pooled["stage"].map(order), _system=pooled["system"].map(SYSTEMS.index)
    )
    return (
        pooled.sort_values(["_stage", "_system"])
        .drop(columns=["_stage", "_system"])
        .reset_index(drop=True)
    )


# ------------------------------------------------------------------- the chapter's view


def gold_label(path: Path) -> str:
    """How a gold path is named in the book: from the project root when inside it, else
    by its own name (no absolute path of this machine in a page)."""
    path = Path(path).resolve()
    try:
        return path.relative_to(config.ROOT).as_posix()
    except ValueError:
        return path.name


@dataclass(frozen=True)
class BookTrust:
    """What chapter 6 shows: the gold report, and where the book's own article stands."""

    article_id: str
    gold_label: str
    report: GoldReport
    gold_id: str  # the article id its gold gives this article; empty: no gold for it

    @property
    def has_gold(self) -> bool:
        return bool(self.gold_id)

    def statement(self) -> str:
        n = len(self.report.cases)
        reference = f"the gold in {self.gold_label} ({n} article{'s' if n != 1 else ''})"
        if self.has_gold:
            case = next(c for c in self.report.cases if c.article_id == self.gold_id)
            return (
                f"This article ({self.article_id}) has gold: {gold_label(case.gold_path)}. "
                f"'This article' below is scored on it; 'all gold' pools {reference}."
            )
        return (
            f"No gold was given for this article ({self.article_id}), so it is not scored. "
            f"The figures below are REFERENCE figures from {reference}: they say how far "
            "newsbook is right on those articles, not on this one."
        )

    def scores_here(self, system: str = "newsbook") -> pd.DataFrame:
        """One system's per-stage scores on the book's article (empty without gold)."""
        scores = self.report.scores
        here = scores[(scores["system"] == system) & (scores["article_id"] == self.gold_id)]
        return here.drop(columns=["system", "article_id"]).reset_index(drop=True)

    def errors_here(self, system: str = "newsbook") -> pd.DataFrame:
        errors = self.report.errors
        here = errors[(errors["system"] == system) & (errors["article_id"] == self.gold_id)]
        return here.drop(columns=["system", "article_id"]).reset_index(drop=True)

    def pooled(self, system: str = "newsbook") -> pd.DataFrame:
        """One system's scores per stage, pooled over all gold."""
        scores = self.report.scores
        pooled = pooled_scores(scores[scores["system"] == system])
        return pooled.drop(columns=["system"]).reset_index(drop=True)

    def by_article(self, system: str = "newsbook") -> pd.DataFrame:
        scores = self.report.scores
        return scores[scores["system"] == system].drop(columns=["system"]).reset_index(drop=True)

    def f1_matrix(self, system: str = "newsbook") -> pd.DataFrame:
        """Article by stage, F1 (blank where the article's gold has nothing for the stage)."""
        table = self.by_article(system)
        stages = list(dict.fromkeys(table["stage"]))
        matrix = table.pivot(index="article_id", columns="stage", values="f1")
        return matrix.reindex(columns=stages).reset_index().rename_axis(columns=None)

    def errors(self, system: str = "newsbook") -> pd.DataFrame:
        errors = self.report.errors
        return errors[errors["system"] == system].drop(columns=["system"]).reset_index(drop=True)

    def peers(self, *, here: bool = False) -> pd.DataFrame:
        """newsbook and the peers side by side, on all gold or on the book's article."""
        scores = self.report.scores
        if here:
            scores = scores[scores["article_id"] == self.gold_id]
        return peer_comparison(scores)


def book_trust(article: str, published: str = "", gold: str = "") -> BookTrust:
    """Chapter 6's entry point: the chapter's parameters in, the gold report out
    (computed once per kernel per gold file)."""
    from newsbook import book
    from newsbook.article import article_id_for

    book.check_parameters(ARTICLE=article, PUBLISHED=published, GOLD=gold)
    article_path = book.resolve_path(article)
    gold_path = book.resolve_path(gold) if gold else config.GOLD_DIR
    report = evaluate_gold(gold_path, book_article=article_path, published=published)
    article_id = article_id_for(article_path)
    here = [
        c.article_id
        for c in report.cases
        if c.article_path == article_path.resolve() or c.article_id == article_id
    ]
    return BookTrust(article_id, gold_label(gold_path), report, here[0] if here else "")


def gold_format(readme: Path | None = None) -> str:
    """The gold format as `data/gold/README.md` documents it, as Markdown for a chapter
    (its title dropped and its headings set under the chapter's), so the book and the
    tests read one description."""
    from newsbook import config

    lines = (readme or config.GOLD_DIR / "README.md").read_text(encoding="utf-8").splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    shown, in_code = [], False
    for line in lines:
        in_code = in_code != line.startswith("```")
        heading = not in_code and line.startswith("#")
        shown.append("#" + line if heading else line)
    return "\n".join(shown).strip() + "\n"
