"""End to end: the consistency check on a corpus written for the tests.

tests/corpus/check holds three short articles (our own wording) that agree
on Russia's share of Belarus's foreign trade ("nearly 50 percent", "about
half", "49%"), disagree on its share of foreign investment in 2020 (30 vs
45 percent), give the number of Russian companies for two different years
(two claims), and give China's share of investment (another subject).
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from factcheck.attribute.measure import measure_key
from factcheck.corpus import read_corpus
from factcheck.extract import extract_figures
from factcheck.pipeline import check_corpus

CORPUS = pathlib.Path(__file__).parent / "corpus" / "check"


def _run(*args: str, cwd: pathlib.Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=cwd
    )


@pytest.fixture(scope="module")
def groups() -> list[dict[str, object]]:
    proc = _run("check", "--no-rules", "--format", "json", str(CORPUS))
    assert proc.returncode == 1, proc.stderr  # the investment figures conflict
    return json.loads(proc.stdout)["groups"]


def _group_of(groups: list[dict[str, object]], doc: str, text: str) -> dict[str, object]:
    """The group that holds the figure `text` of document `doc`."""
    for group in groups:
        if any(f["doc"] == doc and f["text"] == text for f in group["figures"]):
            return group
    raise AssertionError(f"no group holds {text!r} of {doc}")


@pytest.mark.parametrize(
    ("doc", "text", "verdict", "texts"),
    [
        ("minsk-daily", "30 percent", "conflicting", {"30 percent", "45 percent"}),
        ("minsk-daily", "50 percent", "consistent", {"50 percent", "half", "49%"}),
        # two stated years are two claims, never one group
        ("minsk-daily", "2,400 Russian companies", "single-source", {"2,400 Russian companies"}),
        ("eastern-wire", "2,100 Russian companies", "single-source", {"2,100 Russian companies"}),
        ("minsk-daily", "166 individuals", "consistent", {"166 individuals"}),
        ("minsk-daily", "15 entities", "consistent", {"15 entities"}),
        ("minsk-daily", "10 percent", "single-source", {"10 percent"}),
    ],
)
def test_groups_and_verdicts_without_rules(groups, doc, text, verdict, texts):
    group = _group_of(groups, doc, text)
    assert group["verdict"] == verdict, group["label"]
    assert {f["text"] for f in group["figures"]} == texts


def test_groups_are_named_by_measure_subject_and_period(groups):
    assert _group_of(groups, "minsk-daily", "30 percent")["label"].startswith(
        "Russia: foreign investment"
    )


def test_conflict_names_the_disagreeing_figures(groups):
    (clash,) = _group_of(groups, "minsk-daily", "30 percent")["disagreements"]
    assert {clash["first"]["text"], clash["second"]["text"]} == {"30 percent", "45 percent"}
    assert clash["gap"] == pytest.approx(14.0)  # 30.5 .. 44.5


def test_groups_come_conflicts_first(groups):
    assert groups[0]["verdict"] == "conflicting"


def test_json_summary_counts_what_was_read():
    proc = _run("check", "--no-rules", "--format", "json", str(CORPUS))
    summary = json.loads(proc.stdout)["summary"]
    assert summary["documents"] == 3
    assert summary["verdicts"]["conflicting"] == 1


def test_table_report_reads_in_100_columns():
    proc = _run("check", "--no-rules", "--format", "table", str(CORPUS))
    assert proc.returncode == 1
    assert "CONFLICTING" in proc.stdout and "30 percent" in proc.stdout
    assert max(len(line) for line in proc.stdout.splitlines()) <= 100


def test_exit_code_zero_without_conflict(tmp_path):
    (tmp_path / "a.txt").write_text("Russia accounts for 49% of Belarusian foreign trade.\n")
    (tmp_path / "b.txt").write_text("Russia accounts for about half of Belarus's foreign trade.\n")
    proc = _run("check", "--no-rules", "--format", "json", str(tmp_path))
    assert proc.returncode == 0, proc.stdout
    (group,) = [g for g in json.loads(proc.stdout)["groups"] if len(g["figures"]) == 2]
    assert group["verdict"] == "consistent"


def test_output_file_is_written_whole(tmp_path):
    out = tmp_path / "report.json"
    proc = _run("check", "--no-rules", "--format", "json", "--output", str(out), str(CORPUS))
    assert proc.stdout == ""
    assert json.loads(out.read_text())["summary"]["documents"] == 3
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Russia accounts for 50% of the foreign trade of Belarus.",
            "Russia accounts for 49% of Belarus's foreign trade.",
        ),
        (
            "Russia accounts for 50% of the foreign trade of Belarus.",
            "Russia accounts for 49% of Belarusian foreign trade.",
        ),
        ("Exports of potash rose 5% in May.", "Potash exports rose 7% in May."),
        ("The EU listed 166 individuals.", "Brussels named 166 individuals."),
    ],
)
def test_measures_meet_across_wordings(first, second):
    (a,) = _attributed(first)
    (b,) = _attributed(second)
    assert measure_key(a) == measure_key(b) != ""


def _attributed(text: str):
    from factcheck.attribute import attribute_document
    from factcheck.model import Document

    document = Document(id="t", path="", text=text)
    return attribute_document(document, extract_figures(text, "t"))


def test_library_api_matches_the_command_line():
    result = check_corpus(d for d in read_corpus([str(CORPUS)]))
    assert result.documents == 3
    assert result.verdicts[0].verdict == "conflicting"


RULES = pathlib.Path(__file__).parent / "corpus" / "check_rules"


@pytest.fixture(scope="module")
def ruled() -> dict[str, dict[str, object]]:
    proc = _run("check", "--rules", str(RULES), "--format", "json", str(CORPUS))
    assert proc.returncode == 1, proc.stderr
    return {g["claim"]: g for g in json.loads(proc.stdout)["groups"]}


def test_rules_claim_their_figures_first(ruled):
    trade = ruled["ru-trade-share"]
    assert trade["verdict"] == "consistent"
    assert {f["text"] for f in trade["figures"]} == {"50 percent", "half", "49%"}
    assert trade["rule_file"].endswith("trade.toml")
    assert all(
        g["rule_file"] for g in ruled.values() if "half" in {f["text"] for f in g["figures"]}
    )


def test_reference_values_judge_each_figure(ruled):
    trade = {f["text"]: f["reference"] for f in ruled["ru-trade-share"]["figures"]}
    assert trade == {
        "50 percent": "matches-reference",
        "half": "matches-reference",
        "49%": "matches-reference",
    }
    investment = {f["text"]: f["reference"] for f in ruled["ru-investment-share"]["figures"]}
    assert investment == {"30 percent": "contradicts-reference", "45 percent": "matches-reference"}
    assert ruled["ru-investment-share"]["verdict"] == "conflicting"


def test_other_subjects_stay_out_of_a_rule(ruled):
    (china,) = [g for g in ruled.values() if "10 percent" in {f["text"] for f in g["figures"]}]
    assert china["rule_file"] is None
    assert {f["text"] for f in china["figures"]} == {"10 percent"}


def test_default_rules_folder_is_used(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "trade.toml").write_text((RULES / "trade.toml").read_text())
    proc = _run("check", "--format", "json", str(CORPUS), cwd=tmp_path)
    assert "ru-trade-share" in {g["claim"] for g in json.loads(proc.stdout)["groups"]}


def test_broken_rules_stop_the_check_with_exit_2(tmp_path):
    (tmp_path / "bad.toml").write_text(
        '[[claim]]\nid = "x"\nlabel = "X"\nunit = "parsecs per bushel"\nmeasure = ["x"]\n'
    )
    proc = _run("check", "--rules", str(tmp_path), str(CORPUS))
    assert proc.returncode == 2
    assert 'bad.toml:4: claim "x": unknown unit' in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("rules", "validate", "rules"), 0, "no problems"),
        (("rules", "test", "rules"), 0, " passed, 0 failed"),
        (("rules", "validate", "tests/rules_broken"), 2, "bad_regex.toml:7:"),
    ],
)
def test_rules_commands(args, code, needle):
    root = pathlib.Path(__file__).parent.parent
    proc = _run(*args, cwd=root)
    assert proc.returncode == code
    assert needle in proc.stdout + proc.stderr
