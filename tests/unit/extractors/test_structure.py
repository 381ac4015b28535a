"""The layout: type line, trích yếu, numbered sections and their topics, the closing."""

from __future__ import annotations

import pytest

from khplan.extractors.matching import fold_key
from khplan.extractors.registry import Extraction
from khplan.extractors.structure import extract_structure, heading_topics, split_lines, walk

PLAN = """Số: 5/KH-UBND
Hà Nội, ngày 01 tháng 02 năm 2020
KẾ HOẠCH
Thi đua thực hiện văn hóa công sở năm 2020

Căn cứ Luật Thi đua, khen thưởng;
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
a) Tạo khí thế thi đua sôi nổi.
II. ĐỐI TƯỢNG, NỘI DUNG
1. Đối tượng
- Các cơ quan, đơn vị.
- Cán bộ, công chức.
2. Thời gian tổ chức thi đua
Thời gian thực hiện trong năm 2020.
Nơi nhận:
- Sở Nội vụ;
"""


def _layout(text: str = PLAN):
    ex = Extraction.start(text)
    extract_structure(ex)
    return ex.analyses["layout"]


def test_headings_nest_by_their_numbering():
    layout = _layout()
    outline = [(b.kind, b.marker, len(b.ancestors())) for b in walk(layout.blocks) if b.heading]
    assert outline == [
        ("roman", "I", 0),
        ("number", "1", 1),
        ("roman", "II", 0),
        ("number", "1", 1),
        ("number", "2", 1),
    ]


def test_a_heading_names_several_topics():
    assert heading_topics("ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN TỔ CHỨC THI ĐUA") == {"targets", "content", "timeline"}


def test_heading_topics_survive_legacy_ocr():
    assert heading_topics("MUC PICH, YEU CAU") == {"purpose", "requirements"}


def test_most_specific_section_is_returned_for_a_topic():
    (section,) = _layout().sections("targets")
    assert section.text == "Đối tượng"
    assert [c.text for c in section.children] == ["Các cơ quan, đơn vị.", "Cán bộ, công chức."]


def test_text_under_a_short_heading_is_its_own_paragraph():
    (section,) = _layout().sections("timeline")
    assert section.text == "Thời gian tổ chức thi đua"
    assert [c.text for c in section.children] == ["Thời gian thực hiện trong năm 2020."]


def test_preamble_is_what_precedes_the_first_heading():
    assert [b.text for b in _layout().preamble] == ["Căn cứ Luật Thi đua, khen thưởng;"]


def test_closing_starts_at_noi_nhan_and_leaves_the_body():
    layout = _layout()
    assert [line.text for line in layout.closing] == ["Nơi nhận:", "- Sở Nội vụ;", ""]
    assert all("Nơi nhận" not in b.text for b in walk(layout.blocks))


def test_roman_numeral_without_its_dot_before_a_capital_heading():
    layout = _layout("KẾ HOẠCH\nThi đua\n\nII HÌNH THỨC KHEN THƯỞNG\n- Giấy khen.\n")
    assert [(b.kind, b.heading) for b in layout.blocks] == [("roman", True)]


def test_markdown_marks_are_trimmed_from_lines_not_from_offsets():
    layout = _layout("## KẾ HOẠCH\n### Phát động phong trào thi đua\n")
    assert layout.doc_type == "Kế hoạch"
    line = layout.title[0]
    assert line.text == "Phát động phong trào thi đua" and line.start == len("## KẾ HOẠCH\n### ")


def test_a_dash_after_a_line_cut_mid_phrase_continues_it():
    text = (
        "Số: 5/KH-UBND\nHà Nội, ngày 01 tháng 02 năm 2020\nKẾ HOẠCH\nThi đua\n\nI. TỔ CHỨC THỰC HIỆN\n"
        "Căn cứ Kế hoạch này, xây dựng kế hoạch hưởng ứng, gửi về công chức Văn phòng\n- Thống kê trong tháng 3/2020.\n"
    )
    ex = Extraction.start(text)
    extract_structure(ex)
    (section,) = ex.analyses["layout"].blocks
    assert [b.text for b in section.children] == [
        "Căn cứ Kế hoạch này, xây dựng kế hoạch hưởng ứng, gửi về công chức Văn phòng - Thống kê trong tháng 3/2020."
    ]


def _children_of_first_section(text: str) -> list:
    ex = Extraction.start("Số: 5/KH-UBND\nHà Nội, ngày 01 tháng 02 năm 2020\nKẾ HOẠCH\nThi đua\n\n" + text)
    extract_structure(ex)
    return ex.analyses["layout"].blocks[0].children


def test_a_list_dash_read_as_a_tilde_is_still_a_dash():
    (item,) = _children_of_first_section("I. ĐỐI TƯỢNG\n_~ Cán bộ, công chức, viên chức;\n")
    assert (item.kind, item.text) == ("dash", "Cán bộ, công chức, viên chức;")


def test_item_number_read_with_a_comma():
    (item,) = _children_of_first_section("II. ĐỐI TƯỢNG, NỘI DUNG\n1, Đối tượng\n")
    assert (item.kind, item.text) == ("number", "Đối tượng")


def test_lines_without_a_word_are_specks_not_items():
    (heading,) = _children_of_first_section("II. ĐỐI TƯỢNG\n1. Tập thể\n-\n1...\n- Các phòng, ban, ngành.\n")
    assert [b.text for b in heading.children] == ["Các phòng, ban, ngành."]


def test_a_line_of_a_date_alone_is_text_not_a_speck():
    (heading,) = _children_of_first_section(
        "II. THỜI GIAN\n1. Thời gian\nThời gian tổ chức tổng kết tháng\n10/2023).\n"
    )
    assert heading.children[0].text == "Thời gian tổ chức tổng kết tháng 10/2023)."


@pytest.mark.parametrize("printed", ["Quyết ĐỊNH", "-quyết ĐỊNH", "QuyeT DINH"])
def test_a_type_line_whose_case_ocr_misread_is_still_the_type_line(printed):
    from khplan.extractors.structure import read_type_line

    text = f"{printed}\n"
    line = split_lines(text, fold_key(text))[0]
    assert read_type_line(line) == "Quyết định"


def test_a_sentence_of_two_words_with_a_name_in_capitals_is_no_type_line():
    from khplan.extractors.structure import read_type_line

    text = "Quyết TÂM\n"
    assert read_type_line(split_lines(text, fold_key(text))[0]) is None
