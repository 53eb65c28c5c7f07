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
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
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
    """The period nearest the figure in its sentence, else ""."""
    sentence = figure.sentence
    offset = figure.start - document.text.rfind(sentence, 0, figure.start + len(sentence))
    best: tuple[int, str] | None = None
    for mark in _MARK.finditer(sentence):
        if mark.start() <= offset < mark.end() or _inside(mark, offset, figure):
            continue
        distance = mark.start() - (offset + len(figure.text)) if mark.start() >= offset else offset - mark.end()
        period = _period(mark, document.date)
        if period and (best is None or distance < best[0]):
            best = (distance, period)
    return best[1] if best else ""


def _inside(mark: regex.Match[str], offset: int, figure: Figure) -> bool:
    return offset <= mark.start() < offset + len(figure.text)


def _period(mark: regex.Match[str], date: str | None) -> str:
    year = (date or "")[:4] if (date or "")[:4].isdigit() else ""
    if mark.group("month"):
        month = _MONTHS[mark.group("month").rstrip(".").lower()]
        return f"{mark.group('month_year') or year or '?'}-{month:02d}"
    if mark.group("year"):
        return mark.group("year")
    relative = mark.group("relative").lower().split()
    if not year:
        return ""
    if relative[1] == "year":
        shift = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(relative[0], 0)
        return str(int(year) + shift)
    month = int((date or "")[5:7] or 0)
    if not month:
        return ""
    shift = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(relative[0], 0)
    y, m = divmod(int(year) * 12 + month - 1 + shift, 12)
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
