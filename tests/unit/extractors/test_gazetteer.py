"""The pre-2025 gazetteer: its size, names as documents print them, resolution, successors."""

from __future__ import annotations

from collections import Counter

from khplan.extractors.gazetteer import mentions, provinces, resolve, successor, units
from khplan.extractors.matching import fold_key


def test_sixty_three_provinces_seven_hundred_districts_ten_thousand_communes():
    levels = Counter(unit.level for unit in units())
    assert levels["province"] == 63
    assert 650 <= levels["district"] <= 720
    assert levels["commune"] >= 10_000


def test_kinds_are_lower_case_words_as_documents_write_them():
    assert {unit.kind for unit in units()} == {
        "tỉnh",
        "thành phố",
        "huyện",
        "quận",
        "thị xã",
        "xã",
        "phường",
        "thị trấn",
    }


def test_names_carry_no_dataset_tags():
    assert not [unit for unit in units() if "(" in unit.name]


def test_numbered_district_is_named_by_its_number():
    assert any(u.name == "1" and u.kind == "quận" and u.province == "Hồ Chí Minh" for u in units())


def test_hue_is_named_as_before_2025():
    assert any(p.name == "Thừa Thiên Huế" and p.kind == "tỉnh" for p in provinces())


def test_name_without_marks_resolves_by_kind():
    unit = resolve("PHU MY", kinds=["huyện"]).unit
    assert (unit.name, unit.province) == ("Phù Mỹ", "Bình Định")


def test_ocr_damaged_province_name_resolves():
    assert resolve("Qudng Ninh", levels=["province"]).unit.name == "Quảng Ninh"


def test_shared_name_is_ambiguous_without_hints():
    found = resolve("Châu Thành", kinds=["huyện"])
    assert found.unit is None and found.ambiguous
    assert len({u.province for u in found.candidates}) >= 8


def test_province_hint_breaks_the_tie():
    assert resolve("Châu Thành", kinds=["huyện"], province_hints={"Sóc Trăng": 2}).unit.province == "Sóc Trăng"


def test_mentions_count_provinces_named_with_their_kind():
    text = fold_key("Ban Chấp hành Đảng bộ tỉnh Sóc Trăng; tỉnh Bà Rịa - Vũng Tàu; tỉnh Sóc Trăng.")
    assert mentions(text, "province") == Counter({"Sóc Trăng": 2, "Bà Rịa - Vũng Tàu": 1})


def test_district_successor_is_its_new_province():
    district = resolve("Phù Mỹ", kinds=["huyện"]).unit
    assert (successor(district).name, successor(district).level) == ("Gia Lai", "province")


def test_commune_successor_is_a_commune_of_the_new_map():
    commune = resolve("Hòa Phong", kinds=["xã"], province_hints={"Đà Nẵng": 1}).unit
    after = successor(commune)
    assert after.level == "commune" and after.province == "Đà Nẵng" and after.name


def test_districts_dissolved_before_2025_are_known_with_their_province():
    """Quận 2 and Quận 9 joined the city of Thủ Đức in 2021: a 2007 council of Quận 2 is in Hồ Chí Minh."""
    for name in ("2", "9", "Thủ Đức"):
        (unit,) = resolve(name, kinds=["quận"]).candidates
        assert (unit.level, unit.province) == ("district", "Hồ Chí Minh")
    assert successor(resolve("2", kinds=["quận"]).unit).name == "Hồ Chí Minh"


def test_a_unit_printed_with_its_kind_before_a_regrading_is_found_weakly():
    # "huyện Mộc Châu" (2017) is a thị xã in the gazetteer: its own name, not a huyện of a near name (Mộc Hóa).
    found = resolve("Mộc Châu", kinds=["huyện"])
    assert found.unit is not None and (found.unit.name, found.unit.province) == ("Mộc Châu", "Sơn La")
    assert found.score < 90
    assert resolve("Mộc Hóa", kinds=["huyện"]).score == 100  # a name of the printed kind is matched as before


def test_the_city_of_hue_is_a_district_until_2025_and_the_province_after():
    import datetime as dt

    from khplan.extractors.gazetteer import on_day

    found = resolve("Huế", kinds=["thành phố"])
    assert found.unit is not None and (found.unit.level, found.unit.province) == ("district", "Thừa Thiên Huế")
    assert on_day(found, dt.date(2013, 4, 9)).unit == found.unit
    after = on_day(found, dt.date(2025, 12, 29)).unit
    assert after is not None and (after.level, after.name) == ("province", "Thừa Thiên Huế")
