"""Web pages in: their main text, with the page's own title, date, URL and site."""

from __future__ import annotations

import json
import pathlib

import pytest

from factcheck.attribute import attribute_document
from factcheck.corpus import HTML_TEXT, InputProblem, read_corpus
from factcheck.extract import extract_document
from factcheck.model import Document

PAGES = pathlib.Path(__file__).parent / "corpus" / "html"
PAGE = PAGES / "ministry-day3.html"


def _documents(*paths: str) -> tuple[list[Document], list[InputProblem]]:
    items = list(read_corpus(list(paths)))
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, InputProblem)],
    )


def test_a_page_is_read_for_its_main_text_and_metadata() -> None:
    (doc,), problems = _documents(str(PAGE))
    assert problems == []
    assert doc.title == "Floods: toll rises to 23"
    assert doc.date == "2024-10-16"
    assert doc.url == "https://example.com/news/2024/10/16/floods"
    assert doc.source == "Daily Wire"
    assert doc.meta["text_source"] == HTML_TEXT
    assert "<p>" not in doc.text and "Home" not in doc.text and "comments" not in doc.text


@pytest.mark.parametrize(
    ("figure", "unit", "as_of"),
    [
        pytest.param("€1.1 billion", "EUR", "2024-10-16", id="entities-decoded"),
        pytest.param("4,000 people", "count", "2024-10-16", id="dated-by-the-page"),
    ],
)
def test_figures_of_a_page(figure: str, unit: str, as_of: str) -> None:
    (doc,), _ = _documents(str(PAGE))
    figures = attribute_document(doc, extract_document(doc))
    (found,) = [f for f in figures if f.text == figure]
    assert (found.unit, found.as_of) == (unit, as_of)
    assert doc.text[found.start : found.end] == figure  # offsets count in the main text


def test_a_folder_holds_pages_beside_articles(tmp_path: pathlib.Path) -> None:
    (tmp_path / "ministry_day3.html").write_bytes(PAGE.read_bytes())
    (tmp_path / "wire.txt").write_text("Exports rose 12% in 2023.\n")
    docs, problems = _documents(str(tmp_path))
    assert sorted(d.id for d in docs) == ["ministry_day3", "wire"]
    assert problems == []


def test_a_page_without_main_text_is_one_problem() -> None:
    docs, problems = _documents(str(PAGES / "empty-page.html"))
    assert docs == []
    assert [str(p).rsplit("/", 1)[-1] for p in problems] == [
        "empty-page.html: no main text found in this HTML page"
    ]


def test_an_html_field_of_a_jsonl_row(tmp_path: pathlib.Path) -> None:
    feed = tmp_path / "feed.jsonl"
    row = {"id": "day3", "date": "2024-10-17", "html": PAGE.read_text(encoding="utf-8")}
    feed.write_text(json.dumps(row) + "\n" + json.dumps({"id": "bad", "html": "<p></p>"}) + "\n")
    docs, problems = _documents(str(feed))
    assert [(d.id, d.date, d.title) for d in docs] == [
        ("day3", "2024-10-17", "Floods: toll rises to 23")  # the row's date wins
    ]
    assert [(p.line, p.message) for p in problems] == [(2, "no main text found in this HTML page")]


def test_an_html_column_of_a_csv(tmp_path: pathlib.Path) -> None:
    feed = tmp_path / "feed.csv"
    html = PAGE.read_text(encoding="utf-8").replace('"', '""')
    feed.write_text(f'id,html\nday3,"{html}"\n', encoding="utf-8")
    (doc,), problems = _documents(str(feed))
    assert (doc.id, doc.source, problems) == ("day3", "Daily Wire", [])
