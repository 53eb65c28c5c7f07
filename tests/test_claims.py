"""Claim groups and verdicts on a corpus of short news articles written for the tests.

tests/corpus/claims holds 19 articles, one event or topic per file name prefix:

- floods-*: a running death toll in northern Carvania over three days, from
  "at least 12 people" (Monday) to 19 (two outlets on Tuesday) and down to
  "17 dead" (Wednesday): one series, changed over time.
- marseille-march-*: a march on one day, police (48,000) against organisers
  (more than 110,000): a conflict.
- veldoria-vote-*: preliminary (52.3%) and final (51.9%) vote share of one
  party: changed over time.
- lyon-jobs-*: unemployment in Lyon (9.1%, about 9%) beside the national rate
  (7.3% twice): two consistent groups that never meet.
- train-crash-*: one train crash, 23 killed, told with "killed", "death toll",
  "deaths", "dead", "fatalities", "lives lost": one consistent group.
- storm/toulouse/aldra/electric/sarn: unrelated figures of equal value on one
  date (42 schools, 42 buses; three figures of 12%): never grouped.
"""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING

import pytest

from factcheck.corpus import read_corpus
from factcheck.model import Document
from factcheck.pipeline import check_corpus

if TYPE_CHECKING:
    from factcheck.compare.verdict import Verdict

CORPUS = pathlib.Path(__file__).parent / "corpus" / "claims"
ARTICLES = 19

Key = tuple[str, str]  # (doc, figure text as written)

# The running death toll in northern Carvania.
FLOODS_MON = ("floods-mon-valley-post", "12 people")
FLOODS_TUE_HERALD = ("floods-tue-northern-herald", "19")
FLOODS_TUE_LEDGER = ("floods-tue-daily-ledger", "19 people")
FLOODS_WED = ("floods-wed-coastal-wire", "17 dead")
# The march in Marseille.
POLICE = ("marseille-march-midi-express", "48,000")
ORGANISERS = ("marseille-march-provence-daily", "110,000 people")
# The election in Veldoria.
PRELIMINARY = ("veldoria-vote-prelim-capital-times", "52.3%")
FINAL = ("veldoria-vote-final-eastern-observer", "51.9%")
# Unemployment in Lyon and in France.
LYON_ECO = ("lyon-jobs-rhone-eco", "9.1%")
LYON_COURRIER = ("lyon-jobs-le-courrier", "9%")
NATIONAL_ECO = ("lyon-jobs-rhone-eco", "7.3%")
NATIONAL_COURRIER = ("lyon-jobs-le-courrier", "7.3%")
# The train crash near Dravik.
TRAIN_KILLED = ("train-crash-rail-gazette", "23 people")
TRAIN_TOLL = ("train-crash-dravik-evening-news", "23")
TRAIN_DEATHS = ("train-crash-dravik-evening-news", "23 deaths")
TRAIN_DEAD = ("train-crash-central-press", "23 dead")
TRAIN_FATALITIES = ("train-crash-morning-chronicle", "23 fatalities")
TRAIN_LIVES_LOST = ("train-crash-morning-chronicle", "23 lives")
# Equal values, unrelated figures, all dated 2024-10-16.
SCHOOLS = ("storm-kirra-brittany-ouest-news", "42 schools")
BUSES = ("toulouse-metro-strike-city-wire", "42 extra buses")
EXPORTS = ("aldra-port-exports-harbour-review", "12%")
CAR_SALES = ("electric-car-sales-motor-weekly", "12%")
SARN_UNEMPLOYMENT = ("sarn-island-jobs-island-voice", "12%")
# Other figures of the same articles.
EVACUATED = ("floods-mon-valley-post", "3,500 residents")
GREEN_FRONT = ("veldoria-vote-prelim-capital-times", "31.8%")
TURNOUT = ("veldoria-vote-prelim-capital-times", "61%")


@pytest.fixture(scope="module")
def verdicts() -> tuple[Verdict, ...]:
    documents = [d for d in read_corpus([str(CORPUS)]) if isinstance(d, Document)]
    assert len(documents) == ARTICLES
    return check_corpus(documents).verdicts


def _key(figure) -> Key:
    return (figure.doc, figure.text)


def _describe(verdict: Verdict) -> str:
    lines = [f"group {verdict.group.claim!r} ({verdict.verdict}):"]
    lines += [
        f"  {f.doc}: {f.text!r} (as_of={f.as_of!r}, period={f.period!r}, measure={f.measure!r})"
        for f in verdict.group.figures
    ]
    return "\n".join(lines)


