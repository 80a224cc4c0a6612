"""How often two labellers agree on the category of the test rows, and what that means for the model's score.

    PYTHONPATH=. .venv/bin/python -P bench/label_agreement.py [--second FILE] [--model FILE] [--list]

Labeller 1: the ``label`` of corpus/labels/categories.csv (the rows of the ``test`` documents of split.csv).
Labeller 2: corpus/labels/agreement/category_second.csv, labelled blind (issue 13-agree-category: committed before
categories.csv, the model card or the model was looked at), with ``confidence`` sure / unsure and a note.

Prints: agreement of 2 against 1 (accuracy, Cohen's kappa, macro-F1, per class P / R / F1 both ways, the confusion
matrix), agreement on sure and unsure rows and on the rows the guide names (note beginning 指南), then the shipped
model's test predictions (kpi_lint.classify.api.predict_frame, the predictions the model card scores) against
labeller 1, labeller 2 and only the rows both give the same class; ``--list`` every disagreement by pair of classes.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.classify.agreement import Agreement, agreement, paired_labels, printed_class  # noqa: E402
from kpi_lint.classify.api import predict_frame  # noqa: E402
from kpi_lint.classify.data import read_csv  # noqa: E402
from kpi_lint.classify.persist import load_model  # noqa: E402
from kpi_lint.classify.split import read_split  # noqa: E402
from kpi_lint.classify.train import Metrics, _metrics  # noqa: E402

LABELS = ROOT / "corpus" / "labels"
SECOND = LABELS / "agreement" / "category_second.csv"
GUIDE_NOTE = "指南"  # a second-labeller note that starts so: the guide names this row's decision
RESAMPLES = 2000  # documents drawn with replacement, for the interval of the disagreement rate


def short(label: str) -> str:
    return label.removesuffix("指标")


def show_scores(title: str, m: Metrics) -> None:
    print(f"  {title}: {m.samples} 行 — macro-F1 {m.macro_f1:.3f}  accuracy {m.accuracy:.3f}")
    for label, c in m.per_class.items():
        print(f"      {short(label):<8} P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f} n={c.support}")


def show_agreement(title: str, a: Agreement) -> None:
    m = a.scores
    print(f"{title}: {a.rows} 行 — accuracy {m.accuracy:.3f}  kappa {a.kappa:.3f}  macro-F1 {m.macro_f1:.3f}")
    print("      类别        P(2|1)  R(2|1)  F1     n(1)  n(2)")
    for label, c in m.per_class.items():
        n2 = a.reverse.per_class[label].support if label in a.reverse.per_class else 0
        print(f"      {short(label):<8} {c.precision:.3f}   {c.recall:.3f}   {c.f1:.3f}  {c.support:>4}  {n2:>4}")


def show_confusion(m: Metrics) -> None:
    print("  混淆矩阵（行：标注者 1，列：标注者 2）")
    heads = [short(x)[:2] for x in m.labels]
    print("      " + " ".join(f"{h:>4}" for h in heads))
    for label, row in zip(m.labels, m.confusion, strict=True):
        print(f"  {short(label)[:2]:>4} " + " ".join(f"{v:>5}" for v in row))


def subset(frame: pd.DataFrame, title: str, keep: pd.Series) -> None:
    part = frame[keep]
    if part.empty:
        print(f"{title}: 0 行")
        return
    a = agreement(list(part["first"]), list(part["second"]))
    print(
        f"{title}: {a.rows} 行 — 一致 {int((part['first'] == part['second']).sum())}，accuracy "
        f"{a.scores.accuracy:.3f}  kappa {a.kappa:.3f}  macro-F1 {a.scores.macro_f1:.3f}"
    )


def printed_baseline(frame: pd.DataFrame) -> pd.Series:
    """Where the department printed one of the nine: how often each labelling keeps it, and agreement where not."""
    printed = frame["level2"].map(printed_class)
    has = printed.notna()
    for who in ("first", "second"):
        kept = int((frame.loc[has, who] == printed[has]).sum())
        print(f"  标注者 {1 if who == 'first' else 2} 保留所印二级：{kept} / {int(has.sum())}")
    moved = has & ((frame["first"] != printed) | (frame["second"] != printed))
    subset(frame, "印有九类之一的行", has)
    subset(frame, "  其中至少一人改了所印类别的行", moved)
    subset(frame, "未印九类之一的行（无二级或另一标签）", ~has)
    return printed


def document_interval(frame: pd.DataFrame) -> None:
    """Disagreement rate and kappa with a 95 % interval from resampling whole documents (rows of one document
    share a department's wording and a labeller's reading of it: they are not independent draws)."""
    rng = np.random.default_rng(0)
    docs = sorted(set(frame["doc"]))
    by_doc = {d: frame.index[frame["doc"] == d].to_numpy() for d in docs}
    rates, kappas = [], []
    for _ in range(RESAMPLES):
        rows = np.concatenate([by_doc[d] for d in rng.choice(docs, size=len(docs))])
        part = frame.loc[rows]
        rates.append(float((part["first"] != part["second"]).mean()))
        kappas.append(agreement(list(part["first"]), list(part["second"])).kappa)
    lo, hi = np.percentile(rates, [2.5, 97.5])
    klo, khi = np.percentile(kappas, [2.5, 97.5])
    print(f"  按文件重抽样 {RESAMPLES} 次：分歧率 95% 区间 {lo:.3f}–{hi:.3f}，kappa {klo:.3f}–{khi:.3f}")


def model_section(
    first: list[str], second: list[str], frame: pd.DataFrame, printed: pd.Series, predicted: list[str]
) -> None:
    def on(rows: list[int], truth: list[str]) -> Metrics:
        return _metrics([truth[k] for k in rows], [predicted[k] for k in rows], 0, None)

    every = list(range(len(first)))
    show_scores("对标注者 1", on(every, first))
    show_scores("对标注者 2", on(every, second))
    show_scores("两人一致的行", on([k for k in every if first[k] == second[k]], first))
    confidence = [str(x) for x in frame["confidence"]]
    show_scores("标注者 2 sure 的行，对标注者 1", on([k for k in every if confidence[k] == "sure"], first))
    for flag in ("sure", "unsure"):
        rows = [k for k in every if confidence[k] == flag]
        right = sum(predicted[k] == first[k] for k in rows)
        print(f"  标注者 2 {flag} 的 {len(rows)} 行：模型与标注者 1 一致 {right}（{right / len(rows):.3f}）")
    # The model never reads the printed 二级 (KPI404 compares the two): what copying the print would score where
    # one is printed, beside the model on the same rows.
    print_class = [None if pd.isna(x) else str(x) for x in printed]
    kept = [k for k in every if print_class[k] is not None]
    copied = [str(print_class[k]) for k in kept]
    print(
        f"  印有九类之一的 {len(kept)} 行，对标注者 1：照抄所印 macro-F1 "
        f"{_metrics([first[k] for k in kept], copied, 0, None).macro_f1:.3f}，模型 {on(kept, first).macro_f1:.3f}"
    )


def list_disagreements(frame: pd.DataFrame) -> None:
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in frame[frame["first"] != frame["second"]].to_dict("records"):
        a, b = short(str(row["first"])), short(str(row["second"]))
        pair = tuple(sorted((a, b)))
        groups[(pair[0], pair[1])].append(
            f"    {row['doc']} [{row['level2'] or '—'}] {row['level3']} = {row['value']!r}: 1 {a} / 2 {b} "
            f"({row['confidence']}) {row['note']}"
        )
    for (x, y), lines in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"  {x} ↔ {y}: {len(lines)}")
        print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--second", type=Path, default=SECOND)
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "category.skops")
    parser.add_argument("--list", action="store_true", help="every disagreement, grouped by pair of classes")
    parser.add_argument("--interval", action="store_true", help="a 95 %% interval by resampling documents")
    args = parser.parse_args()
    first = read_csv(LABELS / "categories.csv")
    split = read_split(LABELS / "split.csv")
    frame = paired_labels(first, split, read_csv(args.second), str(args.second))
    print(f"配对：{len(frame)} 行（categories.csv 的 test 行，逐行核对 doc、三级指标）")
    both = agreement(list(frame["first"]), list(frame["second"]))
    show_agreement("标注者 2 对标注者 1", both)
    show_confusion(both.scores)
    subset(frame, "sure 行", frame["confidence"] == "sure")
    subset(frame, "unsure 行", frame["confidence"] == "unsure")
    named = frame["note"].str.startswith(GUIDE_NOTE)
    subset(frame, "指南点名的行", named)
    subset(frame, "指南未点名的行", ~named)
    subset(frame, "指南未点名的 sure 行", ~named & (frame["confidence"] == "sure"))
    for name, docs in split.test_sets:
        subset(frame, f"test 集 {name}", frame["doc"].isin(docs))
    if args.interval:
        document_interval(frame)
    printed = printed_baseline(frame)

    model = load_model(args.model)
    predicted = [label for label, _ in predict_frame(model, frame)]
    print(f"\n模型 {args.model.name} 的 test 预测：")
    model_section([str(x) for x in frame["first"]], [str(x) for x in frame["second"]], frame, printed, predicted)
    if args.list:
        print("\n分歧（按类别对）：")
        list_disagreements(frame)


if __name__ == "__main__":
    main()
