"""`khplan ingest` over a folder of good and bad files, run twice."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pypdf
import pytest

from khplan.schemas import PlanRecord
from tools.synth.scans import render_scan, save_pages


def _header_of(text: str, lines: int = 30) -> str:
    return "\n".join(text.splitlines()[:lines]) + "\n"


@pytest.fixture(scope="module")
def archive(tmp_path_factory, seeds) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    save_pages(render_scan(_header_of(seeds["003"].gold_text), "fair", seed=3), folder / "quang-ninh.pdf")
    (folder / "phu-my.legacy.txt").write_text(seeds["000"].input_text, encoding="utf-8")
    nested = folder / "2023"
    nested.mkdir()
    (nested / "chau-thanh.md").write_text(seeds["001"].input_text, encoding="utf-8")
    shutil.copy(folder / "phu-my.legacy.txt", nested / "phu-my-copy.txt")
    whole = (folder / "quang-ninh.pdf").read_bytes()
    (folder / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    (folder / "photo.png").write_bytes(b"GIF89a not a png at all")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.docx.bak").write_text("backup", encoding="utf-8")
    (folder / "menu.txt").write_text("Thực đơn: cơm, canh chua, cá kho.\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    return folder


@pytest.fixture(scope="module")
def first_run(archive, tmp_path_factory, khplan):
    out = tmp_path_factory.mktemp("out")
    result = khplan("ingest", archive, "--out", out, "--jobs", "2")
    return out, result


def _catalog(out: Path) -> list[tuple]:
    with sqlite3.connect(out / "catalog.sqlite") as db:
        return db.execute("select sha256, status, reason, number from documents order by sha256").fetchall()


def _sources(out: Path) -> list[tuple]:
    with sqlite3.connect(out / "catalog.sqlite") as db:
        return db.execute("select sha256, path from sources order by path").fetchall()


def _quarantine(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "quarantine.jsonl").read_text(encoding="utf-8").splitlines()]


def test_batch_completes_despite_bad_files(first_run):
    out, result = first_run
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_one_record_per_distinct_document(first_run, archive):
    out, _ = first_run
    records = sorted((out / "records").glob("*.json"))
    assert len(records) == 3
    for path in records:
        record = PlanRecord.model_validate_json(path.read_bytes())
        source = Path(record.provenance.source)
        assert path.stem == record.provenance.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
        assert (out / "text" / f"{path.stem}.txt").read_text(encoding="utf-8").strip()
    numbers = {PlanRecord.model_validate_json(p.read_bytes()).number for p in records}
    assert numbers == {"40/KH-UBND", "69/KH-UBND", "44/KH-UBND"}


def test_scans_get_a_searchable_pdf_next_to_their_record(first_run, archive):
    out, _ = first_run
    scan_sha = hashlib.sha256((archive / "quang-ninh.pdf").read_bytes()).hexdigest()
    assert [p.name for p in (out / "records").glob("*.pdf")] == [f"{scan_sha}.pdf"]
    layer = pypdf.PdfReader(out / "records" / f"{scan_sha}.pdf").pages[0].extract_text()
    assert "40/KH-UBND" in layer.replace(" ", "")  # the seed prints "40 /KH-UBND"; the layer keeps what was read


def test_every_bad_file_is_quarantined_with_its_reason(first_run, archive):
    out, _ = first_run
    reasons = {Path(entry["source"]).name: entry["reason"] for entry in _quarantine(out)}
    assert reasons == {
        "cut.pdf": "corrupt_file",
        "photo.png": "corrupt_file",
        "empty.txt": "empty_document",
        "notes.docx.bak": "unsupported_format",
        "menu.txt": "not_a_plan",
    }


def test_catalog_lists_documents_and_every_path(first_run, archive):
    out, _ = first_run
    statuses = sorted(row[1] for row in _catalog(out))
    assert statuses == ["done"] * 3 + ["quarantined"] * 5
    paths = {Path(path).name for _, path in _sources(out)}
    assert {"phu-my.legacy.txt", "phu-my-copy.txt", "chau-thanh.md", "quang-ninh.pdf"} <= paths
    assert ".DS_Store" not in paths


def test_summary_table_reports_the_batch(first_run):
    _, result = first_run
    assert "Ingest summary" in result.stdout
    assert "quang-ninh.pdf" in result.stdout and "corrupt_file" in result.stdout


def test_second_run_reprocesses_and_duplicates_nothing(first_run, archive, khplan):
    out, _ = first_run
    records_before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in (out / "records").glob("*.json")}
    catalog_before, sources_before = _catalog(out), _sources(out)
    quarantine_before = (out / "quarantine.jsonl").read_text(encoding="utf-8")

    result = khplan("ingest", archive, "--out", out, "--jobs", "2")

    assert result.returncode == 0, result.stderr
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in (out / "records").glob("*.json")} == records_before
    assert _catalog(out) == catalog_before and _sources(out) == sources_before
    assert (out / "quarantine.jsonl").read_text(encoding="utf-8") == quarantine_before
    assert not list((out / "records").glob(".*.tmp"))


def test_bad_input_is_one_line_and_an_exit_code_from_a_real_process(tmp_path, khplan):
    """The unit tests check every bad input through click's runner; this one, as a shell sees it."""
    (tmp_path / "scan.png").write_text("this is not an image", encoding="utf-8")

    result = khplan("extract", tmp_path / "scan.png")

    assert result.returncode == 2
    assert result.stderr == f"khplan: {tmp_path / 'scan.png'}: not a valid PNG image\n" or (
        result.stderr.count("\n") == 1 and "not a valid PNG" in result.stderr
    )
    assert result.stdout == ""
