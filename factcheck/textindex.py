"""Positions in a document: offset -> line and column, offset -> sentence.

Built once per document with one regex pass each, then answered by binary
search, so locating every figure costs a logarithm, not a rescan.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

_NEWLINE = regex.compile(r"\n")
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[\p{Lu}\d])|\n\s*")


@dataclass(frozen=True, slots=True)
class TextIndex:
    """Line starts and sentence starts of one text (offsets, ascending)."""

    text: str
    line_starts: tuple[int, ...]
    sentence_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str, start: int = 0) -> TextIndex:
        """Index `text`; sentences are only cut from `start` (the body) on."""
        lines = (0, *(m.end() for m in _NEWLINE.finditer(text)))
        sentences = (start, *(m.end() for m in _SENTENCE_BREAK.finditer(text, start)))
        return cls(text, lines, sentences)

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of `offset`."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def sentence_span(self, offset: int) -> tuple[int, int]:
        """Start and end of the sentence holding `offset` (trailing space excluded)."""
        i = bisect_right(self.sentence_starts, offset)
        start = self.sentence_starts[i - 1]
        end = self.sentence_starts[i] if i < len(self.sentence_starts) else len(self.text)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def sentence(self, offset: int) -> str:
        """The sentence holding `offset`."""
        start, end = self.sentence_span(offset)
        return self.text[start:end]
