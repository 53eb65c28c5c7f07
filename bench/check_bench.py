#!/usr/bin/env python3
"""Benchmark the whole check (extract, attribute, group, judge) on news-shaped text.

    .venv/bin/python bench/check_bench.py                        # 200,000 figures
    .venv/bin/python bench/check_bench.py --figures 50000 --scaling
    .venv/bin/python bench/check_bench.py --no-cache             # extract again

A script, not a test. Why the corpus is shaped like this: real news repeats
itself. A flood is covered by dozens of outlets for a week, each restating
the death toll, the number evacuated and the aid package, rounded ("more
than 1,200"), a day stale, or from another source; a protest has the
organisers' count and the police's; an election has one turnout quoted in
every article about it. So a few measures ("people", "turnout",
"exports") recur across thousands of documents with values crowded
together, and the largest claim groups hold thousands of figures. That is
where grouping goes quadratic if it is going to (each figure of a measure
set against every other, each union checked against every document of a
component), and a uniform synthetic corpus, where every claim turns up a
handful of times with values spread evenly, hides it: every bucket stays
small and any algorithm looks linear.

So this script writes article text, not `Figure`s. A few hundred events
(floods, wildfires, earthquakes, protests, strikes, elections, trade
statistics, company results, sanctions), with popularity skewed as in news
(a few big stories, a long tail), are each covered by many outlets over
several days. An article carries the metadata front matter would give it
(id, path, title, source, date) and 3-10 sentences from varied templates:
attributions ("police said", "according to the interior ministry",
"organisers estimated"), places ("in Lyon", "across the region"), relative
days ("on Monday", "yesterday") true to the article's date, running tallies
that grow day by day (deaths, injured, evacuated, arrests), percentages,
money ("$2.4 billion", "€300 million"), counts with nouns, durations and
incidental numbers (years, ages, roads, ordinals), about 4 figures per KB.
The generator is seeded and its stream of articles does not depend on
`--figures`: a smaller run reads a prefix of a larger one, the same stories
with fewer articles each.

The articles then go through the real stages, each timed on its own:
`extract_document` + `attribute_document` per document, `group_figures` on
all the figures, `judge` on every group. `--scaling` also groups the
prefixes holding N/4 and N/2 of the figures and prints the ratios of the
grouping times: about 2x per doubling is linear, 4x quadratic. Extracted
figures are cached (pickle, in the system's temporary folder) keyed by the
target, the seed, the number of events and a digest of this script and of
the package upstream of grouping (all but compare/, rules/, report/ and the
command line), so a rerun after a change to grouping times grouping
without extracting again; `--no-cache` extracts anyway.

Only the standard library and the package are used.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import math
import os
import pickle
import platform
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import factcheck
from factcheck.attribute import attribute_document
from factcheck.attribute.topic import topic_terms
from factcheck.compare.group import group_figures
from factcheck.compare.verdict import judge
from factcheck.extract import extract_document
from factcheck.model import Document, Figure

PACKAGE = Path(factcheck.__file__).resolve().parent
CACHE = Path(tempfile.gettempdir()) / "factcheck-check-bench"
KB = 1000  # bytes of UTF-8 text
MB = 1_000_000

# --------------------------------------------------------------------------
# The world the news is about


@dataclass(frozen=True, slots=True)
class Place:
    city: str
    region: str
    country: str
    adjective: str
    currency: str  # "€", "$", "£"


PLACES = (
    Place("Lyon", "Rhône", "France", "French", "€"),
    Place("Valencia", "Valencia", "Spain", "Spanish", "€"),
    Place("Bologna", "Emilia-Romagna", "Italy", "Italian", "€"),
    Place("Dresden", "Saxony", "Germany", "German", "€"),
    Place("Wrocław", "Lower Silesia", "Poland", "Polish", "€"),
    Place("Porto", "Norte", "Portugal", "Portuguese", "€"),
    Place("Brno", "South Moravia", "the Czech Republic", "Czech", "€"),
    Place("Graz", "Styria", "Austria", "Austrian", "€"),
    Place("Izmir", "Aegean", "Turkey", "Turkish", "$"),
    Place("Thessaloniki", "Central Macedonia", "Greece", "Greek", "€"),
    Place("Cluj", "Transylvania", "Romania", "Romanian", "€"),
    Place("Kharkiv", "Kharkiv", "Ukraine", "Ukrainian", "$"),
    Place("Tbilisi", "Kartli", "Georgia", "Georgian", "$"),
    Place("Minsk", "Minsk", "Belarus", "Belarusian", "$"),
    Place("Recife", "Pernambuco", "Brazil", "Brazilian", "$"),
    Place("Monterrey", "Nuevo León", "Mexico", "Mexican", "$"),
    Place("Osaka", "Kansai", "Japan", "Japanese", "$"),
    Place("Cebu", "Central Visayas", "the Philippines", "Philippine", "$"),
    Place("Chittagong", "Chittagong", "Bangladesh", "Bangladeshi", "$"),
    Place("Alexandria", "the Delta", "Egypt", "Egyptian", "$"),
    Place("Mombasa", "the Coast", "Kenya", "Kenyan", "$"),
    Place("Lagos", "Lagos", "Nigeria", "Nigerian", "$"),
    Place("Durban", "KwaZulu-Natal", "South Africa", "South African", "$"),
    Place("Gothenburg", "Västra Götaland", "Sweden", "Swedish", "€"),
    Place("Manchester", "the North West", "Britain", "British", "£"),
    Place("Glasgow", "Strathclyde", "Scotland", "Scottish", "£"),
    Place("Houston", "Texas", "the United States", "American", "$"),
    Place("Vancouver", "British Columbia", "Canada", "Canadian", "$"),
)
BRUSSELS = Place("Brussels", "Brussels", "Belgium", "Belgian", "€")
SANCTIONED = ("Russia", "Belarus", "Iran", "North Korea", "Syria", "Myanmar", "Venezuela")
OUTLETS = (
    "Reuters",
    "AFP",
    "Associated Press",
    "BBC News",
    "The Guardian",
    "Le Monde",
    "Deutsche Welle",
    "Al Jazeera",
    "El País",
    "Corriere della Sera",
    "Euronews",
    "The Times",
    "Financial Times",
    "Bloomberg",
    "The Independent",
    "Der Spiegel",
    "France 24",
    "NHK World",
    "Anadolu Agency",
    "The Irish Times",
    "Daily Mail",
    "CNN",
    "Sky News",
    "Politico Europe",
    "Radio Free Europe",
    "The Local",
    "Kyiv Independent",
    "Nikkei Asia",
    "The Hindu",
    "Daily Nation",
)
WIRES = frozenset(("Reuters", "AFP", "Associated Press", "Bloomberg", "Anadolu Agency"))
LOCAL_PAPERS = ("Herald", "Courier", "Gazette", "Evening Post", "Tribune", "Observer")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ORDINALS = ("second", "third", "fourth", "fifth", "sixth")
ROADS = ("A7", "M6", "E45", "Route 9", "Highway 401", "N10", "A1", "I-45")
COMPANY_NAMES = (
    "Norvik",
    "Aldera",
    "Castellan",
    "Brightwater",
    "Helios",
    "Vantor",
    "Kestrel",
    "Meridian",
    "Orsa",
    "Tallis",
    "Quintal",
    "Lumen",
)
COMPANY_KINDS = ("Motors", "Group", "Energy", "Bank", "Telecom", "Steel", "Retail", "Airlines")
PARTIES = (
    ("the Social Democrats", "the conservatives"),
    ("the ruling party", "the main opposition bloc"),
    ("the Liberal Alliance", "the Greens"),
    ("the centre-right People's Party", "the Socialists"),
)
SECTORS = ("machinery", "grain", "gas", "steel", "cars", "electronics", "fertiliser", "oil")

#: Event kinds and how often each happens (trade and company news are the
#: most common stories, earthquakes the rarest).
KINDS = {
    "flood": 3,
    "wildfire": 2,
    "earthquake": 1,
    "protest": 3,
    "strike": 2,
    "election": 2,
    "trade": 4,
    "company": 4,
    "sanctions": 2,
}


@dataclass(slots=True)
class Event:
    """One story: where and when, and the numbers that are true of it.

    `tallies` are running totals, one per day of coverage; `facts` do not
    change while the story runs.
    """

    number: int
    kind: str
    place: Place
    start: date
    days: int
    weight: float
    tallies: dict[str, list[int]] = field(default_factory=dict)
    facts: dict[str, float] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


def _tally(rng: random.Random, days: int, first: int, daily: float, *, cap: int = 0) -> list[int]:
    """A running total: `first` on day one, then growing by about `daily` a day."""
    values = [first]
    for day in range(1, days):
        step = daily * rng.uniform(0.2, 1.6) / (1 + 0.3 * day)  # news slows as a story ages
        values.append(values[-1] + max(0, round(step)))
    return [min(v, cap) for v in values] if cap else values


def _round(value: float, digits: int = 2) -> float:
    """`value` to `digits` significant digits (how officials announce money)."""
    if value == 0:
        return 0.0
    scale = 10 ** (digits - 1 - math.floor(math.log10(abs(value))))
    return round(value * scale) / scale


def make_events(rng: random.Random, count: int) -> list[Event]:
    """`count` events across 2024, popularity falling off as a power of their rank."""
    kinds = list(KINDS)
    weights = list(KINDS.values())
    events = []
    for number in range(count):
        kind = rng.choices(kinds, weights)[0]
        place = BRUSSELS if kind == "sanctions" else rng.choice(PLACES)
        start = date(2024, 1, 1) + timedelta(days=rng.randrange(330))
        days = rng.randint(3, 10) if kind not in ("trade", "company") else rng.randint(2, 5)
        weight = 1 / (number + 1) ** 0.8
        event = Event(number, kind, place, start, days, weight)
        _fill(rng, event)
        events.append(event)
    rng.shuffle(events)  # popularity does not follow the calendar
    return events


def _fill(rng: random.Random, e: Event) -> None:
    """The true numbers of an event, by kind."""
    scale = 10 ** rng.uniform(0, 2)  # small local stories and national disasters
    t, f, n, d = e.tallies, e.facts, e.names, e.days
    if e.kind == "flood":
        t["deaths"] = _tally(rng, d, round(2 * scale), 2 * scale)
        t["injured"] = _tally(rng, d, round(10 * scale), 6 * scale)
        t["evacuated"] = _tally(rng, d, round(300 * scale), 150 * scale)
        t["homes"] = _tally(rng, d, round(80 * scale), 40 * scale)
        f["missing"] = rng.randint(2, 60)
        f["aid"] = _round(rng.uniform(5, 900) * 1e6)
        f["damage"] = _round(rng.uniform(0.1, 9) * 1e9)
        f["rain"] = rng.randint(80, 400)
        f["river"] = round(rng.uniform(1.5, 7), 1)
        f["hours"] = rng.choice((12, 24, 36, 48))
        f["rescuers"] = _round(rng.randint(200, 9000))
    elif e.kind == "wildfire":
        t["hectares"] = _tally(rng, d, round(800 * scale), 700 * scale)
        t["evacuated"] = _tally(rng, d, round(100 * scale), 120 * scale)
        t["deaths"] = _tally(rng, d, rng.randint(0, 3), 0.5 * scale)
        t["homes"] = _tally(rng, d, round(10 * scale), 8 * scale)
        f["firefighters"] = _round(rng.randint(150, 4000))
        f["aircraft"] = rng.randint(4, 40)
        f["aid"] = _round(rng.uniform(2, 300) * 1e6)
    elif e.kind == "earthquake":
        t["deaths"] = _tally(rng, d, round(5 * scale), 8 * scale)
        t["injured"] = _tally(rng, d, round(30 * scale), 20 * scale)
        t["buildings"] = _tally(rng, d, round(20 * scale), 10 * scale)
        t["homeless"] = _tally(rng, d, round(500 * scale), 200 * scale)
        f["magnitude"] = round(rng.uniform(5.2, 7.8), 1)
        f["depth"] = rng.choice((8, 10, 12, 15, 20, 33))
        f["aid"] = _round(rng.uniform(10, 500) * 1e6)
        f["aftershocks"] = rng.randint(20, 300)
    elif e.kind == "protest":
        t["arrests"] = _tally(rng, d, round(8 * scale), 6 * scale)
        t["officers"] = _tally(rng, d, round(2 * scale), 1.5 * scale)
        t["police_count"] = [_round(rng.uniform(4, 60) * 100 * scale) for _ in range(d)]
        t["organisers_count"] = [round(x * rng.uniform(2, 4)) for x in t["police_count"]]
        f["rise"] = rng.randint(5, 40)  # the price rise or tax that started it
        f["cities"] = rng.randint(3, 60)
    elif e.kind == "strike":
        t["flights"] = _tally(rng, d, round(40 * scale), 30 * scale)
        t["passengers"] = [round(x * rng.uniform(120, 160)) for x in t["flights"]]
        f["workers"] = _round(rng.uniform(2, 90) * 1000)
        f["demand"] = rng.randint(6, 15)
        f["offer"] = round(rng.uniform(2, 5), 1)
        f["hours"] = rng.choice((24, 48, 72))
        f["trains"] = rng.randint(10, 60)
    elif e.kind == "election":
        f["turnout"] = round(rng.uniform(38, 82), 1)
        f["winner"] = round(rng.uniform(28, 48), 1)
        f["runner_up"] = round(f["winner"] - rng.uniform(0.5, 12), 1)
        f["seats_total"] = rng.choice((150, 200, 230, 300, 350, 460, 600))
        f["seats"] = round(f["seats_total"] * f["winner"] / 100 * rng.uniform(1.0, 1.25))
        f["voters"] = _round(rng.uniform(1, 60) * 1e6, 3)
        f["previous"] = round(f["turnout"] + rng.uniform(-8, 8), 1)
        n["winner"], n["runner_up"] = rng.choice(PARTIES)
    elif e.kind == "trade":
        f["month"] = (e.start.month - 2) % 12 + 1
        f["exports"] = _round(rng.uniform(0.5, 90) * 1e9)
        f["exports_change"] = round(rng.uniform(-15, 20), 1)
        f["imports"] = _round(f["exports"] * rng.uniform(0.6, 1.4))
        f["imports_change"] = round(rng.uniform(-15, 20), 1)
        f["share"] = round(rng.uniform(4, 45), 1)
        n["sector"] = rng.choice(SECTORS)
    elif e.kind == "company":
        n["company"] = f"{rng.choice(COMPANY_NAMES)} {rng.choice(COMPANY_KINDS)}"
        n["quarter"] = rng.choice(("first", "second", "third", "fourth"))
        f["revenue"] = _round(rng.uniform(0.3, 60) * 1e9)
        f["growth"] = round(rng.uniform(-20, 30), 1)
        f["profit"] = _round(f["revenue"] * rng.uniform(0.02, 0.2))
        f["jobs"] = _round(rng.uniform(2, 120) * 100)
        f["shares"] = round(rng.uniform(0.5, 14), 1)
        f["margin"] = round(rng.uniform(2, 25), 1)
    elif e.kind == "sanctions":
        f["package"] = rng.randint(3, 16)
        f["individuals"] = rng.randint(15, 300)
        f["entities"] = rng.randint(5, 120)
        f["assets"] = _round(rng.uniform(0.1, 40) * 1e9)
        f["trade"] = _round(rng.uniform(0.2, 30) * 1e9)
        f["share"] = round(rng.uniform(2, 40), 1)
        f["banks"] = rng.randint(2, 30)
        n["sector"] = rng.choice(SECTORS)
        n["target"] = rng.choice(SANCTIONED)


# --------------------------------------------------------------------------
# Writing one article


class Article:
    """What an outlet writes about `event` on day `day` of its coverage: each
    helper formats one number or phrase the way news varies it."""

    def __init__(self, rng: random.Random, event: Event, day: int) -> None:
        self.rng = rng
        self.event = event
        self.day = day
        self.today = event.start + timedelta(days=day)

    # numbers -------------------------------------------------------------

    def tally(self, name: str, lag: int = 0) -> int:
        """A running total as of `lag` days before the article, as reported:
        now and then a day stale, rarely another source's number."""
        values = self.event.tallies[name]
        if self.rng.random() < 0.12:
            lag += 1
        value = values[max(0, min(self.day - lag, len(values) - 1))]
        if self.rng.random() < 0.03:
            value = round(value * self.rng.uniform(0.7, 1.3))
        return value

    def count(self, value: float, noun: str = "") -> str:
        """A count as written: "1,240", "about 1,200", "at least 14", "three"."""
        rng, value = self.rng, round(value)
        noun = f" {noun}" if noun else ""
        if value <= 10 and rng.random() < 0.4:
            return f"{SMALL[value]}{noun}"
        pick = rng.random()
        if value >= 100 and pick < 0.25:
            approx = rng.choice(("about", "around", "some", "nearly", "roughly", "close to"))
            return f"{approx} {_grouped(_round(value))}{noun}"
        if value >= 20 and pick < 0.4:
            bound = rng.choice(("more than", "over", "at least"))
            return f"{bound} {_grouped(_round(value, 1 if value < 100 else 2))}{noun}"
        if pick < 0.5:
            return f"at least {_grouped(value)}{noun}"
        if value >= 1_000_000 and pick < 0.8:
            return f"{value / 1e6:.1f} million{noun}"
        return f"{_grouped(value)}{noun}"

    def money(self, amount: float, currency: str = "") -> str:
        """ "$2.4 billion", "€300m", "1.2 billion euros", "£45 million"."""
        rng = self.rng
        currency = currency or self.event.place.currency
        if amount >= 1e9:
            number, words = f"{amount / 1e9:.{rng.choice((1, 1, 2))}f}", ("billion", "bn")
        else:
            number, words = f"{amount / 1e6:.0f}", ("million", "m")
        number = number.rstrip("0").rstrip(".") if "." in number else number
        if rng.random() < 0.2:
            qualifier = rng.choice(("about ", "nearly ", "more than ", "some "))
        else:
            qualifier = ""
        pick = rng.random()
        if pick < 0.55:
            return f"{qualifier}{currency}{number} {words[0]}"
        if pick < 0.8:
            return f"{qualifier}{currency}{number}{words[1]}"
        name = {"€": "euros", "$": "dollars", "£": "pounds"}[currency]
        return f"{qualifier}{number} {words[0]} {name}"

    def pct(self, value: float) -> str:
        """ "3.8%", "3.8 percent", "3.8 per cent", "almost 4%"."""
        rng = self.rng
        text = f"{abs(value):.1f}".removesuffix(".0")
        if rng.random() < 0.15:
            text = f"{rng.choice(('almost', 'nearly', 'about', 'more than'))} {round(abs(value))}"
        return text + rng.choice(("%", "%", " percent", " per cent"))

    # words ---------------------------------------------------------------

    def when(self, lag: int = 0) -> str:
        """The day `lag` days before the article, as the article would name it."""
        day = self.today - timedelta(days=lag)
        weekday = WEEKDAYS[day.weekday()]
        pick = self.rng.random()
        if lag == 0:
            options = (f"on {weekday}", "today", f"on {weekday}", "so far")
        elif lag == 1:
            options = ("yesterday", f"on {weekday}", f"on {weekday} night", "overnight")
        else:
            options = (f"on {weekday}", f"last {weekday}", f"on {day.day} {MONTHS[day.month - 1]}")
        if pick < 0.1:
            return f"on {MONTHS[day.month - 1]} {day.day}"
        return self.rng.choice(options)

    def since(self) -> str:
        start = self.event.start
        if self.day == 0:
            return self.rng.choice(("since the early hours", "overnight", "since dawn"))
        return self.rng.choice((f"since {WEEKDAYS[start.weekday()]}", "this week", "so far"))

    def where(self) -> str:
        p = self.event.place
        return self.rng.choice(
            (
                f"in {p.city}",
                f"in and around {p.city}",
                "across the region",
                f"in the {p.region.removeprefix('the ')} region",
                f"in {p.region}",
                f"across {p.country}",
                f"near {p.city}",
            )
        )

    def said(self, *sources: str) -> str:
        """An attribution: "police said", "according to the interior ministry"."""
        source = self.rng.choice(sources)
        if self.rng.random() < 0.35:
            return f"according to {source}"
        verb = self.rng.choice(("said", "said", "reported", "confirmed"))
        return f"{source} {verb}"

    def weekday(self, lag: int = 0) -> str:
        return WEEKDAYS[(self.today - timedelta(days=lag)).weekday()]


