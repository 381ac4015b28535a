"""The layouts the real documents are re-laid in: the words stay, only the lines change."""

from __future__ import annotations

from tools.bench.real_layouts import LAYOUTS, flattened, wrapped

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
