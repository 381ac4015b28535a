"""Pages a narrow column or a scan wrapped: a flattened page over several lines, a heading or a post's title cut
across lines, a citation wrapped under the type line. Each shape is one seen in a real document's scan."""

from __future__ import annotations

import datetime as dt

from khplan.extractors import extract_record

WRAPPED_FLAT = """BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập Tự do Hạnh phúc Số:
5556/QĐ-BYT Hà Nội, ngày 04 tháng 12 năm 2021 QUYẾT ĐỊNH VỀ VIỆC PHÊ
DUYỆT KẾ HOẠCH HÀNH ĐỘNG PHÒNG CHỐNG SUY DINH DƯỠNG THẤP CÒI Ở TRẺ
EM DƯỚI 5 TUỔI GIAI ĐOẠN 2021-2025 BỘ TRƯỞNG BỘ Y TẾ Căn cứ Nghị định số
75/2017/NĐ-CP ngày 20 tháng 6 năm 2017 của Chính phủ quy định chức năng, nhiệm vụ,
quyền hạn và cơ cấu tổ chức của Bộ Y tế;
"""


def test_a_flattened_page_wrapped_over_lines_is_read_as_one():
    record = extract_record(WRAPPED_FLAT)
    assert record.doc_type == "Quyết định"
    assert record.number == "5556/QĐ-BYT"
    assert record.issue_date == dt.date(2021, 12, 4)
    assert record.issuer.name == "Bộ Y tế"
    assert record.title is not None and record.title.startswith("Về việc phê duyệt")


TYPE_AFTER_DATE = """UỶ BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM THÀNH PHỐ
HỘI AN Độc lập - Tự do - Hạnh phúc Số: 94 /KH-UBND Hội An, ngày 28 tháng 7 năm
2015 KẾ HOẠCH Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2015 I. Kết quả công
tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2014 1. Tình hình thiên tai và thiệt
hại do thiên tai gây ra - Trong năm 2014, có 5 cơn bão, 3 áp thấp nhiệt đới hoạt
động trên biển Đông ảnh hưởng đến nước ta.
"""


def test_a_wrapped_flattened_page_whose_type_follows_its_date_on_a_line():
    record = extract_record(TYPE_AFTER_DATE)
    assert record.doc_type == "Kế hoạch"
    assert record.issue_date == dt.date(2015, 7, 28)
    assert record.title == "Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2015"
    assert record.issuer.name == "Ủy ban nhân dân thành phố Hội An"


NO_BLANK_LINES = """BỘ NỘI VỤ
BAN THI ĐUA – KHEN THƯỞNG TRUNG ƯƠNG
Số: 2746/HD-BTĐKT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc
Hà Nội, ngày 24 tháng 11 năm 2015
HƯỚNG DẪN
TỔ CHỨC HOẠT ĐỘNG VÀ BÌNH XÉT THI ĐUA CỦA KHỐI THI ĐUA CÁC BỘ, BAN, NGÀNH TRUNG ƯƠNG
Thực hiện Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen
thưởng, Ban Thi đua – Khen thưởng Trung ương hướng dẫn tổ chức hoạt động và bình xét thi đua hàng năm như sau: Căn cứ
kết quả bình xét, các khối đề nghị khen thưởng theo quy định.
"""


def test_a_page_without_blank_lines_is_no_flattened_page():
    record = extract_record(NO_BLANK_LINES)
    assert record.doc_type == "Hướng dẫn"
    assert record.issuer.name == "Ban Thi đua - Khen thưởng Trung ương"
    assert record.issuer.parent == "Bộ Nội vụ"


BODY_BESIDE_HEADER = """UY BAN NHAN DAN | Phan Thiet, ngay 26 thang 7 nam 2006
CONG HOA XA HOI CHU Can cu Luat To chuc Hoi dong nhan dan va Uy ban
NGHIA VIET NAM nhan dan ngay 26/11/2003;
So: 63/2006/QD-UBND Can cu Luat Ban hanh van ban quy pham phap luat
cua Hoi dong nhan dan, Uy ban nhan dan ngay 03/12/2004;
QUYET DINH Can cu Nghi dinh so 104/2004/ND-CP ngay 23/3/2004
"""


def test_a_body_printed_beside_the_header_is_not_joined_to_it():
    record = extract_record(BODY_BESIDE_HEADER)
    assert record.number == "63/2006/QĐ-UBND"


