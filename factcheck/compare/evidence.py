"""The evidence that two figures state the same claim, and the constraints no link breaks.

Each figure is reduced once to a `Profile`: its measure's canonical terms,
its sentence's terms, its value in its dimension's base unit, and where and
when it holds. A pair's score sums named pieces of evidence, weighted by
`linkage.toml`; `cannot_link` says when no score may join two figures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from factcheck import units
from factcheck.attribute.measure import INCREMENT, measure_key, measures, terms
from factcheck.attribute.source import source_words
from factcheck.attribute.vocabulary import vocabulary
from factcheck.compare.linkage import linkage
from factcheck.compare.timing import comparable_periods
from factcheck.model import Figure

_SETTINGS = linkage()
_WEIGHTS = _SETTINGS.weights
_STORY_FLOOR = _SETTINGS.story_floor


@dataclass(frozen=True, slots=True)
class Profile:
    """What grouping needs of a figure, computed once."""

    block: tuple[str, bool]  # dimension, change or level: figures of two blocks never meet
    measure: frozenset[str]
    context: frozenset[str]
    topic: frozenset[str]  # the document's title and lead, prefixed with TOPIC
    norms: tuple[float, float, float]  # weighted lengths of measure, context, topic
    low: float  # the interval in the block's base unit; -inf/inf on an open side
    high: float
    magnitude: float  # |value| in the base unit
    scope: str
    subject: str
    period: str
    status: str
    source: str
    increment: bool  # "an additional 38": newly counted, never the total
    poll: bool  # stated by a poll or survey ("the exit poll gave him 79.7%")
    tally: bool  # a running tally: reports of different days are a series
    incidental: bool  # "the two countries": not a claim worth a group
    digits: int  # significant digits: 6,815,667 is more telling than 65


#: Standings that say what a figure is expected to be, not what it was.
FORECASTS = frozenset({"forecast", "target"})

#: Topic terms share the IDF table with sentence terms under this prefix.
TOPIC = "topic:"


def measure_terms(figure: Figure) -> frozenset[str]:
    """The terms of the figure's measure key (`attribute.measure.measure_key`)."""
    return _key_terms(measure_key(figure))


@lru_cache(maxsize=1 << 16)
def _key_terms(key: str) -> frozenset[str]:
    """One set per distinct key, shared by its figures: a corpus has few keys."""
    return frozenset(key.split())


def profile(
    figure: Figure,
    measure: frozenset[str],
    context: frozenset[str],
    topic: frozenset[str],
    weight: Mapping[str, float],
) -> Profile:
    """The figure's profile. `measure` is its `measure_terms`, `context` its
    sentence's terms (shared by the figures of one sentence, so computed by
    the caller once per sentence), `topic` its document's title-and-lead terms
    (prefixed with TOPIC), and `weight` each term's squared IDF, so that
    similarities cost one pass over the terms two figures share."""
    dimension = units.dimension(figure.unit)
    factor = _factor(figure.unit, dimension)
    low, high = figure.interval
    table = measures()
    return Profile(
        block=(dimension, figure.is_change),
        measure=measure,
        context=context,
        topic=topic,
        norms=(_norm(measure, weight), _norm(context, weight), _norm(topic, weight)),
        low=-math.inf if low is None else low * factor,
        high=math.inf if high is None else high * factor,
        magnitude=abs(figure.value) * factor,
        scope=place_key(figure.scope),
        subject=place_key(figure.subject),
        period=figure.period,
        status=figure.status,
        source=figure.source.lower(),
        increment=figure.measure.startswith(INCREMENT + " "),
        poll=_is_poll(figure),
        tally=figure.kind == "count" and bool(measure & table.tallies),
        incidental=figure.kind == "count"
        and abs(figure.value) <= 10
        and bool(measure)
        and measure <= table.incidental,
        digits=_digits(figure.value),
    )


def _is_poll(figure: Figure) -> bool:
    """Stated by a poll: its source is one, or it is a forecast whose sentence
    names one ("the exit poll ... gave her about 7 percent")."""
    polls = source_words().polls
    if set(figure.source.lower().split()) & polls:
        return True
    return figure.status == "forecast" and bool(set(figure.sentence.lower().split()) & polls)


def _norm(found: frozenset[str], weight: Mapping[str, float]) -> float:
    return math.sqrt(sum(map(weight.__getitem__, found)))


@lru_cache(maxsize=1 << 12)  # the figures of one sentence come one after another
def context_terms(sentence: str) -> frozenset[str]:
    """The content terms of a sentence, less those that say how a figure moved."""
    return frozenset(terms(sentence)) - measures().context_ignore


_PLACES = frozenset(vocabulary().places.values())


def place_key(name: str) -> str:
    """A scope or subject as a key: lower case, demonyms as their place."""
    lowered = " ".join(name.lower().replace("’", "'").split())
    places = vocabulary().places
    return places.get(lowered, places.get(lowered.removesuffix("'s"), lowered))


