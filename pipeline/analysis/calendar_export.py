"""``khplan calendar``: every deadline of the records as an iCalendar (RFC 5545) event.

A deadline with a full date is an all-day event on that day. One that
recurs every year (``trước ngày 31/01 hàng năm``) is an all-day event on
its first occurrence on or after the plan's issue date, repeating yearly
(``RRULE:FREQ=YEARLY``) until the end of the plan's period when that is
known. A month and day that does not recur is placed in the plan's year.
The description names the plan and the body that receives the dossier, so
a clerk's calendar says what to send where. Deadlines with no date at all
cannot be placed and are counted, not guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Calendar, Event, vRecur

from khplan.schemas import PlanRecord

PRODID = "-//khplan//deadline calendar//VI"
KIND_NAMES = {"submission": "Nộp hồ sơ", "review": "Sơ kết, tổng kết", "period_end": "Kết thúc", "target": "Chỉ tiêu"}
"""Summary prefix when a deadline names no action, by its kind."""


@dataclass(frozen=True)
class DeadlineCalendar:
    calendar: Calendar
    events: int
    unplaced: int
    """Deadlines with neither a date nor a month and day."""


def _first_on_or_after(month_day: str, start: dt.date) -> dt.date:
    month, day = map(int, month_day.split("-"))
    for year in (start.year, start.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29/02 outside a leap year: the last day of February
            candidate = dt.date(year, 3, 1) - dt.timedelta(days=1)
        if candidate >= start:
            return candidate
    return candidate


def _period_end(record: PlanRecord) -> dt.date | None:
    """The last day of the plan's period (``2025`` -> 31/12/2025), if the period has an end."""
    end = str(record.period.end) if record.period.end else None
    if not end:
        return None
    parts = [int(p) for p in end.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def _anchor(record: PlanRecord) -> dt.date | None:
    """Where recurring deadlines start: the issue date, else the first day of the period's first year."""
    if record.issue_date:
        return record.issue_date
    start = str(record.period.start) if record.period.start else None
    return dt.date(int(start[:4]), 1, 1) if start else None


def _description(record: PlanRecord, deadline) -> str:
    lines = [
        f"Kế hoạch: {record.number or '—'} — {record.title or ''}".rstrip(" —"),
        f"Cơ quan ban hành: {record.issuer.name or '—'}",
        f"Nơi nhận hồ sơ: {deadline.to or '—'}",
    ]
    if deadline.text:
        lines.append(f"Văn bản: {deadline.text}")
    return "\n".join(lines)


def deadline_calendar(records: list[PlanRecord], now: dt.datetime | None = None) -> DeadlineCalendar:
    """The calendar of every placeable deadline of ``records``."""
    now = now or dt.datetime.now(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Hạn thi đua, khen thưởng")
    events = unplaced = 0
    for record in records:
        for index, deadline in enumerate(record.deadlines):
            event = Event()
            if deadline.date:
                day = deadline.date
            elif deadline.month_day and (anchor := _anchor(record)):
                day = _first_on_or_after(deadline.month_day, anchor)
                if deadline.recurrence == "annual":
                    rule = vRecur(freq="yearly")
                    if (until := _period_end(record)) and until >= day:
                        rule["until"] = until
                    event.add("rrule", rule)
            else:
                unplaced += 1
                continue
            event.add("uid", f"{record.provenance.sha256}-{index}@khplan")
            event.add("dtstamp", now)
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
            what = deadline.action or KIND_NAMES.get(deadline.kind, deadline.kind)
            event.add("summary", f"{what} ({record.number})" if record.number else what)
            event.add("description", _description(record, deadline))
            event.add("categories", [deadline.kind])
            event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: it does not block the day
            calendar.add_component(event)
            events += 1
    return DeadlineCalendar(calendar, events, unplaced)
