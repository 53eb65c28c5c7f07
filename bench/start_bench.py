#!/usr/bin/env python3
"""Time how long factcheck takes to start: `--help`, and `extract` on one short file.

    .venv/bin/python bench/start_bench.py [--runs 7]

A script, not a test. Every small run pays the start-up (imports, the unit
registry, the grammar), so a newsroom checking one article on save feels
it most. Each command runs as a whole process, as a user runs it, several
times; the script prints the minimum and the median wall time and the peak
RSS of each.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLE = """---
title: Floods: toll rises to 23
date: 2024-10-16
---

The death toll from the floods in northern Carvania rose to 23 on Wednesday,
officials said. About 4,000 people were evacuated, and the ministry put the
damage at EUR 1.1 billion, up 12% on its first estimate.
"""


def _time(command: list[str], runs: int) -> tuple[float, float, float]:
    """Minimum and median seconds, and the largest peak RSS in MB, over `runs`."""
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(command)} failed")
        peaks.append(usage.ru_maxrss / 1024)
    return min(times), statistics.median(times), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (default 7)")
    args = parser.parse_args()
    machine = f"{platform.machine()}, Python {platform.python_version()}"
    print(f"start_bench: {args.runs} runs each; {machine}")
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "floods.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        commands = {
            "factcheck --help": [sys.executable, "-m", "factcheck", "--help"],
            "factcheck extract (one file)": [
                sys.executable, "-m", "factcheck", "extract", "--format", "jsonl", str(article)
            ],
            "factcheck check (one file)": [
                sys.executable, "-m", "factcheck", "check", "--no-rules", "--format", "json",
                str(article),
            ],
        }  # fmt: skip
        print(f"{'command':32} {'min s':>8} {'median s':>9} {'peak MB':>8}")
        for name, command in commands.items():
            low, middle, peak = _time(command, args.runs)
            print(f"{name:32} {low:8.3f} {middle:9.3f} {peak:8.0f}")


if __name__ == "__main__":
    main()
