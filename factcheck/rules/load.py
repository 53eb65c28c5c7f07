"""Read analysts' rule files: every problem found, each with its file and line.

Analysts are not programmers, so a rule file is checked as a whole and every
problem in every file is reported at once (a linter, not a compiler that
stops at the first error), each as one line with the place to look and a
hint of what to write instead. `tomllib` gives no positions for parsed
values, so a light scan of the raw text finds the line of each `[[claim]]`
header and of each key under it.
"""

from __future__ import annotations

import difflib
import math
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

import regex

from factcheck import units
from factcheck.rules.model import EXACT, Acknowledgement, Reference, Rule, RuleProblem, Tolerance

#: The keys a `[[claim]]` table may hold, in the order the README documents them.
CLAIM_FIELDS = (
    "id",
    "label",
    "unit",
    "measure",
    "pattern",
    "subject",
    "change",
    "tolerance",
    "reference",
    "examples",
    "counterexamples",
    "acknowledged",
)
REQUIRED_FIELDS = ("id", "label", "unit", "measure")
REFERENCE_FIELDS = ("value", "as_of", "source", "low", "high")
ACKNOWLEDGEMENT_FIELDS = ("documents", "reason", "expires")
TOP_FIELDS = ("aliases", "claim")

#: How deep lists, tables and dotted keys may nest. A rule file needs three
#: levels; tomllib recurses once per level (a file nested 20,000 deep is a
#: RecursionError) and takes quadratic time over dotted keys, so a deeper
#: file is refused before it is parsed.
MAX_NESTING = 32
#: The longest unit name accepted. pint's names are at most 41 characters
#: with a prefix, and pint reads a name in time quadratic in its length (a
#: 30,000-character one took 11 s), so a longer one is refused before pint
#: sees it.
MAX_UNIT_NAME = 64
#: The longest regular expression accepted: a pattern finds a measure in a
#: sentence, and sentences are short.
MAX_PATTERN_LENGTH = 1000
#: The most items a regular expression may stand for once its counted
#: repeats are written out (`(ab){3}` is 6, `((a{1000}){1000}){1000}` a
#: billion). The regex module writes them out when it compiles, in C code
#: no timeout can interrupt, in time and memory that grow with this size;
#: so the size is worked out first. 10,000 compiles in milliseconds.
MAX_PATTERN_SIZE = 10_000
#: How deep groups may nest in a regular expression: the regex module
#: parses them recursively, and a few hundred exhaust Python's stack.
MAX_PATTERN_GROUPS = 100

_ID = regex.compile(r"[a-z0-9][a-z0-9_-]*")
_UNIT_NAME = regex.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_TOLERANCE = regex.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*(.*)")  # on stripped text: linear
_AS_OF = regex.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")
_TOML_POSITION = regex.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_PERCENT_WORDS = frozenset({"%", "percent", "per cent", "pct"})
_POINT_WORDS = frozenset(
    {
        "pp",
        "p.p.",
        "ppt",
        "pt",
        "pts",
        "point",
        "points",
        "percentage point",
        "percentage points",
        "percentage_point",
        "percentage_points",
    }
)
_TOLERANCE_FORMS = 'write "0", a relative "5%", or a number and a unit: "2 percentage_point"'


