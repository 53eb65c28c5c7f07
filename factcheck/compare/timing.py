"""When two figures may be set against each other: periods, report days, standing.

A conflict needs two figures that claim the same thing for the same time.
Two stated periods must agree ("2022" and "2022-10" may, "2021" and "2022"
may not). A figure without a stated period holds on its report day: two
reports of a running tally on different days are a series, not a
disagreement; a level that does not move by the day is one claim within a
week. So are a series a preliminary figure and a later final one, or a
forecast and the outturn.
"""

from __future__ import annotations

from datetime import date

from factcheck.compare.linkage import linkage
from factcheck.model import Figure

#: Standings that a later report supersedes.
PROVISIONAL = frozenset({"preliminary", "forecast", "estimate", "target"})
#: Standings that say what a figure is expected to be.
EXPECTED = frozenset({"forecast", "target"})
_QUARTER_MONTHS = {
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "H1": (1, 6),
    "H2": (7, 12),
}


def comparable_periods(a: str, b: str) -> bool:
    """Two periods may describe the same time: an unstated part matches anything."""
    if not a or not b or a == b:
        return True
    year_a, _, part_a = a.partition("-")
    year_b, _, part_b = b.partition("-")
    if _is_round(a) or _is_round(b):
        return not (_is_round(a) and _is_round(b))  # "first round" and "second round" differ
    if "?" not in (year_a, year_b) and year_a != year_b:
        return False
    return not part_a or not part_b or _months(part_a) & _months(part_b) != set()


def _is_round(period: str) -> bool:
    return period.endswith("round")


def _months(part: str) -> set[int]:
    if part in _QUARTER_MONTHS:
        first, last = _QUARTER_MONTHS[part]
        return set(range(first, last + 1))
    return {int(part)} if part.isdigit() else set()


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
