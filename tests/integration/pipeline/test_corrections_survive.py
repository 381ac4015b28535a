"""A person's corrections survive every later ingest: a cached run, a re-extraction, a retried quarantine.

Flows run in-process on the session's Prefect server; the documents are the
seeds as text (no OCR), corrected through the review's store as the app does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from seed_archives import plan_variant

from khplan.pipeline.context import Options, file_sha256
from khplan.pipeline.ingest.catalog import Catalog, catalog_url_for
from khplan.pipeline.ingest.flows import run_ingest
from khplan.pipeline.ingest.output_folder import OutputArchive
from khplan.pipeline.review.store import ReviewStore

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _plan(archive: Path, seeds, number: int) -> Path:
    """The clean seed (001) with its own number: a plan with awards, read as text."""
    archive.mkdir(parents=True, exist_ok=True)
    path = archive / f"plan-{number}.md"
    path.write_text(plan_variant(seeds["001"].input_text, number), encoding="utf-8")
    return path


def _ingest(archive: Path, out: Path, restore: str = "never", **kwargs):
    return run_ingest([archive], out, Options(jobs=1, restore=restore), **kwargs)


def test_corrections_survive_re_extraction_and_new_extractions_show_as_suggestions(tmp_path, seeds):
    archive, out = tmp_path / "in", tmp_path / "out"
    path = _plan(archive, seeds, 21)
    sha = file_sha256(path)
    _ingest(archive, out)
    store = ReviewStore(out)
    record = store.document(sha).record
    award = record.awards[0]
    store.correct(sha, "set", "signer.name", "Cao Tường Huy", "lan")
    store.correct(sha, "set", f"awards[{award.id}].quota", "7", "lan")
    store.correct(sha, "set", "issue_date", "2023-03-09", "lan")
    store.correct(sha, "remove", f"awards[{record.awards[-1].id}]", None, "lan")
    store.set_reviewed(sha, "lan")
    store.close()

    def check(status: str) -> None:
        record = OutputArchive(out).read_record(sha)
        assert record is not None
        assert (record.signer.name, record.issue_date.isoformat()) == ("Cao Tường Huy", "2023-03-09"), status
        assert record.awards[0].quota == 7
        assert len(record.awards) == len(original_awards) - 1
        catalog = Catalog(catalog_url_for(None, out))
        row = catalog.lookup(sha)
        catalog.close()
        assert (row["signer_name"], row["issue_date"]) == ("Cao Tường Huy", "2023-03-09"), "the catalog row too"

    original_awards = record.awards
    (cached,) = _ingest(archive, out).outcomes
    assert cached.status == "cached"
    check("cached")

    (again,) = _ingest(archive, out, restore="always").outcomes  # another option: extracted again from the pages
    assert again.status == "done" and again.record.signer.name == "Cao Tường Huy"
    check("re-extracted")

    # the catalog's version goes stale, as after a new model: extracted again, the corrections applied on top
    catalog = Catalog(catalog_url_for(None, out))
    with catalog.engine.begin() as conn:
        conn.exec_driver_sql("update documents set pipeline_version = 'older'")
    catalog.close()
    (newer,) = _ingest(archive, out, restore="always").outcomes
    assert newer.status == "done"
    check("new model")
    store = ReviewStore(out)
    document = store.document(sha)
    assert document.reviewed is not None and document.reviewed["reviewer"] == "lan"
    assert "issue_date" in document.record.provenance.corrected
    assert document.suggestions == {}, "the extraction reads what the person replaced: nothing new to suggest"
    store.close()


def test_a_correction_made_while_the_record_file_was_stale_is_applied_by_the_next_ingest(tmp_path, seeds):
    """A review killed between the catalog and the record file: the next ingest writes the record right."""
    from khplan.pipeline.ingest.corrections import Correction

    archive, out = tmp_path / "in", tmp_path / "out"
    path = _plan(archive, seeds, 22)
    sha = file_sha256(path)
    _ingest(archive, out)
    catalog = Catalog(catalog_url_for(None, out))
    catalog.add_correction(sha, Correction("place", None, "Thị trấn Châu Thành", "lan"))
    catalog.close()

    (outcome,) = _ingest(archive, out).outcomes

    assert outcome.status == "cached"
    assert OutputArchive(out).read_record(sha).place == "Thị trấn Châu Thành"


def test_corrections_outlive_a_quarantine_and_come_back_with_retry(tmp_path, seeds):
    from fakes.engines import write_scan

    from khplan.pipeline.ingest.corrections import Correction

    archive, out = tmp_path / "in", tmp_path / "out"
    scan = write_scan(archive / "reject-once.png", seeds["001"].input_text)
    sha = file_sha256(scan)
    options = Options(jobs=1, restore="never", ocr_engine="fakes.engines:UnreliableEngine")
    (first,) = run_ingest([archive], out, options).outcomes
    assert first.status == "quarantined"
    catalog = Catalog(catalog_url_for(None, out))
    catalog.add_correction(sha, Correction("title", None, "Tiêu đề do người sửa", "lan"))
    catalog.close()

    (retried,) = run_ingest([archive], out, options, retry_quarantined=True).outcomes

    assert retried.status == "done"
    assert OutputArchive(out).read_record(sha).title == "Tiêu đề do người sửa"
