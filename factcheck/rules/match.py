"""Which figures a rule claims, and whether two figures of a claim agree.

"Near the figure" means the part of its sentence that belongs to it: the
sentence up to the neighbouring figures, cut at a clause break (a comma,
"and", "while"...) between them. So in "Russia holds 30 percent of the
foreign investment in Belarus and nearly 50 percent of its foreign trade"
the words "foreign investment" are near 30 percent, not near 50 percent. A count that
names what it counts ("166 individuals", "four packages") is only claimed
when that noun is one of the rule's measure words: four packages are not
individuals, however close the word stands.
"""

from __future__ import annotations

import math
import warnings
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from factcheck import units
from factcheck.model import Figure
from factcheck.rules.model import Rule, Tolerance

#: Seconds a rule's regular expression may run on one sentence.
PATTERN_TIMEOUT = 0.1

Interval = tuple[float | None, float | None]
Span = tuple[int, int]

_CLAUSE_BREAK = regex.compile(
    r"[,;:()\u2013\u2014]|\s-\s|\b(?:and|but|while|whereas|as\s+well\s+as|plus)\b",
    regex.IGNORECASE,
)
_WORD = regex.compile(r"[\p{L}][\p{L}'\u2019\-]*")
_BOUNDARY_BEFORE = r"(?<![\p{L}\p{N}])"
_BOUNDARY_AFTER = r"(?![\p{L}\p{N}])"


class PatternTimeoutWarning(RuntimeWarning):
    """A rule's regular expression ran too long on a sentence and was disabled."""


#: Patterns that timed out, by rule file, claim line and pattern text. A
#: pattern slow on one sentence is slow on most, so it is not tried again in
#: this process: otherwise every later figure pays the timeout once more.
_disabled: set[tuple[str, int, str]] = set()


# -- claiming ---------------------------------------------------------------


def rule_claims(rule: Rule, figure: Figure, neighbours: Sequence[Figure] | None = None) -> bool:
    """Does `rule` claim `figure`? Unit, change, subject and a measure word near it.

    `neighbours` are the other figures of the same document (as
    `extract_document` gives them; those of other sentences are ignored):
    they tell where the figure's part of the sentence ends. Without them the
    sentence is read again to find its figures.
    """
    if not same_dimension(rule.unit, figure.unit):
        return False
    if rule.change is not None and figure.is_change != rule.change:
        return False
    if rule.subject_names and not _mentions_subject(rule, figure):
        return False
    measure = _phrase_regex(rule.measure)
    sentence = figure.sentence or figure.text
    if _names_counted_noun(figure):
        if measure.search(figure.text):
            return True
        if not rule.patterns:
            return False
        span, _ = _geometry(figure, neighbours)
        return span is not None and _any_pattern(rule, sentence, span)
    if figure.measure and measure.search(figure.measure):
        return True
    if not measure.search(sentence) and not _any_pattern(rule, sentence, (0, len(sentence))):
        return False
    span, others = _geometry(figure, neighbours)
    start, end = _zone(sentence, span, others) if span else (0, len(sentence))
    return measure.search(sentence, start, end) is not None or _any_pattern(
        rule, sentence, (start, end)
    )


def claim_figures(rules: Sequence[Rule], figures: Sequence[Figure]) -> dict[int, Rule]:
    """Figure index -> the first rule (in file order) that claims it; unclaimed left out."""
    by_sentence: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        by_sentence[(figure.doc, figure.sentence)].append(figure)
    claimed: dict[int, Rule] = {}
    for index, figure in enumerate(figures):
        neighbours = by_sentence[(figure.doc, figure.sentence)]
        for rule in rules:
            if rule_claims(rule, figure, neighbours):
                claimed[index] = rule
                break
    return claimed


def same_dimension(rule_unit: str, figure_unit: str) -> bool:
    """Figures of a claim are in its unit or another of the same dimension (hour, day)."""
    return rule_unit == figure_unit or _dimension(rule_unit) == _dimension(figure_unit)


@cache
def _dimension(unit: str) -> str:
    return units.dimension(unit)


def _mentions_subject(rule: Rule, figure: Figure) -> bool:
    names = _names_regex(rule.subject_names)
    return bool(names.search(figure.sentence or figure.text) or names.search(figure.subject))


