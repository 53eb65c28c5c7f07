"""Tests for factcheck.rules: loading analysts' rule files, claiming figures, tolerances.

The sentences are written for these tests in news style; the shipped rules'
own examples and counterexamples are run here too, so that the rules an
analyst reads are rules that really work.
"""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

import pytest

from factcheck import extract_figures
from factcheck.model import Figure
from factcheck.rules import check_examples, claim_figures, load_rules, rule_claims
from factcheck.rules.load import parse_tolerance
from factcheck.rules.match import PatternTimeoutWarning, figure_interval, within_tolerance
from factcheck.rules.model import EXACT, Rule, RuleProblem, Tolerance

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "rules"
BROKEN = Path(__file__).resolve().parent / "rules_broken"

SHIPPED_IDS = {
    "russia-investment-share",
    "russia-trade-share",
    "bilateral-trade-growth",
    "eu-sanctions-individuals",
    "eu-sanctions-entities",
    "russian-companies-in-belarus",
    "russian-regions-cooperating",
    "integration-programs",
}


def shipped() -> dict[str, Rule]:
    """The shipped rules by id (asserting they load cleanly)."""
    rules, problems = load_rules(SHIPPED)
    assert problems == []
    return {rule.id: rule for rule in rules}


def one_rule(tmp_path: Path, body: str) -> Rule:
    """The single rule of a rule file holding `body`; it must load without problems."""
    path = tmp_path / "rule.toml"
    path.write_text(body, encoding="utf-8")
    rules, problems = load_rules(path)
    assert problems == [], [str(p) for p in problems]
    assert len(rules) == 1
    return rules[0]


def figure_in(sentence: str, text: str) -> tuple[Figure, list[Figure]]:
    """The figure written `text` in `sentence`, and every figure of the sentence."""
    figures = extract_figures(sentence)
    matching = [f for f in figures if f.text == text]
    assert matching, f"{text!r} not extracted from {sentence!r}: {[f.text for f in figures]}"
    return matching[0], figures


# -- the shipped rules ------------------------------------------------------


def test_shipped_rules_load_without_problems() -> None:
    rules = shipped()
    assert set(rules) == SHIPPED_IDS
    for rule in rules.values():
        assert rule.path.endswith("belarus_russia.toml")
        assert rule.line > 0
        assert rule.examples, rule.id
        assert rule.counterexamples, rule.id


def test_shipped_rules_lines_point_at_their_claim_headers() -> None:
    lines = (SHIPPED / "belarus_russia.toml").read_text(encoding="utf-8").splitlines()
    for rule in shipped().values():
        assert lines[rule.line - 1].strip() == "[[claim]]"
        assert lines[rule.line].strip() == f'id = "{rule.id}"'


def test_shipped_references_cite_a_source() -> None:
    for rule in shipped().values():
        if rule.reference is not None:
            assert rule.reference.source and rule.reference.as_of, rule.id
    reference = shipped()["eu-sanctions-individuals"].reference
    assert reference is not None and reference.value == 166
    assert reference.interval == (166, 166)


def _shipped_examples() -> list[tuple[str, str, bool]]:
    rules, _ = load_rules(SHIPPED)
    return [
        (rule.id, sentence, expected)
        for rule in rules
        for expected, sentences in ((True, rule.examples), (False, rule.counterexamples))
        for sentence in sentences
    ]


@pytest.mark.parametrize(("rule_id", "sentence", "expected"), _shipped_examples())
def test_shipped_examples_are_claimed_and_counterexamples_are_not(
    rule_id: str, sentence: str, expected: bool
) -> None:
    rule = shipped()[rule_id]
    figures = extract_figures(sentence)
    assert figures, f"the extractor finds no figure in {sentence!r}"
    claimed = [f.text for f in figures if rule_claims(rule, f, figures)]
    assert bool(claimed) == expected, (rule_id, sentence, claimed)


