"""Bad input is one clear line and is skipped; nothing in a text can sink a run.

One case per kind of input that once crashed or hung a run (numbers too
large to be news, non-finite JSON, special files, odd encodings and line
breaks, overlapping figures), then property tests that glue number
fragments, odd characters and surrogates into random text and ask that
extraction never raises and every figure it gives is sound.
"""

from __future__ import annotations

import json
import math
import os
import pathlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import cli, pipeline
from factcheck.corpus import InputProblem, read_corpus
from factcheck.extract import extract_figures
from factcheck.extract.numbers import LARGEST
from factcheck.model import Document, Figure
from factcheck.report.figures import jsonl_line

# --------------------------------------------------------------------------
# 1. Numbers no size of exponent or digit string can overflow

NO_FIGURE = [
    pytest.param("The engine part 3E500 failed.", id="huge-exponent"),
    pytest.param("Growth was 1.5e" + "7" * 5000 + " percent.", id="exponent-of-5000-digits"),
    pytest.param("It grew 2^" + "9" * 5000 + " times.", id="power-of-5000-digits"),
    pytest.param("two " + "billion " * 35 + "people came.", id="billion-35-times"),
    pytest.param("It cost $1e300 trillion.", id="multiplied-past-float"),
    pytest.param("It cost $5e29 trillion.", id="multiplied-past-news"),
]


@pytest.mark.parametrize("text", NO_FIGURE)
def test_numbers_too_large_to_be_news_are_no_figures(text: str) -> None:
    figures = extract_figures(text, doc="t")
    assert all(abs(f.value) <= LARGEST for f in figures), [f.text for f in figures]
    assert all(math.isfinite(x) for f in figures for x in f.interval if x is not None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("Inflation in 1946 reached 4e29 percent.", 4e29, id="largest-news-figure"),
        pytest.param("Debt rose to $1.2e12.", 1.2e12, id="scientific-money"),
    ],
)
def test_large_news_figures_still_read(text: str, value: float) -> None:
    assert [f.value for f in extract_figures(text, doc="t")] == [pytest.approx(value)]


# --------------------------------------------------------------------------
# 4 and 9. Corpus input: each bad thing one problem, the rest still read


def _items(tmp_path: pathlib.Path, name: str, data: bytes) -> list[Document | InputProblem]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_corpus([str(path)]))


BAD_INPUT = [
    pytest.param(
        "ids.jsonl",
        b'{"id": 1e999, "text": "Exports rose 12%."}\n{"text": "Imports fell 3%."}\n',
        "ids.jsonl:1: line has a number JSON cannot hold: 1e999",
        id="jsonl-infinite-id",
    ),
    pytest.param(
        "nan.jsonl",
        b'{"text": "Exports rose 12%.", "score": NaN}\n{"text": "Imports fell 3%."}\n',
        "nan.jsonl:1: line has a number JSON cannot hold: NaN",
        id="jsonl-nan",
    ),
    pytest.param(
        "wide.txt",
        "Exports rose 12%.".encode("utf-32"),
        "wide.txt: not UTF-8 text: UTF-32 byte order mark at offset 0",
        id="utf-32-named-as-such",
    ),
]


@pytest.mark.parametrize(("name", "data", "problem"), BAD_INPUT)
def test_bad_input_is_one_problem(
    tmp_path: pathlib.Path, name: str, data: bytes, problem: str
) -> None:
    items = _items(tmp_path, name, data)
    problems = [
        str(i).replace(str(tmp_path) + os.sep, "") for i in items if isinstance(i, InputProblem)
    ]
    assert problems == [problem]


def test_a_long_csv_article_does_not_end_the_file(tmp_path: pathlib.Path) -> None:
    long_text = "Exports rose 12%. " + "More words follow here. " * 8000  # over 131,072 characters
    data = f'id,text\na,"{long_text}"\nb,"Imports fell 3%."\n'.encode()
    items = _items(tmp_path, "feed.csv", data)
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "b"]


def test_carriage_returns_alone_break_lines(tmp_path: pathlib.Path) -> None:
    (doc,) = _items(tmp_path, "old-mac.txt", b"One.\rExports rose 12%.\rImports fell 3%.\r")
    assert isinstance(doc, Document)
    assert [(f.line, f.text) for f in extract_figures(doc.text, doc=doc.id)] == [
        (2, "12%"),
        (3, "3%"),
    ]


