"""Numbers that are not figures: dates, years, times, ordinals, names, list numbering.

Every sentence here was written for these tests. Each case lists substrings
that no figure's span may overlap and, where the sentence has one, the
figures that must still be found next to them (a figure must cover each of
those substrings).
"""

from __future__ import annotations

import pytest

from factcheck import extract_figures
from factcheck.model import Figure


def _describe(figs: list[Figure]) -> str:
    return "; ".join(f"[{f.start}:{f.end}] {f.text!r}" for f in figs) or "no figures"


def _span(text: str, sub: str) -> tuple[int, int]:
    assert text.count(sub) == 1, f"test bug: {sub!r} must occur once in {text!r}"
    pos = text.index(sub)
    return pos, pos + len(sub)


def check_not_figures(
    text: str, forbidden: list[str], wanted: list[str], *, only_wanted: bool = False
) -> None:
    figs = extract_figures(text, doc="t")
    for f in figs:
        assert f.text == text[f.start : f.end]
    for sub in forbidden:
        pos, end = _span(text, sub)
        overlapping = [f for f in figs if f.start < end and pos < f.end]
        assert not overlapping, f"{sub!r} is not a figure, got: {_describe(overlapping)}"
    for sub in wanted:
        pos, end = _span(text, sub)
        covering = [f for f in figs if f.start <= pos and end <= f.end]
        assert covering, f"want a figure over {sub!r}, got: {_describe(figs)}"
    if only_wanted:
        assert len(figs) == len(wanted), f"want only {wanted}, got: {_describe(figs)}"


# --------------------------------------------------------------------------
# calendar dates
# --------------------------------------------------------------------------

DATES = [
    pytest.param(
        "The talks opened on 11 March with 40 delegations.",
        ["11 March"],
        ["40"],
        id="day-month",
    ),
    pytest.param(
        "The decree was signed on June 16.",
        ["June 16"],
        [],
        id="month-day",
    ),
    pytest.param(
        "The crossing has been closed since August 9 last year.",
        ["August 9"],
        [],
        id="month-day-last-year",
    ),
    pytest.param(
        "Voting ends on 25 June, and 12% of ballots are already in.",
        ["25 June"],
        ["12%"],
        id="date-then-percent",
    ),
    pytest.param(
        "Exports have fallen 8% since March 2022.",
        ["March 2022"],
        ["8%"],
        id="month-year",
    ),
    pytest.param(
        "The order is dated 2021-05-23.",
        ["2021-05-23"],
        [],
        id="iso-date-not-range",
    ),
    pytest.param(
        "The law took effect on 16.06.2021.",
        ["16.06.2021"],
        [],
        id="dotted-date-not-decimal",
    ),
    pytest.param(
        "On Jan. 5, the index rose 3 percent.",
        ["Jan. 5"],
        ["3 percent"],
        id="abbreviated-month",
    ),
    pytest.param(
        "Prices climbed 4 percent in January.\n30 flights were cancelled the next week.",
        [],
        ["4 percent", "30 flights"],
        id="month-ending-the-line-before",
    ),
]


@pytest.mark.parametrize(("text", "forbidden", "wanted"), DATES)
def test_dates(text: str, forbidden: list[str], wanted: list[str]) -> None:
    check_not_figures(text, forbidden, wanted)


# --------------------------------------------------------------------------
# years and decades
# --------------------------------------------------------------------------

YEARS = [
    pytest.param(
        "In 1990 the country had 10 million residents.",
        ["1990"],
        ["10 million"],
        id="in-year",
    ),
    pytest.param(
        "Inflation in the 1990s was far higher.",
        ["1990s"],
        [],
        id="decade",
    ),
    pytest.param(
        "Since 2014 the fleet has grown by 30 ships.",
        ["2014"],
        ["30"],
        id="since-year",
    ),
    pytest.param(
        "Turnout in the 2022 referendum was 78.6 percent.",
        ["2022"],
        ["78.6 percent"],
        id="year-as-adjective",
    ),
    pytest.param(
        "In 2021 exports rose 12%.",
        ["2021"],
        ["12%"],
        id="year-then-change",
    ),
    pytest.param(
        "Between 2015 and 2020 the population fell by 3%.",
        ["2015 and 2020"],
        ["3%"],
        id="between-years-not-range",
    ),
    pytest.param(
        "The 2019-2020 season was cancelled.",
        ["2019-2020"],
        [],
        id="year-span-not-range",
    ),
]


