"""Test tables for figure extraction: what `extract_figures` must return.

Every sentence here was written for these tests. Each case names the text
the figure's span must contain (the "needle": the number as written with its
unit, %, currency or multiplier) and the fields the figure must carry.
Fields a case does not list are not checked by that case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from factcheck import extract_figures
from factcheck.currencies import currency_codes
from factcheck.model import Figure
from factcheck.units import dimension

EN_DASH = "\u2013"


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """A named predicate on one field (for intervals that are only bounded)."""

    describe: str
    test: Callable[[Any], bool]

    def __repr__(self) -> str:
        return self.describe


def _describe(figs: list[Figure]) -> str:
    return (
        "; ".join(
            f"[{f.start}:{f.end}] {f.text!r} value={f.value} unit={f.unit} kind={f.kind} "
            f"qualifier={f.qualifier} low={f.low} high={f.high} interval={f.interval} "
            f"is_change={f.is_change}"
            for f in figs
        )
        or "no figures"
    )


def figure_for(text: str, needle: str) -> Figure:
    """The one figure whose span covers `needle` (which must occur once in `text`)."""
    assert text.count(needle) == 1, f"test bug: {needle!r} must occur once in {text!r}"
    figs = extract_figures(text, doc="t")
    pos = text.index(needle)
    end = pos + len(needle)
    hits = [f for f in figs if f.start < end and pos < f.end]
    assert len(hits) == 1, f"want one figure over {needle!r}, got: {_describe(figs)}"
    fig = hits[0]
    assert fig.text == text[fig.start : fig.end]
    assert fig.start <= pos and end <= fig.end, f"span {fig.text!r} does not cover {needle!r}"
    return fig


def _same(got: Any, want: Any) -> bool:
    if want is None:
        return got is None
    if isinstance(want, (bool, str)):
        return got == want
    if isinstance(want, (int, float)):
        return got is not None and got == pytest.approx(want, rel=1e-6, abs=1e-9)
    return got == want


def assert_fields(fig: Figure, expected: dict[str, Any]) -> None:
    for name, want in expected.items():
        got = getattr(fig, name)
        if isinstance(want, Check):
            ok = want.test(got)
        elif isinstance(want, (set, frozenset)):
            ok = got in want
        elif name == "interval":
            ok = len(got) == 2 and all(_same(g, w) for g, w in zip(got, want, strict=True))
        elif isinstance(want, float) and not float(want).is_integer():
            ok = got == pytest.approx(want, rel=1e-4)
        else:
            ok = _same(got, want)
        assert ok, f"{fig.text!r}: {name} is {got!r}, want {want!r}"


def check_case(text: str, needle: str, expected: dict[str, Any]) -> Figure:
    fig = figure_for(text, needle)
    assert_fields(fig, expected)
    return fig


# Expected-field builders -------------------------------------------------


def pct(value: float, **more: Any) -> dict[str, Any]:
    return {"value": value, "unit": "percent", "kind": "percent", **more}


def pp(value: float, **more: Any) -> dict[str, Any]:
    return {"value": value, "unit": "percentage_point", "kind": "percent", **more}


def money(value: float, currency: str, **more: Any) -> dict[str, Any]:
    return {"value": value, "unit": currency, "kind": "money", **more}


def count(value: float, **more: Any) -> dict[str, Any]:
    return {"value": value, "unit": "count", "kind": "count", **more}


def dur(value: float, unit: str, **more: Any) -> dict[str, Any]:
    return {"value": value, "unit": unit, "kind": "duration", **more}


def qty(value: float, unit: str, **more: Any) -> dict[str, Any]:
    return {"value": value, "unit": unit, "kind": "quantity", **more}


def exact(value: float, half: float | None = None) -> dict[str, Any]:
    """An exact figure; with `half`, also its rounding interval value +- half."""
    out: dict[str, Any] = {"qualifier": "exact", "low": value, "high": value}
    if half is not None:
        out["interval"] = (value - half, value + half)
    return out


def approx(value: float) -> dict[str, Any]:
    """about / around / nearly ...: low == high == value, value inside a wider interval."""
    return {
        "qualifier": "approx",
        "low": value,
        "high": value,
        "interval": Check(
            f"a < {value} <= b",
            lambda iv: iv[0] is not None and iv[1] is not None and iv[0] < value <= iv[1],
        ),
    }


def gt(value: float) -> dict[str, Any]:
    return {"qualifier": "gt", "low": value, "high": None, "interval": (value, None)}


def ge(value: float) -> dict[str, Any]:
    return {"qualifier": "ge", "low": value, "high": None, "interval": (value, None)}


def lt(value: float) -> dict[str, Any]:
    return {"qualifier": "lt", "low": None, "high": value, "interval": (None, value)}


def le(value: float) -> dict[str, Any]:
    return {"qualifier": "le", "low": None, "high": value, "interval": (None, value)}


def rng(low: float, high: float) -> dict[str, Any]:
    """A range: value is the midpoint, the interval covers both ends."""
    return {
        "qualifier": "range",
        "low": low,
        "high": high,
        "value": (low + high) / 2,
        "interval": Check(
            f"a <= {low} and b >= {high}",
            lambda iv: (
                iv[0] is not None
                and iv[1] is not None
                and iv[0] <= low + 1e-9 * abs(low)
                and iv[1] >= high - 1e-9 * abs(high)
            ),
        ),
    }


VAGUE = {"approx", "ge"}  # "hundreds of", "thousands of", "dozens of"


# --------------------------------------------------------------------------
# percent and percentage points
# --------------------------------------------------------------------------

PERCENT = [
    pytest.param(
        "Support for the reform reached 30 percent in the latest poll.",
        "30 percent",
        pct(30, **exact(30, 0.5)),
        id="percent-word",
    ),
    pytest.param(
        "Only 30% of the staff work from home.",
        "30%",
        pct(30, **exact(30, 0.5)),
        id="percent-sign",
    ),
    pytest.param(
        "The ruling party won 30 per cent of the vote.",
        "30 per cent",
        pct(30, **exact(30, 0.5)),
        id="per-cent",
    ),
    pytest.param(
        "The import duty on steel is 30 pct, officials said.",
        "30 pct",
        pct(30, **exact(30, 0.5)),
        id="pct",
    ),
    pytest.param(
        "Turnout was 30.5% by the close of polls.",
        "30.5%",
        pct(30.5, **exact(30.5, 0.05), is_change=False),
        id="decimal-percent-interval",
    ),
    pytest.param(
        "Fifteen percent of the land is covered by forest.",
        "Fifteen percent",
        pct(15, **exact(15)),
        id="percent-number-word",
    ),
    pytest.param(
        "The jobless rate fell 2.5 percentage points in a year.",
        "2.5 percentage points",
        pp(2.5, is_change=True),
        id="percentage-points",
    ),
    pytest.param(
        "The retailer's market share grew 2.5 pp in the quarter.",
        "2.5 pp",
        pp(2.5, is_change=True),
        id="pp-abbreviation",
    ),
    pytest.param(
        "The central bank raised its key rate by 350 basis points.",
        "350 basis points",
        pp(3.5, is_change=True),
        id="basis-points",
    ),
    pytest.param(
        "Unemployment rose 1.5 points to 10.7% in March.",
        "1.5 points",
        pp(1.5, is_change=True),
        id="points-before-the-percentage",
    ),
    pytest.param(
        "The striker scored 12 points in the final.",
        "12 points",
        count(12),
        id="points-without-percentages",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), PERCENT)
def test_percent(text: str, needle: str, expected: dict[str, Any]) -> None:
    check_case(text, needle, expected)


# --------------------------------------------------------------------------
# shares in words
# --------------------------------------------------------------------------

WORD_SHARES = [
    pytest.param(
        "Half of the country's grain exports go to Africa.",
        "Half",
        pct(50),
        id="half-sentence-start",
    ),
    pytest.param(
        "The founder sold half of his shares last year.",
        "half",
        pct(50),
        id="half-of",
    ),
    pytest.param(
        "A third of households have no car.",
        "third",
        {"value": pytest.approx(100 / 3, abs=0.01), "unit": "percent", "kind": "percent"},
        id="a-third",
    ),
    pytest.param(
        "Three quarters of voters backed the amendment.",
        "Three quarters",
        pct(75),
        id="three-quarters",
    ),
    pytest.param(
        "One in five adults in the region smokes.",
        "One in five",
        pct(20),
        id="one-in-five",
    ),
    pytest.param(
        "Two-thirds of the budget goes to defence.",
        "Two-thirds",
        {"value": pytest.approx(200 / 3, abs=0.01), "unit": "percent", "kind": "percent"},
        id="two-thirds",
    ),
    pytest.param(
        "A quarter of the population lives in the capital.",
        "quarter",
        pct(25),
        id="a-quarter",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), WORD_SHARES)
def test_word_shares(text: str, needle: str, expected: dict[str, Any]) -> None:
    check_case(text, needle, expected)


# --------------------------------------------------------------------------
# money
# --------------------------------------------------------------------------

MONEY = [
    pytest.param(
        "The bank lent $2 bln to the government.",
        "$2 bln",
        money(2e9, "USD", qualifier="exact"),
        id="usd-bln",
    ),
    pytest.param(
        "The bank lent CZK 600 million to farmers.",
        "CZK 600 million",
        money(6e8, "CZK"),
        id="any-iso-code",
    ),
    pytest.param(
        "Farmers were promised 600 million koruna.",
        "600 million koruna",
        money(6e8, "CZK"),
        id="currency-name-alone",
    ),
    pytest.param(
        "The ministry set aside 2 billion Hungarian forints.",
        "2 billion Hungarian forints",
        money(2e9, "HUF"),
        id="cldr-currency-name",
    ),
    pytest.param(
        "Brazil will spend R$ 5 billion on roads.",
        "R$ 5 billion",
        money(5e9, "BRL"),
        id="cldr-currency-symbol",
    ),
    pytest.param(
        "Trade reached $46.5 bln. Exports rose.",
        "$46.5 bln",
        money(4.65e10, "USD", text="$46.5 bln"),
        id="bln-point-ending-the-sentence",
    ),
    pytest.param(
        "Trade reached $46.5 bln.",
        "$46.5 bln",
        money(4.65e10, "USD", text="$46.5 bln"),
        id="bln-point-ending-the-text",
    ),
    pytest.param(
        "Some 2 mln. tonnes were shipped.",
        "2 mln.",
        {"value": 2e6, "text": "2 mln. tonnes"},
        id="mln-point-inside-the-sentence",
    ),
    pytest.param(
        "The EU pledged €300m for reconstruction.",
        "€300m",
        money(3e8, "EUR"),
        id="eur-m-attached",
    ),
    pytest.param(
        "The deal is worth USD 1.2 billion.",
        "USD 1.2 billion",
        money(1.2e9, "USD"),
        id="usd-code-before",
    ),
    pytest.param(
        "The ministry spent 2 billion rubles on the programme.",
        "2 billion rubles",
        money(2e9, "RUB"),
        id="rubles-after",
    ),
    pytest.param(
        "A fine of Br 500 was imposed on the blogger.",
        "Br 500",
        money(500, "BYN"),
        id="belarusian-br",
    ),
    pytest.param(
        "The average pension is 800 Belarusian rubles.",
        "800 Belarusian rubles",
        money(800, "BYN"),
        id="belarusian-rubles",
    ),
    pytest.param(
        "The job pays £45,000 a year.",
        "£45,000",
        money(45000, "GBP", **exact(45000)),
        id="gbp-thousands",
    ),
    pytest.param(
        "Japan approved a stimulus package of 5 trillion yen.",
        "5 trillion yen",
        money(5e12, "JPY"),
        id="yen-trillion",
    ),
    pytest.param(
        "The airport cost 300 million euros to build.",
        "300 million euros",
        money(3e8, "EUR"),
        id="euros-word",
    ),
    pytest.param(
        "Tickets cost 50 dollars each.",
        "50 dollars",
        money(50, "USD"),
        id="dollars-word",
    ),
    pytest.param(
        "The state budget assumes 1.1 trillion roubles of oil revenue.",
        "1.1 trillion roubles",
        money(1.1e12, "RUB"),
        id="roubles-spelling",
    ),
    pytest.param(
        "The loan totals 4 billion US dollars.",
        "4 billion US dollars",
        money(4e9, "USD"),
        id="us-dollars",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), MONEY)
def test_money(text: str, needle: str, expected: dict[str, Any]) -> None:
    check_case(text, needle, expected)


# --------------------------------------------------------------------------
# counts
# --------------------------------------------------------------------------

COUNTS = [
    pytest.param(
        "The EU sanctioned 166 individuals and 15 entities.",
        "166",
        count(166, **exact(166, 0.5), is_change=False),
        id="individuals",
    ),
    pytest.param(
        "The EU sanctioned 166 individuals and 15 entities.",
        "15",
        count(15, **exact(15), is_change=False),
        id="entities-second-in-sentence",
    ),
    pytest.param(
        "The government funded 28 programs this year.",
        "28",
        count(28, **exact(28)),
        id="programs",
    ),
    pytest.param(
        "The new restrictions hit 2,400 Russian companies.",
        "2,400",
        count(2400, **exact(2400)),
        id="companies-with-adjective",
    ),
    pytest.param(
        "Hundreds of protesters gathered outside parliament.",
        "Hundreds",
        count(100, qualifier=VAGUE),
        id="hundreds-of",
    ),
    pytest.param(
        "The region is home to 2.5 million people.",
        "2.5 million",
        count(2.5e6),
        id="million-people",
    ),
    pytest.param(
        "The plant employs 12 500 workers.",
        "12 500",
        count(12500, **exact(12500)),
        id="space-thousands",
    ),
    pytest.param(
        "The number of foreign tourists fell by 5,000 last year.",
        "5,000",
        count(5000, is_change=True),
        id="count-decrease-stays-positive",
    ),
    pytest.param(
        "There were 123 passengers on board.",
        "123",
        count(123, **exact(123)),
        id="passengers",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), COUNTS)
def test_counts(text: str, needle: str, expected: dict[str, Any]) -> None:
    check_case(text, needle, expected)


# --------------------------------------------------------------------------
# number words
# --------------------------------------------------------------------------

NUMBER_WORDS = [
    pytest.param(
        "The fund supports twenty-eight programs.",
        "twenty-eight",
        count(28),
        id="twenty-eight",
    ),
    pytest.param(
        "One hundred and five deputies voted in favour.",
        "One hundred and five",
        count(105),
        id="one-hundred-and-five",
    ),
    pytest.param(
        "The harvest reached one and a half million tonnes.",
        "one and a half million tonnes",
        qty(1.5e6, "tonne"),
        id="one-and-a-half-million",
    ),
    pytest.param(
        "Three million people live in the capital.",
        "Three million",
        count(3e6),
        id="three-million",
    ),
    pytest.param(
        "The city launched a dozen projects this spring.",
        "dozen",
        count(12),
        id="a-dozen",
    ),
    pytest.param(
        "Seven ministers resigned on the same day.",
        "Seven",
        count(7, **exact(7)),
        id="seven",
    ),
    pytest.param(
        "Forty thousand fans filled the stadium.",
        "Forty thousand",
        count(40000),
        id="forty-thousand",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), NUMBER_WORDS)
def test_number_words(text: str, needle: str, expected: dict[str, Any]) -> None:
    check_case(text, needle, expected)


# --------------------------------------------------------------------------
# durations
# --------------------------------------------------------------------------

DURATIONS = [
    pytest.param(
        "The talks went on for a day and a half.",
        "a day and a half",
        dur(1.5, "day", text="a day and a half"),
        id="a-day-and-a-half",
    ),
    pytest.param(
        "The search lasted two hours and a quarter.",
        "two hours and a quarter",
        dur(2.25, "hour"),
        id="hours-and-a-quarter",
    ),
    pytest.param(
        "The plane was kept on the ground for over five hours.",
        "five hours",
        dur(5, "hour", **gt(5)),
        id="over-five-hours",
    ),
    pytest.param(
        "The trial lasted six months.",
        "six months",
        dur(6, "month", **exact(6)),
        id="six-months",
    ),
    pytest.param(
        "The border crossing was closed for two weeks.",
        "two weeks",
        dur(2, "week"),
        id="two-weeks",
    ),
    pytest.param(
        "The activist was held for 10 days.",
        "10 days",
        dur(10, "day", **exact(10, 0.5)),
        id="ten-days",
    ),
    pytest.param(
        "The meeting ran for 90 minutes.",
        "90 minutes",
        dur(90, "minute"),
        id="ninety-minutes",
    ),
    pytest.param(
        "The bridge took a decade to complete.",
        "decade",
        dur(10, "year"),
        id="a-decade",
    ),
    pytest.param(
        "The ultimatum expires in 48 hours.",
        "48 hours",
        dur(48, "hour"),
        id="forty-eight-hours",
    ),
    pytest.param(
        "The flight lasted one and a half hours.",
        "one and a half hours",
        dur(1.5, "hour"),
        id="one-and-a-half-hours",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), DURATIONS)
def test_durations(text: str, needle: str, expected: dict[str, Any]) -> None:
    check_case(text, needle, expected)


# --------------------------------------------------------------------------
# physical quantities
# --------------------------------------------------------------------------

QUANTITIES = [
    pytest.param(
        "The new pipeline runs 300 km across the steppe.",
        "300 km",
        qty(300, "kilometer"),
        id="km",
    ),
    pytest.param(
        "Gusts reached 110 km/h on the coast.",
        "110 km/h",
        qty(110, "kilometer_per_hour", text="110 km/h"),
        id="km-per-hour-not-km",
    ),
    pytest.param(
        "The river rose 2.1 m above its normal level.",
        "2.1 m",
        qty(2.1, "meter", text="2.1 m"),
        id="spaced-m-of-size-is-metres",
    ),
    pytest.param(
        "The striker is 1.8m tall.",
        "1.8m",
        qty(1.8, "meter", text="1.8m"),
        id="glued-m-of-size-is-metres",
    ),
    pytest.param(
        "The club sold 2m shares.",
        "2m shares",
        count(2e6),
        id="m-of-a-count-is-a-million",
    ),
    pytest.param(
        "Temperatures hit 51.8C in the capital.",
        "51.8C",
        qty(51.8, "degree_Celsius", text="51.8C"),
        id="celsius-glued",
    ),
    pytest.param(
        "The border fence stretches 1,500 kilometres.",
        "1,500 kilometres",
        qty(1500, "kilometer"),
        id="kilometres-british",
    ),
    pytest.param(
        "The mine produced 1.2 million tonnes of potash.",
        "1.2 million tonnes",
        qty(1.2e6, "tonne"),
        id="million-tonnes",
    ),
    pytest.param(
        "The pipeline can carry 40 bcm of gas a year.",
        "40 bcm",
        qty(40, "bcm"),
        id="bcm",
    ),
    pytest.param(
        "The tanker spilled 5,000 barrels of crude.",
        "5,000 barrels",
        qty(5000, "barrel"),
        id="barrels",
    ),
    pytest.param(
        "Each parcel weighed 25 kg.",
        "25 kg",
        qty(25, "kilogram"),
        id="kg",
    ),
    pytest.param(
        "The station will generate 500 megawatts.",
        "500 megawatts",
        qty(500, "megawatt"),
        id="megawatts",
    ),
    pytest.param(
        "A 500 MW solar farm opened near the coast.",
        "500 MW",
        qty(500, "megawatt"),
        id="mw",
    ),
    pytest.param(
        "Forecasters expect temperatures of -5 degrees Celsius tonight.",
        "-5 degrees Celsius",
        qty(-5, "degree_Celsius"),
        id="negative-celsius",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), QUANTITIES)
def test_quantities(text: str, needle: str, expected: dict[str, Any]) -> None:
    check_case(text, needle, expected)


# --------------------------------------------------------------------------
# multipliers
# --------------------------------------------------------------------------

MULTIPLIERS = [
    pytest.param(
        "The fund holds $5bn in assets.",
        "$5bn",
        money(5e9, "USD"),
        id="bn-attached",
    ),
    pytest.param(
        "The fund holds $5 bn in cash.",
        "$5 bn",
        money(5e9, "USD"),
        id="bn-spaced",
    ),
    pytest.param(
        "The council spent £300m on roads.",
        "£300m",
        money(3e8, "GBP"),
        id="m-attached",
    ),
    pytest.param(
        "The campaign raised $750k online.",
        "$750k",
        money(7.5e5, "USD"),
        id="k-attached",
    ),
    pytest.param(
        "The company owes RUB 4 bln to creditors.",
        "RUB 4 bln",
        money(4e9, "RUB"),
        id="bln-code-before",
    ),
    pytest.param(
        "The region has 15m residents.",
        "15m",
        count(1.5e7),
        id="m-count",
    ),
    pytest.param(
        "The bank signed up 40k new clients.",
        "40k",
        count(4e4),
        id="k-count",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), MULTIPLIERS)
def test_multipliers(text: str, needle: str, expected: dict[str, Any]) -> None:
    check_case(text, needle, expected)


# --------------------------------------------------------------------------
# decimals and separators
# --------------------------------------------------------------------------

SEPARATORS = [
    pytest.param(
        "The monthly rate is 1.5% for new borrowers.",
        "1.5%",
        pct(1.5, **exact(1.5, 0.05)),
        id="one-decimal",
    ),
    pytest.param(
        "A 0.75 percent fee applies to transfers.",
        "0.75 percent",
        pct(0.75, **exact(0.75, 0.005)),
        id="leading-zero-two-decimals",
    ),
    pytest.param(
        "The state owns 17.25 percent of the company.",
        "17.25 percent",
        pct(17.25, **exact(17.25, 0.005)),
        id="two-decimals",
    ),
    pytest.param(
        "The winner received 1,234,567 votes.",
        "1,234,567",
        count(1234567, **exact(1234567)),
        id="two-comma-groups",
    ),
    pytest.param(
        "The stadium seats 45 000 spectators.",
        "45 000",
        count(45000),
        id="space-group",
    ),
    pytest.param(
        "The average salary is 1,850.50 rubles.",
        "1,850.50 rubles",
        money(1850.5, "RUB"),
        id="comma-and-decimal",
    ),
    pytest.param(
        "Only 8 percent of roads are paved.",
        "8 percent",
        pct(8, **exact(8, 0.5)),
        id="single-digit-interval",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), SEPARATORS)
def test_decimals_and_separators(text: str, needle: str, expected: dict[str, Any]) -> None:
    check_case(text, needle, expected)


# --------------------------------------------------------------------------
# qualifiers (the qualifier word stays outside the span: it starts at the needle)
# --------------------------------------------------------------------------

QUALIFIERS = [
    # approx
    pytest.param(
        "About 300 soldiers took part in the drills.",
        "300",
        count(300, **approx(300)),
        id="about",
    ),
    pytest.param(
        "Around 40% of the staff are women.",
        "40%",
        pct(40, **approx(40)),
        id="around",
    ),
    pytest.param(
        "Roughly 2 million people watched the debate.",
        "2 million",
        count(2e6, **approx(2e6)),
        id="roughly",
    ),
    pytest.param(
        "Some 70 countries signed the declaration.",
        "70",
        count(70, **approx(70)),
        id="some",
    ),
    pytest.param(
        "Approximately 1,200 flights were cancelled.",
        "1,200",
        count(1200, **approx(1200)),
        id="approximately",
    ),
    pytest.param(
        "Nearly 50 percent of voters stayed home.",
        "50 percent",
        pct(50, **approx(50)),
        id="nearly",
    ),
    pytest.param(
        "The strike went on for almost 90 days.",
        "90 days",
        dur(90, "day", **approx(90)),
        id="almost",
    ),
    pytest.param(
        "The repairs cost close to $1 billion.",
        "$1 billion",
        money(1e9, "USD", **approx(1e9)),
        id="close-to",
    ),
    pytest.param(
        "The ministry spends about half of the budget on salaries.",
        "half",
        pct(50, **approx(50)),
        id="about-half",
    ),
    # gt
    pytest.param(
        "Protests took place in more than 70 regions.",
        "70",
        count(70, **gt(70)),
        id="more-than",
    ),
    pytest.param(
        "Exports exceeded $18 billion in the first ten months.",
        "$18 billion",
        money(18e9, "USD", **gt(18e9)),
        id="exceeded",
    ),
    pytest.param(
        "Damage could exceed €400 million, insurers said.",
        "€400 million",
        money(4e8, "EUR", **gt(4e8)),
        id="could-exceed",
    ),
    pytest.param(
        "Police made over 1,000 arrests.",
        "1,000",
        count(1000, **gt(1000)),
        id="over",
    ),
    pytest.param(
        "The unemployment rate has stayed above 5% all year.",
        "5%",
        pct(5, **gt(5)),
        id="above",
    ),
    pytest.param(
        "The missile has a range exceeding 300 km.",
        "300 km",
        qty(300, "kilometer", **gt(300)),
        id="exceeding",
    ),
    # ge
    pytest.param(
        "At least 12 people were killed in the blast.",
        "12",
        count(12, **ge(12)),
        id="at-least",
    ),
    pytest.param(
        "The law requires no less than 40 percent of seats for women.",
        "40 percent",
        pct(40, **ge(40)),
        id="no-less-than",
    ),
    # lt
    pytest.param(
        "Defence spending is less than 2% of GDP.",
        "2%",
        pct(2, **lt(2)),
        id="less-than",
    ),
    pytest.param(
        "The village has under 10,000 residents.",
        "10,000",
        count(10000, **lt(10000)),
        id="under",
    ),
    pytest.param(
        "Fewer than 20 journalists were allowed in.",
        "20",
        count(20, **lt(20)),
        id="fewer-than",
    ),
    pytest.param(
        "The deficit came in just under $4 billion.",
        "$4 billion",
        money(4e9, "USD", **lt(4e9)),
        id="just-under",
    ),
    # le
    pytest.param(
        "The factory will hire up to 500 workers.",
        "500",
        count(500, **le(500)),
        id="up-to",
    ),
    pytest.param(
        "Each hearing may last at most 3 hours.",
        "3 hours",
        dur(3, "hour", **le(3)),
        id="at-most",
    ),
    pytest.param(
        "Polls give the party no more than 15% of the vote.",
        "15%",
        pct(15, **le(15)),
        id="no-more-than",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), QUALIFIERS)
def test_qualifiers(text: str, needle: str, expected: dict[str, Any]) -> None:
    fig = check_case(text, needle, expected)
    assert fig.start == text.index(needle), f"span {fig.text!r} should start at {needle!r}"


# --------------------------------------------------------------------------
# ranges: one figure over both numbers, starting at the first one
# --------------------------------------------------------------------------

RANGES = [
    pytest.param(
        "Prices are expected to rise between 20 and 30 percent.",
        "20 and 30 percent",
        {"unit": "percent", "kind": "percent", **rng(20, 30)},
        id="between-and-percent",
    ),
    pytest.param(
        "The country will export 10-15 million tonnes of wheat.",
        "10-15 million tonnes",
        {"unit": "tonne", "kind": "quantity", **rng(1e7, 1.5e7)},
        id="hyphen-million-tonnes",
    ),
    pytest.param(
        f"Analysts see a 20{EN_DASH}30% fall in sales.",
        f"20{EN_DASH}30%",
        {"unit": "percent", "kind": "percent", **rng(20, 30)},
        id="en-dash-percent",
    ),
    pytest.param(
        "The repairs will cost between $1 billion and $2 billion.",
        "$1 billion and $2 billion",
        {"unit": "USD", "kind": "money", **rng(1e9, 2e9)},
        id="between-money-both-units",
    ),
    pytest.param(
        "The project needs between 1 and 2 billion dollars.",
        "1 and 2 billion dollars",
        {"unit": "USD", "kind": "money", **rng(1e9, 2e9)},
        id="between-shared-multiplier",
    ),
    pytest.param(
        "Delivery takes 5-7 days.",
        "5-7 days",
        {"unit": "day", "kind": "duration", **rng(5, 7)},
        id="hyphen-days",
    ),
    pytest.param(
        "Between 300 and 400 people attended the rally.",
        "300 and 400",
        {"unit": "count", "kind": "count", **rng(300, 400)},
        id="between-count-sentence-start",
    ),
    pytest.param(
        "The economy is forecast to grow between 2.5% and 3%.",
        "2.5% and 3%",
        {"unit": "percent", "kind": "percent", **rng(2.5, 3)},
        id="between-decimal-percents",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), RANGES)
def test_ranges(text: str, needle: str, expected: dict[str, Any]) -> None:
    fig = check_case(text, needle, expected)
    assert fig.start == text.index(needle), f"span {fig.text!r} should start at {needle!r}"


# --------------------------------------------------------------------------
# change vs level
# --------------------------------------------------------------------------

CHANGES = [
    pytest.param(
        "Bilateral trade soared by more than 34% last year.",
        "34%",
        pct(34, qualifier="gt", is_change=True),
        id="soared-by-more-than",
    ),
    pytest.param(
        "The ruling party's rating is up 2.5 percentage points.",
        "2.5 percentage points",
        pp(2.5, is_change=True),
        id="up-points",
    ),
    pytest.param(
        "Exports fell 12% in the first quarter.",
        "12%",
        pct(12, is_change=True),
        id="fell-value-as-written",
    ),
    pytest.param(
        "Car sales suffered a 44% decline.",
        "44%",
        pct(44, is_change=True),
        id="decline-noun",
    ),
    pytest.param(
        "Approval of the government stood at 38% in May and rose 2 points in June.",
        "2 points",
        pp(2, is_change=True),
        id="points-after-percent-context",
    ),
    pytest.param(
        "Approval of the government stood at 38% in May and rose 2 points in June.",
        "38%",
        pct(38, is_change=False),
        id="stood-at-level-before-change",
    ),
    pytest.param(
        "Imports of solar panels saw a threefold increase.",
        "threefold",
        {"value": 3, "is_change": True},
        id="threefold",
    ),
    pytest.param(
        "Rail freight saw a 3-fold increase.",
        "3-fold",
        {"value": 3, "is_change": True},
        id="3-fold",
    ),
    pytest.param(
        "Bread prices doubled within a month.",
        "doubled",
        {"value": 2, "is_change": True},
        id="doubled",
    ),
    pytest.param(
        "Inflation reached 85% in the autumn.",
        "85%",
        pct(85, is_change=True),
        id="inflation-reached",
    ),
    pytest.param(
        "The country recorded annual inflation of 7.5%.",
        "7.5%",
        pct(7.5, is_change=True),
        id="inflation-of",
    ),
    pytest.param(
        "The ministry expects growth of 3% next year.",
        "3%",
        pct(3, is_change=True),
        id="growth-of",
    ),
    pytest.param(
        "Unemployment stood at 6% in March.",
        "6%",
        pct(6, is_change=False),
        id="unemployment-level",
    ),
    pytest.param(
        "Russia accounts for 30 percent of foreign investment.",
        "30 percent",
        pct(30, is_change=False),
        id="accounts-for-share",
    ),
    pytest.param(
        "The fund bought a 25% stake in the port.",
        "25%",
        pct(25, is_change=False),
        id="stake",
    ),
    pytest.param(
        "The country's public debt stood at $50 billion.",
        "$50 billion",
        money(5e10, "USD", is_change=False),
        id="money-level",
    ),
    pytest.param(
        "Wheat output decreased by 1.2 million tonnes.",
        "1.2 million tonnes",
        qty(1.2e6, "tonne", is_change=True),
        id="quantity-decrease",
    ),
    pytest.param(
        "Turnout was two percent higher than at the previous vote.",
        "two percent",
        pct(2, is_change=True),
        id="comparative-difference",
    ),
    pytest.param(
        "The party won more than 40 percent of the vote.",
        "40 percent",
        pct(40, is_change=False),
        id="bound-before-is-no-comparative",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), CHANGES)
def test_change_vs_level(text: str, needle: str, expected: dict[str, Any]) -> None:
    check_case(text, needle, expected)


# --------------------------------------------------------------------------
# the contract's bookkeeping fields
# --------------------------------------------------------------------------


def test_offsets_lines_and_order() -> None:
    text = "Grain harvest\nThe farm sold 300 tonnes.\nIts profit rose 12%, to $4 million."
    figs = extract_figures(text, doc="farm")
    assert [f.start for f in figs] == sorted(f.start for f in figs)
    for f in figs:
        assert f.doc == "farm"
        assert f.text == text[f.start : f.end]
        line_start = text.rfind("\n", 0, f.start) + 1
        assert f.line == text.count("\n", 0, f.start) + 1
        assert f.column == f.start - line_start + 1
    tonnes = figure_for(text, "300 tonnes")
    assert (tonnes.line, tonnes.column) == (2, text.index("300") - text.index("The") + 1)
    share = figure_for(text, "12%")
    assert share.line == 3
    assert share.column == text.index("12%") - text.index("Its") + 1


# --------------------------------------------------------------------------
# further written forms: bound pairs, mixed digits and words, stacked scales,
# one-character fractions, powers of ten, grouped digits, currency forms
# --------------------------------------------------------------------------

MORE_FORMS = [
    pytest.param(
        "Officials expect more than 10 and less than 40 candidates to register.",
        "10 and less than 40",
        {"unit": "count", **rng(10, 40)},
        id="bound-pair-more-less",
    ),
    pytest.param(
        "The new rules allow at most 100 and at least 20 guests per venue.",
        "100 and at least 20",
        rng(20, 100),
        id="bound-pair-upper-first",
    ),
    pytest.param(
        "Forecasters put inflation above 5% but below 8% next quarter.",
        "5% but below 8%",
        {"unit": "percent", "kind": "percent", **rng(5, 8)},
        id="bound-pair-but-percent",
    ),
    pytest.param(
        "Fines are greater than or equal to 500 euros.",
        "500 euros",
        {"unit": "EUR", "kind": "money", "value": 500, **ge(500)},
        id="greater-than-or-equal-to",
    ),
    pytest.param(
        "Each household may keep less or equal than 30 hens.",
        "30 hens",
        {"unit": "count", "value": 30, **le(30)},
        id="less-or-equal-than",
    ),
    pytest.param(
        "The bonus is 300 euros or more than a week's pay.",
        "300 euros",
        {"unit": "EUR", "kind": "money", "value": 300, **exact(300)},
        id="or-more-than-is-no-postfix-bound",
    ),
    pytest.param(
        "The plant will hire 1500-3000 workers next year.",
        "1500-3000",
        rng(1500, 3000),
        id="range-low-end-looks-like-year",
    ),
    pytest.param(
        "Organisers put the crowd at 5k-20k.",
        "5k-20k",
        rng(5000, 20000),
        id="range-abbreviated-scales",
    ),
    pytest.param(
        "The march drew 200~300 people.",
        "200~300",
        rng(200, 300),
        id="range-tilde",
    ),
    pytest.param(
        "Sentences of 5- to 10-year terms were handed down.",
        "5- to 10-year",
        {"unit": "year", "kind": "duration", **rng(5, 10)},
        id="range-suspended-hyphen",
    ),
    pytest.param(
        "The ministry counted 4 thousand 3 hundred and 21 complaints.",
        "4 thousand 3 hundred and 21",
        count(4321),
        id="mixed-digits-and-scale-words",
    ),
    pytest.param(
        "The stall took 3 hundred and 21 yuan on Sunday.",
        "3 hundred and 21 yuan",
        money(321, "CNY"),
        id="mixed-hundred-and-digits-money",
    ),
    pytest.param(
        "The budget gap reached two thousand million dollars.",
        "two thousand million dollars",
        money(2e9, "USD"),
        id="stacked-scales-thousand-million",
    ),
    pytest.param(
        "The scheme will cost three lakh crore rupees.",
        "three lakh crore rupees",
        money(3e12, "INR"),
        id="stacked-scales-lakh-crore",
    ),
    pytest.param(
        "The fund now manages one billion and a half million dollars.",
        "one billion and a half million dollars",
        money(1.0005e9, "USD"),
        id="and-a-half-million-after-billion",
    ),
    pytest.param(
        "Some five and a half million people voted.",
        "five and a half million",
        count(5.5e6),
        id="and-a-half-before-million",
    ),
    pytest.param(
        "The new bridge is 2½ miles long.",
        "2½ miles",
        qty(2.5, "mile"),
        id="vulgar-fraction-mixed",
    ),
    pytest.param(
        "Each sample held 1.3x10^6 particles.",
        "1.3x10^6",
        count(1.3e6),
        id="power-of-ten-caret",
    ),
    pytest.param(
        "The error rate fell to 2.48\u00d710\u22125 last year.",
        "2.48\u00d710\u22125",
        {"value": 2.48e-5},
        id="power-of-ten-unicode-minus",
    ),
    pytest.param(
        "Farmers received a subsidy of 12,34,567 rupees.",
        "12,34,567 rupees",
        money(1234567, "INR"),
        id="indian-digit-grouping",
    ),
    pytest.param(
        "The insurer booked losses of 75 USD million.",
        "75 USD million",
        money(7.5e7, "USD"),
        id="currency-code-then-scale",
    ),
    pytest.param(
        "The tender is worth 30 MUSD over five years.",
        "30 MUSD",
        money(3e7, "USD"),
        id="scaled-currency-code-after",
    ),
    pytest.param(
        "Its annual revenue is about MEUR 120.",
        "MEUR 120",
        money(1.2e8, "EUR"),
        id="scaled-currency-code-before",
    ),
    pytest.param(
        "A single ticket now costs 15 dollars 50.",
        "15 dollars 50",
        money(15.5, "USD"),
        id="bare-cents-after-currency",
    ),
    pytest.param(
        "The fare went up to thirteen dollars forty five.",
        "thirteen dollars forty five",
        money(13.45, "USD"),
        id="bare-cents-in-words",
    ),
    pytest.param(
        "He paid with a five-dollar bill.",
        "five-dollar",
        money(5, "USD"),
        id="hyphenated-word-currency",
    ),
    pytest.param(
        "The chance of a match is one over twenty.",
        "one over twenty",
        count(0.05),
        id="fraction-with-over",
    ),
    pytest.param(
        "The odds of winning are exactly one sixth.",
        "one sixth",
        count(1 / 6),
        id="exact-fraction-is-a-number",
    ),
    pytest.param(
        "The bakery sold 4 dozs of rolls.",
        "4 dozs",
        count(48),
        id="dozen-abbreviation",
    ),
    pytest.param(
        "The sample weighed one twenty-fifth.",
        "one twenty-fifth",
        count(1 / 25),
        id="fraction-compound-ordinal",
    ),
    pytest.param(
        "Each share came to a thirtieth.",
        "a thirtieth",
        count(1 / 30),
        id="fraction-tens-ordinal",
    ),
    pytest.param(
        "The council kept three twenty-firsts.",
        "three twenty-firsts",
        count(3 / 21),
        id="fraction-plural-compound-ordinal",
    ),
    pytest.param(
        "About a twentieth of the budget went to roads.",
        "a twentieth",
        pct(5, qualifier="approx"),
        id="ordinal-fraction-share",
    ),
    pytest.param(
        "The tally came to one hundred thirty-fifths.",
        "one hundred thirty-fifths",
        count(100 / 35),
        id="fraction-hundred-over-ordinal",
    ),
    pytest.param(
        "The tally came to one hundred and thirty fifths.",
        "one hundred and thirty fifths",
        count(26),
        id="fraction-and-joins-numerator",
    ),
    pytest.param(
        "The gauge read two hundred thirty two and a thirtieth.",
        "two hundred thirty two and a thirtieth",
        count(232 + 1 / 30),
        id="fraction-tail-ordinal",
    ),
    pytest.param(
        "He won the sprint by one one-hundredth of a second.",
        "one one-hundredth",
        pct(1),
        id="fraction-one-hundredth",
    ),
    pytest.param(
        "The lens is about 1/40 of the width.",
        "1/40",
        count(0.025, qualifier="approx"),
        id="fraction-no-date-can-be",
    ),
    pytest.param(
        "Downloads reached 2.33 k.",
        "2.33 k",
        count(2330),
        id="spaced-scale-letter-at-end",
    ),
    pytest.param(
        "The index closed at 1,674.5 G, a record.",
        "1,674.5 G",
        count(1.6745e12),
        id="spaced-scale-letter-before-comma",
    ),
    pytest.param(
        "Per cent of 45.",
        "Per cent of 45",
        pct(45),
        id="percent-word-first",
    ),
    pytest.param(
        "In 2006 95% of the staff joined the union.",
        "95%",
        pct(95),
        id="percent-after-a-year",
    ),
    pytest.param(
        "The ticket costs one dollar and fifty and the bus leaves at noon.",
        "one dollar and fifty",
        money(1.5, "USD"),
        id="bare-cents-before-and",
    ),
]


@pytest.mark.parametrize(("text", "needle", "expected"), MORE_FORMS)
def test_more_forms(text: str, needle: str, expected: dict[str, Any]) -> None:
    check_case(text, needle, expected)


def test_mixed_numbers_do_not_swallow_a_second_number() -> None:
    text = "Between 3 hundred and 400 people came, and 2 million and 3 million watched."
    assert_fields(figure_for(text, "3 hundred and 400"), rng(300, 400))
    assert_fields(figure_for(text, "2 million"), count(2e6))
    assert_fields(figure_for(text, "3 million"), count(3e6))


def test_over_before_a_counted_noun_stays_a_bound() -> None:
    text = "The price rose 5 over 10 years."
    assert_fields(figure_for(text, "10 years"), {"qualifier": "gt"})


def test_every_currency_is_a_dimension_of_its_own() -> None:
    """A currency the extractor reads is one the registry keeps apart from the rest."""
    codes = currency_codes()
    assert {"USD", "EUR", "CZK", "SLE", "XBT"} <= codes
    assert len({dimension(code) for code in codes}) == len(codes)