def test_a_pipe_in_a_folder_is_skipped_not_waited_on(tmp_path: pathlib.Path) -> None:
    (tmp_path / "good.txt").write_text("Exports rose 12%.\n")
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(read_corpus([str(tmp_path)]))
    assert [i.id for i in items if isinstance(i, Document)] == ["good"]
    (problem,) = [i for i in items if isinstance(i, InputProblem)]
    assert problem.path.endswith("pipe.txt") and "not a regular file" in problem.message


def test_a_newline_in_a_file_name_stays_on_one_problem_line() -> None:
    problem = InputProblem("news/a\nb.txt", 3, "empty document")
    assert str(problem) == "news/a\\nb.txt:3: empty document"


def test_a_document_whose_extraction_fails_is_one_problem_and_the_rest_is_checked(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "feed.jsonl"
    rows = [
        {"id": "harbour", "text": "The Larkspur bridge cost $310 million, officials said."},
        {"id": "cursed", "text": "The Larkspur bridge cost $250 million."},
        {"id": "plains", "text": "The Larkspur bridge cost $310 million, the ministry said."},
    ]
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    extract = pipeline.extract_document

    def failing_on_one(document: Document) -> list[Figure]:
        if document.id == "cursed":
            raise ValueError("a bug in the extractor")
        return extract(document)

    monkeypatch.setattr(pipeline, "extract_document", failing_on_one)
    code = cli.main(["check", "--no-rules", "--format", "json", "--jobs", "1", str(corpus)])
    out, err = capsys.readouterr()
    assert err == (
        f"factcheck: {corpus}:2: could not extract its figures: "
        "ValueError: a bug in the extractor (please report)\n"
    )
    report = json.loads(out)
    assert code == 0 and report["summary"]["documents"] == 2  # and one skipped
    (skipped,) = report["summary"]["documents_skipped"]
    assert skipped["line"] == 2 and "ValueError" in skipped["message"]
    docs = {f["doc"] for group in report["groups"] for f in group["figures"]}
    assert docs == {"harbour", "plains"}


# --------------------------------------------------------------------------
# 3. Text without sentence ends: a run of bare numbers is no figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1 " * 20000, [], id="twenty-thousand-ones"),
        pytest.param("Scores: 12 14 15 19. Then 3 people left.", ["3 people left"], id="table-row"),
        pytest.param("Codes 1, 234, 567 were read.", ["1", "234", "567"], id="a-list-still-reads"),
        pytest.param("Some 10 12 people came.", ["10", "12 people"], id="two-are-no-run"),
    ],
)
def test_runs_of_bare_numbers(text: str, expected: list[str]) -> None:
    assert [f.text for f in extract_figures(text, doc="t")] == expected


# --------------------------------------------------------------------------
# 11. Figures never overlap


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The army sent 4 ten-ton trucks north.", ["4 ten-ton trucks"], id="compound"),
        pytest.param("Some 3 five-star hotels opened.", ["3 five-star hotels"], id="word-compound"),
    ],
)
def test_figures_never_overlap(text: str, expected: list[str]) -> None:
    assert [f.text for f in extract_figures(text, doc="t")] == expected


# --------------------------------------------------------------------------
# Properties: random text glued from number fragments never breaks extraction

FRAGMENTS = [
    "12", "3,400", "1.5", "1e9", "2^10", "½", "٣", "٤٥", "१२", "−", "-", "%", "percent", "$", "€",
    "bln", "bln.", "million", "billion", "twenty-eight", "half", "one and a half", "nearly",
    "more than", "between", "and", "to", "up", "rose", "fell", "by", "points", "km", "hours",
    "in 2022", "on Monday", "\u200f", "\u202e", "\u00a0", "\x00", "\ud800", "\r", "\n", "\n\n",
    ". ", ", ", "(", ")", "\"", "’", "The", "exports", "people", "were", "killed",
]  # fmt: skip

texts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=6), max_size=40).map(" ".join)
EXAMPLES = int(os.environ.get("FACTCHECK_PROPERTY_EXAMPLES", "300"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extraction_never_breaks(text: str) -> None:
    for figure in extract_figures(text, doc="t"):
        assert 0 <= figure.start < figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.text
        assert figure.low is None or figure.high is None or figure.low <= figure.high
        low, high = figure.interval  # None on an open side ("more than 12")
        assert math.isfinite(figure.value)
        assert all(math.isfinite(x) for x in (low, high) if x is not None)
        assert low is None or high is None or low <= high
        assert figure.sentence_start <= figure.start and len(figure.sentence) <= 400 + len(
            figure.text
        )
        line = jsonl_line(figure)
        json.loads(line, parse_constant=_no_constant)


def _no_constant(name: str) -> None:
    raise AssertionError(f"non-finite number in JSON: {name}")
