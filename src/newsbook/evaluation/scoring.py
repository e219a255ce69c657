"""Scoring every stage against gold: one scorer per stage, each computed from both
sides (an empty output scores zero recall, spurious rows cost precision).

Every error carries the character offsets (`start`, `end`) of the gold span it is about
(or of the system row, for spurious output), so `errors_table` can show the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from newsbook.evaluation.gold import iso_value, locate

CORE_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "WEAPON", "TREATY", "EVENT"})


GOLD_ERROR_COLUMNS = [
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
    found (a system row overlapping it) with the right speaker.

    Precision counts in the gold's units: each gold statement a row was given for, and
    each row of this kind overlapping no gold statement (one long quotation the gold
    splits into sentences is several statements, found or not, never a bonus)."""
    mapping = match_entities(gold, entities)
    gold_names = _gold_names(gold)
    wanted = [q for q in gold["quotes"] if q["kind"] == kind]
    correct, found_statements, errors, spans = 0, 0, [], []
    for g in wanted:
        start, end = locate(text, g["text"], g.get("occurrence", 1))
        spans.append((start, end))
        hit = _overlapping(quotes, start, end)
        found_statements += bool(len(hit))
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
    spurious = 0
    for _, row in own.iterrows():
        if not any(row["start"] < e and row["end"] > s for s, e in spans):
            spurious += 1
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
    return Score(correct, len(wanted), found_statements + spurious, errors)


