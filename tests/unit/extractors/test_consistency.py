"""Cross-checks: the header read against the place line, the number's ký hiệu and the title."""

from __future__ import annotations

from khplan.extractors import extract_record

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
