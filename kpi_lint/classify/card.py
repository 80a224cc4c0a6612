"""Model cards: what a model was trained on, how well it did, with what — beside the model file.

``models/category.skops`` gets ``models/category.card.json`` (read by tools
and tests) and ``models/category.card.md`` (read by reviewers).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
import zlib
from dataclasses import asdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from kpi_lint.classify.data import TrainingSet
from kpi_lint.classify.heldout import NOISE_MARGIN
from kpi_lint.classify.persist import Model
from kpi_lint.classify.train import Metrics, relative
from kpi_lint.lexicon import load_lexicon

LIBRARIES = ("kpi-lint", "scikit-learn", "skops", "jieba", "numpy", "scipy", "pandas")


def card_paths(model_path: Path) -> tuple[Path, Path]:
    stem = model_path.with_suffix("")
    return stem.with_name(stem.name + ".card.json"), stem.with_name(stem.name + ".card.md")


def _library_versions() -> dict[str, str]:
    out = {"python": platform.python_version(), "zlib": zlib.ZLIB_RUNTIME_VERSION}
    for name in LIBRARIES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "未安装"
    return out


def _userdict_sha256() -> str | None:
    path = load_lexicon().userdict
    return hashlib.sha256(path.read_bytes()).hexdigest() if path else None


def build_card(
    model: Model, model_bytes: bytes, model_path: Path, set_: TrainingSet, metrics: Metrics, root: Path
) -> dict[str, Any]:
    return {
        "model": model_path.name,
        "model_sha256": hashlib.sha256(model_bytes).hexdigest(),
        "task": model.meta.task,
        "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "labels": model.meta.labels,
        "features": {
            "text": model.meta.text_columns,
            "categorical": model.meta.categorical_columns,
            "cues_only": model.meta.cue_columns,
        },
        "data": {
            "sources": [relative(Path(s), root) for s in set_.sources],
            "sha256": set_.sha256,
            "rows": len(set_.labels),
            "dropped": set_.dropped,
            "label_counts": set_.counts(),
            "userdict_sha256": _userdict_sha256(),
        },
        "seed": model.meta.seed,
        "cross_validation": {
            "method": "StratifiedGroupKFold(shuffle=True)",
            "groups": metrics.grouped_by,
            "folds": metrics.folds,
        },
        "metrics": metrics.to_dict(),
        "libraries": _library_versions(),
        "meta": asdict(model.meta),
    }


def external_section(model: Model, sample: Path, root: Path) -> dict[str, Any]:
    """The card's `external_test`: the fitted model on hand-checked rows it never saw (kpi_lint.classify.external)."""
    from kpi_lint.classify.external import external_test

    section = external_test(model, sample, relative(sample, root))
    section["note"] = "computed by kpi-lint train on the model it describes (kpi_lint.classify.external)"
    return section


def _external_lines(ext: dict[str, Any]) -> list[str]:
    """The 外部测试 section: the same model scored on rows from other publishers, against hand labels."""
    sources = "、".join(f"{key} {n} 行" for key, n in ext["rows_per_source"].items())
    per_class = "，".join(f"{label[:-2]} {f:.2f}" for label, f in ext["per_class_f1"].items())
    per_source = "，".join(f"{key} {agree}" for key, agree in ext["agree_per_source"].items())
    return [
        f"## 外部测试：{ext['data']} 的 {ext['rows']} 行人工核对样本（模型未见过；训练时计算）",
        "",
        f"- 数据：{len(ext['rows_per_source'])} 个公开来源（{sources}）的人工核对二级指标；"
        f"其中 {ext['rows_without_target']} 行没有指标值",
        f"- 本模型：macro-F1 **{ext['macro_f1']:.3f}**（人工标签中出现的类别），一致 {ext['agree']}/{ext['rows']}；"
        f"无指标值的 {ext['rows_without_target']} 行判为成本指标 {ext['without_target_as_cost']} 行",
        f"- 各类 F1：{per_class}",
        f"- 各来源一致：{per_source}",
        "",
    ]


