#!/usr/bin/env python3
"""Time `factcheck check` end to end on news corpora of growing size.

    .venv/bin/python bench/corpus_bench.py                    # 1k, 10k, 50k docs + 1 MB
    .venv/bin/python bench/corpus_bench.py --sizes 1000 10000 --jobs 1
    .venv/bin/python bench/corpus_bench.py --no-article

A script, not a test. `check_bench.py` times the stages on figures held in
memory; this one runs the command a user runs, `python -m factcheck check
--format json --output FILE FOLDER`, as a subprocess, so reading the files,
the worker processes, grouping, judging and writing the report are all in
the time and the memory. The articles come from `check_bench.articles` (a
few hundred events covered by many outlets for days, skewed popularity,
about 4 figures per KB), written as `.md` files with front matter (title,
source, date) the way a newsroom export looks; each size is a prefix of
the same stream, so a larger corpus holds the smaller one's stories with
more articles each. One more run reads a single article of about 1 MB (the
coverage of one event, live-blog style), where cost per document, not per
corpus, shows.

Per run it prints documents, figures, seconds, the peak RSS of the largest
process (the `wait4` resource usage of the subprocess: its own and that of
its worker processes, like RUSAGE_CHILDREN but for this run alone) and the
peak of the whole process tree summed (sampled from /proc every 50 ms, so
Linux only), then the growth in time per 10x documents. Targets of the
robustness issue: 50,000 documents in under 120 s with under 1 GB peak,
and time growing under 12x per 10x documents.

The corpora are written once under `--workdir` and reused (a marker file
records the seed and event count they were made with).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from check_bench import articles

from factcheck.model import Document

MB = 1_000_000
#: Files per folder of a written corpus, so no folder holds 50,000 entries.
SHARD = 1000
#: Targets of the robustness issue, printed beside the results.
TARGET_SECONDS_50K = 120.0
TARGET_RSS_MB = 1000.0
TARGET_GROWTH = 12.0


def front_matter(document: Document) -> str:
    """The document as a `.md` file: front matter with title, source and date."""
    return (
        f"---\ntitle: {json.dumps(document.title, ensure_ascii=False)}\n"
        f"source: {document.source}\ndate: {document.date}\n---\n{document.text}"
    )


def write_corpus(folder: Path, documents: Iterator[Document], count: int) -> None:
    """`count` documents of the stream as files, sharded by number."""
    for number, document in enumerate(itertools.islice(documents, count)):
        shard = folder / f"{number // SHARD:03d}"
        shard.mkdir(parents=True, exist_ok=True)
        (shard / f"{document.id}.md").write_text(front_matter(document), encoding="utf-8")


def write_long_article(path: Path, seed: int, events: int, size: int = MB) -> None:
    """One article of about `size` bytes: the stream's coverage of its first
    event, paragraph after paragraph under the headline of each update."""
    stream = articles(seed, events)
    first = next(stream)
    event = first.title
    parts = [front_matter(first)]
    length = len(parts[0].encode("utf-8"))
    for document in stream:
        if length >= size:
            break
        if document.title != event:
            continue
        part = f"\n## {document.title}\n\n{document.text}"
        parts.append(part)
        length += len(part.encode("utf-8"))
    path.write_text("".join(parts), encoding="utf-8")


def prepare(workdir: Path, sizes: Sequence[int], seed: int, events: int, article: bool) -> None:
    """Write the corpora that are missing or were made with other settings."""
    stamp = f"seed={seed} events={events}\n"
    marker = workdir / "made-with"
    if marker.exists() and marker.read_text() != stamp:
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    marker.write_text(stamp)
    for size in sizes:
        folder = workdir / f"docs-{size}"
        done = folder / ".complete"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            started = time.perf_counter()
            write_corpus(folder, articles(seed, events), size)
            done.touch()  # hidden: the corpus reader skips it
            print(f"wrote {size:,} documents in {time.perf_counter() - started:.1f} s")
    long_article = workdir / "article-1mb" / "live.md"
    if article and not long_article.exists():
        long_article.parent.mkdir(parents=True, exist_ok=True)
        write_long_article(long_article, seed, events)


@dataclass(frozen=True, slots=True)
class Run:
    """One `check` of one corpus."""

    name: str
    documents: int
    figures: int
    groups: int
    megabytes: float  # of text read
    seconds: float
    peak_mb: float  # the largest single process
    tree_mb: float  # the process tree summed, sampled (0 where /proc is missing)
    report_mb: float
    exit_code: int


def _tree_rss_kb(root: int) -> int:
    """Resident memory of `root` and its descendants now, from /proc (KiB)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="ascii", errors="replace") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue  # gone meanwhile
        pid = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0")), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def _sample_tree(pid: int, peak: list[int], stop: threading.Event) -> None:
    while not stop.wait(0.05):
        peak[0] = max(peak[0], _tree_rss_kb(pid))


