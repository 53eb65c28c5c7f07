"""Claim groups: analysts' rules first, evidence-based linkage for the rest.

Automatic grouping is record linkage. Figures are blocked by dimension and
level vs change; inside a block, candidate pairs come from figures that
share a measure term or one of their sentence's rarer terms, each figure
paired with its nearest neighbours by value in that term's list (a sorted
neighbourhood), so the cost stays near linear however many documents
repeat a measure. Each pair is scored from named evidence (`evidence.py`,
weights in `linkage.toml`); pairs that reach the threshold are merged
strongest first into clusters that never break a cannot-link constraint.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from factcheck.compare.evidence import (
    TOPIC,
    VALUE_EVIDENCE,
    Profile,
    cannot_link,
    context_terms,
    measure_terms,
    profile,
    score,
)
from factcheck.compare.linkage import linkage
from factcheck.compare.timing import comparable_periods
from factcheck.model import Figure
from factcheck.rules.match import claim_figures, within_tolerance
from factcheck.rules.model import EXACT, Rule


@dataclass(frozen=True, slots=True)
class Link:
    """Two figures joined into one group, and the evidence that joined them."""

    first: Figure
    second: Figure
    score: float
    evidence: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Figures (from one or more documents) that measure the same thing."""

    claim: str
    label: str
    unit: str
    figures: tuple[Figure, ...]
    rule: Rule | None = None
    links: tuple[Link, ...] = ()  # automatic groups: the links that made the group
    tally: bool = False  # a running tally: a series across days
    #: Automatic groups: the pairs of figures (by doc and start) that the evidence
    #: relates directly, values aside; only they are set against each other, so
    #: a chain A~B~C never makes A and C disagree. None: every pair (rules).
    related: frozenset[tuple[tuple[str, int], tuple[str, int]]] | None = None

    def relates(self, a: Figure, b: Figure) -> bool:
        """Whether the verdict may set `a` against `b`."""
        if self.related is None:
            return True
        key_a, key_b = (a.doc, a.start), (b.doc, b.start)
        return (key_a, key_b) in self.related or (key_b, key_a) in self.related


def group_figures(
    figures: Sequence[Figure],
    rules: Sequence[Rule] = (),
    topics: Mapping[str, frozenset[str]] | None = None,
) -> list[ClaimGroup]:
    """Every figure in exactly one group: rules claim first, then automatic groups.
    `topics` holds each document's title-and-lead terms (`attribute.topic`)."""
    claimed = claim_figures(rules, figures) if rules else {}
    by_rule: dict[str, list[Figure]] = defaultdict(list)
    for index, rule in claimed.items():
        by_rule[rule.id].append(figures[index])
    # in document order, so that the groups do not depend on the order the files came in
    groups = [
        ClaimGroup(rule.id, rule.label, rule.unit, tuple(sorted(members, key=_place)), rule)
        for rule in rules
        if (members := by_rule.get(rule.id))
    ]
    rest = sorted((figure for i, figure in enumerate(figures) if i not in claimed), key=_place)
    with _no_cycle_collection():
        return groups + _automatic_groups(rest, topics or {})


def _place(figure: Figure) -> tuple[str, int, int]:
    """Where a figure stands in the corpus, whatever order its files came in."""
    return figure.doc, figure.start, figure.end


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Grouping allocates millions of small tuples and no reference cycles; the
    cyclic collector would rescan the whole heap again and again (time growing
    faster than the corpus), so it pauses while the groups are built."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _automatic_groups(
    figures: Sequence[Figure], topics: Mapping[str, frozenset[str]]
) -> list[ClaimGroup]:
    profiles, weight = _profiles(figures, topics)
    clusters = _Clusters(figures, profiles)
    pairs = _scored_pairs(figures, profiles, weight)
    pairs.sort()  # in place: the list of candidate pairs is the largest thing grouping holds
    for negative_score, _, i, j in pairs:  # strongest first; of equals, the closest values
        pair_score = -negative_score
        if clusters.merge(i, j):
            evidence = score(profiles[i], profiles[j], weight)
            clusters.link(i, Link(figures[i], figures[j], pair_score, _rounded(evidence)))
    del pairs  # before the groups are built, not after
    groups = [_automatic_group(figures, profiles, weight, c) for c in clusters.components()]
    return _unique_ids(groups)


