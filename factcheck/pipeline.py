"""The whole job as a library call: documents in, verdicts out.

`check_corpus` streams documents through extraction and attribution (one
document in memory at a time), keeps only the figures, then groups and
judges them. The command line is a thin layer over this.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.attribute import attribute_document
from factcheck.compare import Verdict, group_figures, judge
from factcheck.compare.verdict import CONFLICTING, CONTRADICTS_REFERENCE, SINGLE
from factcheck.extract import extract_document
from factcheck.model import Document, Figure
from factcheck.rules.model import Rule

#: Order of verdicts in every report: what needs attention first.
VERDICT_ORDER = (CONFLICTING, CONTRADICTS_REFERENCE, "changed-over-time", "consistent", SINGLE)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Verdicts of every group, sorted for reading, and what was read."""

    verdicts: tuple[Verdict, ...]
    documents: int
    figures: int


def figures_of(documents: Iterable[Document]) -> tuple[list[Figure], int]:
    """Every attributed figure of the corpus, and how many documents were read."""
    figures: list[Figure] = []
    count = 0
    for document in documents:
        count += 1
        figures.extend(attribute_document(document, extract_document(document)))
    return figures, count


def check_figures(figures: Sequence[Figure], rules: Sequence[Rule] = (), documents: int = 0) -> CheckResult:
    """Group and judge figures; verdicts sorted conflicts first, then by claim id."""
    verdicts = [judge(group) for group in group_figures(figures, rules)]
    verdicts.sort(key=_reading_order)
    return CheckResult(tuple(verdicts), documents, len(figures))


def check_corpus(documents: Iterable[Document], rules: Sequence[Rule] = ()) -> CheckResult:
    """The consistency check over a corpus."""
    figures, count = figures_of(documents)
    return check_figures(figures, rules, count)


def effective_verdict(verdict: Verdict) -> str:
    """A group's headline: a contradicted reference outranks an internal agreement."""
    if verdict.verdict != CONFLICTING and any(r == CONTRADICTS_REFERENCE for _, r in verdict.references):
        return CONTRADICTS_REFERENCE
    return verdict.verdict


def _reading_order(verdict: Verdict) -> tuple[int, bool, int, str]:
    """Worst verdict first; within a verdict, analysts' claims before automatic
    groups, and groups with more sources first."""
    docs = len({f.doc for f in verdict.group.figures})
    return VERDICT_ORDER.index(effective_verdict(verdict)), verdict.group.rule is None, -docs, verdict.group.claim