Template = Callable[[], str]


@dataclass(frozen=True, slots=True)
class Sentences:
    """What can be written about an event: a lead, body sentences with
    figures, and prose without."""

    lead: tuple[Template, ...]
    body: tuple[Template, ...]
    prose: tuple[str, ...]
    headline: str
    voices: str  # the key of VOICES: who comments on this kind of story, and what they say


def _grouped(value: float) -> str:
    return f"{round(value):,}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


AUTHORITIES = {
    "disaster": (
        "the interior ministry",
        "police",
        "the civil protection agency",
        "local officials",
        "the regional governor",
        "the Red Cross",
        "emergency services",
        "a government spokesperson",
        "state media",
        "hospital officials",
    ),
    "protest": (
        "police",
        "the interior ministry",
        "organisers",
        "the prosecutor's office",
        "a police spokesperson",
        "local media",
    ),
    "strike": (
        "union leaders",
        "the airport operator",
        "the transport ministry",
        "the airlines' association",
        "the union",
        "management",
    ),
    "economy": (
        "the statistics office",
        "the finance ministry",
        "the central bank",
        "customs data",
        "analysts",
        "the economy minister",
        "the trade ministry",
        "a government report",
    ),
}


def _disaster(a: Article) -> Sentences:
    """Floods, wildfires and earthquakes: running tolls from many authorities."""
    e, p, r = a.event, a.event.place, a.rng
    said = lambda: a.said(*AUTHORITIES["disaster"])  # noqa: E731
    source = lambda: r.choice(AUTHORITIES["disaster"])  # noqa: E731
    name = {"flood": "floods", "wildfire": "wildfires", "earthquake": "the earthquake"}[e.kind]
    have = "has" if e.kind == "earthquake" else "have"
    rescuers = e.facts.get("rescuers", e.facts.get("firefighters", 500))
    lead: list[Template] = [
        lambda: (
            f"{_cap(name)} {a.where()} {have} killed {a.count(a.tally('deaths'))} people "
            f"{a.since()}, {said()}."
        ),
        lambda: (
            f"The death toll from {name} {a.where()} rose to {a.count(a.tally('deaths'))} "
            f"{a.when()}, {said()}."
        ),
        lambda: (
            f"{_cap(a.count(a.tally('deaths')))} people have died {a.where()}, {said()}, "
            f"as {name} {a.rng.choice(('spread', 'continued', 'hit more towns'))}."
        ),
    ]
    body: list[Template] = [
        lambda: (
            f"According to {source()}, {a.count(a.tally('deaths', 1))} people had died by "
            f"{a.weekday(1)}."
        ),
        lambda: f"Rescuers were searching for {a.count(e.facts.get('missing', 7))} missing people.",
        lambda: (
            f"{_cap(a.money(e.facts['aid']))} in emergency aid was announced "
            f"{a.when(r.randint(0, 1))}, {said()}."
        ),
        lambda: (
            f"{_cap(a.count(rescuers, 'firefighters'))} and soldiers have been deployed "
            f"{a.where()}."
        ),
        lambda: f"It was the worst disaster to hit {p.city} since {r.randint(1950, 2015)}.",
        lambda: f"Among the dead was a {r.randint(6, 94)}-year-old {r.choice(('man', 'woman'))}.",
        lambda: (
            f"Traffic on the {r.choice(ROADS)} was halted for {r.choice(SMALL[2:])} hours, "
            f"{said()}."
        ),
    ]
    if "injured" in e.tallies:
        body += [
            lambda: (
                f"According to {source()}, {a.count(a.tally('injured'), 'people')} were "
                f"injured and {a.count(r.randint(5, 90))} remain in hospital."
            ),
            lambda: f"{_cap(a.count(a.tally('injured')))} people were hurt {a.where()}.",
        ]
    if "evacuated" in e.tallies:
        body += [
            lambda: (
                f"{_cap(a.count(a.tally('evacuated'), 'residents'))} have been evacuated "
                f"{a.where()}, {said()}."
            ),
            lambda: (
                f"Authorities ordered the evacuation of {a.count(a.tally('evacuated'), 'people')} "
                f"{a.when()}."
            ),
        ]
    if "homes" in e.tallies:
        body.append(
            lambda: (
                f"{_cap(a.count(a.tally('homes'), 'homes'))} were "
                f"{'flooded' if e.kind == 'flood' else 'destroyed'}, {said()}."
            )
        )
    if e.kind == "flood":
        body += [
            lambda: (
                f"{_cap(a.count(e.facts['rain']))} millimetres of rain fell in "
                f"{e.facts['hours']:.0f} hours, the weather service said."
            ),
            lambda: f"The river rose {e.facts['river']:g} metres {a.when(1)}.",
            lambda: f"Insurers put the damage at {a.money(e.facts['damage'])}.",
        ]
    elif e.kind == "wildfire":
        body += [
            lambda: (
                f"The fire has burned {a.count(a.tally('hectares'), 'hectares')} {a.since()}, "
                f"{a.said('the forestry ministry', 'firefighters', 'the fire service')}."
            ),
            lambda: (
                f"{_cap(a.count(e.facts['aircraft'], 'water-bombing aircraft'))} were "
                f"battling the blaze {a.when()}."
            ),
        ]
    else:
        body += [
            lambda: (
                f"The magnitude {e.facts['magnitude']:g} quake struck at a depth of "
                f"{e.facts['depth']:g} km, the geological survey said."
            ),
            lambda: (
                f"{_cap(a.count(a.tally('buildings'), 'buildings'))} collapsed and "
                f"{a.count(a.tally('homeless'), 'people')} were left homeless, {said()}."
            ),
            lambda: f"More than {e.facts['aftershocks']:.0f} aftershocks have been recorded.",
        ]
    prose = (
        "Rescue teams used boats and helicopters to reach residents stranded on rooftops "
        "and in cars, while others waded through water that reached their waists.",
        "Roads and rail lines across the region remained closed, and the authorities urged "
        "people not to travel unless it was absolutely necessary.",
        "Residents said they had been given little warning and had lost everything they owned.",
        f"The prime minister visited {p.city} and promised help for those who lost their homes, "
        "but was heckled by residents who said the response had come too late.",
        "Schools and government offices were closed until further notice, and hospitals "
        "postponed operations that were not urgent.",
        f"Volunteers from across {p.country} brought food, water and blankets to the shelters "
        "set up in sports halls and churches.",
        "Meteorologists warned that conditions could worsen over the weekend as another "
        "weather front moved in from the west.",
        "Scientists say that events of this kind have become more frequent and more intense "
        "as the climate warms.",
    )
    headline = f"{_cap(name)} in {p.city}: death toll rises"
    return Sentences(tuple(lead), tuple(body), prose, headline, "disaster")


