"""The external indicator data (corpus/external, SOURCES.md) and the category model's external test on it.

Each source CSV is one public source: a library or a filled table, its rows filed under the source's own 一级 / 二级
(`level1`, `level2`, as printed).  `external_rows()` reads them all, adds the source's key and the filing mapped to
the nine 二级 (`library_label`, "" when the printed 二级 is none of them: 预算管理, 财务管理), and `checked_sample()`
the hand-checked rows (`label`, `verdict`).  `external_test()` scores a fitted category model on that sample against
its hand labels: what `kpi-lint train category` writes into the card's "外部测试" section (issue 13).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from sklearn.metrics import f1_score

from kpi_lint.errors import InputError
from kpi_lint.lexicon import load_lexicon
from kpi_lint.library.plain import target_text

if TYPE_CHECKING:
    from kpi_lint.classify.persist import Model

SAMPLE_NAME = "sample_checked.csv"
# What a source row holds (SOURCES.md); every column is text, "" when the source gives nothing.
COLUMNS = (
    "source",
    "file",
    "row",
    "level1",
    "level2",
    "level3",
    "explanation",
    "unit",
    "value",
    "scoring",
    "overlap",
    "note",
)
COST = "成本指标"
# What the external test reads from the hand-checked sample.
SAMPLE_COLUMNS = ("source", "level1", "level3", "unit", "value", "label")


def _read(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path.name}: 缺少列 {'、'.join(missing)}")
    return frame


def source_files(directory: Path) -> list[Path]:
    """The sources' CSV files (the hand-checked sample is not a source)."""
    return sorted(p for p in directory.glob("*.csv") if p.name != SAMPLE_NAME)


def external_rows(directory: Path) -> pd.DataFrame:
    """Every row of every source, with `source_key` (the file's stem) and `library_label` (the filing, canonical)."""
    vocabulary = load_lexicon().vocabulary
    frames = []
    for path in source_files(directory):
        frame = _read(path)
        frame.insert(0, "source_key", path.stem)
        frame["library_label"] = [vocabulary.canonical_level2(v) or "" for v in frame["level2"]]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def checked_sample(path: Path) -> pd.DataFrame:
    """The hand-checked sample: the source's filing (`library_label`), the `verdict` and the hand `label`."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def value_text(row: pd.Series) -> str:
    """The row's target as a table prints it, value and unit (kpi_lint.library.plain.target_text)."""
    return target_text(str(row["value"]), str(row["unit"]))


def model_table(frame: pd.DataFrame) -> pd.DataFrame:
    """External rows as a category model reads them: 三级 name, 一级 and the target printed with its unit."""
    return pd.DataFrame(
        {
            "level3": list(frame["level3"]),
            "level1": list(frame["level1"]),
            "value": [value_text(r) for _, r in frame.iterrows()],
        }
    )


def external_test(model: Model, sample_path: Path, shown_as: str) -> dict[str, Any]:
    """The model's predictions on the hand-checked sample scored against the hand labels (the card's section).

    `shown_as` is the sample's path as the card names it.  Macro-F1 is over the classes present in the hand labels;
    `without_target_as_cost` counts the rows with no target predicted 成本指标 (what an "empty" value kind did).
    """
    from kpi_lint.classify.api import predict_frame
    from kpi_lint.classify.labels import CATEGORY_LABELS

    sample = checked_sample(sample_path)
    missing = [c for c in SAMPLE_COLUMNS if c not in sample.columns]
    if missing:
        raise InputError(shown_as, f"人工核对样本缺少列 {'、'.join(missing)}")
    truth = list(sample["label"])
    predicted = [label for label, _ in predict_frame(model, model_table(sample), shown_as)]
    present = [c for c in CATEGORY_LABELS if c in set(truth)]
    per_class = f1_score(truth, predicted, labels=present, average=None, zero_division=0)
    macro = f1_score(truth, predicted, labels=present, average="macro", zero_division=0)
    hit = [t == p for t, p in zip(truth, predicted, strict=True)]
    sources = list(dict.fromkeys(sample["source"]))
    size = {s: int((sample["source"] == s).sum()) for s in sources}
    right = {s: sum(h for h, k in zip(hit, sample["source"], strict=True) if k == s) for s in sources}
    without = [i for i, v in enumerate(sample["value"]) if not v.strip()]
    return {
        "data": shown_as,
        "rows": len(sample),
        "rows_without_target": len(without),
        "rows_per_source": size,
        "macro_f1": round(float(macro), 3),
        "agree": sum(hit),
        "without_target_as_cost": sum(predicted[i] == COST for i in without),
        "per_class_f1": {c: round(float(f), 2) for c, f in zip(present, per_class, strict=True)},
        "agree_per_source": {s: f"{right[s]}/{size[s]}" for s in sorted(sources)},
    }