@pytest.mark.parametrize(("text", "forbidden", "wanted"), YEARS)
def test_years(text: str, forbidden: list[str], wanted: list[str]) -> None:
    check_not_figures(text, forbidden, wanted)


# --------------------------------------------------------------------------
# times of day
# --------------------------------------------------------------------------

TIMES = [
    pytest.param(
        "The summit starts at 13:00 local time.",
        ["13:00"],
        [],
        id="clock-24h",
    ),
    pytest.param(
        "The plane landed at 9 am.",
        ["9 am"],
        [],
        id="am",
    ),
    pytest.param(
        "Polls close at 8.30pm.",
        ["8.30pm"],
        [],
        id="dotted-pm-not-decimal",
    ),
    pytest.param(
        "Trading resumed at 10:45 after a 2% drop.",
        ["10:45"],
        ["2%"],
        id="clock-then-percent",
    ),
    pytest.param(
        "The curfew begins at 11 p.m. sharp.",
        ["11 p.m."],
        [],
        id="p-m-dotted",
    ),
]


@pytest.mark.parametrize(("text", "forbidden", "wanted"), TIMES)
def test_times(text: str, forbidden: list[str], wanted: list[str]) -> None:
    check_not_figures(text, forbidden, wanted)


# --------------------------------------------------------------------------
# ordinals
# --------------------------------------------------------------------------

ORDINALS = [
    pytest.param(
        "The 8th Forum of Young Scientists opened on Monday.",
        ["8th"],
        [],
        id="8th",
    ),
    pytest.param(
        "The national team came in second place.",
        ["second"],
        [],
        id="second-place",
    ),
    pytest.param(
        "He won a second term, and a second wave of protests followed.",
        ["a second term", "a second wave"],
        [],
        id="a-second-before-a-noun",
    ),
    pytest.param(
        "Prices fell for a second month, by 2%.",
        ["a second month"],
        ["2%"],
        id="a-second-month",
    ),
    pytest.param(
        "The page took a second to load for 40% of users.",
        [],
        ["a second", "40%"],
        id="a-second-of-time-stays",
    ),
    pytest.param(
        "For the first time, exports topped $40 billion.",
        ["first"],
        ["$40 billion"],
        id="first-time",
    ),
    pytest.param(
        "Cities of the 21st century need new transport.",
        ["21st"],
        [],
        id="21st-century",
    ),
    pytest.param(
        "It is the world's fifth-largest economy.",
        ["fifth"],
        [],
        id="fifth-largest",
    ),
    pytest.param(
        "One of the main topics was energy security.",
        ["One"],
        [],
        id="one-of-the",
    ),
    pytest.param(
        "It is a twenty-first century problem, the mayor said.",
        ["twenty-first"],
        [],
        id="twenty-first-century",
    ),
    pytest.param(
        "The club held a thirtieth anniversary dinner.",
        ["thirtieth"],
        [],
        id="thirtieth-anniversary",
    ),
    pytest.param(
        "For a twentieth time, the vote failed.",
        ["a twentieth"],
        [],
        id="a-twentieth-time",
    ),
    pytest.param(
        "Results for Q3 showed 4% growth.",
        ["Q3"],
        ["4%"],
        id="quarter-label",
    ),
    pytest.param(
        "Protesters gathered for a third night as 300 people rallied.",
        ["a third"],
        ["300 people"],
        id="a-third-night",
    ),
    pytest.param(
        "Rescuers searched for a third day, and the river fell for a fifth year in a row.",
        ["a third day", "a fifth year"],
        [],
        id="ordinal-before-a-time-unit",
    ),
    pytest.param(
        "The convoy spent a third of a day at the border, a quarter mile away.",
        [],
        ["a third", "a quarter mile"],
        id="fractions-of-a-unit-still-read",
    ),
    pytest.param(
        "A third of voters stayed home, and the team lost for a fifth time.",
        ["a fifth"],
        ["A third"],
        id="share-beside-ordinal",
    ),
]


