"""When a figure holds: a year or month named near it, or the document's date.

Periods are strings that sort and compare simply: "2022", "2022-10", or
"?-10" for a month whose year the text does not give. An empty period
means the text does not say; it is compared with every period.
"""

from __future__ import annotations

import regex

from factcheck.model import Document, Figure

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MARK = regex.compile(
    r"(?P<month>\b(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
    r"(?:\s+(?P<month_year>(?:19|20)\d\d)\b)?"
    r"|(?<![\d,.])(?P<year>(?:19|20)\d\d)(?![\d%])"
    r"|(?P<relative>\b(?i:last|this|previous|past|next)\s+(?i:year|month)\b)"
)


def period_of(figure: Figure, document: Document) -> str:
    """The period named nearest the figure in its sentence, else "".

    A mark after the figure wins a tie ("85.5% in October"). A relative mark
    ("last year") is resolved against the document's date.
    """
    sentence = figure.sentence
    offset = figure.start - document.text.rfind(sentence, 0, figure.start + len(sentence))
    end = offset + len(figure.text)
    marks = [m for m in _MARK.finditer(sentence) if not (offset <= m.start() < end)]
    if not marks:
        return ""
    nearest = min(
        marks, key=lambda m: m.start() - end if m.start() >= end else offset - m.end() + 0.5
    )
    return _period(nearest, document.date)


def _period(mark: regex.Match[str], date: str | None) -> str:
    year = (date or "")[:4] if (date or "")[:4].isdigit() else ""
    if mark.group("month"):
        month = _MONTHS[mark.group("month").rstrip(".").lower()]
        return f"{mark.group('month_year') or year or '?'}-{month:02d}"
    if mark.group("year"):
        return mark.group("year")
    which, unit = mark.group("relative").lower().split()
    if not year or which == "previous":  # "the previous month": previous to what the text says
        return ""
    shift = {"last": -1, "past": -1, "next": 1}.get(which, 0)
    if unit == "year":
        return str(int(year) + shift)
    month = int((date or "")[5:7] or 0)
    return _shift_month(int(year), month, shift) if month else ""


def _shift_month(year: int, month: int, shift: int) -> str:
    y, m = divmod(year * 12 + month - 1 + shift, 12)
    return f"{y}-{m + 1:02d}"


def comparable(a: str, b: str) -> bool:
    """Two periods may describe the same time: unknown parts match anything."""
    if not a or not b:
        return True
    year_a, _, month_a = a.partition("-")
    year_b, _, month_b = b.partition("-")
    if "?" not in (year_a, year_b) and year_a != year_b:
        return False
    return not (month_a and month_b and month_a != month_b)
