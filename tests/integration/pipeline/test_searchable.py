"""Searchable PDFs: the page images kept, the OCR'd words findable in an invisible layer."""

from __future__ import annotations

import subprocess

import pypdf
import pytest

from tools.synth.scans import render_scan, save_pages

TEXT = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\nSố: 40/KH-UBND\nKẾ HOẠCH\nPhát động phong trào thi đua năm 2024\n"


def _pdftotext(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("suffix", [".pdf", ".tif"])
def test_ocr_writes_a_searchable_copy_of_a_scan(suffix, tmp_path, cli):
    pages = render_scan(TEXT, "fair", seed=5) + render_scan(TEXT, "fair", seed=7)
    scan = save_pages(pages, tmp_path / f"scan{suffix}")
    assert "Số" not in (_pdftotext(scan) if suffix == ".pdf" else "")  # the input has no text to find

    result = cli("ocr", scan, "--pdf", tmp_path / "out.pdf")

    assert result.returncode == 0, result.stderr
    searchable = pypdf.PdfReader(tmp_path / "out.pdf")
    assert len(searchable.pages) == 2
    found = _pdftotext(tmp_path / "out.pdf")
    assert found.count("40/KH-UBND") == 2 and "Phát động phong trào thi đua" in found
    # the text sits on the page it was read from, within the page (a mis-scaled layer would not)
    page = searchable.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((595.3, 841.9), abs=1)
    assert "QUẢNG NINH" in page.extract_text()


def test_scanned_pdf_pages_are_kept_as_they_were(tmp_path, cli):
    scan = save_pages(render_scan(TEXT, "fair", seed=6), tmp_path / "scan.pdf")
    original = pypdf.PdfReader(scan).pages[0]

    assert cli("ocr", scan, "--pdf", tmp_path / "out.pdf").returncode == 0

    kept = pypdf.PdfReader(tmp_path / "out.pdf").pages[0]

    def image_of(page):
        return next(iter(page.images)).data

    assert image_of(kept) == image_of(original)


def test_a_text_file_has_no_searchable_pdf(tmp_path, cli):
    (tmp_path / "plan.txt").write_text(TEXT, encoding="utf-8")
    result = cli("ocr", tmp_path / "plan.txt", "--pdf", tmp_path / "out.pdf")
    assert result.returncode != 0
    assert (
        result.stderr.strip()
        == f"khplan: {tmp_path / 'plan.txt'}: is a text file; there is no page image to make searchable"
    )
    assert not (tmp_path / "out.pdf").exists()


def _group4_tiff(path, pages, title: str | None = None):
    """A multi-page bilevel TIFF, CCITT Group 4, as archive scanners write them."""
    from PIL import TiffImagePlugin

    bilevel = [page.point(lambda v: 255 if v > 160 else 0).convert("1") for page in pages]
    info = TiffImagePlugin.ImageFileDirectory_v2()
    if title:
        info[269] = title  # DocumentName
    bilevel[0].save(
        path, "TIFF", save_all=True, append_images=bilevel[1:], compression="group4", dpi=(300, 300), tiffinfo=info
    )
    return path


def test_a_bilevel_scan_stays_bilevel_and_lossless_in_a_validated_pdfa(tmp_path, cli):
    """A 5-page Group 4 TIFF of 298 KB became 4.17 MB of JPEGs, not PDF/A, its title dropped; no longer."""
    import pikepdf
    from pikepdf.pdfa import validate_written

    scan = _group4_tiff(
        tmp_path / "scan.tif",
        render_scan(TEXT, "clean", seed=3) * 3,
        title="Ke hoach 40/KH-UBND - ho so luu tru 1998",  # TIFF ASCII tag, as archive scanners write it
    )

    result = cli("ocr", scan, "--pdf", tmp_path / "out.pdf")

    assert result.returncode == 0, result.stderr
    out = tmp_path / "out.pdf"
    assert out.stat().st_size < 2 * scan.stat().st_size
    assert validate_written(out, "2b").verdict == "pass"
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 3
        for page in pdf.pages:
            (image,) = page.get_images().values()
            filters = [str(f) for f in (image.Filter if isinstance(image.Filter, pikepdf.Array) else [image.Filter])]
            assert (filters, int(image.BitsPerComponent)) == (["/CCITTFaxDecode"], 1)
        assert str(pdf.docinfo["/Producer"]).startswith("khplan ")
        assert str(pdf.docinfo["/Title"]) == "Ke hoach 40/KH-UBND - ho so luu tru 1998"
        assert pdf.open_metadata().pdfa_status == "2B"


def test_the_text_layer_reads_the_header_column_by_column(tmp_path, cli):
    header = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH QUẢNG NINH Độc lập - Tự do - Hạnh phúc\n"
        "Số: 40 /KH-UBND Quảng Ninh, ngày 19 tháng 02 năm 2024\n"
        "KẾ HOẠCH\n"
    )
    scan = save_pages(render_scan(header, "clean", seed=2), tmp_path / "header.pdf")
    assert cli("ocr", scan, "--pdf", tmp_path / "out.pdf").returncode == 0
    text = pypdf.PdfReader(tmp_path / "out.pdf").pages[0].extract_text()
    assert text.index("TỈNH QUẢNG NINH") < text.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")  # left column first


@pytest.mark.parametrize("suffix", [".pdf", ".tif"])
def test_each_word_of_the_text_layer_lies_on_its_ink(suffix, tmp_path, cli):
    """The layer's boxes are khplan's word boxes, scaled to the page: a word's box holds the printed word."""
    import re

    from PIL import ImageOps

    pages = render_scan(TEXT, "clean", seed=4)
    scan = save_pages(pages, tmp_path / f"scan{suffix}")
    assert cli("ocr", scan, "--pdf", tmp_path / "out.pdf").returncode == 0
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "out.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    page_size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', bbox)
    assert page_size is not None
    image = pages[0].convert("L")
    scale = image.width / float(page_size.group(1))
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<', bbox)
    assert {"HOẠCH", "40/KH-UBND"} <= {w[4] for w in words}
    for *box, word in words:
        left, top, right, bottom = (round(float(v) * scale) for v in box)
        inked = ImageOps.invert(image.crop((left, top, right, bottom))).getbbox()
        margin = image.crop((right + 40, top, right + 80, bottom)) if word == "HOẠCH" else None
        assert inked is not None, f"no ink under {word!r} at {box}"
        if margin is not None:  # and beside the title's last word, nothing: the box is where the word is
            assert ImageOps.invert(margin).getbbox() is None
