from __future__ import annotations

import pytesseract
import pytest

from khplan.pipeline.context import DocContext, InputKind, Options
from khplan.pipeline.errors import OcrEngineError
from khplan.pipeline.reading.document import read_pages
from khplan.pipeline.reading.ocr import TesseractEngine, page_from_tsv
from tools.synth.scans import render_scan, save_pages


def _tsv(rows):
    keys = ("level", "block_num", "par_num", "line_num", "left", "top", "width", "height", "conf", "text")
    return {k: [row[i] for row in rows] for i, k in enumerate(keys)}


def test_page_text_keeps_lines_paragraphs_and_word_offsets():
    data = _tsv(
        [
            (5, 1, 1, 1, 10, 10, 50, 20, 95.0, "Số:"),
            (5, 1, 1, 1, 70, 10, 80, 20, 90.0, "69/KH-UBND"),
            (4, 1, 1, 2, 0, 0, 0, 0, -1, ""),
            (5, 1, 1, 2, 10, 40, 90, 20, 80.0, "KẾ"),
            (5, 2, 1, 1, 10, 90, 90, 20, 85.0, "Phát"),
        ]
    )
    page = page_from_tsv(data, 2)
    assert page.text == "Số: 69/KH-UBND\nKẾ\n\nPhát"
    assert [page.text[w.start : w.start + len(w.text)] for w in page.words] == ["Số:", "69/KH-UBND", "KẾ", "Phát"]
    assert page.confidence == pytest.approx(87.5)
    assert page.page_no == 2 and page.method == "ocr"


def test_engine_failure_names_the_document(tmp_path):
    path = save_pages(render_scan("Số: 1/KH-UBND\n", "clean"), tmp_path / "one.png")
    ctx = DocContext(path, InputKind.image, "0" * 64, Options(jobs=1, ocr_engine="fakes.engines:CrashingEngine"))
    with pytest.raises(OcrEngineError) as caught:
        read_pages(ctx)
    assert str(caught.value).startswith(f"{path}: page 1: Tesseract failed")


def test_tesseract_reads_a_rendered_vietnamese_line(tmp_path):
    page = render_scan("Ủy ban nhân dân tỉnh Quảng Ninh ban hành Kế hoạch\n", "fair", seed=1)[0]
    text = TesseractEngine("vie").read_page(page, 1).text
    assert text.strip() == "Ủy ban nhân dân tỉnh Quảng Ninh ban hành Kế hoạch"


def test_pdf_text_layer_is_read_not_ocrd(tmp_path):
    page = render_scan("Số: 40/KH-UBND\nQuảng Ninh, ngày 19 tháng 02 năm 2024\nKẾ HOẠCH\n", "clean")[0]
    page.info["dpi"] = (300, 300)
    pdf = tmp_path / "searchable.pdf"
    pdf.write_bytes(pytesseract.image_to_pdf_or_hocr(page, lang="vie", extension="pdf", config="--dpi 300"))
    ctx = DocContext(pdf, InputKind.pdf, "0" * 64, Options(jobs=1, ocr_engine="fakes.engines:RefusingEngine"))
    pages = read_pages(ctx)  # would raise if any page were OCR'd
    assert pages[0].method == "pdf-text" and "Quảng Ninh, ngày 19 tháng 02 năm 2024" in pages[0].text


def test_poster_sized_pdf_page_is_rasterised_within_the_pixel_budget(tmp_path):
    import pypdf

    from khplan.pipeline.reading.pdf import MAX_PAGE_PIXELS, raster_dpi

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=72 * 100, height=72 * 100)  # 100 x 100 inches
    writer.add_blank_page(width=595, height=842)  # A4
    with open(tmp_path / "poster.pdf", "wb") as handle:
        writer.write(handle)
    dpi = raster_dpi(tmp_path / "poster.pdf", 1, 300)
    assert (100 * dpi) ** 2 <= MAX_PAGE_PIXELS
    assert raster_dpi(tmp_path / "poster.pdf", 2, 300) == 300


def test_tesseract_reads_a_rendered_header_column_by_column():
    header = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH QUẢNG NINH Độc lập - Tự do - Hạnh phúc\n"
        "Số: 40 /KH-UBND Quảng Ninh, ngày 19 tháng 02 năm 2024\n"
        "KẾ HOẠCH\n"
    )
    page = render_scan(header, "fair", seed=2)[0]
    data = pytesseract.image_to_data(page, lang="vie", config="--psm 3", output_type=pytesseract.Output.DICT)
    lines = page_from_tsv(data, 1).text.splitlines()
    for expected in (
        "ỦY BAN NHÂN DÂN",
        "TỈNH QUẢNG NINH",
        "Số: 40 /KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Quảng Ninh, ngày 19 tháng 02 năm 2024",
    ):
        assert expected in lines
    assert lines.index("Số: 40 /KH-UBND") < lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
