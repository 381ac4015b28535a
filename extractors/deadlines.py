"""Dated obligations: when dossiers are due, when the campaign is summed up, dated goals, the end of the campaign.

Plans give them as ``trước ngày 31/01 hàng năm`` (recurring: month-day),
``gửi về Phòng Nội vụ trước ngày 15/10/2023``, ``trong Quý I/2024`` (the
quarter's last day), ``hết Quý III/2024 giải ngân đạt 80%`` (a target),
``Thời gian tổ chức tổng kết tháng 10/2023``, ``gửi về Phòng Nội vụ trong
tháng 3/2024`` (the month's last day; ``trước tháng 4/2024``: the day
before it starts). The campaign's end comes from its period, and the
period's own sentence (``… đến hết ngày 31/12/2024``) is that end, not
another deadline. A date printed without its year gets the plan's year,
and a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from khplan.extractors.dates import month_end, quarter_end
from khplan.extractors.matching import fold_key, tolerant
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.structure import Layout, walk
from khplan.extractors.terms import AGENCY_HEADS, expand_abbreviations
from khplan.schemas import Deadline

_CUE = r"(?:tr\S{1,2}c|ch\S{1,2}m\s+nh\S{1,2}t(?:\s+l\S)?|\S{1,2}n\s+h\S{1,2}t|h\S{1,2}t|trong|cu\S{1,2}i|\S{1,2}n)"
_HOUR = r"(?:\d{1,2}\s*(?:gi\S{1,2}|h)\s*\d{0,2}\s*(?:ph\S{1,2}t)?\s*,?\s+)?"
"""``17 giờ 00``, ``16h30``: the hour a dossier is due, before the day."""
_DAY_MONTH = re.compile(
    rf"\b(?P<cue>{_CUE})\s+{_HOUR}(?:ng\S{{1,2}}y\s+|[^\W\d]{{1,4}}\s+)?(?P<day>[0-3]?\d)\s*/\s*(?P<month>[01]?\d)(?:\s*/\s*(?P<year>(?:19|20)\d{{2}}))?"
    rf"(?P<annual>\s+{tolerant('hang nam')})?(?![\d/])"
)
"""``trước ngày 31/01 hàng năm``, ``chậm nhất ngày 15/10/2023``, ``đến hết 31/12/2024``; ``ngày`` may be
OCR-garbled (``trước So 05/12``)."""
_WRITTEN = re.compile(
    rf"\b(?P<cue>{_CUE})\s+{_HOUR}ng\S{{1,2}}y\s+(?P<day>[0-3]?\d)\s+th\S{{1,3}}g\s+(?P<month>[01]?\d)(?:\s+n\S{{1,2}}m\s+(?P<year>(?:19|20)\d{{2}}))?"
    rf"(?P<annual>\s+{tolerant('hang nam')})?"
)
_QUARTER = re.compile(
    rf"\b(?P<cue>{_CUE})\s+qu\S\s+(?P<quarter>iv|i{{1,3}}|[1-4l])\s*(?:/+|n\S{{1,2}}m)\s*(?P<year>(?:19|20)\d{{2}})"
)
"""``trong Quý I/2024``, ``hết Quý III/2024``."""
_REVIEW_MONTH = re.compile(
    rf"\b(?P<cue>{tolerant('tong ket')}|{tolerant('so ket')})[^.;]{{0,60}}?"
    rf"(?P<when>(?:(?:v\S{{1,2}}o|trong)\s+)?th\S{{1,3}}g\s+(?P<month>[01]?\d)"
    rf"\s*(?:/|n\S{{1,2}}m)\s*(?P<year>(?:19|20)\d{{2}}))"
)
"""``Tổng kết phong trào vào tháng 12/2024``: the summing-up and its month."""
_DUE_IS = re.compile(
    r"\b(?P<cue>(?:th\S{1,2}i\s+)?h\S{1,2}n(?:\s+cu\S{1,2}i|\s+ch\S{1,2}t)?)\b(?P<what>[^.;]{0,90}?)(?:\bl\S\s+|:\s*)"
    r"(?:ng\S{1,2}y\s+)?(?P<day>[0-3]?\d)(?:\s*/\s*|\s+th\S{1,3}g\s+)(?P<month>[01]?\d)(?:\s*/\s*|\s+n\S{1,2}m\s+)(?P<year>(?:19|20)\d{2})"
)
"""``Hạn cuối nhận hồ sơ … là ngày 30/11/2024``, ``Thời hạn gửi hồ sơ: 15/11/2024``: a deadline named as such."""
_AND_DAY = re.compile(
    r"\s*(?:,|v\S)\s+(?:ng\S{1,2}y\s+)?(?P<day>[0-3]?\d)\s*/\s*(?P<month>[01]?\d)(?:\s*/\s*(?P<year>(?:19|20)\d{2}))?(?![\d/])"
)
"""``trước ngày 15/6 và 15/12 hàng năm``: a second date sharing the first one's cue."""
_MONTH_DUE = re.compile(
    rf"\b(?P<cue>{_CUE}|v\S{{1,2}}o)\s+th\S{{1,3}}g\s+(?P<month>[01]?\d)\s*(?:/|n\S{{1,2}}m)\s*(?P<year>(?:19|20)\d{{2}})"
)
"""``trong tháng 3/2024``, ``vào tháng 12 năm 2024``, ``trước tháng 4/2024``."""
_BEFORE = re.compile(r"tr\S{1,2}c$")
_REVIEW = re.compile(rf"\b(?:{tolerant('tong ket')}|{tolerant('so ket')})\b")
_TARGET = re.compile(rf"\b(?:{tolerant('giai ngan')}|{tolerant('toi thieu')})\b|\d\s*%")
_THROUGH = re.compile(r"\(\s*qua\s+(?P<to>[^)]{3,80})\)")
_HEADS = "|".join(
    sorted(
        {re.escape(fold_key(h)) for h in AGENCY_HEADS}
        | {"ubnd", "hdnd", "cong chuc", "thuong truc", "chu tich", "giam doc"},
        key=len,
        reverse=True,
    )
)
_SENDING = r"(?:gui|bao cao|trinh|nop|chuyen|nhan)"
"""Verbs that send something somewhere (gửi, báo cáo, trình, nộp, chuyển; nhận … tại), folded."""
_TO_WORD = r"(?:ve|den|tai|cho)"
_RECEIVER_END = r"(?=\s+(?:truoc|cham nhat|trong|het|den het|den|cuoi|vao|la|ngay|de|truoc|theo)\b|\s*[,;.():]|$)"
_SEND_TO = re.compile(
    rf"\b{_SENDING}\s+(?:{_TO_WORD}\s+|[^,;.()]{{1,60}}?\s{_TO_WORD}\s+)?(?P<to>(?:{_HEADS})\b[^,;.()]*?){_RECEIVER_END}"
)
"""``gửi về Phòng Nội vụ``, ``báo cáo Sở Nội vụ``, ``gửi hồ sơ … về Sở Nội vụ``, ``nhận hồ sơ tại Văn phòng Sở``,
folded."""


