"""A regression net over the real development documents: a header field right today must stay right.

The fields each document gets right are recorded in
``tests/fixtures/real/dev_expected.json`` by ``python -m
tools.bench.real_expectations``; a change that breaks one fails here. It is
a net, not a target: the benchmark (``make bench-real``) says how good the
extraction is, on the held-back part too.
"""

from __future__ import annotations

import json

import pytest

from tools.bench.real import load, value_at
from tools.bench.real_expectations import EXPECTED, right_fields

DOCUMENTS = {doc.id: doc for doc in load(["dev"])}
EXPECTATIONS: dict[str, list[str]] = json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_every_development_document_has_expectations():
    assert set(EXPECTATIONS) == set(DOCUMENTS)


@pytest.mark.parametrize("doc_id", sorted(EXPECTATIONS))
def test_fields_right_today_stay_right(doc_id):
    doc = DOCUMENTS[doc_id]
    lost = sorted(set(EXPECTATIONS[doc_id]) - set(right_fields(doc.text, doc.gold)))
    assert not lost, {path: value_at(doc.gold, path) for path in lost}
