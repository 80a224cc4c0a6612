"""A bureau's own indicator library (one row per indicator, no concept numbers) read as a curated library."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from kpi_lint.cli import app
from kpi_lint.library.files import read_library
from kpi_lint.library.model import LibraryError
from kpi_lint.library.plain import target_text
from tests.corpus import ROOT, corpus_path

EXTERNAL = ROOT / "corpus" / "external"


def test_the_external_sources_read_as_libraries() -> None:
    counts = {}
    for name in ("cams_research", "ciq_evaluation", "gx_common", "vocational_shuanggao"):
        library = read_library(EXTERNAL / f"{name}.csv")
        counts[name] = (len(library.concepts), sum(c.rows for c in library.concepts))
    assert counts == {
        "cams_research": (156, 156),
        "ciq_evaluation": (185, 221),  # 36 names asked again in another project's form: one concept each
        "gx_common": (10, 10),
        "vocational_shuanggao": (155, 155),
    }


def test_filings_units_and_places() -> None:
    library = read_library(EXTERNAL / "ciq_evaluation.csv")
    by_name = {c.name: c for c in library.concepts}
    # printed 产出数量 / 环境效益 are 数量指标 / 生态效益指标; 预算管理 is none of the nine: the process block's own
    # 二级 (lexicons/levels.txt, since issue reader-z), in its canonical name
    assert by_name["网络覆盖率"].level2 == "数量指标"
    assert by_name["是否有利于生态环境保护"].level2 == "生态效益指标"
    assert by_name["结转结余资金率"].level2 == "预算管理指标"
    mileage = by_name["执法执勤用车平均里程数（公里）"]
    assert [o.value for o in mileage.occurrences] == ["3.3万公里"]
    # line 201 of the file (its header is line 1)
    assert mileage.occurrences[0].location.endswith("ciq_evaluation.csv:第201行")
    # the same question in the forms of two projects: one concept, both places
    assert by_name["是否提高检验检疫执法能力"].rows == 2


def test_target_text() -> None:
    assert target_text("100%", "%") == "100%"
    assert target_text("3.3", "万公里") == "3.3万公里"
    assert target_text("是", "是/否") == "是"
    assert target_text("", "%") == ""


def test_a_workbook_with_chinese_headers(tmp_path: Path) -> None:
    path = tmp_path / "指标库.xlsx"
    pd.DataFrame(
        {
            "一级指标": ["产出指标", "产出指标", "满意度指标"],
            "二级指标": ["数量指标", "成本指标", "服务对象满意度指标"],
            "三级指标": ["培训（参会）人次", "人均培训成本控制率", "培训（参会）人员满意度"],
            "指标解释": [
                "反映会议培训参加人次情况。",
                "反映严格执行人均培训标准的情况。",
                "反映参加会议培训人员满意情况。",
            ],
        }
    ).to_excel(path, sheet_name="共性指标", index=False)
    library = read_library(path)
    assert [(c.id, c.name, c.level2) for c in library.concepts] == [
        (1, "培训（参会）人次", "数量指标"),
        (2, "人均培训成本控制率", "成本指标"),
        (3, "培训（参会）人员满意度", "服务对象满意度指标"),
    ]


def test_a_table_without_names_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "空.csv"
    path.write_text("一级指标,二级指标,三级指标\n产出指标,数量指标,\n", encoding="utf-8")
    with pytest.raises(LibraryError, match="没有任何三级指标名称"):
        read_library(path)


def test_check_against_a_bureau_library() -> None:
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(corpus_path("002")),
            "--select",
            "KPI601",
            "--library",
            str(EXTERNAL / "gx_common.csv"),
            "--output-format",
            "json",
            "--fail-on",
            "never",
        ],
    )
    assert result.exit_code == 0, result.output
    findings = [f for f in json.loads(result.output) if f.get("code") == "KPI601"]
    # a medical-insurance disclosure shares no name with a 10-name training and research library: every row is named
    # with the library's nearest concept (购置电脑数量 → 开展研究项目数量, similarity 0.42)
    # 53 (54 before): 002's 培训次数 is the library's 培训班次（会议次数）, one G5 class of
    # lexicons/cluster_concepts.txt
    assert len(findings) == 53
    computers = next(f for f in findings if f["level3"] == "购置电脑数量")
    assert "不在指标库中" in computers["message"] and "开展研究项目数量" in computers["message"]
