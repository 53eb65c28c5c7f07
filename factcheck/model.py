"""The data every stage passes on: documents in, figures out.

Frozen dataclasses, so a stage can hand its output to the next without
anyone mutating it behind its back; `dataclasses.replace` makes the
enriched copies (a figure with its measure, its period).
"""

from __future__ import annotations

import dataclasses
import operator
from dataclasses import dataclass, field
from typing import Any

#: Kinds of figure of the contract.
KINDS = ("percent", "count", "money", "duration", "quantity")
#: Standings (`Figure.status`) that a later report supersedes.
PROVISIONAL = frozenset({"preliminary", "forecast", "estimate", "target"})
#: Standings that say what a figure is expected to be, not what it was.
EXPECTED = frozenset({"forecast", "target"})


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its text as read, offsets count from its first character.

    `body_start` is where the text proper begins, after any front matter, so
    that the extractor does not read figures out of a title or a URL kept
    as metadata. `row` is the line of its file where the document's record
    starts when the file is a JSONL or CSV corpus (None for a file of its
    own): the line a report points at, since offsets count in the record's
    text, not in the file.
    """

    id: str
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None
    body_start: int = 0
    row: int | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document was read from: the path as the user gave it, the
    line its record starts on when the file is a JSONL or CSV corpus (the
    line reports point at: a figure's own line counts in the record's text),
    and what its text is when not the file's own characters (a web page's
    main text: `corpus.HTML_TEXT`), which reports pass on."""

    path: str
    row: int | None = None
    text_source: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """One numeric mention, in the JSON contract's terms.

    `low`/`high` are the bounds the text states; `interval` is what the
    figure is compatible with once approximation and rounding are allowed
    for (None on an open side). Comparisons use `interval`.
    """

    doc: str
    start: int
    end: int
    line: int
    column: int
    text: str
    value: float
    unit: str
    kind: str
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    interval: tuple[float | None, float | None] = (None, None)
    is_change: bool = False
    measure: str = ""
    subject: str = ""
    scope: str = ""
    source: str = ""
    as_of: str = ""
    period: str = ""
    status: str = ""
    sentence: str = ""
    sentence_start: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (plain types, stable key order).

        Built flat from the fields, not with `dataclasses.asdict`, which
        deep-copies every value (about 40 µs a figure: seconds for a report
        of a hundred thousand figures); every field is a str, number, bool
        or the `interval` pair, replaced by a list below."""
        out = dict(zip(FIGURE_FIELDS, figure_values(self), strict=True))
        out["value"] = _plain(self.value)
        out["low"] = _plain(self.low)
        out["high"] = _plain(self.high)
        out["interval"] = [_plain(self.interval[0]), _plain(self.interval[1])]
        return out


#: The figure's field names in declaration order: the contract's key order.
FIGURE_FIELDS = tuple(f.name for f in dataclasses.fields(Figure))
#: A figure's field values in that order, as a tuple, in one C call: for
#: `Figure(*values)` and `to_dict`, where `dataclasses.astuple` and `asdict`
#: would deep-copy each value.
figure_values = operator.attrgetter(*FIGURE_FIELDS)


def _plain(number: float | None) -> float | int | None:
    """Whole numbers print as ints (`28`, not `28.0`); others as floats."""
    if number is None:
        return None
    if float(number).is_integer() and abs(number) < 2**53:
        return int(number)
    return round(float(number), 10)
