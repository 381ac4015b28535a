"""Reading a document's pages (pipeline.reading.pages): one job per page, in worker processes, any engine."""

from __future__ import annotations

import pickle
import random
from pathlib import Path

import numpy as np
import pytest
from fakes.engines import (
    CrashingEngine,
    RecordingEngine,
    RefusingEngine,
    SquareFindingEngine,
    WorkerKiller,
    largest_blob,
)
from PIL import Image

from khplan.pipeline.context import DocContext, InputKind, Options, PageText
from khplan.pipeline.errors import EmptyDocumentError, OcrEngineError
from khplan.pipeline.reading.document import read_pages
from khplan.pipeline.reading.pages import BlankPage, PageJob, PageList, _process_pool, read_all, read_page
from khplan.pipeline.reading.preprocess import prepare_page
from tools.synth.scans import QUALITIES, degrade, render_scan, save_pages

A4_300 = (2480, 3508)
PAGE_1 = "Ủy ban nhân dân tỉnh Quảng Ninh ban hành Kế hoạch\nthực hiện công tác cải cách hành chính năm 2024\n"
PAGE_3 = "Phòng chống thiên tai và tìm kiếm cứu nạn\ntrên địa bàn thành phố Hạ Long\n"
SEVERAL_LINES = (
    "\n".join(
        [
            "Ủy ban nhân dân tỉnh Quảng Ninh ban hành Kế hoạch thực hiện",
            "phòng chống thiên tai và tìm kiếm cứu nạn năm 2024 trên địa bàn",
            "các huyện, thị xã, thành phố; giao Sở Nông nghiệp chủ trì",
            "phối hợp với các sở, ngành liên quan tổ chức triển khai",
        ]
        * 3
    )
    + "\n"
)
REFUSING = "fakes.engines:RefusingEngine"


def _noisy_blank(seed: int = 0) -> Image.Image:
    """An empty A4 sheet as a poor scanner gives it back: noise, speckle, JPEG."""
    return degrade(Image.new("L", A4_300, 255), QUALITIES["poor"], random.Random(seed))


def _doc(path: Path, **options) -> DocContext:
    return DocContext(path, InputKind.image, "0" * 64, Options(**options))


def _job(path: Path, engine, page_no: int = 1, **options) -> PageJob:
    return PageJob(path, InputKind.image, page_no, Options(jobs=1, **options), engine)


@pytest.fixture(scope="module")
def three_page_tiff(tmp_path_factory) -> Path:
    """Page 1 text, page 2 an empty sheet scanned poorly, page 3 text."""
    (first,) = render_scan(PAGE_1, "fair", seed=1)
    (third,) = render_scan(PAGE_3, "fair", seed=2)
    return save_pages([first, _noisy_blank(3), third], tmp_path_factory.mktemp("scans") / "three.tif")


@pytest.fixture(scope="module")
def two_page_tiff(tmp_path_factory) -> Path:
    pages = [render_scan(PAGE_1, "clean")[0], render_scan(PAGE_3, "clean")[0]]
    return save_pages(pages, tmp_path_factory.mktemp("scans") / "two.tif")


def _pool_uses() -> int:
    info = _process_pool.cache_info()
    return info.hits + info.misses


def test_pages_are_read_in_worker_processes_in_order_without_the_blank_one(three_page_tiff):
    pool_uses = _pool_uses()
    pages = read_pages(_doc(three_page_tiff, jobs=2))
    assert _pool_uses() == pool_uses + 1  # the pages went to the worker processes, not read here
    assert isinstance(pages, PageList)
    assert [p.page_no for p in pages] == [1, 3]
    assert pages.blank == (2,)
    assert "Ủy ban nhân dân tỉnh Quảng Ninh" in pages[0].text
    assert "Phòng chống thiên tai" in pages[1].text
    assert all(p.method == "ocr" and p.words for p in pages)


def test_a_worker_failure_names_the_document_and_the_pool_survives_it(two_page_tiff):
    with pytest.raises(OcrEngineError) as caught:
        read_pages(_doc(two_page_tiff, jobs=2, page_timeout=0.01))
    message = str(caught.value)
    assert message.startswith(f"{two_page_tiff}: page 1")
    assert caught.value.path == str(two_page_tiff)

    pages = read_pages(_doc(two_page_tiff, jobs=2))
    assert [p.page_no for p in pages] == [1, 2]
    assert "Hạ Long" in pages[1].text


def test_a_worker_that_dies_names_the_document_and_a_fresh_pool_takes_over(two_page_tiff):
    with pytest.raises(OcrEngineError) as caught:
        read_all([PageJob(two_page_tiff, InputKind.image, n, Options(), WorkerKiller()) for n in (1, 2)], workers=2)
    assert str(caught.value).startswith(f"{two_page_tiff}: page 1: the process reading it died")

    pages = read_pages(_doc(two_page_tiff, jobs=2))
    assert [p.page_no for p in pages] == [1, 2]
    assert "Quảng Ninh" in pages[0].text


@pytest.mark.parametrize(("dpi", "factor"), [(150, 0.5), (300, 1.0)])
def test_word_boxes_come_back_in_the_pixels_of_the_page_as_it_came_in(tmp_path, dpi, factor):
    (page,) = render_scan(PAGE_1, "clean", dpi=dpi)
    path = save_pages([page], tmp_path / f"page-{dpi}.png", dpi=dpi)
    engine = RecordingEngine()
    (text,) = read_all([_job(path, engine)], workers=1)
    assert engine.seen == [(A4_300, (300, 300))]  # the engine always gets the page at 300 dpi
    (word,) = text.words
    word_in = RecordingEngine.WORD
    assert word.box == tuple(round(value * factor) for value in word_in.box)
    assert (word.text, word.confidence, word.start, word.end) == (word_in.text, word_in.confidence, 0, 2)


