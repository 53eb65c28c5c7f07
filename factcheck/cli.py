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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from factcheck import __version__
from factcheck.attribute import attribute_document
from factcheck.compare import Verdict
from factcheck.config import Config, ConfigError, discover
from factcheck.corpus import InputProblem, read_corpus
from factcheck.extract import extract_document
from factcheck.model import Document
from factcheck.pipeline import DEFAULT_FAIL_ON, FAIL_ON, check_corpus, failing
from factcheck.report.check import CHECK_FORMATS, render
from factcheck.report.explain import explain
from factcheck.report.figures import FIGURE_FORMATS, figures_csv, figures_table, jsonl_line
from factcheck.rules.load import load_rules, parse_tolerance
from factcheck.rules.match import check_examples
from factcheck.rules.model import Rule, Tolerance
from factcheck.rules.suggest import suggest_rules

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
        description="Find the statistical figures in news articles and check whether "
        "sources agree.",
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
        help="report format: "
        + ", ".join(CHECK_FORMATS)
        + " (default: table on a terminal, json otherwise)",
    )
    check.add_argument("--output", metavar="FILE", help="write the report to FILE (atomically)")
    check.add_argument(
        "--explain",
        metavar="CLAIM",
        help="print the evidence that made the group CLAIM (its id in the report) instead",
    )
    check.add_argument(
        "--fail-on",
        metavar="WHAT",
        type=_fail_on,
        default=None,
        help="what makes exit code 1: conflicting, contradicts-reference, any or never, "
        "comma-separated (default: conflicting,contradicts-reference)",
    )
    check.set_defaults(run=_run_check)

    rules = commands.add_parser("rules", help="validate and test analysts' rule files")
    rule_commands = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    validate = rule_commands.add_parser(
        "validate", help="report every problem in the rule files (exit 2 if any)"
    )
    validate.add_argument(
        "path", nargs="?", default="rules", help="rule file or folder (default: rules)"
    )
    validate.set_defaults(run=_run_rules_validate)
    test = rule_commands.add_parser(
        "test", help="run each rule's examples and counterexamples (exit 1 on a failure)"
    )
    test.add_argument(
        "path", nargs="?", default="rules", help="rule file or folder (default: rules)"
    )
    test.set_defaults(run=_run_rules_test)
    suggest = rule_commands.add_parser(
        "suggest", help="print a starter rule file from the claims a corpus repeats"
    )
    _add_paths(suggest)
    suggest.set_defaults(run=_run_rules_suggest)
    return parser


def _fail_on(text: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in FAIL_ON]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown value {unknown[0] if unknown else text!r} (choose from {', '.join(FAIL_ON)})"
        )
    return names


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt/.md file, folder (searched recursively), .jsonl/.csv corpus, or - for stdin",
    )


@dataclass
class Reading:
    """What streamed past while reading the corpus: for exit codes and reports."""

    documents: int = 0
    paths: dict[str, str] = field(default_factory=dict)  # doc id -> path as found
    problems: list[InputProblem] = field(default_factory=list)


def documents(paths: Sequence[str], errors: TextIO, reading: Reading) -> Iterator[Document]:
    """The readable documents of the corpus; each problem is reported on `errors`
    and kept in `reading`, so the caller can tell "nothing could be read"
    (exit 2) from "some of it was bad" (reported, then exit as usual)."""
    for item in read_corpus(paths):
        if isinstance(item, InputProblem):
            print(f"factcheck: {item}", file=errors)
            reading.problems.append(item)
            continue
        reading.documents += 1
        reading.paths[item.id] = item.path
        yield item


def _run_check(args: argparse.Namespace) -> int:
    config = _config()
    rules = _load_rules(args.rules or config.rules, args.no_rules)
    tolerances = _tolerances(config)
    fmt = (
        args.format
        or config.format
        or ("table" if args.output is None and sys.stdout.isatty() else "json")
    )
    if fmt not in CHECK_FORMATS:
        raise UsageError(
            f"{config.path}: unknown format {fmt!r} (choose from {', '.join(CHECK_FORMATS)})"
        )
    reading = Reading()
    result = check_corpus(documents(args.paths, sys.stderr, reading), rules, tolerances=tolerances)
    if reading.documents == 0:
        raise UsageError("no document could be read")
    for unused in result.unused_acknowledgements:
        print(f"factcheck: {unused}", file=sys.stderr)
    if args.explain:
        return _explain(result.verdicts, args.explain)
    report = render(fmt, result, paths=reading.paths, skipped=reading.problems)
    if args.output:
        write_atomically(args.output, report)
    else:
        sys.stdout.write(report)
    fail_on = args.fail_on or config.fail_on or DEFAULT_FAIL_ON
    return EXIT_FINDINGS if failing(result, fail_on) else EXIT_OK


def _explain(verdicts: Sequence[Verdict], claim: str) -> int:
    """Print the evidence of the group `claim`; a claim no group has is bad usage."""
    for verdict in verdicts:
        if verdict.group.claim == claim:
            sys.stdout.write(explain(verdict))
            return EXIT_OK
    close = [v.group.claim for v in verdicts if claim in v.group.claim][:5]
    hint = f" (did you mean {', '.join(close)}?)" if close else " (the report lists the ids)"
    raise UsageError(f"no claim group {claim!r}{hint}")


def _config() -> Config:
    try:
        config = discover()
    except ConfigError as error:
        raise UsageError(str(error)) from None
    if config.fail_on and any(name not in FAIL_ON for name in config.fail_on):
        raise UsageError(f"{config.path}: fail-on takes {', '.join(FAIL_ON)}")
    return config


def _tolerances(config: Config) -> dict[str, Tolerance]:
    """Default tolerances of automatic groups, per kind, from the settings file."""
    units = {
        "percent": "percent",
        "count": "count",
        "money": "USD",
        "duration": "hour",
        "quantity": "count",
    }
    parsed = {}
    for kind, text in config.tolerance.items():
        try:
            parsed[kind] = parse_tolerance(text, units[kind])
        except Exception as error:
            raise UsageError(f"{config.path}: tolerance for {kind}: {error}") from None
    return parsed


def _run_rules_suggest(args: argparse.Namespace) -> int:
    reading = Reading()
    result = check_corpus(documents(args.paths, sys.stderr, reading))
    if reading.documents == 0:
        raise UsageError("no document could be read")
    sys.stdout.write(suggest_rules(result.verdicts))
    return EXIT_OK


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
    reading = Reading()
    figures = (
        f
        for doc in documents(args.paths, sys.stderr, reading)
        for f in attribute_document(doc, extract_document(doc))
    )
    out = sys.stdout
    if fmt == "jsonl":
        for figure in figures:
            out.write(jsonl_line(figure) + "\n")
    elif fmt == "csv":
        out.write(figures_csv(figures))
    else:
        out.write(figures_table(figures) + "\n")
    out.flush()
    if reading.documents == 0:
        raise UsageError("no document could be read")
    return EXIT_OK
