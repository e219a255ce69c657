"""The common frames of a stance, swept: invented sentences stating one actor's side on
one issue in the ways news writing does (tests/fixtures/frames/stances.txt), each added
to one intro naming the actors. A floor on how many come out right, measured, so that
a change that loses frames is seen; the misses are the work left."""

from pathlib import Path

from tests.articles import invented_tables

FRAMES = Path(__file__).parent / "fixtures" / "frames" / "stances.txt"
INTRO = "Mayor Ana Roth of Norland and Lev Okon of the Sudmark Ferry Company met on Monday.\n\n"
# measured: 335 of 450 (115 missed) after session 13's sweeps, 252 before them; 344 of
# 460 after session 14 added ten frames (officials, "no X should be", named judgements)
FLOOR = 339


def frames() -> list[tuple[str, str, str, str]]:
    """(sentence, stance, actor, issue) of every line of the fixture."""
    found = []
    for line in FRAMES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, stance, *rest = (part.strip() for part in line.split("|"))
        actor = rest[0] if rest else "lev-okon"
        issue = rest[1] if len(rest) > 1 else "port-levy"
        found.append((sentence, stance, actor, issue))
    return found


def right(sentence: str, stance: str, actor: str, issue: str, resources) -> bool:
    """The actor has the stance on the issue, and no other stance on it."""
    positions = invented_tables(INTRO + sentence, resources)["positions"]
    rows = set(zip(positions["actor_id"], positions["issue_id"], positions["stance"], strict=True))
    return (actor, issue, stance) in rows and not any(
        a == actor and i == issue and s != stance for a, i, s in rows
    )


def test_the_fixture_reads_whole():
    found = frames()
    assert len(found) == 460
    assert {stance for _, stance, _, _ in found} == {"support", "oppose", "neutral"}


def test_common_frames_of_a_stance_come_out_right(resources):
    found = frames()
    hits = sum(right(*frame, resources) for frame in found)
    assert hits >= FLOOR, f"{hits} of {len(found)} frames right (floor {FLOOR})"
