"""The whole job as a library call: documents in, verdicts out.

`check_corpus` streams documents through extraction and attribution (one
document in memory at a time), keeps only the figures, then groups and
judges them. The command line is a thin layer over this.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from factcheck.attribute import attribute_document
from factcheck.attribute.topic import topic_terms
from factcheck.compare import Verdict, group_figures, judge
from factcheck.compare.verdict import (
    ACKNOWLEDGED,
    CHANGED,
    CONFLICTING,
    CONTRADICTS_REFERENCE,
    EXACT,
    SINGLE,
)
from factcheck.extract import extract_document
from factcheck.model import Document, Figure
from factcheck.rules.model import Acknowledgement, Rule, Tolerance

#: Order of verdicts in every report: what needs attention first.
VERDICT_ORDER = (CONFLICTING, CONTRADICTS_REFERENCE, ACKNOWLEDGED, CHANGED, "consistent", SINGLE)

#: What `--fail-on` accepts, and which statuses make each one exit 1.
FAIL_ON = {
    "conflicting": frozenset({CONFLICTING}),
    "contradicts-reference": frozenset({CONTRADICTS_REFERENCE}),
    "any": frozenset({CONFLICTING, CONTRADICTS_REFERENCE, "unused-acknowledgement"}),
    "never": frozenset(),
}
DEFAULT_FAIL_ON = ("conflicting", "contradicts-reference")


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


@dataclass(frozen=True, slots=True)
class Corpus:
    """What the check keeps of the documents it read: their figures, and the
    terms of each document's title and lead (what story it tells)."""

    figures: list[Figure]
    topics: dict[str, frozenset[str]]
    documents: int


def figures_of(documents: Iterable[Document]) -> Corpus:
    """Every attributed figure of the corpus, one document in memory at a time."""
    figures: list[Figure] = []
    topics: dict[str, frozenset[str]] = {}
    count = 0
    for document in documents:
        count += 1
        figures.extend(attribute_document(document, extract_document(document)))
        topics[document.id] = topic_terms(document)
    return Corpus(figures, topics, count)


def check_figures(
    figures: Sequence[Figure],
    rules: Sequence[Rule] = (),
    documents: int = 0,
    *,
    tolerances: Mapping[str, Tolerance] | None = None,
    today: date | None = None,
    topics: Mapping[str, frozenset[str]] | None = None,
) -> CheckResult:
    """Group and judge figures; verdicts sorted conflicts first, then by claim id.

    `tolerances` maps a figure kind (percent, count, money...) to the
    tolerance of automatic groups of that kind; rules carry their own.
    """
    tolerances = tolerances or {}
    verdicts = [
        judge(group, tolerances.get(group.figures[0].kind, EXACT))
        for group in group_figures(figures, rules, topics)
    ]
    verdicts, unused = acknowledge(verdicts, rules, today or date.today())
    verdicts.sort(key=_reading_order)
    return CheckResult(tuple(verdicts), documents, len(figures), tuple(unused))


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
        if rule is not None and verdict.verdict == CONFLICTING:
            docs = {f.doc for d in verdict.disagreements for f in (d.first, d.second)}
            for ack in rule.acknowledged:
                if not ack.expired(today) and docs <= set(ack.documents):
                    used.add((rule.id, ack.line))
                    verdict = dataclasses.replace(
                        verdict, verdict=ACKNOWLEDGED, acknowledged=ack.reason
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
    found = {effective_verdict(v) for v in result.verdicts}
    if result.unused_acknowledgements:
        found.add("unused-acknowledgement")
    return bool(statuses & found)


def check_corpus(
    documents: Iterable[Document],
    rules: Sequence[Rule] = (),
    *,
    tolerances: Mapping[str, Tolerance] | None = None,
    today: date | None = None,
) -> CheckResult:
    """The consistency check over a corpus."""
    corpus = figures_of(documents)
    return check_figures(
        corpus.figures,
        rules,
        corpus.documents,
        tolerances=tolerances,
        today=today,
        topics=corpus.topics,
    )


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
    grouped = sum(len(v.group.figures) for v in automatic if v.verdict != SINGLE)
    return Coverage(result.figures, by_rule, grouped, result.figures - by_rule - grouped)


def effective_verdict(verdict: Verdict) -> str:
    """A group's headline: a contradicted reference outranks an internal agreement."""
    if verdict.verdict not in (CONFLICTING, ACKNOWLEDGED) and any(
        r == CONTRADICTS_REFERENCE for _, r in verdict.references
    ):
        return CONTRADICTS_REFERENCE
    return verdict.verdict


def _reading_order(verdict: Verdict) -> tuple[int, bool, int, str]:
    """Worst verdict first; within a verdict, analysts' claims before automatic
    groups, and groups with more sources first."""
    docs = len({f.doc for f in verdict.group.figures})
    return (
        VERDICT_ORDER.index(effective_verdict(verdict)),
        verdict.group.rule is None,
        -docs,
        verdict.group.claim,
    )
