"""``khplan export``: flat tables in jsonl, csv and parquet, and Phụ lục VI archive metadata."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from plan_records import CHAU_THANH, PHU_MY, chau_thanh, ingested_folder, phu_my

from khplan.pipeline.analysis.export import (
    ARCHIVE_FIELDS,
    TABLES,
    archive_metadata,
    columns_of,
    export,
    load_records,
    table_rows,
)

PLAN_KEY = {"plan_id", "plan_number", "plan_issuer", "plan_province"}


@pytest.fixture
def records():
    return [phu_my(), chau_thanh()]


@pytest.mark.parametrize("table", TABLES)
def test_every_row_names_its_plan(records, table):
    rows = table_rows(records, table)
    assert rows
    for row in rows:
        assert PLAN_KEY <= row.keys() and list(row) == columns_of(table)
        assert row["plan_id"] in {PHU_MY, CHAU_THANH} and row["plan_province"] in {"Bình Định", "Tây Ninh"}


def test_one_row_per_award(records):
    rows = table_rows(records, "awards")
    assert [(r["plan_number"], r["form"], r["quota"]) for r in rows] == [
        ("69/KH-UBND", "Giấy khen", None),
        ("69/KH-UBND", "Giấy khen", 5),
        ("44/KH-UBND", "Giấy khen", 6),
        ("44/KH-UBND", "Giấy khen", 10),
        ("44/KH-UBND", "Bằng khen", 1),
    ]


def test_plans_table_counts_the_lists(records):
    (row, _) = table_rows(records, "plans")
    assert (row["criteria_count"], row["awards_count"], row["deadlines_count"]) == (2, 2, 3)
    assert row["issue_date"] == "2022-04-13" and row["recipients"] == "Sở Nội vụ; Thường trực Huyện ủy"


def test_csv_opens_in_a_spreadsheet_with_its_vietnamese(records):
    data = export(records, "csv", "deadlines")
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["to"] == "Phòng Nội vụ" and rows[0]["month_day"] == "01-31"
    assert list(rows[0]) == columns_of("deadlines")


def test_jsonl_is_one_object_per_row(records):
    lines = export(records, "jsonl", "legal_bases").decode("utf-8").splitlines()
    assert [json.loads(line)["number"] for line in lines] == ["76/NQ-CP"]


def test_parquet_has_typed_columns(records, tmp_path):
    (tmp_path / "d.parquet").write_bytes(export(records, "parquet", "deadlines"))
    table = pq.read_table(tmp_path / "d.parquet")
    assert table.column_names == columns_of("deadlines")
    assert str(table.schema.field("date").type) == "date32[day]"
    assert table.column("date").to_pylist()[1].isoformat() == "2025-12-31"


def test_empty_table_keeps_its_columns(tmp_path):
    (tmp_path / "e.parquet").write_bytes(export([chau_thanh()], "parquet", "criteria"))
    assert pq.read_table(tmp_path / "e.parquet").column_names == columns_of("criteria")
    assert export([chau_thanh()], "csv", "criteria").decode("utf-8-sig").strip() == ",".join(columns_of("criteria"))


def test_archive_metadata_uses_phu_luc_vi_names():
    metadata = archive_metadata(phu_my())
    assert (metadata["CodeNumber"], metadata["CodeNotation"], metadata["IssuedDate"]) == ("69", "KH-UBND", "2022-04-13")
    assert (metadata["OrganName"], metadata["TypeName"]) == ("Ủy ban nhân dân huyện Phù Mỹ", "Kế hoạch")
    assert metadata["SignerInfo"] == {
        "Competence": "TM. Ủy ban nhân dân",
        "Position": "Chủ tịch",
        "FullName": "Lê Văn Lịch",
    }
    assert (metadata["PageAmount"], metadata["Language"]) == (7, "Tiếng Việt")
    assert {name.split(".")[0] for name in ARCHIVE_FIELDS} | {"khplan"} == set(metadata)


def test_records_come_from_the_catalog_in_its_order(tmp_path):
    out = ingested_folder(tmp_path / "out", [phu_my(), chau_thanh()])
    assert [r.number for r in load_records(out)] == ["69/KH-UBND", "44/KH-UBND"]  # Bình Định before Tây Ninh


def test_missing_record_is_one_clear_error(tmp_path, cli):
    out = ingested_folder(tmp_path / "out", [phu_my()])
    (out / "records" / f"{PHU_MY}.json").unlink()
    result = cli("export", "--out", out)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"khplan: {out / 'records' / (PHU_MY + '.json')}: listed in the catalog but missing or unreadable; run "
        "khplan ingest again"
    ]


def test_cli_writes_each_format(tmp_path, cli):
    out = ingested_folder(tmp_path / "out", [phu_my(), chau_thanh()])
    for fmt, table in (("csv", "awards"), ("parquet", "plans"), ("archive", "plans")):
        result = cli("export", "--out", out, "--format", fmt, "--table", table)
        assert result.returncode == 0, result.stderr
    assert len((out / "exports" / "awards.csv").read_text(encoding="utf-8-sig").splitlines()) == 6
    assert pq.read_table(out / "exports" / "plans.parquet").num_rows == 2
    archive = [
        json.loads(line)
        for line in (out / "exports" / "archive-metadata.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [a["CodeNumber"] for a in archive] == ["69", "44"]
    to_stdout = cli("export", "--out", out, "--table", "criteria", "--to", "-")
    assert [json.loads(line)["text"] for line in to_stdout.stdout.splitlines()][
        0
    ] == "Có sáng kiến được công nhận và áp dụng"
