"""The Nơi nhận list: one entry per line, expanded, stamp junk and Lưu left out."""

from __future__ import annotations

from khplan.extractors import extract_record
from khplan.extractors.recipients import clean_recipient

BODY = "Số: 1/KH-UBND\nHà Nội, ngày 01 tháng 02 năm 2020\nKẾ HOẠCH\nThi đua\n\nI. MỤC ĐÍCH\nTạo khí thế thi đua.\n"


def test_lines_until_luu_with_abbreviations_expanded():
    record = extract_record(BODY + "Nơi nhận:\n- TT HU;\n- UBND các xã, thị trấn;\n- Lưu: VT, PNV.\nCHỦ TỊCH\n")
    assert record.recipients == ["Thường trực Huyện ủy", "Ủy ban nhân dân các xã, thị trấn"]


def test_report_copy_note_is_expanded():
    assert clean_recipient("Bộ Nội vụ (b/c);") == "Bộ Nội vụ (báo cáo)"
    assert clean_recipient("BỘ Nội vụ (b/e);") == "BỘ Nội vụ (báo cáo)"  # legacy OCR's e for the c


def test_stamp_junk_after_a_comma_is_dropped():
    assert clean_recipient("Sở Nội vụ, AMTEN oSN") == "Sở Nội vụ"


def test_a_line_of_office_codes_is_kept_as_printed():
    assert clean_recipient("V0, V1-3, KSTT, TH4;") == "V0, V1-3, KSTT, TH4"


def test_a_wrapped_recipient_is_joined():
    record = extract_record(BODY + "Nơi nhận:\n- Các cơ quan Trung ương đóng trên địa bàn\ntỉnh;\n- Lưu: VT.\n")
    assert record.recipients == ["Các cơ quan Trung ương đóng trên địa bàn tỉnh"]


def test_dash_read_as_a_tilde_still_opens_an_item():
    record = extract_record(BODY + "Nơi nhận:\n- Sở Nội vụ;\n_~ Các cơ quan đảng, đoàn thể huyện;\n- Lưu: VT.\n")
    assert record.recipients == ["Sở Nội vụ", "Các cơ quan đảng, đoàn thể huyện"]


def test_signature_column_on_the_same_line_is_not_a_recipient():
    record = extract_record(
        BODY + "Nơi nhận:   TM. ỦY BAN NHÂN DÂN\n- Bộ Nội vụ (b/c);   CHỦ TỊCH\n- Đảng ủy, TT HĐND xã;\n- Lưu: "
        "VT.\n\nLê Văn Tâm\n"
    )
    assert record.recipients == ["Bộ Nội vụ (báo cáo)", "Đảng ủy, Thường trực Hội đồng nhân dân xã"]


def test_copy_note_in_capitals_is_expanded():
    assert clean_recipient("UBND tỉnh (b/C);") == "Ủy ban nhân dân tỉnh (báo cáo)"


def test_store_line_garbled_by_ocr_ends_the_list():
    record = extract_record(BODY + "Nơi nhận:\n- Sở Nội vụ;\n_LừỰU. Vì, LH.\nCHỦ TỊCH\n")
    assert record.recipients == ["Sở Nội vụ"]


def test_store_line_without_its_colon_after_legacy_ocr_ends_the_list():
    record = extract_record(BODY + "Nơi nhận:\n- Sở Nội vụ;\n= Lít Vì, TH.\nCHỦ TỊCH\n")
    assert record.recipients == ["Sở Nội vụ"]
