"""Two-column zones are read column by column; ordinary lines keep Tesseract's order."""

from __future__ import annotations

from khplan.pipeline.reading.layout import Line, read_in_columns
from khplan.schemas import Box, OcrWord

HEIGHT = 40


def _line(*words: tuple[str, int], paragraph=(1, 1)) -> Line:
    """Words at x positions, each 25 px a letter wide, on one line."""
    return Line([OcrWord(text, Box(x, 0, 25 * len(text), HEIGHT), 90.0, 1) for text, x in words], paragraph)


def _texts(lines: list[Line]) -> list[str]:
    return [" ".join(w.text for w in line.words) for line in lines]


def test_merged_header_lines_are_read_column_by_column():
    lines = [
        _line(("ỦY", 100), ("BAN", 190), ("NHÂN", 300), ("DÂN", 440), ("CỘNG", 1200), ("HÒA", 1340)),
        _line(("TỈNH", 150), ("QUẢNG", 280), ("NINH", 450), ("Độc", 1250), ("lập", 1350)),
        _line(("Số:", 120), ("40/KH-UBND", 220), ("Quảng", 1180), ("Ninh,", 1330), ("ngày", 1470)),
        _line(
            ("Căn", 100),
            ("cứ", 200),
            ("Nghị", 270),
            ("quyết", 400),
            ("số", 560),
            ("05-NQ/TU", 640),
            ("ngày", 900),
            ("09/4/2021", 1020),
            ("của", 1260),
            ("Ban", 1350),
            paragraph=(2, 1),
        ),
    ]
    ordered = read_in_columns(lines)
    assert _texts(ordered) == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH QUẢNG NINH",
        "Số: 40/KH-UBND",
        "CỘNG HÒA",
        "Độc lập",
        "Quảng Ninh, ngày",
        "Căn cứ Nghị quyết số 05-NQ/TU ngày 09/4/2021 của Ban",
    ]
    assert ordered[0].paragraph == ordered[2].paragraph != ordered[3].paragraph == ordered[5].paragraph


def test_a_line_keeping_to_one_column_joins_its_zone():
    lines = [
        _line(("ỦY", 100), ("BAN", 190), ("CỘNG", 1200), ("HÒA", 1340)),
        _line(("Độc", 1250), ("lập", 1350), paragraph=(1, 2)),
        _line(("Số:", 120), ("40/KH-UBND", 220), paragraph=(1, 3)),
    ]
    assert _texts(read_in_columns(lines)) == ["ỦY BAN", "Số: 40/KH-UBND", "CỘNG HÒA", "Độc lập"]


def test_ordinary_and_justified_lines_are_not_split():
    justified = _line(("cao", 100), ("năng", 260), ("lực", 460), ("cạnh", 620), ("tranh", 820))  # gaps of ~2 heights
    single = _line(("KẾ", 700), ("HOẠCH", 780))
    assert read_in_columns([justified, single]) == [justified, single]


def test_a_long_issuer_line_is_split_at_the_gutter_of_its_zone():
    lines = [  # the issuer leaves less than three line heights before the motto
        _line(("UBND", 100), ("TỈNH", 230), ("HẬU", 350), ("GIANG", 460), ("CỘNG", 700), ("HÒA", 840)),
        _line(("SỞ", 200), ("NỘI", 270), ("VỤ", 360), ("Độc", 1000), ("lập", 1100)),
        _line(("Số:", 120), ("988/KH-SNV", 220), ("Hậu", 800), ("Giang,", 900)),
    ]
    assert _texts(read_in_columns(lines)) == [
        "UBND TỈNH HẬU GIANG",
        "SỞ NỘI VỤ",
        "Số: 988/KH-SNV",
        "CỘNG HÒA",
        "Độc lập",
        "Hậu Giang,",
    ]


def test_a_justified_line_under_a_header_is_not_split():
    lines = [  # its spaces are stretched to two line heights, all alike
        _line(("SỞ", 200), ("NỘI", 270), ("Độc", 1000), ("lập", 1100)),
        _line(("Căn", 100), ("cứ", 260), ("Luật", 390), ("Thi", 570), ("đua", 730), ("khen", 890), paragraph=(2, 1)),
    ]
    assert _texts(read_in_columns(lines))[-1] == "Căn cứ Luật Thi đua khen"


def test_a_speck_in_the_gutter_does_not_merge_the_columns():
    """Dirt between the columns, read as a mark, is dropped; a dash inside a column stays."""
    lines = [
        _line(("UBND", 100), ("TỈNH", 230), ("BẮC", 360), ("GIANG", 460), ("ˆ", 850), ("CỘNG", 1200), ("HÒA", 1340)),
        _line(("SỞ", 150), ("CÔNG", 240), ("THƯƠNG", 370), ("Độc", 1250), ("lập", 1350), ("-", 1440), ("Tự", 1480)),
    ]
    assert _texts(read_in_columns(lines)) == ["UBND TỈNH BẮC GIANG", "SỞ CÔNG THƯƠNG", "CỘNG HÒA", "Độc lập - Tự"]
