"""`factcheck check` for review and CI: pull-request markdown, JUnit XML,
SARIF 2.1.0, GitHub Actions annotations and CSV.

Every function here is pure and deterministic: the same result gives the
same bytes (groups in the order of `result.verdicts`, no timestamps, no
absolute paths unless the user gave one). Figures know only their document
id; `origins` (doc id -> `Origin`: the path as the user gave it, and the
line of a JSONL/CSV record) turns that into a file and line for links and
annotations, and the doc id stands in when a path is unknown.

A *finding* is one figure a CI system should point at: a figure of a
conflicting group that takes part in a disagreement, or a figure that
contradicts its rule's reference value (figures of an acknowledged
conflict are findings too, reported as suppressed or skipped). Consistent,
changed-over-time and single-source groups have none.

The shared vocabulary of the human reports (paths, intervals, evidence,
coverage) lives here too; the terminal table uses it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote

from factcheck import __version__
from factcheck.compare.policy import CheckResult, UnusedAcknowledgement, coverage
from factcheck.compare.status import READING_ORDER, UNUSED_ACKNOWLEDGEMENT, Status
from factcheck.compare.verdict import Disagreement, Verdict
from factcheck.corpus import InputProblem
from factcheck.model import Figure, Origin
from factcheck.report.figures import figure_frame, number_text
from factcheck.rules.model import Reference

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "SARIF_SCHEMA",
    "Finding",
    "check_csv",
    "check_github",
    "check_junit",
    "check_markdown",
    "check_sarif",
    "coverage_text",
    "figure_path",
    "findings",
    "interval_text",
    "verdict_counts",
]

#: Where the SARIF 2.1.0 schema lives (the OASIS errata 01 text, as in tests/).
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


#: Key of the SARIF partial fingerprint; bump the version if its recipe changes.
FINGERPRINT = "factcheck/v1"


#: Corpus files whose documents are rows: a figure's line counts inside its
#: row's text, not in the file, so it cannot be pointed at in the file.
ROW_FILES = (".jsonl", ".csv")

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# Markdown that would turn figure text or sentences into markup ($ opens math on GitHub).
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|$~])")
_SPACES = re.compile(r"\s+")


# --------------------------------------------------------------------------
# Shared vocabulary: where a figure is, what it asserts, why it is flagged


def figure_origin(figure: Figure, origins: Mapping[str, Origin] | None = None) -> Origin:
    """Where a figure's document was read from; its doc id as the path when unknown."""
    return (origins or {}).get(figure.doc) or Origin(figure.doc)


def figure_path(figure: Figure, origins: Mapping[str, Origin] | None = None) -> str:
    """The file a figure was read from, as the user gave it; its doc id when unknown."""
    return figure_origin(figure, origins).path


def file_line(figure: Figure, origins: Mapping[str, Origin] | None = None) -> int | None:
    """The line of its file a report points at for a figure: its own line for a
    file of its own, the record's line for a JSONL/CSV row, None when a row's
    line is unknown."""
    origin = figure_origin(figure, origins)
    if origin.row is not None:
        return origin.row
    return figure.line if in_file(origin.path) else None


def in_file(path: str) -> bool:
    """Whether a figure's line and column are positions in the file at `path`
    (not for the rows of a JSONL or CSV corpus)."""
    return os.path.splitext(path)[1].lower() not in ROW_FILES


def artifact_uri(path: str) -> str:
    """A path as a URI reference: forward slashes, percent-encoded, relative
    when the path is (an absolute path becomes a `file://` URI)."""
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    if re.match(r"[A-Za-z]:/", posix):
        return "file:///" + quote(posix, safe="/:")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


def short_number(value: float) -> str:
    """A bound as printed inside an interval: no thousands commas (they would
    read as the interval's comma), millions and billions shortened."""
    magnitude = abs(value)
    if magnitude >= 1e9:
        return f"{value / 1e9:.6g}B"
    if magnitude >= 1e6:
        return f"{value / 1e6:.6g}M"
    return f"{value:.6g}"


def interval_text(figure: Figure, unit: str | None = None) -> str:
    """The interval a figure asserts, `[44.5, 45.5]`; `(70, …)` for "more than
    70". The figure's unit is added when it is not the claim's `unit`."""
    low, high = figure.interval
    left = "(" if low is None or figure.qualifier == "gt" else "["
    right = ")" if high is None or figure.qualifier == "lt" else "]"
    shown = (
        f"{left}{'…' if low is None else short_number(low)}, "
        f"{'…' if high is None else short_number(high)}{right}"
    )
    return shown if unit is None or figure.unit == unit else f"{shown} {figure.unit}"