def _centre(left: int, top: int, width: int, height: int) -> tuple[float, float]:
    return left + width / 2, top + height / 2


@pytest.fixture(scope="module")
def tilted_page_with_a_square() -> Image.Image:
    """Lines of text and a black square near the top left corner, the whole page turned 2 degrees."""
    page = render_scan(SEVERAL_LINES, "clean")[0]
    page.paste(0, (300, 1800, 420, 1920))
    return page.rotate(2.0, resample=Image.Resampling.BICUBIC, fillcolor=255)


@pytest.mark.parametrize(
    "steps",
    [
        ("normalise", "denoise"),
        ("deskew",),
        ("normalise", "deskew"),
    ],
)
def test_word_boxes_land_on_the_page_as_it_came_in_whatever_the_steps(tmp_path, tilted_page_with_a_square, steps):
    path = save_pages([tilted_page_with_a_square], tmp_path / "tilted.png")
    (text,) = read_all([_job(path, SquareFindingEngine(), preprocess=steps)], workers=1)
    (word,) = text.words
    expected = _centre(*largest_blob(np.asarray(tilted_page_with_a_square)))
    assert _centre(*word.box) == pytest.approx(expected, abs=4)


def test_deskew_does_turn_the_page_with_the_square(tilted_page_with_a_square):
    assert prepare_page(tilted_page_with_a_square, ("deskew",)).skew_degrees == pytest.approx(-2.0, abs=0.2)


def test_the_recording_engine_pickles_as_a_worker_would_need():
    engine = pickle.loads(pickle.dumps(RecordingEngine()))
    assert engine.read_page(Image.new("L", (10, 20)), 4).page_no == 4


def test_a_khplan_error_crosses_back_from_a_worker_as_itself():
    error = pickle.loads(pickle.dumps(OcrEngineError("scan.pdf", "page 1: Tesseract failed")))
    assert type(error) is OcrEngineError
    assert (error.path, error.message, str(error)) == (
        "scan.pdf",
        "page 1: Tesseract failed",
        "scan.pdf: page 1: Tesseract failed",
    )


def test_a_page_with_a_text_layer_is_read_without_opening_the_source(tmp_path):
    job = PageJob(tmp_path / "missing.pdf", InputKind.pdf, 3, Options(jobs=1), None, "Kế hoạch số 7")
    assert read_page(job) == PageText(3, "Kế hoạch số 7", "pdf-text")


def test_a_blank_page_never_reaches_the_engine(tmp_path):
    path = save_pages([_noisy_blank(4)], tmp_path / "blank.png")
    assert read_page(_job(path, RefusingEngine())) == BlankPage(1)


def test_an_engine_error_in_a_worker_names_the_document(tmp_path):
    path = save_pages(render_scan("Số: 1/KH-UBND\n", "clean") * 2, tmp_path / "two.tif")
    jobs = [PageJob(path, InputKind.image, n, Options(), CrashingEngine()) for n in (1, 2)]
    with pytest.raises(OcrEngineError, match="segmentation fault") as caught:
        read_all(jobs, workers=2)
    assert caught.value.path == str(path)


def test_read_all_in_process_keeps_order_and_names_the_blank_pages(tmp_path):
    (text_page,) = render_scan("Số: 12/KH-UBND\n", "clean")
    path = save_pages([_noisy_blank(5), text_page, _noisy_blank(6), text_page], tmp_path / "mixed.tif")
    engine = RecordingEngine()
    jobs = [PageJob(path, InputKind.image, n, Options(jobs=1), engine) for n in range(1, 5)]
    pool_uses = _pool_uses()
    pages = read_all(jobs, workers=1)
    assert _pool_uses() == pool_uses
    assert [p.page_no for p in pages] == [2, 4]
    assert pages.blank == (1, 3)
    assert len(engine.seen) == 2


def test_all_pages_blank_is_an_empty_document_naming_the_file(tmp_path):
    path = save_pages([_noisy_blank(0), _noisy_blank(1)], tmp_path / "blank.tif")
    with pytest.raises(EmptyDocumentError) as caught:
        read_pages(_doc(path, jobs=1, ocr_engine=REFUSING))
    assert str(caught.value).startswith(f"{path}: ")
    assert "all of its 2 page(s) are blank" in str(caught.value)


def test_read_pages_checks_the_steps_before_reading_any_page(tmp_path):
    path = save_pages(render_scan("Số: 1/KH-UBND\n", "clean"), tmp_path / "one.png")
    with pytest.raises(ValueError, match="sharpen"):
        read_pages(_doc(path, jobs=1, preprocess=("sharpen",), ocr_engine=REFUSING))


def test_an_unknown_engine_is_named_before_any_page_is_read(tmp_path):
    from khplan.pipeline.errors import MissingDependencyError

    path = save_pages(render_scan("Số: 1/KH-UBND\n", "clean"), tmp_path / "one.png")
    with pytest.raises(MissingDependencyError, match="no OCR engine named 'abbyy'"):
        read_pages(_doc(path, jobs=1, ocr_engine="abbyy"))
