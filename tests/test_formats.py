"""Every `factcheck check` format, fed to the program that consumes it.

tests/corpus/formats holds three short articles written for these tests
about a made-up valley, Larkspur, and one file that is not UTF-8 text.
With the rules in tests/corpus/formats/rules they give:

- `larkspur-bridge-cost`: conflicting ($250 million against $310 million twice);
- `larkspur-wheat-harvest`: the three sources agree with each other but
  not with the reference value (contradicts-reference);
- `larkspur-jobless-rate`: 5.8% and 6.2% agree only thanks to the tolerance;
- an automatic group that agrees (40 minutes to the coast) and a
  single-source figure (ferry traffic fell by 12%);
- `garbled.txt`: skipped, not UTF-8 at line 3.
"""

from __future__ import annotations

import dataclasses
import io
import json
import pathlib
import re
import sys
from datetime import date

import jsonschema
import pandas as pd
import pytest
from junitparser import Failure, JUnitXml, Skipped

from factcheck.compare.policy import CheckResult
from factcheck.corpus import InputProblem, read_corpus
from factcheck.model import Origin
from factcheck.pipeline import check_corpus
from factcheck.report import terminal_width
from factcheck.report.check import CHECK_FORMATS, check_table, render
from factcheck.report.ci import check_github, check_markdown, check_sarif, findings
from factcheck.report.figures import figures_table
from factcheck.rules.load import load_rules

ROOT = pathlib.Path(__file__).parent.parent
ARTICLES = "tests/corpus/formats/articles"
RULES = "tests/corpus/formats/rules"
RULE_FILE = "tests/corpus/formats/rules/larkspur.toml"
SCHEMA = pathlib.Path(__file__).parent / "sarif-schema-2.1.0.json"
TODAY = date(2024, 10, 1)

#: GitHub's documented workflow-command syntax, as the brief states it.
GITHUB_COMMAND = re.compile(
    r"^::(error|warning|notice)( file=[^,]+,line=\d+(,col=\d+)?,title=[^:]+)?::.+$"
)

#: The figures the CI formats must flag: (file, line, text).
FLAGGED = {
    ("harbour-herald.txt", 7, "$250 million"),
    ("plains-post.md", 9, "$310 million"),
    ("valley-courier.txt", 11, "$310 million"),
    ("harbour-herald.txt", 9, "2.5 million tonnes"),
    ("plains-post.md", 7, "2.45 million tonnes"),
    ("valley-courier.txt", 7, "2.4 million tonnes"),
}


@dataclasses.dataclass
class Checked:
    result: CheckResult
    origins: dict[str, Origin]
    skipped: list[InputProblem]

    def render(self, fmt: str) -> str:
        return render(fmt, self.result, origins=self.origins, skipped=self.skipped)


