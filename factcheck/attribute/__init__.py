"""Stage 2: what each figure measures, whom it is about, where, who says it, and when.

`attribute_document` fills the contract's attribution fields of every figure
of one document: `measure` and `subject` (measure.py), `source` (source.py),
`scope` (scope.py), `as_of`, `period` and `status` (when.py). Each field is
read from the figure's own sentence, so the stage is linear in the figures.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from factcheck.attribute.measure import measure_of, subject_of
from factcheck.attribute.scope import scope_of
from factcheck.attribute.source import source_of
from factcheck.attribute.when import as_of_of, period_of, status_of
from factcheck.model import Document, Figure

__all__ = ["attribute_document"]


def attribute_document(document: Document, figures: Sequence[Figure]) -> list[Figure]:
    """The figures of `document` with every attribution field filled in."""
    return [_attribute(document, figure) for figure in figures]


def _attribute(document: Document, figure: Figure) -> Figure:
    subject = subject_of(figure, document.text)
    source = source_of(figure)
    return dataclasses.replace(
        figure,
        measure=measure_of(figure, document.text),
        subject=subject,
        source=source,
        scope=scope_of(figure, subject, source),
        as_of=as_of_of(figure, document.date),
        period=period_of(figure, document.date),
        status=status_of(figure),
    )