def test_a_glued_number_label_cuts_a_flattened_page():
    text = (
        "BAN CHẤP HÀNH TRUNG ƯƠNGSố: 367-QĐ/TWĐTN ĐOÀN TNCS HỒ CHÍ\n"
        "MINH Hà Nội, ngày 29 tháng 10 năm 2013 QUYẾT ĐỊNHVề việc ban hành Quy định về\n"
        "ban hành văn bản của Đoàn TNCS Hồ Chí Minh--------- BAN BÍ THƯ TRUNG ƯƠNG\n"
        "ĐOÀN TNCS HỒ CHÍ MINH- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh; - Căn cứ Quy\n"
        "chế hoạt động của Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh khoá X\n"
    )
    record = extract_record(text)
    assert record.doc_type == "Quyết định"
    assert record.number == "367-QĐ/TWĐTN"


def test_an_archive_heading_with_a_written_date_wrapped_into_the_title():
    text = (
        "Công văn Số: 1357/BVHTTDL-VHCS ngày 17 tháng 4 năm 2013 Về việc Tổ chức Hội\n"
        "thảo xây dựng Đề án phát triển hệ thống thiết chế văn hóa, thể thao\n"
        "cơ sở đến năm 2020\n\nKính gửi: - Ủy ban nhân dân tỉnh Quảng Ngãi;\n"
    )
    record = extract_record(text)
    assert record.number == "1357/BVHTTDL-VHCS"
    assert record.issue_date == dt.date(2013, 4, 17)
    assert record.title is not None and record.title.startswith("Về việc Tổ chức Hội thảo")
    assert record.issuer.name == "Bộ Văn hóa, Thể thao và Du lịch"


CITATION_UNDER_TYPE = """UBND TỈNH LÂM ĐỒNG
SỞ XÂY DỰNG
Số: 974/SXD-KTXD

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đà Lạt, ngày 22 tháng 11 năm 2010
HƯỚNG DẪN
LẬP

VÀ QUẢN LÝ CHI PHÍ ĐẦU TƯ XÂY DỰNG CÔNG TRÌNH THEO THÔNG TƯ
SỐ 04/2010/TT-BXD
NGÀY 26/5/2010 CỦA BỘ XÂY DỰNG

Triển khai Thông tư số 04/2010/TT-BXD ngày 26/5/2010 của Bộ Xây dựng, Sở Xây dựng hướng dẫn như sau:
"""


def test_a_citation_wrapped_under_the_type_line_is_no_header_number():
    record = extract_record(CITATION_UNDER_TYPE)
    assert record.doc_type == "Hướng dẫn"
    assert record.issuer.name == "Sở Xây dựng"


def test_a_motto_s_word_under_the_type_line_after_the_whole_motto_is_the_title_s():
    record = extract_record(CITATION_UNDER_TYPE)
    assert record.title is not None and record.title.startswith("Lập và quản lý chi phí")


def test_a_citation_whose_date_lost_its_space_is_no_header_number():
    text = (
        "HỘI ĐỒNG NHÂN DÂN\nQUẬN 2\nSố: 12/2007/NQ-HĐND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQuận 2, ngày 11 tháng 07 năm 2007\nNGHỊ QUYẾT\n\n"
        "VỀ BỔ SUNG ĐIỀU 1 CỦA NGHỊ QUYẾT\nSỐ 10/2007/NQ-HĐND NGÀY04 THÁNG 05 NĂM 2007 CỦA HỘI ĐỒNG NHÂN\n"
        "DÂN QUẬN KHÓA III\nHỘI ĐỒNG NHÂN DÂN QUẬN 2 KHÓA III, KỲ HỌP LẦN THỨ 11\n\n"
        "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;\n"
    )
    record = extract_record(text)
    assert record.doc_type == "Nghị quyết"
    assert record.issuer.name == "Hội đồng nhân dân quận 2"
    assert record.title is not None and record.title.lower().startswith("về bổ sung điều 1")


def test_a_caption_wrapped_over_two_lines_then_the_document_s_own_heading():
    text = (
        "Thông báo treo cờ Tổ quốc và tiếp sóng truyền thanh phiên khai\n"
        "mạc Đại hội đại biểu MTTQ Việt Nam thị xã Điện Bàn lần thứ IX\n"
        "Thông báo số 217/TB-UBND ngày 08/5/2019 của UBND thị xã Điện Bàn V/v treo cờ Tổ\n"
        "quốc và tiếp sóng truyền thanh phiên khai mạc Đại hội đại biểu\n"
        "MTTQ Việt Nam thị xã Điện Bàn lần thứ IX\n\n"
        "Theo đề nghị của Ban Thường trực Ủy ban MTTQ Việt Nam thị xã, UBND thị xã thông báo:\n"
    )
    record = extract_record(text)
    assert record.number == "217/TB-UBND"
    assert record.title is not None and record.title.startswith("V/v treo cờ Tổ quốc")
    assert record.issuer.name == "Ủy ban nhân dân thị xã Điện Bàn"


