"""``khplan compare``: plans side by side, and the offline page with its chart."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from plan_records import chau_thanh, ingested_folder, phu_my
from rich.console import Console

from khplan.pipeline.analysis.compare import award_quotas, compare_plans, comparison_html, comparison_table


def test_quotas_are_summed_by_form_and_conferrer():
    quotas = award_quotas(chau_thanh())
    assert [(q.form, q.conferrer, q.quota) for q in quotas] == [
        ("Giấy khen", "Chủ tịch Ủy ban nhân dân huyện", 16),
        ("Bằng khen", "Chủ tịch Ủy ban nhân dân tỉnh", 1),
    ]


def test_rules_without_a_count_are_said_so():
    (quota,) = award_quotas(phu_my())
    assert quota.describe() == "Giấy khen · Chủ tịch Ủy ban nhân dân huyện: 5 + 1 rule without a count"


@pytest.mark.parametrize(
    ("by", "groups"),
    [
        ("province", ["Bình Định", "Tây Ninh"]),
        ("level", ["district", "district"]),
        ("year", ["2022", "2023"]),
    ],
)
def test_grouping(by, groups):
    assert [row.group for row in compare_plans([chau_thanh(), phu_my()], by)] == groups


def test_row_has_issuer_period_criteria_and_submission_deadlines():
    (row,) = compare_plans([phu_my()], "province")
    assert (row.issuer, row.period, row.criteria) == ("Ủy ban nhân dân huyện Phù Mỹ", "giai đoạn 2021 - 2025", 2)
    assert row.submissions == ("31/01 yearly → Phòng Nội vụ",)


def test_table_shows_every_plan():
    console = Console(width=250, record=True)
    console.print(comparison_table(compare_plans([phu_my(), chau_thanh()], "year"), "year"))
    text = console.export_text()
    assert "69/KH-UBND" in text and "44/KH-UBND" in text and "15/10/2023 → Phòng Nội vụ" in text


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.sources: list[str] = []
        self.rows = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.rows += tag == "tr"
        self.sources += [v for k, v in attrs if k in ("src", "href") and v]


def test_page_works_offline_with_an_inline_chart():
    page = comparison_html(compare_plans([phu_my(), chau_thanh()], "province"), "province")
    parser = _Page()
    parser.feed(page)
    assert "svg" in parser.tags and "script" not in parser.tags
    assert parser.sources == []  # nothing to fetch: no CDN, no external stylesheet
    assert set(re.findall(r"https?://[^\s\"]+", page)) <= {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    }  # namespaces
    assert parser.rows == 3  # header and two plans
    assert "Bằng khen · Chủ tịch Ủy ban nhân dân tỉnh" in page  # the chart's legend, as text


def test_cli_prints_the_table_and_writes_the_page(tmp_path, cli):
    out = ingested_folder(tmp_path / "out", [phu_my(), chau_thanh()])
    result = cli("compare", "--out", out, "--by", "year", "--html", tmp_path / "plans.html")
    assert result.returncode == 0, result.stderr
    assert "Plans by year" in result.stdout and "Ủy ban nhân dân huyện Châu Thành" in result.stdout
    assert "<svg" in (tmp_path / "plans.html").read_text(encoding="utf-8")
