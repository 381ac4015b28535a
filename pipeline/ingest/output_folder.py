"""The output folder of an ingest: records, texts, page cache, quarantine log, catalog.

Nothing here is ever half-written: files are written to a temporary name in
the same folder, flushed to disk and renamed over the target, and quarantine
lines go out in a single append each. A crash leaves either the old file or
the new one, never a torn one.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from khplan.pipeline.context import PageText
from khplan.pipeline.errors import OutputBusyError
from khplan.schemas import Box, OcrWord, PlanRecord

OUTPUTS = frozenset({"records", "text", "pages", "exports", "quarantine.jsonl"})
"""What an ingest writes in its output folder, besides the catalog and the lock."""
LOCK_NAME = ".khplan.lock"


def _process_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp creates files readable by their owner only; outputs get the usual
# permissions, as ``open()`` would give them. Read once: os.umask is not thread-safe.
_FILE_MODE = 0o666 & ~_process_umask()


TEMPORARY_PREFIX = ".khplan-tmp."
"""Every temporary file khplan writes starts so: a killed run's leftovers are found by it, and nothing else is."""


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so readers see the old bytes or the new, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMPORARY_PREFIX}{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class QuarantineEntry:
    """One rejected input: which file, which bytes, and why."""

    source: str
    sha256: str | None
    reason: str
    message: str
    at: str


class OutputArchive:
    """``OUT/records/<sha256>.json``, ``OUT/text/<sha256>.txt``, ``OUT/pages/<sha256>.json``,
    ``OUT/quarantine.jsonl``, ``OUT/catalog.sqlite``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.records = self.root / "records"
        self.texts = self.root / "text"
        self.pages = self.root / "pages"
        self.quarantine = self.root / "quarantine.jsonl"
        self.catalog_path = self.root / "catalog.sqlite"
        self._known: set[tuple[str, str | None, str]] | None = None

    def prepare(self) -> None:
        for folder in (self.records, self.texts, self.pages):
            folder.mkdir(parents=True, exist_ok=True)
        self.clear_leftovers()

    def clear_leftovers(self) -> None:
        """Remove temporary files a killed run left behind (ours only: named so); their targets were never replaced."""
        for folder in (self.root, self.records, self.texts, self.pages):
            for leftover in folder.glob(f"{TEMPORARY_PREFIX}*.tmp"):
                leftover.unlink(missing_ok=True)

    def owns(self, path: Path) -> bool:
        """Whether ``path`` is one of this folder's outputs (not an input, when the folder lies in a source)."""
        try:
            relative = Path(os.path.realpath(path)).relative_to(os.path.realpath(self.root))
        except ValueError:
            return False
        if not relative.parts:
            return False  # the folder itself: its other files may be the user's scans
        first = relative.parts[0]
        return first in OUTPUTS or first.startswith((self.catalog_path.name, ".khplan"))

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder for one ingest: a second one at the same time would interleave catalog and log."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / LOCK_NAME, "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise OutputBusyError(
                    self.root, "another khplan ingest is writing to this folder; wait for it to end"
                ) from None
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def record_path(self, sha256: str) -> Path:
        return self.records / f"{sha256}.json"

    def text_path(self, sha256: str) -> Path:
        return self.texts / f"{sha256}.txt"

    def pdf_path(self, sha256: str) -> Path:
        return self.records / f"{sha256}.pdf"

    def write_document(self, record: PlanRecord, text: str, pdf: bytes | None = None) -> Path:
        """Text and searchable PDF first, record last: a record on disk means its document is complete."""
        sha256 = record.provenance.sha256
        assert sha256, "a record without its input's sha256 cannot be stored"
        write_atomic(self.text_path(sha256), text.encode("utf-8"))
        if pdf is not None:
            write_atomic(self.pdf_path(sha256), pdf)
        return self.write_record(record)

    def write_record(self, record: PlanRecord) -> Path:
        """The record alone (a correction applied to it): replaced whole."""
        sha256 = record.provenance.sha256
        assert sha256, "a record without its input's sha256 cannot be stored"
        path = self.record_path(sha256)
        write_atomic(path, (record.model_dump_json(indent=2) + "\n").encode("utf-8"))
        return path

    def remove_document(self, sha256: str) -> None:
        """Remove a document's record (first), searchable PDF and text; its page cache stays."""
        for path in (self.record_path(sha256), self.pdf_path(sha256), self.text_path(sha256)):
            path.unlink(missing_ok=True)

    def pages_path(self, sha256: str) -> Path:
        return self.pages / f"{sha256}.json"

    def write_pages(self, sha256: str, pages: list[PageText], reading_version: str) -> None:
        """Cache a document's page texts and OCR'd words (boxes, confidences: the evidence a record made later
        from them points at) under the version that read them; a searchable PDF's text layer is not kept."""
        entry = {
            "reading_version": reading_version,
            "pages": [
                {
                    "page_no": p.page_no,
                    "text": p.text,
                    "method": p.method,
                    "confidence": p.confidence,
                    "words": [[w.text, *w.box, w.confidence, w.start, w.end] for w in p.words],
                    "size": p.size,
                    "dpi": p.dpi,
                }
                for p in pages
            ],
        }
        write_atomic(self.pages_path(sha256), json.dumps(entry, ensure_ascii=False).encode("utf-8"))

    def read_pages(self, sha256: str, reading_version: str) -> list[PageText] | None:
        """The cached page texts, if the same reading version produced them (and kept the OCR'd pages' words)."""
        try:
            entry = json.loads(self.pages_path(sha256).read_bytes())
        except (OSError, ValueError):
            return None
        if entry.get("reading_version") != reading_version:
            return None
        pages = entry["pages"]
        if any(p["method"] == "ocr" and "words" not in p for p in pages):
            return None  # cached before words were kept: without them a record cites no boxes
        return [
            PageText(
                p["page_no"],
                p["text"],
                p["method"],
                p["confidence"],
                tuple(
                    OcrWord(text, Box(left, top, width, height), confidence, p["page_no"], start, end)
                    for text, left, top, width, height, confidence, start, end in p.get("words", ())
                ),
                tuple(p["size"]) if p.get("size") else None,
                p.get("dpi"),
            )
            for p in pages
        ]

    def read_record(self, sha256: str) -> PlanRecord | None:
        path = self.record_path(sha256)
        try:
            return PlanRecord.model_validate_json(path.read_bytes())
        except (OSError, ValueError):
            return None

    def quarantined(self) -> list[QuarantineEntry]:
        """The entries of the quarantine log; a torn last line (a killed run) is skipped."""
        entries: list[QuarantineEntry] = []
        try:
            lines = self.quarantine.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return entries
        for line in lines:
            try:
                entries.append(QuarantineEntry(**json.loads(line)))
            except (ValueError, TypeError):
                continue
        return entries

    def drop_quarantined(self, resolved: set[str]) -> None:
        """Rewrite the log without the documents (by sha256) that have since become records."""
        entries = self.quarantined()
        kept = [e for e in entries if e.sha256 not in resolved]
        if len(kept) == len(entries):
            return
        text = "".join(json.dumps(asdict(e), ensure_ascii=False) + "\n" for e in kept)
        write_atomic(self.quarantine, text.encode("utf-8"))
        self._known = {(e.source, e.sha256, e.reason) for e in kept}

    def append_quarantine(self, source: str, sha256: str | None, reason: str, message: str) -> QuarantineEntry:
        """Log a rejected file once: a rerun that rejects it again for the same reason adds nothing."""
        entry = QuarantineEntry(source, sha256, reason, message, datetime.now(UTC).isoformat(timespec="seconds"))
        if self._known is None:
            self._known = {(e.source, e.sha256, e.reason) for e in self.quarantined()}
        if (source, sha256, reason) in self._known:
            return entry
        self._known.add((source, sha256, reason))
        line = (json.dumps(asdict(entry), ensure_ascii=False) + "\n").encode("utf-8")
        fd = os.open(self.quarantine, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
        return entry
