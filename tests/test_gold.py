"""Quality floors against the hand-made gold in data/gold/, read from the same gold run
as chapter 6 (newsbook.evaluation.runner: newsbook and the peers, cached on disk).

Floors are the issues' targets where newsbook meets them; where it does not yet, the
floor is the level measured now (a regression guard) and the gap is reported in the
closing note rather than hidden. Figures are pooled per kind of article (wire,
commentary, news) and over the held-out `split: test` articles, whose errors are not
looked at while tuning.
"""

import pandas as pd
import pytest

from newsbook import config
from newsbook.evaluation.agreement import agreement_by_article, stance_agreement
from newsbook.evaluation.gold import GoldError, load_gold
from newsbook.evaluation.runner import evaluate_gold
from newsbook.evaluation.scoring import evaluate_article, pooled_scores
from newsbook.text.article import read_article
from tests.articles import SEED_ARTICLE

SEED_ID = SEED_ARTICLE.stem
GOLD_FILES = sorted(config.GOLD_DIR.glob("*.yml"))


@pytest.fixture(scope="module")
def all_scores() -> pd.DataFrame:
    """newsbook's scores, one row per article and stage, with the gold's kind, split and
    set (`reading`: issue #14's inputs as users have them)."""
    report = evaluate_gold(config.GOLD_DIR)
    table = report.scores[report.scores["system"] == "newsbook"].copy()
    meta = {load_gold(p).get("article_id") or p.stem: load_gold(p) for p in GOLD_FILES}
    table["kind"] = table["article_id"].map(lambda a: meta[a].get("kind", ""))
    table["split"] = table["article_id"].map(lambda a: meta[a].get("split", "dev"))
    table["set"] = table["article_id"].map(lambda a: meta[a].get("set", ""))
    return table


@pytest.fixture(scope="module")
def scores(all_scores) -> pd.DataFrame:
    """The scores on the quality gold, the population the floors below were set on (the
    reading set is measured by its own floors, further down)."""
    return all_scores[all_scores["set"] != "reading"]


@pytest.fixture(scope="module")
def reading_scores(all_scores) -> pd.DataFrame:
    return all_scores[all_scores["set"] == "reading"]


def pooled(scores: pd.DataFrame, stage: str, **where: str) -> pd.Series:
    rows = scores[scores["stage"] == stage]
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows), f"no gold for {stage} {where}"
    return pooled_scores(rows, by=("stage",)).iloc[0]


def article(scores: pd.DataFrame, article_id: str, stage: str) -> pd.Series:
    return scores[(scores["article_id"] == article_id) & (scores["stage"] == stage)].iloc[0]


def test_gold_covers_every_kind_of_article():
    kinds = [load_gold(p).get("kind") for p in GOLD_FILES]
    assert SEED_ID in {p.stem for p in GOLD_FILES}
    assert kinds.count("wire") >= 10 and kinds.count("commentary") >= 5
    complete = [p for p in GOLD_FILES if load_gold(p).get("positions_complete")]
    assert len(complete) >= 8


def test_seed(scores):
    assert article(scores, SEED_ID, "entities")["recall"] >= 0.95
    assert article(scores, SEED_ID, "entities")["precision"] >= 0.90
    same = article(scores, SEED_ID, "same-name mentions")
    assert same["expected"] >= 9 and same["correct"] == same["expected"]
    for stage in ("direct quotes", "reported speech"):
        assert article(scores, SEED_ID, stage)["recall"] == 1.0, stage
        assert article(scores, SEED_ID, stage)["precision"] == 1.0, stage
    assert article(scores, SEED_ID, "timex values")["recall"] >= 0.90
    assert article(scores, SEED_ID, "event dating")["recall"] >= 0.80
    assert article(scores, SEED_ID, "positions (own catalogue)")["recall"] >= 0.85