def _rounded(evidence: dict[str, float]) -> tuple[tuple[str, float], ...]:
    return tuple(sorted(_item(name, round(value, 3)) for name, value in evidence.items()))


@lru_cache(maxsize=1 << 16)
def _item(name: str, value: float) -> tuple[str, float]:
    """One (name, value) of evidence, shared by every link that has it: a
    corpus's links repeat the same few ("same_value", 0.5) by the thousand."""
    return name, value


def _story_terms(topic: frozenset[str], weight: dict[str, float]) -> frozenset[str]:
    """The rarest terms of a document's title and lead, that other documents share."""
    shared = [sys.intern(TOPIC + t) for t in topic if weight.get(TOPIC + t, 0.0) > 0.0]
    return frozenset(sorted(shared, key=lambda t: (-weight[t], t))[: linkage().story_terms])


def _gap(a: Profile, b: Profile) -> float:
    """How far apart two values lie, relative to their size."""
    return abs(a.magnitude - b.magnitude) / max(a.magnitude, b.magnitude, 1e-12)


def _profiles(
    figures: Sequence[Figure], topics: Mapping[str, frozenset[str]]
) -> tuple[list[Profile], dict[str, float]]:
    """One profile per figure, and each term's squared IDF weight.

    A sentence's terms are computed once for its figures. Rare terms say
    more; a term only one figure has can link nothing, so it weighs 0 and
    does not dilute the similarity of the terms two figures share. Topic
    terms are weighed by how many documents' titles and leads hold them.
    """
    sentences: dict[tuple[str, int], frozenset[str]] = {}
    contexts = []
    for figure in figures:
        key = (figure.doc, figure.sentence_start)
        if key not in sentences:
            sentences[key] = context_terms(figure.sentence)
        contexts.append(sentences[key])
    measures = [measure_terms(figure) for figure in figures]
    frequency = Counter(t for c, m in zip(contexts, measures, strict=True) for t in c | m)
    total = max(len(figures), 1)
    weight = {t: math.log(1 + total / n) ** 2 if n > 1 else 0.0 for t, n in frequency.items()}
    stories = Counter(t for topic in topics.values() for t in topic)
    documents = max(len(topics), 1)
    weight |= {
        f"{TOPIC}{t}": math.log(1 + documents / n) ** 2 if n > 1 else 0.0
        for t, n in stories.items()
    }
    prefixed = {doc: _story_terms(topic, weight) for doc, topic in topics.items()}
    profiles = [
        profile(figure, measure, context, prefixed.get(figure.doc, frozenset()), weight)
        for figure, measure, context in zip(figures, measures, contexts, strict=True)
    ]
    return profiles, weight


def _scored_pairs(
    figures: Sequence[Figure], profiles: Sequence[Profile], weight: dict[str, float]
) -> list[tuple[float, float, int, int]]:
    """Candidate pairs that reach the threshold, as (-score, gap, i, j): once
    sorted, the strongest come first, and of equal scores the closest values."""
    settings = linkage()
    blocks: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        if not p.incidental:
            blocks[p.block].append(i)
    scored = []
    stories: dict[tuple[int, int], float] = {}

    def consider(i: int, j: int) -> None:
        a, b = profiles[i], profiles[j]
        if cannot_link(a, b):
            return
        total = sum(score(a, b, weight, stories).values())
        if total >= settings.threshold:
            scored.append((-round(total, 3), _gap(a, b), i, j))

    for members in blocks.values():
        firsts, echoes = _echoes(figures, profiles, members)
        for i, j in echoes:
            consider(i, j)
        for i, j in _candidates(figures, profiles, firsts, weight):
            consider(i, j)
    return scored


def _echoes(
    figures: Sequence[Figure], profiles: Sequence[Profile], members: list[int]
) -> tuple[list[int], list[tuple[int, int]]]:
    """News repeats itself: wire copy printed by many outlets gives figures that
    differ in nothing grouping reads but their document. Each such figure is
    paired with the first of its kind only, and only the first meets the rest
    of the block, so a story told by a hundred outlets costs what one does."""
    first: dict[tuple[object, ...], int] = {}
    firsts: list[int] = []
    echoes: list[tuple[int, int]] = []
    for i in members:
        p = profiles[i]
        key = (
            p.measure, p.context, p.low, p.high, p.scope, p.subject, p.period, p.status,
            p.increment, p.poll,
        )  # fmt: skip
        j = first.setdefault(key, i)
        if j == i:
            firsts.append(i)
        elif figures[j].doc != figures[i].doc:
            echoes.append((j, i))
        else:
            firsts.append(i)  # the same sentence twice in one article: its own figure
    return firsts, echoes


