"""Documents a portal published without their header: a headline stands in for it, the body names the issuer."""

from __future__ import annotations

from khplan.extractors import extract_record


def test_a_headline_with_number_date_and_issuer_gives_them_all():
    record = extract_record(
        "Công văn số 175-CV/TU ngày 25/01/2007 của Thành ủy TPHCM về việc tổ chức kỷ niệm 77 năm ngày thành lập Đảng\n"
        "\nThực hiện chỉ đạo của Ban Bí thư Trung ương Đảng, Ban Thường vụ Thành ủy yêu cầu:\n"
    )
    assert (record.doc_type, record.number, str(record.issue_date)) == ("Công văn", "175-CV/TU", "2007-01-25")
    assert record.title == "Về việc tổ chức kỷ niệm 77 năm ngày thành lập Đảng"
    assert (record.issuer.name, record.issuer.level) == ("Thành ủy Thành phố Hồ Chí Minh", "province")
    assert "weak_issuer_evidence" in {w.code for w in record.warnings}


def test_a_headline_is_one_line_and_the_issuer_is_the_body_that_announces():
    """The body's first sentence names who announces, with its council term, which is no part of the name."""
    record = extract_record(
        "Thông báo lịch tiếp công dân của Chủ tịch HĐND huyện Ngân Sơn khóa XIX, nhiệm kỳ 2016-2021\n\n"
        "Chủ tịch HĐND huyện huyện Ngân Sơn khóa XIX, nhiệm kỳ 2016-2021 thông báo lịch tiếp công dân như sau:\n"
        "1. Thời gian:\n"
    )
    assert record.doc_type == "Thông báo"
    assert record.title == "Lịch tiếp công dân của Chủ tịch HĐND huyện Ngân Sơn khóa XIX, nhiệm kỳ 2016-2021"
    assert (record.issuer.name, record.issuer.level, record.issuer.province) == (
        "Hội đồng nhân dân huyện Ngân Sơn",
        "district",
        "Bắc Kạn",
    )


def test_a_caption_over_a_full_header_is_no_headline():
    record = extract_record(
        "Thông báo kết quả tuyển dụng viên chức năm 2023\n"
        "ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/TB-UBND\nNam Định, ngày 10 tháng 5 năm 2023\nTHÔNG BÁO\nKết quả tuyển dụng viên chức năm 2023\n"
        "Căn cứ Luật Viên chức;\n"
    )
    assert (record.number, record.issuer.name) == ("12/TB-UBND", "Ủy ban nhân dân tỉnh Nam Định")


def test_the_announcing_body_may_come_after_four_lines_of_preamble():
    record = extract_record(
        "Thông báo ngày bầu cử Trưởng ấp nhiệm kỳ VII (2015-2018)\n\n"
        + "".join(
            f"Căn cứ Quyết định số {n}/QĐ-UBND ngày 02 tháng 11 năm 2015 của Ủy ban nhân dân huyện;\n"
            for n in (1, 2, 3, 4)
        )
        + "Ủy ban nhân dân xã Mỹ Thạnh thông báo chính thức ngày bầu cử Trưởng ấp là ngày 27 tháng 12 năm 2015; "
        "Ủy ban nhân dân tỉnh Bến Tre chỉ đạo.\n"
    )
    assert (record.issuer.name, record.issuer.level, record.issuer.province) == (
        "Ủy ban nhân dân xã Mỹ Thạnh",
        "commune",
        "Bến Tre",
    )


def test_a_committee_named_by_its_kind_alone_takes_the_one_unit_of_that_kind_the_text_names():
    record = extract_record(
        "KẾ HOẠCH\nRà soát hộ nghèo năm 2021\ntrên địa bàn huyện U Minh Thượng\n\n"
        "Thực hiện Kế hoạch số 164/KH-UBND ngày 29/8/2021 của UBND tỉnh Kiên Giang.\n"
        "Ủy ban nhân dân huyện Xây dựng Kế hoạch rà soát hộ nghèo năm 2021, như sau:\n"
    )
    assert (record.issuer.name, record.issuer.province) == ("Ủy ban nhân dân huyện U Minh Thượng", "Kiên Giang")


def test_the_type_line_s_cua_clause_names_the_issuer_where_the_header_was_dropped():
    record = extract_record(
        "NGHỊ QUYẾT.\n\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ TRƯỜNG XUÂN\n\nVề mục tiêu, phương hướng, nhiệm vụ năm 2023\n"
        ".\n\nNgày 07/01/2023, Ban chấp hành Đảng bộ xã Trường Xuân khoá XXI đã tổ chức hội nghị.\n"
    )
    assert (record.doc_type, record.title) == ("Nghị quyết", "Về mục tiêu, phương hướng, nhiệm vụ năm 2023")
    assert (record.issuer.name.casefold(), record.issuer.level) == (
        "ban chấp hành đảng bộ xã trường xuân",
        "commune",
    )


def test_a_document_cited_by_its_number_is_no_verb_of_the_announcing_body():
    """``… của Trung ương Hội LHTN Việt Nam và Hướng dẫn số 148 …``: the cited guidance, not who guides."""
    record = extract_record(
        "HƯỚNG DẪN\nThực hiện kế hoạch tổ chức Đại hội Hội LHTN Việt Nam các cấp\n"
        "Căn cứ Kế hoạch số 49-KH/TƯH của Trung ương Hội LHTN Việt Nam và Hướng dẫn số 148 HD/TWH ngày 16/9/2008. "
        "Ban Thư ký Ủy ban Hội LHTN Việt Nam tỉnh Hưng Yên hướng dẫn việc triển khai tổ chức Đại hội như sau:\n"
    )
    assert (record.issuer.level, record.issuer.province) == ("province", "Hưng Yên")


def test_a_post_s_lead_gives_the_number_and_date_and_a_headline_s_type_word_is_doubted():
    record = extract_record(
        "Hướng dẫn thực hiện công tác phổ biến, giáo dục pháp luật năm 2020\n"
        "Ngày 25/3/2020, Sở Tư pháp ban hành Văn bản số 473/STP-PBGDPL về việc hướng dẫn thực hiện công tác phổ biến, "
        "giáo dục pháp luật năm 2020, cụ thể như sau:\n"
    )
    assert (record.number, str(record.issue_date)) == ("473/STP-PBGDPL", "2020-03-25")
    assert "number_contradicts_type" in {w.code for w in record.warnings if w.field == "doc_type"}


def test_a_headline_a_narrow_page_wrapped_goes_on_to_the_blank_line():
    record = extract_record(
        "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh khóa XIII về huy động nguồn lực, ưu tiên\n"
        "đầu tư xây dựng kết cấu hạ tầng giai đoạn 2016-2020\n\nI- Khái quát tình hình\n"
        "Những năm qua, Ủy ban nhân dân tỉnh Ninh Thuận ban hành nhiều chính sách.\n"
    )
    assert record.title == ("Về huy động nguồn lực, ưu tiên đầu tư xây dựng kết cấu hạ tầng giai đoạn 2016-2020")
