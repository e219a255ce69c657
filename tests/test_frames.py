"""The common frames of a stance, swept: invented sentences stating one actor's side on
one issue in the ways news writing does (tests/fixtures/frames/: `stances.txt`, written
by the team, and `wire.txt`, wire copy's frames written by a helper before any run),
each added to one intro naming the actors. A floor on how many come out right in each,
measured, so that a change that loses frames is seen; the misses are the work left."""

from pathlib import Path

import pytest

from tests.articles import invented_tables

FIXTURES = Path(__file__).parent / "fixtures" / "frames"
INTRO = "Mayor Ana Roth of Norland and Lev Okon of the Sudmark Ferry Company met on Monday.\n\n"
# file -> (frames, floor). stances.txt measured 335 of 450 after session 13's sweeps (252
# before them), 350 of 460 after session 14 added ten frames and its fixes; wire.txt 35
# of 120 when it was written (session 14), 59 after that session's fixes and a review's
# cuts ("no comment" is not neutral, a refusal to say; "order" and "talk of" take no
# side: "in order to", "talks on")
FLOORS = {"stances.txt": (460, 345), "wire.txt": (120, 55)}


def frames(name: str) -> list[tuple[str, str, str, str]]:
    """(sentence, stance, actor, issue) of every line of a fixture."""
    found = []
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
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


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_fixture_reads_whole(name):
    found = frames(name)
    assert len(found) == FLOORS[name][0]
    assert {stance for _, stance, _, _ in found} == {"support", "oppose", "neutral"}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_common_frames_of_a_stance_come_out_right(resources, name):
    found = frames(name)
    hits = sum(right(*frame, resources) for frame in found)
    floor = FLOORS[name][1]
    assert hits >= floor, f"{name}: {hits} of {len(found)} frames right (floor {floor})"
