"""Robustness of what factcheck writes and says, whatever it is given.

One table per class of bug: where `--output` may write and with what
mode, text and file names that cannot be encoded or would split a line,
settings of the wrong type, and the last-resort guard in `main()`. A user
must always get a report or one `factcheck: ...` line and a meaningful exit
code, never a traceback or a stray temporary file. Everything runs
`factcheck.cli.main` in-process (fast, stderr captured by capsys) except
the signal cases, which need a real process to kill.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from factcheck import cli

ARTICLE = "Unemployment fell to 4.1 percent in May, the statistics office said.\n"

#: `check` arguments that give exit code 0 on any corpus, so that only the
#: output decides the exit code.
CHECK = ("check", "--no-rules", "--fail-on", "never", "--format", "json")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A one-article corpus in its own folder, away from the reports."""
    path = tmp_path / "news" / "jobs.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`factcheck ARGS` in-process: exit code, stdout, stderr."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def leftovers(folder: Path) -> list[str]:
    """Temporary report files left in `folder`."""
    return sorted(p.name for p in folder.glob(".fc-*.tmp"))


def assert_one_line(err: str) -> None:
    """stderr is exactly one `factcheck: ...` line, as str.splitlines() counts lines."""
    assert err.startswith("factcheck: "), err
    assert err.endswith("\n") and len(err.splitlines()) == 1, err
    assert "Traceback" not in err


@contextmanager
def umask(mask: int) -> Iterator[None]:
    """The process umask set to `mask` for the block (it is process-wide: restore it)."""
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


# --------------------------------------------------------------------------
# --output replaces only a regular file


def _symlink(folder: Path) -> str:
    (folder / "real.json").write_text("{}\n", encoding="utf-8")
    (folder / "report.json").symlink_to("real.json")
    return str(folder / "report.json")


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "report.json")
    return str(folder / "report.json")


def _device(folder: Path) -> str:
    """/dev/null, or for root (who could rename over it if the refusal broke)
    a private null device in `folder`, so that a regression harms nothing."""
    if os.geteuid() != 0:
        return os.devnull
    os.mknod(folder / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return str(folder / "null")


REFUSED_TARGETS = [
    pytest.param(_symlink, "a symbolic link", id="symlink"),
    pytest.param(_device, "a character device", id="device-dev-null"),
    pytest.param(_fifo, "a FIFO", id="fifo"),
]


@pytest.mark.parametrize(("make", "kind"), REFUSED_TARGETS)
def test_output_refuses_what_is_not_a_regular_file(
    tmp_path: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], str],
    kind: str,
) -> None:
    # Renaming over a symlink would cut the link; over a device or FIFO,
    # swap it for a plain file (and opening a FIFO would hang).
    target = make(tmp_path)
    before = os.lstat(target)
    code, out, err = run(capsys, *CHECK, "--output", target, str(article))
    assert code == 2, err
    assert_one_line(err)
    assert err.startswith(f"factcheck: {target}: is {kind}, not a regular file"), err
    assert out == ""
    after = os.lstat(target)
    assert (stat.S_IFMT(after.st_mode), after.st_ino) == (
        stat.S_IFMT(before.st_mode),
        before.st_ino,
    )
    assert leftovers(tmp_path) == []


def test_output_dash_is_standard_output(
    tmp_path: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *CHECK, "--output", "-", str(article))
    assert code == 0, err
    assert json.loads(out)["summary"]["documents"] == 1
    assert not (tmp_path / "-").exists()


# --------------------------------------------------------------------------
# --output: the mode a user expects, any legal name, whole or not at all


def _existing_0640(folder: Path) -> Path:
    (folder / "report.json").write_text("old\n", encoding="utf-8")
    (folder / "report.json").chmod(0o640)
    return folder / "report.json"


def _new(folder: Path) -> Path:
    return folder / "report.json"


def _new_250_characters(folder: Path) -> Path:
    return folder / ("r" * 245 + ".json")  # legal (255 is the limit); tempfile's name was not


WRITTEN_TARGETS = [
    pytest.param(_existing_0640, 0o022, 0o640, id="existing-file-keeps-its-mode"),
    pytest.param(_new, 0o027, 0o640, id="new-file-honours-umask-027"),
    pytest.param(_new, 0o002, 0o664, id="new-file-honours-umask-002"),
    pytest.param(_new_250_characters, 0o022, 0o644, id="250-character-name"),
]


@pytest.mark.parametrize(("make", "mask", "mode"), WRITTEN_TARGETS)
def test_output_file_has_the_expected_mode_and_content(
    tmp_path: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], Path],
    mask: int,
    mode: int,
) -> None:
    target = make(tmp_path)
    assert len(target.name) <= 250
    with umask(mask):
        code, out, err = run(capsys, *CHECK, "--output", str(target), str(article))
    assert code == 0, err
    assert (out, err) == ("", "")
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["documents"] == 1
    assert oct(stat.S_IMODE(target.stat().st_mode)) == oct(mode)
    assert leftovers(tmp_path) == []


