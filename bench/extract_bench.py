#!/usr/bin/env python3
"""Benchmark figure extraction: speed (MB/s) and peak memory on a large corpus.

A script, not a test. It writes a JSONL corpus of at least `--mb` megabytes
(1 MB = 10**6 bytes of file) into a temporary directory: the five articles in
`seeds/` with their numbers varied, and generated news-style text with
percentages, money, counts, durations, qualifiers, dates, years and
ordinals among prose sentences. By default (`--corpus news`) the figures
come as densely as in the seeds, about 1.4 per KB; `--corpus dense` writes
text as dense as the dev articles, about 5 per KB, where the per-figure work
dominates. It then streams the corpus through `factcheck.corpus.read_corpus`
and `factcheck.extract.extract_document` on one core, exactly as
`factcheck extract` does, `--repeat` times, and prints the best pass.

The same is done on a corpus half the size. Each run is a fresh child
process, so `ru_maxrss` (the peak resident memory of the process) is that
run's own; streaming means both peaks should be about the same.

    .venv/bin/python bench/extract_bench.py                  # 20 MB and 10 MB, news density
    .venv/bin/python bench/extract_bench.py --corpus dense   # as dense as the dev articles
    .venv/bin/python bench/extract_bench.py --mb 50 --keep   # cache corpora in bench/corpus/

Only the standard library and the package are used.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CACHE = ROOT / "bench" / "corpus"  # gitignored
MB = 1_000_000

# --------------------------------------------------------------------------
# Corpus generation: deterministic (seeded), so runs are comparable.

COUNTRIES = [
    "Belarus",
    "Russia",
    "Turkey",
    "Poland",
    "Lithuania",
    "Latvia",
    "Ukraine",
    "Germany",
    "France",
    "Italy",
    "Spain",
    "Kazakhstan",
    "Georgia",
    "Armenia",
    "Moldova",
    "Finland",
    "Sweden",
    "Norway",
    "Japan",
    "Brazil",
    "Mexico",
    "Egypt",
]
SECTORS = (
    "exports",
    "imports",
    "industrial output",
    "retail sales",
    "foreign trade",
    "grain harvest",
    "car production",
    "gas deliveries",
    "tourist arrivals",
    "electricity consumption",
    "housing construction",
    "freight traffic",
)
RATES = (
    "annual inflation",
    "the unemployment rate",
    "the key interest rate",
    "food inflation",
    "the budget deficit",
    "public debt",
    "the poverty rate",
    "voter turnout",
)
NOUNS = (
    "companies",
    "workers",
    "people",
    "households",
    "regions",
    "entities",
    "individuals",
    "programs",
    "flights",
    "passengers",
    "schools",
    "hospitals",
    "villages",
    "protesters",
    "journalists",
    "farms",
)
SPEAKERS = (
    "the finance minister",
    "a central bank spokesperson",
    "the statistics office",
    "an opposition lawmaker",
    "the deputy prime minister",
    "analysts at a local bank",
    "the trade ministry",
    "the mayor",
)
CURRENCIES = (
    ("$", ""),
    ("€", ""),
    ("USD ", ""),
    ("", " rubles"),
    ("", " euros"),
    ("Br ", ""),
    ("", " lira"),
    ("£", ""),
)
MULTIPLIERS = ("million", "billion", "bln", "bn", "m", "trillion")
APPROX = ("about", "around", "roughly", "some", "nearly", "almost", "approximately", "close to")
BOUND = ("more than", "over", "at least", "less than", "under", "up to", "at most", "above")
UNITS = ("kilometres", "km", "tonnes", "hours", "days", "months", "years", "bcm", "weeks")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WORDS = (
    "two",
    "three",
    "five",
    "seven",
    "ten",
    "twelve",
    "twenty",
    "fifty",
    "twenty-eight",
    "a dozen",
    "hundreds of",
    "thousands of",
    "half",
    "a third",
    "three quarters",
    "one and a half",
)
FILLER = (
    "Officials did not respond to a request for comment.",
    "The measures were announced after a meeting of the government in the capital.",
    "Critics say the official statistics understate the scale of the problem.",
    "The opposition called the decision a mistake and promised to challenge it in court.",
    "Economists warned that the outlook remains highly uncertain.",
    "The ministry said further details would be published next week.",
    "Neighbouring countries have taken similar steps in recent months.",
    "The announcement came as talks between the two sides stalled again.",
    "Residents interviewed by reporters said prices had risen sharply.",
    "The report was presented at the 3rd Economic Forum in the "
    "city\N{RIGHT SINGLE QUOTATION MARK}s congress centre.",
    "The G7 and the EU have coordinated their response since the COVID-19 pandemic.",
    "Lawmakers are expected to vote on the bill for the second time on Thursday.",
)


VERBS = ("said", "told reporters", "warned", "insisted", "argued", "wrote", "acknowledged")
OUTCOMES = (
    "would recover slowly",
    "had been hit hard by the sanctions",
    "were expected to stabilise",
    "depended on the weather and on demand from abroad",
    "remained below the level seen before the crisis",
    "were growing faster than forecast",
)
TAILS = (
    "adding that the government was ready to act",
    "but gave no details",
    "according to a statement published on its website",
    "in an interview with a regional broadcaster",
    "citing preliminary data",
    "without naming the companies involved",
)


def _number(rng: random.Random) -> str:
    """A number as news writes it: digits, separators, decimals or words."""
    pick = rng.random()
    if pick < 0.35:
        return str(rng.randint(2, 99))
    if pick < 0.55:
        return f"{rng.uniform(0.1, 99):.1f}"
    if pick < 0.75:
        return f"{rng.randint(1_000, 999_999):,}"
    if pick < 0.85:
        return f"{rng.randint(10, 99)} {rng.randint(100, 999)}"
    return rng.choice(WORDS)


def _qualified(rng: random.Random, number: str) -> str:
    pick = rng.random()
    if pick < 0.25:
        return f"{rng.choice(APPROX)} {number}"
    if pick < 0.45:
        return f"{rng.choice(BOUND)} {number}"
    return number


def _money(rng: random.Random) -> str:
    before, after = rng.choice(CURRENCIES)
    amount = f"{rng.uniform(1, 950):.{rng.choice((0, 1, 2))}f}"
    mult = rng.choice(MULTIPLIERS)
    spaced = "" if mult in ("m", "bn", "bln") and rng.random() < 0.5 else " "
    return f"{before}{amount}{spaced}{mult}{after}"


def _date(rng: random.Random) -> str:
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    return f"{day} {month}" if rng.random() < 0.5 else f"{month} {day}"


def _sentence(rng: random.Random, figure_share: float) -> str:
    """One generated sentence: with a figure (or a date, a year) at odds
    `figure_share`, else prose."""
    c, s, r, n = rng.choice(COUNTRIES), rng.choice(SECTORS), rng.choice(RATES), rng.choice(NOUNS)
    year = rng.randint(1991, 2024)
    pct = f"{rng.uniform(0.1, 95):.1f}"
    templates = (
        lambda: (
            f"{c}'s {s} rose by {_qualified(rng, pct)}% in {year}, {rng.choice(SPEAKERS)} said."
        ),
        lambda: f"{r.capitalize()} in {c} stood at {pct} percent in {rng.choice(MONTHS)}.",
        lambda: (
            f"{s.capitalize()} fell {rng.randint(1, 40)} per cent year on year on {_date(rng)}."
        ),
        lambda: (
            f"{r.capitalize()} was up {rng.randint(1, 9)}.{rng.randint(0, 9)} percentage "
            f"points from a year earlier."
        ),
        lambda: f"The government set aside {_qualified(rng, _money(rng))} for the program.",
        lambda: (
            f"{c} and {rng.choice(COUNTRIES)} signed deals worth {_money(rng)} on {_date(rng)}."
        ),
        lambda: (
            f"{_qualified(rng, _number(rng)).capitalize()} {n} were affected, "
            f"according to {rng.choice(SPEAKERS)}."
        ),
        lambda: f"Between {rng.randint(10, 40)} and {rng.randint(41, 90)} {n} took part.",
        lambda: (
            f"The journey of {_qualified(rng, str(rng.randint(50, 2000)))} "
            f"{rng.choice(UNITS)} was completed in {rng.choice(('five', 'six', '12'))} hours."
        ),
        lambda: (
            f"One in {rng.choice(('five', 'four', 'three', 'ten'))} {n} said they "
            f"could not pay their bills, a survey published on {_date(rng)} {year} showed."
        ),
        lambda: (
            f"{s.capitalize()} {rng.choice(('doubled', 'tripled', 'halved'))} "
            f"compared with the 1990s."
        ),
        lambda: (
            f"Prices increased {rng.randint(2, 5)}-fold over {rng.choice(('two', 'ten'))} years."
        ),
        lambda: (
            f"{c} exported {_qualified(rng, f'{rng.uniform(1, 60):.1f}')} million tonnes of grain "
            f"in {year}, a {pct}% increase."
        ),
        lambda: f"The ruling party won {pct}% of the vote, while turnout was {_number(rng)}%.",
    )
    if rng.random() >= figure_share:
        return _prose(rng)
    return rng.choice(templates)()


def _prose(rng: random.Random) -> str:
    """A sentence without a figure (some with ordinals or names that are not figures)."""
    if rng.random() < 0.3:
        return rng.choice(FILLER)
    who = rng.choice(SPEAKERS)
    return (
        f"{who[:1].upper()}{who[1:]} {rng.choice(VERBS)} that {rng.choice(SECTORS)} in "
        f"{rng.choice(COUNTRIES)} {rng.choice(OUTCOMES)}, {rng.choice(TAILS)}."
    )


def _vary_digits(text: str, rng: random.Random) -> str:
    """A seed article with each digit replaced, so the bytes differ per copy."""
    return re.sub(r"\d", lambda _: str(rng.randint(0, 9)), text)


#: Kinds of corpus: the share of generated sentences that carry a figure
#: (None: the seed articles alone). "news" matches the seeds' density, about
#: 1.4 figures per KB; "dense" that of the dev articles, about 5 per KB,
#: excerpts chosen for their numbers.
FIGURE_SHARE: dict[str, float | None] = {"news": 0.1, "dense": 0.4, "seeds": None}


def documents(target_bytes: int, kind: str = "news", seed: int = 2024) -> Iterator[dict[str, str]]:
    """JSONL records until `target_bytes` of JSON have been produced.

    One article in ten is a seed (with its digits varied) and the rest
    generated text at the density `kind` names; for "seeds" every article is
    a seed.
    """
    rng = random.Random(seed)
    share = FIGURE_SHARE[kind]
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    produced, number = 0, 0
    while produced < target_bytes:
        if seeds and (share is None or number % 10 == 0):
            text = _vary_digits(seeds[(number // (1 if share is None else 10)) % len(seeds)], rng)
        else:
            paragraphs = (
                " ".join(_sentence(rng, share or 0.0) for _ in range(rng.randint(2, 6)))
                for _ in range(rng.randint(4, 14))
            )
            text = "\n".join(paragraphs) + "\n"
        record = {
            "id": f"bench-{number:06d}",
            "title": f"Bench article {number}",
            "date": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "text": text,
        }
        produced += len(json.dumps(record, ensure_ascii=False).encode("utf-8")) + 1
        number += 1
        yield record


def write_corpus(path: Path, megabytes: float, kind: str = "news") -> Path:
    """Write (or reuse) a JSONL corpus of at least `megabytes` MB."""
    if path.exists() and path.stat().st_size >= megabytes * MB:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in documents(int(megabytes * MB), kind):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# --------------------------------------------------------------------------
# Measurement (in a child process, so ru_maxrss is this run's own)


def _maxrss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MB if sys.platform == "darwin" else peak * 1024 / MB


def measure(path: Path, trace: bool, repeat: int = 1) -> dict[str, float]:
    """Stream the corpus through the extractor `repeat` times timed (the best
    pass counts: the others only add what else the machine was doing), then
    once under tracemalloc."""
    from factcheck.corpus import InputProblem, read_corpus
    from factcheck.extract import extract_document, extract_figures

    # Warm-up: compile the grammar and load the pint registry (about a second, once per process)
    extract_figures("Exports rose by about 5% to $2 bln in over five hours and 300 km.")
    rss_before = _maxrss_mb()

    def run() -> tuple[int, int, int]:
        docs = figures = problems = 0
        for item in read_corpus([str(path)]):
            if isinstance(item, InputProblem):
                problems += 1
                continue
            docs += 1
            figures += len(extract_document(item))
        return docs, figures, problems

    passes = []
    for _ in range(repeat):
        started = time.perf_counter()
        docs, figures, problems = run()
        passes.append(time.perf_counter() - started)
    result = {
        "mb": path.stat().st_size / MB,
        "docs": docs,
        "figures": figures,
        "problems": problems,
        "seconds": min(passes),
        "median_seconds": statistics.median(passes),
        "passes": len(passes),
        "rss_before": rss_before,
        "rss_peak": _maxrss_mb(),
        "traced_peak": -1.0,
    }
    if trace:  # a second pass: tracemalloc slows Python allocation down several times
        tracemalloc.start()
        run()
        result["traced_peak"] = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
    return result


def _measure_in_child(path: Path, trace: bool, repeat: int) -> dict[str, float]:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--measure",
        str(path),
        "--repeat",
        str(repeat),
    ]
    if not trace:
        command.append("--no-tracemalloc")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"extract_bench: measuring {path} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def _report(label: str, r: dict[str, float]) -> None:
    traced = (
        f"{r['traced_peak']:.2f} MB peak of Python allocations while streaming"
        if r["traced_peak"] >= 0
        else "not measured (--no-tracemalloc)"
    )
    print(f"{label}")
    print(f"  corpus          {r['mb']:.1f} MB (JSONL file), {r['docs']:,} documents")
    density = r["figures"] / (r["mb"] * 1000)
    print(f"  figures found   {r['figures']:,} ({density:.1f} per KB)")
    print(
        f"  time            {r['seconds']:.2f} s (best of {r['passes']:.0f} passes; "
        f"median {r['median_seconds']:.2f} s)"
    )
    print(
        f"  speed           {r['mb'] / r['seconds']:.2f} MB/s "
        f"(median pass {r['mb'] / r['median_seconds']:.2f} MB/s)"
    )
    print(
        f"  peak RSS        {r['rss_peak']:.1f} MB (ru_maxrss; {r['rss_before']:.1f} MB "
        f"after imports and warm-up)"
    )
    print(f"  tracemalloc     {traced}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument(
        "--keep", action="store_true", help="cache the corpora in bench/corpus/ (gitignored)"
    )
    parser.add_argument(
        "--no-tracemalloc", action="store_true", help="skip the (slow) tracemalloc pass"
    )
    parser.add_argument(
        "--corpus",
        choices=sorted(FIGURE_SHARE),
        default="news",
        help="news: seeds and generated text at the seeds' density, ~1.4 figures/KB (default); "
        "dense: generated text as dense as the dev articles, ~5 figures/KB; seeds: seeds alone",
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="timed passes over each corpus; the best counts"
    )
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args(argv)
    if args.mb <= 0:
        parser.error("--mb must be positive")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    if args.measure:
        print(json.dumps(measure(args.measure, not args.no_tracemalloc, args.repeat)))
        return 0

    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        folder = CACHE if args.keep else Path(tmp)
        started = time.perf_counter()
        kind = args.corpus
        full = write_corpus(folder / f"corpus-{kind}-{args.mb:g}mb.jsonl", args.mb, kind)
        half = write_corpus(folder / f"corpus-{kind}-{args.mb / 2:g}mb.jsonl", args.mb / 2, kind)
        print(f"corpora written in {time.perf_counter() - started:.1f} s to {folder}")
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}; extraction on one core, one process"
        )
        results = {}
        for label, path in (("full", full), ("half", half)):
            results[label] = _measure_in_child(path, not args.no_tracemalloc, args.repeat)
            _report(f"{label} corpus ({path.name})", results[label])

    f, h = results["full"], results["half"]
    print("memory vs corpus size (streaming: should not grow)")
    print(
        f"  peak RSS        {h['mb']:.1f} MB corpus: {h['rss_peak']:.1f} MB   "
        f"{f['mb']:.1f} MB corpus: {f['rss_peak']:.1f} MB"
    )
    if f["traced_peak"] >= 0:
        print(
            f"  tracemalloc     {h['mb']:.1f} MB corpus: {h['traced_peak']:.2f} MB   "
            f"{f['mb']:.1f} MB corpus: {f['traced_peak']:.2f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
