"""What language an article is written in, told by its commonest words (the function
words of `data/lexicons/languages.yml`): newsbook's parser reads one language, and an
article in another gets one warning and empty tables instead of tables that pretend.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from newsbook.lexicons import LanguageLexicon

# The words looked at: the opening of a long text says its language as well as all of it.
SAMPLE_WORDS = 3_000
# Fewer words than this say nothing reliable (a headline, a caption).
MIN_WORDS = 25
# Another language wins when its function words are at least this share of the words
# (running prose in any of the listed languages is 25-45 %) and this many times as
# common as the parser's language's.
MIN_SHARE = 0.12
MIN_LEAD = 1.5

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def language_of(texts: Iterable[str], lexicon: LanguageLexicon) -> tuple[str, str]:
    """The language code of the texts (empty when too short to tell) and, when it is not
    the one the parser reads, the warning to give."""
    words = list(
        itertools.islice((w.lower() for text in texts for w in WORD.findall(text)), SAMPLE_WORDS)
    )
    if len(words) < MIN_WORDS or not lexicon.stopwords:
        return "", ""
    shares = {
        code: sum(1 for w in words if w in stopwords) / len(words)
        for code, stopwords in lexicon.stopwords
    }
    best = max(shares, key=lambda code: (shares[code], code == lexicon.reads))
    reads_share = shares.get(lexicon.reads, 0.0)
    if best == lexicon.reads or shares[best] < MIN_SHARE or shares[best] < MIN_LEAD * reads_share:
        return lexicon.reads, ""
    return best, (
        f"The article looks like {lexicon.name(best)}, not {lexicon.name(lexicon.reads)}: "
        f"newsbook reads {lexicon.name(lexicon.reads)} only, so it extracts no entities, "
        "quotes, positions or dates from this article."
    )
