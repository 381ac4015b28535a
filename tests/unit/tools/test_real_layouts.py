"""The layouts the real documents are re-laid in: the words stay, only the lines change."""

from __future__ import annotations

from tools.bench.real_layouts import LAYOUTS, flattened, title_in_small_letters, wrapped

TEXT = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nVề việc tổ chức Chương trình Về miền lễ hội cội nguồn\n"


def test_every_layout_keeps_the_words():
    for lay_out in LAYOUTS.values():
        assert lay_out(TEXT).split() == TEXT.split()


def test_wrapping_breaks_long_lines_at_spaces_and_leaves_a_table_row_whole():
    lines = wrapped(TEXT, 20).splitlines()
    assert lines[0] == TEXT.splitlines()[0]
    assert all(len(line) <= 20 for line in lines[1:])


def test_flattening_leaves_one_line():
    assert "\n" not in flattened(TEXT)


def test_a_title_in_capitals_is_printed_in_sentence_case():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 15/QĐ-UBND\nSơn La, ngày 11 tháng 3 năm 2020\nQUYẾT ĐỊNH\n"
        "BAN HÀNH QUY CHẾ LÀM VIỆC\nỦY BAN NHÂN DÂN TỈNH SƠN LA\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    assert "\nBan hành quy chế làm việc\nỦY BAN NHÂN DÂN TỈNH SƠN LA\n" in title_in_small_letters(text)
