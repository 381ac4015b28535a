"""Render clean text as scanned pages: the evaluation data khplan generates for itself.

Real scans with gold are scarce, so tests, samples, benchmarks and the OCR
confusion model all render known text the way offices print it (Nghị định
30/2020/NĐ-CP: A4, Times-like serif at 13-14 pt, the two-column header) and
degrade it like a scanner does. Knowing the text behind every pixel is what
makes the numbers measured on these pages mean something.
"""

from __future__ import annotations

import io
import random
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from khplan.diacritics.orthography import fold

MM_PER_INCH = 25.4
A4_MM = (210, 297)

# Times-like faces first (ND30 prescribes Times New Roman), then other serifs
# with full Vietnamese coverage: fonts-liberation2, fonts-texgyre (TeX Gyre
# Termes, a Times clone whose Đ legacy OCR reads as P, as on real archive
# scans), fonts-freefont-ttf, fonts-dejavu.
SERIF_FAMILIES = ("Liberation Serif", "TeX Gyre Termes", "FreeSerif", "DejaVu Serif")
# Letters only Vietnamese uses (ạ ế ộ đ ư ơ): a font must have them all.
VIETNAMESE_CHARSET = "1ea1 1ebf 1ed9 111 1b0 1a1"
# fontconfig calls the regular face of some families "Book".
STYLE_NAMES = {"Regular": ("Regular", "Book"), "Bold": ("Bold",)}

# Where the right column of a merged header line starts (folded text): the
# national motto, or the place-and-date after the document number.
_MOTTO = re.compile(r"\b(cong hoa xa hoi|doc lap\b)")
_NUMBER_THEN_DATE = re.compile(r"^\s*so\s*:?\s*[\w.]+\s*/\s*\S+\s+(?=.*, ngay\b)")
_MARKDOWN = re.compile(r"^\s{0,3}#{1,6}\s+|\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)")


@dataclass(frozen=True)
class Degradation:
    """How far a page is from a clean print. All zero is a perfect scan."""

    name: str
    blur: float = 0.0
    """Gaussian blur radius in pixels at 300 dpi."""
    noise: float = 0.0
    """Standard deviation of additive grey noise (0-255 scale)."""
    speckle: float = 0.0
    """Fraction of pixels flipped to black or white."""
    skew_degrees: float = 0.0
    """Largest rotation; each page gets a random angle within it."""
    jpeg_quality: int | None = None
    """Re-encode as JPEG at this quality."""
    ink: int = 0
    """Grey level of the ink (0 = black); faded prints are lighter."""
    bilevel: bool = False
    """Threshold to black and white, as archive scanners storing CCITT G4 do."""
    thicken: int = 0
    """Grow strokes by a min filter of this size (odd): a photocopy's toner spreads, counters close."""


QUALITIES: dict[str, Degradation] = {
    "clean": Degradation("clean"),
    "fair": Degradation("fair", blur=0.8, noise=12, speckle=0.0005, skew_degrees=0.6, jpeg_quality=70, ink=30),
    "poor": Degradation("poor", blur=1.3, noise=28, speckle=0.002, skew_degrees=1.5, jpeg_quality=40, ink=70),
    "archive": Degradation("archive", blur=0.8, noise=12, speckle=0.0005, skew_degrees=0.6, ink=30, bilevel=True),
    # A copy of a copy: toner spread, specks, a tilt, stored black and white.
    "photocopy": Degradation("photocopy", blur=0.6, noise=10, speckle=0.003, skew_degrees=2.0, thicken=3, bilevel=True),
    "skewed": Degradation("skewed", blur=0.8, noise=12, speckle=0.0005, skew_degrees=3.0, jpeg_quality=70, ink=30),
}
BILEVEL_THRESHOLD = 150


