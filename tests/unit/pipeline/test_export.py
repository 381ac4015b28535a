"""``khplan export``: the analysts' tables in jsonl, csv, parquet and xlsx, and ND 30 archive metadata."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook
from plan_records import CHAU_THANH, PHU_MY, chau_thanh, ingested_folder, phu_my

from khplan.pipeline.analysis.export import export_files, load_records, rows_of
from khplan.pipeline.analysis.nd30 import MAX_LENGTHS, nd30_metadata
from khplan.pipeline.record_tables import TABLES, columns
from khplan.schemas import Award


@pytest.fixture
def records():
    return [phu_my(), chau_thanh()]


def _names(table: str) -> list[str]:
    return [c.name for c in columns(table)]


def _one(records, fmt: str, table: str, **options) -> bytes:
    (file,) = export_files(records, fmt, table, **options)
    return file.data


@pytest.mark.parametrize("table", [t for t in TABLES if t != "plans"])
def test_every_entry_row_is_keyed_by_plan_and_entry(records, table):
    rows = rows_of(records, table)
    for row in rows:
        assert list(row) == _names(table) and row["plan_id"] in {PHU_MY, CHAU_THANH}
    keys = [(row["plan_id"], row["entry"]) for row in rows]
    assert len(keys) == len(set(keys))


def test_one_row_per_award_with_its_conferrers_level(records):
    rows = rows_of(records, "awards")
    assert [(r["plan_id"][:1], r["form"], r["quota"], r["conferrer_level"]) for r in rows] == [
        ("a", "Giấy khen", None, "district"),
        ("a", "Giấy khen", 5, "district"),
        ("b", "Giấy khen", 6, "district"),
        ("b", "Giấy khen", 10, "district"),
        ("b", "Bằng khen", 1, "province"),
    ]


def test_plans_table_counts_the_lists_and_types_the_period(records):
    (row, _) = rows_of(records, "plans")
    assert (row["criteria_count"], row["awards_count"], row["deadlines_count"], row["recipients_count"]) == (2, 2, 3, 2)
    assert row["issue_date"] == "2022-04-13"
    assert (row["period_start"], row["period_start_precision"]) == ("2021-01-01", "year")
    assert (row["period_end"], row["period_end_precision"]) == ("2025-12-31", "year")


def test_csv_opens_in_a_spreadsheet_with_its_vietnamese(records):
    data = _one(records, "csv", "deadlines")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["to"] == "Phòng Nội vụ" and rows[0]["month_day"] == "01-31"
    assert list(rows[0]) == _names("deadlines")


def test_csv_down_a_pipe_has_no_byte_order_mark(records):
    assert not _one(records, "csv", "plans", bom=False).startswith(b"\xef\xbb\xbf")


def test_a_title_that_reads_as_a_formula_is_written_as_text(records, tmp_path):
    """A title starting with = + - @ would run in a spreadsheet: it is prefixed with ' (OWASP)."""
    records[0].title = '=HYPERLINK("http://evil.example","bấm vào đây")'
    records[1].title = "-2+3"
    plans = list(csv.DictReader(io.StringIO(_one(records, "csv", "plans").decode("utf-8-sig"))))
    assert plans[0]["title"] == "'" + records[0].title and plans[1]["title"] == "'-2+3"
    (tmp_path / "a.xlsx").write_bytes(_one(records, "xlsx", "plans"))
    sheet = load_workbook(tmp_path / "a.xlsx")["plans"]
    titles = [cell.value for cell in next(sheet.iter_cols(min_col=_names("plans").index("title") + 1))][1:]
    assert titles == ["'" + records[0].title, "'-2+3"]


def test_jsonl_is_one_object_per_row(records):
    lines = _one(records, "jsonl", "legal_bases").decode("utf-8").splitlines()
    assert [json.loads(line)["number"] for line in lines] == ["76/NQ-CP"]


def test_parquet_types_every_date_and_count(records, tmp_path):
    (tmp_path / "p.parquet").write_bytes(_one(records, "parquet", "plans"))
    table = pq.read_table(tmp_path / "p.parquet")
    for name in ("issue_date", "period_start", "period_end"):
        assert str(table.schema.field(name).type) == "date32[day]", name
    assert str(table.schema.field("awards_count").type) == "int64"
    assert table.column("period_end").to_pylist()[0] == dt.date(2025, 12, 31)
    (tmp_path / "l.parquet").write_bytes(_one(records, "parquet", "legal_bases"))
    legal = pq.read_table(tmp_path / "l.parquet")
    assert str(legal.schema.field("date").type) == "date32[day]"
    (tmp_path / "a.parquet").write_bytes(_one(records, "parquet", "awards"))
    quotas = pq.read_table(tmp_path / "a.parquet").column("quota")
    assert str(quotas.type) == "int64" and quotas.to_pylist()[0] is None  # nullable, not NaN


def test_the_plans_table_carries_the_successor_unit(records):
    records[0].issuer_successor = {"name": "Gia Lai", "kind": "tỉnh", "level": "province", "province": "Gia Lai"}
    (row, _) = rows_of(records, "plans")
    assert (row["successor_name"], row["successor_province"]) == ("Gia Lai", "Gia Lai")


