"""`kpi-lint train custom` → `kpi-lint predict`, and bad input: one line, exit 2."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

import kpi_lint
from tests.classify.conftest import TEMPLATED_CSV, Trained, run_cli
from tests.corpus import ROOT, corpus_doc, corpus_path


@pytest.fixture(scope="module")
def mine(tmp_path_factory: pytest.TempPathFactory) -> Trained:
    out = tmp_path_factory.mktemp("mine") / "mine.skops"
    result = _train_custom(TEMPLATED_CSV, out)
    assert result.returncode == 0, result.stderr
    card = json.loads(out.with_name("mine.card.json").read_text(encoding="utf-8"))
    return Trained(out, card, result.stdout)


def _train_custom(data: Path | str, out: Path, *more: str) -> subprocess.CompletedProcess[str]:
    """`kpi-lint train custom` on `data`'s level3 texts and mylabel labels, written to `out`."""
    return run_cli(
        "train", "custom", "--data", data, "--text-col", "level3", "--label-col", "mylabel", "--out", out, *more
    )


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("kpi-lint: 错误: "), result.stderr
    return result.stderr


def test_custom_training_reports_and_writes_model_and_card(mine: Trained) -> None:
    assert "custom：97 个样本（去重后），2 种标签，分层分组 5 折交叉验证" in mine.stdout
    assert "macro-F1 0.928" in mine.stdout
    assert "混淆矩阵" in mine.stdout and "1 具体" in mine.stdout and "2 模板化" in mine.stdout
    assert mine.model_path.is_file() and mine.model_path.with_name("mine.card.md").is_file()
    card = mine.card
    assert card["task"] == "custom" and card["labels"] == ["具体", "模板化"]
    assert card["features"] == {"text": ["level3"], "categorical": [], "cues_only": []}
    assert card["data"]["rows"] == 97 and card["data"]["label_counts"] == {"具体": 50, "模板化": 47}
    assert card["data"]["sources"] == ["tests/classify/data/templated.csv"]
    assert card["metrics"]["macro_f1"] == 0.9278
    assert card["metrics"]["confusion"] == [[45, 5], [2, 45]]
    assert card["seed"] == 2023 and card["libraries"]["scikit-learn"]


