"""The review page (`check --output-format html`): structure read with lxml on real documents, and the CLI wiring.

The browser side (it loads cleanly, the filter works, it prints on A4) is tests/report/test_review_page_browser.py.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest
from lxml import html as lxml_html
from lxml.html import HtmlElement
from typer.testing import CliRunner

from kpi_lint.cli import app
from kpi_lint.report import FIELDS
from kpi_lint.report.headers import FIELD_LABELS_ZH
from kpi_lint.report.review_page import INDEX_NAME, write_review_pages
from kpi_lint.score.present import scorecard_names, shown_path
from tests.corpus import corpus_path
from tests.report.review_inputs import OFFICE_SELFEVAL, WILD, samples, wild

POSITION = re.compile(r"^.+(:\d+:\d+|![^!]+![A-Z]+\d+)$")  # path:line:col, or path!Sheet!C12 of a workbook


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review")
    docs, findings = samples()
    write_review_pages(out, docs, findings)
    return out


def _load(path: Path) -> HtmlElement:
    return lxml_html.fromstring(path.read_text(encoding="utf-8"))


def _page_of(pages: Path, key: str) -> HtmlElement:
    docs, _ = samples()
    return _load(pages / scorecard_names(docs, ".html")[str(corpus_path(key))])


def test_a_page_per_document_and_an_index(pages: Path) -> None:
    docs, findings = samples()
    names = scorecard_names(docs, ".html")
    assert sorted(p.name for p in pages.iterdir()) == sorted([INDEX_NAME, *names.values()])
    index = _load(pages / INDEX_NAME)
    links = index.xpath("//table[@class='documents']//a/@href")
    assert links == [names[d.path] for d in docs]
    assert f"{len(findings)} 条问题" in index.text_content()


def test_tables_as_printed_with_problem_cells_linked_to_findings_both_ways(pages: Path) -> None:
    docs, findings = samples()
    doc = next(d for d in docs if d.path == str(corpus_path("002")))
    page = _page_of(pages, "002")
    sections = page.xpath("//section[@class='project']")
    assert [s.xpath("string(h2)") for s in sections] == [p.name for p in doc.projects]
    first = sections[0]
    assert first.xpath("string(.//p[@class='meta'])").startswith("申报表")
    heads = first.xpath(".//table[@class='indicators']/thead//th/text()")
    assert heads == ["位置", "期间", "一级指标", "二级指标", "三级指标", "指标值"]
    rows = first.xpath(".//table[@class='indicators']/tbody/tr")
    assert len(rows) == len(doc.projects[0].indicators) == 25
    # the first row's 三级指标 carries KPI410 (实施期 6 rows against 年度 19)
    assert [td.text_content() for td in rows[0]] == [
        "900:1",
        "实施期",
        "产出指标",
        "数量指标",
        "召开医保工作政府信息工作会KPI410",
        "≥2次",
    ]
    # 年度 row at line 900: the cut-off 三级指标 is highlighted, carries its code, and links to its finding
    (cut,) = first.xpath(
        ".//td[contains(@class,'problem')][starts-with(normalize-space(.), '召开医保工作政府信')][string(sup)='KPI305']"
    )
    assert "warning" in cut.get("class") and cut.xpath("string(sup)") == "KPI305"
    (finding_id,) = cut.get("data-findings").split()
    assert cut.xpath("sup/a/@href") == [f"#{finding_id}"]
    (item,) = page.xpath(f"//li[@id='{finding_id}']")
    assert item.get("data-code") == "KPI305" and item.get("data-severity") == "warning"
    assert item.xpath("string(.//span[@class='title'])") == "文字被截断"
    assert item.xpath("string(.//span[@class='loc'])").endswith("002_308b9423603d240b.txt:900:18")
    assert item.xpath(".//a[contains(@class,'to-cell')]/@href") == [f"#{cut.get('id')}"]
    # every problem cell's findings exist, and every finding with a cell links to one that exists
    ids = set(page.xpath("//@id"))
    for cell in page.xpath("//td[contains(@class,'problem')]"):
        assert set(cell.get("data-findings").split()) <= ids
    for href in page.xpath("//a[contains(@class,'to-cell')]/@href"):
        assert href[1:] in ids
    # every finding of the document is on its page once, each with its position
    mine = [f for f in findings if f.path == doc.path]
    items = page.xpath("//li[contains(@class,'finding')]")
    # 40: the rules stay silent on the cells KPI305 reports cut (issue 11, one defect, one finding);
    # plus KPI410 ×2 and KPI409 (单位人员满意度)
    assert len(items) == len(mine) == 43
    assert all(POSITION.match(i.xpath("string(.//span[@class='loc'])")) for i in items)


def test_filter_lists_rules_and_severities_and_page_is_self_contained(pages: Path) -> None:
    docs, findings = samples()
    page = _page_of(pages, "003")
    mine = [f for f in findings if f.path == str(corpus_path("003"))]
    form = page.xpath("//form[contains(@class,'filters')]")[0]
    assert form.get("hidden") is not None  # shown by the script only: without script the page shows everything
    assert sorted(form.xpath(".//input[@name='code']/@value")) == sorted({f.code for f in mine})
    assert set(form.xpath(".//input[@name='severity']/@value")) == {f.severity.value for f in mine}
    labels = " ".join(form.xpath(".//label/text()"))
    assert "KPI102" in form.text_content() and "目标值千篇一律" in labels + form.text_content()
    # nothing to fetch: no stylesheet link, no script or image source, no web address
    assert page.xpath("//link | //script[@src] | //img | //iframe") == []
    assert not re.search(r"https?://", (pages / scorecard_names(docs, ".html")[str(corpus_path("003"))]).read_text())
    assert "@media print" in page.xpath("string(//style)")


def test_wild_and_excel_documents_on_one_page(tmp_path: Path) -> None:
    docs, findings = wild()
    out = tmp_path / "审核.html"
    (written,) = write_review_pages(out, docs, findings)
    page = _load(written)
    assert [a.get("data-path") for a in page.xpath("//article[@class='document']")] == [d.path for d in docs]
    # the Excel 自评表: positions are the source workbook's sheet!cell, on the findings and the cells
    (score_cell,) = page.xpath("//td[contains(@title, '城乡居民医疗保险工作经费!H12')]")
    assert "error" in score_cell.get("class") and score_cell.xpath("string(sup)") == "KPI501"
    locs = page.xpath("//li[@data-code='KPI501']//span[@class='loc']/text()")
    assert locs == [f"{shown_path(str(OFFICE_SELFEVAL))}!城乡居民医疗保险工作经费!H12"]
    heads = page.xpath("//article[3]//section[1]//table[@class='indicators']/thead//th/text()")
    assert heads == ["位置", "一级指标", "二级指标", "三级指标", "年初指标值", "实际完成值", "分值", "得分", "偏差原因"]
    # a finding about the project as a whole says so, and has no cell to link to
    (total,) = page.xpath("//li[@data-code='KPI201']")
    assert "项目层面" in total.text_content() and not total.xpath(".//a[contains(@class,'to-cell')]")
    assert total.xpath("string(.//span[@class='loc'])") == f"{shown_path(str(WILD[0]))}:7:14"


# ---- CLI -----------------------------------------------------------------------------------------------------


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # keep the repository's configuration out of the run
    return tmp_path


def test_cli_writes_review_page_and_workbook_and_says_so(in_tmp: Path) -> None:
    path = str(WILD[1])
    result = CliRunner().invoke(app, ["check", path, "--output-format", "html", "-o", "页.html"])
    assert result.exit_code == 0, result.stderr  # warnings only: the default --fail-on is error
    # 3: a01's "补贴期限 2020.1.1-2020.12.31" is a dated period, no longer a KPI104 (finding_review)
    assert "已写入审核页 页.html（3 条问题）" in result.stderr
    assert (in_tmp / "页.html").read_text(encoding="utf-8").count('class="finding ') == 3
    result = CliRunner().invoke(app, ["check", path, "--output-format", "xlsx", "-o", "结果.xlsx"])
    assert result.exit_code == 0 and "已写入工作簿 结果.xlsx（3 条问题）" in result.stderr
    assert (in_tmp / "结果.xlsx").read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("fmt", ["xlsx", "html"])
def test_cli_without_output_file_is_a_usage_error(in_tmp: Path, fmt: str) -> None:
    result = CliRunner().invoke(app, ["check", str(WILD[1]), "--output-format", fmt])
    assert result.exit_code == 2
    assert result.stderr.startswith("kpi-lint: 错误: ") and "-o" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_csv_headers_english_by_default_chinese_on_request(in_tmp: Path) -> None:
    path = str(WILD[0])
    english = CliRunner().invoke(app, ["check", path, "--output-format", "csv"]).stdout
    assert english.splitlines()[0] == ",".join(FIELDS)  # what scripts already read
    chinese = CliRunner().invoke(app, ["check", path, "--output-format", "csv", "--header", "zh"]).stdout
    rows = list(csv.DictReader(io.StringIO(chinese)))
    assert list(rows[0])[:5] == ["规则代码", "规则名称", "规则标识", "级别", "问题"]
    (total,) = [r for r in rows if r["规则代码"] == "KPI201"]
    assert total["规则名称"] == "缺少成本指标" and total["级别"] == "错误"
    assert (total["行"], total["列"]) == ("7", "14")
    assert {r["级别"] for r in rows} <= {"错误", "警告", "提示"}


def test_parse_csv_in_chinese_names_value_kinds_in_chinese(in_tmp: Path) -> None:
    result = CliRunner().invoke(app, ["parse", str(corpus_path("004")), "--format", "csv", "--header", "zh"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert set(FIELD_LABELS_ZH[k] for k in ("level1", "level3", "value", "kind", "line")) <= set(rows[0])
    first = rows[0]
    assert (first["三级指标"], first["指标值"], first["值类型"], first["行"]) == (
        "宣传资料印刷份数",
        "≥2万份",
        "数量",
        "576",
    )
    kinds = {r["值类型"] for r in rows}
    assert "百分比" in kinds and "percent" not in kinds
    english = CliRunner().invoke(app, ["parse", str(corpus_path("004")), "--format", "csv"]).stdout
    assert english.splitlines()[0].startswith("path,project,form,period,level1")
    assert ",percent," in english


def test_score_csv_headers_in_chinese(in_tmp: Path) -> None:
    result = CliRunner().invoke(app, ["score", str(corpus_path("004")), "--format", "csv", "--header", "zh"])
    header = result.stdout.splitlines()[0]
    assert header.startswith("名次,文件,行,项目,表,目标质量分,等级,无法评分原因,完整性,可衡量性,相关性与合理性,一致性")
    result = CliRunner().invoke(app, ["score", str(corpus_path("004")), "--format", "xlsx", "-o", "评分.xlsx"])
    assert result.exit_code == 0 and "已写入评分工作簿 评分.xlsx（8 个项目）" in result.stderr


def test_an_unreadable_file_is_recorded_in_the_page_and_the_workbook(in_tmp: Path) -> None:
    (in_tmp / "坏文件.pdf").write_bytes(b"not a pdf at all")
    inputs = [str(WILD[1]), "坏文件.pdf"]
    result = CliRunner().invoke(app, ["check", *inputs, "--output-format", "html", "-o", "审核"])
    assert result.exit_code == 2  # the other file is still checked and written
    assert next(line for line in result.stderr.splitlines() if "错误" in line).startswith("kpi-lint: 错误: 坏文件.pdf")
    index = _load(in_tmp / "审核" / INDEX_NAME)
    (problem,) = index.xpath("//li[@class='problem-input']")
    assert "KPI000" in problem.text_content() and problem.xpath("string(span[@class='loc'])") == "坏文件.pdf:1:1"
    assert len(index.xpath("//table[@class='documents']/tbody/tr")) == 1
    result = CliRunner().invoke(app, ["check", *inputs, "--output-format", "xlsx", "-o", "审核.xlsx"])
    assert result.exit_code == 2
    rows = [[c.value for c in r] for r in openpyxl.load_workbook(in_tmp / "审核.xlsx")["问题清单"].iter_rows()]
    (bad,) = [r for r in rows if r[0] == "KPI000"]
    assert bad[1:4] == ["输入错误", "错误", "坏文件.pdf:1:1"]
    assert len(rows) == 1 + 3 + 1
