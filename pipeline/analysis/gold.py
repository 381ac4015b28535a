"""``khplan export --format gold``: the documents archivists reviewed, as gold in the real development set's format.

Each reviewed document becomes ``<id>.txt`` (the text its record was read
from) and ``<id>.json`` with the header fields under the names of
``tests/fixtures/real`` (``doc_type``, ``number``, ``issue_date``, ``place``,
``title``, ``issuer{name, parent, level, province}``, ``url``,
``title_as_printed``, ``topic``, ``notes``) and the rest of the record
besides (signer, period and every list), so the benchmarks can score
against documents a person checked. ``index.tsv`` lists them as the real
set's index does. The id is the first twelve hex digits of the document's
sha256; ``url`` is the source path (a local archive has no address).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khplan.pipeline.errors import InputFileError
from khplan.pipeline.ingest.catalog import Catalog, catalog_url_for
from khplan.pipeline.ingest.corrections import apply_corrections
from khplan.pipeline.ingest.output_folder import OutputArchive, write_atomic
from khplan.schemas import PlanRecord

INDEX_COLUMNS = ("id", "part", "origin", "doc_type", "level", "topic")
EXTRA_FIELDS = (
    "signer",
    "period",
    "legal_bases",
    "targets",
    "criteria",
    "awards",
    "deadlines",
    "recipients",
)
"""Fields beyond the real set's header gold, written as the record has them."""


@dataclass(frozen=True)
class GoldExport:
    folder: Path
    documents: int


def gold_entry(record: PlanRecord, text: str, reviewer: str, reviewed_at: str) -> dict[str, Any]:
    """One reviewed record as gold: the real set's header fields first, then the record's other fields."""
    data = record.model_dump(mode="json", exclude={"provenance", "warnings", "schema_version", "issuer_successor"})
    provenance = record.provenance
    title_spans = provenance.spans.get("title", [])
    printed = " ".join(text[s.start : s.end].strip() for s in title_spans) or None
    corrected = ", ".join(provenance.corrected) or "nothing"
    return {
        "id": (provenance.sha256 or "")[:12],
        "doc_type": data["doc_type"],
        "number": data["number"],
        "issue_date": data["issue_date"],
        "place": data["place"],
        "title": data["title"],
        "issuer": data["issuer"],
        "url": provenance.source,
        "title_as_printed": " ".join(printed.split()) if printed else None,
        "topic": None,
        "notes": [
            f"Reviewed in khplan review by {reviewer} on {reviewed_at[:10]}; corrected by hand: {corrected}.",
            f"sha256 {provenance.sha256}; read by {provenance.method}, {provenance.pages} page(s).",
        ],
        **{name: data[name] for name in EXTRA_FIELDS},
    }


def export_gold(out: Path, destination: Path, catalog_url: str | None = None) -> GoldExport:
    """Write every reviewed document of ``out`` as gold into ``destination``; returns how many."""
    archive = OutputArchive(out)
    catalog = Catalog(catalog_url_for(catalog_url, archive.root), create=False)
    try:
        reviews = catalog.reviews()
        corrections = catalog.all_corrections(set(reviews))
    finally:
        catalog.close()
    rows = []
    for sha256, review in sorted(reviews.items()):
        record = archive.read_record(sha256)
        if record is None:
            raise InputFileError(archive.record_path(sha256), "reviewed but missing or unreadable; run khplan ingest")
        record = apply_corrections(record, corrections.get(sha256, []))
        text = archive.text_path(sha256).read_text(encoding="utf-8")
        entry = gold_entry(record, text, review["reviewer"], review["at"])
        write_atomic(destination / f"{entry['id']}.txt", text.encode("utf-8"))
        data = json.dumps(entry, ensure_ascii=False, indent=2) + "\n"
        write_atomic(destination / f"{entry['id']}.json", data.encode("utf-8"))
        level = entry["issuer"]["level"] or ""
        rows.append((entry["id"], "reviewed", "khplan review", entry["doc_type"] or "", level, ""))
    index = "".join("\t".join(row) + "\n" for row in [INDEX_COLUMNS, *rows])
    write_atomic(destination / "index.tsv", index.encode("utf-8"))
    return GoldExport(destination, len(rows))
