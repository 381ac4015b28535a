"""Pages read one job at a time (pipeline.pages) and the named steps before Tesseract (pipeline.preprocess)."""

from __future__ import annotations

import os
import pickle
import random
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from khplan.pipeline.context import DocContext, InputKind, Options, PageText, WordBox
from khplan.pipeline.errors import EmptyDocumentError, OcrEngineError
from khplan.pipeline.reading.pages import (
    BlankPage,
    FailedPage,
    PageJob,
    PageList,
    _process_pool,
    read_all,
    read_page,
    read_page_in_worker,
)
from khplan.pipeline.reading.preprocess import (
    GRAIN_THRESHOLD,
    MIN_SKEW_DEGREES,
    PAGE_STEPS,
    SPECK_PIXELS,
    PageImage,
    check_steps,
    denoise,
    deskew,
    is_blank,
    median_filtered,
    normalise,
    page_grain,
    page_image,
    prepare_page,
    skew_angle,
)
from khplan.pipeline.stages import read_pages
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


def _noisy_blank(seed: int = 0) -> Image.Image:
    """An empty A4 sheet as a poor scanner gives it back: noise, speckle, JPEG."""
    return degrade(Image.new("L", A4_300, 255), QUALITIES["poor"], random.Random(seed))


def _ink(pixels: np.ndarray) -> int:
    return int(np.count_nonzero(pixels < 128))


def _doc(path: Path, **options) -> DocContext:
    return DocContext(path, InputKind.image, "0" * 64, Options(**options))


class RecordingEngine:
    """A fake engine (module level, so it pickles) that notes the image it got and answers one known word."""

    BOX = WordBox("Số", left=400, top=600, width=120, height=50, confidence=90.0, start=0)

    def __init__(self) -> None:
        self.seen: list[tuple[tuple[int, int], object]] = []

    def check(self) -> None:
        pass

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        self.seen.append((image.size, image.info.get("dpi")))
        return PageText(page_no, "Số", "ocr", 90.0, (self.BOX,))


class RefusingEngine:
    """An engine that fails the test if any page reaches it."""

    def check(self) -> None:
        pass

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        raise AssertionError(f"page {page_no} should not have been OCR'd")


class CrashingEngine:
    def check(self) -> None:
        pass

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        raise OcrEngineError(None, f"page {page_no}: Tesseract failed: segmentation fault")


# --- blank pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1])
def test_a_noisy_scan_of_an_empty_sheet_is_blank(seed):
    page = _noisy_blank(seed)
    assert np.asarray(page).min() < 60  # the speckle really is there
    assert is_blank(page)


@pytest.mark.parametrize("quality", ["clean", "poor"])
def test_a_page_with_one_short_line_is_not_blank(quality):
    (page,) = render_scan("Số: 12/KH-UBND\n", quality)
    assert not is_blank(page)


@pytest.mark.parametrize("side", ["left", "right"])
def test_a_scanner_shadow_in_the_margin_is_not_ink(side):
    pixels = np.full(A4_300[::-1], 255, dtype=np.uint8)
    band = int(A4_300[0] * 0.03)
    if side == "left":
        pixels[:, :band] = 40
    else:
        pixels[:, -band:] = 40
    assert is_blank(Image.fromarray(pixels, mode="L"))
    pixels[:, A4_300[0] // 2 - band // 2 : A4_300[0] // 2 + band // 2] = 40  # the same band mid-page is ink
    assert not is_blank(Image.fromarray(pixels, mode="L"))


def test_all_pages_blank_is_an_empty_document_naming_the_file(tmp_path):
    path = save_pages([_noisy_blank(0), _noisy_blank(1)], tmp_path / "blank.tif")
    with pytest.raises(EmptyDocumentError) as caught:
        read_pages(_doc(path, jobs=1), RefusingEngine())
    assert str(caught.value).startswith(f"{path}: ")
    assert "all of its 2 page(s) are blank" in str(caught.value)


# --- reading pages -------------------------------------------------------------------------------


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


@pytest.mark.slow
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


@pytest.mark.slow
def test_a_worker_failure_names_the_document_and_the_pool_survives_it(two_page_tiff):
    with pytest.raises(OcrEngineError) as caught:
        read_pages(_doc(two_page_tiff, jobs=2, page_timeout=0.01))
    message = str(caught.value)
    assert message.startswith(f"{two_page_tiff}: page 1")
    assert caught.value.path == str(two_page_tiff)

    pages = read_pages(_doc(two_page_tiff, jobs=2))
    assert [p.page_no for p in pages] == [1, 2]
    assert "Hạ Long" in pages[1].text


class WorkerKiller:
    """An engine that kills the worker process the moment it arrives there (unpickling it calls ``os._exit``)."""

    def check(self) -> None:
        pass

    def __reduce__(self):
        return (os._exit, (9,))


@pytest.mark.slow
def test_a_worker_that_dies_names_the_document_and_a_fresh_pool_takes_over(two_page_tiff):
    with pytest.raises(OcrEngineError) as caught:
        read_pages(_doc(two_page_tiff, jobs=2), WorkerKiller())
    assert str(caught.value).startswith(f"{two_page_tiff}: page 1: the process reading it died")

    pages = read_pages(_doc(two_page_tiff, jobs=2))
    assert [p.page_no for p in pages] == [1, 2]
    assert "Quảng Ninh" in pages[0].text


@pytest.mark.parametrize(("dpi", "factor"), [(150, 0.5), (300, 1.0)])
def test_word_boxes_come_back_in_the_pixels_of_the_page_as_it_came_in(tmp_path, dpi, factor):
    (page,) = render_scan(PAGE_1, "clean", dpi=dpi)
    path = save_pages([page], tmp_path / f"page-{dpi}.png", dpi=dpi)
    engine = RecordingEngine()
    (text,) = read_pages(_doc(path, jobs=1), engine)
    assert engine.seen == [(A4_300, (300, 300))]  # the engine always gets the page at 300 dpi
    (box,) = text.words
    box_in = RecordingEngine.BOX
    assert (box.left, box.top, box.width, box.height) == (
        round(box_in.left * factor),
        round(box_in.top * factor),
        round(box_in.width * factor),
        round(box_in.height * factor),
    )
    assert (box.text, box.confidence, box.start) == (box_in.text, box_in.confidence, box_in.start)


class SquareFindingEngine:
    """A fake engine whose one word is the largest blob of ink on the image it got (a black square)."""

    def check(self) -> None:
        pass

    def read_page(self, image: Image.Image, page_no: int) -> PageText:
        return PageText(page_no, "■", "ocr", 90.0, (WordBox("■", *_largest_blob(np.asarray(image)), 90.0, 0),))


def _largest_blob(pixels: np.ndarray) -> tuple[int, int, int, int]:
    _, _, stats, _ = cv2.connectedComponentsWithStats((pixels < 128).astype(np.uint8), connectivity=8)
    left, top, width, height, _ = stats[1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))]
    return int(left), int(top), int(width), int(height)


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
    (text,) = read_pages(_doc(path, jobs=1, preprocess=steps), SquareFindingEngine())
    (box,) = text.words
    expected = _centre(*_largest_blob(np.asarray(tilted_page_with_a_square)))
    assert _centre(box.left, box.top, box.width, box.height) == pytest.approx(expected, abs=4)