@pytest.mark.parametrize(
    ("kind", "stage", "recall", "precision"),
    [
        ("wire", "entities", 0.85, 0.80),
        ("commentary", "entities", 0.85, 0.80),
        ("wire", "timex values", 0.85, 0.90),
        ("commentary", "timex values", 0.90, 0.84),
        ("wire", "event dating", 0.75, 0.80),
        # re-set from .85/.78 when two analyses joined dev (gold7), no code change
        ("commentary", "event dating", 0.76, 0.70),
        # speakers, at the level reached (issue #15 sets 0.95 for direct and 0.85 for
        # reported speakers; commentary direct quotes are short of it). Precision counts
        # gold statements found plus spurious rows (score_quotes), so it never exceeds 1.
        # The wire floors were re-set (1.00/1.00 and .92/.95 before) when six quote-rich
        # wire stories joined dev, with no code change; re-set again (from .97/.98,
        # .89/.92 and .88/.93) to the level measured when four wire stories and two
        # analyses annotated before any run joined dev (gold7), no code change; raised
        # (from .94/.95 and .94/.89) to the level the speakers4 fixes reached (wire direct
        # 161 of 164, 162 given; commentary reported 53 of 54, 57 given); raised (from
        # .85/.85 and .90/.90) after the gold7 speaker classes (speakers5: commentary
        # direct 38 of 38, 38 given; wire reported 224 of 240, 236 given; one row of
        # slack on direct quotes); wire reported raised (from .93/.94) when a headline or
        # lede source described by a role took the name given next (speakers6: 226 of
        # 240, 236 given); wire and commentary reported re-set (from .94/.95 and .98/.92)
        # when two wire stories and two commentary pieces annotated before any run joined
        # dev (gold10), no code change (wire 225 of 241, 237 given: .934/.949; commentary
        # 61 of 63, 67 given: .968/.910); wire reported raised (from .93/.94) when statements
        # named by nouns ("the X statement that", "Y's response that") and short names the
        # NER missed got their speakers (speakers10: 230 of 243, 237 given; one row of slack);
        # wire direct (from .98/.99), wire reported (from .94/.96) and commentary reported
        # (from .96/.91) re-set when the sixteen held-out articles joined dev and twelve new
        # ones annotated before any run became the held-out set (gold11), no code change
        # (wire direct 202 of 209, 207 given; wire reported 272 of 296, 290 given;
        # commentary reported 103 of 110, 114 given); wire raised (from .96/.97 and .91/.93)
        # after the speakers11 and ents9 rounds (direct 205 of 209, 207 given; reported 273
        # of 296, 288 given); wire reported re-set (from .92/.94) when four wire stories
        # annotated before any run joined dev (gold12), their first family names read
        # alone now joined to the full name (.913/.933); wire direct and reported and
        # commentary reported re-set (from .98/.99, .91/.93 and .93/.90) when two more wire
        # stories and two Reuters analyses annotated before any run joined dev (gold13),
        # measured after the session's speaker fixes on them (one member named of a group,
        # a report's author): .978/.991, .907/.925, .917/.894; wire re-set again (from
        # .97/.99 and .90/.92) when four more wire stories joined dev (gold14), measured
        # after "the company" could be a group (.972/.984, .899/.911); and again (from
        # .97/.98 and .89/.91) when six wire stories annotated before any run joined dev
        # (gold15), no code change (.962/.973, .889/.897; .891/.895 after session 14);
        # wire direct recall raised and precision re-set (from .96/.97) when a short
        # quotation inside what a cue reports became the speaker's words (session 15:
        # 282 of 290, 291 given: three found, two of wire copy's quoted terms taken for
        # words, "fair price", "poison pill")
        ("wire", "direct quotes", 0.97, 0.96),
        ("commentary", "direct quotes", 0.97, 0.97),
        ("wire", "reported speech", 0.89, 0.89),
        ("commentary", "reported speech", 0.91, 0.89),
        # news on dev (the seed and the four signed reports of gold9), set at the level
        # the speakers8 fixes reached (direct 51 of 53, 53 given; reported 70 of 77, 74
        # given; .868/.868 and .844/.867 before them); raised (from .96/.96 and .90/.94)
        # when an unnamed group the parser joins to a list before its cue ("and opponents
        # warned") spoke (speakers9: direct 52 of 53, 53 given; reported 73 of 77, 74
        # given; .962/.962 and .935/.973 before); re-set (from .98/.98 and .94/.98) when the
        # four held-out news reports joined dev and twelve new articles annotated before any
        # run became the held-out set (gold11), no code change (direct 87 of 93, 92 given;
        # reported 115 of 127, 126 given); raised (from .93/.94 and .90/.91) after the
        # speakers11 and ents9 rounds (direct 91 of 93, 92 given; reported 119 of 127, 123
        # given)
        ("news", "direct quotes", 0.97, 0.98),
        ("news", "reported speech", 0.93, 0.96),
    ],
)
def test_floors_per_kind(scores, kind, stage, recall, precision):
    """Pooled over the dev articles; the held-out articles have their own floors below.
    (Until twelve articles were held out the floors pooled dev and test; on dev alone,
    commentary timex and event-dating precision read .848 and .788 with no code change,
    and those two floors were set there.)"""
    figures = pooled(scores, stage, kind=kind, split="dev")
    assert figures["recall"] >= recall, figures.to_dict()
    assert figures["precision"] >= precision, figures.to_dict()


