"""A large corpus is read by worker processes, and that changes nothing in a report.

`check --jobs N` extracts in N worker processes once a corpus has more
documents than `pipeline.PROCESS_THRESHOLD`, so these tests write a corpus
just above it: the same stories told by many outlets over a few days (a
flood's death toll, a protest counted by police and by organisers, a trade
share that an analyst's rule claims). The report must be the same bytes
for one job or two, and whatever order the files are named in, and it must
be strict JSON. Run as the command is run, as subprocesses; nothing here
is timed (bench/corpus_bench.py measures time and memory).
"""

from __future__ import annotations

import json
import pathlib
import random
import subprocess
import sys

import pytest

from factcheck.pipeline import PROCESS_THRESHOLD

RULES = pathlib.Path(__file__).parent / "corpus" / "check_rules" / "trade.toml"
#: Documents written: past the threshold, so `--jobs 2` really starts workers.
DOCUMENTS = PROCESS_THRESHOLD + 14
OUTLETS = ("Eastern Wire", "Minsk Daily", "Trade Monitor", "River Post", "Evening Courier")


def _article(number: int) -> str:
    """One short news article with front matter; stories recur across articles,
    with values that agree, round differently, grow by day or disagree."""
    day = 10 + number % 4
    outlet = OUTLETS[number % len(OUTLETS)]
    deaths = 12 + 5 * (day - 10)
    sentences = [
        f"At least {deaths} people have died in the floods in Dravik, police said on Monday.",
        f"Some {1_200 + 100 * (number % 3):,} residents were evacuated from the valley.",
    ]
    if number % 3 == 0:
        counted = ("15,000", "police") if number % 2 else ("40,000", "the organisers")
        sentences.append(f"About {counted[0]} people marched in Lyon, according to {counted[1]}.")
    if number % 4 == 1:
        share = ("48%", "nearly 50 percent", "about half")[number % 3]
        sentences.append(f"Russia accounts for {share} of Belarus's foreign trade, officials said.")
    if number % 5 == 2:
        sentences.append(f"Inflation rose to {4.1 + (number % 2) / 10:.1f}% in September.")
    return (
        f"---\ntitle: Floods in Dravik, day {day - 9}\nsource: {outlet}\n"
        f"date: 2024-10-{day:02d}\n---\n" + "\n\n".join(sentences) + "\n"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[pathlib.Path]:
    """The corpus files, in name order."""
    folder = tmp_path_factory.mktemp("scale")
    paths = []
    for number in range(DOCUMENTS):
        path = folder / f"story-{number:03d}.md"
        path.write_text(_article(number), encoding="utf-8")
        paths.append(path)
    return paths


def _check(paths: list[pathlib.Path], *options: str) -> str:
    """The report `check` writes for `paths` (through --output, as a scorer reads it)."""
    output = paths[0].parent / "report.out"  # beside the corpus files, not one of them
    command = [sys.executable, "-m", "factcheck", "check", "--rules", str(RULES), *options]
    command += ["--output", str(output), *map(str, paths)]
    proc = subprocess.run(command, capture_output=True, text=True, cwd=paths[0].parent)
    assert proc.returncode in (0, 1), proc.stderr
    return output.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def one_job(corpus: list[pathlib.Path]) -> str:
    return _check(corpus, "--format", "json", "--jobs", "1")


def test_the_corpus_is_large_enough_to_start_workers(one_job: str) -> None:
    summary = json.loads(one_job)["summary"]
    assert summary["documents"] == DOCUMENTS > PROCESS_THRESHOLD
    assert summary["verdicts"].get("conflicting")  # the report has something to say


def test_two_jobs_give_the_bytes_of_one(corpus: list[pathlib.Path], one_job: str) -> None:
    assert _check(corpus, "--format", "json", "--jobs", "2") == one_job


def _no_constant(name: str) -> float:
    raise AssertionError(f"{name} in a JSON report: not JSON")


def test_the_json_report_is_strict_json(one_job: str) -> None:
    report = json.loads(one_job, parse_constant=_no_constant)
    assert set(report) == {"groups", "summary"}
    assert all("verdict" in g and g["figures"] for g in report["groups"])


@pytest.mark.parametrize("fmt", ["json", "markdown", "table"])
def test_the_order_of_the_files_changes_no_report(corpus: list[pathlib.Path], fmt: str) -> None:
    shuffled = list(corpus)
    random.Random(3).shuffle(shuffled)
    assert shuffled != corpus
    in_order = _check(corpus, "--format", fmt, "--jobs", "2")
    assert _check(shuffled, "--format", fmt, "--jobs", "2") == in_order
