"""`factcheck extract` output: the figure table as text, JSON lines or CSV."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tabulate import tabulate

from factcheck.model import Figure
from factcheck.report import terminal_width

if TYPE_CHECKING:
    import pandas as pd


def figure_frame(figures: Iterable[Figure]) -> pd.DataFrame:
    """The figures as a table, one row per figure, columns in contract order."""
    rows = [figure.to_dict() for figure in figures]
    import pandas as pd  # imported when a table is made: a run without one does not pay it

    frame = pd.DataFrame.from_records(rows, columns=list(Figure.__dataclass_fields__))
    frame["interval"] = frame["interval"].map(_strict_json)
    return frame


def jsonl_line(figure: Figure, text_source: str | None = None) -> str:
    """One figure as one line of JSON (streamed: nothing is held back), with
    `text_source` when its offsets count in text made from the file (a web
    page's main text), not in the file itself."""
    fields = figure.to_dict()
    if text_source:
        fields["text_source"] = text_source
    return json.dumps(fields, allow_nan=False, ensure_ascii=False)


def _strict_json(value: object) -> str:
    """JSON with no NaN or Infinity token: a non-finite value is a bug to raise."""
    return json.dumps(value, allow_nan=False)


def figures_csv(figures: Iterable[Figure]) -> str:
    """CSV through pandas, so quoting and missing values follow its conventions."""
    return figure_frame(figures).to_csv(index=False, lineterminator="\n")


def figures_table(figures: Iterable[Figure], width: int | None = None) -> str:
    """A readable table for a `width`-column terminal (default: this one's,
    see `terminal_width`): where, what was written, what it means."""
    width = width or terminal_width()
    free = width - EXTRACT_FIXED
    where, written, value, asserts = (int(free * share) for share in EXTRACT_SHARES)
    rows = [
        (
            _where(f, where),
            _clip(f.text, written),
            _clip(f"{number_text(f.value)} {f.unit}", value),
            _clip(_bounds(f), asserts),
            "change" if f.is_change else "level",
        )
        for f in figures
    ]
    return tabulate(rows, headers=EXTRACT_HEADERS, tablefmt="simple", disable_numparse=True)


#: Columns the table always takes: the last column ("change" or "level") is
#: its header's 12 padded by 2 (tabulate pads a column to its header and 2
#: more), and 2 between each of the 5 columns.
EXTRACT_FIXED = 14 + 4 * 2
#: Shares of the rest for where, as written, value and qualifier.
EXTRACT_SHARES = (0.27, 0.27, 0.23, 0.23)
EXTRACT_HEADERS = ("where", "as written", "value", "qualifier", "level/change")


def _where(figure: Figure, width: int) -> str:
    """`doc:line:column`, the doc id shortened so that the position always shows."""
    position = f":{figure.line}:{figure.column}"
    return _clip(figure.doc, max(width - len(position), 4)) + position


def _bounds(figure: Figure) -> str:
    low, high = figure.interval
    low_text = "…" if low is None else number_text(low)
    high_text = "…" if high is None else number_text(high)
    shown = f"[{low_text}, {high_text}]"
    return f"{figure.qualifier} {shown}"


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
