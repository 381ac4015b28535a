"""Dates as plans print them, read tolerantly from folded text.

``ngày 07 tháng 3 năm 2023`` (the form ND30 prescribes for the issue date),
``07/3/2023``, ``31/01 hàng năm``, ``tháng 10/2023``, ``Quý I/2024`` —
legacy OCR turns ``tháng`` into ``thing``, ``năm`` into ``nim``, and a 1
into ``]``; the patterns here accept that and say when they had to.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from khplan.extractors.matching import ocr_digits, tolerant

_D = r"[0-9\]|!l]"
DAY = rf"(?P<day>{_D}?\s?\d|\d{_D})"
_WORD = r"[^\s\d/]{1,5}"
"""A month or year word OCR garbled past recognition (``ngày 19 cn 02 năm``): the digits around it still fix it.

No digits or slashes: else ``ngày 30/11/2024`` reads as day 30, "word" ``/1``, month 1.
"""
WRITTEN_DATE = re.compile(
    rf"\b{tolerant('ngay')}\s*[.,:;]?\s*{DAY}\s*(?:{tolerant('thang')}|{_WORD})\s*(?P<month>{_D}?\d)\s*(?:{tolerant('nam')}|{_WORD})\s*(?P<year>[12]\d{{3}})(?!\d)"
)
"""``ngày 13 tháng 4 năm 2022`` in folded text, OCR-damaged or not (``ngày.10``: a speck after ``ngày``), or glued to
what follows by a site that lost its line breaks (``năm 2008QUYẾT ĐỊNH``)."""
NUMERIC_DATE = re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)\s*/\s*(?P<month>[01]?\d)\s*/\s*(?P<year>[12]\d{3})(?![\d/])")
"""``09/4/2021``."""


class FoundDate(NamedTuple):
    """A date read from the text, with the span it came from."""

    date: dt.date
    start: int
    end: int
    repaired: bool
    """True when OCR damage had to be read through (``]9`` read as 19)."""


def to_date(match: re.Match[str]) -> FoundDate | None:
    """The date a WRITTEN_DATE or NUMERIC_DATE match spells, OCR digits read through; None if no such day."""
    day, fixed_day = ocr_digits(match.group("day"))
    glued = match.string[match.start("day") - 1 : match.start("day")] if "day" in match.re.groupindex else ""
    if glued.isdigit() and len(day) == 1 and match.string[match.start("day") - 2 : match.start("day") - 1].isalpha():
        day = glued + day  # "ngày15": the word's vowel pattern took the day's first digit
    month, fixed_month = ocr_digits(match.group("month"))
    try:
        value = dt.date(int(match.group("year")), int(month), int(day))
    except ValueError:
        return None
    return FoundDate(value, match.start(), match.end(), fixed_day or fixed_month)


def find_dates(folded: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every full date in ``folded[start:end]``, written out or numeric, in text order."""
    end = len(folded) if end is None else end
    found = []
    for pattern in (WRITTEN_DATE, NUMERIC_DATE):
        for match in pattern.finditer(folded, start, end):
            if (date := to_date(match)) is not None:
                found.append(date)
    return sorted(found, key=lambda d: d.start)


def first_written_date(folded: str, start: int = 0, end: int | None = None) -> FoundDate | None:
    """The first ``ngày … tháng … năm …`` in the range."""
    for match in WRITTEN_DATE.finditer(folded, start, len(folded) if end is None else end):
        if (date := to_date(match)) is not None:
            return date
    return None


def month_end(year: int, month: int) -> dt.date:
    """Last day of a month: how ``tháng 10/2023`` becomes a deadline."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


QUARTER_MONTH = {"i": 3, "ii": 6, "iii": 9, "iv": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def quarter_end(quarter: str, year: int) -> dt.date | None:
    """Last day of ``Quý I``…``Quý IV`` (or 1-4) of ``year``."""
    month = QUARTER_MONTH.get(quarter.lower().replace("l", "i"))
    return month_end(year, month) if month else None