@pytest.mark.parametrize(
    ("stage", "recall", "precision"),
    [
        # regression guards at the level measured when the twelve held-out articles came
        # in (issue #15 sets 0.95 for direct and 0.85 for reported speakers); direct
        # raised from .80/.80 after the gold7 speaker classes (measured .900/.885);
        # recall re-set from .90 when four signed news reports joined the held-out
        # articles (gold8), no code change (measured .880/.880); raised from .88/.88
        # when courtesy titles without a full stop became titles (speakers8: .890/.890);
        # reported, entities and timex raised (from .75/.77, .85/.74, .90/.90) to the
        # level measured at the end of the gold7 round (.812/.830, .892/.800, .923/.941);
        # reported re-set from .81/.83 and timex precision from .94 when four signed news
        # reports joined the held-out articles (gold8), no code change (measured
        # .808/.814 and .920/.920; entities .909/.818); reported raised from .80/.81 and
        # entities precision from .80 after the speakers8 fixes (.815/.815, .825).
        # Re-set, all four, when the sixteen held-out articles joined dev and twelve new
        # ones annotated before any run became the held-out set (gold11), no code change:
        # direct 67 of 71 (71 given), reported 123 of 133 (138 given), entities .928/.830,
        # timex .943/.804. Reported speech and entities raised after this session's rounds
        # (.940/.906, .935/.856); direct speakers did not move (67 of 71). Raised after
        # wire headlines' ticker symbols were blanked for the parser and the writers and
        # organisations' short forms found (session 10): direct 68 of 71 (.958, issue
        # #15's .95 met), reported .947/.913, entities .941/.862. Re-set, all four, when
        # that held-out set was released to dev and twelve new articles written and
        # annotated before any run became the held-out set (gold16), no code change:
        # direct 66 of 74 (.892/.904: below #15's .95), reported 108 of 130 (.831/.800:
        # below its .85), entities .925/.891, timex .940/.940. Raised after session 15's
        # speaker rounds, made from frames written blind and dev articles, this set never
        # looked at: direct 68 of 74 (.919/.932), reported 111 of 130 (.854/.822; #15's
        # .85 met on recall), entities .931/.897. Raised after session 16's rounds (two
        # more blind batches of frames; names from many languages, British quotation
        # marks), this set still never looked at: direct 70 of 74 (.946/.959), reported
        # 112 of 130 (.862/.830), entities .931/.902
        ("direct quotes", 0.94, 0.95),
        ("reported speech", 0.86, 0.83),
        ("entities", 0.93, 0.90),
        ("timex values", 0.94, 0.94),
    ],
)
def test_floors_on_held_out_articles(scores, stage, recall, precision):
    figures = pooled(scores, stage, split="test")
    assert figures["recall"] >= recall, figures.to_dict()
    assert figures["precision"] >= precision, figures.to_dict()


