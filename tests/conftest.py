"""Shared helpers for the tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from factcheck.attribute import attribute_document
from factcheck.extract import extract_document
from factcheck.model import Document, Figure

#: The document date of the attribution tests: Wednesday 13 March 2024.
DOC_DATE = "2024-03-13"


def attributed_figure(sentence: str, contains: str, date: str | None = DOC_DATE) -> Figure:
    """The one attributed figure of `sentence` whose text contains `contains`.

    The sentence is a whole document (dated `date`, or undated when None).
    Fails with the figures found when none, or more than one, matches.
    """
    doc = Document(id="t", path="t.txt", text=sentence, date=date)
    figures = attribute_document(doc, extract_document(doc))
    matching = [f for f in figures if contains in f.text]
    if len(matching) != 1:
        found = ", ".join(repr(f.text) for f in figures) or "none"
        pytest.fail(
            f"expected one figure containing {contains!r} in {sentence!r}, "
            f"found {len(matching)} (figures: {found})"
        )
    return matching[0]


@pytest.fixture
def attributed() -> Callable[..., Figure]:
    """`attributed(sentence, contains, date=DOC_DATE)`: see `attributed_figure`."""
    return attributed_figure