def _check(articles: str = ARTICLES, rules: str = RULES) -> Checked:
    """What the command line does: read (relative paths, from the project root), check."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        loaded, problems = load_rules(rules)
        assert not problems
        origins: dict[str, Origin] = {}
        skipped: list[InputProblem] = []

        def documents():
            for item in read_corpus([articles]):
                if isinstance(item, InputProblem):
                    skipped.append(item)
                else:
                    origins[item.id] = Origin(item.path, item.row)
                    yield item

        result = check_corpus(documents(), loaded, today=TODAY)
    return Checked(result, origins, skipped)


@pytest.fixture(scope="module")
def checked() -> Checked:
    return _check()


def test_the_corpus_has_what_the_formats_need(checked):
    statuses = {v.group.claim: (v.verdict, v.thanks_to_tolerance) for v in checked.result.verdicts}
    assert statuses["larkspur-bridge-cost"] == ("conflicting", False)
    assert statuses["larkspur-wheat-harvest"] == ("consistent", False)
    assert statuses["larkspur-jobless-rate"] == ("consistent", True)
    assert ("single-source", False) in statuses.values()
    assert [(p.path, p.line) for p in checked.skipped] == [(f"{ARTICLES}/garbled.txt", 3)]
    flagged = {
        (pathlib.Path(checked.origins[f.figure.doc].path).name, f.figure.line, f.figure.text)
        for f in findings(checked.result)
    }
    assert flagged == FLAGGED


# --------------------------------------------------------------------------
# SARIF


@pytest.fixture(scope="module")
def sarif(checked) -> dict:
    return json.loads(checked.render("sarif"))


def _validate_sarif(log: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_validates_against_the_oasis_schema(sarif):
    _validate_sarif(sarif)
    assert sarif["version"] == "2.1.0"
    assert sarif["$schema"].endswith("sarif-schema-2.1.0.json")
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"]


def test_sarif_has_one_error_per_flagged_figure_at_its_place_in_the_file(sarif):
    results = sarif["runs"][0]["results"]
    assert len(results) == len(FLAGGED)
    seen = set()
    for result in results:
        assert result["level"] == "error"
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert uri.startswith(f"{ARTICLES}/") and "\\" not in uri
        region = location["region"]
        assert region["startLine"] == region["endLine"]
        line = (ROOT / uri).read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
        text = line[region["startColumn"] - 1 : region["endColumn"] - 1]
        assert text == region["snippet"]["text"]
        seen.add((pathlib.Path(uri).name, region["startLine"], text))
    assert seen == FLAGGED


def test_sarif_rules_are_the_claims_with_results(sarif):
    run = sarif["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == ["larkspur-bridge-cost", "larkspur-wheat-harvest"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    by_rule = {r["ruleId"] for r in run["results"]}
    assert by_rule == set(rules)  # consistent and single-source groups are not reported


def test_sarif_conflict_evidence_names_the_other_figure_and_the_bounds(sarif):
    (result,) = [
        r
        for r in sarif["runs"][0]["results"]
        if r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "$250 million"
    ]
    message = result["message"]["text"]
    assert "$310 million" in message and "59,000,000 USD apart" in message
    assert "[249.5M, 250.5M]" in message and "tolerance 0" in message
    related = {
        loc["physicalLocation"]["artifactLocation"]["uri"] for loc in result["relatedLocations"]
    }
    assert related == {f"{ARTICLES}/plains-post.md", f"{ARTICLES}/valley-courier.txt"}


def test_sarif_fingerprints_are_unique_and_stable_across_runs(sarif):
    def prints(log: dict) -> list[str]:
        return [r["partialFingerprints"]["factcheck/v1"] for r in log["runs"][0]["results"]]

    first = prints(sarif)
    assert len(set(first)) == len(first)
    assert all(re.fullmatch(r"[0-9a-f]{64}", p) for p in first)
    assert prints(json.loads(_check().render("sarif"))) == first


def test_sarif_reports_unreadable_documents_as_notifications(sarif):
    (note,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    location = note["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == f"{ARTICLES}/garbled.txt"
    assert location["region"]["startLine"] == 3


# --------------------------------------------------------------------------
# JUnit


@pytest.fixture(scope="module")
def junit(checked) -> JUnitXml:
    return JUnitXml.fromstring(checked.render("junit").encode("utf-8"))


def test_junit_has_a_suite_per_rule_file_and_one_for_automatic_groups(junit):
    assert [suite.name for suite in junit] == [RULE_FILE, "automatic", "documents"]
    cases = {suite.name: [case.name for case in suite] for suite in junit}
    assert cases[RULE_FILE] == [
        "larkspur-bridge-cost",
        "larkspur-wheat-harvest",
        "larkspur-jobless-rate",
    ]
    assert cases["documents"] == [f"{ARTICLES}/garbled.txt"]
    for suite in junit:
        assert all(case.classname == suite.name for case in suite)


def test_junit_failures_carry_the_evidence(junit):
    outcomes = {
        case.name: [(type(r).__name__, r.type) for r in case.result]
        for suite in junit
        for case in suite
    }
    assert outcomes["larkspur-bridge-cost"] == [("Failure", "conflicting")]
    assert outcomes["larkspur-wheat-harvest"] == [("Failure", "contradicts-reference")]
    assert outcomes["larkspur-jobless-rate"] == []
    (ferry,) = [name for name in outcomes if name.startswith("auto-change-in-ferry-traffic")]
    assert outcomes[ferry] == [("Skipped", "single-source")]
    (bridge,) = [case for suite in junit for case in suite if case.name == "larkspur-bridge-cost"]
    (failure,) = bridge.result
    assert isinstance(failure, Failure)
    assert "$250 million" in failure.message and "$310 million" in failure.text
    assert f"{ARTICLES}/harbour-herald.txt:7" in failure.text


def test_junit_counts_add_up(junit):
    rules = next(iter(junit))
    assert (rules.tests, rules.failures, rules.skipped, rules.errors) == (3, 2, 0, 0)
    cases = [case for suite in junit for case in suite]
    assert sum(suite.tests for suite in junit) == len(cases)
    assert sum(suite.skipped for suite in junit) == sum(
        isinstance(r, Skipped) for case in cases for r in case.result
    )


def test_junit_passing_cases_show_the_bounds_used(checked):
    text = checked.render("junit")
    assert "agrees only within the tolerance" in text
    assert '"5.8%" asserts [5.75, 5.85]' in text and "tolerance 0.5 percentage_point" in text


# --------------------------------------------------------------------------
# GitHub workflow commands


def test_github_commands_follow_the_documented_syntax(checked):
    lines = checked.render("github").splitlines()
    assert lines and all(GITHUB_COMMAND.match(line) for line in lines), lines
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == len(FLAGGED)
    assert (
        lines[-1].startswith("::notice::")
        and sum(line.startswith("::notice") for line in lines) == 1
    )
    assert f"::error file={ARTICLES}/harbour-herald.txt,line=7,col=26," in errors[0]
    assert any(line.startswith(f"::warning file={ARTICLES}/garbled.txt,line=3,") for line in lines)


def test_github_commands_escape_data_and_properties(checked):
    verdict = checked.result.verdicts[0]
    awkward = dataclasses.replace(
        verdict, group=dataclasses.replace(verdict.group, label="Cost: 50%, or\nmore")
    )
    result = dataclasses.replace(checked.result, verdicts=(awkward,))
    origins = {**checked.origins, "harbour-herald": Origin("news,2024/herald:a.txt")}
    lines = check_github(result, origins=origins).splitlines()
    assert all(GITHUB_COMMAND.match(line) for line in lines), lines
    first = lines[0]
    assert first.startswith("::error file=news%2C2024/herald%3Aa.txt,line=7,col=26,")
    assert "title=conflicting%3A Cost%3A 50%25%2C or%0Amore::" in first
    assert "::Cost: 50%25, or%0Amore: " in first  # data keeps : and , as they are


# --------------------------------------------------------------------------
# CSV and JSON


def test_csv_has_one_row_per_figure(checked):
    frame = pd.read_csv(io.StringIO(checked.render("csv")), keep_default_na=False)
    assert len(frame) == checked.result.figures == 11
    for column in (
        "claim",
        "label",
        "verdict",
        "status",
        "claim_unit",
        "tolerance",
        "finding",
        "path",
    ):
        assert column in frame.columns
    for column in ("doc", "start", "end", "line", "column", "text", "value", "unit", "interval"):
        assert column in frame.columns
    assert list(dict.fromkeys(frame["claim"])) == [v.group.claim for v in checked.result.verdicts]
    flagged = frame[frame["finding"] != ""]
    assert {
        (pathlib.Path(p).name, n, t)
        for p, n, t in zip(flagged["path"], flagged["line"], flagged["text"], strict=True)
    } == FLAGGED
    assert json.loads(frame["interval"][0]) == [249500000, 250500000]


def test_json_keeps_its_keys_and_adds_coverage_and_skipped_documents(checked):
    report = json.loads(checked.render("json"))
    assert list(report) == ["groups", "summary"]
    group_keys = {
        "claim",
        "label",
        "verdict",
        "status",
        "unit",
        "tolerance",
        "rule_file",
        "figures",
    }
    group_keys |= {"agrees_thanks_to_tolerance", "disagreements", "series"}
    assert all(group_keys <= set(group) for group in report["groups"])
    assert [g["claim"] for g in report["groups"]] == [
        v.group.claim for v in checked.result.verdicts
    ]
    summary = report["summary"]
    assert summary["documents"] == 3 and summary["figures"] == 11 and summary["groups"] == 5
    assert summary["verdicts"] == {"conflicting": 1, "consistent": 3, "single-source": 1}
    assert summary["coverage"] == {
        "figures": 11,
        "claimed_by_rules": 8,
        "grouped_automatically": 2,
        "left_alone": 1,
    }
    (problem,) = summary["documents_skipped"]
    assert problem["path"] == f"{ARTICLES}/garbled.txt" and problem["line"] == 3
    assert problem["message"].startswith("not UTF-8 text")
    assert report["groups"][0]["figures"][0]["path"] == f"{ARTICLES}/harbour-herald.txt"


# --------------------------------------------------------------------------
# The human formats


def test_markdown_puts_the_conflict_first_with_relative_links(checked):
    text = checked.render("markdown")
    assert text.startswith("## factcheck: 1 conflicting, 1 contradicts-reference, 2 consistent")
    conflict = text.index("#### conflicting: Cost of the Larkspur bridge")
    assert conflict < text.index("#### contradicts-reference") < text.index("### Passing")
    assert f"](<{ARTICLES}" not in text and f"]({ARTICLES}/harbour-herald.txt#L7)" in text
    assert "59,000,000 USD apart" in text and r"\[249.5M, 250.5M\]" in text
    assert r"**\$250 million**" in text  # the figure quoted in its sentence, $ kept from math
    passing = text[text.index("### Passing") :]
    assert (
        "Unemployment rate in Larkspur" in passing
        and "≈ agrees only within the tolerance" in passing
    )
    assert "garbled.txt" in text[text.index("### Documents skipped") :]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_human_formats_show_bounds_passing_groups_and_end_with_coverage(checked, fmt):
    text = checked.render(fmt)
    lines = text.rstrip("\n").splitlines()
    assert (
        "11 figures found, 8 claimed by rules, 2 grouped automatically, 1 left alone" in lines[-1]
    )
    assert "[5.75, 5.85]" in text.replace("\\", "") and "0.5 percentage_point" in text.replace(
        "\\", ""
    )
    assert "40 minutes" in text and "change in Ferry traffic" in text  # passing groups too


def test_table_fits_100_columns_and_shows_intervals(checked):
    text = check_table(checked.result, 100, skipped=checked.skipped)
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "[249.5M, 250.5M]" in text and "1 document skipped" in text


@pytest.mark.parametrize("width", [60, 72, 80, 100, 132])
def test_both_tables_fit_the_terminal_with_every_column_named(checked, width):
    report = check_table(checked.result, width, skipped=checked.skipped).splitlines()
    assert max(len(line) for line in report) <= width
    headers = [line.split() for line in report if line.startswith("where ")]
    assert headers and all(h[:5] == ["where", "as", "written", "value", "asserts"] for h in headers)
    figures = [f for v in checked.result.verdicts for f in v.group.figures]
    table = figures_table(figures, width).splitlines()
    assert max(len(line) for line in table) <= max(width, 64)  # 64: the headers' own room
    assert table[0].split() == ["where", "as", "written", "value", "qualifier", "level/change"]
    assert len(table) == len(figures) + 2  # headers, rule, one line per figure


@pytest.mark.parametrize(
    ("tty", "columns", "width"), [(True, "80", 80), (True, "20", 60), (False, "80", 100)]
)
def test_the_width_is_the_terminal_s_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, tty: bool, columns: str, width: int
) -> None:
    class Stdout(io.StringIO):
        def isatty(self) -> bool:
            return tty

    monkeypatch.setattr(sys, "stdout", Stdout())
    monkeypatch.setenv("COLUMNS", columns)
    assert terminal_width() == width


# --------------------------------------------------------------------------
# Every format


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_same_corpus_twice_gives_the_same_bytes(checked, fmt):
    first = checked.render(fmt)
    assert checked.render(fmt) == first
    assert _check().render(fmt) == first


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_no_absolute_paths_leak_into_reports(checked, fmt):
    assert str(ROOT) not in checked.render(fmt)


def test_render_refuses_an_unknown_format(checked):
    with pytest.raises(ValueError, match="unknown format"):
        render("yaml", checked.result)


def test_without_paths_documents_are_named_by_id(checked):
    log = json.loads(check_sarif(checked.result))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"harbour-herald", "plains-post", "valley-courier"}


# --------------------------------------------------------------------------
# Acknowledged conflicts, unused acknowledgements, JSONL rows


ACKNOWLEDGED = """
[[claim.acknowledged]]
documents = ["harbour-herald", "plains-post", "valley-courier"]
reason = "the ministry's figure leaves out the approach roads"