def _markdown(card: dict[str, Any]) -> str:
    m = card["metrics"]
    text_cols = "、".join(card["features"]["text"])
    cat_cols = "、".join(card["features"]["categorical"]) or "无"
    cues_only = card["features"].get("cues_only") or []
    lines = [
        f"# 模型卡：{card['model']}",
        "",
        f"- 任务：{card['task']}",
        f"- 训练时间（UTC）：{card['created']}",
        f"- 标签：{'、'.join(card['labels'])}",
        f"- 特征列：文本 {text_cols}；类别 {cat_cols}" + (f"；只读提示词 {'、'.join(cues_only)}" if cues_only else ""),
        f"- 训练数据：{'、'.join(card['data']['sources'][:8])}{' 等' if len(card['data']['sources']) > 8 else ''}",
        f"- 训练数据哈希（SHA-256）：`{card['data']['sha256']}`",
        f"- 样本数：{card['data']['rows']}（去重后；另有 {card['data']['dropped']} 行无标签或无文本）"
        + ("；模型只用其中 train + dev 划分的行拟合" if m.get("heldout") else ""),
        f"- 随机种子：{card['seed']}",
        f"- 模型文件 SHA-256：`{card['model_sha256']}`",
        "",
    ]
    held = m.get("heldout")
    if held:
        lines += _heldout_lines(held)
    if card.get("external_test"):
        lines += _external_lines(card["external_test"])
    if m.get("grouped_by") == "document":
        where = (
            f"train + dev 划分的 {len(held['split']['train']) + len(held['split']['dev'])} 个文件"
            if held
            else "训练数据"
        )
        lines += [
            f"## 按文件分组的 {m['folds']} 折交叉验证（同一文件只在一折）",
            "",
            f"- 测量于：{where}的 {m['samples']} 行（每行由没见过其文件的模型预测）。"
            "KPI404 按这里各类别的精确率决定是否采信模型（不用 test 划分）",
        ]
    else:
        lines += [
            f"## 分层分组 {m['folds']} 折交叉验证（同一文本只在一折）",
            "",
            "- 测量于：上面“训练数据”的全部行（交叉验证：每行由没见过其文本的模型预测；不是独立的测试文件。"
            "按文件划分的留出评测：bench/heldout_eval.py、corpus/labels/split.csv）",
        ]
    lines.append(f"- macro-F1：**{m['macro_f1']:.3f}**，准确率 {m['accuracy']:.3f}")
    if m.get("positive_label"):
        lines.append(f"- {m['positive_label']} 的 F1：**{m['positive_f1']:.3f}**")
    lines += ["", "| 标签 | 精确率 | 召回率 | F1 | 样本数 |", "|---|---|---|---|---|"]
    for label, c in m["per_class"].items():
        lines.append(f"| {label} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} | {c['support']} |")
    lines += ["", "混淆矩阵（行：真实标签，列：预测标签）", "", "| | " + " | ".join(m["labels"]) + " |"]
    lines.append("|---" * (len(m["labels"]) + 1) + "|")
    for label, row in zip(m["labels"], m["confusion"], strict=True):
        lines.append(f"| {label} | " + " | ".join(str(v) for v in row) + " |")
    if m.get("calibration"):
        lines += _calibration_lines(m["calibration"])
    if m.get("pruned"):
        lines += ["", f"## 未用于最终拟合的 {len(m['pruned'])} 行（交叉验证认为可能归错类）", ""]
        lines += ["| 特征 | 印出的标签 | 模型判断 | 概率 |", "|---|---|---|---|"]
        for row in m["pruned"]:
            features = " / ".join(row["text"])
            lines.append(f"| {features} | {row['label']} | {row['predicted']} | {row['probability']:.2f} |")
    lines += ["", "## 库版本", ""]
    lines += [f"- {name} {ver}" for name, ver in card["libraries"].items()]
    return "\n".join(lines) + "\n"


