"""Phrases that end where a figure starts, matched on the reversed text.

The words right before a figure decide much about it: "more than", "rose
by", "US$". A pattern for a phrase that ends at a point is, read
backwards, a pattern for a phrase that starts there. So each is written
reversed (`backward_phrases` spells the word lists backwards) and matched
once, anchored, at the start of the reversed window: a single attempt of
the standard `re` engine, where searching for a match that ends the
window would try every position in it. Greedy and lazy repeats keep their
meaning, as the reversed pattern makes the same choices in the same order
as the original would from the end of the window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple


class Behind(NamedTuple):
    """A phrase ending a window: the group asked for, where it starts, and
    where the whole match starts (all offsets into the window)."""

    text: str
    start: int
    match_start: int


@dataclass(frozen=True, slots=True, eq=False)
class BackwardPattern:
    """A reversed pattern; `group` names the part to report (0: all of it)."""

    pattern: re.Pattern[str]
    group: int | str = 0

    def match(self, window: str) -> Behind | None:
        """The phrase that ends `window`, if the pattern finds one."""
        found = self.pattern.match(window[::-1])
        if found is None:
            return None
        size = len(window)
        start = size - found.end(self.group)
        return Behind(window[start : size - found.start(self.group)], start, size - found.end())


def backward(pattern: str, group: int | str = 0) -> BackwardPattern:
    """Compile a pattern written for the reversed text."""
    return BackwardPattern(re.compile(pattern), group)


def backward_phrases(words: Iterable[str], *, ignore_case: bool = True) -> str:
    """A flat alternation of `words` spelled backwards, longest first.

    Flat, not a trie: the longest phrase must win ("no less than" over
    "less than"), which tried in order it does. Spaces match any run of
    whitespace.
    """
    spelled = sorted({w.lower() if ignore_case else w for w in words}, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, w[::-1].split())) for w in spelled) or "(?!)"
    return f"(?i:{body})" if ignore_case else f"(?:{body})"