def test_stances_as_a_new_user_gets_them(scores):
    """(actor, sentence, stance) with the project's catalogue only. Regression guards at
    the level measured with discovered issues, evaluative cues and the writer's voice;
    issue #15 asks for recall 0.80 and precision 0.70, which newsbook does not reach."""
    figures = pooled(scores, "stances")
    # re-set from .42/.64 when six articles annotated before any run joined dev (gold7),
    # no code change; raised to the level measured after the #15 work on dev (stances3),
    # and from .42 after the evaluative words and calls for action (stances4); precision
    # from .64 after the unnamed ones' acts and the wants and needs (stances5: .458/.651),
    # from .65 after figures of what was stopped carrying sides (stances6: .458/.660);
    # re-set from .45/.66 when four signed news reports joined the held-out articles
    # (gold8), no code change (measured .422/.642); precision from .64 after what has
    # been done stopped carrying sides and goods brought became judgements (stances7:
    # .426/.650); re-set from .42/.65 when four signed news reports annotated before any
    # run joined dev (gold9), no code change (measured .392/.637); raised after gerund
    # objects, lawsuits as harms and sponsors (stances8: .400/.645); recall re-set from
    # .40 when two wire stories and two commentary pieces annotated before any run joined
    # dev (gold10), no code change (measured .392/.640); raised after subjects that are
    # no one negate their cue (stances10) and a body's members and the names beside a
    # relative clause's subject hold its stance (stances9): .404/.662; re-set from .40/.66
    # when twelve new articles annotated before any run joined as the held-out set
    # (gold11), no code change (measured .351/.639); raised after this session's stance
    # and speaker rounds (st-wire, st-news, st-comm, speakers11, ents9, sides9, calls9):
    # .414/.723; precision re-set and recall raised after session 10's rounds (writers
    # found by their closing line or sidecar, wire headlines parsed past their tickers,
    # bans, phrasal verbs, critics, concerns and a dozen other constructions probed on
    # invented sentences): their new rows are right at about half the rate of the old
    # ones (.424/.713); re-set from .42/.71 when twelve wire stories and analyses
    # annotated before any run joined dev in three sets (gold12 to gold14), measured after
    # session 12's rounds on them (their stances are found at half the rate of the older
    # gold's): .412/.703; precision re-set when six wire stories annotated before any run
    # joined dev (gold15; .412/.697 with no code change), measured after session 14's
    # headlines, officials and "no X should be" (.417/.695); both re-set when the second
    # held-out set joined dev and a third became the held-out set (gold16), no code
    # change (.394/.665)
    assert figures["recall"] >= 0.39 and figures["precision"] >= 0.66, figures.to_dict()
    # news on dev was the seed alone (the floor's population before gold8, .85/.65);
    # re-set when four signed news reports annotated before any run joined dev (gold9),
    # no code change (measured .296/.604); the held-out news reports (gold8: four signed
    # reports) at the level measured when they came in, no code change (.203/.467); news
    # on dev raised after gerund objects, lawsuits as harms and sponsors (stances8:
    # .337/.660), and after subjects that are no one negate their cue (stances10) and a
    # body's members and the names beside a relative clause's subject hold its stance
    # (stances9): .449/.772. Both re-set when the four held-out news reports joined dev and
    # three new ones annotated before any run became the held-out news (gold11), no code
    # change (dev .347/.667; held out .274/.515); both raised after this session's stance
    # rounds (dev .509/.842; held out .323/.571); dev recall raised and precision re-set
    # after session 10's (an actor weighing something up is neutral on it: .521/.837);
    # session 11's attitudes through "by" and sides on a decision taken as sides on what
    # it decided ("disappointed by the ruling" that voided a permit supports the mine):
    # dev .527/.846; held out one right row and one wrong (.339/.568): recall raised,
    # precision re-set
    # both re-set when the second held-out set (three news reports among them) joined
    # dev and a third, four news reports among them, became the held-out set (gold16),
    # no code change (dev .502/.793, held out .255/.531); dev precision re-set (from .79)
    # when a lede's "Norland's foreign minister" became the minister named next (session
    # 15): a wrong row the stances gave the unnamed role before is now given him too
    # (.502/.788)
    news = pooled(scores, "stances", kind="news", split="dev")
    assert news["recall"] >= 0.50 and news["precision"] >= 0.78, news.to_dict()
    held_out_news = pooled(scores, "stances", kind="news", split="test")
    assert held_out_news["recall"] >= 0.25 and held_out_news["precision"] >= 0.53, (
        held_out_news.to_dict()
    )


