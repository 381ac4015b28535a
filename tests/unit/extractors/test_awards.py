"""Award rules: form, conferrer, subject, cadence, quota, rank limit, group."""

from __future__ import annotations

from khplan.extractors import extract_record

HEAD = "Số: 1/KH-UBND\nPhù Mỹ, ngày 01 tháng 02 năm {year}\nKẾ HOẠCH\nThi đua {period}\n\n"


def _awards(body: str, *, period: str = "giai đoạn 2021 - 2025", year: int = 2022):
    return extract_record(HEAD.format(year=year, period=period) + body).awards


def test_top_three_rule_of_the_annual_awards():
    body = (
        "III. KHEN THƯỞNG\n1. Khen thưởng tập thể\na) Khen thưởng hàng năm\n- Tặng Giấy khen của Chủ tịch Ủy "
        "ban nhân dân huyện đối với Ủy ban nhân dân cấp xã có kết quả xếp hạng 03 vị trí cao nhất.\n"
    )
    (award,) = _awards(body)
    assert (award.form, award.conferrer, award.subject, award.cadence, award.rank_limit, award.recipient_group) == (
        "Giấy khen",
        "Chủ tịch Ủy ban nhân dân huyện",
        "collective",
        "annual",
        3,
        "Ủy ban nhân dân cấp xã",
    )


def test_summing_up_heading_makes_the_award_final():
    body = (
        "III. KHEN THƯỞNG\n2. Khen thưởng cá nhân\nb) Khen thưởng tổng kết giai đoạn 2021 - 2025\nTặng Giấy "
        "khen của Chủ tịch Ủy ban nhân dân huyện đối với cán bộ, công chức có thành tích.\n"
    )
    (award,) = _awards(body)
    assert (award.subject, award.cadence) == ("individual", "final")


def test_counted_shares_are_rules_of_their_own():
    body = (
        "III. HÌNH THỨC KHEN THƯỞNG\na) Đối với tập thể: Tặng 06 Giấy khen của Chủ tịch Ủy ban nhân dân "
        "huyện.\n- 02 Giấy khen cho các xã, thị trấn.\n"
    )
    awards = _awards(body, period="năm 2023", year=2023)
    assert [(a.quota, a.cadence, a.conferrer, a.recipient_group) for a in awards] == [
        (6, "final", "Chủ tịch Ủy ban nhân dân huyện", None),
        (2, "final", "Chủ tịch Ủy ban nhân dân huyện", "Các xã, thị trấn"),
    ]


def test_one_count_each_for_collectives_and_individuals():
    body = (
        "III. KHEN THƯỞNG\n- Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 tập thể và 02 cá nhân xuất sắc.\n"
    )
    assert [(a.subject, a.quota) for a in _awards(body)] == [("collective", 1), ("individual", 2)]


def test_bare_listing_of_forms_is_not_a_rule_when_rules_follow():
    body = (
        "III. HÌNH THỨC, TIÊU CHUẨN KHEN THƯỞNG\n1. Hình thức khen thưởng\n- Bằng khen của Chủ tịch Ủy ban nhân "
        "dân tỉnh.\n"
        "2. Tiêu chuẩn\n- Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: xét chọn theo tiêu chuẩn sau:\n"
        "+ Đối với tập thể: Hoàn thành tốt nhiệm vụ.\n+ Đối với cá nhân: Có thành tích xuất sắc.\n"
    )
    assert [(a.form, a.subject) for a in _awards(body, period="năm 2024", year=2024)] == [
        ("Bằng khen", "collective"),
        ("Bằng khen", "individual"),
    ]


def test_each_conferrer_listed_gives_a_rule():
    body = (
        "III. TIÊU CHUẨN\n- Giấy khen: Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các huyện, thị "
        "xã, thành phố "
        "Chủ tịch UBND cấp xã xem xét quyết định số lượng và tặng Giấy khen cho các tập thể, cá nhân có thành tích.\n"
    )
    assert [(a.conferrer, a.subject) for a in _awards(body, period="năm 2024", year=2024)] == [
        ("Thủ trưởng các sở, ban, ngành", "any"),
        ("Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố", "any"),
        ("Chủ tịch Ủy ban nhân dân cấp xã", "any"),
    ]


def test_an_award_named_inside_a_standard_is_not_a_rule():
    body = (
        "III. KHEN THƯỞNG\n1. Khen thưởng cá nhân\nTặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện đối với cán "
        "bộ đạt tiêu chuẩn sau:\n"
        "- Năm trước liền kề được Chủ tịch Ủy ban nhân dân huyện tặng Giấy khen.\n"
    )
    assert len(_awards(body)) == 1


def test_dossier_section_holds_no_awards():
    assert _awards("III. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG\n- Tờ trình đề nghị tặng Bằng khen.\n") == []


def test_capped_counts_after_the_form_give_one_entry_per_subject():
    body = (
        "III. KHEN THƯỞNG\n- Tặng Giấy khen của Chủ tịch UBND huyện cho không quá 04 tập thể và 08 cá\nnhân "
        "có thành tích xuất sắc.\n"
    )
    awards = _awards(body, period="năm 2024", year=2024)
    assert [(a.subject, a.quota, a.recipient_group, a.condition) for a in awards] == [
        ("collective", 4, None, "có thành tích xuất sắc"),
        ("individual", 8, None, "có thành tích xuất sắc"),
    ]


