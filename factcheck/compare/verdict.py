"""Verdicts: do the figures of a group agree, disagree, or tell a series?

Two figures agree when the intervals they assert (qualifier and rounding
included) overlap once widened by the tolerance. Only figures from
different documents that claim the same time are set against each other
(`timing.same_time`: the same stated period, or the same report day, and
no preliminary or forecast figure against a later one); figures that differ
only between days or standings are a series, `changed-over-time`, in date
order. A document that repeats a claim counts once.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from factcheck import units
from factcheck.compare.group import ClaimGroup
from factcheck.compare.status import Status
from factcheck.compare.timing import same_time
from factcheck.model import Figure
from factcheck.rules.match import interval_gap, within_tolerance
from factcheck.rules.model import EXACT, Tolerance

#: Groups larger than this are checked against their extreme figures only,
#: so a huge automatic group costs linear time, not quadratic.
PAIRWISE_LIMIT = 64


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Two figures of one period that cannot both be right, and by how much."""

    first: Figure
    second: Figure
    gap: float  # distance between their intervals, in the group's unit


@dataclass(frozen=True, slots=True)
class Verdict:
    """A group's verdict with its evidence."""

    group: ClaimGroup
    verdict: Status
    tolerance: str
    disagreements: tuple[Disagreement, ...] = ()
    series: tuple[Figure, ...] = ()  # changed-over-time: the figures in period order
    thanks_to_tolerance: bool = False  # agrees only because of the tolerance
    references: tuple[tuple[Figure, Status], ...] = ()  # each figure against the reference
    acknowledged: str = ""  # why an analyst accepts this conflict, when one does

    @property
    def status(self) -> Status:
        """The group's headline in every report: its verdict, except that a
        contradicted reference value outranks an internal agreement."""
        if self.verdict not in (Status.CONFLICTING, Status.ACKNOWLEDGED) and any(
            r == Status.CONTRADICTS_REFERENCE for _, r in self.references
        ):
            return Status.CONTRADICTS_REFERENCE
        return self.verdict


def judge(group: ClaimGroup, default: Tolerance = EXACT) -> Verdict:
    """The verdict of one group; `default` is the tolerance of groups no rule defines."""
    tolerance = group.rule.tolerance if group.rule else default
    figures = _one_per_claim(group.figures)
    intervals = {id(f): units.convert_interval(f.interval, f.unit, group.unit) for f in figures}
    references = _references(group, intervals, tolerance)
    if len({f.doc for f in figures}) < 2:
        return Verdict(group, Status.SINGLE_SOURCE, tolerance.text, references=references)

    pairs = [(a, b) for a, b in _cross_pairs(figures, intervals) if group.relates(a, b)]
    differing = [
        (a, b) for a, b in pairs if not within_tolerance(intervals[id(a)], intervals[id(b)], EXACT)
    ]
    clashes = [
        Disagreement(a, b, interval_gap(intervals[id(a)], intervals[id(b)]))
        for a, b in differing
        if same_time(a, b, tally=group.tally)
        and not within_tolerance(intervals[id(a)], intervals[id(b)], tolerance)
    ]
    if clashes:
        clashes.sort(key=lambda d: (-d.gap, d.first.doc, d.first.start, d.second.doc))
        return Verdict(
            group, Status.CONFLICTING, tolerance.text, tuple(clashes), references=references
        )
    if any(not same_time(a, b, tally=group.tally) for a, b in differing):
        series = tuple(sorted(figures, key=_series_order))
        return Verdict(
            group, Status.CHANGED_OVER_TIME, tolerance.text, series=series, references=references
        )
    return Verdict(
        group,
        Status.CONSISTENT,
        tolerance.text,
        thanks_to_tolerance=bool(differing),
        references=references,
    )


def _series_order(figure: Figure) -> tuple[str, int, str, str, int]:
    """Report day first, then stated period; preliminary before final on one day."""
    standing = {"forecast": 0, "target": 0, "estimate": 1, "preliminary": 1}.get(figure.status, 2)
    return (figure.as_of or figure.period, standing, figure.period, figure.doc, figure.start)


def _one_per_claim(figures: tuple[Figure, ...]) -> list[Figure]:
    """A document that states the same value for one claim twice counts once."""
    seen: set[tuple[str, float, str]] = set()
    kept = []
    for figure in figures:
        key = (figure.doc, figure.value, figure.period, figure.as_of, figure.status)
        if key not in seen:
            seen.add(key)
            kept.append(figure)
    return kept


def _cross_pairs(
    figures: list[Figure], intervals: dict[int, tuple[float | None, float | None]]
) -> list[tuple[Figure, Figure]]:
    """Pairs from different documents; for big groups, only pairs with an extreme figure."""
    if len(figures) <= PAIRWISE_LIMIT:
        return [(a, b) for a, b in combinations(figures, 2) if a.doc != b.doc]
    lowest_high = min(figures, key=lambda f: _or(intervals[id(f)][1], float("inf")))
    highest_low = max(figures, key=lambda f: _or(intervals[id(f)][0], float("-inf")))
    return [
        (extreme, other)
        for extreme in {id(lowest_high): lowest_high, id(highest_low): highest_low}.values()
        for other in figures
        if other.doc != extreme.doc
    ]


def _or(value: float | None, default: float) -> float:
    return default if value is None else value


def _references(
    group: ClaimGroup,
    intervals: dict[int, tuple[float | None, float | None]],
    tolerance: Tolerance,
) -> tuple[tuple[Figure, str], ...]:
    reference = group.rule.reference if group.rule else None
    if reference is None:
        return ()
    span = (
        reference.low if reference.low is not None else reference.value,
        reference.high if reference.high is not None else reference.value,
    )
    return tuple(
        (
            figure,
            Status.MATCHES_REFERENCE
            if within_tolerance(
                intervals.get(
                    id(figure), units.convert_interval(figure.interval, figure.unit, group.unit)
                ),
                span,
                tolerance,
            )
            else Status.CONTRADICTS_REFERENCE,
        )
        for figure in group.figures
    )
