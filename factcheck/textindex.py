"""Positions in a document: offset -> line and column, offset -> sentence.

Line starts come from one `str.split` per document and sentence breaks
from one scan of its body; both are then looked up by bisection, so each
figure costs two binary searches however long its document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

#: A sentence ends at . ! ? … (and any closing quotes or brackets, group 1)
#: followed by space and a capital or digit, or at a line break. One pattern
#: per mark, as each starts with a literal the `re` engine skips ahead to. `re`
#: has no class of capitals: ASCII ones are checked in the pattern, any other
#: letter that follows (group 2) in Python.
_MARK_BREAKS = tuple(
    re.compile(re.escape(mark) + r"""(["'”’)\]]*)\s+(?=["'“‘(\[]?(?:[A-Z0-9]|([^\x00-\x7f])))""")
    for mark in ".!?…"
)
#: A line break ends a sentence, unless the line stops without a mark and the
#: next goes on in lower case: a hard-wrapped line ("the official exit
#: poll\nannounced ...") is one sentence. A blank line always ends one.
_LINE_BREAK = re.compile(r"\n(?:[ \t]*\n)+\s*+|(?<=[.!?…\"'”’)\]:;])\n\s*+|\n\s*+(?![a-z])")
_REACH = 2000  # a sentence longer than this is cut for display and context


@dataclass(frozen=True, slots=True)
class TextIndex:
    """Line starts and sentence breaks of one text whose body starts at `body_start`.

    A break is the closing quotes and spaces after a sentence's last word,
    or a line break with the space after it: a sentence ends where a break
    starts and the next begins where it ends.
    """

    text: str
    line_starts: tuple[int, ...]
    break_starts: tuple[int, ...]
    break_ends: tuple[int, ...]
    body_start: int = 0

    @classmethod
    def of(cls, text: str, start: int = 0) -> TextIndex:
        """Index `text`; sentences are only cut from `start` (the body) on."""
        lines = (0, *accumulate(len(line) + 1 for line in text.split("\n")[:-1]))
        break_starts, break_ends = _breaks(text, start)
        return cls(text, lines, tuple(break_starts), tuple(break_ends), start)

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of `offset`."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def sentence_span(self, offset: int) -> tuple[int, int]:
        """Start and end of the sentence holding `offset` (trailing space excluded)."""
        text = self.text
        floor = max(self.body_start, offset - _REACH)
        before = bisect_right(self.break_ends, offset) - 1
        start = self.break_ends[before] if before >= 0 else floor
        start = max(start, floor)
        after = bisect_left(self.break_starts, offset)
        if after < len(self.break_starts) and self.break_starts[after] < offset + _REACH:
            end = self.break_starts[after]
        else:
            end = min(len(text), offset + _REACH)
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end


def _breaks(text: str, start: int) -> tuple[list[int], list[int]]:
    """Where the sentence breaks in `text[start:]` start (after any closing
    quotes) and end (after the spaces), each list in order."""
    spans = [match.span() for match in _LINE_BREAK.finditer(text, start)]
    for pattern in _MARK_BREAKS:
        spans += [
            (match.end(1), match.end())
            for match in pattern.finditer(text, start)
            if match.group(2) is None or match.group(2).isupper() or match.group(2).isdigit()
        ]
    return sorted({s for s, _ in spans}), sorted({e for _, e in spans})
