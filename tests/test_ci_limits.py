"""CI reports that fit their consumer: a pull-request comment's size, the
annotations GitHub shows a step, in the syntax GitHub documents."""

from __future__ import annotations

import re

import pytest

from factcheck.model import Document
from factcheck.pipeline import check_corpus
from factcheck.report import ci

#: Made-up goods, one claim each: two wires disagree on every one of them.
GOODS = [
    "barley", "rye", "oats", "millet", "sorghum", "lentils", "chickpeas", "flax", "hemp",
    "hops", "sugar beet", "rapeseed", "sunflower seed", "buckwheat", "spelt", "quinoa",
    "potatoes", "onions", "cabbage", "carrots",
]  # fmt: skip


@pytest.fixture(scope="module")
def result():
    def wire(name: str, step: int) -> Document:
        text = " ".join(
            f"Exports of {good} rose {10 + i * step}% in 2023." for i, good in enumerate(GOODS)
        )
        return Document(id=name, path=f"{name}.txt", text=text, date="2024-01-15")

    checked = check_corpus([wire("north-wire", 3), wire("south-wire", 5)])
    assert sum(v.verdict == "conflicting" for v in checked.verdicts) >= 10
    return checked


def test_markdown_fits_a_pull_request_comment(result, monkeypatch) -> None:
    whole = ci.check_markdown(result)
    monkeypatch.setattr(ci, "MARKDOWN_LIMIT", len(whole) // 3)
    short = ci.check_markdown(result)
    assert len(short) <= len(whole) // 3
    assert short.startswith(whole.split("\n", 1)[0])  # the summary first
    assert "### Needs attention" in short
    assert re.search(r"_\d+ more claim groups left out .*: see the JSON or SARIF report\._", short)
    assert short.rstrip().endswith(whole.rstrip().rsplit("\n", 1)[-1])  # coverage stays


def test_markdown_under_the_limit_is_whole(result) -> None:
    whole = ci.check_markdown(result)
    assert len(whole) < ci.MARKDOWN_LIMIT and "left out" not in whole


#: GitHub's documented workflow command syntax: `::name key=value,...::message`.
COMMAND = re.compile(r"::(error|warning|notice)(?: [a-z]+=[^,:]*(?:,[a-z]+=[^,:]*)*)?::[^\r\n]*")


def test_github_annotations_are_capped(result) -> None:
    lines = ci.check_github(result).splitlines()
    assert all(COMMAND.fullmatch(line) for line in lines), lines
    errors = [line for line in lines if line.startswith("::error")]
    assert len(errors) == ci.GITHUB_ANNOTATIONS
    notices = [line for line in lines if line.startswith("::notice")]
    assert any("more findings" in n and "see the JSON or SARIF report" in n for n in notices)
