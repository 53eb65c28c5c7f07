"""The command line as CI sees it: exit codes, settings files, rule suggestions.

Runs on tests/corpus/formats (articles written for the tests, one of them
not UTF-8) and tests/corpus/check.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).parent
FORMATS = HERE / "corpus" / "formats"
ARTICLES = FORMATS / "articles"
RULES = FORMATS / "rules"
CHECK = HERE / "corpus" / "check"


def _run(*args: str, cwd: pathlib.Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=cwd
    )


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        (None, 1),
        ("conflicting", 1),
        ("contradicts-reference", 1),
        ("any", 1),
        ("never", 0),
        ("never,conflicting", 1),
    ],
)
def test_fail_on_sets_the_exit_code(fail_on, code):
    args = ["check", "--rules", str(RULES), "--format", "json", str(ARTICLES)]
    proc = _run(*args, *(["--fail-on", fail_on] if fail_on else []))
    assert proc.returncode == code, proc.stderr


def test_bad_fail_on_is_a_usage_error():
    proc = _run("check", "--fail-on", "sometimes", str(ARTICLES))
    assert proc.returncode == 2 and "sometimes" in proc.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "junit", "sarif", "github", "csv"])
def test_every_format_reports_the_bad_file_and_checks_the_rest(fmt, tmp_path):
    out = tmp_path / f"report.{fmt}"
    proc = _run(
        "check", "--rules", str(RULES), "--format", fmt, "--output", str(out), str(ARTICLES)
    )
    assert proc.returncode == 1
    assert proc.stderr.count("garbled.txt:3:") == 1 and "Traceback" not in proc.stderr
    assert out.read_text(encoding="utf-8").strip()
    again = tmp_path / "again"
    _run("check", "--rules", str(RULES), "--format", fmt, "--output", str(again), str(ARTICLES))
    assert again.read_bytes() == out.read_bytes()  # same corpus, same bytes


def test_output_to_an_unwritable_place_is_exit_2(tmp_path):
    proc = _run("check", "--no-rules", "--output", str(tmp_path / "missing" / "r.json"), str(CHECK))
    assert proc.returncode == 2 and "cannot write the report" in proc.stderr
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("factcheck.toml", 'format = "markdown"\nfail-on = "never"\nrules = "nowhere"\n'),
        (
            "pyproject.toml",
            '[tool.factcheck]\nformat = "markdown"\nfail-on = ["never"]\nrules = "nowhere"\n',
        ),
    ],
)
def test_settings_are_discovered_and_flags_win(tmp_path, filename, content):
    (tmp_path / filename).write_text(content, encoding="utf-8")
    proc = _run("check", str(CHECK), cwd=tmp_path)
    assert proc.returncode == 2 and "nowhere" in proc.stderr  # the settings' rules path is used
    proc = _run("check", "--no-rules", str(CHECK), cwd=tmp_path)
    assert proc.returncode == 0  # fail-on = never, from the settings
    assert proc.stdout.startswith("**") or proc.stdout.startswith("#")  # markdown
    proc = _run(
        "check",
        "--no-rules",
        "--format",
        "json",
        "--fail-on",
        "conflicting",
        str(CHECK),
        cwd=tmp_path,
    )
    assert proc.returncode == 1 and json.loads(proc.stdout)["groups"]


def test_unknown_setting_is_reported_with_the_file(tmp_path):
    (tmp_path / "factcheck.toml").write_text('colour = "blue"\n', encoding="utf-8")
    proc = _run("check", str(CHECK), cwd=tmp_path)
    assert proc.returncode == 2 and "factcheck.toml" in proc.stderr and "colour" in proc.stderr


def test_tolerance_setting_applies_to_automatic_groups(tmp_path):
    (tmp_path / "factcheck.toml").write_text('[tolerance]\npercent = "20 percentage_point"\n')
    proc = _run("check", "--no-rules", "--format", "json", str(CHECK), cwd=tmp_path)
    (investment,) = [
        g
        for g in json.loads(proc.stdout)["groups"]
        if "30 percent" in {f["text"] for f in g["figures"]}
    ]
    assert investment["verdict"] == "consistent" and investment["agrees_thanks_to_tolerance"]
    assert proc.returncode == 0


def test_suggested_rules_validate_and_claim_their_groups(tmp_path):
    proc = _run("rules", "suggest", str(CHECK))
    assert proc.returncode == 0
    rules = tmp_path / "suggested.toml"
    rules.write_text(proc.stdout, encoding="utf-8")
    assert _run("rules", "validate", str(rules)).returncode == 0
    assert 'unit = "percent"' in proc.stdout and "[[claim]]" in proc.stdout
    checked = _run("check", "--rules", str(rules), "--format", "json", str(CHECK))
    claimed = [g for g in json.loads(checked.stdout)["groups"] if g["rule_file"]]
    assert len(claimed) >= 3


def test_rules_test_reports_failures_like_a_test_runner(tmp_path):
    (tmp_path / "r.toml").write_text(
        '[[claim]]\nid = "x"\nlabel = "X"\nunit = "percent"\nmeasure = ["turnout"]\n'
        'examples = ["Turnout was 60%."]\ncounterexamples = ["Turnout reached 55% in 2019."]\n',
        encoding="utf-8",
    )
    proc = _run("rules", "test", str(tmp_path))
    assert proc.returncode == 1
    assert "1 passed, 1 failed" in proc.stdout and "counterexample" in proc.stdout