def test_check_examples_reports_every_sentence() -> None:
    rule = shipped()["russia-trade-share"]
    results = check_examples(rule)
    assert len(results) == len(rule.examples) + len(rule.counterexamples)
    assert all(result.passed for result in results)
    assert [r.expected for r in results] == [True] * len(rule.examples) + [False] * len(
        rule.counterexamples
    )
    assert results[0].claimed == ("half",)


CLAIMED_SENTENCES = [
    (
        "Russia, the biggest investor in Belarus, provides 30 percent of its foreign investment.",
        "30 percent",
        "russia-investment-share",
    ),
    (
        "Russia's share of Belarusian foreign trade is close to 50 percent, officials say.",
        "50 percent",
        "russia-trade-share",
    ),
    (
        "The two presidents signed 28 programs meant to deepen integration between Belarus "
        "and Russia.",
        "28 programs",
        "integration-programs",
    ),
    (
        "Belarus works with more than 70 Russian regions, the president said.",
        "70 Russian regions",
        "russian-regions-cooperating",
    ),
    (
        "A Belarusian trade body said 2,400 companies from Russia were active in the country.",
        "2,400 companies",
        "russian-companies-in-belarus",
    ),
]


@pytest.mark.parametrize(("sentence", "text", "rule_id"), CLAIMED_SENTENCES)
def test_claim_figures_gives_each_figure_its_claim(sentence: str, text: str, rule_id: str) -> None:
    figures = extract_figures(sentence)
    claimed = claim_figures(list(shipped().values()), figures)
    assert {figures[i].text: rule.id for i, rule in claimed.items()} == {text: rule_id}


def test_claim_figures_splits_one_sentence_between_claims() -> None:
    sentence = (
        "EU sanctions adopted in four packages now cover 166 individuals and 15 entities, "
        "while Russia holds 30 percent of the foreign investment in Belarus."
    )
    figures = extract_figures(sentence)
    claimed = claim_figures(list(shipped().values()), figures)
    assert {figures[i].text: rule.id for i, rule in claimed.items()} == {
        "166 individuals": "eu-sanctions-individuals",
        "15 entities": "eu-sanctions-entities",
        "30 percent": "russia-investment-share",
    }


# -- rule_claims -------------------------------------------------------------

INVESTMENT_AND_TRADE = (
    "Russia holds 30 percent of the foreign investment in Belarus and nearly 50 percent of its "
    "foreign trade."
)
SANCTIONS = "EU sanctions adopted in four packages now cover 166 individuals and 15 entities."


@pytest.mark.parametrize(
    ("rule_id", "sentence", "text", "expected"),
    [
        # a measure word near the figure, not merely in its sentence
        ("russia-investment-share", INVESTMENT_AND_TRADE, "30 percent", True),
        ("russia-investment-share", INVESTMENT_AND_TRADE, "50 percent", False),
        ("russia-trade-share", INVESTMENT_AND_TRADE, "50 percent", True),
        ("russia-trade-share", INVESTMENT_AND_TRADE, "30 percent", False),
        # a count's own noun decides
        ("eu-sanctions-individuals", SANCTIONS, "166 individuals", True),
        ("eu-sanctions-individuals", SANCTIONS, "four packages", False),
        ("eu-sanctions-individuals", SANCTIONS, "15 entities", False),
        ("eu-sanctions-entities", SANCTIONS, "15 entities", True),
        # subject through an alias; subject missing
        (
            "eu-sanctions-individuals",
            "Brussels has listed 166 individuals.",
            "166 individuals",
            True,
        ),
        ("eu-sanctions-individuals", "Police detained 166 individuals.", "166 individuals", False),
        ("russia-trade-share", "Moscow takes 49% of Belarus's foreign trade.", "49%", True),
        ("russia-trade-share", "Germany takes 9% of Belarus's foreign trade.", "9%", False),
        # change or level
        (
            "bilateral-trade-growth",
            "Bilateral trade climbed more than 34% in 2021.",
            "34%",
            True,
        ),
        ("bilateral-trade-growth", "Bilateral trade stood at 34% of the total.", "34%", False),
        # the unit's dimension
        (
            "russia-trade-share",
            "Russia's foreign trade with Belarus reached $40 billion.",
            "$40 billion",
            False,
        ),
        # the pattern over a count's noun
        (
            "integration-programs",
            "Belarus and Russia signed 28 programs to deepen integration.",
            "28 programs",
            True,
        ),
        ("integration-programs", "Belarus started 28 programs for farmers.", "28 programs", False),
    ],
)
def test_rule_claims(rule_id: str, sentence: str, text: str, expected: bool) -> None:
    figure, figures = figure_in(sentence, text)
    rule = shipped()[rule_id]
    assert rule_claims(rule, figure, figures) is expected
    assert rule_claims(rule, figure) is expected  # reading the sentence again agrees