def test_all_tables_in_one_call(records, tmp_path):
    files = export_files(records, "csv", "all")
    assert [f.name for f in files] == [f"{t}.csv" for t in TABLES]
    (workbook_file,) = export_files(records, "xlsx", "all")
    (tmp_path / workbook_file.name).write_bytes(workbook_file.data)
    workbook = load_workbook(tmp_path / workbook_file.name)
    assert workbook.sheetnames == list(TABLES)
    assert [c.value for c in workbook["awards"][1]] == _names("awards")
    assert workbook["plans"].cell(row=2, column=_names("plans").index("issue_date") + 1).value.date() == dt.date(
        2022, 4, 13
    )


def test_empty_table_keeps_its_columns(tmp_path):
    (tmp_path / "e.parquet").write_bytes(_one([chau_thanh()], "parquet", "criteria"))
    assert pq.read_table(tmp_path / "e.parquet").column_names == _names("criteria")
    assert _one([chau_thanh()], "csv", "criteria").decode("utf-8-sig").strip() == ",".join(_names("criteria"))


def test_nd30_metadata_follows_the_decree():
    metadata = nd30_metadata(phu_my())
    assert (metadata["CodeNumber"], metadata["CodeNotation"], metadata["IssuedDate"]) == ("69", "KH-UBND", "2022-04-13")
    assert (metadata["OrganName"], metadata["TypeName"]) == ("Ủy ban nhân dân huyện Phù Mỹ", "Kế hoạch")
    assert metadata["SignerInfo"] == {"Position": "Chủ tịch", "FullName": "Lê Văn Lịch"}  # no Competence: not in it
    assert metadata["Description"] == "Thẩm quyền ký: TM. Ủy ban nhân dân"
    assert metadata["To"] == [
        {"OrganId": None, "OrganName": "Sở Nội vụ"},
        {"OrganId": None, "OrganName": "Thường trực Huyện ủy"},
    ]
    assert "ToPlaces" not in metadata  # an incoming document's field
    assert metadata["FileCode"] == {"OrganId": None, "FileCatalog": None, "FileNotation": None}
    assert (metadata["PageAmount"], metadata["Language"]) == (7, "Tiếng Việt")
    assert metadata["khplan"]["too_long"] == []


def test_nd30_reports_a_value_longer_than_the_decree_allows_and_keeps_it_whole():
    record = phu_my()
    record.title = "Phát động phong trào thi đua " * 30
    metadata = nd30_metadata(record)
    assert metadata["Subject"] == record.title
    assert metadata["khplan"]["too_long"] == [
        {"field": "Subject", "length": len(record.title), "limit": MAX_LENGTHS["Subject"]}
    ]


def test_records_come_from_the_catalog_in_its_order(tmp_path):
    out = ingested_folder(tmp_path / "out", [phu_my(), chau_thanh()])
    assert [r.number for r in load_records(out)] == ["69/KH-UBND", "44/KH-UBND"]  # Bình Định before Tây Ninh


def test_missing_record_is_one_clear_error(tmp_path, cli):
    out = ingested_folder(tmp_path / "out", [phu_my()])
    (out / "records" / f"{PHU_MY}.json").unlink()
    result = cli("export", "--from", out)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"khplan: {out / 'records' / (PHU_MY + '.json')}: listed in the catalog but missing or unreadable; run "
        "khplan ingest again"
    ]


def test_cli_writes_every_table_and_each_format(tmp_path, cli):
    out = ingested_folder(tmp_path / "out", [phu_my(), chau_thanh()])
    assert cli("export", "--from", out, "--format", "csv").returncode == 0
    assert len((out / "exports" / "awards.csv").read_text(encoding="utf-8-sig").splitlines()) == 6
    assert cli("export", "--from", out, "--format", "parquet", "--table", "plans").returncode == 0
    assert pq.read_table(out / "exports" / "plans.parquet").num_rows == 2
    assert cli("export", "--out", out, "--format", "archive").returncode == 0  # the older names still work
    lines = (out / "exports" / "nd30-metadata.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["CodeNumber"] for line in lines] == ["69", "44"]
    to_stdout = cli("export", "--from", out, "--table", "criteria", "--to", "-")
    assert json.loads(to_stdout.stdout.splitlines()[0])["text"] == "Có sáng kiến được công nhận và áp dụng"


@pytest.mark.parametrize("command", [["export"], ["compare"], ["calendar", "x.ics"]])
def test_readers_refuse_a_folder_with_no_catalog_and_create_none(tmp_path, cli, command):
    folder = tmp_path / "not-an-ingest"
    folder.mkdir()
    result = cli(*command[:1], "--from", folder, *command[1:])
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no catalog here" in result.stderr
    assert list(folder.iterdir()) == []


def test_awards_of_the_record_always_carry_a_level_field():
    assert "conferrer_level" in Award(form="Giấy khen").model_dump()
