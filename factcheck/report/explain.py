"""`factcheck check --explain CLAIM`: why a claim group holds what it holds.

For a person deciding whether to trust a group: every figure with what
attribution read of it (measure, source, scope, day, period, standing), the
links that joined the figures with the evidence and weight of each, and
what the verdict set against what.
"""

from __future__ import annotations

from factcheck.compare.verdict import Verdict
from factcheck.report.ci import disagreement_text, series_text


def explain(verdict: Verdict) -> str:
    """The evidence behind one group, as plain text."""
    group = verdict.group
    origin = f"rule {group.rule.id} ({group.rule.path})" if group.rule else "automatic group"
    lines = [
        f"{group.claim}: {group.label}",
        f"  verdict {verdict.status}; {origin}; unit {group.unit}; "
        f"tolerance {verdict.tolerance}" + ("; a running tally" if group.tally else ""),
        "",
        "figures:",
    ]
    for f in group.figures:
        read = ", ".join(
            f"{name} {value!r}"
            for name, value in (
                ("measure", f.measure),
                ("subject", f.subject),
                ("source", f.source),
                ("scope", f.scope),
                ("as of", f.as_of),
                ("period", f.period),
                ("status", f.status),
            )
            if value
        )
        lines.append(f"  {f.doc}:{f.line}:{f.column} {f.text!r}: {read or 'nothing attributed'}")
    if group.links:
        lines += ["", "joined by (strongest first):"]
        for link in sorted(group.links, key=lambda k: -k.score):
            pieces = ", ".join(f"{name} {value:+.2f}" for name, value in link.evidence)
            lines.append(
                f"  {link.first.doc}:{link.first.line} {link.first.text!r} ~ "
                f"{link.second.doc}:{link.second.line} {link.second.text!r}: "
                f"score {link.score:.2f} ({pieces})"
            )
    if verdict.disagreements:
        lines += ["", "disagreements:"]
        lines += [
            "  " + disagreement_text(d, group.unit, verdict.tolerance, None)
            for d in verdict.disagreements
        ]
    if verdict.series:
        lines += ["", "series:", "  " + series_text(verdict)]
    return "\n".join(lines) + "\n"
