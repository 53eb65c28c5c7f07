"""Which stated periods may describe the same time: a table of period pairs."""

from __future__ import annotations

import pytest

from factcheck.compare.timing import comparable_periods

PERIOD_PAIRS = [
    pytest.param("2022", "2022-10", True, id="year-holds-its-month"),
    pytest.param("2021", "2022", False, id="two-years"),
    pytest.param("?-10", "2022-10", True, id="month-of-an-unknown-year"),
    pytest.param("?-10", "2022-11", False, id="two-months-of-unknown-years"),
    pytest.param("2022-Q1", "2022-Q2", False, id="two-quarters"),
    pytest.param("2022-Q3", "2022-08", True, id="quarter-holds-its-month"),
    pytest.param("2022-01/2022-10", "2022-Q3", True, id="range-overlaps-quarter"),
    pytest.param("2022-01/2022-10", "2022-11", False, id="month-after-range"),
    pytest.param("2022/2023", "2021-06", False, id="month-before-year-range"),
    pytest.param("2022/2023", "2023", True, id="year-in-year-range"),
    pytest.param("2022-11/2023-02", "2023-01", True, id="range-over-new-year"),
    pytest.param("?-11/?-02", "2023-05", False, id="unknown-year-range-over-new-year"),
    pytest.param("first round", "second round", False, id="two-rounds"),
    pytest.param("first round", "2024", True, id="round-and-year"),
    pytest.param("", "2022", True, id="unstated-matches-anything"),
]


@pytest.mark.parametrize(("a", "b", "expected"), PERIOD_PAIRS)
def test_comparable_periods(a: str, b: str, expected: bool) -> None:
    assert comparable_periods(a, b) is expected
    assert comparable_periods(b, a) is expected