def _candidates(
    figures: Sequence[Figure],
    profiles: Sequence[Profile],
    members: list[int],
    weight: dict[str, float],
) -> set[tuple[int, int]]:
    """Pairs of figures of different documents that share a blocking term, each
    figure with its `neighbours` nearest by value in each term's list; and
    each figure with its nearest by value in the whole block."""
    settings = linkage()
    postings: dict[tuple[bool, str], list[int]] = defaultdict(list)
    for i in members:
        p = profiles[i]
        rare = sorted(
            (t for t in p.context - p.measure if weight.get(t, 0.0) > 0.0),
            key=lambda t: (-weight[t], t),
        )
        for term in p.measure:
            postings[(True, term)].append(i)
        for term in rare[: settings.context_keys]:
            postings[(False, term)].append(i)
    postings[(True, "")] = list(members)  # the whole block, by value: equal values meet
    limit = max(settings.max_share * len(members), 2 * settings.neighbours + 2)
    pairs: set[tuple[int, int]] = set()
    for (is_measure, term), posting in postings.items():
        if len(posting) < 2 or (not is_measure and len(posting) > limit):
            continue  # a common sentence word blocks nothing a rarer one would not
        posting.sort(key=lambda i: profiles[i].magnitude)
        reach = (
            settings.value_neighbours
            if not term
            else settings.neighbours
            if is_measure
            else settings.context_neighbours
        )
        for at, i in enumerate(posting):
            for j in posting[at + 1 : at + 1 + reach]:
                if figures[i].doc != figures[j].doc:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


@dataclass
class _Cluster:
    """What a cluster must know to refuse a merge, kept up to date as it grows."""

    members: list[int]
    scopes: set[str]
    periods: set[str]
    subjects: set[str]
    low: float  # smallest and largest magnitude
    high: float
    tally: bool
    sentences: dict[tuple[str, int], list[int]]
    links: list[Link] = field(default_factory=list)


class _Clusters:
    """Union by size over figures, refusing merges that break a constraint."""

    def __init__(self, figures: Sequence[Figure], profiles: Sequence[Profile]) -> None:
        self.figures = figures
        self.profiles = profiles
        self.parent = list(range(len(figures)))
        self.clusters: dict[int, _Cluster] = {}

    def _cluster(self, i: int) -> _Cluster:
        if i not in self.clusters:
            p, f = self.profiles[i], self.figures[i]
            self.clusters[i] = _Cluster(
                members=[i],
                scopes={p.scope} - {""},
                periods={p.period} - {""},
                subjects={p.subject} - {""},
                low=p.magnitude,
                high=p.magnitude,
                tally=p.tally,
                sentences={(f.doc, f.sentence_start): [i]},
            )
        return self.clusters[i]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def merge(self, i: int, j: int) -> bool:
        """Join the clusters of `i` and `j` unless that breaks a constraint."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return False
        big, small = self._cluster(a), self._cluster(b)
        if len(big.members) < len(small.members):
            a, b, big, small = b, a, small, big
        if not self._compatible(big, small):
            return False
        self.parent[b] = a
        big.members += small.members
        big.scopes |= small.scopes
        big.periods |= small.periods
        big.subjects |= small.subjects
        big.low, big.high = min(big.low, small.low), max(big.high, small.high)
        big.tally = big.tally or small.tally
        for key, members in small.sentences.items():
            big.sentences.setdefault(key, []).extend(members)
        big.links += small.links
        del self.clusters[b]
        return True

    def link(self, i: int, link: Link) -> None:
        """Record the link that joined `i`'s cluster."""
        self.clusters[self.find(i)].links.append(link)

    def _compatible(self, big: _Cluster, small: _Cluster) -> bool:
        if len(big.scopes | small.scopes) > 1 or len(big.subjects | small.subjects) > 1:
            return False
        if not all(comparable_periods(p, q) for p in big.periods for q in small.periods):
            return False
        if not self._spread_allows(big, small):
            return False
        for key in small.sentences.keys() & big.sentences.keys():
            for x in small.sentences[key]:
                for y in big.sentences[key]:
                    if not within_tolerance(
                        self.figures[x].interval, self.figures[y].interval, EXACT
                    ):
                        return False  # one sentence, two values: two claims
        return True

    def _spread_allows(self, big: _Cluster, small: _Cluster) -> bool:
        """Whether the merged values stay within what one claim spreads over: a
        factor for amounts and counts (more for running tallies); for
        percentages a narrower factor, or a few points, as 85.5% and 117.2%
        inflation are the headline and a sub-index, not one claim in dispute."""
        settings = linkage()
        low, high = min(big.low, small.low), max(big.high, small.high)
        block = self.profiles[big.members[0]].block
        if block[0] == "percent":
            return high <= settings.percent_spread * low or high - low <= settings.percent_points
        spread = settings.tally_spread if big.tally or small.tally else settings.cluster_spread
        return high <= spread * low or high - low <= 2

    def components(self) -> list[tuple[list[int], list[Link], bool]]:
        seen = set()
        out = []
        for i in range(len(self.figures)):
            root = self.find(i)
            if root in seen:
                continue
            seen.add(root)
            cluster = self.clusters.get(root)
            if cluster is None:
                out.append(([i], [], self.profiles[i].tally))
            else:
                out.append((sorted(cluster.members), cluster.links, cluster.tally))
        return out


