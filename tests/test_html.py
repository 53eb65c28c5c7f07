"""Web pages in: their main text, with the page's own title, date, URL and site."""

from __future__ import annotations

import json
import pathlib

import pytest

from factcheck import cli
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


# --------------------------------------------------------------------------
# End to end: a folder of pages (with and without metadata, with menus,
# trending boxes and footers full of numbers, one cut off mid-tag, one with
# no main text) through the command line


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_reads_the_article_text_of_every_page(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "extract", "--format", "jsonl", "--jobs", "1", str(PAGES))
    assert code == 0
    assert err == f"factcheck: {PAGES / 'empty-page.html'}: no main text found in this HTML page\n"
    figures = [json.loads(line) for line in out.splitlines()]
    assert {f["text_source"] for f in figures} == {HTML_TEXT}
    by_doc: dict[str, set[str]] = {}
    for figure in figures:
        by_doc.setdefault(figure["doc"], set()).add(figure["text"])
    assert by_doc["herald-day3"] == {"27 dead", "27 people", "5,000 people", "40 centimetres"}
    assert {"25", "4,200 people"} <= by_doc["broken-day4"]  # read up to where the page breaks off
    assert {"12,000 sandbags", "150"} <= by_doc["unsigned-blog"]
    noise = {"Top 50", "5 recipes", "7 tips", "80,000 readers", "24 comments", "12 comments"}
    assert not noise & {text for texts in by_doc.values() for text in texts}


@pytest.mark.parametrize(
    ("doc", "as_of"),
    [
        pytest.param("ministry-day3", "2024-10-16", id="article-published-time"),
        pytest.param("herald-day3", "2024-10-16", id="meta-date"),
        pytest.param("broken-day4", "2024-10-17", id="broken-page-keeps-its-head"),
        pytest.param("unsigned-blog", "", id="no-metadata-no-date"),
    ],
)
def test_pages_are_dated_by_their_metadata(
    capsys: pytest.CaptureFixture[str], doc: str, as_of: str
) -> None:
    _, out, _ = _run(capsys, "extract", "--format", "jsonl", "--jobs", "1", str(PAGES))
    counts = [json.loads(line) for line in out.splitlines()]
    dates = {f["as_of"] for f in counts if f["doc"] == doc and f["unit"] == "count"}
    assert dates == {as_of}


def test_check_finds_the_same_day_conflict_between_two_sites(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "check", "--no-rules", "--format", "json", str(PAGES))
    report = json.loads(out)
    tolls = [g for g in report["groups"] if {"23", "27 dead"} <= {f["text"] for f in g["figures"]}]
    (toll,) = tolls
    assert toll["status"] == "conflicting" and code == 1
    assert {f["text_source"] for f in toll["figures"]} == {HTML_TEXT}
    (skipped,) = report["summary"]["documents_skipped"]
    assert skipped["path"].endswith("empty-page.html")
