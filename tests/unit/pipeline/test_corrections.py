"""Corrections are applied on top of every extraction: kept, idempotent, refused with a reason when invalid."""

from __future__ import annotations

import datetime as dt

import pytest
from plan_records import chau_thanh

from khplan.pipeline.evidence import assign_entry_ids
from khplan.pipeline.ingest.corrections import (
    Correction,
    CorrectionError,
    FieldPath,
    apply_correction,
    apply_corrections,
    suggestions,
    value_at,
)
from khplan.schemas import Span

TEXT = (
    "Giấy khen của Chủ tịch cho 06 tập thể.\n"
    "Giấy khen của Chủ tịch cho 10 cá nhân.\n"
    "Bằng khen của Chủ tịch tỉnh cho 01 tập thể.\n"
)


def _extracted(quotas=(6, 10, 1), text=TEXT):
    """The record as an extraction makes it: awards citing one line each, with their ids from that evidence."""
    record = chau_thanh()
    for award, quota in zip(record.awards, quotas, strict=True):
        award.quota = quota
    lines = text.split("\n")
    offset = 0
    for index, line in enumerate(lines[:3]):
        record.provenance.spans[f"awards[{index}]"] = [Span(start=offset, end=offset + len(line), page=1)]
        offset += len(line) + 1
    assign_entry_ids(record, text)
    return record


def _fix(path, new, old=None, **kwargs):
    return Correction(path=path, old=old, new=new, reviewer="lan", at="2026-12-04T10:00:00+00:00", **kwargs)


def test_a_scalar_correction_is_applied_and_noted():
    record = _extracted()
    fixed = apply_corrections(record, [_fix("issue_date", "2023-03-08", "2023-03-07")])
    assert fixed.issue_date == dt.date(2023, 3, 8)
    assert fixed.provenance.corrected == ["issue_date"]
    assert fixed.provenance.extracted == {"issue_date": "2023-03-07"}
    assert record.issue_date == dt.date(2023, 3, 7), "the extraction itself is left as it was"


def test_applying_again_changes_nothing():
    corrections = [_fix("issue_date", "2023-03-08"), _fix("issuer.level", "province")]
    once = apply_corrections(_extracted(), corrections)
    assert apply_corrections(once, corrections) == once


def test_an_entry_keeps_its_correction_when_extracted_again_from_the_same_evidence():
    first = _extracted()
    award = first.awards[1].id
    fix = _fix(f"awards[{award}].quota", 12, 10)

    again = apply_corrections(_extracted(), [fix])  # a new extraction: same evidence, same ids

    assert [a.quota for a in again.awards] == [6, 12, 1]
    assert suggestions(again, [fix]) == {}


def test_ids_do_not_depend_on_the_marks_restoration_put_back():
    plain = (
        "Giay khen cua Chu tich cho 06 tap the.\n"
        "Giay khen cua Chu tich cho 10 ca nhan.\n"
        "Bang khen cua Chu tich tinh cho 01 tap the.\n"
    )
    assert [a.id for a in _extracted(text=plain).awards] == [a.id for a in _extracted().awards]


def test_a_new_extraction_that_disagrees_is_a_suggestion_until_turned_down():
    award = _extracted().awards[1].id
    path = f"awards[{award}].quota"
    fix = _fix(path, 12, 10)

    newer = apply_corrections(_extracted(quotas=(6, 11, 1)), [fix])
    assert newer.awards[1].quota == 12, "the person's value stays"
    assert suggestions(newer, [fix]) == {path: 11}

    turned_down = _fix(path, 12, 11)  # what "keep mine" stores
    assert suggestions(apply_corrections(newer, [turned_down]), [fix, turned_down]) == {}
    assert suggestions(apply_corrections(_extracted(), [fix]), [fix]) == {}, "the value already replaced is no news"