def test_a_post_s_title_wrapped_over_two_lines_is_no_header():
    text = (
        "Về việc niêm yết công khai danh sách hộ thoát nghèo, hộ cận nghèo trên\n"
        "địa bàn phường Cự Khối cuối năm 2020\n\n"
        "Căn cứ công văn số 2003/UBND-LĐTBXH ngày 05/10/2020 của UBND quận Long Biên\n"
        "về rà soát kết quả giảm nghèo năm 2020.\n\n"
        "UBND phường Cự Khối thông báo việc niêm yết công khai danh sách hộ thoát nghèo như sau:\n"
    )
    record = extract_record(text)
    assert record.title is not None and record.title.endswith("cuối năm 2020")
    assert record.doc_type == "Thông báo"
    assert record.issuer.name == "Ủy ban nhân dân phường Cự Khối"


def test_trien_khai_thuc_hien_opens_the_body_under_a_sentence_case_title():
    text = (
        "KẾ HOẠCH\nHoạt động của Ban Chỉ đạo chuyển đổi số huyện Cư Jút năm 2023\n\n"
        "Triển khai thực hiện Quyết định số 47/QĐ-UBND ngày 12/01/2023 của Ủy ban nhân dân\n"
        "tỉnh Đắk Nông về ban hành Kế hoạch chuyển đổi số năm 2023, Ban Chỉ đạo chuyển đổi\n"
        "số huyện Cư Jút ban hành Kế hoạch hoạt động với các nội dung như sau:\n"
    )
    record = extract_record(text)
    assert record.doc_type == "Kế hoạch"
    assert record.title == "Hoạt động của Ban Chỉ đạo chuyển đổi số huyện Cư Jút năm 2023"


def test_a_wrapped_paragraph_under_the_number_whose_type_follows_the_date():
    text = (
        "HỘI ĐỒNG NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM THÀNH\n\n"
        "PHỐ HÀ NỘI Độc lập - Tự do - Hạnh phúc\n\nSố: 01/2008/NQ-HĐND Hà Nội,\n\n"
        "ngày 27 tháng 3 năm 2008 NGHỊ QUYẾT VỀ VIỆC TRIỂN KHAI THỰC HIỆN CHỦ\n"
        "TRƯƠNG MỞ RỘNG ĐỊA GIỚI HÀNH CHÍNH THỦ ĐÔ HÀ NỘI HỘI ĐỒNG NHÂN\n"
        "DÂN THÀNH PHỐ HÀ NỘI KHÓA XIII KỲ HỌP THỨ 12 (Ngày 27 tháng 3 năm\n"
        "2008) Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;\n"
        "Căn cứ Chỉ thị số 260/CT-TTg ngày 04 tháng 3 năm 2008 của Thủ tướng Chính phủ về\n"
    )
    record = extract_record(text)
    assert record.doc_type == "Nghị quyết"
    assert record.issue_date == dt.date(2008, 3, 27)
    assert (
        record.title or ""
    ).lower() == "về việc triển khai thực hiện chủ trương mở rộng địa giới hành chính thủ đô hà nội"


def test_a_body_beside_the_header_after_a_dash_is_not_joined_to_it():
    text = BODY_BESIDE_HEADER.replace("CHU Can cu Luat To chuc", "CHU — Căn cứ Luật Tổ chức").replace(
        "So: 63/2006/QD-UBND Can cu", "So: 63/2006/QD-UBND — Căn cứ"
    )
    assert extract_record(text).number == "63/2006/QĐ-UBND"


def test_a_chairman_of_an_abbreviated_committee_ends_a_flattened_page_s_title():
    text = (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 1323/1998/QĐ-UB | Thanh Hoá, ngày 29 tháng 6 "
        "năm 1998 |\nQUYẾT ĐỊNH\nV/V BAN HÀNH QUY ĐỊNH VỀ VIỆC CƯỚI, VIỆC TANG, LỄ HỘI\nCHỦ TỊCH UBND TỈNH THANH HÓA\n"
        "- Căn cứ Chỉ thị số 14/1998-CT-TTg của Thủ tướng Chính phủ về việc thực hiện nếp sống văn minh trong việc "
        "cưới, việc tang, lễ hội; - Xét đề nghị của Sở Văn hoá - Thông tin tại tờ trình số 09/VHTT ngày 09/3/1998 về "
        "việc cưới, việc tang, lễ hội,\n"
    )
    assert (extract_record(text).title or "").lower() == "v/v ban hành quy định về việc cưới, việc tang, lễ hội"


