"""The English calendar's words as news copy writes them: the one place month and weekday
names are spelled. The wire-record reader, the page layout (datelines, timestamps) and the
temporal stage all read them from here.

They are the language, not a judgement call, so they live in code; the judgement calls
about dates (scheduling verbs, quantity units) are data, in `data/lexicons/time.yml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Copy writes both "Sep." and "Sept."; "May" is never shortened.
MONTH_ABBREVIATIONS = {
    **{name[:3]: number for number, name in enumerate(MONTH_NAMES, 1) if name != "May"},
    "Sept": 9,
}

# Lower case, full names and abbreviations: {"january": 1, "jan": 1, ..., "sept": 9}.
MONTH_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
    **{abbreviation.lower(): number for abbreviation, number in MONTH_ABBREVIATIONS.items()},
}
# Lower case, Monday = 0 as in `datetime.date.weekday()`.
WEEKDAY_NUMBERS = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)}


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of `words`, longest first so that "Sept" is tried
    before "Sep"."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))