def _protest(a: Article) -> Sentences:
    """Protests and strikes: counts that depend on who counts."""
    e, p, r = a.event, a.event.place, a.rng
    said = lambda: a.said(*AUTHORITIES[e.kind])  # noqa: E731
    if e.kind == "protest":
        lead: list[Template] = [
            lambda: (
                f"{_cap(a.count(a.tally('police_count', 1), 'people'))} marched {a.where()} "
                f"{a.when(1)}, police said, while organisers estimated "
                f"{a.count(a.tally('organisers_count', 1))}."
            ),
            lambda: (
                f"Police arrested {a.count(a.tally('arrests'), 'people')} {a.since()} as "
                f"protests against a {e.facts['rise']:.0f}% fuel price rise spread {a.where()}."
            ),
            lambda: (
                f"Organisers estimated that {a.count(a.tally('organisers_count'))} people "
                f"took to the streets {a.when()}."
            ),
        ]
        body: list[Template] = [
            lambda: (
                f"{_cap(a.count(a.tally('officers'), 'officers'))} were injured, "
                f"{a.said('the interior ministry', 'police', 'a police union')}."
            ),
            lambda: f"The interior ministry put the crowd at {a.count(a.tally('police_count'))}.",
            lambda: (
                f"Demonstrations were held in {a.count(e.facts['cities'], 'cities')}, {said()}."
            ),
            lambda: (
                f"{_cap(a.count(a.tally('arrests', 1)))} arrests were made {a.when(1)}, {said()}."
            ),
            lambda: f"It was the {r.choice(ORDINALS)} day of protests in {p.city}.",
            lambda: (
                f"The government says the {e.facts['rise']:.0f}% increase is needed to "
                f"cut the deficit to {a.pct(r.uniform(2, 4))} of GDP."
            ),
        ]
        headline = f"Thousands protest in {p.city} over fuel prices"
        prose = (
            "Riot police used tear gas and water cannon to disperse the crowd after some "
            "protesters threw stones and set fire to rubbish bins.",
            "Union leaders said the movement would continue until the government backed down "
            "and called for another day of action next week.",
            f"Shops and restaurants in the centre of {p.city} stayed shut, and several metro "
            "stations were closed on police orders.",
            "The government called for calm and invited the organisers to talks, but said it "
            "would not withdraw the measure.",
            "Opposition leaders joined the march, carrying banners and flags and chanting "
            "slogans against the prime minister.",
            "Human rights groups criticised the police response and called for an independent "
            "inquiry into the use of force.",
            "Protesters say the increase hits the poorest households hardest, at a time when "
            "wages have failed to keep up with prices.",
        )
    else:
        lead = [
            lambda: (
                f"{_cap(a.count(a.tally('flights'), 'flights'))} have been cancelled {a.since()} "
                f"as {a.count(e.facts['workers'], 'workers')} walked out {a.where()}, {said()}."
            ),
            lambda: (
                f"A {e.facts['hours']:.0f}-hour strike by transport workers grounded "
                f"{a.count(a.tally('flights'), 'flights')} {a.when()}, {said()}."
            ),
        ]
        body = [
            lambda: (
                f"The union is demanding a {a.pct(e.facts['demand'])} pay rise, while management "
                f"has offered {a.pct(e.facts['offer'])}."
            ),
            lambda: (
                f"{_cap(a.count(a.tally('passengers'), 'passengers'))} were affected, "
                f"the airport operator said."
            ),
            lambda: (
                f"Only {a.pct(e.facts['trains'])} of trains were running {a.when()}, "
                f"{a.said('the rail operator', 'the transport ministry')}."
            ),
            lambda: (
                f"{_cap(a.count(e.facts['workers'], 'workers'))} joined the strike, "
                f"{a.said('union leaders', 'the union', 'organisers')}."
            ),
            lambda: f"Talks are due to resume at {r.randint(8, 11)} am on {a.weekday(-1)}.",
        ]
        headline = f"Strike grounds flights in {p.city}"
        prose = (
            "Commuters faced long delays as public transport was disrupted, and many chose to "
            "work from home.",
            "Passengers queued for hours at check-in desks, and airlines advised travellers "
            "to check the status of their flights before leaving home.",
            "Union leaders said the strike would continue until management made a better "
            "offer and accused the company of refusing to negotiate.",
            "The transport minister called the walkout irresponsible and urged both sides to "
            "return to the negotiating table.",
            "Business groups warned that the disruption was costing the economy dearly at the "
            "start of the holiday season.",
            "Pickets gathered outside the main depots before dawn, and the mood was calm.",
        )
    return Sentences(tuple(lead), tuple(body), prose, headline, "protest")