class FoundDeadline(NamedTuple):
    deadline: Deadline
    start: int
    end: int


def _clause(text: str, start: int, end: int, floor: int, ceiling: int) -> tuple[int, int]:
    """The clause around a date: from the previous sentence or clause break to the next."""
    left = max([text.rfind(c, floor, start) + len(c) - 1 for c in CLAUSE_BREAKS] + [floor - 1]) + 1
    rights = [i for i in (text.find(c, end, ceiling) for c in CLAUSE_BREAKS if c != ":") if i != -1]
    return left, (min(rights) if rights else ceiling)


CLAUSE_BREAKS = (".", ";", ":", ", trong đó", ", đồng thời")


def _kind(folded_clause: str) -> str:
    if _REVIEW.search(folded_clause) and not re.search(r"\bho so\b", folded_clause):
        return "review"
    if _TARGET.search(folded_clause):
        return "target"
    return "submission"


def _receiver(text: str, folded: str) -> str | None:
    """The body a dossier goes to or through: ``(qua Phòng Nội vụ)``, else the one a sending verb names."""
    for pattern, where in ((_THROUGH, text), (_SEND_TO, folded)):
        if (m := pattern.search(where)) is not None:
            name = expand_abbreviations(" ".join(text[m.start("to") : m.end("to")].split()))
            return name[:1].upper() + name[1:]
    return None