def cannot_link(a: Profile, b: Profile) -> str:
    """Why two figures can never be one claim, or "" when they may be."""
    if a.block != b.block:
        return "dimension"
    if a.scope and b.scope and a.scope != b.scope:
        return "scope"
    if a.increment != b.increment:
        return "increment"  # "an additional 38" and "233 in all"
    if a.poll != b.poll:
        return "poll"  # an exit poll and the count measure a vote two ways
    if not comparable_periods(a.period, b.period):
        return "period"
    if a.subject and b.subject and a.subject != b.subject:
        return "subject"
    if (
        a.measure != b.measure
        and a.measure <= _PLACES
        and b.measure
        and a.measure
        and b.measure <= _PLACES
    ):
        return "nationality"  # "11 Greeks" and "94 Lithuanians" count two groups
    return ""


def score(
    a: Profile,
    b: Profile,
    weight: Mapping[str, float],
    stories: dict[tuple[int, int], float] | None = None,
) -> dict[str, float]:
    """The named pieces of evidence that the two figures state one claim;
    `weight` holds each term's squared IDF. Pieces that are zero are left out.
    `stories` caches the similarity of two documents' topics, which every pair
    of their figures shares. (Called for every candidate pair: kept lean.)"""
    w = _WEIGHTS
    evidence: dict[str, float] = {}
    if a.measure and b.measure:
        shared = a.measure & b.measure
        if shared:
            similarity = sum(map(weight.__getitem__, shared)) / (a.norms[0] * b.norms[0] or 1.0)
            evidence["measure"] = w["measure"] * similarity
        else:
            evidence["measure_differs"] = w["measure_differs"]
    shared = a.context & b.context
    if shared:
        similarity = sum(map(weight.__getitem__, shared)) / (a.norms[1] * b.norms[1] or 1.0)
        evidence["context"] = w["context"] * similarity
    if a.topic and b.topic:
        key = (id(a.topic), id(b.topic))
        story = stories.get(key) if stories is not None else None
        if story is None:
            story = _cosine(a.topic, b.topic, a.norms[2] * b.norms[2], weight)
            if stories is not None:
                stories[key] = story
        if story:
            evidence["same_story"] = w["same_story"] * story
        if story < _STORY_FLOOR:
            evidence["other_story"] = w["other_story"]
        elif a.tally and b.tally and story < _SETTINGS.tally_story_floor:
            evidence["other_event"] = w["other_event"]
    if a.low <= b.high and b.low <= a.high:
        evidence["same_value"] = w["same_value"]
        if a.digits >= 3 and a.magnitude == b.magnitude:
            extra = min(a.digits, 7) - 3
            evidence["distinctive"] = w["distinctive"] + extra * w["distinctive_digit"]
    else:
        small, large = (
            (a.magnitude, b.magnitude) if a.magnitude <= b.magnitude else (b.magnitude, a.magnitude)
        )
        ratio = large / small if small else math.inf
        if a.digits >= 5 and b.digits >= 5 and ratio <= 1 + _SETTINGS.close_digits_ratio:
            evidence["close_distinctive"] = w["close_distinctive"]  # 4,440,813 and 4,440,830
        elif ratio <= _SETTINGS.near_ratio:
            evidence["near_value"] = w["near_value"]
        elif ratio > _SETTINGS.far_ratio:
            evidence["far_value"] = w["far_value"]
    if a.period and a.period == b.period:
        evidence["same_period"] = w["same_period"]
    if a.subject and a.subject == b.subject:
        evidence["same_subject"] = w["same_subject"]
    if bool(a.scope) != bool(b.scope):
        evidence["scope_missing"] = w["scope_missing"]
    if (a.status in FORECASTS) != (b.status in FORECASTS):
        evidence["standing_differs"] = w["standing_differs"]
    if a.source and a.source == b.source:
        evidence["same_source"] = w["same_source"]
    return evidence


#: The evidence that comes from the values alone: a disagreement has none of it.
VALUE_EVIDENCE = frozenset(
    {"same_value", "distinctive", "close_distinctive", "near_value", "far_value"}
)


def _cosine(
    a: frozenset[str], b: frozenset[str], norms: float, weight: Mapping[str, float]
) -> float:
    """IDF-weighted cosine of two term sets, given the product of their lengths."""
    if not norms:
        return 0.0
    shared = a & b if len(a) <= len(b) else b & a
    return sum(map(weight.__getitem__, shared)) / norms if shared else 0.0


@cache
def _factor(unit: str, dimension: str) -> float:
    """How many base units of its dimension one `unit` is (1 when not convertible)."""
    base = _BASE_UNITS.get(dimension)
    if base is None or base == unit:
        return 1.0
    try:
        return units.convert(1.0, unit, base)
    except Exception:
        return 1.0


_BASE_UNITS = {
    "[time]": "hour",
    "[length]": "kilometer",
    "[mass]": "tonne",
    "[area]": "kilometer ** 2",
    "[volume]": "liter",
}


def _digits(value: float) -> int:
    return len(f"{abs(value):.10g}".replace(".", "").lstrip("0").rstrip("0"))