[[claim.acknowledged]]
documents = ["nowhere"]
reason = "an old dispute"
"""


@pytest.fixture(scope="module")
def acknowledged(tmp_path_factory) -> Checked:
    rules = tmp_path_factory.mktemp("rules") / "larkspur.toml"
    rules.write_text(
        (ROOT / RULE_FILE).read_text(encoding="utf-8") + ACKNOWLEDGED, encoding="utf-8"
    )
    return _check(rules=str(rules))


def test_acknowledged_conflicts_are_suppressed_not_failed(acknowledged):
    (bridge,) = [v for v in acknowledged.result.verdicts if v.group.claim == "larkspur-bridge-cost"]
    assert bridge.verdict == "acknowledged"
    log = json.loads(acknowledged.render("sarif"))
    _validate_sarif(log)
    results = log["runs"][0]["results"]
    suppressed = [r for r in results if r.get("suppressions")]
    assert len(suppressed) == 3 and all(r["ruleId"] == "larkspur-bridge-cost" for r in suppressed)
    assert suppressed[0]["suppressions"][0]["justification"].startswith("the ministry's figure")
    junit = JUnitXml.fromstring(acknowledged.render("junit").encode("utf-8"))
    (case,) = [c for s in junit for c in s if c.name == "larkspur-bridge-cost"]
    assert [(type(r).__name__, r.type) for r in case.result] == [("Skipped", "acknowledged")]
    errors = [
        line for line in acknowledged.render("github").splitlines() if line.startswith("::error")
    ]
    assert len(errors) == 3 and all("Wheat harvest in Larkspur" in line for line in errors)


def test_unused_acknowledgements_are_reported_as_warnings(acknowledged):
    (unused,) = acknowledged.result.unused_acknowledgements
    results = json.loads(acknowledged.render("sarif"))["runs"][0]["results"]
    (warning,) = [r for r in results if r["ruleId"] == "unused-acknowledgement"]
    assert warning["level"] == "warning"
    assert (
        warning["locations"][0]["physicalLocation"]["region"]["startLine"]
        == unused.acknowledgement.line
    )
    lines = acknowledged.render("github").splitlines()
    assert all(GITHUB_COMMAND.match(line) for line in lines)
    assert any(line.startswith("::warning ") and "unused acknowledgement" in line for line in lines)
    assert "### Unused acknowledgements" in acknowledged.render("markdown")
    assert json.loads(acknowledged.render("json"))["summary"]["unused_acknowledgements"][0][
        "line"
    ] == (unused.acknowledgement.line)


@pytest.mark.parametrize(
    ("name", "content", "rows"),
    [
        (
            "news.jsonl",
            '{"id": "a", "text": "Officials say the Larkspur bridge cost $310 million."}\n'
            "\n"
            '{"id": "b", "text": "The Larkspur bridge cost $250 million, the ministry said."}\n',
            {"a": 1, "b": 3},
        ),
        (
            "news.csv",
            "id,text\n"
            'a,"Officials say the Larkspur bridge\ncost $310 million."\n'
            'b,"The Larkspur bridge cost $250 million, the ministry said."\n',
            {"a": 2, "b": 4},
        ),
    ],
)
def test_rows_of_a_corpus_file_point_at_the_line_their_record_starts_on(
    tmp_path, name, content, rows
):
    corpus = tmp_path / name
    corpus.write_text(content, encoding="utf-8")
    origins: dict[str, Origin] = {}
    documents = []
    for item in read_corpus([str(corpus)]):
        assert not isinstance(item, InputProblem)
        origins[item.id] = Origin(name, item.row)
        documents.append(item)
    result = check_corpus(documents, load_rules(ROOT / RULES)[0])
    log = json.loads(check_sarif(result, origins=origins))
    _validate_sarif(log)
    locations = [r["locations"][0] for r in log["runs"][0]["results"]]
    assert locations
    for location in locations:
        doc = location["logicalLocations"][0]["name"]
        assert location["physicalLocation"]["region"]["startLine"] == rows[doc]
    lines = check_github(result, origins=origins).splitlines()
    assert all(GITHUB_COMMAND.match(line) for line in lines), lines
    errors = sorted(line for line in lines if line.startswith("::error"))
    assert [e.split(",title=")[0] for e in errors] == [
        f"::error file={name},line={rows['a']}",
        f"::error file={name},line={rows['b']}",
    ]
    markdown = check_markdown(result, origins=origins)
    assert f"[{name}:{rows['b']}]({name}#L{rows['b']}) (b, line 1)" in markdown
