"""The catalog on both back ends: every test runs on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt

import pytest

from khplan.pipeline.ingest.catalog import Catalog, CatalogError, catalog_url_for
from khplan.schemas import Issuer, PlanRecord, Provenance

SHA = "0" * 64


def _record(number: str, sha256: str = SHA) -> PlanRecord:
    return PlanRecord(
        number=number,
        issue_date=dt.date(2024, 2, 19),
        issuer=Issuer(name="Ủy ban nhân dân tỉnh Quảng Ninh", level="province", province="Quảng Ninh"),
        provenance=Provenance(source="in/a.pdf", sha256=sha256, pages=3, method="ocr"),
    )


@pytest.fixture
def catalog(catalog_url):
    catalog = Catalog(catalog_url)
    yield catalog
    catalog.close()


def test_record_done_then_updated_keeps_one_row(catalog, tmp_path):
    catalog.record_done(_record("40/KH-UBND"), tmp_path / "r.json", "v1")
    catalog.record_done(_record("41/KH-UBND"), tmp_path / "r.json", "v2")
    rows = catalog.documents()
    assert [(r["number"], r["pipeline_version"], r["province"]) for r in rows] == [("41/KH-UBND", "v2", "Quảng Ninh")]
    assert rows[0]["issue_date"] == "2024-02-19"


def test_sources_are_recorded_once_per_path(catalog, tmp_path):
    catalog.record_done(_record("40/KH-UBND"), tmp_path / "r.json", "v1")
    catalog.add_source(SHA, "in/a.pdf")
    catalog.add_source(SHA, "copy/a.pdf")
    assert catalog.sources_of(SHA) == ["copy/a.pdf", "in/a.pdf"]


def test_quarantined_row_carries_reason(catalog):
    catalog.record_quarantined(SHA, "in/x.pdf", "encrypted_pdf", "PDF is encrypted", "v1")
    row = catalog.lookup(SHA)
    assert (row["status"], row["reason"], row["number"]) == ("quarantined", "encrypted_pdf", None)


def test_quarantined_document_that_is_later_read_becomes_done(catalog, tmp_path):
    catalog.record_quarantined(SHA, "in/a.pdf", "ocr_failed", "Tesseract failed", "v1")
    catalog.record_done(_record("40/KH-UBND"), tmp_path / "r.json", "v1")
    row = catalog.lookup(SHA)
    assert (row["status"], row["reason"], row["number"]) == ("done", None, "40/KH-UBND")


def test_statuses_of_known_documents_only(catalog, tmp_path):
    other = "1" * 64
    catalog.record_done(_record("40/KH-UBND"), tmp_path / "r.json", "v1")
    catalog.record_quarantined(other, "in/x.pdf", "not_a_plan", "menu", "v1")
    assert catalog.statuses({SHA, other, "2" * 64}) == {SHA: "done", other: "quarantined"}


def test_vietnamese_text_round_trips(catalog, tmp_path):
    record = _record("40/KH-UBND")
    record.title = "Phát động phong trào thi đua đẩy mạnh cải cách hành chính"
    catalog.record_done(record, tmp_path / "r.json", "v1")
    assert catalog.lookup(SHA)["title"] == record.title


def test_postgresql_url_means_psycopg_3(tmp_path):
    assert catalog_url_for("postgresql://u@db/khplan", tmp_path) == "postgresql+psycopg://u@db/khplan"
    assert catalog_url_for(None, tmp_path) == f"sqlite:///{(tmp_path / 'catalog.sqlite').resolve()}"


def test_unreachable_server_is_one_clear_error_without_the_password(tmp_path):
    url = catalog_url_for(f"postgresql://khplan:secret@/khplan?host={tmp_path}&connect_timeout=2", tmp_path)
    with pytest.raises(CatalogError, match="cannot open the catalog") as caught:
        Catalog(url)
    assert "secret" not in str(caught.value)


def test_unsupported_database_is_refused(tmp_path):
    with pytest.raises(CatalogError, match="not a catalog database URL|unsupported"):
        Catalog("mysql://u@db/khplan")


def test_corrections_and_reviews_are_kept_in_order(catalog):
    from khplan.pipeline.ingest.corrections import Correction

    first = Correction("issue_date", "2024-02-19", "2024-02-20", "lan", "2026-12-04T10:00:00+00:00")
    second = Correction(
        "awards[aw-0123456789].quota", None, 12, "minh", "2026-12-04T10:05:00+00:00", entry={"form": "Giấy khen"}
    )
    catalog.add_correction(SHA, first)
    catalog.add_correction(SHA, second)
    catalog.add_correction("1" * 64, first)
    assert catalog.corrections_of(SHA) == [first, second]
    assert set(catalog.all_corrections()) == {SHA, "1" * 64}
    catalog.mark_reviewed(SHA, "lan")
    catalog.mark_reviewed(SHA, "minh")
    assert catalog.reviews()[SHA]["reviewer"] == "minh"
    catalog.unmark_reviewed(SHA)
    assert catalog.reviews() == {}
