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


def test_the_levels_table_counts_each_part_and_level_apart():
    import dataclasses

    from rich.console import Console

    from tools.bench.real import Board, RealDocument, level_of, levels_table

    gold = {"doc_type": "Kế hoạch", "issuer": {"name": "Ủy ban nhân dân xã A", "level": "commune"}}
    right = RealDocument("1", "heldout", "", gold)
    wrong = RealDocument("2", "heldout", "", {**gold, "doc_type": "Quyết định"})
    record = {
        "doc_type": "Kế hoạch",
        "issuer": {"name": "Ủy ban nhân dân xã A", "level": "commune"},
        "warnings": [],
        "provenance": {"found_by": {}},
    }
    board = Board()
    for doc in (right, wrong):
        board.score(dataclasses.replace(doc, part=f"{doc.part}, {level_of(doc)}"), "text", record)
    console = Console(width=120, record=True)
    console.print(levels_table(board, [right, wrong], ["text"]))
    shown = console.export_text()
    assert "heldout, commune" in shown and "│         2 │" in shown
    assert "0.944 (5.6%)" in shown  # 17 of 18 fields right; the one wrong is not warned
