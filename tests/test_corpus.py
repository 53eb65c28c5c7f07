"""Tests for factcheck.corpus: PATH arguments in, documents and problems out."""

from __future__ import annotations

import builtins
import inspect
import io
import json
import os
from pathlib import Path

import pytest

from factcheck import corpus
from factcheck.corpus import InputProblem, parse_front_matter, read_corpus
from factcheck.model import Document

BODY = "The central bank raised its key rate to 45% on Thursday.\n"


def run(*paths: str | Path, stdin: io.TextIOBase | None = None) -> list[Document | InputProblem]:
    """Everything read_corpus yields for these paths."""
    return list(read_corpus([str(path) for path in paths], stdin=stdin))


def only(*paths: str | Path) -> Document | InputProblem:
    """The single item read_corpus yields for these paths."""
    items = run(*paths)
    assert len(items) == 1, items
    return items[0]


def write(path: Path, content: str | bytes) -> Path:
    """Write exact bytes (no newline translation) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def jsonl(path: Path, *records: object) -> Path:
    """A JSONL file, one record per line (strings are written as they are)."""
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return write(path, "".join(line + "\n" for line in lines))


# --------------------------------------------------------------------------
# InputProblem


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        (InputProblem("news/a.txt", None, "empty document"), "news/a.txt: empty document"),
        (
            InputProblem("feed.jsonl", 3, 'no "text" or "html" field'),
            'feed.jsonl:3: no "text" or "html" field',
        ),
    ],
)
def test_input_problem_str(problem: InputProblem, expected: str) -> None:
    assert str(problem) == expected


def test_input_problem_is_frozen() -> None:
    problem = InputProblem("a.txt", None, "empty document")
    with pytest.raises(AttributeError):
        problem.message = "other"  # type: ignore[misc]


# --------------------------------------------------------------------------
# Text files


@pytest.mark.parametrize("name", ["rates.txt", "rates.md", "rates.MD", "rates.news"])
def test_text_file_of_any_extension_named_explicitly(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, BODY)
    doc = only(path)
    assert isinstance(doc, Document)
    assert doc.id == "rates"
    assert doc.path == str(path)
    assert doc.text == BODY
    assert doc.body_start == 0
    assert (doc.title, doc.source, doc.url, doc.date) == (None, None, None, None)
    assert doc.meta == {}


def test_id_drops_only_the_last_extension(tmp_path: Path) -> None:
    doc = only(write(tmp_path / "budget.2024.md", BODY))
    assert isinstance(doc, Document)
    assert doc.id == "budget.2024"


def test_path_is_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "news" / "rates.txt", BODY)
    monkeypatch.chdir(tmp_path)
    doc = only("./news/rates.txt")
    assert isinstance(doc, Document)
    assert doc.path == "./news/rates.txt"


def test_crlf_is_preserved(tmp_path: Path) -> None:
    text = "Exports rose 12% in May.\r\nImports fell 3%.\r\n"
    doc = only(write(tmp_path / "trade.txt", text))
    assert isinstance(doc, Document)
    assert doc.text == text


def test_bom_is_stripped(tmp_path: Path) -> None:
    doc = only(write(tmp_path / "trade.txt", b"\xef\xbb\xbf" + BODY.encode()))
    assert isinstance(doc, Document)
    assert doc.text == BODY


def test_non_ascii_text_is_read_as_utf8(tmp_path: Path) -> None:
    text = "Inflation in Türkiye eased to 61% — the lowest in a year.\n"
    doc = only(write(tmp_path / "lira.md", text))
    assert isinstance(doc, Document)
    assert doc.text == text


# --------------------------------------------------------------------------
# Front matter


FRONT = (
    "---\n"
    'title: "Rate rise surprises markets"\n'
    "Source: Wire desk\n"
    "url: https://example.com/rates?id=7\n"
    "date: 2024-03-21\n"
    "author: 'A. Reporter'\n"
    "---\n"
)


def test_front_matter_sets_metadata_and_body_start(tmp_path: Path) -> None:
    doc = only(write(tmp_path / "rates.md", FRONT + BODY))
    assert isinstance(doc, Document)
    assert doc.title == "Rate rise surprises markets"
    assert doc.source == "Wire desk"
    assert doc.url == "https://example.com/rates?id=7"
    assert doc.date == "2024-03-21"
    assert doc.meta == {"author": "A. Reporter"}
    # Offsets count from the first character of the file.
    assert doc.text == FRONT + BODY
    assert doc.body_start == len(FRONT)
    assert doc.text[doc.body_start :] == BODY
    assert doc.text.index("45%") == len(FRONT) + BODY.index("45%")


def test_front_matter_with_crlf_and_bom(tmp_path: Path) -> None:
    front = FRONT.replace("\n", "\r\n")
    body = BODY.replace("\n", "\r\n")
    doc = only(write(tmp_path / "rates.md", b"\xef\xbb\xbf" + (front + body).encode()))
    assert isinstance(doc, Document)
    assert doc.title == "Rate rise surprises markets"
    assert doc.text == front + body
    assert doc.text[doc.body_start :] == body


def test_front_matter_only_is_an_empty_document(tmp_path: Path) -> None:
    path = write(tmp_path / "stub.md", FRONT + "\n  \n")
    assert only(path) == InputProblem(str(path), None, "empty document")


@pytest.mark.parametrize(
    ("text", "metadata", "body"),
    [
        ("---\ntitle: Wheat\n---\nBody.\n", {"title": "Wheat"}, "Body.\n"),
        ("---\ntitle: Wheat\n---\n", {"title": "Wheat"}, ""),
        ("---\ntitle: Wheat\n---", {"title": "Wheat"}, ""),
        ("---   \ntitle: Wheat\n---\t\nBody.", {"title": "Wheat"}, "Body."),
        ("---\n---\nBody.", {}, "Body."),
        ("---\nurl: https://a.example/x:y\n---\nB", {"url": "https://a.example/x:y"}, "B"),
        ("---\nTitle: Wheat\ntitle: Corn\n---\nB", {"title": "Corn"}, "B"),
        ('---\nsource: "Reuters"\nempty:\n---\nB', {"source": "Reuters", "empty": ""}, "B"),
        (
            "---\n# desk notes\ntags:\n  - grain\n  - exports\n\nregion: Black Sea\n---\nB",
            {"tags": "", "region": "Black Sea"},
            "B",
        ),
        ("---\r\ntitle: Wheat\r\n---\r\nBody.\r\n", {"title": "Wheat"}, "Body.\r\n"),
    ],
)
def test_parse_front_matter(text: str, metadata: dict[str, str], body: str) -> None:
    found, start = parse_front_matter(text)
    assert found == metadata
    assert text[start:] == body


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Plain article with 5% growth.\n",
        "\n---\ntitle: Late\n---\nBody.",  # not at the very top
        " ---\ntitle: Indented\n---\nBody.",
        "----\ntitle: Four dashes\n---\nBody.",
        "---\ntitle: Never closed\nBody.\n",  # no closing fence
        "---\nThe report was published on Monday\n---\nBody.",  # a rule, not metadata
        "---\n: no key\n---\nBody.",
    ],
)
def test_no_front_matter(text: str) -> None:
    assert parse_front_matter(text) == ({}, 0)


def test_text_without_front_matter_keeps_body_start_zero(tmp_path: Path) -> None:
    text = "---\nThe report was published on Monday.\n---\nIt found 30% of firms hiring.\n"
    doc = only(write(tmp_path / "survey.md", text))
    assert isinstance(doc, Document)
    assert doc.body_start == 0
    assert doc.title is None
    assert doc.text == text


# --------------------------------------------------------------------------
# Folders


def test_folder_is_searched_recursively_in_path_order(tmp_path: Path) -> None:
    root = tmp_path / "news"
    for name in ["b.md", "a.txt", "sub/c.txt", "sub/deeper/a.md", "z.txt", "A.txt"]:
        write(root / name, f"Story {name} says output rose 2%.\n")
    write(root / "notes.csv", "text\nIgnored row.\n")
    write(root / "feed.jsonl", '{"text": "Ignored."}\n')
    write(root / "image.png", b"\x89PNG")
    write(root / ".git" / "HEAD.txt", "ref: refs/heads/main\n")
    write(root / ".hidden.md", "Draft.\n")
    write(root / "sub" / ".cache" / "old.md", "Stale.\n")
    docs = run(root)
    assert all(isinstance(doc, Document) for doc in docs)
    assert [doc.path for doc in docs] == [
        os.path.join(str(root), name)
        for name in ["A.txt", "a.txt", "b.md", "sub/c.txt", "sub/deeper/a.md", "z.txt"]
    ]
    assert [doc.id for doc in docs] == ["A", "a", "b", "c", "a", "z"]


def test_folder_paths_start_with_the_folder_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "news" / "rates.md", BODY)
    monkeypatch.chdir(tmp_path)
    doc = only("news")
    assert isinstance(doc, Document)
    assert doc.path == os.path.join("news", "rates.md")


def test_problems_inside_a_folder_do_not_stop_it(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "b.txt", "   \n")
    write(tmp_path / "c.txt", BODY)
    items = run(tmp_path)
    assert [type(item) for item in items] == [Document, InputProblem, Document]
    assert items[1] == InputProblem(str(tmp_path / "b.txt"), None, "empty document")


@pytest.mark.parametrize("extra", [None, "notes.csv", ".git/x.txt", "sub/readme.rst"])
def test_folder_without_documents(tmp_path: Path, extra: str | None) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    if extra:
        write(folder / extra, "text\nSomething.\n")
    problem = only(folder)
    message = "no .txt, .md or .html documents in this folder"
    assert problem == InputProblem(str(folder), None, message)


# --------------------------------------------------------------------------
# JSONL corpora


def test_jsonl_documents_metadata_and_ids(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "feed.jsonl",
        {
            "id": "ank-1",
            "text": "Annual inflation slowed to 65% in March.",
            "title": "Inflation slows",
            "source": "Wire",
            "url": "https://example.com/1",
            "date": "2024-04-03",
            "lang": "en",
            "words": 7,
            "score": 0.5,
            "edited": True,
            "tags": ["economy"],
            "extra": {"a": 1},
            "missing": None,
        },
        {"id": 42, "text": "Some 300 flights were cancelled."},
        {"text": "Turnout was about 70%."},
        {"id": "", "text": "Exports grew 3%."},
    )
    docs = run(path)
    assert all(isinstance(doc, Document) for doc in docs)
    first, second, third, fourth = docs
    assert first == Document(
        id="ank-1",
        path=str(path),
        text="Annual inflation slowed to 65% in March.",
        title="Inflation slows",
        source="Wire",
        url="https://example.com/1",
        date="2024-04-03",
        row=1,
    )
    assert first.meta == {"lang": "en", "words": "7", "score": "0.5", "edited": "true"}
    assert second.id == "42"
    assert (third.id, fourth.id) == ("feed-3", "feed-4")
    assert all(doc.path == str(path) and doc.body_start == 0 for doc in docs)


def test_jsonl_text_is_kept_exactly(tmp_path: Path) -> None:
    text = "Prices rose 4%.\r\nWages rose 2%.\n  "
    doc = only(jsonl(tmp_path / "feed.jsonl", {"text": text}))
    assert isinstance(doc, Document)
    assert doc.text == text


def test_jsonl_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        '\n{"text": "Output fell 5%."}\n   \n\r\n{"text": "Sales rose 8%."}',
    )
    docs = run(path)
    assert [doc.id for doc in docs if isinstance(doc, Document)] == ["feed-2", "feed-5"]
    assert len(docs) == 2


def test_jsonl_with_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", b'\xef\xbb\xbf{"id": "x", "text": "Rents rose 9%."}\r\n')
    doc = only(path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.text) == ("x", "Rents rose 9%.")


@pytest.mark.parametrize(
    ("line", "fragments"),
    [
        ("{not json", ["line is not JSON", "column 2"]),
        ('{"text": "Rates rose 2%."', ["line is not JSON"]),
        ("[1, 2]", ["not a JSON object", "array"]),
        ('"A bare string."', ["not a JSON object", "string"]),
        ("12", ["not a JSON object", "number"]),
        ('{"title": "No body"}', ['no "text" or "html" field']),
        ('{"text": null}', ['no "text" or "html" field']),
        ('{"text": 45}', ['no "text" field', "number"]),
        ('{"text": ["One.", "Two."]}', ['no "text" field', "array"]),
        ('{"text": ""}', ["empty document"]),
        ('{"text": " \\n\\t "}', ["empty document"]),
    ],
)
def test_jsonl_line_problems(tmp_path: Path, line: str, fragments: list[str]) -> None:
    path = jsonl(
        tmp_path / "feed.jsonl",
        {"text": "Output rose 1%."},
        "",
        line,
        {"text": "Output fell 1%."},
    )
    first, problem, last = run(path)
    assert isinstance(first, Document)
    assert isinstance(last, Document)
    assert last.id == "feed-4"
    assert isinstance(problem, InputProblem)
    assert (problem.path, problem.line) == (str(path), 3)
    for fragment in fragments:
        assert fragment in problem.message
    assert "\n" not in problem.message


def test_jsonl_line_that_is_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", b'{"text": "Fine."}\n{"text": "Bad \xff."}\n')
    first, problem = run(path)
    assert isinstance(first, Document)
    assert problem == InputProblem(str(path), 2, "not UTF-8 text: byte 0xff at offset 32")


@pytest.mark.parametrize("content", ["", "\n\n", "  \n"])
def test_jsonl_without_records(tmp_path: Path, content: str) -> None:
    path = write(tmp_path / "feed.jsonl", content)
    problem = only(path)
    assert isinstance(problem, InputProblem)
    assert (problem.path, problem.line) == (str(path), None)
    assert "no documents" in problem.message


def test_jsonl_longer_than_the_binary_sniff(tmp_path: Path) -> None:
    records = [{"id": n, "text": f"Story {n}: sales rose {n}%."} for n in range(2000)]
    path = jsonl(tmp_path / "big.jsonl", *records)
    assert path.stat().st_size > corpus.BINARY_SNIFF * 3
    docs = run(path)
    assert [doc.text for doc in docs] == [record["text"] for record in records]


# --------------------------------------------------------------------------
# CSV corpora


def test_csv_documents(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.csv",
        "id,Text,Title,date,desk,empty\r\n"
        'a1,"Output rose 4%, the agency said.",Factories,2024-02-01,economy,\r\n'
        "\r\n"
        ',"Flights fell by half.\r\nAirlines blamed fuel.",,,transport,\r\n'
        ",,,,,\r\n"
        ",Turnout hit 68%.\r\n",
    )
    first, second, third = run(path)
    assert first == Document(
        id="a1",
        path=str(path),
        text="Output rose 4%, the agency said.",
        title="Factories",
        date="2024-02-01",
        row=2,
    )
    assert first.meta == {"desk": "economy"}
    assert isinstance(second, Document)
    assert (second.id, second.row) == ("export-4", 4)
    assert second.text == "Flights fell by half.\r\nAirlines blamed fuel."
    assert second.title is None
    # A record spanning two lines pushes the next one down.
    assert isinstance(third, Document)
    assert (third.id, third.text) == ("export-7", "Turnout hit 68%.")


def test_csv_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", b"\xef\xbb\xbftext,id\nPrices rose 2%.,p1\n")
    doc = only(path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.text) == ("p1", "Prices rose 2%.")


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", "id,body\n1,Rates rose 2%.\n")
    problem = only(path)
    assert isinstance(problem, InputProblem)
    assert (problem.path, problem.line) == (str(path), 1)
    assert 'no "text" or "html" column' in problem.message


def test_csv_row_problems_do_not_stop_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", "id,text\n1,Wages rose 6%.\n2,   \n3,Rents rose 9%.\n4\n")
    first, empty, last, short = run(path)
    assert isinstance(first, Document)
    assert empty == InputProblem(str(path), 3, "empty document")
    assert isinstance(last, Document)
    assert last.id == "3"
    assert short == InputProblem(str(path), 5, "empty document")


def test_csv_not_utf8_ends_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", b"text\nFine.\nBad \xe9t\xe9.\nNever read.\n")
    first, problem = run(path)
    assert isinstance(first, Document)
    assert problem == InputProblem(str(path), 3, "not UTF-8 text: byte 0xe9 at offset 15")


@pytest.mark.parametrize("content", ["", "text\n", "text,id\n\n,\n"])
def test_csv_without_records(tmp_path: Path, content: str) -> None:
    problem = only(write(tmp_path / "export.csv", content))
    assert isinstance(problem, InputProblem)
    assert "no documents" in problem.message


# --------------------------------------------------------------------------
# Standard input


def test_stdin_from_a_text_stream() -> None:
    doc = only_stdin(io.StringIO("---\nsource: Radio\n---\n" + BODY))
    assert isinstance(doc, Document)
    assert (doc.id, doc.path, doc.source) == ("stdin", "-", "Radio")
    assert doc.text[doc.body_start :] == BODY


def test_stdin_defaults_to_sys_stdin_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = b"\xef\xbb\xbfGrain exports rose 7%.\r\nPrices held.\r\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    doc = only("-")
    assert isinstance(doc, Document)
    assert doc.text == "Grain exports rose 7%.\r\nPrices held.\r\n"


@pytest.mark.parametrize(
    ("stream", "message"),
    [
        (io.StringIO(""), "empty document"),
        (io.StringIO(" \n\t"), "empty document"),
        (io.StringIO("a\x00b"), "binary file, not text"),
        (io.TextIOWrapper(io.BytesIO(b"ok \xff"), encoding="utf-8"), "not UTF-8 text"),
    ],
)
def test_stdin_problems(stream: io.TextIOBase, message: str) -> None:
    problem = only_stdin(stream)
    assert isinstance(problem, InputProblem)
    assert problem.path == "-"
    assert problem.message.startswith(message)


def test_closed_or_missing_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    closed = io.StringIO(BODY)
    closed.close()
    problem = only_stdin(closed)
    assert isinstance(problem, InputProblem)
    assert "cannot read standard input" in problem.message
    monkeypatch.setattr("sys.stdin", None)
    assert only("-") == InputProblem("-", None, "no standard input to read")


def only_stdin(stream: io.TextIOBase) -> Document | InputProblem:
    """The single item read from `-` with this stream as standard input."""
    items = run("-", stdin=stream)
    assert len(items) == 1
    return items[0]


# --------------------------------------------------------------------------
# Problems with files


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "story.txt"
    assert only(missing) == InputProblem(str(missing), None, "no such file or directory")


def test_path_with_a_nul_byte() -> None:
    problem = only("story\x00.txt")
    assert isinstance(problem, InputProblem)
    assert problem.message.startswith("not a usable path")


def test_broken_symlink_is_missing(tmp_path: Path) -> None:
    link = tmp_path / "story.md"
    link.symlink_to(tmp_path / "gone.md")
    assert only(link) == InputProblem(str(link), None, "no such file or directory")


@pytest.mark.parametrize(
    ("name", "content", "line", "message"),
    [
        ("empty.txt", b"", None, "empty document"),
        ("blank.md", b" \r\n\t\n", None, "empty document"),
        ("bom-only.txt", b"\xef\xbb\xbf\n", None, "empty document"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary file, not text"),
        ("feed.jsonl", b'{"text": "a\x00"}\n', None, "binary file, not text"),
        ("export.csv", b"text\nA\x00\n", None, "binary file, not text"),
        ("latin1.txt", b"Line one.\nCaf\xe9 prices rose.\n", 2, "byte 0xe9 at offset 13"),
        ("bom.txt", b"\xef\xbb\xbf\xff", 1, "byte 0xff at offset 3"),
        ("cut.txt", b"Price: 5\xe2\x82", 1, "byte 0xe2 at offset 8"),
        ("utf16.txt", "Sales rose 3%.".encode("utf-16"), None, "UTF-16"),
    ],
)
def test_file_problems(
    tmp_path: Path, name: str, content: bytes, line: int | None, message: str
) -> None:
    path = write(tmp_path / name, content)
    problem = only(path)
    assert isinstance(problem, InputProblem)
    assert (problem.path, problem.line) == (str(path), line)
    assert message in problem.message
    if "byte 0x" in message:
        assert problem.message.startswith("not UTF-8 text: ")


def test_late_nul_byte_is_text(tmp_path: Path) -> None:
    # Only the first 8 KiB are sniffed; a NUL after that is just a character.
    text = "Output rose 2%. " * 600 + "\x00"
    doc = only(write(tmp_path / "long.txt", text))
    assert isinstance(doc, Document)
    assert doc.text == text


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", BODY)
    real_open = builtins.open

    def fake_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", fake_open)
    assert only(path) == InputProblem(str(path), None, "permission denied")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
@pytest.mark.parametrize("name", ["locked.txt", "locked.jsonl", "locked.csv"])
def test_unreadable_file_by_mode(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, BODY)
    path.chmod(0)
    assert only(path) == InputProblem(str(path), None, "permission denied")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_subfolder(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        problem, doc = run(tmp_path)
    finally:
        locked.chmod(0o755)
    assert problem == InputProblem(str(locked), None, "permission denied")
    assert isinstance(doc, Document)


def test_problems_then_documents_in_input_order(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", BODY)
    empty = write(tmp_path / "empty.txt", "")
    feed = jsonl(tmp_path / "feed.jsonl", {"text": "Sales rose 2%."}, "[]")
    missing = tmp_path / "missing.md"
    items = run(missing, good, empty, feed, "-", stdin=io.StringIO(BODY))
    assert [str(item) if isinstance(item, InputProblem) else item.id for item in items] == [
        f"{missing}: no such file or directory",
        "good",
        f"{empty}: empty document",
        "feed-1",
        f"{feed}:2: line is not a JSON object (got array)",
        "stdin",
    ]


# --------------------------------------------------------------------------
# Laziness


def test_read_corpus_is_a_generator(tmp_path: Path) -> None:
    items = read_corpus([str(tmp_path / "missing.txt")])
    assert inspect.isgenerator(items)


def test_read_corpus_is_lazy(tmp_path: Path) -> None:
    first = write(tmp_path / "first.txt", BODY)
    later = tmp_path / "later.txt"
    items = read_corpus([str(first), str(later)])
    doc = next(items)
    assert isinstance(doc, Document)
    assert doc.id == "first"
    # The second path is only looked at now, so a file created after the
    # first document came out is read, not reported missing.
    write(later, "Unemployment fell to 8%.\n")
    second = next(items)
    assert isinstance(second, Document)
    assert second.id == "later"
    assert next(items, None) is None