def _no_space(*_: object) -> None:
    raise OSError(28, "No space left on device")


def _bug(*_: object) -> None:
    raise RuntimeError("disk gremlin")


def _ctrl_c(*_: object) -> None:
    raise KeyboardInterrupt


FAILED_WRITES = [
    pytest.param("fsync", _no_space, 2, "cannot write the report: No space left", id="disk-full"),
    pytest.param("replace", _bug, 2, "internal error: RuntimeError: disk gremlin", id="bug"),
    pytest.param("fsync", _ctrl_c, 130, "interrupted", id="ctrl-c"),
]


@pytest.mark.parametrize(("function", "failure", "code", "says"), FAILED_WRITES)
def test_a_failed_write_leaves_the_old_report_and_no_temporary_file(
    tmp_path: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    function: str,
    failure: Callable[..., None],
    code: int,
    says: str,
) -> None:
    target = _existing_0640(tmp_path)
    monkeypatch.setattr(os, function, failure)
    exit_code, _, err = run(capsys, *CHECK, "--output", str(target), str(article))
    assert exit_code == code, err
    assert_one_line(err)
    assert says in err
    assert target.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


#: The child process: stalls inside the write (the temporary file exists) so
#: the test can signal it there. SIGINT and SIGTERM get their default
#: dispositions, which a background job's inherited SIG_IGN would hide.
STALLING_CHILD = """
import os, signal, sys, time
from factcheck import cli
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
def stall(fd):
    print("writing", flush=True)
    time.sleep(60)
os.fsync = stall
sys.exit(cli.main(sys.argv[1:]))
"""

SIGNALS = [
    pytest.param(signal.SIGTERM, 128 + signal.SIGTERM, id="sigterm"),
    pytest.param(signal.SIGINT, 130, id="sigint"),
]


