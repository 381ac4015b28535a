"""The real development set is well formed, split by its rule, and holds no document kept apart to judge khplan."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

import pytest

REAL = Path(__file__).parents[1] / "fixtures" / "real"
EXCLUDED = Path(__file__).resolve().parents[2].parent / "shared" / "real" / "excluded.sha256"
LEVELS = {"central", "province", "district", "commune", "department", None}


def _url_key(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.strip().lower()).rstrip("/")


def _doc_key(number: str | None, issuer: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", f"{number}|{issuer}").lower())


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _golds() -> list[tuple[str, dict]]:
    return [(path.parent.name, json.loads(path.read_text(encoding="utf-8"))) for path in sorted(REAL.glob("*/*.json"))]


def test_every_document_has_its_text_and_well_formed_gold():
    golds = _golds()
    assert len(golds) >= 200
    for part, gold in golds:
        assert (REAL / part / f"{gold['id']}.txt").read_text(encoding="utf-8").strip()
        assert set(gold["issuer"]) == {"name", "parent", "level", "province"}
        assert gold["issuer"]["level"] in LEVELS
        assert gold["issue_date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["issue_date"])
        for field in ("doc_type", "number", "place", "title"):
            value = gold[field]
            assert value is None or (value == value.strip() and "  " not in value and "\n" not in value)


def test_the_held_back_part_is_chosen_by_the_url_rule():
    for part, gold in _golds():
        held_back = _sha(_url_key(gold["url"]))[0] in "01234"
        assert part == ("heldout" if held_back else "dev"), gold["id"]


def test_no_document_is_one_kept_apart_to_judge_the_product():
    if not EXCLUDED.exists():
        pytest.skip("../shared/real/excluded.sha256 is not beside the project")
    excluded = set(EXCLUDED.read_text().split())
    for _, gold in _golds():
        assert _sha(_url_key(gold["url"])) not in excluded, gold["id"]
        assert _sha(_doc_key(gold["number"], gold["issuer"]["name"])) not in excluded, gold["id"]


def test_ids_are_unique():
    ids = [gold["id"] for _, gold in _golds()]
    assert len(ids) == len(set(ids))