def _automatic_group(
    figures: Sequence[Figure],
    profiles: Sequence[Profile],
    weight: dict[str, float],
    component: tuple[list[int], list[Link], bool],
) -> ClaimGroup:
    indices, links, tally = component
    members = [figures[i] for i in indices]
    unit = Counter(f.unit for f in members).most_common(1)[0][0]
    label = _label(members)
    return ClaimGroup(
        claim=_slug(label),
        label=label,
        unit=unit,
        figures=tuple(sorted(members, key=lambda f: (f.doc, f.start))),
        links=tuple(links),
        tally=tally,
        related=_related(figures, profiles, weight, indices),
    )


def _related(
    figures: Sequence[Figure],
    profiles: Sequence[Profile],
    weight: dict[str, float],
    indices: list[int],
) -> frozenset[tuple[tuple[str, int], tuple[str, int]]] | None:
    """The pairs of a group that its evidence relates directly, values aside.
    Groups too large to compare every pair (`RELATED_LIMIT`) relate every pair."""
    if len(indices) > RELATED_LIMIT:
        return None
    bar = linkage().related
    return frozenset(
        ((figures[i].doc, figures[i].start), (figures[j].doc, figures[j].start))
        for n, i in enumerate(indices)
        for j in indices[n + 1 :]
        if figures[i].doc != figures[j].doc
        and sum(
            v for k, v in score(profiles[i], profiles[j], weight).items() if k not in VALUE_EVIDENCE
        )
        >= bar
    )


#: Groups up to this size have every pair's evidence weighed for the verdict.
RELATED_LIMIT = 64


def _label(members: list[Figure]) -> str:
    """Measure, subject, scope and period, as a reader would name the claim:
    "deaths, Lyon, 2024-10-16"; never a lone number."""
    measure = _most_common(f.measure for f in members) or "figure " + members[0].text
    subject = _most_common(f.subject for f in members)
    parts = [f"{subject}: {measure}" if subject else measure]
    parts += [p for p in (_most_common(f.scope for f in members),) if p]
    period = _most_common(f.period for f in members)
    if period:
        parts.append(period)
    else:
        days = sorted({f.as_of for f in members if f.as_of})
        if days:
            parts.append(days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}")
    kind = "change in " if members[0].is_change else ""
    return kind + ", ".join(parts)


def _most_common(values: object) -> str:
    found = Counter(v for v in values if v)  # type: ignore[attr-defined]
    return min(found.items(), key=lambda kv: (-kv[1], kv[0]))[0] if found else ""


def _unique_ids(groups: list[ClaimGroup]) -> list[ClaimGroup]:
    """Stable ids: the slug, and a short hash of the first figure where slugs collide."""
    counts = Counter(g.claim for g in groups)
    result = []
    for group in groups:
        if counts[group.claim] > 1:
            first = group.figures[0]
            digest = hashlib.sha1(f"{first.doc}:{first.start}".encode()).hexdigest()[:6]
            group = dataclasses.replace(group, claim=f"{group.claim}-{digest}")
        result.append(group)
    return result


def _slug(text: str) -> str:
    return "auto-" + regex.sub(r"[^\p{L}\p{N}]+", "-", text.lower()).strip("-")[:60].rstrip("-")