class _Invalid(Exception):
    """A value that cannot be used: its message and hint become a RuleProblem."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def load_rules(path: str | Path) -> tuple[list[Rule], list[RuleProblem]]:
    """The rules of one file, or of every `*.toml` in a folder (sorted by name).

    Never raises: whatever is wrong (an unreadable file, bad TOML, a bad
    field, an id used twice across files, a file or a pattern too big to
    read in bounded time) becomes a RuleProblem, and the rules that are
    sound are still returned, in file order.
    """
    base = Path(path)
    if base.is_dir():
        files = sorted(p for p in base.glob("*.toml") if p.is_file())
    elif base.exists():
        files = [base]
    else:
        return [], [RuleProblem(str(base), None, "no such rule file or folder")]
    rules: list[Rule] = []
    problems: list[RuleProblem] = []
    first: dict[str, Rule] = {}
    for file in files:
        read, file_problems = _read_file(file)
        problems.extend(file_problems)
        for rule, id_line in read:
            if rule.id in first:
                earlier = first[rule.id]
                problems.append(
                    RuleProblem(
                        rule.path,
                        id_line,
                        f'duplicate id "{rule.id}": first defined at {earlier.path}:{earlier.line}',
                        "ids must be unique across all rule files; rename one of them",
                    )
                )
                continue
            first[rule.id] = rule
            rules.append(rule)
    return rules, problems


# -- one file ---------------------------------------------------------------


def _read_file(path: Path) -> tuple[list[tuple[Rule, int]], list[RuleProblem]]:
    """The sound claims of one file (with the line of each id) and its problems."""
    name = str(path)
    try:
        # utf-8-sig: Windows editors start UTF-8 files with a byte order mark
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        return [], [RuleProblem(name, None, f"cannot read the file: {error.strerror or error}")]
    except UnicodeDecodeError:
        return [], [RuleProblem(name, None, "not UTF-8 text", "save the file as UTF-8")]
    deepest, deepest_line = _nesting(text)
    if deepest > MAX_NESTING:
        return [], [_nesting_problem(name, deepest_line)]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return [], [_syntax_problem(name, str(error))]
    except RecursionError:  # nesting the scan missed; the deepest line it saw is the best guess
        return [], [_nesting_problem(name, deepest_line)]

    lines = _scan(text)
    problems: list[RuleProblem] = []
    for key in data:
        if key not in TOP_FIELDS:
            problems.append(
                RuleProblem(
                    name,
                    lines.top.get(key),
                    f'unknown top-level field "{key}"',
                    _closest(key, TOP_FIELDS, "a rule file holds [aliases] and [[claim]] tables"),
                )
            )
    aliases = _aliases(data.get("aliases", {}), name, lines, problems)
    claims = data.get("claim", [])
    if isinstance(claims, dict):
        problems.append(
            RuleProblem(
                name,
                lines.top.get("claim"),
                "[claim] must be [[claim]]",
                "write each claim under [[claim]] (two brackets on each side)",
            )
        )
        claims = []
    elif not isinstance(claims, list):
        problems.append(
            RuleProblem(name, lines.top.get("claim"), '"claim" must be [[claim]] tables')
        )
        claims = []

    read: list[tuple[Rule, int]] = []
    for index, raw in enumerate(claims):
        if index < len(lines.claims):
            claim_lines = lines.claims[index]
        else:
            claim_lines = _ClaimLines(lines.top.get("claim", 1))
        rule, claim_problems = _read_claim(raw, claim_lines, aliases, name)
        problems.extend(claim_problems)
        if rule is not None:
            read.append((rule, claim_lines.of("id")))
    return read, problems


def _syntax_problem(path: str, message: str) -> RuleProblem:
    """tomllib's message, with its position moved to where editors and CI look for it."""
    position = _TOML_POSITION.search(message)
    line = int(position.group(1)) if position else None
    detail = message[: position.start()] if position else message
    if position:
        detail = f"{detail} (column {position.group(2)})"
    return RuleProblem(path, line, f"TOML syntax error: {detail}", _syntax_hint(message))


_TOML_TOKEN = regex.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*+"*'  # strings, multi-line first; comments; brackets and dots
    r"|'''(?:[^']|'(?!''))*+'*"
    r'|"(?:[^"\\\n]|\\.)*+"'
    r"|'[^'\n]*+'"
    r"|#[^\n]*+"
    r"|[\[\]{}=,.\n]",
    regex.DOTALL,  # a backslash may end a line inside a multi-line string
)
_OPENING, _CLOSING, _KEY_END = frozenset("[{"), frozenset("]}"), frozenset("=,\n")


def _nesting(text: str) -> tuple[int, int]:
    """How deep the file nests, and the first line where it is that deep.

    One linear pass over the brackets and dots outside strings and comments,
    so that a file too deep for tomllib is caught before tomllib reads it:
    each open `[` or `{` is a level, and so is each dot of a dotted key
    (`a.b.c = 1` is three levels). The dot of a number counts as well, which
    only ever adds one level.
    """
    depth = dots = deepest = 0
    line = deepest_line = 1
    for token in _TOML_TOKEN.finditer(text):
        kind = token.group()
        if kind in _OPENING:
            depth, dots = depth + 1, 0
        elif kind in _CLOSING:
            depth, dots = max(0, depth - 1), 0
        elif kind == ".":
            dots += 1
        elif kind in _KEY_END:
            dots = 0
        if depth + dots > deepest:
            deepest, deepest_line = depth + dots, line
        line += kind.count("\n")
    return deepest, deepest_line


