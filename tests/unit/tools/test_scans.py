from __future__ import annotations

import numpy as np

from tools.synth.scans import render_scan, split_header_line, strip_markdown


def test_merged_header_line_splits_at_the_motto():
    assert split_header_line("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == (
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    )


def test_number_line_splits_before_place_and_date():
    assert split_header_line("Số: 69 /KH-UBND Phù Mỹ, ngày 13 tháng 4 năm 2022") == (
        "Số: 69 /KH-UBND",
        "Phù Mỹ, ngày 13 tháng 4 năm 2022",
    )


def test_body_line_is_not_a_header():
    assert split_header_line("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;") is None


def test_markdown_marks_are_not_printed():
    assert strip_markdown("## **II. ĐỐI TƯỢNG, NỘI DUNG**") == "II. ĐỐI TƯỢNG, NỘI DUNG"


def test_same_seed_same_scan_other_seed_other_noise():
    text = "Kế hoạch thi đua năm 2024\n"
    a, b, c = (np.asarray(render_scan(text, "poor", seed=s)[0]) for s in (7, 7, 8))
    assert (a == b).all() and not (a == c).all()


def test_a4_at_300_dpi():
    assert render_scan("Kế hoạch\n", "clean")[0].size == (2480, 3508)