ACTION_WORDS = 4
"""Fewer words before the date (``Phấn đấu đến hết …``) and the action is what follows it."""


def _action(before: str, after: str) -> str | None:
    """What is to be done by the date: the clause before it, or after it when that is too short to say
    and the clause after says more (``Phấn đấu đến hết 31/12 giải ngân 100% …``)."""
    before, after = (" ".join(part.split()).strip(" -+•,;.():") for part in (before, after))
    action = after if len(before.split()) < ACTION_WORDS and len(after.split()) >= ACTION_WORDS else before or after
    if action.count("(") > action.count(")"):
        action = action[: action.rfind("(")].rstrip(
            " ,"
        )  # "… gửi về UBND huyện (qua Phòng Nội vụ": the receiver is `to`
    return action[:1].upper() + action[1:] if action else None


def _due(
    ex: Extraction, m: re.Match[str], day: int, month: int, year: int | None, annual: bool, plan_year: int | None
) -> tuple[dt.date | None, str | None] | None:
    """(date, month_day) of a day and month: recurring when ``hàng năm``, else dated (the plan's year if none)."""
    try:
        dt.date(2000, month, day)
    except ValueError:
        return None
    if annual or year is None and plan_year is None:
        return None, f"{month:02d}-{day:02d}"
    if year is None:
        assert plan_year is not None  # the case of neither returned above
        year = plan_year
        ex.warn("inferred_year", "deadlines", f"{ex.text[m.start() : m.end()]!r}: year taken from the plan ({year})")
    try:
        return dt.date(year, month, day), None
    except ValueError:
        return None


def _dates_of(ex: Extraction, pattern: re.Pattern[str], m: re.Match[str], plan_year: int | None) -> tuple[list, int]:
    """Every (date, month_day) the match states, with the dates sharing its cue; and where they end."""
    year = int(m.group("year")) if m.groupdict().get("year") else None
    if pattern is _QUARTER:  # the quarter and month patterns require their year
        return [(quarter_end(m.group("quarter"), int(m.group("year"))), None)], m.end()
    if pattern in (_REVIEW_MONTH, _MONTH_DUE):
        year, month = int(m.group("year")), int(m.group("month"))
        if not 1 <= month <= 12:
            return [], m.end()
        date = month_end(year, month)
        if pattern is _MONTH_DUE and _BEFORE.match(m.group("cue")):
            date = dt.date(year, month, 1) - dt.timedelta(days=1)
        return [(date, None)], m.end()
    parts, end = [(int(m.group("day")), int(m.group("month")), year)], m.end()
    annual = bool(m.groupdict().get("annual"))
    if pattern is _DAY_MONTH and not annual:
        while (more := _AND_DAY.match(ex.folded, end)) is not None:
            parts.append(
                (
                    int(more.group("day")),
                    int(more.group("month")),
                    int(more.group("year")) if more.group("year") else None,
                )
            )
            end = more.end()
        if len(parts) > 1 and (yearly := _YEARLY.match(ex.folded, end)) is not None:
            annual, end = True, yearly.end()
    dates = [d for day, month, y in parts if (d := _due(ex, m, day, month, y, annual, plan_year)) is not None]
    return dates, end


_YEARLY = re.compile(rf"\s+{tolerant('hang nam')}")


