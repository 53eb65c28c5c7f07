"""The one unit registry every stage converts and compares through.

pint's defaults, extended from `units.txt` (pint's own definition format)
with what news needs and pint lacks: percentage points, `bcm`, and every
currency of `currencies.py` as a dimension of its own.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from factcheck.currencies import currency_codes

if TYPE_CHECKING:
    import pint


@cache
def registry() -> pint.UnitRegistry:
    """Build the registry once, when a unit is first asked about: importing pint
    and loading its definitions takes most of a second that `--help` or a
    run without units need not pay."""
    import pint

    ureg = pint.UnitRegistry(cache_folder=None)
    definitions = resources.files("factcheck").joinpath("units.txt").read_text("utf-8")
    for line in definitions.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            ureg.define(line)
    for code in sorted(currency_codes()):  # each its own dimension: no silent exchange rate
        ureg.define(f"{code} = [currency_{code}]")
    return ureg


def dimension(unit: str) -> str:
    """A stable name for what a unit measures: `[time]`, `[currency_USD]`, `count`.

    Figures are only compared when their dimensions agree; percent, count
    and percentage_point are dimensionless to pint, so they keep their own
    names here.
    """
    if unit in ("percent", "count"):
        return unit
    import pint

    try:
        return str(registry().get_dimensionality(unit))
    except (pint.UndefinedUnitError, pint.DefinitionSyntaxError, AttributeError, TypeError):
        return unit


def convert(value: float, unit: str, to: str) -> float:
    """`value` in `unit` expressed in `to`; raises pint's errors when they differ in kind."""
    if unit == to:
        return value
    return float(registry().Quantity(value, unit).to(to).magnitude)


def convert_interval(
    interval: tuple[float | None, float | None], unit: str, to: str
) -> tuple[float | None, float | None]:
    """An interval in `unit` expressed in `to` (30 minute -> 0.5 hour); None ends
    stay open. Percent and count are never converted (pint would read 30
    percent as 0.3), nor units pint cannot convert: those compare as written."""
    if unit == to or "percent" in (unit, to) or "count" in (unit, to):
        return interval
    import pint

    try:
        return tuple(None if end is None else convert(end, unit, to) for end in interval)  # type: ignore[return-value]
    except (pint.errors.PintError, AttributeError, TypeError, ValueError):
        return interval


def is_time(unit: str) -> bool:
    """True for units of duration (hour, day, year...)."""
    return dimension(unit) == "[time]"
