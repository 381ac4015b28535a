"""Tiêu chí / tiêu chuẩn: one criterion per bullet, subject from its lead-in."""

from __future__ import annotations

from khplan.extractors import extract_record

HEAD = "Số: 1/KH-UBND\nHà Nội, ngày 01 tháng 02 năm 2024\nKẾ HOẠCH\nThi đua năm 2024\n\n"


def _criteria(body: str):
    return [(c.subject, c.text) for c in extract_record(HEAD + body).criteria]


def test_bullets_under_lead_ins_take_their_subject():
    body = (
        "III. TIÊU CHÍ KHEN THƯỞNG\n- Đối với tập thể:\n+ Hoàn thành 100% nhiệm vụ được giao.\n- Đối với cá "
        "nhân:\n+ Có sáng kiến được công nhận.\n"
    )
    assert _criteria(body) == [
        ("collective", "Hoàn thành 100% nhiệm vụ được giao"),
        ("individual", "Có sáng kiến được công nhận"),
    ]


def test_inline_items_are_criteria_of_their_own():
    body = (
        "III. TIÊU CHUẨN\n- Bằng khen: xét chọn theo tiêu chuẩn sau:\n+ Đối với tập thể: (i1) Hoàn thành tốt "
        "nhiệm vụ; (i2) Đạt các nội dung thi đua.\n"
    )
    assert _criteria(body) == [("collective", "Hoàn thành tốt nhiệm vụ"), ("collective", "Đạt các nội dung thi đua")]


def test_content_bullets_are_tasks_not_criteria():
    body = "II. NỘI DUNG THI ĐUA\n- Thi đua đổi mới công tác chỉ đạo.\nIII. TIÊU CHÍ\n- Có mô hình mới.\n"
    assert _criteria(body) == [("collective", "Có mô hình mới")]


def test_award_bullets_serve_when_there_is_no_criteria_section():
    body = (
        "III. KHEN THƯỞNG\n1. Khen thưởng cá nhân\n- Cá nhân có sáng kiến được áp dụng.\n2. Hồ sơ đề nghị "
        "khen thưởng\n- Tờ trình đề nghị khen thưởng.\n"
    )
    assert _criteria(body) == [("individual", "Cá nhân có sáng kiến được áp dụng")]


def test_a_bullet_for_both_is_any():
    body = "III. TIÊU CHUẨN\n- Giấy khen: tặng cho các tập thể, cá nhân có thành tích xuất sắc.\n"
    assert _criteria(body)[0][0] == "any"