def _nesting_problem(path: str, line: int) -> RuleProblem:
    return RuleProblem(
        path,
        line,
        f"lists, tables or dotted keys nested more than {MAX_NESTING} deep",
        "a rule file needs [[claim]] tables of fields and lists of text; "
        "look for brackets that are never closed",
    )


def _syntax_hint(message: str) -> str:
    """The usual cause of each tomllib complaint, in an analyst's words."""
    lowered = message.lower()
    if "invalid value" in lowered:
        return 'text needs double quotes (unit = "percent"), lists square brackets (["a", "b"])'
    if "overwrite" in lowered or "twice" in lowered or "already" in lowered:
        return "a key or table appears twice: keep one"
    if "expected '='" in lowered:
        return "each line is key = value; a text value needs double quotes"
    if "unterminated" in lowered or "illegal character" in lowered:
        return "close the text with the same quote that opened it, on the same line"
    if "expected ']'" in lowered or "newline" in lowered:
        return "check the brackets and commas of the list or table on this line"
    return "compare the line with the worked example in rules/README.md"


def _aliases(
    raw: object, path: str, lines: _FileLines, problems: list[RuleProblem]
) -> dict[str, tuple[str, ...]]:
    """The file's [aliases]: canonical name -> its other spellings."""
    line = lines.aliases.line if lines.aliases else lines.top.get("aliases")
    if not isinstance(raw, dict):
        problems.append(
            RuleProblem(path, line, "[aliases] must be a table", 'write Belarus = ["Belarusian"]')
        )
        return {}
    aliases: dict[str, tuple[str, ...]] = {}
    for name, spellings in raw.items():
        names = _strings(spellings)
        if names is None:
            problems.append(
                RuleProblem(
                    path,
                    lines.aliases.of(name) if lines.aliases else line,
                    f'alias "{name}" must be a list of names',
                    f'write {name} = ["other spelling", "another"]',
                )
            )
            continue
        aliases[name] = names
    return aliases


# -- one claim --------------------------------------------------------------


def _read_claim(
    raw: object, lines: _ClaimLines, aliases: Mapping[str, tuple[str, ...]], path: str
) -> tuple[Rule | None, list[RuleProblem]]:
    """A Rule when the claim is sound, and every problem found in it either way."""
    problems: list[RuleProblem] = []

    def report(key: str | None, message: str, hint: str = "") -> None:
        line = lines.line if key is None else lines.of(key)
        problems.append(RuleProblem(path, line, message, hint))

    if not isinstance(raw, dict):
        report(None, "a claim must be a table of fields", "start each claim with [[claim]]")
        return None, problems

    claim_id = raw.get("id")
    who = f"claim {_show(claim_id)}" if isinstance(claim_id, str) and claim_id else "claim"
    for key in raw:
        if key not in CLAIM_FIELDS:
            report(
                key,
                f'{who}: unknown field "{key}"',
                _closest(key, CLAIM_FIELDS, "known fields: " + ", ".join(CLAIM_FIELDS)),
            )
    for key in REQUIRED_FIELDS:
        if key not in raw:
            report(None, f'{who}: missing required field "{key}"', _REQUIRED_HINTS[key])

    def field_value(key: str, parse: Callable[[Any], Any], default: Any = None) -> Any:
        """The parsed field; a problem and `default` when it cannot be used."""
        if key not in raw:
            return default
        try:
            return parse(raw[key])
        except _Invalid as error:
            report(key, f"{who}: {error.message}", error.hint)
            return default

    rule_id = field_value("id", _rule_id)
    label = field_value("label", lambda value: _text(value, "label"))
    unit = field_value("unit", _unit)
    measure = field_value("measure", _measure)
    patterns = field_value("pattern", _patterns, ())
    subject = field_value("subject", lambda value: _text(value, "subject"))
    change = field_value("change", _change)
    tolerance = EXACT
    if unit is not None:
        tolerance = field_value("tolerance", lambda value: parse_tolerance(value, unit), EXACT)
    reference = None
    if "reference" in raw:
        reference = _reference(raw["reference"], lines, who, path, problems)
    examples = field_value("examples", lambda value: _sentences(value, "examples"), ())
    counter = field_value("counterexamples", lambda value: _sentences(value, "counterexamples"), ())
    acknowledged: tuple[Acknowledgement, ...] = ()
    if "acknowledged" in raw:
        acknowledged = _acknowledgements(raw["acknowledged"], lines, who, path, problems)

    if problems or None in (rule_id, label, unit, measure):
        return None, problems
    return (
        Rule(
            id=rule_id,
            label=label,
            unit=unit,
            measure=measure,
            patterns=patterns,
            subject=subject,
            subject_names=subject_names(subject, aliases) if subject else (),
            change=change,
            tolerance=tolerance,
            reference=reference,
            examples=examples,
            counterexamples=counter,
            acknowledged=acknowledged,
            path=path,
            line=lines.line,
            pattern_line=lines.of("pattern") if patterns else 0,
        ),
        problems,
    )


