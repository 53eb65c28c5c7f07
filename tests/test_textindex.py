"""Sentence spans and line/column positions, which every figure carries."""

from __future__ import annotations

import pytest

from factcheck.textindex import TextIndex


@pytest.mark.parametrize(
    ("text", "at", "sentence"),
    [
        pytest.param(
            "Exports rose 5%. Imports fell 3%.", "3%", "Imports fell 3%.", id="second-sentence"
        ),
        pytest.param("Exports rose 5%. Imports fell 3%.", "5%", "Exports rose 5%.", id="first"),
        pytest.param(
            "He said: “Trade grew 34%.” Then 12 talks began.",
            "34%",
            "He said: “Trade grew 34%.”",
            id="closing-quote-stays",
        ),
        pytest.param(
            "Costs rose 2.5 percent, i.e. more than planned.",
            "2.5",
            "Costs rose 2.5 percent, i.e. more than planned.",
            id="lower-case-after-stop-no-break",
        ),
        pytest.param(
            "The index fell. 40 firms closed.", "40", "40 firms closed.", id="digit-starts-one"
        ),
        pytest.param(
            "Headline with 3 numbers\nBody text has 7 more.",
            "7",
            "Body text has 7 more.",
            id="line-break",
        ),
        pytest.param(
            "The official exit poll\ngave her about 7 percent of the vote.",
            "7",
            "The official exit poll\ngave her about 7 percent of the vote.",
            id="hard-wrapped-line",
        ),
        pytest.param(
            "Results\n\nthe count gave her 7 percent.",
            "7",
            "the count gave her 7 percent.",
            id="blank-line",
        ),
        pytest.param(
            "The rate was cut to 5 percent etc.\nand 9 banks agreed.",
            "9",
            "and 9 banks agreed.",
            id="line-break-after-stop",
        ),
        pytest.param("Is it 10? Or 20! Maybe 30…", "20", "Or 20!", id="other-marks"),
    ],
)
def test_sentence_span(text: str, at: str, sentence: str) -> None:
    index = TextIndex.of(text)
    start, end = index.sentence_span(text.index(at))
    assert text[start:end] == sentence


def test_sentences_start_at_the_body() -> None:
    text = "---\ntitle: 5 facts\n---\nIt rose 5%."
    body = text.index("It")
    index = TextIndex.of(text, body)
    start, end = index.sentence_span(text.index("5%"))
    assert text[start:end] == "It rose 5%."


@pytest.mark.parametrize(
    ("text", "at", "line", "column"),
    [
        pytest.param("5 cars", "5", 1, 1, id="first-character"),
        pytest.param("one\ntwo 7", "7", 2, 5, id="second-line"),
        pytest.param("a\n\nb 8", "8", 3, 3, id="after-empty-line"),
    ],
)
def test_line_column(text: str, at: str, line: int, column: int) -> None:
    assert TextIndex.of(text).line_column(text.index(at)) == (line, column)
