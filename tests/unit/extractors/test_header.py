"""Header fields: type, number, date, place, trích yếu — from clean, column-read and legacy-OCR headers."""

from __future__ import annotations

import datetime as dt

import pytest

from khplan.extractors import DocumentText, PageSpan, extract_record

MERGED = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN PHÙ MỸ Độc lập - Tự do - Hạnh phúc
Số: 69 /KH-UBND Phù Mỹ, ngày 13 tháng 4 năm 2022
KẾ HOẠCH
Phát động phong trào thi đua đẩy mạnh cải cách hành chính
huyện Phù Mỹ giai đoạn 2021 - 2025

Thực hiện Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;
"""

COLUMNS = """ỦY BAN NHÂN DÂN
XÃ HÒA PHONG
Số: 12/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hòa Phong, ngày 05 tháng 01 năm 2023
KẾ HOẠCH
Tổ chức phong trào thi đua xây dựng nông thôn mới năm 2023
Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Thực hiện chỉ đạo của Ủy ban nhân dân huyện Hòa Vang;
"""

LEGACY = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
TINH QUANG NINH Poc lip - Tr do - Hanh phiic
Sé: 40 /KH-UBND Qudng Ninh, ngay]9 thing 02 nim 2024
KE HOACH
"""


def test_number_loses_the_space_before_its_slash():
    assert extract_record(MERGED).number == "69/KH-UBND"


def test_place_and_date_are_cut_from_the_number_line():
    record = extract_record(MERGED)
    assert (record.place, record.issue_date) == ("Phù Mỹ", dt.date(2022, 4, 13))


def test_title_joins_its_lines_and_stops_before_the_preamble():
    assert extract_record(MERGED).title == (
        "Phát động phong trào thi đua đẩy mạnh cải cách hành chính huyện Phù Mỹ giai đoạn 2021 - 2025"
    )


def test_type_line_gives_the_type_in_sentence_case():
    assert extract_record(MERGED).doc_type == "Kế hoạch"


def test_header_read_column_by_column():
    record = extract_record(COLUMNS)
    assert (record.number, record.place, record.issue_date) == ("12/KH-UBND", "Hòa Phong", dt.date(2023, 1, 5))
    assert record.title == "Tổ chức phong trào thi đua xây dựng nông thôn mới năm 2023"


def test_legacy_ocr_number_with_mangled_so():
    assert extract_record(LEGACY).number == "40/KH-UBND"


def test_legacy_ocr_day_read_through_a_bracket_and_flagged():
    record = extract_record(LEGACY)
    assert record.issue_date == dt.date(2024, 2, 19)
    assert [w.code for w in record.warnings if w.field == "issue_date"] == ["low_ocr_confidence"]


def test_legacy_ocr_place_takes_the_gazetteer_spelling():
    assert extract_record(LEGACY).place == "Quảng Ninh"


def test_legacy_ocr_type_line_without_marks():
    assert extract_record(LEGACY).doc_type == "Kế hoạch"


def test_lost_code_letter_d_is_restored_in_the_number():
    record = extract_record("UY BAN NHAN DAN\nTINH BAC NINH\nSo: 15/QD-UBND Bac Ninh, ngay 02 thang 3 nam 2021\n")
    assert record.number == "15/QĐ-UBND"


def test_type_inferred_from_code_when_no_type_line():
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/QĐ-UBND\nBắc Ninh, ngày 02 tháng 3 năm 2021\nVề việc khen thưởng\n"
    )
    assert record.doc_type == "Quyết định"
    assert "inferred_doc_type" in [w.code for w in record.warnings]


def test_number_without_type_code_is_a_cong_van():
    record = extract_record("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 1520/UBND-NC\nBắc Ninh, ngày 02 tháng 3 năm 2021\n")
    assert record.doc_type == "Công văn"


def test_outer_quotes_leave_the_title():
    text = "Số: 3/KH-UBND\nHà Nội, ngày 01 tháng 02 năm 2020\nKẾ HOẠCH\n“Thi đua thực hiện văn hóa công sở”\n\nCăn cứ"
    assert extract_record(text).title == "Thi đua thực hiện văn hóa công sở"


def test_body_numbers_are_not_the_plan_number():
    text = "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ về cải cách hành chính.\n"
    assert extract_record(text).number is None


def test_recipe_yields_no_number_date_or_issuer():
    record = extract_record("Phở bò: nước dùng, bánh phở, thịt bò, hành.\n")
    assert (record.number, record.issue_date, record.issuer.name, record.doc_type) == (None, None, None, None)


def test_missing_fields_are_flagged_not_invented():
    record = extract_record("Thực đơn: cơm, canh chua, cá kho.\n")
    assert {w.field for w in record.warnings if w.code == "field_not_found"} >= {"number", "issue_date", "issuer.name"}


def test_number_span_points_at_its_evidence_and_page():
    second = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 40 /KH-UBND"
    text = "trang bìa\n" + second
    record = extract_record(DocumentText(text, (PageSpan(1, 0, 9), PageSpan(2, 10, len(text)))))
    (span,) = record.provenance.spans["number"]
    assert text[span.start : span.end].startswith("Số: 40 /KH-UBND")
    assert span.page == 2


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seed_header_fields_from_the_text_users_hold(prefix, seeds):
    """000/003 as raw legacy OCR (no restorer), 001 as clean markdown: the fields that do not depend on marks."""
    seed = seeds[prefix]
    record = extract_record(seed.input_text).model_dump(mode="json")
    fields = ("doc_type", "number", "issue_date", "place", "issuer")
    assert {f: record[f] for f in fields} == {f: seed.fields[f] for f in fields}


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seed_header_fields_from_gold_text(prefix, seeds):
    seed = seeds[prefix]
    record = extract_record(seed.gold_text).model_dump(mode="json")
    fields = ("doc_type", "number", "issue_date", "place", "title", "issuer")
    assert {f: record[f] for f in fields} == {f: seed.fields[f] for f in fields}


