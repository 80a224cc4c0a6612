"""`check --library`: a reviewer's curated library (written by `kpi-lint library`, edited) against a submission."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from kpi_lint.cli import app
from kpi_lint.library.files import write_library
from kpi_lint.library.model import Library
from tests.corpus import corpus_path


def _curated(library: Library, path: Path) -> Path:
    """The reviewer accepts satisfaction targets of 90–99 % only, and drops the name 满意率."""
    first = library.concepts[0]
    assert first.name == "群众满意度"
    percent = first.range_for("%")
    assert percent is not None
    curated = replace(
        first,
        names=[n for n in first.names if n.name != "满意率"],
        ranges=[replace(percent, low=90.0, high=99.0) if r is percent else r for r in first.ranges],
    )
    write_library(Library([curated, *library.concepts[1:]], library.sources), path)
    return path


def _kpi601_findings(sample: str, lib: Path) -> list[dict[str, Any]]:
    """The KPI601 findings of `check --library lib` on a corpus sample, as JSON records (the run must end 0)."""
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(corpus_path(sample)),
            "--select",
            "KPI601",
            "--library",
            str(lib),
            "--output-format",
            "json",
            "--fail-on",
            "never",
        ],
    )
    assert result.exit_code == 0, result.output
    return [f for f in json.loads(result.output) if f.get("code") == "KPI601"]


def test_check_against_a_curated_library(tmp_path: Path, library: Library) -> None:
    findings = _kpi601_findings("002", _curated(library, tmp_path / "审定指标库.xlsx"))
    by_line = {(f["line"], f["level3"]): f for f in findings}
    # 002 line 1123: 救助对象满意度 ≥85% lies below the accepted 90–99 % (also 1120, and 1032 cut short).
    low = by_line[(1123, "救助对象满意度")]
    assert low["severity"] == "warning"
    assert "指标值 ≥85% 低于指标库范围 90–99%" in low["message"]
    assert low["suggestion"] == "≥90%"
    assert {line for line, _ in by_line if "低于指标库范围" in by_line[(line, _)]["message"]} == {1032, 1120, 1123}
    # 政策知晓率 filed under 服务对象满意度指标 where the library (most units) has 社会效益指标.
    assert "指标库将其归入社会效益指标，此处填在服务对象满意度指标下" in by_line[(1030, "政策知晓率")]["message"]
    # Every 002 row is in the library it was built from: no name is unknown.
    assert len(findings) == 7
    assert not any("不在指标库中" in f["message"] for f in findings)


def test_a_name_the_reviewer_removed_is_reported(tmp_path: Path, library: Library) -> None:
    findings = _kpi601_findings("003", _curated(library, tmp_path / "审定指标库.json"))
    # 003 prints 满意率 ≥95 (no unit): still satisfaction by its words, but not a name the reviewer kept.
    names = [f for f in findings if f["level3"] == "满意率"]
    assert names and all("满意率" in f["message"] for f in names)


def test_an_unreadable_library_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "指标库.csv"
    bad.write_text("名称,次数\n群众满意度,3\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(corpus_path("004")), "--library", str(bad)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if "错误" in line]
    assert lines == [f"kpi-lint: 错误: {bad}: 缺少列：概念编号、三级指标"]
