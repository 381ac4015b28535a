"""Image inputs (PNG, JPEG, multi-page TIFF): page count and one page at a time.

Pillow's errors become khplan's here, and an image that would decompress to
gigabytes is refused before it is decoded.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from khplan.pipeline.errors import CorruptFileError

# A4 at 600 dpi is 35 Mpx; anything past 4x that is not a page scan.
MAX_PAGE_PIXELS = 140_000_000
MIN_DPI, MAX_DPI = 70, 1200
"""A declared resolution outside these is a wrong header, not a scan; it is ignored."""


def _open(path: Path) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # Pillow's notes on damaged EXIF: the page may still read
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
            raise CorruptFileError(path, "image is too large to be a page scan (decompression bomb)") from e
        except UnidentifiedImageError as e:
            raise CorruptFileError(path, "not a readable image") from e
        except (OSError, SyntaxError, ValueError, TypeError, EOFError) as e:
            raise CorruptFileError(path, f"image cannot be read: {e}") from e
    if image.width * image.height > MAX_PAGE_PIXELS:
        raise CorruptFileError(path, f"image is {image.width}x{image.height} pixels, too large to be a page scan")
    return image


def count_image_pages(path: Path) -> int:
    with _open(path) as image, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # Pillow's notes on damaged EXIF
        try:
            return getattr(image, "n_frames", 1)
        except (OSError, SyntaxError, ValueError, TypeError, EOFError) as e:  # a TIFF cut short
            raise CorruptFileError(path, f"image is damaged: {e}") from e


def load_image_page(path: Path, page_no: int) -> Image.Image:
    """Page ``page_no`` (1-based) as a greyscale image, fully decoded."""
    with _open(path) as image, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # Pillow's notes on damaged EXIF
        try:
            frame = ImageSequence.Iterator(image)[page_no - 1]
            if frame.width * frame.height > MAX_PAGE_PIXELS:
                raise CorruptFileError(path, f"page {page_no} is too large to be a page scan")
            frame.load()
            return frame.convert("L")
        except (OSError, SyntaxError, ValueError, IndexError, TypeError, EOFError) as e:
            # Pillow's messages for a file cut short: "image file is truncated", "Missing dimensions" ...
            raise CorruptFileError(path, f"page {page_no} of the image is damaged: {e}") from e


def declared_dpi(image: Image.Image) -> int | None:
    """The resolution the image declares (rasterised PDF pages declare theirs), when it is a plausible one."""
    dpi = image.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        return None
    return value if MIN_DPI <= value <= MAX_DPI else None