def _threshold(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "无（不采信模型）"


def _calibration_lines(cal: dict[str, Any]) -> list[str]:
    """KPI404's thresholds and the out-of-fold claims they were chosen on (kpi_lint.classify.calibration)."""
    per_label = cal.get("per_label") or {}
    own = "；".join(f"{label} {_threshold(t)}" for label, t in per_label.items()) or "无"
    lines = [
        "",
        "## KPI404 的阈值校准（train + dev 交叉验证的预测，不用 test）",
        "",
        f"- 判断：预测类别与所填二级不同、且通过 KPI404 其他条件的行（{cal['calls']} 次）；手工标签等于所报类别为对",
        f"- 选法：精确率达到 {cal['target_precision']:g}、且至少 {cal['min_calls']} 次判断的最小概率阈值；"
        f"判断次数够的类别单独选，其余用总体阈值",
        f"- 总体阈值：{_threshold(cal.get('overall'))}；单独选的类别：{own}",
        "",
        "| 阈值 | 判断数 | 对 | 精确率 |",
        "|---|---|---|---|",
    ]
    for row in cal["table"]:
        precision = f"{row['precision']:.3f}" if row["precision"] is not None else "—"
        lines.append(f"| {row['threshold']:.2f} | {row['calls']} | {row['right']} | {precision} |")
    return lines


def _per_class_table(metrics: dict[str, Any]) -> list[str]:
    lines = ["| 标签 | 精确率 | 召回率 | F1 | 样本数 |", "|---|---|---|---|---|"]
    for label, c in metrics["per_class"].items():
        lines.append(f"| {label} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} | {c['support']} |")
    return lines


def _heldout_lines(held: dict[str, Any]) -> list[str]:
    """The document split: C chosen on train + dev, this very model measured once on the test documents."""
    split, test, dev = held["split"], held["test"], held["dev"]
    grid = "，".join(f"C={float(c):g}: {score:.3f}" for c, score in held["grid"].items())
    return [
        f"## 留出评测：test 划分（{len(split['test'])} 个文件，模型未见过）",
        "",
        f"- 划分：corpus/labels/split.csv，train {len(split['train'])} / dev {len(split['dev'])} / "
        f"test {len(split['test'])} 个文件",
        f"- test 文件：{'、'.join(split['test'])}",
        f"- 在 train + dev（{len(split['train']) + len(split['dev'])} 个文件，{dev['samples']} 行）上按文件分组做 "
        f"{dev['folds']} 折交叉验证选 C（默认 C=10，除非另一 C 高出 {NOISE_MARGIN:g} 以上）：{grid} → "
        f"C={held['chosen_c']:g}（交叉验证 macro-F1 {dev['macro_f1']:.3f}）",
        f"- 本模型（train + dev 拟合）在 test 划分（{len(split['test'])} 个文件，{test['samples']} 行）上："
        f"macro-F1 **{test['macro_f1']:.3f}**，准确率 {test['accuracy']:.3f}",
        "",
        *_per_class_table(test),
        "",
        *_test_set_lines(held),
    ]


TEST_SET_NAMES = {
    "first": "首批 test 文件（与划分一同抽定）",
    "fresh": "新增 test 文件（全部模型选择之后才加标签、加入划分）",
    "third": "第三批 test 文件（野外批次 m，先加标签、后看模型结果）",
    "fourth": "第四批 test 文件（野外批次 n，先加标签、后看模型结果）",
    "fifth": "第五批 test 文件（野外批次 p，先加标签、后看模型结果）",
    "sixth": "第六批 test 文件（野外批次 q，先加标签、后看模型结果）",
    "seventh": "第七批 test 文件（野外批次 r，先加标签、后看模型结果）",
    "eighth": "第八批 test 文件（野外批次 s，先加标签、后看模型结果）",
    "ninth": "第九批 test 文件（野外批次 t，先加标签、后看模型结果）",
    "tenth": "第十批 test 文件（野外批次 u、v，先加标签；曾试放入 train，未见提升后移回 test）",
}


def _test_set_lines(held: dict[str, Any]) -> list[str]:
    """The same test predictions scored on each named test set (corpus/labels/split.csv, test_set)."""
    lines: list[str] = []
    for name, metrics in (held.get("test_sets") or {}).items():
        docs = held.get("test_set_docs", {}).get(name, [])
        positive = (
            f"，{metrics['positive_label']} 的 F1 {metrics['positive_f1']:.3f}" if metrics.get("positive_label") else ""
        )
        lines += [
            f"### test 集 `{name}`：{TEST_SET_NAMES.get(name, name)}",
            "",
            f"- {len(docs)} 个文件（{'、'.join(docs)}），{metrics['samples']} 行："
            f"macro-F1 **{metrics['macro_f1']:.3f}**，准确率 {metrics['accuracy']:.3f}" + positive,
            "",
            *_per_class_table(metrics),
            "",
        ]
    return lines


def write_card(card: dict[str, Any], model_path: Path) -> tuple[Path, Path]:
    json_path, md_path = card_paths(model_path)
    json_path.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(_markdown(card), encoding="utf-8")
    return json_path, md_path


def read_card(model_path: Path) -> dict[str, Any] | None:
    json_path, _ = card_paths(model_path)
    if not json_path.is_file():
        return None
    data: dict[str, Any] = json.loads(json_path.read_text(encoding="utf-8"))
    return data