def run_check(name: str, target: Path, workdir: Path, jobs: int | None) -> Run:
    """`python -m factcheck check --format json` on `target`, timed and measured."""
    output = workdir / f"report-{name}.json"
    command = [sys.executable, "-m", "factcheck", "check", "--format", "json", "--no-rules"]
    command += ["--output", str(output), str(target)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    peak = [0]
    stop = threading.Event()
    started = time.perf_counter()
    # run where no settings file or rules folder applies
    process = subprocess.Popen(command, cwd=workdir, stderr=subprocess.PIPE)
    sampler = None
    if os.path.isdir("/proc"):
        sampler = threading.Thread(target=_sample_tree, args=(process.pid, peak, stop))
        sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stop.set()
    if sampler:
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode not in (0, 1):
        raise SystemExit(f"{name}: check failed with exit {process.returncode}:\n{errors[-2000:]}")
    summary = _summary(output)
    text_bytes = sum(p.stat().st_size for p in _documents(target))
    # ru_maxrss: KiB on Linux, bytes on macOS
    peak_mb = usage.ru_maxrss / MB if sys.platform == "darwin" else usage.ru_maxrss * 1024 / MB
    return Run(
        name=name,
        documents=summary["documents"],
        figures=summary["figures"],
        groups=summary["groups"],
        megabytes=text_bytes / MB,
        seconds=seconds,
        peak_mb=peak_mb,
        tree_mb=peak[0] * 1024 / MB,
        report_mb=output.stat().st_size / MB,
        exit_code=process.returncode,
    )


def _summary(report: Path) -> dict[str, int]:
    """The report's summary, parsed in a process of its own: loading a report
    of hundreds of MB here would grow this process, and on Linux a child
    starts with its parent's peak RSS as its own (`ru_maxrss` survives fork
    and exec), which would then show in every later run's peak."""
    script = "import json, sys; print(json.dumps(json.load(open(sys.argv[1]))['summary']))"
    found = subprocess.run(
        [sys.executable, "-c", script, str(report)], capture_output=True, text=True, check=True
    )
    return json.loads(found.stdout)


def _documents(target: Path) -> Iterator[Path]:
    return iter([target]) if target.is_file() else target.rglob("*.md")


def per_ten(small: Run, large: Run) -> float:
    """How many times longer `large` took, scaled to 10x as many documents."""
    return (large.seconds / small.seconds) ** (1 / math.log10(large.documents / small.documents))


HEADER = (
    f"{'corpus':>12} {'documents':>10} {'text MB':>8} {'figures':>9} {'groups':>8} "
    f"{'seconds':>8} {'peak MB':>8} {'tree MB':>8} {'report MB':>10} {'x per 10x docs':>15}"
)


def row(run: Run, previous: Run | None) -> str:
    """One run as a line of the table; a corpus with the growth from the one before."""
    growth = ""
    if previous is not None and run.documents > previous.documents:
        growth = f"x{per_ten(previous, run):.1f}"
    return (
        f"{run.name:>12} {run.documents:>10,} {run.megabytes:>8.1f} {run.figures:>9,} "
        f"{run.groups:>8,} {run.seconds:>8.1f} {run.peak_mb:>8.0f} {run.tree_mb:>8.0f} "
        f"{run.report_mb:>10.1f} {growth:>15}"
    )


def verdict_lines(runs: Sequence[Run]) -> list[str]:
    """The issue's targets against the largest corpus and the growth."""
    corpora = [run for run in runs if run.documents > 1]
    lines = []
    if corpora:
        big = corpora[-1]
        lines.append(
            f"largest corpus, {big.documents:,} documents: {big.seconds:.1f} s "
            f"(target < {TARGET_SECONDS_50K:.0f} s for 50,000), peak {big.peak_mb:.0f} MB, "
            f"tree {big.tree_mb:.0f} MB (target < {TARGET_RSS_MB:.0f} MB)"
        )
    lines += [
        f"growth {small.documents:,} -> {large.documents:,} documents: "
        f"x{per_ten(small, large):.1f} time per 10x documents (target < {TARGET_GROWTH:.0f})"
        for small, large in itertools.pairwise(corpora)
    ]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1000, 10_000, 50_000],
        help="corpus sizes in documents (default: 1000 10000 50000)",
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="passed to check --jobs (default: its default)"
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the generator (default 7)")
    parser.add_argument("--events", type=int, default=300, help="news events (default 300)")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "factcheck-corpus-bench",
        help="where the corpora and reports are written (default: in the temporary folder)",
    )
    parser.add_argument("--no-article", action="store_true", help="skip the 1 MB article")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.sizes))
    workdir = args.workdir.resolve()
    prepare(workdir, sizes, args.seed, args.events, not args.no_article)
    print(
        f"corpus_bench: check --format json, seed {args.seed}, {args.events} events, "
        f"jobs {args.jobs or 'default'}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
    )
    targets = [(f"{size}", workdir / f"docs-{size}") for size in sizes]
    if not args.no_article:
        targets.append(("1mb-article", workdir / "article-1mb" / "live.md"))
    print(HEADER, flush=True)
    runs: list[Run] = []
    for name, target in targets:  # each line as soon as it is measured: the 50k run is long
        run = run_check(name, target, workdir, args.jobs)
        print(row(run, runs[-1] if runs else None), flush=True)
        runs.append(run)
    for line in verdict_lines(runs):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