def test_specks_around_the_type_line_are_ignored():
    assert (
        extract_record("Số: 3/KH-UBND\nHà Nội, ngày 01 tháng 02 năm 2020\n- KẾ HOẠCH m _\nThi đua\n").doc_type
        == "Kế hoạch"
    )


def test_month_word_garbled_past_recognition():
    record = extract_record("Số: 40 /KH-UBND\nQuảng Ninh, ngày 19 cn 02 năm 2024\nKẾ HOẠCH\n")
    assert record.issue_date == dt.date(2024, 2, 19)


def test_place_and_date_read_below_the_type_line():
    record = extract_record(
        "Số: 44/KH-UBND\n.. KẾ HOẠCH\nChâu Thành, ngày 07 tháng 3 năm 2023\nPhát động phong trào thi đua năm "
        "2023\n\nCăn cứ"
    )
    assert (record.place, record.issue_date, record.title) == (
        "Châu Thành",
        dt.date(2023, 3, 7),
        "Phát động phong trào thi đua năm 2023",
    )


def test_title_goes_on_across_a_blank_line_in_lower_case():
    text = (
        "Số: 3/KH-UBND\nHà Nội, ngày 01 tháng 02 năm 2020\nKẾ HOẠCH\nPhát động phong trào thi đua -\n\n- "
        "huyện Phù Mỹ giai đoạn 2021 - 2025.\n\nThực hiện"
    )
    assert extract_record(text).title == "Phát động phong trào thi đua huyện Phù Mỹ giai đoạn 2021 - 2025"


def test_so_garbled_into_two_characters_still_opens_the_number():
    record = extract_record("S60: 44 /KH-UBND\nChâu Thành, ngày 07 tháng 3 năm 2023\nKẾ HOẠCH\nThi đua năm 2023\n")
    assert record.number == "44/KH-UBND"


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("6: 74/KH-UBND ~", "74/KH-UBND"),  # development document 1088, poor scan's legacy OCR
        ("‘86: 414/BCKS-DC", "414/BCKS-DC"),  # 562
        ("86: 465-TTg _ Độc lập - Tự do - Hạnh phúc", "465-TTg"),  # 1688
    ],
)
def test_the_label_so_a_poor_scan_read_as_digits_still_opens_the_number(line: str, number: str):
    record = extract_record(
        f"ỦY BAN NHÂN DÂN | Cần Thơ, ngày 16 tháng 4 năm 2018\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{line}\n"
        "KẾ HOẠCH\nHÀNH ĐỘNG VỀ DINH DƯỠNG ĐẾN NĂM 2020\nCăn cứ Chỉ thị số 46/CT-TTg;\n"
    )
    assert record.number == number


def test_a_number_labelled_by_digits_ends_a_header_without_a_type_line():
    record = extract_record(  # development document 1088, poor scan's legacy OCR (the type line wrapped away)
        "ỦY BAN NHÂN DÂN | | Cần Thơ, ngày 16 tháng 4 năm 2018\nCỘNG HÒA XAHOICHU © : oe\nNGHĨA VIỆT NAM\n"
        "6: 74/KH-UBND ~\nHÀNH ĐỘNG CỦA THÀNH\nPHỐ CẦN THƠ VỀ ĐÌNH\nDƯỠNG ĐẾN NĂM 2020\n\n"
        "Căn cứ Chỉ thị số 46/CT-TTg ngày 21 tháng 12 năm 2017 của Thủ tướng Chính phủ;\n"
    )
    assert (record.number, record.title) == ("74/KH-UBND", "Hành động của thành phố Cần Thơ về đình dưỡng đến năm 2020")


def test_digits_and_a_colon_inside_a_header_piece_are_no_number():
    record = extract_record(  # made up to pin the rule: "… mục 6: 15/…" inside a cell opens no number
        "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH theo mục 6: 15/KH-UBND\nThái Bình, ngày 29 tháng 6 năm 2021\n"
        "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH THI ĐUA\nCăn cứ Luật Thi đua;\n"
    )
    assert record.number is None


@pytest.mark.parametrize(
    "line",
    [
        "Hà Nội, ngày OS thang8nim2025. 7",  # development document 382, poor scan's legacy OCR restored
        "Hà Nội, ngày 03 tháng bốn năm 2018",  # 246
        "Hà Nội, ngày 19 ee 7 7 năm 2006",  # 139's line, its place changed
    ],
)
def test_the_place_of_a_place_and_date_line_whose_date_ocr_spoilt_is_read(line: str):
    record = extract_record(
        f"BỘ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 4555/BGDĐT-GDPT\n{line}\nV/v hướng dẫn thực hiện nhiệm vụ năm học\n"
        "Kính gửi: Các sở giáo dục và đào tạo\n"
    )
    assert (record.place, record.issue_date) == ("Hà Nội", None)


