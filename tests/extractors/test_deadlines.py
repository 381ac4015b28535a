"""Dated obligations: submissions, summing-up, targets, the campaign's end."""

from __future__ import annotations

import datetime as dt

from extractors import extract_record

HEAD = "Số: 1/KH-UBND\nPhù Mỹ, ngày 01 tháng 02 năm 2023\nKẾ HOẠCH\nThi đua {period}\n\nI. TỔ CHỨC THỰC HIỆN\n"


def _deadlines(body: str, period: str = "giai đoạn 2021 - 2025"):
    return extract_record(HEAD.format(period=period) + body).deadlines


def test_recurring_date_through_a_body():
    (first, _end) = _deadlines("- Hồ sơ đề nghị khen thưởng trình Ủy ban nhân dân huyện (qua Phòng Nội vụ) trước ngày 31/01 hàng năm.\n")
    assert (first.kind, first.month_day, first.recurrence, first.date, first.to) == ("submission", "01-31", "annual", None, "Phòng Nội vụ")


def test_full_date_sent_to_a_body():
    (first, _end) = _deadlines("b) Số lượng hồ sơ: 02 bộ bản chính, gửi về Phòng Nội vụ trước ngày 15/10/2023.\n")
    assert (first.date, first.to, first.text) == (dt.date(2023, 10, 15), "Phòng Nội vụ", "trước ngày 15/10/2023")


def test_quarter_gives_its_last_day():
    (first, _end) = _deadlines("- Gửi văn bản về UBND tỉnh (qua Sở Nội vụ) trong Quý I/2024.\n", period="năm 2024")
    assert first.date == dt.date(2024, 3, 31)


def test_disbursement_by_a_date_is_a_target():
    (first, _end) = _deadlines("- Phấn đấu đến hết 31/12/2024 giải ngân 100% kế hoạch vốn.\n", period="năm 2024")
    assert (first.kind, first.date) == ("target", dt.date(2024, 12, 31))


def test_summing_up_month_is_a_review_on_its_last_day():
    (first, _end) = _deadlines("Thời gian thực hiện trong năm 2023 (Thời gian tổ chức tổng kết tháng 10/2023).\n", period="năm 2023")
    assert (first.kind, first.date) == ("review", dt.date(2023, 10, 31))


def test_campaign_end_from_the_period_is_flagged_as_inferred():
    record = extract_record(HEAD.format(period="giai đoạn 2021 - 2025") + "- Triển khai kế hoạch.\n")
    (end,) = record.deadlines
    assert (end.kind, end.date) == ("period_end", dt.date(2025, 12, 31))
    assert "inferred_day" in [w.code for w in record.warnings]


def test_date_without_year_takes_the_plans_year_and_a_warning():
    record = extract_record(HEAD.format(period="") + "- Gửi báo cáo về Sở Nội vụ trước ngày 15/11.\n")
    assert record.deadlines[0].date == dt.date(2023, 11, 15)
    assert "inferred_year" in [w.code for w in record.warnings]


def test_citation_dates_are_not_deadlines():
    text = "Số: 1/KH-UBND\nPhù Mỹ, ngày 01 tháng 02 năm 2023\nKẾ HOẠCH\nThi đua\n\nCăn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n"
    assert extract_record(text).deadlines == []
