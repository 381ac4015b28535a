"""Dated obligations: submissions, summing-up, targets, the campaign's end."""

from __future__ import annotations

import datetime as dt

from khplan.extractors import extract_record

HEAD = "Số: 1/KH-UBND\nPhù Mỹ, ngày 01 tháng 02 năm 2023\nKẾ HOẠCH\nThi đua {period}\n\nI. TỔ CHỨC THỰC HIỆN\n"


def _deadlines(body: str, period: str = "giai đoạn 2021 - 2025"):
    return extract_record(HEAD.format(period=period) + body).deadlines


def test_recurring_date_through_a_body():
    (first, _end) = _deadlines(
        "- Hồ sơ đề nghị khen thưởng trình Ủy ban nhân dân huyện (qua Phòng Nội vụ) trước ngày 31/01 hàng năm.\n"
    )
    assert (first.kind, first.month_day, first.recurrence, first.date, first.to) == (
        "submission",
        "01-31",
        "annual",
        None,
        "Phòng Nội vụ",
    )


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
    (first, _end) = _deadlines(
        "Thời gian thực hiện trong năm 2023 (Thời gian tổ chức tổng kết tháng 10/2023).\n", period="năm 2023"
    )
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
    text = (
        "Số: 1/KH-UBND\nPhù Mỹ, ngày 01 tháng 02 năm 2023\nKẾ HOẠCH\nThi đua\n\nCăn cứ Nghị quyết số 76/NQ-CP "
        "ngày 15/7/2021 của Chính phủ;\n"
    )
    assert extract_record(text).deadlines == []


def test_within_a_month_is_its_last_day():
    (first, _end) = _deadlines(
        "2. Các cơ quan, đơn vị xây dựng kế hoạch hưởng ứng, gửi về Phòng Nội vụ trong tháng 3/2023.\n"
    )
    assert (first.date, first.to) == (dt.date(2023, 3, 31), "Phòng Nội vụ")


def test_before_a_month_is_the_day_before_it_starts():
    (first, _end) = _deadlines("- Đăng ký thi đua gửi về Phòng Nội vụ trước tháng 4/2023.\n")
    assert first.date == dt.date(2023, 3, 31)


def test_the_periods_own_sentence_is_its_end_not_another_deadline():
    body = "II. THỜI GIAN THỰC HIỆN\nTừ ngày ký ban hành Kế hoạch đến hết ngày 31/12/2023.\n"
    assert [(d.kind, d.date) for d in _deadlines(body, period="năm 2023")] == [("period_end", dt.date(2023, 12, 31))]


def test_two_obligations_due_the_same_day_to_different_bodies_are_both_kept():
    body = (
        "- Hồ sơ gửi về Phòng Nội vụ trước ngày 05/12/2023.\n"
        "- Phòng Nội vụ tổng hợp, báo cáo kết quả về Sở Nội vụ trước ngày 05/12/2023.\n"
    )
    assert [d.to for d in _deadlines(body) if d.kind == "submission"] == ["Phòng Nội vụ", "Sở Nội vụ"]


def test_receiver_right_after_a_reporting_verb():
    (first, _end) = _deadlines("1. Định kỳ tổng hợp kết quả, báo cáo Sở Nội vụ trước ngày 10/12/2023.\n")
    assert first.to == "Sở Nội vụ"


def test_receiver_after_the_object_sent():
    (first, _end) = _deadlines(
        "- Các cơ quan gửi hồ sơ đề nghị khen thưởng về công chức Văn phòng - Thống kê chậm nhất ngày 15/11/2023.\n"
    )
    assert first.to == "Công chức Văn phòng - Thống kê"


def test_summing_up_month_names_what_is_done():
    body = "II. THỜI GIAN\nTổng kết phong trào thi đua vào tháng 12/2023.\n"
    (review, _end) = _deadlines(body, period="năm 2023")
    assert (review.kind, review.date, review.action) == ("review", dt.date(2023, 12, 31), "Tổng kết phong trào thi đua")


def test_quarter_with_a_doubled_slash_from_ocr():
    (first, _end) = _deadlines("- Gửi văn bản về Sở Nội vụ trong Quý I/⁄2024.\n")
    assert first.date == dt.date(2024, 3, 31)


def test_an_hour_before_the_due_day():
    (first, _end) = _deadlines("- Hồ sơ gửi về Sở Nội vụ trước 17 giờ 00 ngày 15/11/2023.\n")
    assert (first.date, first.to) == (dt.date(2023, 11, 15), "Sở Nội vụ")


def test_a_second_date_shares_the_cue_and_the_yearly_recurrence():
    dues = _deadlines("- Báo cáo kết quả về Phòng Nội vụ trước ngày 15/6 và 15/12 hàng năm.\n")
    assert [(d.month_day, d.recurrence) for d in dues if d.kind == "submission"] == [
        ("06-15", "annual"),
        ("12-15", "annual"),
    ]


def test_a_deadline_named_as_such():
    (first, _end) = _deadlines("- Hạn chót nộp hồ sơ tại Văn phòng Sở là ngày 20 tháng 11 năm 2023.\n")
    assert (first.date, first.to) == (dt.date(2023, 11, 20), "Văn phòng Sở")
