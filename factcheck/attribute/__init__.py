"""Stage 2: what each figure measures, whom it is about, where, who says it, and when.

`attribute_document` fills the contract's attribution fields of every figure
of one document: `measure` and `subject` (measure.py), `source` (source.py),
`scope` (scope.py), `as_of`, `period` and `status` (when.py). Each field is
read from the figure's own sentence, so the stage is linear in the figures.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.attribute.measure import measure_of, subject_of, terms
from factcheck.attribute.scope import scope_of
from factcheck.attribute.source import source_of
from factcheck.attribute.when import as_of_of, is_comparison_base, period_of, status_of
from factcheck.model import EXPECTED, Document, Figure

__all__ = ["attribute_document"]


def attribute_document(document: Document, figures: Sequence[Figure]) -> list[Figure]:
    """The figures of `document` with every attribution field filled in."""
    by_sentence: dict[int, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_sentence[figure.sentence_start].append(figure)
    attributed = [
        _attribute(document, figure, _neighbours(figure, by_sentence[figure.sentence_start]))
        for figure in figures
    ]
    return _carry_periods(document.text, attributed)


def _carry_periods(text: str, figures: list[Figure]) -> list[Figure]:
    """A sentence that names no period continues the period stated just before
    it ("In 2023 trade reached $46.5 bln. Exports were $22.6 bln."), or by a
    sentence shortly before for a figure of a measure that goes on. Only
    periods stated in the text for a figure of the same unit are lent, never
    ones a sentence itself borrowed, nor the period of a comparison's base."""
    out: list[Figure] = []
    recent: deque[_Stated] = deque(maxlen=CARRY_SENTENCES)
    for figure in figures:
        if not recent or figure.sentence_start != recent[0].start:
            end = figure.sentence_start + len(figure.sentence)
            recent.appendleft(_Stated(figure.sentence_start, end, defaultdict(list)))
        measure = frozenset(terms(figure.measure))
        if figure.period:
            if not is_comparison_base(figure):  # "up from 83.5% in September"
                recent[0].periods[figure.unit].append((figure.period, measure))
        else:
            figure = _carried(text, figure, measure, list(recent)[1:])
        out.append(figure)
    return out


#: How many sentences with figures before a figure's own may lend it their period.
CARRY_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class _Stated:
    """The periods a sentence states, per unit, with the measure terms of each."""

    start: int
    end: int
    periods: defaultdict[str, list[tuple[str, frozenset[str]]]]


def _carried(text: str, figure: Figure, measure: frozenset[str], earlier: list[_Stated]) -> Figure:
    """The figure with the period of the nearest earlier sentence that stated one
    for a figure of its unit: the sentence right before it in its paragraph, or
    one a little further back whose measure goes on; else unchanged."""
    for stated in earlier:
        gap = text[stated.end : figure.sentence_start]
        next_to = stated is earlier[0] and not gap.strip() and gap.count("\n") < 2
        for period, before in stated.periods.get(figure.unit, ()):
            if next_to or not measure or not before or measure & before:
                return dataclasses.replace(figure, period=period)
    return figure


def _neighbours(
    figure: Figure, sentence_figures: list[Figure]
) -> tuple[tuple[int, int, bool], ...]:
    """Where the other figures of the sentence stand, relative to the sentence: a
    date or period beyond one of them belongs to it ("85.5% in October, up
    from 83.5% in September"), and whether each is of the figure's own unit."""
    return tuple(
        (f.start - figure.sentence_start, f.end - figure.sentence_start, f.unit == figure.unit)
        for f in sentence_figures
        if f is not figure
    )


def _attribute(
    document: Document, figure: Figure, others: tuple[tuple[int, int, bool], ...]
) -> Figure:
    subject = subject_of(figure, document.text)
    source = source_of(figure)
    measure = measure_of(figure, document.text)
    if source and measure.lower() in source.lower():
        measure = ""  # "according to the Russian government, trade grew": who, not what
    status = status_of(figure)
    return dataclasses.replace(
        figure,
        measure=measure,
        subject=subject,
        source=source,
        scope=scope_of(figure, subject, source),
        as_of=as_of_of(figure, document.date, others),
        period=period_of(figure, document.date, others, expected=status in EXPECTED),
        status=status,
    )
