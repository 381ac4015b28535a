"""Scan → OCR → restore → extract, for real: gold text rendered as a 300 dpi scan, read by Tesseract."""

from __future__ import annotations

import json

import pytest

from tools.synth.scans import render_scan, save_pages

HEADER_FIELDS = ("doc_type", "number", "issue_date", "place", "title")
FIRST_LINES = 70


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_header_fields_of_a_scanned_plan(prefix, seeds, tmp_path, khplan):
    seed = seeds[prefix]
    beginning = "\n".join(seed.gold_text.splitlines()[:FIRST_LINES]) + "\n"  # two pages: header, title, preamble
    scan = save_pages(render_scan(beginning, "fair", seed=int(prefix)), tmp_path / f"{prefix}.pdf")

    result = khplan("extract", scan, "--json")

    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert {field: record[field] for field in HEADER_FIELDS} == {field: seed.fields[field] for field in HEADER_FIELDS}
    assert record["issuer"] == seed.fields["issuer"]
    assert record["provenance"]["method"] == "ocr"
    assert record["provenance"]["pages"] >= 2
