"""The README's examples are run, so they cannot rot.

Python blocks are executed; every `factcheck …` command line in a shell
block that names real paths is run; the settings example is loaded as a
settings file; every `factcheck rules …` command in rules/README.md too.
"""

from __future__ import annotations

import pathlib
import re
import shlex
import subprocess
import sys

import pytest

from factcheck.config import discover

ROOT = pathlib.Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
RULES_README = (ROOT / "rules" / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"```(\w*)\n(.*?)```", re.DOTALL)
PLACEHOLDER = re.compile(r"\.\.\.|[\[\]|]|\b(?:PATH|FORMAT|FILE|WHAT)\b")


def _blocks(text: str, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(text) if lang == language]


def _commands(text: str) -> list[list[str]]:
    """`factcheck …` invocations in shell blocks, without comments and placeholders."""
    found = []
    for block in _blocks(text, "sh") + _blocks(text, "console"):
        for line in block.splitlines():
            line = line.removeprefix("$ ")
            for part in line.split("&&"):
                if "factcheck" not in part:
                    continue
                words = shlex.split(part.split(" #")[0].strip())
                if words and words[0].endswith("factcheck") and not PLACEHOLDER.search(part):
                    found.append(words[1:])
    return found


@pytest.mark.parametrize("block", _blocks(README, "python"), ids=lambda b: b.splitlines()[0])
def test_python_examples_run(block, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {})
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("args", _commands(README) + _commands(RULES_README), ids=" ".join)
def test_shell_examples_run(args):
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_main_job_is_the_first_command():
    assert _commands(README)[0] == ["check", "seeds/"]


def test_rule_file_examples_are_valid_toml_fragments():
    import tomllib

    for block in _blocks(RULES_README, "toml"):
        tomllib.loads(block)


def test_settings_example_is_valid(tmp_path, monkeypatch):
    (toml,) = [b for b in _blocks(README, "toml") if "[tool.factcheck]" in b]
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    config = discover(tmp_path)
    assert config.rules == "rules" and config.format == "markdown"
    assert config.tolerance["percent"] == "0.5 percentage_point"
