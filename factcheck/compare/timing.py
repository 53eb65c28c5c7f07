"""When two figures may be set against each other: periods, report days, standing.

A conflict needs two figures that claim the same thing for the same time.
Two stated periods must share a month ("2022" and "2022-10" may,
"2021" and "2022" may not; a range "2022-01/2022-10" is one period). A
figure without a stated period holds on its report day: two reports of a
running tally on different days are a series, not a disagreement; a level
that does not move by the day is one claim within a week. So are a series
a preliminary figure and a later final one, or a forecast and the outturn.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from factcheck.compare.linkage import linkage
from factcheck.model import EXPECTED, PROVISIONAL, Figure

_QUARTER_MONTHS = {
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "H1": (1, 6),
    "H2": (7, 12),
}


@lru_cache(maxsize=1 << 14)  # a corpus states few periods, and asks of each pair again and again
def comparable_periods(a: str, b: str) -> bool:
    """Two periods may describe the same time: they share a month, and an
    unstated part matches anything ("2022" and "2022-10", "?-10" and "2022-10",
    "2022-01/2022-10" and "2022-Q3")."""
    if not a or not b or a == b:
        return True
    if _is_round(a) or _is_round(b):
        return not (_is_round(a) and _is_round(b))  # "first round" and "second round" differ
    span_a, span_b = _span(a), _span(b)
    if span_a is None or span_b is None:
        return True
    (year_a, first_a, last_a), (year_b, first_b, last_b) = span_a, span_b
    if year_a is None or year_b is None:  # a month of a year the text does not give
        months_a = _months_of_year(first_a, last_a)
        return bool(months_a & _months_of_year(first_b, last_b))
    return first_a + 12 * year_a <= last_b + 12 * year_b and (
        first_b + 12 * year_b <= last_a + 12 * year_a
    )


def _is_round(period: str) -> bool:
    return period.endswith("round")


#: A period's first and last month and how many years it runs past its first.
_Span = tuple[int | None, int, int]


def _span(period: str) -> _Span | None:
    """(year, first month, last month) of a period, months counted from its year
    so that a range may run into the next ("2022-11/2023-02" is 2022, 11, 14);
    None when the period is not a calendar one."""
    start, _, stop = period.partition("/")
    first = _part_span(start)
    last = _part_span(stop) if stop else first
    if first is None or last is None:
        return None
    year, first_month, _ = first
    last_year, _, last_month = last
    if year is None or last_year is None:
        return (None, first_month, last_month if last_month >= first_month else last_month + 12)
    return (year, first_month, last_month + 12 * (last_year - year))


def _part_span(part: str) -> _Span | None:
    year_text, _, rest = part.partition("-")
    year = None if year_text == "?" else int(year_text) if year_text.isdigit() else -1
    if year == -1:
        return None
    if not rest:
        return (year, 1, 12)
    if rest in _QUARTER_MONTHS:
        return (year, *_QUARTER_MONTHS[rest])
    return (year, int(rest), int(rest)) if rest.isdigit() else None


def _months_of_year(first: int, last: int) -> set[int]:
    return {(m - 1) % 12 + 1 for m in range(first, min(last, first + 11) + 1)}


def same_time(a: Figure, b: Figure, *, tally: bool = False) -> bool:
    """Whether a disagreement between `a` and `b` would be a conflict rather
    than a change over time.

    Stated periods decide when both have one; otherwise the report days must
    be the same day. A provisional figure (preliminary, forecast, estimate,
    target) and a figure of another standing are only set against each other
    on the same day; two provisional figures of different days are a revision.
    A running tally (`tally`) of unknown days is never a conflict.
    """
    if not comparable_periods(a.period, b.period):
        return False
    same_day = bool(a.as_of) and a.as_of == b.as_of
    if (a.status in PROVISIONAL or b.status in PROVISIONAL) and not same_day:
        return False
    if (a.status in EXPECTED) != (b.status in EXPECTED):
        return False  # a forecast, a poll or a target is not an outturn, whatever the day
    if a.status != b.status and {a.status, b.status} & PROVISIONAL and a.status and b.status:
        return False  # an exit poll and the preliminary count, a forecast and a target
    if a.period and b.period and not tally:
        return True
    if a.as_of and b.as_of:
        return same_day or (not tally and _days_apart(a.as_of, b.as_of) <= linkage().same_time_days)
    return not tally


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return 1 << 30
