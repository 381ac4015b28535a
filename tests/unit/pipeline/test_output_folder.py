from __future__ import annotations

import pytest

from khplan.pipeline.ingest.output_folder import OutputArchive, write_atomic


def test_write_atomic_replaces_whole_file(tmp_path):
    target = tmp_path / "records" / "a.json"
    write_atomic(target, b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in target.parent.iterdir()] == ["a.json"]


def test_write_atomic_keeps_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "a.json"
    write_atomic(target, b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("khplan.pipeline.ingest.output_folder.os.replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_quarantine_logs_a_file_once_per_reason(tmp_path):
    archive = OutputArchive(tmp_path)
    archive.prepare()
    archive.append_quarantine("a.pdf", "ab" * 32, "corrupt_file", "truncated")
    archive.append_quarantine("a.pdf", "ab" * 32, "corrupt_file", "truncated")
    OutputArchive(tmp_path).append_quarantine("a.pdf", "ab" * 32, "corrupt_file", "truncated")
    OutputArchive(tmp_path).append_quarantine("b.pdf", "ab" * 32, "corrupt_file", "truncated")
    assert [e.source for e in OutputArchive(tmp_path).quarantined()] == ["a.pdf", "b.pdf"]


def test_torn_quarantine_line_from_a_killed_run_is_skipped(tmp_path):
    archive = OutputArchive(tmp_path)
    archive.append_quarantine("a.pdf", None, "corrupt_file", "truncated")
    with open(archive.quarantine, "a", encoding="utf-8") as handle:
        handle.write('{"source": "b.pdf", "sha2')
    assert [e.source for e in OutputArchive(tmp_path).quarantined()] == ["a.pdf"]


def test_prepare_removes_leftover_temporary_files(tmp_path):
    archive = OutputArchive(tmp_path)
    archive.prepare()
    leftover = archive.records / ".abc.json.x1y2.tmp"
    leftover.write_bytes(b"half")
    OutputArchive(tmp_path).prepare()
    assert not leftover.exists()


def test_removing_a_document_keeps_its_page_cache(tmp_path):
    from khplan.pipeline.context import PageText
    from khplan.schemas import PlanRecord, Provenance

    archive = OutputArchive(tmp_path)
    archive.prepare()
    sha = "c" * 64
    archive.write_document(PlanRecord(number="1/KH-UBND", provenance=Provenance(sha256=sha)), "text")
    archive.write_pages(sha, [PageText(1, "text", "text")], "read-v1")
    archive.remove_document(sha)
    assert archive.read_record(sha) is None and not archive.text_path(sha).exists()
    assert archive.read_pages(sha, "read-v1") == [PageText(1, "text", "text", None)]
    assert archive.read_pages(sha, "read-v2") is None
