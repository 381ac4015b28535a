"""Cited documents of the preamble: kind, number, date, issuer; one per number."""

from __future__ import annotations

from khplan.extractors import extract_record

HEAD = "Số: 12/KH-UBND\nPhù Mỹ, ngày 13 tháng 4 năm 2022\nKẾ HOẠCH\nThi đua\n\n"


def _bases(preamble: str):
    return [b.model_dump() for b in extract_record(HEAD + preamble + "\nI. MỤC ĐÍCH, YÊU CẦU\n").legal_bases]


def test_citation_with_written_date_and_issuer():
    assert _bases("Thực hiện Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình;") == [
        {"kind": "Nghị quyết", "number": "76/NQ-CP", "date": "2021-07-15", "issuer": "Chính phủ"}
    ]


def test_issuer_directly_after_the_date_without_cua():
    (basis,) = _bases("Căn cứ Quyết định số 3322/QĐ-UBND ngày 01/10/2021 Ủy ban nhân dân tỉnh ban hành Chương trình;")
    assert (basis["date"], basis["issuer"]) == ("2021-10-01", "Ủy ban nhân dân tỉnh")


def test_party_style_number_and_abbreviated_issuer_expanded():
    (basis,) = _bases("Căn cứ Kế hoạch số 27-KH/HU ngày 25/11/2021 của HĐND huyện về cải cách hành chính;")
    assert (basis["number"], basis["issuer"]) == ("27-KH/HU", "Hội đồng nhân dân huyện")


def test_legacy_ocr_code_gets_its_d_back():
    (basis,) = _bases("Can cir Quyet dinh s6 3809/QD-UBND ngay 14 thang 9 nam 2021 cua Uy ban nhan dan tinh;")
    assert basis["number"] == "3809/QĐ-UBND" and basis["date"] == "2021-09-14"


def test_the_same_number_cited_twice_is_one_basis():
    bases = _bases(
        "Thực hiện Chương trình số 09-CTr/TU ngày 14/5/2021 của Tỉnh ủy và Kế hoạch thực hiện Chương trình số "
        "09-CTr/TU của Tỉnh ủy;"
    )
    assert [b["number"] for b in bases] == ["09-CTr/TU"]


def test_law_cited_by_name_has_no_number():
    assert _bases("Căn cứ quy định của Luật Thi đua, khen thưởng, Chủ tịch Ủy ban nhân dân tỉnh phát động;") == [
        {"kind": "Luật", "number": None, "date": None, "issuer": None}
    ]


def test_law_mentioned_as_phap_luat_is_not_a_basis():
    assert _bases("Căn cứ chính sách, pháp luật của Nhà nước;") == []


def test_citations_in_the_body_are_not_bases():
    record = extract_record(
        HEAD + "I. TỔ CHỨC THỰC HIỆN\n1. Thực hiện theo Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ.\n"
    )
    assert record.legal_bases == []


def test_two_laws_cited_by_name_are_two_bases():
    bases = _bases(
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;\n"
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013;"
    )
    assert [(b["kind"], b["date"]) for b in bases] == [("Luật", "2003-11-26"), ("Luật", "2013-11-16")]


def test_next_law_in_a_can_cu_paragraph_list():
    bases = _bases(
        "Căn cứ Luật Thi đua, khen thưởng; Luật Tổ chức chính quyền địa phương; Nghị định số 98/2023/NĐ-CP của "
        "Chính phủ;"
    )
    assert [b["kind"] for b in bases] == ["Luật", "Luật", "Nghị định"]


def test_law_with_its_number():
    (basis,) = _bases("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;")
    assert (basis["number"], basis["date"]) == ("06/2022/QH15", "2022-06-15")


def test_kind_broken_across_lines():
    bases = _bases(
        "Căn cứ Luật Thi đua, khen thưởng; Nghị\nquyết số 200/NQ-HĐND ngày 22 tháng 6 năm 2022 của Hội đồng nhân "
        "dân tỉnh;"
    )
    assert bases[-1]["number"] == "200/NQ-HĐND"


def test_guidance_code_stays_hd():
    (basis,) = _bases("Căn cứ Hướng dẫn số 44/HD-SNV ngày 24/5/2022 của Sở Nội vụ;")
    assert basis["number"] == "44/HD-SNV"