HOUR_RULE = """
[[claim]]
id = "flight-delay"
label = "How long the flight was held"
unit = "hour"
measure = ["held", "delayed"]
tolerance = "30 minute"
"""


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("The flight was held in Minsk for 90 minutes.", "90 minutes", True),
        ("The plane was delayed by two days.", "two days", True),
        ("The plane was delayed with 126 passengers on board.", "126 passengers", False),
        ("The crew rested for six hours.", "six hours", False),
    ],
)
def test_rule_claims_any_unit_of_the_claims_dimension(
    tmp_path: Path, sentence: str, text: str, expected: bool
) -> None:
    rule = one_rule(tmp_path, HOUR_RULE)
    figure, figures = figure_in(sentence, text)
    assert rule_claims(rule, figure, figures) is expected


def test_rule_claims_through_the_figures_measure(tmp_path: Path) -> None:
    rule = one_rule(tmp_path, HOUR_RULE)
    figure, _ = figure_in("It lasted 90 minutes.", "90 minutes")
    assert not rule_claims(rule, figure)
    assert rule_claims(rule, dataclasses.replace(figure, measure="time the flight was held"))


def test_a_counts_own_noun_outweighs_its_measure() -> None:
    rule = shipped()["eu-sanctions-individuals"]
    figure, figures = figure_in(SANCTIONS, "four packages")
    described = dataclasses.replace(figure, measure="packages of sanctions on individuals")
    assert not rule_claims(rule, described, figures)


def test_acronym_subjects_keep_their_case(tmp_path: Path) -> None:
    rule = one_rule(
        tmp_path,
        '[aliases]\nEU = ["European Union"]\n[[claim]]\nid = "x"\nlabel = "x"\nunit = "count"\n'
        'measure = ["individuals"]\nsubject = "EU"\n',
    )
    assert rule.subject_names == ("EU", "European Union")
    upper, _ = figure_in("The EU listed 12 individuals.", "12 individuals")
    lower, _ = figure_in("The eu listed 12 individuals.", "12 individuals")
    spelled, _ = figure_in("The european union listed 12 individuals.", "12 individuals")
    assert rule_claims(rule, upper)
    assert not rule_claims(rule, lower)
    assert rule_claims(rule, spelled)


def test_a_slow_pattern_times_out_as_no_match_and_warns_once(tmp_path: Path) -> None:
    rule = one_rule(
        tmp_path,
        '[[claim]]\nid = "slow-pattern"\nlabel = "x"\nunit = "percent"\nmeasure = ["zzz"]\n'
        "pattern = ['^(a|aa)+$']\n",
    )
    figure, figures = figure_in("a" * 60 + "b has 30 percent.", "30 percent")
    with pytest.warns(PatternTimeoutWarning, match="slow-pattern"):
        assert not rule_claims(rule, figure, figures)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert not rule_claims(rule, figure, figures)


# -- within_tolerance and tolerances ----------------------------------------

POINTS_2 = Tolerance(
    absolute=2.0, relative=None, unit="percentage_point", text="2 percentage_point"
)
RELATIVE_5 = Tolerance(absolute=None, relative=0.05, unit=None, text="5%")