def test_a_type_line_with_a_speck_of_a_colon_is_the_type_line():
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH\nSố: 89/KH-UBND\nThái Bình, ngày 29 tháng 6 năm 2021\n"
        "KẾ HOẠCH :\nTHỰC HIỆN CHƯƠNG TRÌNH CỦNG CỐ HỆ THỐNG THÔNG TIN\nThực hiện Quyết định số 2259/QĐ-TTg;\n"
    )
    assert (record.doc_type, record.title) == ("Kế hoạch", "Thực hiện chương trình củng cố hệ thống thông tin")


def test_a_place_after_an_ocr_speck_is_read_without_it():
    record = extract_record("UYBANNHANDAN\nSố: 0155/KH-UBND | «Đắk Lắk, ngày 24 tháng 12 năm 2025 |\nKẾ HOẠCH\n")
    assert (record.place, record.issuer.name) == ("Đắk Lắk", "Ủy ban nhân dân tỉnh Đắk Lắk")


def test_a_place_alone_above_its_date_under_the_type_line_belongs_to_the_header():
    record = extract_record(
        "ỦY BAN NHÂN DÂN TỈNH\nLẠNG SƠN\nSố:\n52/2018/QĐ-UBND\nQUYẾT ĐỊNH\n\nLạng Sơn,\nngày 05 tháng 9 năm 2018 |\n\n"
        "Ban hành Quy định một số nội dung về lập dự toán ngân sách nhà nước\n\nCăn cứ Luật ngân sách nhà nước;\n"
    )
    assert (record.place, record.issue_date, record.title) == (
        "Lạng Sơn",
        dt.date(2018, 9, 5),
        "Ban hành Quy định một số nội dung về lập dự toán ngân sách nhà nước",
    )


def test_a_place_and_date_read_far_down_the_page_is_the_headers():
    record = extract_record(
        "ỦY BAN NHÂN DÂN QUẬN 4|\nSố: 552/2006/QĐ-UBND\n\nVỀ BAN HÀNH QUY CHẾ\nLÀM VIỆC\n\n"
        "ỦY BAN NHÂN DÂN QUẬN 4\nTheo đề nghị của Trưởng Phòng\n\nNội vụ quận 4,\n\n"
        "| Quận 4, ngày 31 tháng 10 năm 2006 |\nCăn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân;\n"
    )
    assert (record.place, record.issue_date) == ("Quận 4", dt.date(2006, 10, 31))


def test_a_place_named_for_a_man_is_the_city_even_when_its_tp_wrapped_away():
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 96/2009/QĐ-UBND\nHồ Chí Minh, ngày 21 tháng 12 năm 2009\n"
    )
    assert record.place == "Thành phố Hồ Chí Minh"


def test_a_place_and_date_line_merged_after_the_left_columns_capitals_is_a_header_cell():
    # Legacy OCR reads the two columns line by line: the department's name, then the place and date, on one line of
    # thirteen words, which is no sentence of the body.
    record = extract_record(
        "UỶ BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "THÀNH PHỐ HỒ CHÍ MINH Độc lập - Tự do - Hạnh phúc\n"
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2018\n"
        "Số : 4144 /GDĐT - VP\nVề cho học sinh nghỉ học\n\nKính gửi: Ủy ban nhân dân các quận, huyện.\n"
    )
    assert (record.number, record.issue_date, record.issuer.name) == (
        "4144/GDĐT-VP",
        dt.date(2018, 11, 25),
        "Sở Giáo dục và Đào tạo",
    )


def _place_contradictions(commune: str) -> set[str]:
    """The fields flagged for a plan of the commune ``commune`` (in capitals) dated at Đông Quang."""
    record = extract_record(
        f"ỦY BAN NHÂN DÂN\nXÃ {commune}\nSố: 07 /KH-UBND\nĐông Quang, ngày 07 tháng 01 năm 2020\nKẾ HOẠCH\n"
        "Tổ chức các hoạt động mừng Đảng, mừng Xuân\n\nThực hiện kế hoạch của huyện;\n"
    )
    return {w.field for w in record.warnings if w.code == "place_contradicts_issuer"}


def test_a_place_whose_marks_disagree_with_the_issuers_unit_is_flagged():
    # Đông Quang and Đồng Quang are both communes: a place line and an issuer that differ only in marks mean one of
    # the two was misread, and nothing says which.
    assert {"place", "issuer"} <= _place_contradictions("ĐỒNG QUANG")


def test_a_place_spelt_as_the_issuers_unit_is_not_flagged():
    assert not _place_contradictions("ĐÔNG QUANG")


def test_a_place_printed_as_a_units_exact_name_keeps_it_when_the_issuer_is_unknown():
    # The issuer's last line was lost ("THÀNH PHỐ HỒ CHÍ"), and the place prints a word in small letters by a slip:
    # read by its capitalised words alone it would be the town Hồ.
    record = extract_record(
        "HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ\nSố: 22/2011/NQ-HĐND\nThành phố Hồ chí Minh, ngày 07 tháng 12 năm 2011\n"
    )
    assert record.place == "Thành phố Hồ Chí Minh"


