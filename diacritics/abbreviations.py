"""Document codes and abbreviations that legacy OCR printed without their Đ.

Số và ký hiệu (Nghị định 30/2020/NĐ-CP, Phụ lục III) abbreviate the type of
document and the issuing body; an engine without Vietnamese prints ``QĐ`` as
``QD``. Only parts whose Đ is certain are restored: ``HD`` stays, since it is
Hướng dẫn as often as Hội đồng.
"""

from __future__ import annotations

import re

D_RESTORED = {
    "QD": "QĐ",  # Quyết định
    "ND": "NĐ",  # Nghị định
    "HDND": "HĐND",  # Hội đồng nhân dân
    "TDKT": "TĐKT",  # Thi đua, khen thưởng
    "HDTDKT": "HĐTĐKT",  # Hội đồng Thi đua - Khen thưởng
    "BCD": "BCĐ",  # Ban Chỉ đạo
    "DU": "ĐU",  # Đảng ủy
    "DTN": "ĐTN",  # Đoàn Thanh niên
    "LDLD": "LĐLĐ",  # Liên đoàn Lao động
    "LDTBXH": "LĐTBXH",  # Lao động - Thương binh và Xã hội
    "SLDTBXH": "SLĐTBXH",
    "GDDT": "GDĐT",  # Giáo dục và Đào tạo
    "SGDDT": "SGDĐT",
    "BGDDT": "BGDĐT",
    "TTDN": "TTĐN",  # Thông tin đối ngoại
    "BLDTBXH": "BLĐTBXH",  # Bộ Lao động - Thương binh và Xã hội
    "KHDT": "KHĐT",  # Kế hoạch và Đầu tư
    "SKHDT": "SKHĐT",
    "BKHDT": "BKHĐT",
    "BTDKT": "BTĐKT",  # Ban Thi đua - Khen thưởng
    "HDBT": "HĐBT",  # Hội đồng Bộ trưởng
    "TWDTN": "TWĐTN",  # Trung ương Đoàn Thanh niên
    "UBQGCDS": "UBQGCĐS",  # Ủy ban Quốc gia về Chuyển đổi số
    "QLDT": "QLĐT",  # Quản lý đô thị, Quản lý đào tạo
}
_PART = re.compile(r"[A-Za-zĐđ]+")


_TRAINING_AFTER_EDUCATION = re.compile(r"(?<![A-Za-z])([PS]?GD\s?[&-]\s?)DT(?![A-Za-z])")
"""``DT`` alone is diện tích or dân tộc as often as Đào tạo; after ``GD&`` (Giáo dục và) it is Đào tạo."""


def restore_code(code: str) -> str:
    """``3809/QD-UBND`` -> ``3809/QĐ-UBND``; parts that are not certainly missing a Đ are kept.

    >>> restore_code("176/NQ-HDND")
    '176/NQ-HĐND'
    >>> restore_code("278/PGD&DT-THCS")
    '278/PGD&ĐT-THCS'
    """
    code = _TRAINING_AFTER_EDUCATION.sub(r"\1ĐT", code)
    return _PART.sub(lambda m: D_RESTORED.get(m.group(0), m.group(0)), code)