_REQUIRED_HINTS = {
    "id": 'add a short unique name: id = "russia-trade-share"',
    "label": "add the text reports show: label = \"Russia's share of Belarus's foreign trade\"",
    "unit": 'add what the figures are in: unit = "percent" (or "count", "USD", "hour")',
    "measure": 'add the words that name the measure near a figure: measure = ["foreign trade"]',
}


def _rule_id(value: object) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        suggestion = regex.sub(r"[^a-z0-9_-]+", "-", str(value).lower()[:40]).strip("-_")
        suggestion = suggestion or "my-claim"
        raise _Invalid(
            f"bad id {_show(value)}",
            f'use lowercase letters, digits, "-" and "_", e.g. id = "{suggestion}"',
        )
    return value


def _text(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{key} must be text in double quotes", f'{key} = "..."')
    return value.strip()


def _unit(value: object) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"unit must be text, not {_show(value)}", 'unit = "percent"')
    if not is_known_unit(value):
        raise _Invalid(f"unknown unit {_show(value)}", _unit_hint(value))
    if unit_dimension(value) is None:
        raise _Invalid(
            f"unit {_show(value)} has no kind that figures can be compared by",
            'write unit = "count" for numbers of things, "percent" for shares',
        )
    return value


def _measure(value: object) -> tuple[str, ...]:
    phrases = _strings(value)
    if not phrases:
        raise _Invalid(
            "measure must be a non-empty list of words or phrases",
            'measure = ["foreign trade", "external trade"]',
        )
    return phrases


def _patterns(value: object) -> tuple[regex.Pattern[str], ...]:
    sources = _strings(value)
    if sources is None:
        raise _Invalid(
            "pattern must be a list of regular expressions", "pattern = ['share of .* trade']"
        )
    return tuple(_compile_pattern(source) for source in sources)


def _compile_pattern(source: str) -> regex.Pattern[str]:
    """A rule's regular expression, compiled only once it is known to compile quickly.

    The regex module compiles in C, beyond any timeout, and a short pattern
    can ask it for a billion items: so the length, the size with counted
    repeats written out and the nesting of groups are checked first.
    """
    if len(source) > MAX_PATTERN_LENGTH:
        raise _Invalid(
            f"regular expression {_show(source)} is longer than {MAX_PATTERN_LENGTH:,} characters",
            "match the few words around the measure, not the whole sentence",
        )
    size, groups = _pattern_size(source)
    if groups > MAX_PATTERN_GROUPS:
        raise _Invalid(
            f"regular expression {_show(source)} nests groups more than {MAX_PATTERN_GROUPS} deep",
            "remove the parentheses that hold a single group",
        )
    if size > MAX_PATTERN_SIZE:
        raise _Invalid(
            f"regular expression {_show(source)} is too large: its counted repeats "
            f"stand for more than {MAX_PATTERN_SIZE:,} characters",
            "use smaller counts in {m,n}, or * and + for any number",
        )
    try:
        return regex.compile(source, regex.IGNORECASE)
    except (regex.error, ValueError) as error:  # ValueError: flags that exclude each other
        raise _Invalid(f"bad regular expression {_show(source)}", str(error)) from None