def reference_text(reference: Reference, unit: str) -> str:
    """`3,100,000 tonne (test agriculture board, as of 2024-08-31)`."""
    low, high = reference.interval
    value = number_text(low) if low == high else f"{number_text(low)} to {number_text(high)}"
    where = ", ".join(
        part
        for part in (reference.source, f"as of {reference.as_of}" if reference.as_of else None)
        if part
    )
    return f"{value} {unit}" + (f" ({where})" if where else "")


def where(figure: Figure, origins: Mapping[str, Origin] | None = None) -> str:
    """`path:line`, or `path:row (doc, line N)` for a row of a JSONL/CSV corpus."""
    origin = figure_origin(figure, origins)
    line = file_line(figure, origins)
    shown = origin.path if line is None else f"{origin.path}:{line}"
    if in_file(origin.path):
        return shown
    return f"{shown} ({figure.doc}, line {figure.line})"


def disagreement_text(
    d: Disagreement, unit: str, tolerance: str, origins: Mapping[str, Origin] | None
) -> str:
    """One disagreement as a line of evidence: who says what, for when and
    where, the bounds used and the gap."""
    return (
        f"{side_text(d.first)} ({where(d.first, origins)}) asserts {interval_text(d.first, unit)}, "
        f"{side_text(d.second)} ({where(d.second, origins)}) asserts "
        f"{interval_text(d.second, unit)}{_when_where(d)}: "
        f"{gap_text(d.gap, unit)} apart, tolerance {tolerance}"
    )


def side_text(figure: Figure) -> str:
    """A figure as one side of a disagreement: `police "48,000"`."""
    return f'{figure.source} "{figure.text}"' if figure.source else f'"{figure.text}"'


def gap_text(gap: float, unit: str) -> str:
    """A difference in its unit; a gap between percentages is in points."""
    if unit == "percent":
        return f"{number_text(gap)} percentage points"
    return f"{number_text(gap)} {unit}"


def _when_where(d: Disagreement) -> str:
    """`, 2024-10-16, Lyon`: the day and place both sides claim, when they share them."""
    shared = [
        value
        for value in (
            d.first.period if d.first.period == d.second.period else "",
            d.first.as_of if d.first.as_of == d.second.as_of else "",
            d.first.scope if d.first.scope == d.second.scope else "",
        )
        if value
    ]
    return "".join(f", {value}" for value in shared)


def series_text(verdict: Verdict, limit: int | None = None) -> str:
    """A changed-over-time group's figures in date order, each with its source and
    day, a downward revision named as such: `12 people (2024-10-14) -> 19 (...)`."""
    steps = []
    previous: Figure | None = None
    for figure in verdict.series:
        when = figure.as_of or figure.period or "undated"
        down = previous is not None and figure.value < previous.value
        status = "" if down and figure.status == "revised" else figure.status
        label = f"{figure.text} ({', '.join(v for v in (figure.source, when, status) if v)})"
        if down and previous is not None:
            label += " revised down" if figure.as_of != previous.as_of else " lower"
        steps.append(label)
        previous = figure
    return " -> ".join(shortened(steps, limit, "more"))


def shortened(items: Sequence[str], limit: int | None, noun: str) -> list[str]:
    """`items`, or the first `limit` of them and `and N more`: a format that must
    shorten says so."""
    if limit is None or len(items) <= limit:
        return list(items)
    return [*items[:limit], f"and {len(items) - limit} {noun}"]


def reference_miss_text(
    verdict: Verdict, figure: Figure, origins: Mapping[str, Origin] | None
) -> str:
    """A figure that contradicts its rule's reference value, with the bounds used."""
    group = verdict.group
    reference = group.rule.reference if group.rule else None
    against = reference_text(reference, group.unit) if reference else "value"
    return (
        f'"{figure.text}" ({where(figure, origins)}) asserts {interval_text(figure, group.unit)}, '
        f"outside the reference {against}, tolerance {verdict.tolerance}"
    )


def group_evidence(verdict: Verdict, origins: Mapping[str, Origin] | None = None) -> list[str]:
    """Why a group fails: each disagreement, then each figure against the reference."""
    unit = verdict.group.unit
    lines = [disagreement_text(d, unit, verdict.tolerance, origins) for d in verdict.disagreements]
    lines += [
        reference_miss_text(verdict, figure, origins)
        for figure, status in verdict.references
        if status == Status.CONTRADICTS_REFERENCE
    ]
    return lines


def verdict_counts(result: CheckResult) -> list[tuple[str, int]]:
    """Groups per headline verdict, in reading order (what needs attention first)."""
    counts = Counter(v.status for v in result.verdicts)
    return [(name, counts[name]) for name in READING_ORDER if counts[name]]


def counts_text(result: CheckResult) -> str:
    """`1 conflicting, 2 consistent`, or `no claim groups`."""
    return ", ".join(f"{n} {name}" for name, n in verdict_counts(result)) or "no claim groups"


