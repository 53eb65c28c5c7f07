"""Command-line PATH arguments in, a stream of `Document`s out.

A corpus is whatever a newsroom has to hand: loose `.txt`/`.md` articles,
folders of them, a JSONL or CSV export, or standard input. Bad input is part
of the stream, not an exception: each thing that cannot be read comes out as
an `InputProblem` in input order, so the caller reports it, skips it and
still checks the rest of the corpus (DESIGN.md: "a bad document is reported
and skipped").

Everything is a generator and each document is read only when the consumer
asks for it, so a corpus of any size goes through in constant memory.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import json
import math
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO, TextIO

from factcheck.dates import parse_date, url_date
from factcheck.model import Document

__all__ = ["InputProblem", "parse_front_matter", "read_corpus"]

#: Extensions of web pages, read for their main text.
HTML_SUFFIXES = (".html", ".htm")
#: Extensions a folder is searched for.
TEXT_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)
#: `Document.meta["text_source"]` of a web page: offsets count in its main
#: text as extracted, not in the markup.
HTML_TEXT = "html-main-text"

#: Metadata keys that have their own `Document` field; the rest go to `meta`.
DOCUMENT_FIELDS = ("title", "source", "url", "date")

#: How much of a file is looked at for NUL bytes to tell binary from text
#: (the same heuristic as git and grep).
BINARY_SNIFF = 8192

#: The longest CSV cell read (the csv module's default, 131,072 characters,
#: is shorter than a long article and would end the file).
CSV_FIELD_LIMIT = 64 * 1024 * 1024

_FENCE = "---"
_KEY = re.compile(r"\w[\w .-]*")
_NOT_FOUND = "no such file or directory"
_EMPTY = "empty document"
_BINARY = "binary file, not text"


@dataclass(frozen=True, slots=True)
class InputProblem:
    """One piece of input that could not be read.

    `line` is 1-based and set when the problem is in one line (or row) of a
    file, so editors and CI annotations can point at it.
    """

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        """The `path:line: message` form that compilers and linters print, on
        one line whatever the file name holds."""
        path = self.path.translate(_LINE_SAFE)
        if self.line is None:
            return f"{path}: {self.message}"
        return f"{path}:{self.line}: {self.message}"


#: Line breaks in a file name, written as escapes so a problem stays one line.
_LINE_SAFE = str.maketrans({"\n": "\\n", "\r": "\\r"})

Item = Document | InputProblem


class _BadBytes(Exception):
    """A line of a streamed file that is not UTF-8 (internal: ends a CSV file)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


# --------------------------------------------------------------------------
# Entry point


def read_corpus(paths: Sequence[str], stdin: TextIO | None = None) -> Iterator[Item]:
    """Yield documents one at a time, and an InputProblem for each thing that
    could not be read, in input order.

    Lazy on purpose: nothing is opened until the consumer asks for the next
    item, so the corpus is never held in memory and the first report lines
    come out while the rest is still being read. `stdin` stands for `-`
    (defaults to `sys.stdin`). Never raises for bad input.
    """
    for path in paths:
        yield from _read_path(os.fspath(path), stdin)


def _read_path(path: str, stdin: TextIO | None) -> Iterator[Item]:
    """One PATH argument: `-`, a folder, a corpus file or a text file."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin
        if stream is None:  # pythonw, or a daemon with its stdin closed
            yield InputProblem(path, None, "no standard input to read")
        else:
            yield _read_stdin(stream)
        return
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        yield InputProblem(path, None, _os_message(error))
        return
    except ValueError as error:  # a NUL byte in the name, from a library caller
        yield InputProblem(path, None, f"not a usable path: {error}")
        return
    if stat.S_ISDIR(mode):
        yield from _read_folder(path)
        return
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".jsonl":
        yield from _read_rows(path, _jsonl_rows)
    elif suffix == ".csv":
        yield from _read_rows(path, _csv_rows)
    else:
        yield _read_text_file(path)


def _os_message(error: OSError) -> str:
    """The OS's own words, lowercase-first like every other message here."""
    if isinstance(error, FileNotFoundError):
        return _NOT_FOUND
    text = error.strerror or str(error) or type(error).__name__
    return text[:1].lower() + text[1:]


# --------------------------------------------------------------------------
# Folders


def _read_folder(folder: str) -> Iterator[Item]:
    """Every `.txt`/`.md` under `folder`, in path order so runs are repeatable."""
    files, problems = _folder_files(folder)
    yield from problems
    if not files and not problems:
        yield InputProblem(folder, None, "no .txt, .md or .html documents in this folder")
    for path in files:
        yield _read_text_file(path, regular_only=True)


