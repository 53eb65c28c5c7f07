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

import regex

from factcheck import units
from factcheck.attribute.measure import context_stems, is_forecast, measure_key
from factcheck.model import Figure
from factcheck.rules.match import claim_figures
from factcheck.rules.model import Rule

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
    parent = list(range(len(figures)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    buckets: dict[tuple[str, bool, bool], list[int]] = defaultdict(list)
    for i, figure in enumerate(figures):
        buckets[(units.dimension(figure.unit), figure.is_change, is_forecast(figure))].append(i)
    for members in buckets.values():
        by_key: dict[tuple[str, str], int] = {}
        for i in members:
            key = (measure_key(figures[i].measure), figures[i].subject.lower())
            if key[0]:
                if key in by_key:
                    union(i, by_key[key])
                else:
                    by_key[key] = i
        _join_close_values(figures, members, union)

    components: dict[int, list[Figure]] = defaultdict(list)
    for i, figure in enumerate(figures):
        components[find(i)].append(figure)
    groups = [_automatic_group(members) for members in components.values()]
    return _unique_ids(groups)


def _join_close_values(figures: Sequence[Figure], members: list[int], union: object) -> None:
    """Join figures from different documents whose values nearly coincide.

    Sorted by value, a window opens at each anchor and holds the figures
    within its width; inside it, figures join when their sentences share a
    content word, or when the value is distinctive enough (three significant
    digits or more) that two articles printing it exactly agree by design.
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
        for j in ordered[start:end]:
            other = figures[j]
            if other.doc == figure.doc:
                continue
            same_value = other.value == figure.value and _distinctive(figure.value)
            if same_value or stems[i] & stems[j]:
                union(i, j)  # type: ignore[operator]


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
        claim=_slug(f"{kind}{label}") or "figure",
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
