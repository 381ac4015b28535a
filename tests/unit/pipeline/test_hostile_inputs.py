"""Inputs a hostile (or unlucky) archive holds: each is refused with its reason, quickly, and nothing else suffers.

Each case here broke khplan once (a hang, a crash of the whole batch, gigabytes of memory, an internal error
for a damaged file); the ingest-level ones are in tests/integration/pipeline/test_hostile_batch.py.
"""

from __future__ import annotations

import io
import os
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image

from khplan.pipeline.context import Limits, Options, path_text
from khplan.pipeline.errors import CorruptFileError, InputFileError, TooLargeError
from khplan.pipeline.ingest.discovery import discover_inputs
from khplan.pipeline.reading.document import open_document, read_pages
from khplan.pipeline.reading.images import count_image_pages, load_image_page
from khplan.pipeline.reading.inputs import identify, read_text_file
from khplan.pipeline.reading.word_documents import read_docx


@contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: the cases below used to block forever."""

    def expire(signum, frame):
        raise AssertionError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_fifo_is_refused_without_being_opened(tmp_path):
    fifo = tmp_path / "scan.pdf"
    os.mkfifo(fifo)
    with within(5), pytest.raises(InputFileError, match="is not a regular file but a FIFO"):
        identify(fifo)


def test_a_device_behind_a_text_name_is_refused(tmp_path):
    link = tmp_path / "plan.txt"
    link.symlink_to("/dev/zero")
    with within(5), pytest.raises(InputFileError, match="character device"):
        identify(link)


def test_a_symlink_loop_is_named_as_one(tmp_path):
    (tmp_path / "a.pdf").symlink_to(tmp_path / "b.pdf")
    (tmp_path / "b.pdf").symlink_to(tmp_path / "a.pdf")
    with pytest.raises(InputFileError, match="symlink loop"):
        identify(tmp_path / "a.pdf")


def test_discovery_walks_past_a_symlink_loop(tmp_path):
    (tmp_path / "a.pdf").symlink_to(tmp_path / "b.pdf")
    (tmp_path / "b.pdf").symlink_to(tmp_path / "a.pdf")
    (tmp_path / "plan.txt").write_text("Số: 1/KH-UBND\n", encoding="utf-8")
    with within(5):
        found = sorted(p.name for p in discover_inputs([tmp_path]))
    assert found == ["a.pdf", "b.pdf", "plan.txt"]


def test_a_name_that_is_not_utf8_becomes_printable_text(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"k\xffh.txt")
    with open(raw, "wb") as handle:
        handle.write("Số: 1/KH-UBND\n".encode())
    (path,) = (p for p in discover_inputs([tmp_path]))
    text = path_text(path)
    assert text.endswith("k\\xffh.txt")
    text.encode("utf-8")  # writable to JSON, a catalog, a terminal
    with pytest.raises(InputFileError) as caught:
        identify(path.with_name(path.name + ".missing"))
    str(caught.value).encode("utf-8")


# --- damaged files ------------------------------------------------------------------------------------------------


def _group4_tiff(pages: int = 3) -> bytes:
    images = [Image.new("1", (400, 300), 1) for _ in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, "TIFF", save_all=True, append_images=images[1:], compression="group4")
    return buffer.getvalue()


def test_a_tiff_cut_anywhere_is_a_corrupt_file_not_an_internal_error(tmp_path):
    """Pillow fails a cut TIFF in five ways (TypeError "Missing dimensions" among them): each is corrupt_file."""
    data = _group4_tiff()
    path = tmp_path / "cut.tif"
    for cut in range(8, len(data), 7):
        path.write_bytes(data[:cut])
        try:
            for page_no in range(1, count_image_pages(path) + 1):
                load_image_page(path, page_no)
        except CorruptFileError:
            continue


def _docx(path: Path, document_xml: bytes) -> Path:
    content_types = (
        b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        b'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document_xml)
    return path


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_word_file_with_its_xml_cut_short_is_corrupt(tmp_path):
    whole = b"<w:document " + W + b"><w:body><w:p><w:r><w:t>K\xe1\xba\xbf ho\xe1\xba\xa1ch</w:t></w:r></w:p></w:body>"
    path = _docx(tmp_path / "cut.docx", whole[: len(whole) - 12])
    with pytest.raises(CorruptFileError, match="its XML is damaged"):
        read_docx(path)


def test_a_billion_laughs_word_file_is_corrupt_not_expanded(tmp_path):
    entities = b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1)) * 10 if n else b"lol") for n in range(10))
    xml = b"<?xml version='1.0'?><!DOCTYPE lolz [" + entities + b"]><w:document " + W + b">&lol9;</w:document>"
    path = _docx(tmp_path / "laughs.docx", xml)
    with within(20), pytest.raises(CorruptFileError, match="its XML is damaged"):
        read_docx(path)


# --- limits --------------------------------------------------------------------------------------------------------


def test_a_zip_bomb_word_file_is_too_large_before_it_is_unpacked(tmp_path):
    body = b"<w:document " + W + b"><w:body>" + b"<w:p/>" * 10 + b" " * 60_000_000 + b"</w:body></w:document>"
    path = _docx(tmp_path / "bomb.docx", body)
    assert path.stat().st_size < 200_000
    with within(10), pytest.raises(TooLargeError, match="unpacks to 60,000,"):
        read_docx(path, Limits(max_chars=1_000_000))


def test_millions_of_empty_paragraphs_are_too_large_before_parsing(tmp_path):
    body = b"<w:document " + W + b"><w:body>" + b"<w:p/>" * 2_000_000 + b"</w:body></w:document>"
    path = _docx(tmp_path / "blank.docx", body)
    with within(10), pytest.raises(TooLargeError, match="paragraphs"):
        read_docx(path, Limits(max_chars=3_000_000))


def test_a_huge_text_file_is_too_large_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(5_000_000)  # sparse: no disk, but 5 MB by stat
    with pytest.raises(TooLargeError, match="5,000,000 bytes of text"):
        identify(path, Limits(max_chars=1_000_000))
    path.write_text("Số: 1/KH-UBND\n" + "a" * 2_000_000, encoding="utf-8")
    with pytest.raises(TooLargeError, match="characters of text"):
        read_text_file(path, Limits(max_chars=1_000_000))


def test_a_pdf_of_too_many_pages_is_refused_before_any_page_is_read(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(30):
        writer.add_blank_page(width=595, height=842)
    path = tmp_path / "long.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    options = Options(jobs=1, limits=Limits(max_pages=20), ocr_engine="fakes.engines:RefusingEngine")
    with pytest.raises(TooLargeError, match="30 pages, over the limit of 20"):
        read_pages(open_document(path, options))
