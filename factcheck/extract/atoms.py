"""An atom: one amount as the grammar matched it, read into value and unit.

An atom knows only what its own characters say ("$2 bln" is 2e9 USD);
qualifiers, ranges, counted nouns and change are read from the words
around it afterwards (`extractor`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.extract.lexicon import Lexicon
from factcheck.extract.numbers import (
    Number,
    fraction_named,
    read_denominator,
    read_digits,
    read_words,
)
from factcheck.extract.patterns import Grammar

#: The grammar branches that read a number, in the order they are tried.
_SOURCES = (
    "digits",
    "mixed",
    "collective",
    "scaled_fraction",
    "share",
    "vague",
    "ratio",
    "words",
    "article",
    "multiplying",
    "percent_of",
)
_SPACES = re.compile(r"[\s\-‐]+")
_BARE_SUBUNIT = 0.01  # "15 dollars 50": the coin of a currency is a hundredth


class Atom(NamedTuple):
    """One amount with its currency, multiplier and unit, as written.

    A named tuple rather than a frozen dataclass: as immutable, and built
    five times faster, which counts at one atom per number in the corpus.
    """

    start: int
    end: int
    value: float
    rounding: float
    unit: str
    kind: str
    source: str  # which grammar branch read it: digits, words, share, vague...
    has_unit: bool = False  # a unit, currency or % was written (not a bare count)
    has_scale: bool = False
    plain_integer: bool = False  # digits only, no separator or decimal: could be a year
    fixed_interval: tuple[float, float] | None = None  # vague amounts and shares
    approx: bool = False  # vague amounts ("several", "dozens of")
    change: bool = False  # "doubled", "threefold"


def read_atom(match: re.Match[str], lex: Lexicon, gram: Grammar) -> Atom | None:
    """Read a grammar match of the `atom` branch; None when it is no number after all."""
    groups = match.groupdict()
    for source in _SOURCES:  # exactly one of them matched
        number_text = groups[source]
        if number_text is not None:
            break
    number = _read_number(source, number_text, lex)
    if number is None:
        return None
    value, rounding = number.value, number.rounding
    sign = (groups["sign"] or "").strip().lower()
    if sign in ("-", "−") or sign in lex.negative_words:
        value = -value
    fixed = _vague_interval(number_text, lex) if source == "vague" else None

    scale_text = (groups["scale"] or "").strip().rstrip(".")
    end = match.end("atom")
    written_unit = groups["prefix"] or groups["unit"]
    metres = None if written_unit else gram.metre_after.match(match.string, end)
    if metres and (scale_text == "m" or (metres.group("spaced") and not scale_text)):
        scale_text, groups = "", {**groups, "unit": "metres"}  # "1.8m tall", "2.1 m above"
        end = metres.end("spaced") if metres.group("spaced") else end
    if scale_text:
        factor = _scale(scale_text, lex)
        value, rounding = value * factor, rounding * factor
        if fixed:
            fixed = (fixed[0] * factor, fixed[1] * factor)

    unit, kind, has_unit = "count", "count", False
    prefix, unit_text = groups["prefix"], groups["unit"]
    if prefix:
        unit, kind, has_unit = _currency(prefix.strip(), lex), "money", True
        if prefix.strip() in lex.scaled_codes:  # "MAUD 60"
            factor = lex.scaled_codes[prefix.strip()][1]
            value, rounding = value * factor, rounding * factor
    if unit_text:
        resolved = _unit(unit_text, lex)
        if resolved is None or (prefix and resolved[1] != "money"):
            return None
        unit, kind, factor = resolved
        value, rounding, has_unit = value * factor, rounding * factor, True
        if groups["unit_tail"]:  # "a day and a half", "two hours and a quarter"
            value += _fraction_tail(groups["unit_tail"], lex) * factor
    unit_scale = groups["unit_scale"]
    if unit_scale and kind == "money":  # "75 USD million"
        factor = _scale(unit_scale.strip(), lex)
        value, rounding = value * factor, rounding * factor
    elif unit_scale:
        return None
    tail = groups["tail"]
    if tail:  # "3 million and a half"
        scale_factor = _scale(scale_text, lex) if scale_text else 1.0
        value += _fraction_tail(tail, lex) * scale_factor
    cents = groups["cents"]
    if cents is None and kind == "money" and unit_text and unit_text not in lex.currency_symbols:
        bare = gram.bare_cents.match(match.string, end)
        if bare is not None:
            cents, end = bare.group(), bare.end()
    if cents and kind == "money":  # "3 dollars 50 cents", "15 dollars 50"
        value += _subunits(cents, lex)
    if source == "share" and unit_text:
        value, rounding = value / 100, 0.0  # "one-half miles": a fraction of the unit
    elif source == "share":
        unit, kind, has_unit = "percent", "percent", True
        fixed = (value - lex.share_tolerance, value + lex.share_tolerance)
    if source == "percent_of":  # "per cent of 210"
        unit, kind, has_unit = "percent", "percent", True
    if source == "article" and kind != "duration":
        return None
    if source == "multiplying":
        unit, kind = "times", "quantity"

    digits = groups["digits"] or ""
    return Atom(
        start=match.start("atom"),
        end=end,
        value=value,
        rounding=rounding,
        unit=unit,
        kind=kind,
        source=source,
        has_unit=has_unit,
        has_scale=bool(scale_text),
        plain_integer=digits.isdigit(),
        fixed_interval=fixed,
        approx=source == "vague",
        change=source == "multiplying" or (unit_text or "").lower() == "fold",
    )


def _read_number(source: str, text: str, lex: Lexicon) -> Number | None:
    if source == "digits" and text[-1:] in lex.vulgar_fractions:  # "½", "2¾"
        whole = read_digits(text[:-1]) if text[:-1] else None
        fraction = lex.vulgar_fractions[text[-1]]
        return Number((whole.value if whole else 0.0) + fraction, 0.0)
    if source == "digits":
        return read_digits(text)
    if source in ("words", "mixed"):
        return read_words(text, lex)
    lowered = _SPACES.sub(" ", text.lower())
    if source == "ratio":
        return _read_ratio(lowered, lex)
    if source == "percent_of":
        amount = lowered.partition(" of ")[2]
        return read_digits(amount) if amount[:1].isdigit() else read_words(amount, lex)
    if source == "article":
        return Number(1.0, 0.0)
    if source == "multiplying":
        return Number(float(lex.multiplying_verbs[lowered]), 0.0)
    if source == "scaled_fraction":
        return _read_scaled_fraction(lowered, lex)
    if source == "collective":
        *count, collective = lowered.split(" ")
        base = 0.5 if count[:1] == ["half"] else _small_number(" ".join(count), lex) or 1.0
        return Number(base * lex.collectives[collective], 0.5)
    if source == "vague":
        return Number(_vague_value(lowered, lex), 0.5)
    return _read_share(lowered, lex)


def _read_ratio(text: str, lex: Lexicon) -> Number | None:
    """`one over three` -> 0.333; `negative one over 20` -> -0.05."""
    part, _, whole = text.partition(" over ")
    negative = part.split(" ", 1)[0] in lex.negative_words
    if negative:
        part = part.split(" ", 1)[1]
    numerator, denominator = _small_number(part, lex), _small_number(whole, lex)
    if numerator is None or not denominator:
        return None
    value = numerator / denominator
    return Number(-value if negative else value, 0.0)


def _read_share(text: str, lex: Lexicon) -> Number | None:
    """`half` -> 50; `two thirds` -> 66.7; `one in five` -> 20 (percent)."""
    if text == "half":
        return Number(50.0, 0.0)
    if " in " in text:
        part, _, whole = text.partition(" in ")
        numerator, denominator = _small_number(part, lex), _small_number(whole, lex)
        if not numerator or not denominator or numerator >= denominator:
            return None
        return Number(100.0 * numerator / denominator, 0.0)
    count_text, *named = text.split(" ")  # the grammar's numerator is one word
    part = fraction_named(named, lex)
    if part is None:
        return None
    count = _small_number(count_text, lex) or 1.0
    return Number(100.0 * count * part, 0.0)


def _fraction_tail(text: str, lex: Lexicon) -> float:
    """` and a half` -> 0.5; ` and three quarters` -> 0.75; ` and a thirtieth`."""
    words = _SPACES.sub(" ", text.strip().lower()).split(" ")
    size, part = read_denominator(words, lex) or (1, 0.0)
    return (_small_number(words[-size - 1], lex) or 1.0) * part


def _subunits(text: str, lex: Lexicon) -> float:
    """` and 50 cents` -> 0.5; a bare ` 50` after the currency is cents too."""
    words = _SPACES.sub(" ", text.strip().lower()).removeprefix("and ").rsplit(" ", 1)
    if words[-1] in lex.subunits:
        return (_small_number(words[0], lex) or 0.0) * lex.subunits[words[-1]]
    return (_small_number(" ".join(words), lex) or 0.0) * _BARE_SUBUNIT


def _read_scaled_fraction(text: str, lex: Lexicon) -> Number | None:
    """`half a million` -> 500000; `two thirds of a million` -> 666667."""
    words = [w for w in text.split(" ") if w not in ("of", "a", "an")]
    *count, fraction, scale = words
    numerator = _small_number(" ".join(count), lex) if count else 1.0
    if numerator is None:
        return None
    return Number(numerator * lex.fractions[fraction] * lex.scales[scale], 0.0)


def _small_number(text: str, lex: Lexicon) -> float | None:
    if text in ("a", "an"):
        return 1.0
    number = read_digits(text) if text[:1].isdigit() else read_words(text, lex)
    return number.value if number else None


def _vague_value(text: str, lex: Lexicon) -> float:
    """`several hundred` -> 300; `dozens` -> 24; `tens of thousands` -> 10000."""
    if text.startswith(("tens of", "hundreds of")):
        head, _, scale = text.partition(" of ")
        return (10.0 if head == "tens" else 100.0) * lex.vague[scale].value
    head, _, scale = _split_vague(text, lex)
    multiplier = lex.scales.get(scale) or lex.collectives.get(scale) or 1
    return lex.vague[head].value * multiplier


def _vague_interval(text: str, lex: Lexicon) -> tuple[float, float]:
    lowered = _SPACES.sub(" ", text.lower())
    if lowered.startswith(("tens of", "hundreds of")):
        value = _vague_value(lowered, lex)
        return value, value * 10 - 1
    head, _, scale = _split_vague(lowered, lex)
    multiplier = lex.scales.get(scale) or lex.collectives.get(scale) or 1
    entry = lex.vague[head]
    return entry.low * multiplier, entry.high * multiplier


def _split_vague(text: str, lex: Lexicon) -> tuple[str, str, str]:
    """`a few hundred` -> ("a few", " ", "hundred"); `several` -> ("several", "", "")."""
    for head in sorted(lex.vague, key=len, reverse=True):
        if text == head or text.startswith(head + " "):
            return head, " ", text[len(head) :].strip()
    return text, "", ""


def _scale(text: str, lex: Lexicon) -> float:
    factor = lex.abbreviated_scales.get(text) or lex.spaced_scales.get(text)
    return float(factor or lex.scales.get(text.lower(), 1))


def _currency(text: str, lex: Lexicon) -> str:
    scaled = lex.scaled_codes.get(text)
    return lex.currency_symbols.get(text) or lex.currency_codes.get(text) or scaled[0]


def _unit(text: str, lex: Lexicon) -> tuple[str, str, float] | None:
    """Canonical unit, kind and factor of a unit word, currency or `fold`."""
    lowered = _SPACES.sub(" ", text.lower())
    if lowered in ("fold", "times"):
        return "times", "quantity", 1.0
    currency = (
        lex.currency_symbols.get(text)
        or lex.currency_codes.get(text)
        or lex.currency_names.get(lowered)
    )
    if currency:
        return currency, "money", 1.0
    if text in lex.scaled_codes:  # "30 MUSD"
        code, factor = lex.scaled_codes[text]
        return code, "money", factor
    word = lex.units.get(text) or lex.units.get(lowered) or lex.units.get(_SPACES.sub(" ", text))
    if word is None:
        return None
    if word.unit in ("percent", "percentage_point"):
        return word.unit, "percent", word.factor
    kind = "duration" if word.duration else "quantity"
    return word.unit, kind, word.factor
