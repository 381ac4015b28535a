"""``khplan export``: the records of an ingest as analysts' tables, or as archive metadata.

The tables are :mod:`khplan.pipeline.record_tables`'s (``plans``, ``awards``,
``deadlines``, ``legal_bases``, ``criteria``, ``targets``, ``recipients``,
``warnings``): every row carries ``plan_id``, entry rows their ``entry``, so
any table joins the others. Columns are fixed per table, so an empty table
still has its header and a parquet file its schema. ``--table all`` (the
default) writes every table in one call: one file each, or, for ``xlsx``,
one sheet each of one workbook.

Text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
``@``, tab, carriage return first) are written with a leading ``'`` in CSV
and xlsx, as OWASP recommends against formula injection: a title is data.

``--format nd30`` gives each document's metadata as Nghị định 30/2020/NĐ-CP,
Phụ lục VI, Mục I names the fields of an outgoing document (see
:mod:`khplan.pipeline.analysis.nd30`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from khplan.pipeline import record_tables
from khplan.pipeline.analysis.nd30 import nd30_metadata
from khplan.pipeline.errors import InputFileError
from khplan.pipeline.ingest.catalog import Catalog, catalog_url_for
from khplan.pipeline.ingest.output_folder import OutputArchive, write_atomic
from khplan.schemas import PlanRecord

Format = Literal["jsonl", "csv", "parquet", "xlsx", "nd30"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "xlsx", "nd30")
FORMAT_ALIASES = {"archive": "nd30"}
"""Older names still accepted."""
TABLE_CHOICES: tuple[str, ...] = ("all", *record_tables.TABLES)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting so is run as a formula by spreadsheet programs (OWASP: CSV injection)."""


@dataclass(frozen=True)
class ExportFile:
    """One file of an export: where it goes (relative to the exports folder) and its bytes."""

    name: str
    data: bytes


def load_records(out: Path, catalog_url: str | None = None) -> list[PlanRecord]:
    """The records the catalog lists as done, from ``OUT/records``, in the catalog's order (province, date)."""
    archive = OutputArchive(out)
    catalog = Catalog(catalog_url_for(catalog_url, archive.root), create=False)
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


def rows_of(records: list[PlanRecord], table: str) -> list[dict[str, Any]]:
    return [row for record in records for row in record_tables.table_rows(record, table)]


def render_jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def neutralised(value: Any) -> Any:
    """A text cell as a spreadsheet must show it, not run it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def render_csv(rows: list[dict[str, Any]], table: str, *, bom: bool = True) -> bytes:
    """UTF-8 CSV; with a byte-order mark in a file (spreadsheet programs then read the Vietnamese right),
    without one down a pipe (where the next program does not expect it)."""
    names = [c.name for c in record_tables.columns(table)]
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: neutralised(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _typed_value(value: Any, kind: str) -> Any:
    if kind == "date" and value:
        return dt.date.fromisoformat(value)
    return value


def render_parquet(rows: list[dict[str, Any]], table: str) -> bytes:
    """Typed columns: dates as dates, counts as nullable 64-bit integers, text as UTF-8 strings."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_type = {"str": pa.string(), "int": pa.int64(), "date": pa.date32()}
    spec = record_tables.columns(table)
    schema = pa.schema([pa.field(c.name, arrow_type[c.kind], nullable=True) for c in spec])
    data = {c.name: [_typed_value(row[c.name], c.kind) for row in rows] for c in spec}
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table(data, schema=schema), sink)
    return sink.getvalue().to_pybytes()


def render_xlsx(tables: dict[str, list[dict[str, Any]]]) -> bytes:
    """One workbook, one sheet per table, a header row, dates as dates, text cells neutralised."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for table, rows in tables.items():
        spec = record_tables.columns(table)
        sheet = workbook.create_sheet(title=table)
        sheet.append([c.name for c in spec])
        for row in rows:
            sheet.append([neutralised(_typed_value(row[c.name], c.kind)) for c in spec])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_files(records: list[PlanRecord], fmt: Format, table: str = "all", *, bom: bool = True) -> list[ExportFile]:
    """The files of an export: ``table`` (or every table) in ``fmt``, or every document's ND 30 metadata."""
    if fmt == "nd30":
        lines = [nd30_metadata(record) for record in records]
        return [ExportFile("nd30-metadata.jsonl", render_jsonl(lines))]
    tables = list(record_tables.TABLES) if table == "all" else [table]
    if fmt == "xlsx":
        return [ExportFile(f"{table}.xlsx", render_xlsx({name: rows_of(records, name) for name in tables}))]
    files = []
    for name in tables:
        rows = rows_of(records, name)
        if fmt == "jsonl":
            data = render_jsonl(rows)
        elif fmt == "csv":
            data = render_csv(rows, name, bom=bom)
        else:
            data = render_parquet(rows, name)
        files.append(ExportFile(f"{name}.{fmt}", data))
    return files


def write_exports(files: list[ExportFile], out: Path, destination: str | None) -> list[str]:
    """Write the files: into ``OUT/exports`` (or the folder ``destination``), a single file to ``destination``,
    or a single file to standard output for ``-``. Returns where each went."""
    if destination == "-":
        (only,) = files
        sys.stdout.buffer.write(only.data)
        sys.stdout.buffer.flush()
        return ["standard output"]
    if destination is not None and (len(files) == 1 and not Path(destination).is_dir()):
        write_atomic(Path(destination), files[0].data)
        return [destination]
    folder = Path(destination) if destination is not None else Path(out) / "exports"
    written = []
    for file in files:
        write_atomic(folder / file.name, file.data)
        written.append(str(folder / file.name))
    return written
