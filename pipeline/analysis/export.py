"""``khplan export``: the records of an ingest as flat tables, or as archive metadata.

Analysts get one table per list of the record (``plans``, ``awards``,
``deadlines``, ``legal_bases``, ``criteria``), each row carrying the plan's id
(the sha256 of its file), number, issuer and province, so any table can be
filtered or joined without the others. Columns are fixed per table, so an
empty table still has its header and a parquet file its schema.

``--format archive`` gives each document's metadata under the field names of
outgoing-document metadata in Nghị định 30/2020/NĐ-CP, Phụ lục VI, for
document-management systems (see :data:`ARCHIVE_FIELDS` for the mapping).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from khplan.pipeline.errors import InputFileError
from khplan.pipeline.ingest.catalog import Catalog, catalog_url_for
from khplan.pipeline.ingest.output_folder import OutputArchive, write_atomic
from khplan.schemas import PlanRecord

Format = Literal["jsonl", "csv", "parquet", "archive"]
FORMATS = ("jsonl", "csv", "parquet", "archive")
EXTENSIONS = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet", "archive": "jsonl"}


@dataclass(frozen=True)
class ColumnSpec:
    """One column of an exported table: its name, its kind (for parquet), and where its value comes from."""

    name: str
    kind: Literal["str", "int", "date"]
    value: Callable[[dict], Any]
    """Reads the value from the record's JSON form, or from one item of a list in it."""


def _count_of(name: str) -> Callable[[dict], int]:
    """The value of a ``<list>_count`` column: how many entries the record's list has."""
    return lambda record: len(record[name])


def _plan_columns() -> list[ColumnSpec]:
    """On every row of every table: which plan the row belongs to."""
    return [
        ColumnSpec("plan_id", "str", lambda r: r["provenance"]["sha256"]),
        ColumnSpec("plan_number", "str", lambda r: r["number"]),
        ColumnSpec("plan_issuer", "str", lambda r: r["issuer"]["name"]),
        ColumnSpec("plan_province", "str", lambda r: r["issuer"]["province"]),
    ]


def _item(field: str, kind: Literal["str", "int", "date"] = "str", name: str | None = None) -> ColumnSpec:
    return ColumnSpec(name or field, kind, lambda item: item.get(field))


PLAN_DETAILS = [
    ColumnSpec("doc_type", "str", lambda r: r["doc_type"]),
    ColumnSpec("issue_date", "date", lambda r: r["issue_date"]),
    ColumnSpec("place", "str", lambda r: r["place"]),
    ColumnSpec("title", "str", lambda r: r["title"]),
    ColumnSpec("issuer_level", "str", lambda r: r["issuer"]["level"]),
    ColumnSpec("issuer_parent", "str", lambda r: r["issuer"]["parent"]),
    ColumnSpec("signer_name", "str", lambda r: r["signer"]["name"]),
    ColumnSpec("signer_position", "str", lambda r: r["signer"]["position"]),
    ColumnSpec("signer_authority", "str", lambda r: r["signer"]["authority"]),
    ColumnSpec("period_start", "str", lambda r: r["period"]["start"]),
    ColumnSpec("period_end", "str", lambda r: r["period"]["end"]),
    ColumnSpec("period_text", "str", lambda r: r["period"]["text"]),
    *(
        ColumnSpec(f"{name}_count", "int", _count_of(name))
        for name in ("legal_bases", "targets", "criteria", "awards", "deadlines")
    ),
    ColumnSpec("recipients", "str", lambda r: "; ".join(r["recipients"]) or None),
    ColumnSpec("pages", "int", lambda r: r["provenance"]["pages"]),
    ColumnSpec("method", "str", lambda r: r["provenance"]["method"]),
    ColumnSpec("source", "str", lambda r: r["provenance"]["source"]),
    ColumnSpec("warnings", "int", lambda r: len(r["warnings"])),
]

ITEM_COLUMNS: dict[str, list[ColumnSpec]] = {
    "awards": [
        _item("form"),
        _item("conferrer"),
        _item("subject"),
        _item("cadence"),
        _item("quota", "int"),
        _item("rank_limit", "int"),
        _item("recipient_group"),
        _item("condition"),
    ],
    "deadlines": [
        _item("kind"),
        _item("date", "date"),
        _item("month_day"),
        _item("recurrence"),
        _item("action"),
        _item("to"),
        _item("text"),
    ],
    "legal_bases": [_item("kind"), _item("number"), _item("date"), _item("issuer")],
    "criteria": [_item("subject"), _item("text")],
}
"""The item tables: one row per entry of that list of the record. A legal basis's date may be partial (``2021``)."""

TABLES = ("plans", *ITEM_COLUMNS)


def columns_of(table: str) -> list[str]:
    return [c.name for c in _plan_columns()] + [c.name for c in _specs(table)]


