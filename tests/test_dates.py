"""Date parsing: the formats outlets use, and properties that must hold for any date."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from newsledger.ingest.dates import find_dates, parse_date


def test_formats_outlets_use():
    cases = {
        "19.03.2024": "2024-03-19",
        "March 26, 2024": "2024-03-26",
        "26 March 2024": "2024-03-26",
        "Sept. 5, 2023": "2023-09-05",
        "2024-03-19T23:30:00-05:00": "2024-03-19",  # the outlet's day, not UTC's
        "Tue, 19 Mar 2024 10:00:00 +0000": "2024-03-19",
        "03/19/2024": "2024-03-19",
        "19/03/2024": "2024-03-19",
        "Posted at 2013-12-30T14:42:01-0700": "2013-12-30",
    }
    for text, expected in cases.items():
        assert parse_date(text) == expected, text


def test_ambiguous_slashes_follow_the_setting():
    assert parse_date("03/04/2024") == "2024-03-04"
    assert parse_date("03/04/2024", dayfirst_slash=True) == "2024-04-03"


def test_not_dates():
    for text in ("", "yesterday", "31.02.2024", "the 172nd day", "1,200 people", "2024"):
        assert parse_date(text) is None, text


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_written_form_round_trips(day: dt.date):
    forms = [day.isoformat(), day.strftime("%d.%m.%Y"), day.strftime("%B %d, %Y"),
             day.strftime("%d %B %Y"), day.strftime("%a, %d %b %Y 12:00:00 +0000")]
    for form in forms:
        assert parse_date(form) == day.isoformat(), form


@given(st.text(max_size=200))
def test_finding_dates_never_crashes_and_spans_are_in_the_text(text: str):
    for found in find_dates(text):
        assert 0 <= found.start < found.end <= len(text)
        dt.date.fromisoformat(found.value)
