"""`kpi-lint score` end to end: formats, output folders, settings, bad input."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kpi_lint.cli import app
from tests.corpus import SAMPLES, corpus_path


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Settings are discovered upward from the working directory: keep the repository's out of it.
    monkeypatch.chdir(tmp_path)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, ["score", *map(str, args)])


def test_csv_ranks_every_project_of_the_corpus() -> None:
    result = run(*SAMPLES, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 37
    # 000's garbled table comes last, without rank or total: "无法评分（原文错乱）".
    *scored, garbled = rows
    assert (garbled["project"], garbled["rank"], garbled["total"], garbled["grade"]) == (
        "离干、伤残军人、新中国成立前老工人医疗费",
        "",
        "",
        "无法评分（原文错乱）",
    )
    totals = [float(r["total"]) for r in scored]
    assert totals == sorted(totals, reverse=True) and [int(r["rank"]) for r in scored] == list(range(1, 37))
    assert scored[0]["project"] == "2023年中央财政医疗服务与保障能力提升补助资金"
    assert {r["grade"] for r in scored} <= {"优", "良", "中", "差"}


def test_json_carries_the_why_of_each_score() -> None:
    result = run(corpus_path("003"), "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["projects"]) == 11 and data["overall"]["projects"] == 11
    first = data["projects"][0]
    relevance = first["dimensions"]["relevance"]
    assert relevance["label"] == "相关性与合理性" and relevance["penalties"] and relevance["notes"]
    deducted = sum(p["applied"] for p in relevance["penalties"])
    assert relevance["score"] == pytest.approx(max(0.0, 100 * relevance["share"] - deducted))
    assert all({"code", "path", "line", "column", "message"} <= set(f) for f in first["findings"])
    assert data["config"]["weights"] == {"completeness": 25, "measurability": 30, "relevance": 25, "consistency": 20}


def test_table_on_the_terminal() -> None:
    result = run(corpus_path("002"))
    assert result.exit_code == 0
    assert "绩效目标质量评分" in result.stdout and "完整性" in result.stdout and "一致性" in result.stdout
    ranked = re.findall(r"│\s+(\d+) │\s+([\d.]+) │ (\S) ", result.stdout)
    assert [int(r[0]) for r in ranked] == [1, 2, 3]
    totals = [float(r[1]) for r in ranked]
    assert totals == sorted(totals, reverse=True)
    assert "3 个项目" in result.stdout and "最常见的问题" in result.stdout


def test_markdown_and_html_go_into_a_folder(tmp_path: Path) -> None:
    result = run(corpus_path("001"), corpus_path("002"), "-f", "markdown")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "scorecards").iterdir()) == [
        f"{corpus_path('001').stem}.md",
        f"{corpus_path('002').stem}.md",
        "index.md",
    ]
    out = tmp_path / "cards"
    result = run(corpus_path("001"), "-f", "html", "-o", out)
    assert result.exit_code == 0 and (out / "index.html").is_file()
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    result = run(corpus_path("001"), "-f", "html", "-o", tmp_path / "file.txt")
    assert result.exit_code == 2 and "文件夹" in result.stderr


def test_bad_files_are_reported_and_the_others_still_scored(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run(corpus_path("002"), empty, tmp_path / "missing.txt", "-f", "csv")
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("kpi-lint: 错误: ") for line in errors)
    assert "empty.txt" in errors[0] + errors[1] and "missing.txt" in errors[0] + errors[1]
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 3


def test_settings_change_the_score(tmp_path: Path) -> None:
    default_csv = run(corpus_path("002"), "-f", "csv").stdout
    default = {r["project"]: float(r["total"]) for r in csv.DictReader(io.StringIO(default_csv))}
    (tmp_path / "pyproject.toml").write_text(
        "[tool.kpi-lint.score]\nweights = { measurability = 100, completeness = 0, relevance = 0, consistency = 0 }\n",
        encoding="utf-8",
    )
    rows = list(csv.DictReader(io.StringIO(run(corpus_path("002"), "-f", "csv").stdout)))
    assert all(float(r["total"]) == pytest.approx(float(r["measurability"]), abs=0.01) for r in rows)
    assert {r["project"]: float(r["total"]) for r in rows} != default
    bad = tmp_path / "bad.toml"
    bad.write_text("[score]\nweights = { speed = 1 }\n", encoding="utf-8")
    result = run(corpus_path("002"), "--config", bad)
    assert result.exit_code == 2 and "bad.toml" in result.stderr and "未知的评分维度" in result.stderr


def test_scorecards_of_office_files_name_sheet_and_cell_or_table_and_cell(tmp_path: Path) -> None:
    # A workbook's project, its printed 总分 and the notes that lowered a share are at Sheet!Cell, a Word
    # file's at 表 行 格: never a line:column that a reviewer cannot find in Excel or WPS.
    office = Path(__file__).resolve().parents[1] / "fixtures" / "office"
    out = tmp_path / "cards"
    assert run(office / "selfeval.xlsx", office / "selfeval.docx", "--format", "markdown", "-o", out).exit_code == 0
    card = (out / "selfeval.md").read_text(encoding="utf-8") + (out / "selfeval-2.md").read_text(encoding="utf-8")
    places = re.findall(r"`([^`]*selfeval\.(?:xlsx|docx)[^`]*)`", card)
    assert places and not [p for p in places if re.search(r"\.(xlsx|docx):\d+(:\d+)?$", p)]
    assert "selfeval.xlsx!城乡居民医疗保险工作经费!H22" in card  # the printed 总分 98.51
    assert re.search(r"selfeval\.docx:表\d+ 行\d+ 格\d+", card)
    overview = (out / "index.md").read_text(encoding="utf-8")
    assert "`selfeval.xlsx!城乡居民医疗保险工作经费!" in overview and not re.search(r"selfeval\.\w+:\d+`", overview)
