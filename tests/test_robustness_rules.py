"""Rule files that used to hang `factcheck`, exhaust its memory or end in a traceback.

One case per reproducer of the issue: each bad file must come back as one
problem line naming its file and line (and `rules validate` exit with 2),
each odd but sound file must load. Nothing here is timed: a bound that
holds shows as behaviour (a problem instead of a compile, one warning
instead of one per figure).
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import regex

from factcheck import Document, extract_figures
from factcheck.pipeline import check_corpus
from factcheck.rules import claim_figures, load_rules
from factcheck.rules import load as rules_load
from factcheck.rules.load import MAX_NESTING, is_known_unit, parse_tolerance
from factcheck.rules.match import PatternTimeoutWarning

SHIPPED = Path(__file__).resolve().parent.parent / "rules"

#: A sound claim up to its unit; the field under test is added below it (line 5 or 6).
HEAD = '[[claim]]\nid = "trade-share"\nlabel = "Trade share"\nmeasure = ["trade"]\n'
SLOW_PATTERN = "^(a|aa)+$"  # backtracks exponentially on "aaa...ab"
LONG_NAME = "a" * 30_000


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def only_problem(path: Path, line: int) -> str:
    """The one problem of the rule file at `path`, as printed; it must sit at `line`."""
    rules, problems = load_rules(path)
    assert rules == []
    assert len(problems) == 1, [str(p) for p in problems]
    text = str(problems[0])
    assert text.startswith(f"{path}:{line}: "), text
    assert "\n" not in text
    assert len(text) < 400, text  # a line to read, not the runaway value
    return text


def run_factcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


# 1. pattern compilation is bounded -------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "fragment"),
    [
        ("((a{1000}){1000}){1000}", "too large: its counted repeats stand for more than 10,000"),
        ("(?x) (a{1000}) {1000}", "too large"),  # verbose: the spaces are no items
        ("(?#\\))(a{1000}){1000}", "too large"),  # a comment hides no parenthesis
        ("foreign trade|" * 100, "longer than 1,000 characters"),
        ("(" * 150 + ")" * 150, "nests groups more than 100 deep"),
    ],
)
def test_a_pattern_too_big_to_compile_is_one_problem_line(
    tmp_path: Path, pattern: str, fragment: str
) -> None:
    path = write(tmp_path, "big.toml", f"{HEAD}unit = \"percent\"\npattern = ['{pattern}']\n")
    assert fragment in only_problem(path, 6)


def test_a_pattern_within_the_bounds_compiles(tmp_path: Path) -> None:
    patterns = ["(a{100}){100}", "\\p{L}{3}", "[]{9}]+"]  # 10,000 items; braces in no repeat
    listed = ", ".join(f"'{pattern}'" for pattern in patterns)
    path = write(tmp_path, "fine.toml", f'{HEAD}unit = "percent"\npattern = [{listed}]\n')
    rules, problems = load_rules(path)
    assert problems == []
    assert [p.pattern for p in rules[0].patterns] == patterns


# 2. a pattern that timed out is disabled, with one warning ---------------------


class CountingPattern:
    """A compiled pattern that counts how often matching starts on it."""

    def __init__(self, compiled: regex.Pattern[str]) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.runs = 0

    def finditer(self, *args: Any, **kwargs: Any) -> Iterator[regex.Match[str]]:
        self.runs += 1
        return self.compiled.finditer(*args, **kwargs)


def test_a_pattern_that_timed_out_is_disabled_with_one_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "slow.toml", f"{HEAD}unit = \"percent\"\npattern = ['{SLOW_PATTERN}']\n")
    (rule,), problems = load_rules(path)
    assert problems == []
    slow = CountingPattern(rule.patterns[0])
    rule = dataclasses.replace(rule, patterns=(slow,))
    figures = [
        figure
        for n in range(40)
        for figure in extract_figures("a" * (60 + n) + "b has 30 percent.")
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # a second warning would show, were one given
        assert claim_figures([rule], figures) == {}
    assert slow.runs == 1  # timed out on the first figure, never run again
    timeouts = [w for w in caught if issubclass(w.category, PatternTimeoutWarning)]
    assert len(timeouts) == 1
    assert (timeouts[0].filename, timeouts[0].lineno) == (str(path), 6)
    assert SLOW_PATTERN in str(timeouts[0].message)


def test_check_prints_the_timeout_warning_once(tmp_path: Path) -> None:
    rule_file = write(
        tmp_path, "slow.toml", f"{HEAD}unit = \"percent\"\npattern = ['{SLOW_PATTERN}']\n"
    )
    for n in range(5):
        write(tmp_path, f"doc{n}.txt", "a" * (60 + n) + "b has 30 percent. " * 3)
    done = run_factcheck("check", "--rules", str(rule_file), "--format", "json", ".", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    warned = [line for line in done.stderr.splitlines() if "took longer than" in line]
    assert len(warned) == 1, done.stderr
    assert warned[0].startswith(f"factcheck: {rule_file}:6: warning: ")
    assert len(done.stderr.splitlines()) == 1, done.stderr  # one line, no quoted source


# 3. units check cannot use -----------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "line", "fragment"),
    [
        ('unit = "dimensionless"\n', 5, 'unit "dimensionless" has no kind'),
        ('unit = "count"\ntolerance = "5 dimensionless"\n', 6, "not compatible"),
        ('unit = "dBW"\ntolerance = "5 VA"\n', 6, "not compatible"),  # a log unit: no difference
    ],
)
def test_a_unit_check_cannot_compare_by_is_one_problem_line(
    tmp_path: Path, fields: str, line: int, fragment: str
) -> None:
    path = write(tmp_path, "unit.toml", HEAD + fields)
    assert fragment in only_problem(path, line)


# 4. tolerances in offset units are differences ---------------------------------


@pytest.mark.parametrize(
    ("written", "unit", "absolute"),
    [
        ("5 degF", "degC", 25 / 9),
        ("5 delta_degF", "degC", 25 / 9),
        ("5 degC", "degF", 9.0),
        ("5 kelvin", "degC", 5.0),
        ("9 degF", "kelvin", 5.0),
        ("5", "degC", 5.0),
    ],
)
def test_a_tolerance_in_an_offset_unit_is_a_difference(
    written: str, unit: str, absolute: float
) -> None:
    assert parse_tolerance(written, unit).absolute == pytest.approx(absolute)


def test_close_temperatures_agree_within_a_fahrenheit_tolerance(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "temperature.toml",
        '[[claim]]\nid = "minsk-temperature"\nlabel = "Temperature in Minsk"\n'
        'unit = "degC"\nmeasure = ["temperature"]\ntolerance = "5 degF"\n',
    )
    rules, problems = load_rules(path)
    assert problems == []
    documents = [
        Document(id=name, path=f"{name}.txt", text=text, date="2024-03-11")
        for name, text in [
            ("a", "Minsk recorded a temperature of 20 degrees Celsius on Monday."),
            ("b", "Minsk recorded a temperature of 21 degrees Celsius on Monday."),
        ]
    ]
    verdicts = check_corpus(documents, rules).verdicts
    assert [(v.group.claim, v.verdict) for v in verdicts] == [("minsk-temperature", "consistent")]


# 5. nesting too deep for tomllib -----------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "[" * 20_000 + "]" * 20_000,
        "{a = " * 20_000 + "1" + "}" * 20_000,
        "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1),
    ],
)
def test_nesting_too_deep_is_one_problem_line(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, "deep.toml", f"# comment\n# [[[[[[[[[[\nvalue = {value}\n")
    assert f"nested more than {MAX_NESTING} deep" in only_problem(path, 3)


def test_dotted_keys_too_deep_are_one_problem_line(tmp_path: Path) -> None:
    path = write(tmp_path, "dotted.toml", "a = 1\n" + ".".join(["k"] * 20_000) + " = 1\n")
    assert "dotted keys nested" in only_problem(path, 2)


def test_a_recursion_error_tomllib_still_hits_is_one_problem_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules_load, "_nesting", lambda text: (0, 1))  # the scan sees nothing
    path = write(tmp_path, "deep.toml", "value = " + "[" * 20_000 + "]" * 20_000 + "\n")
    assert "nested more than" in only_problem(path, 1)


# 6. over-long unit names are refused at once --------------------------------------


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        (f'unit = "{LONG_NAME}"\n', 5),
        (f'unit = "count"\ntolerance = "5 {LONG_NAME}"\n', 6),
    ],
)
def test_an_over_long_unit_name_is_one_short_problem_line(
    tmp_path: Path, fields: str, line: int
) -> None:
    path = write(tmp_path, "long.toml", HEAD + fields)
    text = only_problem(path, line)
    assert "(30,000 characters)" in text or "(30,002 characters)" in text
    assert "at most 64 characters" in text
    assert not is_known_unit(LONG_NAME)


# 7. a byte order mark is no syntax error ------------------------------------------


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    text = (SHIPPED / "belarus_russia.toml").read_bytes()
    path = write(tmp_path, "bom.toml", b"\xef\xbb\xbf" + text)
    rules, problems = load_rules(path)
    expected, _ = load_rules(SHIPPED / "belarus_russia.toml")
    assert problems == []
    assert [(r.id, r.line) for r in rules] == [(r.id, r.line) for r in expected]


# all of them, as `factcheck rules validate` reports them ----------------------------


def test_validate_reports_each_bad_file_on_one_line_and_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    bad = {
        write(
            folder,
            "1-pattern.toml",
            f"{HEAD}unit = \"percent\"\npattern = ['((a{{1000}}){{1000}}){{1000}}']\n",
        ): 6,
        write(folder, "3-unit.toml", f'{HEAD}unit = "dimensionless"\n'): 5,
        write(folder, "5-deep.toml", "value = " + "[" * 20_000 + "]" * 20_000 + "\n"): 1,
        write(folder, "6-long.toml", f'{HEAD}unit = "{LONG_NAME}"\n'): 5,
    }
    write(folder, "7-bom.toml", b"\xef\xbb\xbf" + (SHIPPED / "belarus_russia.toml").read_bytes())
    done = run_factcheck("rules", "validate", "rules", cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines[-1] == f"factcheck: {len(bad)} problem(s) in the rules; nothing was checked"
    reported = sorted(line.removeprefix("factcheck: ").split(": ", 1)[0] for line in lines[:-1])
    assert reported == sorted(f"rules/{path.name}:{line}" for path, line in bad.items())


# Rule references that are no finite number (issue 4: NaN in reports) ----------


@pytest.mark.parametrize(
    "number",
    [
        pytest.param("nan", id="nan"),
        pytest.param("inf", id="inf"),
        pytest.param("1e309", id="1e309"),
    ],
)
def test_a_reference_must_be_a_finite_number(tmp_path: Path, number: str) -> None:
    text = f'{HEAD}unit = "percent"\n[claim.reference]\nvalue = {number}\n'
    path = write(tmp_path, "reference.toml", text)
    assert "must be a finite number" in only_problem(path, 7)
