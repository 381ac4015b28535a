"""Text copied from a web page keeps the page's markup; khplan reads the document's words only."""

from __future__ import annotations

from pathlib import Path

from khplan.extractors import extract_record
from khplan.pipeline.reading.inputs import read_text_file
from khplan.pipeline.reading.web_markup import strip_markup


def test_tags_and_entities_go_and_ky_hieu_with_ampersands_stay():
    assert strip_markup("UBND TỈNH BÌNH THUẬN<b> CỘNG HOÀ</b>") == "UBND TỈNH BÌNH THUẬN CỘNG HOÀ"
    assert strip_markup("Số:3358/SGD&ĐT <i>Phan Thiết,&nbsp;ngày</i>") == "Số:3358/SGD&ĐT Phan Thiết, ngày"
    assert strip_markup("2865/GDĐT–KT&KĐCL a<br/>b") == "2865/GDĐT–KT&KĐCL a\nb"
    assert strip_markup("x < 5 và y > 3") == "x < 5 và y > 3"


def test_a_document_sites_page_counter_is_no_text():
    assert (
        strip_markup("<span class='text_page_counter'>(1)</span><div class='page_container' data-page=1>\nA") == "\nA"
    )


def test_a_text_file_with_markup_reads_as_its_document(tmp_path: Path):
    source = tmp_path / "post.txt"
    source.write_text(
        "UBNDXÃ ĐỨC BÌNH <b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>\n"
        "<b> BCĐ PCGD</b> <b>Độc lập - Tự do - Hạnh phúc</b>\n"
        "Số 04/BC-PCGD <i>Đức Bình, ngày 07 tháng 10 năm 2007</i>\n\n"
        "<b>BÁO CÁO TÌNH HÌNH VÀ KẾT QUẢ </b>\n<b>THỰC HIỆN CÔNG TÁC PHỔ CẬP GIÁO DỤC</b>\n"
        "I/ <b>ĐẶC ĐIỂM TÌNH HÌNH, THUẬN LỢI</b>-<b>KHÓ KHĂN.</b>\n",
        encoding="utf-8",
    )
    text = read_text_file(source)
    assert "<" not in text
    record = extract_record(text)
    assert record.title == "Tình hình và kết quả thực hiện công tác phổ cập giáo dục"
    assert record.place == "Đức Bình"