def test_deskew_does_turn_the_page_with_the_square(tilted_page_with_a_square):
    assert prepare_page(tilted_page_with_a_square, ("deskew",)).skew_degrees == pytest.approx(-2.0, abs=0.2)


def test_the_recording_engine_pickles_as_a_worker_would_need():
    engine = pickle.loads(pickle.dumps(RecordingEngine()))
    assert engine.read_page(Image.new("L", (10, 20)), 4).page_no == 4


def test_a_page_with_a_text_layer_is_read_without_opening_the_source(tmp_path):
    job = PageJob(tmp_path / "missing.pdf", InputKind.pdf, 3, Options(jobs=1), RefusingEngine(), "Kế hoạch số 7")
    assert read_page(job) == PageText(3, "Kế hoạch số 7", "pdf-text")


def test_a_blank_page_never_reaches_the_engine(tmp_path):
    path = save_pages([_noisy_blank(4)], tmp_path / "blank.png")
    assert read_page(PageJob(path, InputKind.image, 1, Options(jobs=1), RefusingEngine())) == BlankPage(1)


def test_a_workers_error_comes_back_as_a_value_that_raises_it_again(tmp_path):
    path = save_pages(render_scan("Số: 1/KH-UBND\n", "clean"), tmp_path / "one.png")
    failed = read_page_in_worker(PageJob(path, InputKind.image, 1, Options(jobs=1), CrashingEngine()))
    assert failed == FailedPage(OcrEngineError, None, "page 1: Tesseract failed: segmentation fault")
    failed = pickle.loads(pickle.dumps(failed))
    with pytest.raises(OcrEngineError, match="segmentation fault") as caught:
        failed.raise_error()
    assert caught.value.path is None


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


# --- preprocessing steps -------------------------------------------------------------------------


def _declaring(dpi, size=(600, 400)) -> Image.Image:
    image = Image.new("L", size, 255)
    image.putpixel((10, 10), 0)
    image.info["dpi"] = (dpi, dpi)
    return image


def test_normalise_brings_a_150_dpi_page_to_300_dpi():
    page = normalise(page_image(_declaring(150)))
    assert page.dpi == 300 and page.scale == 2
    assert page.pixels.shape == (800, 1200)


def test_normalise_brings_a_600_dpi_page_down_to_300_dpi():
    page = normalise(page_image(_declaring(600)))
    assert page.dpi == 300 and page.scale == 0.5
    assert page.pixels.shape == (200, 300)


def test_normalise_leaves_a_300_dpi_page_alone():
    page = page_image(_declaring(300))
    assert normalise(page) is page


@pytest.mark.parametrize("dpi", [5, 0, 100_000])
def test_a_nonsense_declared_resolution_is_taken_as_300_dpi(dpi):
    image = _declaring(dpi)
    page = prepare_page(image, ("normalise",))
    assert page.dpi == 300 and page.scale == 1
    assert np.array_equal(page.pixels, np.asarray(image))