def verdict_of(verdicts: tuple[Verdict, ...], key: Key) -> Verdict:
    """The verdict of the one group holding the figure `key`; fails readably otherwise."""
    holding = [v for v in verdicts for f in v.group.figures if _key(f) == key]
    if not holding:
        texts = sorted({_key(f) for v in verdicts for f in v.group.figures if f.doc == key[0]})
        pytest.fail(f"no figure {key[1]!r} in {key[0]}; its figures: {texts}")
    if len(holding) > 1:
        pytest.fail(
            f"{key} names {len(holding)} figures, expected one:\n"
            + "\n".join(_describe(v) for v in holding)
        )
    return holding[0]


GROUPS = [
    pytest.param(
        {FLOODS_MON, FLOODS_TUE_HERALD, FLOODS_TUE_LEDGER, FLOODS_WED},
        "changed-over-time",
        id="a-running-death-toll-revised-down",
    ),
    pytest.param({POLICE, ORGANISERS}, "conflicting", id="b-police-against-organisers"),
    pytest.param({PRELIMINARY, FINAL}, "changed-over-time", id="c-preliminary-then-final"),
    pytest.param({LYON_ECO, LYON_COURRIER}, "consistent", id="d-city-unemployment"),
    pytest.param({NATIONAL_ECO, NATIONAL_COURRIER}, "consistent", id="d-national-unemployment"),
    pytest.param(
        {TRAIN_KILLED, TRAIN_TOLL, TRAIN_DEATHS, TRAIN_DEAD, TRAIN_FATALITIES, TRAIN_LIVES_LOST},
        "consistent",
        id="e-synonyms-of-deaths",
    ),
]


@pytest.mark.parametrize(("members", "verdict"), GROUPS)
def test_group_and_verdict(verdicts, members, verdict):
    found = verdict_of(verdicts, min(members))
    figures = {_key(f) for f in found.group.figures}
    missing, extra = members - figures, figures - members
    if missing or extra:
        pytest.fail(
            f"group of {min(members)} should be exactly {sorted(members)}\n"
            f"missing: {sorted(missing)}\nextra: {sorted(extra)}\n{_describe(found)}"
        )
    assert found.verdict == verdict, _describe(found)


APART = [
    pytest.param(LYON_ECO, NATIONAL_ECO, id="d-city-and-national-in-one-article"),
    pytest.param(LYON_COURRIER, NATIONAL_COURRIER, id="d-possessive-city-and-nationwide"),
    pytest.param(LYON_ECO, NATIONAL_COURRIER, id="d-city-and-national-across-articles"),
    pytest.param(LYON_COURRIER, NATIONAL_ECO, id="d-city-and-national-across-articles-2"),
    pytest.param(SARN_UNEMPLOYMENT, NATIONAL_ECO, id="d-island-and-national-unemployment"),
    pytest.param(SCHOOLS, BUSES, id="f-42-schools-and-42-buses"),
    pytest.param(EXPORTS, SARN_UNEMPLOYMENT, id="f-exports-12pc-and-unemployment-12pc"),
    pytest.param(EXPORTS, CAR_SALES, id="f-exports-and-car-sales-both-rose-12pc"),
    pytest.param(CAR_SALES, SARN_UNEMPLOYMENT, id="f-car-sales-and-unemployment-12pc"),
    pytest.param(FLOODS_WED, TRAIN_DEAD, id="flood-dead-and-train-crash-dead"),
    pytest.param(FLOODS_TUE_LEDGER, TRAIN_KILLED, id="flood-killed-and-train-crash-killed"),
    pytest.param(FLOODS_MON, ORGANISERS, id="people-killed-and-people-marching"),
    pytest.param(FLOODS_MON, EVACUATED, id="killed-and-evacuated"),
    pytest.param(GREEN_FRONT, FINAL, id="vote-shares-of-two-parties"),
    pytest.param(TURNOUT, PRELIMINARY, id="turnout-and-vote-share"),
]


@pytest.mark.parametrize(("first", "second"), APART)
def test_never_in_one_group(verdicts, first, second):
    group = verdict_of(verdicts, first)
    other = verdict_of(verdicts, second)  # fails when the figure is missing
    if group is other:
        pytest.fail(f"{first} and {second} share a group:\n{_describe(group)}")


def test_conflict_names_police_and_organisers(verdicts):
    verdict = verdict_of(verdicts, POLICE)
    assert verdict.verdict == "conflicting", _describe(verdict)
    pairs = {frozenset({_key(d.first), _key(d.second)}) for d in verdict.disagreements}
    assert pairs == {frozenset({POLICE, ORGANISERS})}, _describe(verdict)
    (disagreement,) = verdict.disagreements
    sources = {disagreement.first.source.lower(), disagreement.second.source.lower()}
    assert sources == {"police", "organisers"}