@pytest.mark.parametrize(
    ("a", "b", "tolerance", "expected"),
    [
        ((29.5, 30.5), (44.5, 45.5), EXACT, False),  # 30 percent vs 45 percent
        ((29.5, 30.5), (44.5, 45.5), POINTS_2, False),
        ((45.0, 50.0), (47.5, 52.5), EXACT, True),  # nearly 50 percent vs about half
        ((45.0, 50.0), (48.5, 49.5), EXACT, True),  # nearly 50 percent vs 49%
        ((29.5, 30.5), (32.0, 33.0), POINTS_2, True),  # gap 1.5 within 2 points
        ((29.5, 30.5), (32.5, 33.0), POINTS_2, True),  # gap exactly 2
        ((29.5, 30.5), (32.6, 33.0), POINTS_2, False),
        ((70.0, None), (165.5, 166.5), EXACT, True),  # more than 70
        ((None, 10.0), (20.0, None), EXACT, False),  # under 10 vs over 20
        ((None, None), (1.0, 2.0), EXACT, True),
        ((100.0, 100.0), (104.0, 104.0), RELATIVE_5, True),  # 5% of 104 is 5.2
        ((100.0, 100.0), (106.0, 106.0), RELATIVE_5, False),  # 5% of 106 is 5.3
        ((106.0, 106.0), (100.0, 100.0), RELATIVE_5, False),  # either order
        ((-10.0, -10.0), (-10.4, -10.4), RELATIVE_5, True),  # magnitudes of falls
    ],
)
def test_within_tolerance(
    a: tuple[float | None, float | None],
    b: tuple[float | None, float | None],
    tolerance: Tolerance,
    expected: bool,
) -> None:
    assert within_tolerance(a, b, tolerance) is expected


@pytest.mark.parametrize(
    ("written", "unit", "absolute", "relative", "tolerance_unit"),
    [
        ("0", "percent", None, None, None),
        ("5%", "count", None, 0.05, None),
        ("2 percentage_point", "percent", 2.0, None, "percentage_point"),
        ("2 pp", "percent", 2.0, None, "percentage_point"),
        ("1 point", "percentage_point", 1.0, None, "percentage_point"),
        ("3", "count", 3.0, None, "count"),
        ("90 minute", "hour", 1.5, None, "hour"),
        ("1.5 hour", "day", 0.0625, None, "day"),
        (2, "USD", 2.0, None, "USD"),
    ],
)
def test_parse_tolerance(
    written: str | int,
    unit: str,
    absolute: float | None,
    relative: float | None,
    tolerance_unit: str | None,
) -> None:
    tolerance = parse_tolerance(written, unit)
    assert tolerance.absolute == pytest.approx(absolute) if absolute else tolerance.absolute is None
    assert tolerance.relative == relative
    assert tolerance.unit == tolerance_unit
    assert tolerance.text == str(written)


def test_figure_interval_converts_into_the_rules_unit(tmp_path: Path) -> None:
    rule = one_rule(tmp_path, HOUR_RULE)
    figure, _ = figure_in("The flight was held in Minsk for 90 minutes.", "90 minutes")
    low, high = figure_interval(rule, figure)
    assert (low, high) == pytest.approx((89.5 / 60, 90.5 / 60))


# -- broken rule files -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "line", "fragments"),
    [
        ("syntax.toml", 6, ["TOML syntax error", "Invalid value", "double quotes"]),
        ("unknown_field.toml", 7, ['unknown field "lable"', 'did you mean "label"?']),
        ("missing_field.toml", 8, ['claim "investment-share"', 'missing required field "unit"']),
        ("bad_regex.toml", 7, ["bad regular expression", "missing )"]),
        ("unknown_unit.toml", 6, ['unknown unit "precent"', 'did you mean "percent"?']),
        ("bad_tolerance.toml", 7, ['bad tolerance "two points"', "percentage_point"]),
        ("tolerance_unit.toml", 8, ['tolerance "2 hour"', 'unit "percent"']),
        ("bad_id.toml", 3, ['bad id "Trade Share"', 'id = "trade-share"']),
        ("bad_reference.toml", 9, ["bad reference", "value must be a number"]),
        ("bad_expires.toml", 11, ["bad date in expires", "2025-02-30"]),
        ("single_bracket.toml", 2, ["[claim] must be [[claim]]"]),
    ],
)
def test_broken_rule_file(name: str, line: int, fragments: list[str]) -> None:
    path = BROKEN / name
    rules, problems = load_rules(path)
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert problem.path == str(path)
    assert problem.line == line
    text = str(problem)
    assert text.startswith(f"{path}:{line}: ")
    assert "\n" not in text
    for fragment in fragments:
        assert fragment in text
    assert problem.hint
    assert len(rules) == (1 if name == "missing_field.toml" else 0)  # the sound claim stays