def _folder_files(folder: str) -> tuple[list[str], list[InputProblem]]:
    """The document paths under `folder` (sorted) and the subfolders that
    could not be listed.

    Hidden folders and files (`.git`, `.obsidian`, editor droppings) are
    tool state, not articles, so they are skipped.
    """
    errors: list[OSError] = []
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=errors.append):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        found.extend(
            os.path.join(dirpath, name)
            for name in filenames
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in TEXT_SUFFIXES
        )
    found.sort(key=lambda path: PurePath(path).parts)
    problems = [
        InputProblem(str(error.filename or folder), None, _os_message(error)) for error in errors
    ]
    return found, problems


# --------------------------------------------------------------------------
# Text files and standard input


def _read_text_file(path: str, *, regular_only: bool = False) -> Item:
    """A whole article file; its id is the file name without extension.

    A folder holds articles, so a pipe or device found in one is skipped
    (reading it could wait forever); named on the command line, it is read,
    as `<(curl ...)` gives a pipe."""
    try:
        if regular_only and not stat.S_ISREG(os.stat(path).st_mode):
            return InputProblem(path, None, "not a regular file (a pipe, socket or device)")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return InputProblem(path, None, _os_message(error))
    if os.path.splitext(path)[1].lower() in HTML_SUFFIXES:
        return _html_document(data, path, _stem(path), {})
    return _bytes_document(data, path, _stem(path))


def _read_stdin(stream: TextIO) -> Item:
    """Standard input as one article (id `stdin`, path `-`).

    The raw bytes are read when the stream has them, so that CRLF survives
    exactly as in a file; a plain text stream (tests, embedding) is taken
    as it is.
    """
    try:
        raw = getattr(stream, "buffer", None)
        if raw is not None:
            return _bytes_document(raw.read(), "-", "stdin")
        text = stream.read()
    except UnicodeDecodeError as error:
        return InputProblem("-", None, f"not UTF-8 text: {_byte_detail(error, 0)}")
    except OSError as error:
        return InputProblem("-", None, _os_message(error))
    except ValueError as error:  # already closed
        return InputProblem("-", None, f"cannot read standard input: {error}")
    text = text.removeprefix("\ufeff")
    if "\x00" in text[:BINARY_SNIFF]:
        return InputProblem("-", None, _BINARY)
    return _text_document(text, "-", "stdin")


def _bytes_document(data: bytes, path: str, doc_id: str) -> Item:
    """Decode a text file's bytes and make the document, or say why not."""
    decoded = _decode(data)
    if isinstance(decoded, tuple):
        line, message = decoded
        return InputProblem(path, line, message)
    return _text_document(decoded, path, doc_id)


def _decode(data: bytes) -> str | tuple[int | None, str]:
    """UTF-8 text (a leading BOM dropped, newlines untouched), or the line
    and message of why the bytes are not text.

    Offsets in figures count from the first character after the BOM, as
    every editor shows the file.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None, "not UTF-8 text: UTF-32 byte order mark at offset 0"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, "not UTF-8 text: UTF-16 byte order mark at offset 0"
    if b"\x00" in data[:BINARY_SNIFF]:
        return None, _BINARY
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = skip + error.start
        return data.count(b"\n", 0, offset) + 1, f"not UTF-8 text: {_byte_detail(error, skip)}"


def _byte_detail(error: UnicodeDecodeError, base: int) -> str:
    """`byte 0xff at offset 12`: enough to find the culprit with a hex viewer."""
    bad = error.object[error.start : error.start + 1]
    return f"byte 0x{bad.hex()} at offset {base + error.start}"


def _text_document(text: str, path: str, doc_id: str) -> Item:
    """A document from decoded text, its front matter read as metadata."""
    text = _LONE_CR.sub("\n", text)
    metadata, body_start = parse_front_matter(text)
    if not text[body_start:].strip():
        return InputProblem(path, None, _EMPTY)
    return _make_document(doc_id, path, text, metadata, body_start)


def _html_document(
    page: bytes | str, path: str, doc_id: str, metadata: Mapping[str, str], line: int | None = None
) -> Item:
    """A web page as its main text, read by trafilatura (menus, adverts and
    comments left out), paragraphs parted by blank lines; the page's title,
    date, URL and site name are its metadata unless `metadata` (a row's own
    fields) says otherwise. Offsets count in that text (`meta["text_source"]`)."""
    import trafilatura  # imported only when a page is read: it costs a start of its own

    try:
        extracted = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    except Exception as error:  # a page trafilatura cannot parse is one problem, not a crash
        return InputProblem(path, line, f"cannot read the HTML page: {error}")
    paragraphs = (getattr(extracted, "text", None) or "").split("\n")
    text = "\n\n".join(para.strip() for para in paragraphs if para.strip())
    if not text:
        return InputProblem(path, line, "no main text found in this HTML page")
    found = {
        "title": extracted.title,
        "date": extracted.date,
        "url": extracted.url,
        "source": extracted.sitename,
    }
    page_meta = {key: value for key, value in found.items() if value}
    return _make_document(
        doc_id, path, text, {**page_meta, **metadata, "text_source": HTML_TEXT}, 0, line
    )


def _stem(path: str) -> str:
    """File name without its (last) extension: `news/ankara.md` -> `ankara`."""
    return os.path.splitext(os.path.basename(path))[0]


# --------------------------------------------------------------------------
# Front matter


def parse_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Front matter at the very top of a text file: a line `---`,
    `key: value` lines, a line `---`. Returns the metadata and the offset
    where the body starts (just after the closing `---` line and its
    newline). No front matter -> ({}, 0).

    Keys are lowercased; values lose surrounding quotes. Blank lines,
    `#` comments and indented or `- item` continuation lines (YAML lists)
    are tolerated and ignored. Any other line, or a missing closing `---`,
    means the `---` was a horizontal rule, not front matter, and the whole
    text is body: better to read a title as text than to hide an article.
    """
    lines = _lines_with_ends(text)
    first = next(lines, None)
    if first is None or first[0].rstrip() != _FENCE:
        return {}, 0
    metadata: dict[str, str] = {}
    for line, end in lines:
        content = line.rstrip()
        if content == _FENCE:
            return metadata, end
        if _is_ignorable(content):
            continue
        key, colon, value = content.partition(":")
        key = key.strip()
        if not colon or not _KEY.fullmatch(key):
            return {}, 0
        metadata[key.lower()] = _unquote(value.strip())
    return {}, 0


