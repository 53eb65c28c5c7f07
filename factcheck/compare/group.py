"""Claim groups: analysts' rules first, automatic matching for the rest.

Automatic grouping never compares every figure with every other: figures
are bucketed by dimension, level vs change and forecast vs actual; inside
a bucket they join when their measure keys agree (a hash lookup), or when
their values are within a hair of each other in sorted order and their
sentences share a content word (one sweep). Union-find ties the two.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from factcheck import units
from factcheck.attribute.measure import context_stems, is_forecast, measure_key
from factcheck.attribute.period import comparable
from factcheck.model import Figure
from factcheck.rules.match import claim_figures, within_tolerance
from factcheck.rules.model import EXACT, Rule

#: How close two values must be to be read as the same claim, per kind:
#: (absolute, relative to the value). Close values of figures that share
#: a content word are one claim stated twice, or a disagreement about it.
VALUE_WINDOW = {
    "percent": (1.0, 0.01),
    "money": (0.0, 0.01),
    "count": (0.0, 0.005),
    "duration": (0.0, 0.0),
    "quantity": (0.0, 0.01),
}


#: How many of the nearest smaller values a figure is compared with: enough
#: to chain a claim's figures together, few enough to stay linear when
#: thousands of figures crowd one value.
NEIGHBOURS = 8


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Figures (from one or more documents) that measure the same thing."""

    claim: str
    label: str
    unit: str
    figures: tuple[Figure, ...]
    rule: Rule | None = None


def group_figures(figures: Sequence[Figure], rules: Sequence[Rule] = ()) -> list[ClaimGroup]:
    """Every figure in exactly one group: rules claim first, then automatic groups."""
    claimed = claim_figures(rules, figures) if rules else {}
    by_rule: dict[str, list[Figure]] = defaultdict(list)
    for index, rule in claimed.items():
        by_rule[rule.id].append(figures[index])
    groups = [
        ClaimGroup(rule.id, rule.label, rule.unit, tuple(by_rule[rule.id]), rule)
        for rule in rules
        if by_rule.get(rule.id)
    ]
    rest = [figure for i, figure in enumerate(figures) if i not in claimed]
    return groups + _automatic_groups(rest)


def _automatic_groups(figures: Sequence[Figure]) -> list[ClaimGroup]:
    joined = _Components(figures)
    buckets: dict[tuple[str, bool, bool], list[int]] = defaultdict(list)
    for i, figure in enumerate(figures):
        buckets[(units.dimension(figure.unit), figure.is_change, is_forecast(figure))].append(i)
    for members in buckets.values():
        by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i in members:
            key = measure_key(figures[i])
            if key:
                by_key[(key, figures[i].subject.lower())].append(i)
        for same_key in by_key.values():
            _join_same_scale(figures, same_key, joined)
        _join_close_values(figures, members, joined)
    groups = [_automatic_group(members) for members in joined.members().values()]
    return _unique_ids(groups)


class _Components:
    """Union-find over figures that refuses joins a reader would refuse.

    Two components stay apart when their periods differ (October and
    September), or when one sentence would then state two incompatible
    values for the same claim: "85.5% in October compared to 83.45% in the
    previous month" compares two things, it does not contradict itself.
    """

    def __init__(self, figures: Sequence[Figure]) -> None:
        self.figures = figures
        self.parent = list(range(len(figures)))
        self.periods = [{f.period} - {""} for f in figures]
        self.by_doc: list[dict[str, list[Figure]]] = [{f.doc: [f]} for f in figures]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, *, across_periods: bool = False) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or not self._compatible(a, b, across_periods):
            return
        self.parent[a] = b
        self.periods[b] |= self.periods[a]
        for doc, figures in self.by_doc[a].items():
            self.by_doc[b].setdefault(doc, []).extend(figures)
        self.by_doc[a] = {}

    def _compatible(self, a: int, b: int, across_periods: bool) -> bool:
        if not across_periods and not all(
            comparable(p, q) for p in self.periods[a] for q in self.periods[b]
        ):
            return False
        for doc in self.by_doc[a].keys() & self.by_doc[b].keys():
            for x in self.by_doc[a][doc]:
                for y in self.by_doc[b][doc]:
                    same_sentence = x.sentence == y.sentence
                    if same_sentence and not within_tolerance(x.interval, y.interval, EXACT):
                        return False
        return True

    def members(self) -> dict[int, list[Figure]]:
        components: dict[int, list[Figure]] = defaultdict(list)
        for i, figure in enumerate(self.figures):
            components[self.find(i)].append(figure)
        return components


