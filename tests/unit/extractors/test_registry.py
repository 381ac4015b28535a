"""Components are registered, checked before they run, and fail alone."""

from __future__ import annotations

import pytest

from khplan.extractors import DocumentText, extract_record
from khplan.extractors.config import PIPELINE
from khplan.extractors.registry import REGISTRY, PipelineError, build, extractor, run


def test_every_configured_component_is_registered_and_ordered():
    assert [c.name for c in build(PIPELINE)] == list(PIPELINE)


def test_a_component_before_what_it_requires_is_rejected():
    with pytest.raises(PipelineError, match="requires analysis.layout"):
        build(["header", "structure"])


def test_an_unknown_component_is_rejected():
    with pytest.raises(PipelineError, match="unknown extractor 'khen_thuong'"):
        build(["structure", "khen_thuong"])


@pytest.fixture
def broken():
    @extractor("broken_for_test", assigns=["analysis.nothing"])
    def explode(ex) -> None:
        raise RuntimeError("hỏng")

    yield "broken_for_test"
    del REGISTRY["broken_for_test"]


def test_a_failing_component_leaves_a_warning_and_the_other_fields(broken):
    record = run(build(["structure", broken, "header"]), "Số: 12/KH-UBND\nHà Nội, ngày 01 tháng 02 năm 2020\n")
    assert record.number == "12/KH-UBND"
    assert [w.code for w in record.warnings if w.code == "extractor_failed"] == ["extractor_failed"]


def test_strict_mode_raises_the_components_error(broken):
    with pytest.raises(RuntimeError, match="hỏng"):
        run(build(["structure", broken]), "Số: 1/KH-UBND", strict=True)


def test_a_bare_string_is_accepted_and_normalised_to_nfc():
    decomposed = "Số: 3/KH-UBND\nHa\u0300 Nô\u0323i, nga\u0300y 01 tha\u0301ng 02 năm 2020\n"
    assert extract_record(decomposed).place == "Hà Nội"


def test_pages_given_as_plain_tuples_still_locate_evidence():
    text = "trang một\nSố: 7/KH-UBND"
    record = extract_record(DocumentText(text, ((1, 0, 9), (2, 10, len(text)))))
    assert record.provenance.spans["number"][0].page == 2


def test_declarations_name_a_record_field_or_an_analysis():
    with pytest.raises(PipelineError, match="neither record.<field> nor analysis.<name>"):
        extractor("unnamespaced_for_test", assigns=["awards"])
    with pytest.raises(PipelineError, match="the record has no field 'issuer.phone'"):
        extractor("misnamed_for_test", assigns=["record.issuer.phone"])
    assert "unnamespaced_for_test" not in REGISTRY and "misnamed_for_test" not in REGISTRY


@pytest.fixture
def second_place_writer():
    @extractor("place_again_for_test", assigns=["record.place"])
    def write(ex) -> None:
        ex.record.place = "Hà Nội"

    yield "place_again_for_test"
    del REGISTRY["place_again_for_test"]


def test_a_field_has_one_writer(second_place_writer):
    names = [*PIPELINE, second_place_writer]
    with pytest.raises(PipelineError, match="record.place is assigned by both 'place' and 'place_again_for_test'"):
        build(names)


@pytest.fixture
def sloppy():
    @extractor("sloppy_for_test", requires=["analysis.layout"])
    def leave(ex) -> None:
        ex.analyses["scratch"] = 1

    yield "sloppy_for_test"
    del REGISTRY["sloppy_for_test"]


def test_strict_runs_refuse_analyses_nobody_declared(sloppy):
    with pytest.raises(PipelineError, match="undeclared analyses: scratch"):
        run(build(["structure", sloppy]), "Số: 1/KH-UBND", strict=True)
