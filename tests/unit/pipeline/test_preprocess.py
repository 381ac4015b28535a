"""The page steps before OCR (pipeline.reading.preprocess): blank pages, resolution, skew, grain, thresholds."""

from __future__ import annotations

import random

import cv2
import numpy as np
import pytest
from PIL import Image

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
from tools.synth.scans import QUALITIES, degrade, render_scan

A4_300 = (2480, 3508)
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


def test_steps_that_change_the_page_are_named_on_it():
    page = prepare_page(_declaring(150), ("normalise", "denoise"))
    assert page.applied == ("normalise",)  # a clean page has no grain to filter
