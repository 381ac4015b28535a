"""The administrative-text corpus the language model learns how plans are written from, kept out of git.

A folder of UTF-8 files (``build/corpus/admin`` by default, ``make model
ADMIN_CORPUS=…``), each the header and first paragraphs of a plan,
decision, report or directive from a public legal-document site, its first
line ``# <url>``. Before a file is used it must pass three checks:

- its URL is not that of a real document in ``tests/fixtures/real`` (the
  development part is what settings are chosen on, the held-back part is
  only ever scored: neither may be trained on);
- neither its URL nor its number|issuer key is in ``../shared/real/excluded.sha256``
  (documents kept apart to judge the product);
- it holds no held-back real document's text: the same document copied onto
  another site, under another URL, is the same text (:data:`COPY_SHARE`).

Files that are the pages of real *development* documents are kept but tagged,
so that the mix of laws and domain text is compared on development documents
by models that never read them (:func:`folds`).

The files that pass are listed, with the SHA-256 of their text, in the
manifest committed next to the model, so a rebuild can check that it reads
the same corpus.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from khplan.diacritics.scoring import syllable_tokens
from tools.bench.real_documents import REAL, fixture_texts, fixture_urls, url_key

DEFAULT_FOLDER = Path("build/corpus/admin")
EXCLUDED = Path(__file__).resolve().parents[2].parent / "shared" / "real" / "excluded.sha256"
OVERLAP_SYLLABLES = 12
"""Runs of this many syllables are compared between a file and the real documents."""
COPY_SHARE = 0.3
"""A file holding this share of a real document's runs holds that document (boilerplate such as a "Căn cứ Luật …"
line is shared by many documents, a page by one)."""
FOLDS = 2
_NUMBER = re.compile(r"Số\s*:?\s*([0-9][\w./-]*)", re.IGNORECASE)


@dataclass(frozen=True)
class DomainFile:
    name: str
    url: str
    text: str
    """The file without its URL line, NFC."""
    dev_documents: frozenset[str] = frozenset()
    """Ids of the real development documents this file is a copy of: left out when models are
    compared on those documents (:func:`folds`)."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Selection:
    kept: list[DomainFile]
    dropped: dict[str, str]
    """File name -> why it was left out."""


def read_folder(folder: Path) -> list[DomainFile]:
    files = []
    for path in sorted(Path(folder).glob("*.txt")):
        raw = unicodedata.normalize("NFC", path.read_text(encoding="utf-8", errors="replace"))
        first, _, rest = raw.partition("\n")
        url = first[1:].strip() if first.startswith("#") else ""
        files.append(DomainFile(path.name, url, rest if url else raw))
    return files


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _doc_key(number: str, issuer: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", f"{number}|{issuer}").lower())


def _windows(tokens: list[str], n: int = OVERLAP_SYLLABLES) -> Iterator[tuple[str, ...]]:
    return (tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))


def _issuer_lines(text: str) -> list[str]:
    """The first lines in capitals: candidates for the issuer's name in the number|issuer key."""
    lines = [line.strip() for line in text.splitlines()[:8] if line.strip()]
    caps = [line for line in lines if line.isupper()]
    return [" ".join(caps[i : j + 1]) for i in range(len(caps)) for j in range(i, min(i + 3, len(caps)))]


def select(files: Iterable[DomainFile], *, real: Path = REAL, excluded: Path = EXCLUDED) -> Selection:
    """The files fit to train on (tagged with the development documents they copy), and why each other one is not.

    A held-back document may not be trained on in any form: its page, or any
    other page holding :data:`COPY_SHARE` of its text, is dropped.
    """
    urls = fixture_urls(real=real)
    kept_apart = set(excluded.read_text().split()) if excluded.exists() else set()
    owners: dict[tuple[str, ...], set[tuple[str, str]]] = defaultdict(set)
    sizes: dict[tuple[str, str], int] = {}
    for doc, text in fixture_texts(real=real).items():
        windows = set(_windows(syllable_tokens(text)))
        sizes[doc] = len(windows)
        for w in windows:
            owners[w].add(doc)
    kept, dropped = [], {}
    for f in files:
        key = url_key(f.url) if f.url else ""
        number = _NUMBER.search(f.text[:600])
        doc_keys = {_sha(_doc_key(number.group(1), issuer)) for issuer in _issuer_lines(f.text)} if number else set()
        shared: Counter[tuple[str, str]] = Counter()
        for w in set(_windows(syllable_tokens(f.text))):
            shared.update(owners.get(w, ()))
        copies = {doc for doc, n in shared.items() if n >= COPY_SHARE * max(sizes[doc], 1)}
        if key in urls:
            copies.add(urls[key])
        held_back = sorted(doc_id for part, doc_id in copies if part == "heldout")
        if not f.url:
            dropped[f.name] = "no URL line"
        elif _sha(key) in kept_apart or doc_keys & kept_apart:
            dropped[f.name] = "kept apart to judge the product (excluded.sha256)"
        elif held_back:
            dropped[f.name] = f"the text of held-back real document(s) {', '.join(held_back)}"
        else:
            kept.append(replace(f, dev_documents=frozenset(doc_id for _, doc_id in copies)))
    return Selection(kept, dropped)


def folds(
    files: Iterable[DomainFile], dev_ids: Iterable[str], k: int = FOLDS
) -> list[tuple[set[str], list[DomainFile]]]:
    """``k`` splits of the development documents, each with the files a model compared on it may read.

    A mix of laws and domain text is judged on fold i by a model trained without
    the copies of fold i's documents: what a model meets on documents it never saw.
    """
    ids = sorted(dev_ids)
    parts = [{d for d in ids if int(hashlib.sha256(d.encode()).hexdigest(), 16) % k == i} for i in range(k)]
    files = list(files)
    return [(part, [f for f in files if not f.dev_documents & part]) for part in parts]


def write_manifest(files: Iterable[DomainFile], path: Path) -> None:
    """``name<TAB>url<TAB>sha256`` per file: what the model was trained on, checkable by a rebuild."""
    lines = ["# name\turl\tsha256 of the text after the URL line (NFC, UTF-8)"]
    lines += [f"{f.name}\t{f.url}\t{f.sha256}" for f in sorted(files, key=lambda f: f.name)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_manifest(files: Iterable[DomainFile], path: Path) -> list[str]:
    """Differences between ``files`` and the manifest at ``path`` (empty when the corpus is the same)."""
    listed = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, sha = line.split("\t")
            listed[name] = sha
    have = {f.name: f.sha256 for f in files}
    problems = [f"missing: {n}" for n in sorted(set(listed) - set(have))]
    problems += [f"not in the manifest: {n}" for n in sorted(set(have) - set(listed))]
    problems += [f"changed: {n}" for n in sorted(set(listed) & set(have)) if listed[n] != have[n]]
    return problems


def lines_of(files: Iterable[DomainFile]) -> Iterator[str]:
    """Non-empty lines of the files, as the language model reads them."""
    for f in files:
        for line in f.text.splitlines():
            line = line.strip()
            if line and "\ufffd" not in line:
                yield line
