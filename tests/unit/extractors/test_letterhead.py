"""The header block read as one: cells found whatever the wrapping, the column order, or the separators."""

from __future__ import annotations

import datetime as dt

import pytest

from khplan.extractors import extract_record
from khplan.extractors.letterhead import (
    Stream,
    cut_pieces,
    find_date,
    find_mottos,
    find_number,
    is_mark,
    motto_fragment,
)
from khplan.extractors.matching import fold_key


def _pieces(text: str):
    return cut_pieces(0, text, fold_key(text))


def test_a_table_row_is_cut_at_its_bars():
    assert [p.text for p in _pieces("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |")] == [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]


def test_cells_apart_only_by_a_run_of_spaces_are_cut():
    pieces = _pieces("UBND HUYỆN THANH CHƯƠNG           CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert [p.text for p in pieces] == ["UBND HUYỆN THANH CHƯƠNG", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert pieces[1].start == 34


def test_a_motto_wrapped_inside_a_word_is_found_in_the_stream():
    stream = Stream(_pieces("CỘNG") + _pieces("HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert [c.kind for c in find_mottos(stream.folded)] == ["national"]


def test_the_party_line_stands_for_the_motto():
    assert [c.kind for c in find_mottos(fold_key("ĐẢNG CỘNG SẢN VIỆT NAM"))] == ["party"]


def test_a_motto_fragment_and_a_mark_name_no_body():
    assert motto_fragment(fold_key("HÒA XÃ HỘI"))
    assert not motto_fragment(fold_key("TỈNH HÒA BÌNH"))
    assert is_mark(fold_key("KHẨN")) and is_mark(fold_key("Trang 1"))


def test_place_wrapped_inside_its_name():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nSố: 22/KH-UBND\nSơn\n"
        "La, ngày 21\ntháng 01 năm 2024\nKẾ HOẠCH\nThực hiện\n"
    )
    record = extract_record(text)
    assert (record.place, record.issue_date) == ("Sơn La", dt.date(2024, 1, 21))
    assert (record.issuer.name, record.issuer.province) == ("Ủy ban nhân dân tỉnh Sơn La", "Sơn La")


def test_number_wrapped_after_so():
    assert extract_record("ỦY BAN NHÂN DÂN\nTỈNH TIỀN GIANG\nSố:\n15/2023/QĐ-UBND\n").number == "15/2023/QĐ-UBND"


def test_number_wrapped_before_its_code():
    assert extract_record("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 5872\n/KH-UBND\n").number == "5872/KH-UBND"


def test_a_number_whose_slash_ocr_lost_before_its_code_gets_it_back():
    assert extract_record("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 71KH-UBND\n").number == "71/KH-UBND"


@pytest.mark.parametrize(
    ("printed", "number"),
    [("Số: 23 NQ/HĐND10", "23NQ/HĐND10"), ("Số: 4155QĐ/ BTP", "4155QĐ/BTP"), ("Số: 957 QĐ/UB", "957QĐ/UB")],
)
def test_an_older_number_with_the_type_apart_and_a_slash_after_it_is_read_as_printed(printed: str, number: str):
    assert (
        extract_record(f"HĐND THÀNH PHỐ HẢI PHÒNG\n{printed}\nHải Phòng, ngày 23 tháng 10 năm 1992\n").number == number
    )


def test_cells_run_together_on_one_line():
    text = (
        "UBND TỈNH BẮC GIANG Số: 172/2015/QĐ-UBND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Bắc Giang, ngày 05 tháng 5 năm 2015\n"
        "QUYẾT ĐỊNH\nBan hành Quy định về công tác thi đua\n"
    )
    record = extract_record(text)
    assert (record.number, record.place, record.issue_date) == ("172/2015/QĐ-UBND", "Bắc Giang", dt.date(2015, 5, 5))
    assert (record.issuer.name, record.issuer.level) == ("Ủy ban nhân dân tỉnh Bắc Giang", "province")


def test_number_printed_before_the_motto():
    text = (
        "BỘ NỘI VỤ\nSố: 05/2007/QĐ-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 17 tháng 04 năm 2007\nQUYẾT ĐỊNH\n"
    )
    record = extract_record(text)
    assert (record.number, record.issuer.name, record.issuer.level) == ("05/2007/QĐ-BNV", "Bộ Nội vụ", "central")


def test_a_blank_number_is_no_number_but_its_code_still_types_the_document():
    record = extract_record("ỦY BAN NHÂN DÂN\nXÃ DÂN LỰC\nSố:        /KH-UBND\nDân Lực, ngày 18 tháng 02 năm 2021\n")
    assert record.number is None
    assert record.doc_type == "Kế hoạch"


def test_a_cong_van_subject_under_its_number_is_its_title():
    text = (
        "UBND THÀNH PHỐ HÀ NỘI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 2928/SGDĐT-KHTC\nV/v hướng dẫn tăng cường công tác quản lý thu chi\nnăm học 2022-2023\n"
        "Hà Nội, ngày 21 tháng 9 năm 2022\nKính gửi: các cơ sở giáo dục\n"
    )
    record = extract_record(text)
    assert record.title == "V/v hướng dẫn tăng cường công tác quản lý thu chi năm học 2022-2023"
    assert (record.doc_type, record.issue_date) == ("Công văn", dt.date(2022, 9, 21))
    assert (record.issuer.name, record.issuer.parent, record.issuer.level) == (
        "Sở Giáo dục và Đào tạo",
        "Ủy ban nhân dân thành phố Hà Nội",
        "department",
    )


def test_an_annexs_cited_decision_gives_neither_its_number_nor_its_date():
    # An annex (Quy chế, Quy định) prints no number of its own: the "(Ban hành kèm theo Quyết định số … ngày … của …)"
    # line, which OCR may leave inside the header block, cites the decision it came with.
    stream = Stream(
        _pieces("ỦY BAN NHÂN DÂN")
        + _pieces("XÃ XUÂN PHÚ")
        + _pieces("(Ban hành kèm theo Quyết định số:")
        + _pieces("59/QĐ-UBND")
        + _pieces("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        + _pieces("Ngày 22 tháng 7 năm 2021 của Ủy ban nhân dân xã")
    )
    cells = find_mottos(stream.folded)
    assert find_number(stream, cells) is None
    assert find_date(stream, cells) is None


def test_a_type_in_capitals_before_the_number_does_not_make_it_cited():
    stream = Stream(_pieces("UBND TỈNH BẮC NINH QUYẾT ĐỊNH Số: 12/QĐ-UBND"))
    found = find_number(stream, [])
    assert found is not None and found.number == "12/QĐ-UBND"


def test_a_type_a_site_ran_before_its_own_number_does_not_make_it_cited():
    stream = Stream(_pieces("Công văn Số: 1357/BVHTTDL-VHCS ngày 17 tháng 4 năm 2013"))
    found = find_number(stream, [])
    assert found is not None and found.number == "1357/BVHTTDL-VHCS"


def test_a_place_whose_last_word_ocr_read_in_capitals_is_still_the_place():
    stream = Stream(_pieces("VỀ CHUYỂN ĐỔI SỐ Hà NỘI, ngày 15 tháng 3 năm 2022"))
    found = find_date(stream, [])
    assert found is not None and found.place is not None
    assert stream.text[found.place.start : found.place.end] == "Hà NỘI"


def test_a_body_name_opening_ve_before_a_place_and_date_is_no_subject():
    # Legacy OCR merged the issuer's last line (ỦY BAN QUỐC GIA / VỀ CHUYỂN ĐỔI SỐ) with the place and date: the
    # capitals are the body's name, not a công văn's "Về …" trích yếu.
    record = extract_record(
        "ỦY CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nBAN QUỐC GIA Độc lập - Tự do - Hạnh phúc\n"
        "VỀ CHUYỂN ĐỔI SỐ Hà NỘI, ngày 15 tháng 3 năm 2022\nSố: 27/QĐ-UBQGCĐS\nQUYẾT ĐỊNH\n"
        "BAN HÀNH KẾ HOẠCH HOẠT ĐỘNG NĂM 2022\n\nCăn cứ Nghị quyết số 17/NQ-CP ngày 07 tháng 3 năm 2019;\n"
    )
    assert (record.issuer.name, record.place) == ("Ủy ban Quốc gia về chuyển đổi số", "Hà Nội")


def test_a_dash_ocr_doubled_inside_the_code_still_joins_its_segments():
    stream = Stream(_pieces("Số: 717/QĐ- -UBND Kiên Giang, ngày 10 tháng 04 năm 2015"))
    found = find_number(stream, [])
    assert found is not None and found.number == "717/QĐ-UBND"


def test_a_blank_number_whose_slash_ocr_dropped_is_still_a_blank_number():
    # "Số:      /KH-UBND" read as "Số: KH-UBND": the ký hiệu is the number's, not a line of the issuer's name.
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nXÃ DÂN LỰC\nSố: KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Dân Lực, ngày 18 tháng 02 năm 2021\nKẾ HOẠCH\nThông tin, tuyên truyền cuộc bầu cử\n"
    )
    assert (record.number, record.issuer.name) == (None, "Ủy ban nhân dân xã Dân Lực")


def test_a_sites_heading_naming_the_document_keeps_its_number_and_date():
    # Without a "kèm theo" the heading a site prints ("Kế hoạch số … ngày … của …") names the document itself.
    stream = Stream(_pieces("Kế hoạch số: 12/KH-UBND ngày 03 tháng 4 năm 2020 của Ủy ban nhân dân tỉnh Sơn La"))
    number, date = find_number(stream, []), find_date(stream, [])
    assert number is not None and number.number == "12/KH-UBND"
    assert date is not None and date.date.date.isoformat() == "2020-04-03"


def test_a_slogan_whose_alignment_takes_the_last_word_of_the_national_motto_is_still_found():
    folded = fold_key("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập- Tự do- Hạnh phúc Hà Nội, ngày 12 tháng 11 năm 2019")
    cells = {cell.kind: folded[cell.start : cell.end] for cell in find_mottos(folded)}
    assert cells == {"national": "cong hoa xa hoi chu nghia viet nam", "slogan": "doc lap- tu do- hanh phuc"}


def test_the_place_after_a_slogan_printed_without_spaces_before_its_dashes():
    text = (
        "HỘI NÔNG DÂN VIỆT NAM\nBAN CHẤP HÀNH TRUNG ƯƠNG\nSố 1126- CV/HNDTW\nV/v tổ chức tuyên dương\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập- Tự do- Hạnh phúc\nHà Nội, ngày 12 tháng 11 năm 2019\n"
    )
    assert extract_record(text).place == "Hà Nội"  # not "Hạnh phúc Hà Nội"


def test_a_speck_after_ngay_keeps_the_date():
    record = extract_record("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 49/KH-UBND\nGia Lai, ngày.10 tháng 9 năm 2018\n")
    assert record.issue_date == dt.date(2018, 9, 10) and record.place == "Gia Lai"


def test_a_year_wrapped_onto_a_line_ocr_read_elsewhere_completes_the_date():
    text = (  # the right column's last word, "2019", was read under the number
        "ĐỒNG NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 14NQ-HĐND\n2019\n\nHỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nYên Bái, ngày 21 tháng 6 năm\n\nNGHỊ QUYẾT\nVỀ CHƯƠNG TRÌNH PHÁT TRIỂN NHÀ Ở\n"
    )
    record = extract_record(text)
    assert record.issue_date == dt.date(2019, 6, 21) and record.place == "Yên Bái"
    assert any(w.field == "issue_date" for w in record.warnings)  # read through damage: flagged


def test_the_national_motto_split_by_a_line_of_the_left_cell_is_found_in_two_halves():
    # Legacy OCR merged the columns line by line: "ỦY BAN NHÂN" / "DÂN" wrapped in the left cell, the quốc hiệu on two
    # lines of the right one, the date between.
    from khplan.extractors import extract_record

    record = extract_record(
        "ỦY BAN NHÂN CỘNG HÒA XÃ HỘI\nDÂN | Bắc Giang, ngày 30 tháng 3 năm 2017 |\nCHỦ NGHĨA VIỆT NAM |\n"
        "Số: 503/QĐ-UBND |\nVỀ VIỆC PHÊ DUYỆT KIẾN TRÚC CHÍNH QUYỀN ĐIỆN TỬ TỈNH BẮC GIANG\n"
        "CHỦ TỊCH ỦY BAN NHÂN\nDÂN TỈNH BẮC GIANG\n\nCăn cứ Luật tổ chức chính quyền địa phương ngày 16/6/2015;\n"
    )
    assert (record.issuer.name, record.issuer.province) == ("Ủy ban nhân dân tỉnh Bắc Giang", "Bắc Giang")


def test_a_subject_ends_before_the_issuers_last_words_read_on_its_line():
    # "BẢO HIỂM XÃ HỘI" / "VIỆT NAM" wrapped in the left cell; OCR read "VIỆT NAM" after the V/v line.
    from khplan.extractors import extract_record

    record = extract_record(
        "BẢO HIỂM XÃ HỘI\nSố: 2618/BHXH-KHTC\nV/v chỉ tiêu báo cáo thống kê\n\n"
        "VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 28 tháng 06 năm 2010\n\n"
        "Kính gửi: Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương\n"
    )
    assert record.title == "V/v chỉ tiêu báo cáo thống kê"
    cited = extract_record(
        "BỘ TÀI CHÍNH\nSố: 12568/BTC-CĐKT\nV/v: Giải thích nội dung Thông\ntư số\n200/2014/TT-BTC\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 09 tháng 09 năm 2015\n"
    )
    assert (
        cited.title == "V/v: Giải thích nội dung Thông tư số 200/2014/TT-BTC"
    )  # a ký hiệu in capitals is the subject's


def test_a_sites_summary_header_above_the_documents_own_gives_way_to_its_number():
    text = (
        "HỘI ĐỒNG BỘ TRƯỞNG\nSố: 211/CT\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 23 tháng 8 năm 1986\n\n"
        "CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG\n_____\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 211-CT\n\n"
        "Hà Nội, ngày 23 tháng 8 năm 1986\n\nCHỈ THỊ\nVề việc thanh tra\n"
    )
    assert extract_record(text).number == "211-CT"


def test_the_former_national_motto_cut_by_a_wrap_is_still_a_motto():
    from khplan.extractors.letterhead import motto_fragment

    assert motto_fragment("nam dan chu cong hoa")
    assert not motto_fragment("dan")  # "ỦY BAN NHÂN" / "DÂN": the end of a wrapped committee's name
    assert not motto_fragment("dang dan chu viet nam")  # Đảng Dân chủ Việt Nam, an issuer