def coverage_text(result: CheckResult) -> str:
    """The coverage line every report ends with."""
    c = coverage(result)
    return (
        f"{c.figures} figure{'s' if c.figures != 1 else ''} found, "
        f"{c.claimed_by_rules} claimed by rules, "
        f"{c.grouped_automatically} grouped automatically, {c.left_alone} left alone"
    )


@dataclass(frozen=True, slots=True)
class Finding:
    """One figure a CI report points at, and why."""

    verdict: Verdict
    figure: Figure
    status: str  # conflicting, contradicts-reference, or acknowledged (a suppressed conflict)
    disagreements: tuple[Disagreement, ...]  # those the figure takes part in
    contradicts_reference: bool
    occurrence: int  # earlier figures of the same claim and document with the same text

    def fingerprint(self) -> str:
        """Stable identity across runs: claim, document, text as written, occurrence."""
        key = "\0".join(
            (self.verdict.group.claim, self.figure.doc, self.figure.text, str(self.occurrence))
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def others(self) -> list[Figure]:
        """The figures this one disagrees with, each once, in evidence order."""
        seen: dict[tuple[str, int], Figure] = {}
        for d in self.disagreements:
            other = d.second if _key(d.first) == _key(self.figure) else d.first
            seen.setdefault(_key(other), other)
        return list(seen.values())

    def message(self, origins: Mapping[str, Origin] | None = None) -> str:
        """The evidence in one paragraph: who disagrees, by how much, the bounds used."""
        group, figure = self.verdict.group, self.figure
        parts = []
        for d in self.disagreements:
            other = d.second if _key(d.first) == _key(figure) else d.first
            parts.append(
                f"{side_text(figure)} asserts {interval_text(figure, group.unit)} but "
                f"{side_text(other)} ({where(other, origins)}) asserts "
                f"{interval_text(other, group.unit)}: "
                f"{gap_text(d.gap, group.unit)} apart, tolerance {self.verdict.tolerance}"
            )
        if self.contradicts_reference:
            reference = group.rule.reference if group.rule else None
            against = reference_text(reference, group.unit) if reference else "value"
            parts.append(
                f'"{figure.text}" asserts {interval_text(figure, group.unit)}, '
                f"outside the reference {against}, tolerance {self.verdict.tolerance}"
            )
        text = f"{group.label}: " + "; ".join(parts) + "."
        if self.status == Status.ACKNOWLEDGED:
            text += f" Acknowledged: {self.verdict.acknowledged}"
        return text


def findings(result: CheckResult) -> list[Finding]:
    """Every figure to point at, each once: groups in report order, figures in group order."""
    found = []
    for verdict in result.verdicts:
        headline = verdict.status
        if headline not in (Status.CONFLICTING, Status.CONTRADICTS_REFERENCE, Status.ACKNOWLEDGED):
            continue
        contradicting = {
            _key(f) for f, r in verdict.references if r == Status.CONTRADICTS_REFERENCE
        }
        occurrences: Counter[tuple[str, str]] = Counter()
        for figure in verdict.group.figures:
            occurrence = occurrences[(figure.doc, figure.text)]
            occurrences[(figure.doc, figure.text)] += 1
            key = _key(figure)
            against = tuple(
                d for d in verdict.disagreements if key in (_key(d.first), _key(d.second))
            )
            if not against and key not in contradicting:
                continue
            status = (
                Status.ACKNOWLEDGED
                if headline == Status.ACKNOWLEDGED
                else Status.CONFLICTING
                if against
                else Status.CONTRADICTS_REFERENCE
            )
            found.append(
                Finding(verdict, figure, status, against, key in contradicting, occurrence)
            )
    return found


def _key(figure: Figure) -> tuple[str, int]:
    return figure.doc, figure.start


def _end(figure: Figure) -> tuple[int, int]:
    """Line and column just after the figure's text (SARIF's exclusive end)."""
    lines = figure.text.split("\n")
    if len(lines) == 1:
        return figure.line, figure.column + len(figure.text)
    return figure.line + len(lines) - 1, len(lines[-1]) + 1


# --------------------------------------------------------------------------
# Markdown: a pull-request comment


def check_markdown(
    result: CheckResult,
    *,
    origins: Mapping[str, Origin] | None = None,
    skipped: Sequence[InputProblem] = (),
    link_base: str = "",
) -> str:
    """A pull-request comment: summary, conflicts first with their evidence,
    then the passing groups in one table, then coverage.

    Links are relative (`path#L7`) unless `link_base` is given (for example
    `https://github.com/OWNER/REPO/blob/SHA/`), which is put in front of each.
    """
    link = _Linker(origins, link_base)
    attention = [
        v for v in result.verdicts if v.status in (Status.CONFLICTING, Status.CONTRADICTS_REFERENCE)
    ]
    acknowledged = [v for v in result.verdicts if v.verdict == Status.ACKNOWLEDGED]
    passing = [v for v in result.verdicts if v not in attention and v not in acknowledged]

    head = [f"## factcheck: {counts_text(result)}", ""]
    read = (
        f"{result.documents} document{'s' if result.documents != 1 else ''} read, "
        f"{result.figures} figures, {len(result.verdicts)} claim groups"
    )
    if skipped:
        read += f", {len(skipped)} document{'s' if len(skipped) != 1 else ''} skipped"
    head += [read + ".", ""]
    sections = [
        _Section("### Needs attention", [_markdown_failing(v, link) for v in attention]),
        _Section("### Acknowledged conflicts", [_markdown_failing(v, link) for v in acknowledged]),
        _Section(
            f"### Passing ({len(passing)})",
            [[_markdown_passing(v, link)] for v in passing],
            ["| verdict | claim | figures and the bounds they assert | tolerance | note |",
             "|---|---|---|---|---|"],
            groups=True,
            closing=True,
        ),
        _Section(
            "### Documents skipped",
            [[f"- {link.place(p.path, p.line)}: {_md(p.message)}"] for p in skipped],
            groups=False,
            closing=True,
        ),
        _Section(
            "### Unused acknowledgements",
            [[_markdown_unused(u, link)] for u in result.unused_acknowledgements],
            groups=False,
            closing=True,
        ),
    ]  # fmt: skip
    tail = [f"**Coverage:** {coverage_text(result)}."]
    return "\n".join(_fit(head, sections, tail, MARKDOWN_LIMIT)) + "\n"


#: The longest Markdown report: a GitHub pull-request comment holds 65,536 characters.
MARKDOWN_LIMIT = 65_536


@dataclass(frozen=True, slots=True)
class _Section:
    """A heading, its entries (each a few lines), and the lines before and after them."""

    title: str
    entries: list[list[str]]
    opening: list[str] = field(default_factory=list)
    groups: bool = True  # its entries are claim groups (else documents or rules)
    closing: bool = False  # a blank line after the entries (a table, a list)


def _fit(head: list[str], sections: list[_Section], tail: list[str], limit: int) -> list[str]:
    """The report's lines within `limit` characters, most important first: once
    an entry does not fit, it and every later one are left out, and one line
    says how many and where to find them."""
    notice_room = 200
    used = sum(len(line) + 1 for line in head + tail) + notice_room
    out = list(head)
    left_groups = left_other = 0
    for section in sections:
        if not section.entries:
            continue
        opened = False
        for entry in section.entries:
            cost = sum(len(line) + 1 for line in entry)
            if not opened:
                cost += sum(len(line) + 1 for line in [section.title, "", *section.opening]) + 1
            if left_groups or left_other or used + cost > limit:
                left_groups += section.groups
                left_other += not section.groups
                continue
            if not opened:
                out += [section.title, "", *section.opening]
                opened = True
            out += entry
            used += cost
        if opened and section.closing:
            out.append("")
    if left_groups or left_other:
        parts = [f"{left_groups} more claim groups"] if left_groups else []
        parts += [f"{left_other} more entries"] if left_other else []
        out += [
            f"_{' and '.join(parts)} left out to fit a pull-request comment "
            f"({limit:,} characters): see the JSON or SARIF report._",
            "",
        ]
    return out + tail


def _markdown_passing(verdict: Verdict, link: _Linker) -> str:
    figures = "<br>".join(
        f"{link.figure(f)} {_md(interval_text(f, verdict.group.unit))}"
        for f in verdict.group.figures
    )
    return (
        f"| {verdict.status} | {_md(verdict.group.label)} "
        f"(`{_code(verdict.group.claim)}`) "
        f"| {figures} | {_md(verdict.tolerance)} | {_note(verdict)} |"
    )


def _markdown_failing(verdict: Verdict, link: _Linker) -> list[str]:
    group = verdict.group
    status = verdict.status
    origin = (
        f"rule in `{_code(group.rule.path)}`"
        if group.rule and group.rule.path
        else "automatic group"
    )
    details = (
        f"`{_code(group.claim)}` ({origin}) · unit {_md(group.unit)} "
        f"· tolerance {_md(verdict.tolerance)}"
    )
    reference = group.rule.reference if group.rule else None
    if reference is not None:
        details += f" · reference {_md(reference_text(reference, group.unit))}"
    out = [f"#### {status}: {_md(group.label)}", "", details, ""]
    if verdict.acknowledged:
        out += [f"Acknowledged: {_md(verdict.acknowledged)}", ""]
    for d in verdict.disagreements[:MARKDOWN_DISAGREEMENTS]:
        out.append(
            f"- **{_md(gap_text(d.gap, group.unit))} apart:** "
            f"{_source(d.first)}{link.figure(d.first)} asserts "
            f"{_md(interval_text(d.first, group.unit))}, "
            f"{_source(d.second)}{link.figure(d.second)} asserts "
            f"{_md(interval_text(d.second, group.unit))}"
        )
    if len(verdict.disagreements) > MARKDOWN_DISAGREEMENTS:
        out.append(f"- and {len(verdict.disagreements) - MARKDOWN_DISAGREEMENTS} more")
    for figure, state in verdict.references:
        if state == Status.CONTRADICTS_REFERENCE:
            out.append(
                f"- **outside the reference:** {link.figure(figure)} asserts "
                f"{_md(interval_text(figure, group.unit))}"
            )
    if verdict.thanks_to_tolerance:
        out.append(f"- agrees only within the tolerance ({_md(verdict.tolerance)})")
    out.append("")
    quoted = _flagged_figures(verdict)
    out += [f"> {link.where(f)}: {_quote_sentence(f)}  " for f in quoted]
    if quoted:
        out[-1] = out[-1].rstrip()
        out.append("")
    return out


#: Disagreements a Markdown group lists before it says "and N more".
MARKDOWN_DISAGREEMENTS = 10


def _source(figure: Figure) -> str:
    return f"{_md(figure.source)} " if figure.source else ""


def _flagged_figures(verdict: Verdict) -> list[Figure]:
    """The figures a failing group's evidence names, each once, in group order."""
    named = {_key(f) for d in verdict.disagreements for f in (d.first, d.second)}
    named |= {_key(f) for f, r in verdict.references if r == Status.CONTRADICTS_REFERENCE}
    return [f for f in verdict.group.figures if _key(f) in named]


def _markdown_unused(unused: UnusedAcknowledgement, link: _Linker) -> str:
    rule = unused.rule
    return (
        f"- {link.place(rule.path, unused.acknowledgement.line)}: acknowledged conflict of "
        f"`{_code(rule.id)}` {_md(unused.why)}"
    )


def _note(verdict: Verdict) -> str:
    if verdict.thanks_to_tolerance:
        return "≈ agrees only within the tolerance"
    if verdict.verdict == Status.CHANGED_OVER_TIME:
        return "a series: " + _md(series_text(verdict, limit=8))
    if verdict.verdict == Status.SINGLE_SOURCE:
        return "one source"
    return ""


class _Linker:
    """Markdown links to files and lines, relative unless a base is given."""

    def __init__(self, origins: Mapping[str, Origin] | None, base: str) -> None:
        self.origins = origins
        self.base = base

    def place(self, path: str, line: int | None) -> str:
        shown = path if line is None else f"{path}:{line}"
        target = self.base + artifact_uri(path)
        if line is not None:
            target += f"#L{line}"
        return f"[{_md(shown)}]({target})"

    def where(self, figure: Figure) -> str:
        path = figure_path(figure, self.origins)
        place = self.place(path, file_line(figure, self.origins))
        if in_file(path):
            return place
        return f"{place} ({_md(figure.doc)}, line {figure.line})"

    def figure(self, figure: Figure) -> str:
        """`"$250 million"` linked to its line."""
        path = figure_path(figure, self.origins)
        line = file_line(figure, self.origins)
        target = self.base + artifact_uri(path) + ("" if line is None else f"#L{line}")
        return f'["{_md(figure.text)}"]({target})'


def _quote_sentence(figure: Figure, width: int = 160) -> str:
    """The figure's sentence, the figure in bold, shortened around it."""
    sentence = " ".join(figure.sentence.split())
    text = " ".join(figure.text.split())
    at = sentence.find(text)
    if at < 0:
        return _md(sentence[:width])
    before, after = sentence[:at], sentence[at + len(text) :]
    room = max(width - len(text), 20)
    if len(before) > room // 2:
        before = "…" + before[len(before) - room // 2 :]
    if len(after) > room - len(before):
        after = after[: max(room - len(before), 10)] + "…"
    return f"{_md(before)}**{_md(text)}**{_md(after)}"


def _md(text: str) -> str:
    """Text as itself in markdown: markup characters escaped, on one line."""
    return _MARKDOWN.sub(r"\\\1", _SPACES.sub(" ", str(text)))


def _code(text: str) -> str:
    """Text for inside `backticks` (in a table cell, a | would still split it)."""
    return " ".join(text.replace("`", "'").replace("|", "/").split())


# --------------------------------------------------------------------------
# JUnit XML


def check_junit(
    result: CheckResult,
    *,
    origins: Mapping[str, Origin] | None = None,
    skipped: Sequence[InputProblem] = (),
) -> str:
    """JUnit XML: one suite per rule file (named by its path) and one named
    `automatic`; one test case per claim group; a failure with the evidence
    for conflicting and contradicts-reference groups; single-source and
    acknowledged groups skipped. Unreadable documents, when there are any,
    are skipped cases of a `documents` suite."""
    suites: dict[str, list[Verdict]] = {}
    for verdict in result.verdicts:
        if verdict.group.rule is not None:
            suites.setdefault(verdict.group.rule.path or "rules", []).append(verdict)
    names = sorted(suites)
    automatic = [v for v in result.verdicts if v.group.rule is None]
    if automatic:
        suites["automatic"] = automatic
        names.append("automatic")

    root = ET.Element("testsuites", {"name": "factcheck"})
    totals = Counter[str]()
    for name in names:
        suite = ET.SubElement(root, "testsuite", {"name": _xml(name)})
        counts = Counter[str]()
        for verdict in suites[name]:
            counts["tests"] += 1
            counts[_junit_case(suite, name, verdict, origins)] += 1
        _count(suite, counts)
        totals.update(counts)
    if skipped:
        suite = ET.SubElement(root, "testsuite", {"name": "documents"})
        for problem in skipped:
            case = ET.SubElement(
                suite, "testcase", {"classname": "documents", "name": _xml(problem.path)}
            )
            ET.SubElement(case, "skipped", {"type": "unreadable", "message": _xml(str(problem))})
        counts = Counter({"tests": len(skipped), "skipped": len(skipped)})
        _count(suite, counts)
        totals.update(counts)
    _count(root, totals)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _junit_case(
    suite: ET.Element, name: str, verdict: Verdict, origins: Mapping[str, Origin] | None
) -> str:
    """Add the group's test case; return what it counts as (passed, failures, skipped)."""
    group = verdict.group
    attributes = {"classname": _xml(name), "name": _xml(group.claim)}
    if group.rule is not None and group.rule.path:
        attributes |= {"file": _xml(group.rule.path), "line": str(group.rule.line)}
    case = ET.SubElement(suite, "testcase", attributes)
    status = verdict.status
    outcome = "passed"
    if status in (Status.CONFLICTING, Status.CONTRADICTS_REFERENCE):
        evidence = group_evidence(verdict, origins)
        failure = ET.SubElement(
            case,
            "failure",
            {"message": _xml(f"{status}: {group.label}: {evidence[0]}"), "type": status},
        )
        failure.text = _xml("\n".join(evidence))
        outcome = "failures"
    elif status == Status.ACKNOWLEDGED:
        message = f"acknowledged: {group.label}: {verdict.acknowledged}"
        ET.SubElement(case, "skipped", {"type": "acknowledged", "message": _xml(message)})
        outcome = "skipped"
    elif status == Status.SINGLE_SOURCE:
        docs = sorted({figure_path(f, origins) for f in group.figures})
        message = f"single source: only {', '.join(docs)} states {group.label}"
        ET.SubElement(case, "skipped", {"type": "single-source", "message": _xml(message)})
        outcome = "skipped"
    out = ET.SubElement(case, "system-out")
    out.text = _xml("\n".join(_bounds_lines(verdict, origins)))
    return outcome


def _bounds_lines(verdict: Verdict, origins: Mapping[str, Origin] | None) -> list[str]:
    """The group's verdict, tolerance and each figure with the interval it asserts."""
    group = verdict.group
    lines = [f"{verdict.status}: {group.label} [{group.unit}], tolerance {verdict.tolerance}"]
    if verdict.thanks_to_tolerance:
        lines.append("agrees only within the tolerance")
    reference = group.rule.reference if group.rule else None
    if reference is not None:
        lines.append(f"reference {reference_text(reference, group.unit)}")
    for figure in group.figures:
        period = f" ({figure.period})" if figure.period else ""
        lines.append(
            f'{where(figure, origins)}: "{figure.text}" asserts '
            f"{interval_text(figure, group.unit)}{period}"
        )
    return lines


def _count(element: ET.Element, counts: Counter[str]) -> None:
    for name in ("tests", "failures", "errors", "skipped"):
        element.set(name, str(counts[name]))


def _xml(text: str) -> str:
    """Text XML 1.0 can hold (control characters dropped; ElementTree escapes the rest)."""
    return _NOT_XML.sub("", text)


# --------------------------------------------------------------------------
# SARIF 2.1.0


def check_sarif(
    result: CheckResult,
    *,
    origins: Mapping[str, Origin] | None = None,
    skipped: Sequence[InputProblem] = (),
) -> str:
    """SARIF 2.1.0: one error per conflicting or reference-contradicting figure
    (acknowledged ones carry an external suppression), a warning per unused
    acknowledgement, unreadable documents as tool notifications."""
    found = findings(result)
    rules: list[dict[str, object]] = []
    index: dict[str, int] = {}
    for finding in found:
        claim = finding.verdict.group.claim
        if claim not in index:
            index[claim] = len(rules)
            rules.append(_sarif_rule(finding.verdict))
    results = [_sarif_result(f, index[f.verdict.group.claim], origins) for f in found]
    if result.unused_acknowledgements:
        index[UNUSED_ACKNOWLEDGEMENT] = len(rules)
        rules.append(
            {
                "id": UNUSED_ACKNOWLEDGEMENT,
                "name": "UnusedAcknowledgement",
                "shortDescription": {
                    "text": "An acknowledged conflict that no longer matches a conflict"
                },
                "defaultConfiguration": {"level": "warning"},
            }
        )
        results += [
            _sarif_unused(u, index[UNUSED_ACKNOWLEDGEMENT]) for u in result.unused_acknowledgements
        ]
    invocation: dict[str, object] = {"executionSuccessful": True}
    if skipped:
        invocation["toolExecutionNotifications"] = [_sarif_notification(p) for p in skipped]
    driver = {
        "name": "factcheck",
        "version": __version__,
        "rules": rules,
    }
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"


def _sarif_rule(verdict: Verdict) -> dict[str, object]:
    group = verdict.group
    descriptor: dict[str, object] = {
        "id": group.claim,
        "shortDescription": {"text": group.label},
        "fullDescription": {
            "text": f"Sources must agree on {group.label} "
            f"({group.unit}, tolerance {verdict.tolerance})."
        },
        "defaultConfiguration": {"level": "error"},
    }
    properties: dict[str, object] = {"unit": group.unit, "tolerance": verdict.tolerance}
    if group.rule is not None:
        properties["ruleFile"] = group.rule.path
        properties["ruleLine"] = group.rule.line
    descriptor["properties"] = properties
    return descriptor


def _sarif_location(figure: Figure, origins: Mapping[str, Origin] | None) -> dict[str, object]:
    path = figure_path(figure, origins)
    physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(path)}}
    if in_file(path):
        end_line, end_column = _end(figure)
        physical["region"] = {
            "startLine": figure.line,
            "startColumn": figure.column,
            "endLine": end_line,
            "endColumn": end_column,
            "snippet": {"text": figure.text},
        }
    elif (row := file_line(figure, origins)) is not None:
        # The record's line: a column would count in its text, not in the file.
        physical["region"] = {"startLine": row, "snippet": {"text": figure.text}}
    location: dict[str, object] = {"physicalLocation": physical}
    if not in_file(path):
        location["logicalLocations"] = [{"name": figure.doc, "kind": "document"}]
    return location