def test_an_image_declaring_no_resolution_is_taken_as_300_dpi():
    image = Image.new("L", (600, 400), 255)
    assert "dpi" not in image.info
    assert prepare_page(image, ("normalise",)).pixels.shape == (400, 600)


@pytest.fixture(scope="module")
def level_page() -> Image.Image:
    return render_scan(SEVERAL_LINES, "clean")[0]


@pytest.mark.parametrize("degrees", [2.0, -2.0])
def test_skew_angle_finds_the_rotation_that_undoes_a_tilt(level_page, degrees):
    tilted = level_page.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255)  # counter-clockwise
    assert skew_angle(np.asarray(tilted)) == pytest.approx(-degrees, abs=0.2)
    page = deskew(page_image(tilted))
    assert page.skew_degrees == pytest.approx(-degrees, abs=0.2)
    assert abs(skew_angle(page.pixels)) < MIN_SKEW_DEGREES  # and the lines are level afterwards


def test_deskew_leaves_a_level_page_alone(level_page):
    page = page_image(level_page)
    assert abs(skew_angle(page.pixels)) < MIN_SKEW_DEGREES
    assert deskew(page) is page


A_TEXT_LINE = "Ủy ban nhân dân tỉnh Quảng Ninh ban hành Kế hoạch; hạ tầng, đập\n"
"""Marks above and below the letters (ủ, ạ, ậ) that a median must not eat."""


def _grain(pixels: np.ndarray) -> float:
    return page_grain(pixels, median_filtered(PageImage(pixels, 300)).pixels)


def _grainy_paper(sigma: float) -> np.ndarray:
    rng = np.random.default_rng(0)
    pixels = np.full((1000, 800), 235.0) + rng.normal(0.0, sigma, (1000, 800))
    pixels.flat[rng.choice(pixels.size, 200, replace=False)] = 0
    return np.clip(pixels, 0, 255).astype(np.uint8)


def test_denoise_filters_a_grainy_page_and_its_specks():
    pixels = _grainy_paper(sigma=25)
    assert _grain(pixels) > GRAIN_THRESHOLD
    cleaned = denoise(PageImage(pixels, 300)).pixels
    assert cleaned.min() >= 128
    assert _grain(cleaned) < GRAIN_THRESHOLD


@pytest.mark.parametrize("quality", ["clean", "fair", "archive"])
def test_denoise_leaves_a_page_with_little_grain_as_it_is(quality):
    # Filtering these cost Tesseract accuracy (bench-ocr); fair scans measure ~3 grey levels of grain.
    page = page_image(render_scan(A_TEXT_LINE, quality)[0])
    assert denoise(page) is page


@pytest.mark.parametrize("quality", ["clean", "fair"])
def test_the_median_keeps_the_strokes_of_a_text_line(quality):
    # A 5x5 median keeps ~89% (clean) and ~75% (fair) of them: too much.
    page = page_image(render_scan(A_TEXT_LINE, quality)[0])
    before = _ink(page.pixels)
    assert before > 5000
    assert _ink(median_filtered(page).pixels) >= 0.8 * before


def test_denoise_filters_a_poor_scan():
    page = page_image(render_scan(A_TEXT_LINE, "poor")[0])
    assert np.array_equal(denoise(page).pixels, median_filtered(page).pixels)


def test_check_steps_rejects_an_unknown_step_by_name():
    with pytest.raises(ValueError) as caught:
        check_steps(("normalise", "sharpen"))
    message = str(caught.value)
    assert "sharpen" in message
    for name in ("normalise", "denoise", "binarise", "despeckle", "deskew"):
        assert name in PAGE_STEPS and name in message.split("known:")[1]
    assert check_steps(["denoise", "deskew"]) == ("denoise", "deskew")


def test_read_pages_checks_the_steps_before_reading_any_page(tmp_path):
    path = save_pages(render_scan("Số: 1/KH-UBND\n", "clean"), tmp_path / "one.png")
    with pytest.raises(ValueError, match="sharpen"):
        read_pages(_doc(path, jobs=1, preprocess=("sharpen",)), RefusingEngine())


def _small_components(pixels: np.ndarray) -> int:
    _, _, stats, _ = cv2.connectedComponentsWithStats((pixels < 128).astype(np.uint8), connectivity=8)
    return int(np.count_nonzero(stats[1:, cv2.CC_STAT_AREA] < SPECK_PIXELS))


def test_binarise_then_despeckle_gives_black_and_white_without_specks():
    (scan,) = render_scan(SEVERAL_LINES, "fair", seed=3)
    assert len(np.unique(np.asarray(scan))) > 2
    binarised = prepare_page(scan, ("binarise",))
    assert _small_components(binarised.pixels) > 0  # the threshold turns noise into specks...
    page = prepare_page(scan, ("binarise", "despeckle"))
    assert set(np.unique(page.pixels)) == {0, 255}
    assert _small_components(page.pixels) == 0  # ...and despeckle drops them
    assert _ink(page.pixels) > 50_000  # the text stays
