"""Where settings are found: the nearest settings file up to the project's root."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import discover

PYPROJECT = '[tool.factcheck]\nformat = "markdown"\nrules = "rules"\n'
OWN = 'format = "sarif"\nrules = "checks"\n'


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.mark.parametrize(
    ("files", "start", "format", "rules"),
    [
        pytest.param({"factcheck.toml": OWN}, ".", "sarif", "checks", id="in-the-folder"),
        pytest.param(
            {"factcheck.toml": OWN, "news/2024/a.txt": ""},
            "news/2024",
            "sarif",
            "../../checks",
            id="walks-up-rules-stay-beside-their-file",
        ),
        pytest.param(
            {"pyproject.toml": PYPROJECT, "news/a.txt": ""},
            "news",
            "markdown",
            "../rules",
            id="pyproject-above",
        ),
        pytest.param(
            {"factcheck.toml": PYPROJECT}, ".", "markdown", "rules", id="pyproject-form-copied"
        ),
        pytest.param(
            {"factcheck.toml": OWN, "inner/.git/HEAD": "", "inner/news/a.txt": ""},
            "inner/news",
            None,
            None,
            id="stops-at-the-project-root",
        ),
        pytest.param(
            {"factcheck.toml": OWN, "inner/pyproject.toml": "[project]\nname = 'x'\n"},
            "inner",
            None,
            None,
            id="a-pyproject-without-settings-is-a-root",
        ),
    ],
)
def test_settings_are_found_up_to_the_root(
    tmp_path: Path, files: dict[str, str], start: str, format: str | None, rules: str | None
) -> None:
    _tree(tmp_path, files)
    config = discover(tmp_path / start)
    assert (config.format, config.rules) == (format, rules)
