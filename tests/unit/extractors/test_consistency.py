"""Cross-checks: the header read against the place line, the number's ký hiệu and the title."""

from __future__ import annotations

from khplan.extractors import extract_record
from khplan.extractors.matching import fold_key

DATE = "ngày 10 tháng 5 năm 2023"


def _codes(text: str) -> dict[str, set[str]]:
    codes: dict[str, set[str]] = {}
    for warning in extract_record(text).warnings:
        codes.setdefault(warning.field or "", set()).add(warning.code)
    return codes


def test_a_place_in_another_province_is_flagged_on_both_fields():
    codes = _codes(f"ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 29/2006/QĐ-UBND\nHà Nội, {DATE}\n")
    assert "place_contradicts_issuer" in codes["place"] and "place_contradicts_issuer" in codes["issuer.province"]


def test_a_place_in_the_issuers_province_is_not_flagged():
    codes = _codes(f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 1309/QĐ-UBND\nĐồng Hới, {DATE}\n")
    assert "place_contradicts_issuer" not in codes.get("place", set())


def test_a_council_number_on_a_committee_header_is_flagged():
    codes = _codes(f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/NQ-HĐND\nBắc Ninh, {DATE}\n")
    assert "number_contradicts_issuer" in codes["issuer.name"]


def test_a_title_governing_another_province_is_flagged():
    text = (
        f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/KH-UBND\nBắc Ninh, {DATE}\n"
        "KẾ HOẠCH\nPhòng, chống dịch trên địa bàn tỉnh Cà Mau\n"
    )
    assert "title_contradicts_issuer" in _codes(text)["issuer.province"]


def test_type_line_and_number_of_another_type_are_flagged():
    text = f"ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG\nSố: 2450/QĐ-UBND\nHải Dương, {DATE}\nKẾ HOẠCH\nThực hiện Chương trình\n"
    record = extract_record(text)
    assert record.doc_type == "Kế hoạch"
    assert "number_contradicts_type" in [w.code for w in record.warnings if w.field == "doc_type"]


def test_every_field_says_how_it_was_found():
    record = extract_record(f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/KH-UBND\nBắc Ninh, {DATE}\nKẾ HOẠCH\nThi đua\n")
    assert record.provenance.found_by == {
        "number": "header",
        "doc_type": "type line",
        "issue_date": "place line",
        "title": "title lines",
        "issuer.name": "header",
        "issuer.level": "header",
        "issuer.province": "header",
        "place": "place line",
    }


def test_a_header_in_a_broken_font_flags_every_field_read_from_it():
    text = (
        "H I NG B TRƯ NG C NG HOÀ XÃ H I CH NGHĨA VI T NAM\nS : 128-H BT Hà N i, ngày 09 tháng 11 năm 1983\n"
        "QUY T NNH\nV vi c phân v ch na gi i m t s xã\n"
    )
    codes = _codes(text)
    assert all("damaged_text" in codes.get(path, set()) for path in ("number", "issue_date", "issuer"))


def test_a_clean_header_is_not_called_damaged():
    codes = _codes(f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/KH-UBND\nBắc Ninh, {DATE}\nKẾ HOẠCH\nThi đua năm 2023\n")
    assert not any("damaged_text" in found for found in codes.values())


def test_an_offices_abbreviated_name_is_no_damage():
    codes = _codes(
        "UBND HUYỆN TÂN YÊN\nPHÒNG GD&ĐT\nSố: 15/KH-PGDĐT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Độc lập - Tự do - Hạnh phúc\nTân Yên, {DATE}\nKẾ HOẠCH\nThi đua năm 2023\n"
    )
    assert not any("damaged_text" in found for found in codes.values())


# --- what a value itself says about how it was read ------------------------------


def test_a_title_with_no_type_line_above_it_is_flagged_as_weak():
    text = (  # a site dropped the type line: the title follows the header, the authority line ends it
        f"ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 3853/QĐ-UBND | Bình Định, {DATE} |\n"
        "VỀ VIỆC BAN HÀNH BẢNG TIÊU CHÍ, THANG ĐIỂM THI ĐUA HÀNG NĂM ĐỐI VỚI CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
    )
    record = extract_record(text)
    assert record.provenance.found_by["title"] == "lines under the header"
    assert "weak_title_evidence" in _codes(text)["title"]


def test_a_title_from_the_vv_line_is_not_flagged_as_weak():
    subject = "V/v tổ chức Hội thi tuyên truyền pháp luật"
    text = f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/UBND-VX\n{subject}\nBắc Ninh, {DATE}\n"
    record = extract_record(text)
    assert record.provenance.found_by["title"] == "V/v line"
    assert "weak_title_evidence" not in _codes(text).get("title", set())


def test_a_title_holding_a_date_line_ran_on():
    from khplan.extractors.consistency import _HEADER_MATTER
    from khplan.extractors.matching import fold_key

    ran_on = "Ngày 27 tháng 3 năm 2008 nghị quyết về việc triển khai thực hiện chủ trương mở rộng địa giới hành chính"
    cited = "Về việc bổ sung Nghị quyết số 10/2007/NQ-HĐND ngày 04 tháng 05 năm 2007 của Hội đồng nhân dân quận"
    assert _HEADER_MATTER.search(fold_key(ran_on))
    assert not _HEADER_MATTER.search(fold_key(cited))  # a cited document's date is a title's own


def test_a_title_ending_on_a_dangling_word_was_cut_short():
    text = (
        f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/KH-UBND\nBắc Ninh, {DATE}\nKẾ HOẠCH\n"
        "Triển khai công tác thi đua, khen thưởng của\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
    )
    assert "title_cut_short" in _codes(text).get("title", set())


def test_a_title_of_misread_words_is_flagged():
    text = (
        f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/KH-UBND\nBắc Ninh, {DATE}\nKẾ HOẠCH\n"
        "Tổ chức cuộc thi viết về ngirdi tốt, việc tốt trong phong trào thi đua yêu nirac\n"
    )
    assert "unreadable_title_words" in _codes(text).get("title", set())


def test_a_body_named_with_a_titles_words_is_implausible():
    from khplan.extractors.consistency import _NOT_A_BODY, _repeats
    from khplan.extractors.matching import fold_key

    assert _NOT_A_BODY.search(fold_key("Ủy ban nhân dân xã Xuân Phú Quy Chế Làm Việc Của Ủy"))
    assert _repeats(fold_key("Đoàn TNCS Hồ Chí Minh TNCS TNCS TNCS").split())
    assert not _repeats(fold_key("Ủy ban nhân dân tỉnh Hà Tĩnh").split())  # tỉnh … Tĩnh: once each in a row
    assert not _NOT_A_BODY.search(fold_key("Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"))


def test_a_peoples_committee_without_its_unit_is_flagged():
    codes = _codes(f"ỦY BAN NHÂN DÂN\nSố: 15/KH-UBND\nHà Nội, {DATE}\nKẾ HOẠCH\nThi đua năm 2023\n")
    assert codes.get("issuer")  # the unit, if any, came from elsewhere: never silent


def test_a_number_segment_opened_by_digits_is_flagged():
    header = f"HỘI ĐỒNG NHÂN DÂN\nTỈNH BẮC NINH\nSố: 37/2011/7NQ-HĐND\nBắc Ninh, {DATE}\n"
    codes = _codes(header + "NGHỊ QUYẾT\nVề thi đua\n")
    assert "number_misread" in codes.get("number", set())


def test_a_place_no_unit_bears_is_flagged():
    codes = _codes(f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/KH-UBND\nXyzabc, {DATE}\nKẾ HOẠCH\nThi đua năm 2023\n")
    assert "unresolved_place" in codes.get("place", set())


def test_a_parent_no_list_knows_is_flagged_and_a_unit_committee_is_not():
    weak = _codes(
        f"ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH\nBAN HÀNH QUY ĐỊNH VỀ CÔNG TÁC THI ĐUA\nSỞ NỘI VỤ\nSố: 15/KH-SNV\n"
        f"Thái Bình, {DATE}\nKẾ HOẠCH\nThi đua năm 2023\n"
    )
    strong = _codes(f"UBND TỈNH SƠN LA\nSỞ NỘI VỤ\nSố: 15/KH-SNV\nSơn La, {DATE}\nKẾ HOẠCH\nThi đua năm 2023\n")
    assert "weak_parent" in weak.get("issuer.parent", set()) or "implausible_issuer" in weak.get("issuer.parent", set())
    assert "weak_parent" not in strong.get("issuer.parent", set())


def test_a_name_with_a_lost_abbreviation_or_two_heads_is_misread():
    from khplan.extractors.consistency import _misread_name

    assert _misread_name("Ban chấp hành Trung ương tncs Hồ Chí Minh")
    assert _misread_name("Ban chấp hành Trung ương văn phòng")
    assert not _misread_name("Văn phòng Trung ương Đảng")
    assert not _misread_name("Ủy ban nhân dân tỉnh Đắk Lắk")
    assert not _misread_name("Ủy ban nhân dân thành phố Hải Phòng")


def test_a_header_field_resting_on_doubtful_restored_marks_is_flagged():
    from khplan.extractors.consistency import flag_doubtful_restoration

    text = f"ỦY BAN NHÂN DÂN\nXÃ ĐỨC THẠNH\nSố: 15/KH-UBND\nĐức Thạnh, {DATE}\nKẾ HOẠCH\nThi đua năm 2023\n"
    record = extract_record(text)
    name = record.provenance.spans["issuer.name"][0]
    flag_doubtful_restoration(record, [text.index("THẠNH")])
    assert name.start <= text.index("THẠNH") < name.end
    assert "low_restoration_confidence" in [w.code for w in record.warnings if w.field == "issuer"]
    title = extract_record(text)
    flag_doubtful_restoration(title, [text.index("Thi đua")])  # one guess in a title: mostly right all the same
    assert "low_restoration_confidence" not in [w.code for w in title.warnings]


def test_a_d_of_an_unknown_code_segment_is_a_guess_once_the_marks_were_lost():
    from khplan.extractors.consistency import flag_doubtful_restoration

    record = extract_record(f"BỘ Y TẾ\nSố: 27/QĐ-UBQGCDS\nHà Nội, {DATE}\nQUYẾT ĐỊNH\nVề chuyển đổi số\n")
    flag_doubtful_restoration(record, [], lost_marks=True)
    assert "low_restoration_confidence" in [w.code for w in record.warnings if w.field == "number"]
    known = extract_record(
        f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/QĐ-UBND\nBắc Ninh, {DATE}\nQUYẾT ĐỊNH\nVề thi đua\n"
    )
    flag_doubtful_restoration(known, [], lost_marks=True)
    assert "low_restoration_confidence" not in [w.code for w in known.warnings]


def test_names_titles_and_numbers_of_ocr_noise_are_flagged():
    from khplan.extractors.consistency import _NOT_A_BODY, _misread_name
    from khplan.extractors.matching import fold_key

    assert _misread_name("Bq y tế") and _misread_name("Bonol nam vụ") and _misread_name("Thủ tướng Chính phủ _")
    assert _NOT_A_BODY.search(fold_key("Sở Tháng 05 năm của hội đồng nhân"))
    assert _NOT_A_BODY.search(fold_key("Ban Nhân dân"))  # Ủy lost
    assert not _misread_name("Ủy ban nhân dân huyện Krông Búk")  # words of a unit's name
    noise = _codes(f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/KH-UBND\nBắc Ninh, {DATE}\nKẾ HOẠCH\n© do\n\nI. MỤC ĐÍCH\n")
    assert "title_misread" in noise.get("title", set())
    odd = _codes(
        f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 01/KH-UBND-VH-Pitc\nBắc Ninh, {DATE}\nKẾ HOẠCH\nThi đua năm 2023\n"
    )
    assert "number_misread" in odd.get("number", set())


def test_an_issuer_of_one_word_is_implausible():
    record = extract_record(f"DÂN\nSố: 12/KH-LHTN\nHưng Yên, {DATE}\nKẾ HOẠCH\nTổ chức ngày hội thanh niên\n")
    codes = {w.field: w.code for w in record.warnings if w.code == "implausible_issuer"}
    assert (record.issuer.name, codes.get("issuer")) == ("Dân", "implausible_issuer")


def test_a_commune_resolved_in_another_province_than_the_district_its_text_names_is_flagged():
    text = (
        f"ỦY BAN NHÂN DÂN\nXÃ ĐỨC THẠNH\nSố: 01/KH-UBND\nĐức Thạnh, {DATE}\nKẾ HOẠCH\nCông tác tuyên truyền năm 2019\n"
        "Thực hiện Kế hoạch số 3339/KH-UBND ngày 26/12/2018 của UBND huyện Đức Thọ về công tác tuyên truyền;\n"
    )
    record = extract_record(text)
    assert record.issuer.province == "Quảng Ngãi"  # xã Đức Thạnh is there; the text's huyện Đức Thọ is in Hà Tĩnh
    assert "place_contradicts_issuer" in _codes(text).get("issuer", set())
    assert "place_contradicts_issuer" not in _codes(text.replace("huyện Đức Thọ", "huyện Mộ Đức")).get("issuer", set())


def test_a_number_holding_a_marked_letter_took_a_word_and_is_flagged():
    codes = _codes(f"BAN CHẤP HÀNH TRUNG ƯƠNG\nSố: 367-QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH\nHà Nội, {DATE}\nQUYẾT ĐỊNH\n")
    assert "number_misread" in codes.get("number", set())
    lost = _codes(f"HỘI ĐỒNG BỘ TRƯỞNG\nSố: 69-H BT\nHà Nội, {DATE}\nQUYẾT ĐỊNH\n")  # HĐBT, its Đ lost with a font
    assert "number_misread" in lost.get("number", set())
    assert "number_misread" not in _codes(
        f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 1309/QĐ-UBND\nĐồng Hới, {DATE}\n"
    ).get("number", set())


def test_a_place_contradicting_a_weakly_matched_unit_puts_the_whole_issuer_in_doubt():
    # Legacy OCR left the motto's "HỘI CHỦ ©" where the unit's line would be: a weak match makes it xã Hoài Châu,
    # whose name and level are as doubtful as its province once the place line names another province.
    codes = _codes(
        "ỦY BAN NHÂN DÂN | | Thái Bình, ngày 27 tháng 07 năm 2018\nCỘNG HÒA XÃ HỘI CHỦ © ec : :\nNGHĨA VIỆT NAM\n"
        "$6: 05/2018/QĐ-UBND\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
    )
    assert "weak_issuer_evidence" in codes["issuer.province"]
    assert "place_contradicts_issuer" in codes["issuer"]


def test_a_place_contradicting_a_firmly_read_unit_doubts_the_province_only():
    codes = _codes(f"ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 29/2006/QĐ-UBND\nHà Nội, {DATE}\n")
    assert "place_contradicts_issuer" not in codes.get("issuer", set())


def test_an_office_named_by_its_kind_alone_is_flagged():
    # The body above it was misread, so the office's name could not say whose office it is.
    codes = _codes(
        "BAN CHẤP HÀNH TRUNG ~ - ĐẢNG CỘNG SẢN VIỆT NAM\nYÔNG nợ :\nVĂN PHÒNG. Hà Nội, ngày 28 tháng 05 năm 2004\n"
    )
    assert "implausible_issuer" in codes["issuer"]


def test_a_body_of_no_known_level_is_flagged():
    # "TRUNG" / "ƯƠNG" wrapped and misread: no convention knows a "Ban chấp hành Trung cường", so no level is set.
    codes = _codes(
        "BAN CHẤP HÀNH TRUNG ĐẢNG CỘNG SẢN VIỆT NAM\nCƯỜNG\nSố: 97-QĐ/TW Hà Nội, ngày 07 tháng 02 năm 2023\n\n"
        "QUY ĐỊNH\nCHỨC NĂNG, NHIỆM VỤ CỦA ĐẢNG ĐOÀN\n"
    )
    assert "implausible_issuer" in codes["issuer"]


def test_a_number_of_another_body_puts_the_whole_issuer_in_doubt():
    codes = _codes(
        f"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/KH-SNV\nBắc Ninh, {DATE}\nKẾ HOẠCH\nCải cách hành chính năm 2023\n"
    )
    assert "number_contradicts_issuer" in codes["issuer"]  # its level and parent too, not the name alone


def test_a_code_like_the_issuers_own_but_not_it_is_a_misread_number():
    header = (
        "BỘ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: 3478/{code}-VP\nHà Nội, "
        + DATE
        + "\nV/v chuẩn bị tổng kết công tác năm 2011\n"
    )
    for misread in ("BTTTTI", "BITTI"):  # OCR's I for T
        assert "number_misread" in _codes(header.format(code=misread)).get("number", set())
    assert "number_misread" not in _codes(header.format(code="BTTTT")).get("number", set())


def test_a_letter_glued_to_the_digits_is_a_misread_number():
    header = (
        "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: {number}/CTr-UBND\nCà Mau, " + DATE + "\nCHƯƠNG TRÌNH\nCông tác năm 2023\n"
    )
    assert "number_misread" in _codes(header.format(number="0U")).get("number", set())
    assert "number_misread" not in _codes(header.format(number="01")).get("number", set())


def test_an_action_programme_agrees_with_its_ctr_code():
    text = (
        f"ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 01/CTr-UBND\nCà Mau, {DATE}\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 12\n"
    )
    record = extract_record(text)
    assert record.doc_type == "Chương trình hành động"
    assert not any(w.code == "number_contradicts_type" for w in record.warnings)


def test_a_title_of_another_province_puts_the_place_in_doubt_when_the_issuer_came_from_it():
    text = (
        f"ỦY BAN NHÂN DÂN\nSố: 383/KH-UBND\nKiên Giang, {DATE}\nKẾ HOẠCH\n"
        "Thực hiện Chương trình chuyển đổi số trên địa bàn tỉnh Tiền Giang giai đoạn 2022-2025\n"
    )
    codes = _codes(text)  # "Tiền Giang" misread on the place line: the issuer was read from it
    assert "title_contradicts_issuer" in codes["place"] and "title_contradicts_issuer" in codes["issuer.province"]


def test_a_district_s_place_line_naming_another_district_of_its_province_is_flagged():
    """``Bình Thạnh, ngày …`` under UBND huyện Bình Chánh: restoration read one district's name as another's."""
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN BÌNH CHÁNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 03/2017/QĐ-UBND\n"
        f"Bình Thạnh, {DATE}\nQUYẾT ĐỊNH\nBan hành Quy chế làm việc\n"
    )
    assert "place_contradicts_issuer" in _codes(text)["place"]
    own = text.replace("Bình Thạnh, ngày", "Bình Chánh, ngày")
    assert "place_contradicts_issuer" not in _codes(own).get("place", set())


def test_the_prime_minister_s_code_without_its_g_is_a_misread_number():
    text = f"THỦ TƯỚNG CHÍNH PHỦ\nSố: 106/1999/QĐ-TT\nHà Nội, {DATE}\nQUYẾT ĐỊNH\nVề việc công nhận X Y Z\n"
    assert "number_misread" in _codes(text)["number"]


def test_no_number_is_no_misread_number():
    record = extract_record(
        "Thông báo ngày bầu cử Trưởng ấp nhiệm kỳ VII\n\nỦy ban nhân dân xã Mỹ Thạnh thông báo ngày bầu cử; "
        "Ủy ban nhân dân tỉnh Bến Tre chỉ đạo.\n"
    )
    assert record.number is None
    assert "number_misread" not in {w.code for w in record.warnings}


def test_one_doubtful_word_puts_a_title_read_from_legacy_ocr_in_doubt():
    from khplan.extractors.consistency import flag_doubtful_restoration

    text = f"ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\nSố: 15/KH-UBND\nNam Định, {DATE}\nKẾ HOẠCH\nThi đua năm 2023\n"
    stripped, misread = extract_record(text), extract_record(text)
    flag_doubtful_restoration(stripped, [text.index("Thi đua")], lost_marks=True)
    flag_doubtful_restoration(misread, [text.index("Thi đua")], lost_marks=True, misread=True)
    assert "low_restoration_confidence" not in [w.code for w in stripped.warnings if w.field == "title"]
    assert "low_restoration_confidence" in [w.code for w in misread.warnings if w.field == "title"]


def test_a_date_read_as_the_number_and_a_code_ending_in_bare_digits_are_misread_numbers():
    for number in ("26/11/2003", "3478/BTITI-VP-62"):
        record = extract_record(
            f"ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\nSố: {number}\nNam Định, {DATE}\nKẾ HOẠCH\nThi đua 2023\n"
        )
        assert record.number == number
        assert "number_misread" in {w.code for w in record.warnings if w.field == "number"}


def test_a_d_of_an_unknown_code_segment_is_read_as_most_codes_print_it_once_the_marks_were_lost():
    from khplan.extractors.consistency import flag_doubtful_restoration
    from khplan.extractors.terms import guessed_code_marks

    record = extract_record(f"VĂN PHÒNG CHÍNH PHỦ\nSố: 3986/VPCP-QHDP\nHà Nội, {DATE}\nV/v tổng kết\n")
    flag_doubtful_restoration(record, [], lost_marks=True)
    assert record.number == "3986/VPCP-QHĐP"  # quan hệ địa phương
    assert "low_restoration_confidence" in [w.code for w in record.warnings if w.field == "number"]
    assert guessed_code_marks("12/UBDT-VP") == "12/UBDT-VP"  # Ủy ban Dân tộc: after B, N, G, X a D stays
    assert guessed_code_marks("4/SXD-QLXD") == "4/SXD-QLXD"
    assert guessed_code_marks("15/KH-UBND") == "15/KH-UBND"  # known segments as printed


def test_a_number_whose_ky_hieu_lost_its_letters_is_flagged():
    codes = _codes(f"ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 22/2010\nTuyên Quang, {DATE}\nQUYẾT ĐỊNH\nVề quy trình\n")
    assert "number_misread" in codes.get("number", set())


def test_an_issuer_holding_the_mottos_words_is_implausible():
    text = (  # a scan's legacy OCR, restored: the motto's words read into the commune's name beside them
        "UBNDXA DỨC BĨNH CONG Độc lập - Tự do - Hạnh phúc\nCHO XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\n"
        "BCĐ PCGD Đức Bình, ngày 07 tháng 10 năm 2007\nSố 04/BC-PCGD\nBÁO CÁO TÌNH HÌNH VÀ\nKẾT QUẢ\n"
    )
    assert "xa hoi chu nghia" in fold_key(extract_record(text).issuer.name or "")
    assert "implausible_issuer" in _codes(text).get("issuer", set())


def test_a_date_a_preamble_cites_is_not_the_documents():
    text = (  # development document 1745: a site dropped the header; the first written date is a cited decree's
        "873/QĐ-BVHTTDL\n"
        "\n"
        "KTBT, TT Lê Khánh Hải Theo BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH -\n"
        "\n"
        'Quyết định V/v tặng "Cờ Thi đua của Bộ" năm 2015\n'
        "\n"
        "BỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n"
        "\n"
        "Căn cứ Luật Thi đua, Khen thưởng năm 2003; Luật Sửa đổi, bổ sung một số điều của Luật Thi "
        "đua, Khen thưởng năm 2005 và năm 2013;\n"
        "Căn cứ Nghị định số 76/2013/NĐ-CP ngày 16 tháng 7 năm 2013 của Chính phủ quy định chức năn"
        "g, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Văn hóa, Thể thao và Du lịch;\n"
        "Căn cứ Nghị định số 42/2010/NĐ-CP ngay 15 tháng 4 năm 2010 của Chính phủ quy định chi tiết"
        " thi hành một số điều của Luật Thi đua, Khen thưởng và Luật sửa đổi, bổ sung một số điều c"
        "ủa Luật Thi đua, Khen thưởng; Nghị định số 39/2012/NĐ-CP ngày 27 tháng 4 năm 2012 của Chin"
        "h phủ về việc sửa đổi, bổ sung một số điều của Nghị định số 42"
    )
    assert extract_record(text).issue_date is None


def test_a_ministrys_letter_speaking_as_a_department_flags_the_issuer():
    record = extract_record(  # development document 1849: the site dropped the header's line naming the Cục
        "BỘ\nTƯ PHÁP |\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 1013/HTQTCT-HT |\n"
        "Hà Nội, ngày 08 tháng 7 năm 2016 |\n"
        "Kính gửi: Sở Tư pháp thành phố Cần Thơ\nCục Hộ tịch, quốc tịch, chứng thực nhận được các Công văn số "
        "478/STP-HCTP của Sở Tư pháp thành phố Cần Thơ đề nghị hướng dẫn nghiệp vụ hộ tịch.\n"
    )
    assert record.issuer.name == "Bộ Tư pháp"
    assert any(w.code == "weak_issuer_evidence" and w.field == "issuer.name" for w in record.warnings)


def test_a_ministrys_letter_answering_a_department_does_not_flag_the_issuer():
    record = extract_record(  # made up to pin the rule: the Cục is whose letter is answered, the Bộ speaks
        "BỘ TÀI CHÍNH\nSố: 1013/BTC-TCT\nHà Nội, ngày 08 tháng 7 năm 2016\nV/v chính sách thuế\n"
        "Kính gửi: Cục Thuế tỉnh Cần Thơ\nTrả lời công văn số 478/CT-TTHT của Cục Thuế tỉnh Cần Thơ, Bộ Tài chính có ý "
        "kiến như sau:\n"
    )
    assert not any(w.code == "weak_issuer_evidence" and w.field == "issuer.name" for w in record.warnings)
