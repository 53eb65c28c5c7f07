"""Verdict policy: what an analyst's acknowledgements change, which findings
fail a run, how much of the corpus the check covered, and the order reports
read groups in. The check's result lives here, so reports depend on
`compare`, never on the orchestrating `pipeline`."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from factcheck.compare.status import (
    DEFAULT_FAIL_ON,
    FAIL_ON,
    READING_ORDER,
    UNUSED_ACKNOWLEDGEMENT,
    Status,
)
from factcheck.compare.verdict import Verdict
from factcheck.rules.model import Acknowledgement, Rule


@dataclass(frozen=True, slots=True)
class UnusedAcknowledgement:
    """An acknowledgement that no longer matches a conflict: like an unused `noqa`."""

    rule: Rule
    acknowledgement: Acknowledgement
    why: str  # "matches no conflict" or "expired on ..."

    def __str__(self) -> str:
        return (
            f"{self.rule.path}:{self.acknowledgement.line}: acknowledged conflict of claim "
            f'"{self.rule.id}" {self.why} (hint: remove it, or update its documents)'
        )


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Verdicts of every group, sorted for reading, and what was read."""

    verdicts: tuple[Verdict, ...]
    documents: int
    figures: int
    unused_acknowledgements: tuple[UnusedAcknowledgement, ...] = ()


def acknowledge(
    verdicts: Sequence[Verdict], rules: Sequence[Rule], today: date
) -> tuple[list[Verdict], list[UnusedAcknowledgement]]:
    """Mark conflicts an analyst accepted; list the acknowledgements nothing used.

    A conflict is acknowledged when every document in its disagreements is
    named by one unexpired acknowledgement of its rule.
    """
    used: set[tuple[str, int]] = set()
    marked = []
    for verdict in verdicts:
        rule = verdict.group.rule
        if rule is not None and verdict.verdict == Status.CONFLICTING:
            docs = {f.doc for d in verdict.disagreements for f in (d.first, d.second)}
            for ack in rule.acknowledged:
                if not ack.expired(today) and docs <= set(ack.documents):
                    used.add((rule.id, ack.line))
                    verdict = dataclasses.replace(
                        verdict, verdict=Status.ACKNOWLEDGED, acknowledged=ack.reason
                    )
                    break
        marked.append(verdict)
    unused = [
        UnusedAcknowledgement(
            rule, ack, f"expired on {ack.expires}" if ack.expired(today) else "matches no conflict"
        )
        for rule in rules
        for ack in rule.acknowledged
        if (rule.id, ack.line) not in used
    ]
    return marked, unused


def failing(result: CheckResult, fail_on: Sequence[str] = DEFAULT_FAIL_ON) -> bool:
    """Whether the result should make the command exit 1."""
    statuses = frozenset().union(*(FAIL_ON[name] for name in fail_on))
    found: set[str] = {v.status for v in result.verdicts}
    if result.unused_acknowledgements:
        found.add(UNUSED_ACKNOWLEDGEMENT)
    return bool(statuses & found)


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of the corpus the check looked at, and how."""

    figures: int  # figures found
    claimed_by_rules: int  # in a group an analyst's rule defines
    grouped_automatically: int  # in an automatic group with two or more sources
    left_alone: int  # the only figure of its kind: nothing to compare with


def coverage(result: CheckResult) -> Coverage:
    """Figures found, claimed by a rule, grouped automatically, left alone."""
    by_rule = sum(len(v.group.figures) for v in result.verdicts if v.group.rule is not None)
    automatic = [v for v in result.verdicts if v.group.rule is None]
    grouped = sum(len(v.group.figures) for v in automatic if v.verdict != Status.SINGLE_SOURCE)
    return Coverage(result.figures, by_rule, grouped, result.figures - by_rule - grouped)


def reading_order(verdict: Verdict) -> tuple[int, bool, int, str]:
    """Worst verdict first; within a verdict, analysts' claims before automatic
    groups, and groups with more sources first."""
    docs = len({f.doc for f in verdict.group.figures})
    return (
        READING_ORDER.index(verdict.status),
        verdict.group.rule is None,
        -docs,
        verdict.group.claim,
    )
