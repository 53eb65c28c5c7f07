"""Where the grammar is tried: every place a figure can start must be found."""

from __future__ import annotations

import pytest

from factcheck.extract.starts import candidate_starts


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        pytest.param("Exports rose 5% to 2,400 tonnes.", ["5%", "2,400"], id="digits"),
        pytest.param(
            "It cost 12:3012:30 in all.", ["12:30", "3012", "012", "12:30 "], id="each-digit"
        ),
        pytest.param(
            "twenty-eight programs, one and a half percent",
            ["twenty-eight", "eight", "one", "half"],
            id="number-words",
        ),
        pytest.param(
            "TWENTY Firms; Half of them; Several hundred",
            ["TWENTY", "Half", "Several"],
            id="any-case",
        ),
        pytest.param(
            "a dozen envoys, a third of voters, an hour later",
            ["a dozen", "a third", "an hour"],
            id="article-before-a-number-word",
        ),
        pytest.param(
            "per cent of 210, per-cent of 3 and percent of 5",
            ["per cent of", "per-cent of", "percent of"],
            id="per-cent-of",
        ),
        pytest.param("Growth of ٣ and ⅓, then 2¾.", ["٣", "⅓", "2¾", "¾"], id="other-digits"),
        pytest.param(
            "“Quotes” — dashes… and 📈 emoji before 5% growth",
            ["5%"],
            id="offsets-after-wide-characters",
        ),
        pytest.param("İstanbul grew by ten percent", ["ten percent"], id="capital-outside-latin-1"),
    ],
)
def test_every_start_is_found(text: str, starts: list[str]) -> None:
    found = candidate_starts(text)
    assert found == sorted(found)
    for start in starts:
        assert text.index(start) in found, f"{start!r} at {text.index(start)} not in {found}"


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        pytest.param("He often played tennis", ["ten played", "ten"], id="number-word-in-a-word"),
        pytest.param("The someone who went", ["one who"], id="one-in-someone"),
    ],
)
def test_not_inside_words(text: str, inside: list[str]) -> None:
    found = candidate_starts(text)
    for word in inside:
        assert text.index(word) not in found


def test_offsets_count_from_the_body() -> None:
    text = "title: 7 things\n---\nIt rose 5%."
    body = text.index("It")
    assert candidate_starts(text, body) == [text.index("5%")]
