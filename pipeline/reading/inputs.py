"""Recognise what an input file is, and read the ones that are already text.

The extension says what the user thinks a file is; the first bytes say what it
is. Both must agree, so a fake PNG or a truncated PDF is rejected here with a
reason instead of crashing a later stage.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import unicodedata
from pathlib import Path

from khplan.pipeline.context import DEFAULT_LIMITS, InputKind, Limits
from khplan.pipeline.errors import (
    CorruptFileError,
    EmptyDocumentError,
    EncodingError,
    InputFileError,
    TooLargeError,
    UnsupportedFormatError,
)
from khplan.pipeline.reading.legacy_encodings import decode_legacy_bytes, to_unicode
from khplan.pipeline.reading.web_markup import strip_markup
from khplan.pipeline.reading.word_documents import read_docx

EXTENSIONS: dict[str, InputKind] = {
    ".pdf": InputKind.pdf,
    ".png": InputKind.image,
    ".jpg": InputKind.image,
    ".jpeg": InputKind.image,
    ".tif": InputKind.image,
    ".tiff": InputKind.image,
    ".txt": InputKind.text,
    ".md": InputKind.text,
    ".docx": InputKind.text,
}

# Magic numbers of the binary formats khplan reads.
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
    ".docx": (b"PK\x03\x04",),
}
_FORMAT_NAMES = {
    ".pdf": "PDF",
    ".png": "PNG image",
    ".jpg": "JPEG image",
    ".jpeg": "JPEG image",
    ".tif": "TIFF image",
    ".tiff": "TIFF image",
    ".docx": "Word document",
}

# Control characters that never occur in text (tab, newlines, form feed excepted).
_BINARY_CONTROLS = set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x20)) | {0x7F}
_MAX_BINARY_SHARE = 0.01


def identify(path: Path, limits: Limits = DEFAULT_LIMITS) -> InputKind:
    """The kind of input ``path`` holds, checked against its first bytes.

    What the path is comes first, from ``stat`` alone: a FIFO would block the
    first read forever, a device (``/dev/zero`` behind a ``.txt`` name) never
    ends, and a symlink loop has no file at all; none of them is opened.
    """
    file_stat = _stat(path)
    if stat.S_ISDIR(file_stat.st_mode):
        raise InputFileError(path, "is a directory, not a file (use `khplan ingest` for folders)")
    if not stat.S_ISREG(file_stat.st_mode):
        raise InputFileError(path, f"is not a regular file but {_file_type(file_stat.st_mode)}")
    suffix = path.suffix.lower()
    kind = EXTENSIONS.get(suffix)
    if kind is None:
        supported = ", ".join(sorted(EXTENSIONS))
        raise UnsupportedFormatError(path, f"unsupported file type '{suffix or '(none)'}' (supported: {supported})")
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError as e:
        raise InputFileError(path, f"cannot be read: {e.strerror or e}") from e
    if not head:
        raise EmptyDocumentError(path, "file is empty")
    signatures = _SIGNATURES.get(suffix)
    if signatures and not head.startswith(signatures):
        raise CorruptFileError(path, f"not a valid {_FORMAT_NAMES[suffix]} (its first bytes do not match the format)")
    if suffix in (".txt", ".md") and file_stat.st_size > limits.max_text_bytes:
        size = f"{file_stat.st_size:,} bytes of text"
        raise TooLargeError(path, f"{size}, over the limit of {limits.max_chars:,} characters (--max-chars)")
    return kind


def _stat(path: Path) -> os.stat_result:
    try:
        return os.stat(path)  # follows symlinks: a link is what it points at
    except FileNotFoundError as e:
        raise InputFileError(path, "no such file") from e
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputFileError(path, "is a symlink loop (it points, through links, back at itself)") from e
        raise InputFileError(path, f"cannot be read: {e.strerror or e}") from e


def _file_type(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a file khplan can read"


def decode_text(data: bytes, path: Path) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with a BOM, or a legacy Vietnamese encoding.

    Bytes that are not UTF-8 are tried as TCVN3, VNI and Windows-1258
    (:mod:`pipeline.legacy_encodings`); they are refused unless one of them
    reads as Vietnamese.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise EncodingError(path, f"declares UTF-16 but is not valid UTF-16 ({e.reason})") from e
    controls = sum(1 for byte in data[:65536] if byte in _BINARY_CONTROLS)
    if controls > _MAX_BINARY_SHARE * min(len(data), 65536):
        raise CorruptFileError(path, "holds binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if legacy := decode_legacy_bytes(data):
            return legacy[0]
        raise EncodingError(
            path,
            f"is not UTF-8 text, nor Vietnamese in TCVN3, VNI or Windows-1258 "
            f"(invalid byte 0x{data[e.start]:02x} at offset {e.start})",
        ) from e


def text_as_read(text: str) -> str:
    """A text as khplan reads it: Unicode (TCVN3/VNI stored as Windows-1252 characters converted), NFC, lines ending
    in ``\\n``, without the markup of the web page it was copied from."""
    text, _ = to_unicode(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return strip_markup(text)


def read_text_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """The text of a .txt/.md/.docx input in Unicode (legacy encodings converted), lines ending in ``\\n``."""
    if path.suffix.lower() == ".docx":
        text = read_docx(path, limits)
    else:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InputFileError(path, f"cannot be read: {e.strerror or e}") from e
        text = decode_text(data, path)
    text = text_as_read(text)
    if not text.strip():
        raise EmptyDocumentError(path, "holds no text")
    if len(text) > limits.max_chars:
        size = f"{len(text):,} characters of text"
        raise TooLargeError(path, f"{size}, over the limit of {limits.max_chars:,} (--max-chars)")
    return text
