"""What a figure measures and whom it is about: a table of news sentences.

Each row is a sentence written for the test, the figure it holds and the
measure (or subject) a reader would name; measures are compared by their
canonical terms, so "death toll" and "deaths" are one measure.
"""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from factcheck.attribute.measure import measure_key, terms
from factcheck.attribute.when import time_words

MEASURES = [
    pytest.param("At least 12 people were killed in the floods.", "12", "deaths", id="event-after"),
    pytest.param(
        "The floods have killed 19 people, officials said.", "19", "deaths", id="event-before"
    ),
    pytest.param("The death toll rose to 23 on Tuesday.", "23", "deaths", id="death-toll"),
    pytest.param("Health officials confirmed 23 fatalities.", "23", "deaths", id="fatalities"),
    pytest.param(
        "More than 110,000 people marched in Paris.", "110,000", "protesters", id="marched"
    ),
    pytest.param("Police detained 300 protesters overnight.", "300", "arrests", id="event-verb"),
    pytest.param("About 300 protesters were detained overnight.", "300", "arrests", id="detained"),
    pytest.param("The carmaker will lay off 2,000 workers.", "2,000", "workers", id="counted-noun"),
    pytest.param(
        "In September, exports through the port rose 12%.", "12%", "exports", id="clause-subject"
    ),
    pytest.param(
        "Inflation was driven by food prices, which rose 99% on the year.",
        "99%",
        "food price",
        id="relative-clause",
    ),
    pytest.param(
        "Car sales, which jumped nearly 40% last year, slowed.",
        "40%",
        "car sales",
        id="relative-clause-qualified",
    ),
    pytest.param(
        "And bridge costs in the region of $2 billion are a record.",
        "$2 billion",
        "bridge costs",
        id="qualifier-is-no-measure",
    ),
    pytest.param(
        "The EU listed an additional 38 individuals on Monday.",
        "38",
        "additional people",
        id="increment",
    ),
    pytest.param(
        "According to the statistics office, unemployment was 7.3%.",
        "7.3%",
        "unemployment",
        id="not-the-source",
    ),
]


@pytest.mark.parametrize(("sentence", "figure", "expected"), MEASURES)
def test_measure(attributed, sentence, figure, expected):
    found = attributed(sentence, figure)
    assert sorted(set(terms(found.measure))) == sorted(set(terms(expected))), found.measure


SUBJECTS = [
    pytest.param(
        "Russia accounts for 30 percent of the trade.", "30 percent", "Russia", id="share"
    ),
    pytest.param(
        "The Russian Federation accounted for 49% of the trade.", "49%", "Russia", id="full-name"
    ),
    pytest.param(
        "Moscow accounted for over half of Minsk's trade.", "half", "Russia", id="capital"
    ),
    pytest.param("Lukashenko received 80.2% of the vote.", "80.2%", "Lukashenko", id="received"),
    pytest.param(
        "More than 80 percent voted for Tsikhanouskaya.", "80 percent", "Tsikhanouskaya", id="for"
    ),
    pytest.param("About 6% of voters voted against all candidates.", "6%", "against all", id="all"),
    pytest.param("Trade grew 12% last year.", "12%", "", id="none"),
]


@pytest.mark.parametrize(("sentence", "figure", "expected"), SUBJECTS)
def test_subject(attributed, sentence, figure, expected):
    assert attributed(sentence, figure).subject == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("12 people were killed in the crash.", "12"), ("The crash left 12 dead.", "12")),
        (
            ("The day of mourning was for 12 lives lost.", "12"),
            ("Officials confirmed 12 fatalities.", "12"),
        ),
        (
            ("Some 5,000 demonstrators gathered.", "5,000"),
            ("Some 5,000 protesters gathered.", "5,000"),
        ),
        (
            ("The firm announced 900 layoffs.", "900"),
            ("The firm announced 900 redundancies.", "900"),
        ),
    ],
)
def test_synonyms_meet(attributed, first, second):
    a, b = attributed(*first), attributed(*second)
    assert measure_key(a) == measure_key(b) != "", (a.measure, b.measure)


def test_every_status_of_the_contract_has_words():
    """The status tables are data: a table misplaced in the file must not empty one."""
    data = tomllib.loads(
        resources.files("factcheck.attribute").joinpath("time.toml").read_text("utf-8")
    )
    contract = {"preliminary", "final", "revised", "estimate", "forecast", "target"}
    assert set(data["status"]) == contract
    assert set(time_words().status.values()) == contract
