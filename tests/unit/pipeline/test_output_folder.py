from __future__ import annotations

import os
from pathlib import Path

import pytest

from khplan.pipeline.errors import OutputBusyError
from khplan.pipeline.ingest.output_folder import TEMPORARY_PREFIX, OutputArchive, write_atomic


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
    leftover = archive.records / f"{TEMPORARY_PREFIX}abc.json.x1y2.tmp"
    leftover.write_bytes(b"half")
    OutputArchive(tmp_path).prepare()
    assert not leftover.exists()


def test_temporary_files_of_others_are_left_alone(tmp_path):
    """A user's own ``.draft.tmp`` in the output folder is not khplan's to delete."""
    archive = OutputArchive(tmp_path)
    archive.prepare()
    theirs = [tmp_path / ".draft.tmp", archive.records / ".notes.json.tmp"]
    for path in theirs:
        path.write_bytes(b"mine")
    OutputArchive(tmp_path).prepare()
    assert all(path.read_bytes() == b"mine" for path in theirs)


def test_atomic_writes_use_khplans_own_temporary_names(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(source, target):
        seen.append(Path(source).name)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(tmp_path / "x.json", b"{}")
    assert seen and seen[0].startswith(TEMPORARY_PREFIX)


def test_a_second_ingest_on_the_same_folder_is_refused_while_the_first_holds_it(tmp_path):
    first = OutputArchive(tmp_path)
    with first.locked():
        with pytest.raises(OutputBusyError, match="another khplan ingest is writing to this folder"):
            with OutputArchive(tmp_path).locked():
                pass
    with OutputArchive(tmp_path).locked():  # released at the end of the first
        pass


def test_the_folder_knows_its_own_outputs(tmp_path):
    archive = OutputArchive(tmp_path / "out")
    archive.prepare()
    for own in ("records/a.json", "catalog.sqlite", "catalog.sqlite-wal", "quarantine.jsonl", "exports/plans.csv"):
        assert archive.owns(tmp_path / "out" / own), own
    for other in ("scan.pdf", "scans/a.pdf"):
        assert not archive.owns(tmp_path / "out" / other), other
    assert not archive.owns(tmp_path / "elsewhere.pdf")


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


def test_the_page_cache_keeps_the_words_and_their_boxes(tmp_path):
    """A record made again from cached pages (a new model) still points at its evidence on the page."""
    from khplan.pipeline.context import PageText
    from khplan.schemas import Box, OcrWord

    archive = OutputArchive(tmp_path)
    archive.prepare()
    words = (
        OcrWord("Số:", Box(10, 20, 50, 18), 91.5, 2, 0, 3),
        OcrWord("69/KH-UBND", Box(70, 20, 150, 18), 88.0, 2, 4, 14),
    )
    page = PageText(2, "Số: 69/KH-UBND", "ocr", 89.75, words)
    archive.write_pages("d" * 64, [page], "read-v1")
    assert archive.read_pages("d" * 64, "read-v1") == [page]
