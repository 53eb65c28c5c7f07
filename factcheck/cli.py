"""The command line: a thin layer that reads a corpus, runs the stages and prints.

Exit codes follow linters: 0 all well, 1 findings (conflicts), 2 bad usage
or input that could not be read at all. Problems are one line each on
stderr, `path:line: message`, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from factcheck import __version__
from factcheck.corpus import InputProblem, read_corpus
from factcheck.extract import extract_document
from factcheck.model import Document
from factcheck.report.figures import FIGURE_FORMATS, figures_csv, figures_table, jsonl_line

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad usage or unusable input: reported as one line, exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `factcheck` console script and `python -m factcheck`."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UsageError as error:
        print(f"factcheck: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): not an error worth a word
        return EXIT_OK
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Find the statistical figures in news articles and check whether sources agree.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="list the figures in the documents",
        description="List every statistical figure found in the documents.",
    )
    _add_paths(extract)
    extract.add_argument(
        "--format",
        choices=FIGURE_FORMATS,
        default=None,
        help="output format (default: table on a terminal, jsonl otherwise)",
    )
    extract.set_defaults(run=_run_extract)
    return parser


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt/.md file, folder (searched recursively), .jsonl/.csv corpus, or - for stdin",
    )


def documents(paths: Sequence[str], errors: TextIO, read: list[int]) -> Iterator[Document]:
    """The readable documents of the corpus; each problem is reported on `errors`.

    `read` counts the documents as they stream past, so the caller can tell
    "nothing could be read" (exit 2) from "some of it was bad" (reported,
    exit as usual).
    """
    for item in read_corpus(paths):
        if isinstance(item, InputProblem):
            print(f"factcheck: {item}", file=errors)
            continue
        read[0] += 1
        yield item


def _run_extract(args: argparse.Namespace) -> int:
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    read = [0]
    figures = (f for doc in documents(args.paths, sys.stderr, read) for f in extract_document(doc))
    out = sys.stdout
    if fmt == "jsonl":
        for figure in figures:
            out.write(jsonl_line(figure) + "\n")
    elif fmt == "csv":
        out.write(figures_csv(figures))
    else:
        out.write(figures_table(figures) + "\n")
    out.flush()
    if read[0] == 0:
        raise UsageError("no document could be read")
    return EXIT_OK