@pytest.mark.parametrize(
    ("where", "recall", "precision"),
    [
        # re-set from .46/.63 and .32/.62 when four wire stories and two analyses
        # annotated before any run joined dev (gold7), no code change; raised (from
        # .41/.60, .34/.60 and .24/.42) to the level measured after the #15 work on dev;
        # raised again (from .44/.63, .34/.62 and .26/.45) after the evaluative words and
        # calls for action (stances4); wire recall from .47 after the unnamed ones' acts
        # and the wants and needs (stances5: .480/.649); wire precision from .64 and
        # held-out precision from .47 after figures of what was stopped carrying sides
        # (stances6: .486/.665, .313/.483); wire precision and commentary after what has
        # been done stopped carrying sides and goods brought became judgements (stances7:
        # .484/.672, .385/.632); wire recall (from .48) and commentary (from .38/.63)
        # re-set when two wire stories and two commentary pieces annotated before any run
        # joined dev (gold10), no code change (measured .457/.677, .376/.602); wire and
        # commentary precision raised after interest, hearsay and "let us" calls, with
        # the writer's voice kept to its own judgements (stances11: .467/.682, .376/.638);
        # wire precision stays at .67 with speakers10 merged beside it (a fronted phrase
        # no longer reported gives its analysts' clause a stance: .467/.678); both re-set
        # (from .46/.67 and .37/.63) when twelve new articles annotated before any run
        # joined as the held-out set (gold11), no code change (.406/.654, .307/.628); raised
        # after this session's stance and speaker rounds (st-wire, st-news, st-comm,
        # speakers11, ents9, sides9, calls9): .452/.719, .337/.685; commentary's precision
        # re-set after writers named only in a closing line or the sidecar were found
        # (their stances, new, are right at half the rate of the rest: .343/.675); wire's
        # recall raised and precision re-set after the same session's constructions
        # (headlines past their tickers, concerns, "abide by": .461/.707); recall re-set
        # when four wire stories annotated before any run joined dev (gold12), measured
        # after this session's rounds on them (abstentions, places' plural bodies): .458/.715;
        # re-set again when two more wire stories and two analyses joined dev (gold13),
        # measured after the owner and place rounds on them (.437/.692); and when four more
        # wire stories joined dev (gold14): .415/.676; precision re-set when six more
        # joined (gold15; .407/.667 with no code change), measured after session 14's
        # rounds: .412/.662; precision re-set again when the held-out sets were swapped
        # (gold16), no code change (.413/.645)
        ({"kind": "wire"}, 0.41, 0.64),
        # commentary precision re-set (from .67) after session 14's wire frames gave one
        # more row on it (.363/.669), and again (from .66) when the held-out sets were
        # swapped (gold16), no code change (.344/.644)
        ({"kind": "commentary"}, 0.34, 0.64),
        # the held-out articles, never looked at while tuning; re-set from .31/.48 when
        # four signed news reports joined them (gold8), no code change (.276/.479); re-set
        # from .27/.47 when those sixteen were released to dev and twelve new ones became
        # the held-out set (gold11), no code change (.179/.506); raised after this
        # session's stance rounds (.196/.537); recall raised after session 10's (.210/.534);
        # re-set when that set was released to dev and a third one, written and annotated
        # before any run, became the held-out set (gold16), no code change (.282/.519)
        ({"split": "test"}, 0.28, 0.51),
    ],
)
def test_stances_per_kind_and_on_held_out_articles(scores, where, recall, precision):
    figures = pooled(scores, "stances", **where)
    assert figures["recall"] >= recall, figures.to_dict()
    assert figures["precision"] >= precision, figures.to_dict()


def test_positions_against_the_gold_catalogue(scores):
    figures = pooled(scores, "positions (own catalogue)")
    # recall re-set from .53 when six articles annotated before any run joined dev
    # (gold7), no code change; raised with the #15 stance work (from .50/.53, then .51,
    # then .52 after stances5: .532/.550); recall re-set from .53 when four signed news
    # reports joined the held-out articles (gold8), no code change (measured .496/.541);
    # re-set from .49/.54 when four signed news reports annotated before any run joined
    # dev (gold9), no code change (measured .473/.537); precision raised after gerund
    # objects, lawsuits as harms and sponsors (stances8: .478/.541); recall raised after
    # a body's members held its stance (stances9: .485/.564; .479/.561 before it); recall
    # re-set from .48 when twelve new articles annotated before any run joined as the
    # held-out set (gold11), no code change (measured .437/.571; precision raised from .54);
    # raised after this session's stance rounds (.478/.617); precision re-set when six wire
    # stories annotated before any run joined dev (gold15), measured after session 14's
    # rounds (.474/.607); re-set when the held-out sets were swapped (gold16), no code
    # change (.456/.586)
    assert figures["recall"] >= 0.45 and figures["precision"] >= 0.58, figures.to_dict()
    seed = article(scores, SEED_ID, "positions (own catalogue)")
    assert seed["correct"] >= 15 and seed["precision"] >= 0.41, seed.to_dict()


def test_scorer_gives_nothing_to_empty_output():
    gold = load_gold(config.GOLD_DIR / f"{SEED_ID}.yml")
    text = read_article(SEED_ARTICLE).text
    empty = {
        name: pd.DataFrame(columns=cols)
        for name, cols in {
            "entities": ["entity_id", "name", "type", "aliases"],
            "mentions": ["start", "end", "entity_id"],
            "quotes": ["start", "end", "kind", "speaker_id", "speaker"],
            "positions": ["actor_id", "issue_id", "sentence_id", "stance", "start", "end"],
            "sentences": ["sentence_id", "start", "end"],
            "timex": ["start", "end", "value", "timex_id"],
            "events": ["timex_id", "date", "modality"],
        }.items()
    }
    for stage, score in evaluate_article(gold, text, empty).items():
        assert score.expected > 0 and score.correct == 0 and score.f1 == 0, stage