@pytest.mark.parametrize(("signum", "code"), SIGNALS)
def test_a_killed_run_leaves_no_temporary_file(
    tmp_path: Path, article: Path, signum: int, code: int
) -> None:
    target = tmp_path / "report.json"
    child = subprocess.Popen(
        [sys.executable, "-c", STALLING_CHILD, *CHECK, "--output", str(target), str(article)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"
        assert len(leftovers(tmp_path)) == 1  # the signal lands while the file exists
        child.send_signal(signum)
        _, err = child.communicate(timeout=30)
    finally:
        child.kill()
    assert child.returncode == code, err
    assert "Traceback" not in err
    assert leftovers(tmp_path) == []
    assert not target.exists()


# --------------------------------------------------------------------------
# Text that cannot be encoded: lone surrogates


SURROGATE_FEED = '{"id": "s", "text": "Prices rose 4% \\ud800 in May."}\n'


def _json_lines(text: str) -> list[object]:
    return [json.loads(line) for line in text.splitlines()]


ENCODING_CASES = [
    pytest.param(
        ["extract", "--format", "jsonl", "{feed}"], None, _json_lines, "\ud800", id="extract-jsonl"
    ),
    pytest.param([*CHECK, "{feed}"], None, json.loads, "\ud800", id="check-to-stdout"),
    pytest.param(
        [*CHECK, "--output", "{report}", "{feed}"],
        "report.json",
        json.loads,
        "\ud800",
        id="check-output-file",
    ),
    pytest.param(
        ["extract", "--format", "jsonl", "{names}"],
        None,
        _json_lines,
        "caf\udce9",
        id="non-utf8-file-name",
    ),
]


@pytest.mark.parametrize(("args", "report", "parse", "kept"), ENCODING_CASES)
def test_unencodable_text_gives_valid_output(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    report: str | None,
    parse: Callable[[str], object],
    kept: str,
) -> None:
    (tmp_path / "feed.jsonl").write_text(SURROGATE_FEED, encoding="utf-8")
    names = tmp_path / "names"
    names.mkdir()
    # A Latin-1 file name: os.fsdecode turns its \xe9 into the surrogate \udce9.
    (names / os.fsdecode(b"caf\xe9.txt")).write_text(ARTICLE, encoding="utf-8")
    places = {"feed": tmp_path / "feed.jsonl", "names": names, "report": tmp_path / "report.json"}
    code, out, err = run(capsys, *(arg.format(**places) for arg in args))
    assert code == 0, err
    assert err == ""
    written = (tmp_path / report).read_text(encoding="utf-8") if report else out
    # Written as the escape \ud800: valid JSON that reads back as the same text.
    assert kept in json.dumps(parse(written), ensure_ascii=False)
    assert leftovers(tmp_path) == []


PROBLEM_FILE_NAMES = [
    pytest.param(b"two\nlines.txt", "two\\nlines.txt", id="newline"),
    pytest.param(b"carriage\rreturn.txt", "carriage\\rreturn.txt", id="carriage-return"),
    pytest.param("line\u2028separator.txt".encode(), "line\\u2028separator.txt", id="u2028"),
    pytest.param(b"caf\xe9.txt", "caf\\xe9.txt", id="not-utf8"),
]


@pytest.mark.parametrize(("name", "shown"), PROBLEM_FILE_NAMES)
def test_a_problem_with_an_odd_file_name_stays_one_line(
    article: Path, capsys: pytest.CaptureFixture[str], name: bytes, shown: str
) -> None:
    (article.parent / os.fsdecode(name)).write_bytes(b"")  # empty: one problem line
    code, out, err = run(capsys, "extract", "--format", "jsonl", str(article.parent))
    assert code == 0, err
    assert_one_line(err)
    assert f"{shown}: empty document" in err, err
    assert {figure["doc"] for figure in _json_lines(out)} == {"jobs"}


# --------------------------------------------------------------------------
# Settings of the wrong type: one line naming the file and the key, exit 2


BAD_SETTINGS = [
    pytest.param("pyproject.toml", 'tool = "x"\n', "tool must be a table", id="tool-string"),
    pytest.param(
        "pyproject.toml", "[tool]\nfactcheck = 5\n", "tool.factcheck must be a table", id="int"
    ),
    pytest.param(
        "pyproject.toml",
        "[tool.factcheck]\nformat = 5\n",
        "tool.factcheck.format must be a string",
        id="pyproject-format-int",
    ),
    pytest.param(
        "pyproject.toml",
        "[tool.factcheck.tolerance]\npercent = [1]\n",
        "tool.factcheck.tolerance.percent must be",
        id="pyproject-tolerance-array",
    ),
    pytest.param("factcheck.toml", 'rules = ["a"]\n', "rules must be a string", id="rules-array"),
    pytest.param(
        "factcheck.toml", "format = 2024-01-01\n", "format must be a string", id="format-date"
    ),
    pytest.param("factcheck.toml", 'fail-on = ["never", 1]\n', "fail-on must be", id="fail-on"),
    pytest.param(
        "factcheck.toml", 'tolerance = "1%"\n', "tolerance must be a table", id="tolerance-str"
    ),
    pytest.param(
        "factcheck.toml", "[tolerance]\nmoney = true\n", "tolerance.money must be", id="bool"
    ),
    pytest.param(
        "factcheck.toml", '[tolerance]\nspeed = "1%"\n', "tolerance.speed: unknown", id="kind"
    ),
]


@pytest.mark.parametrize(("filename", "content", "says"), BAD_SETTINGS)
def test_a_wrongly_typed_setting_is_one_line_and_exit_2(
    tmp_path: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    filename: str,
    content: str,
    says: str,
) -> None:
    (tmp_path / filename).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", str(article))
    assert code == 2, err
    assert_one_line(err)
    assert f"{filename}: {says}" in err, err
    assert out == ""


# --------------------------------------------------------------------------
# The last-resort guard: a bug is exit 2 and one line, never exit 1


GUARDED = [
    pytest.param(
        "factcheck.report.check.render_pieces",
        RuntimeError("boom"),
        [*CHECK, "{article}"],
        "RuntimeError: boom",
        id="check-report",
    ),
    pytest.param(
        "factcheck.report.figures.jsonl_line",
        KeyError("doc"),
        ["extract", "--format", "jsonl", "{article}"],
        "KeyError: 'doc'",
        id="extract-output",
    ),
    pytest.param(
        "factcheck.config.discover",
        ValueError("two\nlines"),
        ["check", "{article}"],
        "ValueError: two\\nlines",
        id="message-with-a-newline",
    ),
]


@pytest.mark.parametrize(("function", "error", "args", "says"), GUARDED)
def test_an_unexpected_exception_is_an_internal_error_exit_2(
    article: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    function: str,
    error: Exception,
    args: list[str],
    says: str,
) -> None:
    def fail(*_: object, **__: object) -> None:
        raise error

    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    monkeypatch.setattr(function, fail)  # where the command imports it from
    code, out, err = run(capsys, *(arg.format(article=article) for arg in args))
    assert code == 2, err
    assert err == f"factcheck: internal error: {says} (please report)\n"
    assert out == ""


def test_factcheck_debug_lets_the_exception_through(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    monkeypatch.setattr("factcheck.report.check.render_pieces", fail)
    with pytest.raises(RuntimeError, match="boom"):
        cli.main([*CHECK, str(article)])
