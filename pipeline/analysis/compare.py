"""``khplan compare``: plans side by side, and their award quotas summed per province, level or year.

For each plan: who issued it, the period it runs over, how many criteria it
sets, how many awards of each form are granted at each level (the quotas
printed in the plan; the conferrer's level, ``cấp tỉnh``, ``cấp huyện`` …,
normalised by the extractor), and when dossiers are due. For each group
(province, level or year of issue): the quotas of its plans summed. A rule
that prints no count is never a zero: it is counted apart, and said.

The table (and ``--html``'s page, a chart drawn by matplotlib inline as SVG:
no script, no network) speak Vietnamese; ``--format csv|json`` give the same
figures to programs. Labels are plain text to matplotlib: a conferrer
printed ``$x^$`` is drawn as those characters, not parsed as mathematics.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from rich.table import Table

from khplan.schemas import PlanRecord

GroupBy = Literal["province", "level", "year"]
GROUPINGS = ("province", "level", "year")
UNKNOWN = "—"
GROUP_NAMES = {"province": "tỉnh", "level": "cấp ban hành", "year": "năm ban hành"}
LEVEL_NAMES = {
    "central": "trung ương",
    "province": "cấp tỉnh",
    "department": "cấp sở, ngành",
    "district": "cấp huyện",
    "commune": "cấp xã",
}
UNKNOWN_LEVEL = "chưa rõ cấp"
COLUMNS = (
    "kế hoạch",
    "cơ quan ban hành",
    "thời gian",
    "tiêu chí",
    "khen thưởng (hình thức · cấp khen: số lượng)",
    "thời hạn nộp hồ sơ",
)


@dataclass(frozen=True)
class AwardQuota:
    """The awards of one form granted at one level, in a plan or a group of plans."""

    form: str
    level: str
    """The conferrer's level in words (``cấp huyện``), or :data:`UNKNOWN_LEVEL`."""
    quota: int
    """Sum of the printed counts (``06 Giấy khen`` → 6)."""
    uncounted: int = 0
    """Award rules of this form and level that print no count: not zero, unknown."""

    def label(self) -> str:
        return f"{self.form} · {self.level}"

    def describe(self) -> str:
        """``Giấy khen · cấp huyện: 22 + 1 quy định không ghi số lượng``."""
        parts = [str(self.quota)] if self.quota or not self.uncounted else []
        if self.uncounted:
            parts.append(f"{self.uncounted} quy định không ghi số lượng")
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
    """Submission deadlines in words: ``31/01 hằng năm → Phòng Nội vụ``."""


@dataclass(frozen=True)
class GroupComparison:
    """A group of plans (a province, a level, a year): their award quotas summed."""

    group: str
    plans: int
    awards: tuple[AwardQuota, ...]


@dataclass(frozen=True)
class Comparison:
    by: GroupBy
    plans: list[PlanComparison]
    groups: list[GroupComparison]


def group_of(record: PlanRecord, by: GroupBy) -> str:
    if by == "province":
        return record.issuer.province or UNKNOWN
    if by == "level":
        return LEVEL_NAMES.get(record.issuer.level or "", UNKNOWN)
    return str(record.issue_date.year) if record.issue_date else UNKNOWN


def _sum(pairs: list[tuple[tuple[str, str], int | None]]) -> tuple[AwardQuota, ...]:
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for key, quota in pairs:
        if quota is not None:
            totals[key][0] += quota
        else:
            totals[key][1] += 1
    return tuple(AwardQuota(form, level, quota, uncounted) for (form, level), (quota, uncounted) in totals.items())


def _award_keys(record: PlanRecord) -> list[tuple[tuple[str, str], int | None]]:
    return [
        ((award.form, LEVEL_NAMES.get(award.conferrer_level or "", UNKNOWN_LEVEL)), award.quota)
        for award in record.awards
    ]


def award_quotas(record: PlanRecord) -> tuple[AwardQuota, ...]:
    """Quotas summed by form and the conferrer's level, in the order the plan first names them."""
    return _sum(_award_keys(record))


def _when(deadline: Any) -> str:
    if deadline.date:
        return str(deadline.date.strftime("%d/%m/%Y"))
    if deadline.month_day:
        month, day = deadline.month_day.split("-")
        return f"{day}/{month}" + (" hằng năm" if deadline.recurrence == "annual" else "")
    return str(deadline.text or UNKNOWN)


def submission_deadlines(record: PlanRecord) -> tuple[str, ...]:
    return tuple(f"{_when(d)} → {d.to}" if d.to else _when(d) for d in record.deadlines if d.kind == "submission")


def compare_plans(records: list[PlanRecord], by: GroupBy = "province") -> Comparison:
    """The plans (grouped, groups in order with the unknown last, by date within a group) and the groups' sums."""
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
    rows.sort(key=lambda r: (r.group == UNKNOWN, r.group, dates[r.plan_id], r.number))
    members: dict[str, list[PlanRecord]] = defaultdict(list)
    for record in records:
        members[group_of(record, by)].append(record)
    groups = [
        GroupComparison(group, len(plans), _sum([key for record in plans for key in _award_keys(record)]))
        for group, plans in sorted(members.items(), key=lambda item: (item[0] == UNKNOWN, item[0]))
    ]
    return Comparison(by, rows, groups)


def _cells(row: PlanComparison) -> tuple[str, ...]:
    return (
        row.number,
        row.issuer,
        row.period,
        str(row.criteria),
        "\n".join(quota.describe() for quota in row.awards) or UNKNOWN,
        "\n".join(row.submissions) or UNKNOWN,
    )


