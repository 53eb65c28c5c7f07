"""Project settings, found the way ruff and sqlfluff find theirs.

A `factcheck.toml` in the working folder or a folder above it, or else a
`[tool.factcheck]` table in a `pyproject.toml` there, sets defaults that
command-line flags override (the search stops at the project's root, a
folder with `.git` or a `pyproject.toml`):

    [tool.factcheck]
    rules = "rules"                    # rule file or folder
    format = "markdown"                # check's report format
    fail-on = ["conflicting"]          # what makes exit code 1
    [tool.factcheck.tolerance]         # tolerance of automatic groups, per kind
    percent = "0.5 percentage_point"
    money = "1%"

Every setting is checked for its type here, so a wrong one is a
`ConfigError` naming the file and the key (one line, exit code 2) rather
than a traceback somewhere downstream.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

KEYS = ("rules", "format", "fail-on", "tolerance")
KINDS = ("percent", "count", "money", "duration", "quantity")

#: TOML's names for the types tomllib returns, most specific first (a bool is an int).
_TOML_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "a boolean"),
    (int, "an integer"),
    (float, "a float"),
    (str, "a string"),
    (list, "an array"),
    (dict, "a table"),
)


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
    """The settings for `folder` (default: the working folder): the nearest
    `factcheck.toml`, or `pyproject.toml` with a `[tool.factcheck]` table, in
    it or a folder above, up to the project's root (a folder with `.git` or a
    `pyproject.toml`), as ruff and sqlfluff look for theirs."""
    start = folder or Path.cwd()
    for here in (start, *start.resolve().parents):
        found = _settings_in(here)
        if found is not None:
            return _relative_to(found, here, start)
        if (here / ".git").exists() or (here / "pyproject.toml").is_file():
            break  # the project's root: settings above it belong to something else
    return Config()


def _settings_in(folder: Path) -> Config | None:
    own = folder / "factcheck.toml"
    if own.is_file():
        table = _read(own)
        if set(table) == {"tool"}:  # the pyproject form, copied as it is
            tool = _table(own, "tool", table["tool"])
            return _parse(own, _table(own, "tool.factcheck", tool.get("factcheck", {})), "")
        return _parse(own, table, prefix="")
    project = folder / "pyproject.toml"
    if project.is_file():
        tool = _table(project, "tool", _read(project).get("tool", {}))
        table = tool.get("factcheck")
        if table is not None:
            return _parse(project, _table(project, "tool.factcheck", table), "tool.factcheck.")
    return None


def _relative_to(config: Config, home: Path, start: Path) -> Config:
    """The settings with `rules`, written relative to their file, as a path from `start`."""
    if config.rules is None or Path(config.rules).is_absolute() or home == start:
        return config
    rules = os.path.relpath(home.resolve() / config.rules, start.resolve())
    return dataclasses.replace(config, rules=rules)


def _read(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read settings: {error}") from None


def _table(path: Path, key: str, value: object) -> dict[str, object]:
    """`value` when it is a table; a ConfigError naming `key` otherwise."""
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {key} must be a table, not {_toml_type(value)}")
    return value


def _string(path: Path, key: str, value: object) -> str | None:
    """`value` when it is a string or absent (None); a ConfigError naming `key` otherwise."""
    if value is None or isinstance(value, str):
        return value
    raise ConfigError(f"{path}: {key} must be a string, not {_toml_type(value)}")


def _toml_type(value: object) -> str:
    """How a TOML user would name the type of `value` ("an integer"), for messages."""
    return next((name for kind, name in _TOML_TYPES if isinstance(value, kind)), "a date or time")


def _parse(path: Path, table: dict[str, object], prefix: str) -> Config:
    """A Config from the settings `table` of `path`, whose keys are spelt
    `prefix` + key in messages (`tool.factcheck.format` in pyproject.toml)."""
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting {prefix + unknown[0]!r} (known: {', '.join(KEYS)})"
        )
    fail_on = table.get("fail-on")
    if isinstance(fail_on, str):
        fail_on = [fail_on]
    if fail_on is not None and not (
        isinstance(fail_on, list) and all(isinstance(v, str) for v in fail_on)
    ):
        raise ConfigError(f"{path}: {prefix}fail-on must be a string or an array of strings")
    tolerance = _table(path, f"{prefix}tolerance", table.get("tolerance", {}))
    for kind, value in tolerance.items():
        if kind not in KINDS:
            raise ConfigError(
                f"{path}: {prefix}tolerance.{kind}: unknown kind (known: {', '.join(KINDS)})"
            )
        # parse_tolerance reads a number as an amount in the kind's unit; a bool is no number.
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ConfigError(
                f'{path}: {prefix}tolerance.{kind} must be a string such as "1%", '
                f"not {_toml_type(value)}"
            )
    return Config(
        path=str(path),
        rules=_string(path, f"{prefix}rules", table.get("rules")),
        format=_string(path, f"{prefix}format", table.get("format")),
        fail_on=tuple(fail_on) if fail_on is not None else None,
        tolerance={kind: str(value) for kind, value in tolerance.items()},
    )