def _lines_with_ends(text: str) -> Iterator[tuple[str, int]]:
    """Each `\\n`-terminated line without its line break, with the offset
    just past its end. Lazy, so a long file without a closing fence is not
    split up front."""
    start = 0
    while start < len(text):
        newline = text.find("\n", start)
        end = len(text) if newline < 0 else newline + 1
        yield text[start:end].rstrip("\r\n"), end
        start = end


def _is_ignorable(line: str) -> bool:
    """Blank, comment or continuation lines inside front matter."""
    stripped = line.strip()
    return (
        not stripped
        or stripped.startswith("#")
        or line[:1] in (" ", "\t")
        or stripped == "-"
        or stripped.startswith("- ")
    )


def _unquote(value: str) -> str:
    """`"Reuters"` -> `Reuters`: YAML-style quoting is not part of the value."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


# --------------------------------------------------------------------------
# Corpus files: JSONL and CSV


@dataclass(frozen=True, slots=True)
class Row:
    """One record of a corpus file: its fields and the line it starts on."""

    line: int
    fields: Mapping[str, object]


#: Turns a corpus file's lines (byte offset, bytes) into records.
RowReader = Callable[[str, Iterator[tuple[int, bytes]]], Iterator[Row | InputProblem]]


def _read_rows(path: str, rows: RowReader) -> Iterator[Item]:
    """A corpus file: one document per record, streamed record by record.

    The file is checked for binary content first, then each record becomes
    a document (id from its `id` field, else `<file stem>-<line>`).
    """
    stem = _stem(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(BINARY_SNIFF)
            if b"\x00" in head:
                yield InputProblem(path, None, _BINARY)
                return
            seen = False
            for row in rows(path, _byte_lines(head, handle)):
                seen = True
                if isinstance(row, InputProblem):
                    yield row
                else:
                    yield _row_document(row, path, stem)
            if not seen:
                yield InputProblem(path, None, "no documents in this file")
    except OSError as error:
        yield InputProblem(path, None, _os_message(error))


def _byte_lines(head: bytes, rest: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(byte offset, line with its line break) for the whole file, given
    its first block already read; a leading UTF-8 BOM is dropped.

    Works on pipes too, since nothing has to be read twice.
    """
    offset = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    pieces = head[offset:].split(b"\n")
    tail = pieces.pop() + rest.readline()
    for piece in itertools.chain((p + b"\n" for p in pieces), (tail,) if tail else (), rest):
        yield offset, piece
        offset += len(piece)


def _jsonl_rows(path: str, lines: Iterator[tuple[int, bytes]]) -> Iterator[Row | InputProblem]:
    """One JSON object per line; blank lines are padding and skipped.

    Each line stands alone, so a bad one is reported and the next is read.
    """
    for number, (offset, raw) in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield InputProblem(path, number, f"not UTF-8 text: {_byte_detail(error, offset)}")
            continue
        if not line.strip():
            continue
        parsed = _parse_json_object(line)
        if isinstance(parsed, str):
            yield InputProblem(path, number, parsed)
        else:
            yield Row(number, parsed)


