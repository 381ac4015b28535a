"""What the review app reads and writes: the output folder's records and the catalog's corrections and reviews.

Every record the app shows has the catalog's corrections applied (a record
file a crash left behind its corrections is healed on the way), and every
correction goes to the catalog first, then into the record file and the
document's catalog row, so exports, compare and calendar see it at once.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import JsonValue

from khplan.pipeline.ingest.catalog import Catalog, catalog_url_for
from khplan.pipeline.ingest.corrections import (
    LISTS,
    Correction,
    CorrectionError,
    FieldPath,
    apply_correction,
    apply_corrections,
    new_entry_id,
    suggestions,
    value_at,
)
from khplan.pipeline.ingest.output_folder import OutputArchive
from khplan.schemas import PlanRecord

Operation = Literal["set", "add", "remove", "keep"]
"""``set`` a field, ``add`` or ``remove`` a list entry, ``keep`` the value shown over the extraction's suggestion."""


class UnknownDocument(LookupError):
    """No record of this sha256 in the output folder."""


@dataclass
class ReviewDocument:
    """One document as the review shows it."""

    sha256: str
    record: PlanRecord
    """The extraction with every correction applied."""
    text: str
    """The text the record's spans index (restored)."""
    corrections: list[Correction]
    suggestions: dict[str, JsonValue]
    reviewed: dict[str, str] | None
    """Who marked it reviewed, and when; None while pending."""
    sources: list[str] = field(default_factory=list)

    def latest_correction(self, path: str) -> Correction | None:
        return next((c for c in reversed(self.corrections) if c.path == path), None)


@dataclass(frozen=True)
class QueueItem:
    """One row of the queue: a document, or a quarantined file."""

    sha256: str
    status: Literal["pending", "reviewed", "quarantined"]
    number: str | None = None
    title: str | None = None
    issuer: str | None = None
    province: str | None = None
    level: str | None = None
    year: str | None = None
    warnings: int = 0
    low_confidence: int = 0
    suggestions: int = 0
    corrections: int = 0
    reviewer: str | None = None
    reason: str | None = None
    message: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def needs_look(self) -> int:
        """How much there is to check: suggestions and warnings first, then doubtful fields."""
        return 3 * self.suggestions + 2 * self.warnings + self.low_confidence


def low_confidence_fields(record: PlanRecord) -> list[str]:
    """Paths of the fields whose evidence OCR or restoration doubted."""
    return [path for path, confidence in record.provenance.confidence.items() if confidence.doubtful]