def test_a_title_in_capitals_under_the_number_of_a_header_without_a_type_line():
    # The site dropped the type line and OCR read the left column before the right: the trích yếu follows the
    # number, then the authority line, then the motto's end and the place and date.
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM|\nSố: 05/2018/QĐ-UBND\nBAN HÀNH QUY ĐỊNH VỀ\n"
        "CÔNG TÁC THI ĐUA, KHEN\nTHƯỞNG TRÊN ĐỊA BÀN\nTỈNH THÁI BÌNH.\nỦY BAN NHÂN DÂN TỈNH\nTHÁI BÌNH\n\n"
        "Thái Bình, ngày 27 tháng 07 năm 2018 |\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
    )
    assert (record.title, record.issuer.name, record.issuer.parent) == (
        "Ban hành quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Thái Bình",
        "Ủy ban nhân dân tỉnh Thái Bình",
        None,
    )


def test_a_bodys_name_wrapped_under_the_number_is_no_title():
    record = extract_record(
        "HỘI ĐỒNG NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM\nSố: 07/NQ-HĐND\nTHƯỜNG TRỰC HỘI ĐỒNG\n"
        "NHÂN DÂN TỈNH\n\nĐắk Lắk, ngày 13 tháng 10 năm 2016\nCăn cứ Luật Tiếp công dân năm 2013;\n"
    )
    assert record.title is None


def test_a_title_of_two_sentences_goes_on_after_its_first_stop():
    # A trích yếu may be two sentences; the body begins after the second (Căn cứ …), even across OCR's blank lines.
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nXÃ THIỆU PHÚC\nSố: 12/KH-UBND\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nThiệu Phúc, ngày 12 tháng 01 năm 2020\nKẾ HOẠCH\n\n"
        "Tổ chức các hoạt động kỷ niệm 90 năm ngày thành lập Đảng cộng sản Việt Nam.\n\n"
        "Chuẩn bị công tác đón xuân Canh Tý, các ngày lễ trong quý I/2020 và chào mừng\n\n"
        "đại hội đảng bộ các cấp.\nCăn cứ vào kế hoạch số 142/KH-HU ngày 24 tháng 12 năm 2019 của huyện ủy;\n"
    )
    assert record.title == (
        "Tổ chức các hoạt động kỷ niệm 90 năm ngày thành lập Đảng cộng sản Việt Nam. Chuẩn bị công tác đón xuân "
        "Canh Tý, các ngày lễ trong quý I/2020 và chào mừng đại hội đảng bộ các cấp"
    )


def test_a_paragraph_after_a_titles_stop_stays_in_the_body():
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nXÃ THIỆU PHÚC\nSố: 12/KH-UBND\nThiệu Phúc, ngày 12 tháng 01 năm 2020\nKẾ HOẠCH\n"
        "Tổ chức các hoạt động mừng Đảng, mừng Xuân năm 2020.\n"
        "Ủy ban nhân dân xã xây dựng kế hoạch tổ chức các hoạt động như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert record.title == "Tổ chức các hoạt động mừng Đảng, mừng Xuân năm 2020"


def test_a_code_segment_cut_off_after_its_dash_is_no_issuer_line():
    # Legacy OCR garbled "Số:" and spaced the ký hiệu: "UBND" of "/KH- UBND" is the code's, not a body under the xã.
    record = extract_record(
        "ỦY BAN NHÂN DÂN : CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nXÃ THIỆU PHÚC _ Độc Lập - Tự do - Hạnh phúc\n"
        "86: /KH- UBND © Thiệu Phúc, ngày 12 tháng 01 năm 2020.\nKẾ HOẠCH\nTổ chức các hoạt động mừng Xuân\n"
    )
    assert (record.issuer.name, record.issuer.parent) == ("Ủy ban nhân dân xã Thiệu Phúc", None)


def test_a_date_going_on_with_whose_it_is_is_no_place_and_date_line():
    # An annex's "(Ban hành kèm theo Quyết định số … / Ngày 22 tháng 7 năm 2021 của Ủy ban nhân dân xã …)", merged by
    # legacy OCR after the title's capitals: the cited decision's date, not the header's.
    record = extract_record(
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ XUÂN PHÚ Độc lập - Tự do - Hạnh phúc\n"
        "QUY CHẾ LÀM Ngày 22 tháng 7 năm 2021 của Ủy ban nhân dân xã\nXuân\nVIỆC\n"
    )
    assert record.issue_date is None


def test_a_place_spelt_as_a_unit_elsewhere_is_the_issuer_s_provincial_unit_its_letters_spell():
    """``Phú Lý`` (a commune of Đồng Nai; the restorer's mark) on a Hà Nam decision is Hà Nam's capital, Phủ Lý."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 36/QĐ-UBND\nPhú Lý, ngày 10 tháng 01 năm 2010\nQUYẾT ĐỊNH\nVề việc X Y Z\n"
    )
    assert extract_record(text).place == "Phủ Lý"


@pytest.mark.parametrize(
    "place_and_date",
    ["Sơn La, ngày 11 tháng 3\nnăm 2020", "Sơn La, ngày\n11 tháng 3 năm 2020", "Sơn La, ngày 11 tháng 3 năm\n2020"],
)
def test_a_letter_s_place_and_date_line_cut_before_its_year(place_and_date: str):
    """No type line (a công văn): the header still goes on to the year the next line holds."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 15/UBND-VX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Độc lập - Tự do - Hạnh phúc\n{place_and_date}\nKính gửi: Các sở, ban, ngành.\n"
    )
    record = extract_record(text)
    assert (record.place, record.issue_date) == ("Sơn La", dt.date(2020, 3, 11))


