"""A page converted to traditional characters (with pinyin glosses) reads as the simplified it was."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.parse import parse
from kpi_lint.read import read_source
from kpi_lint.read.script import is_traditional, simplify
from tests.corpus import CORPUS_DIR

WILD = CORPUS_DIR / "wild"
I06 = WILD / "i06_guangdong_edu_target_traditional.txt"


def test_a_mirror_page_in_traditional_characters_reads_its_rows() -> None:
    doc = parse(I06)
    rows = [(i.level2, i.level3, i.value) for i in doc.indicators]
    assert rows == [
        ("数量指标", "中等职业学校国家助学金应受助学生数", "100%"),
        ("数量指标", "中职免学费应受助学生数", "100%"),
    ]


def test_positions_stay_those_of_the_printed_text() -> None:
    printed = I06.read_text(encoding="utf-8").split("\n")
    first = parse(I06).indicators[0]
    line = printed[first.line - 1]
    # The glosses "(yè)", "(xué)" … before the cells were taken out; the columns are the printed ones.
    assert line[first.column - 1 :].startswith("中等職業(yè)學(xué)校")
    _, column = first.span("value")
    assert line[column - 1 :].startswith("100%")


def test_glosses_are_taken_out_and_columns_mapped_back() -> None:
    out = simplify(["績效目標(biāo)表 | 數(shù)量指標(biāo)"])
    assert out.lines == ["绩效目标表 | 数量指标"]
    columns = out.origins[0]
    assert columns[out.lines[0].index("数量")] == "績效目標(biāo)表 | 數(shù)量指標(biāo)".index("數(shù)量")


def test_simplified_disclosures_are_left_alone() -> None:
    for path in [*sorted(CORPUS_DIR.glob("*.txt")), *sorted(WILD.glob("[a-h][0-9]*.txt"))]:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not is_traditional(text), path.name
        src = read_source(path)
        assert src.origins == {}


def test_an_html_table_in_traditional_characters(tmp_path: Path) -> None:
    page = tmp_path / "mirror.html"
    page.write_text(
        "<html><body><p>中等職業學(xué)校績效目標(biāo)表</p><table>"
        "<tr><td>一級指標(biāo)</td><td>二級指標(biāo)</td><td>三級指標(biāo)</td><td>指標(biāo)值</td></tr>"
        "<tr><td rowspan='2'>產(chǎn)出指標(biāo)</td><td rowspan='2'>數(shù)量指標(biāo)</td>"
        "<td>受助學(xué)生數(shù)</td><td>≥1200人</td></tr>"
        "<tr><td>補助發放準確率</td><td>100%</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    doc = parse(page)
    assert [(i.level1, i.level2, i.level3, i.value) for i in doc.indicators] == [
        ("产出指标", "数量指标", "受助学生数", "≥1200人"),
        ("产出指标", "数量指标", "补助发放准确率", "100%"),
    ]
    assert doc.indicators[1].anchor("level3") is not None
