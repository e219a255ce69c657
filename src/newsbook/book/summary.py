"""The article at a glance: the book's first page, generated from the tables.

Pure functions from the tables dict (as `book.chapter_tables` returns it) to small
tables, and from those to escaped HTML fragments. Every sentence is a template from
`data/summary.yml` filled only from table rows, and every claim in it carries links to
the rows it rests on (`02-entities.html#entity-<id>` and so on: the ids that
`book.anchored_table` gives the chapters' rows). A missing or empty table gives a short
plain sentence, never an invented claim.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from newsbook import config
from newsbook.book.tables import anchored_table, row_anchor
from newsbook.evaluation.gold import GoldError, load_gold
from newsbook.evaluation.scoring import evaluate_article, measures

WORDS_FILE = config.SUMMARY_FILE

# Which chapter page shows the rows of each anchor prefix.
CHAPTER_PAGES = {
    "entity": "02-entities.html",
    "mention": "02-entities.html",
    "quote": "03-quotes.html",
    "position": "04-positions.html",
    "claim": "04-positions.html",
    "event": "05-timeline.html",
}

# The columns each table is read with; a table that is missing (None) or lacks a column
# is read as having it empty, so an article with nothing found still gets a page.
COLUMNS = {
    "article": ["article_id", "headline", "published", "source", "n_sentences", "n_words"],
    "sentences": ["sentence_id", "paragraph_id", "start", "end", "text"],
    "entities": ["entity_id", "name", "type", "role", "affiliation", "n_mentions"],
    "quotes": ["quote_id", "sentence_id", "start", "text", "kind", "speaker_id", "speaker"],
    "positions": ["position_id", "actor_id", "actor", "issue_id", "issue", "stance"],
    "events": ["event_id", "date", "predicate", "modality", "sentence_id"],
    "claims": ["claim_id", "sentence_id", "start", "text", "speaker_id", "speaker"],
}

# Statements shorter than this carry too little to stand for the article on their own.
MIN_STATEMENT_WORDS = 6
STATEMENTS_PER_SPEAKER = 2
MAX_LINKS_PER_CLAUSE = 6


@functools.lru_cache(maxsize=4)
def load_words(path: Path = WORDS_FILE) -> dict:
    """The page's labels and sentence templates."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def evidence_link(prefix: str, row_id: object) -> str:
    """The relative link to one row of a chapter's table."""
    return f"{CHAPTER_PAGES[prefix]}#{row_anchor(prefix, row_id)}"