def test_a_number_glued_to_the_issuer_s_line_is_read_and_a_blank_day_still_gives_the_place():
    record = extract_record(
        "ỦY BAN NHÂN DÂN\n\nXÃ TRƯỜNG TRUNGSố: /BC - UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập – Tự do – Hạnh phúc\n\nTrường Trung, ngày tháng 12 năm 2017\n\nBÁO CÁO\nTình hình kinh tế năm 2017\n"
    )
    assert (record.issuer.name, record.issuer.parent) == ("Ủy ban nhân dân xã Trường Trung", None)
    assert (record.place, record.issue_date) == ("Trường Trung", None)


def test_a_place_line_whose_date_ocr_could_not_read_still_gives_the_place():
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nQUẬN HOÀNG MAI\nSố: 149/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHoàng Mai, ngàyẠẠ tháng ĩ năm 2016\nKẾ HOẠCH\n"
        "Triển khai công tác an toàn thực phẩm\n"
    )
    assert (record.place, record.issue_date) == ("Hoàng Mai", None)


def test_a_day_glued_to_ngay_keeps_both_digits_and_a_glued_viet_nam_stays_out_of_the_issuer():
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG QUỲNH XUÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆTNAM\nĐộc lập – Tự do – Hạnh phúc\n"
        "Số: 26/KH-UBND              Quỳnh Xuân, ngày15 tháng 03 năm 2023\nKẾ HOẠCH\nTổ chức lễ hội năm 2023\n"
    )
    assert record.issue_date == dt.date(2023, 3, 15)
    assert record.issuer.name == "Ủy ban nhân dân phường Quỳnh Xuân"


def test_the_v_v_line_above_the_place_line_lends_it_no_words():
    record = extract_record(
        "VĂN PHÒNG CHÍNH PHỦ\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n\n"
        "Số: 2541/VPCP-QHQT\nV/v chương trình phát triển công nghiệp hỗ trợ Việt Nam.\n\n"
        "Hà Nội, ngày 20 tháng 04 năm 2009\n\nKính gửi: Bộ Công Thương\n"
    )
    assert (record.place, record.title) == ("Hà Nội", "V/v chương trình phát triển công nghiệp hỗ trợ Việt Nam")


def test_a_body_s_code_after_its_own_is_no_type():
    """``0674/PTM-PC``: PC is a unit of the chamber, not a Phiếu chuyển; a letter with no type line is a Công văn."""
    record = extract_record(
        "PHÒNG THƯƠNG MẠI VÀ CÔNG NGHIỆP VIỆT NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 0674/PTM-PC\nHà Nội, ngày 25 tháng 03 năm 2011\nV/v: góp ý dự thảo\n"
    )
    assert record.doc_type == "Công văn"


def test_columns_read_apart_put_a_blank_day_place_line_back_in_the_header_and_a_wrapped_code_is_no_body():
    """OCR of a scan: ``XÃ TRƯỜNG TRUNG§Số: /BC`` / ``UBND`` (the code's end), the type line before the motto."""
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nXÃ TRƯỜNG TRUNG§Số: /BC\nUBND\nBÁO CÁO TÓM TẮT\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nTrường Trung, ngày tháng 12 năm 2017\n\nTình hình kinh tế - xã hội năm 2017.\n\n"
        "PHẦNI\n\nĐÁNH GIÁ TÌNH HÌNH\n"
    )
    assert (record.issuer.name, record.issuer.parent, record.place) == (
        "Ủy ban nhân dân xã Trường Trung",
        None,
        "Trường Trung",
    )
    assert record.title == "Tình hình kinh tế - xã hội năm 2017"


def test_a_subject_s_wrapped_end_is_no_part_of_the_place_but_a_wrapped_place_is():
    subject = extract_record(
        "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 414/ĐCKS-ĐC\nV/v phối hợp điều tra khoáng sản vùng Tây\nBắc”\nHà Nội, ngày 24 tháng 02 năm 2021\n"
    )
    wrapped = extract_record(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 120/2003/QĐ-UB\n"
        "TP Hồ Chí\nMinh, ngày 17 tháng 7 năm 2003\n"
    )
    assert (subject.place, wrapped.place) == ("Hà Nội", "Thành phố Hồ Chí Minh")


def test_a_subject_run_onto_the_place_s_line_leaves_the_place_its_own_name():
    """A site that lost the line breaks: ``V/v: … Khu CNC Hoà Lạc Hà Nội, ngày …``."""
    record = extract_record(
        "BỘ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc Số: 1648/BXD-KTQH "
        "V/v: sáp nhập KCN Bắc Phú Cát vào Khu CNC Hoà Lạc Hà Nội, ngày 10 tháng 08 năm 2009 "
        "Kính gửi: Văn phòng Chính phủ"
    )
    assert record.place == "Hà Nội"
    assert record.title == "V/v: sáp nhập KCN Bắc Phú Cát vào Khu CNC Hoà Lạc"


def test_a_bare_v_v_whose_words_come_after_the_motto_cells():
    text = (
        "BỘ LAO ĐỘNG\nTHƯƠNG BINH VÀ XÃ HỘI\nSố: 2652/LĐTBXH-KHTC\nV/v:\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Xây dựng kế hoạch phát triển lĩnh vực lao động, người có công và xã hội năm\n2020\n\n"
        "Hà Nội, ngày 03\n\ntháng 7 năm 2019\n\nKính gửi: Giám đốc Sở Lao động - Thương binh và Xã hội\n"
    )
    record = extract_record(text)
    assert record.issue_date == dt.date(2019, 7, 3)
    assert record.title is not None and record.title.startswith("V/v: Xây dựng kế hoạch")
    assert record.title.endswith("năm 2020")