def _election(a: Article) -> Sentences:
    e, p, r, f = a.event, a.event.place, a.rng, a.event.facts
    winner, runner_up = e.names["winner"], e.names["runner_up"]
    said = lambda: a.said("the electoral commission", "official results", "the election board")  # noqa: E731
    lead: list[Template] = [
        lambda: (
            f"Turnout in {p.country}'s election reached {a.pct(f['turnout'])}, {said()}, "
            f"up from {a.pct(f['previous'])} in {2024 - r.choice((4, 5))}."
        ),
        lambda: (
            f"{_cap(winner)} won {a.pct(f['winner'])} of the vote {a.when(r.randint(0, 2))}, "
            f"ahead of {runner_up} on {a.pct(f['runner_up'])}, {said()}."
        ),
    ]
    body: list[Template] = [
        lambda: f"{_cap(winner)} will hold {f['seats']:.0f} of the {f['seats_total']:.0f} seats.",
        lambda: f"Some {a.count(f['voters'])} people were eligible to vote, {said()}.",
        lambda: (
            f"With {a.pct(r.uniform(60, 99.5))} of ballots counted, {winner} led with "
            f"{a.pct(f['winner'] + r.uniform(-1.5, 1.5))}."
        ),
        lambda: (
            f"The margin of {f['winner'] - f['runner_up']:.1f} percentage points was "
            f"{r.choice(('wider', 'narrower'))} than polls had suggested."
        ),
        lambda: f"Turnout was {a.pct(f['turnout'])}, {said()}.",
        lambda: f"Polls closed at {r.choice(('8', '9', '10'))} pm {a.when(r.randint(1, 2))}.",
    ]
    prose = (
        "Coalition talks are expected to take weeks, and analysts said the new government "
        "would struggle to pass its budget.",
        "International observers said the vote was largely free and fair, although they noted "
        "problems with the registration of voters abroad.",
        "The outgoing prime minister conceded defeat late in the evening and congratulated "
        "the winner in a short speech to supporters.",
        "Supporters celebrated outside the party headquarters, waving flags and singing "
        "until the early hours.",
        "The campaign was dominated by the cost of living, immigration and the war, and "
        "turned bitter in its final weeks.",
    )
    headline = f"{_cap(p.country)}: {winner} win election"
    return Sentences(tuple(lead), tuple(body), prose, headline, "election")


