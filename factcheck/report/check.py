"""`factcheck check` output: the consistency report for people and for scorers.

JSON form (documented in the README): an object with `groups` and `summary`.
Each group: `claim`, `label`, `verdict`, `unit`, `tolerance`, `rule_file`,
`figures` (the figure contract's fields plus `reference` when the rule has
a reference value), `disagreements` (pairs with the gap between them) and
`series` (changed-over-time, in period order).
"""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from tabulate import tabulate

from factcheck.compare.verdict import Disagreement, Verdict
from factcheck.corpus import InputProblem
from factcheck.model import Figure
from factcheck.pipeline import CheckResult, effective_verdict
from factcheck.report.figures import number_text

CHECK_FORMATS = ("table", "json")


def check_json(result: CheckResult) -> str:
    """The groups and a summary, with stable key order."""
    groups = [_group_dict(v) for v in result.verdicts]
    summary = {
        "documents": result.documents,
        "figures": result.figures,
        "groups": len(groups),
        "verdicts": dict(sorted(Counter(g["verdict"] for g in groups).items())),
    }
    return json.dumps({"groups": groups, "summary": summary}, ensure_ascii=False, indent=1) + "\n"


def _group_dict(verdict: Verdict) -> dict[str, Any]:
    group = verdict.group
    references = {id(f): r for f, r in verdict.references}
    figures = []
    for figure in group.figures:
        entry = figure.to_dict()
        if id(figure) in references:
            entry["reference"] = references[id(figure)]
        figures.append(entry)
    return {
        "claim": group.claim,
        "label": group.label,
        "verdict": verdict.verdict,
        "status": effective_verdict(verdict),
        "unit": group.unit,
        "tolerance": verdict.tolerance,
        "agrees_thanks_to_tolerance": verdict.thanks_to_tolerance,
        "rule_file": group.rule.path if group.rule else None,
        "figures": figures,
        "disagreements": [_disagreement_dict(d) for d in verdict.disagreements],
        "series": [_where(f) for f in verdict.series],
    }


def _disagreement_dict(d: Disagreement) -> dict[str, Any]:
    return {"first": _where(d.first), "second": _where(d.second), "gap": d.gap}


def _where(figure: Figure) -> dict[str, Any]:
    return {
        "doc": figure.doc,
        "line": figure.line,
        "column": figure.column,
        "text": figure.text,
        "value": figure.to_dict()["value"],
        "period": figure.period,
    }


def check_table(result: CheckResult, width: int = 100) -> str:
    """A report that reads in a 100-column terminal: one block per claim group."""
    blocks = []
    for verdict in result.verdicts:
        group = verdict.group
        status = effective_verdict(verdict).upper()
        docs = len({f.doc for f in group.figures})
        title = f"{status}  {group.label}  [{group.unit}; {docs} source{'s' if docs != 1 else ''}]"
        rows = [
            (
                f"{f.doc}:{f.line}",
                _clip(f.text, 22),
                f"{number_text(f.value)}{' ' + _period(f) if f.period else ''}",
                _clip(_around(f), width - 60),
            )
            for f in group.figures
        ]
        lines = [title, tabulate(rows, tablefmt="plain")]
        lines += [
            textwrap.fill(_describe(d, group.unit), width, initial_indent="  ! ", subsequent_indent="    ")
            for d in verdict.disagreements
        ]
        if verdict.thanks_to_tolerance:
            lines.append(f"  ~ agrees only within the tolerance ({verdict.tolerance})")
        blocks.append("\n".join(lines))
    summary = Counter(effective_verdict(v) for v in result.verdicts)
    footer = (
        f"{result.documents} documents, {result.figures} figures, {len(result.verdicts)} claim groups\n"
        + ", ".join(f"{n} {name}" for name, n in sorted(summary.items()))
    )
    return "\n\n".join([*blocks, footer]) + "\n"


def _describe(d: Disagreement, unit: str) -> str:
    return (
        f"{d.first.doc}:{d.first.line} says {d.first.text!r}, {d.second.doc}:{d.second.line} "
        f"says {d.second.text!r}: {number_text(d.gap)} {unit} apart"
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


def render(
    fmt: str,
    result: CheckResult,
    *,
    paths: Mapping[str, str] | None = None,
    skipped: Sequence[InputProblem] = (),
) -> str:
    """The report in format `fmt` (one of CHECK_FORMATS)."""
    del paths, skipped  # used by the CI formats
    return check_json(result) if fmt == "json" else check_table(result)
