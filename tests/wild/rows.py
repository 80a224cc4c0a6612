"""Row F1 of parsed indicators against the hand-checked expected rows of a document.

A row is (period, 二级指标, 三级指标, 指标值).  Both sides are compared after white space is
removed, full-width forms folded, ★ marks and "指标1：" numbering dropped and the 二级 put in
its canonical name, so that a difference means a different reading, not a different spelling.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Document
from kpi_lint.parse import parse
from kpi_lint.vocab import squash, strip_marks

Key = tuple[str, str, str, str]
WILD = Path(__file__).resolve().parents[2] / "corpus" / "wild"


def printed_rows(path: Path) -> list[tuple[str | None, str | None, str | None]]:
    """(二级指标, 三级指标, 指标值) of each indicator the parser reads from `path`, as it returns them."""
    return [(i.level2, i.level3, i.value) for i in parse(path).indicators]


def _key(period: str | None, level2: str | None, level3: str | None, value: str | None) -> Key:
    vocab = load_lexicon().vocabulary
    l2 = vocab.canonical_level2(level2 or "") or squash(level2 or "")
    return (period or "", l2, squash(strip_marks(level3 or "")), squash(value or ""))


def expected_rows(csv_path: Path) -> list[Key]:
    with csv_path.open(encoding="utf-8", newline="") as fh:
        return [_key(r["period"], r["level2"], r["level3"], r["value"]) for r in csv.DictReader(fh)]


def parsed_rows(doc: Document | None) -> list[Key]:
    if doc is None:
        return []
    return [_key(i.period, i.level2, i.level3, i.value) for i in doc.indicators]


@dataclass
class Score:
    true_positive: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positive + other.true_positive, self.predicted + other.predicted, self.expected + other.expected
        )


def score(predicted: list[Key], expected: list[Key]) -> Score:
    hits = sum((Counter(predicted) & Counter(expected)).values())
    return Score(hits, len(predicted), len(expected))
