"""`kpi-lint train category|vagueness|custom` and `kpi-lint predict`: the classifiers from the command line."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kpi_lint.bundled import require_source_data
from kpi_lint.classify.defaults import DEFAULT_FOLDS, DEFAULT_SEED
from kpi_lint.classify.output import DEFAULT_MODELS_DIR, model_destination
from kpi_lint.cli.common import EXIT_INPUT, EXIT_OK, load_documents, long_run, progress_bar, report_error, writing
from kpi_lint.cli.typer_app import ChineseTyper, app
from kpi_lint.errors import InputError
from kpi_lint.rules.base import location

if TYPE_CHECKING:
    import pandas as pd

    from kpi_lint.classify.data import TrainingSet
    from kpi_lint.classify.persist import Model
    from kpi_lint.classify.pipelines import Features
    from kpi_lint.classify.split import DocumentSplit
    from kpi_lint.classify.train import GateFactory, Metrics

# scikit-learn, skops, jieba and pandas (kpi_lint.classify) load inside the commands, so that
# `kpi-lint --help` and the other commands do not wait for them.

train_app = ChineseTyper(
    help="训练分类器：交叉验证、打印指标，写出模型文件（skops）和模型卡。",
    no_args_is_help=True,
)
app.add_typer(train_app, name="train")

DataOpt = Annotated[
    list[Path] | None,
    typer.Option("--data", help="训练数据：CSV 文件，或公开文件/文件夹（解析后使用）；可重复"),
]
SeedOpt = Annotated[int, typer.Option("--seed", help="随机种子（交叉验证划分和模型）")]
FoldsOpt = Annotated[int, typer.Option("--folds", min=2, help="分层交叉验证的折数")]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", help=f"模型文件（默认 ./{DEFAULT_MODELS_DIR}/任务名.skops，不会写进安装的程序包）"),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="覆盖已有的模型文件和模型卡")]


def _fail(err: InputError) -> typer.Exit:
    report_error(str(err))
    return typer.Exit(EXIT_INPUT)


def print_metrics(console: Console, task: str, set_: TrainingSet, metrics: Metrics) -> None:
    unit = "文件" if metrics.grouped_by == "document" else "文本"
    held = metrics.heldout
    if held is not None:
        test = held["test"]
        console.print(
            f"[bold]{task}[/]：按文件划分（train {len(held['split']['train'])} / dev {len(held['split']['dev'])} / "
            f"test {len(held['split']['test'])} 个文件），train + dev 上交叉验证选 C={held['chosen_c']:g}"
        )
        console.print(
            f"test 文件（{len(held['split']['test'])} 个，{test['samples']} 行，模型未见过）：macro-F1 "
            f"[bold]{test['macro_f1']:.3f}[/]   准确率 {test['accuracy']:.3f}"
        )
        for label, c in test["per_class"].items():
            console.print(f"  {escape(label)} F1 {c['f1']:.3f}（{c['support']} 行）")
        for name, part in (held.get("test_sets") or {}).items():
            docs = held.get("test_set_docs", {}).get(name, [])
            console.print(
                f"  其中 test 集 {escape(name)}（{len(docs)} 个文件，{part['samples']} 行）："
                f"macro-F1 {part['macro_f1']:.3f}"
            )
    console.print(
        f"[bold]{task}[/]：{metrics.samples} 个样本（去重后），{len(metrics.labels)} 种标签，"
        f"分层分组 {metrics.folds} 折交叉验证（同一{unit}只在一折）"
    )
    console.print(f"macro-F1 [bold]{metrics.macro_f1:.3f}[/]   准确率 {metrics.accuracy:.3f}")
    if metrics.positive_label is not None and metrics.positive_f1 is not None:
        console.print(f"{escape(metrics.positive_label)} 的 F1 [bold]{metrics.positive_f1:.3f}[/]")
    per_class = Table(title="各标签（交叉验证）", header_style="bold")
    for col in ("标签", "精确率", "召回率", "F1", "样本数"):
        per_class.add_column(col, justify="left" if col == "标签" else "right")
    for label, c in metrics.per_class.items():
        per_class.add_row(escape(label), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.support))
    console.print(per_class)
    # Columns are numbered like the rows: nine Chinese labels do not fit a terminal's width.
    confusion = Table(title="混淆矩阵（行：真实，列：预测，编号同行）", header_style="bold")
    confusion.add_column("真实＼预测")
    for j in range(len(metrics.labels)):
        confusion.add_column(str(j + 1), justify="right")
    for i, (label, row) in enumerate(zip(metrics.labels, metrics.confusion, strict=True)):
        # The diagonal (correct) in bold, zeros as dots: the confusions stand out.
        cells = [f"[bold]{v}[/]" if i == j else (str(v) if v else "·") for j, v in enumerate(row)]
        confusion.add_row(f"{i + 1} {escape(label)}", *cells)
    console.print(confusion)
    if metrics.pruned:
        console.print(f"交叉验证认为可能归错类、未用于最终拟合的 {len(metrics.pruned)} 行：")
        for item in metrics.pruned:
            row_text = escape(" | ".join(item.text))
            console.print(f"  {row_text}：{escape(item.label)} → {escape(item.predicted)}（{item.probability:.2f}）")
    if set_.dropped:
        console.print(f"另有 {set_.dropped} 行没有标签或没有文本，未参与训练")


def _train(
    task: str,
    set_: TrainingSet,
    features: Features,
    out: Path,
    seed: int,
    folds: int,
    positive: str | None = None,
    prune: bool = False,
    split: DocumentSplit | None = None,
    claim_gate: GateFactory | None = None,
    external_test: Path | None = None,
) -> None:
    from kpi_lint.classify.card import build_card, external_section, write_card
    from kpi_lint.classify.form_file import write_beside
    from kpi_lint.classify.persist import save_model
    from kpi_lint.classify.tasks import ROOT
    from kpi_lint.classify.train import train

    out.parent.mkdir(parents=True, exist_ok=True)
    # Off a terminal rich would wrap at 80 columns and cut the Chinese labels.
    console = Console(width=None if sys.stdout.isatty() else 160)
    try:
        with progress_bar("交叉验证与训练", long_run()) as bar:
            bar.add_task("train", total=None)
            model, metrics = train(set_, features, task, seed, folds, positive, prune, split, claim_gate)
    except ValueError as exc:  # scikit-learn on degenerate data, e.g. no word in any text
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        if "empty vocabulary" in first:
            first = "文本列中没有任何可用的词（只有标点或空白）"
        raise InputError("--data", f"无法用这些数据训练：{first}") from exc
    with writing(out, "模型文件"):
        data = save_model(model, out)
        write_beside(model, data, out)  # its inference-only form, read by a check without scikit-learn
        card = build_card(model, data, out, set_, metrics, ROOT)
        if external_test is not None and external_test.is_file():
            card["external_test"] = external_section(model, external_test, ROOT)
        json_card, md_card = write_card(card, out)
    print_metrics(console, task, set_, metrics)
    console.print(f"模型已写入 {escape(str(out))}，模型卡 {escape(json_card.name)}、{escape(md_card.name)}")


def _train_builtin(name: str, data: list[Path] | None, out: Path | None, seed: int, folds: int, force: bool) -> None:
    from kpi_lint.classify.tasks import CATEGORY, VAGUENESS

    task = {t.name: t for t in (CATEGORY, VAGUENESS)}[name]
    try:
        target = model_destination(out, task.name, force)
        if not data:
            require_source_data(task.default_data, "默认训练数据", "请用 --data 指定训练数据")
        set_ = task.build(data or list(task.default_data))
        split = _document_split(task.split, set_)
        # Hand-checked labels split by document need no pruning; printed ones do (train.py).
        prune = task.prune and split is None
        _train(
            task.name,
            set_,
            task.features,
            target,
            seed,
            folds,
            task.positive,
            prune,
            split,
            task.claim_gate,
            task.external_test,
        )
    except InputError as err:
        raise _fail(err) from err


def _document_split(path: Path | None, set_: TrainingSet) -> DocumentSplit | None:
    """The task's document split, when every training row names a document in it; else None (plain CV)."""
    from kpi_lint.classify.split import read_split

    if path is None or not set_.docs:
        return None
    split = read_split(path)
    return split if all(split.part(doc) is not None for doc in set_.docs) else None


