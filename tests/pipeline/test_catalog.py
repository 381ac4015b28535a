from __future__ import annotations

import datetime as dt

from pipeline.catalog import Catalog, sqlite_url
from schemas import Issuer, PlanRecord, Provenance

SHA = "0" * 64


def _record(number: str) -> PlanRecord:
    return PlanRecord(
        number=number,
        issue_date=dt.date(2024, 2, 19),
        issuer=Issuer(name="Ủy ban nhân dân tỉnh Quảng Ninh", level="province", province="Quảng Ninh"),
        provenance=Provenance(source="in/a.pdf", sha256=SHA, pages=3, method="ocr"),
    )


def test_record_done_then_updated_keeps_one_row(tmp_path):
    catalog = Catalog(sqlite_url(tmp_path / "c.sqlite"))
    catalog.record_done(_record("40/KH-UBND"), tmp_path / "r.json", "v1")
    catalog.record_done(_record("41/KH-UBND"), tmp_path / "r.json", "v2")
    rows = catalog.documents()
    assert [(r["number"], r["pipeline_version"], r["province"]) for r in rows] == [("41/KH-UBND", "v2", "Quảng Ninh")]
    assert rows[0]["issue_date"] == "2024-02-19"


def test_sources_are_recorded_once_per_path(tmp_path):
    catalog = Catalog(sqlite_url(tmp_path / "c.sqlite"))
    catalog.record_done(_record("40/KH-UBND"), tmp_path / "r.json", "v1")
    catalog.add_source(SHA, "in/a.pdf")
    catalog.add_source(SHA, "copy/a.pdf")
    assert catalog.sources_of(SHA) == ["copy/a.pdf", "in/a.pdf"]


def test_quarantined_row_carries_reason(tmp_path):
    catalog = Catalog(sqlite_url(tmp_path / "c.sqlite"))
    catalog.record_quarantined(SHA, "in/x.pdf", "encrypted_pdf", "PDF is encrypted", "v1")
    row = catalog.lookup(SHA)
    assert (row["status"], row["reason"], row["number"]) == ("quarantined", "encrypted_pdf", None)