@pytest.mark.parametrize(
    ("members", "dates"),
    [
        pytest.param(
            [FLOODS_MON, {FLOODS_TUE_HERALD, FLOODS_TUE_LEDGER}, FLOODS_WED],
            ["2024-10-14", "2024-10-15", "2024-10-15", "2024-10-16"],
            id="a-running-death-toll",
        ),
        pytest.param([PRELIMINARY, FINAL], ["2024-10-14", "2024-10-16"], id="c-election"),
    ],
)
def test_series_in_date_order(verdicts, members, dates):
    """A changed-over-time verdict lists its figures by the date they are stated for
    (figures of one day in any order)."""
    verdict = verdict_of(verdicts, members[0])
    assert verdict.verdict == "changed-over-time", _describe(verdict)
    series = [_key(f) for f in verdict.series]
    days, position = [], 0
    for step in members:
        size = len(step) if isinstance(step, set) else 1
        days.append(set(series[position : position + size]))
        position += size
    expected = [step if isinstance(step, set) else {step} for step in members]
    assert (days, len(series)) == (expected, position), f"series {series}\n{_describe(verdict)}"
    assert [f.as_of for f in verdict.series] == dates, f"series {series}"


# --------------------------------------------------------------------------
# What the reports say of these groups


@pytest.fixture(scope="module")
def report(verdicts) -> dict:
    import json

    from factcheck.compare.policy import CheckResult
    from factcheck.report.check import check_json

    return json.loads(check_json(CheckResult(verdicts, ARTICLES, 0)))


def _json_group(report: dict, key: Key) -> dict:
    doc, text = key
    for group in report["groups"]:
        if any(f["doc"] == doc and f["text"] == text for f in group["figures"]):
            return group
    raise AssertionError(f"no group holds {key}")


def test_json_gives_each_automatic_group_the_evidence_that_joined_it(report):
    group = _json_group(report, TRAIN_KILLED)
    assert len(group["evidence"]) == len(group["figures"]) - 1  # the links of a tree
    for link in group["evidence"]:
        assert link["score"] >= 1.0
        assert link["evidence"]["measure"] > 0  # all six name deaths, in six ways


def test_json_disagreement_names_each_side_with_its_source_and_day(report):
    (clash,) = _json_group(report, POLICE)["disagreements"]
    sides = {clash["first"]["source"].lower(), clash["second"]["source"].lower()}
    assert sides == {"police", "organisers"}
    assert clash["first"]["as_of"] == clash["second"]["as_of"] == "2024-10-16"


def test_json_series_is_in_date_order(report):
    days = [f["as_of"] for f in _json_group(report, FLOODS_MON)["series"]]
    assert days == sorted(days) and len(set(days)) == 3


@pytest.mark.parametrize(
    ("key", "label"),
    [
        (FLOODS_MON, "deaths, Carvania, 2024-10-14 to 2024-10-16"),
        (TRAIN_DEAD, "deaths, Dravik, 2024-10-16"),
        (NATIONAL_ECO, "unemployment, nationwide, 2024-Q2"),  # the period of the sentence before
    ],
)
def test_groups_are_named_by_measure_scope_and_days(report, key, label):
    assert _json_group(report, key)["label"] == label


def test_table_names_sources_and_a_downward_revision(verdicts):
    from factcheck.compare.policy import CheckResult
    from factcheck.report.check import check_table

    text = " ".join(check_table(CheckResult(verdicts, ARTICLES, 0), 200).split())
    assert 'Police "48,000"' in text and 'Organisers "110,000 people"' in text
    assert "17 dead (2024-10-16) revised down" in text


def test_explain_prints_the_links_and_their_evidence(capsys):
    from factcheck.cli import main

    claim = "auto-deaths-dravik-2024-10-16"
    assert main(["check", "--no-rules", str(CORPUS), "--explain", claim]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{claim}: deaths, Dravik, 2024-10-16")
    assert "joined by (strongest first):" in out and "measure +" in out
    assert "train-crash-morning-chronicle" in out


def test_explain_an_unknown_claim_is_bad_usage(capsys):
    from factcheck.cli import main

    assert main(["check", "--no-rules", str(CORPUS), "--explain", "auto-deaths"]) == 2
    err = capsys.readouterr().err
    assert "no claim group 'auto-deaths'" in err and "did you mean" in err