def _sarif_result(
    finding: Finding, rule_index: int, origins: Mapping[str, Origin] | None
) -> dict[str, object]:
    figure = finding.figure
    out: dict[str, object] = {
        "ruleId": finding.verdict.group.claim,
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": finding.message(origins)},
        "locations": [_sarif_location(figure, origins)],
        "partialFingerprints": {FINGERPRINT: finding.fingerprint()},
    }
    others = finding.others()
    if others:
        out["relatedLocations"] = [
            {"id": n, **_sarif_location(other, origins), "message": {"text": f'"{other.text}"'}}
            for n, other in enumerate(others, start=1)
        ]
    if finding.status == Status.ACKNOWLEDGED:
        out["suppressions"] = [{"kind": "external", "justification": finding.verdict.acknowledged}]
    out["properties"] = {
        "status": finding.status,
        "document": figure.doc,
        "interval": list(figure.to_dict()["interval"]),
        "unit": figure.unit,
        "tolerance": finding.verdict.tolerance,
    }
    return out


def _sarif_unused(unused: UnusedAcknowledgement, rule_index: int) -> dict[str, object]:
    rule, ack = unused.rule, unused.acknowledgement
    key = "\0".join((UNUSED_ACKNOWLEDGEMENT, rule.id, *ack.documents))
    return {
        "ruleId": UNUSED_ACKNOWLEDGEMENT,
        "ruleIndex": rule_index,
        "level": "warning",
        "message": {
            "text": f'Acknowledged conflict of claim "{rule.id}" {unused.why}: '
            "remove it, or update its documents."
        },
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(rule.path)},
                    "region": {"startLine": max(ack.line, 1)},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT: hashlib.sha256(key.encode("utf-8")).hexdigest()},
    }


