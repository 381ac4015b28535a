"""The issuing body: name in full words, parent, level and province from the gazetteer."""

from __future__ import annotations

from khplan.extractors import extract_record

DATE = "ngày 10 tháng 5 năm 2023"


def _issuer(text: str):
    return extract_record(text).issuer


def test_peoples_committee_and_unit_on_two_lines():
    issuer = _issuer(f"ỦY BAN NHÂN DÂN\nHUYỆN PHÙ MỸ\nSố: 69 /KH-UBND\nPhù Mỹ, {DATE}\n")
    assert (issuer.name, issuer.parent, issuer.level, issuer.province) == (
        "Ủy ban nhân dân huyện Phù Mỹ",
        None,
        "district",
        "Bình Định",
    )


def test_department_under_its_provincial_committee():
    issuer = _issuer(f"UBND TỈNH BÌNH PHƯỚC\nSỞ XÂY DỰNG\nSố: 881/KH-SXD\nBình Phước, {DATE}\n")
    assert (issuer.name, issuer.parent, issuer.level, issuer.province) == (
        "Sở Xây dựng",
        "Ủy ban nhân dân tỉnh Bình Phước",
        "department",
        "Bình Phước",
    )


def test_department_name_keeps_its_standard_capitals():
    issuer = _issuer(f"UBND TỈNH NAM ĐỊNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 5/KH-SGDĐT\nNam Định, {DATE}\n")
    assert issuer.name == "Sở Giáo dục và Đào tạo"


def test_legacy_ocr_unit_spelt_from_the_gazetteer():
    issuer = _issuer("UY BAN NHAN DAN\nHUYEN PHU MY\nS6: 69 /KH-UBND Phit My, ngay 13 thang 4 nam 2022\n")
    assert (issuer.name, issuer.province) == ("Ủy ban nhân dân huyện Phù Mỹ", "Bình Định")


def test_kind_word_picks_between_same_name_units():
    # thành phố Kon Tum (a district-level city) and tỉnh Kon Tum share the name
    issuer = _issuer(f"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ KON TUM\nSố: 4/KH-UBND\nKon Tum, {DATE}\n")
    assert (issuer.level, issuer.province) == ("district", "Kon Tum")


def test_shared_district_name_resolved_by_the_province_the_text_names():
    text = (
        f"ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nSố: 44/KH-UBND\nChâu Thành, {DATE}\nKẾ HOẠCH\nThi đua\n\nThực "
        "hiện Kế hoạch của Ủy ban nhân dân tỉnh Sóc Trăng;\n"
    )
    assert _issuer(text).province == "Sóc Trăng"


def test_shared_district_name_without_context_is_flagged_not_guessed():
    record = extract_record(f"ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nSố: 44/KH-UBND\nChâu Thành, {DATE}\n")
    assert record.issuer.name == "Ủy ban nhân dân huyện Châu Thành"
    assert record.issuer.province is None
    assert [w.code for w in record.warnings if w.field == "issuer.province"] == ["ambiguous_unit"]


def test_unit_taken_from_the_text_when_the_header_has_none():
    text = (
        f"Số: 44 /KH-UBND\nChâu Thành, {DATE}\nKẾ HOẠCH\nPhát động phong trào thi đua\n\n"
        "Ủy ban nhân dân huyện Châu Thành phát động phong trào thi đua; Ban chấp hành Đảng bộ tỉnh Sóc Trăng.\n"
    )
    issuer = _issuer(text)
    assert (issuer.name, issuer.level, issuer.province) == ("Ủy ban nhân dân huyện Châu Thành", "district", "Sóc Trăng")


def test_unknown_unit_is_kept_as_printed_and_flagged():
    record = extract_record(f"ỦY BAN NHÂN DÂN\nXÃ KHÔNG CÓ THẬT\nSố: 1/KH-UBND\nKhông Có Thật, {DATE}\n")
    assert record.issuer.name == "Ủy ban nhân dân xã Không Có Thật"
    assert record.issuer.province is None
    assert "unresolved_unit" in [w.code for w in record.warnings]


def test_issuer_evidence_span_covers_the_header_lines():
    text = f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 40 /KH-UBND\nQuảng Ninh, {DATE}\n"
    (span,) = extract_record(text).provenance.spans["issuer.name"]
    assert text[span.start : span.end] == "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH"


def test_body_text_alone_names_no_issuer():
    record = extract_record("Ủy ban nhân dân huyện Châu Thành phát động phong trào thi đua.\n")
    assert record.issuer.name is None


def test_unit_known_by_a_later_kind_keeps_the_printed_one():
    # thị xã Phú Mỹ (Bà Rịa - Vũng Tàu) is a thành phố in the gazetteer
    issuer = _issuer(f"ỦY BAN NHÂN DÂN\nTHỊ XÃ PHÚ MỸ\nSố: 2/KH-UBND\nPhú Mỹ, {DATE}\n")
    assert (issuer.name, issuer.level, issuer.province) == (
        "Ủy ban nhân dân thị xã Phú Mỹ",
        "district",
        "Bà Rịa - Vũng Tàu",
    )


def test_parent_district_tells_which_numbered_ward():
    issuer = _issuer(f"ỦY BAN NHÂN DÂN QUẬN 3\nỦY BAN NHÂN DÂN PHƯỜNG 5\nSố: 2/KH-UBND\nPhường 5, {DATE}\n")
    assert (issuer.name, issuer.parent, issuer.province) == (
        "Ủy ban nhân dân phường 5",
        "Ủy ban nhân dân quận 3",
        "Hồ Chí Minh",
    )


def test_successor_on_the_post_2025_map():
    record = extract_record(f"ỦY BAN NHÂN DÂN\nHUYỆN PHÙ MỸ\nSố: 69/KH-UBND\nPhù Mỹ, {DATE}\n")
    assert record.issuer_successor.model_dump() == {
        "name": "Gia Lai",
        "kind": "tỉnh",
        "level": "province",
        "province": "Gia Lai",
    }


def test_no_successor_is_recorded_for_an_unknown_unit():
    record = extract_record(f"ỦY BAN NHÂN DÂN\nXÃ KHÔNG CÓ THẬT\nSố: 1/KH-UBND\nKhông Có Thật, {DATE}\n")
    assert "issuer_successor" not in record.model_dump()
