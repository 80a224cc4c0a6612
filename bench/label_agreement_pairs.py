"""Two labellers on the cluster test pairs, and the clustering judged against each (issue 13).

    PYTHONPATH=. .venv/bin/python -P bench/label_agreement_pairs.py [--second FILE] [--disagreements] [--no-cluster]

Labeller 1: the evaluation labels of tests/data/cluster_pairs.csv (``guide_label``, docs/labeling/cluster_pairs.md).
Labeller 2: corpus/labels/agreement/pairs_second.csv, labelled blind by the same guideline (label, confidence, note).
The two are joined on (doc_a, level3_a, doc_b, level3_b); every second-labelled pair must match.

Printed: accuracy, Cohen's kappa and the P / R / F1 of ``same`` of labeller 2 taking labeller 1 as truth, on all
pairs and by labeller 2's confidence; then the shipped clustering's decisions on the same pairs — one run, as
bench/heldout_eval.py scores the test pairs (samples + wild set as context, the default threshold, which the
train + dev rule picks) — against labeller 1, labeller 2, and only the pairs where both agree.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # _corpus, also under `python -P` (which leaves the script's folder out)

from _corpus import corpus_documents, wild_documents  # noqa: E402

from kpi_lint.cluster.agreement import (  # noqa: E402
    SECOND_LABELS,
    Agreement,
    agreement,
    join_labels,
    load_second_labels,
)
from kpi_lint.cluster.clustering import DEFAULT_THRESHOLD  # noqa: E402
from kpi_lint.cluster.evaluation import predict_pairs  # noqa: E402


def _line(name: str, a: Agreement, kappa: bool = True) -> str:
    head = f"  {name:<22} {a.n:4d} 对  准确率 {a.accuracy:.3f}"
    if kappa:
        head += f"  kappa {a.kappa:.3f}"
    return (
        f"{head}  P {a.precision:.3f} R {a.recall:.3f} F1 {a.f1:.3f} "
        f"(TP {a.true_positive} FP {a.false_positive} FN {a.false_negative})"
    )


def _agreement_table(joined: pd.DataFrame) -> None:
    print("标注者 2 对标注者 1（以标注者 1 为准）：")
    print(_line("全部", agreement(joined["label_1"].tolist(), joined["label_2"].tolist())))
    for confidence, part in joined.groupby("confidence", sort=True):
        print(_line(f"标注者 2 {confidence}", agreement(part["label_1"].tolist(), part["label_2"].tolist())))


def _disagreements(joined: pd.DataFrame) -> None:
    wrong = joined[joined["label_1"] != joined["label_2"]]
    print(f"不一致 {len(wrong)} 对：")
    for row in wrong.itertuples():
        print(
            f"  #{row.pair_id} 1:{row.label_1:<9} 2:{row.label_2:<9} ({row.confidence}) "
            f"{row.doc_a} {row.level3_a} ~ {row.doc_b} {row.level3_b}\n"
            f"      1: {row.note_1}\n      2: {row.note_2}"
        )


def _cluster_table(joined: pd.DataFrame) -> None:
    docs = corpus_documents() + wild_documents()
    predicted = predict_pairs(joined, docs, DEFAULT_THRESHOLD)["predicted"].tolist()
    both = (joined["label_1"] == joined["label_2"]).tolist()
    print(f"聚类（阈值 {DEFAULT_THRESHOLD:.2f}，样例 + 野生集作上下文，一次运行）的判断：")
    for name, column in (("以标注者 1 为准", "label_1"), ("以标注者 2 为准", "label_2")):
        print(_line(name, agreement(joined[column].tolist(), predicted), kappa=False))
    agreed = [label for label, keep in zip(joined["label_1"], both, strict=True) if keep]
    kept = [p for p, keep in zip(predicted, both, strict=True) if keep]
    print(_line("只看两人一致的对", agreement(agreed, kept), kappa=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--second", type=Path, default=SECOND_LABELS, help="the second labeller's pairs file")
    parser.add_argument("--disagreements", action="store_true", help="list every pair the two labellers differ on")
    parser.add_argument("--no-cluster", action="store_true", help="skip the clustering (agreement only)")
    args = parser.parse_args()
    try:
        joined = join_labels(load_second_labels(args.second))
    except (OSError, ValueError) as exc:
        print(f"读不了标注文件：{exc}", file=sys.stderr)
        raise SystemExit(2) from None
    same_1 = int((joined["label_1"] == "same").sum())
    same_2 = int((joined["label_2"] == "same").sum())
    print(f"{len(joined)} 对全部对上（same：标注者 1 {same_1}，标注者 2 {same_2}）")
    _agreement_table(joined)
    if args.disagreements:
        _disagreements(joined)
    if not args.no_cluster:
        _cluster_table(joined)


if __name__ == "__main__":
    main()