def test_duplicate_id_across_files_names_the_first_place() -> None:
    rules, problems = load_rules(BROKEN / "duplicate")
    assert [rule.id for rule in rules] == ["trade-share", "investment-share"]
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.path, problem.line) == (str(BROKEN / "duplicate" / "b.toml"), 9)
    assert 'duplicate id "trade-share"' in problem.message
    assert f"first defined at {BROKEN / 'duplicate' / 'a.toml'}:2" in problem.message


def test_a_folder_reports_every_problem_of_every_file() -> None:
    rules, problems = load_rules(BROKEN)
    files = sorted(BROKEN.glob("*.toml"))
    assert sorted({p.path for p in problems}) == [str(f) for f in files]
    assert len(problems) == len(files)
    assert [r.id for r in rules] == ["trade-share"]  # the sound claim of missing_field.toml


def test_every_problem_of_one_claim_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    path.write_text(
        '[[claim]]\nid = "Bad Id"\nlabel = "x"\nunit = "precent"\nmeasure = []\n'
        "pattern = ['(']\nchange = \"yes\"\ncolour = 1\n",
        encoding="utf-8",
    )
    rules, problems = load_rules(path)
    assert rules == []
    assert sorted(p.line or 0 for p in problems) == [2, 4, 5, 6, 7, 8]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"\xff\xfe not text", "not UTF-8"),
        (
            b'[aliases]\nBelarus = 3\n[[claim]]\nid = "a"\nlabel = "a"\nunit = "count"\n'
            b'measure = ["x"]\n',
            'alias "Belarus" must be a list',
        ),
        (b"[[claims]]\nid = 1\n", 'unknown top-level field "claims"'),
        (
            b'[[claim]]\nid = "a"\nlabel = "a"\nunit = "count"\nmeasure = ["x"]\n'
            b'[[claim.acknowledged]]\ndocuments = ["d1"]\n',
            "a reason is required",
        ),
    ],
)
def test_odd_files_become_problems_not_exceptions(
    tmp_path: Path, content: bytes, fragment: str
) -> None:
    path = tmp_path / "odd.toml"
    path.write_bytes(content)
    _, problems = load_rules(path)
    assert any(fragment in str(p) for p in problems), [str(p) for p in problems]


def test_a_missing_path_is_a_problem(tmp_path: Path) -> None:
    rules, problems = load_rules(tmp_path / "nowhere")
    assert rules == []
    assert problems == [RuleProblem(str(tmp_path / "nowhere"), None, "no such rule file or folder")]
    assert str(problems[0]) == f"{tmp_path / 'nowhere'}: no such rule file or folder"


def test_acknowledgements_and_aliases_are_read(tmp_path: Path) -> None:
    rule = one_rule(
        tmp_path,
        """
[aliases]
Russia = ["Russian", "Moscow"]

[[claim]]
id = "trade"
label = "Trade"
unit = "percent"
measure = "foreign trade"
subject = "Moscow"

[[claim.acknowledged]]
documents = ["a", "b"]
reason = "different years"
expires = 2030-01-31

[[claim.acknowledged]]
documents = "c"
reason = "a typo in c"
""",
    )
    assert rule.measure == ("foreign trade",)
    assert rule.subject_names == ("Moscow", "Russia", "Russian")
    first, second = rule.acknowledged
    assert (first.documents, first.expires, first.line) == (("a", "b"), "2030-01-31", 12)
    assert (second.documents, second.expires, second.line) == (("c",), None, 17)
    assert rule.tolerance == EXACT
