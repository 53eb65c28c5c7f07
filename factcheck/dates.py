"""A document's date, as an ISO day: from its metadata, else from its URL.

News gives dates in every form: `2024-03-05`, `2024-03-05T14:03:00+01:00`,
`5 March 2024`, `Tue, 05 Mar 2024 14:03:00 GMT`. dateutil reads them all;
this module only decides what to ask it and what to make of no answer. A
page's address often carries its day (`/2020/08/10/`) when the page gives
no date: such a date is a fallback (a month alone is not a day to report on).
"""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as date_parser

_URL_DAY = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/.\-_]|$)"
)
_DEFAULT = datetime(2000, 1, 1)


def parse_date(text: str | None) -> str | None:
    """The ISO day of a written date or datetime, or None when it is not one."""
    if not text or not text.strip() or len(text) > 64:
        return None
    try:
        parsed = date_parser.parse(text.strip(), default=_DEFAULT, dayfirst=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if not re.search(r"(?:19|20)\d\d", text):
        return None  # "5 March" alone: no year to place it in
    return parsed.date().isoformat()


def url_date(url: str | None) -> str | None:
    """The day a news URL's path names, if any."""
    if not url:
        return None
    day = _URL_DAY.search(url)
    if day:
        try:
            return datetime(int(day[1]), int(day[2]), int(day[3])).date().isoformat()
        except ValueError:
            return None
    return None
