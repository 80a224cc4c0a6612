"""`kpi-lint parse` end to end, as a reviewer runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kpi_lint.lexicon import Lexicon
from tests.corpus import SAMPLES, corpus_path

REQUIRED = {"path", "project", "form", "period", "level1", "level2", "level3", "value", "line", "column"}


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kpi_lint", *map(str, args)], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_jsonl_has_one_traceable_record_per_indicator() -> None:
    result = run("parse", corpus_path("000"), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(rec.keys() >= REQUIRED for rec in records)
    hit = [
        r
        for r in records
        if r["project"] == "城乡居民医疗保险县级配套"
        and r["period"] == "实施期"
        and r["level3"] == "城乡居民基本医疗保险参保人数"
    ]
    assert len(hit) == 1
    assert hit[0]["value"] == "170720人" and hit[0]["kind"] == "count" and hit[0]["number"] == 170720
    assert hit[0]["line"] == 1098  # the cell "城乡居民基" starts there
    lines = corpus_path("000").read_text(encoding="utf-8").splitlines()
    assert lines[hit[0]["line"] - 1][hit[0]["column"] - 1 :].startswith("城乡居民基")


def test_csv_and_parquet_outputs_hold_the_same_rows(tmp_path: Path) -> None:
    csv_path, pq_path = tmp_path / "out.csv", tmp_path / "out.parquet"
    assert run("parse", *SAMPLES, "--format", "csv", "-o", csv_path).returncode == 0
    assert run("parse", *SAMPLES, "--format", "parquet", "-o", pq_path).returncode == 0
    from_csv, from_pq = pd.read_csv(csv_path), pd.read_parquet(pq_path)
    assert len(from_csv) == len(from_pq) > 0
    assert set(from_pq["path"].map(lambda p: Path(p).name[:3])) == {"000", "001", "002", "003", "004"}
    assert set(from_csv.columns) >= REQUIRED


def test_table_summarises_every_project() -> None:
    result = run("parse", *SAMPLES, "--format", "table")
    assert result.returncode == 0, result.stderr
    assert "城乡居民医疗保险县级配套" in result.stdout
    assert "声明项目数 6" in result.stdout and "解析项目数 3" in result.stdout  # 001


def test_bad_inputs_are_one_line_each_and_the_rest_is_parsed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "notable.txt").write_text("这是一份没有绩效目标表的说明。\n", encoding="utf-8")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(corpus_path("002").read_text(encoding="utf-8").encode("gbk", errors="replace"))
    result = run("parse", tmp_path, tmp_path / "missing.txt", corpus_path("001"), "--format", "jsonl")
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4, result.stderr
    assert "Traceback" not in result.stderr
    assert any("empty.txt" in e and "文件为空" in e for e in errors)
    assert any("binary.txt" in e and "二进制" in e for e in errors)
    assert any("notable.txt" in e and "没有找到" in e and "绩效目标表" in e for e in errors)
    assert any("missing.txt" in e and "路径不存在" in e for e in errors)
    projects = {json.loads(line)["path"] for line in result.stdout.splitlines()}
    assert projects == {str(gbk), str(corpus_path("001"))}  # the GBK copy and 001 were still parsed


def test_parquet_without_output_file_is_a_usage_error() -> None:
    result = run("parse", corpus_path("001"), "--format", "parquet")
    assert result.returncode == 2
    assert "需要用 -o" in result.stderr and "Traceback" not in result.stderr


def test_an_internal_parser_error_is_one_line_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from kpi_lint.cli import common

    parse_module = importlib.import_module("kpi_lint.parse")  # the package's `parse` attribute is the function
    real_parse = parse_module.parse

    def flaky(path: Path, lexicon: Lexicon | None = None) -> object:
        if Path(path).name.startswith("002"):
            raise IndexError("list index out of range")
        return real_parse(path, lexicon)

    monkeypatch.setattr(parse_module, "parse", flaky)
    loaded = common.load_documents([*SAMPLES], progress=False)
    assert [Path(d.path).name[:3] for d in loaded.documents] == ["000", "001", "003", "004"]
    (error,) = loaded.errors
    assert error.message == (
        "解析时发生内部错误（IndexError: list index out of range），已跳过此文件；请将此文件报告给维护者"
    )
    assert loaded.failed


def test_json_keeps_project_and_document_values_with_their_positions() -> None:
    result = run("parse", corpus_path("004"), "--format", "json")
    assert result.returncode == 0, result.stderr
    (doc,) = json.loads(result.stdout)
    assert (doc["layout"], doc["declared_projects"], doc["declared_loc"]["line"]) == ("tab-rows", 8, 537)
    project = doc["projects"][0]
    assert project["name"] == "城乡居民医疗保险工作经费"
    assert project["total_score"] == {"text": "93.67", "line": 586, "column": 10, "anchor": None}
    assert project["execution"]["full_year"] == 89.614
    assert project["execution"]["spans"]["full_year"] == {"text": "89.614", "line": 571, "column": 16, "anchor": None}
    budget = next(f for f in project["narrative"] if f["name"] == "预算数")
    assert (budget["value"], budget["unit"], budget["line"]) == (160.0, "万元", 574)
    actual = project["indicators"][0]["spans"]["actual"]
    assert actual == {"text": "≥0.71万份", "line": 576, "column": 31, "anchor": None}


def test_csv_rows_carry_every_cell_position(tmp_path: Path) -> None:
    out = tmp_path / "004.csv"
    assert run("parse", corpus_path("004"), "--format", "csv", "-o", out).returncode == 0
    first = pd.read_csv(out).iloc[0]
    assert first["level3"] == "宣传资料印刷份数"
    assert "actual=576:31" in first["positions"] and "score=576:41" in first["positions"]


def test_warnings_go_to_stderr_and_keep_exit_code_0() -> None:
    result = run("parse", corpus_path("000"), "--format", "jsonl")
    assert result.returncode == 0
    (warning,) = result.stderr.strip().splitlines()
    assert warning.startswith(f"kpi-lint: 警告: {corpus_path('000')}:2256:1: 项目“离干")