def test_predict_on_a_disclosure_gives_path_line_and_probability(mine: Trained) -> None:
    result = run_cli("predict", "--model", mine.model_path, corpus_path("003"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len([i for i in corpus_doc("003").indicators if i.level3])
    (eco, *_) = [i for i in corpus_doc("003").indicators if i.level3 == "生态影响"]
    hit = next(line for line in lines if line.endswith("  生态影响"))
    assert hit.startswith(f"{corpus_path('003')}:{eco.line}:{eco.column}: 模板化 0.")
    source_line = corpus_path("003").read_text(encoding="utf-8").splitlines()[eco.line - 1]
    assert source_line[eco.column - 1 :].startswith("生态影响")
    assert any(line.endswith("  租赁面积") and ": 具体 0." in line for line in lines)


def test_predict_on_a_csv_gives_one_line_per_row(mine: Trained, tmp_path: Path) -> None:
    rows = tmp_path / "new.csv"
    rows.write_text("level3,备注\n城乡居民基本医疗保险参保人数,新表\n生态影响,新表\n", encoding="utf-8")
    result = run_cli("predict", "--model", mine.model_path, rows, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["line"], r["level3"], r["label"]) for r in records] == [
        (2, "城乡居民基本医疗保险参保人数", "具体"),
        (3, "生态影响", "模板化"),
    ]
    assert all(0.5 < r["probability"] <= 1 and r["path"] == str(rows) for r in records)


def test_predict_only_one_label(mine: Trained) -> None:
    result = run_cli("predict", "--model", mine.model_path, corpus_path("003"), "--label", "模板化")
    assert result.returncode == 0
    assert result.stdout and all(": 模板化 " in line for line in result.stdout.splitlines())


def test_unknown_column_is_one_line(tmp_path: Path) -> None:
    result = run_cli(
        "train",
        "custom",
        "--data",
        TEMPLATED_CSV,
        "--text-col",
        "指标名称",
        "--label-col",
        "mylabel",
        "--out",
        tmp_path / "x.skops",
    )
    err = _one_line_error(result)
    assert "缺少列 指标名称（现有列：level3、value、mylabel）" in err
    assert not (tmp_path / "x.skops").exists()


def test_predict_csv_without_the_model_column_is_one_line(mine: Trained, tmp_path: Path) -> None:
    rows = tmp_path / "names.csv"
    rows.write_text("name\n生态影响\n", encoding="utf-8")
    err = _one_line_error(run_cli("predict", "--model", mine.model_path, rows))
    assert f"{rows}: 缺少列 level3（现有列：name）" in err


def test_bad_csv_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text('level3,mylabel\n"生态影响,模板化\n', encoding="utf-8")
    err = _one_line_error(_train_custom(bad, tmp_path / "x.skops"))
    assert f"{bad}: 不是有效的 CSV" in err


def test_single_label_is_one_line(tmp_path: Path) -> None:
    one = tmp_path / "one.csv"
    one.write_text("level3,mylabel\n生态影响,模板化\n提高效率,模板化\n", encoding="utf-8")
    err = _one_line_error(_train_custom(one, tmp_path / "x.skops"))
    assert "训练数据只有一种标签（模板化），至少需要两种" in err


def test_unknown_flag_label_in_predict_is_one_line(mine: Trained) -> None:
    err = _one_line_error(run_cli("predict", "--model", mine.model_path, TEMPLATED_CSV, "--label", "套话"))
    assert "模型的标签中没有 '套话'；标签为 具体、模板化" in err


def test_missing_model_file_is_one_line(tmp_path: Path) -> None:
    err = _one_line_error(run_cli("predict", "--model", tmp_path / "none.skops", TEMPLATED_CSV))
    assert "none.skops: 模型文件不存在" in err


def test_custom_model_on_parsed_disclosures(tmp_path: Path) -> None:
    """Parsed corpus PATHs are training data too: here 三级指标 → printed 二级指标 of 003 and 004."""
    out = tmp_path / "by_level2.skops"
    result = run_cli(
        "train",
        "custom",
        "--data",
        corpus_path("003"),
        "--data",
        corpus_path("004"),
        "--text-col",
        "level3",
        "--cat-col",
        "kind",
        "--label-col",
        "level2",
        "--out",
        out,
    )
    assert result.returncode == 0, result.stderr
    card = json.loads(out.with_name("by_level2.card.json").read_text(encoding="utf-8"))
    assert card["data"]["sources"] == [f"corpus/{corpus_path('003').name}", f"corpus/{corpus_path('004').name}"]
    assert card["features"] == {"text": ["level3"], "categorical": ["kind"], "cues_only": []}
    assert "服务对象满意度指标" in card["labels"] and card["metrics"]["samples"] > 100


def test_train_without_out_writes_into_the_working_directory_and_never_overwrites(tmp_path: Path) -> None:
    """Run from another folder: the model lands in ./kpi-lint-models/, the shipped one is left alone."""
    shipped = ROOT / "models" / "vagueness.skops"
    before = shipped.stat().st_mtime_ns
    first = run_cli("train", "vagueness", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    model = tmp_path / "kpi-lint-models" / "vagueness.skops"
    assert model.is_file() and (tmp_path / "kpi-lint-models" / "vagueness.card.json").is_file()
    assert f"模型已写入 {model.relative_to(tmp_path)}" in first.stdout or str(model) in first.stdout
    assert shipped.stat().st_mtime_ns == before
    written = model.stat().st_mtime_ns
    err = _one_line_error(run_cli("train", "vagueness", cwd=tmp_path))
    assert "vagueness.skops: 文件已存在，未覆盖；确需覆盖请加 --force" in err
    assert model.stat().st_mtime_ns == written
    forced = run_cli("train", "vagueness", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr


def test_train_refuses_to_overwrite_a_named_model_without_force(mine: Trained) -> None:
    err = _one_line_error(_train_custom(TEMPLATED_CSV, mine.model_path))
    assert f"{mine.model_path}: 文件已存在，未覆盖；确需覆盖请加 --force" in err


def test_train_never_writes_into_the_installed_package(tmp_path: Path) -> None:
    inside = Path(kpi_lint.__file__).parent / "mine.skops"
    err = _one_line_error(_train_custom(TEMPLATED_CSV, inside, "--force"))
    assert "不能写进已安装的 kpi-lint 程序包" in err
    assert not inside.exists()


def test_predict_names_the_cell_of_an_office_file() -> None:
    office = ROOT / "tests" / "fixtures" / "office"
    model = ROOT / "models" / "category.skops"
    text = run_cli("predict", "--model", str(model), str(office / "selfeval.docx"), str(office / "selfeval.xlsx"))
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines and all(re.match(r".+\.(docx:表\d+ 行\d+ 格\d+|xlsx!.+![A-Z]+\d+): ", line) for line in lines)
    jsonl = run_cli("predict", "--model", str(model), str(office / "selfeval.pdf"), "--format", "jsonl")
    first = json.loads(jsonl.stdout.splitlines()[0])
    assert first["anchor"].startswith("页1 表1") and first["line"] > 0
