"""``khplan compare``: plans side by side, quotas per group, in Vietnamese, for people and for programs."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from plan_records import chau_thanh, ingested_folder, phu_my
from rich.console import Console

from khplan.pipeline.analysis.compare import (
    award_quotas,
    compare_plans,
    comparison_csv,
    comparison_html,
    comparison_json,
    comparison_table,
    group_table,
)
from khplan.schemas import Award


def test_quotas_are_summed_by_form_and_the_conferrers_level():
    quotas = award_quotas(chau_thanh())
    assert [(q.form, q.level, q.quota) for q in quotas] == [
        ("Giấy khen", "cấp huyện", 16),
        ("Bằng khen", "cấp tỉnh", 1),
    ]


def test_rules_without_a_count_are_said_so_not_zero():
    (quota,) = award_quotas(phu_my())
    assert quota.describe() == "Giấy khen · cấp huyện: 5 + 1 quy định không ghi số lượng"
    record = phu_my()
    record.awards = [Award(form="Cờ thi đua", conferrer_level="province")]
    assert award_quotas(record)[0].describe() == "Cờ thi đua · cấp tỉnh: 1 quy định không ghi số lượng"


@pytest.mark.parametrize(
    ("by", "groups"),
    [
        ("province", ["Bình Định", "Tây Ninh"]),
        ("level", ["cấp huyện", "cấp huyện"]),
        ("year", ["2022", "2023"]),
    ],
)
def test_grouping(by, groups):
    assert [row.group for row in compare_plans([chau_thanh(), phu_my()], by).plans] == groups


def test_quotas_are_summed_per_province_too():
    second = chau_thanh()
    second.provenance.sha256 = "e" * 64
    comparison = compare_plans([chau_thanh(), second, phu_my()], "province")
    tay_ninh = next(g for g in comparison.groups if g.group == "Tây Ninh")
    assert tay_ninh.plans == 2
    assert [(q.form, q.level, q.quota) for q in tay_ninh.awards] == [
        ("Giấy khen", "cấp huyện", 32),
        ("Bằng khen", "cấp tỉnh", 2),
    ]


def test_row_has_issuer_period_criteria_and_submission_deadlines():
    (row,) = compare_plans([phu_my()], "province").plans
    assert (row.issuer, row.period, row.criteria) == ("Ủy ban nhân dân huyện Phù Mỹ", "giai đoạn 2021 - 2025", 2)
    assert row.submissions == ("31/01 hằng năm → Phòng Nội vụ",)


def test_tables_speak_vietnamese_and_never_cut_a_number():
    console = Console(width=60, record=True)
    comparison = compare_plans([phu_my(), chau_thanh()], "year")
    console.print(comparison_table(comparison))
    console.print(group_table(comparison))
    text = console.export_text()
    assert "Kế hoạch theo năm ban hành" in text and "Khen thưởng theo năm ban hành" in text
    assert "69/KH-UBND" in text and "44/KH-UBND" in text  # whole, at 60 columns


def test_programs_get_the_same_figures_as_csv_and_json():
    comparison = compare_plans([phu_my(), chau_thanh()], "province")
    rows = list(csv.DictReader(io.StringIO(comparison_csv(comparison))))
    assert {
        (r["number"], r["award_form"], r["conferrer_level"], r["quota"], r["rules_without_count"]) for r in rows
    } == {
        ("69/KH-UBND", "Giấy khen", "cấp huyện", "5", "1"),
        ("44/KH-UBND", "Giấy khen", "cấp huyện", "16", "0"),
        ("44/KH-UBND", "Bằng khen", "cấp tỉnh", "1", "0"),
    }
    data = json.loads(comparison_json(comparison))
    assert data["by"] == "province" and [g["group"] for g in data["groups"]] == ["Bình Định", "Tây Ninh"]


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
    page = comparison_html(compare_plans([phu_my(), chau_thanh()], "province"))
    parser = _Page()
    parser.feed(page)
    assert "svg" in parser.tags and "script" not in parser.tags
    assert parser.sources == []  # nothing to fetch: no CDN, no external stylesheet
    assert set(re.findall(r"https?://[^\s\"]+", page)) <= {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    }  # namespaces
    assert parser.rows == (1 + 2) + (1 + 2)  # a header and two groups; a header and two plans
    assert "Bằng khen · cấp tỉnh" in page  # the chart's legend, as text
    assert "1 quy định không ghi số lượng" in page  # the uncounted rule, beside its bar


def test_a_label_that_looks_like_mathematics_is_drawn_as_text():
    """matplotlib parsed ``$x^$`` as mathtext and died (exit 15): labels are plain text now."""
    record = phu_my()
    record.awards = [Award(form="Giấy khen $x^$", conferrer_level="district", quota=2)]
    page = comparison_html(compare_plans([record], "province"))
    assert "Giấy khen $x^$ · cấp huyện" in page


def test_cli_prints_the_table_and_writes_the_page(tmp_path, cli):
    out = ingested_folder(tmp_path / "out", [phu_my(), chau_thanh()])
    result = cli("compare", "--from", out, "--by", "year", "--html", tmp_path / "plans.html")
    assert result.returncode == 0, result.stderr
    assert "Kế hoạch theo năm ban hành" in result.stdout and "Ủy ban nhân dân huyện Châu Thành" in result.stdout
    assert "<svg" in (tmp_path / "plans.html").read_text(encoding="utf-8")
    as_json = cli("compare", "--from", out, "--format", "json")
    assert json.loads(as_json.stdout)["plans"][0]["number"] == "69/KH-UBND"