def comparison_table(comparison: Comparison) -> Table:
    """A rich table, one section per group, identifiers never wrapped."""
    by = GROUP_NAMES[comparison.by]
    table = Table(title=f"Kế hoạch theo {by}", show_lines=True)
    table.add_column(by, no_wrap=True)
    for column in COLUMNS:
        identifier = column == "kế hoạch"
        table.add_column(
            column,
            no_wrap=identifier,
            overflow="fold",
            justify="right" if column == "tiêu chí" else "left",
        )
    previous = None
    for row in comparison.plans:
        table.add_row(row.group if row.group != previous else "", *_cells(row))
        previous = row.group
    return table


def group_table(comparison: Comparison) -> Table:
    """The quotas of each group's plans, summed."""
    by = GROUP_NAMES[comparison.by]
    table = Table(title=f"Khen thưởng theo {by}", show_lines=True)
    table.add_column(by, no_wrap=True)
    table.add_column("số kế hoạch", justify="right")
    table.add_column("khen thưởng (hình thức · cấp khen: số lượng)", overflow="fold")
    for group in comparison.groups:
        table.add_row(group.group, str(group.plans), "\n".join(q.describe() for q in group.awards) or UNKNOWN)
    return table


def comparison_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One row per plan and award kind (form, level): the figures as programs read them."""
    rows = []
    for plan in comparison.plans:
        base = {
            "group_by": comparison.by,
            "group": plan.group,
            "plan_id": plan.plan_id,
            "number": plan.number,
            "issuer": plan.issuer,
            "period": plan.period,
            "criteria": plan.criteria,
            "submission_deadlines": "; ".join(plan.submissions),
        }
        kinds = plan.awards or (AwardQuota("", "", 0, 0),)
        for quota in kinds:
            rows.append(
                {
                    **base,
                    "award_form": quota.form or None,
                    "conferrer_level": quota.level or None,
                    "quota": quota.quota if quota.form else None,
                    "rules_without_count": quota.uncounted if quota.form else None,
                }
            )
    return rows


def comparison_csv(comparison: Comparison) -> str:
    rows = comparison_rows(comparison)
    buffer = io.StringIO(newline="")
    names = list(rows[0]) if rows else ["group_by", "group", "plan_id"]
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def comparison_json(comparison: Comparison) -> str:
    return json.dumps(asdict(comparison), ensure_ascii=False, indent=2) + "\n"


def quota_chart_svg(comparison: Comparison) -> str:
    """Horizontal stacked bars of each group's printed award counts, one colour per form and level; a group's
    rules without a count are written beside its bar (an empty bar is not a zero)."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    groups = comparison.groups
    labels = sorted({quota.label() for group in groups for quota in group.awards if quota.quota})
    height = 1.2 + 0.5 * max(len(groups), 1)
    with matplotlib.rc_context({"svg.fonttype": "none", "text.parse_math": False}):
        figure = Figure(figsize=(10, height + 0.3 * len(labels)), layout="constrained")
        axes = figure.add_subplot()
        names = [f"{group.group} ({group.plans} kế hoạch)" for group in groups]
        left = [0] * len(groups)
        for label in labels:
            counts = [sum(q.quota for q in group.awards if q.label() == label) for group in groups]
            axes.barh(names, counts, left=left, label=label)
            left = [a + b for a, b in zip(left, counts, strict=True)]
        for position, group in enumerate(groups):
            uncounted = sum(q.uncounted for q in group.awards)
            if uncounted:
                axes.annotate(
                    f"+ {uncounted} quy định không ghi số lượng",
                    (left[position], position),
                    xytext=(4, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize="small",
                    fontstyle="italic",
                )
        axes.invert_yaxis()
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel("số khen thưởng có ghi số lượng")
        axes.set_title(f"Khen thưởng theo {GROUP_NAMES[comparison.by]}")
        if labels:
            figure.legend(loc="outside lower center", fontsize="small", ncols=1)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Creator": None, "Date": None, "Format": None, "Type": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prolog and doctype: the SVG goes inline


def _html_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(cell).replace(chr(10), '<br>')}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def comparison_html(comparison: Comparison) -> str:
    """A self-contained page: the chart inline, the group sums and the plans after it; no script, no network."""
    by = GROUP_NAMES[comparison.by]
    groups = _html_table(
        (by, "số kế hoạch", "khen thưởng (hình thức · cấp khen: số lượng)"),
        [(g.group, str(g.plans), "\n".join(q.describe() for q in g.awards) or UNKNOWN) for g in comparison.groups],
    )
    plans = _html_table((by, *COLUMNS), [(row.group, *_cells(row)) for row in comparison.plans])
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>khplan — kế hoạch theo {html.escape(by)}</title>
<style>
body {{ font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; margin-bottom: 2em; }}
th, td {{ border: 1px solid #bbb; padding: 4px 8px; vertical-align: top; text-align: left; }}
th {{ background: #eee; }}
svg {{ max-width: 100%; height: auto; }}
</style>
</head>
<body>
<h1>Kế hoạch theo {html.escape(by)}</h1>
<figure>{quota_chart_svg(comparison)}</figure>
<h2>Khen thưởng theo {html.escape(by)}</h2>
{groups}
<h2>Từng kế hoạch</h2>
{plans}
</body>
</html>
"""
