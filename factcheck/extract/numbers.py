"""Read a number as written, in digits or words, into its value and precision.

The precision is half the last written place ("30" -> 0.5, "1.25" -> 0.005,
"two million" -> 500000): what the writer's rounding allows, which the
comparison interval widens by.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.extract.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Number:
    """A number as read: its value and the rounding its writing allows."""

    value: float
    rounding: float


#: The largest magnitude read as a figure. News stops well short of it (the
#: world's yearly output is about 1e14 dollars, the worst recorded inflation,
#: Hungary's in 1946, about 4e29 percent a year); a longer number is a code,
#: a serial or noise, and is no figure.
LARGEST = 1e30
#: Digits an exponent may have ("1.5e12", "10^-6"); more is no figure either.
_EXPONENT_DIGITS = 3


def news_sized(value: float) -> bool:
    """A finite value that news could print: never inf, NaN or beyond `LARGEST`."""
    return math.isfinite(value) and abs(value) <= LARGEST


def _sized(number: Number | None) -> Number | None:
    if number is None or not (news_sized(number.value) and math.isfinite(number.rounding)):
        return None
    return number


_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d{1,2}")
_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
_POWER = re.compile(  # mantissa, base, exponent; "x" or the multiplication sign
    r"([-+]?\d+(?:\.\d+)?)(?:\s?[x\u00d7]\s?(\d+))?(?:\^|(?:(?<=[x\u00d7]10)|(?<=[x\u00d7]\s10))(?=-))([-+]?\d+)"
)
_WORD_SPLIT = re.compile(r"[\s\-‐]+")


def read_digits(text: str) -> Number | None:
    """`2,400` -> 2400; `12 500` -> 12500; `82,86` (decimal comma) -> 82.86; `2 1/2` -> 2.5.
    None when the digits are no figure news prints (see `LARGEST`)."""
    return _sized(_read_digits(text))


def _read_digits(text: str) -> Number | None:
    whole, point, decimals = text.partition(".")
    if (
        whole.isascii()
        and whole.isdigit()
        and (not point or (decimals.isascii() and decimals.isdigit()))
    ):
        return Number(float(text), 0.5 * 10.0 ** -len(decimals))  # "30", "1.25": most figures
    text = text.replace("−", "-")
    if "/" in text:
        return _read_fraction(text)
    power = _POWER.fullmatch(text)
    if power:  # "1.3x10^6", "2.48x10-5" (also with the multiplication and minus signs), "2^10"
        mantissa, base, exponent = power.groups()
        if len(exponent.lstrip("+-")) > _EXPONENT_DIGITS:
            return None
        if base is None:
            mantissa, base = "1", mantissa
        try:
            scale = float(base) ** int(exponent)
        except (OverflowError, ZeroDivisionError):
            return None
        decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
        return Number(float(mantissa) * scale, 0.5 * 10.0**-decimals * scale)
    # a decimal comma ("82,86") is only ever matched before %; other commas group thousands
    text = text.replace(",", ".") if _DECIMAL_COMMA.fullmatch(text) else _SEPARATORS.sub("", text)
    try:
        value = float(text)
    except ValueError:
        return None
    mantissa, _, exponent = text.lower().partition("e")
    if len(exponent.lstrip("+-")) > _EXPONENT_DIGITS or not news_sized(value):
        return None
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return Number(value, 0.5 * 10.0 ** max(int(exponent or 0) - decimals, -300))


def _read_fraction(text: str) -> Number | None:
    whole, _, fraction = text.rpartition(" ")
    numerator, _, denominator = fraction.partition("/")
    if not (numerator.isdigit() and denominator.isdigit()):
        return None
    num, den = int(numerator), int(denominator)
    if not (0 < num < den and (den <= 10 or den > 31)):
        return None  # 5/23 is a date, 24/7 a phrase: proper fractions no date can be are numbers
    value = num / den + (float(whole) if whole.strip().isdigit() else 0.0)
    return Number(value, 0.5 / den)


def read_words(text: str, lex: Lexicon) -> Number | None:
    """`twenty-eight` -> 28; `three hundred and five` -> 305; `one and a half` -> 1.5.

    The usual left-to-right reading: cardinals add up, `hundred` multiplies
    the group so far, larger scales close a group into the total. `point`
    starts decimals ("two point five"); a closing "and a half" or "and two
    thirds" adds a fraction of the last scale read ("two million and a
    half" is 2.5 million). None when the words name no figure news prints
    ("two billion billion billion ...", see `LARGEST`).
    """
    try:
        return _sized(_read_words(text, lex))
    except OverflowError:
        return None


def _read_words(text: str, lex: Lexicon) -> Number | None:
    words = [w for w in _WORD_SPLIT.split(text.lower()) if w]
    negative = bool(words) and words[0] in lex.negative_words
    words = words[1:] if negative else words
    words, fraction, fraction_of = _split_fraction(words, lex)
    divisor = 1.0
    plural = read_denominator(words, lex) if words and words[-1].endswith("s") else None
    if plural:  # "twenty fifths", "one hundred thirty-fifths"
        divisor, words = 1 / plural[1], words[: -plural[0]]
    words, decimals = _split_decimals(words, lex)
    total = group = chunk = 0.0
    last_scale = 1.0
    previous = ""
    for word in words:
        if word == "and":
            continue
        if word in ("a", "an"):
            group = group or 1
        elif word in lex.cardinals:
            group += lex.cardinals[word]
        elif word.isdigit():  # "4 thousand 3 hundred and 21"
            group += int(word)
        elif word == "hundred":
            group = (group or 1) * 100
            last_scale = 100
        elif word in lex.scales and previous in lex.scales and previous != "hundred" and not group:
            total += chunk * (lex.scales[word] - 1)  # "two thousand million", "three lakh crore"
            chunk *= lex.scales[word]
            last_scale *= lex.scales[word]
        elif word in lex.scales:
            chunk = (group or 1) * lex.scales[word]
            total += chunk
            last_scale = lex.scales[word]
            group = 0
        else:
            return None
        previous = word
    if decimals is None:
        return None
    ends_on_scale = group == 0 and total > 0
    unit = last_scale if ends_on_scale else 1.0
    value = (total + group + decimals[0] + fraction * (fraction_of or unit)) / divisor
    rounding = decimals[1] if decimals[1] else (0.25 if fraction else 0.5) * unit / divisor
    return Number(-value if negative else value, rounding)


def _split_fraction(words: list[str], lex: Lexicon) -> tuple[list[str], float, float | None]:
    """Take a closing "and a half" / "and two thirds" off the words; "and a half
    million" is half a million more."""
    scaled = len(words) >= 4 and words[-1] in lex.scales and words[-2] in lex.fractions
    if scaled and words[-4] == "and":
        rest, fraction, _ = _split_fraction(words[:-1], lex)
        if rest and rest[-1] in lex.scales:  # "one billion and a half million"
            return rest, fraction, float(lex.scales[words[-1]])
        return [*rest, words[-1]], fraction, None  # "five and a half million"
    found = read_denominator(words, lex)
    if found and len(words) >= found[0] + 2 and words[-found[0] - 2] == "and":
        size, part = found
        count = words[-size - 1]
        numerator = 1 if count in ("a", "an") else lex.cardinals.get(count, 0)
        if 0 < numerator < 20:  # "and three fifths"; "and thirty fifths" is 130 fifths
            return words[: -size - 2], numerator * part, None
    return words, 0.0, None


