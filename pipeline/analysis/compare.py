"""``khplan compare``: plans side by side, grouped by province, level or year of issue.

For each plan: who issued it, the period it runs over, how many criteria it
sets, how many awards of each form each conferrer grants (the quotas printed
in the plan), and when dossiers are due. ``--html`` writes the same table as
a self-contained page with a chart of the award quotas per plan: the chart
is an SVG drawn by matplotlib and embedded in the page, so it opens offline.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from rich.table import Table

from khplan.schemas import PlanRecord

GroupBy = Literal["province", "level", "year"]
GROUPINGS = ("province", "level", "year")
UNKNOWN = "—"


@dataclass(frozen=True)
class AwardQuota:
    """The awards of one form from one conferrer in a plan."""

    form: str
    conferrer: str
    quota: int
    """Sum of the printed counts (``06 Giấy khen`` -> 6)."""
    uncounted: int = 0
    """Award rules of this form and conferrer that print no count."""

    def label(self) -> str:
        return f"{self.form} · {self.conferrer}"

    def describe(self) -> str:
        """``Giấy khen · Chủ tịch Ủy ban nhân dân huyện: 22 + 1 rule without a count``."""
        parts = [str(self.quota)] if self.quota or not self.uncounted else []
        if self.uncounted:
            parts.append(f"{self.uncounted} rule{'s' if self.uncounted > 1 else ''} without a count")
        return f"{self.label()}: {' + '.join(parts)}"


@dataclass(frozen=True)
class PlanComparison:
    """One plan as the comparison shows it."""

    plan_id: str
    group: str
    number: str
    issuer: str
    period: str
    criteria: int
    awards: tuple[AwardQuota, ...] = field(default_factory=tuple)
    submissions: tuple[str, ...] = field(default_factory=tuple)
    """Submission deadlines in words: ``31/01 yearly → Phòng Nội vụ``."""


def group_of(record: PlanRecord, by: GroupBy) -> str:
    if by == "province":
        return record.issuer.province or UNKNOWN
    if by == "level":
        return record.issuer.level or UNKNOWN
    return str(record.issue_date.year) if record.issue_date else UNKNOWN


def award_quotas(record: PlanRecord) -> tuple[AwardQuota, ...]:
    """Quotas summed by (form, conferrer), in the order the plan first names them."""
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for award in record.awards:
        key = (award.form, award.conferrer or UNKNOWN)
        if award.quota is not None:
            totals[key][0] += award.quota
        else:
            totals[key][1] += 1
    return tuple(
        AwardQuota(form, conferrer, quota, uncounted) for (form, conferrer), (quota, uncounted) in totals.items()
    )


def _when(deadline) -> str:
    if deadline.date:
        return deadline.date.strftime("%d/%m/%Y")
    if deadline.month_day:
        month, day = deadline.month_day.split("-")
        return f"{day}/{month}" + (" yearly" if deadline.recurrence == "annual" else "")
    return deadline.text or UNKNOWN


def submission_deadlines(record: PlanRecord) -> tuple[str, ...]:
    return tuple(f"{_when(d)} → {d.to}" if d.to else _when(d) for d in record.deadlines if d.kind == "submission")


def compare_plans(records: list[PlanRecord], by: GroupBy = "province") -> list[PlanComparison]:
    """The plans, grouped (groups in order, unknown last) and by date within a group."""
    if by not in GROUPINGS:
        raise ValueError(f"cannot group by {by!r} (one of {', '.join(GROUPINGS)})")
    rows = [
        PlanComparison(
            plan_id=record.provenance.sha256 or "",
            group=group_of(record, by),
            number=record.number or UNKNOWN,
            issuer=record.issuer.name or UNKNOWN,
            period=record.period.text
            or "–".join(str(p) for p in (record.period.start, record.period.end) if p)
            or UNKNOWN,
            criteria=len(record.criteria),
            awards=award_quotas(record),
            submissions=submission_deadlines(record),
        )
        for record in records
    ]
    dates = {record.provenance.sha256: record.issue_date or dt.date.max for record in records}
    return sorted(rows, key=lambda r: (r.group == UNKNOWN, r.group, dates[r.plan_id], r.number))


COLUMNS = ("plan", "issuer", "period", "criteria", "award quotas (form · conferrer: count)", "submission deadlines")


def _cells(row: PlanComparison) -> tuple[str, ...]:
    return (
        row.number,
        row.issuer,
        row.period,
        str(row.criteria),
        "\n".join(quota.describe() for quota in row.awards) or UNKNOWN,
        "\n".join(row.submissions) or UNKNOWN,
    )


def comparison_table(rows: list[PlanComparison], by: GroupBy) -> Table:
    """A rich table, one section per group."""
    table = Table(title=f"Plans by {by}", show_lines=True)
    table.add_column(by)
    for column in COLUMNS:
        table.add_column(column, overflow="fold", justify="right" if column == "criteria" else "left")
    previous = None
    for row in rows:
        table.add_row(row.group if row.group != previous else "", *_cells(row))
        previous = row.group
    return table


def quota_chart_svg(rows: list[PlanComparison]) -> str:
    """Horizontal stacked bars: each plan's printed award counts, one colour per form and conferrer."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    labels = sorted({quota.label() for row in rows for quota in row.awards if quota.quota})
    height = 1.2 + 0.45 * max(len(rows), 1)
    figure = Figure(figsize=(10, height + 0.3 * len(labels)), layout="constrained")
    axes = figure.add_subplot()
    names = [f"{row.number} — {row.issuer}" for row in rows]
    left = [0] * len(rows)
    for label in labels:
        counts = [sum(q.quota for q in row.awards if q.label() == label) for row in rows]
        axes.barh(names, counts, left=left, label=label)
        left = [a + b for a, b in zip(left, counts, strict=False)]
    axes.invert_yaxis()
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("awards with a printed count")
    axes.set_title("Award quotas per plan")
    if labels:
        figure.legend(loc="outside lower center", fontsize="small", ncols=1)
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # labels stay text: the browser's fonts draw the Vietnamese
        figure.savefig(buffer, format="svg", metadata={"Creator": None, "Date": None, "Format": None, "Type": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prolog and doctype: the SVG goes inline


def comparison_html(rows: list[PlanComparison], by: GroupBy) -> str:
    """A self-contained page: the chart inline, the table after it; no script, no network."""
    header = "".join(f"<th>{html.escape(c)}</th>" for c in (by, *COLUMNS))
    body = []
    for row in rows:
        cells = "".join(f"<td>{html.escape(cell).replace(chr(10), '<br>')}</td>" for cell in (row.group, *_cells(row)))
        body.append(f"<tr>{cells}</tr>")
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>khplan — plans by {html.escape(by)}</title>
<style>
body {{ font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #bbb; padding: 4px 8px; vertical-align: top; text-align: left; }}
th {{ background: #eee; }}
svg {{ max-width: 100%; height: auto; }}
</style>
</head>
<body>
<h1>Plans by {html.escape(by)}</h1>
<figure>{quota_chart_svg(rows)}</figure>
<table>
<thead><tr>{header}</tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
</table>
</body>
</html>
"""
