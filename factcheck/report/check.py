"""`factcheck check` output: the consistency report for people and for scorers.

JSON form (documented in the README): an object with `groups` and `summary`.
Each group: `claim`, `label`, `verdict`, `status` (the headline: a
contradicted reference outranks an agreement), `unit`, `tolerance`,
`agrees_thanks_to_tolerance`, `rule_file`, `acknowledged` (the reason, or
null), `reference_value` (the rule's reference, or null), `figures` (the
figure contract's fields plus `path`, and `reference` when the rule has a
reference value), `disagreements` (pairs with the gap between them) and
`series` (changed-over-time, in period order). The summary counts
documents, figures, groups and groups per verdict, and holds `coverage`,
`documents_skipped` and `unused_acknowledgements`.

`render` is the one entry point of the command line; the CI formats live
in `factcheck.report.ci`. Every format is deterministic: the same result
gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import json
import textwrap
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from tabulate import tabulate

from factcheck.compare.group import Link
from factcheck.compare.policy import CheckResult, coverage
from factcheck.compare.status import Status
from factcheck.compare.verdict import Disagreement, Verdict
from factcheck.corpus import InputProblem
from factcheck.model import Figure, Origin
from factcheck.report import CHECK_FORMATS, terminal_width
from factcheck.report.ci import (
    check_csv,
    check_github,
    check_junit,
    check_markdown,
    check_sarif,
    counts_text,
    coverage_text,
    figure_origin,
    gap_text,
    interval_text,
    reference_text,
    series_text,
    shortened,
    side_text,
)
from factcheck.report.figures import number_text
from factcheck.rules.model import Reference

__all__ = [
    "CHECK_FORMATS",
    "check_csv",
    "check_github",
    "check_json",
    "check_junit",
    "check_markdown",
    "check_sarif",
    "check_table",
    "render",
]


def check_json(
    result: CheckResult,
    *,
    origins: Mapping[str, Origin] | None = None,
    skipped: Sequence[InputProblem] = (),
) -> str:
    """The groups and a summary, with stable key order, one group a line."""
    return "".join(check_json_pieces(result, origins=origins, skipped=skipped))


def check_json_pieces(
    result: CheckResult,
    *,
    origins: Mapping[str, Origin] | None = None,
    skipped: Sequence[InputProblem] = (),
) -> Iterator[str]:
    """`check_json` piece by piece, one group at a time, for a writer to stream:
    a report of 50,000 documents runs to 200 MB, which need never be one
    string. Each group is encoded by the C encoder (an `indent` would force
    the pure-Python one, ten times slower)."""
    summary = {
        "documents": result.documents,
        "figures": result.figures,
        "groups": len(result.verdicts),
        "verdicts": dict(sorted(Counter(v.verdict for v in result.verdicts).items())),
        "coverage": dataclasses.asdict(coverage(result)),
        "documents_skipped": [
            {"path": p.path, "line": p.line, "message": p.message} for p in skipped
        ],
        "unused_acknowledgements": [
            {
                "path": u.rule.path,
                "line": u.acknowledgement.line,
                "claim": u.rule.id,
                "message": u.why,
            }
            for u in result.unused_acknowledgements
        ],
    }
    yield '{"groups": ['
    for i, verdict in enumerate(result.verdicts):
        yield ("\n" if i == 0 else ",\n") + _json(_group_dict(verdict, origins))
    yield ("\n]" if result.verdicts else "]") + ',\n"summary": ' + _json(summary) + "}\n"


def _json(value: object) -> str:
    """One piece of a JSON report: strict JSON (a NaN or infinity is a bug to
    raise, never a token other parsers reject), text as it is."""
    return json.dumps(value, allow_nan=False, ensure_ascii=False)


def _group_dict(verdict: Verdict, origins: Mapping[str, Origin] | None = None) -> dict[str, Any]:
    group = verdict.group
    references = {id(f): r for f, r in verdict.references}
    figures = []
    for figure in group.figures:
        entry = figure.to_dict()
        origin = figure_origin(figure, origins)
        entry["path"] = origin.path
        if origin.text_source:
            entry["text_source"] = origin.text_source
        if id(figure) in references:
            entry["reference"] = references[id(figure)]
        figures.append(entry)
    reference = group.rule.reference if group.rule else None
    return {
        "claim": group.claim,
        "label": group.label,
        "verdict": verdict.verdict,
        "status": verdict.status,
        "unit": group.unit,
        "tolerance": verdict.tolerance,
        "agrees_thanks_to_tolerance": verdict.thanks_to_tolerance,
        "rule_file": group.rule.path if group.rule else None,
        "acknowledged": verdict.acknowledged or None,
        "reference_value": _reference_dict(reference) if reference else None,
        "figures": figures,
        "disagreements": [_disagreement_dict(d) for d in verdict.disagreements],
        "series": [_where(f) for f in verdict.series],
        "evidence": [_link_dict(link) for link in group.links],
    }


def _reference_dict(reference: Reference) -> dict[str, Any]:
    return {
        "value": _number(reference.value),
        "low": _number(reference.low),
        "high": _number(reference.high),
        "source": reference.source,
        "as_of": reference.as_of,
    }


def _number(value: float | None) -> float | int | None:
    """Whole numbers as ints (`48`, not `48.0`), like the figure contract."""
    if value is not None and float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _disagreement_dict(d: Disagreement) -> dict[str, Any]:
    return {"first": _where(d.first), "second": _where(d.second), "gap": d.gap}


def _where(figure: Figure) -> dict[str, Any]:
    return {
        "doc": figure.doc,
        "start": figure.start,
        "line": figure.line,
        "column": figure.column,
        "text": figure.text,
        "value": _number(figure.value),
        "source": figure.source,
        "scope": figure.scope,
        "as_of": figure.as_of,
        "period": figure.period,
        "status": figure.status,
    }


def _link_dict(link: Link) -> dict[str, Any]:
    return {
        "first": _where(link.first),
        "second": _where(link.second),
        "score": link.score,
        "evidence": dict(link.evidence),
    }


def check_table(
    result: CheckResult,
    width: int | None = None,
    *,
    origins: Mapping[str, Origin] | None = None,
    skipped: Sequence[InputProblem] = (),
) -> str:
    """A report that reads in a `width`-column terminal (default: this one's,
    see `terminal_width`): one block per claim group (each figure with the
    interval it asserts, the tolerance in the title), then the counts and
    the coverage. `origins` is accepted for a uniform call; the table names
    documents by id."""
    del origins
    width = width or terminal_width()
    blocks = [_table_block(verdict, width) for verdict in result.verdicts]
    read = (
        f"{result.documents} documents, {result.figures} figures, "
        f"{len(result.verdicts)} claim groups"
    )
    if skipped:
        read += f", {len(skipped)} document{'s' if len(skipped) != 1 else ''} skipped"
    footer = [read, counts_text(result), f"coverage: {coverage_text(result)}"]
    return "\n\n".join([*blocks, "\n".join(textwrap.fill(line, width) for line in footer)]) + "\n"


def _table_block(verdict: Verdict, width: int) -> str:
    group = verdict.group
    status = verdict.status.upper()
    docs = len({f.doc for f in group.figures})
    title = (
        f"{status}  {group.label}  [{group.unit}; {docs} source{'s' if docs != 1 else ''}; "
        f"tolerance {verdict.tolerance}]"
    )
    where, written, value, asserts = (round(width * share) for share in COLUMN_SHARES)
    rows = [
        [
            _where_cell(f, where),
            _clip(f.text, written),
            _clip(f"{number_text(f.value)}{' ' + _period(f) if f.period else ''}", value),
            _clip(interval_text(f, group.unit), asserts),
        ]
        for f in group.figures
    ]
    headers = list(TABLE_HEADERS[:4])
    # tabulate pads a column to its header and 2 more (MIN_PADDING), then 2 between columns.
    columns = [max(len(h) + 2, *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    room = width - sum(c + 2 for c in columns)
    if room >= 12:  # the sentence, when there is room left for some of it
        headers.append(TABLE_HEADERS[4])
        for row, figure in zip(rows, group.figures, strict=True):
            row.append(_clip(_around(figure), room))
    if len(title) > width:
        title = title[: width - 1] + "…"
    table = tabulate(rows, headers=headers, tablefmt="plain", disable_numparse=True)
    lines = [title, table]
    reference = group.rule.reference if group.rule else None
    if reference is not None:
        lines.append(_indent(f"reference {reference_text(reference, group.unit)}", "  = ", width))
    lines += [
        _indent(line, "  ! ", width)
        for line in shortened(
            [_describe(d, group.unit) for d in verdict.disagreements],
            TABLE_DISAGREEMENTS,
            "more disagreements",
        )
    ]
    if verdict.series:
        lines.append(_indent(series_text(verdict, limit=8), "  > ", width))
    lines += [
        _indent(f"{f.doc}:{f.line} says {f.text!r}: outside the reference", "  ! ", width)
        for f, r in verdict.references
        if r == Status.CONTRADICTS_REFERENCE
    ]
    if verdict.thanks_to_tolerance:
        lines.append(f"  ~ agrees only within the tolerance ({verdict.tolerance})")
    if verdict.verdict == Status.ACKNOWLEDGED:
        lines.append(_indent(f"acknowledged: {verdict.acknowledged}", "  = ", width))
    return "\n".join(lines)


#: Shares of the table width for where, as written, value and asserts (the
#: sentence takes what is left): at 100 columns 28, 20, 20 and 22.
COLUMN_SHARES = (0.28, 0.2, 0.2, 0.22)
TABLE_HEADERS = ("where", "as written", "value", "asserts", "sentence")


def _where_cell(figure: Figure, width: int) -> str:
    """`doc:line`, the doc id shortened so that the line number always shows."""
    line = f":{figure.line}"
    return _clip(figure.doc, max(width - len(line), 4)) + line


def _indent(text: str, mark: str, width: int) -> str:
    return textwrap.fill(text, width, initial_indent=mark, subsequent_indent=" " * len(mark))


#: Disagreements a table block lists before it says "and N more".
TABLE_DISAGREEMENTS = 5


def _describe(d: Disagreement, unit: str) -> str:
    return (
        f"{side_text(d.first)} ({d.first.doc}:{d.first.line}) vs {side_text(d.second)} "
        f"({d.second.doc}:{d.second.line}): {gap_text(d.gap, unit)} apart"
    )


def _period(figure: Figure) -> str:
    return f"({figure.period})"


def _around(figure: Figure) -> str:
    """The sentence, shortened around the figure."""
    sentence = " ".join(figure.sentence.split())
    at = sentence.find(figure.text)
    if at > 40:
        sentence = "…" + sentence[at - 35 :]
    return sentence


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


_Renderer = Callable[..., str]

_RENDERERS: dict[str, _Renderer] = {
    "table": check_table,
    "json": check_json,
    "markdown": check_markdown,
    "junit": check_junit,
    "sarif": check_sarif,
    "github": check_github,
    "csv": check_csv,
}


def render(
    fmt: str,
    result: CheckResult,
    *,
    origins: Mapping[str, Origin] | None = None,
    skipped: Sequence[InputProblem] = (),
) -> str:
    """The report in format `fmt` (one of CHECK_FORMATS).

    `origins` maps document ids to where the documents were read from (the
    path as the user gave it, and a JSONL/CSV record's line), for links and
    annotations; `skipped` lists the input that could not be read. Raises
    ValueError for an unknown format.
    """
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown format {fmt!r} (choose from {', '.join(CHECK_FORMATS)})"
        ) from None
    return renderer(result, origins=origins, skipped=skipped)


def render_pieces(
    fmt: str,
    result: CheckResult,
    *,
    origins: Mapping[str, Origin] | None = None,
    skipped: Sequence[InputProblem] = (),
) -> Iterator[str]:
    """`render`, in pieces that join to the same text: the JSON report streams
    group by group; the other formats, made for people and CI, come whole."""
    if fmt == "json":
        return check_json_pieces(result, origins=origins, skipped=skipped)
    return iter((render(fmt, result, origins=origins, skipped=skipped),))
