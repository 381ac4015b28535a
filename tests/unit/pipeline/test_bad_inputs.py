"""Every kind of bad input gets one line naming the file and the reason, and a non-zero exit."""

from __future__ import annotations

import os
from pathlib import Path

import pypdf
import pytest

from khplan.pipeline.errors import ExitCode
from tools.synth.scans import render_scan, save_pages


def _scan_pdf(path: Path) -> Path:
    return save_pages(render_scan("Số: 12/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2024\n", "clean"), path)


def truncated_pdf(tmp: Path) -> Path:
    whole = _scan_pdf(tmp / "whole.pdf").read_bytes()
    (tmp / "truncated.pdf").write_bytes(whole[: len(whole) // 3])
    return tmp / "truncated.pdf"


def random_bytes_pdf(tmp: Path) -> Path:
    (tmp / "random.pdf").write_bytes(os.urandom(4096))
    return tmp / "random.pdf"


def pdf_header_then_junk(tmp: Path) -> Path:
    (tmp / "junk.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(4096))
    return tmp / "junk.pdf"


def encrypted_pdf(tmp: Path) -> Path:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="mật khẩu", owner_password="chủ")
    with open(tmp / "encrypted.pdf", "wb") as handle:
        writer.write(handle)
    return tmp / "encrypted.pdf"


def empty_file(tmp: Path) -> Path:
    (tmp / "empty.pdf").write_bytes(b"")
    return tmp / "empty.pdf"


def blank_text(tmp: Path) -> Path:
    (tmp / "blank.txt").write_text(" \n\n  \n", encoding="utf-8")
    return tmp / "blank.txt"


def fake_png(tmp: Path) -> Path:
    (tmp / "scan.png").write_text("this is not an image", encoding="utf-8")
    return tmp / "scan.png"


def truncated_png(tmp: Path) -> Path:
    save_pages(render_scan("Số: 12/KH-UBND\n", "clean"), tmp / "whole.png")
    data = (tmp / "whole.png").read_bytes()
    (tmp / "cut.png").write_bytes(data[:200])
    return tmp / "cut.png"


def unsupported_extension(tmp: Path) -> Path:
    (tmp / "plan.xyz").write_text("Số: 12/KH-UBND", encoding="utf-8")
    return tmp / "plan.xyz"


def a_directory(tmp: Path) -> Path:
    (tmp / "folder").mkdir()
    return tmp / "folder"


def missing_file(tmp: Path) -> Path:
    return tmp / "nowhere.pdf"


def binary_junk_txt(tmp: Path) -> Path:
    (tmp / "junk.txt").write_bytes(os.urandom(2048))
    return tmp / "junk.txt"


def latin1_text(tmp: Path) -> Path:
    (tmp / "latin1.txt").write_bytes("Kế hoạch số 12".encode().replace(b"\xe1\xba\xbf", b"\xe9"))
    return tmp / "latin1.txt"


def not_a_plan(tmp: Path) -> Path:
    (tmp / "recipe.txt").write_text("Phở bò: nước dùng, bánh phở, thịt bò, hành.\n", encoding="utf-8")
    return tmp / "recipe.txt"


CASES = {
    truncated_pdf: ("damaged or truncated", ExitCode.input_file),
    random_bytes_pdf: ("not a valid PDF", ExitCode.input_file),
    pdf_header_then_junk: ("damaged or truncated", ExitCode.input_file),
    encrypted_pdf: ("encrypted", ExitCode.encrypted_pdf),
    empty_file: ("empty", ExitCode.input_file),
    blank_text: ("no text", ExitCode.input_file),
    fake_png: ("not a valid PNG", ExitCode.input_file),
    truncated_png: ("image", ExitCode.input_file),
    unsupported_extension: ("unsupported file type '.xyz'", ExitCode.input_file),
    a_directory: ("is a directory", ExitCode.input_file),
    missing_file: ("no such file", ExitCode.input_file),
    binary_junk_txt: ("binary data", ExitCode.input_file),
    latin1_text: ("not UTF-8", ExitCode.input_file),
    not_a_plan: ("not a Vietnamese administrative document", ExitCode.input_file),
}


@pytest.mark.parametrize("make_input", CASES, ids=lambda f: f.__name__)
def test_extract_rejects_bad_input_in_one_line(make_input, tmp_path, cli):
    path = make_input(tmp_path)
    reason, code = CASES[make_input]

    result = cli("extract", path, "--json")

    assert result.returncode == code, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and reason in lines[0]


@pytest.mark.parametrize("make_input", [truncated_pdf, fake_png, a_directory], ids=lambda f: f.__name__)
def test_ocr_rejects_bad_input_in_one_line(make_input, tmp_path, cli):
    path = make_input(tmp_path)

    result = cli("ocr", path)

    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and str(path) in result.stderr
    assert "Traceback" not in result.stderr
