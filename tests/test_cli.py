"""End-to-end tests of the command line: `factcheck extract` on small corpora.

Most tests run the real program in a child process (`python -m factcheck`),
so what is checked is exactly what a user or a CI job sees: stdout, stderr
and the exit code. A few call `factcheck.cli.main` in-process, which is
faster, for the output formats. Every text here is written for these tests.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from factcheck import __version__
from factcheck.cli import main

#: The fields every figure object has (DESIGN.md, "Figure").
CONTRACT_FIELDS = (
    "doc",
    "start",
    "end",
    "line",
    "column",
    "text",
    "value",
    "unit",
    "kind",
    "qualifier",
    "low",
    "high",
    "interval",
    "is_change",
    "measure",
    "subject",
    "scope",
    "source",
    "as_of",
    "period",
    "status",
    "sentence",
    "sentence_start",
)

HARVEST = (
    "The wheat harvest rose by 15% to 2.4 million tonnes, the ministry said.\n"
    "About 300 farms received $12 million in support.\n"
)
LABOUR = "Unemployment fell 0.8 percentage points to 4.1 percent in the third quarter.\n"
VOLUNTEERS = "Some 1,200 volunteers and 45 buses took part in the clean-up.\n"

FRONT_MATTER = (
    "---\ntitle: Wheat exports up 40% in a record year\nsource: Test Wire\ndate: 2024-03-05\n---\n"
)


def write(path: Path, content: str | bytes) -> Path:
    """Write exact bytes (no newline translation), creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def factcheck(
    *args: str, cwd: Path, stdin: str | bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m factcheck ARGS` in `cwd`, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=cwd,
        input=stdin.encode("utf-8") if isinstance(stdin, str) else stdin,
        capture_output=True,
        check=False,
        timeout=120,
    )


def decoded(done: subprocess.CompletedProcess) -> tuple[str, str]:
    """stdout and stderr of a finished run as text."""
    return done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def figures_of(stdout: str) -> list[dict]:
    """The figure objects of `--format jsonl` output."""
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`factcheck ARGS` in-process: exit code, stdout, stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------
# --format jsonl: the contract


def test_jsonl_objects_carry_every_contract_field(tmp_path: Path) -> None:
    write(tmp_path / "harvest.txt", HARVEST + LABOUR)
    done = factcheck("extract", "--format", "jsonl", "harvest.txt", cwd=tmp_path)
    out, err = decoded(done)
    assert done.returncode == 0, err
    assert err == ""
    figures = figures_of(out)
    assert [f["text"] for f in figures] == [
        "15%",
        "2.4 million tonnes",
        "300 farms",
        "$12 million",
        "0.8 percentage points",
        "4.1 percent",
    ]
    for figure in figures:
        missing = [name for name in CONTRACT_FIELDS if name not in figure]
        assert not missing, (figure["text"], missing)
        assert figure["doc"] == "harvest"
        assert isinstance(figure["interval"], list)
        assert len(figure["interval"]) == 2


def test_jsonl_offsets_slice_the_file_text(tmp_path: Path) -> None:
    text = HARVEST + LABOUR + VOLUNTEERS
    write(tmp_path / "news.txt", text)
    out, _ = decoded(factcheck("extract", "--format", "jsonl", "news.txt", cwd=tmp_path))
    figures = figures_of(out)
    assert len(figures) >= 8
    for figure in figures:
        assert text[figure["start"] : figure["end"]] == figure["text"]
        assert figure["text"] in figure["sentence"]


def test_jsonl_values_units_and_qualifiers(tmp_path: Path) -> None:
    write(tmp_path / "news.txt", HARVEST + LABOUR)
    out, _ = decoded(factcheck("extract", "--format", "jsonl", "news.txt", cwd=tmp_path))
    by_text = {f["text"]: f for f in figures_of(out)}
    assert by_text["15%"]["unit"] == "percent"
    assert by_text["15%"]["is_change"] is True
    assert by_text["2.4 million tonnes"]["value"] == 2_400_000
    assert by_text["300 farms"]["qualifier"] == "approx"
    assert by_text["$12 million"]["unit"] == "USD"
    assert by_text["$12 million"]["kind"] == "money"
    assert by_text["0.8 percentage points"]["unit"] == "percentage_point"


def test_front_matter_offsets_lines_and_columns_count_from_the_file_start(
    tmp_path: Path,
) -> None:
    text = FRONT_MATTER + HARVEST + LABOUR
    write(tmp_path / "exports.md", text)
    out, _ = decoded(factcheck("extract", "--format", "jsonl", "exports.md", cwd=tmp_path))
    figures = figures_of(out)
    body_start = len(FRONT_MATTER)
    # The title's "40%" and the date are metadata, not figures of the article.
    assert figures
    assert all(f["start"] >= body_start for f in figures)
    for figure in figures:
        start = figure["start"]
        assert text[start : figure["end"]] == figure["text"]
        assert figure["line"] == text.count("\n", 0, start) + 1
        assert figure["column"] == start - (text.rfind("\n", 0, start) + 1) + 1
    first = figures[0]
    assert first["text"] == "15%"
    assert (first["line"], first["column"]) == (6, HARVEST.index("15%") + 1)
    percent = next(f for f in figures if f["text"] == "4.1 percent")
    assert (percent["line"], percent["column"]) == (8, LABOUR.index("4.1") + 1)


def test_default_format_is_jsonl_when_stdout_is_not_a_terminal(tmp_path: Path) -> None:
    write(tmp_path / "labour.txt", LABOUR)
    out, _ = decoded(factcheck("extract", "labour.txt", cwd=tmp_path))
    assert [f["text"] for f in figures_of(out)] == ["0.8 percentage points", "4.1 percent"]


# --------------------------------------------------------------------------
# --format csv and table


def test_csv_parses_with_pandas_and_has_the_contract_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "harvest.txt", HARVEST)
    write(tmp_path / "labour.txt", LABOUR)
    code, out, err = run_main(
        capsys,
        "extract",
        "--format",
        "csv",
        str(tmp_path / "harvest.txt"),
        str(tmp_path / "labour.txt"),
    )
    assert code == 0, err
    frame = pd.read_csv(io.StringIO(out))
    assert set(CONTRACT_FIELDS) <= set(frame.columns)
    assert list(frame.columns[: len(CONTRACT_FIELDS)]) == list(CONTRACT_FIELDS)
    assert len(frame) == 6
    assert list(frame["doc"]) == ["harvest"] * 4 + ["labour"] * 2
    assert "$12 million" in set(frame["text"])
    row = frame[frame["text"] == "4.1 percent"].iloc[0]
    assert row["value"] == pytest.approx(4.1)
    assert row["unit"] == "percent"
    assert json.loads(row["interval"]) == [4.05, 4.15]


def test_csv_with_no_figures_is_a_header_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "quiet.txt", "The council met on Tuesday and adjourned without a vote.\n")
    code, out, _ = run_main(capsys, "extract", "--format", "csv", str(tmp_path / "quiet.txt"))
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert frame.empty
    assert set(CONTRACT_FIELDS) <= set(frame.columns)


def test_table_shows_where_and_what_was_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "volunteers.txt", VOLUNTEERS)
    code, out, err = run_main(
        capsys, "extract", "--format", "table", str(tmp_path / "volunteers.txt")
    )
    assert code == 0, err
    assert "1,200 volunteers" in out
    assert "45 buses" in out
    assert "volunteers:1:6" in out  # doc:line:column of the first figure


# --------------------------------------------------------------------------
# Kinds of PATH


def test_dash_reads_standard_input(tmp_path: Path) -> None:
    done = factcheck("extract", "--format", "jsonl", "-", cwd=tmp_path, stdin=LABOUR)
    out, err = decoded(done)
    assert done.returncode == 0, err
    figures = figures_of(out)
    assert [f["text"] for f in figures] == ["0.8 percentage points", "4.1 percent"]
    assert {f["doc"] for f in figures} == {"stdin"}
    for figure in figures:
        assert LABOUR[figure["start"] : figure["end"]] == figure["text"]


def test_folder_is_searched_recursively(tmp_path: Path) -> None:
    write(tmp_path / "news" / "harvest.txt", HARVEST)
    write(tmp_path / "news" / "2024" / "march" / "labour.md", LABOUR)
    write(tmp_path / "news" / "2024" / "volunteers.txt", VOLUNTEERS)
    write(tmp_path / "news" / "photo-caption.rst", "<p>Some 99 people were pictured.</p>\n")
    write(tmp_path / "news" / ".drafts" / "unchecked.txt", "Exports rose 77% in May.\n")
    done = factcheck("extract", "--format", "jsonl", "news", cwd=tmp_path)
    out, err = decoded(done)
    assert done.returncode == 0, err
    assert err == ""
    figures = figures_of(out)
    assert {f["doc"] for f in figures} == {"harvest", "labour", "volunteers"}
    assert "99 people" not in out
    assert "77%" not in out


def test_jsonl_corpus_reads_id_and_text(tmp_path: Path) -> None:
    records = [
        {"id": "wire-1", "title": "Harvest", "text": HARVEST},
        {"id": "wire-2", "source": "Test Wire", "text": LABOUR},
    ]
    write(tmp_path / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    out, err = decoded(factcheck("extract", "--format", "jsonl", "feed.jsonl", cwd=tmp_path))
    assert err == ""
    figures = figures_of(out)
    assert [f["doc"] for f in figures] == ["wire-1"] * 4 + ["wire-2"] * 2
    labour = [f for f in figures if f["doc"] == "wire-2"]
    assert all(LABOUR[f["start"] : f["end"]] == f["text"] for f in labour)


def test_csv_corpus_reads_id_and_text(tmp_path: Path) -> None:
    pd.DataFrame({"id": ["row-a", "row-b"], "text": [HARVEST, VOLUNTEERS]}).to_csv(
        tmp_path / "export.csv", index=False
    )
    out, err = decoded(factcheck("extract", "--format", "jsonl", "export.csv", cwd=tmp_path))
    assert err == ""
    figures = figures_of(out)
    assert [f["doc"] for f in figures] == ["row-a"] * 4 + ["row-b"] * 2
    assert "1,200 volunteers" in {f["text"] for f in figures}


def test_several_paths_of_different_kinds(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", HARVEST)
    write(tmp_path / "feed.jsonl", json.dumps({"id": "b", "text": LABOUR}) + "\n")
    done = factcheck(
        "extract", "--format", "jsonl", "a.txt", "feed.jsonl", "-", cwd=tmp_path, stdin=VOLUNTEERS
    )
    out, err = decoded(done)
    assert done.returncode == 0, err
    assert [f["doc"] for f in figures_of(out)] == ["a"] * 4 + ["b"] * 2 + ["stdin"] * 2


# --------------------------------------------------------------------------
# Bad input: one line naming the file (and line), the rest still processed


def _missing(tmp_path: Path) -> str:
    return "nowhere.txt"


def _empty_folder(tmp_path: Path) -> str:
    write(tmp_path / "drafts" / "notes.pdf", b"%PDF-1.4 not an article")
    (tmp_path / "drafts" / "empty-sub").mkdir()
    return "drafts"


def _binary(tmp_path: Path) -> str:
    write(tmp_path / "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    return "scan.txt"


def _not_utf8(tmp_path: Path) -> str:
    write(tmp_path / "latin1.txt", "Inflation in the caf\u00e9 sector hit 12%.\n".encode("latin-1"))
    return "latin1.txt"


def _empty_file(tmp_path: Path) -> str:
    write(tmp_path / "blank.txt", b"")
    return "blank.txt"


def _jsonl_not_json(tmp_path: Path) -> str:
    write(tmp_path / "feed.jsonl", '\n{"id": "x", "text": "Prices rose 4%."\n')
    return "feed.jsonl"


def _jsonl_no_text(tmp_path: Path) -> str:
    write(tmp_path / "feed.jsonl", '{"id": "x", "title": "Prices rose 4%"}\n')
    return "feed.jsonl"


BAD_INPUTS = [
    pytest.param(_missing, "nowhere.txt: ", id="missing-path"),
    pytest.param(_empty_folder, "drafts: ", id="folder-without-documents"),
    pytest.param(_binary, "scan.txt: ", id="binary-file"),
    pytest.param(_not_utf8, "latin1.txt:1: ", id="not-utf8"),
    pytest.param(_empty_file, "blank.txt: ", id="empty-file"),
    pytest.param(_jsonl_not_json, "feed.jsonl:2: ", id="jsonl-line-not-json"),
    pytest.param(_jsonl_no_text, "feed.jsonl:1: ", id="jsonl-line-without-text"),
]


@pytest.mark.parametrize(("make", "where"), BAD_INPUTS)
def test_bad_input_is_one_line_and_the_rest_is_processed(
    tmp_path: Path, make: Callable[[Path], str], where: str
) -> None:
    write(tmp_path / "before.txt", HARVEST)
    bad = make(tmp_path)
    write(tmp_path / "after.txt", LABOUR)
    done = factcheck("extract", "--format", "jsonl", "before.txt", bad, "after.txt", cwd=tmp_path)
    out, err = decoded(done)
    assert "Traceback" not in err
    assert done.returncode == 0, err
    assert err.splitlines() == [err.rstrip("\n")], err  # exactly one line
    assert err.startswith(f"factcheck: {where}"), err
    assert len(err.rstrip("\n").split(": ", 2)[-1]) > 3  # says what is wrong
    assert {f["doc"] for f in figures_of(out)} == {"before", "after"}


@pytest.mark.parametrize(("make", "where"), BAD_INPUTS)
def test_nothing_readable_exits_2(tmp_path: Path, make: Callable[[Path], str], where: str) -> None:
    bad = make(tmp_path)
    done = factcheck("extract", "--format", "jsonl", bad, cwd=tmp_path)
    out, err = decoded(done)
    assert "Traceback" not in err
    assert done.returncode == 2, err
    assert out == ""
    lines = err.splitlines()
    assert all(line.startswith("factcheck: ") for line in lines), err
    assert sum(line.startswith(f"factcheck: {where}") for line in lines) == 1, err


def test_bad_lines_in_a_jsonl_corpus_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok-1", "text": HARVEST}),
        "{not json at all",
        json.dumps({"id": "no-text", "body": LABOUR}),
        json.dumps({"id": "ok-2", "text": VOLUNTEERS}),
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    done = factcheck("extract", "--format", "jsonl", "feed.jsonl", cwd=tmp_path)
    out, err = decoded(done)
    assert "Traceback" not in err
    assert done.returncode == 0, err
    problems = err.splitlines()
    assert len(problems) == 2, err
    assert problems[0].startswith("factcheck: feed.jsonl:2: ")
    assert problems[1].startswith("factcheck: feed.jsonl:3: ")
    assert "text" in problems[1]
    assert {f["doc"] for f in figures_of(out)} == {"ok-1", "ok-2"}


# --------------------------------------------------------------------------
# Usage


def test_version(tmp_path: Path) -> None:
    done = factcheck("--version", cwd=tmp_path)
    out, err = decoded(done)
    assert done.returncode == 0, err
    assert out.strip() == f"factcheck {__version__}"


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["frobnicate", "seeds"], id="unknown-subcommand"),
        pytest.param([], id="no-subcommand"),
        pytest.param(["extract"], id="extract-without-paths"),
        pytest.param(["extract", "--format", "yaml", "a.txt"], id="unknown-format"),
    ],
)
def test_bad_usage_exits_2_with_a_usage_message(tmp_path: Path, args: list[str]) -> None:
    write(tmp_path / "a.txt", HARVEST)
    done = factcheck(*args, cwd=tmp_path)
    out, err = decoded(done)
    assert done.returncode == 2
    assert "Traceback" not in err
    assert "usage: factcheck" in err
    assert out == ""


def test_bad_usage_in_process_raises_system_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# --------------------------------------------------------------------------
# The README's commands


def test_ci_runs_exactly_the_readme_test_command() -> None:
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0].strip() for block in readme.split("```sh\n")[1:]]
    install, test = blocks[0], blocks[1]
    assert install.startswith("python3 -m venv .venv && ")
    assert "factcheck check seeds/" in install
    assert test.endswith("pytest -q")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci
