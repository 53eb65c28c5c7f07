"""The word lists the extractor reads, loaded from the TOML tables beside it.

Linguists extend `lexicon/*.toml`; this module only turns those tables into
lookups keyed by lower-cased surface form, so that no word list lives in
code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from factcheck.currencies import currency_words


@dataclass(frozen=True, slots=True)
class UnitWord:
    """What a unit word stands for: `350 basis points` is 3.5 percentage_point."""

    unit: str
    factor: float = 1.0
    duration: bool = False  # a unit of time


@dataclass(frozen=True, slots=True)
class Approximation:
    """How far an approximate figure may lie under and over its value (fractions)."""

    below: float
    above: float


@dataclass(frozen=True, slots=True)
class Vague:
    """A vague amount ("several", "hundreds of"): its value and compatible range."""

    value: float
    low: float
    high: float


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Every word list, keyed by lower-cased surface form."""

    cardinals: dict[str, int]
    scales: dict[str, int]
    abbreviated_scales: dict[str, int]
    spaced_scales: dict[str, int]
    collectives: dict[str, int]
    vague: dict[str, Vague]
    fractions: dict[str, float]
    ordinals: dict[str, int]  # "twentieth"/"twentieths" -> 20, made from the cardinals
    vulgar_fractions: dict[str, float]
    negative_words: tuple[str, ...]
    percent_first: tuple[str, ...]  # "per cent of 210"
    subunits: dict[str, float]
    share_tolerance: float
    multiplying_verbs: dict[str, float]
    exact_words: tuple[str, ...]
    approx: dict[str, Approximation]
    bounds: dict[str, str]
    bounds_after: dict[str, str]
    about_as_preposition: frozenset[str]
    benchmark_nouns: frozenset[str]
    range_openers: tuple[str, ...]
    range_joins: tuple[str, ...]
    bound_joins: tuple[str, ...]
    units: dict[str, UnitWord]
    exact_case_units: frozenset[str]
    metre_after: tuple[str, ...]  # words after "N m" that make it metres, not a million
    currency_symbols: dict[str, str]
    currency_codes: dict[str, str]
    scaled_codes: dict[str, tuple[str, float]]
    currency_names: dict[str, str]
    change_verbs: frozenset[str]
    change_nouns: frozenset[str]
    comparatives: tuple[str, ...]
    rate_words: tuple[str, ...]
    months: frozenset[str]
    weekdays: frozenset[str]
    time_suffixes: tuple[str, ...]
    identifier_words: frozenset[str]
    noun_stops: frozenset[str]
    ordinal_words: frozenset[str]
    not_a_count_before_one: frozenset[str]
    article_rate_words: frozenset[str]
    article_time_references: tuple[str, ...]
    duration_followers: frozenset[str]


def _table(name: str) -> dict[str, Any]:
    data = resources.files("factcheck.extract").joinpath("lexicon", name).read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def _ordinals(cardinals: dict[str, int], endings: dict[str, str]) -> dict[str, int]:
    """Ordinal words, singular and plural, for the cardinals 1 to 99:
    twenty -> twentieth(s), three -> third(s), seven -> seventh(s)."""
    by_length = sorted(endings, key=len, reverse=True)
    ordinals = {}
    for word, value in cardinals.items():
        if not 0 < value < 100:
            continue
        ending = next((e for e in by_length if word.endswith(e)), None)
        ordinal = word[: len(word) - len(ending)] + endings[ending] if ending else word + "th"
        ordinals[ordinal] = ordinals[ordinal + "s"] = value
    return ordinals


@cache
def lexicon() -> Lexicon:
    """Load every table once per process."""
    numbers = _table("numbers.toml")
    qualifiers = _table("qualifiers.toml")
    currencies = currency_words()
    unit_table = _table("units.toml")
    changes = _table("changes.toml")
    context = _table("context.toml")

    exact_case = unit_table.pop("exact_case")["words"]
    metre_after = unit_table.pop("metre_or_million")["after"]
    units = {
        word if word in exact_case else word.lower(): UnitWord(
            entry.get("unit", name),
            float(entry.get("factor", 1.0)),
            entry.get("kind") == "duration",
        )
        for name, entry in unit_table.items()
        for word in entry["words"]
    }
    bounds = {
        phrase: code for code in ("gt", "ge", "lt", "le") for phrase in qualifiers[code]["words"]
    }
    return Lexicon(
        cardinals=numbers["cardinals"],
        scales=numbers["scales"],
        abbreviated_scales=numbers["abbreviated_scales"],
        spaced_scales=numbers["spaced_scales"],
        collectives=numbers["collectives"],
        vague={word: Vague(**entry) for word, entry in numbers["vague"].items()},
        fractions=numbers["fractions"],
        ordinals=_ordinals(numbers["cardinals"], numbers["ordinal_endings"]),
        vulgar_fractions=numbers["vulgar_fractions"],
        negative_words=tuple(numbers["negative_words"]["words"]),
        percent_first=tuple(numbers["percent_first"]["words"]),
        subunits=numbers["subunits"],
        share_tolerance=float(numbers["share_words"]["tolerance"]),
        multiplying_verbs=numbers["multiplying_verbs"],
        exact_words=tuple(qualifiers["exact"]["words"]),
        approx={word: Approximation(**spread) for word, spread in qualifiers["approx"].items()},
        bounds=bounds,
        bounds_after=qualifiers["after"],
        about_as_preposition=frozenset(qualifiers["about_as_preposition"]["after"]),
        benchmark_nouns=frozenset(qualifiers["benchmarks"]["nouns"]),
        range_openers=tuple(qualifiers["range"]["open"]),
        range_joins=tuple(qualifiers["range"]["join"]),
        bound_joins=tuple(qualifiers["range"]["bound_join"]),
        units=units,
        exact_case_units=frozenset(exact_case),
        metre_after=tuple(metre_after),
        currency_symbols=currencies.symbols,
        currency_codes=currencies.codes,
        scaled_codes={
            scale + s: (code, float(factor))
            for scale, factor in numbers["code_scales"].items()
            for s, code in currencies.codes.items()
        },
        currency_names=currencies.names,
        change_verbs=frozenset(changes["verbs"]),
        change_nouns=frozenset(changes["nouns"]),
        comparatives=tuple(changes["comparatives"]),
        rate_words=tuple(changes["rates"]),
        months=frozenset(context["months"]),
        weekdays=frozenset(context["weekdays"]),
        time_suffixes=tuple(context["time_suffixes"]),
        identifier_words=frozenset(context["identifier_words"]),
        noun_stops=frozenset(context["noun_stops"]),
        ordinal_words=frozenset(context["ordinal_words"]),
        not_a_count_before_one=frozenset(context["not_a_count_before_one"]),
        article_rate_words=frozenset(context["article_rate_words"]),
        article_time_references=tuple(context["article_time_references"]),
        duration_followers=frozenset(context["duration_followers"]),
    )
