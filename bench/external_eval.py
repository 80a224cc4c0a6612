"""The shipped models and the clustering on the external indicator data (corpus/external, SOURCES.md).

    PYTHONPATH=. .venv/bin/python -P bench/external_eval.py [--counts] [--category] [--values] [--cluster]
        [--pairs N] [--seed S]

* --counts: rows, distinct names and classes (as the sources file them) per source;
* --category: models/category.skops on the 160 hand-checked rows (hand labels) and on every row the source files
  under one of the nine (the filing as the label): macro-F1, per class, the small classes' confusion, and how many
  of the sample's misfilings the model puts where the hand label does;
* --values: models/vagueness.skops and KPI101 (`kpi-lint check --select KPI101` on the rows written as a table)
  on the rows that carry a target;
* --cluster: each source's distinct names clustered alone (kpi_lint.cluster at the default threshold): a library
  means its names as distinct concepts, so two of its names in one cluster are a likely false merge; prints the
  count per source and `--pairs` of them drawn with `--seed`.

Nothing here is trained or tuned: the figures are measured once, on data no model has seen.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd
from sklearn.metrics import classification_report, f1_score

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # _external, also under `python -P`

from _external import checked_sample, external_rows, value_text  # noqa: E402

from kpi_lint.classify.api import predict_frame  # noqa: E402
from kpi_lint.classify.external import model_table  # noqa: E402
from kpi_lint.classify.labels import CATEGORY_LABELS  # noqa: E402
from kpi_lint.classify.persist import load_model  # noqa: E402
from kpi_lint.cluster.clustering import DEFAULT_THRESHOLD, cluster_texts  # noqa: E402
from kpi_lint.cluster.normalize import TextNormalizer  # noqa: E402
from kpi_lint.parse.values import parse_value  # noqa: E402

MODELS = ROOT / "models"
SMALL = ("经济效益指标", "生态效益指标", "可持续影响指标")


def counts(rows: pd.DataFrame) -> None:
    for key, part in rows.groupby("source_key", sort=True):
        valued = int((part["value"] != "").sum())
        print(f"{key}: {len(part)} 行，{part['level3'].nunique()} 个不同名称，有指标值 {valued} 行")
        for label, n in Counter(part["library_label"].replace("", "（非九类）")).most_common():
            print(f"    {label} {n}")
    print(f"合计 {len(rows)} 行，{rows['level3'].nunique()} 个不同名称")


def category_predictions(frame: pd.DataFrame) -> list[str]:
    model = load_model(MODELS / "category.skops")
    return [label for label, _ in predict_frame(model, model_table(frame), "corpus/external")]


def _report(name: str, truth: list[str], predicted: list[str]) -> None:
    labels = [c for c in CATEGORY_LABELS if c in set(truth) | set(predicted)]
    macro = f1_score(truth, predicted, labels=[c for c in labels if c in truth], average="macro", zero_division=0)
    agree = sum(t == p for t, p in zip(truth, predicted, strict=True))
    print(f"{name}: {len(truth)} 行，macro-F1 {macro:.3f}，一致 {agree}/{len(truth)}")
    print(classification_report(truth, predicted, labels=labels, digits=3, zero_division=0))
    for small in SMALL:
        as_predicted = Counter(p for t, p in zip(truth, predicted, strict=True) if t == small)
        into = Counter(t for t, p in zip(truth, predicted, strict=True) if p == small and t != small)
        print(f"    {small}: 真值 {sum(as_predicted.values())} 行 → 预测 {dict(as_predicted)}；误入 {dict(into)}")


def category(rows: pd.DataFrame, sample: pd.DataFrame) -> None:
    predicted = category_predictions(sample)
    _report("(a) 手工核对样本（手工标签）", list(sample["label"]), predicted)
    disagreements = sample["verdict"] != "agree"
    caught = sum(p == lab for p, lab, d in zip(predicted, sample["label"], disagreements, strict=True) if d)
    print(f"    样本中来源归类与手工不一致 {int(disagreements.sum())} 行，模型判成手工类别的 {caught} 行")
    filed = sample["library_label"] != ""
    agree_filing = sum(p == f for p, f, k in zip(predicted, sample["library_label"], filed, strict=True) if k)
    print(f"    模型与来源归类一致 {agree_filing}/{int(filed.sum())}（样本中来源归入九类之一的行）")
    for (_, r), p in zip(sample[disagreements].iterrows(), itertools.compress(predicted, disagreements), strict=True):
        print(f"      {r['source']} {r['row']} {r['level3']}：来源 {r['level2']} 手工 {r['label']} 模型 {p}")
    kept = rows[rows["library_label"] != ""]
    _report("(b) 全部行（来源归类作标签）", list(kept["library_label"]), category_predictions(kept))
    for key, part in kept.groupby("source_key", sort=True):
        truth, guess = list(part["library_label"]), category_predictions(part)
        agree = sum(t == p for t, p in zip(truth, guess, strict=True))
        macro = f1_score(truth, guess, labels=sorted(set(truth)), average="macro", zero_division=0)
        print(f"    {key}: 一致 {agree}/{len(truth)}，macro-F1 {macro:.3f}")


def _table_text(part: pd.DataFrame) -> str:
    lines = ["项目名称\t外部来源指标", "一级指标\t二级指标\t三级指标\t指标值"]
    lines += ["\t".join([r["level1"], r["level2"], r["level3"], value_text(r)]) for _, r in part.iterrows()]
    return "\n".join(lines) + "\n"


def values(rows: pd.DataFrame) -> None:
    valued = rows[rows["value"] != ""].drop_duplicates(["source_key", "level2", "level3", "value", "unit"])
    model = load_model(MODELS / "vagueness.skops")
    table = pd.DataFrame(
        {"value": [value_text(r) for _, r in valued.iterrows()], "level2": list(valued["library_label"])}
    )
    vague = [label for label, _ in predict_frame(model, table, "corpus/external")]
    for key, part in valued.assign(vague=vague).groupby("source_key", sort=True):
        said = part[part["vague"] == "vague"]
        print(f"{key}: {len(part)} 个指标值，含糊度模型判含糊 {len(said)}")
        for _, r in said.iterrows():
            print(f"      {r['level3']} | {value_text(r)}")
    with tempfile.TemporaryDirectory() as tmp:
        for key, part in valued.groupby("source_key", sort=True):
            (Path(tmp) / f"{key}.txt").write_text(_table_text(part), encoding="utf-8")
        out = Path(tmp) / "out.json"
        command = [
            sys.executable,
            "-m",
            "kpi_lint",
            "check",
            tmp,
            "--select",
            "KPI101",
            "--output-format",
            "json",
            "--no-cache",
        ]
        subprocess.run([*command, "--fail-on", "never", "-o", str(out)], check=False, capture_output=True)
        entries = json.loads(out.read_text(encoding="utf-8")) if out.exists() else []
    findings = [e for e in entries if e.get("code") == "KPI101"]
    print(f"KPI101: {len(findings)} 条")
    for e in findings:
        print(f"      {Path(e['path']).stem}:{e.get('line')} {e['message']}")


def _kinds(part: pd.DataFrame, normalizer: TextNormalizer) -> dict[str, str]:
    kinds: dict[str, set[str]] = {}
    for _, r in part.iterrows():
        text = normalizer.normalize(r["level3"])
        kind = parse_value(value_text(r)).kind if r["value"] else ""
        if text and kind:
            kinds.setdefault(text, set()).add(kind)
    return {t: " ".join(sorted(k)) for t, k in kinds.items()}


def merged_pairs(part: pd.DataFrame, normalizer: TextNormalizer) -> tuple[int, list[tuple[str, str]]]:
    """(distinct names, pairs of them that normalize to one text or fall in one cluster)."""
    names = sorted(set(part["level3"]))
    normal = {n: normalizer.normalize(n) for n in names}
    texts = sorted({t for t in normal.values() if t})
    result = cluster_texts(texts, normalizer, DEFAULT_THRESHOLD, kinds=_kinds(part, normalizer))
    label = dict(zip(result.texts, result.labels.tolist(), strict=True))
    groups: dict[int, list[str]] = {}
    for n in names:
        if normal[n]:
            groups.setdefault(label[normal[n]], []).append(n)
    return len(names), [pair for members in groups.values() for pair in itertools.combinations(members, 2)]


def cluster(rows: pd.DataFrame, show: int, seed: int) -> None:
    normalizer = TextNormalizer.for_documents([])
    every: list[tuple[str, str, str]] = []
    for key, part in rows.groupby("source_key", sort=True):
        n, pairs = merged_pairs(part, normalizer)
        print(f"{key}: {n} 个不同名称，同簇名称对 {len(pairs)}（涉及 {len({x for p in pairs for x in p})} 个名称）")
        every += [(str(key), a, b) for a, b in pairs]
    for key, a, b in sorted(random.Random(seed).sample(every, min(show, len(every)))):
        print(f"      {key}: {a} ＝ {b}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for flag in ("counts", "category", "values", "cluster"):
        parser.add_argument(f"--{flag}", action="store_true")
    parser.add_argument("--pairs", type=int, default=30, help="cluster: how many merged pairs to print")
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    every = not (args.counts or args.category or args.values or args.cluster)
    rows = external_rows()
    if args.counts or every:
        counts(rows)
    if args.category or every:
        category(rows, checked_sample())
    if args.values or every:
        values(rows)
    if args.cluster or every:
        cluster(rows, args.pairs, args.seed)


if __name__ == "__main__":
    main()
