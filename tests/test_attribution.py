"""Attribution of figures: who states them, where, when, for which period, how final.

Each row is a news-style sentence written for these tests, the text of one
figure in it, and what the figure's field must be (see the Figure contract
in DESIGN.md). Unless a row says otherwise the document is dated Wednesday
13 March 2024.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

NO_DATE = None  # a document without a date


@dataclass(frozen=True)
class Contains:
    """An expected value that only has to appear in the field (case-insensitive)."""

    part: str


# --------------------------------------------------------------------------
# source: who states the figure, without a leading "the"/"a"

SOURCES = [
    pytest.param(
        "According to the interior ministry, 48,000 people took part in the protests.",
        "48,000",
        "interior ministry",
        id="according-to-interior-ministry",
    ),
    pytest.param(
        "Police said 3,200 people attended the rally.", "3,200", "police", id="police-said"
    ),
    pytest.param(
        "Organisers estimated that more than 110,000 people marched through the city.",
        "110,000",
        "organisers",
        id="organisers-estimated",
    ),
    pytest.param(
        "The union said 2,000 workers had joined the strike.", "2,000", "union", id="union-said"
    ),
    pytest.param(
        "The economy will grow by 2.1% this year, the World Bank said.",
        "2.1%",
        "World Bank",
        id="world-bank-said-after",
    ),
    pytest.param(
        "Figures from the health ministry show 412 new cases were recorded.",
        "412",
        "health ministry",
        id="figures-from",
    ),
    pytest.param(
        "Police put the number of demonstrators at 48,000.",
        "48,000",
        "police",
        id="police-put-the-number-at",
    ),
    pytest.param(
        "Some 5,000 people were evacuated, the fire service estimated.",
        "5,000",
        "fire service",
        id="fire-service-estimated-after",
    ),
    pytest.param(
        "The strike closed 42 schools, the education ministry said.",
        "42",
        "education ministry",
        id="education-ministry-said-after",
    ),
    pytest.param(
        "Mayor Jane Doe said 1,200 homes had been damaged by the storm.",
        "1,200",
        Contains("Jane Doe"),
        id="named-person",
    ),
    pytest.param("He said 300 jobs would be cut.", "300", "", id="pronoun-is-no-source"),
    pytest.param(
        "Unemployment fell to 7.3% in the second quarter.", "7.3%", "", id="no-source-stated"
    ),
]


@pytest.mark.parametrize(("sentence", "figure", "expected"), SOURCES)
def test_source(attributed, sentence, figure, expected):
    source = attributed(sentence, figure).source
    if isinstance(expected, Contains):
        assert expected.part.lower() in source.lower(), f"source {source!r} in {sentence!r}"
    else:
        assert source.lower() == expected.lower(), f"source {source!r} in {sentence!r}"


# --------------------------------------------------------------------------
# scope: where, or within what, the figure holds

SCOPES = [
    pytest.param(
        "Unemployment in Lyon stood at 9.1% in the second quarter.", "9.1%", "Lyon", id="in-city"
    ),
    pytest.param(
        "Across Bavaria, 120 schools were closed because of the snow.",
        "120",
        "Bavaria",
        id="across-region",
    ),
    pytest.param("Nationwide, unemployment was 7.3%.", "7.3%", "nationwide", id="nationwide"),
    pytest.param(
        "The strike closed 42 schools nationwide.", "42", "nationwide", id="nationwide-after"
    ),
    pytest.param(
        "Unemployment across the country fell to 7.3%.",
        "7.3%",
        "nationwide",
        id="across-the-country",
    ),
    pytest.param(
        "Broadband now reaches 64% of homes in rural areas.",
        "64%",
        "rural areas",
        id="in-rural-areas",
    ),
    pytest.param("Lyon's unemployment rate is about 9%.", "9%", "Lyon", id="possessive-city"),
    pytest.param(
        "Storms damaged 1,200 homes in Brittany.", "1,200", "Brittany", id="in-region-after"
    ),
    pytest.param("Turnout in Marseille was 58%.", "58%", "Marseille", id="turnout-in-city"),
    pytest.param("In Texas, 2,400 flights were cancelled.", "2,400", "Texas", id="in-state-first"),
    pytest.param("Police said 3,200 people attended the rally.", "3,200", "", id="no-place"),
    pytest.param("Unemployment was 7.3%.", "7.3%", "", id="no-place-bare"),
]


@pytest.mark.parametrize(("sentence", "figure", "expected"), SCOPES)
def test_scope(attributed, sentence, figure, expected):
    scope = attributed(sentence, figure).scope
    assert scope.lower() == expected.lower(), f"scope {scope!r} in {sentence!r}"


# --------------------------------------------------------------------------
# as_of: the date the figure is stated for (document dated Wednesday 2024-03-13)

AS_OF = [
    pytest.param(
        "The union said 2,000 workers joined the strike.",
        "2,000",
        "2024-03-13",
        "2024-03-13",
        id="document-date",
    ),
    pytest.param(
        "The union said 2,000 workers joined the strike on Monday.",
        "2,000",
        "2024-03-13",
        "2024-03-11",
        id="on-monday",
    ),
    pytest.param(
        "On Tuesday, 2,000 workers joined the strike.",
        "2,000",
        "2024-03-13",
        "2024-03-12",
        id="on-tuesday-first",
    ),
    pytest.param(
        "On Friday, 2,000 workers joined the strike.",
        "2,000",
        "2024-03-13",
        "2024-03-08",
        id="on-friday-last-week",
    ),
    pytest.param(
        "Police said 3,200 people attended the rally yesterday.",
        "3,200",
        "2024-03-13",
        "2024-03-12",
        id="yesterday",
    ),
    pytest.param(
        "Today, 1,200 homes remain without power.", "1,200", "2024-03-13", "2024-03-13", id="today"
    ),
    pytest.param(
        "The ministry reported 412 new cases on 8 March.",
        "412",
        "2024-03-13",
        "2024-03-08",
        id="day-month",
    ),
    pytest.param(
        "The ministry reported 412 new cases on March 8.",
        "412",
        "2024-03-13",
        "2024-03-08",
        id="month-day",
    ),
    pytest.param(
        "The ministry reported 412 new cases on 1 February.",
        "412",
        "2024-03-13",
        "2024-02-01",
        id="earlier-month",
    ),
    pytest.param(
        "Last week, 5,000 people were evacuated from the valley.",
        "5,000",
        "2024-03-13",
        "2024-03-06",
        id="last-week",
    ),
    pytest.param(
        "On 8 March 2024, the ministry reported 412 new cases.",
        "412",
        NO_DATE,
        "2024-03-08",
        id="full-date-undated-document",
    ),
    pytest.param(
        "The union said 2,000 workers joined the strike.",
        "2,000",
        NO_DATE,
        "",
        id="nothing-dates-it",
    ),
]


@pytest.mark.parametrize(("sentence", "figure", "date", "expected"), AS_OF)
def test_as_of(attributed, sentence, figure, date, expected):
    assert attributed(sentence, figure, date=date).as_of == expected


# --------------------------------------------------------------------------
# period: the reference period the figure is about (document dated 2024-03-13)

PERIODS = [
    pytest.param("Exports rose 12% in 2022.", "12%", "2022", id="year"),
    pytest.param("In 2021, 2,100 companies were registered.", "2,100", "2021", id="year-first"),
    pytest.param(
        "Unemployment was 7.3% in October.", "7.3%", "2023-10", id="month-of-the-year-before"
    ),
    pytest.param(
        "Unemployment was 7.3% in February.", "7.3%", "2024-02", id="month-of-the-same-year"
    ),
    pytest.param("Unemployment was 7.3% in October 2022.", "7.3%", "2022-10", id="month-and-year"),
    pytest.param(
        "The economy grew 0.4% in the first quarter.", "0.4%", "2024-Q1", id="current-quarter"
    ),
    pytest.param(
        "The economy grew 0.4% in the fourth quarter.",
        "0.4%",
        "2023-Q4",
        id="quarter-of-the-year-before",
    ),
    pytest.param(
        "The economy grew 0.4% in the third quarter of 2023.",
        "0.4%",
        "2023-Q3",
        id="quarter-and-year",
    ),
    pytest.param("Exports rose 12% last year.", "12%", "2023", id="last-year"),
    pytest.param(
        "The Civic Alliance won 41.2% of the vote in the first round.",
        "41.2%",
        "first round",
        id="first-round",
    ),
    pytest.param("Turnout in the second round was 61%.", "61%", "second round", id="second-round"),
    pytest.param("Unemployment was 7.3%.", "7.3%", "", id="no-period"),
    pytest.param(
        "Exports exceeded $18 billion in January-October 2023.",
        "$18 billion",
        "2023-01/2023-10",
        id="month-range-and-year",
    ),
    pytest.param(
        "In January–February, exports reached $3 billion.",
        "$3 billion",
        "2024-01/2024-02",
        id="month-range-this-year",
    ),
    pytest.param(
        "Between November and February, sales fell 4%.",
        "4%",
        "2023-11/2024-02",
        id="month-range-over-new-year",
    ),
    pytest.param(
        "In the first nine months of 2023, sales rose 5%.",
        "5%",
        "2023-01/2023-09",
        id="first-months",
    ),
    pytest.param(
        "Russia accounted for over half of the trade over the past two years.",
        "half",
        "2022/2023",
        id="past-years",
    ),
    pytest.param("Trade grew 12% in 2020-2021.", "12%", "2020/2021", id="year-range"),
    pytest.param(
        "Inflation reached 7.8% this month, the office said.", "7.8%", "", id="this-month-outturn"
    ),
    pytest.param("The bank expects growth of 3% this year.", "3%", "2024", id="this-year-forecast"),
]


@pytest.mark.parametrize(("sentence", "figure", "expected"), PERIODS)
def test_period(attributed, sentence, figure, expected):
    assert attributed(sentence, figure).period == expected


#: A sentence that names no period takes the one stated just before it.
CARRIED_PERIODS = [
    pytest.param(
        "In 2023 trade rose 5% to $46 bln. Exports from Russia were $22 bln.",
        "$22 bln",
        "2023",
        id="previous-sentence-any-measure",
    ),
    pytest.param(
        "In 2023 trade rose 5% to $46 bln.\n\nExports from Russia were $22 bln.",
        "$22 bln",
        "",
        id="not-across-a-paragraph",
    ),
    pytest.param(
        "In 2023 trade rose 5% to $46 bln. The weather was mild. Exports were $22 bln.",
        "$22 bln",
        "",
        id="two-back-needs-the-same-measure",
    ),
    pytest.param(
        "In 2023 trade rose 5% to $46 bln. The weather was mild. The trade with China was $9 bln.",
        "$9 bln",
        "2023",
        id="two-back-same-measure",
    ),
    pytest.param(
        "Inflation rose to 85% from 83% in September. The core rate was 70%.",
        "70%",
        "",
        id="not-from-a-comparison-base",
    ),
    pytest.param(
        "Inflation was 85% in October. Exports fell 4%.",
        "4%",
        "2023-10",
        id="percent-after-percent",
    ),
]


@pytest.mark.parametrize(("text", "figure", "expected"), CARRIED_PERIODS)
def test_carried_period(attributed, text, figure, expected):
    assert attributed(text, figure).period == expected


# --------------------------------------------------------------------------
# status: preliminary, final, revised, estimate, forecast, target

STATUSES = [
    pytest.param(
        "Preliminary results gave the party 52.3% of the vote.",
        "52.3%",
        "preliminary",
        id="preliminary-results",
    ),
    pytest.param(
        "Provisional figures show exports rose 4%.", "4%", "preliminary", id="provisional"
    ),
    pytest.param(
        "The final count gave the party 51.9% of the vote.", "51.9%", "final", id="final-count"
    ),
    pytest.param(
        "Final results gave the Civic Alliance 51.9% of the vote.",
        "51.9%",
        "final",
        id="final-results",
    ),
    pytest.param("Revised figures put growth at 0.3%.", "0.3%", "revised", id="revised-figures"),
    pytest.param("The death toll was revised up to 17.", "17", "revised", id="revised-up-to"),
    pytest.param(
        "An estimated 3,000 people attended the concert.", "3,000", "estimate", id="an-estimated"
    ),
    pytest.param(
        "The economy is forecast to grow 1.8% next year.", "1.8%", "forecast", id="forecast-to"
    ),
    pytest.param(
        "Unemployment is expected to reach 8% by December.",
        "8%",
        "forecast",
        id="expected-to-reach",
    ),
    pytest.param(
        "The government set a target of 2% for inflation.", "2%", "target", id="target-of"
    ),
    pytest.param("Unemployment was 7.3% in October.", "7.3%", "", id="no-status"),
    pytest.param("Police said 3,200 people attended the rally.", "3,200", "", id="no-status-count"),
]


@pytest.mark.parametrize(("sentence", "figure", "expected"), STATUSES)
def test_status(attributed, sentence, figure, expected):
    assert attributed(sentence, figure).status == expected
