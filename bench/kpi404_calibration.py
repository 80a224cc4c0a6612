"""How often KPI404's model branch is right, by probability threshold, on train + dev documents only.

    PYTHONPATH=. .venv/bin/python -P bench/kpi404_calibration.py [-v] [--step 0.05]

The claim: "filed under Y, belongs under X".  Over the train + dev documents of corpus/labels/split.csv
(test documents are dropped before anything else), every row is predicted by a model that never saw its
document: the cross-validation `kpi-lint train category` scores the model with (grouped by document, the
shipped card's C and seed, the same folds).  A *call* is a row whose prediction differs from the 二级 it was
filed under (categories.csv ``level2``) and that passes KPI404's other gates (MisfiledIndicator.model_claim,
with the card's per-label precision); it is *right* when the hand label (``label``) is the category claimed.
Prints calls and precision at each threshold, overall and per model label, the thresholds
kpi_lint.classify.calibration chooses from them (what `kpi-lint train category` writes into the card), and
with -v every call.  No wild finding verdict is read.  About 30 s of CPU.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.classify.calibration import THRESHOLDS, Call, calibrate, model_calls, sweep  # noqa: E402
from kpi_lint.classify.card import read_card  # noqa: E402
from kpi_lint.classify.defaults import DEFAULT_FOLDS  # noqa: E402
from kpi_lint.classify.pipelines import CATEGORY_LABELS  # noqa: E402
from kpi_lint.classify.split import read_split  # noqa: E402
from kpi_lint.classify.tasks import CATEGORY, kpi404_gate  # noqa: E402
from kpi_lint.classify.train import cross_validate  # noqa: E402


def _print_sweep(title: str, calls: list[Call], step: float) -> None:
    print(f"\n{title}（{len(calls)} 次判断）")
    print("| 阈值 | 判断数 | 对 | 精确率 |\n|---|---|---|---|")
    shown = [t for t in THRESHOLDS if round(t / step, 6).is_integer()] if step > 0.01 else list(THRESHOLDS)
    for t, n, right in sweep(calls, shown):
        print(f"| {t:.2f} | {n} | {right} | {right / n:.3f} |" if n else f"| {t:.2f} | 0 | 0 | — |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every call")
    parser.add_argument("--step", type=float, default=0.05, help="threshold step printed (the choice uses 0.01)")
    args = parser.parse_args()
    card = read_card(CATEGORY.default_out) or {}
    metrics = card.get("metrics", {})
    c = float((metrics.get("heldout") or {}).get("chosen_c", 10.0))
    seed = int(card.get("seed", 2023))
    split = read_split(CATEGORY.split) if CATEGORY.split else None
    assert split is not None
    everything = CATEGORY.build(list(CATEGORY.default_data))
    set_ = everything.subset(split.rows(everything.docs, "train", "dev"))
    precision = {label: float(s["precision"]) for label, s in metrics.get("per_class", {}).items()}
    warnings.filterwarnings("ignore")
    with threadpool_limits(limits=1):
        cv = cross_validate(set_, CATEGORY.features, seed, DEFAULT_FOLDS, c=c)
    print(
        f"train + dev：{len(set(set_.docs))} 个文件，{len(set_.labels)} 行；C={c:g}，种子 {seed}，"
        f"{cv.metrics.folds} 折按文件分组（交叉验证 macro-F1 {cv.metrics.macro_f1:.4f}，模型卡 "
        f"{metrics.get('macro_f1')}）"
    )
    filed_nine = sum(1 for f in set_.filed if f in CATEGORY_LABELS)
    print(
        f"填在九个二级之一下的行 {filed_nine}；其中手工标签与所填不同 "
        f"{sum(1 for f, t in zip(set_.filed, set_.labels, strict=True) if f in CATEGORY_LABELS and f != t)}"
    )
    calls = model_calls(set_, set_.filed, cv.proba, cv.classes, kpi404_gate(precision))
    _print_sweep("全部（按模型判断的类别合计）", calls, args.step)
    for label in sorted({call.predicted for call in calls}):
        _print_sweep(f"模型判断为 {label}", [call for call in calls if call.predicted == label], args.step)
    chosen = calibrate(calls)
    print(
        f"\n选定（目标精确率 {chosen.target_precision}，至少 {chosen.min_calls} 次判断）：总体阈值 {chosen.overall}；"
        f"各类别 {chosen.per_label}；其余类别用总体阈值"
    )
    if metrics.get("calibration"):
        shipped = metrics["calibration"]
        print(f"模型卡中的校准：总体 {shipped.get('overall')}，各类别 {shipped.get('per_label')}")
    if args.verbose:
        print("\n| 文件 | 三级指标 | 指标值 | 所填 | 模型 | 所报 | 概率 | 手工标签 | 对 |")
        print("|---" * 9 + "|")
        for call in sorted(calls, key=lambda x: -x.probability):
            print(
                f"| {call.doc} | {call.level3} | {call.value} | {call.filed} | {call.predicted} | {call.claimed} | "
                f"{call.probability:.2f} | {call.truth} | {'✓' if call.right else '✗'} |"
            )


if __name__ == "__main__":
    main()
