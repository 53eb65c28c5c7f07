"""When a figure holds: the day it is stated for, the period it is about, its standing.

Three answers, read from the figure's sentence and the document's date:

- `as_of`, an ISO day: a date in the sentence ("on 8 March", "on Monday",
  "yesterday"), resolved against the document's date, else that date;
- `period`, what the figure is about when the text names it: "2022",
  "2022-10", "2023-Q1", "first round"; a month without a year is the last
  such month up to the document's date;
- `status`: preliminary, final, revised, estimate, forecast or target, from
  the words of `time.toml` nearest the figure.

Periods are strings that sort and compare simply; "" means the text does not
say. The words live in `time.toml`, the patterns are built from them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources

from factcheck.extract.lexicon import lexicon
from factcheck.extract.patterns import alternation
from factcheck.model import Figure


@dataclass(frozen=True, slots=True)
class TimeWords:
    """The tables of `time.toml` and the patterns built from them."""

    months: dict[str, int]
    weekdays: dict[str, int]
    not_as_of: frozenset[str]
    comparison_base: re.Pattern[str]
    relative_days: dict[str, int]
    quarters: dict[str, str]
    rounds: dict[str, str]
    status: dict[str, str]  # word or phrase -> status
    near_status: frozenset[str]  # status words that only mark a figure close after them
    near_reach: int
    day_marks: re.Pattern[str]
    period_marks: re.Pattern[str]
    status_marks: re.Pattern[str]


@cache
def time_words() -> TimeWords:
    """Load `time.toml` once and build its patterns."""
    data = tomllib.loads(
        resources.files("factcheck.attribute").joinpath("time.toml").read_text("utf-8")
    )
    months = {name: n for n, names in enumerate(data["months"], start=1) for name in names}
    weekdays = {name: n for n, name in enumerate(data["weekdays"])}
    month = rf"(?P<{{g}}>{alternation(months)})\.?"
    day = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(?P<{g}>(?:19|20)\d\d))?"
    day_marks = re.compile(
        rf"\b(?:{day.format(g='d1')}\s+(?:of\s+)?{month.format(g='m1')}{year.format(g='y1')}"
        rf"|{month.format(g='m2')}\s+{day.format(g='d2')}(?![\d:]){year.format(g='y2')}"
        r"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
        rf"|(?P<weekday>{alternation(weekdays)})"
        rf"|(?P<relative>{alternation(data['relative_days'])}))\b",
        re.IGNORECASE,
    )
    count = rf"(?:\d{{1,2}}|{alternation(_counts())})"
    period_marks = re.compile(
        rf"\b(?:{month.format(g='from_month')}\s*(?:-|–|—|to|through|thru|and)\s*"
        rf"{month.format(g='to_month')}(?:,?\s+(?P<range_year>(?:19|20)\d\d))?"
        rf"|(?P<from_year>(?:19|20)\d\d)\s*(?:-|–|—|to|through|and)\s*(?P<to_year>(?:19|20)\d\d)"
        rf"|first\s+(?P<first_n>{count})\s+months(?:\s+of\s+(?P<first_year>(?:19|20)\d\d))?"
        rf"|(?:last|past)\s+(?P<past_n>{count})\s+(?P<past_unit>years|months)"
        rf"|(?P<quarter>{alternation(data['quarters'])})(?:\s+of)?(?:\s+(?P<q_year>(?:19|20)\d\d))?"
        rf"|(?P<round>{alternation(data['rounds'])})"
        rf"|{month.format(g='month')}(?:\s+(?P<month_year>(?:19|20)\d\d))?"
        r"|(?P<relative>(?:last|this|past|next|previous)\s+(?:year|month))"
        r")\b"
        r"|(?<![\d,.\-/])(?P<year>(?:19|20)\d\d)(?![\d%]|\s*(?:bln|billion|million))",
        re.IGNORECASE,
    )
    status = {word: name for name, words in data["status"].items() for word in words}
    return TimeWords(
        months=months,
        weekdays=weekdays,
        not_as_of=frozenset(data["not_as_of"]),
        comparison_base=re.compile(rf"\b{alternation(data['comparison_base'])}\s*$", re.IGNORECASE),
        relative_days=data["relative_days"],
        quarters=data["quarters"],
        rounds=data["rounds"],
        status=status,
        near_status=frozenset(data["near_status"]["words"]),
        near_reach=data["near_status"]["reach"],
        day_marks=day_marks,
        period_marks=period_marks,
        status_marks=re.compile(rf"\b(?:{alternation(status)})\b", re.IGNORECASE),
    )


def _counts() -> dict[str, int]:
    """Number words that count months or years in a period ("the past two years")."""
    return {word: n for word, n in lexicon().cardinals.items() if 2 <= n <= 12}


@lru_cache(maxsize=1024)
def marks(pattern: re.Pattern[str], sentence: str) -> tuple[re.Match[str], ...]:
    """Every match of `pattern` in `sentence`, found once for all the figures of
    the sentence (they are attributed one after the other)."""
    return tuple(pattern.finditer(sentence))


def as_of_of(
    figure: Figure, document_date: str | None, others: Sequence[tuple[int, int, bool]] = ()
) -> str:
    """The ISO day the figure is stated for, or "" when nothing dates it."""
    words = time_words()
    today = _day(document_date)
    at, end = _offsets(figure)
    best: tuple[float, str] | None = None
    for mark in marks(words.day_marks, figure.sentence):
        if at <= mark.start() < end or _after_word(figure.sentence, mark.start(), words.not_as_of):
            continue
        if _beyond(mark, at, end, others):
            continue
        day = _resolve_day(mark, today, words)
        if day:
            distance = _distance(mark, at, end)
            if best is None or distance < best[0]:
                best = (distance, day)
    if best:
        return best[1]
    return today.isoformat() if today else ""


def period_of(
    figure: Figure,
    document_date: str | None,
    others: Sequence[tuple[int, int, bool]] = (),
    *,
    expected: bool = False,
) -> str:
    """The period the figure is about when its sentence names one, else "".

    "This month" and "this year" are not over on the document's date, so only
    a figure `expected` for them (a forecast, a target) is about them; an
    outturn said of them holds on its day ("inflation reached 7.8% this
    month", written on the 3rd, is the figure published this month)."""
    words = time_words()
    today = _day(document_date)
    at, end = _offsets(figure)
    days = [
        m.span()
        for m in marks(words.day_marks, figure.sentence)
        if m.group("iso") or m.group("d1") or m.group("d2")
    ]
    best: tuple[float, str] | None = None
    for mark in marks(words.period_marks, figure.sentence):
        if at <= mark.start() < end or any(s <= mark.start() < e for s, e in days):
            continue
        if _after_word(figure.sentence, mark.start(), words.not_as_of | _COMPARED):
            continue
        if _beyond(mark, at, end, others):
            continue
        period = _period(mark, today, words, expected)
        if period:
            distance = _distance(mark, at, end)
            if best is None or distance < best[0]:
                best = (distance, period)
    return best[1] if best else ""


_PART_FIRST_MONTH = {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7}

#: Words before a period that make it the base of a comparison, not the figure's own.
_COMPARED = frozenset({"than", "versus", "vs", "to", "with", "over"})


def is_comparison_base(figure: Figure) -> bool:
    """The figure is what another was compared to: "up from 83.5% in September"."""
    at, _ = _offsets(figure)
    return bool(time_words().comparison_base.search(figure.sentence[max(0, at - 16) : at]))


def status_of(figure: Figure) -> str:
    """The figure's standing from the status word nearest it: before it in its
    sentence, or right after it ("the 3.6% forecast", "20,000, an estimate")."""
    words = time_words()
    at, end = _offsets(figure)
    best: tuple[float, str] | None = None
    for mark in marks(words.status_marks, figure.sentence):
        if at <= mark.start() < end:
            continue
        if mark.start() >= end and mark.start() - end > 24:
            continue
        word = _spaced(mark.group(0))
        if word in words.near_status and at - mark.end() > words.near_reach:
            continue
        distance = _distance(mark, at, end)
        if best is None or distance < best[0]:
            best = (distance, words.status[_spaced(mark.group(0))])
    return best[1] if best else ""


def _beyond(
    mark: re.Match[str], at: int, end: int, others: Sequence[tuple[int, int, bool]]
) -> bool:
    """The mark belongs to another figure: after this one, beyond another figure
    ("85.5% in October, up from 83.5% in September" dates 83.5% by September),
    or before this one, right after another ("85.5% in October compared to
    83.45%"). A mark that opens the sentence ("In 2022, trade rose 12% to $45
    bln") dates every figure in it."""
    if mark.start() >= end:
        return any(end <= s and e <= mark.start() for s, e, _ in others)
    # "85.5% in October compared to 83.45%": October is the figure's just before it,
    # when that figure is of the same unit (a comparison sets like against like)
    return any(alike and e <= mark.start() <= e + _FOLLOWS for _, e, alike in others)


#: Characters between a figure and a period that follows it as its own ("5% in").
_FOLLOWS = 4


def _offsets(figure: Figure) -> tuple[int, int]:
    at = figure.start - figure.sentence_start
    if not 0 <= at <= len(figure.sentence):
        at = max(figure.sentence.find(figure.text), 0)
    return at, at + len(figure.text)


def _distance(mark: re.Match[str], at: int, end: int) -> float:
    """Characters between the mark and the figure; a mark after the figure wins
    a tie ("85.5% in October")."""
    return mark.start() - end if mark.start() >= end else at - mark.end() + 0.5


def _after_word(sentence: str, start: int, words: frozenset[str]) -> bool:
    previous = sentence[max(0, start - 16) : start].split()
    return bool(previous) and previous[-1].lower().strip("(,") in words


def _spaced(text: str) -> str:
    return " ".join(text.lower().split())


def _day(document_date: str | None) -> date | None:
    try:
        return date.fromisoformat((document_date or "")[:10])
    except ValueError:
        return None


def _resolve_day(mark: re.Match[str], today: date | None, words: TimeWords) -> str:
    if mark.group("iso"):
        return _iso(*map(int, mark.group("iso").split("-")))
    if mark.group("weekday"):
        if today is None:
            return ""
        back = (today.weekday() - words.weekdays[mark.group("weekday").lower()]) % 7
        return (today - timedelta(days=back)).isoformat()
    if mark.group("relative"):
        if today is None:
            return ""
        return (
            today + timedelta(days=words.relative_days[_spaced(mark.group("relative"))])
        ).isoformat()
    if not (mark.group("m1") or mark.group("m2"))[0].isupper():
        return ""
    day = int(mark.group("d1") or mark.group("d2"))
    month = words.months[(mark.group("m1") or mark.group("m2")).lower()]
    year_text = mark.group("y1") or mark.group("y2")
    if year_text:
        return _iso(int(year_text), month, day)
    if today is None:
        return ""
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    return _iso(year, month, day)


def _iso(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _period(mark: re.Match[str], today: date | None, words: TimeWords, expected: bool) -> str:
    if mark.group("from_month") or mark.group("first_n"):
        return _month_range(mark, today, words)
    if mark.group("from_year"):
        return f"{mark.group('from_year')}/{mark.group('to_year')}"
    if mark.group("past_n"):
        return _past(mark, today)
    if mark.group("year"):
        return mark.group("year")
    if mark.group("round"):
        return words.rounds[_spaced(mark.group("round"))]
    if mark.group("quarter"):
        part = words.quarters[_spaced(mark.group("quarter"))]
        if mark.group("q_year"):
            return f"{mark.group('q_year')}-{part}"
        if today is None:
            return ""
        first_month = _PART_FIRST_MONTH[part]  # the last such part begun by the document's date
        return f"{today.year if first_month <= today.month else today.year - 1}-{part}"
    if mark.group("month"):
        if not mark.group("month")[0].isupper():  # "prices may rise": a verb, not May
            return ""
        month = words.months[mark.group("month").rstrip(".").lower()]
        if mark.group("month_year"):
            return f"{mark.group('month_year')}-{month:02d}"
        if today is None:
            return f"?-{month:02d}"  # a month of a year the text does not give
        year = today.year if month <= today.month else today.year - 1
        return f"{year}-{month:02d}"
    which, unit = _spaced(mark.group("relative")).split()
    if today is None or which == "previous":  # "the previous month": previous to what the text says
        return ""
    if which == "this" and not expected:
        return ""
    shift = {"last": -1, "past": -1, "next": 1}.get(which, 0)
    if unit == "year":
        return str(today.year + shift)
    y, m = divmod(today.year * 12 + today.month - 1 + shift, 12)
    return f"{y}-{m + 1:02d}"


def _month_range(mark: re.Match[str], today: date | None, words: TimeWords) -> str:
    """ "January-October 2022" or "the first ten months of 2022" as the range
    "2022-01/2022-10"; without a year, the last such range up to the document's date."""
    if mark.group("first_n"):
        first, last = 1, _count(mark.group("first_n"))
        year_text = mark.group("first_year")
    else:
        if not mark.group("from_month")[0].isupper():
            return ""
        first = words.months[mark.group("from_month").rstrip(".").lower()]
        last = words.months[mark.group("to_month").rstrip(".").lower()]
        year_text = mark.group("range_year")
    if not 1 <= last <= 12:
        return ""
    if year_text:
        end_year = int(year_text)
    elif today is None:
        return f"?-{first:02d}/?-{last:02d}"
    else:
        end_year = today.year if last <= today.month else today.year - 1
    start_year = end_year if first <= last else end_year - 1
    return f"{start_year}-{first:02d}/{end_year}-{last:02d}"


def _past(mark: re.Match[str], today: date | None) -> str:
    """ "Over the past two years" as the last two whole years before the document's
    date ("2022/2023" in 2024); "the past three months" as the last three whole months."""
    if today is None:
        return ""
    n = _count(mark.group("past_n"))
    if mark.group("past_unit").lower() == "years":
        return f"{today.year - n}/{today.year - 1}"
    last = today.year * 12 + today.month - 2
    first = last - n + 1
    return f"{first // 12}-{first % 12 + 1:02d}/{last // 12}-{last % 12 + 1:02d}"


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _counts()[text.lower()]