def _sarif_notification(problem: InputProblem) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(problem.path)}}
    if problem.line is not None:
        physical["region"] = {"startLine": problem.line}
    return {
        "level": "error",
        "message": {"text": f"document skipped: {problem.message}"},
        "locations": [{"physicalLocation": physical}],
    }


# --------------------------------------------------------------------------
# GitHub Actions workflow commands


def check_github(
    result: CheckResult,
    *,
    origins: Mapping[str, Origin] | None = None,
    skipped: Sequence[InputProblem] = (),
) -> str:
    """`::error file=...,line=...,col=...,title=...::message` per conflicting or
    reference-contradicting figure, warnings for unreadable documents and
    unused acknowledgements, then a `::notice::` summary. GitHub shows only
    `GITHUB_ANNOTATIONS` of each level a step, so no more are written: one
    notice counts the rest.

    A figure of a JSONL/CSV row points at the line its record starts on (line 1
    when that is unknown, as for a problem with no line); the message says
    where in the row it is.
    """
    lines = []
    errors_left = 0
    for finding in findings(result):
        if finding.status == Status.ACKNOWLEDGED:
            continue
        if len(lines) >= GITHUB_ANNOTATIONS:  # every line so far is an error
            errors_left += 1
            continue
        path = figure_path(finding.figure, origins)
        message = finding.message(origins)
        title = f"{finding.status}: {finding.verdict.group.label}"
        if in_file(path):
            line, column = finding.figure.line, finding.figure.column
            lines.append(_command("error", message, file=path, line=line, col=column, title=title))
            continue
        message = f"{finding.figure.doc}, line {finding.figure.line}: {message}"
        row = file_line(finding.figure, origins) or 1
        lines.append(_command("error", message, file=path, line=row, title=title))
    warnings = [*_skipped_warnings(skipped), *_unused_warnings(result)]
    lines += warnings[:GITHUB_ANNOTATIONS]
    warnings_left = len(warnings) - len(warnings[:GITHUB_ANNOTATIONS])
    if errors_left or warnings_left:
        lines.append(
            _command(
                "notice",
                f"factcheck: {errors_left} more findings and {warnings_left} more warnings "
                f"not annotated (GitHub shows {GITHUB_ANNOTATIONS} of each per step): "
                "see the JSON or SARIF report",
            )
        )
    summary = (
        f"factcheck: {len(result.verdicts)} claim groups ({counts_text(result)}); "
        f"{result.documents} documents read"
        + (f", {len(skipped)} skipped" if skipped else "")
        + f"; coverage: {coverage_text(result)}"
    )
    lines.append(_command("notice", summary))
    return "\n".join(lines) + "\n"


