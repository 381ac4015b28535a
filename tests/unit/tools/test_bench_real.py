"""The real-document benchmark's routes: what each route gives the record stages."""

from __future__ import annotations

from tools.bench.real import as_printed, pages_of


def test_a_scan_prints_the_document_without_the_web_page_s_markup():
    text = "UBND TỈNH BÌNH THUẬN<b>\n<b>SỞ GIÁO DỤC VÀ ĐÀO TẠO</b> <i>Phan Thiết, ngày 20 tháng 10 năm 2010</i>\n"
    printed = as_printed(text)
    assert "<" not in printed and "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in printed and "Phan Thiết, ngày 20" in printed


def test_the_text_route_reads_what_a_scan_prints():
    text = "<b>KẾ HOẠCH</b>\nTổ chức Hội thi năm 2024\n"
    assert pages_of("text", text)[0].text == as_printed(text)