@cache
def _phrase_regex(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """Whole words, any case, any spacing or hyphen between words; a plural -s/-es too."""
    alternatives = []
    for phrase in phrases:
        words = [regex.escape(word) for word in phrase.split()]
        alternatives.append(r"[\s\-]+".join(words) + "(?:e?s)?")
    body = "|".join(sorted(alternatives, key=len, reverse=True))
    return regex.compile(f"{_BOUNDARY_BEFORE}(?:{body}){_BOUNDARY_AFTER}", regex.IGNORECASE)


@cache
def _names_regex(names: tuple[str, ...]) -> regex.Pattern[str]:
    """Whole names; acronyms ("EU") keep their case so that "eu" inside text does not count."""
    alternatives = []
    for name in sorted(names, key=len, reverse=True):
        escaped = r"[\s\-]+".join(regex.escape(word) for word in name.split())
        alternatives.append(escaped if name.isupper() else f"(?i:{escaped})")
    return regex.compile(f"{_BOUNDARY_BEFORE}(?:{'|'.join(alternatives)}){_BOUNDARY_AFTER}")


def _any_pattern(rule: Rule, sentence: str, span: Span) -> bool:
    """Does one of the rule's patterns match text overlapping `span` of the sentence?"""
    start, end = span
    for pattern in rule.patterns:
        key = (rule.path, rule.line, pattern.pattern)
        if key in _disabled:
            continue
        try:
            for match in pattern.finditer(sentence, timeout=PATTERN_TIMEOUT):
                if (match.start() < end and match.end() > start) or match.start() == start == end:
                    return True
                if match.start() >= end:
                    break
        except TimeoutError:
            _disabled.add(key)
            _warn_timeout(rule, pattern)
    return False


def _warn_timeout(rule: Rule, pattern: regex.Pattern[str]) -> None:
    """Tell the analyst, once, that a pattern was disabled: the run goes on without it.

    The warning is placed at the pattern's line of the rule file, so that it
    reads `rules/x.toml:7: PatternTimeoutWarning: ...` like every other
    problem with a rule, not at a line of this module.
    """
    warnings.warn_explicit(
        f"claim {rule.id!r}: pattern {pattern.pattern!r} took longer than {PATTERN_TIMEOUT}s "
        "on a sentence; it counts as no match for the rest of the run (simplify it)",
        PatternTimeoutWarning,
        rule.path,
        rule.pattern_line or rule.line,
    )


# -- where the figure sits in its sentence ------------------------------------


def _geometry(
    figure: Figure, neighbours: Sequence[Figure] | None
) -> tuple[Span | None, list[Span]]:
    """The figure's span in its sentence and the spans of the other figures there."""
    sentence = figure.sentence
    if not sentence or not figure.text:
        return None, []
    if neighbours is None:
        return _geometry_alone(figure)
    occurrences = [m.start() for m in regex.finditer(regex.escape(figure.text), sentence)]
    if not occurrences:
        return None, []
    others = [
        n for n in neighbours if n.doc == figure.doc and n.sentence == sentence and n != figure
    ]

    def placed(at: int) -> list[Span]:
        """Spans of the other figures if this figure stands at `at` of the sentence."""
        shift = figure.start - at
        return [
            (n.start - shift, n.end - shift)
            for n in others
            if n.start >= shift and sentence[n.start - shift : n.end - shift] == n.text
        ]

    at = (
        max(occurrences, key=lambda at: len(placed(at))) if len(occurrences) > 1 else occurrences[0]
    )
    return (at, at + len(figure.text)), placed(at)


def _geometry_alone(figure: Figure) -> tuple[Span | None, list[Span]]:
    """Without the document's figures: read the sentence again for them."""
    found = _sentence_figures(figure.sentence)
    same = [span for span, text in found if text == figure.text]
    if not same:
        at = figure.sentence.find(figure.text)
        if at < 0:
            return None, []
        return (at, at + len(figure.text)), [span for span, _ in found]
    own = next((span for span in same if span[0] == figure.start), same[0])
    return own, [span for span, _ in found if span != own]


@lru_cache(maxsize=4096)
def _sentence_figures(sentence: str) -> tuple[tuple[Span, str], ...]:
    from factcheck.extract import extract_figures  # the extractor imports nothing of ours

    return tuple(((f.start, f.end), f.text) for f in extract_figures(sentence))


def _zone(sentence: str, span: Span, others: Sequence[Span]) -> Span:
    """The part of the sentence that belongs to the figure at `span`.

    Figures with no clause break between them share their stretch ("fell to
    30% from 35%" is one measure); a break between two figures ("30% of
    investment and 50% of trade") ends the first one's stretch at the break
    and starts the second one's after it.
    """
    start, end = span
    before = sorted((s, e) for s, e in others if e <= start)
    after = sorted((s, e) for s, e in others if s >= end)
    left, right = 0, len(sentence)
    bound = start
    for previous_start, previous_end in reversed(before):
        breaks = list(_CLAUSE_BREAK.finditer(sentence, previous_end, bound))
        if breaks:
            left = breaks[-1].end()
            break
        bound = previous_start
    bound = end
    for next_start, next_end in after:
        first = _CLAUSE_BREAK.search(sentence, bound, next_start)
        if first:
            right = first.start()
            break
        bound = next_end
    return left, right


@cache
def _number_words() -> frozenset[str]:
    """Words that are part of a number, not a counted noun ("hundred", "dozens", "few")."""
    from factcheck.extract.lexicon import lexicon

    lex = lexicon()
    words: set[str] = {"a", "an", "of", "and"}
    for table in ("cardinals", "scales", "abbreviated_scales", "collectives", "vague", "fractions"):
        for phrase in getattr(lex, table, {}):
            words.update(phrase.lower().split())
    return frozenset(words)


def _names_counted_noun(figure: Figure) -> bool:
    """A count written with its noun ("2,400 Russian companies"), not a bare number."""
    if figure.unit != "count":
        return False
    words = _WORD.findall(figure.text)
    return bool(words) and words[-1].lower() not in _number_words()


# -- comparing ---------------------------------------------------------------


def within_tolerance(a: Interval, b: Interval, tolerance: Tolerance) -> bool:
    """Do two intervals (None = open side) overlap once the tolerance is allowed between them?

    The tolerance is the largest gap allowed between the intervals: absolute
    in the claim's unit, relative to the larger magnitude of the two.
    """
    magnitude = _magnitude(a, b)
    slack = 1e-9 * max(1.0, magnitude)
    allowed = tolerance.margin(magnitude)
    if allowed > 0:
        return interval_gap(a, b) <= allowed + slack
    # No tolerance: the intervals must share more than an end ("three-hour" is
    # [2.5, 3.5], "four-hour" [3.5, 4.5]: they only touch, and disagree),
    # unless one of them is a single point.
    highs = [h for h in (a[1], b[1]) if h is not None]
    lows = [low for low in (a[0], b[0]) if low is not None]
    overlap = (min(highs) if highs else math.inf) - (max(lows) if lows else -math.inf)
    point = a[0] == a[1] or b[0] == b[1]
    return overlap > slack or (point and overlap >= -slack)


def interval_gap(a: Interval, b: Interval) -> float:
    """How far apart two intervals lie (0 when they overlap): the size of a disagreement."""
    low_a, high_a = a
    low_b, high_b = b
    gap = 0.0
    if high_a is not None and low_b is not None:
        gap = max(gap, low_b - high_a)
    if high_b is not None and low_a is not None:
        gap = max(gap, low_a - high_b)
    return gap


def _magnitude(a: Interval, b: Interval) -> float:
    return max((abs(x) for x in (*a, *b) if x is not None), default=0.0)


def figure_interval(rule: Rule, figure: Figure) -> Interval:
    """The figure's interval in the rule's unit (30 minutes -> 0.5 for an hour claim)."""
    return units.convert_interval(figure.interval, figure.unit, rule.unit)


# -- examples ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """One example or counterexample sentence of a rule, run through the extractor."""

    rule: Rule
    sentence: str
    expected: bool  # True: an example (must be claimed); False: a counterexample
    claimed: tuple[str, ...]  # the figures the rule claimed, as written
    found: tuple[str, ...]  # every figure the extractor found in the sentence

    @property
    def passed(self) -> bool:
        return bool(self.claimed) == self.expected


def check_examples(rule: Rule) -> list[ExampleResult]:
    """Run a rule's examples and counterexamples: what `factcheck rules test` reports."""
    from factcheck.extract import extract_figures

    results = []
    for expected, sentences in ((True, rule.examples), (False, rule.counterexamples)):
        for sentence in sentences:
            figures = extract_figures(sentence)
            claimed = tuple(f.text for f in figures if rule_claims(rule, f, figures))
            found = tuple(f.text for f in figures)
            results.append(ExampleResult(rule, sentence, expected, claimed, found))
    return results