def test_title_of_emulation_counted_after_it():
    body = "III. KHEN THƯỞNG\n- Xét tặng danh hiệu “Lao động tiên tiến” cho 03 cá nhân tiêu biểu.\n"
    (award,) = _awards(body, period="năm 2024", year=2024)
    assert (award.form, award.subject, award.quota, award.conferrer) == ("Lao động tiên tiến", "individual", 3, None)


def test_conferrer_named_before_the_granting_verb():
    body = "III. KHEN THƯỞNG\n- Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 01 tập thể và 02 cá nhân xuất sắc.\n"
    assert {a.conferrer for a in _awards(body)} == {"Chủ tịch Ủy ban nhân dân tỉnh"}


def test_a_form_already_received_in_a_standard_is_not_a_rule():
    body = (
        "III. KHEN THƯỞNG\n1. Hình thức khen thưởng\n- Tặng 05 Giấy khen của Chủ tịch UBND huyện.\n"
        "2. Tiêu chuẩn\n- Đối với cá nhân:\n+ Năm trước liền kề được tặng Giấy khen về cải cách hành chính.\n"
    )
    assert [a.quota for a in _awards(body, period="năm 2024", year=2024)] == [5]


def test_collectives_and_individuals_in_general_are_no_reserved_group():
    body = (
        "III. KHEN THƯỞNG\n- Tặng Giấy khen của Chủ tịch UBND huyện cho các tập thể, cá nhân có thành tích xuất sắc.\n"
    )
    (award,) = _awards(body, period="năm 2024", year=2024)
    assert award.recipient_group is None


def test_a_group_located_in_its_bodies_keeps_its_trong():
    body = (
        "III. KHEN THƯỞNG\n- Tặng Bằng khen của Chủ tịch UBND tỉnh đối với người lao động trong các doanh "
        "nghiệp có thành tích xuất sắc.\n"
    )
    (award,) = _awards(body, period="năm 2024", year=2024)
    assert award.recipient_group == "Người lao động trong các doanh nghiệp"


def test_department_conferrer_keeps_its_full_name():
    body = "III. KHEN THƯỞNG\n- Tặng Giấy khen của Giám đốc Sở Giáo dục và Đào tạo cho 02 tập thể.\n"
    (award,) = _awards(body, period="năm 2024", year=2024)
    assert award.conferrer == "Giám đốc Sở Giáo dục và Đào tạo"


def test_rank_in_ordinal_words():
    body = "III. KHEN THƯỞNG\n- Tặng Giấy khen cho các xã xếp từ thứ nhất đến thứ ba về kết quả thu ngân sách.\n"
    (award,) = _awards(body, period="năm 2024", year=2024)
    assert award.rank_limit == 3


def test_rank_in_ordinal_words_as_restored_legacy_ocr_leaves_them():
    """Tesseract ``eng`` reads the hook of ``thứ`` as ``?``; restoration keeps it and picks another vowel."""
    body = (
        "III. KHEN THƯỞNG\n- Tặng Giấy khen cho các xã xếp tử thi? nhất đến thị? hải về kết quả thu ngân sách.\n"
        "- Tặng Giấy khen cho các phòng, ban xếp thứ? nhất về cải cách hành chính.\n"
    )
    assert [a.rank_limit for a in _awards(body, period="năm 2024", year=2024)] == [2, 1]


def test_conferrers_named_after_do():
    body = "III. KHEN THƯỞNG\n- Giấy khen do Thủ trưởng các phòng, ban và Chủ tịch UBND các xã tặng theo thẩm quyền.\n"
    assert [a.conferrer for a in _awards(body, period="năm 2024", year=2024)] == [
        "Thủ trưởng các phòng, ban",
        "Chủ tịch Ủy ban nhân dân các xã",
    ]


def test_a_title_without_a_subject_is_for_whom_the_law_gives_it():
    body = "III. KHEN THƯỞNG\n- Danh hiệu “Gia đình văn hóa”: xét tặng theo quy định.\n"
    (award,) = _awards(body, period="năm 2024", year=2024)
    assert award.subject == "household"


def test_a_share_labelled_by_its_group():
    body = (
        "III. KHEN THƯỞNG\n- Tập thể: 05 Giấy khen của Chủ tịch UBND huyện, trong đó:\n"
        "+ Các trường học: 02 Giấy khen;\n+ Các trạm y tế: 03 Giấy khen.\n"
    )
    awards = _awards(body, period="năm 2024", year=2024)
    assert [(a.quota, a.recipient_group) for a in awards] == [(5, None), (2, "Các trường học"), (3, "Các trạm y tế")]


def test_counts_read_through_ocr_damage():
    body = (
        "III. KHEN THƯỞNG\n- Tặng Bằng khen của Chủ tịch UBND tỉnh gho không quá 05 tập thể Và 08 cá 'nhậi có "
        "thành tích.\n"
    )
    assert [(a.subject, a.quota) for a in _awards(body, period="năm 2024", year=2024)] == [
        ("collective", 5),
        ("individual", 8),
    ]
