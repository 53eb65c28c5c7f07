"""A document's date as written in metadata, and the day a news URL names."""

from __future__ import annotations

import pytest

from factcheck.corpus import read_corpus
from factcheck.dates import parse_date, url_date
from factcheck.model import Document


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T14:03:00+01:00", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Tue, 05 Mar 2024 14:03:00 GMT", "2024-03-05"),
        ("05/03/2024", "2024-05-03"),  # month first, as dateutil reads it by default
        ("5 March", None),  # no year to place it in
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(written, day):
    assert parse_date(written) == day


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://example.com/en/2020/08/10/cec-names-winner", "2020-08-10"),
        ("https://example.com/news/2023-02-28-sanctions.html", "2023-02-28"),
        ("https://example.com/news/2022/february/68963/", None),  # a month is not a day
        ("https://example.com/news/2021/13/40/x", None),
        ("https://example.com/amp/156657", None),
        (None, None),
    ],
)
def test_url_date(url, day):
    assert url_date(url) == day


def test_front_matter_dates_are_read_as_iso_days(tmp_path):
    (tmp_path / "a.txt").write_text("---\ndate: 5 March 2024\n---\nTrade rose 5%.\n")
    (tmp_path / "b.txt").write_text(
        "---\nurl: https://example.com/2024/03/06/trade\n---\nTrade rose 5%.\n"
    )
    (tmp_path / "c.txt").write_text("---\ndate: sometime\n---\nTrade rose 5%.\n")
    dates = {d.id: d.date for d in read_corpus([str(tmp_path)]) if isinstance(d, Document)}
    assert dates == {"a": "2024-03-05", "b": "2024-03-06", "c": None}