def test_the_state_bank_printed_without_its_viet_nam_is_named_in_full():
    text = (
        "NGÂN\nHÀNG NHÀ NƯỚC |\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 01/CT-NHNN |\n"
        "Hà Nội, ngày 01 tháng 3 năm 2011 |\nThực hiện Nghị quyết số 11/NQ-CP ngày 24 tháng 02 năm 2011 của Chính phủ\n"
    )
    issuer = extract_record(text).issuer
    assert issuer.name == "Ngân hàng Nhà nước Việt Nam" and issuer.level == "central"


def test_an_archive_heading_wrapped_after_who_issued_it_with_a_year_in_the_number():
    text = (
        "CHỈ THỊ\nCỦA THỦ\nTƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTG\n"
        "NGÀY 21 THÁNG 6 NĂM 2001 VỀ VIỆC XÂY DỰNG KẾ HOẠCH\nPHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2002\n"
        "Thực hiện Nghị quyết\ncủa Quốc hội về nhiệm vụ và dự toán ngân sách nhà nước năm 2001, Chính phủ đã\n"
    )
    record = extract_record(text)
    assert record.number == "16/2001/CT-TTg"
    assert record.issue_date == dt.date(2001, 6, 21)
    assert record.issuer.name == "Thủ tướng Chính phủ"


def test_a_v_v_line_under_a_header_without_number_or_type_line_makes_a_cong_van():
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ\n------------------\n"
        "V/v: huyện Bác Ái, tỉnh Ninh Thuận hưởng cơ chế, chính sách như đối với các tỉnh Tây Nguyên\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n-------------------------\n"
        "Hà Nội, ngày 24 tháng 06 năm 2011\n\nKính gửi:\n- Ban Chỉ đạo Tây Nguyên;\n"
    )
    record = extract_record(text)
    assert record.doc_type == "Công văn"
    assert any(w.code == "inferred_doc_type" for w in record.warnings)


def test_a_place_and_date_read_late_and_wrapped_before_its_year_joins_the_header():
    # A ministry's page through OCR: the motto's cell, run on with the place, comes after the preamble's first
    # paragraph, and the date's year went to a line of its own.
    record = extract_record(
        "Bộ Nội vụ Số: 251/QĐ-BNV |\n\nQuyết định\n\nBAN HÀNH KẾ HOẠCH\nTHÔNG TIN, TUYÊN\nTRUYỀN CẢI CÁCH HÀNH\n"
        "CHÍNH NĂM 2022\nBỘ TRƯỞNG BỘ NỘI VỤ\n\nXét đề nghị của Vụ trưởng Vụ\nCải cách hành chính.\n\n"
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc\nlập - Tự do - Hạnh phúc Hà Nội, ngày 29 tháng 03\nnăm 2022 |\n"
        "Căn cứ Nghị định số 34/2017/NĐ-CP ngày 03 tháng 4\nnăm 2017 của Chính phủ quy định chức năng, nhiệm\n"
    )
    assert (record.issue_date, record.place) == (dt.date(2022, 3, 29), "Hà Nội")


def test_a_letters_place_and_date_read_after_its_recipients_without_a_comma_join_the_header():
    record = extract_record(
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\nTHANH TRA\nSố: 248/TTr\nV/v: Hướng dẫn thanh tra thi\ntốt nghiệp THPT năm 2010\n"
        "Kính gửi:\n- Các sở giáo dục và đào tạo;\n- Cục Nhà trường- Bộ Quốc phòng;\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội ngày 30 tháng 3 năm 2010\n\n"
        "- Các Trưởng đoàn thanh tra thi tốt nghiệp THPT.\n\nThực hiện Chỉ thị số 4899/CT-BGDĐT ngày 04/8/2009 của Bộ "
        "trưởng Bộ Giáo dục và Đào tạo về nhiệm vụ năm học 2009-2010,\n"
    )
    assert (record.issue_date, record.place) == (dt.date(2010, 3, 30), "Hà Nội")
    assert record.doc_type == "Công văn"  # "248/TTr" is the Thanh tra's code over a V/v line, no Tờ trình


def test_a_type_code_over_its_issuers_code_still_names_the_type_under_a_subject_line():
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH\nSố: 12/TTr-UBND\nV/v đề nghị phê duyệt dự toán\n"
        "Thái Bình, ngày 30 tháng 09 năm 2013\nKính gửi: Hội đồng nhân dân tỉnh\n"
    )
    assert record.doc_type == "Tờ trình"


def test_a_tax_offices_letter_whose_code_opens_with_ct_is_a_letter_not_a_directive():
    text = (
        "TỔNG CỤC THUẾ\nCỤC THUẾ TP. HỒ CHÍ MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 5068/CT-TTHT\nV/v: thanh toán qua ngân hàng\nTP. Hồ Chí Minh, ngày 3 tháng 7 năm 2012\nKính gửi: Công ty\n"
    )
    assert extract_record(text).doc_type == "Công văn"