_BRACED_ESCAPE = regex.compile(r"\\[pPNx]\{[^}]*+\}")  # \p{L}: braces that are no repeat
_COMMENT_GROUP = regex.compile(r"\(\?#(?:\\.|[^\\)])*+\)?")
_COUNTED_REPEAT = regex.compile(r"\{(\d*)(?:,(\d*))?\}")
_VERBOSE_SPACE = regex.compile(r"\s+|#[^\n]*+")


def _pattern_size(source: str) -> tuple[int, int]:
    """How many items a regular expression stands for with its counted repeats
    written out, and how deep its groups nest.

    The pattern may switch on verbose mode (spaces and `#` comments are not
    part of it) or VERSION1 (sets nest), for all of it or a part: it is read
    each way, and the largest reading counts, so the estimate errs large.
    """
    readings = [
        _read_pattern(source, verbose, nested_sets)
        for verbose, nested_sets in product((False, True), repeat=2)
    ]
    return max(size for size, _ in readings), max(depth for _, depth in readings)


def _read_pattern(source: str, verbose: bool, nested_sets: bool) -> tuple[int, int]:
    """One reading of `_pattern_size`, in one pass over the pattern.

    Each open group holds [its size so far, the size of its last item]: a
    counted repeat multiplies the last item, a closed group is one item of
    the group around it, the branches of a group add up (each is compiled).
    """
    groups = [[0, 0]]
    deepest = at = 0
    while at < len(source):
        char = source[at]
        item = 1
        if char == "\\":
            escape = _BRACED_ESCAPE.match(source, at)
            at = escape.end() if escape else at + 2
        elif char == "[":
            at = _set_end(source, at, nested_sets)
        elif source.startswith("(?#", at):
            at = _COMMENT_GROUP.match(source, at).end()
            continue
        elif char == "(":
            groups.append([0, 0])
            deepest = max(deepest, len(groups) - 1)
            at += 1
            continue
        elif char == ")" and len(groups) > 1:
            item = groups.pop()[0]
            at += 1
        elif char == "{" and (repeat := _COUNTED_REPEAT.match(source, at)):
            count = max([1, *(int(number) for number in repeat.groups() if number)])
            groups[-1][0] += groups[-1][1] * (count - 1)
            groups[-1][1] *= count
            at = repeat.end()
            continue
        elif char in "*+?":  # repeat the item as it is: it is compiled once
            at += 1
            continue
        elif verbose and (space := _VERBOSE_SPACE.match(source, at)):
            at = space.end()
            continue
        else:
            at += 1
        groups[-1][0] += item
        groups[-1][1] = item
    return sum(size for size, _ in groups), deepest


def _set_end(source: str, at: int, nested: bool) -> int:
    """Where the set `[...]` that opens at `at` ends; under VERSION1 sets nest."""
    at += 1
    if source.startswith("^", at):
        at += 1
    if source.startswith("]", at):  # a first "]" is a member, not the end
        at += 1
    depth = 1
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 1
        elif char == "[" and nested:
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    return at


