"""Issue 11af: a peer row the page or the excerpt cut is never a suggestion; a figure is only offered from peers of
the project's own sector (KPI201, KPI104 suggestions and examples)."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.lexicon import load_lexicon
from kpi_lint.library.cut_rows import break_place, cut_row, ends_inside_word, last_row_at_a_break
from kpi_lint.library.suggest import Suggester
from kpi_lint.model import Document, Indicator, Project
from kpi_lint.parse import parse
from kpi_lint.rules.target.common import peer_lines
from kpi_lint.vocab import COST
from tests.corpus import CORPUS_DIR


def _doc(docs: list[Document], prefix: str) -> Document:
    return next(d for d in docs if Path(d.path).name.startswith(prefix))


def test_names_cut_inside_a_word() -> None:
    directory = load_lexicon().directory
    cut = [
        "文物保护单位方案编制费、古建筑日常养护及抢险加固费、文物安全巡查费、宣传教育费、文物保",  # w01 (文物保护)
        "贫困人口参保县级财政补",  # 001's 申报表 cell (财政补助)
        "提高单位职工工作效",  # 002 (工作效率)
    ]
    whole = [
        "成本控制数",
        "预算控制数",
        "长期使用性",
        "会议费",
        "城乡居民基本医疗保险参保人数",
        "服务对象满意度",
        "疾病预防控制中心经费",
        "≥90%",
        "",
        None,
    ]
    assert [ends_inside_word(name, directory) for name in cut] == [True] * len(cut)
    assert [ends_inside_word(name, directory) for name in whole] == [False] * len(whole)


def test_w01_cut_cost_row_is_no_model(all_docs: list[Document], suggester: Suggester) -> None:
    """w01's 成本指标 cell stops at "…宣传教育费、文物保" (the spreadsheet preview's column width): with only batch w
    checked it was offered to w02 and w04 as "…文物保 59万元" (sample 29, partly)."""
    w01 = _doc(all_docs, "w01_")
    row = next(i for i in w01.projects[0].indicators if i.level2 == COST)
    assert row.level3 is not None and row.level3.endswith("文物保")
    assert cut_row(row, w01.projects[0], load_lexicon().directory)
    at = f"{w01.path}:{row.spans['value'].line}:{row.spans['value'].column}"
    for doc in all_docs:
        for proj in doc.projects:
            for found in suggester.suggest(proj, COST, doc.path, k=10):
                assert at not in found.sources, (doc.path, proj.name)


def test_cost_lines_come_only_from_the_projects_sector(all_docs: list[Document], suggester: Suggester) -> None:
    """Sample 29/30 (partly): w04's 普惠金融 fund (a 人社局's) was offered 002's 医保 设备购置费, 会议费, 宣传费 — its
    name makes it 金融, and no 金融 peer prints a cost row; w02's unnamed 文物保护 table (no name, no unit) and w03's
    规划展览馆 were offered 人才驿站, railway and hospital rows — a project of no sector, or of one no peer with cost
    rows shares, gets no figure; every line offered comes from a peer of a sector the project names."""
    lines = {}
    for prefix in ("w02_", "w03_", "w04_"):
        doc = _doc(all_docs, prefix)
        lines[prefix] = peer_lines(suggester, doc.projects[0], doc.path, COST)
    assert lines == {"w02_": [], "w03_": [], "w04_": []}
    w04 = _doc(all_docs, "w04_")
    assert suggester.sectors((w04.path, w04.projects[0].name, w04.projects[0].line)) == {"金融"}
    for doc in all_docs:
        for proj in doc.projects:
            own = suggester.sectors((doc.path, proj.name, proj.line), proj)
            for peer in suggester.ranked_peers(proj, doc.path, COST, same_sector=True):
                assert not own.isdisjoint(suggester.sectors(peer.key)), (doc.path, proj.name, peer.key)


def _each_row_alone(ind: Indicator, project: Project) -> bool:
    """`last_row_at_a_break` as it was asked before `break_place`: every row of the project compared, per row."""

    def place(row: Indicator) -> tuple[int, int]:
        return max(((loc.line, loc.column) for loc in row.spans.values()), default=(row.line, row.column))

    return bool(project.cut_off and project.indicators) and place(ind) == max(place(r) for r in project.indicators)


def test_break_place_found_once_gives_each_rows_answer(all_docs: list[Document]) -> None:
    """Issue 10 (per-row cost): where a broken-off table's last row starts is found once per project; on every row
    of the samples and the wild set the answer is the one the per-row search gave, and so is `cut_row`'s."""
    directory = load_lexicon().directory
    broken = at_break = 0
    for doc in all_docs:
        for proj in doc.projects:
            place = break_place(proj)
            broken += place is not None
            assert (place is not None) == bool(proj.cut_off and proj.indicators), (doc.path, proj.name)
            for ind in proj.indicators:
                alone = _each_row_alone(ind, proj)
                at_break += alone
                assert last_row_at_a_break(ind, proj, place) == alone == last_row_at_a_break(ind, proj)
                assert cut_row(ind, proj, directory, place) == cut_row(ind, proj, directory)
    # 2026-12-01, 183 documents: 101 broken-off tables, 101 last rows (a tie would count twice)
    assert at_break >= broken >= 90


def test_a_tail_asked_again_gets_the_same_answer() -> None:
    """The jieba cut of a name's Chinese tail is remembered per tail: asked again (another row, another category),
    the answer is the first one's, and a tail read inside a longer text is judged as alone."""
    directory = load_lexicon().directory
    texts = ("文物保", "宣传教育费、文物保", "工作效", "≥95%工作效", "服务对象满意度")
    first = [ends_inside_word(t, directory) for t in texts]
    again = [ends_inside_word(t, directory) for t in texts]
    assert first == again == [True, True, True, True, False]


def test_a_row_whose_cell_the_text_stops_inside_is_no_model() -> None:
    """b02 stops inside its last value, ">=9" under "受助对象满意度(≥**%)" (likely ">=90%"): the table reached 满意度,
    so it is not said to break off (`break_place` is None) and ">=9" ends inside no word — the cut cell alone says
    it is no target to copy. The row above it, whole, still is one."""
    b02 = parse(next((CORPUS_DIR / "wild").glob("b02_*.txt")))
    project = b02.projects[-1]
    last, before = project.indicators[-1], project.indicators[-2]
    assert (last.value, break_place(project)) == (">=9", None)
    directory = load_lexicon().directory
    assert cut_row(last, project, directory)
    assert not cut_row(before, project, directory)