def read_table(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    """A table with at least its summary columns (missing ones empty), never None."""
    table = tables.get(name)
    table = pd.DataFrame() if table is None else table.copy()
    for column in COLUMNS[name]:
        if column not in table.columns:
            table[column] = pd.Series(dtype="object")
    return table.reset_index(drop=True)


def _text(value: object) -> str:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    return str(value).strip()


def _count(value: object) -> int:
    number = pd.to_numeric(value, errors="coerce")
    return 0 if pd.isna(number) else int(number)


def _times(count: int, words: dict) -> str:
    return str(words["times"].get(count) or words["times_many"].format(count=count))


def _lower_first(phrase: str) -> str:
    """An issue label inside a sentence: 'Preserving the Water Charter' -> 'preserving the
    Water Charter', 'A European ...' -> 'a European ...'. Acronyms ('US national ...') and
    names of two capitalised words ('Calder Foundation funding') stay; a one-word name at the
    start ('Germany joining ...') is the known miss of this rule."""
    words = phrase.split(" ")
    first, second = words[0], (words[1] if len(words) > 1 else "")
    acronym = len(first) > 1 and first.isupper()
    two_word_name = len(first) > 1 and second[:1].isupper()
    if first[:1].isupper() and not acronym and not two_word_name:
        return phrase[0].lower() + phrase[1:]
    return phrase


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _full_stop(sentence: str) -> str:
    """A sentence ends in one full stop, whether its template has one or not."""
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


def _who(entity: pd.Series | None, fallback: str) -> str:
    """'Finance Minister Anna Berg': the role the article gives, then the name."""
    if entity is None:
        return fallback
    return " ".join(part for part in (_text(entity["role"]), _text(entity["name"])) if part)


# --- facts -----------------------------------------------------------------------------


def facts(tables: dict[str, pd.DataFrame], *, words: dict | None = None) -> pd.DataFrame:
    """Headline, source, publication date (or 'unknown') and length, as label/value rows."""
    words = words or load_words()
    labels, unknown = words["facts"], words["unknown"]
    article = read_table(tables, "article")
    row = article.iloc[0] if len(article) else pd.Series({c: "" for c in COLUMNS["article"]})
    sentences = read_table(tables, "sentences")
    body = sentences[sentences.get("section", pd.Series("body", index=sentences.index)) == "body"]
    length = labels["length_value"].format(
        words=_count(row["n_words"]),
        sentences=_count(row["n_sentences"]),
        paragraphs=int(body["paragraph_id"].nunique()),
    )
    rows = [
        ("headline", _text(row["headline"]) or unknown),
        ("source", _text(row["source"]) or unknown),
        ("published", _text(row["published"]) or unknown),
        ("length", length),
    ]
    return pd.DataFrame(
        [{"fact": key, "label": labels[key], "value": value} for key, value in rows],
        columns=["fact", "label", "value"],
    )


# --- the cast --------------------------------------------------------------------------


def cast(tables: dict[str, pd.DataFrame], *, words: dict | None = None) -> pd.DataFrame:
    """Every entity under its heading (people first), most mentioned first, with the
    link to its row in chapter 2."""
    words = words or load_words()
    groups = words["cast"]["groups"]
    order = list(dict.fromkeys(groups.values())) + [words["cast"]["other_group"]]
    entities = read_table(tables, "entities")
    columns = ["group", "entity_id", "name", "type", "role", "affiliation", "n_mentions", "link"]
    if entities.empty:
        return pd.DataFrame(columns=columns)
    table = entities.assign(
        group=entities["type"].map(lambda t: groups.get(_text(t), words["cast"]["other_group"])),
        n_mentions=entities["n_mentions"].map(_count),
        link=entities["entity_id"].map(lambda e: evidence_link("entity", e)),
        rank=range(len(entities)),
    )
    for column in ("name", "role", "affiliation", "type"):
        table[column] = table[column].map(_text)
    table["group_order"] = table["group"].map(order.index)
    table = table.sort_values(["group_order", "n_mentions", "rank"], ascending=[True, False, True])
    return table[columns].reset_index(drop=True)


# --- key statements --------------------------------------------------------------------


def key_statements(
    tables: dict[str, pd.DataFrame], *, limit: int = 5, per_speaker: int = STATEMENTS_PER_SPEAKER
) -> pd.DataFrame:
    """The three to five statements that carry the article: direct quotations first,
    then reported speech; within each, statements whose sentence holds a stance, by
    speakers the article names most, earliest first. Fragments of a few words are left
    out, and no speaker has more than `per_speaker` unless too few remain."""
    quotes = read_table(tables, "quotes")
    columns = ["quote_id", "kind", "speaker_id", "speaker", "who", "text", "sentence_id", "link"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    entities = read_table(tables, "entities").drop_duplicates("entity_id").set_index("entity_id")
    positions = read_table(tables, "positions")
    stance_sentences = set(positions.loc[positions["stance"] != "neutral", "sentence_id"])
    mentions = entities["n_mentions"].map(_count).to_dict()
    ranked = quotes.assign(
        words=quotes["text"].map(lambda t: len(_text(t).split())),
        direct=quotes["kind"].eq("direct"),
        named=quotes["speaker_id"].map(lambda s: bool(_text(s))),
        stance=quotes["sentence_id"].isin(stance_sentences),
        prominence=quotes["speaker_id"].map(lambda s: mentions.get(_text(s), 0)),
        start=quotes["start"].map(_count),
    )
    ranked = ranked[ranked["words"] >= MIN_STATEMENT_WORDS].sort_values(
        ["direct", "named", "stance", "prominence", "start"],
        ascending=[False, False, False, False, True],
    )
    chosen: list[int] = []
    per_who: dict[str, int] = {}
    for index, row in ranked.iterrows():
        who = _text(row["speaker_id"]) or _text(row["speaker"])
        if len(chosen) < limit and per_who.get(who, 0) < per_speaker:
            chosen.append(index)
            per_who[who] = per_who.get(who, 0) + 1
    # Too few distinct voices: fill up to three with the best of the rest.
    for index in ranked.index:
        if len(chosen) >= min(3, limit):
            break
        if index not in chosen:
            chosen.append(index)
    picked = ranked.loc[chosen].sort_values(
        ["direct", "named", "stance", "prominence", "start"],
        ascending=[False, False, False, False, True],
    )
    picked = picked.assign(
        who=[
            _who(entities.loc[s] if s in entities.index else None, _text(p))
            for s, p in zip(picked["speaker_id"].map(_text), picked["speaker"], strict=True)
        ],
        link=picked["quote_id"].map(lambda q: evidence_link("quote", q)),
    )
    return picked[columns].reset_index(drop=True)


@dataclass(frozen=True)
class Clause:
    """One claim of a sentence and the rows that support it."""

    text: str
    evidence: tuple[str, ...] = ()


# --- stances ---------------------------------------------------------------------------


def stance_summary(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per actor and issue: the stance the positions agree on (`mixed` when
    they both support and oppose; `neutral` when none takes a side), with their ids."""
    positions = read_table(tables, "positions")
    columns = ["actor_id", "actor", "issue_id", "issue", "stance", "positions", "n_positions"]
    if positions.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for (actor_id, issue_id), group in positions.groupby(["actor_id", "issue_id"], sort=False):
        sides = set(group["stance"]) - {"neutral"}
        stance = "mixed" if len(sides) > 1 else (sides.pop() if sides else "neutral")
        rows.append(
            {
                "actor_id": actor_id,
                "actor": _text(group["actor"].iloc[0]),
                "issue_id": issue_id,
                "issue": _text(group["issue"].iloc[0]),
                "stance": stance,
                "positions": " ".join(map(str, group["position_id"])),
                "n_positions": len(group),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def _stance_clauses(
    positions: pd.DataFrame, actor_id: str, words: dict, *, limit: int = 2
) -> list[Clause]:
    """The actor's clearest stances: unanimous before mixed, most evidence first."""
    own = positions[(positions["actor_id"] == actor_id) & (positions["stance"] != "neutral")]
    candidates = []
    for order, (issue_id, group) in enumerate(own.groupby("issue_id", sort=False)):
        sides = set(group["stance"])
        stance = "mixed" if len(sides) > 1 else sides.pop()
        candidates.append((stance == "mixed", -len(group), order, issue_id, stance, group))
    clauses = []
    for *_, stance, group in sorted(candidates, key=lambda c: c[:3])[:limit]:
        issue = _lower_first(_text(group["issue"].iloc[0]) or _text(group["issue_id"].iloc[0]))
        text = words["sentences"]["stance"][stance].format(issue=issue)
        links = tuple(evidence_link("position", p) for p in group["position_id"])
        clauses.append(Clause(text, links[:MAX_LINKS_PER_CLAUSE]))
    return clauses


# --- findings sentences ----------------------------------------------------------------


FINDING_COLUMNS = ["topic", "subject", "clauses", "sentence", "evidence"]


def _finding(topic: str, clauses: list[Clause], subject: str = "") -> dict:
    texts = [c.text for c in clauses]
    joined = " and ".join(texts) if len(texts) < 3 else ", ".join(texts[:-1]) + " and " + texts[-1]
    sentence = _capitalise(_full_stop(" ".join(p for p in (subject, joined) if p)))
    evidence = tuple(link for clause in clauses for link in clause.evidence)
    return {
        "topic": topic,
        "subject": subject,
        "clauses": tuple(clauses),
        "sentence": sentence,
        "evidence": evidence,
    }


def findings(
    tables: dict[str, pd.DataFrame], *, words: dict | None = None, max_actors: int = 5
) -> pd.DataFrame:
    """Short sentences filled from the tables, each claim with its evidence links: who
    is named most, who speaks and where they stand, contested claims, the time span."""
    words = words or load_words()
    said = words["sentences"]
    entities = read_table(tables, "entities")
    quotes = read_table(tables, "quotes")
    positions = read_table(tables, "positions")
    rows = []

    if entities.empty:
        rows.append(_finding("cast", [Clause(said["no_entities"])]))
    else:
        counts = entities["n_mentions"].map(_count)
        top = entities.loc[counts.idxmax()]
        # "most often" only when it is true: one entity ahead of all others, named twice or more
        if counts.max() >= 2 and (counts == counts.max()).sum() == 1:
            text = said["most_named"].format(
                name=_text(top["name"]), times=_times(_count(top["n_mentions"]), words)
            )
            link = evidence_link("entity", top["entity_id"])
            rows.append(_finding("cast", [Clause(text, (link,))]))

    # Actors: named speakers and stance holders, most active first.
    named_quotes = quotes[quotes["speaker_id"].map(_text) != ""]
    sided = positions[positions["stance"] != "neutral"]
    activity: dict[str, int] = {}
    for actor_id in [*named_quotes["speaker_id"], *sided["actor_id"]]:
        activity[_text(actor_id)] = activity.get(_text(actor_id), 0) + 1
    lookup = entities.drop_duplicates("entity_id").set_index("entity_id")
    mentions = lookup["n_mentions"].map(_count).to_dict()
    actors = sorted(activity, key=lambda a: (-activity[a], -mentions.get(a, 0), a))
    for actor_id in actors[:max_actors]:
        entity = lookup.loc[actor_id] if actor_id in lookup.index else None
        fallback = next(
            iter(
                [*named_quotes.loc[named_quotes["speaker_id"] == actor_id, "speaker"]]
                + [*sided.loc[sided["actor_id"] == actor_id, "actor"]]
            ),
            actor_id,
        )
        own = named_quotes[named_quotes["speaker_id"] == actor_id]
        direct = own[own["kind"] == "direct"]
        clauses = []
        if len(direct):
            clauses.append(
                Clause(
                    said["quoted_direct"].format(times=_times(len(direct), words)),
                    tuple(evidence_link("quote", q) for q in direct["quote_id"])[
                        :MAX_LINKS_PER_CLAUSE
                    ],
                )
            )
        elif len(own):
            clauses.append(
                Clause(
                    said["quoted_reported"].format(times=_times(len(own), words)),
                    tuple(evidence_link("quote", q) for q in own["quote_id"])[
                        :MAX_LINKS_PER_CLAUSE
                    ],
                )
            )
        clauses += _stance_clauses(positions, actor_id, words)
        if clauses:
            rows.append(_finding("actor", clauses, subject=_who(entity, _text(fallback))))
    if quotes.empty:
        rows.append(_finding("statements", [Clause(said["no_statements"])]))
    if sided.empty:
        rows.append(_finding("positions", [Clause(said["no_positions"])]))

    # Contested claims, by who made them (unattributed ones counted together).
    claims = contested_claims(tables, words=words)
    for who, group in claims.groupby("who", sort=False):
        count = len(group)
        if who:
            text = (
                said["contested_by_one"].format(who=who)
                if count == 1
                else said["contested_by"].format(who=who, count=count)
            )
        else:
            text = said["contested_one"] if count == 1 else said["contested"].format(count=count)
        links = tuple(group["link"])[:MAX_LINKS_PER_CLAUSE]
        rows.append(_finding("claims", [Clause(text, links)]))

    rows += _time_findings(tables, words)
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def _sortable_date(date: str) -> str:
    """'198X' sorts as 1980, '1997-W10' after '1997-03' within its year: a key, not a date."""
    return date.replace("X", "0")


def _time_findings(tables: dict[str, pd.DataFrame], words: dict) -> list[dict]:
    said = words["sentences"]
    rows = []
    date = published(tables)
    if not date:
        rows.append(_finding("time", [Clause(said["no_published"])]))
    events = read_table(tables, "events")
    dated = events[events["date"].map(_text) != ""]
    if dated.empty:
        rows.append(_finding("time", [Clause(said["no_events"])]))
        return rows
    dated = dated.assign(key=dated["date"].map(lambda d: _sortable_date(_text(d))))
    dated = dated.sort_values(["key", "event_id"], kind="stable")
    first, last = dated.iloc[0], dated.iloc[-1]
    clauses = [
        Clause(
            said["earliest"].format(date=_text(first["date"]), predicate=_text(first["predicate"])),
            (evidence_link("event", first["event_id"]),),
        )
    ]
    if last["key"] != first["key"]:
        clauses.append(
            Clause(
                said["latest"].format(date=_text(last["date"]), predicate=_text(last["predicate"])),
                (evidence_link("event", last["event_id"]),),
            )
        )
    rows.append(_finding("time", clauses))
    if date:
        # Only day-precise dates are compared with the day of publication.
        ahead = dated[dated["date"].map(lambda d: len(_text(d)) == 10 and _text(d) > date)]
        if len(ahead):
            text = said["ahead_one"] if len(ahead) == 1 else said["ahead"].format(count=len(ahead))
            links = tuple(evidence_link("event", e) for e in ahead["event_id"])
            rows.append(_finding("time", [Clause(text, links[:MAX_LINKS_PER_CLAUSE])]))
    return rows


# --- contested claims ------------------------------------------------------------------


def contested_claims(tables: dict[str, pd.DataFrame], *, words: dict | None = None) -> pd.DataFrame:
    """The claims the article contests, with who made them and what counters them
    (the `claims` table; missing means none was extracted)."""
    words = words or load_words()
    claims = read_table(tables, "claims")
    columns = ["claim_id", "who", "text", "counter_sentence_id", "counter_text", "link"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    entities = read_table(tables, "entities").drop_duplicates("entity_id").set_index("entity_id")
    table = claims.assign(
        who=[
            _who(entities.loc[s] if s in entities.index else None, _text(p))
            for s, p in zip(claims["speaker_id"].map(_text), claims["speaker"], strict=True)
        ],
        link=claims["claim_id"].map(lambda c: evidence_link("claim", c)),
    )
    for column in ("counter_sentence_id", "counter_text"):
        if column not in table.columns:
            table[column] = ""
    table["counter_text"] = table["counter_text"].map(_text)
    table["counter_sentence_id"] = table["counter_sentence_id"].map(_text)
    return table[columns].reset_index(drop=True)


# --- how far to trust it ---------------------------------------------------------------


def gold_path(tables: dict[str, pd.DataFrame], gold_dir: Path = config.GOLD_DIR) -> Path:
    """Where the hand-made gold of this article would be: `<gold_dir>/<article_id>.yml`."""
    article = read_table(tables, "article")
    article_id = _text(article["article_id"].iloc[0]) if len(article) else ""
    return Path(gold_dir) / f"{article_id or 'article'}.yml"


def _shown_path(path: Path) -> str:
    """A path as the page shows it: from the project root, never this machine's."""
    try:
        return path.resolve().relative_to(config.ROOT).as_posix()
    except ValueError:
        return f"{path.parent.name}/{path.name}"


def _scores(tables: dict[str, pd.DataFrame], text: str, gold_dir: Path):
    """(path, scores or None, error message or '') for this article's gold."""
    path = gold_path(tables, gold_dir)
    if not path.exists():
        return path, None, ""
    try:
        return path, evaluate_article(load_gold(path), text, tables), ""
    except (GoldError, yaml.YAMLError) as error:
        return path, None, str(error).splitlines()[0] if str(error) else type(error).__name__


def _verdict(score, words: dict) -> str:
    if not score.expected:
        return words["trust"]["nothing_to_check"]
    for floor, verdict in words["trust"]["verdicts"]:
        if score.f1 >= floor:
            return str(verdict)
    return str(words["trust"]["verdicts"][-1][1])


def trust(
    tables: dict[str, pd.DataFrame],
    *,
    text: str,
    gold_dir: Path = config.GOLD_DIR,
    words: dict | None = None,
) -> pd.DataFrame:
    """The evaluation's figures for each part of the page, scored with
    `evaluate.evaluate_article` against `<gold_dir>/<article_id>.yml`; empty when the
    article has no gold (see `trust_statement`)."""
    words = words or load_words()
    columns = ["stage", "part", "result", "precision", "recall", "verdict"]
    _, scores, _ = _scores(tables, text, gold_dir)
    if scores is None:
        return pd.DataFrame(columns=columns)
    rows = []
    for stage, score in scores.items():
        if not (score.expected or score.produced):
            continue  # nothing in the gold and nothing found: nothing to vouch for
        figures = {
            name: "—" if pd.isna(value) else f"{value:.2f}"
            for name, value in measures(score.correct, score.expected, score.produced).items()
        }
        rows.append(
            {
                "stage": stage,
                "part": words["trust"]["parts"].get(stage, stage),
                "result": words["trust"]["result"].format(
                    correct=score.correct,
                    expected=score.expected,
                    produced=score.produced,
                    precision=figures["precision"],
                    recall=figures["recall"],
                ),
                "precision": figures["precision"],
                "recall": figures["recall"],
                "verdict": _verdict(score, words),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def trust_statement(
    tables: dict[str, pd.DataFrame],
    *,
    text: str,
    gold_dir: Path = config.GOLD_DIR,
    words: dict | None = None,
) -> str:
    """One plain sentence: checked against gold, or not (and why)."""
    words = words or load_words()
    path, scores, error = _scores(tables, text, gold_dir)
    shown = _shown_path(path)
    if error:
        return words["trust"]["bad_gold"].format(path=shown, error=error)
    if scores is None:
        return words["trust"]["no_gold"].format(path=shown)
    return words["trust"]["with_gold"].format(path=shown)


# --- HTML fragments (everything from the tables is escaped) ----------------------------


def _e(value: object) -> str:
    return html.escape(_text(value))


def links_html(evidence: tuple[str, ...] | list[str]) -> str:
    """Evidence links as a small bracketed list: [q5, q9]."""
    if not len(evidence):
        return ""
    anchors = []
    for link in evidence:
        label = link.rsplit("#", 1)[-1].split("-", 1)[-1]
        anchors.append(f'<a href="{html.escape(link)}">{html.escape(label)}</a>')
    return '<sup class="newsbook-evidence">[' + ", ".join(anchors) + "]</sup>"


def facts_html(table: pd.DataFrame) -> str:
    items = "".join(f"<dt>{_e(r.label)}</dt><dd>{_e(r.value)}</dd>" for r in table.itertuples())
    return f'<dl class="newsbook-facts">{items}</dl>'


def findings_html(table: pd.DataFrame) -> str:
    items = []
    for row in table.itertuples():
        parts = [html.escape(c.text) + links_html(c.evidence) for c in row.clauses]
        joined = (
            " and ".join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + " and " + parts[-1]
        )
        subject = html.escape(_capitalise(row.subject)) if row.subject else ""
        if not subject:
            joined = _capitalise(joined)
        items.append(f"<li>{_full_stop(' '.join(p for p in (subject, joined) if p))}</li>")
    return f'<ul class="newsbook-findings">{"".join(items)}</ul>'


def cast_html(table: pd.DataFrame, *, words: dict | None = None) -> str:
    words = words or load_words()
    labels = words["cast"]
    if table.empty:
        return f"<p>{html.escape(labels['empty'])}</p>"
    paragraphs = []
    for group, members in table.groupby("group", sort=False):
        shown = []
        for row in members.head(labels["per_group"]).itertuples():
            details = [d for d in (_text(row.role), _text(row.affiliation)) if d]
            count = (
                labels["one_mention"]
                if row.n_mentions == 1
                else labels["mentions"].format(count=row.n_mentions)
            )
            details.append(count)
            shown.append(
                f'<a href="{html.escape(row.link)}">{_e(row.name)}</a> ({_e(", ".join(details))})'
            )
        rest = len(members) - labels["per_group"]
        if rest > 0:
            shown.append(
                f'<a href="02-entities.html">{html.escape(labels["more"].format(count=rest))}</a>'
            )
        paragraphs.append(f"<p><strong>{_e(group)}</strong>: {'; '.join(shown)}</p>")
    return f'<div class="newsbook-cast">{"".join(paragraphs)}</div>'


def statements_html(table: pd.DataFrame, *, words: dict | None = None) -> str:
    words = words or load_words()
    labels = words["statements"]
    if table.empty:
        return f"<p>{html.escape(labels['empty'])}</p>"
    items = []
    for row in table.itertuples():
        who = _e(_capitalise(row.who or labels["unnamed"]))
        kind = html.escape(labels.get(row.kind, _text(row.kind)))
        said = f"&ldquo;{_e(row.text)}&rdquo;" if row.kind == "direct" else _e(row.text)
        items.append(f"<li><strong>{who}</strong>, {kind}: {said}{links_html([row.link])}</li>")
    return f'<ol class="newsbook-statements">{"".join(items)}</ol>'


def claims_html(table: pd.DataFrame, *, words: dict | None = None) -> str:
    words = words or load_words()
    labels = words["claims"]
    if table.empty:
        return f"<p>{html.escape(labels['empty'])}</p>"
    items = []
    for row in table.itertuples():
        by = labels["by"].format(who=row.who) if row.who else labels["by_unnamed"]
        line = f"<strong>{_e(_capitalise(by))}</strong>: {_e(row.text)}{links_html([row.link])}"
        if row.counter_text:
            countered = labels["countered"].format(sentence=row.counter_sentence_id)
            line += f"; {_e(countered)}: &ldquo;{_e(row.counter_text)}&rdquo;"
        items.append(f"<li>{line}</li>")
    return f'<ul class="newsbook-claims">{"".join(items)}</ul>'


def published(tables: dict[str, pd.DataFrame]) -> str:
    """The publication date (YYYY-MM-DD), or '' when unknown."""
    article = read_table(tables, "article")
    return _text(article["published"].iloc[0]) if len(article) else ""


def paragraph_html(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def timeline_note(tables: dict[str, pd.DataFrame], *, words: dict | None = None) -> str:
    """The sentence above the small timeline: where its "now" is."""
    words = words or load_words()
    date = published(tables)
    return words["timeline"]["now"].format(date=date) if date else words["timeline"]["no_now"]


def trust_html(table: pd.DataFrame, statement: str) -> str:
    """The trust statement, then the evaluation's figures when there are any."""
    figures = ["part", "result", "verdict"]
    shown = (
        anchored_table(table, figures, anchor="stage", prefix="trust").data if len(table) else ""
    )
    return paragraph_html(statement) + shown
