from __future__ import annotations

from tools.corpus import is_held_out, split_of


def test_held_out_split_is_a_function_of_the_name():
    names = [f"Luat-{n}.txt" for n in range(400)]
    held = [n for n in names if is_held_out(n)]
    assert held == [n for n in names if is_held_out(n)]
    assert 0.05 < len(held) / len(names) < 0.2


def test_the_laws_plans_lean_on_are_trained_on():
    for name in (
        "Luat-Thi-dua-Khen-thuong-2022-418232.txt",
        "Luat-Thi-dua-Khen-thuong-2003-15-2003-QH11-51686.txt",
        "Luat-can-bo-cong-chuc-2008-22-2008-QH12-82202.txt",
        "Luat-to-chuc-chinh-quyen-dia-phuong-2015-282380.txt",
    ):
        assert split_of(name) == "train"


def test_development_laws_are_neither_trained_on_nor_held_out():
    names = [f"Luat-{n}.txt" for n in range(400)]
    dev = {n for n in names if split_of(n) == "dev"}
    assert dev and not any(is_held_out(n) for n in dev)
