"""The administrative corpus never holds a held-back real document, and its manifest catches a changed corpus."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tools.bench.real_documents import url_key
from tools.training.domain_corpus import DomainFile, check_manifest, folds, read_folder, select, write_manifest

HELD_BACK = (
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nKẾ HOẠCH\nTriển khai phong trào thi đua dân vận khéo trên địa bàn tỉnh "
    "Quảng Ngãi năm 2024, gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
)
DEVELOPMENT = (
    "ỦY BAN NHÂN DÂN HUYỆN PHÙ MỸ\nKẾ HOẠCH\nCải cách hành chính năm 2023 trên địa bàn huyện Phù Mỹ, "
    "nâng cao chất lượng phục vụ người dân và doanh nghiệp, đổi mới lề lối làm việc của cán bộ"
)


def _real(tmp_path: Path) -> Path:
    real = tmp_path / "real"
    for part, doc_id, text in (("heldout", "101", HELD_BACK), ("dev", "102", DEVELOPMENT)):
        (real / part).mkdir(parents=True)
        (real / part / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        gold = {"id": doc_id, "url": f"https://example.vn/{doc_id}.html"}
        (real / part / f"{doc_id}.json").write_text(json.dumps(gold), encoding="utf-8")
    return real


def _file(name: str, url: str, text: str) -> DomainFile:
    return DomainFile(name, url, text)


def test_held_back_documents_are_left_out_by_url_and_by_text(tmp_path):
    real = _real(tmp_path)
    excluded = tmp_path / "excluded.sha256"
    kept_apart = "https://kept.example.vn/judge.html"
    excluded.write_text(hashlib.sha256(url_key(kept_apart).encode()).hexdigest() + "\n")
    files = [
        _file("same-url.txt", "https://www.example.vn/101.html/", "Văn bản khác hẳn"),
        _file("copy.txt", "https://mirror.example.vn/x.html", "Trang chủ\n" + HELD_BACK + "\nTin liên quan"),
        _file("judge.txt", kept_apart, "Kế hoạch thi đua"),
        _file("dev-page.txt", "https://example.vn/102.html", DEVELOPMENT),
        _file("other.txt", "https://other.example.vn/y.html", "Quyết định về việc khen thưởng tập thể"),
    ]
    selection = select(files, real=real, excluded=excluded)
    assert sorted(f.name for f in selection.kept) == ["dev-page.txt", "other.txt"]
    assert "held-back" in selection.dropped["same-url.txt"] and "held-back" in selection.dropped["copy.txt"]
    assert "excluded" in selection.dropped["judge.txt"]
    dev_page = next(f for f in selection.kept if f.name == "dev-page.txt")
    assert dev_page.dev_documents == {"102"}


def test_folds_keep_a_development_documents_own_page_from_the_models_judged_on_it(tmp_path):
    files = [DomainFile("a.txt", "u", "x", frozenset({"102"})), DomainFile("b.txt", "v", "y")]
    for ids, allowed in folds(files, ["102", "103", "104", "105"]):
        assert ("a.txt" in [f.name for f in allowed]) == ("102" not in ids)
        assert "b.txt" in [f.name for f in allowed]


def test_the_manifest_lists_each_file_with_the_hash_of_its_text(tmp_path):
    folder = tmp_path / "admin"
    folder.mkdir()
    (folder / "a.txt").write_text("# https://a.vn/1\nKế hoạch số 1\n", encoding="utf-8")
    (folder / "b.txt").write_text("# https://b.vn/2\nQuyết định số 2\n", encoding="utf-8")
    files = read_folder(folder)
    assert [(f.url, f.text) for f in files] == [
        ("https://a.vn/1", "Kế hoạch số 1\n"),
        ("https://b.vn/2", "Quyết định số 2\n"),
    ]
    manifest = tmp_path / "corpus.tsv"
    write_manifest(files, manifest)
    assert check_manifest(files, manifest) == []
    (folder / "b.txt").write_text("# https://b.vn/2\nQuyết định số 3\n", encoding="utf-8")
    assert check_manifest(read_folder(folder), manifest) == ["changed: b.txt"]
    assert check_manifest(files[:1], manifest) == ["missing: b.txt"]