def test_a_type_name_wrapped_word_by_word_is_the_type_line():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n|\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 983/QĐ-UBND\nLai Châu, ngày 04\ntháng 8 năm 2022\n|\nQUYẾT\nĐỊNH\n"
        "PHÊ DUYỆT ĐỀ ÁN “CHUYỂN ĐỔI SỐ TỈNH LAI CHÂU\nĐẾN NĂM 2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030”\n"
        "ỦY BAN\nNHÂN DÂN TỈNH LAI CHÂU\nCăn cứ Luật Tổ chức\nChính quyền địa phương ngày 19/6/2015;\n"
    )
    record = extract_record(text)
    assert record.doc_type == "Quyết định"
    assert record.title is not None and record.title.startswith("Phê duyệt đề án")


def test_a_letters_printed_type_line_is_no_part_of_its_subject():
    text = (
        "BỘ TÀI CHÍNH\nTỔNG CỤC HẢI QUAN\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 1785/TCHQ-GSQL\n\nHà Nội, ngày 25 tháng 04 năm 2006\n\nCÔNG VĂN\n\nVỀ VIỆC PHÂN LOẠI HÀNG HÓA\n\n"
        "Kính gửi: Cục hải quan các tỉnh, thành phố\n\nTrong quá trình hướng dẫn phân loại hàng hóa, Tổng cục thấy\n"
    )
    record = extract_record(text)
    assert record.doc_type == "Công văn"
    assert record.title == "Về việc phân loại hàng hóa"


def test_a_subject_wrapped_before_the_number_it_cites_goes_on():
    text = (
        "BỘ CÔNG THƯƠNG\nSố: 10221/BCT-XNK\nV/v thực hiện công văn số\n7021/VPCP-KTTH\nKính gửi: Tổng cục Hải quan\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 12 tháng 10 năm 2010\n\n"
        "Triển khai thực hiện chỉ đạo của Thủ tướng Chính phủ tại công văn số 7021/VPCP-KTTH\n"
    )
    assert extract_record(text).title == "V/v thực hiện công văn số 7021/VPCP-KTTH"


def test_a_title_under_the_number_wrapped_before_its_year_goes_on():
    text = (
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM |\nSố: 2254/KH-UBND\nPHÒNG, CHỐNG DỊCH\n"
        "BỆNH TRUYỀN NHIỄM NĂM\n2018\n\nQuảng Bình, ngày 29 tháng 11 năm 2017 |\n\n"
        "Căn cứ kết quả phân tích dịch tể các bệnh truyền nhiễm trên địa bàn tỉnh trong những\n"
    )
    assert extract_record(text).title == "Phòng, chống dịch bệnh truyền nhiễm năm 2018"


def test_a_type_name_broken_across_a_flat_pages_lines_is_no_part_of_the_issuer():
    text = (
        "CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do —\n\nHạnh phúc\n\n"
        "Số: 06/NQ-CP Hà Nội, ngày 24 tháng 01 năm 2011 NGHỊ\n\n"
        "QUYẾT VỀ VIỆC THÀNH LẬP THỊ TRẤN MÁI DẦM THUỘC HUYỆN CHÂU\nTHÀNH, TỈNH HẬU GIANG\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;\n"
    )
    record = extract_record(text)
    assert (record.doc_type, record.issuer.name) == ("Nghị quyết", "Chính phủ")
    assert record.title is not None and record.title.startswith("Về việc thành lập thị trấn Mái Dầm")


def test_kinh_alone_on_its_line_opens_the_letter_under_the_authority_line():
    text = (
        "THỦ\nTƯỚNG CHÍNH PHỦ\nNAM DÂN CHỦ CỘNG HÒA\nSố: 61-TTg\n\nVIỆT\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 17 tháng 2 năm 1961\n\nTHÔNG TƯ\n\nGIẢI THÍCH CHÍNH SÁCH QUẢN LÝ THỐNG NHẤT NHỮNG NHÀ CHO\n"
        "THUÊ Ở CÁC THÀNH PHỐ\nVÀ THỊ XÃ\nTHỦ TƯỚNG CHÍNH PHỦ\n\nKính\n\ngửi:\n\n- Các ông Bộ trưởng các Bộ,\n"
    )
    record = extract_record(text)
    assert record.title is not None and record.title.endswith("ở các thành phố và thị xã")
    assert record.issuer.name == "Thủ tướng Chính phủ"


def test_a_subject_wrapped_before_a_cited_number_with_its_year_goes_on():
    text = (
        "BỘ TÀI CHÍNH\nSố: 12568/BTC-CĐKT\nV/v: Giải thích nội dung Thông\ntư số\n200/2014/TT-BTC\nKính\ngửi:\n"
        "- Công ty TNHH Deloitte Việt\nNam\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 09 tháng 09 năm 2015\n\nTrả lời công văn không số ngày 26/6/2015 của các công ty kiểm toán\n"
    )
    assert extract_record(text).title == "V/v: Giải thích nội dung Thông tư số 200/2014/TT-BTC"