def _economy(a: Article) -> Sentences:
    """Trade statistics, company results and sanctions: money and percentages."""
    e, p, r, f = a.event, a.event.place, a.rng, a.event.facts
    said = lambda: a.said(*AUTHORITIES["economy"])  # noqa: E731
    body: list[Template]
    if e.kind == "trade":
        month = MONTHS[int(f["month"]) - 1]
        change = lambda k: "rose" if f[k] >= 0 else "fell"  # noqa: E731
        lead: list[Template] = [
            lambda: (
                f"{p.adjective} exports {change('exports_change')} "
                f"{a.pct(f['exports_change'])} year on year to {a.money(f['exports'], '$')} "
                f"in {month}, {said()}."
            ),
            lambda: (
                f"{_cap(p.country)}'s imports {change('imports_change')} "
                f"{a.pct(f['imports_change'])} "
                f"in {month}, {said()}."
            ),
        ]
        body = [
            lambda: f"Imports reached {a.money(f['imports'], '$')} in {month}.",
            lambda: (
                f"The trade {'surplus' if f['exports'] > f['imports'] else 'deficit'} stood at "
                f"{a.money(abs(f['exports'] - f['imports']) + 1e8, '$')}, {said()}."
            ),
            lambda: f"Sales of {e.names['sector']} accounted for {a.pct(f['share'])} of exports.",
            lambda: (
                f"Exports were {a.pct(f['exports_change'])} "
                f"{'higher' if f['exports_change'] >= 0 else 'lower'} than in {month} 2023, "
                f"{said()}."
            ),
        ]
        headline = f"{p.adjective} exports {change('exports_change')} in {month}"
    elif e.kind == "company":
        company, quarter = e.names["company"], e.names["quarter"]
        lead = [
            lambda: (
                f"{company} reported {quarter}-quarter revenue of {a.money(f['revenue'])}, "
                f"{'up' if f['growth'] >= 0 else 'down'} {a.pct(f['growth'])} "
                f"from a year earlier."
            ),
            lambda: (
                f"{company} will cut {a.count(f['jobs'], 'jobs')} after its "
                f"{quarter}-quarter profit fell to {a.money(f['profit'])}, the company said."
            ),
        ]
        body = [
            lambda: f"Net profit came in at {a.money(f['profit'])}, {said()}.",
            lambda: (
                f"Shares in {company} {r.choice(('fell', 'rose'))} {a.pct(f['shares'])} "
                f"{a.when(r.randint(0, 1))}."
            ),
            lambda: f"The operating margin was {a.pct(f['margin'])}, analysts said.",
            lambda: (
                f"The company, founded in {r.randint(1890, 2005)}, employs "
                f"{a.count(_round(f['jobs'] * r.uniform(8, 40)), 'people')}."
            ),
            lambda: (
                f"Revenue {'grew' if f['growth'] >= 0 else 'shrank'} {a.pct(f['growth'])} "
                f"to {a.money(f['revenue'])}."
            ),
        ]
        headline = f"{company} results: revenue, profit and job cuts"
    else:
        package = f"{int(f['package'])}{_suffix(int(f['package']))}"
        target = e.names["target"]
        lead = [
            lambda: (
                f"The EU adopted its {package} package of sanctions against {target} "
                f"{a.when(r.randint(0, 1))}, adding {a.count(f['individuals'], 'individuals')} "
                f"and {a.count(f['entities'], 'entities')} to its list."
            ),
            lambda: (
                f"Western governments have frozen {a.money(f['assets'], '€')} of {target}'s "
                f"assets, {a.said('the European Commission', 'officials in Brussels')}."
            ),
        ]
        body = [
            lambda: (
                f"The measures cover trade worth {a.money(f['trade'], '$')} a year, "
                f"or {a.pct(f['share'])} of {target}'s exports."
            ),
            lambda: f"{_cap(a.count(f['banks'], 'banks'))} were cut off from the Swift system.",
            lambda: f"Exports of {e.names['sector']} are banned from {MONTHS[r.randrange(12)]}.",
            lambda: (
                f"The {package} package follows the one adopted {r.choice(SMALL[2:8])} months ago."
            ),
        ]
        headline = f"EU adopts {package} sanctions package against {target}"
    prose = (
        "Economists said the figures pointed to a slowdown later in the year, as higher "
        "borrowing costs weigh on demand at home and abroad.",
        "The government has promised to support exporters hit by weaker demand and by the "
        "rising cost of energy.",
        "Investors were watching for signals from the central bank, which meets again next "
        "month to decide on interest rates.",
        "The data were broadly in line with analysts' forecasts, and markets barely moved "
        "after they were published.",
        "Officials declined to comment on the details, saying a full report would be "
        "published later in the month.",
    )
    return Sentences(tuple(lead), tuple(body), prose, headline, "economy")


