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
