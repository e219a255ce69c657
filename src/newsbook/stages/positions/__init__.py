"""Stage 4, where each actor stands: stances on the issues of the catalogue.

Every mention of an issue (a pattern of the catalogue) is followed up the dependency
tree to the nearest stance cue that governs it ("its opposition to a U.S. plan",
"refuses to hold official negotiations"). Negations and reversals on the way turn the
stance round ("will not back down from its opposition" stays opposition); a modal of
possibility or a prediction makes it `neutral` with `hedged` set. The actor is who holds
the cue (its subject, possessor, agent or national adjective), and the speaker of a
statement that carries it. An analyst's file under `data/annotations/` adds or
overrides positions (`source = manual`).

The modules, each importing only those before it: `conditions` (where a cue takes no
side: hedges, conditions, reports), `cues` (what kind of cue a word is), `stance` (a
mention's stance, `stance_toward`), `holders` (who holds a cue, `ActorFinder`; the
writer), `speakers` (who speaks each statement), `targets` (where the issues are in a
sentence), `passes` (the readings of the article, ranks and sides kept), `manual` (the
analyst's positions), `tables` (the stage's tables).
"""

from newsbook.stages.positions.manual import disagreements
from newsbook.stages.positions.tables import (
    agreement_network,
    candidate_columns,
    extract_positions,
    issue_candidates,
    positions_columns,
)
from newsbook.stages.positions.targets import stance_targets

__all__ = [
    "agreement_network",
    "candidate_columns",
    "disagreements",
    "extract_positions",
    "issue_candidates",
    "positions_columns",
    "stance_targets",
]