def test_reading_web_pages_records_and_layouts(reading_scores):
    """Issue #14: format, headline, date, author, site, dateline and language read from
    web pages, wire records and wire layouts; the story's first sentence, what is kept
    and dropped, and the figures tables."""
    assert reading_scores["article_id"].nunique() >= 13
    metadata = pooled(reading_scores, "reading: metadata")
    assert metadata["recall"] >= 0.95 and metadata["precision"] >= 0.95, metadata.to_dict()
    story = pooled(reading_scores, "reading: story")
    assert story["recall"] >= 0.95, story.to_dict()


@pytest.mark.parametrize(
    ("stage", "recall", "precision"),
    [
        # regression guards, raised to the level measured after the speaker work of
        # issue #15 and empty tables for articles not in English
        ("entities", 0.90, 0.87),
        ("same-name mentions", 0.92, 0.92),
        ("timex values", 0.93, 0.89),
        ("event dating", 0.73, 0.70),
        ("direct quotes", 0.95, 0.95),
        ("reported speech", 0.93, 0.92),
        ("positions (own catalogue)", 0.50, 0.70),
    ],
)
def test_stages_on_pages_and_records(reading_scores, stage, recall, precision):
    """The stages on the reading set: what a user's pages and records give (floors at
    the level measured when the set came in; the closing report gives the gaps)."""
    figures = pooled(reading_scores, stage)
    assert figures["recall"] >= recall, figures.to_dict()
    assert figures["precision"] >= precision, figures.to_dict()


def test_two_annotators_agree_on_stances():
    """Articles of every kind annotated twice, from the text alone: the second reading
    agrees with the first at F1 0.84 (measured on 2026-12-01, six articles), above issue
    #15's targets for newsbook. A floor here keeps a gold edit from pulling the two
    apart unnoticed."""
    table = stance_agreement(config.GOLD_DIR)
    overall = table[table["kind"] == "all"].iloc[0]
    assert overall["articles"] >= 6
    assert set(table["kind"]) == {"wire", "commentary", "news", "all"}
    assert overall["f1"] >= 0.82, table


FIRST = """article_id: dam
positions_complete: true
entities:
  - {id: lev-okon, name: Lev Okon, type: PERSON, aliases: [Okon]}
  - {id: ana-roth, name: Ana Roth, type: PERSON, aliases: [Roth]}
positions:
  - {actor: lev-okon, issue: dam, stance: support, evidence: Okon backs the dam}
  - {actor: ana-roth, issue: dam, stance: oppose, evidence: Roth calls the dam a folly}
"""


@pytest.mark.parametrize(
    ("second", "counts"),
    [
        # one stance the same, one on the other side, one the first does not code
        (
            "  - {actor: lev-okon, issue: the dam, stance: support, evidence: Okon backs}\n"
            "  - {actor: ana-roth, issue: the dam, stance: support, evidence: Roth calls}\n"
            "  - {actor: ana-roth, issue: the levy, stance: oppose, evidence: She also}\n",
            (1, 2, 3),
        ),
        ("  - {actor: ana-roth, issue: it, stance: oppose, evidence: a folly}\n", (1, 2, 1)),
    ],
)
def test_agreement_scores_the_second_annotation_as_newsbook_is_scored(tmp_path, second, counts):
    (tmp_path / "dam.txt").write_text(
        "Dam vote set\n\nLev Okon backs the dam. Ana Roth calls the dam a folly. "
        "She also rejects the levy.\n",
        encoding="utf-8",
    )
    (tmp_path / "dam.yml").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second").mkdir()
    (tmp_path / "second" / "dam.yml").write_text(
        "article_id: dam\npositions:\n" + second, encoding="utf-8"
    )
    row = agreement_by_article(tmp_path).iloc[0]
    assert (row["correct"], row["expected"], row["produced"]) == counts


def test_a_second_annotation_naming_an_unknown_actor_is_refused(tmp_path):
    (tmp_path / "dam.txt").write_text("Lev Okon backs the dam.\n", encoding="utf-8")
    (tmp_path / "dam.yml").write_text(FIRST.split("  - {actor: ana-roth")[0], encoding="utf-8")
    (tmp_path / "second").mkdir()
    (tmp_path / "second" / "dam.yml").write_text(
        "positions:\n  - {actor: okon, issue: dam, stance: support, evidence: backs}\n",
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match="okon"):
        agreement_by_article(tmp_path)
