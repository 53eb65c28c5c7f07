"""Benchmark: grouping and judging many figures (a script, not a test).

    python bench/check_bench.py [--figures 200000]

Builds figures as the extractor and attribution would (documents of ~40
figures each, measures drawn from a vocabulary of claims, values around a
true value per claim, some noise and some conflicts), then times
`group_figures` and `judge` on them and prints figures per second.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from factcheck.compare import group_figures, judge
from factcheck.model import Figure

KINDS = (("percent", "percent"), ("count", "count"), ("USD", "money"), ("hour", "duration"))
NOUNS = [
    "trade",
    "investment",
    "exports",
    "imports",
    "turnout",
    "inflation",
    "output",
    "passengers",
    "companies",
    "regions",
]
PLACES = [
    "Belarus",
    "Russia",
    "Turkey",
    "Poland",
    "Lithuania",
    "Germany",
    "France",
    "Latvia",
    "Ukraine",
    "Georgia",
]


def synthetic_figures(count: int, seed: int = 7) -> list[Figure]:
    """`count` figures spread over count/40 documents and about count/20 claims."""
    rng = random.Random(seed)
    claims = []
    for n in range(max(count // 20, 1)):
        unit, kind = rng.choice(KINDS)
        measure = f"{rng.choice(NOUNS)} of {rng.choice(PLACES)} {n}"
        claims.append((measure, unit, kind, rng.uniform(1, 1000), rng.random() < 0.3))
    figures = []
    for i in range(count):
        measure, unit, kind, value, is_change = rng.choice(claims)
        if rng.random() < 0.1:
            value *= rng.uniform(0.7, 1.3)  # a source that disagrees
        value = round(value, 1)
        sentence = f"The {measure} reached {value} last year, officials said."
        figures.append(
            Figure(
                doc=f"doc-{i // 40}",
                start=i % 40 * 80,
                end=i % 40 * 80 + 5,
                line=i % 40 + 1,
                column=1,
                text=str(value),
                value=value,
                unit=unit,
                kind=kind,
                low=value,
                high=value,
                interval=(value - 0.05, value + 0.05),
                is_change=is_change,
                measure=measure,
                sentence=sentence,
                period=str(2015 + rng.randrange(8)) if rng.random() < 0.5 else "",
            )
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=int, default=200_000)
    args = parser.parse_args()
    figures = synthetic_figures(args.figures)
    started = time.perf_counter()
    groups = group_figures(figures)
    grouped = time.perf_counter()
    verdicts = [judge(group) for group in groups]
    judged = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"figures:       {len(figures):,}")
    print(f"groups:        {len(groups):,}")
    print(f"grouping:      {grouped - started:.1f} s")
    print(f"judging:       {judged - grouped:.1f} s")
    print(
        f"total:         {judged - started:.1f} s "
        f"({len(figures) / (judged - started):,.0f} figures/s)"
    )
    print(f"peak memory:   {peak / 2**20:.0f} MiB (peak resident set of the process)")
    print(f"conflicting:   {sum(v.verdict == 'conflicting' for v in verdicts):,}")


if __name__ == "__main__":
    main()
