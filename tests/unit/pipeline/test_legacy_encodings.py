"""Text in TCVN3 (ABC) and VNI, as archives hold it, comes out as Unicode Vietnamese."""

from __future__ import annotations

import unicodedata

import docx
import pytest

from khplan.diacritics.orthography import TONE_MARKS
from khplan.pipeline.errors import EncodingError
from khplan.pipeline.reading.inputs import read_text_file
from khplan.pipeline.reading.legacy_encodings import TCVN3_CHARS, VNI_SEQUENCES, decode_legacy_bytes, to_unicode

MOTTO = "Cộng hoà xã hội chủ nghĩa Việt Nam"
TCVN3_MOTTO = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
VNI_MOTTO = "Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam"
PLAN = "Kế hoạch phát động phong trào thi đua năm 2024 của Ủy ban nhân dân tỉnh Quảng Ninh"
TCVN3_PLAN = "KÕ ho¹ch ph¸t ®éng phong trµo thi ®ua n¨m 2024 cña Uû ban nh©n d©n tØnh Qu¶ng Ninh"
VNI_PLAN = "Keá hoaïch phaùt ñoäng phong traøo thi ñua naêm 2024 cuûa UÛy ban nhaân daân tænh Quaûng Ninh"


def _letters() -> set[str]:
    """Every lower-case Vietnamese letter with a mark: 12 vowels x 6 tones, and đ, minus the unmarked ASCII ones."""
    tones = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
    vowels = ("a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y")
    letters = {unicodedata.normalize("NFC", v + t) for v in vowels for t in tones} | {"đ"}
    return {c for c in letters if not c.isascii()}


def test_tcvn3_spells_every_lower_case_letter():
    assert _letters() <= set(TCVN3_CHARS.values())


def test_vni_spells_every_letter_in_both_cases():
    letters = _letters()
    assert letters | {c.upper() for c in letters} <= set(VNI_SEQUENCES.values())


@pytest.mark.parametrize(
    ("legacy", "unicode_text", "encoding"),
    [
        (TCVN3_MOTTO, MOTTO, "tcvn3"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc", "tcvn3"),
        ("Ch\xad¬ng tr×nh c«ng t¸c n¨m", "Chương trình công tác năm", "tcvn3"),
        (TCVN3_PLAN, "Kế hoạch phát động phong trào thi đua năm 2024 của Uỷ ban nhân dân tỉnh Quảng Ninh", "tcvn3"),
        (VNI_MOTTO, "Cộng hoà xã hội chủ nghĩa Việt Nam", "vni"),
        ("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "vni"),
        ("Ñöôïc söï ñoàng yù cuûa caáp treân", "Được sự đồng ý của cấp trên", "vni"),
        (VNI_PLAN, PLAN, "vni"),
    ],
)
def test_legacy_phrases_become_unicode(legacy, unicode_text, encoding):
    assert to_unicode(legacy) == (unicode_text, encoding)


@pytest.mark.parametrize(
    "text",
    [
        PLAN,  # Unicode already
        "Uy ban nhan dan tinh Quang Ninh ban hanh Ke hoach",  # legacy OCR without marks
        "Le café de la gare, crème brûlée à volonté",  # Latin-1 but not Vietnamese
        "Số: 12/KH-UBND",
    ],
)
def test_text_that_is_not_legacy_is_left_alone(text):
    assert to_unicode(text) == (text, None)


def test_tcvn3_bytes_file_is_read_as_unicode(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(f"{TCVN3_MOTTO}\r\n{TCVN3_PLAN}\r\n".encode("latin-1"))
    assert (
        read_text_file(path)
        == f"{MOTTO}\nKế hoạch phát động phong trào thi đua năm 2024 của Uỷ ban nhân dân tỉnh Quảng Ninh\n"
    )


def test_vni_bytes_file_is_read_as_unicode(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(f"{VNI_PLAN}\n".encode("cp1252"))
    assert read_text_file(path) == f"{PLAN}\n"


def _windows_1258(text: str) -> bytes:
    """Windows-1258 has â ê ô ơ ư ă đ as letters but writes tones as combining marks after them."""
    letters: list[tuple[str, str]] = []  # (letter with its vowel mark, its tone mark)
    for char in unicodedata.normalize("NFD", text):
        if letters and char in TONE_MARKS:
            letters[-1] = (letters[-1][0], char)
        elif letters and unicodedata.combining(char):
            letters[-1] = (unicodedata.normalize("NFC", letters[-1][0] + char), letters[-1][1])
        else:
            letters.append((char, ""))
    return "".join(letter + tone for letter, tone in letters).encode("cp1258")


def test_windows_1258_file_is_read_as_unicode(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(_windows_1258(PLAN))
    assert read_text_file(path) == PLAN


def test_utf8_file_of_legacy_letters_is_converted(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(f"{TCVN3_MOTTO}\n", encoding="utf-8")
    assert read_text_file(path) == f"{MOTTO}\n"


def test_bytes_that_read_as_nothing_vietnamese_are_refused(tmp_path):
    assert decode_legacy_bytes("Kế hoạch số 12 của tỉnh".encode().replace(b"\xe1\xba\xbf", b"\xe9")) is None
    path = tmp_path / "mixed.txt"
    path.write_bytes("Kế hoạch số 12".encode().replace(b"\xe1\xba\xbf", b"\xe9"))
    with pytest.raises(EncodingError, match="not UTF-8 text, nor Vietnamese in TCVN3, VNI"):
        read_text_file(path)


def test_docx_runs_are_converted_by_their_font(tmp_path):
    document = docx.Document()
    header = document.add_paragraph()
    header.add_run("uû ban nh©n d©n").font.name = ".VnTimeH"  # the capitals face: same codes, printed upper case
    body = document.add_paragraph()
    body.add_run("Keá hoaïch ").font.name = "VNI-Times"
    body.add_run("số 12").font.name = "Times New Roman"
    document.save(tmp_path / "plan.docx")
    assert read_text_file(tmp_path / "plan.docx").splitlines() == ["UỶ BAN NHÂN DÂN", "Kế hoạch số 12"]


def test_docx_typed_in_tcvn3_without_font_names_is_detected(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Uû ban nh©n d©n\ntØnh Qu¶ng Ninh"
    table.cell(0, 1).text = f"{TCVN3_MOTTO}\n§éc lËp - Tù do - H¹nh phóc"
    document.save(tmp_path / "plan.docx")
    assert read_text_file(tmp_path / "plan.docx").splitlines()[:4] == [
        "Uỷ ban nhân dân",
        "tỉnh Quảng Ninh",
        MOTTO,
        "Độc lập - Tự do - Hạnh phúc",
    ]