def test_a_subjects_wrapped_line_opening_de_an_is_no_preamble():
    text = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HẬU GIANG Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 994/UBND-KGVX Hậu Giang, ngày 19 tháng 6 năm 2017\n\nV/v đề xuất kinh phí thực hiện\n\n"
        "Đề án phát triển Khoa học và Công nghệ tỉnh Hậu Giang\n\nKính gửi: Sở Khoa học và Công nghệ\n"
    )
    assert extract_record(text).title == (
        "V/v đề xuất kinh phí thực hiện Đề án phát triển Khoa học và Công nghệ tỉnh Hậu Giang"
    )


def test_an_older_codes_dot_after_a_space_joins_its_segments():
    text = "UỶ BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 29/1998/QĐ .UB\nLào Cai, ngày 23 tháng 02 năm 1998\nQUYẾT ĐỊNH\n"
    assert extract_record(text).number == "29/1998/QĐ.UB"


def test_a_place_printed_by_a_units_other_name_keeps_it():
    text = (
        "BẢO HIỂM XÃ HỘI VIỆT NAM\nSố: 3606/BHXH-CSXH\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
        "Hạnh phúc\n"
        "Thành phố Huế, ngày 22 tháng 10 năm 2008\n\nKính gửi: - Bảo hiểm xã hội tỉnh, thành phố trực thuộc "
        "Trung ương;\n"
    )
    record = extract_record(text)
    assert record.place == "Thành phố Huế"
    assert not [w for w in record.warnings if w.field == "place"]  # Huế is a name of Thừa Thiên Huế's, no unknown


def test_an_archive_heading_under_the_type_line_gives_number_and_date():
    text = (
        "THÔNG TƯ\n\nCỦA BỘ GIÁO DỤC SỐ 36/GD-TT NGÀY 29-12-1976 HƯỚNG DẪN\nXẾP LƯƠNG CHO GIÁO VIÊN PHỔ "
        "THÔNG, CÔNG NHÂN,\n"
        "VIÊN CHỨC MỚI GIẢI PHÓNG ĐƯỢC TUYỂN DỤNG CHÍNH THỨC\n\nThi hành Quyết định số 87-TTg-B ngày 20-8-1976 của Thủ "
        "tướng Chính phủ,\n"
    )
    record = extract_record(text)
    assert (record.number, record.issue_date) == ("36/GD-TT", dt.date(1976, 12, 29))
    assert record.title is not None and record.title.startswith("Hướng dẫn xếp lương")


def test_an_archive_heading_dates_the_document_before_a_date_in_its_body():
    text = (
        "THÔNG TƯ\nCỦA BỘ LAO ĐỘNG SỐ 15-LĐ/TT NGÀY 10 THÁNG 8 NĂM 1961\nHƯỚNG DẪN VIỆC XÂY DỰNG KẾ HOẠCH BỔ "
        "SUNG NHÂN CÔNG\n"
        "BỘ TRƯỞNG BỘ LAO ĐỘNG\nKính gửi: Các Bộ, các ngành ở Trung ương,\n"
        "Nền kinh tế ở miền Bắc phát triển có kế hoạch và cân đối.\nVì vậy, ngày 7-1-1961\nThủ tướng Chính "
        "phủ có ra Chỉ thị.\n"
    )
    record = extract_record(text)
    assert (record.number, record.issue_date, record.place) == ("15-LĐ/TT", dt.date(1961, 8, 10), None)


def test_an_archive_headings_typographic_dash_is_the_codes_hyphen():
    text = (
        "QUYẾT ĐỊNH\nCỦA HỘI ĐỒNG BỘ TRƯỞNG SỐ 73 – HĐBT NGÀY 17-9-1981 VỀ VIỆC PHÂN VẠCH ĐỊA GIỚI MỘT SỐ XÃ THUỘC "
        "TỈNH BÌNH TRỊ THIÊN\nHỘI ĐỒNG BỘ TRƯỞNG\nCăn cứ điều 107 Hiến pháp;\n"
    )
    record = extract_record(text)
    assert (record.number, record.issuer.name) == ("73-HĐBT", "Hội đồng Bộ trưởng")


def test_a_type_code_ocr_misread_is_set_right_by_the_type_line_and_flagged():
    text = (
        "BỘ Y TẾ\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 07-BYT/FT\n\n"
        "Hà Nội, ngày 30 tháng 4 năm 1994\n\nTHÔNG TƯ\n\nHướng dẫn việc thực hiện Pháp lệnh hành nghề y, "
        "dược tư nhân\n\n"
        "Căn cứ Pháp lệnh hành nghề y, dược tư nhân, Bộ Y tế hướng dẫn:\n"
    )
    record = extract_record(text)
    assert record.number == "07-BYT/TT"
    assert [w.code for w in record.warnings if w.field == "number"] == ["number_misread"]


@pytest.mark.parametrize(
    "number",
    ["30/2017/TT1-BCA", "13/2009/NQ-HĐND?"],
)
def test_a_number_with_a_character_ocr_could_not_read_is_flagged(number):
    text = (
        f"HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nThủ Dầu Một, ngày 07 tháng 4 năm 2009\n\nNGHỊ QUYẾT\n"
        "VỀ MỨC KINH PHÍ THỰC HIỆN CUỘC VẬN ĐỘNG\n\nCăn cứ Luật Tổ chức Hội đồng nhân dân;\n"
    )
    record = extract_record(text)
    assert "number_misread" in [w.code for w in record.warnings if w.field == "number"]