def score_timex(gold: dict, text: str, timex: pd.DataFrame) -> Score:
    """Value accuracy over gold expressions (found and normalised right)."""
    correct, errors, spans = 0, [], []
    for g in gold["timex"]:
        start, end = locate(text, g["text"], g.get("occurrence", 1))
        spans.append((start, end))
        hit = _overlapping(timex, start, end)
        found = str(hit["value"].iloc[0]) if len(hit) else None
        if found is not None and found == iso_value(g.get("value")):
            correct += 1
        else:
            what = "not found" if found is None else "wrong value"
            errors.append(_error(what, iso_value(g.get("value")), found, g["text"], start, end))
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
            and str(row["date"]) == iso_value(g.get("date"))
            and row["modality"] == g.get("modality")
        )
        correct += ok
        if not ok:
            found = "(not found)" if row is None else f"{row['date']} {row['modality']}"
            errors.append(
                _error(
                    "not found" if row is None else "wrong date or modality",
                    f"{iso_value(g.get('date'))} {g.get('modality')}",
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
    """Positions coded against an issue catalogue (the gold's own, added to the
    project's): the gold (actor, issue, evidence sentence) has a position with that
    stance. Precision is over the positions on the catalogue's issues: a position on an
    issue discovered in the text is coded against no catalogue (`stances` counts it)."""
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
    coded = positions
    if "issue_source" in positions.columns:
        coded = positions[positions["issue_source"] != "discovered"]
    return Score(correct, len(gold["positions"]), len(coded), errors)


def score_stances(
    gold: dict, text: str, positions: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame
) -> Score:
    """Stances as a new user gets them: each gold (actor, evidence sentence, stance) found,
    whatever the system calls the issue (a user's article brings no catalogue).

    Precision counts every (actor, sentence, stance) the system gives where the gold codes
    every stance of the article (`positions_complete: true`); where it codes only the main
    ones, only the system's stances in sentences the gold codes count."""
    mapping = match_entities(gold, entities)
    gold_names = _gold_names(gold)
    sentence_of = sentence_lookup(sentences)
    expected: dict[tuple[str, int, str], tuple[int, int, dict]] = {}
    for g in gold["positions"]:
        start, end = locate(text, g["evidence"], g.get("occurrence", 1))
        key = (mapping.get(g["actor"], f"?{g['actor']}"), sentence_of(start), g["stance"])
        expected.setdefault(key, (start, end, g))
    produced = {
        (actor, int(sentence), stance): (int(start), int(end))
        for actor, sentence, stance, start, end in zip(
            positions["actor_id"],
            positions["sentence_id"],
            positions["stance"],
            positions["start"],
            positions["end"],
            strict=True,
        )
    }
    if not gold.get("positions_complete"):
        coded = {sentence for _, sentence, _ in expected}
        produced = {key: span for key, span in produced.items() if key[1] in coded}
    errors = []
    for key, (start, end, g) in expected.items():
        if key not in produced:
            found = sorted({s for a, n, s in produced if a == key[0] and n == key[1]})
            errors.append(
                _error(
                    "wrong stance" if found else "not found",
                    f"{gold_names.get(g['actor'], g['actor'])} {g['stance']}",
                    "; ".join(found) or "(not found)",
                    g["evidence"],
                    start,
                    end,
                )
            )
    names = _system_names(entities)
    for key, (start, end) in produced.items():
        if key not in expected:
            errors.append(
                _error(
                    "spurious stance", "", f"{names.get(key[0], key[0])} {key[2]}", "", start, end
                )
            )
    correct = len(expected.keys() & produced.keys())
    return Score(correct, len(expected), len(produced), errors)


def sentence_lookup(sentences: pd.DataFrame):  # noqa: ANN202 - a small closure
    starts = list(zip(sentences["start"], sentences["end"], sentences["sentence_id"], strict=True))

    def sentence_of(offset: int) -> int:
        for start, end, sentence_id in starts:
            if start <= offset < end:
                return int(sentence_id)
        return -2

    return sentence_of


READING_FIELDS = {  # gold `reading:` key -> column of the `article` table
    "format": "format",
    "headline": "headline",
    "published": "published",
    "author": "author",
    "site": "source",
    "dateline": "dateline",
    "language": "language",
}


def _flat(value: object) -> str:
    return " ".join(str(value).split())


def score_reading_metadata(gold: dict, article: pd.DataFrame) -> Score:
    """What the reader says about the file (format, headline, date, author, site,
    dateline place, language) against the gold's `reading:`; a field the gold leaves
    null is not scored. Precision counts every value the reader gave, right or wrong."""
    reading = gold.get("reading") or {}
    row = article.iloc[0] if len(article) else pd.Series(dtype=object)
    correct = expected = produced = 0
    errors = []
    for key, column in READING_FIELDS.items():
        if reading.get(key) is None:
            continue
        wanted = _flat(iso_value(reading[key]))
        found = _flat(row.get(column, "") if column in row else "")
        found = "" if found == "nan" else found
        expected += 1
        produced += bool(found)
        if found.casefold() == wanted.casefold():
            correct += 1
        else:
            errors.append(_error(f"wrong {key}", wanted, found or "(none)", key, None, None))
    return Score(correct, expected, produced, errors)


def score_reading_story(
    gold: dict, text: str, sentences: pd.DataFrame, blocks: pd.DataFrame
) -> Score:
    """The story as read: the first sentence of the body is the gold's (its opening,
    white space collapsed; none for a story that is all table), every `kept` snippet is
    in the text, no `dropped` snippet is in a sentence, and the figures tables are
    counted right. One point each (accuracy)."""
    reading = gold.get("reading") or {}
    flat_text = _flat(text)
    body = sentences[sentences["section"] == "body"] if "section" in sentences else sentences
    checks = 0
    errors = []
    if "first_sentence" in reading:
        checks += 1
        wanted = _flat(reading["first_sentence"] or "")
        first = _flat(body.sort_values("start")["text"].iloc[0]) if len(body) else ""
        ok = first.startswith(wanted) if wanted else not first
        if not ok:
            errors.append(_error("wrong first sentence", wanted, first[:120], wanted, None, None))
    for snippet in reading.get("kept") or []:
        checks += 1
        if _flat(snippet) not in flat_text:
            errors.append(_error("not kept", snippet, "", snippet, None, None))
    spans = list(zip(sentences["start"], sentences["end"], strict=True))
    for snippet in reading.get("dropped") or []:
        checks += 1
        position = text.find(str(snippet))
        while position >= 0:
            if any(s < position + len(snippet) and position < e for s, e in spans):
                errors.append(
                    _error("read as story", "", snippet, snippet, position, position + len(snippet))
                )
                break
            position = text.find(str(snippet), position + 1)
    if "tables" in reading:
        checks += 1
        found = int((blocks["section"] == "table").sum()) if "section" in blocks else 0
        if found != int(reading["tables"] or 0):
            errors.append(_error("tables", reading["tables"], found, "tables", None, None))
    return Score(checks - len(errors), checks, checks, errors)


def evaluate_article(gold: dict, text: str, tables: dict[str, pd.DataFrame]) -> dict[str, Score]:
    """Every stage's score on one article (the reading stages where the gold has a
    `reading:` section)."""
    reading = {}
    if gold.get("reading"):
        reading = {
            "reading: metadata": score_reading_metadata(gold, tables["article"]),
            "reading: story": score_reading_story(
                gold, text, tables["sentences"], tables["blocks"]
            ),
        }
    return {
        **reading,
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
        "stances": score_stances(
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
    table = pd.DataFrame(rows, columns=GOLD_ERROR_COLUMNS)
    return table.astype({"start": "Int64", "end": "Int64", "sentence_id": "int64"})