def _join_same_scale(figures: Sequence[Figure], members: list[int], joined: _Components) -> None:
    """Join figures of one measure key whose values are within a factor of two of
    their neighbour in sorted order: a monthly 3.5% and an annual 83% are two claims."""
    ordered = sorted(members, key=lambda i: abs(figures[i].value))
    for previous, current in pairwise(ordered):
        low, high = abs(figures[previous].value), abs(figures[current].value)
        if high <= 2 * low or high == low:
            joined.union(previous, current, across_periods=True)


def _join_close_values(figures: Sequence[Figure], members: list[int], joined: _Components) -> None:
    """Join figures from different documents whose values nearly coincide.

    Sorted by value, each figure looks back at its nearest neighbours within
    the window's width; it joins those whose sentences share a content word,
    or whose value is distinctive enough (three significant digits or more)
    that two articles printing it exactly mean the same thing.
    """
    ordered = sorted(members, key=lambda i: figures[i].value)
    stems = {i: context_stems(figures[i]) for i in ordered}
    start = 0
    for end, i in enumerate(ordered):
        figure = figures[i]
        absolute, relative = VALUE_WINDOW.get(figure.kind, (0.0, 0.0))
        if figure.kind == "count" and abs(figure.value) < 1000:
            continue
        width = max(absolute, relative * abs(figure.value))
        while figure.value - figures[ordered[start]].value > width:
            start += 1
        for j in ordered[max(start, end - NEIGHBOURS) : end]:
            other = figures[j]
            if other.doc == figure.doc:
                continue
            same_value = other.value == figure.value and _distinctive(figure.value)
            if same_value or stems[i] & stems[j]:
                joined.union(i, j)


def _distinctive(value: float) -> bool:
    digits = f"{abs(value):.10g}".replace(".", "").lstrip("0").rstrip("0")
    return len(digits) >= 3


def _automatic_group(members: list[Figure]) -> ClaimGroup:
    unit = Counter(f.unit for f in members).most_common(1)[0][0]
    measure = Counter(f.measure for f in members if f.measure).most_common(1)
    subject = Counter(f.subject for f in members if f.subject).most_common(1)
    label = measure[0][0] if measure else members[0].text
    if subject:
        label = f"{subject[0][0].title()}: {label}"
    kind = "change in " if members[0].is_change else ""
    return ClaimGroup(
        claim=_slug(f"{kind}{label}"),
        label=f"{kind}{label}".strip(),
        unit=unit,
        figures=tuple(sorted(members, key=lambda f: (f.doc, f.start))),
    )


def _unique_ids(groups: list[ClaimGroup]) -> list[ClaimGroup]:
    """Stable ids: the slug, and a short hash of the first figure where slugs collide."""
    counts = Counter(g.claim for g in groups)
    result = []
    for group in groups:
        claim = group.claim
        if counts[claim] > 1:
            first = group.figures[0]
            digest = hashlib.sha1(f"{first.doc}:{first.start}".encode()).hexdigest()[:6]
            claim = f"{claim}-{digest}"
        result.append(ClaimGroup(claim, group.label, group.unit, group.figures, group.rule))
    return result


def _slug(text: str) -> str:
    return "auto-" + regex.sub(r"[^\p{L}\p{N}]+", "-", text.lower()).strip("-")[:48].rstrip("-")
