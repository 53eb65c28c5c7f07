"""Project settings, found the way ruff and sqlfluff find theirs.

A `factcheck.toml` in the working folder, or else a `[tool.factcheck]`
table in its `pyproject.toml`, sets defaults that command-line flags
override:

    [tool.factcheck]
    rules = "rules"                    # rule file or folder
    format = "markdown"                # check's report format
    fail-on = ["conflicting"]          # what makes exit code 1
    [tool.factcheck.tolerance]         # tolerance of automatic groups, per kind
    percent = "0.5 percentage_point"
    money = "1%"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

KEYS = ("rules", "format", "fail-on", "tolerance")
KINDS = ("percent", "count", "money", "duration", "quantity")


class ConfigError(Exception):
    """A settings file that cannot be used: one line, with the file."""


@dataclass(frozen=True, slots=True)
class Config:
    """Defaults for the command line; empty when no settings file is found."""

    path: str | None = None
    rules: str | None = None
    format: str | None = None
    fail_on: tuple[str, ...] | None = None
    tolerance: dict[str, str] = field(default_factory=dict)


def discover(folder: Path | None = None) -> Config:
    """The settings of `folder` (default: the working folder)."""
    folder = folder or Path.cwd()
    own = folder / "factcheck.toml"
    if own.is_file():
        return _parse(own, _read(own))
    project = folder / "pyproject.toml"
    if project.is_file():
        table = _read(project).get("tool", {}).get("factcheck")
        if table is not None:
            return _parse(project, table)
    return Config()


def _read(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read settings: {error}") from None


def _parse(path: Path, table: dict[str, object]) -> Config:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(KEYS)})")
    fail_on = table.get("fail-on")
    if isinstance(fail_on, str):
        fail_on = [fail_on]
    tolerance = table.get("tolerance", {})
    if not isinstance(tolerance, dict) or set(tolerance) - set(KINDS):
        raise ConfigError(f"{path}: tolerance must be a table of {', '.join(KINDS)}")
    for name, value in (("rules", table.get("rules")), ("format", table.get("format"))):
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{path}: {name} must be a string")
    if fail_on is not None and not (
        isinstance(fail_on, list) and all(isinstance(v, str) for v in fail_on)
    ):
        raise ConfigError(f"{path}: fail-on must be a string or a list of strings")
    return Config(
        path=str(path),
        rules=table.get("rules"),  # type: ignore[arg-type]
        format=table.get("format"),  # type: ignore[arg-type]
        fail_on=tuple(fail_on) if fail_on is not None else None,
        tolerance={k: str(v) for k, v in tolerance.items()},
    )
