"""The real documents' benches: which pages the printer can show whole."""

from __future__ import annotations

from tools.bench.real_documents import RealDocument, fits_the_page, load_documents


def _document(body: str) -> RealDocument:
    return RealDocument("900", "dev", body, "https://example.org/900")


def test_a_page_flattened_into_one_header_line_does_not_fit():
    flattened = (
        "HỘI ĐỒNG NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM THÀNH PHỐ HÀ NỘI Độc lập – Tự do – Hạnh phúc "
        "Số: 01/2008/NQ-HĐND Hà Nội, ngày 27 tháng 3 năm 2008 NGHỊ QUYẾT VỀ VIỆC TRIỂN KHAI THỰC HIỆN CHỦ TRƯƠNG"
    )
    assert not fits_the_page(_document(flattened))


def test_a_header_of_two_columns_and_a_body_fit():
    header = (
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 12/KH-UBND Sơn La, ngày 11 tháng 3 năm 2020\nKẾ HOẠCH\nPhát động phong trào thi đua năm 2020\n"
        + "Thực hiện Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003 và các văn bản hướng dẫn thi hành. "
        * 5
    )
    assert fits_the_page(_document(header))


def test_most_real_documents_fit():
    documents = load_documents("dev")
    assert sum(fits_the_page(d) for d in documents) >= 0.95 * len(documents)
