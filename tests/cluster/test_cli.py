"""`kpi-lint cluster` and `kpi-lint suggest` end to end on the corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner, Result

from kpi_lint.cli import app
from tests.corpus import SAMPLES, corpus_path

_NUMBER = {"type": "number"}
_MEMBER = {
    "type": "object",
    "required": ["path", "project", "period", "level2", "level3", "value", "line", "column", "location"],
    "additionalProperties": False,
    "properties": {
        "path": {"type": "string"},
        "project": {"type": "string"},
        "period": {"enum": ["实施期", "年度", None]},
        "level2": {"type": ["string", "null"]},
        "level3": {"type": "string", "minLength": 1},
        "value": {"type": ["string", "null"]},
        "line": {"type": "integer", "minimum": 1},
        "column": {"type": "integer", "minimum": 1},
        "location": {"type": "string", "minLength": 1},
    },
}
CLUSTERS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "label", "size", "units", "level2", "values", "members"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer", "minimum": 1},
            "label": {"type": "string", "minLength": 1},
            "size": {"type": "integer", "minimum": 1},
            "units": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "level2": {"type": "object", "additionalProperties": {"type": "integer"}},
            "values": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["unit", "count", "min", "median", "max"],
                    "properties": {
                        "unit": {"type": "string"},
                        "count": {"type": "integer"},
                        "min": _NUMBER,
                        "median": _NUMBER,
                        "max": _NUMBER,
                    },
                },
            },
            "members": {"type": "array", "items": _MEMBER, "minItems": 1},
        },
    },
}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def test_cluster_json_schema_and_content() -> None:
    result = run("cluster", *SAMPLES, "--format", "json")
    assert result.exit_code == 0, result.stderr
    clusters = json.loads(result.stdout)
    jsonschema.validate(clusters, CLUSTERS_SCHEMA)
    assert all(c["size"] == len(c["members"]) >= 2 for c in clusters)  # --min-size defaults to 2
    first = clusters[0]
    assert (first["id"], first["label"], first["size"], len(first["units"])) == (1, "群众满意度", 51, 5)
    assert first["values"][0] == {"unit": "%", "count": 40, "min": 85.0, "median": 95.0, "max": 99.0}
    member = next(m for m in first["members"] if m["path"].endswith("004_df5b1921bc2e3ce3.txt"))
    assert member == {
        "path": str(corpus_path("004")),
        "project": "城乡居民医疗保险工作经费",
        "period": None,
        "level2": "服务对象满意度指标",
        "level3": "群众满意度",
        "value": "≥90%",
        "line": 585,
        "column": 15,
        "location": f"{corpus_path('004')}:585:15",
    }


def test_threshold_and_min_size() -> None:
    loose = json.loads(run("cluster", *SAMPLES, "-f", "json", "--threshold", "0.8").stdout)
    tight = json.loads(run("cluster", *SAMPLES, "-f", "json", "--threshold", "0.35").stdout)
    assert len(loose) < len(tight)
    big = json.loads(run("cluster", *SAMPLES, "-f", "json", "--min-size", "10").stdout)
    # 参保率 of any population is one public-service coverage (lexicons/cluster_concepts.txt, the pair guide's G7a):
    # 城乡居民基本医疗保险参保率 ×2, 城乡医疗救助对象参保率 ×6, 大学毕业生医疗保险参保率 ×2. One effect for one group is
    # one class (cluster_concepts.txt, G7c; issue 13-cluster-populations): 减轻城乡医疗救助人员经济负担 ×6 joins
    # 减轻困难群众医疗费用负担 ×2, its cut 减轻困难群众医疗费 ×2 and 减轻困难人群医疗费用负担 ×1.
    assert [(c["label"], c["size"]) for c in big] == [
        ("群众满意度", 51),
        ("政策知晓率", 14),
        ("减轻城乡医疗救助人员经济负担", 11),
        ("城乡医疗救助对象参保率", 10),
    ]


def test_cluster_csv_html_and_table(tmp_path: Path) -> None:
    out = tmp_path / "clusters.csv"
    assert run("cluster", *SAMPLES, "-f", "csv", "-o", out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert list(rows[0]) == [
        "cluster",
        "label",
        "size",
        "path",
        "project",
        "period",
        "level2",
        "level3",
        "value",
        "line",
        "column",
        "location",
    ]
    assert sum(r["cluster"] == "1" for r in rows) == 51
    page = tmp_path / "clusters.html"
    assert run("cluster", *SAMPLES, "-f", "html", "-o", page).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<table>" in text and "群众满意度" in text
    assert "<script" not in text and "http" not in text  # self-contained
    table = run("cluster", *SAMPLES, "--min-size", "10")
    # four: 参保率 of any population is one, and so is 减轻困难群众医疗负担 (lexicons/cluster_concepts.txt,
    # test_threshold_and_min_size)
    assert table.exit_code == 0 and "群众满意度" in table.stdout and "共 4 个簇" in table.stdout


def test_missing_path_exits_2_with_one_line() -> None:
    result = run("cluster", corpus_path("004"), "no/such/file.txt", "-f", "json")
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if "no/such/file.txt" in line]
    assert json.loads(result.stdout)  # the readable file is still clustered
    assert run("cluster", "no/such/file.txt").exit_code == 2


def test_suggest_lists_what_at_least_two_peers_set() -> None:
    name = "医疗服务与保障能力提升补助资金(医疗保障服务能力提升部分)下线"
    result = run("suggest", *SAMPLES, "--project", name, "-f", "json")
    assert result.exit_code == 0, result.stderr
    (record,) = json.loads(result.stdout)
    assert (record["level2"], record["project_line"]) == ("成本指标", 3029)
    assert record["funds"] == 300000.0
    # Issue 11ah: 002's capacity-building project is the only peer that sets 会议费 / 宣传费 / 邮电费 (it was offered
    # as "会议费 ≤4万元", scaled from its 20000 of 150000 元): one project's choice is no suggestion.
    assert record["suggestions"] == []
    table = run("suggest", *SAMPLES, "--project", name)
    assert table.exit_code == 0 and "没有至少 2 个相似项目都设" in table.stdout
    result = run("suggest", *SAMPLES, "--project", name, "--level2", "数量指标", "-f", "json")
    (record,) = json.loads(result.stdout)
    first = record["suggestions"][0]
    # Three peer projects print copies (001 印制宣传资料 ≥5000份, 002 印刷数量 ≥10000份, 004 宣传资料印刷份数 ≥2万份:
    # 印刷数量 joins the other two at the threshold 0.40 of issue 13-cluster), and a fourth, 000's 医保工作经费
    # 医保政策宣传资料 ≥10000册 (the pair guide's G5 class, lexicons/cluster_concepts.txt); the middle value is offered.
    assert (first["level3"], first["value"], first["peer_projects"], first["value_peers"]) == (
        "印制宣传资料",
        "≥10000份",
        4,
        1,
    )
    assert first["sources"] == [f"{corpus_path('002')}:902:6"]
    assert all(s["peer_projects"] >= 2 for s in record["suggestions"])


def test_suggest_for_a_given_category_and_errors() -> None:
    result = run("suggest", *SAMPLES, "-p", "城乡医疗救助本级补助", "--level2", "满意度", "-f", "json")
    assert result.exit_code == 0
    (record,) = json.loads(result.stdout)
    assert record["level2"] == "服务对象满意度指标"
    # The project already measures satisfaction (群众满意度 ≥90%): the peers' 城乡医疗救助人员满意度 is the
    # same concept (lexicons/cluster_synonyms.txt), so nothing is added.
    assert record["suggestions"] == []
    table = run("suggest", *SAMPLES, "-p", "长期护理保险财政补助资金")
    # 000's other 长期护理 project was the only peer with a cost row ("长期护理人员标准（元） 67元", 000:3671): since
    # issue 11ah one project's row is no suggestion, and the table says why nothing is listed
    assert table.exit_code == 0 and "长期护理人员标准（元）" not in table.stdout
    assert "没有至少 2 个相似项目都设" in table.stdout
    assert run("suggest", *SAMPLES, "-p", "没有这个项目").exit_code == 2
    assert run("suggest", *SAMPLES, "-p", "遗属困难补助", "--level2", "不存在的指标").exit_code == 2


@pytest.mark.parametrize("command", ["cluster", "suggest"])
def test_help_is_chinese(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and ("聚" in result.stdout or "相似项目" in result.stdout)


def test_cluster_members_of_office_files_name_sheet_and_cell(tmp_path: Path) -> None:
    office = Path(__file__).resolve().parents[1] / "fixtures" / "office"
    out = tmp_path / "clusters.csv"
    result = run("cluster", office / "selfeval.xlsx", office / "selfeval.docx", "-f", "csv", "-o", out)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows and all(
        r["location"].startswith(f"{r['path']}!")
        if r["path"].endswith(".xlsx")
        else r["location"].startswith(f"{r['path']}:表")
        for r in rows
    )
    assert any(r["location"].endswith("!城乡居民医疗保险工作经费!D21") for r in rows)
