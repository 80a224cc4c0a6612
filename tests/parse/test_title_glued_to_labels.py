"""A form title that opens a line glued to the first field labels after it: the words before the title word are the
title's (kpi_lint.read.text_grid.TitleHeads.start), so a department-wide table is seen as one."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Located
from kpi_lint.parse import parse
from kpi_lint.read.text_grid import TitleHeads, glued_cells
from kpi_lint.rules.target.common import department_wide
from tests.corpus import CORPUS_DIR


def _title(path: Path) -> Located | None:
    (project,) = parse(path).projects
    return project.title


def test_wild_l06_department_wide_title_read_whole() -> None:
    # l06 (重庆 融媒体中心, a preview of a .docx): "1、部门整体绩效自评表主管部门财政处室自评总分(分)97.6…" — the
    # reader cut "部门整体" off as a cell of its own and kept "绩效自评表" as the title (finding_review sample 51, l06)
    path = CORPUS_DIR / "wild" / "l06_chongqing_media_dept_selfeval.txt"
    (project,) = parse(path).projects
    assert project.title is not None
    assert (project.title.text, project.title.line, project.title.column) == ("部门整体绩效自评表", 2, 3)
    assert department_wide(project)


def test_wild_y01_title_gives_the_unit_its_name() -> None:
    # y01 (江西 卫生院, same preview site): "1、蚕茶卫生院整体支出绩效自评表(2021年度)评价部门名称…" — the whole title
    # is read, and the project is named from it, no longer from the glued "…下属单位个数0整体支出规模"
    path = CORPUS_DIR / "wild" / "y01_jiangxi_healthcentre_dept_selfeval_glued.txt"
    (project,) = parse(path).projects
    assert project.title is not None and project.title.text.startswith("蚕茶卫生院整体支出绩效自评表")
    assert project.name == "蚕茶卫生院"


def test_a_glued_title_after_a_list_number_keeps_its_head() -> None:
    vocab = load_lexicon().vocabulary
    assert vocab.word_pattern is not None
    titles = TitleHeads(lambda word: vocab.title_family(word) is not None, vocab.word_pattern)

    def cells(line: str) -> list[str]:
        found = glued_cells(
            line, line, vocab.word_pattern, vocab.label_pattern, vocab.header_cover, 3, vocab.header_tail, titles
        )
        assert found is not None
        return [text for _, text, _ in found]

    # the line opens with the title: its own words before 绩效自评表 are the title's, the list number is not
    assert cells("2、某某中心部门整体绩效自评表主管部门市财政局自评总分(分)95部门联系人张三联系电话123")[:3] == [
        "2、",
        "某某中心部门整体绩效自评表",
        "主管部门",
    ]
    # a field label before the title word: what follows it is that field's value, not the title's head
    assert cells("项目名称道路维修绩效目标表主管部门市交通局实施单位市公路中心")[:3] == [
        "项目名称",
        "道路维修",
        "绩效目标表",
    ]
