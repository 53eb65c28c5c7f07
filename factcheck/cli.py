"""The command line: a thin layer that reads a corpus, runs the stages and prints.

Exit codes follow linters: 0 all well, 1 findings (conflicts), 2 bad usage
or input that could not be read at all. Problems are one line each on
stderr, `path:line: message`, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from factcheck import __version__
from factcheck.corpus import InputProblem, read_corpus
from factcheck.extract import extract_document
from factcheck.model import Document
from factcheck.pipeline import check_corpus, effective_verdict
from factcheck.rules.load import load_rules
from factcheck.rules.match import check_examples
from factcheck.rules.model import Rule
from factcheck.report.check import CHECK_FORMATS, check_json, check_table
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

    check = commands.add_parser(
        "check",
        help="report which figures the documents agree and disagree on",
        description="Group figures about the same thing across documents and judge them.",
    )
    _add_paths(check)
    check.add_argument(
        "--rules",
        metavar="PATH",
        default=None,
        help="rule file or folder of *.toml rules (default: ./rules when it exists)",
    )
    check.add_argument("--no-rules", action="store_true", help="ignore ./rules")
    check.add_argument(
        "--format",
        choices=CHECK_FORMATS,
        default=None,
        help="output format (default: table on a terminal, json otherwise)",
    )
    check.add_argument("--output", metavar="FILE", help="write the report to FILE (atomically)")
    check.set_defaults(run=_run_check)

    rules = commands.add_parser("rules", help="validate and test analysts' rule files")
    rule_commands = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    validate = rule_commands.add_parser(
        "validate", help="report every problem in the rule files (exit 2 if any)"
    )
    validate.add_argument("path", nargs="?", default="rules", help="rule file or folder (default: rules)")
    validate.set_defaults(run=_run_rules_validate)
    test = rule_commands.add_parser(
        "test", help="run each rule's examples and counterexamples (exit 1 on a failure)"
    )
    test.add_argument("path", nargs="?", default="rules", help="rule file or folder (default: rules)")
    test.set_defaults(run=_run_rules_test)
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


def _run_check(args: argparse.Namespace) -> int:
    rules = _load_rules(args.rules, args.no_rules)
    fmt = args.format or ("table" if args.output is None and sys.stdout.isatty() else "json")
    read = [0]
    result = check_corpus(documents(args.paths, sys.stderr, read), rules)
    if read[0] == 0:
        raise UsageError("no document could be read")
    report = check_json(result) if fmt == "json" else check_table(result)
    if args.output:
        write_atomically(args.output, report)
    else:
        sys.stdout.write(report)
    failing = {"conflicting", "contradicts-reference"}
    return EXIT_FINDINGS if any(effective_verdict(v) in failing for v in result.verdicts) else EXIT_OK


def _load_rules(path: str | None, disabled: bool) -> list[Rule]:
    """Rules from PATH, or ./rules when it exists; every problem is reported, then exit 2."""
    if disabled:
        return []
    if path is None:
        if not Path("rules").is_dir():
            return []
        path = "rules"
    if not Path(path).exists():
        raise UsageError(f"{path}: no such rule file or folder")
    rules, problems = load_rules(path)
    for problem in problems:
        print(f"factcheck: {problem}", file=sys.stderr)
    if problems:
        raise UsageError(f"{len(problems)} problem(s) in the rules; nothing was checked")
    return rules


def _run_rules_validate(args: argparse.Namespace) -> int:
    rules = _load_rules(args.path, disabled=False)
    print(f"{args.path}: {len(rules)} claim(s), no problems")
    return EXIT_OK


def _run_rules_test(args: argparse.Namespace) -> int:
    """Like a test runner: one line per failure, then `N passed, N failed`."""
    rules = _load_rules(args.path, disabled=False)
    passed = failed = 0
    for rule in rules:
        for result in check_examples(rule):
            if result.passed:
                passed += 1
                continue
            failed += 1
            kind = "example" if result.expected else "counterexample"
            wrong = "claims no figure" if result.expected else f"claims {', '.join(result.claimed)}"
            found = ", ".join(result.found) or "no figures"
            print(f"FAIL {rule.path}:{rule.line}: {rule.id}: {kind} {wrong} (found: {found})")
            print(f"     {result.sentence}")
    print(f"{passed} passed, {failed} failed")
    return EXIT_FINDINGS if failed else EXIT_OK


def write_atomically(path: str, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename: whole or not at all."""
    target = Path(path)
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=target.parent, prefix=f".{target.name}.", delete=False
        ) as handle:
            temporary = handle.name
            handle.write(text)
        os.replace(temporary, target)
    except OSError as error:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        raise UsageError(f"{path}: cannot write the report: {error.strerror or error}") from None


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