WRITERS: dict[str, Callable[[Article], Sentences]] = {
    "flood": _disaster,
    "wildfire": _disaster,
    "earthquake": _disaster,
    "protest": _protest,
    "strike": _protest,
    "election": _election,
    "trade": _economy,
    "company": _economy,
    "sanctions": _economy,
}


def _suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _background(other: Event) -> str:
    """A sentence recalling another story, as articles do ("floods in May killed 40 people")."""
    month, place = MONTHS[other.start.month - 1], other.place
    if "deaths" in other.tallies:
        what = {"flood": "Floods", "wildfire": "Wildfires", "earthquake": "An earthquake"}
        deaths = other.tallies["deaths"][-1]
        return f"{what[other.kind]} near {place.city} in {month} killed {deaths:,} people."
    if "turnout" in other.facts:
        return f"Turnout in {place.country} was {other.facts['turnout']:g}% in {month}."
    if "arrests" in other.tallies:
        arrests = other.tallies["arrests"][-1]
        return f"In {month}, {arrests:,} people were arrested in protests in {place.city}."
    f = other.facts
    if other.kind == "strike":
        flights = other.tallies["flights"][-1]
        return f"A strike in {place.city} in {month} led to {flights:,} cancelled flights."
    if other.kind == "trade":
        change = f["exports_change"]
        return (
            f"{place.adjective} exports {'rose' if change >= 0 else 'fell'} "
            f"{abs(change):g}% in {MONTHS[int(f['month']) - 1]}."
        )
    if other.kind == "company":
        revenue = f"{f['revenue'] / 1e9:.1f}".removesuffix(".0")
        return (
            f"Its rival {other.names['company']} reported revenue of ${revenue} billion in {month}."
        )
    return (
        f"The sanctions against {other.names['target']} adopted in {month} listed "
        f"{f['individuals']:.0f} individuals."
    )


#: The share of an article's sentences after the lead that state one of the
#: event's figures (the rest are prose, background and incidental numbers):
#: what sets the density, about 4 figures per KB.
BODY_SHARE = 0.17

