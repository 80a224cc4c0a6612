"""The bundled corpus, parsed once per test session (shared by every test module)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kpi_lint.model import Document
from kpi_lint.parse import parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "corpus"
KEYS = ("000", "001", "002", "003", "004")
# The five original samples (corpus/ also holds the wild set under corpus/wild/).
SAMPLES: tuple[Path, ...] = tuple(sorted(CORPUS_DIR.glob("*.txt")))


def corpus_path(key: str) -> Path:
    """corpus_path("000") → corpus/000_ddaa44b2c1d0d458.txt"""
    (path,) = sorted(CORPUS_DIR.glob(f"{key}_*.txt"))
    return path


@cache
def corpus_doc(key: str) -> Document:
    """The parsed document; cached, so treat it as read-only."""
    return parse(corpus_path(key))


def all_corpus_docs() -> list[Document]:
    return [corpus_doc(k) for k in KEYS]
