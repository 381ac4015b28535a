"""What can go wrong with an input, as exceptions that know their exit code and quarantine reason.

Library errors are converted where they happen (``raise InputFileError(...)
from e``); one handler in the CLI turns a :class:`KhplanError` into one line on
stderr and its exit code, and the ingest flow turns it into a quarantine line.
Exit codes follow OCRmyPDF's, so scripts that already wrap it read ours alike.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from khplan.pipeline.context import path_text


class ExitCode(IntEnum):
    ok = 0
    bad_args = 1
    input_file = 2
    missing_dependency = 3
    file_access_error = 5
    child_process_error = 7
    encrypted_pdf = 8
    other_error = 15
    ctrl_c = 130


class KhplanError(Exception):
    """An input khplan cannot turn into a record, with the reason in words."""

    exit_code: ExitCode = ExitCode.other_error
    reason: str = "error"
    """Short stable code written to quarantine.jsonl and the catalog."""

    def __init__(self, path: Path | str | None, message: str) -> None:
        super().__init__(message)
        self.path = path_text(path) if path is not None else None
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def __reduce__(self) -> tuple[type[KhplanError], tuple[str | None, str]]:
        """Pickle as itself (path and message), so the error crosses back from a worker process unchanged."""
        return type(self), (self.path, self.message)


class InputFileError(KhplanError):
    """The file is missing, a directory, or cannot be read."""

    exit_code = ExitCode.input_file
    reason = "unreadable_file"


class UnsupportedFormatError(KhplanError):
    exit_code = ExitCode.input_file
    reason = "unsupported_format"


class CorruptFileError(KhplanError):
    """The bytes are not what the extension promises (truncated PDF, fake PNG, random bytes)."""

    exit_code = ExitCode.input_file
    reason = "corrupt_file"


class TooLargeError(KhplanError):
    """Past a limit of :class:`~khplan.pipeline.context.Limits` (pages, characters, uncompressed size):
    a zip bomb or a runaway file must not take the machine, however it is named."""

    exit_code = ExitCode.input_file
    reason = "too_large"


class EncryptedPdfError(KhplanError):
    exit_code = ExitCode.encrypted_pdf
    reason = "encrypted_pdf"


class EncodingError(KhplanError):
    """Text in an encoding khplan cannot decode."""

    exit_code = ExitCode.input_file
    reason = "unreadable_encoding"


class EmptyDocumentError(KhplanError):
    """No text on any page: blank scans, an empty file."""

    exit_code = ExitCode.input_file
    reason = "empty_document"


class NotAPlanError(KhplanError):
    """Readable, but not a Vietnamese administrative document."""

    exit_code = ExitCode.input_file
    reason = "not_a_plan"


class MissingDependencyError(KhplanError):
    """Tesseract, its Vietnamese data or poppler is not installed."""

    exit_code = ExitCode.missing_dependency
    reason = "missing_dependency"


class OcrEngineError(KhplanError):
    """Tesseract failed or timed out on a page."""

    exit_code = ExitCode.child_process_error
    reason = "ocr_failed"


class OutputBusyError(KhplanError):
    """Another ingest holds the output folder."""

    exit_code = ExitCode.file_access_error
    reason = "output_busy"


class DocumentTimeoutError(KhplanError):
    """The whole document took longer than the ingest's per-document limit (``--timeout``)."""

    exit_code = ExitCode.other_error
    reason = "timeout"