#: Annotations of each level GitHub shows for one step (its documented limit:
#: 10 errors and 10 warnings a step); the rest are counted in one notice.
GITHUB_ANNOTATIONS = 10


def _skipped_warnings(skipped: Sequence[InputProblem]) -> list[str]:
    return [
        _command(
            "warning",
            f"document skipped: {problem.message}",
            file=problem.path,
            line=problem.line or 1,
            col=1,
            title="document skipped",
        )
        for problem in skipped
    ]


def _unused_warnings(result: CheckResult) -> list[str]:
    return [
        _command(
            "warning",
            f'acknowledged conflict of claim "{unused.rule.id}" {unused.why}: '
            "remove it, or update its documents",
            file=unused.rule.path or unused.rule.id,
            line=max(unused.acknowledgement.line, 1),
            col=1,
            title="unused acknowledgement",
        )
        for unused in result.unused_acknowledgements
    ]


def _command(name: str, message: str, **properties: object) -> str:
    """One workflow command, escaped as GitHub documents it."""
    shown = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + shown if shown else ''}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# --------------------------------------------------------------------------
# CSV

#: Columns the CSV puts before the figure contract's fields.
CSV_GROUP_COLUMNS = (
    "claim",
    "label",
    "verdict",
    "status",
    "claim_unit",
    "tolerance",
    "agrees_thanks_to_tolerance",
    "rule_file",
    "reference",
    "finding",
    "path",
)