@train_app.command("category")
def train_category(
    data: DataOpt = None,
    out: OutOpt = None,
    seed: SeedOpt = DEFAULT_SEED,
    folds: FoldsOpt = DEFAULT_FOLDS,
    force: ForceOpt = False,
) -> None:
    """三级指标（及指标值类型、一级指标）→ 二级指标。默认用 corpus/labels/categories.csv 中人工核对的二级指标：
    按 corpus/labels/split.csv 的文件划分，在 train+dev 上按文件分组交叉验证选正则化强度 C，
    用 train+dev 拟合，在 test 文件上测一次。"""
    _train_builtin("category", data, out, seed, folds, force)


@train_app.command("vagueness")
def train_vagueness(
    data: DataOpt = None,
    out: OutOpt = None,
    seed: SeedOpt = DEFAULT_SEED,
    folds: FoldsOpt = DEFAULT_FOLDS,
    force: ForceOpt = False,
) -> None:
    """指标值（及其二级指标）→ vague / specific。默认用 corpus/labels/values.csv。"""
    _train_builtin("vagueness", data, out, seed, folds, force)


@train_app.command("custom")
def train_custom(
    data: Annotated[list[Path], typer.Option("--data", help="CSV 文件或公开文件/文件夹；可重复")],
    text_col: Annotated[list[str], typer.Option("--text-col", help="文本特征列（如 level3、value）；可重复")],
    label_col: Annotated[str, typer.Option("--label-col", help="标签列")],
    out: OutOpt = None,
    cat_col: Annotated[list[str] | None, typer.Option("--cat-col", help="类别特征列（kind、level2）；可重复")] = None,
    seed: SeedOpt = DEFAULT_SEED,
    folds: FoldsOpt = DEFAULT_FOLDS,
    force: ForceOpt = False,
) -> None:
    """用任意带标签的表训练自己的分类器（供 kpi-lint check --model 和 KPI307 使用）。"""
    from kpi_lint.classify.tasks import custom_set

    try:
        target = model_destination(out, "custom", force)
        set_, features = custom_set(data, text_col, cat_col or [], label_col)
        _train("custom", set_, features, target, seed, folds)
    except InputError as err:
        raise _fail(err) from err


class PredictFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"


ANCHOR = "_anchor"  # a document row's office-file place, beside classify.data's SOURCE / LINE / COLUMN


def _document_frame(model: Model, path: Path) -> tuple[pd.DataFrame, bool]:
    """Every indicator with some text in the model's text columns, located at that column's cell."""
    import pandas as pd

    from kpi_lint.classify.data import COLUMN, LINE, SOURCE, indicator_row

    loaded = load_documents([path])
    rows: list[dict[str, str]] = []
    first = model.meta.text_columns[0]
    for doc in loaded.documents:
        for ind in doc.trusted_indicators:  # a garbled table's rows get no prediction: their cells may be others'
            row = indicator_row(ind)
            if any(row.get(c) for c in model.meta.text_columns):
                line, column = ind.span(first)
                place = {ANCHOR: ind.anchor(first) or ""}  # page, table and cell, or sheet!cell of an office file
                rows.append({**row, SOURCE: ind.path, LINE: str(line), COLUMN: str(column), **place})
    return pd.DataFrame(rows, dtype=str), loaded.failed


def _emit(
    model: Model, frame: pd.DataFrame, predictions: list[tuple[str, float]], fmt: PredictFormat, only: str | None
) -> None:
    from kpi_lint.classify.data import COLUMN, LINE, SOURCE

    for row, (label, prob) in zip(frame.to_dict("records"), predictions, strict=True):
        if only is not None and label != only:
            continue
        texts = {c: str(row.get(c, "")) for c in model.meta.text_columns}
        where = (str(row[SOURCE]), int(row[LINE]), int(row[COLUMN]))
        anchor = str(row.get(ANCHOR) or "") or None
        if fmt is PredictFormat.jsonl:
            record = {
                "path": where[0],
                "line": where[1],
                "column": where[2],
                "anchor": anchor,
                "label": label,
                "probability": round(prob, 4),
                **texts,
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            shown = " | ".join(t for t in texts.values() if t)
            sys.stdout.write(f"{location(*where, anchor)}: {label} {prob:.2f}  {shown}\n")


@app.command("predict")
def predict_command(
    model_path: Annotated[Path, typer.Option("--model", help="kpi-lint train 写出的模型文件")],
    paths: Annotated[list[Path], typer.Argument(help="CSV 文件，或公开文件/文件夹")],
    fmt: Annotated[PredictFormat, typer.Option("--format", "-f", help="输出格式")] = PredictFormat.text,
    only: Annotated[str | None, typer.Option("--label", help="只列出预测为这个标签的行")] = None,
) -> None:
    """用训练好的模型预测：公开文件逐个指标（路径:行:列），CSV 逐行，附概率。"""
    from kpi_lint.classify.api import predict_frame
    from kpi_lint.classify.data import read_csv
    from kpi_lint.classify.persist import load_model

    try:
        model = load_model(model_path)
        if only is not None and only not in model.meta.labels:
            raise InputError(str(model_path), f"模型的标签中没有 {only!r}；标签为 {'、'.join(model.meta.labels)}")
        failed = False
        for path in paths:  # in the order given, each file's rows in one batch
            if path.suffix.lower() == ".csv":
                frame = read_csv(path)
            else:
                frame, bad = _document_frame(model, path)
                failed = failed or bad
            _emit(model, frame, predict_frame(model, frame, str(path)), fmt, only)
    except InputError as err:
        raise _fail(err) from err
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)
