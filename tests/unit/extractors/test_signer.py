"""The signature block: authority, position and the name under it."""

from __future__ import annotations

from khplan.extractors import extract_record
from khplan.extractors.signer import position_of

BODY = "Số: 1/KH-UBND\nHà Nội, ngày 01 tháng 02 năm 2020\nKẾ HOẠCH\nThi đua\n\nI. MỤC ĐÍCH\nTạo khí thế thi đua.\n"


def _signer(closing: str):
    return extract_record(BODY + closing).signer


def test_deputy_signs_for_the_chairman():
    signer = _signer(
        "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Hào\n"
    )
    assert (signer.name, signer.position, signer.authority) == ("Trần Văn Hào", "Phó Chủ tịch", "KT. Chủ tịch")


def test_tm_line_is_the_authority_when_the_chairman_signs():
    signer = _signer("Nơi nhận:\n- Sở Nội vụ;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Thị Lan\n")
    assert (signer.position, signer.authority) == ("Chủ tịch", "TM. Ủy ban nhân dân")


def test_position_printed_on_the_noi_nhan_line():
    signer = _signer("Nơi nhận: CHỦ TỊCH\n- Bộ Nội vụ (b/c);\n- Lưu: VT, TH1.\nCao Tường Huy\n")
    assert (signer.name, signer.position, signer.authority) == ("Cao Tường Huy", "Chủ tịch", None)


def test_stamp_junk_before_the_name_is_dropped():
    assert _signer("Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nbk Cao Tường Huy\n").name == "Cao Tường Huy"


def test_k_slash_is_read_as_kt():
    assert _signer("Nơi nhận:\n- Lưu: VT.\nK/ CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Lịch\n").authority == "KT. Chủ tịch"


def test_no_signature_block_leaves_the_signer_empty():
    record = extract_record(BODY)
    assert record.signer.model_dump() == {"name": None, "position": None, "authority": None}
    assert "signer.name" in {w.field for w in record.warnings}


def test_signature_column_typed_on_the_noi_nhan_lines():
    signer = _signer(
        "Nơi nhận:   TM. ỦY BAN NHÂN DÂN\n- Sở Nội vụ;   KT. CHỦ TỊCH\n- Lưu: VT.   PHÓ CHỦ TỊCH\n\nPhạm Thị Hương\n"
    )
    assert (signer.name, signer.position, signer.authority) == ("Phạm Thị Hương", "Phó Chủ tịch", "KT. Chủ tịch")


def test_a_report_note_before_the_column_is_not_part_of_the_position():
    signer = _signer("Nơi nhận:\n- Bộ Nội vụ (b/c); GIÁM ĐỐC\n- Lưu: VT.\nĐỗ Văn Sơn\n")
    assert (signer.position, signer.authority) == ("Giám đốc", None)


def test_position_one_letter_off_in_capitals_as_ocr_leaves_it():
    """``GIÁM ĐỐC`` through legacy OCR and restoration: ``Đ`` read as ``B``; the authority line too."""
    signer = _signer("Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nKT. GIẢM BỌC\nPHÓ GIẢM BỌC\n\nPhan Công Khánh\n")
    assert (signer.name, signer.position, signer.authority) == ("Phan Công Khánh", "Phó Giám đốc", "KT. Giám đốc")


def test_only_capitals_long_enough_and_one_letter_off_name_a_position():
    assert position_of("GIÁM ĐỐN") == "Giám đốc"
    assert position_of("Giám đốn") is None  # a sentence-case line is prose, not the printed position
    assert position_of("BÍ THỨC") is None  # too short to trust one letter of it
    assert position_of("THỦ TƯỚNH") == "Thủ tướng"
    assert position_of("GIÁM BỌN") is None  # two letters off
