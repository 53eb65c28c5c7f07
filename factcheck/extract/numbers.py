"""Read a number as written, in digits or words, into its value and precision.

The precision is half the last written place ("30" -> 0.5, "1.25" -> 0.005,
"two million" -> 500000): what the writer's rounding allows, which the
comparison interval widens by.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from factcheck.extract.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Number:
    """A number as read: its value and the rounding its writing allows."""

    value: float
    rounding: float


_SEPARATORS = regex.compile(r"[,\s\u00a0\u202f]")
_WORD_SPLIT = regex.compile(r"[\s\-‐]+")


def read_digits(text: str) -> Number | None:
    """`2,400` -> 2400; `12 500` -> 12500; `82,86` (decimal comma) -> 82.86; `2 1/2` -> 2.5."""
    text = text.replace("−", "-")
    if "/" in text:
        return _read_fraction(text)
    if regex.fullmatch(r"[-+]?\d+,\d{1,2}", text):  # decimal comma: only ever matched before %
        text = text.replace(",", ".")
    else:
        text = _SEPARATORS.sub("", text)
    try:
        value = float(text)
    except ValueError:
        return None
    decimals = len(text.split(".")[1]) if "." in text else 0
    return Number(value, 0.5 * 10.0**-decimals)


def _read_fraction(text: str) -> Number | None:
    whole, _, fraction = text.rpartition(" ")
    numerator, _, denominator = fraction.partition("/")
    if not (numerator.isdigit() and denominator.isdigit()):
        return None
    num, den = int(numerator), int(denominator)
    if not (0 < num < den <= 10):
        return None  # 5/23 is a date, 24/7 a phrase: only small proper fractions are numbers
    value = num / den + (float(whole) if whole.strip().isdigit() else 0.0)
    return Number(value, 0.5 / den)


def read_words(text: str, lex: Lexicon) -> Number | None:
    """`twenty-eight` -> 28; `three hundred and five` -> 305; `one and a half` -> 1.5.

    The usual left-to-right reading: cardinals add up, `hundred` multiplies
    the group so far, larger scales close a group into the total.
    """
    words = [w for w in _WORD_SPLIT.split(text.lower()) if w and w != "and"]
    half = False
    if words[-2:] == ["a", "half"]:
        half, words = True, words[:-2]
    total = group = 0.0
    smallest_scale = 1.0
    for word in words:
        if word in ("a", "an"):
            group = group or 1
        elif word in lex.cardinals:
            group += lex.cardinals[word]
        elif word == "hundred":
            group = (group or 1) * 100
            smallest_scale = 100
        elif word in lex.scales:
            total += (group or 1) * lex.scales[word]
            smallest_scale = lex.scales[word]
            group = 0
        else:
            return None
    value = total + group
    if half:
        # "two and a half million": the half belongs to the scale just read
        scale = smallest_scale if group == 0 and total else 1.0
        value += 0.5 * scale
        return Number(value, 0.25 * scale)
    rounding = 0.5 * (smallest_scale if group == 0 and total else 1.0)
    return Number(value, rounding)
