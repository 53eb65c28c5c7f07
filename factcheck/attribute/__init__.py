"""Stage 2: what each figure measures, whom it is about, where, who says it, and when.

`attribute_document` fills the contract's attribution fields of every figure
of one document: `measure` and `subject` (measure.py), `source` (source.py),
`scope` (scope.py), `as_of`, `period` and `status` (when.py). Each field is
read from the figure's own sentence, so the stage is linear in the figures.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
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
    """A sentence that names no period continues the period of the one before it
    when that one gave a figure of the same unit and of a measure that goes on
    ("In 2023 trade reached $46.5 bln, by Russian data. Belarus puts it at $54
    bln."). Only the next sentence inherits, and only a period stated in it."""
    out: list[Figure] = []
    stated: dict[str, tuple[str, frozenset[str]]] = {}  # unit -> (period, measure terms)
    current: dict[str, tuple[str, frozenset[str]]] = {}
    sentence = -1
    for figure in figures:
        if figure.sentence_start != sentence:
            stated, current, sentence = current, {}, figure.sentence_start
        measure = frozenset(terms(figure.measure))
        if figure.period:
            current.setdefault(figure.unit, (figure.period, measure))
        elif figure.unit in stated:
            period, before = stated[figure.unit]
            if not measure or not before or measure & before:  # the same story goes on
                figure = dataclasses.replace(figure, period=period)
        out.append(figure)
    return out


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
