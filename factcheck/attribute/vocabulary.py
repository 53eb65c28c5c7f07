"""The attribution word tables (`words.toml`), loaded once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Lookups keyed by lower-cased word."""

    places: dict[str, str]  # demonym or spelling -> place
    parties: frozenset[str]
    stopwords: frozenset[str]
    verbs: frozenset[str]  # between a measure and its figure
    share_verbs: frozenset[str]  # "S accounts for N of X"
    scope: dict[str, list[str]]  # the [scope] tables
    capitals: dict[str, str]  # capital -> its country, for holders and measures


@cache
def vocabulary() -> Vocabulary:
    data = tomllib.loads(
        resources.files("factcheck.attribute").joinpath("words.toml").read_text("utf-8")
    )
    places = {place: place for place in data["places"]}
    places |= {word: place for place, words in data["places"].items() for word in words}
    return Vocabulary(
        places=places,
        parties=frozenset(data["parties"]),
        stopwords=frozenset(data["stopwords"]),
        verbs=frozenset(data["verbs"]),
        share_verbs=frozenset(data["share_verbs"]),
        scope=data["scope"],
        capitals={city: place for place, cities in data["capitals"].items() for city in cities},
    )