class ReviewStore:
    """The output folder and its catalog, as the review app uses them (one writer at a time in this process)."""

    def __init__(self, out: Path, catalog_url: str | None = None) -> None:
        self.archive = OutputArchive(out)
        self.catalog = Catalog(catalog_url_for(catalog_url, self.archive.root), create=False)
        self.catalog.ensure_review_tables()
        self._lock = threading.Lock()
        self._records: dict[str, tuple[int, PlanRecord]] = {}

    def close(self) -> None:
        self.catalog.close()

    def _record_file(self, sha256: str) -> PlanRecord | None:
        """The record file, parsed once per version of the file."""
        path = self.archive.record_path(sha256)
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return None
        cached = self._records.get(sha256)
        if cached and cached[0] == stamp:
            return cached[1]
        record = self.archive.read_record(sha256)
        if record is not None:
            self._records[sha256] = (stamp, record)
        return record

    def queue(self) -> list[QueueItem]:
        """Every document and quarantined file: quarantined first, then pending by how much needs a look."""
        reviews = self.catalog.reviews()
        corrections = self.catalog.all_corrections()
        items = []
        for row in self.catalog.documents():
            sha = row["sha256"]
            if row["status"] == "quarantined":
                items.append(
                    QueueItem(
                        sha,
                        "quarantined",
                        reason=row["reason"],
                        message=row["message"],
                        sources=tuple(self.catalog.sources_of(sha)),
                    )
                )
                continue
            record = self._record_file(sha)
            if record is None:
                continue
            record = apply_corrections(record, corrections.get(sha, []))
            review = reviews.get(sha)
            items.append(
                QueueItem(
                    sha,
                    "reviewed" if review else "pending",
                    number=record.number,
                    title=record.title,
                    issuer=record.issuer.name,
                    province=record.issuer.province,
                    level=record.issuer.level,
                    year=str(record.issue_date.year) if record.issue_date else None,
                    warnings=len(record.warnings),
                    low_confidence=len(low_confidence_fields(record)),
                    suggestions=len(suggestions(record, corrections.get(sha, []))),
                    corrections=len(corrections.get(sha, [])),
                    reviewer=review["reviewer"] if review else None,
                )
            )
        order = {"quarantined": 0, "pending": 1, "reviewed": 2}
        return sorted(items, key=lambda i: (order[i.status], -i.needs_look, i.province or "", i.number or "", i.sha256))

    def document(self, sha256: str) -> ReviewDocument:
        """The document with its corrections applied; its record file rewritten if it had fallen behind them."""
        record = self._record_file(sha256)
        if record is None:
            raise UnknownDocument(sha256)
        corrections = self.catalog.corrections_of(sha256)
        corrected = apply_corrections(record, corrections)
        if corrected != record:
            self.archive.write_record(corrected)
        try:
            text = self.archive.text_path(sha256).read_text(encoding="utf-8")
        except OSError:
            text = ""
        return ReviewDocument(
            sha256,
            corrected,
            text,
            corrections,
            suggestions(corrected, corrections),
            self.catalog.reviews().get(sha256),
            self.catalog.sources_of(sha256),
        )

    def correct(self, sha256: str, op: Operation, path: str, value: JsonValue, reviewer: str) -> Correction | None:
        """Check a person's change against the schema, store it, and write the corrected record.

        Raises :class:`CorrectionError` with the reason when it is refused; returns None when it changes nothing.
        """
        with self._lock:
            document = self.document(sha256)
            correction = self._correction(document, op, path, _cleaned(value), reviewer)
            if correction is None:
                return None
            record = document.record.model_copy(deep=True)
            apply_correction(record, correction)
            target = FieldPath.parse(correction.path)
            if correction.new is not None:  # stored as the schema normalised it ("12" is 12, spaces collapsed)
                correction = dataclasses.replace(correction, new=value_at(record, target))
                if op == "set" and correction.new == correction.old:
                    return None
            if target.attr is not None:  # the whole entry, should a new extraction lose its evidence
                entry_path = f"{target.list_name}[{target.entry_id}]"
                correction = dataclasses.replace(correction, entry=value_at(record, entry_path))
            self.catalog.add_correction(sha256, correction)
            self._save(record)
            return correction

    def _correction(
        self, document: ReviewDocument, op: Operation, path: str, value: JsonValue, reviewer: str
    ) -> Correction | None:
        record = document.record
        if op == "add":
            if path not in LISTS:
                raise CorrectionError(f"{path}: not a list an entry can be added to")
            return Correction(f"{path}[{new_entry_id(path)}]", None, value, reviewer)
        target = FieldPath.parse(path)
        current = value_at(record, target)
        if target.list_name is not None and current is None and op != "add":
            raise CorrectionError(f"{path}: no such entry in {target.list_name}")
        if op == "remove":
            if not target.is_entry:
                raise CorrectionError(f"{path}: only a list entry can be removed")
            return Correction(path, current, None, reviewer)
        if op == "keep":
            if path not in document.suggestions:
                raise CorrectionError(f"{path}: there is no suggestion to turn down")
            return Correction(path, document.suggestions[path], current, reviewer)
        if target.is_entry and value is None:
            raise CorrectionError(f"{path}: to remove an entry, use remove")
        if value == current:
            return None
        return Correction(path, current, value, reviewer)

    def set_reviewed(self, sha256: str, reviewer: str, reviewed: bool = True) -> None:
        if self._record_file(sha256) is None:
            raise UnknownDocument(sha256)
        if reviewed:
            self.catalog.mark_reviewed(sha256, reviewer)
        else:
            self.catalog.unmark_reviewed(sha256)

    def _save(self, record: PlanRecord) -> None:
        """The record file, then the catalog row (under the version that made the record)."""
        sha256 = record.provenance.sha256 or ""
        path = self.archive.write_record(record)
        row = self.catalog.lookup(sha256)
        if row is not None and row["status"] == "done":
            self.catalog.record_done(record, path, row["pipeline_version"])


def _cleaned(value: JsonValue) -> JsonValue:
    """What a form sends, as the schema takes it: an empty or blank text is no value."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    return value


__all__ = ["CorrectionError", "QueueItem", "ReviewDocument", "ReviewStore", "UnknownDocument"]
