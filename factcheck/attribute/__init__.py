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

from factcheck.attribute.measure import measure_of, subject_of, terms
from factcheck.attribute.scope import scope_of
from factcheck.attribute.source import source_of
from factcheck.attribute.when import as_of_of, period_of, status_of
from factcheck.model import Document, Figure

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
    return _carry_periods(attributed)


def _carry_periods(figures: list[Figure]) -> list[Figure]:
    """A sentence that names no period continues the period of a sentence shortly
    before it that stated one for a figure of the same unit and of a measure
    that goes on ("In 2023 trade reached $46.5 bln, by Russian data. Exports
    were $22.6 bln. Belarus puts trade at $54 bln."). Only periods stated in
    the text are lent, never ones a sentence itself borrowed."""
    out: list[Figure] = []
    # per sentence of the last few: unit -> [(period, measure terms)] stated there
    recent: deque[dict[str, list[tuple[str, frozenset[str]]]]] = deque(maxlen=CARRY_SENTENCES)
    sentence = -1
    for figure in figures:
        if figure.sentence_start != sentence:
            recent.appendleft(defaultdict(list))
            sentence = figure.sentence_start
        measure = frozenset(terms(figure.measure))
        if figure.period:
            recent[0][figure.unit].append((figure.period, measure))
        else:
            figure = _carried(figure, measure, list(recent)[1:])
        out.append(figure)
    return out


#: How many sentences before a figure's own may lend it their period.
CARRY_SENTENCES = 3


def _carried(
    figure: Figure,
    measure: frozenset[str],
    earlier: list[dict[str, list[tuple[str, frozenset[str]]]]],
) -> Figure:
    """The figure with the period of the nearest earlier sentence that stated one for
    a figure of its unit and a measure that goes on, or unchanged."""
    for stated in earlier:
        for period, before in stated.get(figure.unit, ()):
            if not measure or not before or measure & before:  # the same story goes on
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
    return dataclasses.replace(
        figure,
        measure=measure,
        subject=subject,
        source=source,
        scope=scope_of(figure, subject, source),
        as_of=as_of_of(figure, document.date, others),
        period=period_of(figure, document.date, others),
        status=status_of(figure),
    )
