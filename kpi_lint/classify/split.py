"""The fixed split of labelled documents into train / dev / test (corpus/labels/split.csv).

Models are judged on documents they were not trained on: rows are assigned by
the document they come from, never one by one (two rows of one table share a
department's wording, and a model that has seen one of them recognises the
other).  Hyper-parameters and thresholds are chosen on ``dev``; ``test`` is
only ever measured.

The test documents may come in named sets (the optional ``test_set`` column),
one per batch of documents labelled after the models were chosen (``third`` —
wild batch m, issue 13f —, ``fourth`` — batch n, issue 13g — and so on).
Scores are reported on each set and on their union.  The first two sets
(``first``, drawn with the split, and ``fresh``, wild batches i–l) were moved
into train / dev in issue 13-resplit; the optional ``moved_from`` column
names the test set a document came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kpi_lint.classify.data import read_csv
from kpi_lint.errors import InputError

PARTS = ("train", "dev", "test")


@dataclass(frozen=True)
class DocumentSplit:
    """Which documents are trained on, tuned on and reported on."""

    train: tuple[str, ...]
    dev: tuple[str, ...]
    test: tuple[str, ...]
    # Named subsets of `test` (name, documents), in the order of the file; empty when not given.
    test_sets: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def part(self, doc: str) -> str | None:
        for name in PARTS:
            if doc in getattr(self, name):
                return name
        return None

    def rows(self, docs: Sequence[str], *parts: str) -> list[int]:
        """Indexes of the rows whose document is in one of `parts`."""
        wanted = {d for name in parts for d in getattr(self, name)}
        return [i for i, doc in enumerate(docs) if doc in wanted]

    def as_dict(self) -> dict[str, list[str]]:
        return {name: list(getattr(self, name)) for name in PARTS}

    def test_set(self, name: str) -> tuple[str, ...]:
        """The documents of one named test set (empty when there is no such set)."""
        return dict(self.test_sets).get(name, ())


def read_split(path: Path) -> DocumentSplit:
    """`doc,split` rows → DocumentSplit; InputError naming the file on anything else."""
    frame = read_csv(path)
    if not {"doc", "split"} <= set(frame.columns):
        raise InputError(str(path), "划分文件须有 doc 和 split 两列")
    parts: dict[str, list[str]] = {name: [] for name in PARTS}
    named: dict[str, list[str]] = {}
    sets = frame["test_set"] if "test_set" in frame.columns else [""] * len(frame)
    for doc, part, test_set, line in zip(frame["doc"], frame["split"], sets, frame["_line"], strict=True):
        if part not in parts:
            raise InputError(f"{path}:{line}", f"split 只能是 train、dev 或 test，这里是 {part!r}")
        parts[part].append(doc.strip())
        test_set = str(test_set or "").strip()
        if test_set and part != "test":
            raise InputError(f"{path}:{line}", f"只有 test 划分的文件才能填 test_set，这里是 {part}")
        if test_set:
            named.setdefault(test_set, []).append(doc.strip())
    every = [d for docs in parts.values() for d in docs]
    if len(every) != len(set(every)):
        raise InputError(str(path), "同一文件出现在多个划分中")
    test_sets = tuple((name, tuple(sorted(docs))) for name, docs in named.items())
    train, dev, test = (tuple(sorted(parts[name])) for name in PARTS)
    return DocumentSplit(train, dev, test, test_sets)


def check_covered(split: DocumentSplit, docs: Sequence[str], source: str) -> None:
    """Every labelled row's document must be in the split, and each part must have rows."""
    unknown = sorted({d for d in docs if split.part(d) is None})
    if unknown:
        raise InputError(source, f"这些文件不在划分文件中：{'、'.join(unknown[:5])}")
    for name in PARTS:
        if not split.rows(docs, name):
            raise InputError(source, f"{name} 划分中没有带标签的行")