@pytest.mark.parametrize(("text", "forbidden", "wanted"), ORDINALS)
def test_ordinals(text: str, forbidden: list[str], wanted: list[str]) -> None:
    check_not_figures(text, forbidden, wanted)


# --------------------------------------------------------------------------
# numbers inside names and identifiers
# --------------------------------------------------------------------------

NAMES = [
    pytest.param(
        "A level 3 flood alert was issued as 40 homes were evacuated.",
        ["3"],
        ["40 homes"],
        id="alert-level",
    ),
    pytest.param(
        "Veterans of World War II were honoured.",
        ["II"],
        [],
        id="roman-numeral",
    ),
    pytest.param(
        "The COVID-19 pandemic cut hotel revenue by 20%.",
        ["COVID-19"],
        ["20%"],
        id="covid-19",
    ),
    pytest.param(
        "Leaders met at the G7 summit.",
        ["G7"],
        [],
        id="g7",
    ),
    pytest.param(
        "Column 3 News first reported the story.",
        ["Column 3"],
        [],
        id="outlet-name",
    ),
    pytest.param(
        "Flight FR4978 was ordered to land.",
        ["FR4978"],
        [],
        id="flight-number",
    ),
    pytest.param(
        "The airline grounded its Boeing 737 jets.",
        ["737"],
        [],
        id="aircraft-model",
    ),
    pytest.param(
        "The Airbus A320 carried 171 passengers.",
        ["A320"],
        ["171"],
        id="aircraft-model-then-count",
    ),
    pytest.param(
        "Allies invoked Article 5 of the treaty.",
        ["Article 5"],
        [],
        id="article-number",
    ),
    pytest.param(
        "The server at 192.168.1.2 went offline.",
        ["192.168.1.2"],
        [],
        id="ip-address",
    ),
    pytest.param(
        "For details call +375 17 222 33 44.",
        ["+375 17 222 33 44"],
        [],
        id="phone-number",
    ),
    pytest.param(
        "The army deployed S-400 systems and Su-25 jets.",
        ["S-400", "Su-25"],
        [],
        id="weapon-designations",
    ),
    pytest.param(
        "Operators rolled out 5G across the region.",
        ["5G"],
        [],
        id="5g-network",
    ),
    pytest.param(
        "The percent of 18-year-olds who voted fell.",
        ["percent"],
        ["18-year"],
        id="percent-word-before-an-age",
    ),
]


@pytest.mark.parametrize(("text", "forbidden", "wanted"), NAMES)
def test_names_and_identifiers(text: str, forbidden: list[str], wanted: list[str]) -> None:
    check_not_figures(text, forbidden, wanted)


# --------------------------------------------------------------------------
# list markers and page numbering: only the real figure is returned
# --------------------------------------------------------------------------

LISTS = [
    pytest.param(
        "Markets today\n- 6\n- 2\nThe index gained 40 percent over the year.",
        ["- 6", "- 2"],
        ["40 percent"],
        id="dash-counters",
    ),
    pytest.param(
        "1. Budget\n2. Defence\n3. Health\nSpending on health rose 7%.",
        ["1.", "2.", "3."],
        ["7%"],
        id="numbered-list",
    ),
    pytest.param(
        "The cabinet approved the plan. Continued on page 12",
        ["page 12"],
        [],
        id="page-number",
    ),
]


@pytest.mark.parametrize(("text", "forbidden", "wanted"), LISTS)
def test_list_and_page_numbering(text: str, forbidden: list[str], wanted: list[str]) -> None:
    check_not_figures(text, forbidden, wanted, only_wanted=True)