#: Who comments on each kind of story and what they say: sentences without figures.
VOICES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "disaster": (
        (
            "a spokesperson for the regional government",
            "the mayor",
            "residents interviewed by local television",
            "aid groups working in the area",
            "a senior rescue official",
        ),
        (
            "the situation remained difficult in the worst-hit villages",
            "more help would be needed in the coming weeks",
            "the authorities had been too slow to respond",
            "lessons would be learned from what had happened",
            "nobody had expected the disaster to unfold so quickly",
        ),
    ),
    "protest": (
        (
            "a government spokesperson",
            "opposition politicians",
            "a senior official, who asked not to be named,",
            "union representatives",
            "the mayor",
        ),
        (
            "the government had ignored repeated warnings",
            "the next few days would be decisive",
            "the dispute could only be settled through dialogue",
            "the demands of the movement were unrealistic",
            "public support for the movement was growing",
        ),
    ),
    "election": (
        (
            "the party's leader",
            "political analysts",
            "opposition politicians",
            "the president's office",
            "a senior campaign official",
        ),
        (
            "voters had sent a clear message",
            "the result was a turning point for the country",
            "coalition talks would be difficult",
            "the campaign had been unusually bitter",
            "the new government would face difficult choices",
        ),
    ),
    "economy": (
        (
            "analysts at a local bank",
            "the finance minister",
            "economists",
            "a central bank official",
            "business leaders",
        ),
        (
            "the outlook remained highly uncertain",
            "the worst was probably over",
            "demand from abroad was weakening",
            "the figures were better than expected",
            "companies were delaying investment",
        ),
    ),
}
TAILS = (
    "adding that further details would be released later",
    "but gave no details",
    "in a statement published on its website",
    "in an interview with a regional broadcaster",
    "speaking at a press conference in the capital",
    "without elaborating",
    "a view shared by several independent observers",
)


def _comment(rng: random.Random, voices: str, claim: str) -> str:
    """A sentence without a figure: someone said something."""
    verb = rng.choice(("said", "warned", "insisted", "argued", "acknowledged"))
    who = rng.choice(VOICES[voices][0])
    return f"{_cap(who)} {verb} that {claim}, {rng.choice(TAILS)}."


def write_article(
    rng: random.Random, event: Event, day: int, others: Sequence[Event]
) -> tuple[str, str]:
    """(headline, text): 3-10 sentences about `event` as on day `day`, in paragraphs."""
    a = Article(rng, event, day)
    sentences = WRITERS[event.kind](a)
    count = round(rng.triangular(3, 10, 9))  # most articles run to several paragraphs
    chosen = [rng.choice(sentences.lead)()]
    body, prose = list(sentences.body), list(sentences.prose)
    claims = list(VOICES[sentences.voices][1])
    for pool in (body, prose, claims):  # no article says the same thing twice
        rng.shuffle(pool)
    earlier = [o for o in others if o.start + timedelta(days=o.days) < a.today]
    for _ in range(count - 1):
        pick = rng.random()
        if pick < BODY_SHARE and body:
            chosen.append(body.pop()())
        elif pick < BODY_SHARE + 0.05 and earlier:
            chosen.append(_background(rng.choice(earlier)))
        elif (pick < BODY_SHARE + 0.5 or not claims) and prose:
            chosen.append(prose.pop())
        elif claims:
            chosen.append(_comment(rng, sentences.voices, claims.pop()))
    paragraphs: list[str] = []
    i = 0
    while i < len(chosen):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(chosen[i : i + size]))
        i += size
    return sentences.headline, "\n\n".join(paragraphs) + "\n"


def articles(seed: int, event_count: int) -> Iterator[Document]:
    """The endless, deterministic stream of articles: an event by popularity,
    a day of its coverage (most articles come early), an outlet."""
    rng = random.Random(seed)
    events = make_events(rng, event_count)
    weights = [e.weight for e in events]
    by_kind = {kind: [e for e in events if e.kind == kind] for kind in KINDS}
    outlets = list(OUTLETS) + [f"The {p.city} {paper}" for p in PLACES for paper in LOCAL_PAPERS]
    number = 0
    while True:
        event = rng.choices(events, weights)[0]
        day = min(int(rng.expovariate(1 / 2.5)), event.days - 1)
        published = event.start + timedelta(days=day)
        source = rng.choice(outlets)
        title, text = write_article(rng, event, day, by_kind[event.kind])
        if source in WIRES or rng.random() < 0.2:  # "LYON, Oct 16 (Reuters) - "
            month = MONTHS[published.month - 1][:3]
            credit = f" ({source})" if source in WIRES else ""
            text = f"{event.place.city.upper()}, {month} {published.day}{credit} - {text}"
        slug = "".join(c if c.isalnum() else "-" for c in source.lower())
        doc_id = f"news-{number:07d}"
        yield Document(
            id=doc_id,
            path=f"news/{slug}/{published.isoformat()}/{doc_id}.md",
            text=text,
            title=title,
            source=source,
            date=published.isoformat(),
        )
        number += 1


# --------------------------------------------------------------------------
# Extraction (or the cache of it)


@dataclass(slots=True)
class Corpus:
    """The figures of the first documents of the stream, with what they cost."""

    figures: list[Figure]
    topics: dict[str, frozenset[str]]  # per document: its title-and-lead terms
    doc_bytes: list[int]  # per document
    doc_figures: list[int]  # per document
    generate_seconds: float
    extract_seconds: float
    cached: str = ""  # how the cache was used

    def prefix(self, target: int) -> tuple[int, int, int]:
        """(documents, bytes, figures) of the shortest prefix with `target` figures."""
        figures = size = 0
        for docs, (count, length) in enumerate(
            zip(self.doc_figures, self.doc_bytes, strict=True), 1
        ):
            figures += count
            size += length
            if figures >= target:
                return docs, size, figures
        return len(self.doc_figures), size, figures


def build_corpus(target: int, seed: int, event_count: int) -> Corpus:
    """Generate documents until `target` figures are found, timing the stages."""
    # Warm-up, not timed: the grammar compiles and the vocabularies load on first use
    warm_up = Document("warm-up", "", "Exports rose 5% to $2 bln on Monday, 300 people said.")
    attribute_document(warm_up, extract_document(warm_up))
    figures: list[Figure] = []
    topics: dict[str, frozenset[str]] = {}
    doc_bytes: list[int] = []
    doc_figures: list[int] = []
    generating = extracting = 0.0
    stream = articles(seed, event_count)
    clock = time.perf_counter
    while len(figures) < target:
        started = clock()
        document = next(stream)
        generated = clock()
        found = attribute_document(document, extract_document(document))
        topics[document.id] = topic_terms(document)
        extracting += clock() - generated
        generating += generated - started
        figures.extend(found)
        doc_bytes.append(len(document.text.encode("utf-8")))
        doc_figures.append(len(found))
    return Corpus(figures, topics, doc_bytes, doc_figures, generating, extracting)


