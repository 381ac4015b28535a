"""The vocabulary of administrative documents: codes, abbreviations, agency names."""

from __future__ import annotations

import pytest

from khplan.extractors.terms import expand_field_abbreviations


def test_a_types_code_run_into_a_bodys_gets_its_dash_back():
    from khplan.extractors.terms import canonical_code

    assert canonical_code("5556/QĐBYT") == "5556/QĐ-BYT"  # a site that drops every hyphen
    assert canonical_code("75/2017/NĐCP") == "75/2017/NĐ-CP"
    assert canonical_code("10/QĐTTg") == "10/QĐ-TTg"
    assert canonical_code("278/PGD&ĐT-THCS") == "278/PGD&ĐT-THCS"  # no type's code opens it: kept
    assert canonical_code("2928/SGDĐT-KHTC") == "2928/SGDĐT-KHTC"


def test_only_the_type_s_segment_is_split_from_a_body_s_code():
    from khplan.extractors.terms import canonical_code

    assert canonical_code("12/CT-CTUBND") == "12/CT-CTUBND"  # the chairman's directive, as printed
    assert canonical_code("CT-CTUBND") == "CT-CTUBND"  # the chairman's directive, as printed
    assert canonical_code("QĐBYT") == "QĐ-BYT"


def test_a_code_segment_ocr_doubled_or_specked_is_read_as_printed():
    from khplan.extractors.terms import canonical_code

    assert canonical_code("2033/QĐĐ-UBND") == "2033/QĐ-UBND"  # OCR doubled the Đ
    assert canonical_code("2652/LĐĐTBXH-KHTC") == "2652/LĐTBXH-KHTC"
    assert canonical_code("37/2011/7NQ-HĐND") == "37/2011/NQ-HĐND"  # a speck read as a digit before the type's code
    assert canonical_code("12/TTr-UBND") == "12/TTr-UBND"  # letters printed twice stay
    assert canonical_code("05/TT-BYT") == "05/TT-BYT"
    assert canonical_code("12/KH-7UBND") == "12/KH-7UBND"  # only where the type's code stands
    assert canonical_code("727/NQ-UBTVQHI15") == "727/NQ-UBTVQH15"  # the term's 1 read twice
    assert canonical_code("87/2014/NQ-HĐNDI15") == "87/2014/NQ-HĐND15"
    assert canonical_code("12/KH-ABCI15") == "12/KH-ABCI15"  # no body's code before it


def test_a_number_repaired_from_what_ocr_read_is_flagged():
    from khplan.extractors import extract_record

    record = extract_record(
        "ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH\nSố: 2033/QĐĐ-UBND\nThái Bình, ngày 30 tháng 09 năm 2013\nQUYẾT ĐỊNH\n"
        "Về việc ban hành quy chế làm việc\n"
    )
    assert record.number == "2033/QĐ-UBND"
    assert any(w.code == "number_misread" and w.field == "number" for w in record.warnings)


def test_an_older_ministrys_code_names_its_type_after_the_slash():
    from khplan.extractors.terms import type_of_code

    assert type_of_code("BYT/TT") == "Thông tư"  # "Số: 18-BYT/TT" (1979)
    assert type_of_code("KH/HU") == "Kế hoạch"  # party style: the type first
    assert type_of_code("BGTVT-KHĐT") is None  # a ministry's department after the dash names no type


@pytest.mark.parametrize(
    ("printed", "full"),
    [
        ("PHÒNG GD&ĐT", "PHÒNG giáo dục và đào tạo"),
        ("SỞ VH,TT&DL", "SỞ văn hóa, thể thao và du lịch"),
        ("BCĐ. XD ĐSVH", "ban chỉ đạo xây dựng đời sống văn hóa"),
        ("Sở Xd", "Sở Xd"),  # a word in small letters is no abbreviation
        ("ĐOÀN TNCS HỒ CHÍ MINH", "ĐOÀN TNCS HỒ CHÍ MINH"),  # the Đoàn's own name keeps it
    ],
)
def test_an_offices_abbreviated_fields_are_written_out(printed, full):
    assert expand_field_abbreviations(printed) == full
