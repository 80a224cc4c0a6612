"""`kpi-lint check` end to end on the corpus: formats, exit codes, selection, config, baseline."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner, Result

from kpi_lint.cli import app
from kpi_lint.report import FIELDS
from kpi_lint.rules.registry import select_rules
from tests.corpus import corpus_path

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json"
LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>KPI\d{3}) \[(?P<sev>error|warning|info)\] (?P<msg>.+)$"
)
ERROR_LINE = re.compile(r"^kpi-lint: 错误: .+$")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Config discovery walks up from the working directory: keep the repository's out of it.
    monkeypatch.chdir(tmp_path)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, ["check", *map(str, args)])


def path(key: str) -> str:
    return str(corpus_path(key))


def json_findings(*args: str | Path) -> list[dict[str, object]]:
    result = run(*args, "--output-format", "json")
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


# ---- output formats -----------------------------------------------------------------------------------------


def test_text_output_lines_groups_and_summary() -> None:
    result = run(path("003"), path("004"), "--select", "KPI1,KPI2")
    assert result.exit_code == 1  # KPI201 is an error
    lines = result.stdout.splitlines()
    findings = [m for m in map(LINE.match, lines) if m]
    assert len(findings) > 100
    # 003's 租赁面积 717 (line 1679 of the file) lacks 平方米, with the suggestion on the next line.
    i = next(i for i, line in enumerate(lines) if ":1679:2: KPI103 [warning]" in line)
    assert ":1679:2: KPI103 [warning] 缺少计量单位：" in lines[i]  # the rule's Chinese name before the message
    assert lines[i + 1].strip() == "指标: 产出指标 / 数量指标 / 租赁面积 = 717"  # the row, as in JSON/SARIF/CSV
    assert lines[i + 2].strip() == "建议: 717平方米"
    headers = [line for line in lines if line.startswith("── ")]
    assert any("项目：城乡居民医疗保险工作经费" in h for h in headers)
    assert len(headers) == 11 + 8  # one per project with findings: every 003 table, every 004 project
    assert any(line.startswith("共发现 ") for line in lines)
    assert "检查了 2 个文件、19 个项目。" in result.stdout
    assert "--ignore" in result.stdout and "kpi-lint rule" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes


def test_json_has_exactly_the_finding_fields() -> None:
    data = json_findings(path("001"), path("003"), path("004"), "--select", "KPI1,KPI2")
    assert data and all(list(rec) == list(FIELDS) for rec in data)
    kpi204 = [r for r in data if r["code"] == "KPI204"]
    assert len(kpi204) == 1
    assert kpi204[0]["path"] == path("001") and kpi204[0]["line"] == 166 and kpi204[0]["severity"] == "error"
    assert kpi204[0]["name"] == "declared-count-mismatch"
    unit = next(r for r in data if r["code"] == "KPI103" and r["value"] == "717")
    assert unit["level3"] == "租赁面积" and unit["suggestion"] == "717平方米" and unit["level2"] == "数量指标"


def test_sarif_validates_against_the_official_schema() -> None:
    result = run(path("001"), path("003"), "--select", "KPI1,KPI2", "--output-format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
    run0 = log["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    assert {r["id"] for r in rules} == {r.code for r in select_rules(["KPI1", "KPI2"], None)}
    assert {f"KPI{n}" for n in (101, 102, 103, 104, 105, 106, 201, 202, 203, 204)} <= {r["id"] for r in rules}
    kpi201 = next(r for r in rules if r["id"] == "KPI201")
    assert kpi201["defaultConfiguration"]["level"] == "error" and "为什么不好" in kpi201["help"]["text"]
    results = run0["results"]
    assert len(results) == len(json_findings(path("001"), path("003"), "--select", "KPI1,KPI2"))
    first = next(r for r in results if r["ruleId"] == "KPI204")
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 166, "startColumn": 13}
    assert rules[first["ruleIndex"]]["id"] == "KPI204"
    filler = next(r for r in results if r["ruleId"] == "KPI203" and r["properties"]["level3"] == "环保节能")
    assert filler["properties"]["value"] == ">90" and filler["level"] == "warning"
    assert set(filler["properties"]) == {
        "project",
        "period",
        "level1",
        "level2",
        "level3",
        "value",
        "suggestion",
        "anchor",
        "count",
    }
    assert filler["properties"]["count"] == 1 and "relatedLocations" not in filler  # one place
    assert filler["properties"]["anchor"] is None  # a text file: line and column say where


def test_csv_one_row_per_finding() -> None:
    result = run(path("004"), "--select", "KPI2", "--output-format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and list(rows[0]) == list(FIELDS)
    assert [r["code"] for r in rows] == ["KPI201"] * 8
    assert rows[0]["line"] == "582" and rows[0]["value"] == "未填报" and rows[0]["suggestion"] == ""


def test_csv_to_file_has_a_bom(tmp_path: Path) -> None:
    out = tmp_path / "findings.csv"
    result = run(path("004"), "--select", "KPI201", "--output-format", "csv", "-o", out)
    assert result.exit_code == 1 and result.stdout == ""
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.decode("utf-8-sig").count("KPI201") == 8


def test_github_annotations() -> None:
    result = run(path("001"), "--select", "KPI204,KPI101", "--output-format", "github")
    lines = result.stdout.splitlines()
    assert lines and all(re.match(r"^::(error|warning|notice) file=", line) for line in lines)
    kpi204 = next(line for line in lines if "KPI204" in line)
    assert kpi204.startswith(f"::error file={path('001')},line=166,col=13,title=KPI204 declared-count-mismatch::")
    assert any(line.startswith("::warning ") and "title=KPI101 vague-target::" in line for line in lines)


def test_statistics_prints_only_the_table() -> None:
    result = run(path("004"), "--select", "KPI1,KPI2", "--statistics")
    *lines, total = result.stdout.splitlines()
    assert lines and all(re.match(r"^\s+\d+\s+KPI\d{3}\s+\S+", line) for line in lines)
    counts = {line.split()[1]: int(line.split()[0]) for line in lines}
    assert counts["KPI201"] == 8
    # each row names the rule in Chinese, then by its stable id; the last line adds them up
    assert "KPI201  缺少成本指标  missing-cost-indicator" in result.stdout
    assert re.match(r"^\s+(\d+)  合计  (\d+) 条规则  ", total)
    assert int(total.split()[0]) == sum(counts.values()) == 25 and total.split()[2] == str(len(counts))
    stats = json.loads(run(path("004"), "--select", "KPI2", "--statistics", "--output-format", "json").stdout)
    assert stats == [{"code": "KPI201", "name": "missing-cost-indicator", "count": 8, "error": 8}]


# ---- exit codes ---------------------------------------------------------------------------------------------


def test_exit_0_when_clean() -> None:
    result = run(path("002"), path("004"), "--select", "KPI204")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("没有发现问题。")


def test_exit_1_on_errors_and_fail_on_levels() -> None:
    assert run(path("001"), "--select", "KPI204").exit_code == 1
    assert run(path("001"), "--select", "KPI204", "--fail-on", "never").exit_code == 0
    # 001's vague values are warnings: they fail only from --fail-on warning down.
    assert run(path("001"), "--select", "KPI101").exit_code == 0
    assert run(path("001"), "--select", "KPI101", "--fail-on", "warning").exit_code == 1


def test_severity_filters_what_is_shown() -> None:
    shown = json_findings(path("004"), "--select", "KPI101", "--severity", "warning")
    everything = json_findings(path("004"), "--select", "KPI101")
    assert {r["severity"] for r in everything} == {"warning", "info"}
    assert {r["severity"] for r in shown} == {"warning"} and len(shown) < len(everything)


def test_bad_inputs_are_reported_one_line_each_and_skipped(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    result = run(missing, path("001"), empty, "--select", "KPI204")
    assert result.exit_code == 2  # input errors win over findings
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and all(ERROR_LINE.match(line) for line in errors)
    assert "missing.txt" in errors[0] and "empty.txt" in errors[1]
    assert "Traceback" not in result.stderr + result.stdout
    # The good file was still checked.
    assert ":166:13: KPI204 [error]" in result.stdout
    assert "1 个文件无法读取" not in result.stdout and "2 个文件无法读取" in result.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--select", "KPI9"], "--select KPI9"),
        (["--ignore", "XYZ"], "--ignore XYZ"),
        (["--lexicons", "no-such-dir"], "词表目录不存在"),
        (["--baseline", "no-such.json"], "基线文件不存在"),
        (["--flag-label", "vague"], "--flag-label"),
        (["--model", "no-such.skops"], "模型文件不存在"),
        (["--config", "no-such.toml"], "配置文件不存在"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], needle: str) -> None:
    result = run(path("001"), *args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and needle in result.stderr
    assert result.stdout == ""


# ---- selection ----------------------------------------------------------------------------------------------


def test_select_and_ignore_by_prefix() -> None:
    codes = {r["code"] for r in json_findings(path("003"), path("004"), "--select", "KPI2")}
    assert codes == {"KPI201", "KPI203", "KPI205"}  # KPI205: 003's goals still read "1.目标内容1…"
    codes = {r["code"] for r in json_findings(path("003"), "--select", "KPI1", "--ignore", "KPI103")}
    assert codes == {"KPI102", "KPI107", "KPI109"}  # 依据 "合同" on every row; "是否全部救助 ≥90"
    codes = {r["code"] for r in json_findings(path("003"), "--select", "KPI1,KPI203", "--select", "KPI201")}
    assert codes == {"KPI102", "KPI103", "KPI107", "KPI109", "KPI201", "KPI203"}


# ---- configuration ------------------------------------------------------------------------------------------


def test_config_discovered_upward_and_cli_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kpi-lint.toml").write_text('select = ["KPI203"]\n[severity]\nKPI203 = "info"\n', encoding="utf-8")
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    data = json_findings(path("003"))
    assert {r["code"] for r in data} == {"KPI203"} and {r["severity"] for r in data} == {"info"}
    # The override made every finding info: nothing fails at the default --fail-on error.
    assert run(path("003")).exit_code == 0
    # Command-line flags win over the file.
    assert {r["code"] for r in json_findings(path("003"), "--select", "KPI201")} == {"KPI201"}
    assert json_findings(path("003"), "--severity", "warning") == []


def test_pyproject_table_and_rule_options(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.kpi-lint]\nselect = "KPI102"\nfail-on = "warning"\n\n'
        "[tool.kpi-lint.rules.KPI102]\nshare = 0.95\n\n[tool.kpi-lint.score]\nweights = {a = 1}\n",
        encoding="utf-8",
    )
    # share 0.95: tables with 7 of 8 rows "≥95" are no longer templates; the 8-of-8 and 9-of-9 ones still are.
    data = json_findings(path("003"))
    templated = {r["project"] for r in data if "填满了" in str(r["message"])}
    assert len(templated) == 4
    assert run(path("003")).exit_code == 1  # fail-on warning from the file
    assert run(path("003"), "--fail-on", "error").exit_code == 0  # the flag wins


def test_explicit_config_and_lexicons_relative_to_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_LINT_MODELS", str(tmp_path / "no-models"))  # the lexicon alone decides KPI101
    lexicons = tmp_path / "conf" / "lex"
    lexicons.mkdir(parents=True)
    # A reviewer who does not consider 保障 vague removes it from their copy of the list.
    bundled = (Path(__file__).resolve().parents[2] / "lexicons" / "vague_words.txt").read_text(encoding="utf-8")
    (lexicons / "vague_words.txt").write_text(bundled.replace("\n保障\n", "\n"), encoding="utf-8")
    config = tmp_path / "conf" / "team.toml"
    config.write_text('select = ["KPI101"]\nlexicons = "lex"\n', encoding="utf-8")
    with_default = {r["value"] for r in json_findings(path("004"), "--select", "KPI101")}
    with_team = {r["value"] for r in json_findings(path("004"), "--config", config)}
    assert "保障" in with_default and "保障" not in with_team and "提高" in with_team


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("select = [1, 2]\n", "select"),
        ('severity = "loud"\n', "severity"),
        ('fail-on = "sometimes"\n', "fail-on"),
        ('colour = "red"\n', "未知配置项 colour"),
        ("[rules.KPI999]\nx = 1\n", "KPI999"),
        ("[rules.KPI102]\nshares = 0.5\n", "shares"),
        ('[rules.KPI102]\nshare = "half"\n', "share"),
        ("select = [\n", "TOML"),
    ],
)
def test_bad_config_exit_2_with_one_line(tmp_path: Path, text: str, needle: str) -> None:
    (tmp_path / "kpi-lint.toml").write_text(text, encoding="utf-8")
    result = run(path("001"))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and needle in result.stderr and "kpi-lint.toml" in result.stderr


# ---- baseline -----------------------------------------------------------------------------------------------


def test_baseline_round_trip_survives_line_shifts(tmp_path: Path) -> None:
    copy = tmp_path / corpus_path("003").name
    shutil.copy(corpus_path("003"), copy)
    baseline = tmp_path / "baseline.json"
    written = run(copy, "--select", "KPI1,KPI2", "--write-baseline", baseline)
    assert written.exit_code == 0 and "写入基线" in written.stderr
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert entries and all("line" not in e for e in entries)
    assert sum(e["count"] for e in entries) == len(json_findings(copy, "--select", "KPI1,KPI2"))

    clean = run(copy, "--select", "KPI1,KPI2", "--baseline", baseline)
    assert clean.exit_code == 0 and clean.stdout.startswith("没有发现问题")

    # Lines added above every table shift all line numbers: the baseline still holds.
    text = copy.read_text(encoding="utf-8")
    copy.write_text("说明\n补充说明\n" + text, encoding="utf-8")
    assert json_findings(copy, "--select", "KPI1,KPI2", "--baseline", baseline) == []

    # A changed value is a new finding.
    copy.write_text(text.replace("\t717\n", "\t718\n", 1), encoding="utf-8")
    new = json_findings(copy, "--select", "KPI1,KPI2", "--baseline", baseline)
    assert [(r["code"], r["level3"], r["value"]) for r in new] == [("KPI103", "租赁面积", "718")]


def test_corrupt_baseline_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "b.json"
    bad.write_text('{"findings": 3}', encoding="utf-8")
    result = run(path("001"), "--baseline", bad)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1 and "基线" in result.stderr


# ---- explain ------------------------------------------------------------------------------------------------


def test_explain_shows_peer_evidence() -> None:
    # The peer index compares the corpus with itself: 002 sets rates laxer than the other counties.
    corpus = [path(k) for k in ("000", "001", "002", "003", "004")]
    plain = run(*corpus, "--select", "KPI105")
    explained = run(*corpus, "--select", "KPI105", "--explain")
    assert "明显低于同类指标" in plain.stdout and "依据:" not in plain.stdout
    lines = explained.stdout.splitlines()
    peers = [i for i, line in enumerate(lines) if "KPI105 [info]" in line and "明显低于同类指标" in line]
    assert peers and all(path("002") in lines[i] for i in peers)
    for i in peers:
        evidence = lines[i + 3].strip()
        median = re.search(r"中位数 (\d+(?:\.\d+)?)%", evidence)
        assert evidence.startswith("依据: 同类指标：") and median
        assert lines[i + 1].strip().startswith("指标: ")
        assert lines[i + 2].strip() == f"建议: ≥{median.group(1)}%"


SHIPPED_VAGUENESS = Path(__file__).resolve().parents[2] / "models" / "vagueness.skops"


@pytest.mark.skipif(not SHIPPED_VAGUENESS.is_file(), reason="no vagueness model shipped in models/")
def test_explain_shows_lexicon_and_model_votes() -> None:
    result = run(path("000"), path("001"), path("002"), path("004"), "--select", "KPI101", "--explain")
    lines = result.stdout.splitlines()
    findings = [i for i, line in enumerate(lines) if LINE.match(line)]
    # Every KPI101 finding carries the model's vote on one of the (at most three) lines under it.
    under = [[x.strip() for x in lines[i + 1 : i + 4] if x.strip().startswith("依据:")] for i in findings]
    assert findings and all(len(e) == 1 for e in under)
    evidence = [e[0] for e in under]
    assert any(e.startswith("依据: 词表与模型一致：含糊") for e in evidence)
    for i, e in zip(findings, evidence, strict=True):
        if "未命中含糊词" in e:  # flagged by the model alone
            assert "分类模型判断它没有可核查的内容" in lines[i] and "[error]" not in lines[i]


# ---- input problems in machine outputs -------------------------------------------------------------------


@pytest.fixture
def no_table(tmp_path: Path) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text("关于公开2023年部门预算的说明\n本单位无项目支出绩效目标。\n", encoding="utf-8")
    return path


OFFICE = Path(__file__).resolve().parent.parent / "fixtures" / "office"


def test_an_unreadable_file_is_recorded_in_json_csv_and_sarif(no_table: Path) -> None:
    result = run(no_table, path("003"), "--output-format", "json")
    assert result.exit_code == 2
    records = json.loads(result.stdout)
    (problem,) = [r for r in records if r["code"] == "KPI000"]
    assert problem["path"].endswith("notice.txt")
    assert "没有找到可解析的绩效目标表" in problem["message"]
    assert any(r["code"] != "KPI000" and r["path"].endswith("003_b1a61ad47589d812.txt") for r in records)
    csv_rows = list(csv.DictReader(io.StringIO(run(no_table, "--output-format", "csv").stdout)))
    assert [r["code"] for r in csv_rows] == ["KPI000"]
    log = json.loads(run(no_table, path("003"), "--output-format", "sarif").stdout)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("notice.txt")
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)


def test_findings_in_office_files_name_page_sheet_and_cell() -> None:
    pdf = json_findings(OFFICE / "selfeval.pdf", "--select", "KPI501")
    assert pdf and all(str(f["anchor"]).startswith("页") for f in pdf)
    xlsx = run(OFFICE / "selfeval.xlsx", "--select", "KPI501")
    assert re.search(r"selfeval\.xlsx!\S+![A-Z]+\d+: KPI501", xlsx.stdout)


def test_a_run_that_read_no_file_never_says_no_problems(no_table: Path) -> None:
    result = run(no_table)
    assert result.exit_code == 2
    assert "没有发现问题" not in result.stdout and "没有读到任何文件" in result.stdout


def test_a_run_that_read_no_indicator_row_never_says_no_problems() -> None:
    # Wild n08: a self-evaluation pressed onto one line whose names and figures are out of order; the reader
    # marks the project garbled and reads none of its rows. Nothing was checked: not "没有发现问题", exit 2.
    garbled = Path(__file__).resolve().parents[2] / "corpus" / "wild" / "n08_unknown_commerce_selfeval_pdf.txt"
    result = run(garbled, "--no-cache")
    assert result.exit_code == 2
    assert "没有发现问题" not in result.stdout
    assert "没有读到任何指标行，未做检查（检查了 1 个文件、1 个项目，0 条指标）" in result.stdout
    assert "n08_unknown_commerce_selfeval_pdf.txt:2:273: 项目“2020”的指标表原文错乱" in result.stderr
    # With a readable file beside it, the run checks that one and says what it found as usual.
    both = run(garbled, path("003"), "--no-cache")
    assert both.exit_code == 1 and "共发现" in both.stdout