#: Parts of the package the extracted figures do not depend on: grouping,
#: judging and what uses them. Everything else (extract/, attribute/, the
#: model, any module they may come to import) is in the cache's digest.
DOWNSTREAM = frozenset(("compare", "rules", "report", "pipeline.py", "cli.py", "__main__.py"))


def _fingerprint() -> str:
    """A digest of what the cached figures depend on: this script and the
    package upstream of grouping."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(PACKAGE.rglob("*")):
        parts = path.relative_to(PACKAGE).parts
        if parts[0] in DOWNSTREAM or "__pycache__" in parts or not path.is_file():
            continue
        digest.update("/".join(parts).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load_corpus(target: int, seed: int, event_count: int, use_cache: bool) -> Corpus:
    if not use_cache:
        corpus = build_corpus(target, seed, event_count)
        corpus.cached = "off (--no-cache): extracted now"
        return corpus
    stem = f"figures-n{target}-seed{seed}-events{event_count}"
    path = CACHE / f"{stem}-{_fingerprint()}.pickle"
    if path.exists():
        with path.open("rb") as stream:
            corpus = pickle.load(stream)
        corpus.cached = f"used, {path} (extraction times are from when it was written)"
        return corpus
    corpus = build_corpus(target, seed, event_count)
    CACHE.mkdir(parents=True, exist_ok=True)
    for stale in CACHE.glob(f"{stem}-*.pickle"):  # made by other versions of the code
        stale.unlink()
    with path.open("wb") as stream:
        pickle.dump(corpus, stream, protocol=pickle.HIGHEST_PROTOCOL)
    corpus.cached = f"not used: extracted now, written to {path}"
    return corpus


# --------------------------------------------------------------------------
# Measurement


def _maxrss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MB if sys.platform == "darwin" else peak * 1024 / MB


@dataclass(frozen=True, slots=True)
class Run:
    """One timed grouping and judging, summarised (the groups themselves are
    dropped, so a later run does not pay for keeping them alive)."""

    figures: int
    documents: int
    kb: float
    grouping: float  # seconds
    judging: float  # seconds
    groups: int
    spanning: int  # groups with figures from more than one document
    largest: tuple[int, ...]  # sizes of the largest groups
    verdicts: Counter[str]


def group_and_judge(
    figures: list[Figure], topics: dict[str, frozenset[str]], documents: int, kb: float
) -> Run:
    gc.collect()
    started = time.perf_counter()
    groups = group_figures(figures, (), topics)
    grouped = time.perf_counter()
    verdicts = Counter(judge(group).verdict for group in groups)
    judged = time.perf_counter()
    return Run(
        figures=len(figures),
        documents=documents,
        kb=kb,
        grouping=max(grouped - started, 1e-9),
        judging=max(judged - grouped, 1e-9),
        groups=len(groups),
        spanning=sum(len({f.doc for f in g.figures}) > 1 for g in groups),
        largest=tuple(sorted((len(g.figures) for g in groups), reverse=True)[:5]),
        verdicts=verdicts,
    )


def _report(corpus: Corpus, run: Run, rss_extracted: float) -> None:
    kb, n = run.kb, run.figures
    extracting = max(corpus.extract_seconds, 1e-9)
    print(f"documents:     {run.documents:,}")
    print(f"text:          {kb:,.0f} KB ({kb / run.documents:.2f} KB per document)")
    print(f"figures:       {n:,} ({n / kb:.2f} per KB)")
    print(f"cache:         {corpus.cached}")
    print(f"generating:    {corpus.generate_seconds:.1f} s (not part of the pipeline)")
    print(
        f"extract+attr:  {extracting:.1f} s ({n / extracting:,.0f} figures/s, "
        f"{kb / 1000 / extracting:.2f} MB/s)"
    )
    print(f"grouping:      {run.grouping:.2f} s ({n / run.grouping:,.0f} figures/s)")
    print(f"judging:       {run.judging:.2f} s ({run.groups / run.judging:,.0f} groups/s)")
    print(
        f"groups:        {run.groups:,} ({run.spanning:,} span several documents; "
        f"largest {', '.join(f'{s:,}' for s in run.largest)} figures)"
    )
    print(
        "verdicts:      "
        + ", ".join(f"{name} {count:,}" for name, count in run.verdicts.most_common())
    )
    print(
        f"peak RSS:      {_maxrss_mb():,.0f} MB (ru_maxrss of the whole run; "
        f"{rss_extracted:,.0f} MB once the figures were in memory)"
    )


def _scaling(runs: list[Run]) -> None:
    print("scaling: grouping on prefixes of the same stream (same stories, fewer articles)")
    print("  figures   documents  grouping s   figures/s    groups   judging s   vs previous")
    previous: Run | None = None
    for run in runs:
        ratio = ""
        if previous:
            ratio = (
                f"x{run.grouping / previous.grouping:.2f} time for "
                f"x{run.figures / previous.figures:.2f} figures"
            )
        print(
            f"  {run.figures:>7,}  {run.documents:>10,}  {run.grouping:>10.2f}  "
            f"{run.figures / run.grouping:>10,.0f}  {run.groups:>8,}  "
            f"{run.judging:>10.2f}   {ratio}"
        )
        previous = run
    first, last = runs[0], runs[-1]
    growth = last.figures / first.figures
    ratio = last.grouping / first.grouping
    exponent = math.log(ratio) / math.log(growth) if growth > 1 else float("nan")
    print(
        f"  grouping time N/4 -> N: x{ratio:.2f} for x{growth:.2f} figures "
        f"(linear x{growth:.1f}, quadratic x{growth**2:.1f}); "
        f"time ~ figures^{exponent:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--figures", type=int, default=200_000, help="target number of figures (default 200000)"
    )
    parser.add_argument(
        "--scaling", action="store_true", help="also group N/4 and N/2 figures, print the ratios"
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the generator (default 7)")
    parser.add_argument(
        "--events", type=int, default=300, help="number of news events (default 300)"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="extract again even if figures are cached"
    )
    args = parser.parse_args(argv)
    if args.figures < 4:
        parser.error("--figures must be at least 4")
    if args.events < 2:
        parser.error("--events must be at least 2")

    print(
        f"check_bench: {args.figures:,} figures wanted, seed {args.seed}, {args.events} events; "
        f"{platform.machine()}, Python {platform.python_version()}, one core, "
        f"{os.cpu_count()} available"
    )
    corpus = load_corpus(args.figures, args.seed, args.events, not args.no_cache)
    rss_extracted = _maxrss_mb()
    for group in group_figures(
        corpus.figures[:200], (), corpus.topics
    ):  # warm-up: first-use loading, not timed
        judge(group)
    targets = [args.figures // 4, args.figures // 2, args.figures] if args.scaling else []
    runs = []
    for target in targets or [args.figures]:
        docs, size, count = corpus.prefix(target)
        runs.append(group_and_judge(corpus.figures[:count], corpus.topics, docs, size / KB))
    _report(corpus, runs[-1], rss_extracted)
    if args.scaling:
        _scaling(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
