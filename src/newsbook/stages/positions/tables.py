"""The stage's tables: `positions` (the readings' rows, then the analyst's,
ordered and numbered) and `issue_candidates` (what the stance cues point at, proposed as
issues for a catalogue); and the actors' agreement network read off the positions."""

from __future__ import annotations

import re

import pandas as pd

from newsbook.schema import Columns, column_lists, columns_frame
from newsbook.stages.context import ArticleContext
from newsbook.stages.issues import (
    NAMED_TYPES,
    IssueFinder,
    adopt_short_names,
    catalogue_ref,
    discovered_issue,
    phrase_tokens,
)
from newsbook.stages.positions.holders import ActorFinder
from newsbook.stages.positions.manual import override, read_manual_positions
from newsbook.stages.positions.passes import (
    _discover_issues,
    _positions_pass,
    keep_quoted_sides,
    keep_sides,
    keep_written_sides,
)
from newsbook.stages.positions.speakers import group_statements, phrase_statements
from newsbook.stages.positions.targets import stance_targets


def extract_positions(context: ArticleContext) -> pd.DataFrame:
    """The `positions` table (`positions_columns`) as a DataFrame."""
    return columns_frame("positions", positions_columns(context))


def positions_columns(context: ArticleContext) -> Columns:
    """The `positions` table: automatic positions on the catalogue's issues and on the
    issues the text's stance cues point at, then the analyst's manual ones (from the
    resources' annotations folder)."""
    article, sentences = context.article, context.sentences
    resources, names = context.resources, context.entity_names
    quotes, mentions, entities = (context.table(n) for n in ("quotes", "mentions", "entities"))
    lexicon = resources.stance
    finder = ActorFinder(context)
    catalogue = [
        (issue, catalogue_ref(issue, lexicon.against_referent(issue))) for issue in resources.issues
    ]
    statements = [
        (int(s), int(e), str(i))
        for s, e, i in zip(quotes["start"], quotes["end"], quotes["speaker_id"], strict=True)
        if i
    ]
    statements += group_statements(quotes, mentions, entities)
    statements += phrase_statements(context, finder)
    issues = IssueFinder(lexicon, [ref for _, ref in catalogue])
    _discover_issues(context, catalogue, issues)
    # read again with the issues found named like the catalogue's, so that every
    # mention of them counts, before the cue that first pointed at them too
    found = [(discovered_issue(ref, issues), ref) for ref in issues.discovered()]
    catalogue, found = adopt_short_names(article.text, catalogue, found)
    issues = IssueFinder(lexicon, [ref for _, ref in catalogue + found])
    rows, mentions = _positions_pass(context, finder, catalogue + found, issues, statements)
    keep_sides(context, rows, mentions)
    keep_quoted_sides(context, rows)
    keep_written_sides(context, rows, finder.writer)
    auto = [row for _, row in rows.values()]
    manual = read_manual_positions(article, resources.annotations_dir, names, resources, sentences)
    # the rows ordered and numbered before they become a table: sorting an article's few
    # rows in Python costs a fraction of sorting its DataFrame
    combined = sorted(
        override(auto, manual),
        key=lambda row: (row["sentence_id"], row["actor_id"], row["issue_id"], row["source"]),
    )
    for number, row in enumerate(combined, start=1):
        row["position_id"] = f"p{number}"
    return column_lists("positions", combined)


def agreement_network(positions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors with a stance on a common issue: `agreements` where they take the
    same side, `conflicts` where they take opposite sides, `score` the difference, and
    the issues behind it. Neutral and hedged stances count for neither."""
    sided = positions[positions["stance"].isin(["support", "oppose"])]
    sides = (
        sided.groupby(["actor", "issue"])["stance"]
        .agg(lambda s: s.value_counts().idxmax())
        .reset_index()
    )
    pairs: dict[tuple[str, str], dict] = {}
    for issue, group in sides.groupby("issue", sort=True):
        members = list(group.itertuples(index=False))
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                a, b = sorted([first.actor, second.actor])
                pair = pairs.setdefault(
                    (a, b), {"a": a, "b": b, "agreements": 0, "conflicts": 0, "issues": []}
                )
                same = first.stance == second.stance
                pair["agreements" if same else "conflicts"] += 1
                pair["issues"].append(f"{issue} ({'same side' if same else 'opposed'})")
    rows = [
        {**p, "score": p["agreements"] - p["conflicts"], "issues": "; ".join(p["issues"])}
        for p in pairs.values()
    ]
    columns = ["a", "b", "agreements", "conflicts", "score", "issues"]
    return pd.DataFrame(rows, columns=columns).sort_values(["a", "b"]).reset_index(drop=True)


def issue_candidates(context: ArticleContext) -> pd.DataFrame:
    """The `issue_candidates` table (`candidate_columns`) as a DataFrame."""
    return columns_frame("issue_candidates", candidate_columns(context))


def candidate_columns(context: ArticleContext) -> Columns:
    """What the article's stance cues point at, proposed as issues for a catalogue: the
    noun phrase each cue governs ("opposes [the new pipeline]"), counted, with a
    ready-to-adopt pattern and the first sentence where it appears."""
    article, lexicon = context.article, context.resources.stance
    found: dict[str, dict] = {}
    for _item, sent, sentence in context.sentence_parses:
        sentence_id = sentence.sentence_id
        for token in sent:
            if not lexicon.polarity(token):
                continue
            for target in stance_targets(token, lexicon):
                if target.pos_ not in {"NOUN", "PROPN"} or target.ent_type_ in NAMED_TYPES:
                    continue
                phrase = " ".join(t.lower_ for t in phrase_tokens(target))
                if len(phrase) < 4:
                    continue
                entry = found.setdefault(
                    phrase,
                    {
                        "article_id": article.article_id,
                        "candidate": phrase,
                        "pattern": r"\b" + re.escape(phrase).replace(r"\ ", r"\s+") + r"\b",
                        "n_cues": 0,
                        "cues": [],
                        "sentence_id": sentence_id,
                        "start": int(sentence.start),
                        "end": int(sentence.end),
                        "evidence": sentence.text,
                    },
                )
                entry["n_cues"] += 1
                if token.lower_ not in entry["cues"]:
                    entry["cues"].append(token.lower_)
    rows = [{**e, "cues": ", ".join(e["cues"])} for e in found.values()]
    # the most pointed at first (a stable sort of the rows, cheaper than the table's)
    rows.sort(key=lambda row: (-row["n_cues"], row["start"]))
    return column_lists("issue_candidates", rows)