def fraction_named(words: list[str], lex: Lexicon) -> float | None:
    """The fraction a denominator in words names: "fifths" -> 0.2; "twenty first"
    -> 1/21; "one hundred and fifth" -> 1/105; "one hundredth" -> 0.01."""
    if not words:
        return None
    *rest, last = words
    whole = read_words(" ".join(rest), lex) if rest else None
    if rest and whole is None:
        return None
    ordinal = lex.ordinals.get(last)
    if ordinal is None:  # "half", "quarter", "hundredth": one, two hundredths
        part = lex.fractions.get(last)
        return None if part is None else part / (whole.value if whole else 1.0)
    return 1 / ((whole.value if whole else 0.0) + ordinal)


def read_denominator(words: list[str], lex: Lexicon) -> tuple[int, float] | None:
    """The fraction the last words name, as (how many words, value): "fifths" ->
    (1, 0.2); "twentieth" -> (1, 0.05); after a numerator, "twenty first" ->
    (2, 1/21), but "one hundred and thirty fifths" is 130 fifths."""
    last = words[-1] if words else ""
    ordinal = lex.ordinals.get(last)
    if ordinal and ordinal < 10 and len(words) >= 3 and words[-3] != "and":
        tens = lex.cardinals.get(words[-2], 0)
        if tens >= 20 and tens % 10 == 0:
            return 2, 1 / (tens + ordinal)
    if last in lex.fractions:
        return 1, lex.fractions[last]
    if ordinal and ordinal >= 10:
        return 1, 1 / ordinal
    return None


def _split_decimals(words: list[str], lex: Lexicon) -> tuple[list[str], tuple[float, float] | None]:
    """Take "point five" / "point zero three" off the words: (value, rounding)."""
    if "point" not in words:
        return words, (0.0, 0.0)
    at = words.index("point")
    values = [lex.cardinals.get(word) for word in words[at + 1 :]]
    if None in values:
        return words, None
    digits = ""
    for i, value in enumerate(values):
        previous = values[i - 1] if i else None
        if previous is not None and previous >= 20 and 0 < value < 10:
            digits = digits[:-1]  # "seventy-one" is one group, 71
        digits += str(value)
    if not digits:
        return words, None
    return words[:at], (float("0." + digits), 0.5 * 10.0 ** -len(digits))
