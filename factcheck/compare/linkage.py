"""The weights and thresholds of automatic grouping (`linkage.toml`), loaded once.

One data file holds every number grouping weighs, each with a comment on
why it has its value, so that tuning is an edit of data, never of code.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Linkage:
    """The weights and thresholds of `linkage.toml`."""

    threshold: float
    related: float
    weights: Mapping[str, float]
    near_ratio: float
    close_digits_ratio: float
    far_ratio: float
    cluster_spread: float
    tally_spread: float
    percent_spread: float
    percent_points: float
    story_floor: float
    story_terms: int
    same_time_days: int
    tally_story_floor: float
    neighbours: int
    value_neighbours: int
    context_neighbours: int
    context_keys: int
    max_share: float


@cache
def linkage() -> Linkage:
    """Load `linkage.toml` once."""
    data = tomllib.loads(
        resources.files("factcheck.compare").joinpath("linkage.toml").read_text("utf-8")
    )
    values, blocking = data["values"], data["blocking"]
    return Linkage(
        threshold=data["threshold"],
        related=data["related"],
        weights=data["weights"],
        near_ratio=values["near_ratio"],
        close_digits_ratio=values["close_digits_ratio"],
        far_ratio=values["far_ratio"],
        cluster_spread=values["cluster_spread"],
        tally_spread=values["tally_spread"],
        percent_spread=values["percent_spread"],
        percent_points=values["percent_points"],
        story_floor=data["story_floor"],
        story_terms=data["story_terms"],
        same_time_days=data["same_time_days"],
        tally_story_floor=data["tally_story_floor"],
        neighbours=blocking["neighbours"],
        value_neighbours=blocking["value_neighbours"],
        context_neighbours=blocking["context_neighbours"],
        context_keys=blocking["context_keys"],
        max_share=blocking["max_share"],
    )
