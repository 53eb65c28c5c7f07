"""Where a figure can start: the few places the full grammar is tried at.

A figure starts at a digit or at one of a few dozen words ("twenty",
"half", "a dozen", "per cent of"). Testing every character of a text
against a pattern of all those words costs more than the rest of
extraction on news text, so the text is first folded, in C, to one byte
per character: ASCII letters in lower case, digits as `0`, everything
else as a line break. On that the `re` engine can skip straight from one
line break (a word start) or `0` to the next with its literal search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from factcheck.extract.lexicon import lexicon
from factcheck.extract.patterns import alternation

_DIGIT = ord("0")
_FRACTION = ord("1")
_GAP = ord("\n")
_LETTERS = re.compile(r"[a-z]+")


def _fold_table(latin_fractions: str) -> bytes:
    """Byte -> byte: a-z kept, A-Z lowered, digits to 0, `latin_fractions`
    ("½") to 1, all else to a line break."""
    table = bytearray(_GAP for _ in range(256))
    for byte in range(256):
        char = chr(byte)
        if "a" <= char <= "z":
            table[byte] = byte
        elif "A" <= char <= "Z":
            table[byte] = byte + 32
        elif "0" <= char <= "9":
            table[byte] = _DIGIT
        elif char in latin_fractions:
            table[byte] = _FRACTION
    return bytes(table)


@dataclass(frozen=True, slots=True, eq=False)
class Starts:
    """Compiled patterns and the folding table; see `starts()`."""

    fold: bytes  # bytes.translate table, see `_fold_table`
    digits: re.Pattern[bytes]  # on folded text
    fractions: re.Pattern[bytes]  # a vulgar fraction, on folded text
    words: re.Pattern[bytes]  # a line break, then a starting word, on folded text
    other_fractions: str  # vulgar fractions outside Latin-1


def candidate_starts(text: str, body: int = 0) -> list[int]:
    """Offsets (from `body` on, in order) where the grammar may match a figure.

    Every digit and vulgar fraction, and the start of every word that
    begins with a starting word: a few more places than figures, never
    fewer. The grammar decides whether a figure is really there.
    """
    patterns = starts()
    # One byte per character ("replace" writes one "?" per character
    # outside Latin-1), after a leading gap, so word starts need no look-back.
    encoded = text.encode("latin-1", "replace")
    folded = b"\n" + encoded.translate(patterns.fold)
    found = [match.start() - 1 for match in patterns.digits.finditer(folded, body + 1)]
    found += [match.start() - 1 for match in patterns.fractions.finditer(folded, body + 1)]
    found += [match.start() for match in patterns.words.finditer(folded, body)]
    found += _other_digits(text, encoded, body, patterns.other_fractions)
    found.sort()
    return found


def _other_digits(text: str, encoded: bytes, body: int, fractions: str) -> list[int]:
    """Digits and vulgar fractions beyond Latin-1 ("٣", "⅓"): among the
    characters that encoding replaced with "?", found by a byte search."""
    found = []
    at = encoded.find(b"?", body)
    while at >= 0:
        char = text[at]
        if char.isdecimal() or char in fractions:
            found.append(at)
        at = encoded.find(b"?", at + 1)
    return found


@cache
def starts() -> Starts:
    """Compile the patterns once per process, from the lexicon."""
    lex = lexicon()
    time_units = [w for w, u in lex.units.items() if u.duration]
    big_ordinals = [w for w, v in lex.ordinals.items() if v > 10]
    # Words that make "a"/"an" a number: "a third", "a dozen", "a few", "an hour".
    after_article = [
        *lex.fractions,
        *lex.scales,
        *lex.collectives,
        "few",
        "couple",
        *time_units,
        *big_ordinals,
        *(w for w, v in lex.cardinals.items() if v >= 20),  # "a twenty-first"
    ]
    words = [
        *lex.cardinals,
        *lex.fractions,
        *lex.negative_words,
        *lex.multiplying_verbs,
        *(w for w in lex.vague if " " not in w),
        "half",
        "tens",
    ]
    followed = [
        (words, ""),
        (lex.percent_first, rf"(?=\n+{_folded(['of'])}\n)"),  # "per cent of 210"
        (["a", "an"], rf"(?=\n+{_folded(after_article)})"),
    ]
    starting = "|".join(f"{_folded(group)}{context}" for group, context in followed)
    latin = "".join(c for c in lex.vulgar_fractions if ord(c) < 256)
    return Starts(
        fold=_fold_table(latin),
        digits=re.compile(b"0"),  # a literal: the engine skips ahead to it
        fractions=re.compile(b"1"),
        words=re.compile(rf"\n(?:{starting})".encode("ascii")),
        other_fractions="".join(c for c in lex.vulgar_fractions if ord(c) >= 256),
    )


def _folded(phrases: Iterable[str]) -> str:
    """An alternation of `phrases` as they read folded: lower-case letters, any
    run of other characters a run of line breaks."""
    spelled = {" ".join(_LETTERS.findall(phrase.lower())) for phrase in phrases}
    return alternation(spelled, ignore_case=False, space=r"\n+")