@cache
def find_font(style: str = "Regular", family: str | None = None) -> Path:
    """A serif font file of ``style`` that fontconfig says has the letters Vietnamese needs."""
    for name in [family] if family else SERIF_FAMILIES:
        for style_name in STYLE_NAMES.get(style, (style,)):
            try:
                out = subprocess.run(
                    ["fc-list", f":family={name}:style={style_name}:charset={VIETNAMESE_CHARSET}", "file"],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            except (OSError, subprocess.CalledProcessError):
                continue
            files = sorted(line.strip().rstrip(":") for line in out.splitlines() if line.strip())
            if files:
                return Path(files[0])
    raise FileNotFoundError(f"no {style} serif font with Vietnamese glyphs found; install Debian's fonts-liberation2")


def strip_markdown(line: str) -> str:
    """``## **II. ĐỐI TƯỢNG**`` -> ``II. ĐỐI TƯỢNG``: conversions mark headings, print does not."""
    return _MARKDOWN.sub("", line).rstrip()


def split_header_line(line: str) -> tuple[str, str] | None:
    """Split a header line that holds both columns (issuer | motto, number | place-date)."""
    folded = fold(line)
    motto = _MOTTO.search(folded)
    if motto:
        cut = motto.start()
    elif number := _NUMBER_THEN_DATE.match(folded):
        cut = number.end()
    else:
        return None
    left, right = line[:cut].strip(), line[cut:].strip()
    return (left, right) if left and right else None


# Type lines (tên loại) of ND30 documents, folded.
_TYPE_LINES = {
    "ke hoach",
    "quyet dinh",
    "huong dan",
    "thong bao",
    "bao cao",
    "chi thi",
    "nghi quyet",
    "to trinh",
    "chuong trinh",
    "de an",
    "phuong an",
    "quy che",
    "quy dinh",
    "cong van",
}
_PLACE_DATE = re.compile(r", ngay .*\b\d{4}\b")
_PREAMBLE = ("can cu", "thuc hien", "theo ", "kinh gui")


@dataclass(frozen=True)
class _Line:
    text: str
    align: str = "left"  # left | center | columns | left-column | right-column
    bold: bool = False
    right: str = ""


def _layout(lines: Sequence[str]) -> list[_Line]:
    """Place each line as ND30 lays a document out: header columns, centred type and title, body."""
    laid: list[_Line] = []
    state = "header"
    title_lines = 0
    for raw in lines:
        line = strip_markdown(raw).strip()
        folded = fold(line)
        if state == "header":
            if not line:
                laid.append(_Line(""))
            elif split := split_header_line(line):
                laid.append(_Line(split[0], "columns", True, split[1]))
            elif folded in _TYPE_LINES:
                laid.append(_Line(line, "center", True))
                state = "title"
            elif _PLACE_DATE.search(folded):
                laid.append(_Line(line, "right-column"))
            elif folded.startswith(("so:", "so ")) or (line.isupper() and len(line.split()) <= 8):
                laid.append(_Line(line, "left-column", line.isupper()))
            else:
                state = "body"
                laid.append(_Line(raw.rstrip()))
            continue
        if state == "title":
            if not line:
                laid.append(_Line(""))
                if title_lines:
                    state = "body"
                continue
            if folded.startswith(_PREAMBLE):
                state = "body"
            else:
                laid.append(_Line(line, "center", True))
                title_lines += 1
                continue
        laid.append(_Line(strip_markdown(raw)))
    return laid


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    words, out, current = text.split(" "), [], ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if current and font.getlength(trial) > width:
            out.append(current)
            current = word
        else:
            current = trial
    out.append(current)
    return out


def render_pages(
    text: str,
    *,
    dpi: int = 300,
    size_pt: float = 13.0,
    family: str | None = None,
    margins_mm: tuple[float, float, float, float] = (20, 15, 20, 30),
) -> list[Image.Image]:
    """Clean greyscale A4 pages of ``text``, one printed line per input line (wrapped if too long).

    ``margins_mm`` is (top, right, bottom, left), the ND30 defaults.
    """

    def px(mm: float) -> int:
        return round(mm / MM_PER_INCH * dpi)

    width, height = px(A4_MM[0]), px(A4_MM[1])
    top, right, bottom, left = (px(m) for m in margins_mm)
    size = round(size_pt / 72 * dpi)
    regular = ImageFont.truetype(str(find_font("Regular", family)), size)
    bold = ImageFont.truetype(str(find_font("Bold", family)), size)
    line_height = round(size * 1.35)
    text_width = width - left - right
    left_width = text_width * 0.4  # the issuer column; the motto column takes the rest

    pages: list[Image.Image] = []
    page = draw = None
    y = height

    def new_page() -> None:
        nonlocal page, draw, y
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        pages.append(page)
        y = top

    for line in _layout(text.splitlines()):
        font = bold if line.bold else regular
        if line.align in ("columns", "left-column", "right-column"):
            chunks = [(line.align, line.text, line.right)]
        elif not line.text.strip():
            chunks = [("blank", "", "")]
        else:
            chunks = [(line.align, part, "") for part in _wrap(line.text.strip(), font, text_width)]
        for kind, left_text, right_text in chunks:
            if y + line_height > height - bottom:
                new_page()
            if kind == "blank":
                y += line_height // 2
                continue
            assert draw is not None
            if kind in ("columns", "left-column"):
                lw = font.getlength(left_text)
                draw.text((left + max(0, (left_width - lw) / 2), y), left_text, font=font, fill=0)
            if kind in ("columns", "right-column"):
                text = right_text if kind == "columns" else left_text
                rw = font.getlength(text)
                draw.text((left + left_width + max(0, (text_width - left_width - rw) / 2), y), text, font=font, fill=0)
            if kind == "center":
                draw.text((left + (text_width - font.getlength(left_text)) / 2, y), left_text, font=font, fill=0)
            elif kind == "left":
                draw.text((left, y), left_text, font=font, fill=0)
            y += line_height
    if not pages:
        new_page()
    return pages


def degrade(page: Image.Image, quality: Degradation, rng: random.Random) -> Image.Image:
    """Make a clean page look scanned: faded ink, blur, skew, noise, speckle, JPEG."""
    image = page
    if quality.ink:
        image = image.point(lambda v: quality.ink + v * (255 - quality.ink) // 255)
    if quality.thicken:
        image = image.filter(ImageFilter.MinFilter(quality.thicken))
    if quality.blur:
        image = image.filter(ImageFilter.GaussianBlur(quality.blur))
    if quality.skew_degrees:
        angle = rng.uniform(-quality.skew_degrees, quality.skew_degrees)
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    if quality.noise or quality.speckle:
        np_rng = np.random.default_rng(rng.randrange(2**32))
        pixels: np.ndarray = np.asarray(image, dtype=np.float32)
        if quality.noise:
            pixels = pixels + np_rng.normal(0.0, quality.noise, pixels.shape)
        if quality.speckle:
            flips = np_rng.random(pixels.shape)
            pixels[flips < quality.speckle / 2] = 0
            pixels[flips > 1 - quality.speckle / 2] = 255
        image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")
    if quality.jpeg_quality:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=quality.jpeg_quality)
        buffer.seek(0)
        image = Image.open(buffer).convert("L")
    if quality.bilevel:
        image = image.point(lambda v: 255 if v > BILEVEL_THRESHOLD else 0).convert("1")
    return image


def render_scan(
    text: str,
    quality: str | Degradation = "clean",
    *,
    seed: int = 0,
    dpi: int = 300,
    size_pt: float = 13.0,
    family: str | None = None,
) -> list[Image.Image]:
    """Pages of ``text`` as a scanner of the given quality would give them."""
    degradation = QUALITIES[quality] if isinstance(quality, str) else quality
    rng = random.Random(seed)
    pages = render_pages(text, dpi=dpi, size_pt=size_pt, family=family)
    return [degrade(page, degradation, rng) for page in pages]


def save_pages(pages: Iterable[Image.Image], path: Path, *, dpi: int = 300) -> Path:
    """Write pages as an image-only PDF, a (multi-page) TIFF, or a PNG/JPEG of the first page.

    Black-and-white pages are stored CCITT G4 compressed (a few dozen kB a page).
    """
    pages = list(pages)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        pages[0].save(path, save_all=True, append_images=pages[1:], resolution=dpi)
    elif suffix in {".tif", ".tiff"}:
        compression = "group4" if pages[0].mode == "1" else "tiff_lzw"
        pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(dpi, dpi), compression=compression)
    else:
        pages[0].save(path, dpi=(dpi, dpi))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tools.synth.scans TEXT OUT.pdf --quality fair``: render a text file as a scan."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tools.synth.scans", description=main.__doc__)
    parser.add_argument("text", type=Path, help="UTF-8 text to render (markdown marks are dropped)")
    parser.add_argument("out", type=Path, help=".pdf, .tif/.tiff (all pages) or .png/.jpg (first page)")
    parser.add_argument("--quality", choices=sorted(QUALITIES), default="fair")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random degradation")
    parser.add_argument("--size", type=float, default=13.0, help="font size in points")
    parser.add_argument("--family", default=None, help="serif font family (default: Liberation Serif)")
    args = parser.parse_args(argv)
    pages = render_scan(
        args.text.read_text(encoding="utf-8"), args.quality, seed=args.seed, size_pt=args.size, family=args.family
    )
    save_pages(pages, args.out)
    print(f"{args.out}: {len(pages)} page(s), {args.quality}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
