"""``khplan calendar``: every deadline of the records as an iCalendar (RFC 5545) event.

A deadline with a full date is an all-day event on that day. One that
recurs every year (``trước ngày 31/01 hàng năm``) is an all-day event on
its first occurrence on or after the plan's issue date, repeating yearly
(``RRULE:FREQ=YEARLY``) until the end of the plan's period when that is
known — for a submission, until the one due in the year after the period's
last year (the dossier of a year's results is sent early the next year). A
month and day that does not recur is placed in the plan's year. The summary
is the deadline's action, short enough for a calendar's cell (at most
:data:`SUMMARY_LENGTH` characters); the description names the plan, its
issuer and the body that receives the dossier, so a clerk's calendar says
what to send where. Deadlines with no date at all cannot be placed and are
counted, not guessed. ``remind_days`` adds an alarm that many days before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from icalendar import Alarm, Calendar, Event, vRecur

from khplan.schemas import PlanRecord

PRODID = "-//khplan//deadline calendar//VI"
KIND_NAMES = {"submission": "Nộp hồ sơ", "review": "Sơ kết, tổng kết", "period_end": "Kết thúc", "target": "Chỉ tiêu"}
"""Summary prefix when a deadline names no action, by its kind."""


SUMMARY_LENGTH = 80
"""Characters of an event's summary: what a calendar shows in a day's cell."""


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


def summary(what: str, number: str | None) -> str:
    """``Gửi hồ sơ đề nghị khen thưởng (69/KH-UBND)``, cut at a word with ``…`` to :data:`SUMMARY_LENGTH`."""
    what = " ".join(what.split())
    suffix = f" ({number})" if number else ""
    room = SUMMARY_LENGTH - len(suffix)
    if len(what) > room:
        cut = what[: room - 1].rsplit(" ", 1)[0] if " " in what[: room - 1] else what[: room - 1]
        what = cut.rstrip(" ,;:.-") + "…"
    return f"{what}{suffix}"[:SUMMARY_LENGTH]


def _last_occurrence(record: PlanRecord, deadline: Any) -> dt.date | None:
    """Until when a yearly deadline repeats: the period's end, or for a submission the one due the year after."""
    end = _period_end(record)
    if end is None or deadline.kind != "submission":
        return end
    return _first_on_or_after(deadline.month_day, dt.date(end.year + 1, 1, 1))


def deadline_calendar(
    records: list[PlanRecord],
    now: dt.datetime | None = None,
    *,
    kinds: Collection[str] = (),
    plans: Collection[str] = (),
    remind_days: int | None = None,
) -> DeadlineCalendar:
    """The calendar of every placeable deadline of ``records`` (of these ``kinds`` and ``plans``, when given:
    a plan by its sha256, a prefix of it, or its number)."""
    now = now or dt.datetime.now(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Hạn thi đua, khen thưởng")
    events = unplaced = 0
    for record in records:
        if plans and not any(_names(record, plan) for plan in plans):
            continue
        for index, deadline in enumerate(record.deadlines):
            if kinds and deadline.kind not in kinds:
                continue
            event = Event()
            if deadline.date:
                day = deadline.date
            elif deadline.month_day and (anchor := _anchor(record)):
                day = _first_on_or_after(deadline.month_day, anchor)
                if deadline.recurrence == "annual":
                    rule = vRecur(freq="yearly")
                    if (until := _last_occurrence(record, deadline)) and until >= day:
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
            event.add("summary", summary(what, record.number))
            event.add("description", _description(record, deadline))
            event.add("categories", [deadline.kind])
            event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: it does not block the day
            if remind_days is not None:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", summary(what, record.number))
                alarm.add("trigger", dt.timedelta(days=-remind_days))
                event.add_component(alarm)
            calendar.add_component(event)
            events += 1
    return DeadlineCalendar(calendar, events, unplaced)


def _names(record: PlanRecord, plan: str) -> bool:
    """Whether ``plan`` (a sha256, a prefix of one at least 8 long, or a number) names ``record``."""
    sha256 = record.provenance.sha256 or ""
    return (len(plan) >= 8 and sha256.startswith(plan.lower())) or plan.replace(" ", "") == (record.number or "")
