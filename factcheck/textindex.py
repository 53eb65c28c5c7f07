"""Positions in a document: offset -> line and column, offset -> sentence.

Line starts come from one `str.split` per document; sentence bounds are
found only around the offsets asked about (a reverse search back to the
last sentence break, a forward search to the next), so a long document
with few figures costs little.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

import regex

#: A sentence ends at . ! ? … (and any closing quote or bracket) followed by
#: space and a capital or digit, or at a line break.
_BREAK = r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[\p{Lu}\d])|\n\s*"
_LAST_BREAK = regex.compile(_BREAK, regex.REVERSE)
_NEXT_BREAK = regex.compile(_BREAK)
_REACH = 2000  # a sentence longer than this is cut for display and context


@dataclass(frozen=True, slots=True)
class TextIndex:
    """Line starts of one text, and where its body (after front matter) starts."""

    text: str
    line_starts: tuple[int, ...]
    body_start: int = 0
    _spans: dict[int, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, text: str, start: int = 0) -> TextIndex:
        """Index `text`; sentences are only cut from `start` (the body) on."""
        lines = (0, *accumulate(len(line) + 1 for line in text.split("\n")[:-1]))
        return cls(text, lines, start)

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of `offset`."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def sentence_span(self, offset: int) -> tuple[int, int]:
        """Start and end of the sentence holding `offset` (trailing space excluded)."""
        known = self._spans.get(offset)
        if known is None:
            known = self._spans[offset] = self._find_sentence(offset)
        return known

    def _find_sentence(self, offset: int) -> tuple[int, int]:
        floor = max(self.body_start, offset - _REACH)
        last = _LAST_BREAK.search(self.text, floor, offset + 1)
        start = last.end() if last else floor
        following = _NEXT_BREAK.search(self.text, offset, offset + _REACH)
        end = following.start() if following else min(len(self.text), offset + _REACH)
        if following:
            end = (
                following.start()
                + len(following.group(0))
                - len(following.group(0).lstrip("\"'”’)]"))
            )
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def sentence(self, offset: int) -> str:
        """The sentence holding `offset`."""
        start, end = self.sentence_span(offset)
        return self.text[start:end]