def test_a_removed_entry_stays_removed_and_later_entries_keep_their_evidence():
    record = _extracted()
    first, second, third = (a.id for a in record.awards)
    third_evidence = record.provenance.spans["awards[2]"]

    fixed = apply_corrections(_extracted(), [_fix(f"awards[{first}]", None, old={"form": "Giấy khen"})])

    assert [a.id for a in fixed.awards] == [second, third]
    assert fixed.provenance.spans["awards[1]"] == third_evidence
    assert "awards[2]" not in fixed.provenance.spans
    assert f"awards[{first}]" in fixed.provenance.corrected


def test_an_added_entry_is_kept_and_validated():
    added = {"form": "Cờ thi đua", "conferrer": "Chủ tịch Ủy ban nhân dân tỉnh", "quota": "1"}
    fixed = apply_corrections(_extracted(), [_fix("awards[aw-00000000ab]", added)])
    assert (fixed.awards[-1].form, fixed.awards[-1].quota, fixed.awards[-1].id) == ("Cờ thi đua", 1, "aw-00000000ab")


def test_an_entry_whose_evidence_is_gone_comes_back_from_its_snapshot():
    award = _extracted().awards[1]
    snapshot = {**award.model_dump(mode="json"), "quota": 12}
    fix = _fix(f"awards[{award.id}].quota", 12, 10, entry=snapshot)
    elsewhere = _extracted(text=TEXT.replace("10 cá nhân", "mười cá nhân"))

    fixed = apply_corrections(elsewhere, [fix])

    assert [(a.id == award.id, a.quota) for a in fixed.awards][-1] == (True, 12)


def test_recipients_are_corrected_by_their_ids():
    record = _extracted()
    record.recipients = ["Sở Nội vụ", "Lưu VT"]
    assign_entry_ids(record, TEXT)
    keep, drop = record.provenance.recipient_ids
    fixed = apply_corrections(
        record, [_fix(f"recipients[{keep}]", "Sở Nội vụ tỉnh"), _fix(f"recipients[{drop}]", None)]
    )
    assert (fixed.recipients, fixed.provenance.recipient_ids) == (["Sở Nội vụ tỉnh"], [keep])


@pytest.mark.parametrize(
    ("path", "value", "reason"),
    [
        ("issue_date", "2024-02-30", "issue_date: '2024-02-30' refused"),
        ("issuer.level", "galaxy", "'central', 'province', 'district', 'commune' or 'department'"),
        ("period.start", "năm 2021", "should match pattern"),
        ("provenance.sha256", "x", "not a field a correction can set"),
        ("awards[aw-0000000000].quota", -1, "is not in awards"),
        ("awards[dl-0000000000].quota", 1, "not an id of a awards entry"),
        ("awards[aw-0000000000].colour", 1, "have no field 'colour'"),
    ],
)
def test_a_bad_value_or_path_is_refused_with_the_reason(path, value, reason):
    record = _extracted()
    with pytest.raises(CorrectionError, match=reason.replace("(", r"\(").replace("[", r"\[")):
        apply_correction(record, _fix(path, value))
    assert record == _extracted(), "a refused correction leaves the record as it was"


def test_a_negative_quota_is_refused():
    record = _extracted()
    with pytest.raises(CorrectionError, match="greater than or equal to 0"):
        apply_correction(record, _fix(f"awards[{record.awards[0].id}].quota", -1))


def test_corrections_the_schema_now_refuses_are_skipped_not_fatal():
    fixed = apply_corrections(_extracted(), [_fix("issue_date", "not a date"), _fix("place", "Châu Thành, Sóc Trăng")])
    assert (fixed.issue_date, fixed.place) == (dt.date(2023, 3, 7), "Châu Thành, Sóc Trăng")


def test_paths_and_values():
    record = _extracted()
    award = record.awards[0].id
    assert FieldPath.parse(f"awards[{award}].quota").attr == "quota"
    assert FieldPath.parse(f"awards[{award}]").is_entry
    assert value_at(record, f"awards[{award}].quota") == 6
    assert value_at(record, "issue_date") == "2023-03-07"
    assert value_at(record, "awards[aw-ffffffffff]") is None