def _parse_json_object(line: str) -> dict[str, object] | str:
    """The object on a JSONL line, or the message saying why there is none."""
    try:
        value = json.loads(line, parse_constant=_no_constant, parse_float=_finite_float)
    except _NotFinite as error:
        return f"line has a number JSON cannot hold: {error}"
    except json.JSONDecodeError as error:
        return f"line is not JSON: {error.msg} (column {error.colno})"
    except (ValueError, RecursionError) as error:
        return f"line is not JSON: {error}"
    if not isinstance(value, dict):
        return f"line is not a JSON object (got {_json_type(value)})"
    return value


class _NotFinite(ValueError):
    """A JSONL number that is no finite number (NaN, Infinity, 1e999)."""


def _no_constant(name: str) -> float:
    raise _NotFinite(name)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(text)
    return value


def _json_type(value: object) -> str:
    """JSON's name for a parsed value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _csv_rows(path: str, lines: Iterator[tuple[int, bytes]]) -> Iterator[Row | InputProblem]:
    """A CSV with a header row naming a `text` column, read row by row.

    Records may span lines (quoted line breaks), so a record is numbered by
    the line it starts on. Unlike JSONL, one bad line can derail every
    record after it, so an undecodable line or a CSV syntax error ends the
    file with a problem.
    """
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    reader = csv.reader(_decoded_lines(lines))
    header: list[str] | None = None
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue  # blank lines and all-empty spreadsheet rows
            if header is None:
                header = cells
                if not {"text", "html"} & {name.strip().lower() for name in header}:
                    columns = ", ".join(header)
                    problem = f'no "text" or "html" column in the header ({columns})'
                    yield InputProblem(path, line, problem)
                    return
                continue
            padded = itertools.chain(cells, itertools.repeat(""))
            yield Row(line, dict(zip(header, padded, strict=False)))
    except _BadBytes as error:
        yield InputProblem(path, error.line, error.message)
    except csv.Error as error:
        yield InputProblem(path, reader.line_num or None, f"not valid CSV: {error}")


def _decoded_lines(lines: Iterable[tuple[int, bytes]]) -> Iterator[str]:
    """Decode line by line, so an undecodable byte is pinned to its line."""
    for number, (offset, raw) in enumerate(lines, start=1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _BadBytes(number, f"not UTF-8 text: {_byte_detail(error, offset)}") from None


def _row_document(row: Row, path: str, stem: str) -> Item:
    """A record's fields as a document: `text` and `id` by name (any case),
    title/source/url/date to their fields, other scalar fields to `meta`."""
    known: dict[str, object] = {}
    extra: dict[str, str] = {}
    for key, value in row.fields.items():
        name = key.strip().lower()
        if name in ("text", "html", "id", *DOCUMENT_FIELDS):
            known[name] = value
        elif (value_text := _as_text(value)) is not None:
            extra[key] = value_text
    text = known.get("text")
    doc_id = (_as_text(known.get("id")) or "").strip() or f"{stem}-{row.line}"
    metadata = {name: value for name in DOCUMENT_FIELDS if (value := _as_text(known.get(name)))}
    html = known.get("html")
    if (text is None or text == "") and isinstance(html, str) and html.strip():
        return _html_document(html, path, doc_id, {**extra, **metadata}, row.line)
    if text is None:
        return InputProblem(path, row.line, 'no "text" or "html" field')
    if not isinstance(text, str):
        kind = _json_type(text)
        return InputProblem(path, row.line, f'no "text" field: "text" must be a string, not {kind}')
    if not text.strip():
        return InputProblem(path, row.line, _EMPTY)
    text = _LONE_CR.sub("\n", text)
    return _make_document(doc_id, path, text, {**extra, **metadata}, 0, row.line)


def _as_text(value: object) -> str | None:
    """A scalar as metadata text (`true`, `3`, `2.5` as JSON writes them);
    None for null, empty strings, lists and objects, which have no single
    text form worth keeping."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str) and value:
        return value
    return None


#: A carriage return that is a line break of its own (old Mac files): read as
#: "\n", one character for one, so offsets stay those of the file.
_LONE_CR = re.compile(r"\r(?!\n)")


def _make_document(
    doc_id: str,
    path: str,
    text: str,
    metadata: Mapping[str, str],
    body_start: int,
    row: int | None = None,
) -> Document:
    """The `Document`, metadata split between its own fields and `meta`;
    `row` is the line its record starts on in a JSONL/CSV corpus file."""
    fields = {name: metadata.get(name) or None for name in DOCUMENT_FIELDS}
    meta = {key: value for key, value in metadata.items() if key not in DOCUMENT_FIELDS}
    fields["date"] = parse_date(fields["date"]) or url_date(fields["url"])
    return Document(
        id=doc_id, path=path, text=text, body_start=body_start, row=row, meta=meta, **fields
    )
