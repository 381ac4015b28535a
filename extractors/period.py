"""The span a campaign runs over: ``giai đoạn 2021 - 2025``, ``năm 2024``, ``từ năm 2022 đến năm 2025``.

Plans state it in the trích yếu (``… giai đoạn 2021 - 2025``) and in a
``Thời gian`` section (``Thời gian phát động và thực hiện trong năm 2023``,
``từ tháng 3/2024 đến hết tháng 12/2024``, ``từ ngày 01/3/2024 đến ngày
30/11/2024``, ``từ ngày ký ban hành đến hết ngày 31/12/2024`` — the day of
signing is the issue date). A multi-year phase named in the title is the
plan's own frame, so it wins; otherwise the Thời gian section's sentence,
else a year in the title.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from khplan.extractors.dates import find_dates
from khplan.extractors.matching import tolerant
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.structure import Layout
from khplan.schemas import Period

_YEAR = r"((?:19|20)\d{2})"
_RANGE = re.compile(rf"\b{tolerant('giai doan')}\s+{_YEAR}\s*-\s*{_YEAR}\b")
_FROM_TO = re.compile(
    rf"\bt\S{{1,2}}\s+{tolerant('nam')}\s+{_YEAR}\s+(?:{tolerant('den')}|t\S{{1,2}}i)\s+{tolerant('nam')}\s+{_YEAR}\b"
)
_UNTIL = r"\s+(?:\S{1,3}n|t\S{1,2}i|(?:v\S\s+)?k\S{1,2}t\s+th\S{1,2}c(?:\s+v\S{1,2}o)?)\s+(?:h\S{1,2}t\s+)?"
"""``đến``, ``tới``, ``đến hết``, ``(và) kết thúc (vào)``."""
_MONTHS = re.compile(
    r"\bt\S{1,2}\s+th\S{1,3}ng\s+(\d{1,2})(?:\s*/\s*"
    + _YEAR
    + r")?"
    + _UNTIL
    + r"th\S{1,3}ng\s+(\d{1,2})\s*(?:/|n\S{1,2}m)\s*"
    + _YEAR
)
"""``từ tháng 3/2024 đến hết tháng 12/2024``, ``từ tháng 3 đến tháng 11 năm 2024``."""
_FROM_DAY = re.compile(r"\bt\S{1,2}\s+ng\S{1,2}y\s+")
_SIGNING = re.compile(r"(?:k\S|ban\s+h\S{1,2}nh)\b")
"""``từ ngày ký``, ``từ ngày ban hành``: the campaign starts when the plan is signed."""
_ONE_YEAR = re.compile(rf"\b{tolerant('nam')}\s+{_YEAR}\b")


class FoundPeriod(NamedTuple):
    start: str
    end: str
    span: tuple[int, int]


def read_period(
    folded: str, start: int = 0, end: int | None = None, *, single_year: bool = True, signed: dt.date | None = None
) -> FoundPeriod | None:
    """The first period phrase in ``folded[start:end]``: a range, a day or month span, or (if allowed) one year.

    ``signed``: the issue date, which ``từ ngày ký …`` starts from.
    """
    end = len(folded) if end is None else end
    for pattern in (_RANGE, _FROM_TO):
        if (match := pattern.search(folded, start, end)) is not None and match.group(1) <= match.group(2):
            return FoundPeriod(match.group(1), match.group(2), match.span())
    if (found := _day_span(folded, start, end, signed)) is not None:
        return found
    if (match := _MONTHS.search(folded, start, end)) is not None:
        first_year = match.group(2) or match.group(4)
        if (first_year, int(match.group(1))) <= (match.group(4), int(match.group(3))):
            return FoundPeriod(
                f"{first_year}-{int(match.group(1)):02d}", f"{match.group(4)}-{int(match.group(3)):02d}", match.span()
            )
    if single_year and (match := _ONE_YEAR.search(folded, start, end)) is not None:
        return FoundPeriod(match.group(1), match.group(1), match.span())
    return None


SPAN_REACH = 90
"""How far after ``từ ngày`` the two dates of a day span may reach."""


def _day_span(folded: str, start: int, end: int, signed: dt.date | None) -> FoundPeriod | None:
    """``từ ngày 01/3/2024 đến ngày 30/11/2024``, or ``từ ngày ký … đến hết ngày 31/12/2024``."""
    for opening in _FROM_DAY.finditer(folded, start, end):
        dates = find_dates(folded, opening.start(), min(end, opening.end() + SPAN_REACH))
        if _SIGNING.match(folded, opening.end()) and signed is not None:
            first = None
        elif dates and dates[0].start - opening.start() <= len("từ ngày "):
            first, dates = dates[0], dates[1:]
        else:
            continue
        until = next(
            (
                d
                for d in dates
                if re.search(_UNTIL + r"(?:ng\S{1,2}y\s*)?$", folded[max(start, d.start - 14) : d.start])
            ),
            None,
        )
        begin = first.date if first else signed
        if until is not None and begin is not None and begin <= until.date:
            return FoundPeriod(begin.isoformat(), until.date.isoformat(), (opening.start(), until.end))
    return None


def _sentence(text: str, start: int, end: int, floor: int, ceiling: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``, within the block: what ``period.text`` quotes."""
    left = max(text.rfind(".", floor, start), text.rfind(":", floor, start), floor - 1) + 1
    stops = [
        i for i in (text.find(".", end, ceiling), text.find("(", end, ceiling), text.find(";", end, ceiling)) if i != -1
    ]
    right = min(stops) if stops else ceiling
    while left < right and text[left].isspace():
        left += 1
    return left, right


@extractor("period", requires=["analysis.layout", "record.issue_date"], assigns=["record.period"])
def extract_period(ex: Extraction) -> None:
    """period.start, end and text."""
    layout: Layout = ex.analyses["layout"]
    title = (layout.title[0].start, layout.title[-1].end) if layout.title else None
    found, span = None, None
    if title and (found := read_period(ex.folded, *title, single_year=False)) is not None:
        span = found.span
    signed = ex.record.issue_date
    if found is None:
        # a Thời gian section first; a "Hồ sơ, thời gian đề nghị khen thưởng" one holds deadlines, not the span
        for section in sorted(layout.sections("timeline"), key=lambda s: "dossier" in s.topics):
            blocks = [section, *section.descendants()]
            for block in blocks:
                lo = block.start + (len(section.text) if block is section else 0)
                if (found := read_period(ex.folded, lo, block.end, signed=signed)) is not None:
                    span = _sentence(ex.text, *found.span, block.start, block.end)
                    break
            if found is not None:
                break
    if found is None and title and (found := read_period(ex.folded, *title)) is not None:
        span = found.span
    if found is None or span is None:
        return
    ex.record.period = Period(start=found.start, end=found.end, text=ex.text[span[0] : span[1]].strip(" .,;"))
    ex.cite("period", *span)
