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


def test_a_headline_with_the_type_in_capitals_ends_at_the_blank_line():
    """``THÔNG BÁO Về việc …`` on one line: the announcing paragraph under the blank line is no part of the title."""
    record = extract_record(
        "THÔNG BÁO Về việc lấy ý kiến về Đề án điều chỉnh địa giới hành chính thành phố Huế\n\n"
        " UBND phường Hương An thông báo Về việc lấy ý kiến về Đề án điều chỉnh địa giới hành chính\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    )
    assert record.doc_type == "Thông báo"
    assert record.title == "Về việc lấy ý kiến về Đề án điều chỉnh địa giới hành chính thành phố Huế"
    assert (record.issuer.name, record.issuer.level) == ("Ủy ban nhân dân phường Hương An", "commune")


def test_a_portal_caption_ends_a_headline():
    record = extract_record(
        "KẾ HOẠCH Chỉ đạo tổ chức Đại hội đại biểu Phụ nữ các cấp nhiệm kỳ 2021- 2026\n"
        "Người đăng: Quản trị .Ngày đăng: 23/10/2020 .Lượt xem: 162 lượt.\n"
        "Thực hiện Kế hoạch số 888/KH-ĐCT ngày 10/8/2020 của Đoàn Chủ tịch Trung ương Hội Liên hiệp Phụ nữ Việt Nam.\n"
    )
    assert (record.doc_type, record.title) == (
        "Kế hoạch",
        "Chỉ đạo tổ chức Đại hội đại biểu Phụ nữ các cấp nhiệm kỳ 2021- 2026",
    )


def test_a_motto_inside_a_sentence_does_not_unmake_a_headline():
    record = extract_record(
        "Thông báo về việc quy định treo cờ Tổ quốc\n\n"
        "Nhân dịp kỷ niệm 74 năm Cách mạng Tháng Tám và Quốc khánh Nước Cộng hòa xã hội chủ nghĩa Việt Nam "
        "(02/9/1945 - 02/9/2019), Ủy ban nhân dân huyện Trạm Tấu thông báo treo cờ Tổ quốc như sau:\n"
    )
    assert (record.doc_type, record.title) == ("Thông báo", "Về việc quy định treo cờ Tổ quốc")
    assert (record.issuer.name, record.issuer.province) == ("Ủy ban nhân dân huyện Trạm Tấu", "Yên Bái")


def test_the_documents_own_heading_under_a_caption_gives_number_date_issuer_and_title():
    record = extract_record(
        "Thông báo treo cờ Tổ quốc nhân Đại hội đại biểu MTTQ Việt Nam thị xã Điện Bàn lần thứ IX\n"
        "Thông báo số 217/TB-UBND ngày 08/5/2019 của UBND thị xã Điện Bàn V/v treo cờ Tổ quốc nhân Đại hội "
        "đại biểu MTTQ Việt Nam thị xã Điện Bàn lần thứ IX\n"
        "Tải về: 217-2019-TB-UBND.signed.pdf\n\n"
        "Theo đề nghị của Ban Thường trực Ủy ban MTTQ Việt Nam thị xã, Ủy ban nhân dân thị xã thông báo:\n"
    )
    assert (record.number, str(record.issue_date)) == ("217/TB-UBND", "2019-05-08")
    assert record.title == "V/v treo cờ Tổ quốc nhân Đại hội đại biểu MTTQ Việt Nam thị xã Điện Bàn lần thứ IX"
    assert (record.issuer.name, record.issuer.level, record.issuer.province) == (
        "Ủy ban nhân dân thị xã Điện Bàn",
        "district",
        "Quảng Nam",
    )


def test_a_headline_giving_number_and_date_before_its_subject():
    record = extract_record(
        "Công văn số 972/SNV-CCHC ngày 18/7/2018 V/v tham gia dự thảo hướng dẫn tự đánh giá Chỉ số CCHC.\n\n"
        "Kính gửi: Các sở, ban, ngành.\n\n"
        "Thực hiện Quyết định số 1051/QĐ-UBND ngày 09/5/2018 của UBND tỉnh; Sở Nội vụ dự thảo Hướng dẫn việc tự "
        "đánh giá, chấm điểm.\n"
    )
    assert (record.number, str(record.issue_date)) == ("972/SNV-CCHC", "2018-07-18")
    assert (record.issuer.name, record.issuer.level) == ("Sở Nội vụ", "department")


def test_a_source_note_under_the_text_gives_number_and_date():
    record = extract_record(
        "Thông báo về việc hoãn tổ chức phiên tiếp công dân định kỳ tháng 6 của Lãnh đạo UBND huyện\n\n"
        "Hiện nay, tình hình dịch bệnh Covid - 19 tiếp tục diễn biến phức tạp.\n"
        "UBND huyện thông báo hoãn tổ chức phiên tiếp công dân định kỳ tháng 6/2021.\n"
        "(Nguồn: Thông báo số 81/TB-UBND ngày 08/6/2021)\n"
    )
    assert (record.number, str(record.issue_date)) == ("81/TB-UBND", "2021-06-08")


def test_a_cited_documents_subject_is_not_who_issues_this_one():
    """``… của UBND tỉnh về việc ban hành Kế hoạch …`` cites; ``Sở Công Thương xây dựng Kế hoạch`` issues."""
    record = extract_record(
        "Kế hoạch Cải cách hành chính năm 2022\n\n"
        "Thực hiện Kế hoạch số 4289/KH-UBND ngày 21/12/2021 của UBND tỉnh về việc ban hành Kế hoạch cải cách hành "
        "chính năm 2022 trên địa bàn tỉnh Điện Biên, Sở Công Thương xây dựng Kế hoạch cải cách hành chính năm 2022 "
        "với những nội dung sau\nI. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert (record.issuer.name, record.issuer.level) == ("Sở Công Thương", "department")


def test_a_lead_without_a_number_gives_the_date_and_no_tense_word_is_a_name():
    """``ngày 01/7/2021 UBND huyện đã ban hành Báo cáo …``: the date, and ``đã`` is no district called Đã."""
    record = extract_record(
        "Báo cáo Tình hình kinh tế - xã hội 6 tháng đầu năm, phương hướng, nhiệm vụ 6 tháng cuối năm 2021\n\n"
        "ngày 01/7/2021 UBND huyện đã ban hành Báo cáo Tình hình kinh tế - xã hội 6 tháng đầu năm\n\n"
        "Năm 2021 là năm đầu tiên triển khai nghị quyết Đại hội Đảng các cấp.\n"
    )
    assert (record.doc_type, record.number, str(record.issue_date)) == ("Báo cáo", None, "2021-07-01")
    assert record.issuer.name is not None and "Đã" not in record.issuer.name


def test_a_province_named_by_its_party_committee_places_a_commune():
    """Two communes are called Tuy Lộc; ``Thành ủy Yên Bái`` in the text says which."""
    record = extract_record(
        "KẾ HOẠCH\n\nTổ chức Ngày hội Đại đoàn kết toàn dân tộc ở thôn, tổ dân phố\n\n"
        "Căn cứ Kế hoạch số 160/KH-TU, ngày 26/10/2022 của Thành ủy Yên Bái về tổ chức Ngày hội. Đảng ủy xã Tuy Lộc "
        "ban hành kế hoạch tổ chức Ngày hội năm 2022, cụ thể như sau:\n1. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert (record.issuer.name, record.issuer.level, record.issuer.province) == (
        "Đảng ủy xã Tuy Lộc",
        "commune",
        "Yên Bái",
    )


def test_a_departments_post_takes_the_one_province_its_text_names_flagged():
    record = extract_record(
        "Kế hoạch Thanh tra, kiểm tra về lĩnh vực Tiêu chuẩn, đo lường chất lượng năm 2022\n\n"
        "Thực hiện Quyết định số 665/QĐ-UBND ngày 23 tháng 12 năm 2021 của Chủ tịch UBND tỉnh Kon Tum; "
        "Ngày 29/12/2021, "
        "Sở Khoa học và Công nghệ ký ban hành Kế hoạch số 64/KH-SKHCN triển khai các cuộc thanh tra năm 2022.\n"
    )
    assert (record.issuer.name, record.issuer.level) == ("Sở Khoa học và Công nghệ", "department")
    assert (record.issuer.parent, record.issuer.province) == ("Ủy ban nhân dân tỉnh Kon Tum", "Kon Tum")
    assert {w.field for w in record.warnings if w.code == "weak_issuer_evidence"} >= {
        "issuer.parent",
        "issuer.province",
    }


def test_a_posts_title_alone_above_its_body_and_the_committee_that_announces():
    """No header, no type line: the one line above ``Căn cứ`` is the title though it names a body, the committee
    opening a sentence with ``thông báo`` issues a Thông báo (inferred, flagged)."""
    record = extract_record(
        "Lịch tiếp công dân định kỳ của Chủ tịch UBND xã Tây Sơn năm 2025 (sau khi sáp nhập)\n"
        "Căn cứ Luật tiếp công dân số 42/2013/QH13 ngày 25/11/2013;\n"
        "Ủy Ban nhân dân xã Tây Sơn thông báo lịch tiếp công năm 2025 sau khi sáp nhập như sau:\n"
        "I. LỊCH TIẾP CÔNG DÂN\n"
    )
    assert record.title == "Lịch tiếp công dân định kỳ của Chủ tịch UBND xã Tây Sơn năm 2025 (sau khi sáp nhập)"
    assert (record.doc_type, record.issuer.level) == ("Thông báo", "commune")
    assert record.issuer.name is not None and record.issuer.name.casefold() == "ủy ban nhân dân xã tây sơn"
    assert any(w.code == "inferred_doc_type" for w in record.warnings)


def test_an_office_announcing_for_its_committee_makes_no_thong_bao():
    """``Văn phòng UBND tỉnh thông báo …`` closes an office's letter; a name ending ``… theo yêu cầu và`` is none."""
    record = extract_record(
        "Về việc báo cáo tình hình ô nhiễm môi trường do chất thải tại khu vực nông thôn.\n\n"
        "Thực hiện Công văn số 11034/VPCP-KGVX ngày 17/10/2017 của Văn phòng Chính phủ, Phó Chủ tịch UBND tỉnh có ý "
        "kiến như sau:\n\nGiao Sở Tài nguyên và Môi trường chủ trì và trực tiếp báo cáo Bộ Tài nguyên và Môi trường "
        "theo yêu cầu và hướng dẫn tại Công văn trên.\n\n"
        "Văn phòng UBND tỉnh thông báo để Sở Tài nguyên và Môi trường thực hiện./.\n"
    )
    assert record.doc_type != "Thông báo"
    assert record.issuer.name is None or "theo yêu cầu" not in record.issuer.name


def test_the_aside_after_the_announcing_body_is_no_part_of_its_name():
    record = extract_record(
        "KẾ HOẠCH\nHoạt động của Ban Chỉ đạo chuyển đổi số huyện Đắk R'Lấp năm 2023\n"
        "Triển khai thực hiện Quyết định số 47/QĐ-UBND ngày 12/01/2023 của Ủy ban nhân dân tỉnh Đắk Nông "
        "về ban hành Kế "
        "hoạch chuyển đổi số năm 2023, Ban Chỉ đạo chuyển đổi số huyện Đắk R'Lấp (sau đây gọi tắt là Ban Chỉ đạo) "
        "ban hành Kế hoạch hoạt động của Ban Chỉ đạo huyện với các nội dung cụ thể như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert record.title == "Hoạt động của Ban Chỉ đạo chuyển đổi số huyện Đắk R'Lấp năm 2023"
    assert (record.issuer.level, record.issuer.province) == ("district", "Đắk Nông")
    assert record.issuer.name is not None and ")" not in record.issuer.name


def test_a_headline_opening_with_the_number_gives_the_number_not_the_title():
    text = (
        "Số 04/KH-UBND Về kế hoạch tổ chức lễ tặng và truy tặng Danh hiệu vinh dự Nhà nước “Bà mẹ Việt Nam "
        "Anh hùng”\n\n"
        "Đăng ngày: 12/01/2015 17:23:17\n\nThực hiện Nghị định số 56/2013/NĐ-CP ngày 22/5/2013 của Chính phủ;\n\n"
        "UBND tỉnh Sơn La ban hành Kế hoạch tổ chức lễ tặng và truy tặng Danh hiệu vinh dự Nhà nước.\n"
    )
    record = extract_record(text)
    assert (record.number, record.doc_type) == ("04/KH-UBND", "Kế hoạch")
    assert record.title is not None and record.title.startswith("Về kế hoạch tổ chức lễ tặng")
    assert record.issuer.name == "Ủy ban nhân dân tỉnh Sơn La"