def read_deadlines(ex: Extraction, start: int, end: int, plan_year: int | None) -> list[FoundDeadline]:
    """Every dated obligation in ``text[start:end]``."""
    found: list[FoundDeadline] = []
    folded, text = ex.folded, ex.text
    for pattern in (_DAY_MONTH, _WRITTEN, _QUARTER, _REVIEW_MONTH, _MONTH_DUE, _DUE_IS):
        for m in pattern.finditer(folded, start, end):
            dates, stop = _dates_of(ex, pattern, m, plan_year)
            left, right = _clause(text, m.start(), stop, start, end)
            kind = "review" if pattern is _REVIEW_MONTH else _kind(folded[left:right])
            phrase_start = m.start("cue") if pattern is not _REVIEW_MONTH else m.start()
            if pattern is _REVIEW_MONTH:
                before = text[m.start() : m.start("when")]
            elif pattern is _DUE_IS:
                before = text[left:phrase_start] + " " + text[m.start("what") : m.end("what")]
            else:
                before = text[left:phrase_start]
            for date, month_day in dates:
                deadline = Deadline(
                    kind=kind,
                    date=date,
                    month_day=month_day,
                    recurrence="annual" if month_day else None,
                    action=_action(before, text[stop:right]),
                    to=_receiver(text[left:right], folded[left:right]) if kind == "submission" else None,
                    text=" ".join(text[phrase_start:stop].split()),
                )
                found.append(FoundDeadline(deadline, phrase_start, stop))
    return sorted(found, key=lambda f: f.start)


def period_end(ex: Extraction) -> FoundDeadline | None:
    """The campaign's end from its period: a year ends on 31 December, a month on its last day."""
    period = ex.record.period
    if not period.end:
        return None
    parts = [int(p) for p in period.end.split("-")]
    if len(parts) == 3:
        date = dt.date(*parts)
    elif len(parts) == 2:
        date = month_end(*parts)
    else:
        date = dt.date(parts[0], 12, 31)
    spans = ex.record.provenance.spans.get("period") or []
    if len(parts) < 3:
        ex.warn("inferred_day", "deadlines", f"campaign end {date.isoformat()} read from the period {period.text!r}")
    deadline = Deadline(kind="period_end", date=date, text=period.text)
    return FoundDeadline(deadline, spans[0].start if spans else 0, spans[0].end if spans else 0)


@extractor("deadlines", requires=["analysis.layout", "record.period"], assigns=["record.deadlines"])
def extract_deadlines(ex: Extraction) -> None:
    """deadlines from the body (the preamble's citation dates are not obligations), then the campaign's end."""
    layout: Layout = ex.analyses["layout"]
    preamble = {id(b) for b in layout.preamble}
    blocks = [b for b in walk(layout.blocks) if id(b) not in preamble]
    plan_year = ex.record.issue_date.year if ex.record.issue_date else None
    period = [(s.start, s.end) for s in ex.record.provenance.spans.get("period", [])]
    found = [
        f
        for b in blocks
        for f in read_deadlines(ex, b.start, b.end, plan_year)
        if not any(a <= f.start < z for a, z in period)
    ]  # the period's sentence gives its end below
    if (end := period_end(ex)) is not None:
        found.append(end)
    kept: list[FoundDeadline] = []
    for item in found:
        d = item.deadline
        overlaps = any(
            item.start < k.end
            and k.start < item.end
            and (k.deadline.date, k.deadline.month_day) == (d.date, d.month_day)
            for k in kept
            if item.end > item.start
        )
        same = any(
            (k.deadline.kind, k.deadline.date, k.deadline.month_day, k.deadline.to)
            == (d.kind, d.date, d.month_day, d.to)
            for k in kept
        )
        if overlaps or same:
            continue  # one phrase read by two patterns, or one obligation restated
        kept.append(item)
        ex.record.deadlines.append(d)
        ex.cite(f"deadlines[{len(ex.record.deadlines) - 1}]", item.start, item.end)
