"""The ingest flow's failure paths and cache, run in-process on a temporary Prefect API.

The documents are one-page scans of seed variants, read by a stand-in OCR
engine plugin (:class:`fakes.engines.UnreliableEngine`, no Tesseract) that
decides from the file name what fails, and how.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from fakes.engines import attempts
from rich.console import Console
from seed_archives import write_scan_variants as write_variants

from khplan.pipeline.context import Options
from khplan.pipeline.ingest.catalog import Catalog, sqlite_url
from khplan.pipeline.ingest.flows import IngestProgress, run_ingest
from khplan.pipeline.ingest.output_folder import OutputArchive
from khplan.pipeline.ingest.workers import DocumentOutcome, is_transient

pytestmark = pytest.mark.usefixtures("prefect_harness")

ENGINE = "fakes.engines:UnreliableEngine"
OPTIONS = Options(jobs=2, restore="never", ocr_engine=ENGINE)
"""Restoration is not what these tests are about; skipping it keeps each document well under a second."""


def _ingest(archive: Path, out: Path, **kwargs):
    return run_ingest([archive], out, OPTIONS, **kwargs)


def _outcomes(report) -> dict[str, tuple[str, str | None]]:
    return {Path(o.source).name: (o.status, o.reason) for o in report.outcomes}


def test_worker_that_dies_is_retried_and_its_document_done(tmp_path, seeds):
    archive = tmp_path / "in"
    write_variants(archive, seeds, [1, 2])
    crashing = write_variants(archive, seeds, [3], prefix="crash-once")["3/KH-UBND"]

    report = _ingest(archive, tmp_path / "out")

    assert _outcomes(report)[crashing.name] == ("done", None)
    assert attempts(crashing) == 2
    assert report.count("done") == 3


def test_a_bug_is_quarantined_without_retrying(tmp_path, seeds):
    archive = tmp_path / "in"
    buggy = write_variants(archive, seeds, [4], prefix="bug")["4/KH-UBND"]

    report = _ingest(archive, tmp_path / "out")

    status, reason = _outcomes(report)[buggy.name]
    assert (status, reason) == ("quarantined", "internal_error")
    assert attempts(buggy) == 1
    assert "an engine bug" in OutputArchive(tmp_path / "out").quarantined()[0].message


def test_document_over_its_time_limit_is_stopped_and_quarantined(tmp_path, seeds):
    archive = tmp_path / "in"
    write_variants(archive, seeds, [5])
    hanging = write_variants(archive, seeds, [6], prefix="hang")["6/KH-UBND"]

    started = time.perf_counter()
    report = _ingest(archive, tmp_path / "out", timeout=30)  # ample for the one that ends, on a loaded machine

    assert time.perf_counter() - started < 90
    assert _outcomes(report)[hanging.name] == ("quarantined", "timeout")
    assert report.count("done") == 1
    assert attempts(hanging) == 1


def test_quarantined_file_is_skipped_until_retry_is_asked_for(tmp_path, seeds):
    archive, out = tmp_path / "in", tmp_path / "out"
    rejected = write_variants(archive, seeds, [7], prefix="reject-once")["7/KH-UBND"]

    assert _outcomes(_ingest(archive, out))[rejected.name] == ("quarantined", "not_a_plan")
    assert _outcomes(_ingest(archive, out))[rejected.name] == ("quarantined", "not_a_plan")
    assert attempts(rejected) == 1

    report = _ingest(archive, out, retry_quarantined=True)

    assert _outcomes(report)[rejected.name] == ("done", None)
    assert OutputArchive(out).quarantined() == []  # the log lists rejected files; this one no longer is
    catalog = Catalog(sqlite_url(out / "catalog.sqlite"))
    assert [row["status"] for row in catalog.documents()] == ["done"]
    catalog.close()


def test_new_record_version_reuses_cached_pages(tmp_path, seeds):
    archive, out = tmp_path / "in", tmp_path / "out"
    (path,) = write_variants(archive, seeds, [8]).values()
    _ingest(archive, out)
    catalog = Catalog(sqlite_url(out / "catalog.sqlite"))
    with catalog.engine.begin() as conn:  # as if the extractors had changed since
        conn.exec_driver_sql("update documents set pipeline_version = 'khplan-older'")
    catalog.close()

    (outcome,) = _ingest(archive, out).outcomes

    assert (outcome.status, outcome.pages_cached) == ("done", True)
    assert attempts(path) == 1  # the page was not read again


def test_changed_options_redo_what_they_change(tmp_path, seeds):
    """A record depends on the restore mode, page texts on the language: each change redoes its own part only."""
    archive, out = tmp_path / "in", tmp_path / "out"
    write_variants(archive, seeds, [11])

    def ingest(**options):
        (outcome,) = run_ingest([archive], out, Options(jobs=1, ocr_engine=ENGINE, **options)).outcomes
        return outcome.status, outcome.pages_cached

    assert ingest(restore="never") == ("done", False)
    assert ingest(restore="never") == ("cached", False)
    assert ingest(restore="always") == ("done", True)
    assert ingest(restore="always", lang="vie+eng") == ("done", False)
    assert ingest(restore="always", lang="vie+eng") == ("cached", False)


def test_same_inputs_twice_on_either_catalog(tmp_path, seeds, catalog_url):
    archive, out = tmp_path / "in", tmp_path / "out"
    write_variants(archive, seeds, [9, 10])
    (archive / "menu.txt").write_text("Thực đơn: cơm, canh chua, cá kho.\n", encoding="utf-8")

    first = _ingest(archive, out, catalog_url=catalog_url)
    second = _ingest(archive, out, catalog_url=catalog_url)

    assert (first.count("done"), first.count("quarantined")) == (2, 1)
    assert (second.count("cached"), second.count("quarantined"), second.count("done")) == (2, 1, 0)
    catalog = Catalog(catalog_url)
    assert sorted(row["status"] for row in catalog.documents()) == ["done", "done", "quarantined"]
    catalog.close()
    assert not (out / "catalog.sqlite").exists()
    assert len((out / "quarantine.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_progress_shows_documents_and_pages():
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    with IngestProgress("bar", 2, console=console) as progress:  # no worker messages: counted per document
        progress.finished(DocumentOutcome("a.pdf", "a" * 64, "done", pages=3))
        progress.finished(DocumentOutcome("b.pdf", "b" * 64, "done", pages=4))
        progress.bar.refresh()
    shown = screen.getvalue()
    assert "documents" in shown and "2/2" in shown
    assert "pages" in shown and "7" in shown


def test_transient_failures_are_the_ones_worth_retrying():
    from pebble import ProcessExpired

    assert is_transient(ProcessExpired("worker died", 9))
    assert is_transient(OSError(11, "Resource temporarily unavailable"))
    assert not is_transient(OSError(2, "No such file or directory"))
    assert not is_transient(ValueError("a bug"))
    assert not is_transient(json.JSONDecodeError("bad", "", 0))
