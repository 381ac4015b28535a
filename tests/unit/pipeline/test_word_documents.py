"""Word documents are read as text: layout tables column by column, data tables row by row."""

from __future__ import annotations

import docx
import pytest

from khplan.pipeline.errors import CorruptFileError
from khplan.pipeline.reading.inputs import identify, read_text_file


@pytest.fixture
def plan_docx(tmp_path):
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nHUYỆN PHÙ MỸ"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 69/KH-UBND"
    header.cell(1, 1).text = "Phù Mỹ, ngày 13 tháng 4 năm 2022"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Phát động phong trào thi đua")
    quotas = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("TT", "Hình thức", "Số lượng"), ("1", "Bằng khen", "02"), ("2", "Giấy khen", "06")]):
        for c, value in enumerate(row):
            quotas.cell(r, c).text = value
    path = tmp_path / "plan.docx"
    document.save(path)
    return path


def test_docx_text_reads_the_header_column_by_column(plan_docx):
    lines = read_text_file(plan_docx).splitlines()
    assert lines[:6] == [
        "ỦY BAN NHÂN DÂN",
        "HUYỆN PHÙ MỸ",
        "Số: 69/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Phù Mỹ, ngày 13 tháng 4 năm 2022",
    ]
    assert lines[7:9] == ["KẾ HOẠCH", "Phát động phong trào thi đua"]
    assert lines[9:] == ["TT\tHình thức\tSố lượng", "1\tBằng khen\t02", "2\tGiấy khen\t06"]


def test_a_zip_that_is_not_a_word_document_is_rejected(tmp_path):
    import zipfile

    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not word")
    identify(path)  # the signature of a zip is there
    with pytest.raises(CorruptFileError, match="not a readable Word document"):
        read_text_file(path)


def test_khplan_ocr_prints_a_docx(plan_docx, cli):
    result = cli("ocr", plan_docx)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ỦY BAN NHÂN DÂN\nHUYỆN PHÙ MỸ\nSố: 69/KH-UBND\n")
