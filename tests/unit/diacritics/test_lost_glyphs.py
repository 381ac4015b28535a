"""Letters a font lacked, put back: fragments joined into the syllables they fit, as the language model reads them."""

from __future__ import annotations

from khplan.diacritics import lost_glyphs
from khplan.extractors import extract_record

BROKEN_HEADER = (
    "H I NG B TRƯ NG C NG HOÀ XÃ H I CH NGHĨA VI T NAM ******** c l p - T do - H nh phúc ******** "
    "S : 49-H BT Hà N i, ngày 19 tháng 3 năm 1988 QUY T NNH V VI C THÀNH L P M T S THN TR N C A CÁC HUY N "
    "THU C T NH HÀ SƠN BÌNH H I NG B TRƯ NG Căn c i u 107 c a Hi n pháp nư c C ng hoà xã h i ch nghĩa Vi t Nam "
    "ngày 18-12-1980; Căn c i u 16 c a Lu t t ch c H i ng B trư ng ngày 4-7-1981; Theo ngh c a U ban "
    "Nhân dân t nh Hà Sơn Bình và Ban T ch c c a Chính ph , QUY T NNH: i u 1. Nay thành l p m t s th tr n "
    "thu c các huy n Tân L c và Thư ng Tín như sau: thành l p th tr n Thư ng Tín trên cơ s toàn b di n tích "
    "t nhiên và nhân kh u c a xã Hà H i. Th tr n Thư ng Tín có 150 hécta t t nhiên và 4.500 nhân kh u."
)


def test_a_text_whose_font_lost_letters_is_told_from_intact_text():
    assert lost_glyphs.lost_glyphs(BROKEN_HEADER)
    intact = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH Số: 40/KH-UBND Quảng Ninh, ngày 10 tháng 5 năm 2023 " * 5
    assert not lost_glyphs.lost_glyphs(intact)
    assert lost_glyphs.repair(intact) is None


def test_the_fragments_are_read_as_the_syllables_they_fit():
    repaired = lost_glyphs.repair(BROKEN_HEADER)
    assert repaired is not None
    assert repaired.text.startswith("HỘI ĐỒNG BỘ TRƯỞNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert "Số : 49-HĐBT Hà Nội, ngày 19 tháng 3 năm 1988 QUYẾT ĐỊNH VỀ VIỆC THÀNH LẬP MỘT SỐ THỊ TRẤN" in repaired.text
    assert "Căn cứ điều 107 của Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam" in repaired.text


def test_a_numbers_lost_d_and_the_so_before_it_are_put_back():
    repaired = lost_glyphs.repair(BROKEN_HEADER.replace("S : 49-H BT", "S 69 - H BT"))
    assert repaired is not None and "Số 69 - HĐBT Hà Nội" in repaired.text


def test_a_word_a_site_glued_to_the_next_is_read_apart():
    text = BROKEN_HEADER.replace("QUY T NNH V VI C", "QUY T NNH C AH I NG B TRƯ NG V VI C")
    repaired = lost_glyphs.repair(text)
    assert repaired is not None and "QUYẾT ĐỊNH CỦA HỘI ĐỒNG BỘ TRƯỞNG VỀ VIỆC" in repaired.text


def test_the_repaired_text_keeps_offsets_for_what_was_read_on_it():
    repaired = lost_glyphs.repair(BROKEN_HEADER)
    assert repaired is not None
    start = BROKEN_HEADER.index("Hà N i")
    moved = repaired.moved(start)
    assert repaired.text[moved : moved + len("Hà Nội")] == "Hà Nội"


def test_the_record_of_a_document_whose_font_lost_letters():
    from pathlib import Path

    from khplan.pipeline.context import DocContext, InputKind, Options, PageText
    from khplan.pipeline.stages import extract_fields, restore_text

    ctx = DocContext(source=Path("broken.txt"), kind=InputKind.text, sha256="0" * 64, options=Options(jobs=1))
    record = extract_fields(ctx, restore_text(ctx, [PageText(1, BROKEN_HEADER, "text")]))
    assert (record.doc_type, record.number, record.place) == ("Quyết định", "49-HĐBT", "Hà Nội")
    assert (record.issuer.name, record.issuer.level) == ("Hội đồng Bộ trưởng", "central")
    assert (record.title or "").casefold() == "về việc thành lập một số thị trấn của các huyện thuộc tỉnh hà sơn bình"
    assert extract_record(BROKEN_HEADER).issuer.name != "Hội đồng Bộ trưởng"  # the extractors alone read fragments


def test_a_tcvn3_page_whose_u_a_site_stripped_gets_it_back():
    text = "tỉnh hải dơng\nHớng dẫn thi hành về chủ trơng của nhà nớc đối với trởng thôn ở các phờng\n"
    repaired = lost_glyphs.repair_lost_u(text)
    assert repaired is not None
    assert repaired.text == (
        "tỉnh hải dương\nHướng dẫn thi hành về chủ trương của nhà nước đối với trưởng thôn ở các phường\n"
    )
    assert lost_glyphs.repair_lost_u("Sơn La, ngày 11 tháng 3 năm 2020; thông tin, công nghệ\n") is None