def _specs(table: str) -> list[ColumnSpec]:
    return PLAN_DETAILS if table == "plans" else ITEM_COLUMNS[table]


def load_records(out: Path, catalog_url: str | None = None) -> list[PlanRecord]:
    """The records the catalog lists as done, from ``OUT/records``, in the catalog's order (province, date)."""
    archive = OutputArchive(out)
    catalog = Catalog(catalog_url_for(catalog_url, archive.root))
    try:
        rows = catalog.documents(status="done")
    finally:
        catalog.close()
    records = []
    for row in rows:
        record = archive.read_record(row["sha256"])
        if record is None:
            raise InputFileError(
                archive.record_path(row["sha256"]),
                "listed in the catalog but missing or unreadable; run khplan ingest again",
            )
        records.append(record)
    return records


def table_rows(records: list[PlanRecord], table: str) -> list[dict[str, Any]]:
    """Flat rows of ``table``: one per plan, or one per item of that list in each plan."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r} (one of {', '.join(TABLES)})")
    rows = []
    for record in records:
        data = record.model_dump(mode="json")
        plan = {c.name: c.value(data) for c in _plan_columns()}
        items = [data] if table == "plans" else data[table]
        for item in items:
            rows.append({**plan, **{c.name: c.value(item) for c in _specs(table)}})
    return rows


ARCHIVE_FIELDS = {
    "CodeNumber": "số of number: the part before the first '/' (69/KH-UBND -> 69)",
    "CodeNotation": "ký hiệu of number: the part after it (KH-UBND)",
    "IssuedDate": "issue_date, ISO YYYY-MM-DD",
    "OrganName": "issuer.name (tên cơ quan ban hành)",
    "TypeName": "doc_type (tên loại)",
    "Subject": "title (trích yếu nội dung)",
    "SignerInfo.Competence": "signer.authority (TM., KT. …)",
    "SignerInfo.Position": "signer.position",
    "SignerInfo.FullName": "signer.name",
    "PageAmount": "provenance.pages",
    "Language": "always 'Tiếng Việt': khplan reads Vietnamese documents",
    "ToPlaces": "recipients (nơi nhận)",
}
"""Phụ lục VI name -> where the value comes from in the record. Our own identifiers go under ``khplan``."""


def archive_metadata(record: PlanRecord) -> dict[str, Any]:
    """One document's outgoing-document metadata under Phụ lục VI names (absent values are null)."""
    number, _, notation = (record.number or "").partition("/")
    return {
        "CodeNumber": number or None,
        "CodeNotation": notation or None,
        "IssuedDate": record.issue_date.isoformat() if record.issue_date else None,
        "OrganName": record.issuer.name,
        "TypeName": record.doc_type,
        "Subject": record.title,
        "SignerInfo": {
            "Competence": record.signer.authority,
            "Position": record.signer.position,
            "FullName": record.signer.name,
        },
        "PageAmount": record.provenance.pages,
        "Language": "Tiếng Việt",
        "ToPlaces": list(record.recipients),
        "khplan": {
            "id": record.provenance.sha256,
            "source": record.provenance.source,
            "schema_version": record.schema_version,
        },
    }


def render_jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def render_csv(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese right."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def render_parquet(rows: list[dict[str, Any]], table: str) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {c.name: c.kind for c in _plan_columns() + _specs(table)}
    arrow_type = {"str": pa.string(), "int": pa.int64(), "date": pa.date32()}
    schema = pa.schema([(name, arrow_type[kinds[name]]) for name in columns_of(table)])
    columns = {}
    for name in columns_of(table):
        values = [row[name] for row in rows]
        if kinds[name] == "date":
            values = [dt.date.fromisoformat(v) if v else None for v in values]
        columns[name] = values
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table(columns, schema=schema), sink)
    return sink.getvalue().to_pybytes()


def export(records: list[PlanRecord], fmt: Format, table: str = "plans") -> bytes:
    """The bytes of the export: ``table`` in ``fmt``, or (``archive``) every document's Phụ lục VI metadata."""
    if fmt == "archive":
        return render_jsonl([archive_metadata(record) for record in records])
    rows = table_rows(records, table)
    if fmt == "jsonl":
        return render_jsonl(rows)
    if fmt == "csv":
        return render_csv(rows, columns_of(table))
    return render_parquet(rows, table)


def default_destination(out: Path, fmt: Format, table: str) -> Path:
    name = "archive-metadata" if fmt == "archive" else table
    return Path(out) / "exports" / f"{name}.{EXTENSIONS[fmt]}"


def write_export(data: bytes, destination: Path | str) -> None:
    """To a file, atomically, or to standard output for ``-``."""
    if str(destination) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomic(Path(destination), data)