def _change(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(
            f"change must be true or false, not {_show(value)}",
            "change = true for rises and falls, false for levels (no quotes)",
        )
    return value


def _sentences(value: object, key: str) -> tuple[str, ...]:
    sentences = _strings(value)
    if sentences is None:
        raise _Invalid(f"{key} must be a list of sentences", f'{key} = ["A sentence in quotes."]')
    return sentences


def parse_tolerance(value: object, unit: str) -> Tolerance:
    """A Tolerance from what the analyst wrote, its absolute part in `unit`.

    Forms: "0"; a relative "5%"; a bare number (in the claim's unit);
    "2 percentage_point" (also "2 pp", "2 points") for percent claims; a
    number and any unit of the claim's dimension ("90 minute" for an hour
    claim). Raises _Invalid for anything else.
    """
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Invalid(f"bad tolerance {_show(value)}", _TOLERANCE_FORMS)
    text = str(value).strip()
    match = _TOLERANCE.fullmatch(text)
    if not match:
        raise _Invalid(f"bad tolerance {_show(value)}", _TOLERANCE_FORMS)
    amount = float(match.group(1))
    if not math.isfinite(amount):
        raise _Invalid(f"bad tolerance {_show(value)}: not a finite number", _TOLERANCE_FORMS)
    written = match.group(2)
    suffix = regex.sub(r"\s+", " ", written.lower())
    if amount == 0:
        return Tolerance(absolute=None, relative=None, unit=None, text=text)
    if suffix in _PERCENT_WORDS:
        return Tolerance(absolute=None, relative=amount / 100, unit=None, text=text)
    if suffix in _POINT_WORDS:
        suffix = "percentage_point"
    if suffix == "":
        suffix = "percentage_point" if unit == "percent" else unit
    elif suffix != "percentage_point":
        suffix = written
        if not is_known_unit(suffix):
            raise _Invalid(
                f"bad tolerance {_show(text)}: unknown unit {_show(written)}", _unit_hint(written)
            )
    if unit == "percent" and suffix == "percentage_point":
        return Tolerance(absolute=amount, relative=None, unit="percentage_point", text=text)
    incompatible = _Invalid(
        f'tolerance {_show(text)} is not compatible with unit "{unit}"',
        f'write it in {_tolerance_unit(unit)}, or as a relative "5%"',
    )
    if unit_dimension(suffix) != unit_dimension(unit):
        raise incompatible
    import pint  # loaded by unit_dimension already; imported here, not at start-up

    try:
        absolute = amount if suffix == unit else _as_difference(amount, suffix, unit)
    except pint.errors.PintError:  # logarithmic units (decibel) have no plain difference
        raise incompatible from None
    return Tolerance(absolute=absolute, relative=None, unit=unit, text=text)


def _as_difference(amount: float, written: str, unit: str) -> float:
    """`amount` of `written` as a difference in `unit`.

    A tolerance is a gap between two figures, not a reading: "5 degF" on a
    Celsius claim is 2.8 (pint's delta_degF in delta_degC), where converting
    it as a temperature gives -15 and makes equal figures conflict.
    Subtracting zero turns a unit into its difference unit (degF into
    delta_degF, degC into delta_degC) and leaves the others as they are.
    """
    quantity = units.registry().Quantity
    gap = quantity(amount, written) - quantity(0, written)
    zero = quantity(0, unit)
    return float(gap.to((zero - zero).units).magnitude)


def _tolerance_unit(unit: str) -> str:
    if unit == "percent":
        return "percentage_point"
    return f'"{unit}" (or another unit of that kind)'


def _reference(
    raw: object, lines: _ClaimLines, who: str, path: str, problems: list[RuleProblem]
) -> Reference | None:
    """The reference table, or None with a problem for each thing wrong in it."""
    table = lines.reference
    header = table.line if table else lines.of("reference")

    def report(key: str | None, message: str, hint: str = "") -> None:
        line = table.of(key) if table and key else header
        problems.append(RuleProblem(path, line, f"{who}: bad reference: {message}", hint))

    if not isinstance(raw, dict):
        report(None, "it must be a table", "[claim.reference] with value, as_of and source")
        return None
    count = len(problems)
    for key in raw:
        if key not in REFERENCE_FIELDS:
            report(key, f'unknown field "{key}"', _closest(key, REFERENCE_FIELDS, ""))
    numbers: dict[str, float | None] = {}
    for key in ("value", "low", "high"):
        number = raw.get(key)
        if number is not None and (isinstance(number, bool) or not isinstance(number, int | float)):
            report(key, f"{key} must be a number, not {_show(number)}", f"{key} = 49.5 (no quotes)")
            number = None
        elif number is not None and not math.isfinite(number):
            report(key, f"{key} must be a finite number, not {number}", f"{key} = 49.5")
            number = None
        numbers[key] = None if number is None else float(number)
    value, low, high = numbers["value"], numbers["low"], numbers["high"]
    if "value" not in raw:
        report(None, 'missing "value"', "value = 49.5")
    elif value is not None and low is not None and low > value:
        report("low", f"low ({low:g}) is above value ({value:g})", "low <= value <= high")
    elif value is not None and high is not None and high < value:
        report("high", f"high ({high:g}) is below value ({value:g})", "low <= value <= high")
    as_of = raw.get("as_of")
    if isinstance(as_of, date | datetime):
        as_of = as_of.isoformat()[:10]
    if as_of is not None and (not isinstance(as_of, str) or not _AS_OF.fullmatch(as_of)):
        report(
            "as_of", f"as_of must be a date, not {_show(as_of)}", 'as_of = "2021-06-21" (or "2021")'
        )
    source = raw.get("source")
    if source is not None and (not isinstance(source, str) or not source.strip()):
        report("source", "source must be text", 'source = "Council of the EU, 21 June 2021"')
    if len(problems) > count or value is None:
        return None
    return Reference(value=value, as_of=as_of, source=source, low=low, high=high)


def _acknowledgements(
    raw: object, lines: _ClaimLines, who: str, path: str, problems: list[RuleProblem]
) -> tuple[Acknowledgement, ...]:
    """Each accepted conflict of the claim; problems for those that cannot be read."""
    entries = [raw] if isinstance(raw, dict) else raw
    if not isinstance(entries, list):
        problems.append(
            RuleProblem(
                path,
                lines.of("acknowledged"),
                f"{who}: acknowledged must be [[claim.acknowledged]] tables",
                "see rules/README.md, Acknowledged conflicts",
            )
        )
        return ()
    found = []
    for index, entry in enumerate(entries):
        table = lines.acknowledged[index] if index < len(lines.acknowledged) else None
        line = table.line if table else lines.of("acknowledged")
        acknowledgement = _acknowledgement(entry, table, line, who, path, problems)
        if acknowledgement is not None:
            found.append(acknowledgement)
    return tuple(found)


def _acknowledgement(
    entry: object,
    table: _TableLines | None,
    line: int,
    who: str,
    path: str,
    problems: list[RuleProblem],
) -> Acknowledgement | None:
    count = len(problems)

    def report(key: str | None, message: str, hint: str = "") -> None:
        where = table.of(key) if table and key else line
        problems.append(RuleProblem(path, where, f"{who}: acknowledged: {message}", hint))

    if not isinstance(entry, dict):
        report(None, "each entry must be a table", "[[claim.acknowledged]]")
        return None
    for key in entry:
        if key not in ACKNOWLEDGEMENT_FIELDS:
            report(key, f'unknown field "{key}"', _closest(key, ACKNOWLEDGEMENT_FIELDS, ""))
    documents = _strings(entry.get("documents"))
    if not documents:
        report("documents", "documents must list document ids", 'documents = ["doc-a", "doc-b"]')
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        report("reason", "a reason is required", 'reason = "why this conflict is accepted"')
    expires = entry.get("expires")
    if isinstance(expires, date | datetime):
        expires = expires.isoformat()[:10]
    if expires is not None and not _is_day(expires):
        report("expires", f"bad date in expires: {_show(expires)}", 'write expires = "2025-12-31"')
    if len(problems) > count or documents is None or not isinstance(reason, str):
        return None
    return Acknowledgement(documents=documents, reason=reason.strip(), expires=expires, line=line)


# -- helpers ----------------------------------------------------------------


def subject_names(subject: str, aliases: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The subject and every alias of it, whether it is the canonical name or an alias."""
    names = [subject]
    for canonical, spellings in aliases.items():
        family = (canonical, *spellings)
        if any(name.casefold() == subject.casefold() for name in family):
            names.extend(family)
    return tuple(dict.fromkeys(names))


def is_known_unit(unit: str) -> bool:
    """A unit the registry knows, written as one name ("percent", "USD", "hour")."""
    if unit in ("percent", "count", "percentage_point"):
        return True
    if len(unit) > MAX_UNIT_NAME or not _UNIT_NAME.fullmatch(unit):
        return False
    try:
        units.registry().parse_units(unit)
    except Exception:  # pint raises a variety of errors for names it cannot read
        return False
    return True


def unit_dimension(unit: str) -> str | None:
    """What `check` compares a known unit's figures by, or None when pint has no answer.

    pint knows "dimensionless" but fails (with a KeyError) when asked for its
    dimension, which `check` asks of every rule's unit: such a unit must be
    refused when the rules are read, not when the corpus is checked.
    """
    try:
        return units.dimension(unit)
    except Exception:  # pint raises a variety of errors for units without a dimension
        return None


@cache
def _unit_names() -> tuple[str, ...]:
    return tuple(dict.fromkeys(("percent", "percentage_point", "count", *units.registry())))


def _unit_hint(unit: str) -> str:
    """The closest unit name the registry knows."""
    if len(unit) > MAX_UNIT_NAME:
        return f"a unit is one name of at most {MAX_UNIT_NAME} characters, such as percent or hour"
    names = _unit_names()
    same_case = [name for name in names if name.lower() == unit.lower()]
    if same_case:
        return f'did you mean "{same_case[0]}"?'
    close = difflib.get_close_matches(unit, names, n=1, cutoff=0.6)
    if close:
        return f'did you mean "{close[0]}"?'
    return 'use percent, percentage_point, count, a currency code ("USD") or a unit ("hour")'


def _closest(key: str, known: Iterable[str], fallback: str) -> str:
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f'did you mean "{close[0]}"?' if close else fallback


def _strings(value: object) -> tuple[str, ...] | None:
    """A list of non-empty texts (one text alone counts as a list of one), else None."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return tuple(v.strip() for v in value)


def _is_day(value: object) -> bool:
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _show(value: object) -> str:
    """A value as the analyst wrote it, near enough: text in quotes.

    A long value is cut short: a problem is one line to read, not the
    30,000 characters of a runaway value.
    """
    if isinstance(value, str):
        if len(value) <= 60:
            return f'"{value}"'
        return f'"{value[:40]}..." ({len(value):,} characters)'
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:40]}..."


