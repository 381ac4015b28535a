"""Đối tượng thi đua: one target per listed group, with its subject."""

from __future__ import annotations

from khplan.extractors import extract_record

HEAD = "Số: 1/KH-UBND\nHà Nội, ngày 01 tháng 02 năm 2022\nKẾ HOẠCH\nThi đua\n\n"


def _targets(body: str):
    return [(t.subject, t.text) for t in extract_record(HEAD + body).targets]


def test_lettered_groups_of_the_doi_tuong_section():
    body = (
        "I. ĐỐI TƯỢNG, NỘI DUNG\n1. Đối tượng\na) Ủy ban nhân dân các xã, thị trấn.\nb) Cán bộ, công chức, "
        "viên chức.\n2. Nội dung\na) Thi đua cải cách.\n"
    )
    assert _targets(body) == [
        ("collective", "Ủy ban nhân dân các xã, thị trấn"),
        ("individual", "Cán bộ, công chức, viên chức"),
    ]


def test_subheadings_give_the_subject():
    body = (
        "I. ĐỐI TƯỢNG THI ĐUA\n1.1. Tập thể\n- Người đứng đầu các cơ quan.\n1.2. Cá nhân\n- Phóng viên, biên "
        "tập viên.\n"
    )
    assert _targets(body) == [("collective", "Người đứng đầu các cơ quan"), ("individual", "Phóng viên, biên tập viên")]


def test_definition_in_brackets_is_left_out():
    body = "I. ĐỐI TƯỢNG\na) Các cơ quan cấp huyện (sau đây gọi tắt là cơ quan, đơn vị).\n"
    assert _targets(body) == [("collective", "Các cơ quan cấp huyện")]


def test_households_are_their_own_subject():
    assert _targets("I. ĐỐI TƯỢNG\n- Hộ gia đình trên địa bàn xã.\n") == [("household", "Hộ gia đình trên địa bàn xã")]


def test_no_doi_tuong_section_means_no_targets():
    assert _targets("I. MỤC ĐÍCH\na) Cán bộ, công chức thi đua.\n") == []


def test_without_doi_tuong_section_the_award_groups_are_the_targets():
    body = (
        "III. KHEN THƯỞNG\n- Tặng Giấy khen của Chủ tịch UBND huyện đối với Ủy ban nhân dân cấp xã có kết quả "
        "xếp hạng 03 vị trí cao nhất.\n"
        "- Tặng Giấy khen của Chủ tịch UBND huyện đối với cán bộ, công chức cấp xã có thành tích xuất sắc.\n"
    )
    record = extract_record(HEAD + body)
    assert [(t.subject, t.text) for t in record.targets] == [
        ("collective", "Ủy ban nhân dân cấp xã"),
        ("individual", "Cán bộ, công chức cấp xã"),
    ]
    assert [w.field for w in record.warnings if w.code == "inferred"] == ["targets"]


def test_people_named_doi_tuong_in_passing_replace_a_shorter_award_group():
    body = (
        "I. YÊU CẦU\na) Thu hút đông đảo đối tượng cán bộ, công chức, viên chức, người lao động trong các cơ "
        "quan tham gia.\n"
        "II. KHEN THƯỞNG\n- Tặng Giấy khen của Chủ tịch UBND huyện đối với cán bộ, công chức, viên chức tiêu "
        "biểu trong công tác.\n"
    )
    assert _targets(body) == [("individual", "Cán bộ, công chức, viên chức, người lao động trong các cơ quan")]