def check_csv(
    result: CheckResult,
    *,
    origins: Mapping[str, Origin] | None = None,
    skipped: Sequence[InputProblem] = (),
) -> str:
    """One row per figure: its group (claim, label, verdict, status, unit as
    `claim_unit`, tolerance...), whether it is flagged (`finding`), its file
    (`path`), then the figure contract's fields. Through pandas, like
    `factcheck extract --format csv`."""
    del skipped  # a table of figures has no row for a document that was not read
    flagged = {(id(f.verdict), _key(f.figure)): f.status for f in findings(result)}
    group_rows = []
    figures = []
    for verdict in result.verdicts:
        group = verdict.group
        references = {_key(f): r for f, r in verdict.references}
        for figure in group.figures:
            figures.append(figure)
            group_rows.append(
                (
                    group.claim,
                    group.label,
                    verdict.verdict,
                    verdict.status,
                    group.unit,
                    verdict.tolerance,
                    verdict.thanks_to_tolerance,
                    group.rule.path if group.rule else "",
                    references.get(_key(figure), ""),
                    flagged.get((id(verdict), _key(figure)), ""),
                    figure_path(figure, origins),
                )
            )
    import pandas as pd  # only the CSV needs it: other reports do not pay its import

    frame = figure_frame(figures)
    head = pd.DataFrame.from_records(group_rows, columns=list(CSV_GROUP_COLUMNS))
    table = (
        pd.concat([head, frame], axis=1) if figures else _empty(CSV_GROUP_COLUMNS, frame.columns)
    )
    return table.to_csv(index=False, lineterminator="\n")


def _empty(first: Iterable[str], rest: Iterable[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(columns=[*first, *rest])
