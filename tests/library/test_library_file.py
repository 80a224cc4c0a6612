"""`kpi-lint library` on the samples + wild set: written as xlsx, read back, every figure traceable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kpi_lint.cli import app
from kpi_lint.library.files import read_library, write_library
from kpi_lint.library.model import Library, LibraryError
from kpi_lint.read.script import simplify
from kpi_lint.vocab import squash
from tests.corpus import CORPUS_DIR, ROOT


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The library command run as a user would, over the samples and the wild folder."""
    out = tmp_path_factory.mktemp("library") / "指标库.xlsx"
    result = CliRunner().invoke(
        app, ["library", *map(str, sorted(CORPUS_DIR.glob("*.txt"))), str(CORPUS_DIR / "wild"), "-o", str(out)]
    )
    # Exit 2: three wild excerpts break off mid-table (reported); the library is written all the same.
    assert result.exit_code == 2, result.output
    assert out.is_file()
    return out


def _rows(path: Path, sheet: str) -> list[dict[str, object]]:
    book = load_workbook(path, read_only=True)
    rows = list(book[sheet].iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_workbook_sheets_and_chinese_headers(workbook_path: Path) -> None:
    book = load_workbook(workbook_path, read_only=True)
    assert book.sheetnames == ["说明", "指标库", "名称", "指标值范围", "出处"]
    header = [c.value for c in next(book["指标库"].iter_rows(max_row=1))]
    assert header[:6] == ["概念编号", "标准名称", "二级指标", "使用名称", "计量单位", "指标值分布"]


def test_satisfaction_is_the_largest_concept(workbook_path: Path) -> None:
    first = _rows(workbook_path, "指标库")[0]
    assert first["标准名称"] == "群众满意度"
    assert first["二级指标"] == "服务对象满意度指标"
    # 40, and g08, j01, j11 since the reader reads glued and headerless rows; 44 with batch k (held out):
    # k07's 改善通行服务水平群众满意度 (read with its glued scores, no value); 46 with batch l (held out):
    # l01's 周围群众满意度 and l02's 满意度; 47 with g04's 服务对象或受益者满意度指标, read since two-level
    # tables (指标类型 | 指标名称 | 指标值) are; 48 with l07's 滿意度 (a page in traditional characters);
    # 49 with j09's 演出人员满意度, read since a header's "分值得分" is split into its two columns;
    # 50 with batch m (held out): m06's 师生对仪器购置的满意度 / 师生对实验室改造满意度 (南开大学, one unit);
    # 51 with e02's 市民满意度调查, read since the form's footnotes glued after it are cut off;
    # 54 with batch n (held out): n02's 群众满意度 (黄石住建), n04's 满意度(%) (施甸农业农村),
    # n07's 退捕渔民抽样调查满意度 (a district 农业科); 56 with g09's 职工满意度 and batch o's (held out)
    # 受益贫困人口满意度 (o02), read since targets listed in sentences with no table are; 57 with batch q's (held
    # out when added) 受益贫困人口满意度 (q01, a 抚远 water office's report, read since labelled prose lists are);
    # 59 with batch r's (held out when added) 教师满意度 / 学生满意度 (r02, 黄石三中) and the three 满意度 rows of
    # r05 (a Sichuan county's 普惠金融 self-evaluation, glued); 60 with f05's 服务对象满意度% (嘉峪关 博物馆), read
    # since a label printed twice before a bare target is its name; 61 with batch s's (held out when added)
    # 参培学员满意度 (s01, a 吕梁 nursing-training self-evaluation read from OCR'd |-rows); 62 with p02's 是否满意
    # (稷山 医保, a sheet flattened onto one line, paired by order: kpi_lint.parse.flat_table); 63 with s03's
    # 服务对象满意度≥80% (施甸 糖料蔗 report, read since a category label followed by its target names a prose item);
    # 64 with batch t's (held out when added) *资产入股贫困人口满意度( ≥**% ) (t03, 南岳镇 资产收益扶贫 申报表);
    # 67 with batch u's (train, issue 9) 项目区群众满意度 (u02, 牟定 交通), 提升周边居民满意度 (u03, 东丽 道路,
    # a worded statement) and 服务对象满意度 (u04, 红河二院), read since report prose lists are; 68 with batch w's
    # (held out when added) 申报定向费用补贴金融机构满意度 (w04, 汉阴 普惠金融 区域目标表); 70 since 满意程度 is 满意度
    # (issue 13-cluster2, lexicons/cluster_synonyms.txt): f03's 项目受益人满意程度 (淮北市文化旅游体育局) and u01's
    # 职工对个税办理工作的满意程度 (c01 / l02's 市民对空气质量改善的满意程度 come from units already counted); 71 with
    # l04's 救助对象对救助工作满意度 (邯郸 民政, read since grade-tier tables are: wild-misses).
    assert first["使用单位数"] == 71
    # 服务对象满意度 ×7 with u04, level with 满意率 ×7 and listed first.
    assert str(first["使用名称"]).startswith("群众满意度×11、服务对象满意度×7、满意率×7、城乡医疗救助人员满意度×6")
    ranges = [r for r in _rows(workbook_path, "指标值范围") if r["概念编号"] == 1]
    percent = next(r for r in ranges if r["计量单位"] == "%")
    # 69 with b01's "干警满意度 ≥95百分比", a percentage since 百分比 is a percent unit (units.txt);
    # 73 with batch i's 法院 and 教育 satisfaction targets (i01, i03, i04);
    # 78 with batch j's (held out; counts move when the reader reads batch j differently);
    # 82 with g08, j01, j11, j12, read since the reader cuts prose lists, glued rows and split targets;
    # 84 with batch l (held out): l01's 周围群众满意度 ≥90% and l02's 满意度 90% (no sign); 85 with g04's ≥95%;
    # 86 with l07's ≥95%; 87 with j09's 100% (no sign); 89 with batch m (held out): m06's two ≥95%;
    # 90 with b08's ">=95%(百分比)", read since an explanation before a sign-led target is left out;
    # 91 with e02's "290%" (an OCR'd "≥90%", printed so): the highest, shown with its place for the
    # reviewer who curates the range; 92 with batch n (held out): n07's 90% (no sign); 94 with g09's ≥90%
    # and o02's ≥96%; 95 with q01's ≥100%; 100 with batch r's r02 (≥95% twice) and r05 (≥80% three times); 101 with
    # f05's "=99百分比" (read with the next form's title glued after it, "=99百分比省级部门预算项目支出": the preview
    # runs two forms together); 102 with batch s's s01 (95%及以上, held out when added); 104 with f06's ">=90%" and
    # p02's "95%" (no sign), tables flattened onto one line read by order since kpi_lint.parse.flat_table; 105 with
    # s03's ≥80%; 106 with batch t's t03 (">=95%", held out when added); 108 with batch u's u02 (≥95%) and u04
    # (≥80%, train); 109 with batch w's w04 (≥80%, held out when added: the same 普惠金融 survey of the financial
    # institutions as r05's); 113 with the 满意程度 rows (issue 13-cluster2): c01's ≥85%, l02's 85% (no sign), f03's
    # ≥90%, u01's ≧90%; 114 with l04's 85% (its 优 standard, read since grade-tier tables are: wild-misses).
    assert (percent["条数"], percent["最小值"], percent["中位数"], percent["最大值"]) == (114, 80, 95, 290)
    assert (
        percent["比较符"] == "≥×100、无×13、=×1"
    )  # l04's 85% has no sign; s01's 及以上, t03's ASCII >= and u01's ≧ read as ≥
    # The lowest satisfaction target was 002's 救助对象满意度 ≥85% until batch r: r05's ≥80% (a satisfaction survey
    # of the financial institutions that apply for the subsidy).
    assert str(percent["最小值位置"]).endswith("r05_sichuan_inclusivefinance_regional_selfeval_glued.txt:1:539")


def test_awareness_rate_concept(workbook_path: Path) -> None:
    row = next(r for r in _rows(workbook_path, "指标库") if r["标准名称"] == "政策知晓率")
    assert row["二级指标"] == "社会效益指标"
    # Batch j adds j04's 政策知晓率 ≥90% (under 服务对象满意度指标); n09's 各类人才对我市人才政策的知晓率
    # ≥95% (filed under 质量指标), read since glued rows end before the report's next section.
    assert row["二级指标分布"] == "社会效益指标×11、服务对象满意度指标×5、质量指标×1"
    assert row["指标值分布"] == "%：80–100（中位 90，15 条）"
    names = {r["名称"]: r["次数"] for r in _rows(workbook_path, "名称") if r["概念编号"] == row["概念编号"]}
    assert names["政策知晓率"] == 6 and names["医保重要政策知晓率"] == 2


def test_every_occurrence_points_at_its_printed_cell(workbook_path: Path) -> None:
    """Each 出处 position of a text file is where the 三级指标 is printed (numbering "指标1:" aside)."""
    rows = _rows(workbook_path, "出处")
    assert len(rows) > 1000
    files: dict[str, list[str]] = {}
    for row in rows:
        match = re.fullmatch(r"(.*):(\d+):(\d+)", str(row["位置"]))
        assert match, row["位置"]
        path = Path(match[1]) if Path(match[1]).is_absolute() else ROOT / match[1]
        lines = files.setdefault(match[1], path.read_text(encoding="utf-8").splitlines())
        name = squash(str(row["三级指标"]))
        start = int(match[3]) - 1
        # ★ and * mark core indicators; the library keeps the name without them.  A page printed in
        # traditional characters (i06) is read as simplified.
        printed = simplify([lines[int(match[2]) - 1][start : start + len(name) + 24]]).lines[0]
        window = re.sub(r"[★☆*＊▲△]", "", squash(printed))
        assert name[:2] in window, (row["位置"], name, window)


def test_read_back_equals_what_was_built(workbook_path: Path, library: Library) -> None:
    back = read_library(workbook_path)
    assert len(back.concepts) == len(library.concepts)
    for built, read in zip(library.concepts, back.concepts, strict=True):
        assert (read.id, read.name, read.level2) == (built.id, built.name, built.level2)
        assert read.names == built.names
        # Bounds are floats (46.16万元 is 461599.99999999994 once scaled, and a workbook keeps 15 digits): compared
        # to within rounding, never exactly.
        assert [(r.unit, r.count) for r in read.ranges] == [(r.unit, r.count) for r in built.ranges]
        assert [(r.low, r.high) for r in read.ranges] == [
            (pytest.approx(r.low), pytest.approx(r.high)) for r in built.ranges
        ]
        assert len(read.occurrences) == len(built.occurrences)


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_json_and_csv_round_trip(tmp_path: Path, library: Library, suffix: str) -> None:
    out = tmp_path / f"指标库{suffix}"
    write_library(library, out)
    back = read_library(out)
    by_name = {c.name: c for c in back.concepts}
    awareness = by_name["政策知晓率"]
    assert awareness.level2 == "社会效益指标"
    (percent,) = awareness.ranges
    assert (percent.unit, percent.count, percent.low, percent.median, percent.high) == ("%", 15, 80, 90, 100)
    assert sum(c.rows for c in back.concepts) == sum(c.rows for c in library.concepts)


def test_a_hand_edited_workbook_reads_back(tmp_path: Path, workbook_path: Path) -> None:
    """A reviewer narrows the satisfaction range, renames a concept and deletes a name."""
    from openpyxl import load_workbook as open_for_edit

    book = open_for_edit(workbook_path)
    ranges = book["指标值范围"]
    ranges["F2"], ranges["H2"] = 90, 99  # 最小值, 最大值 of 群众满意度 %
    book["指标库"]["B2"] = "服务对象满意度"
    names = book["名称"]
    names.delete_rows(4)  # 满意率 (row 3 is 服务对象满意度 since batch u: both ×7)
    edited = tmp_path / "审定指标库.xlsx"
    book.save(edited)
    back = read_library(edited)
    first = back.concepts[0]
    assert first.name == "服务对象满意度"
    assert "满意率" not in {n.name for n in first.names} and "服务对象满意度" in {n.name for n in first.names}
    percent = first.range_for("%")
    assert percent is not None and (percent.low, percent.high) == (90, 99)


def test_a_bad_library_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "指标库.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(LibraryError) as info:
        read_library(bad)
    assert str(info.value).startswith(f"{bad}: 无法读取指标库") and "\n" not in str(info.value)
    missing = tmp_path / "无.json"
    with pytest.raises(LibraryError, match="指标库文件不存在"):
        read_library(missing)


def test_library_command_rejects_an_unknown_suffix(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["library", str(CORPUS_DIR / "004_df5b1921bc2e3ce3.txt"), "-o", str(tmp_path / "lib.txt")]
    )
    assert result.exit_code == 2
    assert "指标库文件应为 .xlsx、.csv、.json 之一" in result.output
