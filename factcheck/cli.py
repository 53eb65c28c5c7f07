"""The command line: a thin layer that reads a corpus, runs the stages and prints.

Exit codes follow linters: 0 all well, 1 findings (conflicts), 2 bad usage
or input that could not be read at all. Problems are one line each on
stderr, `path:line: message`, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import re
import secrets
import signal
import stat
import sys
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TextIO

from factcheck import __version__
from factcheck.compare.status import DEFAULT_FAIL_ON, FAIL_ON
from factcheck.progress import Progress, paused
from factcheck.report import CHECK_FORMATS, FIGURE_FORMATS

if TYPE_CHECKING:
    from factcheck.compare.verdict import Verdict
    from factcheck.config import Config
    from factcheck.corpus import InputProblem
    from factcheck.model import Document, Origin
    from factcheck.rules.model import Rule, Tolerance

# The stages are imported by the commands that run them, not here: `--help`,
# `--version` and a mistyped option answer at once, without loading the
# grammar, the unit registry or pandas.

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad usage or unusable input: reported as one line, exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `factcheck` console script and `python -m factcheck`.

    Whatever goes wrong ends as one `factcheck: ...` line on stderr, never a
    traceback. An unexpected exception (a bug) is reported as `internal
    error` with exit code 2, never 1, so that CI cannot mistake a crash for
    findings. Set FACTCHECK_DEBUG=1 in the environment to let it propagate,
    traceback and all, instead.
    """
    _never_fail_to_encode()
    warnings.showwarning = _show_warning
    try:
        parser = _parser()
        args = parser.parse_args(argv)
        return args.run(args)
    except UsageError as error:
        _say(error)
        return EXIT_ERROR
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): not an error worth a word
        return EXIT_OK
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except Exception as error:
        if os.environ.get("FACTCHECK_DEBUG", "") not in ("", "0"):
            raise
        _say(f"internal error: {type(error).__name__}: {error} (please report)")
        return EXIT_ERROR


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A warning as one `factcheck: path:line: warning: ...` line, like a problem
    (Python's own display adds a second line quoting the source)."""
    _say(f"{filename}:{lineno}: warning: {message}", file=file)


def _never_fail_to_encode() -> None:
    """Make stdout and stderr write what they cannot encode as backslash escapes.

    Text can hold lone surrogates (a JSON `"\\ud800"` escape, a file name
    that is not UTF-8); written strictly, they raise UnicodeEncodeError in
    the middle of a report. Escaped, a JSON report stays valid JSON, and
    `\\ud800` reads back as the very same character.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


#: What could split a problem line or fail to encode: C0 and C1 controls, the
#: separators str.splitlines() also breaks at, and lone surrogates.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _one_line(text: str) -> str:
    """`text` with each character that could split its line or fail to encode
    escaped as repr() escapes it (a newline in a file name becomes `\\n`); a
    byte of a file name that is not UTF-8 (os.fsdecode's surrogateescape)
    is shown as the byte, `\\xe9`, as `ls -b` shows it."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    """The escape of one character `_UNSAFE` matched (see `_one_line`)."""
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return repr(match.group())[1:-1]


def _say(message: object, file: TextIO | None = None) -> None:
    """Print `factcheck: MESSAGE` on stderr (or `file`) as exactly one line,
    above the progress bar when one is shown."""
    stream = file or sys.stderr
    with paused(stream):
        print(f"factcheck: {_one_line(str(message))}", file=stream)


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
    _add_jobs(extract)
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
    _add_jobs(check)
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
    check.add_argument(
        "--output",
        metavar="FILE",
        help="write the report to FILE (atomically; only a regular file is replaced; "
        "- for standard output)",
    )
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


def _add_jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        metavar="N",
        type=_positive,
        default=None,
        help="worker processes that read large corpora (default: one per CPU; 1: none); "
        "the output is the same for any N",
    )


def _positive(text: str) -> int:
    value = int(text) if text.strip().isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {text!r}")
    return value


@dataclass
class Reading:
    """What streamed past while reading the corpus: for exit codes and reports."""

    documents: int = 0
    origins: dict[str, Origin] = field(default_factory=dict)  # doc id -> where it was read
    problems: list[InputProblem] = field(default_factory=list)
    progress: Progress = field(default_factory=Progress)  # documents read, on a terminal

    def report(self, problem: InputProblem, errors: TextIO | None = None) -> None:
        """Say the problem on `errors` (stderr by default) and keep it for the reports."""
        _say(problem, file=errors)
        self.problems.append(problem)


def documents(paths: Sequence[str], errors: TextIO, reading: Reading) -> Iterator[Document]:
    """The readable documents of the corpus; each problem is reported on `errors`
    and kept in `reading`, so the caller can tell "nothing could be read"
    (exit 2) from "some of it was bad" (reported, then exit as usual)."""
    from factcheck.corpus import InputProblem, read_corpus
    from factcheck.model import Origin

    for item in reading.progress.track(read_corpus(paths)):
        if isinstance(item, InputProblem):
            reading.report(item, errors)
            continue
        reading.documents += 1
        reading.origins[item.id] = Origin(item.path, item.row, item.meta.get("text_source"))
        yield item


def _run_check(args: argparse.Namespace) -> int:
    from factcheck.compare.policy import failing
    from factcheck.pipeline import check_corpus
    from factcheck.report.check import render_pieces

    config = _config()
    rules = _load_rules(args.rules or config.rules, args.no_rules)
    tolerances = _tolerances(config)
    fmt = (
        args.format
        or config.format
        or ("table" if args.output in (None, "-") and sys.stdout.isatty() else "json")
    )
    if fmt not in CHECK_FORMATS:
        raise UsageError(
            f"{config.path}: unknown format {fmt!r} (choose from {', '.join(CHECK_FORMATS)})"
        )
    if args.output not in (None, "-") and not args.explain:
        _replaced_file(args.output)  # refuse a symlink or a device now, not after the whole run
    reading = Reading()
    with reading.progress:
        result = check_corpus(
            documents(args.paths, sys.stderr, reading),
            rules,
            tolerances=tolerances,
            jobs=args.jobs,
            on_problem=reading.report,
            on_stage=reading.progress.stage,
        )
    if reading.documents == 0:
        raise UsageError("no document could be read")
    for unused in result.unused_acknowledgements:
        _say(unused)
    if args.explain:
        return _explain(result.verdicts, args.explain)
    report = render_pieces(fmt, result, origins=reading.origins, skipped=reading.problems)
    if args.output in (None, "-"):
        sys.stdout.writelines(report)
    else:
        write_atomically(args.output, report)
    fail_on = args.fail_on or config.fail_on or DEFAULT_FAIL_ON
    return EXIT_FINDINGS if failing(result, fail_on) else EXIT_OK


def _explain(verdicts: Sequence[Verdict], claim: str) -> int:
    """Print the evidence of the group `claim`; a claim no group has is bad usage."""
    from factcheck.report.explain import explain

    for verdict in verdicts:
        if verdict.group.claim == claim:
            sys.stdout.write(explain(verdict))
            return EXIT_OK
    close = [v.group.claim for v in verdicts if claim in v.group.claim][:5]
    hint = f" (did you mean {', '.join(close)}?)" if close else " (the report lists the ids)"
    raise UsageError(f"no claim group {claim!r}{hint}")


def _config() -> Config:
    from factcheck.config import ConfigError, discover

    try:
        config = discover()
    except ConfigError as error:
        raise UsageError(str(error)) from None
    if config.fail_on and any(name not in FAIL_ON for name in config.fail_on):
        raise UsageError(f"{config.path}: fail-on takes {', '.join(FAIL_ON)}")
    return config


def _tolerances(config: Config) -> dict[str, Tolerance]:
    """Default tolerances of automatic groups, per kind, from the settings file."""
    from factcheck.rules.load import parse_tolerance

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
    from factcheck.pipeline import check_corpus
    from factcheck.rules.suggest import suggest_rules

    reading = Reading()
    with reading.progress:
        result = check_corpus(
            documents(args.paths, sys.stderr, reading),
            on_problem=reading.report,
            on_stage=reading.progress.stage,
        )
    if reading.documents == 0:
        raise UsageError("no document could be read")
    sys.stdout.write(suggest_rules(result.verdicts))
    return EXIT_OK


def _load_rules(path: str | None, disabled: bool) -> list[Rule]:
    """Rules from PATH, or ./rules when it exists; every problem is reported, then exit 2."""
    from factcheck.rules.load import load_rules

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
        _say(problem)
    if problems:
        raise UsageError(f"{len(problems)} problem(s) in the rules; nothing was checked")
    return rules


def _run_rules_validate(args: argparse.Namespace) -> int:

    rules = _load_rules(args.path, disabled=False)
    print(f"{args.path}: {len(rules)} claim(s), no problems")
    return EXIT_OK


def _run_rules_test(args: argparse.Namespace) -> int:
    """Like a test runner: one line per failure, then `N passed, N failed`."""
    from factcheck.rules.match import check_examples

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


def write_atomically(path: str, text: str | Iterable[str]) -> None:
    """Write `text` (or its pieces, as they come) to PATH whole or not at all:
    into a temporary file beside it, then renamed over PATH.

    Only a regular file is replaced: renaming over a symlink would cut the
    link, and over a device or FIFO would swap it for a plain file. The
    report keeps the permission bits of the file it replaces, or gets the
    umask's when PATH is new. What cannot be encoded is written as a
    backslash escape, so writing cannot fail halfway. The temporary file is
    removed on every way out: an error, Ctrl-C or SIGTERM.
    """
    replaced = _replaced_file(path)
    with _terminate_raises():
        temporary: Path | None = None
        try:
            fd, temporary = _create_temporary(Path(path).parent)
            with open(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
                if replaced is not None:
                    os.fchmod(fd, stat.S_IMODE(replaced.st_mode))
                handle.writelines((text,) if isinstance(text, str) else text)
                handle.flush()
                os.fsync(fd)  # on disk before the rename makes it the report, even if power fails
            os.replace(temporary, path)
            temporary = None
        except OSError as error:
            raise UsageError(
                f"{path}: cannot write the report: {error.strerror or error}"
            ) from None
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    temporary.unlink()


#: The kinds of file --output refuses to replace, as a message names them.
_NOT_REGULAR = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _replaced_file(path: str) -> os.stat_result | None:
    """The status of the regular file a report written to PATH would replace,
    None when there is none yet; a UsageError when PATH is anything else."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UsageError(f"{path}: cannot write the report: {error.strerror or error}") from None
    if stat.S_ISREG(status.st_mode):
        return status
    kind = next((name for test, name in _NOT_REGULAR if test(status.st_mode)), "a special file")
    raise UsageError(
        f"{path}: is {kind}, not a regular file; refusing to replace it with the report "
        "(name a regular file, or - for standard output)"
    )


#: Temporary report names: short, so that one fits wherever the report's own
#: name does (tempfile's `.NAME.XXXXXXXX` is too long for a 250-byte NAME).
_TEMPORARY = ".fc-{}.tmp"


def _create_temporary(folder: Path) -> tuple[int, Path]:
    """A new, empty `.fc-XXXXXX.tmp` in `folder`: its descriptor and path.

    Created with mode 0666 so that the kernel applies the umask (and any
    default ACL) as it would to a new report; tempfile's would be 0600.
    O_EXCL: a name already taken is never opened, another is tried.
    """
    for _ in range(100):
        candidate = folder / _TEMPORARY.format(secrets.token_hex(3))
        with contextlib.suppress(FileExistsError):
            return os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), candidate
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", str(folder))


@contextlib.contextmanager
def _terminate_raises() -> Iterator[None]:
    """Within the block, SIGTERM raises SystemExit instead of killing the
    process outright, so that `finally` clauses remove temporary files.

    Ctrl-C needs nothing: Python raises KeyboardInterrupt already. A handler
    someone else installed (a program embedding `main`) is left alone, and so
    is SIGTERM outside the main thread, where no handler can be set.
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return
    signal.signal(signal.SIGTERM, _exit_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _exit_terminated(signum: int, frame: FrameType | None) -> None:
    """SIGTERM handler: unwind with the status a shell gives a terminated process (143)."""
    raise SystemExit(128 + signum)


def _run_extract(args: argparse.Namespace) -> int:
    from factcheck.pipeline import attributed_figures
    from factcheck.report.figures import figures_csv, figures_table, jsonl_line

    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    # Figures stream to stdout as they are found: a bar only when they go elsewhere.
    reading = Reading(progress=Progress(shown=not sys.stdout.isatty()))
    figures = attributed_figures(
        documents(args.paths, sys.stderr, reading), args.jobs, on_problem=reading.report
    )
    out = sys.stdout
    with reading.progress:
        if fmt == "jsonl":
            for figure in figures:
                out.write(jsonl_line(figure, reading.origins[figure.doc].text_source) + "\n")
        elif fmt == "csv":
            out.write(figures_csv(figures))
        else:
            out.write(figures_table(figures) + "\n")
    out.flush()
    if reading.documents == 0:
        raise UsageError("no document could be read")
    return EXIT_OK
