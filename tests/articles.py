"""Articles the tests read by name. The seed is a test fixture, not a package default:
nothing in src/ names it (an installed newsbook has no seed)."""

from newsbook import config

SEED_ARTICLE = config.RAW_DIR / "moscow-times-2001-05-29-we-wont-scrap-abm.txt"