# -- where things are in the raw text ----------------------------------------


@dataclass(slots=True)
class _TableLines:
    """The header line of one table and the line of each key under it."""

    line: int
    keys: dict[str, int] = field(default_factory=dict)

    def of(self, key: str) -> int:
        return self.keys.get(key, self.line)


@dataclass(slots=True)
class _ClaimLines(_TableLines):
    reference: _TableLines | None = None
    acknowledged: list[_TableLines] = field(default_factory=list)


@dataclass(slots=True)
class _FileLines:
    top: dict[str, int] = field(default_factory=dict)
    aliases: _TableLines | None = None
    claims: list[_ClaimLines] = field(default_factory=list)


# Possessive and without inner \s*: spaces are taken out of the name anyway,
# and a lazy group between two \s* takes quadratic time on a long header.
_HEADER = regex.compile(r"\s*\[\[([^\[\]]*+)\]\]|\s*\[([^\[\]]*+)\]")
_KEY = regex.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[.=]""")


def _scan(text: str) -> _FileLines:
    """Lines of table headers and keys, by a line-by-line scan of valid TOML."""
    found = _FileLines()
    current: _TableLines | None = None
    open_string: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if open_string is not None:
            if line.count(open_string) % 2 == 1:
                open_string = None
            continue
        header = _HEADER.match(line)
        if header:
            current = _enter_table(found, header, number)
        else:
            key = _KEY.match(line)
            if key:
                name = next(group for group in key.groups() if group is not None)
                target = found.top if current is None else current.keys
                target.setdefault(name, number)
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 == 1:
                open_string = quote
                break
    return found


def _enter_table(found: _FileLines, header: regex.Match[str], number: int) -> _TableLines:
    """Record a `[table]` or `[[array]]` header; the table its keys belong to."""
    is_array = header.group(1) is not None
    name = regex.sub(r"\s+", "", header.group(1) if is_array else header.group(2))
    table = _TableLines(number)
    if is_array and name == "claim":
        claim = _ClaimLines(number)
        found.claims.append(claim)
        found.top.setdefault("claim", number)
        return claim
    if found.claims and name == "claim.acknowledged" and is_array:
        found.claims[-1].acknowledged.append(table)
    elif found.claims and name == "claim.reference" and not is_array:
        found.claims[-1].reference = table
    elif name == "aliases" and not is_array:
        found.aliases = table
        found.top.setdefault("aliases", number)
    else:
        found.top.setdefault(name.split(".")[0].strip("\"'"), number)
    return table
