"""The bundled corpus for the benchmark scripts (run as `python bench/<script>.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.errors import InputError  # noqa: E402
from kpi_lint.model import Document  # noqa: E402
from kpi_lint.parse import parse  # noqa: E402


def corpus_documents() -> list[Document]:
    """Every parsable file of corpus/; an unreadable one is named on stderr and skipped."""
    docs = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        try:
            docs.append(parse(path))
        except InputError as exc:
            print(f"跳过 {path.name}: {exc}", file=sys.stderr)
    return docs


def wild_documents() -> list[Document]:
    """The wild set (corpus/wild/*.txt); an unreadable file is named on stderr and skipped."""
    docs = []
    for path in sorted((ROOT / "corpus" / "wild").glob("*.txt")):
        try:
            docs.append(parse(path))
        except InputError as exc:
            print(f"跳过 {path.name}: {exc}", file=sys.stderr)
    return docs