@pytest.mark.parametrize(
    ("number", "doc_type", "expected"),
    [
        ("07-BYT/FT", "Thông tư", "07-BYT/TT"),
        ("5/KT-UBND", "Kế hoạch", "5/KH-UBND"),
        ("227-NGĐ", "Nghị định", "227-NGĐ"),  # an older code: its segment is the body's (Ngân hàng), no type's
        ("1963-TP/TT", "Thông tư", "1963-TP/TT"),
        ("16-NT", "Thông tư", "16-NT"),
        ("123/KH-KT", "Kế hoạch", "123/KH-KT"),
    ],
)
def test_only_a_type_codes_own_place_is_set_right_by_the_type_line(number, doc_type, expected):
    from khplan.extractors.header import type_segment_repaired

    assert type_segment_repaired(number, doc_type) == expected


@pytest.mark.parametrize(
    ("place_line", "place", "inferred"),
    [
        ("Tàu, ngày 08 tháng 01 năm 2023\nBà Rịa - Vũng", "Bà Rịa - Vũng Tàu", True),  # OCR read the columns apart
        ("Vũng Tàu, ngày 08 tháng 01 năm 2023", "Vũng Tàu", False),  # the province's city, a unit of its own
        ("Bà Rịa - Vũng Tàu, ngày 08 tháng 01 năm 2023", "Bà Rịa - Vũng Tàu", False),
    ],
)
def test_a_place_line_holding_only_the_end_of_the_issuers_name_is_that_name(place_line, place, inferred):
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU\nSố: 08/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Độc lập - Tự do - Hạnh phúc\n{place_line}\nKẾ HOẠCH\nTriển khai công tác truyền thông\n"
        "Thực hiện Kế hoạch số 1.\n"
    )
    record = extract_record(text)
    assert record.place == place
    assert any(w.field == "place" and w.code == "inferred" for w in record.warnings) is inferred


def test_a_place_that_is_a_provinces_own_name_is_not_read_as_wrapped():
    text = (  # Huế, a province of its own since 2025, ends the name of the former Thừa Thiên Huế
        "|\nỦY BAN NHÂN DÂN\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\n|\nSố: 18/CT-UBND |\n"
        "Huế, ngày 29 tháng 12 năm 2025 |\nCHỈ THỊ\nTĂNG CƯỜNG KỶ CƯƠNG, KỶ LUẬT HÀNH CHÍNH TRÊN ĐỊA BÀN THÀNH PHỐ\n"
        "Thành phố Huế chính thức trở thành thành phố trực thuộc Trung ương từ ngày 01/01/2025.\n"
    )
    assert extract_record(text).place == "Huế"


def test_a_page_a_site_glued_together_gives_the_header_its_own_date_and_number():
    record = extract_record(  # development document 1828: no line breaks, no spaces between the parts
        "BỘ CÔNG THƯƠNGSố: 12 /2008/QĐ-BCTCỘNG HOÀ Xà HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc Hà Nội, "
        "ngày 17 tháng 6 năm 2008QUYẾT ĐỊNH Về việc ban hành Quy chuẩn kỹ thuật quốc gia về an toàn "
        "điệnBỘ TRƯỞNG BỘ CÔNG THƯƠNGCăn cứ Nghị định số 189/2007/NĐ-CP ngày 31 tháng 12 năm 2007 của Chính phủ;\n"
    )
    assert (record.number, record.issue_date) == ("12/2008/QĐ-BCT", dt.date(2008, 6, 17))


def test_a_type_line_a_site_glued_to_the_dates_year_is_the_type_line():
    record = extract_record(  # development document 1320: "… năm 1996CHỈ THỊ"
        "ỦY BAN NHÂN DÂN\n\nTỈNH VĨNH LONG\n\n----------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập - Tự do - Hạnh phúc.\n\nSố : 10/CT.UBT\nTX. Vĩnh Long, ngày 30 tháng 7 năm 1996CHỈ THỊ\n\n\n"
        "Tăng cường chỉ đạo tổ chức thực hiện công tác chống\n\nmù chữ và phổ cập giáo dục tiểu học\n"
        "Thực hiện Nghị quyết hội nghị lần thứ 4 của ban chấp hành Trung ương Đảng khoá VII.\n"
    )
    assert (record.doc_type, record.issue_date, record.issuer.name) == (
        "Chỉ thị",
        dt.date(1996, 7, 30),
        "Ủy ban nhân dân tỉnh Vĩnh Long",
    )


def test_a_cited_documents_date_is_not_the_letters_date():
    record = extract_record(  # development document 851, a poor scan's legacy OCR: its own date past reading
        "VĂN PHÒNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMB6c lập - Tự do - Hạnh phúc\n\n~ $6: 749/VPCP-NN\n"
        "V/v đầu tư củng cố hệ thống đê vùng chậm lũ Nho Quan, Gia Viễn, tỉnh Ninh Bình và\n"
        "huyện Thạch Thành, tỉnh Thanh Hóa\n\nHà Nội, ngày Ọt tháng 0 02 năm để\n: Kính đất :\n"
        "BS Kế hoạch và Đầu tư; -\nVăn phòng Chính phủ đề nghị theo tinh thần chỉ đạo của Thủ tướng Chính phủ "
        "tại công văn số 463/VPCP-NN ngày 18 tháng 01 năm 2008 của Văn phòng Chính phủ.\n"
    )
    assert record.issue_date is None
